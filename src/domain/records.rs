//! Plain rows and details the store returns and the screens draw. Dates and times are local
//! to the municipality, as text `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM` (sortable, zone-free).
use super::status::{
    ArchiveKind, Channel, CoverageRole, CoverageStatus, DraftKind, DraftStatus, EventStatus,
    InterviewStatus, OutletKind, ReportStatus,
};

/// Where a row stands in its list: the list's sort column as text, then the row id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SortKey {
    pub primary: String,
    pub id: String,
}

/// A row that can be paged by keyset.
pub trait Keyed {
    fn key(&self) -> SortKey;
}

/// Which way to read a list from a key: in the list's order or against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// Rows strictly after this key (in the direction read); `None` reads from the edge.
    pub after: Option<SortKey>,
    /// `true` reads in the list's own order, `false` against it.
    pub forward: bool,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: String,
    pub starts_at: String,
    pub ends_at: String,
    pub title: String,
    pub place: String,
    pub locality: String,
    pub department: String,
    pub status: EventStatus,
    pub coverage: u32,
}

impl Keyed for EventRow {
    fn key(&self) -> SortKey {
        SortKey {
            primary: self.starts_at.clone(),
            id: self.id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageLine {
    pub role: CoverageRole,
    pub staff: String,
    pub status: CoverageStatus,
}

/// Something an item led to or came from, e.g. a report written after an event.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkLine {
    pub date: String,
    pub title: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventDetail {
    pub row: EventRow,
    pub notes: String,
    pub coverage: Vec<CoverageLine>,
    pub reports: Vec<LinkLine>,
    pub drafts: Vec<LinkLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub id: String,
    pub received_at: String,
    pub title: String,
    pub department: String,
    pub status: ReportStatus,
}

impl Keyed for ReportRow {
    fn key(&self) -> SortKey {
        SortKey {
            primary: self.received_at.clone(),
            id: self.id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportDetail {
    pub row: ReportRow,
    pub body: String,
    /// The request it answers: (subject, sent on, due on).
    pub request: Option<(String, String, String)>,
    /// The event it reports on: (title, starts at).
    pub event: Option<(String, String)>,
    pub drafts: Vec<LinkLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftRow {
    pub id: String,
    pub written_at: String,
    pub title: String,
    pub kind: DraftKind,
    pub status: DraftStatus,
    pub folio: String,
}

impl Keyed for DraftRow {
    fn key(&self) -> SortKey {
        SortKey {
            primary: self.written_at.clone(),
            id: self.id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct VariantLine {
    pub channel: Channel,
    pub chars: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PublicationLine {
    pub channel: Channel,
    pub published_at: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftDetail {
    pub row: DraftRow,
    pub body: String,
    pub author: String,
    pub campaign: String,
    /// Where it came from: a report or an event (kind label, title).
    pub source: Option<(String, String)>,
    pub variants: Vec<VariantLine>,
    pub publications: Vec<PublicationLine>,
    /// Lists of media it was sent to: (list, sent at).
    pub sent_to: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JournalistRow {
    pub id: String,
    pub name: String,
    pub outlet: String,
    pub outlet_kind: OutletKind,
    pub role: String,
}

impl Keyed for JournalistRow {
    fn key(&self) -> SortKey {
        SortKey {
            primary: self.name.clone(),
            id: self.id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct InterviewLine {
    pub requested_on: String,
    pub topic: String,
    pub status: InterviewStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JournalistDetail {
    pub row: JournalistRow,
    pub email: String,
    pub phone: String,
    pub city: String,
    pub consent: bool,
    pub privacy_notice_on: String,
    pub lists: Vec<String>,
    /// What was sent to this journalist's lists lately: (sent at, title).
    pub recent_sends: Vec<(String, String)>,
    pub interviews: Vec<InterviewLine>,
}

/// What a line of the archive timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineKind {
    Event,
    Report,
    Publication,
    Item(ArchiveKind),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub id: String,
    pub kind: TimelineKind,
    pub at: String,
    pub title: String,
    pub department: String,
}

impl Keyed for TimelineRow {
    fn key(&self) -> SortKey {
        SortKey {
            primary: self.at.clone(),
            id: self.id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveItemDetail {
    pub kind: ArchiveKind,
    pub occurred_at: String,
    pub title: String,
    pub description: String,
    pub department: String,
    pub event: Option<(String, String)>,
    pub files: u32,
}

/// The detail behind a timeline line: the same row its own tab shows.
#[derive(Debug, Clone, PartialEq)]
pub enum TimelineDetail {
    Event(EventDetail),
    Report(ReportDetail),
    Publication(DraftDetail),
    Item(ArchiveItemDetail),
}

/// Today at a glance, for the morning meeting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TodaySummary {
    pub events: Vec<(EventRow, Vec<CoverageLine>)>,
    pub reports_waiting: u64,
    pub reports: Vec<ReportRow>,
    pub drafts_in_review: u64,
    pub drafts: Vec<DraftRow>,
    /// Departments with overdue requests: (department, subject, due on).
    pub owing: Vec<(String, String, String)>,
    pub owing_total: u64,
    /// Published yesterday: (channel, title).
    pub published_yesterday: Vec<(Channel, String)>,
}

/// What the status bar shows about the database.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoreStatus {
    pub file_name: String,
    pub replica_name: String,
    pub replica_short: String,
    pub unsynced: u64,
    /// When this database last synced (local `YYYY-MM-DDTHH:MM`).
    pub last_sync: Option<String>,
    /// Conflicts waiting for review.
    pub conflicts: u64,
}
