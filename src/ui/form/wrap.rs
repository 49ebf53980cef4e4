//! Long text as a writer sees it: wrapped at word boundaries to the width of the field, wide
//! characters (emoji, CJK) taking two columns and combining accents none, the cursor and the
//! selection drawn where they are, scrolled so the cursor is always in view. tui-textarea keeps
//! the text and takes the keys; this draws it and moves the cursor by screen rows.
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use tui_textarea::{CursorMove, TextArea};
use unicode_width::UnicodeWidthChar;

/// One screen row: the line it belongs to and the characters of it that it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub chars: Range<usize>,
}

fn width_of(c: char) -> usize {
    match c {
        // A tab, and a control character (drawn as a mark, never sent to the terminal).
        '\t' => 1,
        c if c.is_control() => 1,
        c => c.width().unwrap_or(0),
    }
}

/// The screen rows of `lines` at `width` columns: a line breaks after the last space that
/// fits, or where it must when a word is longer than the row.
pub fn rows(lines: &[String], width: u16) -> Vec<Row> {
    rows_through(lines, width, usize::MAX, 0)
}

/// The screen rows of `lines` up to line `last` and `after` rows more: what drawing around a
/// cursor on line `last` needs, however long the text goes on after it.
pub fn rows_through(lines: &[String], width: u16, last: usize, after: usize) -> Vec<Row> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let mut beyond = 0;
    for (n, line) in lines.iter().enumerate() {
        if n > last && beyond >= after {
            break;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        loop {
            let mut used = 0;
            let mut end = start;
            let mut last_space = None;
            while end < chars.len() {
                let w = width_of(chars[end]);
                if used + w > width && end > start {
                    break;
                }
                used += w;
                if chars[end] == ' ' {
                    last_space = Some(end);
                }
                end += 1;
            }
            if end < chars.len() {
                // Break after the last space, when there is one and the row is not all space.
                if let Some(space) = last_space.filter(|s| *s > start) {
                    end = space + 1;
                }
            }
            out.push(Row {
                line: n,
                chars: start..end,
            });
            if n > last {
                beyond += 1;
            }
            if end >= chars.len() {
                break;
            }
            start = end;
        }
    }
    out
}

/// The screen row and column of a (line, char) cursor.
pub fn locate(rows: &[Row], lines: &[String], cursor: (usize, usize)) -> (usize, usize) {
    let (line, col) = cursor;
    let index = rows
        .iter()
        .rposition(|r| r.line == line && r.chars.start <= col)
        .unwrap_or(0);
    let row = &rows[index.min(rows.len().saturating_sub(1))];
    let x = lines
        .get(line)
        .map(|l| {
            l.chars()
                .skip(row.chars.start)
                .take(col.saturating_sub(row.chars.start))
                .map(width_of)
                .sum()
        })
        .unwrap_or(0);
    (index, x)
}

/// The first screen row shown so that row `at` is in view, moving as little as possible from
/// `top`.
pub fn scroll(top: usize, at: usize, height: u16) -> usize {
    let height = usize::from(height.max(1));
    if at < top {
        at
    } else if at >= top + height {
        at + 1 - height
    } else {
        top
    }
}

/// Moves the cursor one screen row up (`-1`) or down (`1`), keeping its column as near as the
/// row allows. Returns false at the first or last row (the caller moves to another field).
pub fn step(area: &mut TextArea<'static>, width: u16, by: isize) -> bool {
    let lines = area.lines().to_vec();
    let all = rows(&lines, width);
    let (at, x) = locate(&all, &lines, area.cursor());
    let target = at as isize + by;
    if target < 0 || target as usize >= all.len() {
        return false;
    }
    let row = &all[target as usize];
    let line: Vec<char> = lines[row.line].chars().collect();
    let mut col = row.chars.start;
    let mut used = 0;
    while col < row.chars.end {
        let w = width_of(line[col]);
        if used + w > x {
            break;
        }
        used += w;
        col += 1;
    }
    // The last character of a wrapped row is its space: the cursor stays before it.
    if col == row.chars.end && row.chars.end < line.len() && col > row.chars.start {
        col -= 1;
    }
    area.move_cursor(CursorMove::Jump(
        u16::try_from(row.line).unwrap_or(u16::MAX),
        u16::try_from(col).unwrap_or(u16::MAX),
    ));
    true
}

