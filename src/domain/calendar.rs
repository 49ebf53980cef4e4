//! Calendar arithmetic for the agenda's views: weeks start on Monday (as in Mexico), months
//! are shown as whole weeks, and moving by months keeps the day where the month has it.
use chrono::{Datelike, Duration, Months, NaiveDate};

/// The Monday of the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    add_days(day, -(day.weekday().num_days_from_monday() as i64))
}

/// The first day of the month of `day`.
pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The weeks a month view shows: from the Monday on or before the 1st to the Sunday on or
/// after the last day (exclusive end), so 4 to 6 whole weeks.
pub fn month_grid(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = month_start(day);
    let next = first.checked_add_months(Months::new(1)).unwrap_or(first);
    let start = week_start(first);
    let last = add_days(next, -1);
    let end = add_days(week_start(last), 7);
    (start, end)
}

/// `day` moved by `months` (either way); a day the month has not (31 → 30 April) becomes its
/// last day. At the ends of the calendar the day stays where it is.
pub fn add_months(day: NaiveDate, months: i32) -> NaiveDate {
    let by = Months::new(months.unsigned_abs());
    let moved = if months >= 0 {
        day.checked_add_months(by)
    } else {
        day.checked_sub_months(by)
    };
    moved.unwrap_or(day)
}

/// `day` moved by `days` (either way), staying put at the ends of the calendar.
pub fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_signed(Duration::days(days)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d(2025, 3, 6)), d(2025, 3, 3));
        assert_eq!(week_start(d(2025, 3, 3)), d(2025, 3, 3));
        assert_eq!(week_start(d(2025, 3, 9)), d(2025, 3, 3));
    }

    #[test]
    fn a_month_is_whole_weeks() {
        // March 2025: Saturday 1st to Monday 31st: six weeks.
        assert_eq!(month_grid(d(2025, 3, 6)), (d(2025, 2, 24), d(2025, 4, 7)));
        // February 2021 starts on a Monday and has 28 days: four weeks.
        assert_eq!(month_grid(d(2021, 2, 10)), (d(2021, 2, 1), d(2021, 3, 1)));
    }

    #[test]
    fn months_keep_the_day_or_take_the_last() {
        assert_eq!(add_months(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(add_months(d(2025, 3, 6), -1), d(2025, 2, 6));
        assert_eq!(add_months(d(2025, 12, 15), 1), d(2026, 1, 15));
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MIN, -1), NaiveDate::MIN);
        let (a, b) = month_grid(NaiveDate::MAX);
        assert!(a <= b);
    }
}
