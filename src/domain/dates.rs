//! Dates and times as people type them: `06/03/2025`, `6/3`, `2025-03-06`, `6 de marzo`,
//! `hoy`, `mañana`, `pasado mañana`, `ayer`, `lunes` (the next Monday), `próximo viernes`,
//! and `10:30`, `10`, `5 pm`, `17.30`. Spanish first, English words too; accents optional.
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use super::text::fold;

const WEEKDAYS: [(&[&str], Weekday); 7] = [
    (&["lunes", "monday", "lun"], Weekday::Mon),
    (&["martes", "tuesday", "mar"], Weekday::Tue),
    (&["miercoles", "wednesday", "mie"], Weekday::Wed),
    (&["jueves", "thursday", "jue"], Weekday::Thu),
    (&["viernes", "friday", "vie"], Weekday::Fri),
    (&["sabado", "saturday", "sab"], Weekday::Sat),
    (&["domingo", "sunday", "dom"], Weekday::Sun),
];

const MONTHS: [&[&str]; 12] = [
    &["enero", "january", "ene", "jan"],
    &["febrero", "february", "feb"],
    &["marzo", "march", "mar"],
    &["abril", "april", "abr", "apr"],
    &["mayo", "may"],
    &["junio", "june", "jun"],
    &["julio", "july", "jul"],
    &["agosto", "august", "ago", "aug"],
    &["septiembre", "setiembre", "september", "sep", "sept"],
    &["octubre", "october", "oct"],
    &["noviembre", "november", "nov"],
    &["diciembre", "december", "dic", "dec"],
];

fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u32 + 1)
}

/// The years a date of the office's may fall in: earlier or later is a typing mistake.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A year as typed: two digits are this century's ("25" is 2025), four are themselves
/// ("0001" is the year 1, which no agenda holds); anything else is not a year.
fn typed_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    match y.len() {
        1 | 2 => Some(full_year(n)),
        4 => Some(n),
        _ => None,
    }
}

/// A two-digit year is this century's.
fn full_year(y: i32) -> i32 {
    if (0..100).contains(&y) {
        2000 + y
    } else {
        y
    }
}

/// The date a person meant, relative to `today`; `None` when the text is not a date, or is one
/// outside [`YEARS`].
pub fn parse_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    any_date(text, today).filter(|d| YEARS.contains(&d.year()))
}

fn any_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let folded = fold(text.trim());
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !["el", "la", "de", "del", "next", "this"].contains(w))
        .collect();
    match words.as_slice() {
        [] => return None,
        ["hoy"] | ["today"] => return Some(today),
        ["manana"] | ["tomorrow"] => return Some(today + Duration::days(1)),
        ["pasado", "manana"] => return Some(today + Duration::days(2)),
        ["ayer"] | ["yesterday"] => return Some(today - Duration::days(1)),
        ["proximo" | "proxima", day] | [day] if weekday(day).is_some() => {
            let target = weekday(day)?;
            let ahead = (7 + target.num_days_from_monday() as i64
                - today.weekday().num_days_from_monday() as i64)
                % 7;
            return Some(today + Duration::days(if ahead == 0 { 7 } else { ahead }));
        }
        _ => {}
    }
    // "6 marzo [2025]" (after dropping "de").
    if let [day, month, rest @ ..] = words.as_slice() {
        if let (Ok(d), Some(m)) = (day.parse::<u32>(), month_number(month)) {
            let year = match rest {
                [] => today.year(),
                [y] => typed_year(y)?,
                _ => return None,
            };
            return NaiveDate::from_ymd_opt(year, m, d);
        }
    }
    let t = text.trim();
    if t.len() == 10 && t.as_bytes()[4] == b'-' {
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Some(d);
        }
    }
    // d/m[/y] with / - or . between.
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let num = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [d, m] => NaiveDate::from_ymd_opt(today.year(), num(m)? as u32, num(d)? as u32),
        // The year first, unpadded: "2025-3-6".
        [y, m, d] if y.len() == 4 && d.len() <= 2 => {
            NaiveDate::from_ymd_opt(num(y)?, num(m)? as u32, num(d)? as u32)
        }
        [d, m, y] => {
            num(y)?;
            NaiveDate::from_ymd_opt(typed_year(y)?, num(m)? as u32, num(d)? as u32)
        }
        _ => None,
    }
}

/// Days of the week as typed: "lunes y miércoles", "lun, mie, vie", "martes jueves".
/// `None` when a word is not a day (or no day is named).
pub fn parse_weekdays(text: &str) -> Option<Vec<Weekday>> {
    let folded = fold(text);
    let mut days = Vec::new();
    for word in folded
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '/')
        .filter(|w| !w.is_empty() && !["y", "e", "and"].contains(w))
    {
        let day = weekday(word)?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    (!days.is_empty()).then_some(days)
}

fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(names, _)| names.contains(&word))
        .map(|(_, day)| *day)
}

