//! What can go wrong with the database, worded for the user (Display goes through the catalogue).
use std::fmt;
use std::path::PathBuf;

use crate::domain::compliance::Finding;
use crate::domain::edit::{Invalid, RecordKind};
use crate::i18n::labels::{field_label, finding_text, problem_text, status_label};
use crate::i18n::{t, tf, Msg};

#[derive(Debug)]
pub enum StoreError {
    /// The file is a SQLite database but not prensa's, or not a SQLite database at all.
    NotPrensa { path: PathBuf },
    /// The file was written by a newer prensa.
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The file was written by an older prensa and is to be read without writing: it must be
    /// brought to this version's schema first (opening it in the console does).
    Older {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The file is empty, truncated or its header does not add up.
    Incomplete { path: PathBuf },
    /// Something that is not a regular file (a folder, a pipe, a device) is at the path.
    NotAFile { path: PathBuf },
    /// A conflict names a table or column this build does not replicate (another machine's
    /// file said so): it is neither shown nor applied.
    ConflictTarget {
        id: String,
        table: String,
        col: String,
    },
    /// This machine's database is damaged beyond what SQLite's journal repairs: the way back
    /// is a backup, the newest in `backups` (none when the folder holds none of it).
    Damaged {
        path: PathBuf,
        backups: PathBuf,
        newest: Option<PathBuf>,
    },
    /// A row that should exist does not (or is deleted).
    NotFound { table: String, id: String },
    /// A write named a table or column the store does not replicate.
    Schema { detail: String },
    /// Reading or writing the file failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Another machine's ops are stamped too far in the future: its clock is wrong.
    ClockAhead { machine: String, hours: u64 },
    /// SQLite refused: read-only, full disk, locked, corrupt…
    Sqlite(rusqlite::Error),
    /// A field of a record did not pass its checks.
    Invalid(Invalid),
    /// A status move the record's workflow does not allow (codes; `allowed` from `from`).
    Transition {
        kind: RecordKind,
        from: String,
        to: String,
        allowed: Vec<String>,
    },
    /// The record has no status to move.
    NoStatus,
    /// A published draft is part of the archive: it is not deleted.
    PublishedFinal,
    /// Only a published piece is sent to the media.
    NotPublished,
    /// Everyone on the list already has the piece or asked not to be contacted.
    NobodyNew { left_out: usize, already: usize },
    /// A conflict someone already decided: who (machine or user) and when.
    AlreadyDecided { by: String, at: String },
    /// A piece may not move to `to` (a draft status code): a check blocks it.
    Blocked { to: String, finding: Box<Finding> },
    /// A piece has warnings nobody acknowledged yet: how many, and the first.
    Unacknowledged { count: usize, first: Box<Finding> },
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// What an operating-system error means, as the user reads it: the catalogue's text for its
/// kind, never the system's own (English) wording.
/// The error of a file named where a database is (an output, an export): it is never
/// replaced.
#[derive(Debug)]
pub struct IsDatabase;

impl fmt::Display for IsDatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a database is there")
    }
}

impl std::error::Error for IsDatabase {}

pub fn io_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if is_loop(e) {
        return t(Msg::IoLoop).to_owned();
    }
    if e.get_ref().is_some_and(|inner| inner.is::<IsDatabase>()) {
        return t(Msg::IoIsDatabase).to_owned();
    }
    let msg = match e.kind() {
        K::NotFound => Msg::IoNotFound,
        K::PermissionDenied => Msg::IoPermission,
        K::ReadOnlyFilesystem => Msg::IoReadOnly,
        K::StorageFull | K::QuotaExceeded => Msg::IoFull,
        K::TooManyLinks => Msg::IoLoop,
        K::IsADirectory => Msg::IoIsDir,
        K::NotADirectory => Msg::IoNotDir,
        K::AlreadyExists => Msg::IoExists,
        K::ResourceBusy | K::ExecutableFileBusy | K::WouldBlock => Msg::IoBusy,
        K::InvalidFilename | K::InvalidInput => Msg::IoBadName,
        K::FileTooLarge => Msg::IoTooLarge,
        K::UnexpectedEof | K::InvalidData => Msg::IoBadData,
        K::TimedOut | K::StaleNetworkFileHandle | K::NetworkDown | K::NetworkUnreachable => {
            Msg::IoGone
        }
        _ => {
            return match e.raw_os_error() {
                Some(code) => tf(Msg::IoOther, &[&code]),
                None => t(Msg::IoUnknown).to_owned(),
            }
        }
    };
    t(msg).to_owned()
}

