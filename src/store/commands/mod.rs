//! The store's typed commands: the only code that writes rows. Each takes a domain input,
//! checks it (required fields, dates, linked records that exist, allowed status moves, folio
//! rules) and writes it through the one write path, so every change is recorded as ops and can
//! be undone. Forms, the command line, importers and the demo all come through here; none of
//! them names a table or a column.
mod archive;
mod attachments;
mod contacts;
mod drafts;
mod events;
mod materials;
mod media_import;
mod office;
mod reach;
mod reports;
mod settings;

pub(crate) use archive::tags_of;
pub(crate) use archive::{read_classification, read_consent, read_item, tag_id};
pub(crate) use attachments::read_attachment;
pub use attachments::{Attached, FileOwner};
pub(crate) use contacts::{read_interview, read_journalist, read_list, read_outlet};
pub use contacts::{route, Distributed, NO_ADDRESS};
pub use drafts::FOLIO_PREFIX_SETTING;
pub(crate) use drafts::{
    acknowledged, findings, going_out_on, read_draft, read_variant, unconsented, variants_of,
};
pub use events::Occurrence;
pub(crate) use events::{
    event_by_uid, occurrences_of, read_coverage, read_event, read_series, series_by_uid,
};
pub(crate) use materials::{read_campaign, read_material};
pub use media_import::{archive_kind, EventSpan, MediaImport};
pub(crate) use office::{read_answer, read_clipping, read_question};
pub(crate) use reports::{read_department, read_report, read_request};
pub(crate) use settings::{office_settings, rules, setting};
pub use settings::{
    OFFICE_CONTACT, OFFICE_HEADER, OFFICE_PLACE, OFFICIALS_SETTING, PHRASES_SETTING,
};

use rusqlite::OptionalExtension;

use super::error::{Result, StoreError};
use super::undo::Change;
use super::write::Writer;
use super::{Store, Value};
use crate::domain::edit::{Command, Invalid, Problem, Record, RecordKind, SeriesInput, Target};
use crate::domain::ids;
use crate::domain::status::{
    CoverageStatus, DeliveryStatus, DraftStatus, EventStatus, InterviewStatus, MaterialStatus,
    QuestionStatus, ReportStatus, RequestStatus, Workflow,
};

/// The table that holds a kind of record.
pub(crate) fn table(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Event => "events",
        RecordKind::Series => "event_series",
        RecordKind::Coverage => "coverage",
        RecordKind::Department => "departments",
        RecordKind::Request => "requests",
        RecordKind::Report => "reports",
        RecordKind::Draft => "drafts",
        RecordKind::Variant => "variants",
        RecordKind::Publication => "publications",
        RecordKind::Outlet => "outlets",
        RecordKind::Journalist => "journalists",
        RecordKind::ContactList => "contact_lists",
        RecordKind::Member => "list_members",
        RecordKind::ArchiveItem => "archive_items",
        RecordKind::Staff => "staff",
        RecordKind::Campaign => "campaigns",
        RecordKind::Distribution => "distributions",
        RecordKind::Interview => "interviews",
        RecordKind::Clipping => "clippings",
        RecordKind::Question => "questions",
        RecordKind::Answer => "answers",
        RecordKind::Attachment => "report_files",
        RecordKind::Material => "material_requests",
        RecordKind::MaterialFile => "material_files",
        RecordKind::Delivery => "deliveries",
        RecordKind::Classification => "classification",
        RecordKind::Consent => "consents",
    }
}

