//! What can stop a sync, worded for the user. Every refusal names the file; after any of them
//! the local database is exactly as it was.
use std::fmt;
use std::path::PathBuf;

use crate::i18n::{tf, Msg};
use crate::store::StoreError;

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
            SyncError::Read { path, source } => tf(Msg::SyncErrRead, &[&path.display(), source]),
            SyncError::Write { path, source } => tf(Msg::SyncErrWrite, &[&path.display(), source]),
            SyncError::WriteVerify { path } => tf(Msg::SyncErrWriteVerify, &[&path.display()]),
            SyncError::Store(e) => e.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SyncError {}
