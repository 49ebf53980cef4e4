//! Time zones of an iCalendar file: a TZID names an IANA zone ("America/Mexico_City", also
//! behind a prefix such as "/mozilla.org/20050126_1/America/New_York"), a Windows zone
//! ("Central Standard Time (Mexico)", see [`super::windows_zones`]), or a zone the file
//! describes itself in a VTIMEZONE, whose offsets are used when the name is neither.
use std::collections::HashMap;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

use super::windows_zones::iana_for_windows;

/// A zone a TZID resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Zone {
    Iana(Tz),
    /// A zone described only by the file's own VTIMEZONE.
    Custom(CustomZone),
}

/// The observances (STANDARD, DAYLIGHT) of a VTIMEZONE that names no known zone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomZone {
    pub observances: Vec<Observance>,
}

/// One STANDARD or DAYLIGHT part: from its onsets on, local time is UTC + `offset_to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Observance {
    /// First onset, local time (before the change).
    pub start: NaiveDateTime,
    pub offset_from: i32,
    pub offset_to: i32,
    /// A yearly rule: month, and the nth weekday of it (negative: from the end).
    pub yearly: Option<(u32, i16, Weekday)>,
    /// The last onset of the rule, if it ends.
    pub until: Option<NaiveDateTime>,
    /// Extra onsets (RDATE), local time.
    pub extra: Vec<NaiveDateTime>,
}

/// The zone an IANA name or a Windows name stands for, without looking at the file.
pub fn known_zone(tzid: &str) -> Option<Tz> {
    let name = tzid.trim().trim_matches('"');
    if let Ok(tz) = Tz::from_str(name) {
        return Some(tz);
    }
    if let Some(iana) = iana_for_windows(name) {
        return Tz::from_str(iana).ok();
    }
    // A vendor prefix before an IANA name: try every tail of the path.
    let parts: Vec<&str> = name.split('/').collect();
    (1..parts.len()).find_map(|i| Tz::from_str(&parts[i..].join("/")).ok())
}

/// Resolves a file's TZIDs: known names first, then the file's own VTIMEZONEs.
#[derive(Debug, Clone, Default)]
pub struct Zones {
    custom: HashMap<String, CustomZone>,
}

impl Zones {
    pub fn add_custom(&mut self, tzid: &str, zone: CustomZone) {
        self.custom.insert(tzid.trim().to_owned(), zone);
    }

    pub fn resolve(&self, tzid: &str) -> Option<Zone> {
        if let Some(tz) = known_zone(tzid) {
            return Some(Zone::Iana(tz));
        }
        self.custom
            .get(tzid.trim())
            .filter(|z| !z.observances.is_empty())
            .map(|z| Zone::Custom(z.clone()))
    }
}

impl Zone {
    /// The instant a local time in this zone is (a time skipped by a change forward is read
    /// as after it; a repeated one as its first).
    pub fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Iana(tz) => local_to_utc(tz, local),
            Zone::Custom(c) => {
                let offset = FixedOffset::east_opt(c.offset_at(local))?;
                offset
                    .from_local_datetime(&local)
                    .single()
                    .map(|d| d.with_timezone(&Utc))
            }
        }
    }
}

/// A local time of an IANA zone as an instant, stepping over a gap of a change forward.
pub fn local_to_utc(tz: &Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    for step in [0, 30, 60, 90, 120] {
        if let Some(d) = tz
            .from_local_datetime(&(local + Duration::minutes(step)))
            .earliest()
        {
            return Some(d.with_timezone(&Utc));
        }
    }
    None
}

impl CustomZone {
    /// Seconds east of UTC in effect at a local time: the observance with the latest onset
    /// at or before it (the earliest observance's "from" offset before any onset).
    pub fn offset_at(&self, local: NaiveDateTime) -> i32 {
        let mut best: Option<(NaiveDateTime, i32)> = None;
        for o in &self.observances {
            if let Some(onset) = o.last_onset_before(local) {
                if best.is_none_or(|(b, _)| onset > b) {
                    best = Some((onset, o.offset_to));
                }
            }
        }
        match best {
            Some((_, offset)) => offset,
            None => self
                .observances
                .iter()
                .min_by_key(|o| o.start)
                .map(|o| o.offset_from)
                .unwrap_or(0),
        }
    }
}

