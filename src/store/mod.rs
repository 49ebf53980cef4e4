//! The SQLite store: opening and creating the file, migrations, the one write path, the typed
//! commands that are its only callers, and the queries the screens read. Nothing here knows
//! about the terminal.
mod agenda;
mod calendar;
mod commands;
mod conflicts;
mod details;
mod error;
mod export;
mod figures;
mod files;
mod pieces;
pub(crate) use files::{remove_stale_temporaries, sync_dir};
mod fold;
pub mod header;
mod identity;
mod lists;
mod listsql;
mod media;
mod merge;
mod monitoring;
mod outreach;
mod reach;
mod records;
pub mod schema;
mod search;
mod searchplan;
pub(crate) mod seed;
#[doc(hidden)]
pub mod testing;
#[cfg(test)]
mod tests;
mod timeline;
mod today;
mod undo;
mod upkeep;
mod verify;
mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags};

use crate::domain::hlc::{self, Hlc};
use crate::domain::ids;
use crate::domain::StoreStatus;
pub use calendar::{CalendarExport, ExportOccurrence, ExportSeries};
pub(crate) use commands::read_item;
pub use commands::{
    allowed_moves, route, Attached, Distributed, FileOwner, Occurrence, Receipt, Tx,
    FOLIO_PREFIX_SETTING, NO_ADDRESS, OFFICE_CONTACT, OFFICE_HEADER, OFFICE_PLACE,
    OFFICIALS_SETTING, PHRASES_SETTING,
};
pub use commands::{archive_kind, EventSpan, MediaImport};
pub use conflicts::{value_text, ConflictView, Resolution};
pub use error::{io_text, IsDatabase, Result, StoreError};
pub use export::{ExportItem, ExportMedia};
use files::{damaged, recover_hot_journal};
pub use files::{newest_backup, put_in_place, temporary_beside};
pub use media::{media_dir_of, move_media, store_bytes, store_file, FileProblem, StoredFile};
pub use merge::{
    clocks_of, export_delta as export_delta_from, Clocks, MergeStats, MAX_CLOCK_AHEAD_MS,
};
pub use reach::TOP as REACH_TOP;
pub use records::CHOICES;
pub use rusqlite::types::Value;
pub use search::SearchHit;
pub use today::briefing_script;
pub use undo::{Change, Undone};
pub use upkeep::Upkeep;

/// How long a write waits for another process holding the file before giving up.
const BUSY_TIMEOUT_MS: u64 = 5_000;

/// The replica that authors the rows every new database is born with: the same ops, with the
/// same clocks, in every database, so that two of them meeting do not double anything.
pub const SEED_REPLICA: &str = "00000000-0000-0000-0000-000000000000";

/// Where backups go and what this machine is called.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Folder for the automatic backup made before a migration (none: no migration of an
    /// existing file is attempted without one).
    pub backup_dir: Option<PathBuf>,
    /// Name of this machine, recorded for a new replica (default: the host name).
    pub machine: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Replica {
    pub n: i64,
    pub id: String,
    pub name: String,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    me: Replica,
    seed_n: i64,
    hlc: Hlc,
    tables: BTreeMap<String, Vec<String>>,
    wall: Box<dyn Fn() -> u64 + Send>,
    actor: String,
    /// The machine this run is on, as its identity records it.
    host: String,
    /// Searches planned since the data last changed.
    searches: std::cell::RefCell<searchplan::Searches>,
}

fn system_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// A clock value's time as ISO 8601 UTC text, as kept in created_at / updated_at / deleted_at.
pub fn iso_time(clock: u64) -> String {
    chrono::DateTime::from_timestamp_millis(hlc::millis(clock) as i64)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default()
}

fn machine_name() -> String {
    gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_owned()
}

fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "prensa".to_owned())
}

impl Store {
    /// Opens the prensa database at `path`, creating it (with the preloaded rows) when absent.
    /// An existing file is checked before SQLite opens it: a file that is not prensa's, is
    /// newer than this build, or is truncated is refused and left exactly as it was.
    pub fn open(path: &Path, opts: &OpenOptions) -> Result<Store> {
        if Self::locate(path)? {
            Self::open_existing(path, opts, schema::MIGRATIONS)
        } else {
            Self::create(path, opts)
        }
    }

