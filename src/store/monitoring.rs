//! Monitoreo's reads: the clippings, citizens' questions and reusable answers as lists and
//! details, and the figures of the last weeks (read in a few grouped queries on the date
//! indexes, so their cost follows the period, not the years kept).
use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use rusqlite::{named_params, OptionalExtension, Row};

use super::details::not_found;
use super::error::Result;
use super::lists::code;
use super::listsql::ListQuery;
use super::Store;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::{
    median, period_start, week_start, AnswerDetail, AnswerRow, ClippingRow, MonitoringFigures,
    PickUp, QuestionDetail, QuestionRow, Response, Tally, ToneWeek, WEEKS,
};
use crate::domain::query::Query;
use crate::domain::status::{Channel, ClippingKind, QuestionStatus, Tone};
use crate::domain::{ClippingDetail, PageRequest};

pub(crate) const CLIPPINGS: ListQuery = ListQuery {
    select: "k.id, k.published_on, coalesce(o.name, ''), k.kind, k.title, k.tone,
             (SELECT x.status FROM drafts x WHERE x.id = k.draft_id AND x.deleted_at IS NULL),
             k.response,
             EXISTS (SELECT 1 FROM drafts b WHERE b.id = k.quoted_id AND b.deleted_at IS NULL)",
    from: "FROM clippings k LEFT JOIN outlets o ON o.id = k.outlet_id",
    alias: "k",
    key: "k.published_on",
    desc: true,
    fts: Some("clippings_fts"),
    via: None,
    status: None,
    kind: Some("k.kind"),
    department: Some("k.department_id"),
    date: Some("k.published_on"),
    due: None,
};

pub(crate) fn clipping_row(r: &Row) -> rusqlite::Result<ClippingRow> {
    let tone = code(r, 5, Tone::from_code, Tone::Neutral)?;
    let piece: Option<String> = r.get(6)?;
    let text: String = r.get(7)?;
    Ok(ClippingRow {
        id: r.get(0)?,
        published_on: r.get(1)?,
        outlet: r.get(2)?,
        kind: code(r, 3, ClippingKind::from_code, ClippingKind::News)?,
        title: r.get(4)?,
        tone,
        response: Response::of(tone, piece.as_deref(), &text),
        quotes: r.get(8)?,
    })
}

pub(crate) const QUESTIONS: ListQuery = ListQuery {
    select: "q.id, q.asked_at, q.channel, q.question, q.topic,
             coalesce(nullif(d.short_name, ''), d.name, ''), q.status, q.answered_at",
    from: "FROM questions q LEFT JOIN departments d ON d.id = q.department_id",
    alias: "q",
    key: "q.asked_at",
    desc: true,
    fts: Some("questions_fts"),
    via: None,
    status: Some("q.status"),
    kind: Some("q.channel"),
    department: Some("q.department_id"),
    date: Some("q.asked_at"),
    due: None,
};

pub(crate) fn question_row(r: &Row) -> rusqlite::Result<QuestionRow> {
    Ok(QuestionRow {
        id: r.get(0)?,
        asked_at: r.get(1)?,
        channel: code(r, 2, Channel::from_code, Channel::Facebook)?,
        question: r.get(3)?,
        topic: r.get(4)?,
        department: r.get(5)?,
        status: code(r, 6, QuestionStatus::from_code, QuestionStatus::Open)?,
        answered_at: r.get(7)?,
    })
}

pub(crate) const ANSWERS: ListQuery = ListQuery {
    select: "a.id, a.title, a.topic, a.body,
             (SELECT count(*) FROM questions q WHERE q.answer_id = a.id AND q.deleted_at IS NULL)",
    from: "FROM answers a",
    alias: "a",
    key: "a.title",
    desc: false,
    fts: Some("answers_fts"),
    via: None,
    status: None,
    kind: None,
    department: None,
    date: None,
    due: None,
};

pub(crate) fn answer_row(r: &Row) -> rusqlite::Result<AnswerRow> {
    Ok(AnswerRow {
        id: r.get(0)?,
        title: r.get(1)?,
        topic: r.get(2)?,
        body: r.get(3)?,
        used: r.get::<_, i64>(4)?.max(0) as u64,
    })
}

