//! TEMPORARY: the shapes of the agenda queries as /work/agenda-model.md announces them, until
//! the lead's "Agenda model" commit lands on main. Deleted at the merge.
use chrono::NaiveDate;

use super::status::{CoverageRole, CoverageStatus, EventStatus};

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaEvent {
    pub id: String,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub all_day: bool,
    pub place: String,
    pub locality: String,
    pub department: String,
    pub status: EventStatus,
    pub recurring: bool,
    pub coverage: Vec<AgendaCoverage>,
    pub clashes: Vec<Clash>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaCoverage {
    pub id: String,
    pub staff_id: String,
    pub staff: String,
    pub role: CoverageRole,
    pub status: CoverageStatus,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    pub staff: String,
    pub other_event_id: String,
    pub other_title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DayCount {
    pub day: NaiveDate,
    pub events: u32,
    pub uncovered: u32,
}

impl AgendaEvent {
    pub fn uncovered(&self) -> bool {
        !matches!(self.status, EventStatus::Cancelled | EventStatus::Postponed)
            && !self.coverage.iter().any(|c| c.status.code() != "cancelled")
    }
}
