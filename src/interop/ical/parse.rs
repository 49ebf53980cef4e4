//! Reading a calendar file: calcard parses the text (folded lines, escapes, BOM, CRLF or LF);
//! this module turns each VEVENT into plain values in the office's time zone, or says, with its
//! line, why it cannot.
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use chrono_tz::Tz;

use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType as Kind, ICalendarEntry,
    ICalendarFrequency, ICalendarParameterName, ICalendarParameterValue, ICalendarPeriod,
    ICalendarProperty as Prop, ICalendarStatus, ICalendarValue, ICalendarValueType,
    ICalendarWeekday,
};
use calcard::{Entry, Parser};

use super::zones::{local_to_utc, CustomZone, Observance, Zone, Zones};
use super::ImportError;
use crate::i18n::{t, tf, Msg};

/// The largest file read (a calendar of many years is a few megabytes).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Local time text as the store keeps it.
pub const FORMAT: &str = "%Y-%m-%dT%H:%M";

/// How the calendar marks an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcalStatus {
    None,
    Tentative,
    Confirmed,
    Cancelled,
}

/// A repeating VEVENT's rule, in the zone it repeats in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// IANA name; "" = the office's zone.
    pub zone: String,
    pub starts_at: String,
    pub ends_at: String,
    pub rule: String,
    pub exdates: Vec<String>,
    pub rdates: Vec<String>,
}

/// One VEVENT, its times in the office's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcalEvent {
    pub line: usize,
    pub uid: String,
    /// RECURRENCE-ID: the original start of the occurrence it changes, office-zone text.
    pub recurrence_id: Option<String>,
    pub title: String,
    pub place: String,
    pub notes: String,
    pub status: IcalStatus,
    pub all_day: bool,
    pub starts_at: String,
    pub ends_at: String,
    pub repeat: Option<Repeat>,
}

/// What reading one VEVENT gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Event(Box<IcalEvent>),
    Skipped {
        line: usize,
        label: String,
        reason: String,
    },
}

/// Everything read from one file.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    pub events: Vec<Parsed>,
    pub notices: Vec<String>,
}

/// Text of a file: UTF-8 (with or without a BOM), else read as Windows-1252's Latin subset.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// The line structure of the text: where each VEVENT begins, and the first place where BEGIN
/// and END do not pair (for messages; calcard itself is lenient).
struct Outline {
    vevents: Vec<usize>,
    unclosed: Option<(String, usize)>,
}

fn outline(text: &str) -> Outline {
    let mut vevents = Vec::new();
    let mut stack: Vec<(String, usize)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.trim_end_matches('\r').trim_start_matches('\u{feff}');
        let upper = line.trim().to_ascii_uppercase();
        if let Some(name) = upper.strip_prefix("BEGIN:") {
            if name == "VEVENT" {
                vevents.push(i + 1);
            }
            stack.push((name.to_owned(), i + 1));
        } else if let Some(name) = upper.strip_prefix("END:") {
            if let Some(pos) = stack.iter().rposition(|(n, _)| n == name) {
                stack.truncate(pos);
            }
        }
    }
    Outline {
        vevents,
        unclosed: stack.pop(),
    }
}

