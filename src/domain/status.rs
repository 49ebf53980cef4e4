//! The coded values the store keeps (stable ASCII codes) and their labels on screen.
//! Rules about them (allowed transitions, limits) live beside each type.
use crate::i18n::{t, Msg};

/// Declares an enum stored as a stable code, shown through the catalogue.
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal => $msg:ident),+ $(,)? }) => {
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

            /// What the user reads.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => t(Msg::$msg)),+ }
            }
        }
    };
}

coded!(
    /// Where an agenda event stands.
    EventStatus {
        Scheduled = "scheduled" => StEventScheduled,
        Covered = "covered" => StEventCovered,
        Postponed = "postponed" => StEventPostponed,
        Cancelled = "cancelled" => StEventCancelled,
    }
);

coded!(
    /// What a member of the office covers at an event.
    CoverageRole {
        Photo = "photo" => RolePhoto,
        Video = "video" => RoleVideo,
        Text = "text" => RoleText,
        Live = "live" => RoleLive,
    }
);

coded!(
    CoverageStatus {
        Assigned = "assigned" => StCoverageAssigned,
        Covered = "covered" => StCoverageCovered,
        Delivered = "delivered" => StCoverageDelivered,
    }
);

coded!(
    /// A request for information sent to a department.
    RequestStatus {
        Pending = "pending" => StRequestPending,
        Answered = "answered" => StRequestAnswered,
        Cancelled = "cancelled" => StRequestCancelled,
    }
);

coded!(
    ReportStatus {
        Received = "received" => StReportReceived,
        InDraft = "in_draft" => StReportInDraft,
        Used = "used" => StReportUsed,
        Discarded = "discarded" => StReportDiscarded,
    }
);

coded!(
    DraftStatus {
        Draft = "draft" => StDraftDraft,
        Review = "review" => StDraftReview,
        Approved = "approved" => StDraftApproved,
        Published = "published" => StDraftPublished,
        Discarded = "discarded" => StDraftDiscarded,
    }
);

impl DraftStatus {
    /// The statuses a draft may move to from this one.
    pub fn next(self) -> &'static [DraftStatus] {
        use DraftStatus::*;
        match self {
            Draft => &[Review, Discarded],
            Review => &[Approved, Draft, Discarded],
            Approved => &[Published, Draft, Discarded],
            Published => &[],
            Discarded => &[Draft],
        }
    }

    pub fn can_move_to(self, to: DraftStatus) -> bool {
        self.next().contains(&to)
    }
}

coded!(
    /// A social-media post or a press release (which gets a folio).
    DraftKind {
        Post = "post" => KindPost,
        Release = "release" => KindRelease,
    }
);

coded!(
    /// Where a piece is published.
    Channel {
        Facebook = "facebook" => ChFacebook,
        X = "x" => ChX,
        Instagram = "instagram" => ChInstagram,
        WhatsApp = "whatsapp" => ChWhatsApp,
        Web = "web" => ChWeb,
        Media = "media" => ChMedia,
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
}

coded!(
    OutletKind {
        Newspaper = "newspaper" => OutNewspaper,
        Radio = "radio" => OutRadio,
        Tv = "tv" => OutTv,
        Digital = "digital" => OutDigital,
    }
);

coded!(
    /// What an archive-only item holds.
    ArchiveKind {
        Photos = "photos" => ArcPhotos,
        Video = "video" => ArcVideo,
        Interview = "interview" => ArcInterview,
        Document = "document" => ArcDocument,
        Clipping = "clipping" => ArcClipping,
    }
);

coded!(
    InterviewStatus {
        Requested = "requested" => StInterviewRequested,
        Scheduled = "scheduled" => StInterviewScheduled,
        Done = "done" => StInterviewDone,
        Declined = "declined" => StInterviewDeclined,
    }
);

coded!(
    Tone {
        Positive = "positive" => TonePositive,
        Neutral = "neutral" => ToneNeutral,
        Negative = "negative" => ToneNegative,
    }
);

coded!(
    QuestionStatus {
        Open = "open" => StQuestionOpen,
        Answered = "answered" => StQuestionAnswered,
    }
);

/// The label of a stored code, or the code itself when this version does not know it.
pub fn label_or_code<T>(
    code: &str,
    from: fn(&str) -> Option<T>,
    label: fn(T) -> &'static str,
) -> String {
    from(code)
        .map(label)
        .map(str::to_owned)
        .unwrap_or_else(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn approval_needs_review_first() {
        assert!(!DraftStatus::Draft.can_move_to(DraftStatus::Approved));
        assert!(DraftStatus::Draft.can_move_to(DraftStatus::Review));
        assert!(DraftStatus::Review.can_move_to(DraftStatus::Approved));
        assert!(DraftStatus::Approved.can_move_to(DraftStatus::Published));
    }

    #[test]
    fn x_posts_are_limited_to_280() {
        assert_eq!(Channel::X.limit(), Some(280));
        assert_eq!(Channel::Web.limit(), None);
    }

    #[test]
    fn labels_are_spanish_by_default() {
        assert_eq!(DraftStatus::Review.label(), "En revisión");
        assert_eq!(label_or_code("x", Channel::from_code, Channel::label), "X");
        assert_eq!(
            label_or_code("zzz", Channel::from_code, Channel::label),
            "zzz"
        );
    }
}
