//! The morning briefing (the Hoy tab and `prensa resumen`): a few bounded, indexed reads, whatever
//! the size of the file. Each query is a constant with named parameters, so that the same text can
//! be run by `sqlite3` to measure the floor ([`briefing_script`]).
use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::error::Result;
use super::Store;
use crate::domain::briefing::{
    hours_since, month_starts, spark_days, uncovered_first, waiting_until, Balance, Briefing,
    MaterialLate, MediaOpen, NegativeNote, Owing, PieceLine, Published, ReportLine,
    WaitingQuestion, WaitingReports, QUESTION_WAIT_HOURS, SPARK_DAYS,
};
use crate::domain::status::{
    Channel, ClippingKind, DraftKind, MaterialKind, MediaRequestKind, QuestionStatus,
};

/// How many lines of a section the briefing carries.
const SECTION: i64 = 8;
/// How many of a department's waiting reports the briefing names.
const PER_DEPARTMENT: i64 = 3;
/// How many negative notes, and how many waiting questions, the briefing names (the two share
/// a section).
const MONITORING: i64 = 4;

/// Reports waiting to be read, counted per department, the most first.
const REPORTS_BY_DEPARTMENT: &str = "
    SELECT coalesce(r.department_id, ''), coalesce(nullif(d.short_name, ''), d.name, ''), count(*)
    FROM reports r LEFT JOIN departments d ON d.id = r.department_id
    WHERE r.status = 'received' AND r.deleted_at IS NULL
    GROUP BY r.department_id
    ORDER BY count(*) DESC, min(coalesce(d.sort, 0)), 2";

/// The newest reports waiting of each department, for their titles (however many another
/// department has waiting).
const REPORTS_WAITING: &str = "
    SELECT department_id, id, title, received_at FROM (
        SELECT coalesce(department_id, '') AS department_id, id, title, received_at,
               row_number() OVER (PARTITION BY department_id ORDER BY received_at DESC, id) AS n
        FROM reports WHERE status = 'received' AND deleted_at IS NULL)
    WHERE n <= :per
    ORDER BY received_at DESC, id";

/// The department a piece is about: its report's, else its event's, else its campaign's.
const PIECE_DEPARTMENT: &str = "
    LEFT JOIN reports r ON r.id = x.report_id
    LEFT JOIN events e ON e.id = x.event_id
    LEFT JOIN campaigns c ON c.id = x.campaign_id
    LEFT JOIN departments d ON d.id = coalesce(r.department_id, e.department_id, c.department_id)";

const SCHEDULED_COUNT: &str = "
    SELECT count(*) FROM drafts
    WHERE status = 'scheduled' AND deleted_at IS NULL
      AND scheduled_for >= :day AND scheduled_for < :next";

const APPROVALS_COUNT: &str =
    "SELECT count(*) FROM drafts WHERE status = 'review' AND deleted_at IS NULL";

/// `{PIECE_DEPARTMENT}` is put in by [`approvals_sql`] and [`scheduled_sql`].
fn approvals_sql() -> String {
    format!(
        "SELECT x.id, x.title, x.kind, x.written_at, coalesce(nullif(d.short_name, ''), d.name, '')
         FROM drafts x {PIECE_DEPARTMENT}
         WHERE x.status = 'review' AND x.deleted_at IS NULL
         ORDER BY x.written_at, x.id LIMIT :limit"
    )
}

fn scheduled_sql() -> String {
    format!(
        "SELECT x.id, x.title, x.kind, x.scheduled_for, coalesce(nullif(d.short_name, ''), d.name, '')
         FROM drafts x {PIECE_DEPARTMENT}
         WHERE x.status = 'scheduled' AND x.deleted_at IS NULL
           AND x.scheduled_for >= :day AND x.scheduled_for < :next
         ORDER BY x.scheduled_for, x.id LIMIT :limit"
    )
}