/// Draws the text wrapped into `rect` (its screen rows `all`, from [`rows`] at that width),
/// from screen row `top`, with the cursor (when `focused`) and the selection reversed.
pub fn draw(
    area: &TextArea<'static>,
    all: &[Row],
    rect: Rect,
    buf: &mut Buffer,
    top: usize,
    focused: bool,
) {
    let lines = area.lines();
    let cursor = area.cursor();
    let selection = area.selection_range();
    let selected = |line: usize, col: usize| {
        selection
            .is_some_and(|((l0, c0), (l1, c1))| (l0, c0) <= (line, col) && (line, col) < (l1, c1))
    };
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    for (y, row) in all
        .iter()
        .skip(top)
        .take(usize::from(rect.height))
        .enumerate()
    {
        let Some(line) = lines.get(row.line) else {
            continue;
        };
        let mut x = 0usize;
        let screen_y = rect.y + y as u16;
        for (col, c) in line
            .chars()
            .enumerate()
            .skip(row.chars.start)
            .take(row.chars.len())
        {
            let w = width_of(c);
            if x + w > usize::from(rect.width) {
                break;
            }
            let mut style = Style::new();
            if selected(row.line, col) || (focused && (row.line, col) == cursor) {
                style = reversed;
            }
            if w > 0 {
                let symbol = match c {
                    '\t' => ' ',
                    c if c.is_control() => '\u{FFFD}',
                    c => c,
                };
                let cell = &mut buf[(rect.x + x as u16, screen_y)];
                cell.set_char(symbol).set_style(style);
                if w == 2 {
                    if let Some(next) = buf.cell_mut((rect.x + x as u16 + 1, screen_y)) {
                        next.set_symbol("").set_style(style);
                    }
                }
            } else if x > 0 {
                // A combining mark joins the character before it.
                let prev = &mut buf[(rect.x + x as u16 - 1, screen_y)];
                let joined = format!("{}{c}", prev.symbol());
                prev.set_symbol(&joined);
            }
            x += w;
        }
        // The cursor after the last character of its line.
        let line_end = row.chars.end == line.chars().count();
        if focused && line_end && cursor == (row.line, row.chars.end) && x < usize::from(rect.width)
        {
            buf[(rect.x + x as u16, screen_y)]
                .set_char(' ')
                .set_style(reversed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rows: &[Row], lines: &[String]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                lines[r.line]
                    .chars()
                    .skip(r.chars.start)
                    .take(r.chars.len())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn lines_break_after_the_last_space_that_fits() {
        let lines = vec!["Jornada de salud en Tampamolón".to_owned(), String::new()];
        let r = rows(&lines, 12);
        assert_eq!(
            text(&r, &lines),
            vec!["Jornada de ", "salud en ", "Tampamolón", ""]
        );
        let long = vec!["Supercalifragilístico".to_owned()];
        assert_eq!(
            text(&rows(&long, 8), &long),
            vec!["Supercal", "ifragilí", "stico"]
        );
    }

    #[test]
    fn rows_stop_a_screen_after_the_cursors_line() {
        let lines: Vec<String> = (0..1000).map(|i| format!("renglón {i}")).collect();
        let near = rows_through(&lines, 80, 10, 5);
        assert_eq!(near.len(), 16);
        assert_eq!(near, rows(&lines, 80)[..16].to_vec());
    }

    #[test]
    fn wide_characters_take_two_columns_and_accents_none() {
        let lines = vec!["👍🏽👍🏽👍🏽 niño".to_owned()];
        let r = rows(&lines, 4);
        assert_eq!(text(&r, &lines)[0], "👍🏽");
        let decomposed = vec!["cafe\u{301} cafe\u{301}".to_owned()];
        assert_eq!(
            text(&rows(&decomposed, 5), &decomposed),
            vec!["cafe\u{301} ", "cafe\u{301}"]
        );
    }

    #[test]
    fn the_cursor_is_found_on_its_screen_row_and_kept_in_view() {
        let lines = vec!["uno dos tres cuatro".to_owned()];
        let r = rows(&lines, 8);
        assert_eq!(locate(&r, &lines, (0, 0)), (0, 0));
        assert_eq!(locate(&r, &lines, (0, 9)), (1, 1));
        assert_eq!(locate(&r, &lines, (0, 19)), (2, 6));
        assert_eq!(scroll(0, 5, 3), 3);
        assert_eq!(scroll(3, 1, 3), 1);
        assert_eq!(scroll(3, 4, 3), 3);
    }

    #[test]
    fn up_and_down_move_by_screen_rows() {
        let mut area = TextArea::new(vec!["uno dos tres cuatro".to_owned(), "cinco".to_owned()]);
        area.move_cursor(CursorMove::Jump(0, 1));
        assert!(step(&mut area, 8, 1));
        assert_eq!(area.cursor(), (0, 9));
        assert!(step(&mut area, 8, 1));
        assert!(step(&mut area, 8, 1));
        assert_eq!(area.cursor().0, 1);
        assert!(!step(&mut area, 8, 1));
        assert!(step(&mut area, 8, -1));
        assert!(step(&mut area, 8, -1));
        assert!(step(&mut area, 8, -1));
        assert!(!step(&mut area, 8, -1));
    }

    #[test]
    fn control_characters_are_drawn_as_a_mark_never_sent_to_the_terminal() {
        let area = TextArea::new(vec!["a\u{1b}[?1049hb\u{7}".to_owned()]);
        let rect = Rect::new(0, 0, 20, 1);
        let mut buf = Buffer::empty(rect);
        let all = rows(area.lines(), 20);
        draw(&area, &all, rect, &mut buf, 0, false);
        let shown: String = (0..20).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert!(shown.starts_with("a\u{FFFD}[?1049hb\u{FFFD}"), "{shown:?}");
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
    }

    #[test]
    fn drawing_never_panics_at_any_size() {
        let area = TextArea::new(vec!["👍🏽 niño e\u{301} \t 日本語".repeat(20), String::new()]);
        for w in 0..12 {
            for h in 0..4 {
                let rect = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(rect);
                let all = rows(area.lines(), w);
                draw(&area, &all, rect, &mut buf, 0, true);
                draw(&area, &all, rect, &mut buf, 1000, true);
            }
        }
    }
}
