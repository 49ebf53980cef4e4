//! Reading the other machines' files: which of them this database needs, and the checks every
//! local copy passes before anything reads its content.
use std::path::Path;

use super::folder::{self, FileEntry, Manifest};
use super::SyncError;
use crate::store::{header, schema, Clocks, StoreError};

fn behind(from: &Clocks, local: &Clocks) -> bool {
    from.iter()
        .any(|(r, c)| local.get(r).copied().unwrap_or(0) < *c)
}

fn adds(to: &Clocks, local: &Clocks) -> bool {
    to.iter()
        .any(|(r, c)| local.get(r).copied().unwrap_or(0) < *c)
}

/// The files of one manifest this database needs, in order: the deltas past what it holds,
/// or — when those would leave a gap — the snapshot and every delta.
pub(super) fn plan(manifest: &Manifest, local: &Clocks) -> Vec<FileEntry> {
    let Some(first) = manifest.files.iter().position(|f| adds(&f.to, local)) else {
        return Vec::new();
    };
    let start = if behind(&manifest.files[first].from, local) {
        0
    } else {
        first
    };
    manifest.files[start..].to_vec()
}

/// Checks a local copy of a file named by a manifest, before anything reads its content.
pub(super) fn verify(copy: &Path, entry: &FileEntry, shown: &Path) -> Result<(), SyncError> {
    let (hash, size) = folder::hash_file(copy).map_err(|source| SyncError::Read {
        path: shown.to_path_buf(),
        source,
    })?;
    if hash != entry.sha256 || size != entry.size {
        return Err(SyncError::Mismatch {
            path: shown.to_path_buf(),
        });
    }
    let damaged = |reason| SyncError::Damaged {
        path: shown.to_path_buf(),
        reason,
    };
    let head = header::check_file(copy).map_err(|_| {
        damaged(StoreError::Incomplete {
            path: shown.to_path_buf(),
        })
    })?;
    if head.application_id as i32 != schema::APPLICATION_ID {
        return Err(damaged(StoreError::NotPrensa {
            path: shown.to_path_buf(),
        }));
    }
    if head.user_version as i64 > schema::SCHEMA_VERSION {
        return Err(damaged(StoreError::Newer {
            path: shown.to_path_buf(),
            found: head.user_version as i64,
            supported: schema::SCHEMA_VERSION,
        }));
    }
    let check = || -> rusqlite::Result<bool> {
        let conn = rusqlite::Connection::open_with_flags(
            copy,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )?;
        let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('ops', 'replicas')",
            [],
            |r| r.get(0),
        )?;
        Ok(ok == "ok" && tables == 2)
    };
    match check() {
        Ok(true) => Ok(()),
        Ok(false) => Err(damaged(StoreError::Incomplete {
            path: shown.to_path_buf(),
        })),
        Err(e) => Err(damaged(StoreError::Sqlite(e))),
    }
}