/// Reads a calendar's text. A file that is not a calendar, or whose structure is broken, is
/// refused whole; events it cannot use are skipped one by one.
pub fn read(text: &str, office: Tz) -> Result<Calendar, ImportError> {
    let shape = outline(text);
    let mut parser = Parser::new(text);
    let mut calendars: Vec<ICalendar> = Vec::new();
    // Each call consumes input; the bound only guards against a parser that stops moving.
    for _ in 0..=text.len() {
        match parser.entry() {
            Entry::ICalendar(cal) => calendars.push(cal),
            Entry::Eof => break,
            Entry::InvalidLine(_) | Entry::VCard(_) => {}
            Entry::UnterminatedComponent(name) => {
                let line = shape.unclosed.as_ref().map(|(_, l)| *l);
                return Err(ImportError::Broken {
                    line,
                    reason: tf(Msg::IcalUnterminated, &[&name.to_uppercase()]),
                });
            }
            Entry::UnexpectedComponentEnd { expected, found } => {
                return Err(ImportError::Broken {
                    line: shape.unclosed.as_ref().map(|(_, l)| *l),
                    reason: tf(
                        Msg::IcalBadEnd,
                        &[&kind_name(&expected), &kind_name(&found)],
                    ),
                });
            }
            Entry::TooManyComponents => {
                return Err(ImportError::Broken {
                    line: None,
                    reason: t(Msg::IcalTooMany).to_owned(),
                })
            }
            _ => {}
        }
    }
    if calendars.is_empty() {
        return Err(ImportError::Broken {
            line: None,
            reason: t(Msg::IcalNotCalendar).to_owned(),
        });
    }
    let mut notices = Vec::new();
    // calcard closes what a file leaves open: an event cut short is refused all the same (its
    // end may be missing); a calendar whose last line is missing is read with a notice.
    if let Some((name, line)) = &shape.unclosed {
        if name == "VEVENT" {
            return Err(ImportError::Broken {
                line: Some(*line),
                reason: tf(Msg::IcalUnterminated, &[name]),
            });
        }
        notices.push(tf(Msg::IcalUnclosed, &[name, line]));
    }
    let components: Vec<&ICalendarComponent> =
        calendars.iter().flat_map(|c| c.components.iter()).collect();
    let mut zones = Zones::default();
    for cal in &calendars {
        for c in &cal.components {
            if c.component_type == Kind::VTimezone {
                if let Some(tzid) = text_of(c, &Prop::Tzid) {
                    zones.add_custom(&tzid, custom_zone(cal, c));
                }
            }
        }
    }
    let mut out = Calendar::default();
    let mut reader = Reader {
        office,
        zones: &zones,
        notices,
    };
    let mut nth = 0;
    for c in components {
        if c.component_type != Kind::VEvent {
            continue;
        }
        let line = shape.vevents.get(nth).copied().unwrap_or(0);
        nth += 1;
        out.events.push(reader.event(c, line));
    }
    out.notices = reader.notices;
    out.notices.dedup();
    Ok(out)
}

fn kind_name(kind: &Kind) -> String {
    format!("{kind:?}").to_uppercase()
}

/// The first value of a property as text, all its text values joined.
fn text_of(c: &ICalendarComponent, prop: &Prop) -> Option<String> {
    let entry = c.property(prop)?;
    let parts: Vec<&str> = entry.values.iter().filter_map(|v| v.as_text()).collect();
    if parts.is_empty() {
        None
    } else {
        Some(crate::domain::text::clean(&parts.join(",")))
    }
}

fn first_date(entry: &ICalendarEntry) -> Option<&PartialDateTime> {
    entry.values.iter().find_map(|v| v.as_partial_date_time())
}

fn tzid_of(entry: &ICalendarEntry) -> Option<String> {
    match entry.parameter(&ICalendarParameterName::Tzid)? {
        ICalendarParameterValue::Text(s) => Some(s.clone()),
        other => other.as_text().map(str::to_owned),
    }
}

fn is_date_value(entry: &ICalendarEntry) -> bool {
    matches!(
        entry.parameter(&ICalendarParameterName::Value),
        Some(ICalendarParameterValue::Value(ICalendarValueType::Date))
    )
}

fn offset_seconds(p: &PartialDateTime) -> Option<i32> {
    let h = i32::from(p.tz_hour?);
    let m = i32::from(p.tz_minute.unwrap_or(0));
    let secs = h * 3600 + m * 60;
    Some(if p.tz_minus { -secs } else { secs })
}

fn weekday(d: &ICalendarWeekday) -> Weekday {
    match d {
        ICalendarWeekday::Sunday => Weekday::Sun,
        ICalendarWeekday::Monday => Weekday::Mon,
        ICalendarWeekday::Tuesday => Weekday::Tue,
        ICalendarWeekday::Wednesday => Weekday::Wed,
        ICalendarWeekday::Thursday => Weekday::Thu,
        ICalendarWeekday::Friday => Weekday::Fri,
        ICalendarWeekday::Saturday => Weekday::Sat,
    }
}

