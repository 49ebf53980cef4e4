//! Hoy: one glance for the morning meeting — today's events and who covers them, reports
//! waiting, drafts waiting for approval, departments that owe information, what went out
//! yesterday.
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use crate::domain::TodaySummary;
use crate::i18n::labels::Label;
use crate::i18n::{self, stamp, t, Msg};

/// A bordered section; one line per item (cut at the border) so that as many items as
/// possible show at a glance.
fn section(frame: &mut Frame, area: Rect, title: String, lines: Vec<Line<'static>>) {
    let body = if lines.is_empty() {
        vec![Line::from(t(Msg::Nothing)).dim()]
    } else {
        lines
    };
    frame.render_widget(
        Paragraph::new(body).block(Block::bordered().title(format!(" {title} "))),
        area,
    );
}

fn count_title(msg: Msg, n: u64) -> String {
    format!("{} ({})", t(msg), i18n::number(n))
}

pub fn draw(frame: &mut Frame, area: Rect, s: &TodaySummary) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);

    let mut agenda = Vec::new();
    for (e, coverage) in &s.events {
        let time = e.starts_at.get(11..16).unwrap_or("").to_owned();
        agenda.push(Line::from(vec![
            Span::styled(format!("{time} "), Style::new().bold()),
            Span::raw(e.title.clone()),
        ]));
        let place = if e.locality.is_empty() {
            e.place.clone()
        } else {
            format!("{}, {}", e.place, e.locality)
        };
        agenda.push(Line::from(format!("      {place}")).dim());
        let who = if coverage.is_empty() {
            Span::styled(
                format!("      {}", t(Msg::NoCoverage)),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            )
        } else {
            let names: Vec<String> = coverage
                .iter()
                .map(|c| format!("{}: {}", c.role.label(), c.staff))
                .collect();
            Span::styled(
                format!("      {}", names.join(" · ")),
                Style::new().fg(Color::Cyan),
            )
        };
        agenda.push(Line::from(who));
    }
    section(
        frame,
        left,
        count_title(Msg::TodayAgenda, s.events.len() as u64),
        agenda,
    );

    // Material the office owes late, and requests from the media still open, get a box each,
    // only while there are some.
    let late = s.material_late_total > 0;
    let media = s.media_open_total > 0;
    let n = 4 + late as usize + media as usize;
    let boxes = Layout::vertical(vec![Constraint::Fill(1); n]).split(right);
    let (reports, drafts, owing, published) = (boxes[0], boxes[1], boxes[2], boxes[3]);
    let mut extra = boxes.iter().skip(4).copied();
    if let Some(area) = late.then(|| extra.next()).flatten() {
        section(
            frame,
            area,
            count_title(Msg::TodayMaterialLate, s.material_late_total),
            s.material_late
                .iter()
                .map(|(dept, kind, title, needed)| {
                    Line::from(vec![
                        Span::styled(format!("{} ", kind.label()), Style::new().fg(Color::Red)),
                        Span::raw(format!(
                            "{title} · {dept} · {} {}",
                            t(Msg::NeededOn),
                            stamp(needed)
                        )),
                    ])
                })
                .collect(),
        );
    }
    if let Some(area) = media.then(|| extra.next()).flatten() {
        section(
            frame,
            area,
            count_title(Msg::TodayMediaOpen, s.media_open_total),
            s.media_open
                .iter()
                .map(|(who, kind, topic, due)| {
                    let due = if due.is_empty() {
                        String::new()
                    } else {
                        format!(" · {} {}", t(Msg::NeededOn), stamp(due))
                    };
                    Line::from(vec![
                        Span::styled(format!("{} ", kind.label()), Style::new().fg(Color::Cyan)),
                        Span::raw(format!("{who} · {topic}{due}")),
                    ])
                })
                .collect(),
        );
    }
    section(
        frame,
        reports,
        count_title(Msg::TodayReports, s.reports_waiting),
        s.reports
            .iter()
            .map(|r| Line::from(format!("{} · {}", r.department, r.title)))
            .collect(),
    );
    section(
        frame,
        drafts,
        count_title(Msg::TodayDrafts, s.drafts_in_review),
        s.drafts
            .iter()
            .map(|x| Line::from(x.title.clone()))
            .collect(),
    );
    section(
        frame,
        owing,
        count_title(Msg::TodayOwing, s.owing_total),
        s.owing
            .iter()
            .map(|(dept, subject, due)| {
                Line::from(vec![
                    Span::styled(dept.clone(), Style::new().fg(Color::Red)),
                    Span::raw(format!(" · {subject} · {} {}", t(Msg::DueOn), stamp(due))),
                ])
            })
            .collect(),
    );
    section(
        frame,
        published,
        count_title(Msg::TodayPublished, s.published_yesterday.len() as u64),
        s.published_yesterday
            .iter()
            .map(|(ch, title)| Line::from(format!("{}: {title}", ch.label())))
            .collect(),
    );
}
