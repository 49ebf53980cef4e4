//! Reads for editing: a record's content as its input (to fill a form), records to choose
//! from when linking one to another, and where a record stands in its list (to open a link).
use rusqlite::{params, OptionalExtension};

use super::commands::{
    read_coverage, read_department, read_draft, read_event, read_item, read_journalist, read_list,
    read_outlet, read_report, read_request, read_variant,
};
use super::error::{Result, StoreError};
use super::search::fts_query;
use super::Store;
use crate::domain::edit::{Record, RecordKind, Target};
use crate::domain::query::Choice;
use crate::domain::SortKey;

/// How many choices a picker gets at a time.
pub const CHOICES: usize = 200;

impl Store {
    /// What the office configured for its press releases and the compliance checks.
    pub fn office(&self) -> Result<crate::domain::edit::OfficeInput> {
        super::commands::office_settings(self.conn())
    }

    /// A piece's live versions, in the order they were written.
    pub fn variants_of(&self, draft: &str) -> Result<Vec<crate::domain::edit::VariantInput>> {
        super::commands::variants_of(self.conn(), draft)
    }

    /// A record's content, to edit it.
    pub fn record(&self, target: &Target) -> Result<Record> {
        let (c, id) = (self.conn(), target.id.as_str());
        Ok(match target.kind {
            RecordKind::Event => Record::Event(read_event(c, id)?),
            RecordKind::Series => Record::Series(super::commands::read_series(c, id)?),
            RecordKind::Coverage => Record::Coverage(read_coverage(c, id)?),
            RecordKind::Department => Record::Department(read_department(c, id)?),
            RecordKind::Request => Record::Request(read_request(c, id)?),
            RecordKind::Report => Record::Report(read_report(c, id)?),
            RecordKind::Draft => Record::Draft(read_draft(c, id)?),
            RecordKind::Variant => Record::Variant(read_variant(c, id)?),
            RecordKind::Outlet => Record::Outlet(read_outlet(c, id)?),
            RecordKind::Journalist => Record::Journalist(read_journalist(c, id)?),
            RecordKind::ContactList => Record::ContactList(read_list(c, id)?),
            RecordKind::ArchiveItem => Record::ArchiveItem(read_item(c, id)?),
            RecordKind::Attachment => Record::Attachment(super::commands::read_attachment(c, id)?),
            RecordKind::Campaign => Record::Campaign(super::commands::read_campaign(c, id)?),
            RecordKind::Material => Record::Material(super::commands::read_material(c, id)?),
            RecordKind::Interview => Record::Interview(super::commands::read_interview(c, id)?),
            RecordKind::Classification => {
                Record::Classification(super::commands::read_classification(c, id)?)
            }
            RecordKind::Consent => Record::Consent(super::commands::read_consent(c, id)?),
            RecordKind::Clipping => Record::Clipping(super::commands::read_clipping(c, id)?),
            RecordKind::Question => Record::Question(super::commands::read_question(c, id)?),
            RecordKind::Answer => Record::Answer(super::commands::read_answer(c, id)?),
            _ => {
                return Err(StoreError::NotFound {
                    table: super::commands::table(target.kind).to_owned(),
                    id: id.to_owned(),
                })
            }
        })
    }