/// A clipping `k` answered, as [`Response::of`] says: its response piece went out, or it has
/// no piece in the way (none, or one set aside) and says its response in words.
pub(crate) const ANSWERED: &str = "(EXISTS (SELECT 1 FROM drafts x WHERE x.id = k.draft_id
        AND x.deleted_at IS NULL AND x.status = 'published')
     OR (NOT EXISTS (SELECT 1 FROM drafts x WHERE x.id = k.draft_id
           AND x.deleted_at IS NULL AND x.status <> 'discarded')
         AND trim(k.response, ' ' || char(9, 10, 13)) <> ''))";

/// The figures' queries. `:start`/`:today` are days; a time is in the period when it is at or
/// after `:start` and before `:end` (the day after today).
const TONE_BY_DAY: &str = "SELECT published_on, tone, count(*) FROM clippings
     WHERE deleted_at IS NULL AND published_on >= :start AND published_on <= :today
     GROUP BY published_on, tone";

/// Negative clippings of the period, and how many of them were answered.
fn negative_sql() -> String {
    format!(
        "SELECT count(*), coalesce(sum({ANSWERED}), 0) FROM clippings k
         WHERE k.deleted_at IS NULL AND k.tone = 'negative'
           AND k.published_on >= :start AND k.published_on <= :today"
    )
}

/// The office's boletines that went out in the period.
const BOLETINES: &str = "SELECT DISTINCT p.draft_id FROM publications p
     JOIN drafts x ON x.id = p.draft_id AND x.deleted_at IS NULL AND x.kind = 'release'
     WHERE p.deleted_at IS NULL AND p.published_at >= :start AND p.published_at < :end";

/// The period's clippings that quote a piece, by outlet (each outlet's quoted pieces are
/// then kept to the period's boletines).
const QUOTES: &str = "SELECT o.id, o.name, k.quoted_id
     FROM clippings k JOIN outlets o ON o.id = k.outlet_id AND o.deleted_at IS NULL
     WHERE k.deleted_at IS NULL AND k.published_on >= :start AND k.published_on <= :today
       AND k.quoted_id IS NOT NULL";

const QUESTIONS_ASKED: &str = "SELECT count(*),
        coalesce(sum(status = 'answered'), 0),
        coalesce(sum(status IN ('open', 'routed')), 0),
        coalesce(sum(status = 'closed'), 0)
     FROM questions WHERE deleted_at IS NULL AND asked_at >= :start AND asked_at < :end";

const ANSWER_MINUTES: &str = "SELECT CAST(round((julianday(answered_at) - julianday(asked_at))
        * 1440) AS INTEGER)
     FROM questions WHERE deleted_at IS NULL AND asked_at >= :start AND asked_at < :end
       AND status = 'answered' AND answered_at <> ''";

/// Topics as people type them: «Baches» and «baches » are one.
const BY_TOPIC: &str = "SELECT min(trim(topic)), count(*) AS n,
        coalesce(sum(status IN ('open', 'routed')), 0), NULL
     FROM questions WHERE deleted_at IS NULL AND asked_at >= :start AND asked_at < :end
     GROUP BY lower(trim(topic)) ORDER BY n DESC, 1 LIMIT :limit";

const BY_DEPARTMENT: &str = "SELECT coalesce(nullif(d.short_name, ''), d.name, ''), count(*) AS n,
        coalesce(sum(q.status IN ('open', 'routed')), 0), d.id
     FROM questions q LEFT JOIN departments d ON d.id = q.department_id AND d.deleted_at IS NULL
     WHERE q.deleted_at IS NULL AND q.asked_at >= :start AND q.asked_at < :end
     GROUP BY d.id ORDER BY n DESC, 1 LIMIT :limit";

/// How many outlets, topics and departments the figures name.
const NAMED: i64 = 12;

impl Store {
    /// Clippings, newest first.
    pub fn clippings_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<ClippingRow>> {
        self.page(&CLIPPINGS, q, req, clipping_row)
    }

