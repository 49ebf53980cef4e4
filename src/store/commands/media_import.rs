//! Files imported into the archive (`prensa importar multimedia`): each file's `media` row with
//! what was read from it (its date and where that came from, a photo's size, archive copy and
//! thumbnail), one archive item per file, and their link. The files themselves are copied into
//! the media store before (a copy that is there and unused harms nothing). Every id is made
//! from what the row is (the content's SHA-256; the item of that content; the link of both),
//! so two machines importing the same photo hold one of each after a sync, and a file
//! imported twice is stored once.
use rusqlite::{Connection, OptionalExtension};

use super::{opt, text, Fields, Tx};
use crate::domain::edit::{is_datetime, MAX_LINE};
use crate::domain::ids::seed_id;
use crate::domain::media::MediaKind;
use crate::domain::status::ArchiveKind;
use crate::store::error::Result;
use crate::store::media::StoredFile;
use crate::store::{Store, Value};

/// One file to import, as the store writes it.
#[derive(Debug, Clone)]
pub struct MediaImport {
    /// The copy in the media store.
    pub file: StoredFile,
    /// What the content is (read from it, not from its name).
    pub kind: MediaKind,
    /// Local `YYYY-MM-DDTHH:MM`; a date the archive cannot hold is replaced by the time of
    /// the import.
    pub taken_at: String,
    /// Where the date came from: `exif`, `container` or `file`.
    pub date_source: &'static str,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// JPEG, long edge at most 320 px.
    pub thumbnail: Option<Vec<u8>>,
    /// JPEG, long edge at most 1600 px.
    pub archive_copy: Option<Vec<u8>>,
    /// The archive item's title.
    pub title: String,
    /// The event the file belongs to, and its department.
    pub event_id: Option<String>,
    pub department_id: Option<String>,
    /// Where it was taken: its event's place.
    pub place: String,
}

/// An event that may hold a file's time, as the import suggests it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSpan {
    pub id: String,
    pub title: String,
    pub department_id: Option<String>,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    /// Local `YYYY-MM-DDTHH:MM`; empty when the event gave no end.
    pub ends_at: String,
    /// Where it happens: "Auditorio municipal, Cabecera municipal".
    pub place: String,
}

/// The archive kind of an item holding one file of this kind.
pub fn archive_kind(kind: MediaKind) -> ArchiveKind {
    match kind {
        MediaKind::Photo => ArchiveKind::Photos,
        MediaKind::Video => ArchiveKind::Video,
        MediaKind::Audio => ArchiveKind::Interview,
        MediaKind::Document => ArchiveKind::Document,
    }
}

/// Whether a live media row with this content is used by a live record: an archive item, a
/// report or a request for material. Such a file is in the archive already.
const IN_USE: &str = "SELECT m.id FROM media m
     WHERE m.sha256 = ?1 AND m.deleted_at IS NULL AND (
         EXISTS (SELECT 1 FROM archive_media l JOIN archive_items a ON a.id = l.item_id
                 WHERE l.media_id = m.id AND l.deleted_at IS NULL AND a.deleted_at IS NULL)
      OR EXISTS (SELECT 1 FROM report_files f JOIN reports r ON r.id = f.report_id
                 WHERE f.media_id = m.id AND f.deleted_at IS NULL AND r.deleted_at IS NULL)
      OR EXISTS (SELECT 1 FROM material_files f JOIN material_requests q ON q.id = f.material_id
                 WHERE f.media_id = m.id AND f.deleted_at IS NULL AND q.deleted_at IS NULL))
     LIMIT 1";

/// Events that start from `?1` to `?2` (local text), live and neither cancelled nor
/// postponed, read in order from the events' start index.
const EVENTS_STARTING: &str = "SELECT id, title, department_id, starts_at, ends_at,
            trim(place || CASE WHEN place <> '' AND locality <> '' THEN ', ' ELSE '' END
                 || locality)
     FROM events
     WHERE deleted_at IS NULL AND starts_at >= ?1 AND starts_at <= ?2
       AND status NOT IN ('cancelled', 'postponed')
     ORDER BY starts_at, id";

/// Whether a file with this SHA-256 is in the archive already (see [`IN_USE`]).
fn in_use(conn: &Connection, sha256: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(IN_USE)?
        .query_row([sha256], |r| r.get::<_, String>(0))
        .optional()?
        .is_some())
}

impl Store {
    /// Whether a file with this SHA-256 is in the archive already: a live media row that a
    /// live item, report or request for material uses.
    pub fn media_in_use(&self, sha256: &str) -> Result<bool> {
        in_use(self.conn(), sha256)
    }

