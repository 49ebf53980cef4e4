//! Recomputing rows from their ops, and finding conflicts: what a merge does to every row it
//! touches. Per field, the op with the highest (clock, replica id) wins; a tombstone wins over
//! older edits, not newer ones; an op that lost to a concurrent op with another value is a
//! conflict, and so is a press-release folio held by two live drafts.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{params, Connection, OptionalExtension};

use super::error::Result;
use super::{iso_time, Value};
use crate::domain::ids::seed_id;

/// One op of a field while recomputing a row.
struct FieldOp {
    clock: u64,
    replica: String,
    value: Value,
    parents: Option<String>,
}

impl FieldOp {
    fn order(&self) -> (u64, &str) {
        (self.clock, self.replica.as_str())
    }
}

pub(crate) type NewConflict = (String, Vec<(&'static str, Value)>);

/// The ops of one field that lost to a concurrent op with another value: for every pair of ops
/// neither of which descends from the other (through the values each replaced), the lower of
/// the two. A function of the set of ops alone, and growing with it: whatever order merges
/// happen in, the same conflicts are found.
fn concurrent_losers(ops: &[FieldOp], tombstones: bool) -> Vec<&FieldOp> {
    let index: HashMap<String, usize> = ops
        .iter()
        .enumerate()
        .map(|(i, o)| (format!("{}@{}", o.replica, o.clock), i))
        .collect();
    let parents: Vec<Vec<usize>> = ops
        .iter()
        .map(|o| {
            o.parents
                .as_deref()
                .unwrap_or("")
                .split(' ')
                .filter_map(|p| index.get(p).copied())
                .collect()
        })
        .collect();
    let ancestors: Vec<BTreeSet<usize>> = (0..ops.len())
        .map(|i| {
            let mut seen = BTreeSet::new();
            let mut todo = parents[i].clone();
            while let Some(j) = todo.pop() {
                if seen.insert(j) {
                    todo.extend(parents[j].iter().copied());
                }
            }
            seen
        })
        .collect();
    let mut out = Vec::new();
    for (x, op) in ops.iter().enumerate() {
        let lost = ops.iter().enumerate().any(|(y, other)| {
            other.order() > op.order()
                && !same_decision(tombstones, &other.value, &op.value)
                && !ancestors[y].contains(&x)
                && !ancestors[x].contains(&y)
        });
        if lost {
            out.push(op);
        }
    }
    out
}

/// Whether two values of a field say the same thing. For `deleted_at`, two tombstones are one
/// decision, whatever time each carries.
fn same_decision(tombstones: bool, a: &Value, b: &Value) -> bool {
    if tombstones {
        (*a == Value::Null) == (*b == Value::Null)
    } else {
        a == b
    }
}

/// Columns whose value the store derives from other records (a publication's department, from
/// its piece's links): the latest write stands and concurrent ones are never a conflict to put
/// before a person, who edited nothing there.
const DERIVED: &[(&str, &str)] = &[
    ("publications", "department_id"),
    ("publications", "insights_on"),
    ("questions", "answered_at"),
];

/// Recomputes one row from all its ops; returns the conflicts found in it.
pub(crate) fn rematerialize(
    conn: &Connection,
    cols: &[String],
    table: &str,
    id: &str,
) -> Result<Vec<NewConflict>> {
    let mut fields: BTreeMap<String, Vec<FieldOp>> = BTreeMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT o.col, o.hlc, r.id, o.value, o.parents
             FROM ops o JOIN replicas r ON r.n = o.replica WHERE o.tbl = ?1 AND o.row_id = ?2",
        )?;
        let mut rows = stmt.query([table, id])?;
        while let Some(r) = rows.next()? {
            fields.entry(r.get(0)?).or_default().push(FieldOp {
                clock: r.get::<_, i64>(1)?.max(0) as u64,
                replica: r.get(2)?,
                value: r.get(3)?,
                parents: r.get(4)?,
            });
        }
    }
    let mut winners: Vec<(&str, &FieldOp)> = Vec::new();
    let mut conflicts = Vec::new();
    let (mut first, mut last) = (u64::MAX, 0u64);
    for (col, ops) in &fields {
        let Some(col) = cols.iter().find(|c| *c == col) else {
            continue;
        };
        let Some(winner) = ops.iter().max_by(|a, b| a.order().cmp(&b.order())) else {
            continue;
        };
        for op in ops {
            first = first.min(op.clock);
            last = last.max(op.clock);
        }
        let derived = DERIVED.contains(&(table, col.as_str()));
        for loser in concurrent_losers(ops, col == "deleted_at")
            .into_iter()
            .filter(|_| !derived)
        {
            let conflict_id = seed_id("conflict", &format!("{}:{}", loser.replica, loser.clock));
            conflicts.push((
                conflict_id,
                vec![
                    ("target_table", Value::Text(table.to_owned())),
                    ("target_id", Value::Text(id.to_owned())),
                    ("col", Value::Text(col.clone())),
                    ("lost_value", loser.value.clone()),
                    ("lost_clock", Value::Integer(loser.clock as i64)),
                    ("lost_replica", Value::Text(loser.replica.clone())),
                ],
            ));
        }
        winners.push((col.as_str(), winner));
    }
    if winners.is_empty() {
        return Ok(conflicts);
    }
    // A tombstone wins over older edits, not newer ones.
    let tombstone = winners
        .iter()
        .find(|(c, _)| *c == "deleted_at")
        .map(|(_, w)| w.order());
    let newest_edit = winners
        .iter()
        .filter(|(c, _)| *c != "deleted_at")
        .map(|(_, w)| w.order())
        .max();
    let revived = matches!((tombstone, newest_edit), (Some(t), Some(e)) if e > t);

    let exists: Option<i64> = conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    if exists.is_none() {
        conn.prepare_cached(&format!(
            "INSERT INTO {table} (id, created_at, updated_at) VALUES (?1, '', '')"
        ))?
        .execute([id])?;
    }
    let mut sql = format!("UPDATE {table} SET created_at = ?1, updated_at = ?2");
    let mut values = vec![Value::Text(iso_time(first)), Value::Text(iso_time(last))];
    for (col, op) in &winners {
        values.push(if *col == "deleted_at" && revived {
            Value::Null
        } else {
            op.value.clone()
        });
        sql.push_str(&format!(", {col} = ?{}", values.len()));
    }
    values.push(Value::Text(id.to_owned()));
    sql.push_str(&format!(" WHERE id = ?{}", values.len()));
    conn.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(conflicts)
}