impl Observance {
    fn last_onset_before(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        let mut candidates: Vec<NaiveDateTime> = vec![self.start];
        candidates.extend(self.extra.iter().copied());
        if let Some((month, nth, weekday)) = self.yearly {
            for year in [local.year() - 1, local.year()] {
                if year < self.start.year() {
                    continue;
                }
                if let Some(day) = nth_weekday(year, month, nth, weekday) {
                    let onset = day.and_time(self.start.time());
                    if self.until.is_none_or(|u| onset <= u) {
                        candidates.push(onset);
                    }
                }
            }
        }
        candidates
            .into_iter()
            .filter(|c| *c <= local && *c >= self.start)
            .max()
    }
}

/// The nth `weekday` of a month (n < 0 counts from the end; -1 = the last).
pub fn nth_weekday(year: i32, month: u32, nth: i16, weekday: Weekday) -> Option<NaiveDate> {
    if nth == 0 {
        return None;
    }
    if nth > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(nth).ok()?)
    } else {
        let first_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let mut day = first_next.pred_opt()?;
        while day.weekday() != weekday {
            day = day.pred_opt()?;
        }
        day.checked_sub_signed(Duration::weeks(i64::from(-nth - 1)))
            .filter(|d| d.month() == month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn iana_windows_and_prefixed_names() {
        assert_eq!(
            known_zone("America/Mexico_City"),
            Some(Tz::America__Mexico_City)
        );
        assert_eq!(
            known_zone("Central Standard Time (Mexico)"),
            Some(Tz::America__Mexico_City)
        );
        assert_eq!(
            known_zone("W. Europe Standard Time"),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(
            known_zone("/mozilla.org/20050126_1/America/New_York"),
            Some(Tz::America__New_York)
        );
        assert_eq!(known_zone("Hora de Marte"), None);
    }

    /// A US-style custom zone: daylight from the 2nd Sunday of March, standard from the 1st
    /// Sunday of November.
    fn custom() -> CustomZone {
        CustomZone {
            observances: vec![
                Observance {
                    start: at("1970-11-01T02:00"),
                    offset_from: -4 * 3600,
                    offset_to: -5 * 3600,
                    yearly: Some((11, 1, Weekday::Sun)),
                    until: None,
                    extra: vec![],
                },
                Observance {
                    start: at("1970-03-08T02:00"),
                    offset_from: -5 * 3600,
                    offset_to: -4 * 3600,
                    yearly: Some((3, 2, Weekday::Sun)),
                    until: None,
                    extra: vec![],
                },
            ],
        }
    }

    #[test]
    fn custom_zone_offsets_follow_its_rules() {
        let z = custom();
        assert_eq!(z.offset_at(at("2024-01-15T10:00")), -5 * 3600);
        assert_eq!(z.offset_at(at("2024-07-15T10:00")), -4 * 3600);
        assert_eq!(z.offset_at(at("2024-03-10T01:00")), -5 * 3600);
        assert_eq!(z.offset_at(at("2024-03-10T03:00")), -4 * 3600);
        assert_eq!(z.offset_at(at("2024-11-03T03:00")), -5 * 3600);
        let utc = Zone::Custom(z).to_utc(at("2024-07-15T10:00")).unwrap();
        assert_eq!(utc.naive_utc(), at("2024-07-15T14:00"));
    }

    #[test]
    fn last_and_nth_weekdays() {
        assert_eq!(
            nth_weekday(2024, 10, -1, Weekday::Sun),
            NaiveDate::from_ymd_opt(2024, 10, 27)
        );
        assert_eq!(
            nth_weekday(2024, 3, 2, Weekday::Sun),
            NaiveDate::from_ymd_opt(2024, 3, 10)
        );
        assert_eq!(nth_weekday(2024, 2, 5, Weekday::Mon), None);
    }

    #[test]
    fn a_skipped_local_time_is_read_after_the_gap() {
        let tz = Tz::America__New_York;
        let utc = local_to_utc(&tz, at("2024-03-10T02:30")).unwrap();
        assert_eq!(utc.naive_utc(), at("2024-03-10T07:00"));
    }
}
