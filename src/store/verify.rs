//! A check of the store's own invariant: every row of every replicated table is exactly what its
//! ops give (per field, the value of the op with the highest clock), and a column no op wrote
//! holds its schema default. Nothing may be in a table that the log cannot give.
use std::collections::BTreeMap;

use rusqlite::params;

use super::error::Result;
use super::{Store, Value};

/// A stored value as `pragma_table_info` writes a default.
fn as_default(value: &Value) -> Value {
    match value {
        Value::Integer(n) => Value::Text(n.to_string()),
        Value::Text(s) => Value::Text(format!("'{s}'")),
        other => other.clone(),
    }
}

impl Store {
    /// Every difference between the tables and the fold of the ops, described; empty when
    /// the database is whole.
    pub fn verify_fold(&self) -> Result<Vec<String>> {
        let mut folded: BTreeMap<(String, String, String), (i64, Value)> = BTreeMap::new();
        {
            let mut stmt = self
                .conn()
                .prepare("SELECT tbl, row_id, col, hlc, value, replica FROM ops")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let key = (r.get(0)?, r.get(1)?, r.get(2)?);
                let clock: i64 = r.get(3)?;
                let value: Value = r.get(4)?;
                let entry = folded.entry(key).or_insert((i64::MIN, Value::Null));
                if clock >= entry.0 {
                    *entry = (clock, value);
                }
            }
        }
        let mut problems = Vec::new();
        for (table, cols) in &self.tables {
            let fields: Vec<&String> = cols
                .iter()
                .filter(|c| !["id", "created_at", "updated_at"].contains(&c.as_str()))
                .collect();
            let mut defaults: BTreeMap<&String, Value> = BTreeMap::new();
            for col in &fields {
                let default: Value = self.conn().query_row(
                    "SELECT dflt_value FROM pragma_table_info(?1) WHERE name = ?2",
                    params![table, col],
                    |r| r.get(0),
                )?;
                defaults.insert(col, default);
            }
            let sql = format!(
                "SELECT id, {} FROM {table}",
                fields
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut stmt = self.conn().prepare(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let existence = (table.clone(), id.clone(), "deleted_at".to_owned());
                if !folded.contains_key(&existence) {
                    problems.push(format!("{table} {id}: no ops"));
                }
                for (i, col) in fields.iter().enumerate() {
                    let value: Value = r.get(i + 1)?;
                    let key = (table.clone(), id.clone(), (*col).clone());
                    match folded.get(&key) {
                        Some((_, v)) if *v == value => {}
                        Some((_, v)) => problems
                            .push(format!("{table}.{col} of {id}: {value:?}, ops say {v:?}")),
                        None if defaults.get(col) == Some(&as_default(&value)) => {}
                        None => problems.push(format!("{table}.{col} of {id}: set without an op")),
                    }
                }
            }
        }
        Ok(problems)
    }
}
