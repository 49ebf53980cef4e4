//! Undo: every write records what it changed, step by step; undoing writes the inverse as a
//! new change (so the undo syncs like any edit). A field someone changed since is left alone.
use super::error::Result;
use super::{Store, Value};

/// One thing a write did.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Step {
    Created {
        table: String,
        id: String,
    },
    Set {
        table: String,
        id: String,
        col: String,
        before: Value,
        after: Value,
    },
    Deleted {
        table: String,
        id: String,
    },
    Restored {
        table: String,
        id: String,
    },
}

/// What one write changed. Opaque outside the store: it is kept to be undone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    steps: Vec<Step>,
}

impl Change {
    pub(crate) fn new(steps: Vec<Step>) -> Change {
        Change { steps }
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Adds a later change to this one: undoing the whole undoes both, the later first.
    pub fn extend(&mut self, later: Change) {
        self.steps.extend(later.steps);
    }

    /// The rows it touched: (table, id), in order, without repeats.
    pub fn rows(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for step in &self.steps {
            let (Step::Created { table, id }
            | Step::Set { table, id, .. }
            | Step::Deleted { table, id }
            | Step::Restored { table, id }) = step;
            if !out.iter().any(|(t, i)| t == table && i == id) {
                out.push((table.clone(), id.clone()));
            }
        }
        out
    }
}

/// What an undo did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Undone {
    /// Steps reversed.
    pub reversed: usize,
    /// Fields left alone because they changed after the write being undone (e.g. a sync).
    pub kept: usize,
}

impl Store {
    /// Undoes `change` with a new write; returns what it did and the change it made (which
    /// can itself be undone: a redo).
    pub fn undo(&mut self, change: &Change) -> Result<(Undone, Change)> {
        self.write_recorded("undo", |w| {
            let links = links_to(w.conn())?;
            let mut done = Undone::default();
            for step in change.steps.iter().rev() {
                match step {
                    Step::Created { table, id } | Step::Restored { table, id } => {
                        if !w.is_live(table, id)? {
                            continue;
                        }
                        // A record something else now points to (a request a report made
                        // since answers, in this console or another) stays.
                        if used_by_others(w.conn(), &links, table, id)? {
                            done.kept += 1;
                        } else {
                            w.delete(table, id)?;
                            done.reversed += 1;
                        }
                    }
                    Step::Deleted { table, id } => {
                        if w.get(table, id, "deleted_at")?
                            .is_some_and(|v| v != Value::Null)
                        {
                            w.restore(table, id)?;
                            done.reversed += 1;
                        }
                    }
                    Step::Set {
                        table,
                        id,
                        col,
                        before,
                        after,
                    } => {
                        let current = w.get(table, id, col)?;
                        if current.as_ref() == Some(after) && w.is_live(table, id)? {
                            w.update(table, id, &[(col.as_str(), before.clone())])?;
                            done.reversed += 1;
                        } else if current.as_ref() != Some(before) {
                            done.kept += 1;
                        }
                    }
                }
            }
            Ok(done)
        })
    }
}

/// Every link between tables the schema declares: (table, column, table it points to).
fn links_to(conn: &rusqlite::Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table'
           AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'deleted_at')",
    )?;
    let links = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(links)
}

/// Whether a live row of any table points to `table`'s row `id`.
fn used_by_others(
    conn: &rusqlite::Connection,
    links: &[(String, String, String)],
    table: &str,
    id: &str,
) -> Result<bool> {
    for (child, column, _) in links.iter().filter(|(_, _, parent)| parent == table) {
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM \"{child}\" WHERE \"{column}\" = ?1 AND deleted_at IS NULL)"
        );
        if conn
            .prepare_cached(&sql)?
            .query_row([id], |r| r.get::<_, bool>(0))?
        {
            return Ok(true);
        }
    }
    Ok(false)
}
