//! Material: what the departments ask the office to make (a poster, a flyer, a banner, an
//! invitation, a video, a radio spot), for which campaign or event, by when; where it stands,
//! what was delivered and who at the department approved it. One still owed after its day
//! says so, in words.
use chrono::NaiveDate;
use ratatui::layout::Constraint;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::requests::overdue;
use crate::domain::status::{MaterialKind, MaterialStatus};
use crate::domain::{MaterialDetail, MaterialRow, PageRequest};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::tabs::agenda::options;
use crate::ui::tabs::lines::{link_field, own};
use crate::ui::tabs::reports::file_line;
use crate::ui::widgets::{field, heading};

/// Whether the office still owes it after the day it was needed by.
pub fn late(m: &MaterialRow, today: NaiveDate) -> bool {
    m.status.open() && overdue(&m.needed_by, today)
}

#[derive(Debug)]
pub struct Materials;

impl ListKind for Materials {
    type Row = MaterialRow;
    type Detail = MaterialDetail;
    const LIST: ListId = ListId::Materials;
    const KIND: RecordKind = RecordKind::Material;
    const CHILD: Option<RecordKind> = Some(RecordKind::MaterialFile);

    fn title() -> Msg {
        Msg::ViewMaterials
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<MaterialRow>> {
        data.materials(q, req)
    }

    fn detail(data: &dyn Reader, row: &MaterialRow, _: &Ctx) -> DataResult<MaterialDetail> {
        data.material(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColNeededBy,
            Msg::ColTitle,
            Msg::ColArea,
            Msg::ColStatus,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(16),
        ]
    }

    fn cells(m: &MaterialRow, ctx: &Ctx) -> (Vec<String>, Style) {
        let late = late(m, ctx.now.date());
        let style = match m.status {
            _ if late => Style::new().fg(Color::Red),
            MaterialStatus::Delivered | MaterialStatus::Cancelled => Style::new().dim(),
            MaterialStatus::Review => Style::new().fg(Color::Yellow),
            _ => Style::new(),
        };
        let status = if late {
            t(Msg::MaterialLate).to_owned()
        } else {
            m.status.label().to_owned()
        };
        let cells = vec![
            stamp(&m.needed_by),
            format!("{}: {}", m.kind.label(), m.title),
            m.department.clone(),
            status,
        ];
        (cells, style)
    }

    fn describe(m: &MaterialRow) -> (String, Option<String>) {
        (m.title.clone(), Some(m.status.code().to_owned()))
    }

    fn lines(d: &MaterialDetail) -> Vec<DetailLine> {
        let m = &d.row;
        let mut out = vec![
            own(
                &m.title,
                Target::new(RecordKind::Material, m.id.clone()),
                Some(m.status.code()),
            ),
            plain(field(Msg::FieldKind, m.kind.label())),
            plain(field(Msg::FieldStatus, m.status.label())),
        ];
        if let Some(department) = &d.department {
            out.push(link_field(Msg::FieldArea, department));
        }
        out.push(plain(field(Msg::FRequestedOn, stamp(&d.requested_on))));
        if !m.needed_by.is_empty() {
            out.push(plain(field(Msg::FNeededBy, stamp(&m.needed_by))));
        }
        if let Some(campaign) = &d.campaign {
            out.push(link_field(Msg::FieldCampaign, campaign));
        }
        if let Some(event) = &d.event {
            out.push(link_field(Msg::FieldEvent, event));
        }
        if !d.delivered_on.is_empty() {
            out.push(plain(field(Msg::FDeliveredOn, stamp(&d.delivered_on))));
        }
        if !d.approved_by.is_empty() {
            out.push(plain(field(Msg::FApprovedByArea, d.approved_by.clone())));
        }
        if !d.description.trim().is_empty() {
            out.push(plain(Line::default()));
            out.extend(
                d.description
                    .lines()
                    .map(|l| plain(Line::from(l.to_owned()))),
            );
        }
        if !d.notes.trim().is_empty() {
            out.push(plain(field(Msg::FieldNotes, d.notes.trim().to_owned())));
        }
        out.push(plain(heading(Msg::SecDelivered, d.files.len())));
        out.extend(
            d.files
                .iter()
                .map(|f| file_line(f, RecordKind::MaterialFile)),
        );
        if d.files.is_empty() {
            out.push(plain(Line::from(t(Msg::DeliveredHint)).dim()));
        }
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(MaterialStatus::ALL, MaterialStatus::code),
            kinds: options(MaterialKind::ALL, MaterialKind::code),
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}
