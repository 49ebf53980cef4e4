//! The forms of Reportes: a department, a request for information, a report received.
use chrono::{Duration, NaiveDateTime};

use crate::domain::edit::Target;
use crate::domain::edit::{
    DepartmentInput, Problem, Record, RecordKind, ReportInput, RequestInput,
};
use crate::domain::requests::RoundInput;
use crate::domain::status::{ReportStatus, RequestStatus, Via};
use crate::i18n::labels::{field_problem, problem_text};
use crate::i18n::Msg;
use crate::i18n::{long_date, t, tf};
use crate::ui::form::{Field, FieldErrors, Form, Purpose};
use crate::ui::forms::{date, day, finish, FormCtx};
use crate::ui::tabs::agenda::options;
use crate::ui::Action;

fn datetime(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok()
}

/// How a request went or a report came: one of the channels, or not recorded.
fn via_field(current: Option<Via>, label: Msg) -> Field {
    let mut choices = vec![(String::new(), "—".to_owned())];
    choices.extend(options(Via::ALL, Via::code));
    Field::choice("channel", choices, current.map_or("", Via::code)).label(label)
}

pub fn department(rec: Option<&DepartmentInput>) -> Vec<Field> {
    let v = |f: fn(&DepartmentInput) -> &str| rec.map(f).unwrap_or("");
    vec![
        Field::text("name", v(|d| &d.name)).required(),
        Field::text("short_name", v(|d| &d.short_name)),
        Field::text("head", v(|d| &d.head)),
        Field::text("liaison", v(|d| &d.liaison)),
        Field::text("whatsapp", v(|d| &d.whatsapp)),
        Field::text("email", v(|d| &d.email)),
        Field::text("phone", v(|d| &d.phone)),
        Field::toggle("active", rec.map(|d| d.active).unwrap_or(true)),
    ]
}

pub fn department_record(f: &Form) -> Result<Record, FieldErrors> {
    finish(
        Record::Department(DepartmentInput {
            name: f.text("name"),
            short_name: f.text("short_name"),
            head: f.text("head"),
            liaison: f.text("liaison"),
            email: f.text("email"),
            phone: f.text("phone"),
            whatsapp: f.text("whatsapp"),
            active: f.toggle("active"),
        }),
        Vec::new(),
    )
}

/// A new request: sent today, due in a week.
pub fn request(rec: Option<&RequestInput>, ctx: &FormCtx) -> Vec<Field> {
    let today = ctx.today();
    let sent = rec
        .and_then(|r| date(&r.sent_on))
        .or(rec.map_or(Some(today), |_| None));
    let due = match rec {
        Some(r) => date(&r.due_on),
        None => Some(today + Duration::days(7)),
    };
    let status = rec.map(|r| r.status).unwrap_or(RequestStatus::Pending);
    vec![
        Field::text("subject", rec.map(|r| r.subject.as_str()).unwrap_or("")).required(),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(
                RecordKind::Department,
                rec.and_then(|r| r.department_id.as_deref()),
            ),
        ),
        Field::date("sent_on", sent).required(),
        Field::date("due_on", due),
        Field::choice(
            "status",
            options(RequestStatus::ALL, RequestStatus::code),
            status.code(),
        ),
        via_field(rec.map_or(Some(Via::WhatsApp), |r| r.channel), Msg::FSentBy),
        // A new request starts from the office's template; its blanks are filled for the
        // department when it is saved.
        Field::multi(
            "body",
            &rec.map(|r| r.body.clone())
                .unwrap_or_else(|| ctx.data.request_text_template().unwrap_or_default()),
        )
        .label(Msg::FRequestText),
        Field::multi("notes", rec.map(|r| r.notes.as_str()).unwrap_or("")),
    ]
}

pub fn request_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let sent_on = day(f, "sent_on", &mut errors);
    let due_on = day(f, "due_on", &mut errors);
    let record = Record::Request(RequestInput {
        department_id: f.pick("department_id"),
        subject: f.text("subject"),
        sent_on,
        due_on,
        status: RequestStatus::from_code(&f.choice("status")).unwrap_or(RequestStatus::Pending),
        channel: Via::from_code(&f.choice("channel")),
        body: f.text("body"),
        notes: f.text("notes"),
    });
    finish(record, errors)
}

pub const REPORT_ALIASES: &[(&str, &str)] = &[("received_at", "received_time")];

