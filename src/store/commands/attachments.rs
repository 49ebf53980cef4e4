//! Files attached to a report. The files are copied into the media store first (a copy that
//! is there and unused harms nothing); then, in one transaction, each file's `media` row and
//! its link to the report. Both have ids made from what they are (the file's SHA-256; the
//! report and the file), so two machines attaching the same file hold one row after a sync.
use std::path::PathBuf;

use rusqlite::OptionalExtension;

use super::{text, Fields, Tx};
use crate::domain::edit::AttachmentInput;
use crate::domain::ids::seed_id;
use crate::store::error::{Result, StoreError};
use crate::store::media::{store_file, FileProblem, StoredFile};
use crate::store::undo::Change;
use crate::store::{Store, Value};

/// What attaching files did.
#[derive(Debug, Default)]
pub struct Attached {
    /// Files attached now.
    pub attached: usize,
    /// Files the report had already (or named twice).
    pub already: usize,
    /// Files not attached, and why.
    pub failed: Vec<(PathBuf, FileProblem)>,
    /// What the database part changed (to undo it); empty when nothing was written.
    pub change: Change,
}

/// The id of the media row of a content: the same on every machine.
fn media_id(sha256: &str) -> String {
    seed_id("media", sha256)
}

/// What files are attached to: a report (what came with it) or a request for material (what
/// the office delivered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileOwner {
    Report,
    Material,
}

impl FileOwner {
    /// The owner's table, the link table, and the link's column naming the owner.
    fn tables(self) -> (&'static str, &'static str, &'static str) {
        match self {
            FileOwner::Report => ("reports", "report_files", "report_id"),
            FileOwner::Material => ("material_requests", "material_files", "material_id"),
        }
    }

    /// The id of a file's link to its owner: one per (owner, file), the same everywhere.
    fn link_id(self, owner: &str, media_id: &str) -> String {
        let kind = match self {
            FileOwner::Report => "report_file",
            FileOwner::Material => "material_file",
        };
        seed_id(kind, &format!("{owner}:{media_id}"))
    }
}

/// The id of a file's link to a report: one per (report, file).
fn attachment_id(report_id: &str, media_id: &str) -> String {
    FileOwner::Report.link_id(report_id, media_id)
}

pub(super) fn attachment_fields(a: &AttachmentInput) -> Fields {
    vec![
        ("report_id", text(&a.report_id)),
        ("media_id", text(&a.media_id)),
    ]
}

impl Store {
    /// Attaches files to a live report: each readable file is copied into the media store,
    /// then all of them are written to the database in one transaction (all or nothing).
    /// A file the report has already is not attached twice; a file that cannot be stored
    /// (missing, a folder, unreadable) is named in [`Attached::failed`] with its reason.
    pub fn attach_files(&mut self, report_id: &str, paths: &[PathBuf]) -> Result<Attached> {
        self.attach_to(FileOwner::Report, report_id, paths)
    }

    /// Attaches files to a record that keeps them (a report, a request for material), as
    /// [`Store::attach_files`] does for a report.
    pub fn attach_to(
        &mut self,
        owner: FileOwner,
        owner_id: &str,
        paths: &[PathBuf],
    ) -> Result<Attached> {
        let (table, links, _) = owner.tables();
        let live: Option<i64> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
            ))?
            .query_row([owner_id], |r| r.get(0))
            .optional()?;
        if live.is_none() {
            return Err(StoreError::NotFound {
                table: table.to_owned(),
                id: owner_id.to_owned(),
            });
        }
        let media = self.media_dir();
        let mut stored = Vec::new();
        let mut failed = Vec::new();
        for path in paths {
            match store_file(&media, path) {
                Ok(file) => stored.push(file),
                Err(problem) => failed.push((path.clone(), problem)),
            }
        }
        if stored.is_empty() {
            return Ok(Attached {
                failed,
                ..Attached::default()
            });
        }
        let ((attached, already), change) = self.batch(&format!("{links}.attach"), |tx| {
            let (mut attached, mut already) = (0, 0);
            for file in &stored {
                let media_id = tx.ensure_media(file)?;
                if tx.attach_file(owner, owner_id, &media_id)? {
                    attached += 1;
                } else {
                    already += 1;
                }
            }
            Ok((attached, already))
        })?;
        Ok(Attached {
            attached,
            already,
            failed,
            change,
        })
    }
}

impl Tx<'_, '_> {
    /// The media row of a stored file: made, or brought back when it was deleted. The first
    /// name a content was attached under stays its name.
    pub fn ensure_media(&mut self, file: &StoredFile) -> Result<String> {
        let id = media_id(&file.sha256);
        let fields: Fields = vec![
            ("sha256", text(&file.sha256)),
            ("kind", text(file.kind.code())),
            ("mime", text(file.mime)),
            ("file_name", text(&file.file_name)),
            (
                "size",
                Value::Integer(file.size.min(i64::MAX as u64) as i64),
            ),
            ("taken_at", text(&file.taken_at)),
            ("imported_at", text(&self.now)),
            ("stored_path", text(&file.stored_path)),
        ];
        self.ensure("media", &id, &fields)?;
        Ok(id)
    }

    /// Attaches a file (its media row) to a live report, unless the report has it already;
    /// returns whether it was attached now.
    pub fn attach(&mut self, report_id: &str, media_id: &str) -> Result<bool> {
        self.attach_file(FileOwner::Report, report_id, media_id)
    }

    /// Attaches a file (its media row) to a live owner, unless it has it already; returns
    /// whether it was attached now. A link removed before is brought back.
    pub fn attach_file(
        &mut self,
        owner: FileOwner,
        owner_id: &str,
        media_id: &str,
    ) -> Result<bool> {
        let (table, links, column) = owner.tables();
        self.live(table, owner_id)?;
        let existing: Option<String> = self
            .w
            .conn()
            .prepare_cached(&format!(
                "SELECT id FROM {links}
                 WHERE {column} = ?1 AND media_id = ?2 AND deleted_at IS NULL"
            ))?
            .query_row([owner_id, media_id], |r| r.get(0))
            .optional()?;
        if existing.is_some() {
            return Ok(false);
        }
        match owner {
            FileOwner::Report => {
                self.add_attachment(&AttachmentInput {
                    report_id: owner_id.to_owned(),
                    media_id: media_id.to_owned(),
                })?;
            }
            FileOwner::Material => {
                self.live("media", media_id)?;
                let id = owner.link_id(owner_id, media_id);
                self.ensure(
                    links,
                    &id,
                    &[(column, text(owner_id)), ("media_id", text(media_id))],
                )?;
            }
        }
        Ok(true)
    }

    /// Links a media row to a report (bringing a removed link back).
    pub(super) fn add_attachment(&mut self, a: &AttachmentInput) -> Result<String> {
        self.live("media", &a.media_id)?;
        let id = attachment_id(&a.report_id, &a.media_id);
        self.ensure("report_files", &id, &attachment_fields(a))?;
        Ok(id)
    }
}

pub(crate) fn read_attachment(conn: &rusqlite::Connection, id: &str) -> Result<AttachmentInput> {
    conn.prepare_cached(
        "SELECT report_id, media_id FROM report_files WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(AttachmentInput {
            report_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            media_id: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        })
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        table: "report_files".to_owned(),
        id: id.to_owned(),
    })
}
