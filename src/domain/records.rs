//! Plain rows and details the store returns and the screens draw. They carry data — ids,
//! codes, local times as text `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM` — never translated labels.
use super::compliance::Finding;
use super::edit::{RecordKind, Target};
use super::status::{
    ArchiveKind, Channel, CoverageRole, CoverageStatus, DraftKind, DraftStatus, EventKind,
    EventStatus, InterviewStatus, Language, MaterialKind, MaterialStatus, OutletKind, ReportStatus,
    RequestStatus, Via,
};

/// Where a row stands in its list: the list's sort column as text, then the row id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SortKey {
    pub primary: String,
    pub id: String,
}

/// A row that can be paged by keyset, and the record it stands for.
pub trait Keyed {
    fn key(&self) -> SortKey;
    fn target(&self) -> Target;
}

/// Which way to read a list from a key: in the list's order or against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// Rows after this key (in the direction read); `None` reads from the edge.
    pub after: Option<SortKey>,
    /// Whether the row at `after` itself is included.
    pub inclusive: bool,
    /// `true` reads in the list's own order, `false` against it.
    pub forward: bool,
    pub limit: usize,
}

macro_rules! keyed {
    ($row:ty, $kind:expr, $key:ident) => {
        impl Keyed for $row {
            fn key(&self) -> SortKey {
                SortKey {
                    primary: self.$key.clone(),
                    id: self.id.clone(),
                }
            }
            fn target(&self) -> Target {
                Target::new($kind, self.id.clone())
            }
        }
    };
}
pub(crate) use keyed;

/// A related record in a detail pane: what it is, when, its title and its status code.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkLine {
    pub target: Target,
    pub date: String,
    pub title: String,
    /// The status code of the linked record (empty when it has none).
    pub status: String,
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
    /// How many assignments it has that are not cancelled.
    pub coverage: u32,
}
keyed!(EventRow, RecordKind::Event, starts_at);

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageLine {
    pub id: String,
    pub role: CoverageRole,
    pub staff: String,
    pub status: CoverageStatus,
    pub note: String,
}

/// The series an event belongs to, as its detail shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesLine {
    pub id: String,
    pub rule: String,
    pub detached: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventDetail {
    pub row: EventRow,
    pub notes: String,
    pub kind: EventKind,
    pub all_day: bool,
    /// The series it is one occurrence of: its id and rule, and whether this occurrence was
    /// changed on its own.
    pub series: Option<SeriesLine>,
    pub department: Option<LinkLine>,
    pub coverage: Vec<CoverageLine>,
    pub reports: Vec<LinkLine>,
    pub drafts: Vec<LinkLine>,
    pub archive: Vec<LinkLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub id: String,
    pub received_at: String,
    pub title: String,
    pub department: String,
    pub status: ReportStatus,
}
keyed!(ReportRow, RecordKind::Report, received_at);

