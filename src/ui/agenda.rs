//! Agenda: the mayor's public events in time order, who covers them, what came of them.
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Row;
use ratatui::Frame;

use super::layout::list_and_detail;
use super::widgets::{bullet, detail, field, heading, table, title};
use super::View;
use crate::domain::status::EventStatus;
use crate::domain::{EventDetail, EventRow};
use crate::i18n::{stamp, stamp_long, t, Msg};

pub fn draw(frame: &mut Frame, area: Rect, view: &View) {
    let (list, pane) = list_and_detail(area);
    let today = view.now.format("%Y-%m-%d").to_string();
    table(
        frame,
        list,
        t(Msg::TabAgenda).to_owned(),
        &view.agenda.list,
        &[Msg::ColWhen, Msg::ColEvent, Msg::ColArea, Msg::ColStatus],
        &[
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(10),
        ],
        |e: &EventRow| {
            let style = match e.status {
                EventStatus::Cancelled => Style::new()
                    .fg(Color::Red)
                    .add_modifier(Modifier::CROSSED_OUT),
                _ if e.starts_at.starts_with(&today) => Style::new().add_modifier(Modifier::BOLD),
                _ if e.starts_at < today => Style::new().add_modifier(Modifier::DIM),
                _ => Style::new(),
            };
            Row::new([
                stamp(&e.starts_at),
                e.title.clone(),
                e.department.clone(),
                e.status.label().to_owned(),
            ])
            .style(style)
        },
    );
    if let (Some(pane), Some(d)) = (pane, &view.agenda.detail) {
        detail(frame, pane, lines(d));
    }
}

pub fn lines(d: &EventDetail) -> Vec<Line<'static>> {
    let e = &d.row;
    let mut when = stamp_long(&e.starts_at);
    if let Some(end) = e.ends_at.get(11..16) {
        when.push_str(&format!("–{end}"));
    }
    let place = [e.place.as_str(), e.locality.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = vec![
        title(&e.title),
        field(Msg::FieldWhen, when),
        field(Msg::FieldPlace, place),
        field(Msg::FieldArea, e.department.clone()),
        field(Msg::FieldStatus, e.status.label()),
    ];
    if !d.notes.is_empty() {
        out.push(field(Msg::FieldNotes, d.notes.clone()));
    }
    out.push(heading(Msg::SecCoverage, d.coverage.len()));
    for c in &d.coverage {
        out.push(bullet(format!(
            "{}: {} ({})",
            c.role.label(),
            c.staff,
            c.status.label()
        )));
    }
    out.push(heading(Msg::SecReports, d.reports.len()));
    for r in &d.reports {
        out.push(bullet(format!(
            "{} {} ({})",
            stamp(&r.date),
            r.title,
            r.status
        )));
    }
    out.push(heading(Msg::SecDrafts, d.drafts.len()));
    for r in &d.drafts {
        out.push(bullet(format!(
            "{} {} ({})",
            stamp(&r.date),
            r.title,
            r.status
        )));
    }
    out
}
