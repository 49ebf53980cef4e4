//! Conflicts: values that lost to a concurrent edit of the same field on another machine, kept
//! for the user to review. Resolving one is an ordinary write, so it syncs like any edit.
use rusqlite::{params, OptionalExtension};

use super::error::{Result, StoreError};
use super::undo::Change;
use super::{Store, Value};
use crate::domain::folio::Folio;

/// How the user settles a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The current value stays.
    KeepCurrent,
    /// The value that lost comes back (for a duplicated folio: the piece gets the next free one).
    TakeLost,
    /// A value the user wrote, e.g. a mix of both texts.
    Edited(String),
}

impl Resolution {
    fn code(&self) -> &'static str {
        match self {
            Resolution::KeepCurrent => "kept",
            Resolution::TakeLost => "took_other",
            Resolution::Edited(_) => "edited",
        }
    }
}

/// An open conflict as the Conflictos screen shows it: one field of one item, with the newest
/// value that lost (a field edited several times on the other machine is one decision).
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictView {
    /// Every open conflict of this field; the first is the one shown.
    pub ids: Vec<String>,
    pub table: String,
    pub target_id: String,
    pub col: String,
    /// The row's title (or name), to say which item it is.
    pub item: String,
    pub current: Value,
    pub lost: Value,
    /// The machine whose value lost, and when it was written.
    pub lost_machine: String,
    pub lost_at: String,
}

/// A clock value as local `YYYY-MM-DDTHH:MM`, as dates are shown.
fn local_time(clock: u64) -> String {
    chrono::DateTime::from_timestamp_millis(crate::domain::hlc::millis(clock) as i64)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Text of a stored value as the user reads it.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(n) => n.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("({} bytes)", b.len()),
    }
}

impl Store {
    /// The columns of the table a conflict names, when it names a field this build replicates
    /// and a user may set (a duplicated folio is one of drafts).
    fn conflict_field(&self, table: &str, col: &str) -> Option<Vec<String>> {
        let cols = self.tables.get(table)?;
        let settable = cols.iter().any(|c| c == col)
            && !["id", "created_at", "updated_at"].contains(&col)
            && (col != "folio" || table == "drafts");
        settable.then(|| cols.clone())
    }

