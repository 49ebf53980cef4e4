//! The forms of Medios: an outlet, a journalist (and the lists they are on), a list, and a
//! journalist added to a list.
use crate::domain::edit::{
    ContactListInput, InterviewInput, JournalistInput, MemberInput, OutletInput, Problem, Record,
    RecordKind,
};
use crate::domain::query::Choice;
use crate::domain::status::{InterviewStatus, MediaRequestKind, OutletKind, SendChannel};
use crate::i18n::labels::problem_text;
use crate::i18n::{t, Msg};
use crate::ui::form::Purpose;
use crate::ui::form::{Field, FieldErrors, Form};
use crate::ui::forms::{date, day, finish, FormCtx};
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
        Field::text("region", v(|o| &o.region)),
        Field::text("phone", v(|o| &o.phone)),
        Field::text("email", v(|o| &o.email)),
        Field::text("website", v(|o| &o.website)),
        Field::multi("notes", v(|o| &o.notes)),
    ]
}

pub fn outlet_record(f: &Form) -> Result<Record, FieldErrors> {
    finish(
        Record::Outlet(OutletInput {
            name: f.text("name"),
            kind: OutletKind::from_code(&f.choice("kind")).unwrap_or(OutletKind::Digital),
            city: f.text("city"),
            region: f.text("region"),
            email: f.text("email"),
            phone: f.text("phone"),
            website: f.text("website"),
            notes: f.text("notes"),
        }),
        Vec::new(),
    )
}

pub fn journalist(rec: Option<&JournalistInput>, ctx: &FormCtx) -> Vec<Field> {
    let v = |f: fn(&JournalistInput) -> &str| rec.map(f).unwrap_or("");
    let privacy = rec.and_then(|j| date(&j.privacy_notice_on));
    vec![
        Field::text("name", v(|j| &j.name)).required(),
        Field::pick(
            "outlet_id",
            RecordKind::Outlet,
            ctx.label(RecordKind::Outlet, rec.and_then(|j| j.outlet_id.as_deref())),
        ),
        Field::text("role", v(|j| &j.role)),
        Field::text("beats", v(|j| &j.beats)),
        Field::text("phone", v(|j| &j.phone)),
        Field::text("email", v(|j| &j.email)),
        Field::choice(
            "preferred",
            options(SendChannel::ALL, SendChannel::code),
            rec.map(|j| j.channel).unwrap_or(SendChannel::Email).code(),
        ),
        Field::picks(
            "lists",
            RecordKind::ContactList,
            rec.map(|j| ctx.labels(RecordKind::ContactList, &j.lists))
                .unwrap_or_default(),
        ),
        Field::toggle("consent", rec.map(|j| j.consent).unwrap_or(false)),
        Field::date("privacy_notice_on", privacy),
        Field::toggle(
            "do_not_contact",
            rec.map(|j| j.do_not_contact).unwrap_or(false),
        ),
        Field::text("dnc_reason", v(|j| &j.dnc_reason)),
        Field::multi("notes", v(|j| &j.notes)),
    ]
}