/// A time of day as typed: `10:30`, `10`, `1030`, `17.30`, `5 pm`, `5:30pm`, `10 h`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = fold(text.trim()).replace(' ', "");
    let (t, pm, am) = if let Some(x) = t.strip_suffix("pm").or_else(|| t.strip_suffix("p.m.")) {
        (x.to_owned(), true, false)
    } else if let Some(x) = t.strip_suffix("am").or_else(|| t.strip_suffix("a.m.")) {
        (x.to_owned(), false, true)
    } else {
        (t.trim_end_matches(['h', 's']).to_owned(), false, false)
    };
    let (h, m) = match t.split_once([':', '.']) {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None if t.len() == 3 || t.len() == 4 => {
            let n: u32 = t.parse().ok()?;
            (n / 100, n % 100)
        }
        None => (t.parse::<u32>().ok()?, 0),
    };
    let h = match (h, pm, am) {
        (12, false, true) => 0,
        (1..=11, true, _) => h + 12,
        (13..=23, _, true) => return None,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Thursday 6 March 2025.
    fn today() -> NaiveDate {
        d(2025, 3, 6)
    }

    #[test]
    fn the_year_first_may_come_unpadded() {
        assert_eq!(parse_date("2025-3-6", today()), Some(d(2025, 3, 6)));
        assert_eq!(parse_date("2025/12/31", today()), Some(d(2025, 12, 31)));
        assert_eq!(parse_date("2025-13-1", today()), None);
        // Day first still reads as before.
        assert_eq!(parse_date("6-3-2025", today()), Some(d(2025, 3, 6)));
    }

    #[test]
    fn years_out_of_any_agenda_are_not_dates() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 6).unwrap();
        assert_eq!(parse_date("1/1/0001", today), None);
        assert_eq!(parse_date("31/12/9999", today), None);
        assert_eq!(parse_date("1/1/202", today), None);
        assert_eq!(parse_date("6 de marzo de 0025", today), None);
        assert_eq!(
            parse_date("1/1/25", today),
            NaiveDate::from_ymd_opt(2025, 1, 1)
        );
        assert_eq!(
            parse_date("1/1/1999", today),
            NaiveDate::from_ymd_opt(1999, 1, 1)
        );
    }

    #[test]
    fn words_in_spanish_with_or_without_accents() {
        assert_eq!(parse_date("hoy", today()), Some(today()));
        assert_eq!(parse_date("Mañana", today()), Some(d(2025, 3, 7)));
        assert_eq!(parse_date("manana", today()), Some(d(2025, 3, 7)));
        assert_eq!(parse_date("pasado mañana", today()), Some(d(2025, 3, 8)));
        assert_eq!(parse_date("ayer", today()), Some(d(2025, 3, 5)));
        assert_eq!(parse_date("tomorrow", today()), Some(d(2025, 3, 7)));
    }

    #[test]
    fn a_weekday_is_the_next_one() {
        assert_eq!(parse_date("lunes", today()), Some(d(2025, 3, 10)));
        assert_eq!(parse_date("el viernes", today()), Some(d(2025, 3, 7)));
        assert_eq!(parse_date("próximo jueves", today()), Some(d(2025, 3, 13)));
        assert_eq!(parse_date("Miércoles", today()), Some(d(2025, 3, 12)));
        assert_eq!(parse_date("sabado", today()), Some(d(2025, 3, 8)));
    }

    #[test]
    fn numeric_dates_day_first() {
        assert_eq!(parse_date("06/03/2025", today()), Some(today()));
        assert_eq!(parse_date("7/3", today()), Some(d(2025, 3, 7)));
        assert_eq!(parse_date("1-4-25", today()), Some(d(2025, 4, 1)));
        assert_eq!(parse_date("2025-03-20", today()), Some(d(2025, 3, 20)));
        assert_eq!(parse_date("31/02/2025", today()), None);
        assert_eq!(parse_date("32/1", today()), None);
    }

    #[test]
    fn day_and_month_names() {
        assert_eq!(parse_date("15 de marzo", today()), Some(d(2025, 3, 15)));
        assert_eq!(
            parse_date("2 de abril de 2026", today()),
            Some(d(2026, 4, 2))
        );
        assert_eq!(parse_date("1 dic", today()), Some(d(2025, 12, 1)));
    }

    #[test]
    fn junk_is_not_a_date() {
        for junk in [
            "",
            "   ",
            "mañanita",
            "13/13/13",
            "hoy mañana",
            "🙂",
            "9999999/1",
        ] {
            assert_eq!(parse_date(junk, today()), None, "{junk}");
        }
    }

    #[test]
    fn times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("10:30"), t(10, 30));
        assert_eq!(parse_time("10"), t(10, 0));
        assert_eq!(parse_time("930"), t(9, 30));
        assert_eq!(parse_time("17.30"), t(17, 30));
        assert_eq!(parse_time("5 pm"), t(17, 0));
        assert_eq!(parse_time("5:30pm"), t(17, 30));
        assert_eq!(parse_time("12 am"), t(0, 0));
        assert_eq!(parse_time("10 h"), t(10, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("diez"), None);
        assert_eq!(parse_time(""), None);
    }
}
