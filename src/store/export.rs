//! What the archive's handover and transparency export holds (`prensa exportar archivo`):
//! everything the archive timeline shows in a range of days, oldest first, with what each
//! record says and the files it keeps. The sources are those of the timeline (events that
//! happened, reports kept or used, publications, archive-only items, requests from the media
//! that were answered, clippings), each read in one query in the order of its date index. The pictures in the database are not read here: the export
//! fetches each one as it writes it, so a month of photos is never in memory at once.
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Params, Row};

use super::commands::tags_of;
use super::error::Result;
use super::Store;
use crate::domain::media::MediaKind;
use crate::domain::status::{ArchiveKind, Channel, Subjects};
use crate::domain::TimelineKind;

/// One record of the export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportItem {
    pub id: String,
    pub kind: TimelineKind,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub at: String,
    pub title: String,
    /// An item's description, an event's notes, a report's text, a publication's text.
    pub description: String,
    /// The department's full name.
    pub department: String,
    /// The event it belongs to (an item's, a report's), by its title.
    pub event: String,
    pub place: String,
    /// The people who appear or speak (an item's, an interview's), as written.
    pub people: String,
    /// The medium (a request from the media, a clipping).
    pub outlet: String,
    /// A request from the media: what it asked for (`interview`, `information`, `material`).
    /// A clipping: its tone (`positive`, `neutral`, `negative`).
    pub subkind: String,
    /// A clipping: the office's answer.
    pub response: String,
    pub tags: Vec<String>,
    /// Its classification (archive items): section, series, file ("expediente"), and the
    /// stage's code (`active`, `semiactive`, `historical`).
    pub section_code: String,
    pub section_name: String,
    pub series_code: String,
    pub series_name: String,
    pub expediente: String,
    pub stage: String,
    /// A publication's piece: its folio (press releases), and where it was published.
    pub folio: String,
    pub url: String,
    pub media: Vec<ExportMedia>,
    /// Who can be recognised in its photos or video (an item's; `none` for the rest).
    pub subjects: Subjects,
}

/// One file of an exported record.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportMedia {
    pub id: String,
    pub sha256: String,
    pub file_name: String,
    pub kind: MediaKind,
    pub mime: String,
    pub size: u64,
    /// Where the original is in the media folder, `ab/cdef….ext`.
    pub stored_path: String,
    pub taken_at: String,
    pub has_thumbnail: bool,
    pub has_archive_copy: bool,
}

impl ExportItem {
    /// A record of `kind` from a row of its source, whose first three columns are its id,
    /// its time and its title.
    fn of_row(kind: TimelineKind, r: &Row<'_>) -> rusqlite::Result<ExportItem> {
        Ok(ExportItem {
            id: r.get(0)?,
            kind,
            at: r.get(1)?,
            title: r.get(2)?,
            description: String::new(),
            department: String::new(),
            event: String::new(),
            place: String::new(),
            people: String::new(),
            outlet: String::new(),
            subkind: String::new(),
            response: String::new(),
            tags: Vec::new(),
            section_code: String::new(),
            section_name: String::new(),
            series_code: String::new(),
            series_name: String::new(),
            expediente: String::new(),
            stage: String::new(),
            folio: String::new(),
            url: String::new(),
            media: Vec::new(),
            subjects: Subjects::Nobody,
        })
    }
}

/// Events that happened: live, neither cancelled nor postponed, started by now (`?3`).
const EVENTS: &str = "SELECT e.id, e.starts_at, e.title, e.notes, e.place, e.locality,
            coalesce(d.name, '')
     FROM events e LEFT JOIN departments d ON d.id = e.department_id
     WHERE e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?2
       AND e.starts_at <= ?3 AND e.status NOT IN ('cancelled', 'postponed')
     ORDER BY e.starts_at, e.id";

/// Reports kept or published from, received by now (`?3`).
const REPORTS: &str = "SELECT r.id, r.received_at, r.title, r.body, coalesce(d.name, ''),
            coalesce(ev.title, '')
     FROM reports r LEFT JOIN departments d ON d.id = r.department_id
          LEFT JOIN events ev ON ev.id = r.event_id AND ev.deleted_at IS NULL
     WHERE r.deleted_at IS NULL AND r.received_at >= ?1 AND r.received_at < ?2
       AND r.received_at <= ?3 AND +r.status IN ('archived', 'used')
     ORDER BY r.received_at, r.id";

/// Publications, with their piece's title, text and folio (and the piece, whose tags they
/// carry).
const PUBLICATIONS: &str = "SELECT p.id, p.published_at, coalesce(x.title, ''),
            coalesce(x.body, ''), p.channel, coalesce(x.folio, ''), p.url,
            coalesce(p.draft_id, '')
     FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id
     WHERE p.deleted_at IS NULL AND p.published_at >= ?1 AND p.published_at < ?2
     ORDER BY p.published_at, p.id";

