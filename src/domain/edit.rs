//! What a user (or an importer) asks the store to change: one input per kind of record, the
//! commands that carry them, and the checks every input passes before it is written. Dates and
//! times are local text, `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM`; ids of linked records are
//! `Option<String>` (none = not linked). Field names are the names the store and the forms use,
//! so an error can be shown beside the field it is about.

use super::check::Check;
pub use super::check::{is_date, is_datetime, Invalid, Problem, MAX_LINE};
use super::status::{
    ArchiveKind, ArchiveStage, Channel, ClippingKind, CoverageRole, CoverageStatus, DraftKind,
    DraftStatus, EventKind, EventStatus, InterviewStatus, Language, MaterialKind, MaterialStatus,
    MediaRequestKind, OutletKind, QuestionStatus, ReportStatus, RequestStatus, SendChannel,
    Subjects, Tone, Via,
};

/// Every kind of record the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Event,
    Series,
    Coverage,
    Department,
    Request,
    Report,
    Draft,
    Variant,
    Publication,
    Outlet,
    Journalist,
    ContactList,
    Member,
    ArchiveItem,
    Staff,
    Campaign,
    Distribution,
    Interview,
    Clipping,
    Question,
    Answer,
    /// A file attached to a report.
    Attachment,
    /// A department's request for printed or multimedia material.
    Material,
    /// A file delivered for a request for material.
    MaterialFile,
    /// One piece sent to one journalist.
    Delivery,
    /// A series of the office's archival classification chart.
    Classification,
    /// A person's consent to appear in an archive item's photos or video.
    Consent,
}

impl RecordKind {
    /// Whether a record of this kind holds personal data of journalists (their names, phones,
    /// e-mails): it is not written anywhere but the database.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            RecordKind::Journalist
                | RecordKind::Outlet
                | RecordKind::ContactList
                | RecordKind::Member
                | RecordKind::Interview
                | RecordKind::Distribution
                | RecordKind::Delivery
                | RecordKind::Consent
        )
    }
}

/// One record: its kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    pub kind: RecordKind,
    pub id: String,
}