/// Departments with requests past due; the bare columns come from the most overdue request.
const OWING: &str = "
    SELECT q.department_id, coalesce(nullif(d.short_name, ''), d.name, ''), count(*), q.id, q.subject, min(q.due_on)
    FROM requests q LEFT JOIN departments d ON d.id = q.department_id
    WHERE q.status = 'pending' AND q.due_on <> '' AND q.due_on < :day AND q.deleted_at IS NULL
      AND q.department_id IS NOT NULL
    GROUP BY q.department_id
    ORDER BY min(q.due_on), 2";

const MATERIAL_OWED: &str = "m.status NOT IN ('delivered', 'cancelled') AND m.needed_by <> ''
     AND m.needed_by < :day AND m.deleted_at IS NULL";

fn material_count_sql() -> String {
    format!("SELECT count(*) FROM material_requests m WHERE {MATERIAL_OWED}")
}

fn material_sql() -> String {
    format!(
        "SELECT m.id, coalesce(nullif(d.short_name, ''), d.name, ''), m.kind, m.title, m.needed_by
         FROM material_requests m LEFT JOIN departments d ON d.id = m.department_id
         WHERE {MATERIAL_OWED} ORDER BY m.needed_by, m.id LIMIT :limit"
    )
}

const MEDIA_OPEN: &str = "i.status IN ('requested', 'scheduled') AND i.deleted_at IS NULL";

fn media_count_sql() -> String {
    format!("SELECT count(*) FROM interviews i WHERE {MEDIA_OPEN}")
}

fn media_sql() -> String {
    format!(
        "SELECT i.id, coalesce(nullif(j.name, ''), o.name, ''), i.kind, i.topic, i.due_on
         FROM interviews i LEFT JOIN journalists j ON j.id = i.journalist_id
         LEFT JOIN outlets o ON o.id = i.outlet_id
         WHERE {MEDIA_OPEN} ORDER BY i.due_on = '', i.due_on, i.requested_on, i.id LIMIT :limit"
    )
}

/// A negative note of the media of the figures' weeks, up to the day, that the office has not
/// answered (as [`Response::of`](crate::domain::monitoring::Response::of) says); read through
/// `clippings_by_date`.
fn negative_open() -> String {
    format!(
        "k.tone = 'negative' AND k.deleted_at IS NULL AND k.published_on < :next
         AND k.published_on >= :recent AND NOT {}",
        super::monitoring::ANSWERED
    )
}

fn negative_count_sql() -> String {
    format!("SELECT count(*) FROM clippings k WHERE {}", negative_open())
}

fn negative_sql() -> String {
    format!(
        "SELECT k.id, k.published_on, coalesce(k.outlet_id, ''), coalesce(o.name, ''), k.kind,
                k.title, coalesce(r.id, '')
         FROM clippings k LEFT JOIN outlets o ON o.id = k.outlet_id
         LEFT JOIN drafts r ON r.id = k.draft_id AND r.deleted_at IS NULL
         WHERE {} ORDER BY k.published_on DESC, k.id DESC LIMIT :few",
        negative_open()
    )
}

/// A citizen's question still open or routed, asked before `:waited` (the briefing's now less
/// [`QUESTION_WAIT_HOURS`]); read through `questions_by_status`.
const QUESTIONS_LATE: &str = "q.status IN ('open', 'routed') AND q.deleted_at IS NULL
     AND q.asked_at <> '' AND q.asked_at < :waited";

fn questions_count_sql() -> String {
    format!("SELECT count(*) FROM questions q WHERE {QUESTIONS_LATE}")
}

fn questions_sql() -> String {
    format!(
        "SELECT q.id, q.asked_at, q.channel, q.question, q.status, coalesce(q.department_id, ''),
                coalesce(nullif(d.short_name, ''), d.name, '')
         FROM questions q LEFT JOIN departments d ON d.id = q.department_id
         WHERE {QUESTIONS_LATE} ORDER BY q.asked_at, q.id LIMIT :few"
    )
}

/// What came out the day before (every publication of it: a day is a few dozen at most).
const PUBLISHED: &str = "
    SELECT p.id, p.channel, p.published_at, coalesce(x.title, '')
    FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id
    WHERE p.deleted_at IS NULL AND p.published_at >= :prev AND p.published_at < :day
    ORDER BY p.published_at, p.id";