/// Archive-only items, with their department, event and classification.
const ITEMS: &str = "SELECT a.id, a.occurred_at, a.title, a.description, a.kind,
            coalesce(d.name, ''), coalesce(ev.title, ''), a.place, a.people,
            coalesce(c.section_code, ''), coalesce(c.section_name, ''),
            coalesce(c.code, ''), coalesce(c.name, ''), a.expediente, a.stage, a.subjects
     FROM archive_items a LEFT JOIN departments d ON d.id = a.department_id
          LEFT JOIN events ev ON ev.id = a.event_id AND ev.deleted_at IS NULL
          LEFT JOIN classification c ON c.id = a.series_id AND c.deleted_at IS NULL
     WHERE a.deleted_at IS NULL AND a.occurred_at >= ?1 AND a.occurred_at < ?2
     ORDER BY a.occurred_at, a.id";

/// Requests from the media that were answered, asked for by now (`?3`).
const INTERVIEWS: &str = "SELECT i.id, i.requested_on, i.topic, i.outcome, i.notes,
            i.interviewee, coalesce(j.name, ''), coalesce(o.name, ''), i.kind
     FROM interviews i LEFT JOIN outlets o ON o.id = i.outlet_id
          LEFT JOIN journalists j ON j.id = i.journalist_id
     WHERE i.deleted_at IS NULL AND i.requested_on >= ?1 AND i.requested_on < ?2
       AND i.requested_on <= ?3 AND +i.status = 'done'
     ORDER BY i.requested_on, i.id";

/// What the media published, by now (`?3`).
const CLIPPINGS: &str = "SELECT c.id, c.published_on, c.title, c.summary, c.response,
            coalesce(o.name, ''), c.tone, c.url
     FROM clippings c LEFT JOIN outlets o ON o.id = c.outlet_id
     WHERE c.deleted_at IS NULL AND c.published_on >= ?1 AND c.published_on < ?2
       AND c.published_on <= ?3
     ORDER BY c.published_on, c.id";

/// Runs one source's query over `params` and hands each row to `read`.
fn each_row(
    conn: &Connection,
    sql: &str,
    params: impl Params,
    mut read: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params)?;
    while let Some(r) = rows.next()? {
        read(r)?;
    }
    Ok(())
}

