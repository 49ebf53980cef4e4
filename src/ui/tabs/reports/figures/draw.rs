//! Drawing Cifras: the summary line, the table of departments and the bar chart of this
//! month's reports — beside the table on a wide screen, under it on a narrow one, trimmed to
//! the lines that fit (or replaced by a one-line note) on a short one.
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};
use ratatui::Frame;

use super::{cells, summary, Figures, COLUMNS};
use crate::brief::bar;
use crate::domain::figures::DepartmentFigures;
use crate::domain::query::Query;
use crate::i18n::{month_year, t, tf, Msg};
use crate::ui::list::{focus_style, title_line, Ctx};
use crate::ui::tabs::agenda::fit;

/// From this width (inside the frame) the chart may stand beside the table.
const BESIDE: u16 = 100;
/// The chart's width beside the table: a third of the screen, within these bounds.
const CHART_MIN: u16 = 30;
const CHART_MAX: u16 = 48;
/// The chart's widest under the table (wider bars say nothing more).
const STACKED_MAX: u16 = 64;

/// The widths of the columns after the department's name.
const NUMBER_WIDTHS: [u16; 5] = [16, 8, 10, 8, 14];
const NUMBERS: [Constraint; 5] = [
    Constraint::Length(NUMBER_WIDTHS[0]),
    Constraint::Length(NUMBER_WIDTHS[1]),
    Constraint::Length(NUMBER_WIDTHS[2]),
    Constraint::Length(NUMBER_WIDTHS[3]),
    Constraint::Length(NUMBER_WIDTHS[4]),
];

/// How overdue requests look: red and bold (and marked in words, see `overdue_text`).
fn warning() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// Where the chart goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChartPlace {
    /// In this area (it trims itself to the lines that fit).
    Shown(Rect),
    /// No room: a one-line note says so.
    NoRoom(Rect),
    Hidden,
}

/// Splits the area below the summary into the table and the chart, for a table of `rows`
/// departments and a chart of `bars` bars: one under the other when both fit whole, else side
/// by side on a wide screen, else the table scrolls above a chart trimmed to what fits.
fn split(body: Rect, rows: usize, bars: usize) -> (Rect, ChartPlace) {
    let height = body.height as usize;
    let table_need = rows + 1;
    let chart_need = 1 + bars.max(1);
    let whole = table_need + 1 + chart_need <= height;
    if body.width >= BESIDE && !whole {
        let chart = (body.width / 3).clamp(CHART_MIN, CHART_MAX);
        let [table, _, chart] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(chart),
        ])
        .areas(body);
        return (table, ChartPlace::Shown(chart));
    }
    let (table, chart) = if whole {
        (table_need, Some(chart_need))
    } else if height >= 8 {
        let chart = chart_need.min((height / 3).max(3));
        (height - chart - 1, Some(chart))
    } else if height >= 3 {
        (height - 1, None)
    } else {
        return (body, ChartPlace::Hidden);
    };
    let [table_area, _, chart_area] = Layout::vertical([
        Constraint::Length(table as u16),
        Constraint::Length(u16::from(chart.is_some())),
        Constraint::Fill(1),
    ])
    .areas(body);
    let chart_area = Rect {
        width: chart_area.width.min(STACKED_MAX),
        ..chart_area
    };
    match chart {
        Some(_) => (table_area, ChartPlace::Shown(chart_area)),
        None => (table_area, ChartPlace::NoRoom(chart_area)),
    }
}

pub fn figures(f: &Figures, frame: &mut Frame, area: Rect, ctx: &Ctx, views: &[Msg], view: usize) {
    let block = Block::bordered()
        .border_style(focus_style(true))
        .title(title_line(
            views,
            view,
            Msg::ViewFigures,
            &Query::default(),
            None,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(summary_line(f, ctx)), head);
    if f.rows.is_empty() {
        frame.render_widget(Paragraph::new(t(Msg::FiguresEmpty)).dim(), body);
        return;
    }
    let bars = bars(&f.rows);
    let (table_area, chart) = split(body, f.rows.len(), bars.len());
    table(f, frame, table_area);
    let month = f.month(ctx);
    match chart {
        ChartPlace::Shown(area) => {
            let lines = chart_lines(&bars, month, area.width as usize, area.height as usize);
            frame.render_widget(Paragraph::new(lines), area);
        }
        ChartPlace::NoRoom(area) => {
            frame.render_widget(Paragraph::new(t(Msg::FiguresChartNoRoom)).dim(), area);
        }
        ChartPlace::Hidden => {}
    }
}

/// "marzo de 2025 · 20 áreas · 2 reportes este mes · 5 solicitudes vencidas".
fn summary_line(f: &Figures, ctx: &Ctx) -> Line<'static> {
    let totals = f.totals();
    let [areas, reports, overdue] = summary(&totals);
    let overdue_style = if totals.overdue > 0 {
        warning()
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(
            month_year(f.day.unwrap_or(ctx.now.date())),
            Style::new().bold(),
        ),
        Span::raw(format!(" · {areas} · {reports} · ")),
        Span::styled(overdue, overdue_style),
    ])
}

