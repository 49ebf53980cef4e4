//! Drawing a list pane: its views on the title line, the filter and search lines, the rows
//! with the searched words marked, and the detail with its chosen line.
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;

use super::{Ctx, DetailLine, Focus, ListKind, ListPane};
use crate::domain::query::{Filters, Query, COUNT_CAP};
use crate::domain::text::{highlights, terms};
use crate::i18n::{self, short_date, t, tf, Msg};
use crate::ui::layout::list_and_detail;

/// How a searched word is marked.
pub fn mark() -> Style {
    Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// Text with the words of a search marked.
pub fn marked(text: &str, words: &[String], base: Style) -> Line<'static> {
    let mut spans = Vec::new();
    let mut last = 0;
    for (a, b) in highlights(text, words) {
        if a > last {
            spans.push(Span::styled(text[last..a].to_owned(), base));
        }
        spans.push(Span::styled(text[a..b].to_owned(), base.patch(mark())));
        last = b;
    }
    if last < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[last..].to_owned(), base));
    }
    Line::from(spans)
}

/// Marks the searched words in a line already styled (a detail line).
fn mark_line(line: &Line<'static>, words: &[String]) -> Line<'static> {
    if words.is_empty() {
        return line.clone();
    }
    let spans: Vec<Span<'static>> = line
        .spans
        .iter()
        .flat_map(|s| marked(&s.content, words, s.style).spans)
        .collect();
    Line::from(spans).style(line.style)
}

/// "Filtros: Estado: Pendiente · Área: DIF · Desde 01/03/2025" (labels as the form names them).
fn filter_line(
    filters: &Filters,
    statuses: &[(String, String)],
    kinds: &[(String, String)],
) -> String {
    let label = |code: &str, options: &[(String, String)]| {
        options
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| code.to_owned())
    };
    let mut parts = Vec::new();
    if let Some(s) = &filters.status {
        parts.push(format!("{}: {}", t(Msg::FieldStatus), label(s, statuses)));
    }
    if let Some(k) = &filters.kind {
        parts.push(format!("{}: {}", t(Msg::FieldKind), label(k, kinds)));
    }
    if let Some(d) = &filters.department {
        parts.push(format!("{}: {}", t(Msg::FieldArea), d.label));
    }
    if let Some(d) = filters.from {
        parts.push(format!("{} {}", t(Msg::FFrom), short_date(d)));
    }
    if let Some(d) = filters.to {
        parts.push(format!("{} {}", t(Msg::FTo), short_date(d)));
    }
    for (msg, value) in [
        (Msg::FTag, &filters.tag),
        (Msg::FPeople, &filters.person),
        (Msg::FieldPlace, &filters.place),
    ] {
        if let Some(v) = value {
            parts.push(format!("{}: {v}", t(msg)));
        }
    }
    parts.join(" · ")
}

fn count_text(count: u64) -> String {
    match count {
        0 => t(Msg::SearchNone).to_owned(),
        1 => t(Msg::SearchOne).to_owned(),
        n if n > COUNT_CAP => tf(Msg::SearchMany, &[&i18n::number(COUNT_CAP)]),
        n => tf(Msg::SearchCount, &[&i18n::number(n)]),
    }
}

/// The title line: the tab's views with the current one marked, or the list's name.
pub fn title_line(
    views: &[Msg],
    view: usize,
    title: Msg,
    query: &Query,
    count: Option<u64>,
) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    if views.len() > 1 {
        for (i, v) in views.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" │ "));
            }
            let style = if i == view {
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::DIM)
            };
            spans.push(Span::styled(t(*v).to_owned(), style));
        }
    } else {
        spans.push(Span::styled(t(title).to_owned(), Style::new().bold()));
    }
    if let (Some(n), false) = (count, query.is_empty()) {
        spans.push(Span::raw(format!(" · {}", count_text(n))));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

pub fn focus_style(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new()
    }
}

