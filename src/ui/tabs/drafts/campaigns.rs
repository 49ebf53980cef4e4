//! Campañas: pieces grouped under a campaign (a department's, for some dates, with an
//! objective), and how far along it is: how many of its pieces went out.
use ratatui::layout::Constraint;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::{CampaignDetail, CampaignRow, PageRequest};
use crate::i18n::{stamp, t, tf, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::tabs::lines::{link_bullet, link_field, own};
use crate::ui::widgets::{field, heading};

/// "3 de 8 publicadas" and a bar of 10 cells: what went out of what was written.
pub fn progress(published: u32, pieces: u32) -> String {
    if pieces == 0 {
        return t(Msg::CampaignEmpty).to_owned();
    }
    let filled = ((published.min(pieces) * 10 + pieces / 2) / pieces) as usize;
    format!(
        "{}{} {}",
        "█".repeat(filled),
        "░".repeat(10 - filled),
        tf(Msg::CampaignProgress, &[&published, &pieces])
    )
}

fn dates(starts_on: &str, ends_on: &str) -> String {
    match (starts_on.is_empty(), ends_on.is_empty()) {
        (false, false) => format!("{} – {}", stamp(starts_on), stamp(ends_on)),
        (false, true) => stamp(starts_on),
        (true, false) => format!("– {}", stamp(ends_on)),
        (true, true) => String::new(),
    }
}

#[derive(Debug)]
pub struct Campaigns;

impl ListKind for Campaigns {
    type Row = CampaignRow;
    type Detail = CampaignDetail;
    const LIST: ListId = ListId::Campaigns;
    const KIND: RecordKind = RecordKind::Campaign;

    fn title() -> Msg {
        Msg::ViewCampaigns
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<CampaignRow>> {
        data.campaigns(q, req)
    }

    fn detail(data: &dyn Reader, row: &CampaignRow, _: &Ctx) -> DataResult<CampaignDetail> {
        data.campaign(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColDates, Msg::ColName, Msg::ColArea, Msg::ColProgress]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(23),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(10),
        ]
    }

    fn cells(c: &CampaignRow, ctx: &Ctx) -> (Vec<String>, Style) {
        // A campaign under way stands out from the ones that ended.
        let today = ctx.now.date().to_string();
        let current = c.starts_on.as_str() <= today.as_str()
            && (c.ends_on.is_empty() || today.as_str() <= c.ends_on.as_str());
        let style = if current {
            Style::new().fg(Color::Green)
        } else {
            Style::new()
        };
        let cells = vec![
            dates(&c.starts_on, &c.ends_on),
            c.name.clone(),
            c.department.clone(),
            format!("{}/{}", c.published, c.pieces),
        ];
        (cells, style)
    }

    fn describe(c: &CampaignRow) -> (String, Option<String>) {
        (c.name.clone(), None)
    }

    fn lines(d: &CampaignDetail) -> Vec<DetailLine> {
        let c = &d.row;
        let mut out = vec![own(
            &c.name,
            Target::new(RecordKind::Campaign, c.id.clone()),
            None,
        )];
        if let Some(department) = &d.department {
            out.push(link_field(Msg::FieldArea, department));
        }
        let when = dates(&c.starts_on, &c.ends_on);
        if !when.is_empty() {
            out.push(plain(field(Msg::FDates, when)));
        }
        out.push(plain(
            Line::from(progress(c.published, c.pieces)).fg(Color::Green),
        ));
        if !d.objective.trim().is_empty() {
            out.push(plain(Line::default()));
            out.extend(d.objective.lines().map(|l| plain(Line::from(l.to_owned()))));
        }
        out.push(plain(heading(Msg::SecPieces, d.pieces.len())));
        out.extend(d.pieces.iter().map(link_bullet));
        out.push(plain(heading(Msg::SecEvents, d.events.len())));
        out.extend(d.events.iter().map(link_bullet));
        out.push(plain(heading(Msg::SecMaterials, d.materials.len())));
        out.extend(d.materials.iter().map(link_bullet));
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}
