//! Reportes: what the departments sent, newest first, and what it became.
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Row;
use ratatui::Frame;

use super::layout::list_and_detail;
use super::widgets::{bullet, detail, field, heading, table, title};
use super::View;
use crate::domain::status::ReportStatus;
use crate::domain::{ReportDetail, ReportRow};
use crate::i18n::{stamp, t, Msg};

pub fn draw(frame: &mut Frame, area: Rect, view: &View) {
    let (list, pane) = list_and_detail(area);
    table(
        frame,
        list,
        t(Msg::TabReports).to_owned(),
        &view.reports.list,
        &[
            Msg::ColReceived,
            Msg::ColReport,
            Msg::ColArea,
            Msg::ColStatus,
        ],
        &[
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(12),
        ],
        |r: &ReportRow| {
            let style = match r.status {
                ReportStatus::Received => Style::new().fg(Color::Yellow),
                _ => Style::new(),
            };
            Row::new([
                stamp(&r.received_at),
                r.title.clone(),
                r.department.clone(),
                r.status.label().to_owned(),
            ])
            .style(style)
        },
    );
    if let (Some(pane), Some(d)) = (pane, &view.reports.detail) {
        detail(frame, pane, lines(d));
    }
}

pub fn lines(d: &ReportDetail) -> Vec<Line<'static>> {
    let r = &d.row;
    let mut out = vec![
        title(&r.title),
        field(Msg::FieldReceived, stamp(&r.received_at)),
        field(Msg::FieldArea, r.department.clone()),
        field(Msg::FieldStatus, r.status.label()),
    ];
    if let Some((subject, sent, due)) = &d.request {
        out.push(field(
            Msg::FieldRequest,
            format!("{subject} ({} → {})", stamp(sent), stamp(due)),
        ));
    }
    if let Some((event, at)) = &d.event {
        out.push(field(Msg::FieldEvent, format!("{event} ({})", stamp(at))));
    }
    out.push(Line::default());
    out.push(Line::from(d.body.clone()));
    out.push(heading(Msg::SecDrafts, d.drafts.len()));
    for x in &d.drafts {
        out.push(bullet(format!(
            "{} {} ({})",
            stamp(&x.date),
            x.title,
            x.status
        )));
    }
    out
}