fn naive(p: &PartialDateTime) -> Option<NaiveDateTime> {
    let date = NaiveDate::from_ymd_opt(i32::from(p.year?), u32::from(p.month?), u32::from(p.day?))?;
    let time = NaiveTime::from_hms_opt(
        u32::from(p.hour.unwrap_or(0)),
        u32::from(p.minute.unwrap_or(0)),
        u32::from(p.second.unwrap_or(0)).min(59),
    )?;
    Some(date.and_time(time))
}

/// A VTIMEZONE's observances.
fn custom_zone(cal: &ICalendar, tz: &ICalendarComponent) -> CustomZone {
    let mut zone = CustomZone::default();
    for id in &tz.component_ids {
        let Some(part) = cal.component_by_id(*id) else {
            continue;
        };
        if !matches!(part.component_type, Kind::Standard | Kind::Daylight) {
            continue;
        }
        let offset = |prop: &Prop| {
            part.property(prop)
                .and_then(first_date)
                .and_then(offset_seconds)
        };
        let Some(offset_to) = offset(&Prop::Tzoffsetto) else {
            continue;
        };
        let offset_from = offset(&Prop::Tzoffsetfrom).unwrap_or(offset_to);
        let start = part
            .property(&Prop::Dtstart)
            .and_then(first_date)
            .and_then(naive)
            .unwrap_or_default();
        let mut yearly = None;
        let mut until = None;
        if let Some(rule) = part.property(&Prop::Rrule).and_then(|e| {
            e.values.iter().find_map(|v| match v {
                ICalendarValue::RecurrenceRule(r) => Some(r),
                _ => None,
            })
        }) {
            if rule.freq == ICalendarFrequency::Yearly {
                let month = rule
                    .bymonth
                    .first()
                    .map(|m| u32::from(m.month()))
                    .unwrap_or_else(|| start.month());
                if let Some(day) = rule.byday.first() {
                    yearly = Some((month, day.ordwk.unwrap_or(1), weekday(&day.weekday)));
                }
                until = rule.until.as_ref().and_then(naive);
            }
        }
        let extra = part
            .properties(&Prop::Rdate)
            .flat_map(|e| e.values.iter())
            .filter_map(|v| v.as_partial_date_time().and_then(naive))
            .collect();
        zone.observances.push(Observance {
            start,
            offset_from,
            offset_to,
            yearly,
            until,
            extra,
        });
    }
    zone
}

/// A point in time as the file wrote it.
#[derive(Debug, Clone)]
enum When {
    Date(NaiveDate),
    Floating(NaiveDateTime),
    Instant(chrono::DateTime<chrono::Utc>),
    /// In a zone; `Zone` resolved.
    Zoned(NaiveDateTime, Zone),
}

struct Reader<'z> {
    office: Tz,
    zones: &'z Zones,
    notices: Vec<String>,
}

