//! The form of an archive item: an interview, a document, photos or video of an activity.
use chrono::NaiveDateTime;

use crate::domain::edit::{ArchiveItemInput, Problem, Record, RecordKind};
use crate::domain::status::ArchiveKind;
use crate::i18n::labels::problem_text;
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{finish, FormCtx};
use crate::ui::tabs::agenda::options;

pub const ITEM_ALIASES: &[(&str, &str)] = &[("occurred_at", "occurred_time")];

pub fn item(rec: Option<&ArchiveItemInput>, ctx: &FormCtx) -> Vec<Field> {
    let at = match rec {
        Some(a) => NaiveDateTime::parse_from_str(&a.occurred_at, "%Y-%m-%dT%H:%M").ok(),
        None => Some(ctx.now),
    };
    let kind = rec.map(|a| a.kind).unwrap_or(ArchiveKind::Document);
    let id = |f: fn(&ArchiveItemInput) -> &Option<String>| rec.and_then(|a| f(a).as_deref());
    vec![
        Field::text("title", rec.map(|a| a.title.as_str()).unwrap_or("")).required(),
        Field::choice(
            "kind",
            options(ArchiveKind::ALL, ArchiveKind::code),
            kind.code(),
        ),
        Field::date("occurred_on", at.map(|a| a.date())).required(),
        Field::time("occurred_time", at.map(|a| a.time())).required(),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(RecordKind::Department, id(|a| &a.department_id)),
        ),
        Field::pick(
            "event_id",
            RecordKind::Event,
            ctx.label(RecordKind::Event, id(|a| &a.event_id)),
        ),
        Field::tags("tags", rec.map(|a| a.tags.as_slice()).unwrap_or(&[])),
        Field::multi(
            "description",
            rec.map(|a| a.description.as_str()).unwrap_or(""),
        ),
    ]
}

pub fn item_record(f: &Form, original: Option<&ArchiveItemInput>) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let on = f.date("occurred_on").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let at = f.time("occurred_time").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    if on.is_none() && f.text("occurred_on").is_empty() {
        errors.push(("occurred_on", problem_text(Problem::Required)));
    }
    let occurred_at = match (on, at) {
        (Some(d), Some(t)) => d.and_time(t).format("%Y-%m-%dT%H:%M").to_string(),
        _ => String::new(),
    };
    let record = Record::ArchiveItem(ArchiveItemInput {
        kind: ArchiveKind::from_code(&f.choice("kind")).unwrap_or(ArchiveKind::Document),
        title: f.text("title"),
        description: f.text("description"),
        occurred_at,
        department_id: f.pick("department_id"),
        event_id: f.pick("event_id"),
        files: original.map(|a| a.files).unwrap_or(0),
        tags: f.tags("tags"),
    });
    finish(record, errors)
}
