//! The forms of Monitoreo: a clipping (captured from a pasted link and text), a citizen's
//! question and its reply, and a reusable answer.
use chrono::NaiveTime;

use crate::domain::edit::{AnswerInput, ClippingInput, QuestionInput, Record, RecordKind};
use crate::domain::monitoring::parse_time;
use crate::domain::status::{Channel, ClippingKind, QuestionStatus, Tone};
use crate::i18n::{t, Msg};
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{date, day, finish, FormCtx};
use crate::ui::tabs::agenda::options;

pub fn clipping(rec: Option<&ClippingInput>, ctx: &FormCtx) -> Vec<Field> {
    let v = |f: fn(&ClippingInput) -> &str| rec.map(f).unwrap_or("");
    let pick = |kind: RecordKind, id: Option<&str>| ctx.label(kind, id);
    vec![
        Field::text("url", v(|c| &c.url)),
        Field::multi("summary", v(|c| &c.summary)),
        Field::text("title", v(|c| &c.title)),
        Field::date(
            "published_on",
            rec.and_then(|c| date(&c.published_on))
                .or(Some(ctx.now.date())),
        )
        .required(),
        Field::pick(
            "outlet_id",
            RecordKind::Outlet,
            pick(RecordKind::Outlet, rec.and_then(|c| c.outlet_id.as_deref())),
        ),
        Field::choice(
            "kind",
            options(ClippingKind::ALL, ClippingKind::code),
            rec.map(|c| c.kind).unwrap_or(ClippingKind::News).code(),
        ),
        Field::choice(
            "tone",
            options(Tone::ALL, Tone::code),
            rec.map(|c| c.tone).unwrap_or(Tone::Neutral).code(),
        ),
        Field::text("topic", v(|c| &c.topic)),
        Field::pick(
            "department_id",
            RecordKind::Department,
            pick(
                RecordKind::Department,
                rec.and_then(|c| c.department_id.as_deref()),
            ),
        ),
        Field::pick(
            "quoted_id",
            RecordKind::Draft,
            pick(RecordKind::Draft, rec.and_then(|c| c.quoted_id.as_deref())),
        ),
        Field::multi("response", v(|c| &c.response)),
        Field::pick(
            "draft_id",
            RecordKind::Draft,
            pick(RecordKind::Draft, rec.and_then(|c| c.draft_id.as_deref())),
        ),
    ]
}

/// The headline a pasted text gives: its first line that says something, without the
/// control characters a page's text may carry.
fn headline(text: &str) -> String {
    let text = crate::domain::text::clean(text);
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .filter(|c| *c != '\t')
        .take(crate::domain::edit::MAX_LINE)
        .collect()
}

pub fn clipping_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let published_on = day(f, "published_on", &mut errors);
    let summary = f.text("summary");
    let mut title = f.text("title");
    if title.is_empty() {
        title = headline(&summary);
    }
    let record = Record::Clipping(ClippingInput {
        outlet_id: f.pick("outlet_id"),
        kind: ClippingKind::from_code(&f.choice("kind")).unwrap_or(ClippingKind::News),
        title,
        url: f.text("url"),
        published_on,
        tone: Tone::from_code(&f.choice("tone")).unwrap_or(Tone::Neutral),
        summary,
        topic: f.text("topic"),
        department_id: f.pick("department_id"),
        quoted_id: f.pick("quoted_id"),
        response: f.text("response"),
        draft_id: f.pick("draft_id"),
    });
    finish(record, errors)
}

pub fn clipping_note() -> String {
    t(Msg::ClippingHint).to_owned()
}