    pub fn count_open_conflicts(&self) -> Result<u64> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM conflicts WHERE resolved_at = '' AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }

    /// Open conflicts, one per field, oldest first (at most `limit` fields).
    pub fn open_conflicts(&self, limit: usize) -> Result<Vec<ConflictView>> {
        type Raw = (String, String, String, String, Value, i64, String);
        let rows: Vec<Raw> = self
            .conn()
            .prepare_cached(
                "SELECT id, target_table, target_id, col, lost_value, coalesce(lost_clock, 0), lost_replica
                 FROM conflicts WHERE resolved_at = '' AND deleted_at IS NULL
                 ORDER BY target_table, target_id, col, lost_clock DESC",
            )?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out: Vec<ConflictView> = Vec::new();
        for (id, table, target_id, col, lost, clock, replica) in rows {
            if let Some(last) = out.last_mut() {
                if last.table == table && last.target_id == target_id && last.col == col {
                    last.ids.push(id);
                    continue;
                }
            }
            if out.len() == limit {
                break;
            }
            // Table and column come from other machines' files: only this build's replicated
            // fields are ever put into a query.
            let Some(cols) = self.conflict_field(&table, &col) else {
                continue;
            };
            let label = ["title", "name", "subject", "key", "question"]
                .into_iter()
                .find(|c| cols.iter().any(|x| x == c));
            let item: String = match label {
                Some(c) => self
                    .conn()
                    .query_row(
                        &format!("SELECT {c} FROM {table} WHERE id = ?1"),
                        [&target_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .unwrap_or_default(),
                None => String::new(),
            };
            let current: Value = self
                .conn()
                .query_row(
                    &format!("SELECT {col} FROM {table} WHERE id = ?1"),
                    [&target_id],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(Value::Null);
            let lost_machine: String = self
                .conn()
                .query_row("SELECT name FROM replicas WHERE id = ?1", [&replica], |r| {
                    r.get(0)
                })
                .optional()?
                .unwrap_or(replica);
            out.push(ConflictView {
                ids: vec![id],
                table,
                target_id,
                col,
                item,
                current,
                lost,
                lost_machine,
                lost_at: local_time(clock.max(0) as u64),
            });
        }
        Ok(out)
    }

    /// Settles every conflict of one field (`ids`, the first being the value shown), in one
    /// write; returns the change (to undo the decision). A conflict someone else decided in the
    /// meantime (another console, a sync) is not decided twice: the error says who did.
    pub fn resolve_field(&mut self, ids: &[String], resolution: Resolution) -> Result<Change> {
        let Some((first, rest)) = ids.split_first() else {
            return Ok(Change::default());
        };
        let plan = self.plan_resolution(first, &resolution)?;
        let by = format!("{} ({})", self.actor(), self.machine());
        let (_, change) = self.write_recorded("conflict.resolve", |w| {
            // Read inside the write: another console may have decided it a moment ago.
            if let Some(Value::Text(at)) = w.get("conflicts", first, "resolved_at")? {
                if !at.is_empty() {
                    let by = match w.get("conflicts", first, "resolved_by")? {
                        Some(Value::Text(by)) if !by.is_empty() => by,
                        _ => "?".to_owned(),
                    };
                    return Err(StoreError::AlreadyDecided { by, at });
                }
            }
            apply_resolution(w, &plan, &resolution)?;
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            for (id, code) in std::iter::once((first, resolution.code()))
                .chain(rest.iter().map(|id| (id, "superseded")))
            {
                w.update(
                    "conflicts",
                    id,
                    &[
                        ("resolved_at", Value::Text(now.clone())),
                        ("resolution", Value::Text(code.to_owned())),
                        ("resolved_by", Value::Text(by.clone())),
                    ],
                )?;
            }
            Ok(())
        })?;
        Ok(change)
    }

    /// Settles a conflict: applies the choice to the item and marks the conflict resolved, in
    /// one write.
    pub fn resolve_conflict(&mut self, id: &str, resolution: Resolution) -> Result<()> {
        self.resolve_field(&[id.to_owned()], resolution).map(drop)
    }

    /// What settling a conflict changes: the record's field, or its folio.
    fn plan_resolution(&self, id: &str, resolution: &Resolution) -> Result<Plan> {
        let found: Option<(String, String, String, Value)> = self
            .conn()
            .query_row(
                "SELECT target_table, target_id, col, lost_value FROM conflicts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (table, target, col, lost) = found.ok_or_else(|| StoreError::NotFound {
            table: "conflicts".into(),
            id: id.into(),
        })?;
        if self.conflict_field(&table, &col).is_none() {
            return Err(StoreError::ConflictTarget {
                id: id.to_owned(),
                table,
                col,
            });
        }
        let renumber = if col == "folio" && *resolution != Resolution::KeepCurrent {
            let (year, current): (Option<i64>, String) = self.conn().query_row(
                "SELECT folio_year, folio FROM drafts WHERE id = ?1",
                [&target],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            // The office's prefix as the folio has it (`CS` unless configured otherwise).
            let prefix = match current.rsplitn(3, '/').nth(2) {
                Some(p) if !p.is_empty() => p.to_owned(),
                _ => crate::domain::folio::PREFIX.to_owned(),
            };
            let highest: Option<i64> = self.conn().query_row(
                "SELECT max(folio_number) FROM drafts WHERE folio_year = ?1",
                params![year],
                |r| r.get(0),
            )?;
            year.map(|y| {
                let y = y as i32;
                let folio = Folio::next(
                    y,
                    highest.map(|n| Folio {
                        year: y,
                        number: n.max(0) as u32,
                    }),
                );
                (folio, prefix)
            })
        } else {
            None
        };
        Ok(Plan {
            table,
            target,
            col,
            lost,
            renumber,
        })
    }
}

/// What settling a conflict will write.
struct Plan {
    table: String,
    target: String,
    col: String,
    lost: Value,
    renumber: Option<(Folio, String)>,
}

fn apply_resolution(
    w: &mut super::write::Writer<'_>,
    plan: &Plan,
    resolution: &Resolution,
) -> Result<()> {
    match (resolution, &plan.renumber) {
        (_, Some((folio, prefix))) => {
            w.update(
                "drafts",
                &plan.target,
                &[
                    ("folio", Value::Text(folio.with_prefix(prefix))),
                    ("folio_number", Value::Integer(folio.number as i64)),
                ],
            )?;
        }
        (Resolution::KeepCurrent, None) => {}
        (Resolution::TakeLost, None) => {
            w.update(
                &plan.table,
                &plan.target,
                &[(plan.col.as_str(), plan.lost.clone())],
            )?;
        }
        (Resolution::Edited(text), None) => {
            w.update(
                &plan.table,
                &plan.target,
                &[(plan.col.as_str(), Value::Text(text.clone()))],
            )?;
        }
    }
    Ok(())
}