impl Reader<'_> {
    fn when(&mut self, entry: &ICalendarEntry, line: usize) -> Option<When> {
        let p = first_date(entry)?;
        self.when_of(p, entry, line)
    }

    fn when_of(
        &mut self,
        p: &PartialDateTime,
        entry: &ICalendarEntry,
        line: usize,
    ) -> Option<When> {
        let local = naive(p)?;
        if !p.has_time() || is_date_value(entry) {
            return Some(When::Date(local.date()));
        }
        if let Some(offset) = offset_seconds(p) {
            let utc = local - Duration::seconds(i64::from(offset));
            return Some(When::Instant(utc.and_utc()));
        }
        match tzid_of(entry) {
            None => Some(When::Floating(local)),
            Some(tzid) => match self.zones.resolve(&tzid) {
                Some(zone) => Some(When::Zoned(local, zone)),
                None => {
                    self.notices
                        .push(tf(Msg::IcalUnknownZone, &[&tzid.trim(), &line]));
                    Some(When::Floating(local))
                }
            },
        }
    }

    /// A time in the office's zone.
    fn office_time(&self, when: &When) -> NaiveDateTime {
        match when {
            When::Date(d) => d.and_time(NaiveTime::MIN),
            When::Floating(t) => *t,
            When::Instant(u) => u.with_timezone(&self.office).naive_local(),
            When::Zoned(t, zone) => zone
                .to_utc(*t)
                .map(|u| u.with_timezone(&self.office).naive_local())
                .unwrap_or(*t),
        }
    }

    /// The zone a rule repeats in, and a time as local text in it. The office's own zone is
    /// "" (as the agenda keeps it), so that a series read back from an export is the same.
    fn rule_zone(&self, when: &When) -> (String, Option<Tz>) {
        match when {
            When::Zoned(_, Zone::Iana(tz)) if *tz == self.office => (String::new(), None),
            When::Zoned(_, Zone::Iana(tz)) => (tz.name().to_owned(), Some(*tz)),
            When::Instant(_) => ("UTC".to_owned(), Some(chrono_tz::UTC)),
            _ => (String::new(), None),
        }
    }

    fn in_zone(&self, when: &When, zone: Option<Tz>, start_time: NaiveTime) -> NaiveDateTime {
        match (when, zone) {
            (When::Date(d), _) => d.and_time(start_time),
            (When::Zoned(t, Zone::Iana(_)), Some(_)) => *t,
            (_, Some(tz)) => {
                let utc = match when {
                    When::Instant(u) => Some(*u),
                    When::Zoned(t, z) => z.to_utc(*t),
                    When::Floating(t) => local_to_utc(&self.office, *t),
                    When::Date(_) => None,
                };
                utc.map(|u| u.with_timezone(&tz).naive_local())
                    .unwrap_or_else(|| self.office_time(when))
            }
            (_, None) => self.office_time(when),
        }
    }

    fn event(&mut self, c: &ICalendarComponent, line: usize) -> Parsed {
        let title = text_of(c, &Prop::Summary)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default();
        let label_title = if title.is_empty() {
            t(Msg::IcalUntitled).to_owned()
        } else {
            title.clone()
        };
        let skip = |reason: String| Parsed::Skipped {
            line,
            label: label_title.clone(),
            reason,
        };
        let Some(start_entry) = c.property(&Prop::Dtstart) else {
            return skip(t(Msg::IcalNoStart).to_owned());
        };
        let Some(start) = self.when(start_entry, line) else {
            return skip(t(Msg::IcalBadStart).to_owned());
        };
        let all_day = matches!(start, When::Date(_));
        let starts = self.office_time(&start);
        // The end: DTEND (exclusive for dates), else DURATION, else none.
        let end = match c.property(&Prop::Dtend) {
            Some(e) => match self.when(e, line) {
                Some(w) => Some(self.office_time(&w)),
                None => return skip(t(Msg::IcalBadEnd2).to_owned()),
            },
            None => c
                .property(&Prop::Duration)
                .and_then(|e| {
                    e.values.iter().find_map(|v| match v {
                        ICalendarValue::Duration(d) => d.to_time_delta(),
                        _ => None,
                    })
                })
                .and_then(|d| starts.checked_add_signed(d)),
        };
        let (starts_at, ends_at) = if all_day {
            // DTEND of a date is exclusive: the last day is the one before.
            let last = end
                .map(|e| e.date())
                .filter(|d| *d > starts.date())
                .and_then(|d| d.pred_opt())
                .unwrap_or(starts.date());
            (
                starts.format(FORMAT).to_string(),
                last.and_hms_opt(23, 59, 0)
                    .map(|d| d.format(FORMAT).to_string())
                    .unwrap_or_default(),
            )
        } else {
            let end = end.filter(|e| *e >= starts);
            (
                starts.format(FORMAT).to_string(),
                end.map(|e| e.format(FORMAT).to_string())
                    .unwrap_or_default(),
            )
        };
        let status = match c.status() {
            Some(ICalendarStatus::Cancelled) => IcalStatus::Cancelled,
            Some(ICalendarStatus::Confirmed) => IcalStatus::Confirmed,
            Some(ICalendarStatus::Tentative) => IcalStatus::Tentative,
            _ => IcalStatus::None,
        };
        let recurrence_id = match c.property(&Prop::RecurrenceId) {
            None => None,
            Some(e) => match self.when(e, line) {
                Some(w) => Some(self.office_time(&w).format(FORMAT).to_string()),
                None => return skip(t(Msg::IcalBadRecurrenceId).to_owned()),
            },
        };
        let place = text_of(c, &Prop::Location).unwrap_or_default();
        let notes = text_of(c, &Prop::Description).unwrap_or_default();
        let uid = match text_of(c, &Prop::Uid).map(|u| u.trim().to_owned()) {
            Some(u) if !u.is_empty() => u,
            // No UID: one made of what the event is, so that importing it again finds it.
            _ => made_uid(&starts_at, &title, &place),
        };
        let repeat = if recurrence_id.is_none() {
            match self.repeat(c, &start, line) {
                Ok(r) => r,
                Err(reason) => return skip(reason),
            }
        } else {
            None
        };
        let repeat = repeat.map(|mut r| {
            if r.zone.is_empty() && !all_day {
                // Repeats in the office's zone: its end as the office reads it.
                r.starts_at.clone_from(&starts_at);
            }
            r.ends_at = if all_day {
                ends_at.clone()
            } else {
                end.and_then(|e| {
                    let len = e - starts;
                    NaiveDateTime::parse_from_str(&r.starts_at, FORMAT)
                        .ok()
                        .and_then(|s| s.checked_add_signed(len))
                })
                .filter(|_| !ends_at.is_empty())
                .map(|e| e.format(FORMAT).to_string())
                .unwrap_or_default()
            };
            r
        });
        Parsed::Event(Box::new(IcalEvent {
            line,
            uid,
            recurrence_id,
            title,
            place: place.trim().to_owned(),
            notes,
            status,
            all_day,
            starts_at,
            ends_at,
            repeat,
        }))
    }

    /// RRULE, RDATE and EXDATE of a VEVENT, in the zone it repeats in.
    fn repeat(
        &mut self,
        c: &ICalendarComponent,
        start: &When,
        line: usize,
    ) -> Result<Option<Repeat>, String> {
        let rules: Vec<String> = c
            .properties(&Prop::Rrule)
            .flat_map(|e| e.values.iter())
            .filter_map(|v| match v {
                ICalendarValue::RecurrenceRule(r) => {
                    if matches!(
                        r.freq,
                        ICalendarFrequency::Hourly
                            | ICalendarFrequency::Minutely
                            | ICalendarFrequency::Secondly
                    ) {
                        Some(Err(t(Msg::IcalRuleTooOften).to_owned()))
                    } else {
                        Some(Ok(r.to_string()))
                    }
                }
                ICalendarValue::Text(s) => Some(Err(tf(Msg::IcalBadRule, &[&s]))),
                _ => None,
            })
            .collect::<Result<_, _>>()?;
        let has_rdate = c.has_property(&Prop::Rdate);
        if rules.is_empty() && !has_rdate {
            return Ok(None);
        }
        let (zone, tz) = self.rule_zone(start);
        let start_local = self.in_zone(start, tz, NaiveTime::MIN);
        let time = start_local.time();
        let mut dates = |prop: Prop| -> Vec<String> {
            let entries: Vec<&ICalendarEntry> = c.properties(&prop).collect();
            let mut out = Vec::new();
            for e in entries {
                for v in &e.values {
                    let p = match v {
                        ICalendarValue::PartialDateTime(p) => p.as_ref(),
                        ICalendarValue::Period(ICalendarPeriod::Range { start, .. })
                        | ICalendarValue::Period(ICalendarPeriod::Duration { start, .. }) => start,
                        _ => continue,
                    };
                    if let Some(w) = self.when_of(p, e, line) {
                        out.push(self.in_zone(&w, tz, time).format(FORMAT).to_string());
                    }
                }
            }
            out.sort();
            out.dedup();
            out
        };
        let exdates = dates(Prop::Exdate);
        let rdates = dates(Prop::Rdate);
        Ok(Some(Repeat {
            zone,
            starts_at: start_local.format(FORMAT).to_string(),
            ends_at: String::new(),
            rule: rules.into_iter().next().unwrap_or_default(),
            exdates,
            rdates,
        }))
    }
}

/// A UID for an event the file gave none: the same event always gets the same one.
fn made_uid(starts_at: &str, title: &str, place: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{starts_at}\u{1f}{title}\u{1f}{place}").as_bytes());
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("{hex}@prensa-importado")
}
