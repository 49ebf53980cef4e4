//! Conflictos: values that lost to a concurrent edit on another machine. Both values side by
//! side, the words that differ marked, and the choice: keep, take the other, or write a mix.
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;
use similar::{ChangeTag, TextDiff};

use crate::i18n::{stamp, t, tf, Msg};
use crate::store::{value_text, ConflictView};

/// The screen's state: the open conflicts (one per field), the selected one, and the editor
/// while the user writes a mix.
#[derive(Debug, Clone)]
pub struct ConflictsView {
    pub items: Vec<ConflictView>,
    pub selected: usize,
    pub editor: Option<tui_textarea::TextArea<'static>>,
}

/// The name of a field as the user reads it.
fn field_label(col: &str) -> String {
    let msg = match col {
        "title" => Msg::ColTitle,
        "body" | "description" => Msg::FieldText,
        "place" => Msg::FieldPlace,
        "starts_at" => Msg::FieldWhen,
        "status" => Msg::FieldStatus,
        "name" => Msg::ColName,
        "folio" => Msg::FieldFolio,
        "notes" => Msg::FieldNotes,
        "deleted_at" => Msg::FieldDeleted,
        _ => return col.to_owned(),
    };
    t(msg).to_owned()
}

/// The two texts with the words only one of them has marked: (current, other).
fn diff_lines(current: &str, other: &str) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let diff = TextDiff::from_words(current, other);
    let (mut left, mut right) = (vec![Line::default()], vec![Line::default()]);
    let mark = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    for change in diff.iter_all_changes() {
        let text = change.value().to_owned();
        let (target, style): (Vec<&mut Vec<Line<'static>>>, Style) = match change.tag() {
            ChangeTag::Equal => (vec![&mut left, &mut right], Style::new()),
            ChangeTag::Delete => (vec![&mut left], mark.fg(Color::Green)),
            ChangeTag::Insert => (vec![&mut right], mark.fg(Color::Yellow)),
        };
        for lines in target {
            let mut parts = text.split('\n');
            if let Some(first) = parts.next() {
                if let Some(line) = lines.last_mut() {
                    line.spans.push(Span::styled(first.to_owned(), style));
                }
            }
            for part in parts {
                lines.push(Line::from(Span::styled(part.to_owned(), style)));
            }
        }
    }
    (left, right)
}

pub fn draw(frame: &mut Frame, area: Rect, view: &ConflictsView) {
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(format!(
        " {} ",
        tf(Msg::ConflictsTitle, &[&view.items.len()])
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.items.is_empty() {
        frame.render_widget(Paragraph::new(t(Msg::ConflictNone)).dim(), inner);
        return;
    }
    let [list_area, detail] = if inner.width >= 90 {
        Layout::horizontal([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(inner)
    } else {
        Layout::vertical([
            Constraint::Length(4.min(inner.height / 3)),
            Constraint::Fill(1),
        ])
        .areas(inner)
    };
    let items: Vec<ListItem> = view
        .items
        .iter()
        .map(|c| ListItem::new(format!("{} · {}", c.item, field_label(&c.col))))
        .collect();
    let mut state = ListState::default().with_selected(Some(view.selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(Style::new().add_modifier(Modifier::REVERSED)),
        list_area,
        &mut state,
    );
    let Some(item) = view.items.get(view.selected) else {
        return;
    };
    if let Some(editor) = &view.editor {
        frame.render_widget(editor, detail);
        return;
    }
    let current = value_text(&item.current);
    let other = value_text(&item.lost);
    let (left, right) = diff_lines(&current, &other);
    let panes = if detail.width >= 60 {
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).split(detail)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).split(detail)
    };
    let other_title = tf(
        Msg::ConflictOther,
        &[&item.lost_machine, &stamp(&item.lost_at)],
    );
    frame.render_widget(
        Paragraph::new(left)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" 1 · {} ", t(Msg::ConflictCurrent)))),
        panes[0],
    );
    frame.render_widget(
        Paragraph::new(right)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" 2 · {other_title} "))),
        panes[1],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn diff_keeps_each_text_whole_and_marks_what_differs() {
        let (left, right) = diff_lines(
            "Sesión ordinaria de Cabildo",
            "Sesión extraordinaria de Cabildo",
        );
        assert_eq!(text(&left), vec!["Sesión ordinaria de Cabildo"]);
        assert_eq!(text(&right), vec!["Sesión extraordinaria de Cabildo"]);
        let marked: Vec<&str> = left[0]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::BOLD))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(marked, vec!["ordinaria"]);
    }
}