/// A new report: received now.
pub fn report(rec: Option<&ReportInput>, ctx: &FormCtx) -> Vec<Field> {
    let received = match rec {
        Some(r) => datetime(&r.received_at),
        None => Some(ctx.now),
    };
    let status = rec.map(|r| r.status).unwrap_or(ReportStatus::Received);
    let id = |f: fn(&ReportInput) -> &Option<String>| rec.and_then(|r| f(r).as_deref());
    vec![
        Field::text("title", rec.map(|r| r.title.as_str()).unwrap_or("")).required(),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(RecordKind::Department, id(|r| &r.department_id)),
        ),
        Field::date("received_on", received.map(|r| r.date()))
            .required()
            .label(Msg::FieldReceived),
        Field::time("received_time", received.map(|r| r.time())).required(),
        via_field(
            rec.map_or(Some(Via::WhatsApp), |r| r.channel),
            Msg::FArrivedBy,
        ),
        Field::choice(
            "status",
            options(ReportStatus::ALL, ReportStatus::code),
            status.code(),
        ),
        Field::text("reason", rec.map(|r| r.reason.as_str()).unwrap_or("")),
        Field::pick(
            "request_id",
            RecordKind::Request,
            ctx.label(RecordKind::Request, id(|r| &r.request_id)),
        ),
        Field::pick(
            "event_id",
            RecordKind::Event,
            ctx.label(RecordKind::Event, id(|r| &r.event_id)),
        ),
        Field::multi("body", rec.map(|r| r.body.as_str()).unwrap_or("")),
    ]
}

pub fn report_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let on = f.date("received_on").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let at = f.time("received_time").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let received_at = match (on, at) {
        (Some(d), Some(t)) => d.and_time(t).format("%Y-%m-%dT%H:%M").to_string(),
        _ => String::new(),
    };
    if on.is_none() && f.text("received_on").is_empty() {
        errors.push(("received_on", problem_text(Problem::Required)));
    }
    let record = Record::Report(ReportInput {
        department_id: f.pick("department_id"),
        request_id: f.pick("request_id"),
        event_id: f.pick("event_id"),
        title: f.text("title"),
        body: f.text("body"),
        received_at,
        status: ReportStatus::from_code(&f.choice("status")).unwrap_or(ReportStatus::Received),
        channel: Via::from_code(&f.choice("channel")),
        reason: f.text("reason"),
    });
    finish(record, errors)
}

/// A request round: the topic, when it is sent and due, how, and the text (the office's
/// template, its blanks filled for each department when it is sent).
pub fn round(template: &str, now: NaiveDateTime) -> Form {
    let today = now.date();
    let fields = vec![
        Field::text("subject", "").required().label(Msg::FTopic),
        Field::date("sent_on", Some(today)).required(),
        Field::date("due_on", Some(today + Duration::days(7))).required(),
        via_field(Some(Via::WhatsApp), Msg::FSentBy),
        Field::multi("body", template).label(Msg::FRequestText),
    ];
    let mut form = Form::new(t(Msg::RoundTitle).to_owned(), Purpose::Round, fields, now);
    form.note = Some(t(Msg::RoundHint).to_owned());
    form
}

pub fn round_action(f: &Form) -> Result<Action, FieldErrors> {
    let mut errors = FieldErrors::new();
    let sent = f.date("sent_on").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let due = f.date("due_on").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let topic = f.text("subject");
    if topic.trim().is_empty() {
        errors.push(("subject", problem_text(Problem::Required)));
    }
    let template = f.text("body");
    if template.trim().is_empty() {
        errors.push(("body", problem_text(Problem::Required)));
    }
    match (sent, due) {
        (Some(s), Some(d)) if d < s => {
            errors.push(("due_on", field_problem("due_on", Problem::BeforeStart)))
        }
        (None, _) if errors.iter().all(|(k, _)| *k != "sent_on") => {
            errors.push(("sent_on", problem_text(Problem::Required)))
        }
        (_, None) if errors.iter().all(|(k, _)| *k != "due_on") => {
            errors.push(("due_on", problem_text(Problem::Required)))
        }
        _ => {}
    }
    let (Some(sent), Some(due)) = (sent, due) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Action::Round(RoundInput {
        topic: topic.trim().to_owned(),
        sent_on: sent.format("%Y-%m-%d").to_string(),
        due_on: due.format("%Y-%m-%d").to_string(),
        due_text: long_date(due),
        channel: Via::from_code(&f.choice("channel")),
        template,
    }))
}

/// Why a report is set aside: asked when it is moved to "descartado".
pub fn discard(target: Target, title: &str, now: NaiveDateTime) -> Form {
    let mut form = Form::new(
        tf(Msg::DiscardTitle, &[&title]),
        Purpose::Discard(target),
        vec![Field::text("reason", "").required()],
        now,
    );
    form.note = Some(t(Msg::DiscardHint).to_owned());
    form
}

pub fn discard_action(f: &Form, target: &Target) -> Result<Action, FieldErrors> {
    let reason = f.text("reason");
    if reason.trim().is_empty() {
        return Err(vec![("reason", problem_text(Problem::Required))]);
    }
    Ok(Action::Discard(target.clone(), reason.trim().to_owned()))
}
