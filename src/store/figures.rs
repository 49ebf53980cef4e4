//! The departments' figures (the Reportes tab's Cifras and a department's detail): a few
//! grouped, indexed reads whatever the size of the file — the latest report and this month's
//! through `reports_by_department`, pending requests through `requests_by_status`, the days to
//! answer through `reports_by_request` — put together per department here.
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::error::Result;
use super::Store;
use crate::domain::figures::{days_to_answer, month_bounds, DepartmentFigures};
use crate::domain::requests::{median_days, overdue};

/// Every live department (or only the one `?3` names) with its latest report and how many came
/// from `?1` up to `?2` (this month).
const DEPARTMENTS: &str = "
    SELECT d.id, d.name, d.short_name, d.active,
           (SELECT r.received_at FROM reports r
             WHERE r.department_id = d.id AND r.received_at <> '' AND r.deleted_at IS NULL
             ORDER BY r.received_at DESC LIMIT 1),
           (SELECT count(*) FROM reports r
             WHERE r.department_id = d.id AND r.received_at >= ?1 AND r.received_at < ?2
               AND r.deleted_at IS NULL)
    FROM departments d
    WHERE d.deleted_at IS NULL AND (?3 IS NULL OR d.id = ?3)
    ORDER BY d.sort, d.name, d.id";

/// The pending requests: their department and due date.
const PENDING: &str = "
    SELECT department_id, due_on FROM requests
    WHERE status = 'pending' AND deleted_at IS NULL AND department_id IS NOT NULL
      AND (?1 IS NULL OR department_id = ?1)";

/// Each live report that answers a live request: the request's department, when it was sent,
/// when the report came. From the requests (a few per department a month) to their reports,
/// never over all the reports: `CROSS JOIN` keeps that order.
const ANSWERS: &str = "
    SELECT q.department_id, q.sent_on, r.received_at
    FROM requests q CROSS JOIN reports r ON r.request_id = q.id
    WHERE q.deleted_at IS NULL AND r.deleted_at IS NULL AND q.department_id IS NOT NULL
      AND (?1 IS NULL OR q.department_id = ?1)";

impl Store {
    /// The figures of every department worth showing on `today`: the active ones and those
    /// with reports this month or overdue requests, in the departments' order.
    pub fn department_figures(&self, today: NaiveDate) -> Result<Vec<DepartmentFigures>> {
        let rows = self.figures_of(None, today)?;
        Ok(rows.into_iter().filter(DepartmentFigures::shown).collect())
    }

    /// One department's figures on `today` (none when it is gone).
    pub fn figures_for(&self, id: &str, today: NaiveDate) -> Result<Option<DepartmentFigures>> {
        Ok(self.figures_of(Some(id), today)?.into_iter().next())
    }

    fn figures_of(&self, only: Option<&str>, today: NaiveDate) -> Result<Vec<DepartmentFigures>> {
        let (first, next) = month_bounds(today);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let conn = self.conn();
        let mut rows = conn
            .prepare_cached(DEPARTMENTS)?
            .query_map(params![day(first), day(next), only], |r| {
                Ok(DepartmentFigures {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    short_name: r.get(2)?,
                    active: r.get(3)?,
                    last_report: r.get(4)?,
                    this_month: r.get(5)?,
                    ..DepartmentFigures::default()
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let at: HashMap<String, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();

        let mut stmt = conn.prepare_cached(PENDING)?;
        let mut pending = stmt.query(params![only])?;
        while let Some(r) = pending.next()? {
            let department: String = r.get(0)?;
            let due_on: String = r.get(1)?;
            if let Some(row) = at.get(&department).and_then(|i| rows.get_mut(*i)) {
                row.pending += 1;
                if overdue(&due_on, today) {
                    row.overdue += 1;
                }
            }
        }

        let mut days: HashMap<String, Vec<i64>> = HashMap::new();
        let mut stmt = conn.prepare_cached(ANSWERS)?;
        let mut answers = stmt.query(params![only])?;
        while let Some(r) = answers.next()? {
            let department: String = r.get(0)?;
            let sent_on: String = r.get(1)?;
            let received_at: String = r.get(2)?;
            if let Some(n) = days_to_answer(&sent_on, &received_at) {
                days.entry(department).or_default().push(n);
            }
        }
        for row in &mut rows {
            row.median_days = days.remove(&row.id).and_then(median_days);
        }
        Ok(rows)
    }
}
