//! The forms of Medios: an outlet, a journalist (and the lists they are on), a list, and a
//! journalist added to a list.
use crate::domain::edit::{
    ContactListInput, JournalistInput, MemberInput, OutletInput, Problem, Record, RecordKind,
};
use crate::domain::status::OutletKind;
use crate::i18n::labels::problem_text;
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{finish, FormCtx};
use crate::ui::tabs::agenda::options;

pub fn outlet(rec: Option<&OutletInput>) -> Vec<Field> {
    let v = |f: fn(&OutletInput) -> &str| rec.map(f).unwrap_or("");
    let kind = rec.map(|o| o.kind).unwrap_or(OutletKind::Radio);
    vec![
        Field::text("name", v(|o| &o.name)).required(),
        Field::choice(
            "kind",
            options(OutletKind::ALL, OutletKind::code),
            kind.code(),
        ),
        Field::text("city", v(|o| &o.city)),
        Field::text("phone", v(|o| &o.phone)),
        Field::text("email", v(|o| &o.email)),
        Field::text("website", v(|o| &o.website)),
    ]
}

pub fn outlet_record(f: &Form) -> Result<Record, FieldErrors> {
    finish(
        Record::Outlet(OutletInput {
            name: f.text("name"),
            kind: OutletKind::from_code(&f.choice("kind")).unwrap_or(OutletKind::Digital),
            city: f.text("city"),
            email: f.text("email"),
            phone: f.text("phone"),
            website: f.text("website"),
        }),
        Vec::new(),
    )
}

pub fn journalist(rec: Option<&JournalistInput>, ctx: &FormCtx) -> Vec<Field> {
    let v = |f: fn(&JournalistInput) -> &str| rec.map(f).unwrap_or("");
    let privacy =
        rec.and_then(|j| chrono::NaiveDate::parse_from_str(&j.privacy_notice_on, "%Y-%m-%d").ok());
    vec![
        Field::text("name", v(|j| &j.name)).required(),
        Field::pick(
            "outlet_id",
            RecordKind::Outlet,
            ctx.label(RecordKind::Outlet, rec.and_then(|j| j.outlet_id.as_deref())),
        ),
        Field::text("role", v(|j| &j.role)),
        Field::text("phone", v(|j| &j.phone)),
        Field::text("email", v(|j| &j.email)),
        Field::picks(
            "lists",
            RecordKind::ContactList,
            rec.map(|j| ctx.labels(RecordKind::ContactList, &j.lists))
                .unwrap_or_default(),
        ),
        Field::toggle("consent", rec.map(|j| j.consent).unwrap_or(false)),
        Field::date("privacy_notice_on", privacy),
        Field::multi("notes", v(|j| &j.notes)),
    ]
}

pub fn journalist_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let privacy = match f.date("privacy_notice_on") {
        Ok(d) => d
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let record = Record::Journalist(JournalistInput {
        outlet_id: f.pick("outlet_id"),
        name: f.text("name"),
        role: f.text("role"),
        email: f.text("email"),
        phone: f.text("phone"),
        consent: f.toggle("consent"),
        privacy_notice_on: privacy,
        notes: f.text("notes"),
        lists: f.picks("lists"),
    });
    finish(record, errors)
}

pub fn list(rec: Option<&ContactListInput>) -> Vec<Field> {
    vec![
        Field::text("name", rec.map(|l| l.name.as_str()).unwrap_or("")).required(),
        Field::multi(
            "description",
            rec.map(|l| l.description.as_str()).unwrap_or(""),
        ),
    ]
}

pub fn list_record(f: &Form) -> Result<Record, FieldErrors> {
    finish(
        Record::ContactList(ContactListInput {
            name: f.text("name"),
            description: f.text("description"),
        }),
        Vec::new(),
    )
}

/// A journalist to add to a list.
pub fn member() -> Vec<Field> {
    vec![Field::pick("journalist_id", RecordKind::Journalist, None).required()]
}

pub fn member_record(f: &Form, list: Option<&str>) -> Result<Record, FieldErrors> {
    let Some(journalist_id) = f.pick("journalist_id") else {
        return Err(vec![("journalist_id", problem_text(Problem::Required))]);
    };
    finish(
        Record::Member(MemberInput {
            list_id: list.unwrap_or_default().to_owned(),
            journalist_id,
        }),
        Vec::new(),
    )
}