    /// Citizens' questions, newest first.
    pub fn questions_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<QuestionRow>> {
        self.page(&QUESTIONS, q, req, question_row)
    }

    /// The reusable answers, by title.
    pub fn answers_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<AnswerRow>> {
        self.page(&ANSWERS, q, req, answer_row)
    }

    /// A clipping: what was published, where, its tone, what it quotes, and the office's
    /// answer (as Monitoreo and the archive timeline show it).
    pub fn clipping_detail(&self, id: &str) -> Result<ClippingDetail> {
        type Head = (
            (String, String, Option<String>, String, String),
            (String, String, String, Option<String>, Option<String>),
            (String, Option<String>),
        );
        let (
            (title, published_on, outlet_id, kind, tone),
            (url, summary, topic, department_id, quoted_id),
            (response, draft_id),
        ): Head = self
            .conn()
            .prepare_cached(
                "SELECT title, published_on, outlet_id, kind, tone, url, summary, topic,
                        department_id, quoted_id, response, draft_id
                 FROM clippings WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                    (r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?),
                    (r.get(10)?, r.get(11)?),
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("clippings", id))?;
        const PIECE: &str = "SELECT id, written_at, title, status FROM drafts
             WHERE id = ?1 AND deleted_at IS NULL";
        let response_out = match &draft_id {
            Some(draft) => self
                .conn()
                .prepare_cached(
                    "SELECT min(published_at) FROM publications
                     WHERE draft_id = ?1 AND deleted_at IS NULL",
                )?
                .query_row([draft], |r| r.get::<_, Option<String>>(0))?
                .unwrap_or_default(),
            None => String::new(),
        };
        Ok(ClippingDetail {
            id: id.to_owned(),
            title,
            published_on,
            outlet: self.one_link(
                RecordKind::Outlet,
                "SELECT id, '', name, '' FROM outlets WHERE id = ?1 AND deleted_at IS NULL",
                outlet_id.as_deref(),
            )?,
            kind: ClippingKind::from_code(&kind).unwrap_or(ClippingKind::News),
            tone: Tone::from_code(&tone).unwrap_or(Tone::Neutral),
            url,
            summary,
            topic,
            department: self.department_link(department_id.as_deref())?,
            quoted: self.one_link(RecordKind::Draft, PIECE, quoted_id.as_deref())?,
            response,
            draft: self.one_link(RecordKind::Draft, PIECE, draft_id.as_deref())?,
            response_out,
        })
    }

