//! The forms of the agenda: an event, a recurring event as a whole, and who covers it.
use chrono::{Duration, NaiveDateTime, NaiveTime, Timelike};

use super::options;
use crate::domain::dates::{parse_date, parse_weekdays};
use crate::domain::edit::{CoverageInput, EventInput, Problem, Record, RecordKind, SeriesInput};
use crate::domain::recurrence::{code_day, day_code, RuleParts};
use crate::domain::status::{CoverageRole, CoverageStatus, EventKind, EventStatus};
use crate::i18n::labels::problem_text;
use crate::i18n::{describe_rule, short_date, t, tf, weekday_short, Msg};
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{finish, FormCtx};

fn datetime(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok()
}

/// A new event: today at the next full hour, one hour long; so a title and Ctrl+S make one.
pub fn event(rec: Option<&EventInput>, ctx: &FormCtx) -> Vec<Field> {
    // Only a new event can be made to repeat; an occurrence is edited on its own.
    let repeat = rec.is_none().then(RuleParts::default);
    fields(rec, repeat.as_ref(), &[], ctx)
}

/// A recurring event as a whole: its first date, how it repeats, and the dates it skips.
pub fn series(s: &SeriesInput, ctx: &FormCtx) -> Vec<Field> {
    let first = s.occurrence(s.starts_at.clone(), s.ends_at.clone());
    fields(
        Some(&first),
        Some(&RuleParts::split(&s.rule)),
        &s.exdates,
        ctx,
    )
}

fn fields(
    rec: Option<&EventInput>,
    repeat: Option<&RuleParts>,
    except: &[String],
    ctx: &FormCtx,
) -> Vec<Field> {
    let next_hour = ctx
        .now
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .map(|t| t + Duration::hours(1))
        .unwrap_or(ctx.now);
    let (title, start, end) = match rec {
        Some(e) => (
            e.title.as_str(),
            datetime(&e.starts_at),
            datetime(&e.ends_at),
        ),
        None => ("", Some(next_hour), Some(next_hour + Duration::hours(1))),
    };
    let status = rec.map(|e| e.status).unwrap_or(EventStatus::Scheduled);
    let kind = rec.map(|e| e.kind).unwrap_or(EventKind::Public);
    let all_day = rec.is_some_and(|e| e.all_day);
    let mut fields = vec![
        Field::text("title", title).required(),
        Field::date("date", start.map(|s| s.date())).required(),
        Field::time("start_time", start.map(|s| s.time()).filter(|_| !all_day)),
        Field::time("end_time", end.map(|e| e.time()).filter(|_| !all_day)),
        Field::toggle("all_day", all_day),
    ];
    if let Some(parts) = repeat {
        let (base, days) = split_days(&parts.base);
        fields.push(Field::choice("repeat", repeat_options(&base), &base));
        fields.push(Field::text("repeat_days", &days));
        fields.push(Field::date("repeat_until", parts.until));
        fields.push(Field::text(
            "repeat_count",
            &parts.count.map(|n| n.to_string()).unwrap_or_default(),
        ));
        let shown: Vec<String> = except
            .iter()
            .filter_map(|d| datetime(d))
            .map(|d| short_date(d.date()))
            .collect();
        if rec.is_some() && !parts.base.is_empty() {
            fields.push(Field::text("exdates", &shown.join(", ")));
        }
    }
    fields.extend([
        Field::choice(
            "kind",
            options(EventKind::ALL, EventKind::code),
            kind.code(),
        ),
        Field::text("place", rec.map(|e| e.place.as_str()).unwrap_or("")),
        Field::text("locality", rec.map(|e| e.locality.as_str()).unwrap_or("")),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(
                RecordKind::Department,
                rec.and_then(|e| e.department_id.as_deref()),
            ),
        ),
        Field::choice(
            "status",
            options(EventStatus::ALL, EventStatus::code),
            status.code(),
        ),
        Field::toggle("public", rec.map(|e| e.public).unwrap_or(true)),
        Field::multi("notes", rec.map(|e| e.notes.as_str()).unwrap_or("")),
    ]);
    fields
}

/// How an event may repeat: (code, label); the code is the rule without its end.
const REPEATS: &[(&str, Msg)] = &[
    ("none", Msg::RepeatNone),
    ("FREQ=DAILY", Msg::RepeatDaily),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Msg::RepeatWeekdays),
    ("FREQ=WEEKLY", Msg::RepeatWeekly),
    ("FREQ=WEEKLY;INTERVAL=2", Msg::RepeatFortnightly),
    ("FREQ=MONTHLY", Msg::RepeatMonthly),
];

