//! Recurring events: which starts a series' rule gives. Rules are iCalendar RRULE values,
//! expanded in the zone they were written in (a weekly 10:00 meeting in New York stays at 10:00
//! there across daylight saving) and given back in the office's zone.
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rrule::{RRule, RRuleSet, Unvalidated};

use super::edit::SeriesInput;

/// The most occurrences one series writes.
pub const MAX_OCCURRENCES: u16 = 3000;

/// How far after today an open-ended rule is written out.
pub const HORIZON_DAYS: i64 = 731;

/// The format every local start is kept in.
pub const LOCAL: &str = "%Y-%m-%dT%H:%M";

/// A rule the series cannot be expanded with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// The zone is not an IANA name.
    Zone(String),
    /// A start that is not `YYYY-MM-DDTHH:MM`, or does not exist in the zone.
    Start(String),
    /// The RRULE itself (the parser's words, for the log; the user reads a plain message).
    Rule(String),
}

/// The zone a series is expanded in.
pub fn zone_of(series: &SeriesInput, office: Tz) -> Result<Tz, RuleError> {
    if series.zone.is_empty() {
        Ok(office)
    } else {
        series
            .zone
            .parse::<Tz>()
            .map_err(|_| RuleError::Zone(series.zone.clone()))
    }
}

/// A local time in `zone`; the earlier of two in a repeated hour, the hour after for one
/// that does not exist (a clock moved forward).
pub fn at(zone: Tz, local: NaiveDateTime) -> Option<DateTime<Tz>> {
    zone.from_local_datetime(&local).earliest().or_else(|| {
        zone.from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()
    })
}

fn parse_local(zone: Tz, text: &str) -> Result<DateTime<rrule::Tz>, RuleError> {
    NaiveDateTime::parse_from_str(text, LOCAL)
        .ok()
        .and_then(|l| at(zone, l))
        .map(|t| t.with_timezone(&rrule::Tz::Tz(zone)))
        .ok_or_else(|| RuleError::Start(text.to_owned()))
}