    /// Whether a database file is at `path`: `false` when nothing is there. Anything else that
    /// is there (a folder, a pipe, a device, a link that leads nowhere or in circles) is refused
    /// without being opened, so that nothing ever waits on a pipe.
    pub fn locate(path: &Path) -> Result<bool> {
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => Ok(true),
            Ok(_) => Err(StoreError::NotAFile {
                path: path.to_path_buf(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                match std::fs::symlink_metadata(path) {
                    // A link to nothing: creating through it would write somewhere else.
                    Ok(_) => Err(io(e)),
                    Err(_) => Ok(false),
                }
            }
            Err(e) => Err(io(e)),
        }
    }

    /// Opens an existing database for reading only: nothing in the file changes (no migration,
    /// no new identity), as a dry run promises. A write cut short is still rolled back first.
    pub fn open_read_only(path: &Path, opts: &OpenOptions) -> Result<Store> {
        if !Self::locate(path)? {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::ErrorKind::NotFound.into(),
            });
        }
        let target = schema::SCHEMA_VERSION;
        // Read as this version reads, or not at all: an older file lacks columns it asks for.
        // Said before anything touches it (a hot journal's recovery is a write).
        let older = |head: &header::Header| -> Result<()> {
            let version = head.user_version as i64;
            if version < target {
                return Err(StoreError::Older {
                    path: path.to_path_buf(),
                    found: version,
                    supported: target,
                });
            }
            Ok(())
        };
        if let Some(head) = header::peek(path)?.header {
            Self::check_kind(path, &head, target)?;
            older(&head)?;
        }
        recover_hot_journal(path)?;
        let head = header::check_file(path).map_err(|e| match e {
            StoreError::Incomplete { .. } => damaged(path, opts),
            other => other,
        })?;
        Self::check_kind(path, &head, target)?;
        older(&head)?;
        let conn = Self::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Self::from_connection(conn, path, false)
    }

    fn open_existing(
        path: &Path,
        opts: &OpenOptions,
        migrations: &[schema::Migration],
    ) -> Result<Store> {
        let target = migrations.len() as i64;
        // A file that is not ours, or is newer, is refused before anything touches it.
        if let Some(head) = header::peek(path)?.header {
            Self::check_kind(path, &head, target)?;
        }
        // A write cut short (a killed process, a lost terminal, a full disk) leaves a hot
        // journal: SQLite rolls the file back to the state before that write.
        let recovered = recover_hot_journal(path)?;
        let head = header::check_file(path).map_err(|e| match e {
            StoreError::Incomplete { .. } => damaged(path, opts),
            other => other,
        })?;
        Self::check_kind(path, &head, target)?;
        let version = head.user_version as i64;
        let mut conn = Self::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        if recovered {
            let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
            if ok != "ok" {
                return Err(damaged(path, opts));
            }
        }
        if version < target {
            backup_before_migration(&conn, path, version, opts)?;
            schema::migrate(&mut conn, migrations)?;
        }
        let mut store = Self::from_connection(conn, path, true)?;
        store.check_identity(opts)?;
        Ok(store)
    }

    /// Refuses a file that is not prensa's or is newer than `target`.
    fn check_kind(path: &Path, head: &header::Header, target: i64) -> Result<()> {
        if head.application_id as i32 != schema::APPLICATION_ID {
            return Err(StoreError::NotPrensa {
                path: path.to_path_buf(),
            });
        }
        let version = head.user_version as i64;
        if version > target {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
                supported: target,
            });
        }
        Ok(())
    }

    /// Creates a new database: built whole under a temporary name beside `path`, then put in
    /// place, so a creation cut short never leaves a file under the real name.
    fn create(path: &Path, opts: &OpenOptions) -> Result<Store> {
        let tmp = temporary_beside(path, "nueva");
        // One left by a killed process that had this process's number is nobody's.
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(journal_path(&tmp));
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        create_private_file(&tmp).map_err(|e| match e {
            StoreError::Io { source, .. } => io(source),
            other => other,
        })?;
        let made = (|| {
            let mut conn = Self::connect(&tmp, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
            schema::migrate(&mut conn, schema::MIGRATIONS)?;
            let name = opts.machine.clone().unwrap_or_else(machine_name);
            conn.execute(
                "INSERT INTO replicas (id, name, is_self) VALUES (?1, ?2, 1), (?3, 'prensa', 0)",
                (ids::new_id(), name, SEED_REPLICA),
            )?;
            let mut store = Self::from_connection(conn, &tmp, true)?;
            seed::preload(&mut store)?;
            drop(store);
            put_in_place(&tmp, path).map_err(io)
        })();
        if let Err(e) = made {
            // Only what this call created is removed.
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(journal_path(&tmp));
            return Err(e);
        }
        Self::open_existing(path, opts, schema::MIGRATIONS)
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
        let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // 16 MiB of pages kept (SQLite's default is 2): a search reads the same index pages
        // keystroke after keystroke, and each page asked of the system again is a system call
        // (a tenth of a search's time on the `--grande` data).
        conn.pragma_update(None, "cache_size", -16_384)?;
        conn.set_prepared_statement_cache_capacity(128);
        Ok(conn)
    }

    /// The store over an open connection; `guarded`: with the triggers that refuse writes made
    /// outside the write path (a read-only connection writes nothing to guard against).
    fn from_connection(conn: Connection, path: &Path, guarded: bool) -> Result<Store> {
        let tables = schema::replicated_tables(&conn)?;
        if guarded {
            schema::install_guard(&conn, tables.keys())?;
        } else {
            // The write path marks itself here; a write then meets the file's read-only refusal.
            schema::install_mark(&conn)?;
        }
        let (me, hlc) = identity::load_self(&conn)?;
        let seed_n: i64 = conn.query_row(
            "SELECT n FROM replicas WHERE id = ?1",
            [SEED_REPLICA],
            |r| r.get(0),
        )?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            me,
            seed_n,
            hlc,
            tables,
            wall: Box::new(system_ms),
            actor: os_user(),
            host: machine_name(),
            searches: Default::default(),
        })
    }

    /// The office's time now (its time zone, not the machine's) as the store keeps times,
    /// `YYYY-MM-DDTHH:MM`.
    pub(crate) fn local_now(&self) -> String {
        let zone = self.time_zone();
        chrono::DateTime::from_timestamp_millis((self.wall)() as i64)
            .map(|t| t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    }

    /// Who writes: the user of this machine, as the audit log and approvals record it.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Names who writes from now on (the name in this machine's settings).
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_owned();
    }

    /// A number that changes when another connection (another console, a sync) commits to the
    /// file: cheap enough to ask every second.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Replaces the wall clock (milliseconds since the Unix epoch); tests and demo data use it.
    pub fn set_wall_clock(&mut self, wall: impl Fn() -> u64 + Send + 'static) {
        self.wall = Box::new(wall);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// This database's replica id.
    pub fn replica_id(&self) -> &str {
        &self.me.id
    }

    /// The replicated tables and their columns.
    pub fn replicated_tables(&self) -> &BTreeMap<String, Vec<String>> {
        &self.tables
    }

    /// The last clock value this replica issued or saw.
    pub fn clock(&self) -> u64 {
        self.hlc.last()
    }

    /// What the status bar shows: file, replica, changes not yet synced.
    pub fn status(&self) -> Result<StoreStatus> {
        // The file's current identity, which a sync run apart may have changed.
        let (id, name, unsynced): (String, String, i64) = self.conn.query_row(
            "SELECT id, name, pending FROM replicas WHERE is_self = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(StoreStatus {
            file_name: self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            replica_name: name,
            replica_short: id[id.len().saturating_sub(8)..].to_owned(),
            unsynced: unsynced.max(0) as u64,
            last_sync: self.last_sync()?,
            conflicts: self.count_open_conflicts()?,
        })
    }

    /// Whether this database can only be read (opened so, or a file or drive that refuses
    /// writes): every change would be refused.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false)
    }

    /// A setting's value (settings are office-wide and sync).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        commands::setting(&self.conn, key)
    }

    /// A complete copy of the database into `dest` (created readable by its owner only), with
    /// SQLite's backup API: consistent even while this process keeps the file open.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        backup_into(&self.conn, dest)
    }

    /// How many of this machine's own changes are past `clocks`: what a publish sends of its own.
    pub fn count_own_ops_after(&self, clocks: &Clocks) -> Result<u64> {
        let after = clocks.get(&self.me.id).copied().unwrap_or(0) as i64;
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM ops WHERE replica = ?1 AND hlc > ?2",
            rusqlite::params![self.me.n, after],
            |r| r.get(0),
        )?;
        Ok(count.max(0) as u64)
    }

    /// The raw connection, for the store's own modules and tests.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

