//! The forms of the archive: an item (an interview, a document, photos or video of an
//! activity) with its classification, a series of the classification chart, and a person's
//! consent to appear in an item.
use chrono::NaiveDateTime;

use crate::domain::edit::{
    ArchiveItemInput, ClassificationInput, ConsentInput, Problem, Record, RecordKind,
};
use crate::domain::status::{ArchiveKind, ArchiveStage, Subjects};
use crate::domain::SortKey;
use crate::i18n::labels::problem_text;
use crate::i18n::{t, Msg};
use crate::ui::action::Action;
use crate::ui::form::{Field, FieldErrors, Form, Purpose};
use crate::ui::forms::{date, day, finish, FormCtx};
use crate::ui::tabs::agenda::options;

pub const ITEM_ALIASES: &[(&str, &str)] = &[("occurred_at", "occurred_time")];

pub fn item(rec: Option<&ArchiveItemInput>, ctx: &FormCtx) -> Vec<Field> {
    let at = match rec {
        Some(a) => NaiveDateTime::parse_from_str(&a.occurred_at, "%Y-%m-%dT%H:%M").ok(),
        None => Some(ctx.now),
    };
    let kind = rec.map(|a| a.kind).unwrap_or(ArchiveKind::Document);
    let id = |f: fn(&ArchiveItemInput) -> &Option<String>| rec.and_then(|a| f(a).as_deref());
    let text = |f: fn(&ArchiveItemInput) -> &str| rec.map(f).unwrap_or("");
    let link = |key, kind, f| Field::pick(key, kind, ctx.label(kind, id(f)));
    vec![
        Field::text("title", text(|a| &a.title)).required(),
        Field::choice(
            "kind",
            options(ArchiveKind::ALL, ArchiveKind::code),
            kind.code(),
        ),
        Field::date("occurred_on", at.map(|a| a.date())).required(),
        Field::time("occurred_time", at.map(|a| a.time())).required(),
        link("department_id", RecordKind::Department, |a| {
            &a.department_id
        }),
        link("event_id", RecordKind::Event, |a| &a.event_id),
        Field::text("place", text(|a| &a.place)),
        Field::text("people", text(|a| &a.people)),
        Field::tags("tags", rec.map(|a| a.tags.as_slice()).unwrap_or(&[])),
        Field::choice(
            "subjects",
            options(Subjects::ALL, Subjects::code),
            rec.map(|a| a.subjects).unwrap_or(Subjects::Nobody).code(),
        ),
        link("series_id", RecordKind::Classification, |a| &a.series_id),
        Field::text("expediente", text(|a| &a.expediente)),
        Field::choice(
            "stage",
            options(ArchiveStage::ALL, ArchiveStage::code),
            rec.map(|a| a.stage).unwrap_or(ArchiveStage::Active).code(),
        ),
        link("draft_id", RecordKind::Draft, |a| &a.draft_id),
        link("report_id", RecordKind::Report, |a| &a.report_id),
        Field::multi("description", text(|a| &a.description)),
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
        // The date's own error says what is wrong; the time is not blamed for it.
        (None, Some(_)) if !errors.is_empty() => "2000-01-01T00:00".to_owned(),
        _ => String::new(),
    };
    let record = Record::ArchiveItem(ArchiveItemInput {
        description: f.text("description"),
        department_id: f.pick("department_id"),
        event_id: f.pick("event_id"),
        files: original.map(|a| a.files).unwrap_or(0),
        tags: f.tags("tags"),
        place: f.text("place"),
        people: f.text("people"),
        report_id: f.pick("report_id"),
        draft_id: f.pick("draft_id"),
        series_id: f.pick("series_id"),
        expediente: f.text("expediente"),
        stage: ArchiveStage::from_code(&f.choice("stage")).unwrap_or(ArchiveStage::Active),
        subjects: Subjects::from_code(&f.choice("subjects")).unwrap_or(Subjects::Nobody),
        ..ArchiveItemInput::new(
            ArchiveKind::from_code(&f.choice("kind")).unwrap_or(ArchiveKind::Document),
            &f.text("title"),
            &occurred_at,
        )
    });
    finish(record, errors)
}

