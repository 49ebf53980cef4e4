//! The one write path. Every change to a replicated table happens inside [`Store::write`],
//! which in the same transaction changes the row and appends one op per changed field to
//! `ops` (DESIGN §4). A guard installed at open aborts any other write to those tables.
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::error::{Result, StoreError};
use super::undo::{Change, Step};
use super::{iso_time, schema, Store, Value};
use crate::domain::hlc::{self, Hlc};
use crate::domain::ids;

/// Changes rows inside one write transaction. Obtained from [`Store::write`]; only the store's
/// own command functions use it.
pub(crate) struct Writer<'a> {
    conn: &'a Connection,
    tables: &'a std::collections::BTreeMap<String, Vec<String>>,
    hlc: &'a mut Hlc,
    wall_ms: u64,
    replica: i64,
    ops: u64,
    target: Option<(String, String)>,
    /// What this transaction changed, step by step: what undoing it means.
    steps: Vec<Step>,
}

/// Who a write is made by: this replica, or the seed every new database shares.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Author {
    Local,
    /// This replica, merging others' ops: no audit row (the ops say whose they are), so that
    /// everything the merge writes is in place before its delta is published.
    Merge,
    Seed,
}

/// The fixed time of the seed's ops (2021-01-01T00:00:00Z).
const SEED_EPOCH_MS: u64 = 1_609_459_200_000;

impl Store {
    /// Runs `f` in one transaction through which every change is recorded as ops, plus one
    /// audit row naming `action`. On error nothing is written.
    pub(crate) fn write<T>(
        &mut self,
        action: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        self.transact(Author::Local, action, f).map(|(out, _)| out)
    }

