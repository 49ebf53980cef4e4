//! The coded values the store keeps (stable ASCII codes) and the rules about them: which
//! status may follow which, and channel limits. What the user reads for each value is the
//! UI's business (`ui::labels`), so nothing here depends on the language.
use super::measure::Counting;

/// Declares an enum stored as a stable code.
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code kept in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value for a stored code; `None` for a code this version does not know.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

/// A status with allowed moves. Staying in the same status is always allowed.
pub trait Workflow: Sized + Copy + PartialEq + 'static {
    /// The statuses this one may move to.
    fn next(self) -> &'static [Self];

    fn can_move_to(self, to: Self) -> bool {
        self == to || self.next().contains(&to)
    }
}

coded!(
    /// Where an agenda event stands.
    EventStatus {
        Scheduled = "scheduled",
        Confirmed = "confirmed",
        Covered = "covered",
        Postponed = "postponed",
        Cancelled = "cancelled",
    }
);

impl Workflow for EventStatus {
    fn next(self) -> &'static [EventStatus] {
        use EventStatus::*;
        match self {
            Scheduled => &[Confirmed, Covered, Postponed, Cancelled],
            Confirmed => &[Scheduled, Covered, Postponed, Cancelled],
            // A postponed event gets a new date and is scheduled again, or is called off.
            Postponed => &[Scheduled, Confirmed, Cancelled],
            // A cancelled event may be put back on the agenda, never marked done.
            Cancelled => &[Scheduled],
            // Marked done by mistake: back to scheduled or confirmed.
            Covered => &[Scheduled, Confirmed],
        }
    }
}

coded!(
    /// What a member of the office covers at an event.
    CoverageRole {
        Photo = "photo",
        Video = "video",
        Text = "text",
        Live = "live",
        Design = "design",
    }
);

coded!(
    /// What kind of public act an event is.
    EventKind {
        Public = "public",
        Tour = "tour",
        Inauguration = "inauguration",
        Meeting = "meeting",
        Council = "council",
        Ceremony = "ceremony",
        Other = "other",
    }
);

impl EventKind {
    /// What kind of act an event is, from the words of its title ("Inauguración de…",
    /// "Sesión de cabildo", "Gira por…"); a public event when they say nothing.
    pub fn from_title(title: &str) -> EventKind {
        let t = super::text::fold(title);
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if has(&["inaugura", "arranque", "banderazo"]) {
            EventKind::Inauguration
        } else if has(&["cabildo"]) {
            EventKind::Council
        } else if has(&["gira", "recorrido", "visita"]) {
            EventKind::Tour
        } else if has(&[
            "reunion",
            "asamblea",
            "mesa de trabajo",
            "capacitacion",
            "taller",
        ]) {
            EventKind::Meeting
        } else if has(&["honores", "ceremonia", "aniversario", "desfile"]) {
            EventKind::Ceremony
        } else {
            EventKind::Public
        }
    }
}

coded!(
    /// Where one assignment stands: nobody yet, someone assigned, at work ("covered": the
    /// event happened, the material is not in yet), material delivered, or called off.
    CoverageStatus {
        Pending = "pending",
        Assigned = "assigned",
        Covered = "covered",
        Delivered = "delivered",
        Cancelled = "cancelled",
    }
);

impl Workflow for CoverageStatus {
    fn next(self) -> &'static [CoverageStatus] {
        use CoverageStatus::*;
        match self {
            Pending => &[Assigned, Covered, Delivered, Cancelled],
            Assigned => &[Pending, Covered, Delivered, Cancelled],
            Covered => &[Delivered, Assigned, Cancelled],
            // Material delivered cannot become "not yet covered".
            Delivered => &[Covered],
            Cancelled => &[Pending, Assigned],
        }
    }
}

coded!(
    /// A request for information sent to a department.
    RequestStatus {
        Pending = "pending",
        Answered = "answered",
        Cancelled = "cancelled",
    }
);