/// The columns the table shows in `width`: the department, this month and overdue always;
/// the median, the last report and the pending ones as the room allows (left out in that
/// order, so a name never shrinks to nothing). Indexes into `COLUMNS`.
fn visible_columns(width: u16) -> Vec<usize> {
    const NAME_MIN: u16 = 14;
    let mut shown = vec![0, 1, 2, 3, 4, 5];
    for drop in [5, 1, 3] {
        let used: u16 = shown
            .iter()
            .skip(1)
            .map(|i| NUMBER_WIDTHS[*i - 1] + 1)
            .sum();
        if width.saturating_sub(used) >= NAME_MIN {
            break;
        }
        shown.retain(|i| *i != drop);
    }
    shown
}

fn table(f: &Figures, frame: &mut Frame, area: Rect) {
    // The counts are numbers: right-aligned, under right-aligned headings.
    let align = |i: usize| {
        if i >= 2 {
            Alignment::Right
        } else {
            Alignment::Left
        }
    };
    let shown = visible_columns(area.width);
    let header = Row::new(
        shown
            .iter()
            .map(|i| Cell::from(Line::from(t(COLUMNS[*i])).alignment(align(*i)))),
    )
    .bold();
    let numbers: Vec<Constraint> = shown.iter().skip(1).map(|i| NUMBERS[*i - 1]).collect();
    let numbers_width: u16 = shown
        .iter()
        .skip(1)
        .map(|i| NUMBER_WIDTHS[*i - 1] + 1)
        .sum();
    // The name's column is as wide as the longest name, or what the others leave (a name
    // longer than that ends in "…").
    let longest = f.rows.iter().map(|r| r.label().chars().count()).max();
    let name_width = (area.width.saturating_sub(numbers_width) as usize)
        .min(longest.unwrap_or(0).max(t(Msg::ColArea).chars().count()));
    let mut widths = vec![Constraint::Length(name_width as u16)];
    widths.extend(numbers);
    let rows: Vec<Row> = f
        .rows
        .iter()
        .map(|r| {
            let cells = cells(r);
            let row = shown.iter().map(|&i| {
                let text = if i == 0 {
                    fit(&cells[i], name_width)
                } else {
                    cells[i].clone()
                };
                let line = Line::from(text).alignment(align(i));
                let line = if i == 4 && r.overdue > 0 {
                    line.style(warning())
                } else {
                    line
                };
                Cell::from(line)
            });
            let style = if r.active {
                Style::new()
            } else {
                Style::new().add_modifier(Modifier::DIM)
            };
            Row::new(row.collect::<Vec<_>>()).style(style)
        })
        .collect();
    let mut state = TableState::new().with_selected(Some(f.selected));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED)),
        area,
        &mut state,
    );
}

/// The chart's bars: the departments with reports this month, the most first (in the
/// departments' order among equals).
fn bars(rows: &[DepartmentFigures]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = rows
        .iter()
        .filter(|r| r.this_month > 0)
        .map(|r| (r.label().to_owned(), r.this_month))
        .collect();
    out.sort_by_key(|b| std::cmp::Reverse(b.1));
    out
}