/// Publications per day over the sparkline's days.
const SPARK: &str = "
    SELECT substr(published_at, 1, 10), count(*) FROM publications
    WHERE deleted_at IS NULL AND published_at >= :spark AND published_at < :day
    GROUP BY 1";

/// Publications per department, this month up to the day and the whole month before, read
/// from one index (`publications_by_department`: date, department, piece): each publication
/// names its department since schema 10 (named: the planner takes the index by date, which
/// leaves a row to read per publication). One written before names none, and its piece's
/// report, event or campaign says it (the lookups the index spares the others: 11.7 ms for
/// the `--grande` dataset's 5,400 publications of those weeks when all of them were looked up).
const BALANCE: &str = "
    SELECT coalesce(p.department_id,
                    (SELECT coalesce(r.department_id, e.department_id, c.department_id)
                     FROM drafts x
                     LEFT JOIN reports r ON r.id = x.report_id
                     LEFT JOIN events e ON e.id = x.event_id
                     LEFT JOIN campaigns c ON c.id = x.campaign_id
                     WHERE x.id = p.draft_id), '') AS dep,
           sum(p.published_at >= :month), sum(p.published_at < :month)
    FROM publications p INDEXED BY publications_by_department
    WHERE p.deleted_at IS NULL AND p.published_at >= :last AND p.published_at < :next
    GROUP BY dep";

/// Every live department, in the office's order.
const DEPARTMENTS: &str = "
    SELECT id, coalesce(nullif(short_name, ''), name), active FROM departments
    WHERE deleted_at IS NULL
    ORDER BY sort, short_name, id";

const CONFLICTS: &str =
    "SELECT count(*) FROM conflicts WHERE resolved_at = '' AND deleted_at IS NULL";

