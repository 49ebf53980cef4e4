//! What the user reads for the domain's coded values, kinds of record, fields and problems.
//! The domain keeps codes; this is the one place that names them.
use super::dates::short_date;
use super::{number, t, tf, Msg};
use crate::domain::compliance::{Finding, Issue};
use crate::domain::edit::{Problem, RecordKind};
use crate::domain::media::MediaKind;
use crate::domain::status::{
    ArchiveKind, ArchiveStage, Channel, ClippingKind, CoverageRole, CoverageStatus, DeliveryStatus,
    DraftKind, DraftStatus, EventKind, EventStatus, InterviewStatus, Language, MaterialKind,
    MaterialStatus, MediaRequestKind, OutletKind, QuestionStatus, ReportStatus, RequestStatus,
    SendChannel, Subjects, Tone, Via,
};

/// What a compliance finding says, and why.
pub fn finding_text(f: &Finding) -> String {
    match &f.issue {
        Issue::Official { name } => tf(Msg::FindOfficial, &[name]),
        Issue::Personal { phrase } => tf(Msg::FindPersonal, &[phrase]),
        Issue::Veda { period, from, to } => tf(
            Msg::FindVeda,
            &[period, &short_date(*from), &short_date(*to)],
        ),
        Issue::OverLimit {
            channel,
            length,
            limit,
        } => tf(
            Msg::FindOverLimit,
            &[
                &channel.label(),
                &number(*length as u64),
                &number(*limit as u64),
                &number(length.saturating_sub(*limit) as u64),
            ],
        ),
        Issue::Hashtags {
            channel,
            count,
            max,
        } => tf(Msg::FindHashtags, &[&channel.label(), count, max]),
        Issue::NoAlt { channel } => tf(Msg::FindNoAlt, &[&channel.label()]),
        Issue::Consent { item, minors } => tf(
            if *minors {
                Msg::FindConsentMinors
            } else {
                Msg::FindConsent
            },
            &[item],
        ),
        Issue::Translation {
            channel,
            language,
            translator,
        } => tf(
            if *translator {
                Msg::FindNotReviewed
            } else {
                Msg::FindNoTranslator
            },
            &[&channel.label(), &language.label()],
        ),
    }
}

/// A value the user reads by name.
pub trait Label: Copy {
    fn msg(self) -> Msg;

    fn label(self) -> &'static str {
        t(self.msg())
    }
}

macro_rules! labels {
    ($name:ident { $($variant:ident => $msg:ident),+ $(,)? }) => {
        impl Label for $name {
            fn msg(self) -> Msg {
                match self { $($name::$variant => Msg::$msg),+ }
            }
        }
    };
}

