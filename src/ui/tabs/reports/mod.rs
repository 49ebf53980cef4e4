//! Reportes: what the departments sent (newest first), the requests for information sent to
//! them, the departments themselves, and each department's figures (Cifras).
pub mod figures;
pub mod forms;
mod keys;

pub use keys::KEYS;

use ratatui::layout::Constraint;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::Line;

use super::agenda::options;
use super::lines::{link_bullet, link_field, own};
use super::Page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::figures::DepartmentFigures;
use crate::domain::media::FileLine;
use crate::domain::query::{ListId, Query};
use crate::domain::requests::overdue;
use crate::domain::status::{ReportStatus, RequestStatus};
use crate::domain::{
    DepartmentDetail, DepartmentRow, PageRequest, ReportDetail, ReportRow, RequestDetail,
    RequestRow,
};
use crate::i18n::labels::Label;
use crate::i18n::{file_size, stamp, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, ListPane, Pane, Pick, Role};
use crate::ui::widgets::{field, heading};
use chrono::NaiveDate;
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

fn plain(l: Line<'static>) -> DetailLine {
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
    fn copy_text(d: &ReportDetail) -> Option<String> {
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
    out.extend(d.files.iter().map(attachment_line));
    out
}

/// The filter that shows the requests past their due date (not a stored status).
const OVERDUE: &str = "overdue";

/// Whether a request is still pending past its due date.
fn is_overdue(r: &RequestRow, today: NaiveDate) -> bool {
    r.status == RequestStatus::Pending && overdue(&r.due_on, today)
}

/// How a request's status reads: "Vencida" for a pending one past its due date.
fn request_status(r: &RequestRow, today: NaiveDate) -> String {
    if is_overdue(r, today) {
        t(Msg::StRequestOverdue).to_owned()
    } else {
        r.status.label().to_owned()
    }
}

/// A file attached to a report: "name — kind, size" (`d` removes it, after asking).
fn attachment_line(f: &FileLine) -> DetailLine {
    let text = format!(
        " • {} — {}, {}",
        f.file_name,
        f.kind.label(),
        file_size(f.size)
    );
    let target = Target::new(RecordKind::Attachment, f.id.clone());
    DetailLine::pick(
        Line::from(text),
        Pick::new(Role::Child, target, f.file_name.clone()),
    )
}

#[derive(Debug)]
pub struct Requests;

impl ListKind for Requests {
    type Row = RequestRow;
    type Detail = RequestDetail;
    const LIST: ListId = ListId::Requests;
    const KIND: RecordKind = RecordKind::Request;

    fn title() -> Msg {
        Msg::ViewRequests
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<RequestRow>> {
        data.requests(q, req)
    }

    /// "Vencida" is not stored: it is a pending request past its due date, today.
    fn stored_query(q: &Query, ctx: &Ctx) -> Query {
        let mut q = q.clone();
        if q.filters.status.as_deref() == Some(OVERDUE) {
            q.filters.status = None;
            q.filters.overdue_on = Some(ctx.now.date());
        }
        q
    }

    fn detail(data: &dyn Reader, row: &RequestRow, _: &Ctx) -> DataResult<RequestDetail> {
        data.request(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColSent,
            Msg::ColSubject,
            Msg::ColArea,
            Msg::ColDue,
            Msg::ColStatus,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(10),
            Constraint::Length(10),
        ]
    }

    fn cells(r: &RequestRow, ctx: &Ctx) -> (Vec<String>, Style) {
        let overdue = is_overdue(r, ctx.now.date());
        let style = if overdue {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else if r.status == RequestStatus::Pending {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::DIM)
        };
        let cells = vec![
            stamp(&r.sent_on),
            r.subject.clone(),
            r.department.clone(),
            stamp(&r.due_on),
            request_status(r, ctx.now.date()),
        ];
        (cells, style)
    }

    fn describe(r: &RequestRow) -> (String, Option<String>) {
        (r.subject.clone(), Some(r.status.code().to_owned()))
    }

    fn lines(d: &RequestDetail) -> Vec<DetailLine> {
        Self::lines_on(d, NaiveDate::MIN)
    }

    /// The text sent to the department, ready to paste into WhatsApp or an e-mail.
    fn copy_text(d: &RequestDetail) -> Option<String> {
        (!d.body.trim().is_empty()).then(|| d.body.clone())
    }

    fn lines_on(d: &RequestDetail, today: NaiveDate) -> Vec<DetailLine> {
        let r = &d.row;
        let mut out = vec![
            own(
                &r.subject,
                Target::new(RecordKind::Request, r.id.clone()),
                Some(r.status.code()),
            ),
            plain(field(Msg::FieldSent, stamp(&r.sent_on))),
            plain(field(Msg::FieldDue, stamp(&r.due_on))),
        ];
        match &d.department {
            Some(dep) => out.push(link_field(Msg::FieldArea, dep)),
            None => out.push(plain(field(Msg::FieldArea, r.department.clone()))),
        }
        out.push(plain(field(Msg::FieldStatus, request_status(r, today))));
        if let Some(via) = d.channel {
            out.push(plain(field(Msg::FSentBy, via.label())));
        }
        if !d.body.is_empty() {
            out.push(plain(Line::default()));
            out.extend(d.body.lines().map(|l| plain(Line::from(l.to_owned()))));
            out.push(plain(Line::default()));
        }
        if !d.notes.is_empty() {
            out.push(plain(field(Msg::FieldNotes, d.notes.clone())));
        }
        out.push(plain(heading(Msg::SecReports, d.reports.len())));
        out.extend(d.reports.iter().map(link_bullet));
        out
    }

    fn filters() -> FilterSpec {
        let mut statuses = options(RequestStatus::ALL, RequestStatus::code);
        statuses.insert(1, (OVERDUE.to_owned(), t(Msg::StRequestOverdue).to_owned()));
        FilterSpec {
            statuses,
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}

#[derive(Debug)]
pub struct Departments;

impl ListKind for Departments {
    type Row = DepartmentRow;
    type Detail = DepartmentDetail;
    const LIST: ListId = ListId::Departments;
    const KIND: RecordKind = RecordKind::Department;

    fn title() -> Msg {
        Msg::ViewDepartments
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<DepartmentRow>> {
        data.departments(q, req)
    }

    fn detail(data: &dyn Reader, row: &DepartmentRow, ctx: &Ctx) -> DataResult<DepartmentDetail> {
        data.department(&row.id, ctx.now.date())
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColName, Msg::ColHead, Msg::ColStatus]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(8),
        ]
    }

    fn cells(d: &DepartmentRow, _: &Ctx) -> (Vec<String>, Style) {
        let style = if d.active {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::DIM)
        };
        let active = if d.active { t(Msg::Yes) } else { t(Msg::No) };
        (
            vec![d.name.clone(), d.head.clone(), active.to_owned()],
            style,
        )
    }

    fn describe(d: &DepartmentRow) -> (String, Option<String>) {
        (d.name.clone(), None)
    }

    fn lines(d: &DepartmentDetail) -> Vec<DetailLine> {
        let r = &d.row;
        let mut out = vec![
            own(
                &r.name,
                Target::new(RecordKind::Department, r.id.clone()),
                None,
            ),
            plain(field(Msg::FShortName, r.short_name.clone())),
            plain(field(Msg::FieldHead, r.head.clone())),
            plain(field(Msg::FLiaison, d.liaison.clone())),
            plain(field(Msg::FWhatsApp, d.whatsapp.clone())),
            plain(field(Msg::FieldEmail, d.email.clone())),
            plain(field(Msg::FieldPhone, d.phone.clone())),
            plain(field(
                Msg::FieldActive,
                if r.active { t(Msg::Yes) } else { t(Msg::No) },
            )),
        ];
        out.extend(figure_lines(&d.figures).into_iter().map(plain));
        out.push(plain(heading(Msg::SecPending, d.pending.len())));
        out.extend(d.pending.iter().map(link_bullet));
        out.push(plain(heading(Msg::SecReports, d.reports.len())));
        out.extend(d.reports.iter().map(link_bullet));
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec::default()
    }
}

/// A department's figures in its detail: the same numbers as its row in Cifras.
fn figure_lines(f: &DepartmentFigures) -> Vec<Line<'static>> {
    let mut overdue = field(Msg::FieldOverdue, figures::overdue_text(f.overdue));
    if f.overdue > 0 {
        overdue = overdue.patch_style(Style::new().fg(Color::Red).add_modifier(Modifier::BOLD));
    }
    vec![
        Line::from(t(Msg::SecFigures)).bold().underlined(),
        field(Msg::FieldLastReport, figures::last_report_text(f)),
        field(Msg::FieldThisMonth, f.this_month.to_string()),
        overdue,
        field(Msg::FieldMedianDays, figures::median_text(f.median_days)),
    ]
}
