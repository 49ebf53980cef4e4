//! Pieces every screen shares: the tab bar, the status and context bars, the progress of a
//! sync, and the lines of a detail pane.
use chrono::NaiveDateTime;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Tabs, Wrap};
use ratatui::Frame;

use super::keys::KeyHints;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::tabs::Tab;
use crate::domain::StoreStatus;
use crate::i18n::{self, t, tf, Msg};

/// A message in the status bar: what happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// A sync running: the folder, how far, which step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// What is running ("Sincronizando con «E:\prensa»", "Enviando correos").
    pub title: String,
    pub done: u64,
    pub total: u64,
    /// Its step now (a sync's phase, the person being written to).
    pub step: String,
}

pub fn too_small(frame: &mut Frame, area: Rect) {
    let text = tf(Msg::TooSmall, &[&MIN_WIDTH, &MIN_HEIGHT]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).bold(), area);
}

pub fn tab_bar(frame: &mut Frame, area: Rect, tab: Tab, now: NaiveDateTime) {
    let titles: Vec<Line> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, tab)| Line::from(format!("{} {}", i + 1, t(tab.title()))))
        .collect();
    // Each padded between rules where they all fit so; else apart by a space.
    let roomy = titles.iter().map(|l| l.width() + 3).sum::<usize>() - 1;
    // The long date only where it leaves room for all seven tabs, drawn apart.
    let long = i18n::long_date(now.date());
    let date = if area.width as usize > roomy + long.chars().count() {
        long
    } else {
        i18n::short_date(now.date())
    };
    let date_width = (date.chars().count() as u16 + 1).min(area.width / 2);
    let [tabs, when] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(date_width)]).areas(area);
    // All seven fit in 80 columns with the date when they go without their frame.
    let (divider, pad) = if tabs.width as usize >= roomy {
        ("│", " ")
    } else {
        (" ", "")
    };
    frame.render_widget(
        Tabs::new(titles)
            .select(tab.index())
            .divider(divider)
            .padding(pad, pad)
            .highlight_style(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        tabs,
    );
    frame.render_widget(Paragraph::new(date).right_aligned().dim(), when);
}

pub fn status_bar(frame: &mut Frame, area: Rect, message: Option<&Message>, s: &StoreStatus) {
    // A message (what happened, what went wrong and what to do) takes the whole bar until the
    // next key; one too long for it opens as a notice instead.
    if let Some(m) = message {
        let style = if m.error {
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        };
        frame.render_widget(Paragraph::new(format!(" {}", m.text)).style(style), area);
        return;
    }
    let mut spans = vec![
        Span::raw(" "),
        Span::raw(tf(Msg::StatusDb, &[&s.file_name])),
        Span::raw(" │ "),
        Span::raw(tf(Msg::StatusReplica, &[&s.replica_name])),
        Span::raw(" │ "),
    ];
    let unsynced = tf(Msg::StatusUnsynced, &[&i18n::number(s.unsynced)]);
    spans.push(if s.unsynced > 0 {
        Span::styled(unsynced, Style::new().fg(Color::Yellow))
    } else {
        Span::raw(unsynced)
    });
    if s.conflicts > 0 {
        spans.push(Span::raw(" │ "));
        spans.push(Span::styled(
            tf(Msg::StatusConflicts, &[&s.conflicts]),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(at) = &s.last_sync {
        spans.push(Span::raw(" │ "));
        spans.push(Span::raw(tf(Msg::StatusLastSync, &[&i18n::stamp(at)])));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(Style::new().add_modifier(Modifier::REVERSED)),
        area,
    );
}

/// The keys that work now, in one line. When they do not fit, they come closer together;
/// when they still do not, the last ones give way — never help, quit, save or close: the way
/// out is always shown.
pub fn context_bar(frame: &mut Frame, area: Rect, keys: &KeyHints) {
    let width = usize::from(area.width);
    let line = |hints: &[&super::keys::Hint], gap: &str| {
        let mut spans = Vec::new();
        for hint in hints {
            spans.push(Span::styled(
                format!(" {} ", t(hint.keys)),
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ));
            spans.push(Span::raw(format!(" {}{gap}", t(hint.help))));
        }
        Line::from(spans)
    };
    let mut hints: Vec<&super::keys::Hint> = keys.bar.iter().collect();
    let mut fitted = line(&hints, "  ");
    if fitted.width() > width {
        fitted = line(&hints, "");
        let kept = [Msg::KeyHelp, Msg::KeyQuit, Msg::KeyClose, Msg::KeySave];
        while fitted.width() > width {
            let Some(last) = hints.iter().rposition(|h| !kept.contains(&h.keys)) else {
                break;
            };
            hints.remove(last);
            fitted = line(&hints, "");
        }
    }
    frame.render_widget(Paragraph::new(fitted), area);
}

/// A centered box of at most `width` × `height` cells.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Work running in the background (a sync, a round of e-mail): what, which step, how far.
pub fn progress(frame: &mut Frame, area: Rect, p: &Progress) {
    let popup = centered(area, 64, 5);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(format!(" {} ", p.title));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let ratio = if p.total == 0 {
        0.0
    } else {
        (p.done as f64 / p.total as f64).clamp(0.0, 1.0)
    };
    frame.render_widget(
        ratatui::widgets::Gauge::default()
            .ratio(ratio)
            .label(p.step.as_str())
            .gauge_style(Style::new().fg(Color::Cyan)),
        inner,
    );
}

/// "Label: value" for a detail pane.
pub fn field(label: Msg, value: impl Into<String>) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{}: ", t(label)), Style::new().bold()),
        Span::raw(value.into()),
    ])
}

/// A section heading in a detail pane.
pub fn heading(label: Msg, count: usize) -> Line<'static> {
    Line::from(format!("{} ({count})", t(label)))
        .bold()
        .underlined()
}

/// A bullet line.
pub fn bullet(text: impl Into<String>) -> Line<'static> {
    Line::from(format!(" • {}", text.into()))
}

/// The title line of a detail pane.
pub fn title(text: &str) -> Line<'static> {
    Line::from(text.to_owned()).bold()
}

/// How many rows a line takes in `width` columns when wrapped at spaces (as the detail's
/// paragraph wraps it; a word longer than the width is cut across rows).
pub fn wrapped_rows(line: &Line, width: usize) -> usize {
    if width == 0 {
        return 1;
    }
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let (mut rows, mut used) = (1, 0);
    for word in text.split_inclusive(' ') {
        let w = Span::raw(word).width();
        let visible = Span::raw(word.trim_end()).width();
        if used > 0 && used + visible > width {
            rows += 1;
            used = 0;
        }
        if w > width {
            rows += (used + w - 1) / width;
            used = (used + w) % width;
        } else {
            used += w;
        }
    }
    rows
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wrapped_rows_count_like_the_paragraph() {
        let l = |s: &str| Line::from(s.to_owned());
        assert_eq!(wrapped_rows(&l(""), 10), 1);
        assert_eq!(wrapped_rows(&l("uno dos"), 10), 1);
        assert_eq!(wrapped_rows(&l("uno dos tres"), 10), 2);
        assert_eq!(wrapped_rows(&l("abcdefghijklmnopqrstuvwxy"), 10), 3);
        assert_eq!(wrapped_rows(&l("uno dos"), 0), 1);
    }
}
