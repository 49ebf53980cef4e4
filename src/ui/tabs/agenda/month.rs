//! Mes: the month as whole weeks (lun … dom), each day with how many events it has and how
//! many nobody covers; below, where there is room, the selected day's events.
use chrono::{Datelike, Weekday};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::calendar::Calendar;
use super::draw::{event_style, time_range, warning, warnings};
use crate::domain::calendar::{add_days, month_grid};
use crate::i18n::{long_date, t, tf, weekday_short, Msg};
use crate::ui::list::Ctx;

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn draw(c: &Calendar, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let today = ctx.now.date();
    let selected = c.day_or(today);
    let (start, end) = month_grid(selected);
    let weeks = ((end - start).num_days() / 7).clamp(1, 6) as u16;
    // Head, legend, and the weeks: up to two lines each, the rest for the selected day.
    let room = area.height.saturating_sub(2);
    let per_week = (room / weeks).clamp(1, 2);
    let [head, grid, legend, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(per_week * weeks),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let cols = Layout::horizontal([Constraint::Fill(1); 7]);
    for (i, cell) in cols.split(head).iter().enumerate() {
        frame.render_widget(Paragraph::new(weekday_short(WEEKDAYS[i])).bold(), *cell);
    }
    let rows = Layout::vertical(vec![Constraint::Length(per_week); weeks as usize]).split(grid);
    for (w, row) in rows.iter().enumerate() {
        for (i, cell) in cols.split(*row).iter().enumerate() {
            let day = add_days(start, (w * 7 + i) as i64);
            let mut look = Style::new();
            if day.month() != selected.month() {
                look = look.add_modifier(Modifier::DIM);
            }
            if day == today {
                look = look
                    .fg(Color::Cyan)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            }
            if day == selected {
                look = look.add_modifier(Modifier::REVERSED);
            }
            let mut number = day.day().to_string();
            if day == today {
                number.push_str(&format!(" {}", t(Msg::TodayMark)));
            }
            let mut counts = Vec::new();
            if let Some(n) = c.count(day).filter(|n| n.events > 0) {
                counts.push(Span::styled(tf(Msg::MonthCount, &[&n.events]), look));
                if n.uncovered > 0 {
                    // Uncovered from today on is a warning; in the past it is history.
                    let style = if day >= today {
                        look.patch(warning())
                    } else {
                        look
                    };
                    counts.push(Span::styled(" ", look));
                    counts.push(Span::styled(
                        tf(Msg::MonthUncovered, &[&n.uncovered]),
                        style,
                    ));
                }
            }
            let lines = if per_week == 1 {
                let mut spans = vec![Span::styled(format!("{number} "), look)];
                spans.extend(counts);
                vec![Line::from(spans)]
            } else {
                vec![Line::from(Span::styled(number, look)), Line::from(counts)]
            };
            // The cell's whole width takes the look, so the selected day shows as a block.
            let fill = Paragraph::new(lines).style(if day == selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            });
            let inner = Rect {
                width: cell.width.saturating_sub(1),
                ..*cell
            };
            frame.render_widget(fill, inner);
        }
    }
    frame.render_widget(Paragraph::new(t(Msg::MonthLegend)).dim(), legend);
    if rest.height >= 2 {
        let mut lines = vec![Line::from(long_date(selected)).bold()];
        let events = c.day_events(selected);
        if events.is_empty() {
            lines.push(Line::from(t(Msg::NoEvents)).dim());
        }
        for e in events {
            let style = event_style(e, ctx);
            let mut spans = vec![
                Span::styled(format!("{:<11} ", time_range(e)), style.bold()),
                Span::styled(e.title.clone(), style),
            ];
            let w = warnings(e, today);
            if !w.is_empty() {
                spans.push(Span::styled(format!("  {}", w.join("  ")), warning()));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), rest);
    }
}
