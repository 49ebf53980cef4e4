//! Solicitudes: the requests for information sent to the departments, with the overdue ones
//! marked in words.
use chrono::NaiveDate;
use ratatui::layout::Constraint;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::requests::overdue;
use crate::domain::status::RequestStatus;
use crate::domain::{PageRequest, RequestDetail, RequestRow};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, Pick};
use crate::ui::tabs::agenda::options;
use crate::ui::tabs::lines::{link_bullet, link_field, own};
use crate::ui::widgets::{field, heading};

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

    fn detail(data: &dyn Reader, row: &RequestRow, ctx: &Ctx) -> DataResult<RequestDetail> {
        let mut d = data.request(&row.id)?;
        d.overdue = is_overdue(&d.row, ctx.now.date());
        Ok(d)
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

    /// The text sent to the department, ready to paste into WhatsApp or an e-mail.
    fn copy_text(d: &RequestDetail, _: Option<&Pick>) -> Option<String> {
        (!d.body.trim().is_empty()).then(|| d.body.clone())
    }

    fn lines(d: &RequestDetail) -> Vec<DetailLine> {
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
        let status = if d.overdue {
            t(Msg::StRequestOverdue)
        } else {
            r.status.label()
        };
        out.push(plain(field(Msg::FieldStatus, status)));
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