fn journal_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push("-journal");
    PathBuf::from(p)
}

/// Creates an empty file readable by its owner only (0600 on Unix).
fn create_private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map(drop)
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// Copies the database (with SQLite's backup API) into the backups folder before a migration.
fn backup_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
    opts: &OpenOptions,
) -> Result<()> {
    if version == 0 {
        return Ok(());
    }
    let dir = opts.backup_dir.clone().ok_or_else(|| StoreError::Schema {
        detail: "backup_dir".into(),
    })?;
    let io = |source| StoreError::Io {
        path: dir.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "prensa".into());
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let mut dest = dir.join(format!("{stem}-v{version}-{stamp}.sqlite"));
    let mut n = 1;
    while dest.exists() {
        n += 1;
        dest = dir.join(format!("{stem}-v{version}-{stamp}-{n}.sqlite"));
    }
    backup_into(conn, &dest)
}

fn backup_into(conn: &Connection, dest: &Path) -> Result<()> {
    create_private_file(dest)?;
    let copied = conn.backup(rusqlite::MAIN_DB, dest, None);
    if copied.is_err() {
        let _ = std::fs::remove_file(dest);
    }
    Ok(copied?)
}

/// The departments every new database is born with: (key, name, short name).
pub fn seed_departments() -> &'static [(&'static str, &'static str, &'static str)] {
    seed::DEPARTMENTS
}
