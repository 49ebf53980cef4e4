//! From what the file says to what the store would do: each VEVENT is matched by UID (and
//! RECURRENCE-ID) with what the agenda holds, and becomes new, updated, unchanged or skipped.
//! Fields iCalendar does not carry (department, kind, locality, coverage…) keep what the office
//! gave them.
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::parse::{Calendar, IcalEvent, IcalStatus, Parsed};
use crate::domain::edit::{EventInput, Record, RecordKind, SeriesInput};
use crate::domain::recurrence::{self, HORIZON_DAYS, LOCAL};
use crate::domain::status::{EventKind, EventStatus};
use crate::i18n::{t, tf, Msg};
use crate::interop::{Outcome, Plan};
use crate::store::{allowed_moves, Store, StoreError};

/// The series an occurrence belongs to: one the agenda holds, or one this import creates (by
/// its UID; its id is known once it is written, in the same batch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SeriesRef {
    Stored(String),
    New(String),
}

/// What applying one planned item writes.
#[derive(Debug, Clone)]
pub(super) enum Action {
    CreateEvent(EventInput),
    UpdateEvent(String, EventInput),
    CreateSeries(SeriesInput),
    UpdateSeries(String, SeriesInput),
    /// One occurrence of a series changed on its own (a RECURRENCE-ID override): the
    /// occurrence whose original start is `recurrence_id` (office-zone text).
    Occurrence {
        series: SeriesRef,
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
        kind: EventKind::from_title(&title_of(e)),
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
        kind: stored
            .map(|s| s.kind)
            .unwrap_or_else(|| EventKind::from_title(&title_of(e))),
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

/// The last day a series is written out to, as the store does it: two years after today, or
/// after the series' first day when that is later.
pub(super) fn horizon(today: NaiveDate, series: &SeriesInput) -> NaiveDate {
    let first = series
        .starts_at
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or(today);
    today.max(first) + chrono::Duration::days(HORIZON_DAYS)
}

/// A series read back the same in other words is no change: a rule written another way
/// (its parts in another order, UNTIL in UTC), or an EXDATE for an occurrence the agenda
/// deleted on its own (as an export writes it). When everything but the rule, the excluded
/// and the extra dates is the same, and the occurrences it gives are the ones the agenda has,
/// the series keeps those as stored.
fn keep_stored_rule(
    old: &SeriesInput,
    new: &mut SeriesInput,
    deleted: &HashSet<String>,
    office: Tz,
    until: NaiveDate,
) {
    if old == new {
        return;
    }
    let mut same_rest = new.clone();
    same_rest.rule.clone_from(&old.rule);
    same_rest.exdates.clone_from(&old.exdates);
    same_rest.rdates.clone_from(&old.rdates);
    if same_rest != *old {
        return;
    }
    let (Ok(was), Ok(now)) = (
        recurrence::occurrences(old, office, until),
        recurrence::occurrences(new, office, until),
    ) else {
        return;
    };
    let was: Vec<_> = was
        .into_iter()
        .filter(|t| !deleted.contains(&t.format(LOCAL).to_string()))
        .collect();
    if was == now {
        *new = same_rest;
    }
}

/// The reason the store would refuse a record, if it would.
fn refused(record: &Record) -> Option<String> {
    record.validate().err().map(|e| {
        tf(
            Msg::IcalRefusedByStore,
            &[&StoreError::Invalid(e).to_string()],
        )
    })
}

/// A series as this plan knows it: from the file (with what its rule gives) or the agenda.
struct KnownSeries {
    series: SeriesRef,
    input: SeriesInput,
    /// Office-zone starts of the occurrences it has (or will have once applied).
    starts: HashSet<String>,
    /// Office-zone starts of occurrences the agenda deleted on their own.
    deleted: HashSet<String>,
    /// This import writes the series (new or updated), and so its missing occurrences.
    written: bool,
}

fn deleted_occurrences(store: &Store, id: &str) -> Result<HashSet<String>, StoreError> {
    Ok(store
        .series_occurrences(id)?
        .into_iter()
        .filter(|o| o.deleted)
        .map(|o| o.recurrence_id)
        .collect())
}

/// Plans a calendar against the store: what each VEVENT would do, and the writes that do it.
/// Every VEVENT of the file is one item of the plan. `today` bounds open-ended rules as the
/// store does.
pub(super) fn plan(
    source: &str,
    cal: Calendar,
    store: &Store,
    office: Tz,
    today: NaiveDate,
) -> Result<(Plan, Vec<Action>), StoreError> {
    let mut plan = Plan::new(source);
    plan.notices = cal.notices;
    let mut actions = Vec::new();
    let mut series_here: HashMap<String, KnownSeries> = HashMap::new();
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
        let outcome = if e.repeat.is_some() {
            plan_series(&e, store, office, today, &mut series_here, &mut actions)?
        } else {
            plan_single(&e, store, &mut actions)?
        };
        plan.push(label(&e), Some(e.line), outcome);
    }
    // Overrides last: their series are known by then, from the file or the agenda.
    for e in overrides {
        let outcome = plan_override(&e, store, &series_here, &mut actions)?;
        plan.push(label(&e), Some(e.line), outcome);
    }
    Ok((plan, actions))
}

fn plan_single(
    e: &IcalEvent,
    store: &Store,
    actions: &mut Vec<Action>,
) -> Result<Outcome, StoreError> {
    let stored = store.event_by_uid(&e.uid, "")?;
    let mut input = event_input(e, stored.as_ref().map(|(_, s)| s));
    if stored.as_ref().is_some_and(|(_, s)| s.uid.is_empty()) {
        // An event from before events had UIDs, found as `<id>@prensa`: it keeps none.
        input.uid.clear();
    }
    if let Some(reason) = refused(&Record::Event(input.clone())) {
        return Ok(Outcome::Skipped(reason));
    }
    Ok(match stored {
        None => {
            actions.push(Action::CreateEvent(input));
            Outcome::New
        }
        Some((_, old)) if old == input => Outcome::Unchanged,
        Some((id, _)) => {
            actions.push(Action::UpdateEvent(id, input));
            Outcome::Updated
        }
    })
}

fn plan_series(
    e: &IcalEvent,
    store: &Store,
    office: Tz,
    today: NaiveDate,
    series_here: &mut HashMap<String, KnownSeries>,
    actions: &mut Vec<Action>,
) -> Result<Outcome, StoreError> {
    let stored = store.series_by_uid(&e.uid)?;
    let Some(mut input) = series_input(e, stored.as_ref().map(|(_, s)| s)) else {
        return Ok(Outcome::Skipped(tf(Msg::IcalBadRule, &[&""])));
    };
    if let Some(reason) = refused(&Record::Series(input.clone())) {
        return Ok(Outcome::Skipped(reason));
    }
    let starts = match recurrence::occurrences(&input, office, horizon(today, &input)) {
        Ok(starts) => starts,
        Err(_) => return Ok(Outcome::Skipped(tf(Msg::IcalBadRule, &[&input.rule]))),
    };
    let deleted = match &stored {
        Some((id, _)) => deleted_occurrences(store, id)?,
        None => HashSet::new(),
    };
    let (series, outcome): (SeriesRef, Outcome) = match stored {
        None => {
            actions.push(Action::CreateSeries(input.clone()));
            (SeriesRef::New(e.uid.clone()), Outcome::New)
        }
        Some((id, old)) => {
            let until = horizon(today, &input);
            keep_stored_rule(&old, &mut input, &deleted, office, until);
            if old == input {
                (SeriesRef::Stored(id), Outcome::Unchanged)
            } else {
                actions.push(Action::UpdateSeries(id.clone(), input.clone()));
                (SeriesRef::Stored(id), Outcome::Updated)
            }
        }
    };
    let starts = starts
        .iter()
        .map(|s| s.format(LOCAL).to_string())
        .filter(|s| !deleted.contains(s))
        .collect();
    series_here.insert(
        e.uid.clone(),
        KnownSeries {
            written: outcome != Outcome::Unchanged,
            series,
            input,
            starts,
            deleted,
        },
    );
    Ok(outcome)
}

fn plan_override(
    e: &IcalEvent,
    store: &Store,
    series_here: &HashMap<String, KnownSeries>,
    actions: &mut Vec<Action>,
) -> Result<Outcome, StoreError> {
    let rid = e.recurrence_id.clone().unwrap_or_default();
    let from_store;
    let known = match series_here.get(&e.uid) {
        Some(k) => k,
        None => match store.series_by_uid(&e.uid)? {
            None => return Ok(Outcome::Skipped(t(Msg::IcalNoSeries).to_owned())),
            Some((id, input)) => {
                let occurrences = store.series_occurrences(&id)?;
                from_store = KnownSeries {
                    starts: occurrences
                        .iter()
                        .filter(|o| !o.deleted)
                        .map(|o| o.recurrence_id.clone())
                        .collect(),
                    deleted: occurrences
                        .into_iter()
                        .filter(|o| o.deleted)
                        .map(|o| o.recurrence_id)
                        .collect(),
                    series: SeriesRef::Stored(id),
                    input,
                    written: false,
                };
                &from_store
            }
        },
    };
    let shown = rid.replace('T', " ");
    if known.deleted.contains(&rid) {
        return Ok(Outcome::Skipped(tf(Msg::IcalOccurrenceDeleted, &[&shown])));
    }
    if !known.starts.contains(&rid) {
        return Ok(Outcome::Skipped(tf(Msg::IcalNoOccurrence, &[&shown])));
    }
    let stored = store.event_by_uid(&e.uid, &rid)?;
    if stored.is_none() && !known.written {
        // The agenda has not written that occurrence (past the horizon it had then), and
        // this import does not write the series again.
        return Ok(Outcome::Skipped(tf(Msg::IcalNoOccurrence, &[&shown])));
    }
    // What the occurrence holds, or will hold once its series is written.
    let base = match &stored {
        Some((_, s)) => s.clone(),
        None => {
            let s = &known.input;
            let end = match (
                chrono::NaiveDateTime::parse_from_str(&s.starts_at, LOCAL),
                chrono::NaiveDateTime::parse_from_str(&s.ends_at, LOCAL),
                chrono::NaiveDateTime::parse_from_str(&rid, LOCAL),
            ) {
                (Ok(a), Ok(b), Ok(start)) => (start + (b - a)).format(LOCAL).to_string(),
                _ => String::new(),
            };
            let mut o = s.occurrence(rid.clone(), end);
            o.uid.clone_from(&e.uid);
            o
        }
    };
    let input = event_input(e, Some(&base));
    if let Some(reason) = refused(&Record::Event(input.clone())) {
        return Ok(Outcome::Skipped(reason));
    }
    // An occurrence changed on its own keeps its content when its series is saved again (it
    // is detached), so one that already holds this content is unchanged.
    let outcome = match stored {
        Some((_, old)) if old == input => return Ok(Outcome::Unchanged),
        Some(_) => Outcome::Updated,
        None => Outcome::New,
    };
    actions.push(Action::Occurrence {
        series: known.series.clone(),
        recurrence_id: rid,
        input,
    });
    Ok(outcome)
}
