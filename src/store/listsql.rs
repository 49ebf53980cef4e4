//! The SQL of a list: its rows after a key (keyset, on an index), narrowed by a search (read
//! the way [`super::searchplan`] chose) and by filters, and its count up to a cap.
use rusqlite::params_from_iter;

use super::error::Result;
use super::searchplan::{Plan, Search};
use super::{Store, Value};
use crate::domain::query::{Query, COUNT_CAP};
use crate::domain::PageRequest;

/// One list: what it selects and from where (live rows only), how it is sorted, and which
/// columns its search and filters use.
pub(crate) struct ListQuery {
    pub select: &'static str,
    pub from: &'static str,
    pub alias: &'static str,
    pub key: &'static str,
    pub desc: bool,
    /// The full-text index of the list's text.
    pub fts: Option<&'static str>,
    /// Whose text the index holds: the list's own rows (`None`), or the rows of another table
    /// linked by a column: (column, table), e.g. a publication's draft.
    pub via: Option<(&'static str, &'static str)>,
    pub status: Option<&'static str>,
    pub kind: Option<&'static str>,
    pub department: Option<&'static str>,
    /// The date the from/to filters compare (local text), usually the sort key.
    pub date: Option<&'static str>,
    /// The due date of rows that can be overdue: the "overdue" status filter keeps the
    /// pending ones due before [`Filters::overdue_on`](crate::domain::query::Filters).
    pub due: Option<&'static str>,
}

/// SQL conditions and their values. Parameters are numbered from `base` + 1, so several
/// lists can share one statement.
#[derive(Default)]
pub(crate) struct Conditions {
    pub sql: String,
    pub values: Vec<Value>,
    pub base: usize,
}

impl Conditions {
    /// Adds a condition whose one `?` is `value`.
    pub fn add(&mut self, template: &str, value: Value) {
        let n = self.push(value);
        self.sql.push_str(&template.replace('?', &format!("?{n}")));
    }

    /// Adds a value; returns its parameter number.
    pub fn push(&mut self, value: Value) -> usize {
        self.values.push(value);
        self.base + self.values.len()
    }
}

/// The direction to read in SQL terms for a request on a list.
pub(crate) fn direction(list_desc: bool, req: &PageRequest) -> (&'static str, &'static str) {
    if req.forward != list_desc {
        (">", "ASC")
    } else {
        ("<", "DESC")
    }
}

