//! Día: the selected day's events in time order (all-day first), each with its time range,
//! title, status, place and department, who covers it, and its warnings.
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::calendar::{Calendar, Focus};
use super::draw::{event_style, scroll_to, time_range, uncovered_warning, warning, warnings};
use crate::domain::agenda::AgendaEvent;
use crate::domain::status::CoverageStatus;
use crate::i18n::labels::Label;
use crate::i18n::{t, Msg};
use crate::ui::list::Ctx;

/// The time column and the indent of an event's further lines.
const TIME: usize = 11;

/// The lines of one event.
pub fn event_block(e: &AgendaEvent, ctx: &Ctx) -> Vec<Line<'static>> {
    let today = ctx.now.date();
    let style = event_style(e, ctx);
    let indent = " ".repeat(TIME + 1);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<TIME$} ", time_range(e)), style.bold()),
        Span::styled(e.title.clone(), style.bold()),
        Span::styled(format!(" · {}", e.status.label()), style),
    ])];
    let mut about = vec![e.kind.label().to_owned()];
    if e.recurring {
        about.push(t(Msg::Recurring).to_owned());
    }
    let place: Vec<&str> = [&e.place, &e.locality, &e.department]
        .into_iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let mut second: Vec<&str> = about.iter().map(String::as_str).collect();
    second.extend(place);
    lines.push(Line::from(Span::styled(
        format!("{indent}{}", second.join(" · ")),
        style,
    )));
    let covering: Vec<String> = e
        .coverage
        .iter()
        .map(|c| format!("{}: {} ({})", c.role.label(), c.staff, c.status.label()))
        .collect();
    if uncovered_warning(e, today) {
        // Said once, below, with the other warnings.
    } else if covering.is_empty() || e.uncovered() {
        let text = if covering.is_empty() {
            t(Msg::NoCoverage).to_owned()
        } else {
            covering.join(" · ")
        };
        lines.push(Line::from(Span::styled(
            format!("{indent}{text}"),
            style.dim(),
        )));
    } else {
        // One line per assignment, with its note: a long team never runs off the screen.
        for c in &e.coverage {
            let mut text = format!("{}: {} ({})", c.role.label(), c.staff, c.status.label());
            if !c.note.is_empty() {
                text.push_str(&format!(" — {}", c.note));
            }
            let look = if c.status == CoverageStatus::Cancelled {
                style.add_modifier(Modifier::CROSSED_OUT)
            } else {
                style
            };
            lines.push(Line::from(vec![
                Span::styled(indent.clone(), style),
                Span::styled(text, look),
            ]));
        }
    }
    for w in warnings(e, today) {
        lines.push(Line::from(Span::styled(format!("{indent}{w}"), warning())));
    }
    lines
}

pub fn draw(c: &Calendar, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let day = c.day_or(ctx.now.date());
    let events = c.day_events(day);
    if events.is_empty() {
        frame.render_widget(Paragraph::new(t(Msg::NoEvents)).dim(), area);
        return;
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut chosen = (0, 0);
    for (i, e) in events.iter().enumerate() {
        let mut block = event_block(e, ctx);
        if i == c.selected {
            chosen = (lines.len(), lines.len() + block.len());
            let look = if c.focus == Focus::Detail {
                Style::new().add_modifier(Modifier::UNDERLINED)
            } else {
                Style::new().add_modifier(Modifier::REVERSED)
            };
            block = block.into_iter().map(|l| l.patch_style(look)).collect();
        }
        lines.extend(block);
    }
    let offset = scroll_to(chosen.0, chosen.1, area.height as usize);
    frame.render_widget(
        Paragraph::new(lines).scroll((offset.min(u16::MAX as usize) as u16, 0)),
        area,
    );
}