labels!(EventStatus {
    Scheduled => StEventScheduled,
    Confirmed => StEventConfirmed,
    Covered => StEventCovered,
    Postponed => StEventPostponed,
    Cancelled => StEventCancelled,
});
labels!(CoverageRole {
    Photo => RolePhoto,
    Video => RoleVideo,
    Text => RoleText,
    Live => RoleLive,
    Design => RoleDesign,
});
labels!(EventKind {
    Public => EvKindPublic,
    Tour => EvKindTour,
    Inauguration => EvKindInauguration,
    Meeting => EvKindMeeting,
    Council => EvKindCouncil,
    Ceremony => EvKindCeremony,
    Other => EvKindOther,
});
labels!(CoverageStatus {
    Pending => StCoveragePending,
    Assigned => StCoverageAssigned,
    Covered => StCoverageCovered,
    Delivered => StCoverageDelivered,
    Cancelled => StCoverageCancelled,
});
labels!(RequestStatus {
    Pending => StRequestPending,
    Answered => StRequestAnswered,
    Cancelled => StRequestCancelled,
});
labels!(ReportStatus {
    Received => StReportReceived,
    Review => StReportReview,
    InDraft => StReportInDraft,
    Used => StReportUsed,
    Archived => StReportArchived,
    Discarded => StReportDiscarded,
});
labels!(Via {
    WhatsApp => ViaWhatsApp,
    Email => ViaEmail,
    Paper => ViaPaper,
    InPerson => ViaInPerson,
    Phone => ViaPhone,
});
labels!(DraftStatus {
    Draft => StDraftDraft,
    Review => StDraftReview,
    Rejected => StDraftRejected,
    Approved => StDraftApproved,
    Scheduled => StDraftScheduled,
    Published => StDraftPublished,
    Discarded => StDraftDiscarded,
});
labels!(DraftKind {
    Post => KindPost,
    Release => KindRelease,
    Campaign => KindCampaign,
    Script => KindScript,
});
labels!(MaterialKind {
    Poster => MatPoster,
    Flyer => MatFlyer,
    Banner => MatBanner,
    Invitation => MatInvitation,
    Video => MatVideo,
    RadioSpot => MatRadioSpot,
    Other => MatOther,
});
labels!(MaterialStatus {
    Received => StMatReceived,
    Design => StMatDesign,
    Review => StMatReview,
    Delivered => StMatDelivered,
    Cancelled => StMatCancelled,
});
labels!(Language {
    Spanish => LangSpanish,
    Tenek => LangTenek,
    Nahuatl => LangNahuatl,
});
labels!(Channel {
    Facebook => ChFacebook,
    X => ChX,
    Instagram => ChInstagram,
    WhatsApp => ChWhatsApp,
    Web => ChWeb,
    Media => ChMedia,
});
labels!(OutletKind {
    Newspaper => OutNewspaper,
    Radio => OutRadio,
    Tv => OutTv,
    Digital => OutDigital,
});
labels!(ArchiveKind {
    Photos => ArcPhotos,
    Video => ArcVideo,
    Interview => ArcInterview,
    Document => ArcDocument,
    Clipping => ArcClipping,
    Activity => ArcActivity,
});
labels!(ArchiveStage {
    Active => StageActive,
    Semiactive => StageSemiactive,
    Historical => StageHistorical,
});
labels!(Subjects {
    Nobody => SubjectsNobody,
    Adults => SubjectsAdults,
    Minors => SubjectsMinors,
});
labels!(InterviewStatus {
    Requested => StInterviewRequested,
    Scheduled => StInterviewScheduled,
    Done => StInterviewDone,
    Declined => StInterviewDeclined,
});
labels!(MediaRequestKind {
    Interview => MrInterview,
    Information => MrInformation,
    Material => MrMaterial,
});
labels!(DeliveryStatus {
    Pending => DlPending,
    Sent => DlSent,
    Failed => DlFailed,
});
labels!(Tone {
    Positive => TonePositive,
    Neutral => ToneNeutral,
    Negative => ToneNegative,
});
labels!(QuestionStatus {
    Open => StQuestionOpen,
    Routed => StQuestionRouted,
    Answered => StQuestionAnswered,
    Closed => StQuestionClosed,
});
labels!(ClippingKind {
    News => ClipNews,
    Opinion => ClipOpinion,
    Interview => ClipInterview,
    Social => ClipSocial,
    Broadcast => ClipBroadcast,
});
labels!(SendChannel {
    Email => SendEmail,
    WhatsApp => ChWhatsApp,
});
labels!(RecordKind {
    Event => RecEvent,
    Series => RecSeries,
    Coverage => RecCoverage,
    Department => RecDepartment,
    Request => RecRequest,
    Report => RecReport,
    Draft => RecDraft,
    Variant => RecVariant,
    Publication => RecPublication,
    Outlet => RecOutlet,
    Journalist => RecJournalist,
    ContactList => RecContactList,
    Member => RecMember,
    ArchiveItem => RecArchiveItem,
    Staff => RecStaff,
    Campaign => RecCampaign,
    Distribution => RecDistribution,
    Interview => RecInterview,
    Clipping => RecClipping,
    Question => RecQuestion,
    Answer => RecAnswer,
    Attachment => RecAttachment,
    Material => RecMaterial,
    MaterialFile => RecMaterialFile,
    Delivery => RecDelivery,
    Classification => RecClassification,
    Consent => RecConsent,
});

labels!(MediaKind {
    Photo => MediaPhoto,
    Video => MediaVideo,
    Audio => MediaAudio,
    Document => MediaDocument,
});

