//! Merging other replicas' ops into this database (DESIGN §5), and exporting this database's
//! ops for others. A merge is the union of the ops logs followed by recomputing every touched
//! row from its ops (see `fold`), all in one transaction.
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rusqlite::{params, Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::fold::{folio_collisions, rematerialize};
use super::write::Author;
use super::{schema, Store, Value};
use crate::domain::hlc;

/// A sync accepts ops stamped at most this far ahead of this machine's clock. A file holding
/// anything later is refused whole, so a machine whose clock is wrong neither wins every
/// conflict nor drags this machine's clock into the future.
pub const MAX_CLOCK_AHEAD_MS: u64 = 24 * 60 * 60 * 1000;

/// What one merge did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeStats {
    /// Ops this database did not have.
    pub ops: u64,
    /// Rows recomputed.
    pub rows: u64,
    /// Conflicts found (new rows in `conflicts`).
    pub conflicts: u64,
}

/// For each replica (by id), the highest clock of its ops held: a version vector. Because ops
/// only ever travel as whole prefixes per replica, this says exactly which ops are held.
pub type Clocks = BTreeMap<String, u64>;

pub(super) fn open_source(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// The version vector of a connection holding `replicas` and `ops`.
pub fn clocks_of(conn: &Connection) -> Result<Clocks> {
    let replicas: Vec<(i64, String)> = conn
        .prepare("SELECT n, id FROM replicas")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Clocks::new();
    for (n, id) in replicas {
        let max: Option<i64> =
            conn.query_row("SELECT max(hlc) FROM ops WHERE replica = ?1", [n], |r| {
                r.get(0)
            })?;
        if let Some(max) = max {
            out.insert(id, max as u64);
        }
    }
    Ok(out)
}

/// Whether an op of another machine may set this field: a replicated table's column other
/// than the ones the store sets itself.
fn known_field(tables: &BTreeMap<String, Vec<String>>, table: &str, col: &str) -> bool {
    tables.get(table).is_some_and(|cols| {
        cols.iter().any(|c| c == col) && !["id", "created_at", "updated_at"].contains(&col)
    })
}

impl Store {
    /// Refuses a file whose ops past this database's clocks set a table or column this build
    /// does not replicate (reads only those ops).
    pub fn check_source(&self, source: &Path) -> Result<()> {
        let conn = open_source(source)?;
        let local = self.clocks()?;
        let replicas: Vec<(i64, String)> = conn
            .prepare("SELECT n, id FROM replicas")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (n, id) in replicas {
            let from = local.get(&id).copied().unwrap_or(0) as i64;
            let mut stmt =
                conn.prepare("SELECT DISTINCT tbl, col FROM ops WHERE replica = ?1 AND hlc > ?2")?;
            let fields = stmt.query_map(params![n, from], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for field in fields {
                let (table, col) = field?;
                if !known_field(&self.tables, &table, &col) {
                    return Err(StoreError::Schema {
                        detail: format!("{table}.{col}"),
                    });
                }
            }
        }
        Ok(())
    }

    /// Which ops this database holds, per replica.
    pub fn clocks(&self) -> Result<Clocks> {
        clocks_of(&self.conn)
    }

    /// The local number of a replica, registering it when new.
    fn replica_number(conn: &Connection, id: &str, name: &str) -> Result<i64> {
        conn.execute(
            "INSERT OR IGNORE INTO replicas (id, name) VALUES (?1, ?2)",
            params![id, name],
        )?;
        Ok(conn.query_row("SELECT n FROM replicas WHERE id = ?1", [id], |r| r.get(0))?)
    }

    /// The newest clock in a file that is too far ahead of this machine's clock, if any:
    /// (replica name, milliseconds ahead).
    pub fn clock_too_far_ahead(&self, source: &Path) -> Result<Option<(String, u64)>> {
        let conn = open_source(source)?;
        let limit = (self.wall)().saturating_add(MAX_CLOCK_AHEAD_MS);
        let names: HashMap<String, String> = conn
            .prepare("SELECT id, name FROM replicas")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, clock) in clocks_of(&conn)? {
            let at = hlc::millis(clock);
            if at > limit {
                let name = names.get(&id).cloned().unwrap_or(id);
                return Ok(Some((name, at - (self.wall)())));
            }
        }
        Ok(None)
    }

    /// How many ops of these files this database does not hold yet (reads only).
    pub fn count_new_ops(&self, sources: &[&Path]) -> Result<u64> {
        let local = self.clocks()?;
        let mut seen: BTreeSet<(String, i64)> = BTreeSet::new();
        for source in sources {
            let conn = open_source(source)?;
            let replicas: Vec<(i64, String)> = conn
                .prepare("SELECT n, id FROM replicas")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (n, id) in replicas {
                let from = local.get(&id).copied().unwrap_or(0) as i64;
                let mut stmt =
                    conn.prepare("SELECT hlc FROM ops WHERE replica = ?1 AND hlc > ?2")?;
                for clock in stmt.query_map(params![n, from], |r| r.get::<_, i64>(0))? {
                    seen.insert((id.clone(), clock?));
                }
            }
        }
        Ok(seen.len() as u64)
    }

    /// Merges the ops of `sources` (verified local copies of other replicas' files, each a
    /// database with `replicas` and `ops`), all in one transaction.
    pub fn merge_files(&mut self, sources: &[&Path]) -> Result<MergeStats> {
        self.merge_files_then(sources, &mut |_| Ok(()))
    }

    /// The same, running `before_commit` on the merged state inside the transaction: when it
    /// fails, the merge is rolled back and the database stays exactly as it was.
    pub fn merge_files_then(
        &mut self,
        sources: &[&Path],
        before_commit: &mut dyn FnMut(&Connection) -> Result<()>,
    ) -> Result<MergeStats> {
        for source in sources {
            if let Some((name, ahead)) = self.clock_too_far_ahead(source)? {
                return Err(StoreError::ClockAhead {
                    machine: name,
                    hours: ahead / 3_600_000,
                });
            }
        }
        let local = self.clocks()?;
        let tables = self.tables.clone();
        // Referential integrity holds once every op has arrived; rows may come in any order.
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let result = self.transact(Author::Merge, "sync.merge", |w| {
            let conn = w.conn();
            conn.execute_batch(
                "DROP TABLE IF EXISTS temp.incoming;
                 CREATE TEMP TABLE incoming (
                     replica INTEGER, hlc INTEGER, tbl TEXT, row_id TEXT, col TEXT, value,
                     parents TEXT, PRIMARY KEY (replica, hlc));",
            )?;
            let mut max_clock = 0u64;
            for source in sources {
                let src = open_source(source)?;
                let mut numbers: HashMap<i64, i64> = HashMap::new();
                let replicas: Vec<(i64, String, String)> = src
                    .prepare("SELECT n, id, name FROM replicas")?
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                for (sn, id, name) in &replicas {
                    numbers.insert(*sn, Self::replica_number(conn, id, name)?);
                }
                let mut insert = conn.prepare_cached(
                    "INSERT OR IGNORE INTO temp.incoming VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?;
                for (sn, id, _) in &replicas {
                    let from = local.get(id).copied().unwrap_or(0) as i64;
                    let mut stmt = src.prepare(
                        "SELECT hlc, tbl, row_id, col, value, parents FROM ops
                         WHERE replica = ?1 AND hlc > ?2",
                    )?;
                    let mut rows = stmt.query(params![sn, from])?;
                    while let Some(r) = rows.next()? {
                        let clock: i64 = r.get(0)?;
                        let table: String = r.get(1)?;
                        let col: String = r.get(3)?;
                        if !known_field(&tables, &table, &col) {
                            return Err(StoreError::Schema {
                                detail: format!("{table}.{col}"),
                            });
                        }
                        insert.execute(params![
                            numbers.get(sn),
                            clock,
                            table,
                            r.get::<_, String>(2)?,
                            col,
                            r.get::<_, Value>(4)?,
                            r.get::<_, Option<String>>(5)?,
                        ])?;
                        max_clock = max_clock.max(clock.max(0) as u64);
                    }
                }
            }
            let ops =
                conn.execute("INSERT OR IGNORE INTO ops SELECT * FROM temp.incoming", [])? as u64;
            let touched: Vec<(String, String)> = conn
                .prepare("SELECT DISTINCT tbl, row_id FROM temp.incoming ORDER BY tbl, row_id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            conn.execute_batch("DROP TABLE temp.incoming")?;
            w.observe(max_clock);
            let mut stats = MergeStats {
                ops,
                ..MergeStats::default()
            };
            let mut lost = Vec::new();
            for (table, id) in &touched {
                lost.extend(rematerialize(w.conn(), &tables[table], table, id)?);
                stats.rows += 1;
            }
            lost.extend(folio_collisions(w.conn(), &touched)?);
            for conflict in lost {
                if w.insert_if_absent("conflicts", &conflict.0, &conflict.1)? {
                    stats.conflicts += 1;
                }
            }
            before_commit(w.conn())?;
            Ok(stats)
        });
        let restored = self.conn.pragma_update(None, "foreign_keys", true);
        let (stats, _) = result?;
        restored?;
        Ok(stats)
    }

    /// Writes every op held after `from` (per replica) into a new file: a delta others can merge.
    /// Returns how many ops it holds.
    pub fn export_delta(&self, dest: &Path, from: &Clocks) -> Result<u64> {
        export_delta(&self.conn, dest, from)
    }

    /// Runs `f` on this database's connection (for publishing when there is nothing to merge).
    pub fn with_read(&self, f: &mut dyn FnMut(&Connection) -> Result<()>) -> Result<()> {
        f(&self.conn)
    }

    /// A complete copy of this database, compacted, in rollback-journal mode: what a new
    /// machine joins from.
    pub fn export_snapshot(&self, dest: &Path) -> Result<()> {
        self.conn
            .execute("VACUUM INTO ?1", [dest.to_string_lossy()])?;
        let copy = Connection::open(dest)?;
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }

    /// After publishing: no local change is waiting any more.
    pub fn mark_published(&mut self, at: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE replicas SET pending = 0, last_sync = ?1 WHERE n = ?2",
            params![at, self.me.n],
        )?;
        Ok(())
    }

    /// When this database last synced (local time text), if ever.
    pub fn last_sync(&self) -> Result<Option<String>> {
        let at: String = self.conn.query_row(
            "SELECT last_sync FROM replicas WHERE is_self = 1",
            [],
            |r| r.get(0),
        )?;
        Ok((!at.is_empty()).then_some(at))
    }

    pub fn machine(&self) -> &str {
        &self.me.name
    }
}

/// Writes every op `conn` holds after `from` (per replica) into a new file at `dest`.
pub fn export_delta(conn: &Connection, dest: &Path, from: &Clocks) -> Result<u64> {
    let out = Connection::open(dest)?;
    out.execute_batch(
        "CREATE TABLE replicas (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '');
         CREATE TABLE ops (replica INTEGER NOT NULL, hlc INTEGER NOT NULL, tbl TEXT NOT NULL,
             row_id TEXT NOT NULL, col TEXT NOT NULL, value, parents TEXT,
             PRIMARY KEY (replica, hlc)) WITHOUT ROWID;",
    )?;
    out.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
    out.pragma_update(None, "user_version", schema::SCHEMA_VERSION)?;
    let tx = out.unchecked_transaction()?;
    let replicas: Vec<(i64, String, String)> = conn
        .prepare("SELECT n, id, name FROM replicas")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut count = 0u64;
    {
        let mut add_replica =
            tx.prepare("INSERT INTO replicas (n, id, name) VALUES (?1, ?2, ?3)")?;
        let mut add_op = tx.prepare("INSERT INTO ops VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        for (n, id, name) in &replicas {
            add_replica.execute(params![n, id, name])?;
            let after = from.get(id).copied().unwrap_or(0) as i64;
            let mut stmt = conn.prepare_cached(
                "SELECT replica, hlc, tbl, row_id, col, value, parents FROM ops
                 WHERE replica = ?1 AND hlc > ?2",
            )?;
            let mut rows = stmt.query(params![n, after])?;
            while let Some(r) = rows.next()? {
                add_op.execute(params![
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Value>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ])?;
                count += 1;
            }
        }
    }
    tx.commit()?;
    Ok(count)
}
