//! The database file itself before and around SQLite: a hot journal left by a write cut short,
//! the refusal of a file damaged beyond it (with the way back, a backup), and new files written
//! whole under a temporary name beside their final one.
use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

use super::error::{Result, StoreError};
use super::{header, journal_path, OpenOptions, Store};

/// Lets SQLite roll back a hot journal left beside the file (prensa's own, checked by the
/// caller) by reading it once; returns whether there was one. A journal that belongs to a
/// write still running elsewhere is not hot: the read waits for that write instead.
pub(super) fn recover_hot_journal(path: &Path) -> Result<bool> {
    let journal = journal_path(path);
    let present = std::fs::metadata(&journal)
        .map(|m| m.is_file() && m.len() > 0)
        .unwrap_or(false);
    if !present {
        return Ok(false);
    }
    let conn = Store::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    drop(conn);
    Ok(true)
}

/// The refusal of a database damaged beyond what its journal can repair: with the backups
/// folder and its newest backup of this database, when there is a folder to look in.
pub(super) fn damaged(path: &Path, opts: &OpenOptions) -> StoreError {
    match &opts.backup_dir {
        Some(dir) => StoreError::Damaged {
            path: path.to_path_buf(),
            backups: dir.clone(),
            newest: newest_backup(dir, path),
        },
        None => StoreError::Incomplete {
            path: path.to_path_buf(),
        },
    }
}

/// The newest complete backup of the database at `path` in `dir` (backups are named
/// `<file stem>-…sqlite`, by the sync and by migrations).
pub fn newest_backup(dir: &Path, path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let prefix = format!("{stem}-");
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix) && name.ends_with(".sqlite")
        })
        .filter(|e| header::check_file(&e.path()).is_ok())
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, p)| p)
}

/// A temporary name beside `path` for this process: `.<file name>.<what>-<pid>.tmp`.
pub fn temporary_beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "prensa".into());
    path.with_file_name(format!(".{name}.{what}-{}.tmp", std::process::id()))
}

/// Moves a complete file `from` to `to`, never over a file that appeared there meanwhile
/// (a hard link, then the temporary name goes; a rename where links are not possible).
pub fn put_in_place(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => std::fs::remove_file(from),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => std::fs::rename(from, to),
    }
}

/// Makes a rename durable (Unix: flush the folder; elsewhere the rename is enough).
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Removes the `<prefix>….tmp` files in `dir` untouched for longer than `after`: what writes
/// cut short (a kill, a lost power) left behind, old enough not to be a write still running.
pub(crate) fn remove_stale_temporaries(dir: &Path, prefix: &str, after: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let idle = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > after);
        if idle {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
