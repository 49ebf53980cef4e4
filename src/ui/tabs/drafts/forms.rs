//! The forms of Borradores: a draft (title and text), and a version of it for one network.
use crate::domain::edit::{DraftInput, Problem, Record, RecordKind, VariantInput};
use crate::domain::status::{Channel, DraftKind, DraftStatus};
use crate::i18n::labels::problem_text;
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{finish, FormCtx};
use crate::ui::tabs::agenda::options;

pub fn draft(rec: Option<&DraftInput>, ctx: &FormCtx) -> Vec<Field> {
    let kind = rec.map(|d| d.kind).unwrap_or(DraftKind::Post);
    let status = rec.map(|d| d.status).unwrap_or(DraftStatus::Draft);
    let id = |f: fn(&DraftInput) -> &Option<String>| rec.and_then(|d| f(d).as_deref());
    vec![
        Field::text("title", rec.map(|d| d.title.as_str()).unwrap_or("")).required(),
        Field::choice(
            "kind",
            options(DraftKind::ALL, DraftKind::code),
            kind.code(),
        ),
        Field::multi("body", rec.map(|d| d.body.as_str()).unwrap_or("")),
        Field::choice(
            "status",
            options(DraftStatus::ALL, DraftStatus::code),
            status.code(),
        ),
        Field::text("topic", rec.map(|d| d.topic.as_str()).unwrap_or("")),
        Field::pick(
            "author_id",
            RecordKind::Staff,
            ctx.label(RecordKind::Staff, id(|d| &d.author_id)),
        ),
        Field::pick(
            "event_id",
            RecordKind::Event,
            ctx.label(RecordKind::Event, id(|d| &d.event_id)),
        ),
        Field::pick(
            "report_id",
            RecordKind::Report,
            ctx.label(RecordKind::Report, id(|d| &d.report_id)),
        ),
    ]
}

pub fn draft_record(f: &Form, original: Option<&DraftInput>) -> Result<Record, FieldErrors> {
    let written_at = original
        .map(|d| d.written_at.clone())
        .unwrap_or_else(|| f.now.format("%Y-%m-%dT%H:%M").to_string());
    let record = Record::Draft(DraftInput {
        title: f.text("title"),
        body: f.text("body"),
        kind: DraftKind::from_code(&f.choice("kind")).unwrap_or(DraftKind::Post),
        status: DraftStatus::from_code(&f.choice("status")).unwrap_or(DraftStatus::Draft),
        written_at,
        topic: f.text("topic"),
        report_id: f.pick("report_id"),
        event_id: f.pick("event_id"),
        campaign_id: original.and_then(|d| d.campaign_id.clone()),
        author_id: f.pick("author_id"),
        approved_by: original.map(|d| d.approved_by.clone()).unwrap_or_default(),
        approved_at: original.map(|d| d.approved_at.clone()).unwrap_or_default(),
    });
    finish(record, Vec::new())
}

pub fn variant(rec: Option<&VariantInput>) -> Vec<Field> {
    let channel = rec.map(|v| v.channel).unwrap_or(Channel::Facebook);
    vec![
        Field::choice(
            "channel",
            options(Channel::ALL, Channel::code),
            channel.code(),
        ),
        Field::multi("body", rec.map(|v| v.body.as_str()).unwrap_or("")),
    ]
}

pub fn variant_record(
    f: &Form,
    original: Option<&VariantInput>,
    draft: Option<&str>,
) -> Result<Record, FieldErrors> {
    let draft_id = draft
        .map(str::to_owned)
        .or_else(|| original.map(|v| v.draft_id.clone()))
        .unwrap_or_default();
    let mut errors = FieldErrors::new();
    if f.text("body").trim().is_empty() {
        errors.push(("body", problem_text(Problem::Required)));
    }
    let record = Record::Variant(VariantInput {
        draft_id,
        channel: Channel::from_code(&f.choice("channel")).unwrap_or(Channel::Facebook),
        body: f.text("body"),
    });
    finish(record, errors)
}
