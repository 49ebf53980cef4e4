//! Drawing the calendar: its frame (the views on the title line, the period, the "ir a fecha"
//! prompt), the detail beside Día, and what every view says the same way about an event: its
//! times, its look (cancelled crossed out, past dim) and its warnings.
use chrono::{Duration, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use super::calendar::{start_day, Calendar, Focus, Mode};
use super::{day, event_lines, month, week};
use crate::domain::agenda::AgendaEvent;
use crate::domain::calendar::week_start;
use crate::domain::query::Query;
use crate::domain::status::EventStatus;
use crate::i18n::{long_date, month_year, t, tf, week_range, Msg};
use crate::ui::list::{detail_pane, focus_style, title_line, Ctx};

/// From this width Semana shows seven columns side by side; below, a list by day.
pub const WEEK_COLUMNS: u16 = 100;
/// From this width Día shows the selected event's detail beside the day.
const DETAIL_BESIDE: u16 = 110;

/// Whether an event starting at `starts_at` (local text) is today's or tomorrow's: the days
/// whose missing coverage is a warning.
pub fn warn_uncovered_on(starts_at: &str, today: NaiveDate) -> bool {
    let Some(day) = starts_at
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    else {
        return false;
    };
    day == today || Some(day) == today.checked_add_signed(Duration::days(1))
}

/// How warnings look: red and bold, and always said in words too.
pub fn warning() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// "09:00–10:30", "09:00", or "Todo el día".
pub fn time_range(e: &AgendaEvent) -> String {
    if e.all_day {
        return t(Msg::AllDay).to_owned();
    }
    let start = e.starts_at.get(11..16).unwrap_or("");
    let same_day = e.ends_at.get(..10) == e.starts_at.get(..10);
    match e.ends_at.get(11..16) {
        Some(end) if same_day && end != start => format!("{start}–{end}"),
        _ => start.to_owned(),
    }
}

/// An event's look: cancelled ones crossed out, past ones dim.
pub fn event_style(e: &AgendaEvent, ctx: &Ctx) -> Style {
    let mut style = Style::new();
    if e.status == EventStatus::Cancelled {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    let end = if e.ends_at.is_empty() {
        &e.starts_at
    } else {
        &e.ends_at
    };
    if *end < ctx.now_text() {
        style = style.add_modifier(Modifier::DIM);
    }
    style
}

/// Whether an event is today's or tomorrow's and nobody covers it.
pub fn uncovered_warning(e: &AgendaEvent, today: NaiveDate) -> bool {
    e.uncovered() && start_day(e).is_some() && warn_uncovered_on(&e.starts_at, today)
}

/// An event's warnings in words: "⚠ sin cobertura", "⚠ Ana López también en «…»".
pub fn warnings(e: &AgendaEvent, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    if uncovered_warning(e, today) {
        out.push(t(Msg::WarnUncovered).to_owned());
    }
    // Two places at once is something to fix before the day, not history to be warned about.
    if e.day().is_some_and(|d| d < today) {
        return out;
    }
    for c in &e.clashes {
        let text = tf(Msg::WarnClash, &[&c.staff, &c.other_title]);
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

pub use crate::domain::text::fit;

/// The first line to show so that lines `from..to` (the selection) are in a window of
/// `height` lines: from the top while they fit, else with the selection at the foot.
pub fn scroll_to(from: usize, to: usize, height: usize) -> usize {
    if height == 0 || to <= height {
        return 0;
    }
    let end = to.max(from + 1);
    if end - from > height {
        from
    } else {
        end - height
    }
}

/// What the calendar shows above its days: the period, and the prompt while typing a date.
fn header(c: &Calendar, ctx: &Ctx) -> Vec<Line<'static>> {
    let today = ctx.now.date();
    let day = c.day_or(today);
    let period = match c.mode {
        Mode::Day => long_date(day),
        Mode::Week => week_range(week_start(day)),
        Mode::Month => month_year(day),
    };
    let mut first = vec![Span::styled(period, Style::new().bold())];
    if c.mode == Mode::Day && day == today {
        first.push(Span::raw(format!(" · {}", t(Msg::TodayMark))));
    }
    let mut lines = vec![Line::from(first)];
    if c.focus == Focus::Prompt {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", t(Msg::DatePrompt)), Style::new().bold()),
            Span::raw(c.prompt.text.clone()),
            Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
        ]));
        if let Some(e) = &c.prompt.error {
            lines.push(Line::from(Span::styled(e.clone(), warning())));
        }
        lines.push(Line::from(t(Msg::DatePromptHint)).dim());
    }
    lines
}

pub fn calendar(
    c: &Calendar,
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    views: &[Msg],
    view: usize,
) {
    // Día keeps the selected event's detail beside it where there is room; elsewhere the
    // detail takes the day's place once Enter opens it.
    let (main, detail) = if c.mode != Mode::Day || c.detail.is_none() {
        (Some(area), None)
    } else if area.width >= DETAIL_BESIDE {
        let [main, detail] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(area);
        (Some(main), Some(detail))
    } else if c.focus == Focus::Detail {
        (None, Some(area))
    } else {
        (Some(area), None)
    };
    if let Some(main) = main {
        let block = Block::bordered()
            .border_style(focus_style(c.focus != Focus::Detail))
            .title(title_line(
                views,
                view,
                c.mode.title(),
                &Query::default(),
                None,
            ));
        let inner = block.inner(main);
        frame.render_widget(block, main);
        let head = header(c, ctx);
        let height = (head.len() as u16).min(inner.height);
        let [top, body] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(inner);
        frame.render_widget(Paragraph::new(head), top);
        match c.mode {
            Mode::Day => day::draw(c, frame, body, ctx),
            Mode::Week => week::draw(c, frame, body, ctx, area.width >= WEEK_COLUMNS),
            Mode::Month => month::draw(c, frame, body, ctx),
        }
    }
    if let (Some(area), Some(d)) = (detail, &c.detail) {
        detail_pane(
            frame,
            area,
            &event_lines(d),
            &[],
            c.focus == Focus::Detail,
            c.pick,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_keeps_the_selection_in_view() {
        assert_eq!(scroll_to(0, 3, 10), 0);
        assert_eq!(scroll_to(12, 15, 10), 5);
        assert_eq!(scroll_to(2, 30, 10), 2, "taller than the window: its top");
        assert_eq!(scroll_to(5, 6, 0), 0);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        assert_eq!(fit("Sesión de Cabildo", 8), "Sesión …");
        assert_eq!(fit("corto", 8), "corto");
        assert_eq!(fit("x", 0), "");
    }

    #[test]
    fn today_and_tomorrow_warn() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 6).unwrap();
        assert!(warn_uncovered_on("2025-03-06T10:00", today));
        assert!(warn_uncovered_on("2025-03-07T00:00", today));
        assert!(!warn_uncovered_on("2025-03-08T10:00", today));
        assert!(!warn_uncovered_on("2025-03-05T10:00", today));
        assert!(!warn_uncovered_on("nada", today));
    }
}