    /// The same, also returning what changed (to undo it).
    pub(crate) fn write_recorded<T>(
        &mut self,
        action: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<(T, Change)> {
        self.transact(Author::Local, action, f)
    }

    pub(crate) fn transact<T>(
        &mut self,
        author: Author,
        action: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<(T, Change)> {
        if author != Author::Seed {
            self.refresh_identity()?;
        }
        let (replica, wall_ms, mut clock) = match author {
            Author::Local | Author::Merge => (self.me.n, (self.wall)(), self.hlc),
            Author::Seed => {
                let last: Option<i64> = self.conn.query_row(
                    "SELECT max(hlc) FROM ops WHERE replica = ?1",
                    [self.seed_n],
                    |r| r.get(0),
                )?;
                let start = hlc::from_millis(SEED_EPOCH_MS);
                let last = last.map(|v| v as u64).unwrap_or(start).max(start);
                (self.seed_n, SEED_EPOCH_MS, Hlc::new(last))
            }
        };
        let tx = self.conn.transaction()?;
        tx.execute("INSERT INTO temp.write_path (active) VALUES (1)", [])?;
        let mut w = Writer {
            conn: &tx,
            tables: &self.tables,
            hlc: &mut clock,
            wall_ms,
            replica,
            ops: 0,
            target: None,
            steps: Vec::new(),
        };
        let out = f(&mut w)?;
        if author == Author::Local && w.ops > 0 {
            let (table, id) = w.target.clone().unwrap_or_default();
            let changes = w.ops as i64;
            w.insert(
                "audit",
                &ids::new_id(),
                &[
                    ("actor", Value::Text(self.actor.clone())),
                    ("action", Value::Text(action.to_owned())),
                    ("target_table", Value::Text(table)),
                    ("target_id", Value::Text(id)),
                    ("changes", Value::Integer(changes)),
                ],
            )?;
        }
        let ops = w.ops as i64;
        let change = Change::new(std::mem::take(&mut w.steps));
        tx.execute("DELETE FROM temp.write_path", [])?;
        if author != Author::Seed {
            tx.execute(
                "UPDATE replicas SET clock = ?1, pending = pending + ?2 WHERE n = ?3",
                params![clock.last() as i64, ops, replica],
            )?;
        }
        tx.commit()?;
        if author != Author::Seed {
            self.hlc = clock;
        }
        Ok((out, change))
    }
}

impl Writer<'_> {
    /// The transaction's connection, for the store's own merge.
    pub(crate) fn conn(&self) -> &Connection {
        self.conn
    }

    /// Takes a clock value seen in merged ops into account.
    pub(crate) fn observe(&mut self, clock: u64) {
        self.hlc.observe(clock);
    }

    /// Creates a row unless one with this id exists; returns whether it was created.
    pub(crate) fn insert_if_absent(
        &mut self,
        table: &str,
        id: &str,
        fields: &[(&str, Value)],
    ) -> Result<bool> {
        self.columns(table)?;
        let exists: Option<i64> = self
            .conn
            .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if exists.is_some() {
            return Ok(false);
        }
        self.insert(table, id, fields)?;
        Ok(true)
    }

    /// A field's current value; `None` when there is no such row.
    pub(crate) fn get(&self, table: &str, id: &str, col: &str) -> Result<Option<Value>> {
        if !self.columns(table)?.iter().any(|c| c == col) {
            return Err(StoreError::Schema {
                detail: format!("{table}.{col}"),
            });
        }
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {col} FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Whether a row exists and is not deleted.
    pub(crate) fn is_live(&self, table: &str, id: &str) -> Result<bool> {
        Ok(self.get(table, id, "deleted_at")? == Some(Value::Null))
    }

    fn columns(&self, table: &str) -> Result<&Vec<String>> {
        self.tables.get(table).ok_or_else(|| StoreError::Schema {
            detail: table.to_owned(),
        })
    }

    /// Checks that every field is a column of the table the caller may set.
    fn check(&self, table: &str, fields: &[(&str, Value)]) -> Result<()> {
        let cols = self.columns(table)?;
        for (col, _) in fields {
            if schema::MANAGED.contains(col) || !cols.iter().any(|c| c == col) {
                return Err(StoreError::Schema {
                    detail: format!("{table}.{col}"),
                });
            }
        }
        Ok(())
    }

    /// The heads of a field: its ops no other op replaced, as "<replica id>@<hlc>" — what a
    /// new value of the field replaces.
    fn heads(&self, table: &str, id: &str, col: &str) -> Result<Option<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, o.hlc, o.parents FROM ops o JOIN replicas r ON r.n = o.replica
             WHERE o.tbl = ?1 AND o.row_id = ?2 AND o.col = ?3",
        )?;
        let ops: Vec<(String, Option<String>)> = stmt
            .query_map([table, id, col], |r| {
                Ok((
                    format!("{}@{}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?),
                    r.get(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let replaced: std::collections::BTreeSet<&str> = ops
            .iter()
            .filter_map(|(_, p)| p.as_deref())
            .flat_map(|p| p.split(' '))
            .collect();
        let mut heads: Vec<&str> = ops
            .iter()
            .map(|(op, _)| op.as_str())
            .filter(|op| !replaced.contains(op))
            .collect();
        heads.sort_unstable();
        Ok((!heads.is_empty()).then(|| heads.join(" ")))
    }

    /// Appends one op. A new row's fields replace nothing; a change replaces every head of the
    /// field, which the op records as its parents.
    fn op(
        &mut self,
        table: &str,
        id: &str,
        col: &str,
        value: &Value,
        new_row: bool,
    ) -> Result<u64> {
        let parents = if new_row {
            None
        } else {
            self.heads(table, id, col)?
        };
        let clock = self.hlc.tick(self.wall_ms);
        self.conn
            .prepare_cached(
                "INSERT INTO ops (replica, hlc, tbl, row_id, col, value, parents)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                self.replica,
                clock as i64,
                table,
                id,
                col,
                value,
                parents
            ])?;
        self.ops += 1;
        if self.target.is_none() {
            self.target = Some((table.to_owned(), id.to_owned()));
        }
        Ok(clock)
    }

    /// Creates a row. Its existence is itself an op (`deleted_at` = NULL), so a row with no
    /// fields set still travels.
    pub(crate) fn insert(&mut self, table: &str, id: &str, fields: &[(&str, Value)]) -> Result<()> {
        self.check(table, fields)?;
        let clock = self.op(table, id, "deleted_at", &Value::Null, true)?;
        let at = iso_time(clock);
        let mut sql = format!("INSERT INTO {table} (id, created_at, updated_at");
        for (col, _) in fields {
            sql.push_str(", ");
            sql.push_str(col);
        }
        sql.push_str(") VALUES (?1, ?2, ?2");
        for i in 0..fields.len() {
            sql.push_str(&format!(", ?{}", i + 3));
        }
        sql.push(')');
        let values = [Value::Text(id.to_owned()), Value::Text(at)]
            .into_iter()
            .chain(fields.iter().map(|(_, v)| v.clone()));
        self.conn
            .prepare_cached(&sql)?
            .execute(params_from_iter(values))?;
        for (col, value) in fields {
            self.op(table, id, col, value, true)?;
        }
        self.steps.push(Step::Created {
            table: table.to_owned(),
            id: id.to_owned(),
        });
        Ok(())
    }

    /// Changes fields of an existing row; only fields whose value differs become ops.
    /// Returns how many fields changed.
    pub(crate) fn update(
        &mut self,
        table: &str,
        id: &str,
        fields: &[(&str, Value)],
    ) -> Result<usize> {
        self.check(table, fields)?;
        if fields.is_empty() {
            return Ok(0);
        }
        let mut cols: Vec<&str> = fields.iter().map(|(c, _)| *c).collect();
        cols.push("deleted_at");
        let current: Option<Vec<Value>> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {} FROM {table} WHERE id = ?1",
                cols.join(", ")
            ))?
            .query_row([id], |r| {
                (0..cols.len()).map(|i| r.get::<_, Value>(i)).collect()
            })
            .optional()?;
        let current = current.ok_or_else(|| StoreError::NotFound {
            table: table.to_owned(),
            id: id.to_owned(),
        })?;
        let changed: Vec<&(&str, Value)> = fields
            .iter()
            .zip(current.iter())
            .filter(|((_, new), old)| new != *old)
            .map(|(f, _)| f)
            .collect();
        let mut last = 0;
        for ((col, value), before) in fields.iter().zip(current.iter()) {
            if value != before {
                last = self.op(table, id, col, value, false)?;
                self.steps.push(Step::Set {
                    table: table.to_owned(),
                    id: id.to_owned(),
                    col: (*col).to_owned(),
                    before: before.clone(),
                    after: value.clone(),
                });
            }
        }
        if !changed.is_empty() {
            self.set_row(table, id, &changed, last)?;
            // Editing a deleted row brings it back, as a newer edit from another machine would.
            if current.last().is_some_and(|d| *d != Value::Null) {
                self.set_deleted(table, id, false)?;
            }
        }
        Ok(changed.len())
    }

    fn set_row(&self, table: &str, id: &str, fields: &[&(&str, Value)], clock: u64) -> Result<()> {
        let mut sql = format!("UPDATE {table} SET updated_at = ?1");
        for (i, (col, _)) in fields.iter().enumerate() {
            sql.push_str(&format!(", {col} = ?{}", i + 3));
        }
        sql.push_str(" WHERE id = ?2");
        let values = [Value::Text(iso_time(clock)), Value::Text(id.to_owned())]
            .into_iter()
            .chain(fields.iter().map(|(_, v)| v.clone()));
        self.conn
            .prepare_cached(&sql)?
            .execute(params_from_iter(values))?;
        Ok(())
    }

    /// Marks a row deleted (a tombstone: the row and its history stay).
    pub(crate) fn delete(&mut self, table: &str, id: &str) -> Result<()> {
        self.set_deleted(table, id, true)
    }

    /// Brings a deleted row back.
    pub(crate) fn restore(&mut self, table: &str, id: &str) -> Result<()> {
        self.set_deleted(table, id, false)
    }

    fn set_deleted(&mut self, table: &str, id: &str, deleted: bool) -> Result<()> {
        self.columns(table)?;
        let current: Option<Option<String>> = self
            .conn
            .prepare_cached(&format!("SELECT deleted_at FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let current = current.ok_or_else(|| StoreError::NotFound {
            table: table.to_owned(),
            id: id.to_owned(),
        })?;
        if current.is_some() == deleted {
            return Ok(());
        }
        let value = if deleted {
            // The tombstone reads as the time of its own op: the next clock value.
            let mut next = *self.hlc;
            Value::Text(iso_time(next.tick(self.wall_ms)))
        } else {
            Value::Null
        };
        let clock = self.op(table, id, "deleted_at", &value, false)?;
        let field = ("deleted_at", value);
        self.set_row(table, id, &[&field], clock)?;
        let (table, id) = (table.to_owned(), id.to_owned());
        self.steps.push(if deleted {
            Step::Deleted { table, id }
        } else {
            Step::Restored { table, id }
        });
        Ok(())
    }
}
