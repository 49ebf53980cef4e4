//! Naming and describing what this machine publishes: snapshot generations, delta numbers,
//! when a fresh snapshot is due, and the manifest entry of a file.
use std::fs;
use std::path::Path;

use super::folder::{self, FileEntry, FileKind, Manifest};
use super::{SyncError, MAX_DELTAS};
use crate::store::Clocks;

/// The number in the newest snapshot name of a manifest (0 when none).
pub(super) fn generation(mine: Option<&Manifest>) -> u64 {
    mine.and_then(|m| m.files.first())
        .and_then(|f| f.name.rsplit(".s").next())
        .and_then(|s| s.trim_end_matches(".sqlite").parse().ok())
        .unwrap_or(0)
}

/// The next delta number: past every delta of this replica in the folder.
pub(super) fn next_delta_number(folder: &Path, base: &str) -> u64 {
    let prefix = format!("{base}.d");
    let highest = fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_prefix(&prefix)
                        .and_then(|rest| rest.strip_suffix(".sqlite"))
                        .map(str::to_owned)
                        .and_then(|n| n.parse::<u64>().ok())
                })
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    highest + 1
}

/// A fresh snapshot is written the first time, when the folder lost this machine's files, and
/// after [`MAX_DELTAS`] deltas.
pub(super) fn needs_snapshot(mine: Option<&Manifest>, folder: &Path) -> bool {
    let Some(m) = mine else {
        return true;
    };
    let intact = m.files.iter().all(|f| {
        fs::metadata(folder.join(&f.name))
            .map(|meta| meta.len() == f.size)
            .unwrap_or(false)
    });
    !intact
        || m.files.len() > MAX_DELTAS
        || m.files.first().is_none_or(|f| f.kind != FileKind::Snapshot)
}

pub(super) fn file_entry(
    local: &Path,
    name: String,
    kind: FileKind,
    from: Clocks,
    to: Clocks,
) -> Result<FileEntry, SyncError> {
    let (sha256, size) = folder::hash_file(local).map_err(|source| SyncError::Read {
        path: local.to_path_buf(),
        source,
    })?;
    Ok(FileEntry {
        name,
        kind,
        sha256,
        size,
        from,
        to,
    })
}