pub fn journalist_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let privacy = day(f, "privacy_notice_on", &mut errors);
    let record = Record::Journalist(JournalistInput {
        outlet_id: f.pick("outlet_id"),
        name: f.text("name"),
        role: f.text("role"),
        beats: f.text("beats"),
        email: f.text("email"),
        phone: f.text("phone"),
        channel: SendChannel::from_code(&f.choice("preferred")).unwrap_or(SendChannel::Email),
        do_not_contact: f.toggle("do_not_contact"),
        dnc_reason: f.text("dnc_reason"),
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

/// A request from a journalist: what, who, about what, from whom, since and by when.
pub fn interview(rec: Option<&InterviewInput>, ctx: &FormCtx) -> Vec<Field> {
    let v = |f: fn(&InterviewInput) -> &str| rec.map(f).unwrap_or("");
    vec![
        Field::choice(
            "kind",
            options(MediaRequestKind::ALL, MediaRequestKind::code),
            rec.map(|i| i.kind)
                .unwrap_or(MediaRequestKind::Interview)
                .code(),
        ),
        Field::text("topic", v(|i| &i.topic)).required(),
        Field::pick(
            "journalist_id",
            RecordKind::Journalist,
            ctx.label(
                RecordKind::Journalist,
                rec.and_then(|i| i.journalist_id.as_deref()),
            ),
        ),
        Field::pick(
            "outlet_id",
            RecordKind::Outlet,
            ctx.label(RecordKind::Outlet, rec.and_then(|i| i.outlet_id.as_deref())),
        ),
        Field::text("interviewee", v(|i| &i.interviewee)),
        Field::date(
            "requested_on",
            rec.and_then(|i| date(&i.requested_on))
                .or(Some(ctx.now.date())),
        )
        .required(),
        Field::date("due_on", rec.and_then(|i| date(&i.due_on))),
        Field::choice(
            "status",
            options(InterviewStatus::ALL, InterviewStatus::code),
            rec.map(|i| i.status)
                .unwrap_or(InterviewStatus::Requested)
                .code(),
        ),
        Field::multi("outcome", v(|i| &i.outcome)),
        Field::multi("notes", v(|i| &i.notes)),
    ]
}

pub fn interview_record(
    f: &Form,
    original: Option<&InterviewInput>,
) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let requested_on = day(f, "requested_on", &mut errors);
    let due_on = day(f, "due_on", &mut errors);
    let record = Record::Interview(InterviewInput {
        kind: MediaRequestKind::from_code(&f.choice("kind")).unwrap_or(MediaRequestKind::Interview),
        outlet_id: f.pick("outlet_id"),
        journalist_id: f.pick("journalist_id"),
        topic: f.text("topic"),
        interviewee: f.text("interviewee"),
        requested_on,
        due_on,
        scheduled_at: original.map(|i| i.scheduled_at.clone()).unwrap_or_default(),
        status: InterviewStatus::from_code(&f.choice("status"))
            .unwrap_or(InterviewStatus::Requested),
        outcome: f.text("outcome"),
        notes: f.text("notes"),
    });
    finish(record, errors)
}

/// A published piece to send to a list.
pub fn distribute(draft: Option<Choice>, now: chrono::NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::DistributeTitle).to_owned(),
        Purpose::Distribute,
        vec![
            Field::pick("draft_id", RecordKind::Draft, draft).required(),
            Field::pick("list_id", RecordKind::ContactList, None).required(),
        ],
        now,
    );
    form.note = Some(t(Msg::DistributeHint).to_owned());
    form
}

/// The piece and the list a send form names.
pub fn distribute_action(f: &Form) -> Result<crate::ui::Action, FieldErrors> {
    let mut errors = FieldErrors::new();
    let draft = f.pick("draft_id");
    let list = f.pick("list_id");
    if draft.is_none() {
        errors.push(("draft_id", problem_text(Problem::Required)));
    }
    if list.is_none() {
        errors.push(("list_id", problem_text(Problem::Required)));
    }
    match (draft, list) {
        (Some(draft), Some(list)) if errors.is_empty() => {
            Ok(crate::ui::Action::Distribute { draft, list })
        }
        _ => Err(errors),
    }
}

/// A contacts file to import, and corrections to how its columns are read.
pub fn import_contacts(now: chrono::NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::ImportContactsTitle).to_owned(),
        Purpose::ImportContacts,
        vec![
            Field::text("file", "").required(),
            Field::text("columns", ""),
        ],
        now,
    );
    form.note = Some(t(Msg::ImportContactsHint).to_owned());
    form
}

/// A reach file (the page's per-post CSV from Meta) to import (the contacts' form also takes
/// one, known by its headers).
pub fn import_reach(now: chrono::NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::ImportReachTitle).to_owned(),
        Purpose::ImportReach,
        vec![Field::text("file", "").required()],
        now,
    );
    form.note = Some(t(Msg::ImportReachHint).to_owned());
    form
}

/// What the reach form asks for: that file read as insights, whatever its headers.
pub fn import_reach_action(f: &Form) -> Result<crate::ui::Action, FieldErrors> {
    let file = f.text("file");
    if file.trim().is_empty() {
        return Err(vec![("file", problem_text(Problem::Required))]);
    }
    Ok(crate::ui::Action::PreviewReach {
        file: file.trim().to_owned(),
    })
}

/// What the import form asks for.
pub fn import_contacts_action(f: &Form) -> Result<crate::ui::Action, FieldErrors> {
    let file = f.text("file");
    if file.trim().is_empty() {
        return Err(vec![("file", problem_text(Problem::Required))]);
    }
    Ok(crate::ui::Action::PreviewContacts {
        file: file.trim().to_owned(),
        columns: f.text("columns"),
    })
}

/// The mail password, typed masked; used for one round and never kept.
pub fn mail_password(
    send: crate::domain::edit::Target,
    server: &str,
    now: chrono::NaiveDateTime,
) -> Form {
    let mut form = Form::new(
        crate::i18n::tf(Msg::MailPasswordTitle, &[&server]),
        Purpose::MailPassword(send),
        vec![Field::secret("password").required()],
        now,
    );
    form.note = Some(t(Msg::MailPasswordHint).to_owned());
    form
}
