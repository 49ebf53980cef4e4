//! Writing RFC 5545: CRLF line ends, lines folded at 75 octets on character boundaries, text
//! escaped, PRODID, VERSION, DTSTAMP and UID on everything, and a VTIMEZONE (its changes of
//! offset over the years written) for every zone a time is given in.
use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::parse::{IcalStatus, FORMAT};
use super::zones::local_to_utc;

/// One VEVENT to write: a single event, a series' first occurrence (with `rule`), or one
/// changed occurrence of a series (with `recurrence_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutEvent {
    pub uid: String,
    pub title: String,
    pub place: String,
    pub notes: String,
    pub status: IcalStatus,
    pub all_day: bool,
    /// Local text in `zone`.
    pub starts_at: String,
    /// Local text in `zone`; "" = no end. For all-day events the last day (inclusive).
    pub ends_at: String,
    /// IANA name of the zone the times are in.
    pub zone: String,
    pub rule: String,
    pub exdates: Vec<String>,
    pub rdates: Vec<String>,
    /// Original start of the occurrence this changes, local text in `zone`.
    pub recurrence_id: Option<String>,
}

/// The whole calendar as text.
pub fn calendar(events: &[OutEvent], stamp: DateTime<Utc>) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//prensa//Agenda de Comunicacion Social//ES".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    let zones: BTreeSet<&str> = events
        .iter()
        .filter(|e| !e.all_day && e.zone != "UTC")
        .map(|e| e.zone.as_str())
        .collect();
    for zone in zones {
        if let Ok(tz) = zone.parse::<Tz>() {
            let years = events
                .iter()
                .filter(|e| e.zone == zone)
                .filter_map(|e| NaiveDateTime::parse_from_str(&e.starts_at, FORMAT).ok())
                .map(|d| d.year());
            let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
            lines.extend(vtimezone(tz, lo.min(hi), hi.max(lo)));
        }
    }
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        lines.extend(vevent(e, &dtstamp));
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

