//! Dates as the user reads them: "lunes 6 de marzo de 2023", "Monday, March 6, 2023".
use chrono::{Datelike, NaiveDate, Weekday};

use super::{lang, Lang};

const WEEKDAYS_ES: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn weekday_name(day: Weekday) -> &'static str {
    let i = day.num_days_from_monday() as usize;
    match lang() {
        Lang::Es => WEEKDAYS_ES[i],
        Lang::En => WEEKDAYS_EN[i],
    }
}

/// The Spanish name of a month 1–12, whatever the interface language (the demo's data).
pub fn spanish_month(month: u32) -> &'static str {
    MONTHS_ES
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// Month name for a month number 1–12 (anything else gives an empty string).
pub fn month_name(month: u32) -> &'static str {
    let i = (month as usize).wrapping_sub(1);
    match lang() {
        Lang::Es => MONTHS_ES.get(i).copied().unwrap_or(""),
        Lang::En => MONTHS_EN.get(i).copied().unwrap_or(""),
    }
}

/// "lunes 6 de marzo de 2023" / "Monday, March 6, 2023".
pub fn long_date(date: NaiveDate) -> String {
    let weekday = weekday_name(date.weekday());
    let month = month_name(date.month());
    match lang() {
        Lang::Es => format!("{weekday} {} de {month} de {}", date.day(), date.year()),
        Lang::En => format!("{weekday}, {month} {}, {}", date.day(), date.year()),
    }
}

/// "mar", "Tue": a weekday in three letters, for a calendar's column heads.
pub fn weekday_short(day: Weekday) -> String {
    weekday_name(day).chars().take(3).collect()
}

/// "marzo de 2025" / "March 2025".
pub fn month_year(date: NaiveDate) -> String {
    let month = month_name(date.month());
    match lang() {
        Lang::Es => format!("{month} de {}", date.year()),
        Lang::En => format!("{month} {}", date.year()),
    }
}

/// The week from Monday `start` to the Sunday after: "semana del 3 al 9 de marzo de 2025",
/// "semana del 24 de febrero al 2 de marzo de 2025" / "week of March 3–9, 2025".
pub fn week_range(start: NaiveDate) -> String {
    let end = start
        .checked_add_signed(chrono::Duration::days(6))
        .unwrap_or(start);
    let (m1, m2) = (month_name(start.month()), month_name(end.month()));
    let (d1, d2) = (start.day(), end.day());
    let (y1, y2) = (start.year(), end.year());
    match lang() {
        Lang::Es if y1 != y2 => {
            format!("Semana del {d1} de {m1} de {y1} al {d2} de {m2} de {y2}")
        }
        Lang::Es if m1 != m2 => format!("Semana del {d1} de {m1} al {d2} de {m2} de {y2}"),
        Lang::Es => format!("Semana del {d1} al {d2} de {m2} de {y2}"),
        Lang::En if y1 != y2 => format!("Week of {m1} {d1}, {y1} – {m2} {d2}, {y2}"),
        Lang::En if m1 != m2 => format!("Week of {m1} {d1} – {m2} {d2}, {y2}"),
        Lang::En => format!("Week of {m1} {d1}–{d2}, {y2}"),
    }
}

/// "06/03/2023" (es) or "2023-03-06" (en): compact, for list columns.
pub fn short_date(date: NaiveDate) -> String {
    match lang() {
        Lang::Es => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_date_in_spanish() {
        let d = NaiveDate::from_ymd_opt(2023, 3, 6).unwrap();
        assert_eq!(long_date(d), "lunes 6 de marzo de 2023");
        assert_eq!(short_date(d), "06/03/2023");
    }

    #[test]
    fn weeks_and_months_in_spanish() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            week_range(d(2025, 3, 3)),
            "Semana del 3 al 9 de marzo de 2025"
        );
        assert_eq!(
            week_range(d(2025, 2, 24)),
            "Semana del 24 de febrero al 2 de marzo de 2025"
        );
        assert_eq!(
            week_range(d(2024, 12, 30)),
            "Semana del 30 de diciembre de 2024 al 5 de enero de 2025"
        );
        assert_eq!(month_year(d(2025, 3, 6)), "marzo de 2025");
        assert_eq!(weekday_short(Weekday::Wed), "mié");
    }
}

fn parse_local(text: &str) -> Option<(NaiveDate, Option<String>)> {
    let date = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let time = text.get(11..16).filter(|t| t.len() == 5).map(str::to_owned);
    Some((date, time))
}

/// A local date or date-time kept as `YYYY-MM-DD[THH:MM]`, compact: "06/03/2023 10:30".
/// Text that is not such a date is returned as it is.
pub fn stamp(text: &str) -> String {
    match parse_local(text) {
        Some((date, Some(time))) => format!("{} {time}", short_date(date)),
        Some((date, None)) => short_date(date),
        None => text.to_owned(),
    }
}

/// The same, in full: "lunes 6 de marzo de 2023, 10:30".
pub fn stamp_long(text: &str) -> String {
    match parse_local(text) {
        Some((date, Some(time))) => format!("{}, {time}", long_date(date)),
        Some((date, None)) => long_date(date),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod stamp_tests {
    use super::*;

    #[test]
    fn stamps_read_local_text() {
        assert_eq!(stamp("2023-03-06T10:30"), "06/03/2023 10:30");
        assert_eq!(stamp("2023-03-06"), "06/03/2023");
        assert_eq!(
            stamp_long("2023-03-06T10:30"),
            "lunes 6 de marzo de 2023, 10:30"
        );
        assert_eq!(stamp("no es fecha"), "no es fecha");
        assert_eq!(stamp("ñ"), "ñ");
    }
}