/// The label of a record's status code, or the code itself when this version does not know it.
pub fn status_label(kind: RecordKind, code: &str) -> String {
    fn of<T: Label>(v: Option<T>) -> Option<&'static str> {
        v.map(Label::label)
    }
    let known = match kind {
        RecordKind::Event | RecordKind::Series => of(EventStatus::from_code(code)),
        RecordKind::Coverage => of(CoverageStatus::from_code(code)),
        RecordKind::Request => of(RequestStatus::from_code(code)),
        RecordKind::Report => of(ReportStatus::from_code(code)),
        RecordKind::Draft => of(DraftStatus::from_code(code)),
        RecordKind::Interview => of(InterviewStatus::from_code(code)),
        RecordKind::Question => of(QuestionStatus::from_code(code)),
        RecordKind::Material => of(MaterialStatus::from_code(code)),
        RecordKind::Delivery => of(DeliveryStatus::from_code(code)),
        _ => None,
    };
    known.map(str::to_owned).unwrap_or_else(|| code.to_owned())
}

/// The name of a field (as the store and the forms call it) as the user reads it.
pub fn field_label(field: &str) -> String {
    let msg = match field {
        "title" | "subject" => Msg::FTitle,
        "name" => Msg::FName,
        "short_name" => Msg::FShortName,
        "head" => Msg::FHead,
        "liaison" => Msg::FLiaison,
        "whatsapp" => Msg::FWhatsApp,
        "reason" => Msg::FReason,
        "request_text" => Msg::FRequestText,
        "starts_at" | "date" => Msg::FDate,
        "start_time" => Msg::FStartTime,
        "received_time" | "occurred_time" => Msg::FTime,
        "received_on" => Msg::FieldReceived,
        "occurred_on" => Msg::FieldWhen,
        "ends_at" | "end_time" => Msg::FEndTime,
        "place" => Msg::FieldPlace,
        "locality" => Msg::FLocality,
        "department_id" => Msg::FieldArea,
        "campaign_id" => Msg::FieldCampaign,
        "status" => Msg::FieldStatus,
        "public" => Msg::FPublic,
        "notes" => Msg::FDescription,
        "note" => Msg::FieldNotes,
        "all_day" => Msg::FAllDay,
        "repeat" | "rule" => Msg::FRepeat,
        "repeat_until" => Msg::FRepeatUntil,
        "repeat_count" => Msg::FRepeatCount,
        "repeat_days" => Msg::FRepeatDays,
        "exdates" => Msg::FExcept,
        "staff_id" => Msg::FStaff,
        "role" => Msg::FieldRole,
        "email" => Msg::FieldEmail,
        "phone" => Msg::FieldPhone,
        "active" => Msg::FActive,
        "sent_on" => Msg::FSentOn,
        "due_on" => Msg::FDueOn,
        "request_id" => Msg::FieldRequest,
        "event_id" => Msg::FieldEvent,
        "report_id" => Msg::SourceReport,
        "body" | "description" | "question" => Msg::FieldText,
        "received_at" => Msg::FieldReceived,
        "kind" => Msg::FieldKind,
        "written_at" => Msg::FieldWritten,
        "topic" => Msg::FTopic,
        "review_comment" => Msg::FReviewComment,
        "header" => Msg::FHeader,
        "starts_on" => Msg::FFrom,
        "ends_on" => Msg::FTo,
        "objective" => Msg::FObjective,
        "requested_on" => Msg::FRequestedOn,
        "needed_by" => Msg::FNeededBy,
        "delivered_on" => Msg::FDeliveredOn,
        "approved_by" => Msg::FApprovedByArea,
        "contact" => Msg::FContact,
        "folio_prefix" => Msg::FFolioPrefix,
        "officials" => Msg::FOfficials,
        "phrases" => Msg::FPhrases,
        "vedas" => Msg::FVedas,
        "limit" => Msg::FLimit,
        "with_image" => Msg::FWithImage,
        "alt_text" => Msg::FAltText,
        "language" => Msg::FLanguage,
        "translator" => Msg::FTranslator,
        "reviewed" => Msg::FReviewed,
        "url" => Msg::FUrl,
        "author_id" => Msg::FieldAuthor,
        "channel" => Msg::FChannel,
        "outlet_id" => Msg::FieldOutlet,
        "city" => Msg::FieldCity,
        "website" => Msg::FWebsite,
        "consent" => Msg::FConsent,
        "privacy_notice_on" => Msg::FPrivacyOn,
        "region" => Msg::FRegion,
        "beats" => Msg::FBeats,
        "draft_id" => Msg::FieldPiece,
        "columns" => Msg::FColumns,
        "password" => Msg::FPassword,
        "preferred" => Msg::FPreferredChannel,
        "do_not_contact" => Msg::FDoNotContact,
        "dnc_reason" => Msg::FDncReason,
        "outcome" => Msg::FOutcome,
        "interviewee" => Msg::FInterviewee,
        "lists" => Msg::SecLists,
        "list_id" => Msg::RecContactList,
        "journalist_id" => Msg::RecJournalist,
        "occurred_at" => Msg::FieldWhen,
        "tags" => Msg::FTags,
        "folio" => Msg::FieldFolio,
        "deleted_at" => Msg::FieldDeleted,
        "from" => Msg::FFrom,
        "to" => Msg::FTo,
        "folder" => Msg::FFolder,
        "file" => Msg::FFile,
        "files" => Msg::FFiles,
        "people" => Msg::FPeople,
        "series_id" => Msg::FSeries,
        "expediente" => Msg::FExpediente,
        "stage" => Msg::FStage,
        "subjects" => Msg::FSubjects,
        "section_code" => Msg::FSectionCode,
        "section_name" => Msg::FSectionName,
        "code" => Msg::FCode,
        "years" => Msg::FYears,
        "person" => Msg::FPerson,
        "minor" => Msg::FMinor,
        "given_by" => Msg::FGivenBy,
        "purpose" => Msg::FPurpose,
        "valid_until" => Msg::FValidUntil,
        "document" => Msg::FDocument,
        "tag" => Msg::FTag,
        "paths" => Msg::FPaths,
        "published_on" => Msg::FPublishedOn,
        "summary" => Msg::FClipText,
        "tone" => Msg::FTone,
        "quoted_id" => Msg::FQuotes,
        "response" => Msg::FResponse,
        "asked_on" => Msg::FAskedOn,
        "asked_time" => Msg::FTime,
        "answer_id" => Msg::FFromAnswer,
        "answered_at" | "answered_on" => Msg::FAnsweredAt,
        "answered_time" => Msg::FAnsweredTime,
        "reach" => Msg::FReach,
        "reactions" => Msg::FReactions,
        "comments" => Msg::FComments,
        "shares" => Msg::FShares,
        "post_id" => Msg::FPostId,
        "insights_on" => Msg::FInsightsOn,
        _ => return field.to_owned(),
    };
    t(msg).to_owned()
}