fn vevent(e: &OutEvent, dtstamp: &str) -> Vec<String> {
    let mut l = vec!["BEGIN:VEVENT".to_owned()];
    l.push(format!("UID:{}", escape(&e.uid)));
    l.push(format!("DTSTAMP:{dtstamp}"));
    if let Some(rid) = &e.recurrence_id {
        l.push(format!("RECURRENCE-ID{}", time_value(e, rid)));
    }
    l.push(format!("DTSTART{}", time_value(e, &e.starts_at)));
    if e.all_day {
        let last = NaiveDateTime::parse_from_str(&e.ends_at, FORMAT)
            .map(|d| d.date())
            .or_else(|_| NaiveDateTime::parse_from_str(&e.starts_at, FORMAT).map(|d| d.date()));
        if let Some(next) = last.ok().and_then(|d| d.succ_opt()) {
            l.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
    } else if !e.ends_at.is_empty() {
        l.push(format!("DTEND{}", time_value(e, &e.ends_at)));
    }
    if !e.rule.is_empty() {
        l.push(format!("RRULE:{}", rule_for(e)));
    }
    for (name, dates) in [("EXDATE", &e.exdates), ("RDATE", &e.rdates)] {
        for d in dates {
            l.push(format!("{name}{}", time_value(e, d)));
        }
    }
    l.push(format!("SUMMARY:{}", escape(&e.title)));
    if !e.place.is_empty() {
        l.push(format!("LOCATION:{}", escape(&e.place)));
    }
    if !e.notes.is_empty() {
        l.push(format!("DESCRIPTION:{}", escape(&e.notes)));
    }
    let status = match e.status {
        IcalStatus::Cancelled => Some("CANCELLED"),
        IcalStatus::Confirmed => Some("CONFIRMED"),
        IcalStatus::Tentative => Some("TENTATIVE"),
        IcalStatus::None => None,
    };
    if let Some(s) = status {
        l.push(format!("STATUS:{s}"));
    }
    l.push("END:VEVENT".into());
    l
}

/// `;TZID=…:value`, `;VALUE=DATE:value` or `:valueZ` for a local time text of the event.
fn time_value(e: &OutEvent, local: &str) -> String {
    let Ok(t) = NaiveDateTime::parse_from_str(local, FORMAT) else {
        return format!(":{local}");
    };
    if e.all_day {
        format!(";VALUE=DATE:{}", t.format("%Y%m%d"))
    } else if e.zone == "UTC" {
        format!(":{}", t.format("%Y%m%dT%H%M%SZ"))
    } else {
        format!(";TZID={}:{}", e.zone, t.format("%Y%m%dT%H%M%S"))
    }
}

/// The rule with an UNTIL in UTC when the start has a zone (RFC 5545 §3.3.10).
fn rule_for(e: &OutEvent) -> String {
    let Ok(tz) = e.zone.parse::<Tz>() else {
        return e.rule.clone();
    };
    e.rule
        .split(';')
        .map(|part| {
            let Some(value) = part.strip_prefix("UNTIL=") else {
                return part.to_owned();
            };
            if e.all_day || value.ends_with('Z') {
                return part.to_owned();
            }
            match NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S") {
                Ok(local) => match local_to_utc(&tz, local) {
                    Some(u) => format!("UNTIL={}", u.format("%Y%m%dT%H%M%SZ")),
                    None => part.to_owned(),
                },
                Err(_) => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// TEXT escaping of RFC 5545 §3.3.11.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded at 75 octets (never inside a character), ending in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

/// A VTIMEZONE for an IANA zone: every change of offset from the year before `from` to the
/// year after `to`, each as its own observance; a zone that never changes gets one STANDARD.
fn vtimezone(tz: Tz, from: i32, to: i32) -> Vec<String> {
    let mut l = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    let offset_at = |u: DateTime<Utc>| u.with_timezone(&tz).offset().fix().local_minus_utc();
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(from.saturating_sub(1).max(1900), 1, 1),
        NaiveDate::from_ymd_opt(to.saturating_add(1).min(2200), 12, 31),
    ) else {
        return Vec::new();
    };
    let mut at = Utc.from_utc_datetime(&start.and_time(chrono::NaiveTime::MIN));
    let end = Utc.from_utc_datetime(&end.and_time(chrono::NaiveTime::MIN));
    let first = offset_at(at);
    let mut changes = Vec::new();
    let mut current = first;
    while at < end {
        let next = at + Duration::hours(6);
        let off = offset_at(next);
        if off != current {
            // The change is in (at, next]: find its minute.
            let (mut lo, mut hi) = (0i64, 6 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset_at(at + Duration::minutes(mid)) == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            changes.push((at + Duration::minutes(hi), current, off));
            current = off;
        }
        at = next;
    }
    let dst = |u: DateTime<Utc>| {
        // Daylight when the offset is above the zone's smallest of the year.
        let y = u.year();
        let jan = Utc
            .with_ymd_and_hms(y, 1, 1, 0, 0, 0)
            .single()
            .map(offset_at);
        let jul = Utc
            .with_ymd_and_hms(y, 7, 1, 0, 0, 0)
            .single()
            .map(offset_at);
        let low = jan.into_iter().chain(jul).min().unwrap_or(0);
        offset_at(u) > low
    };
    if changes.is_empty() {
        l.push("BEGIN:STANDARD".into());
        l.push(format!(
            "DTSTART:{}0101T000000",
            from.saturating_sub(1).max(1900)
        ));
        l.push(format!("TZOFFSETFROM:{}", offset_text(first)));
        l.push(format!("TZOFFSETTO:{}", offset_text(first)));
        l.push("END:STANDARD".into());
    }
    for (when, before, after) in changes {
        let kind = if dst(when) { "DAYLIGHT" } else { "STANDARD" };
        let local = when + Duration::seconds(i64::from(before));
        l.push(format!("BEGIN:{kind}"));
        l.push(format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")));
        l.push(format!("TZOFFSETFROM:{}", offset_text(before)));
        l.push(format!("TZOFFSETTO:{}", offset_text(after)));
        l.push(format!("END:{kind}"));
    }
    l.push("END:VTIMEZONE".into());
    l
}

fn offset_text(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let mut s = String::new();
    let _ = write!(s, "{sign}{:02}{:02}", a / 3600, (a % 3600) / 60);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let line = format!("SUMMARY:{}", "Inauguración del módulo «Niñez» ".repeat(6));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Plaza, kiosco; centro\\norte\nsegunda línea"),
            "Plaza\\, kiosco\\; centro\\\\norte\\nsegunda línea"
        );
    }

    #[test]
    fn vtimezone_lists_new_york_changes_and_a_fixed_mexico() {
        let ny = vtimezone(Tz::America__New_York, 2024, 2024).join("\n");
        assert!(ny.contains("BEGIN:DAYLIGHT"), "{ny}");
        assert!(ny.contains("DTSTART:20240310T020000"), "{ny}");
        assert!(ny.contains("TZOFFSETTO:-0400"), "{ny}");
        let mx = vtimezone(Tz::America__Mexico_City, 2025, 2025).join("\n");
        assert!(
            mx.contains("TZOFFSETTO:-0600") && !mx.contains("DAYLIGHT"),
            "{mx}"
        );
    }

    #[test]
    fn until_goes_to_utc_for_a_zoned_start() {
        let e = OutEvent {
            uid: "u".into(),
            title: "t".into(),
            place: String::new(),
            notes: String::new(),
            status: IcalStatus::None,
            all_day: false,
            starts_at: "2025-03-03T10:00".into(),
            ends_at: String::new(),
            zone: "America/Mexico_City".into(),
            rule: "FREQ=WEEKLY;UNTIL=20250331T100000;BYDAY=MO".into(),
            exdates: vec![],
            rdates: vec![],
            recurrence_id: None,
        };
        assert_eq!(rule_for(&e), "FREQ=WEEKLY;UNTIL=20250331T160000Z;BYDAY=MO");
    }
}