#[derive(Debug, Clone, PartialEq)]
pub struct ReportDetail {
    pub row: ReportRow,
    pub body: String,
    /// How it arrived.
    pub channel: Option<Via>,
    /// Why it was discarded.
    pub reason: String,
    pub department: Option<LinkLine>,
    /// The request it answers (date = due on).
    pub request: Option<LinkLine>,
    /// The event it reports on.
    pub event: Option<LinkLine>,
    pub drafts: Vec<LinkLine>,
    /// The files sent with it, in the order they were attached.
    pub files: Vec<super::media::FileLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestRow {
    pub id: String,
    pub sent_on: String,
    pub due_on: String,
    pub subject: String,
    pub department: String,
    pub status: RequestStatus,
}
keyed!(RequestRow, RecordKind::Request, sent_on);

#[derive(Debug, Clone, PartialEq)]
pub struct RequestDetail {
    pub row: RequestRow,
    pub notes: String,
    /// How it was sent.
    pub channel: Option<Via>,
    /// The text sent to the department.
    pub body: String,
    /// Still pending past its due date, on the day the screen read it (the store leaves it
    /// false: "today" is the console's).
    pub overdue: bool,
    pub department: Option<LinkLine>,
    pub reports: Vec<LinkLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentRow {
    pub id: String,
    /// The list's order: the preloaded order, then by name.
    pub sort: String,
    pub name: String,
    pub short_name: String,
    pub head: String,
    pub active: bool,
}
keyed!(DepartmentRow, RecordKind::Department, sort);

#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentDetail {
    pub row: DepartmentRow,
    pub liaison: String,
    pub email: String,
    pub phone: String,
    pub whatsapp: String,
    /// Requests still pending.
    pub pending: Vec<LinkLine>,
    /// The latest reports received.
    pub reports: Vec<LinkLine>,
    /// How it answers the office, as of the day the detail was read.
    pub figures: crate::domain::figures::DepartmentFigures,
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
keyed!(DraftRow, RecordKind::Draft, written_at);

#[derive(Debug, Clone, PartialEq)]
pub struct VariantLine {
    pub id: String,
    pub channel: Channel,
    /// Its length as its network counts it, and the most it may hold.
    pub chars: usize,
    pub limit: Option<usize>,
    /// Its hashtags, in order.
    pub tags: Vec<String>,
    pub language: Language,
    pub translator: String,
    pub reviewed: bool,
    pub with_image: bool,
    pub alt_text: String,
    /// Its text as it goes out (for WhatsApp, with WhatsApp's marks).
    pub body: String,
}

/// A finding of the compliance checks, and the acknowledgment that let it through, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckLine {
    pub finding: Finding,
    /// (reason, who, when).
    pub acknowledged: Option<(String, String, String)>,
}

/// A move of a piece: when, who, from and to, and the comment of a rejection.
#[derive(Debug, Clone, PartialEq)]
pub struct StepLine {
    pub at: String,
    pub actor: String,
    pub from: Option<DraftStatus>,
    pub to: DraftStatus,
    pub comment: String,
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
    /// Where it came from: a report or an event.
    pub source: Option<LinkLine>,
    pub variants: Vec<VariantLine>,
    pub publications: Vec<PublicationLine>,
    /// Lists of media it was sent to (date = sent at).
    pub sent_to: Vec<LinkLine>,
    pub topic: String,
    /// Why it was turned back (while it is).
    pub review_comment: String,
    /// When it goes out, once scheduled.
    pub scheduled_for: String,
    pub approved_by: String,
    pub approved_at: String,
    /// What the compliance checks find, as of the day it would go out.
    pub checks: Vec<CheckLine>,
    /// Its moves, oldest first.
    pub steps: Vec<StepLine>,
    /// Other pieces holding the same folio (after two machines numbered apart).
    pub same_folio: Vec<LinkLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JournalistRow {
    pub id: String,
    pub name: String,
    pub outlet: String,
    pub outlet_kind: OutletKind,
    pub role: String,
}
keyed!(JournalistRow, RecordKind::Journalist, name);

#[derive(Debug, Clone, PartialEq)]
pub struct InterviewLine {
    pub requested_on: String,
    pub topic: String,
    pub status: InterviewStatus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JournalistDetail {
    pub row: JournalistRow,
    pub outlet: Option<LinkLine>,
    pub email: String,
    pub phone: String,
    pub city: String,
    pub beats: String,
    pub channel: crate::domain::status::SendChannel,
    /// Why they asked not to be contacted; `None` when they may be.
    pub do_not_contact: Option<String>,
    /// When a piece last reached them (a delivery sent), if ever.
    pub last_contacted: Option<String>,
    pub consent: bool,
    pub privacy_notice_on: String,
    pub notes: String,
    pub lists: Vec<LinkLine>,
    /// What reached this journalist lately (drafts, date = sent at).
    pub recent_sends: Vec<LinkLine>,
    pub interviews: Vec<InterviewLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutletRow {
    pub id: String,
    pub name: String,
    pub kind: OutletKind,
    pub city: String,
    pub journalists: u32,
}
keyed!(OutletRow, RecordKind::Outlet, name);

#[derive(Debug, Clone, PartialEq)]
pub struct OutletDetail {
    pub row: OutletRow,
    pub region: String,
    pub notes: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub journalists: Vec<LinkLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactListRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub members: u32,
}
keyed!(ContactListRow, RecordKind::ContactList, name);

/// A journalist on a list: the membership (to remove it) and the journalist (to open).
#[derive(Debug, Clone, PartialEq)]
pub struct MemberLine {
    pub member_id: String,
    pub journalist: LinkLine,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactListDetail {
    pub row: ContactListRow,
    pub members: Vec<MemberLine>,
    /// The latest pieces sent to the list (drafts, date = sent at).
    pub sends: Vec<LinkLine>,
}

/// A request from a journalist in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewRow {
    pub id: String,
    pub requested_on: String,
    pub kind: crate::domain::status::MediaRequestKind,
    /// The journalist, else the outlet.
    pub who: String,
    pub topic: String,
    pub status: InterviewStatus,
    pub due_on: String,
}
keyed!(InterviewRow, RecordKind::Interview, requested_on);

#[derive(Debug, Clone, PartialEq)]
pub struct InterviewDetail {
    pub row: InterviewRow,
    pub journalist: Option<LinkLine>,
    pub outlet: Option<LinkLine>,
    pub interviewee: String,
    pub scheduled_at: String,
    pub outcome: String,
    pub notes: String,
}

/// A piece sent to a list, in the list of sends.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionRow {
    pub id: String,
    pub sent_at: String,
    pub title: String,
    pub list: String,
    /// Recipients prepared, and how many of them were reached.
    pub recipients: u32,
    pub sent: u32,
}
keyed!(DistributionRow, RecordKind::Distribution, sent_at);

/// One text ready to go: a subject (e-mail) and a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

/// The error code of a delivery to someone with neither e-mail nor phone.
pub const NO_ADDRESS: &str = "no_address";

/// One recipient of a send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryLine {
    pub id: String,
    pub journalist_id: String,
    pub name: String,
    pub outlet: String,
    pub channel: crate::domain::status::SendChannel,
    pub address: String,
    pub status: crate::domain::status::DeliveryStatus,
    pub sent_at: String,
    pub error: String,
}

/// A send of one piece to one list: who it is for, and the text each channel carries.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionDetail {
    pub row: DistributionRow,
    pub draft: Option<LinkLine>,
    pub list_link: Option<LinkLine>,
    pub deliveries: Vec<DeliveryLine>,
    pub email: Message,
    pub whatsapp: Message,
}

impl DistributionDetail {
    /// How many deliveries stand in `status`.
    pub fn count(&self, status: crate::domain::status::DeliveryStatus) -> usize {
        self.deliveries
            .iter()
            .filter(|d| d.status == status)
            .count()
    }
}

/// What a line of the archive timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineKind {
    Event,
    Report,
    Publication(Channel),
    Item(ArchiveKind),
    /// A request from the media that was answered (an interview given, information sent).
    Interview,
    /// What a medium published about the municipality.
    Clipping,
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

