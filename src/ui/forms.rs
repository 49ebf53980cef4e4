//! Which form each kind of record has, and what saving a form asks of the store. The fields of
//! each form live with its tab; this is the one place that joins them.
use chrono::{NaiveDate, NaiveDateTime};

use super::action::Action;
use super::data::Reader;
use super::form::{Field, FieldErrors, Form, Purpose};
use super::list::FilterSpec;
use super::tabs::{agenda, archive, drafts, media, monitoring, reports};
use crate::domain::edit::{Command, Problem, Record, RecordKind, Target};
use crate::domain::query::{Choice, Filters, ListId};
use crate::i18n::labels::{field_problem, problem_text, Label};
use crate::i18n::{t, tf, Msg};

/// What building a form needs: the time, and how linked records read.
pub struct FormCtx<'a> {
    pub now: NaiveDateTime,
    pub data: &'a dyn Reader,
}

impl FormCtx<'_> {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// How a linked record reads in a pick field.
    pub fn label(&self, kind: RecordKind, id: Option<&str>) -> Option<Choice> {
        let id = id.filter(|i| !i.is_empty())?;
        self.data.choice(kind, id).ok().flatten()
    }

    pub fn labels(&self, kind: RecordKind, ids: &[String]) -> Vec<Choice> {
        ids.iter()
            .filter_map(|id| self.label(kind, Some(id)))
            .collect()
    }
}

/// Runs a record's own checks; the errors found so far come first.
/// A stored date (`YYYY-MM-DD`) for a date field.
pub fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A date field's value as the store keeps it, collecting its error.
pub fn day(f: &Form, key: &'static str, errors: &mut FieldErrors) -> String {
    match f.date(key) {
        Ok(d) => d
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    }
}

pub fn finish(record: Record, mut errors: FieldErrors) -> Result<Record, FieldErrors> {
    if let Err(invalid) = record.validate() {
        if !errors.iter().any(|(f, _)| *f == invalid.field) {
            errors.push((invalid.field, field_problem(invalid.field, invalid.problem)));
        }
    }
    if errors.is_empty() {
        Ok(record)
    } else {
        Err(errors)
    }
}

fn new_title(kind: RecordKind) -> String {
    let msg = match kind {
        RecordKind::Event => Msg::TitleNewEvent,
        RecordKind::Coverage => Msg::TitleNewCoverage,
        RecordKind::Department => Msg::TitleNewDepartment,
        RecordKind::Request => Msg::TitleNewRequest,
        RecordKind::Report => Msg::TitleNewReport,
        RecordKind::Draft => Msg::TitleNewDraft,
        RecordKind::Variant => Msg::TitleNewVariant,
        RecordKind::Outlet => Msg::TitleNewOutlet,
        RecordKind::Journalist => Msg::TitleNewJournalist,
        RecordKind::ContactList => Msg::TitleNewList,
        RecordKind::Member => Msg::TitleNewMember,
        RecordKind::ArchiveItem => Msg::TitleNewArchiveItem,
        RecordKind::Campaign => Msg::TitleNewCampaign,
        RecordKind::Material => Msg::TitleNewMaterial,
        RecordKind::Interview => Msg::TitleNewInterview,
        RecordKind::Classification => Msg::TitleNewSeries,
        RecordKind::Consent => Msg::TitleNewConsent,
        RecordKind::Clipping => Msg::TitleNewClipping,
        RecordKind::Question => Msg::TitleNewQuestion,
        RecordKind::Answer => Msg::TitleNewAnswer,
        other => return other.label().to_owned(),
    };
    t(msg).to_owned()
}

