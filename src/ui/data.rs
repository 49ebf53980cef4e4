//! What the screens may read, and nothing more: the app implements it over the store and hands
//! it to a component when the component needs data (a page of a list, a detail, choices for a
//! picker). The UI never sees SQL or the store itself.
use chrono::NaiveDate;

use crate::domain::agenda::{AgendaEvent, DayCount};
use crate::domain::edit::{Record, RecordKind, Target};
use crate::domain::figures::DepartmentFigures;
use crate::domain::monitoring::{
    AnswerDetail, AnswerRow, ClippingRow, MonitoringFigures, QuestionDetail, QuestionRow,
};
use crate::domain::query::{Choice, ListId, Query};
use crate::domain::{
    CampaignDetail, CampaignRow, ClassificationDetail, ClassificationRow, ClippingDetail,
    ContactListDetail, ContactListRow, DepartmentDetail, DepartmentRow, DistributionDetail,
    DistributionRow, DraftDetail, DraftRow, EventDetail, EventRow, InterviewDetail, InterviewRow,
    JournalistDetail, JournalistRow, MaterialDetail, MaterialRow, OutletDetail, OutletRow,
    PageRequest, ReportDetail, ReportRow, RequestDetail, RequestRow, SortKey, TimelineDetail,
    TimelineKind, TimelineRow,
};

/// A failure to read, as the message the user reads.
pub type DataResult<T> = Result<T, String>;

pub trait Reader {
    fn events(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<EventRow>>;
    fn event(&self, id: &str) -> DataResult<EventDetail>;
    /// The events starting from `from` up to `to` (exclusive), in time order, with their
    /// coverage and the clashes of the people covering them.
    fn agenda(&self, from: NaiveDate, to: NaiveDate) -> DataResult<Vec<AgendaEvent>>;
    /// How many events, and how many uncovered, each day from `from` up to `to` (exclusive).
    fn agenda_days(&self, from: NaiveDate, to: NaiveDate) -> DataResult<Vec<DayCount>>;
    fn reports(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ReportRow>>;
    fn report(&self, id: &str) -> DataResult<ReportDetail>;
    fn requests(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<RequestRow>>;
    fn request(&self, id: &str) -> DataResult<RequestDetail>;
    fn departments(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<DepartmentRow>>;
    /// A department, with its figures as of `today`.
    fn department(&self, id: &str, today: NaiveDate) -> DataResult<DepartmentDetail>;
    /// The text a new request starts from: the office's template, or the catalogue's.
    fn request_text_template(&self) -> DataResult<String>;
    /// The morning briefing for `day` (Hoy).
    fn briefing(&self, day: NaiveDate) -> DataResult<crate::domain::briefing::Briefing>;
    /// Every department's figures on `today` (the Reportes tab's Cifras).
    fn department_figures(&self, today: NaiveDate) -> DataResult<Vec<DepartmentFigures>>;
    fn drafts(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<DraftRow>>;
    fn draft(&self, id: &str) -> DataResult<DraftDetail>;
    fn campaigns(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<CampaignRow>>;
    fn campaign(&self, id: &str) -> DataResult<CampaignDetail>;
    fn materials(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<MaterialRow>>;
    fn material(&self, id: &str) -> DataResult<MaterialDetail>;
    fn journalists(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<JournalistRow>>;
    fn journalist(&self, id: &str) -> DataResult<JournalistDetail>;
    fn outlets(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<OutletRow>>;
    fn outlet(&self, id: &str) -> DataResult<OutletDetail>;
    fn contact_lists(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ContactListRow>>;
    fn contact_list(&self, id: &str) -> DataResult<ContactListDetail>;
    fn interviews(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<InterviewRow>>;
    fn classification(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ClassificationRow>>;
    fn series(&self, id: &str) -> DataResult<ClassificationDetail>;
    fn interview(&self, id: &str) -> DataResult<InterviewDetail>;
    fn distributions(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<DistributionRow>>;
    fn clippings(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ClippingRow>>;
    fn clipping(&self, id: &str) -> DataResult<ClippingDetail>;
    fn questions(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<QuestionRow>>;
    fn question(&self, id: &str) -> DataResult<QuestionDetail>;
    fn answers(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<AnswerRow>>;
    fn answer(&self, id: &str) -> DataResult<AnswerDetail>;
    /// The monitoring figures of the weeks up to `today` (Monitoreo, Cifras).
    fn monitoring_figures(&self, today: NaiveDate) -> DataResult<MonitoringFigures>;
    /// A month's reach on the networks (`YYYY-MM`; Monitoreo, Alcance).
    fn reach_totals(&self, month: &str) -> DataResult<crate::domain::reach::ReachTotals>;
    fn distribution(&self, id: &str) -> DataResult<DistributionDetail>;
    /// The archive timeline, up to `now` (local `YYYY-MM-DDTHH:MM`).
    fn timeline(&self, q: &Query, r: &PageRequest, now: &str) -> DataResult<Vec<TimelineRow>>;
    fn timeline_detail(&self, kind: TimelineKind, id: &str) -> DataResult<TimelineDetail>;
    /// How many rows a list holds under a query (capped).
    fn count(&self, list: ListId, q: &Query, now: &str) -> DataResult<u64>;
    /// A record's content, to edit it.
    fn record(&self, target: &Target) -> DataResult<Record>;
    /// Records to link to, matching `text`; and whether that is all of them.
    fn choices(&self, kind: RecordKind, text: &str, today: &str)
        -> DataResult<(Vec<Choice>, bool)>;
    /// How a linked record reads in a form.
    fn choice(&self, kind: RecordKind, id: &str) -> DataResult<Option<Choice>>;
    /// Where a record stands in its list; `None` when it is gone.
    fn locate(&self, target: &Target) -> DataResult<Option<SortKey>>;
    /// The draft a publication belongs to.
    fn publication_draft(&self, id: &str) -> DataResult<String>;
    /// The statuses a record may move to from `from` (codes).
    fn allowed_moves(&self, kind: RecordKind, from: &str) -> Vec<&'static str>;
}