    fn target(&self) -> Target {
        let kind = match self.kind {
            TimelineKind::Event => RecordKind::Event,
            TimelineKind::Report => RecordKind::Report,
            TimelineKind::Publication(_) => RecordKind::Publication,
            TimelineKind::Item(_) => RecordKind::ArchiveItem,
            TimelineKind::Interview => RecordKind::Interview,
            TimelineKind::Clipping => RecordKind::Clipping,
        };
        Target::new(kind, self.id.clone())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveItemDetail {
    pub id: String,
    /// Everything the item holds, as its form edits it.
    pub item: crate::domain::edit::ArchiveItemInput,
    pub department: Option<LinkLine>,
    pub event: Option<LinkLine>,
    pub report: Option<LinkLine>,
    pub draft: Option<LinkLine>,
    /// Its series: "CS.02 Fotografía y video", and its section "1C Comunicación Social".
    pub series: Option<(String, String)>,
    /// Its files, photos first.
    pub media: Vec<MediaLine>,
    pub consents: Vec<ConsentLine>,
    /// People appear in it and no consent of theirs holds today (for minors: none given for
    /// a minor).
    pub consent_missing: bool,
    /// The picture to show of its first photo: (the file's id, a JPEG).
    pub picture: Option<(String, Vec<u8>)>,
}

/// A file of an archive item.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaLine {
    pub id: String,
    pub file_name: String,
    pub kind: crate::domain::media::MediaKind,
    pub size: u64,
    pub taken_at: String,
    /// Where its date came from: `exif`, `container`, `file` (empty: not known).
    pub date_source: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Whether the database holds a picture of it to show (a thumbnail or archive copy).
    pub preview: bool,
}

/// A person's consent to appear in an item.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentLine {
    pub id: String,
    pub person: String,
    pub minor: bool,
    pub given_by: String,
    pub purpose: String,
    pub valid_until: String,
    pub document: String,
    /// Whether it still holds today.
    pub holds: bool,
}