/// Asks for the files and folders to import into the archive.
pub fn import_media(now: chrono::NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::ImportMediaTitle).to_owned(),
        Purpose::ImportMedia,
        vec![Field::multi("paths", "").required()],
        now,
    );
    form.note = Some(t(Msg::ImportMediaHint).to_owned());
    form
}

/// Asks for the day to go to in the timeline (today by default).
pub fn jump_date(now: chrono::NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::JumpTitle).to_owned(),
        Purpose::JumpDate,
        vec![Field::date("date", Some(now.date())).required()],
        now,
    );
    // Typing replaces today.
    form.select_focused();
    form
}

/// What the jump form asks for: the timeline from the end of that day, backwards.
pub fn jump_action(f: &Form) -> Result<Action, FieldErrors> {
    match f.date("date") {
        Ok(Some(day)) => Ok(Action::JumpTo(SortKey {
            // After every time of the day: the day's last row comes first.
            primary: format!("{}T99", day.format("%Y-%m-%d")),
            id: String::new(),
        })),
        Ok(None) => Err(vec![("date", problem_text(Problem::Required))]),
        Err(e) => Err(vec![e]),
    }
}

/// What the import form asks for.
pub fn import_media_action(f: &Form) -> Result<Action, FieldErrors> {
    let paths = f.text("paths");
    if paths.trim().is_empty() {
        return Err(vec![("paths", problem_text(Problem::Required))]);
    }
    Ok(Action::ImportMedia(paths))
}

pub fn classification(rec: Option<&ClassificationInput>) -> Vec<Field> {
    let text = |f: fn(&ClassificationInput) -> &str| rec.map(f).unwrap_or("");
    let years = rec
        .map(|k| k.years)
        .filter(|y| *y > 0)
        .map(|y| y.to_string())
        .unwrap_or_default();
    vec![
        Field::text("section_code", text(|k| &k.section_code)),
        Field::text("section_name", text(|k| &k.section_name)),
        Field::text("code", text(|k| &k.code)).required(),
        Field::text("name", text(|k| &k.name)).required(),
        Field::text("years", &years),
    ]
}

pub fn classification_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let years = f.text("years");
    let years = match years.trim() {
        "" => 0,
        y => y.parse::<u32>().unwrap_or_else(|_| {
            errors.push(("years", t(Msg::PYears).to_owned()));
            0
        }),
    };
    let record = Record::Classification(ClassificationInput {
        section_code: f.text("section_code"),
        section_name: f.text("section_name"),
        code: f.text("code"),
        name: f.text("name"),
        years,
    });
    finish(record, errors)
}

pub fn consent(rec: Option<&ConsentInput>) -> Vec<Field> {
    let text = |f: fn(&ConsentInput) -> &str| rec.map(f).unwrap_or("");
    vec![
        Field::text("person", text(|c| &c.person)).required(),
        Field::toggle("minor", rec.is_some_and(|c| c.minor)),
        Field::text("given_by", text(|c| &c.given_by)),
        Field::text("purpose", text(|c| &c.purpose)),
        Field::date("valid_until", rec.and_then(|c| date(&c.valid_until))),
        Field::text("document", text(|c| &c.document)),
    ]
}

pub fn consent_record(
    f: &Form,
    original: Option<&ConsentInput>,
    parent: Option<&str>,
) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let until = day(f, "valid_until", &mut errors);
    let item_id = original
        .map(|c| c.item_id.clone())
        .or_else(|| parent.map(str::to_owned))
        .unwrap_or_default();
    let record = Record::Consent(ConsentInput {
        item_id,
        person: f.text("person"),
        minor: f.toggle("minor"),
        given_by: f.text("given_by"),
        purpose: f.text("purpose"),
        valid_until: until,
        document: f.text("document"),
    });
    finish(record, errors)
}
