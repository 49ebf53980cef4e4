//! The forms of the agenda: an event, and who covers it.
use chrono::{Duration, NaiveDateTime, NaiveTime, Timelike};

use super::options;
use crate::domain::edit::{CoverageInput, EventInput, Problem, Record, RecordKind, SeriesInput};
use crate::domain::status::{CoverageRole, CoverageStatus, EventKind, EventStatus};
use crate::i18n::labels::problem_text;
use crate::i18n::{t, Msg};
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{finish, FormCtx};

fn datetime(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok()
}

/// A new event: today at the next full hour, one hour long; so a title and Ctrl+S make one.
pub fn event(rec: Option<&EventInput>, ctx: &FormCtx) -> Vec<Field> {
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
    // Only a new event can be made to repeat; an occurrence is edited on its own.
    if rec.is_none() {
        fields.push(Field::choice("repeat", repeat_options(), "none"));
        fields.push(Field::date("repeat_until", None));
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

/// How a new event may repeat: (code, label); the code is the rule without its end.
const REPEATS: &[(&str, Msg)] = &[
    ("none", Msg::RepeatNone),
    ("FREQ=DAILY", Msg::RepeatDaily),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Msg::RepeatWeekdays),
    ("FREQ=WEEKLY", Msg::RepeatWeekly),
    ("FREQ=WEEKLY;INTERVAL=2", Msg::RepeatFortnightly),
    ("FREQ=MONTHLY", Msg::RepeatMonthly),
];

fn repeat_options() -> Vec<(String, String)> {
    REPEATS
        .iter()
        .map(|(code, msg)| ((*code).to_owned(), t(*msg).to_owned()))
        .collect()
}

/// The store checks `starts_at` and `ends_at`; the form shows them as a date and two times.
pub const EVENT_ALIASES: &[(&str, &str)] = &[("starts_at", "start_time"), ("ends_at", "end_time")];

pub fn event_record(f: &Form, original: Option<&EventInput>) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let date = f.date("date").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let start = f.time("start_time").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let end = f.time("end_time").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
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
    let until = if original.is_none() {
        f.date("repeat_until").unwrap_or_else(|e| {
            errors.push(e);
            None
        })
    } else {
        None
    };
    let repeat = if original.is_none() {
        f.choice("repeat")
    } else {
        String::new()
    };
    let event = EventInput {
        title: f.text("title"),
        starts_at: at(start),
        ends_at: at(end),
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
    };
    let record = if repeat.is_empty() || repeat == "none" {
        Record::Event(event)
    } else {
        if let (Some(until), Some(date)) = (until, date) {
            if until < date {
                errors.push(("repeat_until", problem_text(Problem::BeforeStart)));
            }
        }
        let rule = match until {
            // The last day counts whole: UNTIL is its last second, in the office's zone.
            Some(u) => format!("{repeat};UNTIL={}T235959", u.format("%Y%m%d")),
            None => repeat,
        };
        Record::Series(SeriesInput {
            uid: String::new(),
            title: event.title,
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            all_day,
            zone: String::new(),
            rule,
            exdates: Vec::new(),
            rdates: Vec::new(),
            place: event.place,
            locality: event.locality,
            department_id: event.department_id,
            kind: event.kind,
            status: event.status,
            public: event.public,
            notes: event.notes,
        })
    };
    finish(record, errors)
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