/// Two live drafts holding one folio (each machine numbered its own press release): the one
/// whose folio was written later must be renumbered; the collision is listed as a conflict.
pub(crate) fn folio_collisions(
    conn: &Connection,
    touched: &[(String, String)],
) -> Result<Vec<NewConflict>> {
    let mut out = Vec::new();
    for (_, id) in touched.iter().filter(|(t, _)| t == "drafts") {
        let mine: Option<(i64, i64, String)> = conn
            .prepare_cached(
                "SELECT folio_year, folio_number, folio FROM drafts
                 WHERE id = ?1 AND deleted_at IS NULL
                 AND typeof(folio_year) = 'integer' AND typeof(folio_number) = 'integer'",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((year, number, folio)) = mine else {
            continue;
        };
        let others: Vec<String> = conn
            .prepare_cached(
                "SELECT id FROM drafts WHERE folio_year = ?1 AND folio_number = ?2
                 AND deleted_at IS NULL AND id <> ?3",
            )?
            .query_map(params![year, number, id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for other in others {
            let clock_of = |draft: &str| -> rusqlite::Result<(i64, String)> {
                conn.query_row(
                    "SELECT o.hlc, r.id FROM ops o JOIN replicas r ON r.n = o.replica
                     WHERE o.tbl = 'drafts' AND o.row_id = ?1 AND o.col = 'folio_number'
                     ORDER BY o.hlc DESC, r.id DESC LIMIT 1",
                    [draft],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
            };
            let (a, b) = (clock_of(id)?, clock_of(&other)?);
            let (later, earlier, (clock, replica)) = if a > b {
                (id.clone(), other, a)
            } else {
                (other, id.clone(), b)
            };
            let conflict_id = seed_id("folio", &format!("{year}/{number}:{later}"));
            out.push((
                conflict_id,
                vec![
                    ("target_table", Value::Text("drafts".into())),
                    ("target_id", Value::Text(later)),
                    ("col", Value::Text("folio".into())),
                    ("lost_value", Value::Text(format!("{folio} = {earlier}"))),
                    ("lost_clock", Value::Integer(clock)),
                    ("lost_replica", Value::Text(replica)),
                ],
            ));
        }
    }
    Ok(out)
}

/// Recomputes every row whose id appears in more than one table's ops, each from its own
/// table's ops (what a migration does for files synced while ops were matched by id alone).
/// Conflicts are not searched for here: the rows only get back the values their ops give.
pub(crate) fn heal_mixed_ids(conn: &Connection) -> rusqlite::Result<()> {
    let tables = super::schema::replicated_tables(conn)?;
    let mixed: Vec<(String, String)> = conn
        .prepare(
            "SELECT DISTINCT tbl, row_id FROM ops WHERE row_id IN
             (SELECT row_id FROM ops GROUP BY row_id HAVING count(DISTINCT tbl) > 1)
             ORDER BY tbl, row_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (table, id) in mixed {
        let Some(cols) = tables.get(&table) else {
            continue;
        };
        rematerialize(conn, cols, &table, &id).map_err(|e| match e {
            super::StoreError::Sqlite(e) => e,
            other => rusqlite::Error::ToSqlConversionFailure(Box::new(other)),
        })?;
    }
    Ok(())
}
