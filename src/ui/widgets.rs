//! Pieces every screen shares: the tab bar, the status and context bars, the help overlay,
//! a paged table and a detail pane.
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Tabs, Wrap,
};
use ratatui::Frame;

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::paged::Paged;
use super::{KeyHints, Tab, View};
use crate::domain::Keyed;
use crate::i18n::{self, t, tf, Msg};

pub fn too_small(frame: &mut Frame, area: Rect) {
    let text = tf(Msg::TooSmall, &[&MIN_WIDTH, &MIN_HEIGHT]);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).bold(), area);
}

pub fn tab_bar(frame: &mut Frame, area: Rect, view: &View) {
    let titles = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, tab)| Line::from(format!("{} {}", i + 1, t(tab.title()))));
    // The long date only where it leaves room for all six tabs.
    let date = if area.width >= 100 {
        i18n::long_date(view.now.date())
    } else {
        i18n::short_date(view.now.date())
    };
    let date_width = (date.chars().count() as u16 + 1).min(area.width / 2);
    let [tabs, when] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(date_width)]).areas(area);
    frame.render_widget(
        Tabs::new(titles)
            .select(view.tab.index())
            .divider("│")
            .padding(" ", " ")
            .highlight_style(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        tabs,
    );
    frame.render_widget(Paragraph::new(date).right_aligned().dim(), when);
}

pub fn status_bar(frame: &mut Frame, area: Rect, view: &View) {
    // A message (an error, what to do) takes the whole bar until the next key.
    if let Some(msg) = &view.message {
        frame.render_widget(
            Paragraph::new(format!(" {msg}")).style(
                Style::new()
                    .fg(Color::Red)
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ),
            area,
        );
        return;
    }
    let s = &view.status;
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

pub fn context_bar(frame: &mut Frame, area: Rect, keys: &KeyHints) {
    let mut spans = Vec::new();
    for hint in &keys.bar {
        spans.push(Span::styled(
            format!(" {} ", t(hint.keys)),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ));
        spans.push(Span::raw(format!(" {}  ", t(hint.help))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The `?` help: every key that works now, generated from the same table as the context bar.
pub fn help(frame: &mut Frame, area: Rect, keys: &KeyHints, scroll: u16) {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height,
    };
    let mut lines = Vec::new();
    for (group, hints) in &keys.help {
        lines.push(Line::from(t(*group)).bold().underlined());
        for hint in hints {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<14}", t(hint.keys)), Style::new().bold()),
                Span::raw(t(hint.help)),
            ]));
        }
        lines.push(Line::default());
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(format!(" {} ", t(Msg::HelpTitle)))
                    .title_bottom(format!(" {} ", t(Msg::HelpClose))),
            ),
        popup,
    );
}

/// A centered box of at most `width` × `height` cells.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A sync running: where to, which step, how far.
pub fn progress(
    frame: &mut Frame,
    area: Rect,
    (folder, done, total, step): &(String, u64, u64, Msg),
) {
    let popup = centered(area, 64, 5);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(format!(" {} ", tf(Msg::SyncProgressTitle, &[folder])));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let ratio = if *total == 0 {
        0.0
    } else {
        (*done as f64 / *total as f64).clamp(0.0, 1.0)
    };
    frame.render_widget(
        ratatui::widgets::Gauge::default()
            .ratio(ratio)
            .label(t(*step))
            .gauge_style(Style::new().fg(Color::Cyan)),
        inner,
    );
}

/// What the last sync did.
pub fn summary(frame: &mut Frame, area: Rect, lines: &[String]) {
    let popup = centered(area, 72, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(
            lines
                .iter()
                .map(|l| Line::from(l.clone()))
                .collect::<Vec<_>>(),
        )
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(format!(" {} ", t(Msg::SummaryTitle)))
                .title_bottom(format!(" {} ", t(Msg::HelpClose))),
        ),
        popup,
    );
}

/// A bordered table over the visible part of a paged list, the selection highlighted.
pub fn table<'a, T: Keyed>(
    frame: &mut Frame,
    area: Rect,
    title: String,
    paged: &Paged<T>,
    header: &[Msg],
    widths: &[Constraint],
    row: impl Fn(&T) -> Row<'a>,
) {
    let block = Block::bordered().title(format!(" {title} "));
    if paged.rows().is_empty() {
        frame.render_widget(Paragraph::new(t(Msg::Empty)).dim().block(block), area);
        return;
    }
    let visible = area.height.saturating_sub(3) as usize;
    let offset = paged.offset_for(visible);
    let rows: Vec<Row> = paged
        .rows()
        .iter()
        .skip(offset)
        .take(visible.max(1))
        .map(row)
        .collect();
    let header = Row::new(header.iter().map(|m| Cell::from(t(*m)))).bold();
    let mut state = TableState::new().with_selected(Some(paged.selected_index() - offset));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED))
            .block(block),
        area,
        &mut state,
    );
}

/// A bordered pane of wrapped lines.
pub fn detail(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::new()
                .borders(Borders::ALL)
                .title(format!(" {} ", t(Msg::Detail))),
        ),
        area,
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
