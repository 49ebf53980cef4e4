//! Conflictos: values that lost to a concurrent edit on another machine. Both values side by
//! side, the words that differ marked, and the choice: keep, take the other, or write a mix.
//! A paste here is text for the mix, never a decision.
use crossterm::event::KeyCode::*;
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;
use similar::{ChangeTag, TextDiff};
use tui_textarea::TextArea;

use super::action::{Action, Decision, Outcome};
use super::keys::{lookup, Binding, Cmd, Scope, CTRL, NONE, UP_DOWN};
use crate::domain::ConflictItem;
use crate::i18n::labels::field_label;
use crate::i18n::{stamp, t, tf, Msg};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Conflicts,
        keys: UP_DOWN,
        label: Msg::KeyUpDown,
        help: Msg::HelpMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('1'), NONE, Cmd::Keep)],
        label: Msg::KeyOne,
        help: Msg::HelpKeep,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('2'), NONE, Cmd::Take)],
        label: Msg::KeyTwo,
        help: Msg::HelpTake,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('e'), NONE, Cmd::Mix)],
        label: Msg::KeyEdit,
        help: Msg::HelpEditMix,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('u'), NONE, Cmd::Undo)],
        label: Msg::KeyU,
        help: Msg::HelpUndo,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[
            (Esc, NONE, Cmd::Close),
            (Char('q'), NONE, Cmd::Close),
            // Back to where it was opened from, as after a link.
            (Backspace, NONE, Cmd::Close),
        ],
        label: Msg::KeyClose,
        help: Msg::HelpCloseConflicts,
        in_bar: true,
    },
    Binding {
        scope: Scope::Editor,
        keys: &[(Char('s'), CTRL, Cmd::Save)],
        label: Msg::KeySave,
        help: Msg::HelpSave,
        in_bar: true,
    },
    Binding {
        scope: Scope::Editor,
        keys: &[(Esc, NONE, Cmd::Cancel)],
        label: Msg::KeyClose,
        help: Msg::HelpCancel,
        in_bar: true,
    },
];

/// The screen's state: the open conflicts (one per field), the chosen one, and the editor
/// while the user writes a mix.
#[derive(Debug, Clone)]
pub struct Conflicts {
    pub items: Vec<ConflictItem>,
    pub selected: usize,
    pub editor: Option<TextArea<'static>>,
}

impl Conflicts {
    pub fn new(items: Vec<ConflictItem>, selected: usize) -> Conflicts {
        Conflicts {
            selected: selected.min(items.len().saturating_sub(1)),
            items,
            editor: None,
        }
    }

    pub fn scope(&self) -> Scope {
        if self.editor.is_some() {
            Scope::Editor
        } else {
            Scope::Conflicts
        }
    }

    /// Text typed for a mix and not saved yet.
    pub fn has_unsaved(&self) -> bool {
        match (&self.editor, self.items.get(self.selected)) {
            (Some(editor), Some(item)) => editor.lines().join("\n") != item.current,
            _ => false,
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        if let Some(editor) = self.editor.as_mut() {
            return match lookup(Scope::Editor, key) {
                Some(Cmd::Save) => {
                    let text = editor.lines().join("\n");
                    Outcome::Emit(Action::Decide(Decision::Mix(text)))
                }
                Some(Cmd::Cancel) => {
                    self.editor = None;
                    Outcome::Consumed
                }
                _ => {
                    editor.input(*key);
                    Outcome::Consumed
                }
            };
        }
        match lookup(Scope::Conflicts, key) {
            Some(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1))
            }
            Some(Cmd::Keep) if !self.items.is_empty() => {
                return Outcome::Emit(Action::Decide(Decision::KeepCurrent))
            }
            Some(Cmd::Take) if !self.items.is_empty() => {
                return Outcome::Emit(Action::Decide(Decision::TakeOther))
            }
            Some(Cmd::Mix) => {
                if let Some(item) = self.items.get(self.selected) {
                    let mut editor =
                        TextArea::new(item.current.split('\n').map(str::to_owned).collect());
                    editor
                        .set_block(Block::bordered().title(format!(" {} ", t(Msg::EditMixTitle))));
                    editor.move_cursor(tui_textarea::CursorMove::Bottom);
                    editor.move_cursor(tui_textarea::CursorMove::End);
                    self.editor = Some(editor);
                }
            }
            Some(Cmd::Undo) => return Outcome::Emit(Action::Undo),
            Some(Cmd::Close) => return Outcome::Emit(Action::Pop),
            _ => {}
        }
        Outcome::Consumed
    }

    /// Pasted text goes into the mix being written; elsewhere it is ignored.
    pub fn paste(&mut self, text: &str) -> Outcome {
        if let Some(editor) = self.editor.as_mut() {
            editor.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
        Outcome::Consumed
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(Clear, area);
        let block = Block::bordered().title(format!(
            " {} ",
            tf(Msg::ConflictsTitle, &[&self.items.len()])
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.items.is_empty() {
            frame.render_widget(Paragraph::new(t(Msg::ConflictNone)).dim(), inner);
            return;
        }
        let [list_area, detail] = if inner.width >= 90 {
            Layout::horizontal([Constraint::Percentage(35), Constraint::Percentage(65)])
                .areas(inner)
        } else {
            Layout::vertical([
                Constraint::Length(4.min(inner.height / 3)),
                Constraint::Fill(1),
            ])
            .areas(inner)
        };
        let items: Vec<ListItem> = self
            .items
            .iter()
            .map(|c| ListItem::new(format!("{} · {}", c.item, field_label(&c.field))))
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items).highlight_style(Style::new().add_modifier(Modifier::REVERSED)),
            list_area,
            &mut state,
        );
        let Some(item) = self.items.get(self.selected) else {
            return;
        };
        if let Some(editor) = &self.editor {
            frame.render_widget(editor, detail);
            return;
        }
        let (left, right) = diff_lines(&item.current, &item.lost);
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

    #[test]
    fn pasted_text_decides_nothing() {
        let mut c = Conflicts::new(
            vec![ConflictItem {
                ids: vec!["x".into()],
                field: "title".into(),
                item: "Evento".into(),
                current: "a".into(),
                lost: "b".into(),
                lost_machine: "casa".into(),
                lost_at: "2025-03-06T10:00".into(),
            }],
            0,
        );
        assert!(matches!(c.paste("1 2 1 2 e"), Outcome::Consumed));
        assert!(c.editor.is_none());
    }
}
