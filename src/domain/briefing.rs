//! The morning briefing (the Hoy tab and `prensa resumen`): what the team reviews every day,
//! as read from the store for one date. Plain data: the console draws it, the command line
//! prints it as text, Markdown, HTML or JSON.
use chrono::{Datelike, Duration, NaiveDate};

use super::agenda::AgendaEvent;
use super::status::{Channel, DraftKind, MaterialKind, MediaRequestKind};

/// How many days the publications' sparkline covers (up to the day before the briefing's).
pub const SPARK_DAYS: i64 = 14;

/// Everything the morning meeting reviews for `date`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Briefing {
    pub date: NaiveDate,
    /// The day's events: those nobody covers first, then by time.
    pub today: Vec<AgendaEvent>,
    /// The next day's, in the agenda's order.
    pub tomorrow: Vec<AgendaEvent>,
    /// Reports received and not yet used or discarded, by department (the most first).
    pub reports: Vec<WaitingReports>,
    pub reports_total: u64,
    /// Pieces waiting for approval, the oldest first.
    pub approvals: Vec<PieceLine>,
    pub approvals_total: u64,
    /// Pieces scheduled to come out on the day (and not out yet), by time.
    pub scheduled: Vec<PieceLine>,
    pub scheduled_total: u64,
    /// Departments whose requests are past due, the longest overdue first.
    pub owing: Vec<Owing>,
    /// Material the office owes past the day it was needed.
    pub material_late: Vec<MaterialLate>,
    pub material_late_total: u64,
    /// Requests from the media still open, the most urgent first.
    pub media: Vec<MediaOpen>,
    pub media_total: u64,
    /// What came out the day before, by channel then time.
    pub published: Vec<Published>,
    pub published_total: u64,
    /// Publications per channel the day before (every channel with at least one).
    pub published_by_channel: Vec<(Channel, u64)>,
    /// Sync conflicts waiting for someone to decide.
    pub conflicts: u64,
    /// Publications per day over the [`SPARK_DAYS`] days before `date`, oldest first.
    pub spark: Vec<(NaiveDate, u64)>,
    /// Publications per department this month (up to `date`) and the whole month before.
    pub balance: Vec<Balance>,
}

/// One department's reports waiting to be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WaitingReports {
    pub department_id: String,
    pub department: String,
    pub count: u64,
    /// The newest of them.
    pub latest: Vec<ReportLine>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportLine {
    pub id: String,
    pub title: String,
    pub received_at: String,
}

/// A piece waiting for approval, or scheduled for the day.
#[derive(Debug, Clone, PartialEq)]
pub struct PieceLine {
    pub id: String,
    pub title: String,
    pub kind: DraftKind,
    /// When it was written (waiting for approval) or is to come out (scheduled).
    pub at: String,
    pub department: String,
}

/// A department that owes information past its due date.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Owing {
    pub department_id: String,
    pub department: String,
    pub overdue: u64,
    /// Its most overdue request.
    pub request_id: String,
    pub subject: String,
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MaterialLate {
    pub id: String,
    pub department: String,
    pub kind: MaterialKind,
    pub title: String,
    pub needed_by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MediaOpen {
    pub id: String,
    /// The journalist, or the outlet when no journalist is named.
    pub who: String,
    pub kind: MediaRequestKind,
    pub topic: String,
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub id: String,
    pub channel: Channel,
    pub published_at: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Balance {
    pub department_id: String,
    pub department: String,
    pub this_month: u64,
    pub last_month: u64,
}

impl Briefing {
    /// The day's events nobody covers.
    pub fn uncovered(&self) -> usize {
        self.today.iter().filter(|e| e.uncovered()).count()
    }

    pub fn uncovered_tomorrow(&self) -> usize {
        self.tomorrow.iter().filter(|e| e.uncovered()).count()
    }

    /// The first day of the month of the briefing, and of the month before.
    pub fn months(&self) -> (NaiveDate, NaiveDate) {
        month_starts(self.date)
    }

    /// The largest count of the balance, either month (its bars' scale).
    pub fn balance_max(&self) -> u64 {
        self.balance
            .iter()
            .map(|b| b.this_month.max(b.last_month))
            .max()
            .unwrap_or(0)
    }

    /// Departments with no publication so far this month.
    pub fn unpublished(&self) -> impl Iterator<Item = &Balance> {
        self.balance.iter().filter(|b| b.this_month == 0)
    }
}

/// Orders a day's events for the briefing: those nobody covers first, each part by time.
pub fn uncovered_first(events: &mut [AgendaEvent]) {
    // A stable sort keeps the agenda's order (all-day first, then by start) within each part.
    events.sort_by_key(|e| !e.uncovered());
}

/// The first day of `date`'s month, and of the month before.
pub fn month_starts(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date.with_day(1).unwrap_or(date);
    let previous = (first - Duration::days(1)).with_day(1).unwrap_or(first);
    (first, previous)
}

/// The [`SPARK_DAYS`] days before `date`, oldest first, each with its count from `counts`
/// (`YYYY-MM-DD`, count), zero where it has none.
pub fn spark_days(date: NaiveDate, counts: &[(String, u64)]) -> Vec<(NaiveDate, u64)> {
    (1..=SPARK_DAYS)
        .rev()
        .map(|back| {
            let day = date - Duration::days(back);
            let key = day.format("%Y-%m-%d").to_string();
            let n = counts
                .iter()
                .find(|(d, _)| *d == key)
                .map_or(0, |(_, n)| *n);
            (day, n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_start_on_the_first_even_across_a_year() {
        assert_eq!(month_starts(d(2025, 3, 6)), (d(2025, 3, 1), d(2025, 2, 1)));
        assert_eq!(
            month_starts(d(2025, 1, 31)),
            (d(2025, 1, 1), d(2024, 12, 1))
        );
        assert_eq!(month_starts(d(2025, 3, 1)), (d(2025, 3, 1), d(2025, 2, 1)));
    }

    #[test]
    fn the_sparkline_covers_the_fourteen_days_before_with_zeros() {
        let days = spark_days(
            d(2025, 3, 6),
            &[("2025-03-05".into(), 4), ("2025-02-20".into(), 1)],
        );
        assert_eq!(days.len(), 14);
        assert_eq!(days.first(), Some(&(d(2025, 2, 20), 1)));
        assert_eq!(days.last(), Some(&(d(2025, 3, 5), 4)));
        assert_eq!(days.iter().map(|(_, n)| n).sum::<u64>(), 5);
    }
}
