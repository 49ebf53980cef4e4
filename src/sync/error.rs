//! What can stop a sync, worded for the user. Every refusal names the file; after any of them
//! the local database is exactly as it was.
use std::fmt;
use std::path::PathBuf;

use crate::i18n::{tf, Msg};
use crate::store::{io_text, StoreError};

#[derive(Debug)]
pub enum SyncError {
    /// The sync folder does not exist or is not a folder.
    Folder {
        path: PathBuf,
    },
    /// A manifest that cannot be read.
    Manifest {
        path: PathBuf,
    },
    /// A file named by a manifest is missing or changed while being read.
    Missing {
        path: PathBuf,
    },
    /// A file whose hash or size does not match its manifest.
    Mismatch {
        path: PathBuf,
    },
    /// A copy that is truncated, not prensa's, newer, or fails SQLite's check.
    Damaged {
        path: PathBuf,
        reason: StoreError,
    },
    /// Two machines publish under one replica id (a database file copied by hand).
    SameReplica {
        path: PathBuf,
    },
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing into the folder failed: read-only, full, removed…
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// What was written into the folder did not read back the same.
    WriteVerify {
        path: PathBuf,
    },
    Store(StoreError),
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Store(e)
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            SyncError::Folder { path } => tf(Msg::SyncErrFolder, &[&path.display()]),
            SyncError::Manifest { path } => tf(Msg::SyncErrManifest, &[&path.display()]),
            SyncError::Missing { path } => tf(Msg::SyncErrMissing, &[&path.display()]),
            SyncError::Mismatch { path } => tf(Msg::SyncErrMismatch, &[&path.display()]),
            SyncError::Damaged { path, reason } => {
                tf(Msg::SyncErrDamaged, &[&path.display(), reason])
            }
            SyncError::SameReplica { path } => tf(Msg::SyncErrSameReplica, &[&path.display()]),
            SyncError::Read { path, source } => {
                tf(Msg::SyncErrRead, &[&path.display(), &io_text(source)])
            }
            SyncError::Write { path, source } => {
                tf(Msg::SyncErrWrite, &[&path.display(), &io_text(source)])
            }
            SyncError::WriteVerify { path } => tf(Msg::SyncErrWriteVerify, &[&path.display()]),
            SyncError::Store(e) => e.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SyncError {}

impl SyncError {
    /// What went wrong with another machine's files, and what to do about it, for the list
    /// of what a sync skipped: `machine` published them; the rest of the sync went on.
    pub(crate) fn peer_problem(&self, machine: &str) -> String {
        let shown = |p: &PathBuf| p.display().to_string();
        let prefix = |p: &PathBuf| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .and_then(|n| n.split('.').next().map(str::to_owned))
                .unwrap_or_default()
        };
        match self {
            SyncError::Missing { path } => tf(Msg::PeerMissing, &[&shown(path), &machine]),
            SyncError::Mismatch { path } => tf(Msg::PeerMismatch, &[&shown(path), &machine]),
            SyncError::Manifest { path } => tf(Msg::PeerManifest, &[&shown(path)]),
            SyncError::Read { path, source } => {
                tf(Msg::PeerRead, &[&shown(path), &io_text(source), &machine])
            }
            SyncError::Damaged {
                path,
                reason: StoreError::NotPrensa { .. },
            } => tf(Msg::PeerForeign, &[&shown(path), &machine, &prefix(path)]),
            SyncError::Damaged {
                path,
                reason:
                    StoreError::Newer {
                        found, supported, ..
                    },
            } => tf(Msg::PeerNewer, &[&shown(path), found, supported, &machine]),
            SyncError::Damaged { path, .. } => {
                tf(Msg::PeerBroken, &[&shown(path), &machine, &prefix(path)])
            }
            SyncError::Store(StoreError::Schema { detail }) => {
                tf(Msg::PeerSchema, &[&machine, detail])
            }
            other => other.to_string(),
        }
    }
}