/// The parameters of the queries for `date`: its day, the next and the previous, the
/// sparkline's first day, this month's first day and the previous month's, when a question
/// asked before has waited too long (`now` less [`QUESTION_WAIT_HOURS`]), and the first day of
/// the weeks Monitoreo's figures cover (a negative note older than them no longer waits).
fn parameters(date: NaiveDate, now: NaiveDateTime) -> [(&'static str, String); 11] {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let (month, last) = month_starts(date);
    let waited = now - Duration::hours(QUESTION_WAIT_HOURS);
    [
        (":day", day(date)),
        (":next", day(date + Duration::days(1))),
        (":prev", day(date - Duration::days(1))),
        (":spark", day(date - Duration::days(SPARK_DAYS))),
        (":month", day(month)),
        (":last", day(last)),
        (":limit", SECTION.to_string()),
        (":per", PER_DEPARTMENT.to_string()),
        (":few", MONITORING.to_string()),
        (":waited", waited.format("%Y-%m-%dT%H:%M").to_string()),
        (
            ":recent",
            day(crate::domain::monitoring::period_start(date)),
        ),
    ]
}

/// The briefing's queries as a `sqlite3` script for `date` (the agenda's two reads included,
/// with its own parameters), to measure how fast SQLite alone answers them. Questions are
/// counted waiting up to the day's end.
pub fn briefing_script(date: NaiveDate) -> String {
    let mut out = String::new();
    let agenda = super::agenda::period_parameters(date, date + Duration::days(2));
    let params = parameters(date, waiting_until(date, ""));
    for (name, value) in params.into_iter().chain(agenda) {
        // A date goes as an SQL string (the shell would read 2025-03-06 as a subtraction).
        if value.parse::<i64>().is_ok() {
            out.push_str(&format!(".parameter set {name} {value}\n"));
        } else {
            out.push_str(&format!(".parameter set {name} \"'{value}'\"\n"));
        }
    }
    let queries = [
        super::agenda::events_sql(),
        super::agenda::coverage_sql(),
        REPORTS_BY_DEPARTMENT.to_owned(),
        REPORTS_WAITING.to_owned(),
        SCHEDULED_COUNT.to_owned(),
        APPROVALS_COUNT.to_owned(),
        approvals_sql(),
        scheduled_sql(),
        OWING.to_owned(),
        material_count_sql(),
        material_sql(),
        media_count_sql(),
        media_sql(),
        negative_count_sql(),
        negative_sql(),
        questions_count_sql(),
        questions_sql(),
        PUBLISHED.to_owned(),
        SPARK.to_owned(),
        BALANCE.to_owned(),
        DEPARTMENTS.to_owned(),
        CONFLICTS.to_owned(),
    ];
    for q in queries {
        out.push_str(q.trim());
        out.push_str(";\n");
    }
    out
}

fn count(n: i64) -> u64 {
    n.max(0) as u64
}

impl Store {
    /// Everything the morning meeting reviews on `date`.
    pub fn briefing(&self, date: NaiveDate) -> Result<Briefing> {
        let now = waiting_until(date, &self.local_now());
        let params = parameters(date, now);
        let conn = self.conn();
        // Each query binds only the parameters its text names.
        let bind = |stmt: &mut rusqlite::CachedStatement<'_>| -> Result<()> {
            for (name, value) in &params {
                if let Some(i) = stmt.parameter_index(name)? {
                    if let Ok(n) = value.parse::<i64>() {
                        stmt.raw_bind_parameter(i, n)?;
                    } else {
                        stmt.raw_bind_parameter(i, value)?;
                    }
                }
            }
            Ok(())
        };
        let single = |sql: &str| -> Result<u64> {
            let mut stmt = conn.prepare_cached(sql)?;
            bind(&mut stmt)?;
            let mut rows = stmt.raw_query();
            let n: i64 = match rows.next()? {
                Some(r) => r.get(0)?,
                None => 0,
            };
            Ok(count(n))
        };
        macro_rules! rows {
            ($sql:expr, |$r:ident| $make:expr) => {{
                let mut stmt = conn.prepare_cached($sql)?;
                bind(&mut stmt)?;
                let mut rows = stmt.raw_query();
                let mut out = Vec::new();
                while let Some($r) = rows.next()? {
                    out.push($make);
                }
                out
            }};
        }

        let mut events = self.agenda(date, date + Duration::days(2))?;
        let next = params[1].1.clone();
        let split = events.partition_point(|e| e.starts_at.as_str() < next.as_str());
        let tomorrow = events.split_off(split.min(events.len()));
        let mut today = events;
        uncovered_first(&mut today);

        let mut reports: Vec<WaitingReports> = rows!(REPORTS_BY_DEPARTMENT, |r| WaitingReports {
            department_id: r.get(0)?,
            department: r.get(1)?,
            count: count(r.get(2)?),
            latest: Vec::new(),
        });
        let at: HashMap<String, usize> = reports
            .iter()
            .enumerate()
            .map(|(i, w)| (w.department_id.clone(), i))
            .collect();
        let waiting: Vec<(String, ReportLine)> = rows!(REPORTS_WAITING, |r| (
            r.get(0)?,
            ReportLine {
                id: r.get(1)?,
                title: r.get(2)?,
                received_at: r.get(3)?,
            }
        ));
        for (department, line) in waiting {
            if let Some(w) = at.get(&department).and_then(|i| reports.get_mut(*i)) {
                if w.latest.len() < PER_DEPARTMENT as usize {
                    w.latest.push(line);
                }
            }
        }
        let reports_total = reports.iter().map(|w| w.count).sum();

        let piece = |r: &rusqlite::Row<'_>| -> rusqlite::Result<PieceLine> {
            Ok(PieceLine {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: DraftKind::from_code(&r.get::<_, String>(2)?).unwrap_or(DraftKind::Post),
                at: r.get(3)?,
                department: r.get(4)?,
            })
        };
        let approvals_total = single(APPROVALS_COUNT)?;
        let approvals = rows!(&approvals_sql(), |r| piece(r)?);
        let scheduled = rows!(&scheduled_sql(), |r| piece(r)?);
        let scheduled_total = single(SCHEDULED_COUNT)?;

        let owing = rows!(OWING, |r| Owing {
            department_id: r.get(0)?,
            department: r.get(1)?,
            overdue: count(r.get(2)?),
            request_id: r.get(3)?,
            subject: r.get(4)?,
            due_on: r.get(5)?,
        });

        let material_late_total = single(&material_count_sql())?;
        let material_late = rows!(&material_sql(), |r| MaterialLate {
            id: r.get(0)?,
            department: r.get(1)?,
            kind: MaterialKind::from_code(&r.get::<_, String>(2)?).unwrap_or(MaterialKind::Other),
            title: r.get(3)?,
            needed_by: r.get(4)?,
        });

        let media_total = single(&media_count_sql())?;
        let media = rows!(&media_sql(), |r| MediaOpen {
            id: r.get(0)?,
            who: r.get(1)?,
            kind: MediaRequestKind::from_code(&r.get::<_, String>(2)?)
                .unwrap_or(MediaRequestKind::Interview),
            topic: r.get(3)?,
            due_on: r.get(4)?,
        });

        let negative_total = single(&negative_count_sql())?;
        let negative = rows!(&negative_sql(), |r| NegativeNote {
            id: r.get(0)?,
            published_on: r.get(1)?,
            outlet_id: r.get(2)?,
            outlet: r.get(3)?,
            kind: ClippingKind::from_code(&r.get::<_, String>(4)?).unwrap_or(ClippingKind::News),
            title: r.get(5)?,
            response_id: r.get(6)?,
        });

        let questions_total = single(&questions_count_sql())?;
        let questions = rows!(&questions_sql(), |r| {
            let asked_at: String = r.get(1)?;
            WaitingQuestion {
                id: r.get(0)?,
                hours: hours_since(&asked_at, now),
                asked_at,
                channel: Channel::from_code(&r.get::<_, String>(2)?).unwrap_or(Channel::Web),
                question: r.get(3)?,
                status: QuestionStatus::from_code(&r.get::<_, String>(4)?)
                    .unwrap_or(QuestionStatus::Open),
                department_id: r.get(5)?,
                department: r.get(6)?,
            }
        });

        let mut published = rows!(PUBLISHED, |r| Published {
            id: r.get(0)?,
            channel: Channel::from_code(&r.get::<_, String>(1)?).unwrap_or(Channel::Web),
            published_at: r.get(2)?,
            title: r.get(3)?,
        });
        // By channel, in the channels' own order; by time within each.
        published.sort_by_key(|p| Channel::ALL.iter().position(|c| *c == p.channel));
        let published_total = published.len() as u64;
        let published_by_channel = Channel::ALL
            .iter()
            .map(|c| {
                (
                    *c,
                    published.iter().filter(|p| p.channel == *c).count() as u64,
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        published.truncate(SECTION as usize + 4);

        let days: Vec<(String, u64)> = rows!(SPARK, |r| (r.get(0)?, count(r.get(1)?)));
        let spark = spark_days(date, &days);

        let per: HashMap<String, (u64, u64)> = rows!(BALANCE, |r| (
            r.get::<_, String>(0)?,
            (count(r.get(1)?), count(r.get(2)?))
        ))
        .into_iter()
        .collect();
        let balance = rows!(DEPARTMENTS, |r| (
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, bool>(2)?
        ))
        .into_iter()
        .filter_map(|(id, name, active)| {
            let (this_month, last_month) = per.get(&id).copied().unwrap_or((0, 0));
            (active || this_month + last_month > 0).then_some(Balance {
                department_id: id,
                department: name,
                this_month,
                last_month,
            })
        })
        .collect();

        Ok(Briefing {
            date,
            today,
            tomorrow,
            reports,
            reports_total,
            approvals,
            approvals_total,
            scheduled,
            scheduled_total,
            owing,
            material_late,
            material_late_total,
            media,
            media_total,
            now: now.format("%Y-%m-%dT%H:%M").to_string(),
            negative,
            negative_total,
            questions,
            questions_total,
            published,
            published_total,
            published_by_channel,
            conflicts: single(CONFLICTS)?,
            spark,
            balance,
        })
    }
}
