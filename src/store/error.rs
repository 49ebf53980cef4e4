//! What can go wrong with the database, worded for the user (Display goes through the catalogue).
use std::fmt;
use std::path::PathBuf;

use crate::domain::edit::{Invalid, RecordKind};
use crate::i18n::labels::{field_label, problem_text, status_label};
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
    /// The file is empty, truncated or its header does not add up.
    Incomplete { path: PathBuf },
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
    /// A conflict someone already decided: who (machine or user) and when.
    AlreadyDecided { by: String, at: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
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
            StoreError::Incomplete { path } => tf(Msg::ErrIncomplete, &[&path.display()]),
            StoreError::NotFound { table, id } => tf(Msg::ErrNotFound, &[table, id]),
            StoreError::Schema { detail } => tf(Msg::ErrSchema, &[detail]),
            StoreError::Io { path, source } => tf(Msg::ErrIo, &[&path.display(), source]),
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
            StoreError::AlreadyDecided { by, at } => tf(Msg::ErrAlreadyDecided, &[by, at]),
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