/// What is wrong with a given field, as a sentence: a due date before the request was sent
/// says so in those words.
pub fn field_problem(field: &str, problem: Problem) -> String {
    match (field, problem) {
        ("due_on", Problem::BeforeStart) => t(Msg::PDueBeforeSent).to_owned(),
        ("answered_at", Problem::BeforeStart) => t(Msg::PAnsweredBeforeAsked).to_owned(),
        _ => problem_text(problem),
    }
}

/// What is wrong with a field, as a sentence.
pub fn problem_text(problem: Problem) -> String {
    match problem {
        Problem::Required => t(Msg::PRequired).to_owned(),
        Problem::TooLong(n) => tf(Msg::PTooLong, &[&super::number(n as u64)]),
        Problem::BadDate => t(Msg::PBadDate).to_owned(),
        Problem::BadDateTime => t(Msg::PBadDateTime).to_owned(),
        Problem::BeforeStart => t(Msg::PBeforeStart).to_owned(),
        Problem::BadEmail => t(Msg::PBadEmail).to_owned(),
        Problem::Missing => t(Msg::PMissing).to_owned(),
        Problem::NotAllowed => t(Msg::PNotAllowed).to_owned(),
        Problem::BadRule => t(Msg::PBadRule).to_owned(),
        Problem::OtherDepartment => t(Msg::POtherDepartment).to_owned(),
        Problem::NoActiveDepartment => t(Msg::PNoActiveDepartment).to_owned(),
        Problem::NotARelease => t(Msg::PNotARelease).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_spanish_by_default() {
        assert_eq!(DraftStatus::Review.label(), "En revisión");
        assert_eq!(Channel::X.label(), "X");
        assert_eq!(status_label(RecordKind::Draft, "zzz"), "zzz");
        assert_eq!(status_label(RecordKind::Event, "cancelled"), "Cancelado");
        assert_eq!(field_label("title"), "Título");
    }
}