pub fn pane<K: ListKind>(
    p: &ListPane<K>,
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    views: &[Msg],
    view: usize,
) {
    let (list_area, detail_area) = list_and_detail(area);
    // Without room for the detail beside or below, the detail takes the list's place.
    let (list_area, detail_area) = match (detail_area, p.focus) {
        (None, Focus::Detail) => (None, Some(list_area)),
        (d, _) => (Some(list_area), d),
    };
    if let Some(area) = list_area {
        list(p, frame, area, ctx, views, view);
    }
    if let (Some(area), Some(detail)) = (detail_area, &p.detail) {
        let words = terms(&p.query.search);
        // A picture takes the top of a tall pane, the right of a low one, when there is room
        // for it and for some lines.
        let area = match K::picture(detail).filter(|_| crate::ui::picture::enabled()) {
            Some((key, jpeg)) if area.height >= 16 && area.width >= 12 => {
                let high = (area.height / 2).min(18);
                let [top, rest] =
                    Layout::vertical([Constraint::Length(high), Constraint::Fill(1)]).areas(area);
                crate::ui::picture::draw(frame, top, key, jpeg);
                rest
            }
            Some((key, jpeg)) if area.height >= 6 && area.width >= 60 => {
                let [rest, side] =
                    Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
                crate::ui::picture::draw(frame, side, key, jpeg);
                rest
            }
            _ => area,
        };
        detail_pane(
            frame,
            area,
            &K::lines(detail),
            &words,
            p.focus == Focus::Detail,
            p.pick,
        );
    }
}

/// A detail pane: its lines with the searched words marked and, when it has the focus, the
/// chosen line among those that can be chosen.
pub fn detail_pane(
    frame: &mut Frame,
    area: Rect,
    lines: &[DetailLine],
    words: &[String],
    focused: bool,
    chosen: usize,
) {
    let inner_width = area.width.saturating_sub(2) as usize;
    let mut pick = 0;
    // The rows (after wrapping) above the chosen line, and its own.
    let (mut row, mut chosen_rows) = (0, None);
    let mut out: Vec<Line<'static>> = Vec::with_capacity(lines.len());
    for l in lines {
        let mut line = mark_line(&l.line, words);
        let rows = crate::ui::widgets::wrapped_rows(&line, inner_width);
        if l.pick.is_some() {
            if focused && pick == chosen {
                line = line.patch_style(Style::new().add_modifier(Modifier::REVERSED));
                chosen_rows = Some((row, rows));
            }
            pick += 1;
        }
        row += rows;
        out.push(line);
    }
    let inner_height = area.height.saturating_sub(2) as usize;
    // Keep the chosen line in view, its last row with one row below it when there is room.
    let scroll = chosen_rows.map_or(0, |(start, rows)| {
        (start + rows + 1).saturating_sub(inner_height).min(start) as u16
    });
    frame.render_widget(
        Paragraph::new(out)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(
                Block::bordered()
                    .border_style(focus_style(focused))
                    .title(format!(" {} ", t(Msg::Detail))),
            ),
        area,
    );
}