impl ListQuery {
    /// The search condition (`?` is the expression).
    fn search_condition(&self, fts: &str, plan: Plan) -> String {
        let matches = format!("SELECT rowid FROM {fts} WHERE {fts} MATCH ?");
        match (self.via, plan) {
            (None, Plan::Collect) => format!(" AND {}.rowid IN ({matches})", self.alias),
            // `+` keeps SQLite from reading by the set: the list's index leads.
            (None, Plan::ScanSet) => format!(" AND +{}.rowid IN ({matches})", self.alias),
            (None, Plan::ScanProbe) => format!(
                " AND EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH ? AND {fts}.rowid = {}.rowid)",
                self.alias
            ),
            (Some((col, table)), Plan::Collect) => {
                format!(" AND {col} IN (SELECT t.id FROM {table} t WHERE t.rowid IN ({matches}))")
            }
            // The linked row's rowid, looked up by its id: a set of numbers is cheap to build
            // and to ask, a set of ids is not (35,000 matches: 5 ms against 40 ms).
            (Some((col, table)), Plan::ScanSet) => {
                format!(" AND +(SELECT t.rowid FROM {table} t WHERE t.id = {col}) IN ({matches})")
            }
            (Some((col, table)), Plan::ScanProbe) => format!(
                " AND EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH ?
                   AND {fts}.rowid = (SELECT t.rowid FROM {table} t WHERE t.id = {col}))"
            ),
        }
    }

    /// The WHERE conditions of a search and the query's filters (after `deleted_at IS NULL`).
    pub fn conditions(&self, q: &Query, search: Option<&Search>, base: usize) -> Conditions {
        let mut c = Conditions {
            base,
            ..Conditions::default()
        };
        if let (Some(fts), Some(s)) = (self.fts, search) {
            c.add(
                &self.search_condition(fts, s.plan),
                Value::Text(s.expr.clone()),
            );
        }
        let f = &q.filters;
        if let (Some(col), Some(v)) = (self.status, &f.status) {
            c.add(&format!(" AND {col} = ?"), Value::Text(v.clone()));
        }
        if let (Some(status), Some(due), Some(day)) = (self.status, self.due, f.overdue_on) {
            c.add(
                &format!(" AND {status} = 'pending' AND {due} <> '' AND {due} < ?"),
                Value::Text(day.format("%Y-%m-%d").to_string()),
            );
        }
        if let (Some(col), Some(v)) = (self.kind, &f.kind) {
            c.add(&format!(" AND {col} = ?"), Value::Text(v.clone()));
        }
        if let (Some(col), Some(v)) = (self.department, &f.department) {
            c.add(&format!(" AND {col} = ?"), Value::Text(v.id.clone()));
        }
        if let Some(col) = self.date {
            if let Some(from) = f.from {
                c.add(
                    &format!(" AND {col} >= ?"),
                    Value::Text(from.format("%Y-%m-%d").to_string()),
                );
            }
            if let Some(to) = f.to.and_then(|d| d.succ_opt()) {
                c.add(
                    &format!(" AND {col} < ?"),
                    Value::Text(to.format("%Y-%m-%d").to_string()),
                );
            }
        }
        c
    }

    /// The keyset part: rows after the request's key in the direction read, in order.
    pub fn keyset(&self, c: &mut Conditions, req: &PageRequest) -> String {
        let (cmp, ord) = direction(self.desc, req);
        let (key, id) = (self.key, format!("{}.id", self.alias));
        if let Some(after) = &req.after {
            let cmp = if req.inclusive {
                format!("{cmp}=")
            } else {
                cmp.to_owned()
            };
            let p1 = c.push(Value::Text(after.primary.clone()));
            let p2 = c.push(Value::Text(after.id.clone()));
            c.sql
                .push_str(&format!(" AND ({key}, {id}) {cmp} (?{p1}, ?{p2})"));
        }
        let limit = c.push(Value::Integer(req.limit as i64));
        format!(" ORDER BY {key} {ord}, {id} {ord} LIMIT ?{limit}")
    }

    /// A page of the list, its parameters numbered from `base` + 1; `extra` are conditions
    /// of the list itself (each with one `?` for its value).
    pub fn sql(
        &self,
        q: &Query,
        search: Option<&Search>,
        req: &PageRequest,
        extra: &[(String, Value)],
        base: usize,
    ) -> (String, Vec<Value>) {
        let mut c = self.conditions(q, search, base);
        for (condition, value) in extra {
            c.add(condition, value.clone());
        }
        let tail = self.keyset(&mut c, req);
        let sql = format!(
            "SELECT {} {} WHERE {}.deleted_at IS NULL{}{tail}",
            self.select, self.from, self.alias, c.sql
        );
        (sql, c.values)
    }

    /// Counts up to the cap. When a search matches many rows the full-text index leads (its
    /// matches in its order, each checked against the rest), so the count stops as soon as it
    /// passes the cap.
    pub fn count_sql(
        &self,
        q: &Query,
        search: Option<&Search>,
        extra: &[(String, Value)],
    ) -> (String, Vec<Value>) {
        let led = search.filter(|s| s.plan != Plan::Collect).zip(self.fts);
        let (from, mut c) = match led {
            Some((s, fts)) => {
                let mut c = Conditions::default();
                c.add(&format!(" AND {fts} MATCH ?"), Value::Text(s.expr.clone()));
                let rest = self.conditions(q, None, c.values.len());
                c.sql.push_str(&rest.sql);
                c.values.extend(rest.values);
                let from = match self.via {
                    None => {
                        c.sql
                            .push_str(&format!(" AND {}.rowid = {fts}.rowid", self.alias));
                        self.from
                            .replacen("FROM ", &format!("FROM {fts} CROSS JOIN "), 1)
                    }
                    Some((col, table)) => {
                        c.sql.push_str(&format!(" AND {col} = t.id"));
                        self.from.replacen(
                            "FROM ",
                            &format!("FROM {fts} CROSS JOIN {table} t ON t.rowid = {fts}.rowid CROSS JOIN "),
                            1,
                        )
                    }
                };
                (from, c)
            }
            None => (self.from.to_owned(), self.conditions(q, search, 0)),
        };
        for (condition, value) in extra {
            c.add(condition, value.clone());
        }
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 {from} WHERE {}.deleted_at IS NULL{} LIMIT {})",
            self.alias,
            c.sql,
            COUNT_CAP + 1
        );
        (sql, c.values)
    }
}

impl Store {
    /// Runs a count made by [`ListQuery::count_sql`].
    pub(crate) fn counted(&self, (sql, values): (String, Vec<Value>)) -> Result<u64> {
        let n: i64 = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(values), |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}
