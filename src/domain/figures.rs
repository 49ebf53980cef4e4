//! A department's figures: how it answers the office (the Reportes tab's Cifras view and the
//! department's detail). Plain numbers; the store reads them, the rules of the dates are here.
use chrono::{Datelike, NaiveDate};

/// One department's figures as of a day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DepartmentFigures {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub active: bool,
    /// When its latest report came (local `YYYY-MM-DDTHH:MM`); none if none ever came.
    pub last_report: Option<String>,
    /// Reports received in the calendar month of the day.
    pub this_month: u32,
    /// Requests still pending.
    pub pending: u32,
    /// Of those, the ones past their due date on the day ("vencidas").
    pub overdue: u32,
    /// Median days from a request being sent to each report that answers it.
    pub median_days: Option<f64>,
}

impl DepartmentFigures {
    /// Its short name, or its name when it has none.
    pub fn label(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }

    /// Whether it belongs among the figures: active, or with something to say this month.
    pub fn shown(&self) -> bool {
        self.active || self.this_month > 0 || self.overdue > 0
    }
}

/// The first day of `day`'s month and the first day of the next.
pub fn month_bounds(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (first, next)
}

/// Whole days from a request sent on `sent_on` (`YYYY-MM-DD`) to a report received at
/// `received_at` (`YYYY-MM-DD[THH:MM]`); a report dated before its request counts as the same
/// day. `None` when either is not a date.
pub fn days_to_answer(sent_on: &str, received_at: &str) -> Option<i64> {
    let sent = NaiveDate::parse_from_str(sent_on.get(..10)?, "%Y-%m-%d").ok()?;
    let received = NaiveDate::parse_from_str(received_at.get(..10)?, "%Y-%m-%d").ok()?;
    Some((received - sent).num_days().max(0))
}

/// What the figures add up to: departments shown, reports this month, overdue requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FiguresTotals {
    pub departments: usize,
    pub this_month: u64,
    pub overdue: u64,
}

pub fn totals(rows: &[DepartmentFigures]) -> FiguresTotals {
    FiguresTotals {
        departments: rows.len(),
        this_month: rows.iter().map(|r| u64::from(r.this_month)).sum(),
        overdue: rows.iter().map(|r| u64::from(r.overdue)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_month_runs_from_its_first_day_to_the_next_months() {
        assert_eq!(
            month_bounds(d("2025-03-06")),
            (d("2025-03-01"), d("2025-04-01"))
        );
        assert_eq!(
            month_bounds(d("2024-12-31")),
            (d("2024-12-01"), d("2025-01-01"))
        );
    }

    #[test]
    fn days_to_answer_count_whole_days_and_never_below_zero() {
        assert_eq!(days_to_answer("2025-03-01", "2025-03-04T17:30"), Some(3));
        assert_eq!(days_to_answer("2025-03-01", "2025-03-01T08:00"), Some(0));
        assert_eq!(days_to_answer("2025-03-05", "2025-03-01T08:00"), Some(0));
        assert_eq!(days_to_answer("", "2025-03-01T08:00"), None);
        assert_eq!(days_to_answer("2025-03-01", "ayer"), None);
    }

    #[test]
    fn inactive_departments_show_only_with_something_to_say() {
        let quiet = DepartmentFigures {
            active: false,
            ..DepartmentFigures::default()
        };
        assert!(!quiet.shown());
        assert!(DepartmentFigures {
            this_month: 1,
            ..quiet.clone()
        }
        .shown());
        assert!(DepartmentFigures {
            overdue: 1,
            ..quiet
        }
        .shown());
    }
}
