//! PENDING the agenda model: not yet in the module tree (see interop/ical/import.rs).
//! From what the file says to what the store would do: each VEVENT is matched by UID (and
//! RECURRENCE-ID) with what the agenda holds, and becomes new, updated, unchanged or skipped.
//! Fields iCalendar does not carry (department, kind, locality, coverage…) keep what the office
//! gave them.
use std::collections::HashMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::parse::{Calendar, IcalEvent, IcalStatus, Parsed};
use crate::domain::edit::{EventInput, RecordKind, SeriesInput};
use crate::domain::status::{EventKind, EventStatus};
use crate::i18n::{tf, Msg};
use crate::interop::{Outcome, Plan};
use crate::store::{allowed_moves, Store, StoreError};

/// What applying one planned item writes.
#[derive(Debug, Clone)]
pub(super) enum Action {
    CreateEvent(EventInput),
    UpdateEvent(String, EventInput),
    CreateSeries(SeriesInput),
    UpdateSeries(String, SeriesInput),
    /// One occurrence of the series `uid` changed: the occurrence whose recurrence id is
    /// `recurrence_id` (found when applying: the series may be new in the same batch).
    Occurrence {
        uid: String,
        recurrence_id: String,
        input: EventInput,
    },
}

/// The status an event takes: what the file says where the agenda allows that move, else
/// what it has (a covered or postponed event stays so when the calendar only says "tentative").
fn status(ical: IcalStatus, stored: Option<EventStatus>) -> EventStatus {
    let wanted = match ical {
        IcalStatus::Cancelled => Some(EventStatus::Cancelled),
        IcalStatus::Confirmed => Some(EventStatus::Confirmed),
        IcalStatus::Tentative | IcalStatus::None => None,
    };
    match (wanted, stored) {
        (None, Some(s)) => s,
        (None, None) => EventStatus::Scheduled,
        (Some(w), None) => w,
        (Some(w), Some(s)) if w == s => s,
        (Some(w), Some(s)) => {
            if allowed_moves(RecordKind::Event, s.code()).contains(&w.code()) {
                w
            } else {
                s
            }
        }
    }
}

fn event_input(e: &IcalEvent, stored: Option<&EventInput>) -> EventInput {
    let base = stored.cloned().unwrap_or_else(|| EventInput {
        title: String::new(),
        starts_at: String::new(),
        ends_at: String::new(),
        place: String::new(),
        locality: String::new(),
        department_id: None,
        campaign_id: None,
        status: EventStatus::Scheduled,
        public: true,
        notes: String::new(),
        all_day: false,
        kind: EventKind::Other,
        uid: String::new(),
    });
    EventInput {
        title: title_of(e),
        starts_at: e.starts_at.clone(),
        ends_at: e.ends_at.clone(),
        place: e.place.clone(),
        notes: e.notes.clone(),
        all_day: e.all_day,
        status: status(e.status, stored.map(|s| s.status)),
        uid: e.uid.clone(),
        ..base
    }
}

fn series_input(e: &IcalEvent, stored: Option<&SeriesInput>) -> Option<SeriesInput> {
    let r = e.repeat.as_ref()?;
    Some(SeriesInput {
        uid: e.uid.clone(),
        title: title_of(e),
        starts_at: r.starts_at.clone(),
        ends_at: r.ends_at.clone(),
        all_day: e.all_day,
        zone: r.zone.clone(),
        rule: r.rule.clone(),
        exdates: r.exdates.clone(),
        rdates: r.rdates.clone(),
        place: e.place.clone(),
        locality: stored.map(|s| s.locality.clone()).unwrap_or_default(),
        department_id: stored.and_then(|s| s.department_id.clone()),
        kind: stored.map(|s| s.kind).unwrap_or(EventKind::Other),
        status: status(e.status, stored.map(|s| s.status)),
        public: stored.map(|s| s.public).unwrap_or(true),
        notes: e.notes.clone(),
    })
}

fn title_of(e: &IcalEvent) -> String {
    if e.title.is_empty() {
        crate::i18n::t(Msg::IcalUntitled).to_owned()
    } else {
        e.title.clone()
    }
}

/// "Title (10/03/2025 09:00)": how an item is named in the preview.
fn label(e: &IcalEvent) -> String {
    let when = chrono::NaiveDateTime::parse_from_str(&e.starts_at, super::parse::FORMAT)
        .map(|d| {
            if e.all_day {
                d.format("%d/%m/%Y").to_string()
            } else {
                d.format("%d/%m/%Y %H:%M").to_string()
            }
        })
        .unwrap_or_default();
    format!("{} ({when})", title_of(e))
}

