//! A replica identity belongs to one file on one machine (DESIGN §4). The file records, locally
//! (never synced), the machine and the canonical path its identity was made for; a file that
//! finds itself elsewhere (copied to another machine or path) is a copy and takes a new identity,
//! keeping all its data and the old identity as a peer, so two files never write ops under one
//! id. A file that finds its own identity's history in the sync folder holding ops it lacks (a
//! copy the check could not tell, or a backup restored over it) does the same at sync time.
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

use super::error::Result;
use super::{ids, machine_name, OpenOptions, Replica, Store, Value};
use crate::domain::hlc::Hlc;

/// The machine this run is on, as identities record it.
pub(super) fn current_host(opts: &OpenOptions) -> String {
    opts.machine.clone().unwrap_or_else(machine_name)
}

/// Where a database file is (or is about to be), canonical: its folder resolved, plus its name.
pub(super) fn location(path: &Path) -> String {
    let full = path.canonicalize().unwrap_or_else(|_| {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match (dir.canonicalize(), path.file_name()) {
            (Ok(dir), Some(name)) => dir.join(name),
            _ => PathBuf::from(path),
        }
    });
    full.to_string_lossy().into_owned()
}

/// This file's own replica and the clock it continues from.
pub(super) fn load_self(conn: &Connection) -> Result<(Replica, Hlc)> {
    let me = conn
        .query_row(
            "SELECT n, id, name FROM replicas WHERE is_self = 1",
            [],
            |r| {
                Ok(Replica {
                    n: r.get(0)?,
                    id: r.get(1)?,
                    name: r.get(2)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| super::StoreError::Schema {
            detail: "replicas".into(),
        })?;
    let persisted: i64 =
        conn.query_row("SELECT clock FROM replicas WHERE n = ?1", [me.n], |r| {
            r.get(0)
        })?;
    let logged: Option<i64> =
        conn.query_row("SELECT max(hlc) FROM ops WHERE replica = ?1", [me.n], |r| {
            r.get(0)
        })?;
    let hlc = Hlc::new(persisted.max(logged.unwrap_or(0)).max(0) as u64);
    Ok((me, hlc))
}

fn has_identity_table(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'identity'",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The ops of this replica that another file holds, loaded for comparison.
const THEIRS: &str = "CREATE TEMP TABLE IF NOT EXISTS theirs (
    hlc INTEGER PRIMARY KEY, tbl TEXT, row_id TEXT, col TEXT, value)";

impl Store {
    /// At open: a file whose identity has no record adopts this machine and path; one whose
    /// record names another machine or path is a copy and takes a new identity.
    pub(super) fn check_identity(&mut self, opts: &OpenOptions) -> Result<()> {
        if !has_identity_table(&self.conn)? {
            return Ok(());
        }
        let (host, place) = (current_host(opts), location(&self.path));
        self.host = host.clone();
        let recorded: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT host, path FROM identity WHERE replica = ?1",
                [&self.me.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let result = match recorded {
            None => self.record_identity(&host, &place),
            Some((h, p)) if h == host && p == place => return Ok(()),
            Some(_) => self.take_new_identity(None).map(drop),
        };
        match result {
            // A file this process may not write cannot write ops either: nothing to protect.
            Err(super::StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen
                ) =>
            {
                Ok(())
            }
            other => other,
        }
    }

    fn record_identity(&self, host: &str, place: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO identity (replica, host, path, since) VALUES (?1, ?2, ?3, ?4)",
            params![self.me.id, host, place, super::iso_time(self.hlc.last())],
        )?;
        Ok(())
    }

    /// Records that this file is about to be moved to `path` by the command that made it (a
    /// demo written under a temporary name), so that it keeps its identity there.
    pub fn record_location(&mut self, path: &Path) -> Result<()> {
        if !has_identity_table(&self.conn)? {
            return Ok(());
        }
        let host: Option<String> = self
            .conn
            .query_row(
                "SELECT host FROM identity WHERE replica = ?1",
                [&self.me.id],
                |r| r.get(0),
            )
            .optional()?;
        let host = host.unwrap_or_else(|| self.host.clone());
        self.record_identity(&host, &location(path))
    }

    /// Takes a new replica identity for this file, keeping every row and op; the old identity
    /// stays as a peer. Ops of the old identity from clock `moved_from` on are this file's
    /// alone (another file holds other ops under those clocks): they become the new identity's.
    /// Returns the old identity's id.
    pub fn take_new_identity(&mut self, moved_from: Option<u64>) -> Result<String> {
        let old = self.me.clone();
        let new_id = ids::new_id();
        let host = self.host.clone();
        let place = location(&self.path);
        let since = super::iso_time(self.hlc.last());
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO replicas (id, name, is_self, clock, pending, last_sync)
             SELECT ?1, ?2, 1, max(clock, ?3), pending, last_sync FROM replicas WHERE n = ?4",
            params![new_id, host, self.hlc.last() as i64, old.n],
        )?;
        tx.execute(
            "UPDATE replicas SET is_self = 0, pending = 0 WHERE n = ?1",
            [old.n],
        )?;
        let new_n: i64 = tx.query_row("SELECT n FROM replicas WHERE id = ?1", [&new_id], |r| {
            r.get(0)
        })?;
        if let Some(from) = moved_from {
            move_ops(&tx, (&old.id, old.n), (&new_id, new_n), from)?;
        }
        if has_identity_table(&tx)? {
            tx.execute(
                "INSERT OR REPLACE INTO identity (replica, host, path, since)
                 VALUES (?1, ?2, ?3, ?4)",
                params![new_id, host, place, since],
            )?;
        }
        tx.commit()?;
        let (me, hlc) = load_self(&self.conn)?;
        self.me = me;
        self.hlc = Hlc::new(hlc.last().max(self.hlc.last()));
        Ok(old.id)
    }

    /// Follows the file's identity when another connection changed it (a sync run apart from
    /// the console's own connection): writes always go under the file's current identity.
    pub(super) fn refresh_identity(&mut self) -> Result<()> {
        let current: Option<i64> = self
            .conn
            .query_row("SELECT n FROM replicas WHERE is_self = 1", [], |r| r.get(0))
            .optional()?;
        if current.is_some_and(|n| n != self.me.n) {
            let (me, hlc) = load_self(&self.conn)?;
            self.me = me;
            self.hlc = Hlc::new(hlc.last().max(self.hlc.last()));
        }
        Ok(())
    }

    /// Whether this file holds its own identity's op with this clock.
    pub fn holds_own_op(&self, clock: u64) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM ops WHERE replica = ?1 AND hlc = ?2",
                params![self.me.n, clock as i64],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The first clock at which this file's own ops and those `sources` hold under its
    /// identity part ways (an op one side has and the other lacks, or holds otherwise);
    /// `None` when one history is a prefix of the other with this file's ahead or equal.
    pub fn first_divergence(&self, sources: &[&Path]) -> Result<Option<u64>> {
        self.conn.execute_batch(THEIRS)?;
        self.conn.execute("DELETE FROM temp.theirs", [])?;
        for source in sources {
            let src = super::merge::open_source(source)?;
            let n: Option<i64> = src
                .query_row("SELECT n FROM replicas WHERE id = ?1", [&self.me.id], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(n) = n else {
                continue;
            };
            let mut insert = self
                .conn
                .prepare_cached("INSERT OR IGNORE INTO temp.theirs VALUES (?1, ?2, ?3, ?4, ?5)")?;
            let mut stmt =
                src.prepare("SELECT hlc, tbl, row_id, col, value FROM ops WHERE replica = ?1")?;
            let mut rows = stmt.query([n])?;
            while let Some(r) = rows.next()? {
                insert.execute(params![
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Value>(4)?,
                ])?;
            }
        }
        let mine_max: Option<i64> = self.conn.query_row(
            "SELECT max(hlc) FROM ops WHERE replica = ?1",
            [self.me.n],
            |r| r.get(0),
        )?;
        let first: Option<i64> = self.conn.query_row(
            "SELECT min(hlc) FROM (
                 SELECT o.hlc FROM main.ops o LEFT JOIN temp.theirs t ON t.hlc = o.hlc
                 WHERE o.replica = ?1 AND (t.hlc IS NULL OR t.tbl IS NOT o.tbl
                     OR t.row_id IS NOT o.row_id OR t.col IS NOT o.col OR t.value IS NOT o.value)
                 UNION ALL
                 SELECT t.hlc FROM temp.theirs t WHERE t.hlc < ?2 AND NOT EXISTS
                     (SELECT 1 FROM main.ops o WHERE o.replica = ?1 AND o.hlc = t.hlc))",
            params![self.me.n, mine_max.unwrap_or(0)],
            |r| r.get(0),
        )?;
        self.conn.execute("DELETE FROM temp.theirs", [])?;
        // Their ops past everything this file wrote are not a divergence: they are ops it
        // lacks, which a merge brings.
        Ok(first.map(|c| c.max(0) as u64))
    }
}

/// Re-issues the old identity's ops from clock `from` on under the new identity, and the
/// references to them in other ops' parents.
fn move_ops(tx: &Connection, old: (&str, i64), new: (&str, i64), from: u64) -> Result<()> {
    tx.execute(
        "UPDATE ops SET replica = ?1 WHERE replica = ?2 AND hlc >= ?3",
        params![new.1, old.1, from as i64],
    )?;
    let pattern = format!("%{}@%", old.0);
    let rows: Vec<(i64, i64, String)> = tx
        .prepare("SELECT replica, hlc, parents FROM ops WHERE parents LIKE ?1")?
        .query_map([&pattern], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let prefix = format!("{}@", old.0);
    for (replica, hlc, parents) in rows {
        let rewritten: Vec<String> = parents
            .split(' ')
            .map(|p| match p.strip_prefix(&prefix).map(str::parse::<u64>) {
                Some(Ok(c)) if c >= from => format!("{}@{c}", new.0),
                _ => p.to_owned(),
            })
            .collect();
        tx.execute(
            "UPDATE ops SET parents = ?1 WHERE replica = ?2 AND hlc = ?3",
            params![rewritten.join(" "), replica, hlc],
        )?;
    }
    Ok(())
}