/// The rule with its UNTIL in UTC, as RFC 5545 asks when the start has a zone. Calendars (and
/// people) also write it as a local time or as a date (the whole day, in the series' zone).
fn until_in_utc(rule: &str, zone: Tz) -> String {
    rule.split(';')
        .map(|part| {
            let Some(value) = part.strip_prefix("UNTIL=") else {
                return part.to_owned();
            };
            let local = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S")
                .ok()
                .or_else(|| {
                    NaiveDate::parse_from_str(value, "%Y%m%d")
                        .ok()
                        .and_then(|d| d.and_hms_opt(23, 59, 59))
                });
            match local.and_then(|l| at(zone, l)) {
                Some(t) if !value.ends_with('Z') => format!(
                    "UNTIL={}",
                    t.with_timezone(&chrono::Utc).format("%Y%m%dT%H%M%SZ")
                ),
                _ => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The iCalendar code of a day of the week (BYDAY).
pub fn day_code(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "MO",
        Tue => "TU",
        Wed => "WE",
        Thu => "TH",
        Fri => "FR",
        Sat => "SA",
        Sun => "SU",
    }
}

/// The day of the week of an iCalendar code (BYDAY; an ordinal such as `1MO` is not a plain
/// day).
pub fn code_day(code: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    Some(match code {
        "MO" => Mon,
        "TU" => Tue,
        "WE" => Wed,
        "TH" => Thu,
        "FR" => Fri,
        "SA" => Sat,
        "SU" => Sun,
        _ => return None,
    })
}

/// A rule as a form shows it: how it repeats, and how it ends (a last day, or a number of
/// times; neither: open-ended).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleParts {
    /// The rule without UNTIL and COUNT, e.g. `FREQ=WEEKLY;BYDAY=MO`.
    pub base: String,
    pub until: Option<NaiveDate>,
    pub count: Option<u32>,
}

impl RuleParts {
    pub fn split(rule: &str) -> RuleParts {
        let mut parts = RuleParts::default();
        let mut base = Vec::new();
        for part in rule.split(';').filter(|p| !p.is_empty()) {
            if let Some(v) = part.strip_prefix("UNTIL=") {
                parts.until = v
                    .get(..8)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
            } else if let Some(v) = part.strip_prefix("COUNT=") {
                parts.count = v.parse().ok();
            } else {
                base.push(part);
            }
        }
        parts.base = base.join(";");
        parts
    }

    /// The rule again; a last day counts whole (its last second, in the series' zone).
    pub fn join(&self) -> String {
        let mut rule = self.base.clone();
        if let Some(u) = self.until {
            rule.push_str(&format!(";UNTIL={}T235959", u.format("%Y%m%d")));
        } else if let Some(n) = self.count {
            rule.push_str(&format!(";COUNT={n}"));
        }
        rule
    }

    /// (key, value) of each part of the base rule, e.g. ("FREQ", "WEEKLY").
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.base.split(';').filter_map(|p| p.split_once('='))
    }
}

/// Checks that a rule can be read (without expanding it). A COUNT or INTERVAL must be a
/// positive number: the rrule crate reads `COUNT=0` as no count at all (an endless series).
pub fn check_rule(rule: &str) -> bool {
    if rule.is_empty() {
        return true;
    }
    let positive = |key: &str| {
        rule.split(';')
            .filter_map(|p| p.split_once('='))
            .all(|(k, v)| k != key || v.parse::<u32>().is_ok_and(|n| n > 0))
    };
    positive("COUNT") && positive("INTERVAL") && rule.parse::<RRule<Unvalidated>>().is_ok()
}

/// The starts of the series' occurrences up to the end of `until` (inclusive), in the office's
/// zone, in order, at most [`MAX_OCCURRENCES`]. The first start is always one of them (as in
/// iCalendar, DTSTART is the first occurrence) unless it is excluded.
pub fn occurrences(
    series: &SeriesInput,
    office: Tz,
    until: NaiveDate,
) -> Result<Vec<NaiveDateTime>, RuleError> {
    let zone = zone_of(series, office)?;
    let start = parse_local(zone, &series.starts_at)?;
    if !check_rule(&series.rule) {
        return Err(RuleError::Rule(series.rule.clone()));
    }
    let mut set = if series.rule.is_empty() {
        RRuleSet::new(start)
    } else {
        until_in_utc(&series.rule, zone)
            .parse::<RRule<Unvalidated>>()
            .and_then(|r| r.build(start))
            .map_err(|e| RuleError::Rule(e.to_string()))?
    };
    if series.rule.is_empty() {
        set = set.rdate(start);
    }
    for rdate in &series.rdates {
        set = set.rdate(parse_local(zone, rdate)?);
    }
    for exdate in &series.exdates {
        set = set.exdate(parse_local(zone, exdate)?);
    }
    let end = until.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default());
    let end = at(zone, end)
        .map(|t| t.with_timezone(&rrule::Tz::Tz(zone)))
        .ok_or_else(|| RuleError::Start(end.to_string()))?;
    let found = set.before(end).all(MAX_OCCURRENCES);
    let mut out: Vec<NaiveDateTime> = found
        .dates
        .iter()
        .map(|d| d.with_timezone(&office).naive_local())
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::{EventKind, EventStatus};

    fn series(start: &str, rule: &str) -> SeriesInput {
        SeriesInput {
            uid: String::new(),
            title: "Reunión de gabinete".into(),
            starts_at: start.into(),
            ends_at: String::new(),
            all_day: false,
            zone: String::new(),
            rule: rule.into(),
            exdates: vec![],
            rdates: vec![],
            place: String::new(),
            locality: String::new(),
            department_id: None,
            kind: EventKind::Meeting,
            status: EventStatus::Scheduled,
            public: false,
            notes: String::new(),
        }
    }

    fn texts(v: &[NaiveDateTime]) -> Vec<String> {
        v.iter().map(|t| t.format(LOCAL).to_string()).collect()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekly_by_day_with_count_and_an_excluded_date() {
        let mut s = series("2025-03-03T10:00", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4");
        s.exdates = vec!["2025-03-05T10:00".into()];
        let got = occurrences(&s, chrono_tz::America::Mexico_City, day("2026-01-01")).unwrap();
        assert_eq!(
            texts(&got),
            ["2025-03-03T10:00", "2025-03-10T10:00", "2025-03-12T10:00"]
        );
    }

    #[test]
    fn open_ended_rules_stop_at_the_horizon() {
        let s = series("2025-03-06T09:00", "FREQ=DAILY");
        let got = occurrences(&s, chrono_tz::America::Mexico_City, day("2025-03-10")).unwrap();
        assert_eq!(got.len(), 5);
        let s = series("2025-01-31T09:00", "FREQ=MONTHLY;UNTIL=20250601T000000Z");
        let got = occurrences(&s, chrono_tz::America::Mexico_City, day("2030-01-01")).unwrap();
        // Months without a 31st have no occurrence, as RFC 5545 says.
        assert_eq!(
            texts(&got),
            ["2025-01-31T09:00", "2025-03-31T09:00", "2025-05-31T09:00"]
        );
    }

    #[test]
    fn a_rule_in_another_zone_keeps_its_own_clock() {
        let mut s = series("2025-03-03T10:00", "FREQ=WEEKLY;COUNT=2");
        s.zone = "America/New_York".into();
        // New York moves to daylight time on 9 March 2025; Mexico City no longer does.
        let got = occurrences(&s, chrono_tz::America::Mexico_City, day("2026-01-01")).unwrap();
        assert_eq!(texts(&got), ["2025-03-03T09:00", "2025-03-10T08:00"]);
    }

    #[test]
    fn an_end_in_local_time_is_read_in_the_series_zone() {
        let s = series("2025-03-06T18:00", "FREQ=DAILY;UNTIL=20250308T235959");
        let got = occurrences(&s, chrono_tz::America::Mexico_City, day("2030-01-01")).unwrap();
        assert_eq!(
            texts(&got),
            ["2025-03-06T18:00", "2025-03-07T18:00", "2025-03-08T18:00"]
        );
    }

    #[test]
    fn a_rule_splits_into_how_and_until_and_back() {
        let p = RuleParts::split("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250601T055959Z");
        assert_eq!(p.base, "FREQ=WEEKLY;BYDAY=MO,WE");
        assert_eq!(p.until, Some(day("2025-06-01")));
        assert_eq!(p.join(), "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250601T235959");
        let p = RuleParts::split("FREQ=DAILY;COUNT=5");
        assert_eq!((p.base.as_str(), p.count), ("FREQ=DAILY", Some(5)));
        assert_eq!(p.join(), "FREQ=DAILY;COUNT=5");
    }

    #[test]
    fn extra_dates_and_no_rule() {
        let mut s = series("2025-03-03T10:00", "");
        s.rdates = vec!["2025-04-01T12:00".into()];
        let got = occurrences(&s, chrono_tz::America::Mexico_City, day("2026-01-01")).unwrap();
        assert_eq!(texts(&got), ["2025-03-03T10:00", "2025-04-01T12:00"]);
    }

    #[test]
    fn nonsense_is_an_error_not_a_panic() {
        let s = series("2025-03-03T10:00", "FREQ=SOMETIMES");
        assert!(matches!(
            occurrences(&s, chrono_tz::UTC, day("2026-01-01")),
            Err(RuleError::Rule(_))
        ));
        assert!(!check_rule("FREQ=SOMETIMES"));
        assert!(!check_rule("FREQ=DAILY;COUNT=0"));
        assert!(!check_rule("FREQ=DAILY;COUNT=-5"));
        assert!(!check_rule("FREQ=WEEKLY;INTERVAL=0"));
        assert!(check_rule("FREQ=DAILY;COUNT=3;INTERVAL=2"));
        assert!(check_rule("FREQ=WEEKLY;BYDAY=MO"));
        let mut s = series("2025-03-03T10:00", "FREQ=DAILY");
        s.zone = "Mars/Olympus".into();
        assert!(occurrences(&s, chrono_tz::UTC, day("2026-01-01")).is_err());
        let s = series("2025-03-03T10:00", "FREQ=SECONDLY");
        let got = occurrences(&s, chrono_tz::UTC, day("2026-01-01")).unwrap();
        assert_eq!(got.len(), MAX_OCCURRENCES as usize);
    }
}
