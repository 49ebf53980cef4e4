//! Reportes: what the departments sent (newest first), the requests for information sent to
//! them, the departments themselves, and each department's figures (Cifras).
mod departments;
pub mod figures;
pub mod forms;
mod keys;
mod requests;

pub use departments::Departments;
pub use requests::Requests;

pub use keys::KEYS;

use ratatui::layout::Constraint;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::agenda::options;
use super::lines::{link_bullet, link_field, own};
use super::Page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::media::FileLine;
use crate::domain::query::{ListId, Query};
use crate::domain::status::ReportStatus;
use crate::domain::{PageRequest, ReportDetail, ReportRow};
use crate::i18n::labels::Label;
use crate::i18n::{file_size, stamp, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, ListPane, Pane, Pick, Role};
use crate::ui::widgets::{field, heading};
use figures::Figures;

/// The Reportes tab: three lists and the departments' figures, one view each.
#[derive(Debug, Default)]
pub struct Reports {
    pub view: usize,
    pub reports: ListPane<ReportList>,
    pub requests: ListPane<Requests>,
    pub departments: ListPane<Departments>,
    pub figures: Figures,
}

const VIEWS: &[Msg] = &[
    Msg::ViewReports,
    Msg::ViewRequests,
    Msg::ViewDepartments,
    Msg::ViewFigures,
];

impl Page for Reports {
    fn views(&self) -> &'static [Msg] {
        VIEWS
    }

    fn view(&self) -> usize {
        self.view
    }

    fn set_view(&mut self, view: usize) {
        self.view = view.min(VIEWS.len() - 1);
    }

    /// In the order of the views.
    fn panes(&self) -> Vec<&dyn Pane> {
        vec![
            &self.reports,
            &self.requests,
            &self.departments,
            &self.figures,
        ]
    }

    fn panes_mut(&mut self) -> Vec<&mut dyn Pane> {
        vec![
            &mut self.reports,
            &mut self.requests,
            &mut self.departments,
            &mut self.figures,
        ]
    }
}

pub(super) fn plain(l: Line<'static>) -> DetailLine {
    DetailLine::plain(l)
}

#[derive(Debug)]
pub struct ReportList;

impl ListKind for ReportList {
    type Row = ReportRow;
    type Detail = ReportDetail;
    const LIST: ListId = ListId::Reports;
    const KIND: RecordKind = RecordKind::Report;
    /// `n` on a report's detail attaches files to it.
    const CHILD: Option<RecordKind> = Some(RecordKind::Attachment);

    fn title() -> Msg {
        Msg::ViewReports
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<ReportRow>> {
        data.reports(q, req)
    }

    fn detail(data: &dyn Reader, row: &ReportRow, _: &Ctx) -> DataResult<ReportDetail> {
        data.report(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColReceived,
            Msg::ColReport,
            Msg::ColArea,
            Msg::ColStatus,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(12),
        ]
    }

    fn cells(r: &ReportRow, _: &Ctx) -> (Vec<String>, Style) {
        let style = match r.status {
            ReportStatus::Received => Style::new().fg(Color::Yellow),
            _ => Style::new(),
        };
        let cells = vec![
            stamp(&r.received_at),
            r.title.clone(),
            r.department.clone(),
            r.status.label().to_owned(),
        ];
        (cells, style)
    }

    fn describe(r: &ReportRow) -> (String, Option<String>) {
        (r.title.clone(), Some(r.status.code().to_owned()))
    }

    fn lines(d: &ReportDetail) -> Vec<DetailLine> {
        report_lines(d)
    }

    /// The report's title and text as the department sent it.
    fn copy_text(d: &ReportDetail, _: Option<&Pick>) -> Option<String> {
        Some(format!("{}\n\n{}", d.row.title, d.body.trim_end()))
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(ReportStatus::ALL, ReportStatus::code),
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}

/// A report's detail: who sent it, what it answers, the text, what was written from it.
pub fn report_lines(d: &ReportDetail) -> Vec<DetailLine> {
    let r = &d.row;
    let mut out = vec![
        own(
            &r.title,
            Target::new(RecordKind::Report, r.id.clone()),
            Some(r.status.code()),
        ),
        plain(field(Msg::FieldReceived, stamp(&r.received_at))),
    ];
    match &d.department {
        Some(dep) => out.push(link_field(Msg::FieldArea, dep)),
        None => out.push(plain(field(Msg::FieldArea, r.department.clone()))),
    }
    out.push(plain(field(Msg::FieldStatus, r.status.label())));
    if let Some(via) = d.channel {
        out.push(plain(field(Msg::FArrivedBy, via.label())));
    }
    if !d.reason.is_empty() {
        out.push(plain(field(Msg::FReason, d.reason.clone())));
    }
    if let Some(q) = &d.request {
        out.push(link_field(Msg::FieldRequest, q));
    }
    if let Some(e) = &d.event {
        out.push(link_field(Msg::FieldEvent, e));
    }
    out.push(plain(Line::default()));
    for line in d.body.lines() {
        out.push(plain(Line::from(line.to_owned())));
    }
    out.push(plain(heading(Msg::SecDrafts, d.drafts.len())));
    out.extend(d.drafts.iter().map(link_bullet));
    out.push(plain(heading(Msg::SecAttachments, d.files.len())));
    out.extend(d.files.iter().map(|f| file_line(f, RecordKind::Attachment)));
    out
}

/// A file attached to a record (a report's, a request for material's): "name — kind, size"
/// (Enter says where its copy is, `d` removes it after asking). `kind`: the link's.
pub fn file_line(f: &FileLine, kind: RecordKind) -> DetailLine {
    let text = format!(
        " • {} — {}, {}",
        f.file_name,
        f.kind.label(),
        file_size(f.size)
    );
    let target = Target::new(kind, f.id.clone());
    DetailLine::pick(
        Line::from(text),
        Pick::new(Role::Child, target, f.file_name.clone()),
    )
}