    /// Whether the database has a media row of this content, live or not (its file is then
    /// the database's, to keep).
    pub fn media_known(&self, sha256: &str) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM media WHERE sha256 = ?1 LIMIT 1")?
            .query_row([sha256], |r| r.get::<_, i64>(0))
            .optional()?
            .is_some())
    }

    /// Events that start between `from` and `to` (local `YYYY-MM-DDTHH:MM`, both included),
    /// neither cancelled nor postponed, in order of their start.
    pub fn events_starting(&self, from: &str, to: &str) -> Result<Vec<EventSpan>> {
        let rows = self
            .conn()
            .prepare_cached(EVENTS_STARTING)?
            .query_map([from, to], |r| {
                Ok(EventSpan {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    department_id: r.get(2)?,
                    starts_at: r.get(3)?,
                    ends_at: r.get(4)?,
                    place: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// The longest an item's title is kept (a form refuses longer lines).
fn clipped(title: &str) -> String {
    title.trim().chars().take(MAX_LINE).collect()
}

impl Tx<'_, '_> {
    /// Imports one file into the archive: its media row, an archive item of its kind and
    /// their link. Returns the item's id, or `None` when the file is in the archive already
    /// (it was imported, or attached to a report, after the plan was made): nothing is
    /// written for it then.
    pub fn import_media(&mut self, m: &MediaImport) -> Result<Option<String>> {
        if in_use(self.w.conn(), &m.file.sha256)? {
            return Ok(None);
        }
        let media_id = self.ensure_archive_media(m)?;
        // An event or department removed since the plan was made is not linked.
        let event_id = match &m.event_id {
            Some(id) if self.w.is_live("events", id)? => Some(id.clone()),
            _ => None,
        };
        let department_id = match (&event_id, &m.department_id) {
            (Some(_), Some(id)) if self.w.is_live("departments", id)? => Some(id.clone()),
            _ => None,
        };
        let occurred_at = if is_datetime(&m.taken_at) {
            m.taken_at.clone()
        } else {
            self.now.clone()
        };
        let title = match clipped(&m.title) {
            t if t.is_empty() => clipped(&m.file.file_name),
            t => t,
        };
        let item_id = seed_id("archive_item", &format!("media:{media_id}"));
        let fields: Fields = vec![
            ("kind", text(archive_kind(m.kind).code())),
            ("title", text(&title)),
            ("occurred_at", text(&occurred_at)),
            ("department_id", opt(&department_id)),
            ("event_id", opt(&event_id)),
            ("files", Value::Integer(1)),
            ("place", text(&clipped(&m.place))),
        ];
        match self.w.get("archive_items", &item_id, "deleted_at")? {
            None => self.w.insert("archive_items", &item_id, &fields)?,
            // Deleted before and imported again: back, as it was read now.
            Some(Value::Null) => {}
            Some(_) => {
                self.w.restore("archive_items", &item_id)?;
                self.w.update("archive_items", &item_id, &fields)?;
            }
        }
        let link = seed_id("archive_media", &format!("{item_id}:{media_id}"));
        self.ensure(
            "archive_media",
            &link,
            &[("item_id", text(&item_id)), ("media_id", text(&media_id))],
        )?;
        Ok(Some(item_id))
    }

    /// The media row of an imported file with what the import read from it: made, or
    /// brought back (or completed, for a file first attached to a report) with this
    /// import's date, size, archive copy and thumbnail. The first name a content was
    /// stored under stays its name. Returns the row's id.
    pub fn ensure_archive_media(&mut self, m: &MediaImport) -> Result<String> {
        // A row of this content under another id (made before ids came from the content).
        let existing: Option<String> = self
            .w
            .conn()
            .prepare_cached(
                "SELECT id FROM media WHERE sha256 = ?1 AND deleted_at IS NULL
                 ORDER BY id LIMIT 1",
            )?
            .query_row([&m.file.sha256], |r| r.get(0))
            .optional()?;
        let id = existing.unwrap_or_else(|| seed_id("media", &m.file.sha256));
        let size = Value::Integer(m.file.size.min(i64::MAX as u64) as i64);
        let pixels = |n: Option<u32>| n.map_or(Value::Null, |n| Value::Integer(n.into()));
        let blob = |b: &Option<Vec<u8>>| b.clone().map_or(Value::Null, Value::Blob);
        let read: Fields = vec![
            ("sha256", text(&m.file.sha256)),
            ("kind", text(m.kind.code())),
            ("mime", text(m.file.mime)),
            ("size", size),
            ("taken_at", text(&m.taken_at)),
            ("width", pixels(m.width)),
            ("height", pixels(m.height)),
            ("stored_path", text(&m.file.stored_path)),
            ("thumbnail", blob(&m.thumbnail)),
            ("archive_copy", blob(&m.archive_copy)),
            ("date_source", text(m.date_source)),
        ];
        match self.w.get("media", &id, "deleted_at")? {
            None => {
                let mut fields = read;
                fields.push(("file_name", text(&m.file.file_name)));
                fields.push(("imported_at", text(&self.now)));
                self.w.insert("media", &id, &fields)?;
            }
            Some(deleted) => {
                if deleted != Value::Null {
                    self.w.restore("media", &id)?;
                }
                // What this import could not read is not taken away from the row.
                let read: Fields = read
                    .into_iter()
                    .filter(|(_, v)| *v != Value::Null)
                    .collect();
                self.w.update("media", &id, &read)?;
            }
        }
        Ok(id)
    }
}