/// Plans a calendar against the store. `horizon` bounds open-ended rules as the store does.
pub(super) fn plan(
    source: &str,
    cal: Calendar,
    store: &Store,
    office: Tz,
    horizon: NaiveDate,
) -> Result<(Plan, Vec<Action>), StoreError> {
    let mut plan = Plan::new(source);
    plan.notices = cal.notices;
    let mut actions = Vec::new();
    // The series of this file, by UID: what their occurrences will be once applied.
    let mut series_here: HashMap<String, Vec<String>> = HashMap::new();
    let mut seen: HashMap<(String, Option<String>), usize> = HashMap::new();
    let mut overrides = Vec::new();
    for parsed in cal.events {
        let e = match parsed {
            Parsed::Skipped {
                line,
                label,
                reason,
            } => {
                plan.push(label, Some(line), Outcome::Skipped(reason));
                continue;
            }
            Parsed::Event(e) => *e,
        };
        let key = (e.uid.clone(), e.recurrence_id.clone());
        if let Some(first) = seen.get(&key) {
            let reason = tf(Msg::IcalDuplicate, &[first]);
            plan.push(label(&e), Some(e.line), Outcome::Skipped(reason));
            continue;
        }
        seen.insert(key, e.line);
        if e.recurrence_id.is_some() {
            overrides.push(e);
            continue;
        }
        if e.repeat.is_some() {
            let stored = store.series_by_uid(&e.uid)?;
            let Some(input) = series_input(&e, stored.as_ref().map(|(_, s)| s)) else {
                continue;
            };
            match crate::domain::recurrence::occurrences(&input, office, horizon) {
                Ok(starts) => {
                    series_here.insert(
                        e.uid.clone(),
                        starts
                            .iter()
                            .map(|s| s.format(super::parse::FORMAT).to_string())
                            .collect(),
                    );
                }
                Err(err) => {
                    let reason = tf(Msg::IcalBadRule, &[&err]);
                    plan.push(label(&e), Some(e.line), Outcome::Skipped(reason));
                    continue;
                }
            }
            let outcome = match stored {
                None => {
                    actions.push(Action::CreateSeries(input));
                    Outcome::New
                }
                Some((_, old)) if old == input => Outcome::Unchanged,
                Some((id, _)) => {
                    actions.push(Action::UpdateSeries(id, input));
                    Outcome::Updated
                }
            };
            plan.push(label(&e), Some(e.line), outcome);
            continue;
        }
        let stored = store.event_by_uid(&e.uid, "")?;
        let input = event_input(&e, stored.as_ref().map(|(_, s)| s));
        let outcome = match stored {
            None => {
                actions.push(Action::CreateEvent(input));
                Outcome::New
            }
            Some((_, old)) if old == input => Outcome::Unchanged,
            Some((id, _)) => {
                actions.push(Action::UpdateEvent(id, input));
                Outcome::Updated
            }
        };
        plan.push(label(&e), Some(e.line), outcome);
    }
    // Overrides last: their series are known by then, from the file or the store.
    for e in overrides {
        let rid = e.recurrence_id.clone().unwrap_or_default();
        let in_file = series_here.get(&e.uid);
        let stored_series = store.series_by_uid(&e.uid)?;
        let exists = match (in_file, &stored_series) {
            (Some(starts), _) => Some(starts.contains(&rid)),
            (None, Some((id, _))) => Some(
                store
                    .series_occurrences(id)?
                    .iter()
                    .any(|(_, r, _)| *r == rid),
            ),
            (None, None) => None,
        };
        match exists {
            None => {
                let reason = crate::i18n::t(Msg::IcalNoSeries).to_owned();
                plan.push(label(&e), Some(e.line), Outcome::Skipped(reason));
                continue;
            }
            Some(false) => {
                let reason = tf(Msg::IcalNoOccurrence, &[&rid.replace('T', " ")]);
                plan.push(label(&e), Some(e.line), Outcome::Skipped(reason));
                continue;
            }
            Some(true) => {}
        }
        let stored = store.event_by_uid(&e.uid, &rid)?;
        let input = event_input(&e, stored.as_ref().map(|(_, s)| s));
        // A changed occurrence keeps its content when its series is saved again (it is
        // detached), so one that already holds this content is unchanged.
        let outcome = match stored {
            Some((_, old)) if old == input => Outcome::Unchanged,
            Some(_) => Outcome::Updated,
            None => Outcome::New,
        };
        if outcome != Outcome::Unchanged {
            actions.push(Action::Occurrence {
                uid: e.uid.clone(),
                recurrence_id: rid,
                input,
            });
        }
        plan.push(label(&e), Some(e.line), outcome);
    }
    Ok((plan, actions))
}