/// A loop of symbolic links (ELOOP), which std does not name as a kind yet.
fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(all(unix, not(target_os = "linux")))]
    const ELOOP: i32 = 62;
    #[cfg(windows)]
    const ELOOP: i32 = 1921; // ERROR_CANT_RESOLVE_FILENAME
    #[cfg(not(any(unix, windows)))]
    const ELOOP: i32 = -1;
    e.raw_os_error() == Some(ELOOP)
}

fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    if let rusqlite::Error::SqliteFailure(f, _) = e {
        let msg = match f.code {
            C::ReadOnly => Some(Msg::ErrReadOnly),
            C::DiskFull => Some(Msg::ErrDiskFull),
            C::DatabaseBusy | C::DatabaseLocked => Some(Msg::ErrBusy),
            C::DatabaseCorrupt | C::NotADatabase => Some(Msg::ErrCorrupt),
            C::CannotOpen | C::PermissionDenied => Some(Msg::ErrCannotOpen),
            C::SystemIoFailure => Some(Msg::ErrDiskIo),
            _ => None,
        };
        if let Some(m) = msg {
            return tf(m, &[]);
        }
    }
    tf(Msg::ErrSqlite, &[e])
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StoreError::NotPrensa { path } => tf(Msg::ErrNotPrensa, &[&path.display()]),
            StoreError::Newer {
                path,
                found,
                supported,
            } => tf(Msg::ErrNewer, &[&path.display(), found, supported]),
            StoreError::Older {
                path,
                found,
                supported,
            } => tf(Msg::ErrOlder, &[&path.display(), found, supported]),
            StoreError::Incomplete { path } => tf(Msg::ErrIncomplete, &[&path.display()]),
            StoreError::NotAFile { path } => tf(Msg::ErrNotAFile, &[&path.display()]),
            StoreError::ConflictTarget { id, table, col } => {
                tf(Msg::ErrConflictTarget, &[id, table, col])
            }
            StoreError::Damaged {
                path,
                backups,
                newest: Some(newest),
            } => tf(
                Msg::ErrDamagedBackup,
                &[
                    &path.display(),
                    &newest
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    &backups.display(),
                ],
            ),
            StoreError::Damaged {
                path,
                backups,
                newest: None,
            } => tf(
                Msg::ErrDamagedNoBackup,
                &[&path.display(), &backups.display()],
            ),
            StoreError::NotFound { table, id } => tf(Msg::ErrNotFound, &[table, id]),
            StoreError::Schema { detail } => tf(Msg::ErrSchema, &[detail]),
            StoreError::Io { path, source } => tf(Msg::ErrIo, &[&path.display(), &io_text(source)]),
            StoreError::ClockAhead { machine, hours } => tf(Msg::ErrClockAhead, &[machine, hours]),
            StoreError::Sqlite(e) => sqlite_message(e),
            StoreError::Invalid(i) => tf(
                Msg::ErrInvalid,
                &[&field_label(i.field), &problem_text(i.problem)],
            ),
            StoreError::Transition {
                kind,
                from,
                to,
                allowed,
            } => {
                let (from, to) = (status_label(*kind, from), status_label(*kind, to));
                if allowed.is_empty() {
                    tf(Msg::ErrTransitionFinal, &[&from])
                } else {
                    let allowed: Vec<String> =
                        allowed.iter().map(|c| status_label(*kind, c)).collect();
                    tf(
                        Msg::ErrTransition,
                        &[&from, &to, &from, &allowed.join(", ")],
                    )
                }
            }
            StoreError::NoStatus => t(Msg::ErrNoStatus).to_owned(),
            StoreError::PublishedFinal => t(Msg::ErrPublishedFinal).to_owned(),
            StoreError::NotPublished => t(Msg::ErrNotPublished).to_owned(),
            StoreError::NobodyNew { left_out, already } => {
                tf(Msg::ErrNobodyNew, &[already, left_out])
            }
            StoreError::AlreadyDecided { by, at } => tf(Msg::ErrAlreadyDecided, &[by, at]),
            StoreError::Blocked { to, finding } => tf(
                Msg::ErrBlocked,
                &[&status_label(RecordKind::Draft, to), &finding_text(finding)],
            ),
            StoreError::Unacknowledged { count, first } => {
                tf(Msg::ErrUnacknowledged, &[count, &finding_text(first)])
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Sqlite(e) => Some(e),
            _ => None,
        }
    }
}
