//! Drawing Hoy: the briefing as lines under the day's date (each section a heading with its
//! summary, each item a line, an event two: what, then where and who covers it), with the
//! publications of the last two weeks and the balance (drawn by `balance`) beside it on a wide
//! screen.
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Sparkline};
use ratatui::Frame;

use super::{BriefPane, Step};
use crate::brief::{sections, short_day, spark_summary, spark_text, Item, SectionId, Tone};
use crate::domain::briefing::Briefing;
use crate::domain::query::Query;
use crate::i18n::{long_date, number, t, tf, Msg};
use crate::ui::list::{focus_style, title_line};
use crate::ui::tabs::agenda::scroll_to;

/// From this width (inside the frame) the sparkline and the balance stand beside the briefing.
const BESIDE: u16 = 100;
/// Their column's width there: a third of the screen, within these bounds.
const SIDE_MIN: u16 = 40;
const SIDE_MAX: u16 = 60;
/// The time or date column of an item.
const WHEN: usize = 12;

pub(super) fn alert() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// One line of the briefing; `step` on the first line of each selectable item.
#[derive(Debug, Clone)]
pub struct BriefLine {
    pub line: Line<'static>,
    pub step: Option<Step>,
    pub section: Option<SectionId>,
    /// The second line of the item above (selected with it).
    pub continues: bool,
}

/// "AGENDA DE HOY — 3 eventos, 2 sin cobertura"; a folding heading has its mark after the
/// title ("MAÑANA ▸ — …") and what Enter does at the end, where the line has room.
fn heading(
    title: &str,
    summary: &str,
    alerting: bool,
    fold: Option<(&str, String)>,
) -> Line<'static> {
    let mut spans = vec![Span::styled(title.to_uppercase(), Style::new().bold())];
    if let Some((mark, _)) = &fold {
        spans.push(Span::styled(format!(" {mark}"), Style::new().bold()));
    }
    spans.extend([
        Span::raw(" — "),
        Span::styled(
            summary.to_owned(),
            if alerting { alert() } else { Style::new() },
        ),
    ]);
    if let Some((_, hint)) = fold {
        spans.push(Span::raw(" · ").dim());
        spans.push(Span::raw(hint).dim());
    }
    Line::from(spans)
}

fn item_line(item: &Item, two_lines: bool) -> Line<'static> {
    let text_style = match item.tone {
        Tone::Quiet => Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
        _ => Style::new(),
    };
    let mut spans = vec![Span::styled(
        format!("  {:<WHEN$}", item.when),
        Style::new().bold(),
    )];
    // The mark first: a long title never pushes it out of a narrow screen.
    if !item.flag.is_empty() {
        let style = match item.tone {
            Tone::Alert => alert(),
            _ => Style::new().add_modifier(Modifier::DIM),
        };
        spans.push(Span::styled(item.flag.clone(), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(item.text.clone(), text_style));
    if !two_lines && !item.note.is_empty() {
        spans.push(Span::raw(format!(" · {}", item.note)).dim());
    }
    let line = Line::from(spans);
    if item.tone == Tone::Alert && item.flag.is_empty() {
        line.fg(Color::Red)
    } else {
        line
    }
}

/// The briefing as lines, with tomorrow folded unless `tomorrow_open`.
pub fn briefing_lines(b: &Briefing, tomorrow_open: bool) -> Vec<BriefLine> {
    let mut out = Vec::new();
    let mut push = |line: Line<'static>, step: Option<Step>, section, continues| {
        out.push(BriefLine {
            line,
            step,
            section: Some(section),
            continues,
        })
    };
    for s in sections(b) {
        let events = matches!(s.id, SectionId::Today | SectionId::Tomorrow);
        if s.id == SectionId::Tomorrow {
            // Folded: its heading says what it holds and opens it.
            let fold = (!s.items.is_empty()).then(|| {
                if tomorrow_open {
                    ("▾", t(Msg::BriefTomorrowOpen).to_owned())
                } else {
                    ("▸", t(Msg::BriefTomorrowFolded).to_owned())
                }
            });
            let step = (!s.items.is_empty()).then_some(Step::Tomorrow);
            push(
                heading(&s.title, &s.summary, s.alert, fold),
                step,
                s.id,
                false,
            );
            if !tomorrow_open {
                continue;
            }
        } else {
            push(
                heading(&s.title, &s.summary, s.alert, None),
                None,
                s.id,
                false,
            );
        }
        for item in &s.items {
            let step = item.link.clone().map(Step::Open);
            let two = events && !item.note.is_empty();
            push(item_line(item, two), step, s.id, false);
            if two {
                let style = if item.tone == Tone::Alert {
                    Style::new().fg(Color::Red)
                } else {
                    Style::new().add_modifier(Modifier::DIM)
                };
                let note = Line::from(Span::styled(format!("  {:WHEN$}{}", "", item.note), style));
                push(note, None, s.id, true);
            }
        }
        if s.more > 0 {
            let more = Line::from(format!(
                "  {:WHEN$}{}",
                "",
                tf(
                    if s.more_link.is_some() {
                        Msg::BriefMoreHere
                    } else {
                        Msg::BriefMoreItems
                    },
                    &[&number(s.more)]
                )
            ))
            .dim();
            push(more, s.more_link.clone().map(Step::Open), s.id, false);
        }
    }
    out
}

