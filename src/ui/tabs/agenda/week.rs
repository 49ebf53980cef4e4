//! Semana, Monday to Sunday: seven columns side by side where the screen is wide enough, each
//! with its day's events (time and title); below that width, a list grouped by day.
use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::calendar::Calendar;
use super::draw::{event_style, fit, scroll_to, time_range, warning, warnings};
use crate::domain::agenda::AgendaEvent;
use crate::domain::calendar::{add_days, week_start};
use crate::i18n::labels::Label;
use crate::i18n::{long_date, t, tf, weekday_short, Msg};
use crate::ui::list::Ctx;

fn selected_look() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// How a day's heading looks: today bold and coloured, the selected day reversed.
fn day_look(day: NaiveDate, selected: NaiveDate, today: NaiveDate) -> Style {
    let mut look = Style::new().bold();
    if day == today {
        look = look.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED);
    }
    if day == selected {
        look = look.add_modifier(Modifier::REVERSED);
    }
    look
}

pub fn draw(c: &Calendar, frame: &mut Frame, area: Rect, ctx: &Ctx, wide: bool) {
    if wide {
        columns(c, frame, area, ctx);
    } else {
        by_day(c, frame, area, ctx);
    }
}

/// One event in a column: its time (flagged when it has a warning), then its title.
fn column_event(e: &AgendaEvent, ctx: &Ctx, width: usize) -> [Line<'static>; 2] {
    let style = event_style(e, ctx);
    let mut time = vec![Span::styled(time_range(e), style.bold())];
    if !warnings(e, ctx.now.date()).is_empty() {
        time.push(Span::styled(" ⚠", warning()));
    }
    [
        Line::from(time),
        Line::from(Span::styled(fit(&e.title, width), style)),
    ]
}

fn columns(c: &Calendar, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let today = ctx.now.date();
    let selected = c.day_or(today);
    let monday = week_start(selected);
    // Below the columns: the selected event in full, and what ⚠ means.
    let footer = 3.min(area.height.saturating_sub(3));
    let [days_area, foot] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(footer)]).areas(area);
    let cols = Layout::horizontal([Constraint::Fill(1); 7]).split(days_area);
    for (i, col) in cols.iter().enumerate() {
        let day = add_days(monday, i as i64);
        let block = if i == 0 {
            Block::new()
        } else {
            Block::new().borders(Borders::LEFT)
        };
        let inner = block.inner(*col);
        frame.render_widget(block, *col);
        let width = inner.width as usize;
        let mut head = format!("{} {}", weekday_short(day.weekday()), day.day());
        if day == today {
            head.push_str(&format!(" {}", t(Msg::TodayMark)));
        }
        let mut lines = vec![Line::from(Span::styled(
            fit(&head, width),
            day_look(day, selected, today),
        ))];
        let events = c.day_events(day);
        if events.is_empty() {
            lines.push(Line::from(fit(t(Msg::NoEvents), width)).dim());
        }
        let room = (inner.height as usize).saturating_sub(1) / 2;
        // The selected day scrolls to its selected event; the others show their first ones.
        let first = if day == selected && c.selected >= room {
            c.selected + 1 - room
        } else {
            0
        };
        let shown = if events.len() > first + room && room > 0 {
            room - 1
        } else {
            room
        };
        for (j, e) in events.iter().enumerate().skip(first).take(shown) {
            let mut pair = column_event(e, ctx, width);
            if day == selected && j == c.selected {
                pair = pair.map(|l| l.patch_style(selected_look()));
            }
            lines.extend(pair);
        }
        let hidden = events.len().saturating_sub(first + shown);
        if hidden > 0 {
            lines.push(Line::from(fit(&tf(Msg::MoreEvents, &[&hidden]), width)).dim());
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
    let mut foot_lines = Vec::new();
    if let Some(e) = c.selected_event() {
        let style = event_style(e, ctx);
        foot_lines.push(Line::from(vec![
            Span::styled(format!("{} ", time_range(e)), style.bold()),
            Span::styled(e.title.clone(), style.bold()),
            Span::styled(
                format!(" · {} · {} · {}", e.place, e.department, e.status.label()),
                style,
            ),
        ]));
        let w = warnings(e, today);
        if !w.is_empty() {
            foot_lines.push(Line::from(Span::styled(w.join("  "), warning())));
        }
    }
    while foot_lines.len() + 1 < footer as usize {
        foot_lines.push(Line::default());
    }
    foot_lines.push(Line::from(t(Msg::WeekLegend)).dim());
    let skip = foot_lines.len().saturating_sub(footer as usize);
    frame.render_widget(
        Paragraph::new(foot_lines.split_off(skip.min(foot_lines.len()))),
        foot,
    );
}

fn by_day(c: &Calendar, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let today = ctx.now.date();
    let selected = c.day_or(today);
    let monday = week_start(selected);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut chosen = (0, 1);
    for i in 0..7 {
        let day = add_days(monday, i);
        let mut head = long_date(day);
        if day == today {
            head.push_str(&format!(" · {}", t(Msg::TodayMark)));
        }
        let events = c.day_events(day);
        if day == selected && events.is_empty() {
            chosen = (lines.len(), lines.len() + 2);
        }
        lines.push(Line::from(Span::styled(
            head,
            day_look(day, selected, today),
        )));
        if events.is_empty() {
            lines.push(Line::from(format!("  {}", t(Msg::NoEvents))).dim());
        }
        for (j, e) in events.iter().enumerate() {
            let style = event_style(e, ctx);
            let mut event = vec![Line::from(vec![
                Span::styled(format!("  {:<11} ", time_range(e)), style.bold()),
                Span::styled(e.title.clone(), style),
                Span::styled(format!(" · {}", e.status.label()), style),
            ])];
            let w = warnings(e, today);
            if !w.is_empty() {
                event.push(Line::from(Span::styled(
                    format!("{}{}", " ".repeat(14), w.join("  ")),
                    warning(),
                )));
            }
            if day == selected && j == c.selected {
                chosen = (lines.len(), lines.len() + event.len());
                event = event
                    .into_iter()
                    .map(|l| l.patch_style(selected_look()))
                    .collect();
            }
            lines.extend(event);
        }
    }
    let offset = scroll_to(chosen.0, chosen.1, area.height as usize);
    frame.render_widget(
        Paragraph::new(lines).scroll((offset.min(u16::MAX as usize) as u16, 0)),
        area,
    );
}