/// A series of the classification chart in its list.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassificationRow {
    pub id: String,
    pub code: String,
    pub name: String,
    /// Its section: "1C Comunicación Social".
    pub section: String,
    /// How many live items are filed under it.
    pub items: u64,
}

keyed!(ClassificationRow, RecordKind::Classification, code);

/// A series of the classification chart, whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassificationDetail {
    pub row: ClassificationRow,
    pub series: crate::domain::edit::ClassificationInput,
    /// The first and last days of what is filed under it.
    pub span: Option<(String, String)>,
    /// Its files ("expedientes") and how many items each holds.
    pub files: Vec<(String, u64)>,
}

/// The detail behind a timeline line: the same detail its own tab shows.
#[derive(Debug, Clone, PartialEq)]
pub enum TimelineDetail {
    Event(EventDetail),
    Report(ReportDetail),
    Publication(DraftDetail),
    /// Boxed: an item carries its picture.
    Item(Box<ArchiveItemDetail>),
    Interview(InterviewDetail),
    Clipping(ClippingDetail),
}

/// What a medium published about the municipality, as the timeline shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClippingDetail {
    pub id: String,
    pub title: String,
    pub published_on: String,
    pub outlet: Option<LinkLine>,
    pub kind: crate::domain::status::ClippingKind,
    pub tone: crate::domain::status::Tone,
    pub url: String,
    pub summary: String,
    pub topic: String,
    pub department: Option<LinkLine>,
    /// The office's boletín it quotes.
    pub quoted: Option<LinkLine>,
    /// The office's answer, and the piece that carried it.
    pub response: String,
    pub draft: Option<LinkLine>,
    /// When the response piece first went out (`YYYY-MM-DDTHH:MM`), or empty.
    pub response_out: String,
}

impl ClippingDetail {
    /// Where its response stands.
    pub fn response_state(&self) -> crate::domain::monitoring::Response {
        crate::domain::monitoring::Response::of(
            self.tone,
            self.draft.as_ref().map(|d| d.status.as_str()),
            &self.response,
        )
    }
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

/// An open conflict as the Conflictos screen shows it: one field of one record, with the
/// newest value that lost (a field edited several times on the other machine is one decision).
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictItem {
    /// Every open conflict of this field; the first is the one shown.
    pub ids: Vec<String>,
    /// The field (a column name).
    pub field: String,
    /// The record's title (or name), to say which it is.
    pub item: String,
    pub current: String,
    pub lost: String,
    /// The machine whose value lost, and when it was written (local time text).
    pub lost_machine: String,
    pub lost_at: String,
}

/// A campaign in its list: its dates, its department, and how many of its pieces went out.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRow {
    pub id: String,
    pub starts_on: String,
    pub ends_on: String,
    pub name: String,
    pub department: String,
    pub pieces: u32,
    pub published: u32,
}
keyed!(CampaignRow, RecordKind::Campaign, starts_on);

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignDetail {
    pub row: CampaignRow,
    pub objective: String,
    pub department: Option<LinkLine>,
    /// Its pieces (date = written), events (date = start) and requests for material.
    pub pieces: Vec<LinkLine>,
    pub events: Vec<LinkLine>,
    pub materials: Vec<LinkLine>,
}

/// A department's request for material in its list.
#[derive(Debug, Clone, PartialEq)]
pub struct MaterialRow {
    pub id: String,
    pub needed_by: String,
    pub title: String,
    pub kind: MaterialKind,
    pub status: MaterialStatus,
    pub department: String,
}
keyed!(MaterialRow, RecordKind::Material, needed_by);

#[derive(Debug, Clone, PartialEq)]
pub struct MaterialDetail {
    pub row: MaterialRow,
    pub description: String,
    pub requested_on: String,
    pub approved_by: String,
    pub delivered_on: String,
    pub notes: String,
    pub department: Option<LinkLine>,
    pub campaign: Option<LinkLine>,
    pub event: Option<LinkLine>,
    /// What was delivered (files in the media store).
    pub files: Vec<super::media::FileLine>,
}

/// Everything a press release ("boletín") prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bulletin {
    pub folio: String,
    /// The office's header: one or more lines ("H. Ayuntamiento de …", "Comunicación Social").
    pub header: String,
    /// Where it is issued ("Tampamolón Corona, S.L.P."); may be empty.
    pub place: String,
    pub date: chrono::NaiveDate,
    pub title: String,
    pub body: String,
    /// How media reach the office; may be empty.
    pub contact: String,
}