/// The chart as lines of `width` × at most `height`: its title, then a bar per department
/// ("DIF  ██████▍ 3"); when they do not all fit, the last line says how many are left out.
fn chart_lines(
    bars: &[(String, u32)],
    month: &str,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    if height == 0 || width == 0 {
        return Vec::new();
    }
    let mut out = vec![Line::from(fit(&tf(Msg::FiguresChart, &[&month]), width)).bold()];
    if bars.is_empty() {
        if height > 1 {
            out.push(Line::from(fit(&tf(Msg::FiguresChartNone, &[&month]), width)).dim());
        }
        return out;
    }
    let room = height - 1;
    let (shown, left_out) = if bars.len() <= room {
        (bars.len(), 0)
    } else {
        let shown = room.saturating_sub(1);
        (shown, bars.len() - shown)
    };
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0);
    let value_width = max.to_string().len();
    let longest = bars.iter().map(|b| b.0.chars().count()).max().unwrap_or(0);
    let label_width = longest.min(width.saturating_sub(value_width + 2) / 2);
    let bar_width = width.saturating_sub(label_width + value_width + 2);
    for (label, value) in bars.iter().take(shown) {
        let label = fit(label, label_width);
        let drawn = bar(u64::from(*value), u64::from(max), bar_width);
        out.push(Line::from(vec![
            Span::raw(format!("{label:<label_width$} ")),
            Span::styled(format!("{drawn:<bar_width$}"), Style::new().fg(Color::Cyan)),
            Span::raw(format!(" {value:>value_width$}")),
        ]));
    }
    if left_out > 0 {
        out.push(Line::from(fit(&tf(Msg::FiguresChartMore, &[&left_out]), width)).dim());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn text(lines: &[Line<'static>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn row(name: &str, this_month: u32, overdue: u32) -> DepartmentFigures {
        DepartmentFigures {
            id: name.to_lowercase(),
            name: name.to_owned(),
            short_name: name.to_owned(),
            active: true,
            this_month,
            overdue,
            pending: overdue,
            ..DepartmentFigures::default()
        }
    }

    #[test]
    fn the_chart_puts_the_most_first_and_trims_to_its_height() {
        let rows = [
            row("DIF", 1, 0),
            row("Obras", 4, 0),
            row("Salud", 0, 0),
            row("Agua", 2, 0),
        ];
        let bars = bars(&rows);
        let names: Vec<&str> = bars.iter().map(|b| b.0.as_str()).collect();
        assert_eq!(names, ["Obras", "Agua", "DIF"], "no bar for none");
        let full = text(&chart_lines(&bars, "marzo", 20, 10));
        assert_eq!(
            full,
            [
                "Reportes de marzo p…",
                "Obras ████████████ 4",
                "Agua  ██████       2",
                "DIF   ███          1",
            ]
        );
        let short = text(&chart_lines(&bars, "marzo", 30, 3));
        assert_eq!(short.len(), 3);
        assert!(short[1].starts_with("Obras"), "{short:?}");
        assert_eq!(short[2], "… y 2 áreas más");
        let none = text(&chart_lines(&[], "marzo", 40, 5));
        assert_eq!(
            none,
            [
                "Reportes de marzo por área",
                "Ningún reporte en marzo todavía."
            ]
        );
        assert!(chart_lines(&bars, "marzo", 0, 5).is_empty());
        assert!(chart_lines(&bars, "marzo", 5, 0).is_empty());
    }

    #[test]
    fn narrow_screens_stack_the_chart_under_the_table_or_leave_a_note() {
        let body = |w, h| Rect::new(0, 0, w, h);
        // Everything fits: the table whole, a blank line, the chart (not wider than it needs).
        let (table, chart) = split(body(78, 30), 5, 2);
        assert_eq!(table.height, 6);
        assert_eq!(chart, ChartPlace::Shown(Rect::new(0, 7, 64, 23)));
        let (table, chart) = split(body(118, 36), 20, 2);
        assert_eq!((table.width, table.height), (118, 21));
        assert_eq!(chart, ChartPlace::Shown(Rect::new(0, 22, 64, 14)));
        // 80×24: the table scrolls, the chart keeps its lines.
        let (table, chart) = split(body(78, 18), 20, 2);
        assert_eq!(
            (table.height, chart),
            (14, ChartPlace::Shown(Rect::new(0, 15, 64, 3)))
        );
        // Short: a note instead of the chart.
        let (table, chart) = split(body(78, 5), 20, 2);
        assert_eq!(
            (table.height, chart),
            (4, ChartPlace::NoRoom(Rect::new(0, 4, 64, 1)))
        );
        // Wide, and no room for both whole: beside.
        let (table, chart) = split(body(118, 36), 20, 20);
        assert_eq!(table.width, 78);
        assert!(matches!(chart, ChartPlace::Shown(r) if r.width == 39 && r.height == 36));
    }

    #[test]
    fn any_size_draws_without_panicking_and_overdue_is_red_and_marked() {
        let now = chrono::NaiveDate::from_ymd_opt(2025, 3, 6)
            .unwrap()
            .and_hms_opt(8, 30, 0)
            .unwrap();
        let ctx = Ctx { now, height: 10 };
        let f = Figures {
            rows: vec![row("DIF", 1, 0), row("Obras", 4, 2)],
            selected: 1,
            day: Some(now.date()),
            ..Figures::default()
        };
        let views = [Msg::ViewReports, Msg::ViewFigures];
        for w in 0..=60 {
            for h in 0..=12 {
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal
                    .draw(|frame| figures(&f, frame, frame.area(), &ctx, &views, 1))
                    .unwrap();
            }
        }
        let mut terminal = Terminal::new(TestBackend::new(100, 12)).unwrap();
        terminal
            .draw(|frame| figures(&f, frame, frame.area(), &ctx, &views, 1))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let line = |y: u16| -> String { (0..100).map(|x| buffer[(x, y)].symbol()).collect() };
        let (y, obras) = (0..12)
            .map(|y| (y, line(y)))
            .find(|(_, l)| l.contains("Obras"))
            .unwrap();
        assert!(obras.contains("⚠ 2"), "{obras}");
        let x = obras.chars().position(|c| c == '⚠').unwrap() as u16;
        assert_eq!(buffer[(x, y)].fg, Color::Red);
        let summary = line(1);
        assert!(
            summary.contains("2 áreas · 5 reportes este mes · 2 solicitudes vencidas"),
            "{summary}"
        );
    }
}

#[cfg(test)]
mod column_tests {
    use super::visible_columns;

    #[test]
    fn a_narrow_table_leaves_out_columns_before_the_names() {
        assert_eq!(visible_columns(120), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(visible_columns(78), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(visible_columns(60), vec![0, 1, 2, 3, 4]);
        assert_eq!(visible_columns(50), vec![0, 2, 3, 4]);
        assert_eq!(visible_columns(38), vec![0, 2, 4]);
        assert_eq!(visible_columns(10), vec![0, 2, 4]);
    }
}
