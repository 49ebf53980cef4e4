//! `prensa exportar agenda`: the agenda between two days as one calendar. Single events as
//! they are, series as their rule (RRULE/EXDATE/RDATE) plus every occurrence changed one by
//! one as a RECURRENCE-ID override; times in the office's zone (or the series' own).
use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::parse::{IcalStatus, FORMAT};
use super::write::{calendar, OutEvent};
use super::zones::local_to_utc;
use crate::domain::edit::{EventInput, SeriesInput};
use crate::domain::recurrence;
use crate::domain::status::EventStatus;
use crate::store::{ExportSeries, Store, StoreError};

fn ical_status(s: EventStatus) -> IcalStatus {
    match s {
        EventStatus::Cancelled => IcalStatus::Cancelled,
        EventStatus::Confirmed => IcalStatus::Confirmed,
        _ => IcalStatus::Tentative,
    }
}

fn single(e: &EventInput, zone: &str) -> OutEvent {
    OutEvent {
        uid: e.uid.clone(),
        title: e.title.clone(),
        place: e.place.clone(),
        notes: e.notes.clone(),
        status: ical_status(e.status),
        all_day: e.all_day,
        starts_at: e.starts_at.clone(),
        ends_at: e.ends_at.clone(),
        zone: zone.to_owned(),
        rule: String::new(),
        exdates: Vec::new(),
        rdates: Vec::new(),
        recurrence_id: None,
    }
}

/// An office-zone time as local text in `zone`.
fn to_zone(local: &str, office: Tz, zone: Tz) -> String {
    NaiveDateTime::parse_from_str(local, FORMAT)
        .ok()
        .and_then(|t| local_to_utc(&office, t))
        .map(|u| {
            u.with_timezone(&zone)
                .naive_local()
                .format(FORMAT)
                .to_string()
        })
        .unwrap_or_else(|| local.to_owned())
}

/// The calendar text of the days from `from` to `to` (both included), and how many VEVENTs
/// it holds. A series is written whole (its rule reaches beyond the days asked for); an
/// occurrence deleted on its own is an EXDATE, one changed on its own an override.
pub fn export(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    stamp: DateTime<Utc>,
) -> Result<(String, usize), StoreError> {
    let office = store.time_zone();
    let office_name = office.name().to_owned();
    let to_exclusive = to.succ_opt().unwrap_or(to);
    let data = store.agenda_for_export(from, to_exclusive)?;
    let mut out: Vec<OutEvent> = data
        .singles
        .iter()
        .map(|(_, e)| single(e, &office_name))
        .collect();
    for s in &data.series {
        out.extend(series_events(s, office));
    }
    let count = out.len();
    Ok((calendar(&out, stamp), count))
}

/// A series: its master VEVENT, then one override for each occurrence changed on its own.
fn series_events(s: &ExportSeries, office: Tz) -> Vec<OutEvent> {
    let series = &s.series;
    let zone = recurrence::zone_of(series, office).unwrap_or(office);
    let zone_name = zone.name().to_owned();
    // A time of the office as the series' zone reads it (dates stay as they are).
    let in_zone = |local: &str| {
        if series.all_day || zone == office {
            local.to_owned()
        } else {
            to_zone(local, office, zone)
        }
    };
    // The starts the rule gives, up to the last occurrence stored: a deleted occurrence the
    // rule still gives was deleted on its own.
    let last = s
        .occurrences
        .iter()
        .filter_map(|o| o.occurrence.recurrence_id.get(..10))
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .max();
    let given: HashSet<String> = last
        .and_then(|last| recurrence::occurrences(series, office, last).ok())
        .unwrap_or_default()
        .iter()
        .map(|t| t.format(FORMAT).to_string())
        .collect();
    let mut master = series_event(series, &zone_name);
    let mut overrides = Vec::new();
    for o in &s.occurrences {
        let rid = &o.occurrence.recurrence_id;
        match &o.event {
            None => {
                let exdate = in_zone(rid);
                if given.contains(rid) && !master.exdates.contains(&exdate) {
                    master.exdates.push(exdate);
                }
            }
            Some(e) if o.occurrence.detached || e.status != series.status => {
                let mut out = single(e, office.name());
                out.uid.clone_from(&series.uid);
                if !(series.all_day || zone == office) {
                    out.zone.clone_from(&zone_name);
                    out.starts_at = in_zone(&e.starts_at);
                    if !out.ends_at.is_empty() && !out.all_day {
                        out.ends_at = in_zone(&e.ends_at);
                    }
                }
                out.recurrence_id = Some(in_zone(rid));
                overrides.push(out);
            }
            Some(_) => {}
        }
    }
    master.exdates.sort();
    let mut all = vec![master];
    all.extend(overrides);
    all
}

fn series_event(s: &SeriesInput, zone: &str) -> OutEvent {
    OutEvent {
        uid: s.uid.clone(),
        title: s.title.clone(),
        place: s.place.clone(),
        notes: s.notes.clone(),
        status: ical_status(s.status),
        all_day: s.all_day,
        starts_at: s.starts_at.clone(),
        ends_at: s.ends_at.clone(),
        zone: zone.to_owned(),
        rule: s.rule.clone(),
        exdates: s.exdates.clone(),
        rdates: s.rdates.clone(),
        recurrence_id: None,
    }
}