fn list<K: ListKind>(
    p: &ListPane<K>,
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    views: &[Msg],
    view: usize,
) {
    let block = Block::bordered()
        .border_style(focus_style(p.focus != Focus::Detail))
        .title(title_line(views, view, K::title(), &p.query, p.count));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let spec = K::filters();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if !p.query.filters.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", t(Msg::FilterLine)), Style::new().bold()),
            Span::raw(filter_line(&p.query.filters, &spec.statuses, &spec.kinds)),
            Span::styled(format!("  ({})", t(Msg::FilterClear)), Style::new().dim()),
        ]));
    }
    if p.focus == Focus::Search || !p.query.search.is_empty() {
        let mut spans = vec![
            Span::styled(format!("{} ", t(Msg::SearchLabel)), Style::new().bold()),
            Span::raw(p.query.search.clone()),
        ];
        if p.focus == Focus::Search {
            spans.push(Span::styled(
                " ",
                Style::new().add_modifier(Modifier::REVERSED),
            ));
        }
        lines.push(Line::from(spans));
    }
    let extra = (lines.len() as u16).min(inner.height);
    let [top, table_area] =
        Layout::vertical([Constraint::Length(extra), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), top);
    if p.rows.rows().is_empty() {
        let empty = if p.query.is_empty() {
            t(Msg::Empty)
        } else {
            t(Msg::SearchNone)
        };
        frame.render_widget(Paragraph::new(empty).dim(), table_area);
        return;
    }
    let words = terms(&p.query.search);
    let visible = table_area.height.saturating_sub(1) as usize;
    let row_of = |r: &K::Row| {
        let (cells, style) = K::cells(r, ctx);
        Row::new(
            cells
                .into_iter()
                .map(|c| Cell::from(marked(&c, &words, Style::new())))
                .collect::<Vec<_>>(),
        )
        .style(style)
    };
    let (rows, selected, headings) = grouped::<K>(p, visible, &row_of);
    let header = Row::new(K::header().into_iter().map(|m| Cell::from(t(m)))).bold();
    let mut state = TableState::new().with_selected(Some(selected));
    frame.render_stateful_widget(
        Table::new(rows, K::widths())
            .header(header)
            .column_spacing(1)
            .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED)),
        table_area,
        &mut state,
    );
    // Headings take the whole width, over the empty rows kept for them (below the header).
    for (i, heading) in headings {
        let y = table_area.y + 1 + i as u16;
        if y < table_area.bottom() {
            let area = Rect::new(table_area.x, y, table_area.width, 1);
            frame.render_widget(Paragraph::new(heading), area);
        }
    }
}

/// The rows shown from the list's offset, with an empty row wherever a row's group (its day,
/// and its month) changes, and the heading to write over it; and where the selected row is
/// among them. The offset moves down until the selected row fits under its headings.
#[allow(clippy::type_complexity)]
fn grouped<K: ListKind>(
    p: &ListPane<K>,
    visible: usize,
    row_of: &dyn Fn(&K::Row) -> Row<'static>,
) -> (Vec<Row<'static>>, usize, Vec<(usize, Line<'static>)>) {
    let all = p.rows.rows();
    let chosen = p.rows.selected_index();
    let mut offset = p.rows.offset_for(visible);
    loop {
        let mut out = Vec::new();
        let mut headings = Vec::new();
        let mut at = None;
        let mut last: Option<(String, String)> = None;
        for (i, r) in all.iter().enumerate().skip(offset) {
            if let Some((day, month)) = K::group(r) {
                let (new_month, new_day) = match &last {
                    None => (true, true),
                    Some((d, m)) => (*m != month, *d != day),
                };
                if new_month && out.len() < visible {
                    headings.push((out.len(), Line::from(month.clone()).bold().cyan()));
                    out.push(Row::new(Vec::<Cell>::new()));
                }
                if new_day && out.len() < visible {
                    headings.push((out.len(), Line::from(format!(" {day}")).bold()));
                    out.push(Row::new(Vec::<Cell>::new()));
                }
                last = Some((day, month));
            }
            if out.len() >= visible.max(1) {
                break;
            }
            if i == chosen {
                at = Some(out.len());
            }
            out.push(row_of(r));
        }
        match at {
            Some(at) => return (out, at, headings),
            None if offset < chosen => offset += 1,
            None => return (out, 0, headings),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_keeps_the_text_and_marks_the_words() {
        let words = terms("reunion");
        let line = marked("Reunión con comités", &words, Style::new());
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "Reunión con comités");
        assert_eq!(line.spans[0].content, "Reunión");
        assert!(line.spans[0]
            .style
            .add_modifier
            .contains(Modifier::UNDERLINED));
        assert!(!line.spans[1]
            .style
            .add_modifier
            .contains(Modifier::UNDERLINED));
    }
}