/// Text parts joined by `sep`, the empty ones left out.
fn joined(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// The files a link table ties to a record (live links to live files), in the order they
/// were added.
fn media_sql(links: &str, column: &str) -> String {
    format!(
        "SELECT m.id, m.sha256, m.file_name, m.kind, m.mime, m.size, m.stored_path, m.taken_at,
                m.thumbnail IS NOT NULL, m.archive_copy IS NOT NULL
         FROM {links} f JOIN media m ON m.id = f.media_id
         WHERE f.{column} = ?1 AND f.deleted_at IS NULL AND m.deleted_at IS NULL
         ORDER BY f.created_at, f.rowid"
    )
}

fn media_of(conn: &Connection, sql: &str, id: &str) -> Result<Vec<ExportMedia>> {
    let rows = conn
        .prepare_cached(sql)?
        .query_map([id], |r| {
            Ok(ExportMedia {
                id: r.get(0)?,
                sha256: r.get(1)?,
                file_name: r.get(2)?,
                kind: MediaKind::from_code(&r.get::<_, String>(3)?),
                mime: r.get(4)?,
                size: r.get::<_, i64>(5)?.max(0) as u64,
                stored_path: r.get(6)?,
                taken_at: r.get(7)?,
                has_thumbnail: r.get(8)?,
                has_archive_copy: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The order of the sources at one minute: what happened, then what came of it.
fn source_order(kind: &TimelineKind) -> u8 {
    match kind {
        TimelineKind::Event => 0,
        TimelineKind::Item(_) => 1,
        TimelineKind::Report => 2,
        TimelineKind::Interview => 3,
        TimelineKind::Publication(_) => 4,
        TimelineKind::Clipping => 5,
    }
}

impl Store {
    /// Everything the archive timeline holds from `from` to `to` (both days included),
    /// oldest first: archive items with their classification and files, events that
    /// happened (up to now), reports kept or used with their files, publications, requests
    /// from the media that were answered, and clippings.
    pub fn archive_export(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ExportItem>> {
        let start = from.format("%Y-%m-%d").to_string();
        let end = to
            .succ_opt()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "9999-12-31".to_owned());
        let now = self.local_now();
        let conn = self.conn();
        let mut out = Vec::new();

        each_row(conn, EVENTS, [&start, &end, &now], |r| {
            let mut item = ExportItem::of_row(TimelineKind::Event, r)?;
            item.description = r.get(3)?;
            let (place, locality): (String, String) = (r.get(4)?, r.get(5)?);
            item.place = joined(&[&place, &locality], ", ");
            item.department = r.get(6)?;
            out.push(item);
            Ok(())
        })?;

        let report_files = media_sql("report_files", "report_id");
        each_row(conn, REPORTS, [&start, &end, &now], |r| {
            let mut item = ExportItem::of_row(TimelineKind::Report, r)?;
            item.description = r.get(3)?;
            item.department = r.get(4)?;
            item.event = r.get(5)?;
            item.media = media_of(conn, &report_files, &item.id)?;
            out.push(item);
            Ok(())
        })?;

        // The tags of a publication are its piece's.
        let mut pieces = Vec::new();
        each_row(conn, PUBLICATIONS, [&start, &end], |r| {
            let channel = Channel::from_code(&r.get::<_, String>(4)?).unwrap_or(Channel::Web);
            let mut item = ExportItem::of_row(TimelineKind::Publication(channel), r)?;
            item.description = r.get(3)?;
            item.folio = r.get(5)?;
            item.url = r.get(6)?;
            pieces.push((out.len(), r.get::<_, String>(7)?));
            out.push(item);
            Ok(())
        })?;

        let item_files = media_sql("archive_media", "item_id");
        each_row(conn, ITEMS, [&start, &end], |r| {
            let kind =
                ArchiveKind::from_code(&r.get::<_, String>(4)?).unwrap_or(ArchiveKind::Document);
            let mut item = ExportItem::of_row(TimelineKind::Item(kind), r)?;
            item.description = r.get(3)?;
            item.department = r.get(5)?;
            item.event = r.get(6)?;
            item.place = r.get(7)?;
            item.people = r.get(8)?;
            item.section_code = r.get(9)?;
            item.section_name = r.get(10)?;
            item.series_code = r.get(11)?;
            item.series_name = r.get(12)?;
            item.expediente = r.get(13)?;
            item.stage = r.get(14)?;
            item.subjects =
                Subjects::from_code(&r.get::<_, String>(15)?).unwrap_or(Subjects::Nobody);
            item.media = media_of(conn, &item_files, &item.id)?;
            out.push(item);
            Ok(())
        })?;

        each_row(conn, INTERVIEWS, [&start, &end, &now], |r| {
            let mut item = ExportItem::of_row(TimelineKind::Interview, r)?;
            let (outcome, notes): (String, String) = (r.get(3)?, r.get(4)?);
            item.description = joined(&[&outcome, &notes], "\n\n");
            let (interviewee, journalist): (String, String) = (r.get(5)?, r.get(6)?);
            item.people = joined(&[&interviewee, &journalist], ", ");
            item.outlet = r.get(7)?;
            item.subkind = r.get(8)?;
            out.push(item);
            Ok(())
        })?;

        each_row(conn, CLIPPINGS, [&start, &end, &now], |r| {
            let mut item = ExportItem::of_row(TimelineKind::Clipping, r)?;
            item.description = r.get(3)?;
            item.response = r.get(4)?;
            item.outlet = r.get(5)?;
            item.subkind = r.get(6)?;
            item.url = r.get(7)?;
            out.push(item);
            Ok(())
        })?;

        // Tags: events, reports and items have their own; a publication, its piece's.
        for item in &mut out {
            if matches!(
                item.kind,
                TimelineKind::Event | TimelineKind::Report | TimelineKind::Item(_)
            ) {
                item.tags = tags_of(conn, &item.id)?;
            }
        }
        for (at, piece) in pieces {
            if let Some(item) = out.get_mut(at).filter(|_| !piece.is_empty()) {
                item.tags = tags_of(conn, &piece)?;
            }
        }
        out.sort_by(|a, b| {
            (a.at.as_str(), source_order(&a.kind), a.id.as_str()).cmp(&(
                b.at.as_str(),
                source_order(&b.kind),
                b.id.as_str(),
            ))
        });
        Ok(out)
    }

    /// A file's thumbnail (JPEG, long edge at most 320 px), when the database holds one.
    pub fn media_thumbnail(&self, media_id: &str) -> Result<Option<Vec<u8>>> {
        self.media_blob("SELECT thumbnail FROM media WHERE id = ?1", media_id)
    }

    /// A photo's archive copy (JPEG, long edge at most 1600 px), when the database holds one.
    pub fn media_archive_copy(&self, media_id: &str) -> Result<Option<Vec<u8>>> {
        self.media_blob("SELECT archive_copy FROM media WHERE id = ?1", media_id)
    }

    fn media_blob(&self, sql: &str, media_id: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .prepare_cached(sql)?
            .query_row([media_id], |r| r.get::<_, Option<Vec<u8>>>(0))
            .optional()?
            .flatten())
    }
}