/// A weekly rule on given days as the form shows it: "Cada semana" and the days ("lun, mié");
/// any other rule as it is, with no days.
fn split_days(base: &str) -> (String, String) {
    if base.is_empty() {
        return ("none".into(), String::new());
    }
    if REPEATS.iter().any(|(code, _)| *code == base) {
        return (base.to_owned(), String::new());
    }
    let (mut rest, mut days) = (Vec::new(), None);
    for part in base.split(';') {
        match part.strip_prefix("BYDAY=") {
            Some(list) => days = list.split(',').map(code_day).collect::<Option<Vec<_>>>(),
            None => rest.push(part),
        }
    }
    let rest = rest.join(";");
    match days {
        Some(days) if REPEATS.iter().any(|(code, _)| *code == rest) && rest.contains("WEEKLY") => {
            let names: Vec<String> = days.into_iter().map(weekday_short).collect();
            (rest, names.join(", "))
        }
        _ => (base.to_owned(), String::new()),
    }
}

/// The usual ways, and the series' own when it is none of them (from a calendar import).
fn repeat_options(current: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = REPEATS
        .iter()
        .map(|(code, msg)| ((*code).to_owned(), t(*msg).to_owned()))
        .collect();
    if !out.iter().any(|(code, _)| code == current) {
        out.push((current.to_owned(), describe_rule(current)));
    }
    out
}

/// The store checks `starts_at` and `ends_at`; the form shows them as a date and two times.
pub const EVENT_ALIASES: &[(&str, &str)] = &[
    ("starts_at", "start_time"),
    ("ends_at", "end_time"),
    ("rule", "repeat"),
];

/// What the form says about the event (or the first date of a series).
fn read_event(f: &Form, original: Option<&EventInput>, errors: &mut FieldErrors) -> EventInput {
    fn take<T>(
        r: Result<Option<T>, (&'static str, String)>,
        errors: &mut FieldErrors,
    ) -> Option<T> {
        r.unwrap_or_else(|e| {
            errors.push(e);
            None
        })
    }
    let date = take(f.date("date"), errors);
    let start = take(f.time("start_time"), errors);
    let end = take(f.time("end_time"), errors);
    let all_day = f.toggle("all_day");
    // A whole day runs from its first minute to its last.
    let (start, end) = if all_day {
        (
            NaiveTime::from_hms_opt(0, 0, 0),
            NaiveTime::from_hms_opt(23, 59, 0),
        )
    } else {
        (start, end)
    };
    let at = |t: Option<NaiveTime>| match (date, t) {
        (Some(d), Some(t)) => d.and_time(t).format("%Y-%m-%dT%H:%M").to_string(),
        _ => String::new(),
    };
    if date.is_none() && f.text("date").is_empty() {
        errors.push(("date", problem_text(Problem::Required)));
    }
    if date.is_some() && start.is_none() && f.text("start_time").is_empty() {
        errors.push(("start_time", problem_text(Problem::Required)));
    }
    // An end earlier than the start is the next morning (a vigil from 22:00 to 01:00; an
    // event made at 22:30 that starts at 23:00 and ends at midnight).
    let ends_at = match (date, start, end) {
        (Some(d), Some(s), Some(e)) if e < s => d
            .succ_opt()
            .map(|next| next.and_time(e).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default(),
        _ => at(end),
    };
    EventInput {
        title: f.text("title"),
        starts_at: at(start),
        ends_at,
        place: f.text("place"),
        locality: f.text("locality"),
        department_id: f.pick("department_id"),
        campaign_id: original.and_then(|e| e.campaign_id.clone()),
        status: EventStatus::from_code(&f.choice("status")).unwrap_or(EventStatus::Scheduled),
        public: f.toggle("public"),
        notes: f.text("notes"),
        all_day,
        kind: EventKind::from_code(&f.choice("kind")).unwrap_or(EventKind::Public),
        uid: String::new(),
    }
}

/// How the form says the event repeats: the rule, and the starts it skips.
fn read_repeat(f: &Form, event: &EventInput, errors: &mut FieldErrors) -> (String, Vec<String>) {
    let mut base = f.choice("repeat");
    let days = f.text("repeat_days");
    if base.is_empty() || base == "none" {
        if !days.trim().is_empty() {
            errors.push(("repeat_days", t(Msg::PDaysNeedWeekly).to_owned()));
        }
        return (String::new(), Vec::new());
    }
    if !days.trim().is_empty() {
        match parse_weekdays(&days) {
            None => errors.push(("repeat_days", tf(Msg::PBadDays, &[&days.trim()]))),
            Some(_) if !base.contains("FREQ=WEEKLY") || base.contains("BYDAY") => {
                errors.push(("repeat_days", t(Msg::PDaysNeedWeekly).to_owned()))
            }
            Some(list) => {
                let codes: Vec<&str> = list.into_iter().map(day_code).collect();
                base.push_str(&format!(";BYDAY={}", codes.join(",")));
            }
        }
    }
    let until = f.date("repeat_until").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let count = f.text("repeat_count");
    let count = match count.trim() {
        "" => None,
        n => match n.parse::<u32>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                errors.push(("repeat_count", t(Msg::PBadCount).to_owned()));
                None
            }
        },
    };
    let first = datetime(&event.starts_at);
    if let (Some(until), Some(first)) = (until, first) {
        if until < first.date() {
            errors.push(("repeat_until", problem_text(Problem::BeforeStart)));
        }
    }
    let today = first.map(|f| f.date()).unwrap_or_default();
    let mut except = Vec::new();
    for piece in f
        .text("exdates")
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match (parse_date(piece, today), first) {
            (Some(d), Some(first)) => except.push(
                d.and_time(first.time())
                    .format("%Y-%m-%dT%H:%M")
                    .to_string(),
            ),
            (None, _) => errors.push(("exdates", tf(Msg::PBadExcept, &[&piece]))),
            _ => {}
        }
    }
    let rule = RuleParts { base, until, count }.join();
    (rule, except)
}