/// The line range of the selected item.
fn selected_range(lines: &[BriefLine], selected: usize) -> (usize, usize) {
    let mut unit = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.step.is_some() {
            if unit == selected {
                let end = lines[i + 1..].iter().take_while(|n| n.continues).count();
                return (i, i + 1 + end);
            }
            unit += 1;
        }
    }
    (0, 0)
}

/// "jueves 6 de marzo de 2025 · ▂▃ ▅█ 31 publicaciones en 14 días" (the sparkline only when
/// it has no column of its own).
fn header(b: &Briefing, with_spark: bool) -> Line<'static> {
    let mut spans = vec![Span::styled(long_date(b.date), Style::new().bold())];
    if with_spark {
        let values: Vec<u64> = b.spark.iter().map(|(_, n)| *n).collect();
        let total: u64 = values.iter().sum();
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            spark_text(&values),
            Style::new().fg(Color::Cyan),
        ));
        spans.push(Span::raw(format!(
            " {}",
            tf(Msg::BriefSparkShort, &[&number(total), &values.len()])
        )));
    }
    Line::from(spans)
}

pub(super) fn frame_block(views: &[Msg], view: usize, title: Msg) -> Block<'static> {
    Block::bordered()
        .border_style(focus_style(true))
        .title(title_line(views, view, title, &Query::default(), None))
}

pub fn briefing(p: &BriefPane, frame: &mut Frame, area: Rect, views: &[Msg], view: usize) {
    let block = frame_block(views, view, Msg::ViewBriefing);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(b) = &p.briefing else { return };
    if inner.is_empty() {
        return;
    }
    let beside = inner.width >= BESIDE && inner.height >= 12;
    let (main, side) = if beside {
        let width = (inner.width / 3).clamp(SIDE_MIN, SIDE_MAX);
        let [main, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(width + 2)]).areas(inner);
        // A rule and a space between them: a cut line of the briefing never reads on into it.
        let rule = Block::new()
            .borders(ratatui::widgets::Borders::LEFT)
            .border_style(Style::new().add_modifier(Modifier::DIM))
            .padding(ratatui::widgets::Padding::left(1));
        let side_inner = rule.inner(side);
        frame.render_widget(rule, side);
        (main, Some(side_inner))
    } else {
        (inner, None)
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
    frame.render_widget(Paragraph::new(header(b, side.is_none())), head);

    let mut lines = briefing_lines(b, p.tomorrow_open);
    let (from, to) = selected_range(&lines, p.selected);
    let height = body.height as usize;
    // The selected item and, when it is its section's first, the heading above it.
    let from_with_heading =
        if from > 0 && lines[from - 1].step.is_none() && !lines[from - 1].continues {
            from - 1
        } else {
            from
        };
    // On the last line that can be chosen, what follows it (sections with nothing pending)
    // comes into view too: End shows the whole briefing's end.
    let last = lines
        .iter()
        .filter(|l| l.step.is_some())
        .count()
        .saturating_sub(1);
    let shown_to = if p.selected >= last { lines.len() } else { to };
    let offset = scroll_to(from_with_heading, shown_to, height);
    for l in lines.iter_mut().take(to).skip(from) {
        l.line = std::mem::take(&mut l.line).add_modifier(Modifier::REVERSED);
    }
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(offset)
        .take(height)
        .map(|l| l.line)
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
    if let Some(side) = side {
        side_column(b, frame, side);
    }
}

/// The sparkline of the last two weeks and the balance, one under the other.
fn side_column(b: &Briefing, frame: &mut Frame, area: Rect) {
    let [spark_area, _, balance_area] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let values: Vec<u64> = b.spark.iter().map(|(_, n)| *n).collect();
    let [title, chart, days] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(4),
        Constraint::Length(1),
    ])
    .areas(spark_area);
    frame.render_widget(
        Paragraph::new(spark_summary(b))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .bold(),
        title,
    );
    // Two cells a day, so that the fortnight reads at a glance.
    let wide: Vec<u64> = values.iter().flat_map(|v| [*v, *v]).collect();
    frame.render_widget(
        Sparkline::default()
            .data(&wide)
            .style(Style::new().fg(Color::Cyan)),
        chart,
    );
    let first = b.spark.first().map(|(d, _)| short_day(&d.to_string()));
    let last = b.spark.last().map(|(d, _)| short_day(&d.to_string()));
    if let (Some(first), Some(last)) = (first, last) {
        let room = (values.len() * 2).saturating_sub(first.chars().count() + last.chars().count());
        frame.render_widget(
            Paragraph::new(format!("{first}{:room$}{last}", "")).dim(),
            days,
        );
    }
    let lines = super::balance::lines(b, balance_area.width as usize, None, true);
    frame.render_widget(Paragraph::new(lines), balance_area);
}
