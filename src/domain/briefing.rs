//! The morning briefing (the Hoy tab and `prensa resumen`): what the team reviews every day,
//! as read from the store for one date. Plain data: the console draws it, the command line
//! prints it as text, Markdown, HTML or JSON.
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::agenda::AgendaEvent;
use super::status::{
    Channel, ClippingKind, DraftKind, MaterialKind, MediaRequestKind, QuestionStatus,
};

/// How many days the publications' sparkline covers (up to the day before the briefing's).
pub const SPARK_DAYS: i64 = 14;
/// How long a citizen's question may wait for its answer before the briefing names it.
pub const QUESTION_WAIT_HOURS: i64 = 24;

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
    /// The local time (`YYYY-MM-DDTHH:MM`) questions are counted waiting up to: now, or the
    /// end of a day gone by.
    pub now: String,
    /// Negative notes of the media the office has not answered yet, the newest first.
    pub negative: Vec<NegativeNote>,
    pub negative_total: u64,
    /// Citizens' questions waiting more than [`QUESTION_WAIT_HOURS`], the oldest first.
    pub questions: Vec<WaitingQuestion>,
    pub questions_total: u64,
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

/// A negative clipping whose response piece is missing, or written and not out yet.
#[derive(Debug, Clone, PartialEq)]
pub struct NegativeNote {
    pub id: String,
    /// `YYYY-MM-DD`, or empty.
    pub published_on: String,
    pub outlet_id: String,
    pub outlet: String,
    pub kind: ClippingKind,
    pub title: String,
    /// Its response piece, written and not published yet; empty when it has none.
    pub response_id: String,
}

/// A citizen's question still open or routed, asked more than [`QUESTION_WAIT_HOURS`] ago.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingQuestion {
    pub id: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub asked_at: String,
    /// Whole hours from `asked_at` to the briefing's `now`.
    pub hours: u64,
    pub channel: Channel,
    pub question: String,
    pub status: QuestionStatus,
    pub department_id: String,
    /// The department it was routed to, or empty.
    pub department: String,
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

/// The moment questions are counted waiting up to for a briefing of `date`: the office's time
/// now (`local_now`, `YYYY-MM-DDTHH:MM`), or the end of `date` when that day is gone (a
/// briefing of the past reads as that evening; one of a day to come, as now).
pub fn waiting_until(date: NaiveDate, local_now: &str) -> NaiveDateTime {
    let end = (date + Duration::days(1)).and_time(chrono::NaiveTime::MIN);
    match NaiveDateTime::parse_from_str(local_now, "%Y-%m-%dT%H:%M") {
        Ok(now) => now.min(end),
        Err(_) => end,
    }
}

/// Whole hours from a local stamp `YYYY-MM-DDTHH:MM` (or a date) to `now` (0 for a stamp it
/// cannot read, or one to come).
pub fn hours_since(stamp: &str, now: NaiveDateTime) -> u64 {
    let at = stamp
        .get(..16)
        .and_then(|s| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").ok())
        // A date alone counts from its start.
        .or_else(|| {
            stamp
                .get(..10)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .map(|d| d.and_time(chrono::NaiveTime::MIN))
        });
    at.map_or(0, |at| (now - at).num_hours().max(0) as u64)
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
    fn questions_wait_until_now_or_the_end_of_a_day_gone_by() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        // Today: now.
        assert_eq!(
            waiting_until(d(2025, 3, 6), "2025-03-06T08:30"),
            at("2025-03-06T08:30")
        );
        // A day gone by: its end; a day to come: now.
        assert_eq!(
            waiting_until(d(2025, 3, 6), "2025-04-01T10:00"),
            at("2025-03-07T00:00")
        );
        assert_eq!(
            waiting_until(d(2025, 3, 9), "2025-03-06T08:30"),
            at("2025-03-06T08:30")
        );
        assert_eq!(waiting_until(d(2025, 3, 6), ""), at("2025-03-07T00:00"));
        let now = at("2025-03-06T08:30");
        assert_eq!(hours_since("2025-03-05T02:30", now), 30);
        assert_eq!(hours_since("2025-03-06T06:31", now), 1);
        assert_eq!(hours_since("2025-03-07T06:31", now), 0);
        assert_eq!(hours_since("2025-03-05", now), 32);
        assert_eq!(hours_since("ayer", now), 0);
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