pub fn event_record(f: &Form, original: Option<&EventInput>) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let event = read_event(f, original, &mut errors);
    let (rule, _) = if original.is_none() {
        read_repeat(f, &event, &mut errors)
    } else {
        (String::new(), Vec::new())
    };
    let record = if rule.is_empty() {
        Record::Event(event)
    } else {
        Record::Series(series_of(event, rule, Vec::new(), None))
    };
    finish(record, errors)
}

pub fn series_record(f: &Form, original: &SeriesInput) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let event = read_event(f, None, &mut errors);
    let (rule, except) = read_repeat(f, &event, &mut errors);
    if rule.is_empty() {
        errors.push(("repeat", t(Msg::PSeriesNeedsRule).to_owned()));
    }
    finish(
        Record::Series(series_of(event, rule, except, Some(original))),
        errors,
    )
}

/// A series whose first date is `event`; what the form does not show is kept from `original`.
fn series_of(
    event: EventInput,
    rule: String,
    exdates: Vec<String>,
    original: Option<&SeriesInput>,
) -> SeriesInput {
    SeriesInput {
        uid: String::new(),
        title: event.title,
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        all_day: event.all_day,
        zone: original.map(|o| o.zone.clone()).unwrap_or_default(),
        rule,
        exdates,
        rdates: original.map(|o| o.rdates.clone()).unwrap_or_default(),
        place: event.place,
        locality: event.locality,
        department_id: event.department_id,
        kind: event.kind,
        status: event.status,
        public: event.public,
        notes: event.notes,
    }
}

pub fn coverage(rec: Option<&CoverageInput>, ctx: &FormCtx) -> Vec<Field> {
    let role = rec.map(|c| c.role).unwrap_or(CoverageRole::Photo);
    let status = rec.map(|c| c.status).unwrap_or(CoverageStatus::Assigned);
    vec![
        Field::pick(
            "staff_id",
            RecordKind::Staff,
            ctx.label(RecordKind::Staff, rec.and_then(|c| c.staff_id.as_deref())),
        )
        .required(),
        Field::choice(
            "role",
            options(CoverageRole::ALL, CoverageRole::code),
            role.code(),
        )
        .label(Msg::FieldKind),
        Field::choice(
            "status",
            options(CoverageStatus::ALL, CoverageStatus::code),
            status.code(),
        ),
        Field::text("note", rec.map(|c| c.note.as_str()).unwrap_or("")),
    ]
}

pub fn coverage_record(
    f: &Form,
    original: Option<&CoverageInput>,
    event: Option<&str>,
) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let staff = f.pick("staff_id");
    if staff.is_none() {
        errors.push(("staff_id", problem_text(Problem::Required)));
    }
    let event_id = event
        .map(str::to_owned)
        .or_else(|| original.map(|c| c.event_id.clone()))
        .unwrap_or_default();
    let record = Record::Coverage(CoverageInput {
        event_id,
        staff_id: staff,
        role: CoverageRole::from_code(&f.choice("role")).unwrap_or(CoverageRole::Photo),
        status: CoverageStatus::from_code(&f.choice("status")).unwrap_or(CoverageStatus::Assigned),
        note: f.text("note"),
    });
    finish(record, errors)
}