impl Workflow for RequestStatus {
    fn next(self) -> &'static [RequestStatus] {
        use RequestStatus::*;
        match self {
            Pending => &[Answered, Cancelled],
            Answered => &[Pending],
            Cancelled => &[Pending],
        }
    }
}

coded!(
    ReportStatus {
        Received = "received",
        Review = "review",
        InDraft = "in_draft",
        Used = "used",
        Archived = "archived",
        Discarded = "discarded",
    }
);

impl Workflow for ReportStatus {
    fn next(self) -> &'static [ReportStatus] {
        use ReportStatus::*;
        match self {
            Received => &[Review, InDraft, Archived, Discarded],
            Review => &[InDraft, Archived, Discarded, Received],
            InDraft => &[Used, Review, Archived, Discarded],
            // What was published from it stays published.
            Used => &[],
            // Kept for the record, or set aside: either may be looked at again.
            Archived => &[Review],
            Discarded => &[Received],
        }
    }
}

coded!(
    /// Where a piece stands: written, sent for review, turned back with a comment, approved,
    /// scheduled, published; or set aside.
    DraftStatus {
        Draft = "draft",
        Review = "review",
        Rejected = "rejected",
        Approved = "approved",
        Scheduled = "scheduled",
        Published = "published",
        Discarded = "discarded",
    }
);

impl Workflow for DraftStatus {
    fn next(self) -> &'static [DraftStatus] {
        use DraftStatus::*;
        match self {
            Draft => &[Review, Discarded],
            Review => &[Approved, Rejected, Draft, Discarded],
            // Turned back: corrected and sent again, or set aside.
            Rejected => &[Review, Draft, Discarded],
            Approved => &[Scheduled, Published, Draft, Discarded],
            Scheduled => &[Published, Approved, Draft],
            Published => &[],
            Discarded => &[Draft],
        }
    }
}

impl DraftStatus {
    /// Whether a press release in this status holds a folio (it gets one when approved).
    pub fn has_folio(self) -> bool {
        matches!(
            self,
            DraftStatus::Approved | DraftStatus::Scheduled | DraftStatus::Published
        )
    }

    /// Whether moving here puts the piece before the public (or lets it go there), so the
    /// compliance checks must pass first.
    pub fn goes_out(self) -> bool {
        matches!(
            self,
            DraftStatus::Approved | DraftStatus::Scheduled | DraftStatus::Published
        )
    }

    /// Whether the piece waits for someone to approve it.
    pub fn waiting(self) -> bool {
        self == DraftStatus::Review
    }
}

coded!(
    /// What a piece is: a social-media post, a press release (which gets a folio), campaign
    /// material, or a script for video or radio.
    DraftKind {
        Post = "post",
        Release = "release",
        Campaign = "campaign",
        Script = "script",
    }
);

coded!(
    /// What a department asks the office to make.
    MaterialKind {
        Poster = "poster",
        Flyer = "flyer",
        Banner = "banner",
        Invitation = "invitation",
        Video = "video",
        RadioSpot = "radio_spot",
        Other = "other",
    }
);

coded!(
    /// Where a department's request for material stands.
    MaterialStatus {
        Received = "received",
        Design = "design",
        Review = "review",
        Delivered = "delivered",
        Cancelled = "cancelled",
    }
);

impl Workflow for MaterialStatus {
    fn next(self) -> &'static [MaterialStatus] {
        use MaterialStatus::*;
        match self {
            Received => &[Design, Cancelled],
            Design => &[Review, Delivered, Cancelled, Received],
            // The department asks for changes (back to design) or agrees.
            Review => &[Design, Delivered, Cancelled],
            // Delivered and found wanting: reviewed again.
            Delivered => &[Review],
            Cancelled => &[Received],
        }
    }
}

