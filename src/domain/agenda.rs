//! The agenda as the day, week and month views, Hoy and `prensa resumen` read it: events with
//! their coverage, and the warnings the office must see (an event with nobody assigned, a
//! person expected at two places at once).
use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::recurrence::LOCAL;
use super::status::{CoverageRole, CoverageStatus, EventKind, EventStatus};

/// One event of the agenda, with who covers it.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaEvent {
    pub id: String,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub all_day: bool,
    pub place: String,
    pub locality: String,
    /// The organising department's short name.
    pub department: String,
    pub kind: EventKind,
    pub status: EventStatus,
    /// One occurrence of a series.
    pub recurring: bool,
    pub coverage: Vec<AgendaCoverage>,
    /// People of its coverage who are also assigned to another event at the same time.
    pub clashes: Vec<Clash>,
}

/// One assignment of an event's coverage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaCoverage {
    pub id: String,
    pub staff_id: String,
    pub staff: String,
    pub role: CoverageRole,
    pub status: CoverageStatus,
    pub note: String,
}

/// A person assigned to this event and to another one that overlaps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub staff: String,
    pub other_event_id: String,
    pub other_title: String,
}

/// How many events a day has, and how many of them nobody covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCount {
    pub day: NaiveDate,
    pub events: u32,
    pub uncovered: u32,
}

/// How long an event with no end is taken to last, for overlaps.
const ASSUMED_LENGTH_MIN: i64 = 60;

impl AgendaEvent {
    /// Still to happen (not cancelled or postponed) with no assignment that is not cancelled.
    pub fn uncovered(&self) -> bool {
        self.happens()
            && !self
                .coverage
                .iter()
                .any(|c| c.status != CoverageStatus::Cancelled)
    }

    /// Not called off or moved away.
    pub fn happens(&self) -> bool {
        !matches!(self.status, EventStatus::Cancelled | EventStatus::Postponed)
    }

    /// The local date it starts on.
    pub fn day(&self) -> Option<NaiveDate> {
        self.starts_at
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }

    /// Its time span, for overlaps: an event with no end lasts an hour.
    fn span(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let start = NaiveDateTime::parse_from_str(&self.starts_at, LOCAL).ok()?;
        let end = NaiveDateTime::parse_from_str(&self.ends_at, LOCAL)
            .ok()
            .filter(|e| *e > start)
            .unwrap_or(start + Duration::minutes(ASSUMED_LENGTH_MIN));
        Some((start, end))
    }
}

/// Finds, for every event, the people of its coverage assigned to another event that overlaps
/// it in time. All-day events and events that do not happen are left out: a fair or a day of
/// campaign is the background of a day, not an appointment.
pub fn find_clashes(events: &mut [AgendaEvent]) {
    let spans: Vec<Option<(NaiveDateTime, NaiveDateTime)>> = events
        .iter()
        .map(|e| e.span().filter(|_| !e.all_day && e.happens()))
        .collect();
    let mut found: Vec<(usize, Clash)> = Vec::new();
    for (i, a) in events.iter().enumerate() {
        let Some((a_start, a_end)) = spans[i] else {
            continue;
        };
        for (j, b) in events.iter().enumerate().skip(i + 1) {
            let Some((b_start, b_end)) = spans[j] else {
                continue;
            };
            if b_start >= a_end || a_start >= b_end {
                continue;
            }
            for ca in a.coverage.iter().filter(|c| active(c)) {
                let shared = b
                    .coverage
                    .iter()
                    .any(|cb| active(cb) && cb.staff_id == ca.staff_id);
                if shared {
                    found.push((i, clash(ca, b)));
                    found.push((j, clash(ca, a)));
                }
            }
        }
    }
    for (i, c) in found {
        if !events[i].clashes.contains(&c) {
            events[i].clashes.push(c);
        }
    }
}

fn active(c: &AgendaCoverage) -> bool {
    !c.staff_id.is_empty() && c.status != CoverageStatus::Cancelled
}

fn clash(c: &AgendaCoverage, other: &AgendaEvent) -> Clash {
    Clash {
        staff: c.staff.clone(),
        other_event_id: other.id.clone(),
        other_title: other.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, starts: &str, ends: &str, staff: &[&str]) -> AgendaEvent {
        AgendaEvent {
            id: id.into(),
            title: format!("Evento {id}"),
            starts_at: starts.into(),
            ends_at: ends.into(),
            all_day: false,
            place: String::new(),
            locality: String::new(),
            department: String::new(),
            kind: EventKind::Public,
            status: EventStatus::Scheduled,
            recurring: false,
            coverage: staff
                .iter()
                .map(|s| AgendaCoverage {
                    id: format!("c-{id}-{s}"),
                    staff_id: (*s).into(),
                    staff: format!("Persona {s}"),
                    role: CoverageRole::Photo,
                    status: CoverageStatus::Assigned,
                    note: String::new(),
                })
                .collect(),
            clashes: vec![],
        }
    }

    #[test]
    fn a_person_at_two_overlapping_events_is_flagged_on_both() {
        let mut events = vec![
            event("a", "2025-03-06T10:00", "2025-03-06T12:00", &["ana"]),
            event("b", "2025-03-06T11:00", "", &["ana", "luis"]),
            event("c", "2025-03-06T12:00", "2025-03-06T13:00", &["ana"]),
        ];
        find_clashes(&mut events);
        assert_eq!(events[0].clashes.len(), 1);
        assert_eq!(events[0].clashes[0].other_event_id, "b");
        assert_eq!(events[1].clashes[0].other_event_id, "a");
        // b (11:00, an hour) ends when c starts: back to back is not a clash.
        assert!(events[2].clashes.is_empty());
    }

    #[test]
    fn cancelled_things_do_not_clash_and_nobody_assigned_is_uncovered() {
        let mut events = vec![
            event("a", "2025-03-06T10:00", "2025-03-06T12:00", &["ana"]),
            event("b", "2025-03-06T11:00", "", &["ana"]),
            event("c", "2025-03-06T11:00", "", &[]),
        ];
        events[1].coverage[0].status = CoverageStatus::Cancelled;
        find_clashes(&mut events);
        assert!(events.iter().all(|e| e.clashes.is_empty()));
        assert!(!events[0].uncovered());
        assert!(events[1].uncovered());
        assert!(events[2].uncovered());
        events[2].status = EventStatus::Cancelled;
        assert!(!events[2].uncovered());
    }
}