pub fn question(rec: Option<&QuestionInput>, ctx: &FormCtx) -> Vec<Field> {
    let asked = rec.and_then(|q| parse_time(&q.asked_at));
    let asked_on = asked.map(|a| a.date()).unwrap_or(ctx.now.date());
    let asked_time = asked.map(|a| a.time()).unwrap_or(ctx.now.time());
    let answered = rec.and_then(|q| parse_time(&q.answered_at));
    vec![
        Field::multi("question", rec.map(|q| q.question.as_str()).unwrap_or("")).required(),
        Field::choice(
            "channel",
            options(Channel::ALL, Channel::code),
            rec.map(|q| q.channel).unwrap_or(Channel::Facebook).code(),
        ),
        Field::date("asked_on", Some(asked_on)).required(),
        Field::time(
            "asked_time",
            NaiveTime::from_hms_opt(
                chrono::Timelike::hour(&asked_time),
                chrono::Timelike::minute(&asked_time),
                0,
            ),
        )
        .required(),
        Field::text("topic", rec.map(|q| q.topic.as_str()).unwrap_or("")),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(
                RecordKind::Department,
                rec.and_then(|q| q.department_id.as_deref()),
            ),
        ),
        Field::choice(
            "status",
            options(QuestionStatus::ALL, QuestionStatus::code),
            rec.map(|q| q.status).unwrap_or(QuestionStatus::Open).code(),
        ),
        Field::pick(
            "answer_id",
            RecordKind::Answer,
            ctx.label(RecordKind::Answer, rec.and_then(|q| q.answer_id.as_deref())),
        )
        .inserting_into("response"),
        Field::multi("response", rec.map(|q| q.response.as_str()).unwrap_or("")),
        Field::date("answered_on", answered.map(|a| a.date())),
        Field::time("answered_time", answered.map(|a| a.time())),
    ]
}

/// The store's names of a question's times, as its form asks for them.
pub const QUESTION_ALIASES: &[(&str, &str)] =
    &[("asked_at", "asked_on"), ("answered_at", "answered_on")];

pub fn question_record(f: &Form, original: Option<&QuestionInput>) -> Result<Record, FieldErrors> {
    // (a reply's time is the form's to say: `original` only tells a new reply from an old one)
    let mut errors = FieldErrors::new();
    let asked_on = day(f, "asked_on", &mut errors);
    let asked_time = f.time("asked_time").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let asked_at = match asked_time {
        Some(time) if !asked_on.is_empty() => format!("{asked_on}T{}", time.format("%H:%M")),
        _ => asked_on,
    };
    let answered_on = day(f, "answered_on", &mut errors);
    let answered_time = f.time("answered_time").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    // Given by phone yesterday, recorded today: the form says when; left empty, it is now.
    let answered_at = match (answered_on.is_empty(), answered_time) {
        (true, _) => String::new(),
        (false, Some(time)) => format!("{answered_on}T{}", time.format("%H:%M")),
        (false, None) => format!("{answered_on}T{}", f.now.format("%H:%M")),
    };
    let response = f.text("response");
    let mut status = QuestionStatus::from_code(&f.choice("status")).unwrap_or(QuestionStatus::Open);
    // A reply written where there was none answers the question.
    let replied =
        !response.trim().is_empty() && original.is_none_or(|q| q.response.trim().is_empty());
    if replied && status.waiting() {
        status = QuestionStatus::Answered;
    }
    let record = Record::Question(QuestionInput {
        channel: Channel::from_code(&f.choice("channel")).unwrap_or(Channel::Facebook),
        asked_at,
        question: f.text("question"),
        topic: f.text("topic"),
        department_id: f.pick("department_id"),
        status,
        answer_id: f.pick("answer_id"),
        response,
        answered_at,
    });
    finish(record, errors)
}

pub fn question_note() -> String {
    t(Msg::QuestionHint).to_owned()
}

pub fn answer(rec: Option<&AnswerInput>) -> Vec<Field> {
    vec![
        Field::text("title", rec.map(|a| a.title.as_str()).unwrap_or("")).required(),
        Field::text("topic", rec.map(|a| a.topic.as_str()).unwrap_or("")),
        Field::multi("body", rec.map(|a| a.body.as_str()).unwrap_or("")).required(),
    ]
}

pub fn answer_record(f: &Form) -> Result<Record, FieldErrors> {
    finish(
        Record::Answer(AnswerInput {
            title: f.text("title"),
            body: f.text("body"),
            topic: f.text("topic"),
        }),
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
    use super::headline;

    #[test]
    fn a_pasted_text_gives_its_first_line_as_headline() {
        assert_eq!(
            headline("\n  Vecinos denuncian fuga  \nEn la colonia Centro…"),
            "Vecinos denuncian fuga"
        );
        assert_eq!(headline("   "), "");
        assert_eq!(
            headline("\u{1b}]0;X\u{7}\u{1b}[2JTitular"),
            "]0;X[2JTitular"
        );
    }
}