    pub fn question_detail(&self, id: &str) -> Result<QuestionDetail> {
        let (row, department_id, answer_id, response): (
            QuestionRow,
            Option<String>,
            Option<String>,
            String,
        ) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {}, q.department_id, q.answer_id, q.response
                 {} WHERE q.id = ?1 AND q.deleted_at IS NULL",
                QUESTIONS.select, QUESTIONS.from
            ))?
            .query_row([id], |r| {
                Ok((question_row(r)?, r.get(8)?, r.get(9)?, r.get(10)?))
            })
            .optional()?
            .ok_or_else(|| not_found("questions", id))?;
        Ok(QuestionDetail {
            row,
            department: self.department_link(department_id.as_deref())?,
            answer: self.one_link(
                RecordKind::Answer,
                "SELECT id, '', title, '' FROM answers WHERE id = ?1 AND deleted_at IS NULL",
                answer_id.as_deref(),
            )?,
            response,
        })
    }

    pub fn answer_detail(&self, id: &str) -> Result<AnswerDetail> {
        let row = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {} {} WHERE a.id = ?1 AND a.deleted_at IS NULL",
                ANSWERS.select, ANSWERS.from
            ))?
            .query_row([id], answer_row)
            .optional()?
            .ok_or_else(|| not_found("answers", id))?;
        let questions = self.links(
            RecordKind::Question,
            "SELECT id, asked_at, question, status FROM questions
             WHERE answer_id = ?1 AND deleted_at IS NULL ORDER BY asked_at DESC, id LIMIT 10",
            id,
        )?;
        Ok(AnswerDetail { row, questions })
    }

    /// The monitoring figures of the [`WEEKS`] weeks up to `today`.
    pub fn monitoring_figures(&self, today: NaiveDate) -> Result<MonitoringFigures> {
        let start = period_start(today);
        let (start_s, today_s) = (day(start), day(today));
        let end_s = day(today + Duration::days(1));
        let days = named_params! { ":start": start_s, ":today": today_s };
        let times = named_params! { ":start": start_s, ":end": end_s };
        let c = self.conn();

        let mut weeks: Vec<ToneWeek> = (0..WEEKS)
            .map(|i| ToneWeek {
                week: Some(start + Duration::weeks(i as i64)),
                ..ToneWeek::default()
            })
            .collect();
        let mut stmt = c.prepare_cached(TONE_BY_DAY)?;
        let mut rows = stmt.query(days)?;
        while let Some(r) = rows.next()? {
            let (on, tone, n): (String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let Ok(on) = NaiveDate::parse_from_str(&on, "%Y-%m-%d") else {
                continue;
            };
            let i = ((week_start(on) - start).num_weeks()).clamp(0, WEEKS as i64 - 1) as usize;
            let n = n.max(0) as u64;
            match Tone::from_code(&tone) {
                Some(Tone::Positive) => weeks[i].positive += n,
                Some(Tone::Negative) => weeks[i].negative += n,
                _ => weeks[i].neutral += n,
            }
        }

        let (negative, negative_answered): (i64, i64) = c
            .prepare_cached(&negative_sql())?
            .query_row(days, |r| Ok((r.get(0)?, r.get(1)?)))?;

        // The boletines of the period, read once; each outlet's pick-ups are those it quoted.
        let boletines: HashSet<String> = c
            .prepare_cached(BOLETINES)?
            .query_map(times, |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut quoted: HashMap<String, (String, HashSet<String>)> = HashMap::new();
        let mut stmt = c.prepare_cached(QUOTES)?;
        let mut rows = stmt.query(days)?;
        while let Some(r) = rows.next()? {
            let (outlet, name, piece): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if boletines.contains(&piece) {
                quoted
                    .entry(outlet)
                    .or_insert_with(|| (name, HashSet::new()))
                    .1
                    .insert(piece);
            }
        }
        let mut pick_ups: Vec<PickUp> = quoted
            .into_iter()
            .map(|(id, (name, pieces))| PickUp {
                outlet: Target::new(RecordKind::Outlet, id),
                name,
                quoted: pieces.len() as u64,
            })
            .collect();
        pick_ups.sort_by(|a, b| b.quoted.cmp(&a.quoted).then_with(|| a.name.cmp(&b.name)));
        pick_ups.truncate(NAMED as usize);
        let boletines = boletines.len() as i64;

        let (asked, answered, waiting, closed): (i64, i64, i64, i64) = c
            .prepare_cached(QUESTIONS_ASKED)?
            .query_row(times, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        let mut minutes = c
            .prepare_cached(ANSWER_MINUTES)?
            .query_map(times, |r| r.get::<_, Option<i64>>(0))?
            .filter_map(|m| m.transpose())
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        minutes.retain(|m| *m >= 0);

        let tallies = |sql: &str| -> Result<Vec<Tally>> {
            let mut stmt = c.prepare_cached(sql)?;
            let rows = stmt
                .query_map(
                    named_params! { ":start": start_s, ":end": end_s, ":limit": NAMED },
                    |r| {
                        Ok(Tally {
                            id: r.get(3)?,
                            name: r.get(0)?,
                            count: r.get::<_, i64>(1)?.max(0) as u64,
                            waiting: r.get::<_, i64>(2)?.max(0) as u64,
                        })
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        Ok(MonitoringFigures {
            today: Some(today),
            weeks,
            negative: negative.max(0) as u64,
            negative_answered: negative_answered.max(0) as u64,
            boletines: boletines.max(0) as u64,
            pick_ups,
            asked: asked.max(0) as u64,
            answered: answered.max(0) as u64,
            waiting: waiting.max(0) as u64,
            closed: closed.max(0) as u64,
            median_minutes: median(&mut minutes),
            by_topic: tallies(BY_TOPIC)?,
            by_department: tallies(BY_DEPARTMENT)?,
        })
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
