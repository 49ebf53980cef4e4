//! Drawing the Balance view: each department's publications this month and the month before,
//! two bars a line under the months, those with none in red and named in a note; and the
//! compact form of it beside the briefing on a wide screen.
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::draw::{alert, frame_block};
use super::BriefPane;
use crate::brief::{balance_months, balance_name, balance_note, balance_title, bar};
use crate::domain::briefing::Briefing;
use crate::domain::text::fit;
use crate::i18n::{number, t, Msg};
use crate::ui::tabs::agenda::scroll_to;

/// The balance: its title, the months, then a line per department with this month's bar and
/// the month before's; `selected` reversed; `compact` leaves the previous month's bar out.
pub(super) fn lines(
    b: &Briefing,
    width: usize,
    selected: Option<usize>,
    compact: bool,
) -> Vec<Line<'static>> {
    let title = if compact {
        t(Msg::BriefBalanceShort).to_owned()
    } else {
        balance_title(b)
    };
    let mut out = vec![Line::from(fit(&title, width)).bold()];
    if b.balance.is_empty() {
        return out;
    }
    let (this, last) = balance_months(b);
    let longest = b
        .balance
        .iter()
        .map(|r| balance_name(r).chars().count())
        .max()
        .unwrap_or(0);
    // Beside the briefing the names matter more than the bars' length.
    let share = if compact { width / 2 } else { width / 3 };
    let name_width = longest.clamp(6, 22).min(share);
    let max = b.balance_max();
    let number_width = 4;
    // Compact: one bar and the month before's number in brackets; else two bars.
    let room = if compact {
        width.saturating_sub(name_width + 1 + (number_width + 1) + (number_width + 3))
    } else {
        width.saturating_sub(name_width + 1 + 2 * (number_width + 1) + 3) / 2
    };
    let bar_width = room;
    if !compact {
        out.push(
            Line::from(format!(
                "{:name_width$} {:<w$}   {}",
                "",
                fit(&this, bar_width + number_width + 1),
                fit(&last, bar_width + number_width + 1),
                w = bar_width + number_width + 1
            ))
            .dim(),
        );
    } else {
        out.push(Line::from(fit(&format!("{this} · ({last})"), width)).dim());
    }
    for (i, r) in b.balance.iter().enumerate() {
        let zero = r.this_month == 0;
        let mut spans = vec![
            Span::styled(
                format!("{:<name_width$} ", fit(balance_name(r), name_width)),
                if zero { alert() } else { Style::new() },
            ),
            Span::styled(
                format!("{:<bar_width$}", bar(r.this_month, max, bar_width)),
                Style::new().fg(Color::Cyan),
            ),
            Span::styled(
                format!(" {:>number_width$}", number(r.this_month)),
                if zero { alert() } else { Style::new() },
            ),
        ];
        if compact {
            spans.push(
                Span::raw(format!(
                    " {:>w$}",
                    format!("({})", number(r.last_month)),
                    w = number_width + 2
                ))
                .dim(),
            );
        } else {
            spans.push(Span::raw(" │ ").dim());
            spans.push(Span::styled(
                format!("{:<bar_width$}", bar(r.last_month, max, bar_width)),
                Style::new().fg(Color::DarkGray),
            ));
            spans.push(Span::raw(format!(
                " {:>number_width$}",
                number(r.last_month)
            )));
        }
        let line = Line::from(spans);
        out.push(if selected == Some(i) {
            line.add_modifier(Modifier::REVERSED)
        } else {
            line
        });
    }
    if let Some(note) = balance_note(b) {
        for line in crate::brief::text::wrap(&note, width) {
            out.push(Line::from(Span::styled(line, alert())));
        }
    }
    out
}

pub fn draw(p: &BriefPane, frame: &mut Frame, area: Rect, views: &[Msg], view: usize) {
    let block = frame_block(views, view, Msg::ViewBalance);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(b) = &p.briefing else { return };
    if inner.is_empty() {
        return;
    }
    let mut lines = lines(b, inner.width as usize, Some(p.selected), false);
    // The title and the months stay; the departments scroll under them.
    let height = inner.height as usize;
    let head: Vec<Line> = lines.drain(..lines.len().min(2)).collect();
    let room = height.saturating_sub(head.len());
    // The last department brings the note under it into view.
    let last = b.balance.len().saturating_sub(1);
    let to = if p.selected >= last {
        lines.len()
    } else {
        p.selected + 1
    };
    let offset = scroll_to(p.selected, to, room);
    let shown: Vec<Line> = head
        .into_iter()
        .chain(lines.into_iter().skip(offset).take(room))
        .take(height)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