    /// Records of a kind to link to, matching the words of `text` (all of them, as prefixes,
    /// without accents); with no text, the ones most likely wanted (the departments in their
    /// order, the upcoming events…). Returns at most [`CHOICES`], and whether that is all there is
    /// (then the picker filters them itself as the user types).
    pub fn choices(
        &self,
        kind: RecordKind,
        text: &str,
        today: &str,
    ) -> Result<(Vec<Choice>, bool)> {
        // (select: id, label, when, detail; from/where; fts index; order when not searching)
        let (select, fts, order): (&str, Option<&str>, &str) = match kind {
            RecordKind::Department => (
                "SELECT t.id, t.name, '', t.head FROM departments t WHERE t.deleted_at IS NULL",
                None,
                "t.sort, t.name",
            ),
            RecordKind::Staff => (
                "SELECT t.id, t.name, '', t.role FROM staff t WHERE t.deleted_at IS NULL AND t.active",
                None,
                "t.name",
            ),
            RecordKind::Campaign => (
                "SELECT t.id, t.name, t.starts_on, '' FROM campaigns t WHERE t.deleted_at IS NULL",
                None,
                "t.starts_on DESC, t.name",
            ),
            RecordKind::ContactList => (
                "SELECT t.id, t.name, '', t.description FROM contact_lists t WHERE t.deleted_at IS NULL",
                None,
                "t.name",
            ),
            RecordKind::Outlet => (
                "SELECT t.id, t.name, '', t.city FROM outlets t WHERE t.deleted_at IS NULL",
                Some("outlets_fts"),
                "t.name",
            ),
            RecordKind::Journalist => (
                "SELECT t.id, t.name, '', coalesce(o.name, '') FROM journalists t
                 LEFT JOIN outlets o ON o.id = t.outlet_id WHERE t.deleted_at IS NULL",
                Some("journalists_fts"),
                "t.name",
            ),
            RecordKind::Event => (
                "SELECT t.id, t.title, t.starts_at, t.place FROM events t WHERE t.deleted_at IS NULL",
                Some("events_fts"),
                "abs(julianday(substr(t.starts_at, 1, 10)) - julianday(?2)), t.starts_at",
            ),
            RecordKind::Report => (
                "SELECT t.id, t.title, t.received_at, coalesce(d.short_name, '') FROM reports t
                 LEFT JOIN departments d ON d.id = t.department_id WHERE t.deleted_at IS NULL",
                Some("reports_fts"),
                "t.received_at DESC",
            ),
            // Pending requests first: a report arriving answers one of those.
            RecordKind::Request => (
                "SELECT t.id, t.subject || coalesce(' — ' || d.short_name, ''), t.sent_on, ''
                 FROM requests t
                 LEFT JOIN departments d ON d.id = t.department_id WHERE t.deleted_at IS NULL",
                Some("requests_fts"),
                "t.status <> 'pending', t.sent_on DESC",
            ),
            RecordKind::Draft => (
                "SELECT t.id, t.title, t.written_at, t.folio FROM drafts t WHERE t.deleted_at IS NULL",
                Some("drafts_fts"),
                "t.written_at DESC",
            ),
            RecordKind::Classification => (
                "SELECT t.id, t.code || ' ' || t.name, '', t.section_code || ' ' || t.section_name
                 FROM classification t WHERE t.deleted_at IS NULL",
                None,
                "t.code",
            ),
            // A reusable answer carries its text: picked, it goes into the reply.
            RecordKind::Answer => (
                "SELECT t.id, t.title, '', t.body FROM answers t WHERE t.deleted_at IS NULL",
                Some("answers_fts"),
                "t.title",
            ),
            _ => return Ok((Vec::new(), true)),
        };
        let search = fts.zip(fts_query(text));
        let sql = match (&search, kind) {
            // A request is found by its subject or by its department's name.
            (Some((fts, _)), RecordKind::Request) => format!(
                "{select} AND (t.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?1)
                   OR d.rowid IN (SELECT rowid FROM departments_fts WHERE departments_fts MATCH ?1))
                 ORDER BY {order} LIMIT {}",
                CHOICES + 1
            ),
            (Some((fts, _)), _) => format!(
                "{select} AND t.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?1)
                 ORDER BY {order} LIMIT {}",
                CHOICES + 1
            ),
            // Events near today: a window of days either side, then the nearest first.
            (None, RecordKind::Event) => format!(
                "{select} AND t.starts_at >= date(?2, '-60 days') AND t.starts_at < date(?2, '+60 days')
                 AND ?1 = ?1 ORDER BY {order} LIMIT {}",
                CHOICES + 1
            ),
            (None, _) => format!("{select} AND ?1 = ?1 ORDER BY {order} LIMIT {}", CHOICES + 1),
        };
        let searching = search.is_some();
        let query = search.map(|(_, q)| q).unwrap_or_default();
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let uses_today = sql.contains("?2");
        let map = |r: &rusqlite::Row| {
            Ok(Choice {
                id: r.get(0)?,
                label: r.get(1)?,
                when: r.get(2)?,
                detail: r.get(3)?,
            })
        };
        let mut rows: Vec<Choice> = if uses_today {
            stmt.query_map(params![query, today], map)?
                .collect::<rusqlite::Result<_>>()?
        } else {
            stmt.query_map(params![query], map)?
                .collect::<rusqlite::Result<_>>()?
        };
        // Every record of the kind is here: the picker can filter them itself.
        let complete = !searching && kind != RecordKind::Event && rows.len() <= CHOICES;
        rows.truncate(CHOICES);
        Ok((rows, complete))
    }

    /// The label of a record to show in a form: its title or name.
    pub fn choice(&self, kind: RecordKind, id: &str) -> Result<Option<Choice>> {
        let sql = match kind {
            RecordKind::Department
            | RecordKind::Staff
            | RecordKind::Campaign
            | RecordKind::ContactList
            | RecordKind::Outlet
            | RecordKind::Journalist => format!(
                "SELECT id, name, '', '' FROM {} WHERE id = ?1",
                super::commands::table(kind)
            ),
            RecordKind::Event => "SELECT id, title, starts_at, '' FROM events WHERE id = ?1".into(),
            RecordKind::Report => {
                "SELECT id, title, received_at, '' FROM reports WHERE id = ?1".into()
            }
            // A round asks every department the same: the department tells them apart.
            RecordKind::Request => "SELECT q.id, q.subject || coalesce(' — ' || d.short_name, ''),
                        q.sent_on, '' FROM requests q
                 LEFT JOIN departments d ON d.id = q.department_id WHERE q.id = ?1"
                .into(),
            RecordKind::Draft => {
                "SELECT id, title, written_at, '' FROM drafts WHERE id = ?1".into()
            }
            RecordKind::Classification => {
                "SELECT id, code || ' ' || name, '', '' FROM classification WHERE id = ?1".into()
            }
            RecordKind::Answer => "SELECT id, title, '', body FROM answers WHERE id = ?1".into(),
            _ => return Ok(None),
        };
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row([id], |r| {
                Ok(Choice {
                    id: r.get(0)?,
                    label: r.get(1)?,
                    when: r.get(2)?,
                    detail: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// Where a live record stands in its own list: the list's sort key. `None` when the record
    /// is gone (deleted, or never existed here).
    pub fn place_of(&self, target: &Target) -> Result<Option<SortKey>> {
        let key = match target.kind {
            RecordKind::Event => "starts_at",
            RecordKind::Report => "received_at",
            RecordKind::Request => "sent_on",
            RecordKind::Department => "printf('%06d|%s', sort, name)",
            RecordKind::Draft => "written_at",
            RecordKind::Campaign => "starts_on",
            RecordKind::Material => "needed_by",
            RecordKind::Journalist | RecordKind::Outlet | RecordKind::ContactList => "name",
            RecordKind::ArchiveItem => "occurred_at",
            RecordKind::Publication => "published_at",
            RecordKind::Interview => "requested_on",
            RecordKind::Distribution => "sent_at",
            RecordKind::Classification => "code",
            RecordKind::Clipping => "published_on",
            RecordKind::Question => "asked_at",
            RecordKind::Answer => "title",
            _ => return Ok(None),
        };
        let table = super::commands::table(target.kind);
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {key} FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
            ))?
            .query_row([&target.id], |r| r.get::<_, String>(0))
            .optional()?
            .map(|primary| SortKey {
                primary,
                id: target.id.clone(),
            }))
    }
}
