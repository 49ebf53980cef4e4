//! What narrows a list: the words searched for and the filters set.
use chrono::NaiveDate;

/// Counts stop here: "more than 1,000 results" is all a person needs to know.
pub const COUNT_CAP: u64 = 1_000;

/// A record offered in a picker or kept in a filter: its id and what the user reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// When it happened, as local text (`YYYY-MM-DD[THH:MM]`), possibly empty.
    pub when: String,
    /// More context (a department, an outlet, a role), possibly empty.
    pub detail: String,
}

/// Filters of a list; `None` = not filtered by it. Codes are the store's codes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub department: Option<Choice>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only what is still pending and was due before this day (requests "vencidas").
    pub overdue_on: Option<NaiveDate>,
    /// Only what carries this tag (the archive).
    pub tag: Option<String>,
    /// Only where this person appears (by words of their name, the archive).
    pub person: Option<String>,
    /// Only what happened at this place (by words of its name, the archive).
    pub place: Option<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A list's search text and filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub search: String,
    pub filters: Filters,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.search.trim().is_empty() && self.filters.is_empty()
    }
}

/// The lists a screen pages through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListId {
    Events,
    Reports,
    Requests,
    Departments,
    Drafts,
    Campaigns,
    Materials,
    Journalists,
    Outlets,
    ContactLists,
    /// Requests from journalists (interviews, information, material).
    Interviews,
    /// Pieces sent to the media, one row per list sent to.
    Distributions,
    Timeline,
    /// The archive's classification chart, one row per series.
    Classification,
    /// Not a list: each department's figures (Reportes, Cifras).
    Figures,
    /// Not a list: the morning briefing (Hoy).
    Briefing,
    /// Not a list: publications per department, this month and the month before (Hoy).
    Balance,
    /// What the media published about the municipality (Monitoreo).
    Clippings,
    /// Citizens' questions (Monitoreo).
    Questions,
    /// The office's reusable answers (Monitoreo).
    Answers,
    /// Not a list: the monitoring figures (Monitoreo, Cifras).
    Monitor,
    /// Not a list: a month's reach on the networks (Monitoreo, Alcance).
    Reach,
}
