//! PENDING the agenda model: not yet in the module tree (see interop/ical/import.rs).
//! `prensa exportar agenda`: the agenda between two days as one calendar. Single events as
//! they are, series as their rule (RRULE/EXDATE/RDATE) plus every occurrence changed one by
//! one as a RECURRENCE-ID override; times in the office's zone (or the series' own).
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::parse::{IcalStatus, FORMAT};
use super::write::{calendar, OutEvent};
use super::zones::local_to_utc;
use crate::domain::edit::{EventInput, SeriesInput};
use crate::domain::status::EventStatus;
use crate::store::{Store, StoreError};

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
        .map(|u| u.with_timezone(&zone).naive_local().format(FORMAT).to_string())
        .unwrap_or_else(|| local.to_owned())
}

/// The calendar text and how many VEVENTs it holds.
pub fn export(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    stamp: DateTime<Utc>,
) -> Result<(String, usize), StoreError> {
    let office = store.time_zone();
    let office_name = office.name().to_owned();
    let to_exclusive = to.succ_opt().unwrap_or(to);
    let (singles, series) = store.agenda_for_export(from, to_exclusive)?;
    let mut out: Vec<OutEvent> = singles.iter().map(|e| single(e, &office_name)).collect();
    for (s, changed) in series {
        let zone_name = if s.zone.is_empty() {
            office_name.clone()
        } else {
            s.zone.clone()
        };
        let zone: Tz = zone_name.parse().unwrap_or(office);
        out.push(series_event(&s, &zone_name));
        for (recurrence_id, e) in changed {
            let mut o = single(&e, &office_name);
            o.uid.clone_from(&s.uid);
            o.recurrence_id = Some(if s.all_day || zone == office {
                recurrence_id.clone()
            } else {
                // The original start as the series' zone reads it.
                o.zone.clone_from(&zone_name);
                o.starts_at = to_zone(&e.starts_at, office, zone);
                if !o.ends_at.is_empty() && !o.all_day {
                    o.ends_at = to_zone(&e.ends_at, office, zone);
                }
                to_zone(&recurrence_id, office, zone)
            });
            out.push(o);
        }
    }
    let count = out.len();
    Ok((calendar(&out, stamp), count))
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