pub(crate) type Fields = Vec<(&'static str, Value)>;

pub(crate) fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

pub(crate) fn opt(s: &Option<String>) -> Value {
    match s {
        Some(s) if !s.is_empty() => Value::Text(s.clone()),
        _ => Value::Null,
    }
}

pub(crate) fn flag(b: bool) -> Value {
    Value::Integer(b as i64)
}

/// What a command did: the record it was about, and the change it made (to undo it).
#[derive(Debug, Clone)]
pub struct Receipt {
    pub target: Target,
    pub change: Change,
}

/// Typed commands inside one write transaction. Obtained from [`Store::batch`].
pub struct Tx<'t, 'c> {
    w: &'t mut Writer<'c>,
    actor: &'t str,
    /// Local time now, `YYYY-MM-DDTHH:MM`.
    now: String,
    /// The pieces this transaction created: a version added to one of them is part of it,
    /// not a change after its approval.
    new_drafts: std::collections::HashSet<String>,
}

fn action_name(cmd: &Command) -> String {
    let (verb, kind) = match cmd {
        Command::Create { record, .. } => ("create", record.kind()),
        Command::Update { record, .. } => ("update", record.kind()),
        Command::Delete(t) => ("delete", t.kind),
        Command::SetStatus { target, .. } => ("status", target.kind),
    };
    format!("{}.{verb}", table(kind))
}

impl Store {
    /// Runs typed commands in one transaction: all of them are written, or none. Returns what
    /// `f` returns and the change made (which [`Store::undo`] reverses).
    pub fn batch<T>(
        &mut self,
        action: &str,
        f: impl FnOnce(&mut Tx<'_, '_>) -> Result<T>,
    ) -> Result<(T, Change)> {
        let actor = self.actor.clone();
        let now = self.local_now();
        self.write_recorded(action, |w| {
            let mut tx = Tx {
                w,
                actor: &actor,
                now,
                new_drafts: Default::default(),
            };
            f(&mut tx)
        })
    }

    /// Runs one command in its own transaction.
    pub fn execute(&mut self, cmd: &Command) -> Result<Receipt> {
        let (target, change) = self.batch(&action_name(cmd), |tx| tx.run(cmd))?;
        Ok(Receipt { target, change })
    }
}

impl Tx<'_, '_> {
    /// The local time (`YYYY-MM-DDTHH:MM`) the following commands record as "now": the demo
    /// writes its past at the times it happened.
    /// The transaction's connection, to read what it has written so far (never to write:
    /// writes go through the commands).
    pub(crate) fn reader(&self) -> &rusqlite::Connection {
        self.w.conn()
    }

    pub fn set_time(&mut self, now: &str) {
        self.now = now.to_owned();
    }

    /// The local time the commands record as "now".
    pub fn time(&self) -> &str {
        &self.now
    }

    pub fn run(&mut self, cmd: &Command) -> Result<Target> {
        match cmd {
            Command::Create { id, record } => {
                let id = self.create(id.as_deref(), record)?;
                Ok(Target::new(record.kind(), id))
            }
            Command::Update { id, record } => {
                self.update(id, record)?;
                Ok(Target::new(record.kind(), id.clone()))
            }
            Command::Delete(target) => {
                self.delete(target)?;
                Ok(target.clone())
            }
            Command::SetStatus { target, status } => {
                self.set_status(target, status)?;
                Ok(target.clone())
            }
        }
    }

    /// Creates a record; `id` when the caller chooses it. Returns the record's id.
    pub fn create(&mut self, id: Option<&str>, record: &Record) -> Result<String> {
        record.validate().map_err(StoreError::Invalid)?;
        self.check_links(record)?;
        let completed = self.complete(record)?;
        let record = completed.as_ref().unwrap_or(record);
        let filled = self.outlet_from_link(record)?;
        let record = filled.as_ref().unwrap_or(record);
        if let Record::Member(m) = record {
            return self.add_member(m);
        }
        if let Record::Attachment(a) = record {
            return self.add_attachment(a);
        }
        let id = id.map(str::to_owned).unwrap_or_else(ids::new_id);
        let mut fields = fields(record);
        if let Record::Draft(d) = record {
            self.draft_rules(&id, d, None, &mut fields)?;
            self.new_drafts.insert(id.clone());
        }
        if matches!(record, Record::Draft(_) | Record::Variant(_)) {
            drafts::sparse(&mut fields);
        }
        if let Record::Publication(p) = record {
            fields.push(("department_id", self.piece_department(&p.draft_id)?));
        }
        if matches!(record, Record::Event(_) | Record::Series(_))
            && !fields.iter().any(|(c, _)| *c == "uid")
        {
            fields.push(("uid", text(&format!("{id}@prensa"))));
        }
        self.w.insert(table(record.kind()), &id, &fields)?;
        self.after_write(&id, record, None)?;
        Ok(id)
    }

    /// Gives an existing record new content.
    pub fn update(&mut self, id: &str, record: &Record) -> Result<()> {
        record.validate().map_err(StoreError::Invalid)?;
        self.check_links(record)?;
        let completed = self.complete(record)?;
        let record = completed.as_ref().unwrap_or(record);
        let kind = record.kind();
        let table = table(kind);
        self.live(table, id)?;
        let mut fields = fields(record);
        if let Some((_, Value::Text(to))) = fields.iter().find(|(c, _)| *c == "status") {
            if let Some(Value::Text(from)) = self.w.get(table, id, "status")? {
                check_move(kind, &from, to)?;
            }
        }
        if let Record::Draft(d) = record {
            self.draft_rules(id, d, Some(id), &mut fields)?;
        }
        if let Record::Publication(p) = record {
            fields.push(("department_id", self.piece_department(&p.draft_id)?));
        }
        // One occurrence of a series changed on its own: the series no longer speaks for it.
        if kind == RecordKind::Event
            && !matches!(
                self.w.get(table, id, "series_id")?,
                None | Some(Value::Null)
            )
        {
            fields.push(("detached", flag(true)));
        }
        let before = match record {
            Record::Series(_) => Some(read_series(self.w.conn(), id)?),
            _ => None,
        };
        // A report moved to another request leaves the old one to be settled too.
        let old_request = match record {
            Record::Report(_) => self.w.get(table, id, "request_id")?,
            _ => None,
        };
        self.w.update(table, id, &fields)?;
        if let Some(Value::Text(old)) = old_request {
            self.settle_request(&old)?;
        }
        if kind == RecordKind::Draft {
            self.credit_publications(id)?;
        }
        self.after_write(id, record, before.as_ref())
    }

    /// Deletes a record and what belongs to it (an event's coverage, a draft's versions, a
    /// list's members…). Tombstones: the rows stay, the delete syncs, undo restores them.
    pub fn delete(&mut self, target: &Target) -> Result<()> {
        let table = table(target.kind);
        self.live(table, &target.id)?;
        if target.kind == RecordKind::Draft
            && self.w.get(table, &target.id, "status")? == Some(text(DraftStatus::Published.code()))
        {
            return Err(StoreError::PublishedFinal);
        }
        if target.kind == RecordKind::Series {
            return self.delete_series(&target.id);
        }
        for (child, column) in children(target.kind) {
            for id in self.ids_where(child, column, &target.id)? {
                self.w.delete(child, &id)?;
            }
        }
        // What the record was linked to, to settle once it is gone.
        let linked = match target.kind {
            RecordKind::Report => self.w.get(table, &target.id, "request_id")?,
            RecordKind::Draft => self.w.get(table, &target.id, "report_id")?,
            RecordKind::Variant => self.w.get(table, &target.id, "draft_id")?,
            _ => None,
        };
        self.w.delete(table, &target.id)?;
        match (target.kind, linked) {
            (RecordKind::Report, Some(Value::Text(request))) => self.settle_request(&request),
            (RecordKind::Draft, Some(Value::Text(report))) => self.draft_gone(&report),
            (RecordKind::Variant, Some(Value::Text(draft))) => self.version_changed(&draft),
            _ => Ok(()),
        }
    }

    /// Moves a record to another status, along its allowed moves only.
    pub fn set_status(&mut self, target: &Target, status: &str) -> Result<()> {
        let table = table(target.kind);
        self.live(table, &target.id)?;
        let Some(Value::Text(from)) = self.w.get(table, &target.id, "status").ok().flatten() else {
            return Err(StoreError::NoStatus);
        };
        check_move(target.kind, &from, status)?;
        // A delivery marked by hand: sent now, or failed (the reason comes with SMTP only).
        if target.kind == RecordKind::Delivery {
            let to = DeliveryStatus::from_code(status).unwrap_or(DeliveryStatus::Pending);
            return self.deliver(&target.id, to, "");
        }
        let mut fields: Fields = vec![("status", text(status))];
        if let (RecordKind::Question, Some(to)) = (target.kind, QuestionStatus::from_code(status)) {
            let question = read_question(self.w.conn(), &target.id)?;
            if to == QuestionStatus::Routed && question.department_id.is_none() {
                // Routed says to whom: the form asks for the department.
                return Err(StoreError::Invalid(Invalid {
                    field: "department_id",
                    problem: Problem::Required,
                }));
            }
            if to == QuestionStatus::Answered && question.response.trim().is_empty() {
                // Answered says what was answered: the form asks for the reply.
                return Err(StoreError::Invalid(Invalid {
                    field: "response",
                    problem: Problem::Required,
                }));
            }
            let at = office::answered_at(to, &question.answered_at, &self.now, &question.asked_at);
            fields.push(("answered_at", text(&at)));
        }
        // A report taken out of the discarded ones no longer has a reason to be there.
        if target.kind == RecordKind::Report && status != ReportStatus::Discarded.code() {
            fields.push(("reason", text("")));
        }
        if target.kind == RecordKind::Report
            && status == ReportStatus::Discarded.code()
            && !matches!(self.w.get(table, &target.id, "reason")?, Some(Value::Text(r)) if !r.trim().is_empty())
        {
            // A report set aside says why: the console asks for the reason with the move.
            return Err(StoreError::Invalid(Invalid {
                field: "reason",
                problem: Problem::Required,
            }));
        }
        let mut draft_moved = None;
        if target.kind == RecordKind::Draft {
            let mut draft = self.read_draft(&target.id)?;
            draft.status = DraftStatus::from_code(status).unwrap_or(draft.status);
            self.draft_rules(&target.id, &draft, Some(&target.id), &mut fields)?;
            draft_moved = Some(draft);
        }
        let before = match target.kind {
            RecordKind::Series => Some(read_series(self.w.conn(), &target.id)?),
            _ => None,
        };
        self.w.update(table, &target.id, &fields)?;
        if let Some(before) = before {
            let after = read_series(self.w.conn(), &target.id)?;
            self.write_occurrences(&target.id, &after, Some(&before))?;
        }
        if let Some(draft) = draft_moved {
            self.follow_draft(&draft)?;
        }
        Ok(())
    }

    /// The row exists and is not deleted.
    fn live(&self, table: &str, id: &str) -> Result<()> {
        if self.w.is_live(table, id)? {
            Ok(())
        } else {
            Err(StoreError::NotFound {
                table: table.to_owned(),
                id: id.to_owned(),
            })
        }
    }

    /// Every record a record links to exists and is not deleted.
    fn check_links(&self, record: &Record) -> Result<()> {
        for (field, kind, id) in links(record) {
            if let Some(id) = id.filter(|i| !i.is_empty()) {
                if !self.w.is_live(table(kind), id)? {
                    return Err(StoreError::Invalid(Invalid {
                        field,
                        problem: Problem::Missing,
                    }));
                }
            }
        }
        Ok(())
    }

    /// Live rows of `table` whose `column` is `value`.
    fn ids_where(&self, table: &str, column: &str, value: &str) -> Result<Vec<String>> {
        let sql = format!("SELECT id FROM {table} WHERE {column} = ?1 AND deleted_at IS NULL");
        let ids = self
            .w
            .conn()
            .prepare_cached(&sql)?
            .query_map([value], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Makes a row with a deterministic id live: creates it, or brings it back.
    fn ensure(&mut self, table: &str, id: &str, fields: &[(&str, Value)]) -> Result<()> {
        match self.w.get(table, id, "deleted_at")? {
            None => self.w.insert(table, id, fields),
            Some(Value::Null) => Ok(()),
            Some(_) => self.w.restore(table, id),
        }
    }

    /// What a write of some kinds of record brings along: a journalist's lists, an item's tags.
    fn after_write(
        &mut self,
        id: &str,
        record: &Record,
        before: Option<&SeriesInput>,
    ) -> Result<()> {
        match record {
            Record::Series(s) => self.write_occurrences(id, s, before),
            Record::Report(r) => match &r.request_id {
                Some(request) if !request.is_empty() => self.settle_request(request),
                _ => Ok(()),
            },
            Record::Draft(d) => self.follow_draft(d),
            Record::Variant(v) => self.version_changed(&v.draft_id),
            Record::Journalist(j) => self.set_lists(id, &j.lists),
            Record::ArchiveItem(a) => self.set_tags("archive_items", id, &a.tags),
            _ => Ok(()),
        }
    }

    /// A single value of a row, read inside the transaction.
    fn value(&self, sql: &str, id: &str) -> Result<Option<Value>> {
        Ok(self
            .w
            .conn()
            .prepare_cached(sql)?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }
}

/// Rows that belong to a record and go with it when it is deleted: (table, link column).
fn children(kind: RecordKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        RecordKind::Event => &[("coverage", "event_id")],
        RecordKind::Draft => &[
            ("variants", "draft_id"),
            ("draft_steps", "draft_id"),
            ("draft_checks", "draft_id"),
        ],
        RecordKind::ContactList => &[("list_members", "list_id")],
        RecordKind::Journalist => &[("list_members", "journalist_id")],
        // The files stay in the media store (they may be another report's too).
        RecordKind::Report => &[("report_files", "report_id")],
        RecordKind::ArchiveItem => &[
            ("archive_media", "item_id"),
            ("taggings", "target_id"),
            ("consents", "item_id"),
        ],
        RecordKind::Material => &[("material_files", "material_id")],
        // A send taken back takes its deliveries: the piece can go to those people again.
        RecordKind::Distribution => &[("deliveries", "distribution_id")],
        _ => &[],
    }
}

/// The records a record links to: (field, kind, id).
fn links(record: &Record) -> Vec<(&'static str, RecordKind, Option<&str>)> {
    use RecordKind as K;
    fn o(s: &Option<String>) -> Option<&str> {
        s.as_deref()
    }
    match record {
        Record::Event(e) => vec![
            ("department_id", K::Department, o(&e.department_id)),
            ("campaign_id", K::Campaign, o(&e.campaign_id)),
        ],
        Record::Series(s) => vec![("department_id", K::Department, o(&s.department_id))],
        Record::Coverage(c) => vec![
            ("event_id", K::Event, Some(c.event_id.as_str())),
            ("staff_id", K::Staff, o(&c.staff_id)),
        ],
        Record::Request(r) => vec![("department_id", K::Department, o(&r.department_id))],
        Record::Report(r) => vec![
            ("department_id", K::Department, o(&r.department_id)),
            ("request_id", K::Request, o(&r.request_id)),
            ("event_id", K::Event, o(&r.event_id)),
        ],
        Record::Draft(d) => vec![
            ("report_id", K::Report, o(&d.report_id)),
            ("event_id", K::Event, o(&d.event_id)),
            ("campaign_id", K::Campaign, o(&d.campaign_id)),
            ("author_id", K::Staff, o(&d.author_id)),
        ],
        Record::Variant(v) => vec![("draft_id", K::Draft, Some(v.draft_id.as_str()))],
        Record::Publication(p) => vec![("draft_id", K::Draft, Some(p.draft_id.as_str()))],
        Record::Journalist(j) => {
            let mut out = vec![("outlet_id", K::Outlet, o(&j.outlet_id))];
            out.extend(
                j.lists
                    .iter()
                    .map(|l| ("lists", K::ContactList, Some(l.as_str()))),
            );
            out
        }
        Record::Member(m) => vec![
            ("list_id", K::ContactList, Some(m.list_id.as_str())),
            (
                "journalist_id",
                K::Journalist,
                Some(m.journalist_id.as_str()),
            ),
        ],
        Record::ArchiveItem(a) => vec![
            ("department_id", K::Department, o(&a.department_id)),
            ("event_id", K::Event, o(&a.event_id)),
            ("report_id", K::Report, o(&a.report_id)),
            ("draft_id", K::Draft, o(&a.draft_id)),
            ("series_id", K::Classification, o(&a.series_id)),
        ],
        Record::Consent(c) => vec![("item_id", K::ArchiveItem, Some(c.item_id.as_str()))],
        Record::Distribution(d) => vec![
            ("draft_id", K::Draft, Some(d.draft_id.as_str())),
            ("list_id", K::ContactList, Some(d.list_id.as_str())),
        ],
        Record::Interview(i) => vec![
            ("outlet_id", K::Outlet, o(&i.outlet_id)),
            ("journalist_id", K::Journalist, o(&i.journalist_id)),
        ],
        Record::Clipping(c) => vec![
            ("outlet_id", K::Outlet, o(&c.outlet_id)),
            ("draft_id", K::Draft, o(&c.draft_id)),
            ("department_id", K::Department, o(&c.department_id)),
            ("quoted_id", K::Draft, o(&c.quoted_id)),
        ],
        Record::Question(q) => vec![
            ("answer_id", K::Answer, o(&q.answer_id)),
            ("department_id", K::Department, o(&q.department_id)),
        ],
        Record::Attachment(a) => vec![("report_id", K::Report, Some(a.report_id.as_str()))],
        Record::Campaign(c) => vec![("department_id", K::Department, o(&c.department_id))],
        Record::Material(m) => vec![
            ("department_id", K::Department, o(&m.department_id)),
            ("campaign_id", K::Campaign, o(&m.campaign_id)),
            ("event_id", K::Event, o(&m.event_id)),
        ],
        Record::Department(_)
        | Record::Outlet(_)
        | Record::ContactList(_)
        | Record::Staff(_)
        | Record::Classification(_)
        | Record::Answer(_) => Vec::new(),
    }
}

/// The columns a record writes.
fn fields(record: &Record) -> Fields {
    match record {
        Record::Event(e) => events::event_fields(e),
        Record::Series(s) => events::series_fields(s),
        Record::Coverage(c) => events::coverage_fields(c),
        Record::Department(d) => reports::department_fields(d),
        Record::Request(r) => reports::request_fields(r),
        Record::Report(r) => reports::report_fields(r),
        Record::Draft(d) => drafts::draft_fields(d),
        Record::Variant(v) => drafts::variant_fields(v),
        Record::Publication(p) => drafts::publication_fields(p),
        Record::Outlet(o) => contacts::outlet_fields(o),
        Record::Journalist(j) => contacts::journalist_fields(j),
        Record::ContactList(l) => contacts::list_fields(l),
        Record::Member(m) => contacts::member_fields(m),
        Record::Distribution(d) => contacts::distribution_fields(d),
        Record::Interview(i) => contacts::interview_fields(i),
        Record::ArchiveItem(a) => archive::item_fields(a),
        Record::Classification(k) => archive::classification_fields(k),
        Record::Consent(c) => archive::consent_fields(c),
        Record::Staff(s) => office::staff_fields(s),
        Record::Campaign(c) => materials::campaign_fields(c),
        Record::Material(m) => materials::material_fields(m),
        Record::Clipping(c) => office::clipping_fields(c),
        Record::Question(q) => office::question_fields(q),
        Record::Answer(a) => office::answer_fields(a),
        Record::Attachment(a) => attachments::attachment_fields(a),
    }
}

/// Checks a status move of a kind of record against its workflow.
fn check_move(kind: RecordKind, from: &str, to: &str) -> Result<()> {
    fn check<S: Workflow>(
        kind: RecordKind,
        parse: fn(&str) -> Option<S>,
        code: fn(S) -> &'static str,
        from: &str,
        to: &str,
    ) -> Result<()> {
        let Some(target) = parse(to) else {
            return Err(StoreError::Invalid(Invalid {
                field: "status",
                problem: Problem::NotAllowed,
            }));
        };
        // A status this version does not know (from a newer machine) may move anywhere.
        let Some(current) = parse(from) else {
            return Ok(());
        };
        if current.can_move_to(target) {
            Ok(())
        } else {
            Err(StoreError::Transition {
                kind,
                from: from.to_owned(),
                to: to.to_owned(),
                allowed: current.next().iter().map(|s| code(*s).to_owned()).collect(),
            })
        }
    }
    match kind {
        RecordKind::Event | RecordKind::Series => {
            check(kind, EventStatus::from_code, EventStatus::code, from, to)
        }
        RecordKind::Coverage => check(
            kind,
            CoverageStatus::from_code,
            CoverageStatus::code,
            from,
            to,
        ),
        RecordKind::Request => check(
            kind,
            RequestStatus::from_code,
            RequestStatus::code,
            from,
            to,
        ),
        RecordKind::Report => check(kind, ReportStatus::from_code, ReportStatus::code, from, to),
        RecordKind::Material => check(
            kind,
            MaterialStatus::from_code,
            MaterialStatus::code,
            from,
            to,
        ),
        RecordKind::Draft => check(kind, DraftStatus::from_code, DraftStatus::code, from, to),
        RecordKind::Question => check(
            kind,
            QuestionStatus::from_code,
            QuestionStatus::code,
            from,
            to,
        ),
        _ => Ok(()),
    }
}

/// The statuses a record of this kind may move to from `from` (codes), and whether `from`
/// is known at all.
pub fn allowed_moves(kind: RecordKind, from: &str) -> Vec<&'static str> {
    fn next<S: Workflow>(
        parse: fn(&str) -> Option<S>,
        code: fn(S) -> &'static str,
        from: &str,
    ) -> Vec<&'static str> {
        parse(from)
            .map(|s| s.next().iter().map(|n| code(*n)).collect())
            .unwrap_or_default()
    }
    match kind {
        RecordKind::Event | RecordKind::Series => {
            next(EventStatus::from_code, EventStatus::code, from)
        }
        RecordKind::Coverage => next(CoverageStatus::from_code, CoverageStatus::code, from),
        RecordKind::Request => next(RequestStatus::from_code, RequestStatus::code, from),
        RecordKind::Report => next(ReportStatus::from_code, ReportStatus::code, from),
        RecordKind::Draft => next(DraftStatus::from_code, DraftStatus::code, from),
        RecordKind::Material => next(MaterialStatus::from_code, MaterialStatus::code, from),
        RecordKind::Interview => next(InterviewStatus::from_code, InterviewStatus::code, from),
        RecordKind::Delivery => next(DeliveryStatus::from_code, DeliveryStatus::code, from),
        RecordKind::Question => next(QuestionStatus::from_code, QuestionStatus::code, from),
        _ => Vec::new(),
    }
}