impl Target {
    pub fn new(kind: RecordKind, id: impl Into<String>) -> Target {
        Target {
            kind,
            id: id.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventInput {
    pub title: String,
    pub starts_at: String,
    /// Empty: no end given.
    pub ends_at: String,
    pub place: String,
    pub locality: String,
    pub department_id: Option<String>,
    pub campaign_id: Option<String>,
    pub status: EventStatus,
    pub public: bool,
    /// What the event is about ("Descripción").
    pub notes: String,
    /// A whole day (or days): `starts_at` at 00:00, `ends_at` at 23:59 of the last day.
    pub all_day: bool,
    pub kind: EventKind,
    /// Its iCalendar UID; empty keeps what is stored (a new event gets `<id>@prensa`).
    pub uid: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageInput {
    pub event_id: String,
    pub staff_id: Option<String>,
    pub role: CoverageRole,
    pub status: CoverageStatus,
    pub note: String,
}

/// A recurring event: the rule, and what each occurrence starts as. Saving it writes the
/// series and its occurrences, ordinary events that each carry the series and the start the
/// rule gave them (`recurrence_id`). An occurrence changed on its own (an update of that
/// event, by the user or an importer) is "detached": a later change of the series leaves it
/// as it is. Open-ended rules are written up to two years after today.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInput {
    /// Its iCalendar UID; empty keeps what is stored (a new series gets `<id>@prensa`).
    pub uid: String,
    pub title: String,
    /// The first occurrence, local time in `zone`.
    pub starts_at: String,
    /// The end of the first occurrence; empty: no end.
    pub ends_at: String,
    pub all_day: bool,
    /// The IANA zone the rule is expanded in; empty: the office's zone.
    pub zone: String,
    /// An iCalendar RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`; empty: only
    /// `starts_at` and the `rdates`.
    pub rule: String,
    /// Starts the rule gives that do not happen, local time in `zone`.
    pub exdates: Vec<String>,
    /// Starts the rule does not give that happen too, local time in `zone`.
    pub rdates: Vec<String>,
    pub place: String,
    pub locality: String,
    pub department_id: Option<String>,
    pub kind: EventKind,
    pub status: EventStatus,
    pub public: bool,
    pub notes: String,
}

impl SeriesInput {
    /// What each occurrence of the series is, starting at `starts_at`.
    pub fn occurrence(&self, starts_at: String, ends_at: String) -> EventInput {
        EventInput {
            title: self.title.clone(),
            starts_at,
            ends_at,
            place: self.place.clone(),
            locality: self.locality.clone(),
            department_id: self.department_id.clone(),
            campaign_id: None,
            status: self.status,
            public: self.public,
            notes: self.notes.clone(),
            all_day: self.all_day,
            kind: self.kind,
            uid: self.uid.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentInput {
    pub name: String,
    pub short_name: String,
    pub head: String,
    /// Who in the department sends the office its information.
    pub liaison: String,
    pub email: String,
    pub phone: String,
    pub whatsapp: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestInput {
    pub department_id: Option<String>,
    pub subject: String,
    pub sent_on: String,
    pub due_on: String,
    pub status: RequestStatus,
    /// How it was sent (unknown for requests from before it was recorded).
    pub channel: Option<Via>,
    /// The text sent to the department.
    pub body: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportInput {
    pub department_id: Option<String>,
    pub request_id: Option<String>,
    pub event_id: Option<String>,
    pub title: String,
    pub body: String,
    pub received_at: String,
    pub status: ReportStatus,
    /// How it arrived (unknown for reports from before it was recorded).
    pub channel: Option<Via>,
    /// Why it was discarded.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftInput {
    pub title: String,
    pub body: String,
    pub kind: DraftKind,
    pub status: DraftStatus,
    pub written_at: String,
    pub topic: String,
    pub report_id: Option<String>,
    pub event_id: Option<String>,
    pub campaign_id: Option<String>,
    pub author_id: Option<String>,
    /// Who approved it and when; the store sets them when the draft is approved.
    pub approved_by: String,
    pub approved_at: String,
    /// Why it was turned back (set with the move to "rechazado").
    pub review_comment: String,
    /// When it is to go out, once scheduled (`YYYY-MM-DDTHH:MM`).
    pub scheduled_for: String,
}

impl DraftInput {
    /// A new post in "borrador", written at `written_at`, linked to nothing yet.
    pub fn new(title: &str, body: &str, written_at: &str) -> DraftInput {
        DraftInput {
            title: title.to_owned(),
            body: body.to_owned(),
            kind: DraftKind::Post,
            status: DraftStatus::Draft,
            written_at: written_at.to_owned(),
            topic: String::new(),
            report_id: None,
            event_id: None,
            campaign_id: None,
            author_id: None,
            approved_by: String::new(),
            approved_at: String::new(),
            review_comment: String::new(),
            scheduled_for: String::new(),
        }
    }
}

/// What the office configures for its press releases and the compliance checks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficeInput {
    /// The header of a press release (one or more lines), where it is issued, how media
    /// reach the office.
    pub header: String,
    pub place: String,
    pub contact: String,
    /// The folio's prefix (`CS`).
    pub folio_prefix: String,
    /// Art. 134: officials' names and titles, and the phrases that personalise (one per line).
    pub officials: String,
    pub phrases: String,
    /// Blackout periods: (from, to, name).
    pub vedas: Vec<(chrono::NaiveDate, chrono::NaiveDate, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VariantInput {
    pub draft_id: String,
    pub channel: Channel,
    pub body: String,
    /// The most characters it may hold; `None`: the network's published limit.
    pub limit: Option<u32>,
    /// Whether it goes out with an image, and that image's description for people who
    /// cannot see it.
    pub with_image: bool,
    pub alt_text: String,
    /// The language it is written in; a translation names its translator and whether a
    /// second speaker reviewed it.
    pub language: Language,
    pub translator: String,
    pub reviewed: bool,
}

impl VariantInput {
    /// A Spanish version for `channel` with no image and the network's limit.
    pub fn new(draft_id: &str, channel: Channel, body: &str) -> VariantInput {
        VariantInput {
            draft_id: draft_id.to_owned(),
            channel,
            body: body.to_owned(),
            limit: None,
            with_image: false,
            alt_text: String::new(),
            language: Language::Spanish,
            translator: String::new(),
            reviewed: false,
        }
    }

    /// The most characters it may hold: its own limit, else the network's.
    pub fn max_chars(&self) -> Option<usize> {
        self.limit
            .filter(|l| *l > 0)
            .map(|l| l as usize)
            .or(self.channel.limit())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PublicationInput {
    pub draft_id: String,
    pub channel: Channel,
    pub published_at: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutletInput {
    pub name: String,
    pub kind: OutletKind,
    /// The municipality it is based in.
    pub city: String,
    /// The region it covers ("Huasteca potosina", "Estatal", "Nacional").
    pub region: String,
    pub email: String,
    /// One or more numbers, as the office writes them.
    pub phone: String,
    /// Its web or Facebook page.
    pub website: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JournalistInput {
    pub outlet_id: Option<String>,
    pub name: String,
    pub role: String,
    /// What they cover ("salud, obras"), comma-separated.
    pub beats: String,
    pub email: String,
    /// Mobile, also their WhatsApp.
    pub phone: String,
    /// How they prefer to receive what the office sends.
    pub channel: SendChannel,
    /// They asked not to be contacted: never offered for a distribution.
    pub do_not_contact: bool,
    pub dnc_reason: String,
    /// They agreed to the office holding their data…
    pub consent: bool,
    /// …on this day (`YYYY-MM-DD`), when they acknowledged the privacy notice.
    pub privacy_notice_on: String,
    pub notes: String,
    /// The contact lists the journalist is on (ids).
    pub lists: Vec<String>,
}

impl OutletInput {
    /// An outlet with a name and a kind, and nothing else yet.
    pub fn new(name: &str, kind: OutletKind) -> OutletInput {
        OutletInput {
            name: name.to_owned(),
            kind,
            city: String::new(),
            region: String::new(),
            email: String::new(),
            phone: String::new(),
            website: String::new(),
            notes: String::new(),
        }
    }
}

impl JournalistInput {
    /// A journalist with a name, and nothing else yet.
    pub fn new(name: &str) -> JournalistInput {
        JournalistInput {
            outlet_id: None,
            name: name.to_owned(),
            role: String::new(),
            beats: String::new(),
            email: String::new(),
            phone: String::new(),
            channel: SendChannel::Email,
            do_not_contact: false,
            dnc_reason: String::new(),
            consent: false,
            privacy_notice_on: String::new(),
            notes: String::new(),
            lists: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactListInput {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberInput {
    pub list_id: String,
    pub journalist_id: String,
}

/// A file of the media store attached to a report.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentInput {
    pub report_id: String,
    pub media_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveItemInput {
    pub kind: ArchiveKind,
    pub title: String,
    pub description: String,
    pub occurred_at: String,
    pub department_id: Option<String>,
    pub event_id: Option<String>,
    pub files: u32,
    /// Tag names; the store finds or makes each tag.
    pub tags: Vec<String>,
    pub place: String,
    /// The people who appear or speak, as written (comma-separated names).
    pub people: String,
    pub report_id: Option<String>,
    /// The piece (draft, publication) the item belongs to or was used in.
    pub draft_id: Option<String>,
    /// The series of the classification chart it is filed under.
    pub series_id: Option<String>,
    /// The file ("expediente") within its series, as the office codes it.
    pub expediente: String,
    pub stage: ArchiveStage,
    pub subjects: Subjects,
}

impl ArchiveItemInput {
    /// An item with nothing but its kind, title and time (local `YYYY-MM-DDTHH:MM`).
    pub fn new(kind: ArchiveKind, title: &str, occurred_at: &str) -> ArchiveItemInput {
        ArchiveItemInput {
            kind,
            title: title.to_owned(),
            description: String::new(),
            occurred_at: occurred_at.to_owned(),
            department_id: None,
            event_id: None,
            files: 0,
            tags: Vec::new(),
            place: String::new(),
            people: String::new(),
            report_id: None,
            draft_id: None,
            series_id: None,
            expediente: String::new(),
            stage: ArchiveStage::Active,
            subjects: Subjects::Nobody,
        }
    }
}

/// A series of the archival classification chart ("cuadro general de clasificación
/// archivística"): the section (the office's function) and the series within it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassificationInput {
    pub section_code: String,
    pub section_name: String,
    pub code: String,
    pub name: String,
    /// Years the series is kept in the office before it moves on (0: not set).
    pub years: u32,
}

/// A person's consent to appear in an item's photos or video: who, for what, until when, and
/// the document that records it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentInput {
    pub item_id: String,
    pub person: String,
    pub minor: bool,
    /// Who gave it: the person, or a minor's parent or guardian.
    pub given_by: String,
    pub purpose: String,
    /// The last day it holds (`YYYY-MM-DD`); empty: no end.
    pub valid_until: String,
    /// Where the signed form is: its folio, or the file of its scan.
    pub document: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StaffInput {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignInput {
    pub name: String,
    pub objective: String,
    pub starts_on: String,
    pub ends_on: String,
    /// The department it is for, if one.
    pub department_id: Option<String>,
}

/// A department asks the office for material: what, for which campaign or event, by when;
/// where it stands, who at the department approved what was delivered, and when.
#[derive(Debug, Clone, PartialEq)]
pub struct MaterialInput {
    pub title: String,
    pub kind: MaterialKind,
    pub description: String,
    pub department_id: Option<String>,
    pub campaign_id: Option<String>,
    pub event_id: Option<String>,
    /// `YYYY-MM-DD`.
    pub requested_on: String,
    pub needed_by: String,
    pub status: MaterialStatus,
    pub approved_by: String,
    pub delivered_on: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DistributionInput {
    pub draft_id: String,
    pub list_id: String,
    pub sent_at: String,
    pub channel: SendChannel,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InterviewInput {
    pub kind: MediaRequestKind,
    pub outlet_id: Option<String>,
    pub journalist_id: Option<String>,
    pub topic: String,
    /// The official they asked for.
    pub interviewee: String,
    /// `YYYY-MM-DD`.
    pub requested_on: String,
    /// `YYYY-MM-DD`, or empty.
    pub due_on: String,
    pub scheduled_at: String,
    pub status: InterviewStatus,
    /// How it ended: what was given, what was published.
    pub outcome: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClippingInput {
    pub outlet_id: Option<String>,
    pub kind: ClippingKind,
    pub title: String,
    pub url: String,
    pub published_on: String,
    pub tone: Tone,
    pub summary: String,
    pub topic: String,
    /// The department whose work it is about.
    pub department_id: Option<String>,
    /// The office's boletín it quotes: the release was picked up.
    pub quoted_id: Option<String>,
    /// The office's answer to it (what it corrects, what it says), and the piece that
    /// carries it.
    pub response: String,
    pub draft_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionInput {
    pub channel: Channel,
    pub asked_at: String,
    /// What was asked, never who asked it.
    pub question: String,
    pub topic: String,
    /// The department it was routed to.
    pub department_id: Option<String>,
    pub status: QuestionStatus,
    /// The reusable answer the reply started from.
    pub answer_id: Option<String>,
    /// The reply as given.
    pub response: String,
    /// When the reply was given (`YYYY-MM-DDTHH:MM`), or empty.
    pub answered_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerInput {
    pub title: String,
    pub body: String,
    pub topic: String,
}

/// One record's content, of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Event(EventInput),
    Series(SeriesInput),
    Coverage(CoverageInput),
    Department(DepartmentInput),
    Request(RequestInput),
    Report(ReportInput),
    Draft(DraftInput),
    Variant(VariantInput),
    Publication(PublicationInput),
    Outlet(OutletInput),
    Journalist(JournalistInput),
    ContactList(ContactListInput),
    Member(MemberInput),
    ArchiveItem(ArchiveItemInput),
    Staff(StaffInput),
    Campaign(CampaignInput),
    Distribution(DistributionInput),
    Interview(InterviewInput),
    Clipping(ClippingInput),
    Question(QuestionInput),
    Answer(AnswerInput),
    Attachment(AttachmentInput),
    Material(MaterialInput),
    Classification(ClassificationInput),
    Consent(ConsentInput),
}

impl Record {
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Event(_) => RecordKind::Event,
            Record::Series(_) => RecordKind::Series,
            Record::Coverage(_) => RecordKind::Coverage,
            Record::Department(_) => RecordKind::Department,
            Record::Request(_) => RecordKind::Request,
            Record::Report(_) => RecordKind::Report,
            Record::Draft(_) => RecordKind::Draft,
            Record::Variant(_) => RecordKind::Variant,
            Record::Publication(_) => RecordKind::Publication,
            Record::Outlet(_) => RecordKind::Outlet,
            Record::Journalist(_) => RecordKind::Journalist,
            Record::ContactList(_) => RecordKind::ContactList,
            Record::Member(_) => RecordKind::Member,
            Record::ArchiveItem(_) => RecordKind::ArchiveItem,
            Record::Staff(_) => RecordKind::Staff,
            Record::Campaign(_) => RecordKind::Campaign,
            Record::Distribution(_) => RecordKind::Distribution,
            Record::Interview(_) => RecordKind::Interview,
            Record::Clipping(_) => RecordKind::Clipping,
            Record::Question(_) => RecordKind::Question,
            Record::Answer(_) => RecordKind::Answer,
            Record::Attachment(_) => RecordKind::Attachment,
            Record::Material(_) => RecordKind::Material,
            Record::Classification(_) => RecordKind::Classification,
            Record::Consent(_) => RecordKind::Consent,
        }
    }

    /// The checks that need nothing but the record itself: required fields, lengths, dates.
    /// The first field that fails is the error.
    pub fn validate(&self) -> Result<(), Invalid> {
        let c = Check::new();
        match self {
            Record::Event(e) => c
                .required("title", &e.title)
                .datetime("starts_at", &e.starts_at, true)
                .datetime("ends_at", &e.ends_at, false)
                .order("ends_at", &e.starts_at, &e.ends_at)
                .line("place", &e.place)
                .line("locality", &e.locality)
                .line("uid", &e.uid),
            Record::Series(s) => c
                .required("title", &s.title)
                .datetime("starts_at", &s.starts_at, true)
                .datetime("ends_at", &s.ends_at, false)
                .order("ends_at", &s.starts_at, &s.ends_at)
                .rule("rule", &s.rule)
                .datetimes("exdates", &s.exdates)
                .datetimes("rdates", &s.rdates)
                .line("place", &s.place)
                .line("locality", &s.locality)
                .line("uid", &s.uid),
            Record::Coverage(v) => c.line("note", &v.note),
            Record::Member(_) | Record::Attachment(_) => c,
            Record::Variant(v) => c
                .line("alt_text", &v.alt_text)
                .line("translator", &v.translator),
            Record::Department(d) => c
                .required("name", &d.name)
                .line("short_name", &d.short_name)
                .line("head", &d.head)
                .line("liaison", &d.liaison)
                .email("email", &d.email)
                .line("phone", &d.phone)
                .line("whatsapp", &d.whatsapp),
            Record::Request(r) => c
                .required("subject", &r.subject)
                .date("sent_on", &r.sent_on, true)
                .date("due_on", &r.due_on, false)
                .order("due_on", &r.sent_on, &r.due_on),
            Record::Report(r) => {
                let c = c
                    .required("title", &r.title)
                    .datetime("received_at", &r.received_at, true);
                // A report set aside says why, so nobody wonders later.
                if r.status == ReportStatus::Discarded {
                    c.required("reason", &r.reason)
                } else {
                    c
                }
            }
            Record::Draft(d) => {
                let c = c
                    .required("title", &d.title)
                    .datetime("written_at", &d.written_at, true)
                    .datetime("scheduled_for", &d.scheduled_for, false)
                    .line("topic", &d.topic);
                // A piece turned back says why, so its author knows what to correct.
                if d.status == DraftStatus::Rejected {
                    c.required("review_comment", &d.review_comment)
                } else {
                    c
                }
            }
            Record::Publication(p) => c.datetime("published_at", &p.published_at, true),
            Record::Outlet(o) => c
                .required("name", &o.name)
                .line("city", &o.city)
                .line("region", &o.region)
                .email("email", &o.email)
                .line("phone", &o.phone)
                .line("website", &o.website),
            Record::Journalist(j) => c
                .required("name", &j.name)
                .line("role", &j.role)
                .line("beats", &j.beats)
                .email("email", &j.email)
                .line("phone", &j.phone)
                .line("dnc_reason", &j.dnc_reason)
                .date("privacy_notice_on", &j.privacy_notice_on, false),
            Record::ContactList(l) => c.required("name", &l.name),
            Record::ArchiveItem(a) => c
                .required("title", &a.title)
                .datetime("occurred_at", &a.occurred_at, true)
                .line("place", &a.place)
                .line("people", &a.people)
                .line("expediente", &a.expediente),
            Record::Classification(k) => c
                .required("code", &k.code)
                .required("name", &k.name)
                .line("code", &k.code)
                .line("name", &k.name)
                .line("section_code", &k.section_code)
                .line("section_name", &k.section_name),
            Record::Consent(k) => {
                let c = c
                    .required("person", &k.person)
                    .line("person", &k.person)
                    .line("given_by", &k.given_by)
                    .line("purpose", &k.purpose)
                    .date("valid_until", &k.valid_until, false)
                    .line("document", &k.document);
                // A minor's consent is given by a parent or guardian, named.
                if k.minor {
                    c.required("given_by", &k.given_by)
                } else {
                    c
                }
            }
            Record::Staff(s) => c.required("name", &s.name).email("email", &s.email),
            Record::Campaign(k) => c
                .required("name", &k.name)
                .date("starts_on", &k.starts_on, false)
                .date("ends_on", &k.ends_on, false)
                .order("ends_on", &k.starts_on, &k.ends_on),
            Record::Distribution(d) => c.datetime("sent_at", &d.sent_at, true),
            Record::Interview(i) => c
                .required("topic", &i.topic)
                .date("requested_on", &i.requested_on, true)
                .date("due_on", &i.due_on, false),
            Record::Clipping(k) => c
                .required("title", &k.title)
                .date("published_on", &k.published_on, true)
                .line("topic", &k.topic),
            Record::Question(q) => c
                .required("question", &q.question)
                .datetime("asked_at", &q.asked_at, true)
                .line("topic", &q.topic)
                .datetime("answered_at", &q.answered_at, false)
                .order("answered_at", &q.asked_at, &q.answered_at),
            Record::Answer(a) => c
                .required("title", &a.title)
                .required("body", &a.body)
                .line("topic", &a.topic),
            Record::Material(m) => c
                .required("title", &m.title)
                .date("requested_on", &m.requested_on, true)
                .date("needed_by", &m.needed_by, false)
                .order("needed_by", &m.requested_on, &m.needed_by)
                .date("delivered_on", &m.delivered_on, false)
                .line("approved_by", &m.approved_by),
        }
        .done()
    }
}

/// A change asked of the store. Every write of the console, the command line and the
/// importers is one of these, run through the store's typed commands.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A new record; `id` when the caller must choose it (demo data, re-imports).
    Create { id: Option<String>, record: Record },
    /// New content for an existing record.
    Update { id: String, record: Record },
    /// Deletes a record (a tombstone: it syncs, and undo brings it back).
    Delete(Target),
    /// Moves a record to another status (its code), along the allowed moves only.
    SetStatus { target: Target, status: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::invalid;

    fn event(title: &str, starts: &str, ends: &str) -> Record {
        Record::Event(EventInput {
            title: title.into(),
            starts_at: starts.into(),
            ends_at: ends.into(),
            place: String::new(),
            locality: String::new(),
            department_id: None,
            campaign_id: None,
            status: EventStatus::Scheduled,
            public: true,
            notes: String::new(),
            all_day: false,
            kind: EventKind::Public,
            uid: String::new(),
        })
    }

    #[test]
    fn an_event_needs_a_title_and_a_start() {
        assert_eq!(
            event(" ", "2025-03-06T10:00", "").validate(),
            Err(invalid("title", Problem::Required))
        );
        assert_eq!(
            event("Reunión", "6 de marzo", "").validate(),
            Err(invalid("starts_at", Problem::BadDateTime))
        );
        assert!(event("Reunión", "2025-03-06T10:00", "").validate().is_ok());
    }

    #[test]
    fn an_event_cannot_end_before_it_starts() {
        assert_eq!(
            event("Reunión", "2025-03-06T10:00", "2025-03-06T09:00").validate(),
            Err(invalid("ends_at", Problem::BeforeStart))
        );
    }

    #[test]
    fn titles_have_a_limit_bodies_do_not() {
        let long = "a".repeat(MAX_LINE + 1);
        assert_eq!(
            event(&long, "2025-03-06T10:00", "").validate(),
            Err(invalid("title", Problem::TooLong(MAX_LINE)))
        );
        let report = Record::Report(ReportInput {
            department_id: None,
            request_id: None,
            event_id: None,
            title: "Informe".into(),
            body: "x".repeat(1_000_000),
            received_at: "2025-03-06T10:00".into(),
            status: ReportStatus::Received,
            channel: None,
            reason: String::new(),
        });
        assert!(report.validate().is_ok());
    }

    #[test]
    fn emails_are_checked_loosely() {
        let outlet = |email: &str| {
            Record::Outlet(OutletInput {
                email: email.into(),
                ..OutletInput::new("La Voz", OutletKind::Radio)
            })
            .validate()
        };
        assert!(outlet("").is_ok());
        assert!(outlet("prensa@lavoz.mx").is_ok());
        assert_eq!(outlet("lavoz.mx"), Err(invalid("email", Problem::BadEmail)));
        assert_eq!(outlet("a b@c.mx"), Err(invalid("email", Problem::BadEmail)));
    }
}
