//! Áreas: the municipal departments, with each one's figures in its detail.
use ratatui::layout::Constraint;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::Line;

use super::{figures, plain};
use crate::domain::edit::{RecordKind, Target};
use crate::domain::figures::DepartmentFigures;
use crate::domain::query::{ListId, Query};
use crate::domain::{DepartmentDetail, DepartmentRow, PageRequest};
use crate::i18n::{t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::tabs::lines::{link_bullet, own};
use crate::ui::widgets::{field, heading};

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
