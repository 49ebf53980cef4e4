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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{delete, insert};
    use crate::store::{OpenOptions, Value};

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    fn department(store: &mut Store, id: &str, name: &str, sort: i64, active: bool) {
        let fields = [
            ("name", text(name)),
            (
                "short_name",
                text(&name.chars().take(3).collect::<String>()),
            ),
            ("sort", Value::Integer(sort)),
            ("active", Value::Integer(active as i64)),
        ];
        insert(store, "departments", id, &fields).unwrap();
    }

    fn request(store: &mut Store, id: &str, dep: &str, sent: &str, due: &str, status: &str) {
        let fields = [
            ("department_id", text(dep)),
            ("subject", text(id)),
            ("sent_on", text(sent)),
            ("due_on", text(due)),
            ("status", text(status)),
        ];
        insert(store, "requests", id, &fields).unwrap();
    }

    fn report(store: &mut Store, id: &str, dep: &str, request: Option<&str>, at: &str) {
        let request = request.map(text).unwrap_or(Value::Null);
        let fields = [
            ("department_id", text(dep)),
            ("request_id", request),
            ("title", text(id)),
            ("received_at", text(at)),
        ];
        insert(store, "reports", id, &fields).unwrap();
    }

    #[test]
    fn each_number_of_the_figures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.sqlite");
        let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 3, 6).unwrap();
        // Obras comes after DIF by its order, though not by name; Cultura is inactive and
        // quiet, Deporte inactive but with a report this month; Tránsito is deleted.
        department(&mut store, "obras", "Obras Públicas", 2, true);
        department(&mut store, "dif", "DIF Municipal", 1, true);
        department(&mut store, "cultura", "Cultura", 3, false);
        department(&mut store, "deporte", "Deporte", 4, false);
        department(&mut store, "transito", "Tránsito", 5, true);
        delete(&mut store, "departments", "transito").unwrap();

        // Obras: three requests answered in 2, 5 and 9 days (one of them twice: 5 and 20),
        // one pending and overdue, one pending due today, one pending with no due date, one
        // overdue but cancelled, one overdue but deleted.
        request(
            &mut store,
            "q1",
            "obras",
            "2025-01-06",
            "2025-01-10",
            "answered",
        );
        request(
            &mut store,
            "q2",
            "obras",
            "2025-02-03",
            "2025-02-07",
            "answered",
        );
        request(
            &mut store,
            "q3",
            "obras",
            "2025-03-01",
            "2025-03-04",
            "answered",
        );
        request(
            &mut store,
            "q4",
            "obras",
            "2025-02-24",
            "2025-03-05",
            "pending",
        );
        request(
            &mut store,
            "q5",
            "obras",
            "2025-03-03",
            "2025-03-06",
            "pending",
        );
        request(&mut store, "q6", "obras", "2025-03-03", "", "pending");
        request(
            &mut store,
            "q7",
            "obras",
            "2025-02-01",
            "2025-02-05",
            "cancelled",
        );
        request(
            &mut store,
            "q8",
            "obras",
            "2025-02-01",
            "2025-02-05",
            "pending",
        );
        delete(&mut store, "requests", "q8").unwrap();
        report(&mut store, "r1", "obras", Some("q1"), "2025-01-08T10:00");
        report(&mut store, "r2", "obras", Some("q2"), "2025-02-08T12:00");
        report(&mut store, "r3", "obras", Some("q2"), "2025-02-23T09:00");
        report(&mut store, "r4", "obras", Some("q3"), "2025-03-10T16:45");
        // Not this month: the last day of February, the first of April.
        report(&mut store, "r5", "obras", None, "2025-02-28T23:59");
        report(&mut store, "r6", "obras", None, "2025-04-01T00:00");
        // Deleted: not counted, not the latest.
        report(&mut store, "r7", "obras", None, "2025-03-20T09:00");
        delete(&mut store, "reports", "r7").unwrap();
        // A report dated before its request counts as 0 days.
        request(
            &mut store,
            "q9",
            "dif",
            "2025-03-02",
            "2025-03-03",
            "pending",
        );
        request(
            &mut store,
            "q10",
            "dif",
            "2025-03-02",
            "2025-03-09",
            "answered",
        );
        report(&mut store, "r8", "dif", Some("q10"), "2025-03-01T09:00");
        report(&mut store, "r9", "deporte", None, "2025-03-02T09:00");

        // A new file holds the usual departments already: only these are looked at.
        let ours = ["obras", "dif", "cultura", "deporte", "transito"];
        let rows: Vec<DepartmentFigures> = store
            .department_figures(today)
            .unwrap()
            .into_iter()
            .filter(|r| ours.contains(&r.id.as_str()))
            .collect();
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["dif", "obras", "deporte"]);

        let obras = &rows[1];
        assert_eq!(obras.name, "Obras Públicas");
        assert_eq!(obras.last_report.as_deref(), Some("2025-04-01T00:00"));
        assert_eq!(obras.this_month, 1, "r4 only");
        assert_eq!(obras.pending, 3, "q4, q5, q6");
        assert_eq!(obras.overdue, 1, "q4 only");
        // 2, 5, 20, 9 days: the median of four is the mean of 5 and 9.
        assert_eq!(obras.median_days, Some(7.0));

        let dif = &rows[0];
        assert_eq!(
            (dif.this_month, dif.pending, dif.overdue),
            (1, 1, 1),
            "{dif:?}"
        );
        assert_eq!(dif.median_days, Some(0.0));

        let deporte = &rows[2];
        assert!(!deporte.active);
        assert_eq!((deporte.this_month, deporte.overdue), (1, 0));
        assert_eq!(deporte.median_days, None);
        assert_eq!(deporte.last_report.as_deref(), Some("2025-03-02T09:00"));

        // One department alone reads the same; a quiet inactive one too; a deleted one not.
        assert_eq!(
            store.figures_for("obras", today).unwrap().as_ref(),
            Some(obras)
        );
        let cultura = store.figures_for("cultura", today).unwrap().unwrap();
        assert_eq!(
            (cultura.this_month, cultura.pending, cultura.last_report),
            (0, 0, None)
        );
        assert_eq!(store.figures_for("transito", today).unwrap(), None);

        // The next day, q5 is overdue too.
        let tomorrow = today.succ_opt().unwrap();
        let obras = store.figures_for("obras", tomorrow).unwrap().unwrap();
        assert_eq!(obras.overdue, 2);
    }
}