impl Workflow for InterviewStatus {
    fn next(self) -> &'static [InterviewStatus] {
        use InterviewStatus::*;
        match self {
            Requested => &[Scheduled, Done, Declined],
            Scheduled => &[Done, Declined, Requested],
            Done => &[Scheduled],
            Declined => &[Requested],
        }
    }
}

impl InterviewStatus {
    /// Whether the office still owes an answer (so it shows on Hoy).
    pub fn open(self) -> bool {
        matches!(
            self,
            InterviewStatus::Requested | InterviewStatus::Scheduled
        )
    }
}

impl Workflow for DeliveryStatus {
    fn next(self) -> &'static [DeliveryStatus] {
        use DeliveryStatus::*;
        match self {
            Pending => &[Sent, Failed],
            Failed => &[Sent, Pending],
            // What reached someone stays reached: a retry never sends it twice.
            Sent => &[],
        }
    }
}

impl MaterialStatus {
    /// Whether the office still owes it (so it can be late).
    pub fn open(self) -> bool {
        !matches!(self, MaterialStatus::Delivered | MaterialStatus::Cancelled)
    }
}

coded!(
    /// The language a version is written in: Spanish, or an indigenous language of the
    /// Huasteca (for its radio and local audiences), which needs a translator.
    Language {
        Spanish = "es",
        Tenek = "tenek",
        Nahuatl = "nahuatl",
    }
);

coded!(
    /// Where a piece is published.
    Channel {
        Facebook = "facebook",
        X = "x",
        Instagram = "instagram",
        WhatsApp = "whatsapp",
        Web = "web",
        Media = "media",
    }
);

impl Channel {
    /// The most characters a post on this channel may hold, where the network sets one.
    pub fn limit(self) -> Option<usize> {
        match self {
            Channel::X => Some(280),
            Channel::Instagram => Some(2_200),
            Channel::Facebook => Some(63_206),
            Channel::WhatsApp => Some(65_536),
            Channel::Web | Channel::Media => None,
        }
    }

    /// How the network counts a text (X weighs links and wide characters).
    pub fn counting(self) -> Counting {
        match self {
            Channel::X => Counting::X,
            _ => Counting::Graphemes,
        }
    }

    /// The most hashtags a post may carry (Instagram: 5, since December 2025).
    pub fn max_hashtags(self) -> Option<usize> {
        match self {
            Channel::Instagram => Some(5),
            _ => None,
        }
    }

    /// Where a phone cuts the post with "Ver más" (Facebook: about 125 characters).
    pub fn fold_at(self) -> Option<usize> {
        match self {
            Channel::Facebook => Some(125),
            _ => None,
        }
    }

    /// Whether a post on this channel always carries an image (so it needs alt text).
    pub fn needs_image(self) -> bool {
        self == Channel::Instagram
    }
}

coded!(
    OutletKind {
        Newspaper = "newspaper",
        Radio = "radio",
        Tv = "tv",
        Digital = "digital",
    }
);

coded!(
    /// What an archive-only item holds.
    ArchiveKind {
        Photos = "photos",
        Video = "video",
        Interview = "interview",
        Document = "document",
        Clipping = "clipping",
        Activity = "activity",
    }
);

coded!(
    /// Where an archived record stands in its life (Ley General de Archivos): in use by the
    /// office (archivo de trámite), kept by the municipality's archive (concentración), or
    /// kept for good as history (histórico).
    ArchiveStage {
        Active = "active",
        Semiactive = "semiactive",
        Historical = "historical",
    }
);

coded!(
    /// Who can be recognised in an item's photos or video: nobody, adults, or minors (whose
    /// images need the consent of a parent or guardian).
    Subjects {
        Nobody = "none",
        Adults = "adults",
        Minors = "minors",
    }
);

coded!(
    InterviewStatus {
        Requested = "requested",
        Scheduled = "scheduled",
        Done = "done",
        Declined = "declined",
    }
);

coded!(
    /// What a journalist asked the office for.
    MediaRequestKind {
        Interview = "interview",
        Information = "information",
        Material = "material",
    }
);

