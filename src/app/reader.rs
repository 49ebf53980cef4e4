//! The screens' window on the store: every read they may make, and nothing else.
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
use crate::i18n::{t, Msg};
use crate::store::{self, Store};
use crate::ui::data::{DataResult, Reader};

fn text<T>(r: store::Result<T>) -> DataResult<T> {
    r.map_err(|e| e.to_string())
}

impl Reader for Store {
    fn events(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<EventRow>> {
        text(self.events_page(q, r))
    }
    fn event(&self, id: &str) -> DataResult<EventDetail> {
        text(self.event_detail(id))
    }
    fn agenda(&self, from: NaiveDate, to: NaiveDate) -> DataResult<Vec<AgendaEvent>> {
        text(Store::agenda(self, from, to))
    }
    fn agenda_days(&self, from: NaiveDate, to: NaiveDate) -> DataResult<Vec<DayCount>> {
        text(Store::agenda_days(self, from, to))
    }
    fn reports(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ReportRow>> {
        text(self.reports_page(q, r))
    }
    fn report(&self, id: &str) -> DataResult<ReportDetail> {
        text(self.report_detail(id))
    }
    fn requests(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<RequestRow>> {
        text(self.requests_page(q, r))
    }
    fn request(&self, id: &str) -> DataResult<RequestDetail> {
        text(self.request_detail(id))
    }
    fn departments(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<DepartmentRow>> {
        text(self.departments_page(q, r))
    }
    fn department(&self, id: &str, today: NaiveDate) -> DataResult<DepartmentDetail> {
        text(self.department_detail(id, today))
    }
    fn request_text_template(&self) -> DataResult<String> {
        text(self.request_template())
            .map(|own| own.unwrap_or_else(|| t(Msg::RequestTemplate).to_owned()))
    }
    fn briefing(&self, day: NaiveDate) -> DataResult<crate::domain::briefing::Briefing> {
        text(Store::briefing(self, day))
    }
    fn department_figures(&self, today: NaiveDate) -> DataResult<Vec<DepartmentFigures>> {
        text(Store::department_figures(self, today))
    }
    fn drafts(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<DraftRow>> {
        text(self.drafts_page(q, r))
    }
    fn draft(&self, id: &str) -> DataResult<DraftDetail> {
        text(self.draft_detail(id))
    }
    fn campaigns(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<CampaignRow>> {
        text(self.campaigns_page(q, r))
    }
    fn campaign(&self, id: &str) -> DataResult<CampaignDetail> {
        text(self.campaign_detail(id))
    }
    fn materials(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<MaterialRow>> {
        text(self.materials_page(q, r))
    }
    fn material(&self, id: &str) -> DataResult<MaterialDetail> {
        text(self.material_detail(id))
    }
    fn journalists(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<JournalistRow>> {
        text(self.journalists_page(q, r))
    }
    fn journalist(&self, id: &str) -> DataResult<JournalistDetail> {
        text(self.journalist_detail(id))
    }
    fn outlets(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<OutletRow>> {
        text(self.outlets_page(q, r))
    }
    fn outlet(&self, id: &str) -> DataResult<OutletDetail> {
        text(self.outlet_detail(id))
    }
    fn contact_lists(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ContactListRow>> {
        text(self.contact_lists_page(q, r))
    }
    fn contact_list(&self, id: &str) -> DataResult<ContactListDetail> {
        text(self.contact_list_detail(id))
    }
    fn classification(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ClassificationRow>> {
        text(self.classification_page(q, r))
    }
    fn series(&self, id: &str) -> DataResult<ClassificationDetail> {
        text(self.classification_detail(id))
    }
    fn interviews(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<InterviewRow>> {
        text(self.interviews_page(q, r))
    }
    fn interview(&self, id: &str) -> DataResult<InterviewDetail> {
        text(self.interview_detail(id))
    }
    fn clippings(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<ClippingRow>> {
        text(self.clippings_page(q, r))
    }
    fn clipping(&self, id: &str) -> DataResult<ClippingDetail> {
        text(self.clipping_detail(id))
    }
    fn questions(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<QuestionRow>> {
        text(self.questions_page(q, r))
    }
    fn question(&self, id: &str) -> DataResult<QuestionDetail> {
        text(self.question_detail(id))
    }
    fn answers(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<AnswerRow>> {
        text(self.answers_page(q, r))
    }
    fn answer(&self, id: &str) -> DataResult<AnswerDetail> {
        text(self.answer_detail(id))
    }
    fn monitoring_figures(&self, today: NaiveDate) -> DataResult<MonitoringFigures> {
        text(Store::monitoring_figures(self, today))
    }
    fn reach_totals(&self, month: &str) -> DataResult<crate::domain::reach::ReachTotals> {
        text(Store::reach_totals(self, month))
    }
    fn distributions(&self, q: &Query, r: &PageRequest) -> DataResult<Vec<DistributionRow>> {
        text(self.distributions_page(q, r))
    }
    fn distribution(&self, id: &str) -> DataResult<DistributionDetail> {
        text(self.distribution_detail(id))
    }
    fn timeline(&self, q: &Query, r: &PageRequest, now: &str) -> DataResult<Vec<TimelineRow>> {
        text(self.timeline_page(q, r, now))
    }
    fn timeline_detail(&self, kind: TimelineKind, id: &str) -> DataResult<TimelineDetail> {
        text(Store::timeline_detail(self, kind, id))
    }
    fn count(&self, list: ListId, q: &Query, now: &str) -> DataResult<u64> {
        text(Store::count(self, list, q, now))
    }
    fn record(&self, target: &Target) -> DataResult<Record> {
        text(Store::record(self, target))
    }
    fn choices(&self, kind: RecordKind, t: &str, today: &str) -> DataResult<(Vec<Choice>, bool)> {
        text(Store::choices(self, kind, t, today))
    }
    fn choice(&self, kind: RecordKind, id: &str) -> DataResult<Option<Choice>> {
        text(Store::choice(self, kind, id))
    }
    fn locate(&self, target: &Target) -> DataResult<Option<SortKey>> {
        text(Store::place_of(self, target))
    }
    fn publication_draft(&self, id: &str) -> DataResult<String> {
        text(Store::publication_draft(self, id))
    }
    fn allowed_moves(&self, kind: RecordKind, from: &str) -> Vec<&'static str> {
        store::allowed_moves(kind, from)
    }
}