/// The form of a kind of record: empty with sensible defaults for a new one, or filled with
/// `record` to edit the record `id`. `None` for kinds the console does not edit.
pub fn build(
    kind: RecordKind,
    id: Option<String>,
    record: Option<Record>,
    parent: Option<Target>,
    ctx: &FormCtx,
) -> Option<Form> {
    if kind == RecordKind::Distribution {
        return Some(media::forms::distribute(None, ctx.now));
    }
    let (fields, aliases): (Vec<Field>, &'static [(&'static str, &'static str)]) =
        match (kind, &record) {
            (RecordKind::Event, Some(Record::Event(e))) => (
                agenda::forms::event(Some(e), ctx),
                agenda::forms::EVENT_ALIASES,
            ),
            (RecordKind::Event, None) => (
                agenda::forms::event(None, ctx),
                agenda::forms::EVENT_ALIASES,
            ),
            (RecordKind::Series, Some(Record::Series(s))) => {
                (agenda::forms::series(s, ctx), agenda::forms::EVENT_ALIASES)
            }
            (RecordKind::Coverage, Some(Record::Coverage(c))) => {
                (agenda::forms::coverage(Some(c), ctx), &[])
            }
            (RecordKind::Coverage, None) => (agenda::forms::coverage(None, ctx), &[]),
            (RecordKind::Department, Some(Record::Department(d))) => {
                (reports::forms::department(Some(d)), &[])
            }
            (RecordKind::Department, None) => (reports::forms::department(None), &[]),
            (RecordKind::Request, Some(Record::Request(r))) => {
                (reports::forms::request(Some(r), ctx), &[])
            }
            (RecordKind::Request, None) => (reports::forms::request(None, ctx), &[]),
            (RecordKind::Report, Some(Record::Report(r))) => (
                reports::forms::report(Some(r), ctx),
                reports::forms::REPORT_ALIASES,
            ),
            (RecordKind::Report, None) => (
                reports::forms::report(None, ctx),
                reports::forms::REPORT_ALIASES,
            ),
            (RecordKind::Draft, Some(Record::Draft(d))) => {
                (drafts::forms::draft(Some(d), ctx), &[])
            }
            (RecordKind::Draft, None) => (drafts::forms::draft(None, ctx), &[]),
            (RecordKind::Variant, Some(Record::Variant(v))) => {
                (drafts::forms::variant(Some(v)), &[])
            }
            (RecordKind::Variant, None) => (drafts::forms::variant(None), &[]),
            (RecordKind::Campaign, Some(Record::Campaign(c))) => {
                (drafts::forms::campaign(Some(c), ctx), &[])
            }
            (RecordKind::Campaign, None) => (drafts::forms::campaign(None, ctx), &[]),
            (RecordKind::Material, Some(Record::Material(m))) => {
                (drafts::forms::material(Some(m), ctx), &[])
            }
            (RecordKind::Material, None) => (drafts::forms::material(None, ctx), &[]),
            (RecordKind::Outlet, Some(Record::Outlet(o))) => (media::forms::outlet(Some(o)), &[]),
            (RecordKind::Outlet, None) => (media::forms::outlet(None), &[]),
            (RecordKind::Journalist, Some(Record::Journalist(j))) => {
                (media::forms::journalist(Some(j), ctx), &[])
            }
            (RecordKind::Journalist, None) => (media::forms::journalist(None, ctx), &[]),
            (RecordKind::ContactList, Some(Record::ContactList(l))) => {
                (media::forms::list(Some(l)), &[])
            }
            (RecordKind::ContactList, None) => (media::forms::list(None), &[]),
            (RecordKind::Member, None) => (media::forms::member(), &[]),
            (RecordKind::Interview, Some(Record::Interview(i))) => {
                (media::forms::interview(Some(i), ctx), &[])
            }
            (RecordKind::Interview, None) => (media::forms::interview(None, ctx), &[]),
            (RecordKind::ArchiveItem, Some(Record::ArchiveItem(a))) => (
                archive::forms::item(Some(a), ctx),
                archive::forms::ITEM_ALIASES,
            ),
            (RecordKind::ArchiveItem, None) => (
                archive::forms::item(None, ctx),
                archive::forms::ITEM_ALIASES,
            ),
            (RecordKind::Classification, Some(Record::Classification(k))) => {
                (archive::forms::classification(Some(k)), &[])
            }
            (RecordKind::Classification, None) => (archive::forms::classification(None), &[]),
            (RecordKind::Consent, Some(Record::Consent(c))) => {
                (archive::forms::consent(Some(c)), &[])
            }
            (RecordKind::Consent, None) => (archive::forms::consent(None), &[]),
            (RecordKind::Clipping, Some(Record::Clipping(c))) => {
                (monitoring::forms::clipping(Some(c), ctx), &[])
            }
            (RecordKind::Clipping, None) => (monitoring::forms::clipping(None, ctx), &[]),
            (RecordKind::Question, Some(Record::Question(q))) => (
                monitoring::forms::question(Some(q), ctx),
                monitoring::forms::QUESTION_ALIASES,
            ),
            (RecordKind::Question, None) => (
                monitoring::forms::question(None, ctx),
                monitoring::forms::QUESTION_ALIASES,
            ),
            (RecordKind::Answer, Some(Record::Answer(a))) => {
                (monitoring::forms::answer(Some(a)), &[])
            }
            (RecordKind::Answer, None) => (monitoring::forms::answer(None), &[]),
            _ => return None,
        };
    let title = match (&id, &record) {
        (Some(_), Some(r)) => tf(Msg::TitleEdit, &[&record_title(r)]),
        _ => new_title(kind),
    };
    let purpose = Purpose::Record {
        kind,
        id,
        original: record,
        parent,
    };
    let mut form = Form::new(title, purpose, fields, ctx.now).with_aliases(aliases);
    match kind {
        RecordKind::Draft => form.note = Some(drafts::forms::draft_note()),
        RecordKind::Clipping => form.note = Some(monitoring::forms::clipping_note()),
        RecordKind::Question => form.note = Some(monitoring::forms::question_note()),
        _ => {}
    }
    Some(form)
}

/// What a record is called in a form's title and in messages.
pub fn record_title(record: &Record) -> String {
    match record {
        Record::Event(e) => e.title.clone(),
        Record::Series(s) => s.title.clone(),
        Record::Report(r) => r.title.clone(),
        Record::Draft(d) => d.title.clone(),
        Record::ArchiveItem(a) => a.title.clone(),
        Record::Request(r) => r.subject.clone(),
        Record::Department(d) => d.name.clone(),
        Record::Outlet(o) => o.name.clone(),
        Record::Journalist(j) => j.name.clone(),
        Record::ContactList(l) => l.name.clone(),
        Record::Variant(v) => v.channel.label().to_owned(),
        Record::Campaign(c) => c.name.clone(),
        Record::Material(m) => m.title.clone(),
        Record::Coverage(c) => c.role.label().to_owned(),
        Record::Interview(i) => i.topic.clone(),
        Record::Classification(k) => format!("{} {}", k.code, k.name),
        Record::Consent(c) => c.person.clone(),
        Record::Clipping(c) => c.title.clone(),
        Record::Question(q) => crate::ui::tabs::monitoring::one_line(&q.question),
        Record::Answer(a) => a.title.clone(),
        other => other.kind().label().to_owned(),
    }
}

/// What saving a form asks for, or the errors to show beside its fields.
pub fn submit(form: &Form) -> Result<Action, FieldErrors> {
    match &form.purpose {
        Purpose::Record {
            kind,
            id,
            original,
            parent,
        } => {
            let parent = parent.as_ref().map(|p| p.id.as_str());
            let record = match (kind, original) {
                (RecordKind::Event, o) => agenda::forms::event_record(form, as_event(o)),
                (RecordKind::Series, Some(Record::Series(s))) => {
                    agenda::forms::series_record(form, s)
                }
                (RecordKind::Coverage, Some(Record::Coverage(c))) => {
                    agenda::forms::coverage_record(form, Some(c), parent)
                }
                (RecordKind::Coverage, _) => agenda::forms::coverage_record(form, None, parent),
                (RecordKind::Department, _) => reports::forms::department_record(form),
                (RecordKind::Request, _) => reports::forms::request_record(form),
                (RecordKind::Report, _) => reports::forms::report_record(form),
                (RecordKind::Draft, Some(Record::Draft(d))) => {
                    drafts::forms::draft_record(form, Some(d))
                }
                (RecordKind::Draft, _) => drafts::forms::draft_record(form, None),
                (RecordKind::Variant, Some(Record::Variant(v))) => {
                    drafts::forms::variant_record(form, Some(v), parent)
                }
                (RecordKind::Variant, _) => drafts::forms::variant_record(form, None, parent),
                (RecordKind::Campaign, _) => drafts::forms::campaign_record(form),
                (RecordKind::Material, Some(Record::Material(m))) => {
                    drafts::forms::material_record(form, Some(m))
                }
                (RecordKind::Material, _) => drafts::forms::material_record(form, None),
                (RecordKind::Outlet, _) => media::forms::outlet_record(form),
                (RecordKind::Journalist, _) => media::forms::journalist_record(form),
                (RecordKind::ContactList, _) => media::forms::list_record(form),
                (RecordKind::Member, _) => media::forms::member_record(form, parent),
                (RecordKind::Interview, Some(Record::Interview(i))) => {
                    media::forms::interview_record(form, Some(i))
                }
                (RecordKind::Interview, _) => media::forms::interview_record(form, None),
                (RecordKind::ArchiveItem, Some(Record::ArchiveItem(a))) => {
                    archive::forms::item_record(form, Some(a))
                }
                (RecordKind::ArchiveItem, _) => archive::forms::item_record(form, None),
                (RecordKind::Classification, _) => archive::forms::classification_record(form),
                (RecordKind::Consent, Some(Record::Consent(c))) => {
                    archive::forms::consent_record(form, Some(c), parent)
                }
                (RecordKind::Consent, _) => archive::forms::consent_record(form, None, parent),
                (RecordKind::Clipping, _) => monitoring::forms::clipping_record(form),
                (RecordKind::Question, Some(Record::Question(q))) => {
                    monitoring::forms::question_record(form, Some(q))
                }
                (RecordKind::Question, _) => monitoring::forms::question_record(form, None),
                (RecordKind::Answer, _) => monitoring::forms::answer_record(form),
                _ => return Err(vec![("", t(Msg::PNotAllowed).to_owned())]),
            }?;
            Ok(Action::Save(match id {
                Some(id) => Command::Update {
                    id: id.clone(),
                    record,
                },
                None => Command::Create { id: None, record },
            }))
        }
        Purpose::Filters(_) => filters_of(form).map(Action::SetFilters),
        Purpose::Postpone(target) => {
            let mut errors = FieldErrors::new();
            let date = form.date("date").unwrap_or_else(|e| {
                errors.push(e);
                None
            });
            let time = form.time("start_time").unwrap_or_else(|e| {
                errors.push(e);
                None
            });
            if !errors.is_empty() {
                return Err(errors);
            }
            let start = date.map(|d| {
                d.and_time(time.unwrap_or_default())
                    .format("%Y-%m-%dT%H:%M")
                    .to_string()
            });
            Ok(Action::Postpone(target.clone(), start))
        }
        Purpose::Round => reports::forms::round_action(form),
        Purpose::Discard(target) => reports::forms::discard_action(form, target),
        Purpose::Reject(target) => {
            let comment = form.text("review_comment");
            if comment.trim().is_empty() {
                return Err(vec![("review_comment", problem_text(Problem::Required))]);
            }
            Ok(Action::Reject(target.clone(), comment.trim().to_owned()))
        }
        Purpose::Schedule(target) => {
            drafts::forms::when(form).map(|at| Action::Schedule(target.clone(), at))
        }
        Purpose::Publish(target) => {
            drafts::forms::publication_record(form, &target.id).map(Action::Publish)
        }
        Purpose::Office => drafts::forms::office_record(form).map(Action::SaveOffice),
        Purpose::Distribute => media::forms::distribute_action(form),
        Purpose::ImportContacts => media::forms::import_contacts_action(form),
        Purpose::ImportReach => media::forms::import_reach_action(form),
        Purpose::ImportMedia => archive::forms::import_media_action(form),
        Purpose::JumpDate => {
            let action = archive::forms::jump_action(form)?;
            Ok(action)
        }
        Purpose::MailPassword(send) => {
            let password = form.text("password");
            if password.is_empty() {
                return Err(vec![("password", problem_text(Problem::Required))]);
            }
            Ok(Action::SendMail(send.clone(), Some(password)))
        }
        Purpose::ExportBulletin(folio) => {
            let file = form.text("file");
            if file.trim().is_empty() {
                return Err(vec![("file", problem_text(Problem::Required))]);
            }
            Ok(Action::ExportBulletin {
                folio: folio.clone(),
                format: form.choice("format"),
                file: file.trim().to_owned(),
            })
        }
        Purpose::Acknowledge { target, code } => {
            let reason = form.text("reason");
            if reason.trim().is_empty() {
                return Err(vec![("reason", problem_text(Problem::Required))]);
            }
            Ok(Action::Acknowledge(
                target.clone(),
                code.clone(),
                reason.trim().to_owned(),
            ))
        }
        Purpose::ImportAgenda => {
            let file = form.text("file");
            if file.trim().is_empty() {
                Err(vec![(
                    "file",
                    problem_text(crate::domain::edit::Problem::Required),
                )])
            } else {
                Ok(Action::PreviewImport(file.trim().to_owned()))
            }
        }
        Purpose::Attach(target) => {
            let files = form.text("files");
            if files.trim().is_empty() {
                Err(vec![(
                    "files",
                    problem_text(crate::domain::edit::Problem::Required),
                )])
            } else {
                Ok(Action::Attach(target.clone(), files))
            }
        }
        Purpose::SyncFolder => {
            let folder = form.text("folder");
            if folder.is_empty() {
                Err(vec![(
                    "folder",
                    problem_text(crate::domain::edit::Problem::Required),
                )])
            } else {
                Ok(Action::SetSyncFolder(folder))
            }
        }
    }
}

fn as_event(r: &Option<Record>) -> Option<&crate::domain::edit::EventInput> {
    match r {
        Some(Record::Event(e)) => Some(e),
        _ => None,
    }
}

/// The filters form of a list: only the filters it offers.
pub fn filters(list: ListId, spec: &FilterSpec, current: &Filters, now: NaiveDateTime) -> Form {
    let all = |options: &[(String, String)]| {
        let mut out = vec![(String::new(), t(Msg::FilterAll).to_owned())];
        out.extend(options.iter().cloned());
        out
    };
    let mut fields = Vec::new();
    if !spec.statuses.is_empty() {
        fields.push(Field::choice(
            "status",
            all(&spec.statuses),
            current.status.as_deref().unwrap_or(""),
        ));
    }
    if !spec.kinds.is_empty() {
        fields.push(Field::choice(
            "kind",
            all(&spec.kinds),
            current.kind.as_deref().unwrap_or(""),
        ));
    }
    if spec.department {
        fields.push(Field::pick(
            "department_id",
            RecordKind::Department,
            current.department.clone(),
        ));
    }
    if spec.dates {
        fields.push(Field::date("from", current.from));
        fields.push(Field::date("to", current.to));
    }
    if spec.facets {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        fields.push(Field::text("tag", &text(&current.tag)));
        fields.push(Field::text("people", &text(&current.person)));
        fields.push(Field::text("place", &text(&current.place)));
    }
    Form::new(
        t(Msg::FilterTitle).to_owned(),
        Purpose::Filters(list),
        fields,
        now,
    )
}

fn filters_of(form: &Form) -> Result<Filters, FieldErrors> {
    let mut errors = FieldErrors::new();
    let code = |key: &str| Some(form.choice(key)).filter(|c| !c.is_empty());
    // A field the form does not have reads as empty.
    let facet = |key: &str| {
        let v = form.text(key);
        Some(v.trim().to_owned()).filter(|v| !v.is_empty())
    };
    let from = form.date("from").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let to = form.date("to").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            errors.push((
                "to",
                problem_text(crate::domain::edit::Problem::BeforeStart),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Filters {
        status: code("status"),
        kind: code("kind"),
        department: form.picked("department_id"),
        from,
        to,
        overdue_on: None,
        tag: facet("tag"),
        person: facet("people"),
        place: facet("place"),
    })
}

/// Asks for the new date of an event being postponed, at the same time by default; empty when
/// it is not known yet.
pub fn postpone(
    target: Target,
    title: &str,
    start: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Form {
    let fields = vec![
        Field::date("date", None),
        Field::time("start_time", start.map(|s| s.time())),
    ];
    let mut form = Form::new(
        tf(Msg::PostponeTitle, &[&title]),
        Purpose::Postpone(target),
        fields,
        now,
    );
    form.note = Some(t(Msg::PostponeHint).to_owned());
    form
}

/// Asks for the calendar file to import (a path; a file dragged onto the terminal pastes it).
pub fn import_agenda(now: NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::ImportAgendaTitle).to_owned(),
        Purpose::ImportAgenda,
        vec![Field::text("file", "").required()],
        now,
    );
    form.note = Some(t(Msg::ImportAgendaHint).to_owned());
    form
}

/// Asks for the files to attach to a report (titled `title`): paths, one per line.
pub fn attach_files(target: Target, title: &str, now: NaiveDateTime) -> Form {
    let mut form = Form::new(
        tf(Msg::AttachTitle, &[&title]),
        Purpose::Attach(target),
        vec![Field::multi("files", "").required()],
        now,
    );
    form.note = Some(t(Msg::AttachHint).to_owned());
    form
}

/// Asks for the folder to sync with, the first time `s` is pressed.
pub fn sync_folder(now: NaiveDateTime) -> Form {
    let folder = Field::text("folder", "").required();
    let mut form = Form::new(
        t(Msg::SyncFolderTitle).to_owned(),
        Purpose::SyncFolder,
        vec![folder],
        now,
    );
    form.note = Some(t(Msg::SyncFolderHint).to_owned());
    form
}