coded!(
    /// Where one piece sent to one journalist stands: prepared, sent, or failed (with why).
    DeliveryStatus {
        Pending = "pending",
        Sent = "sent",
        Failed = "failed",
    }
);

coded!(
    Tone {
        Positive = "positive",
        Neutral = "neutral",
        Negative = "negative",
    }
);

coded!(
    /// Where a citizen's question stands: new, routed to a department, answered, closed
    /// (nothing to answer, or answered elsewhere).
    QuestionStatus {
        Open = "open",
        Routed = "routed",
        Answered = "answered",
        Closed = "closed",
    }
);

impl QuestionStatus {
    /// Still waiting for the office's answer.
    pub fn waiting(self) -> bool {
        matches!(self, QuestionStatus::Open | QuestionStatus::Routed)
    }
}

impl Workflow for QuestionStatus {
    fn next(self) -> &'static [QuestionStatus] {
        use QuestionStatus::*;
        match self {
            Open => &[Routed, Answered, Closed],
            Routed => &[Open, Answered, Closed],
            // Answered by mistake, or the citizen asked again.
            Answered => &[Routed, Closed, Open],
            Closed => &[Open],
        }
    }
}

coded!(
    /// What kind of piece a clipping is.
    ClippingKind {
        News = "news",
        Opinion = "opinion",
        Interview = "interview",
        Social = "social",
        Broadcast = "broadcast",
    }
);

coded!(
    /// How a request went to a department, or how its information came back.
    Via {
        WhatsApp = "whatsapp",
        Email = "email",
        Paper = "paper",
        InPerson = "in_person",
        Phone = "phone",
    }
);

coded!(
    /// How something was sent to the media.
    SendChannel {
        Email = "email",
        WhatsApp = "whatsapp",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_s_kind_is_guessed_from_its_title() {
        assert_eq!(
            EventKind::from_title("Inauguración del pozo de agua"),
            EventKind::Inauguration
        );
        assert_eq!(
            EventKind::from_title("SESIÓN ORDINARIA DE CABILDO"),
            EventKind::Council
        );
        assert_eq!(
            EventKind::from_title("Reunión con el comité de la feria"),
            EventKind::Meeting
        );
        assert_eq!(
            EventKind::from_title("Entrega de lentes"),
            EventKind::Public
        );
    }

    #[test]
    fn codes_round_trip() {
        for s in DraftStatus::ALL {
            assert_eq!(DraftStatus::from_code(s.code()), Some(*s));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(*c));
        }
        assert_eq!(EventStatus::from_code("nonsense"), None);
    }

    #[test]
    fn a_published_draft_is_final() {
        assert!(DraftStatus::Published.next().is_empty());
        assert!(!DraftStatus::Published.can_move_to(DraftStatus::Draft));
        assert!(DraftStatus::Published.can_move_to(DraftStatus::Published));
    }

    #[test]
    fn approval_needs_review_first() {
        assert!(!DraftStatus::Draft.can_move_to(DraftStatus::Approved));
        assert!(DraftStatus::Draft.can_move_to(DraftStatus::Review));
        assert!(DraftStatus::Review.can_move_to(DraftStatus::Approved));
        assert!(DraftStatus::Approved.can_move_to(DraftStatus::Published));
    }

    #[test]
    fn a_cancelled_event_is_never_covered() {
        assert!(!EventStatus::Cancelled.can_move_to(EventStatus::Covered));
        assert!(EventStatus::Cancelled.can_move_to(EventStatus::Scheduled));
        assert!(!CoverageStatus::Delivered.can_move_to(CoverageStatus::Assigned));
        assert!(!ReportStatus::Used.can_move_to(ReportStatus::Received));
    }

    #[test]
    fn x_posts_are_limited_to_280() {
        assert_eq!(Channel::X.limit(), Some(280));
        assert_eq!(Channel::Web.limit(), None);
    }
}
