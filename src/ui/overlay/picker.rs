//! Choosing a record for a form field: type to narrow the list (accents and case do not
//! matter), move with the arrows, Enter chooses. A short list is filtered here as the user
//! types; a long one (events, reports) is searched in the store at each key.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

use crate::domain::edit::RecordKind;
use crate::domain::query::Choice;
use crate::domain::text::{fold, terms};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, t, tf, Msg};
use crate::ui::action::{Action, Outcome};
use crate::ui::keys::{lookup, Cmd, Scope};
use crate::ui::list::marked;

#[derive(Debug, Clone)]
pub struct Picker {
    pub kind: RecordKind,
    pub query: String,
    all: Vec<Choice>,
    /// Whether `all` is every record of the kind (then filtering is local).
    complete: bool,
    shown: Vec<usize>,
    selected: usize,
}

impl Picker {
    pub fn new(kind: RecordKind, query: String, choices: Vec<Choice>, complete: bool) -> Picker {
        let mut p = Picker {
            kind,
            query,
            all: choices,
            complete,
            shown: Vec::new(),
            selected: 0,
        };
        p.filter();
        p
    }

    /// New choices from the store for the text typed.
    pub fn set_choices(&mut self, choices: Vec<Choice>, complete: bool) {
        self.all = choices;
        self.complete = complete;
        self.filter();
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    fn filter(&mut self) {
        let words = terms(&self.query);
        self.shown = (0..self.all.len())
            .filter(|i| {
                let c = &self.all[*i];
                let text = fold(&format!("{} {}", c.label, c.detail));
                let tokens: Vec<&str> = text.split(|ch: char| !ch.is_alphanumeric()).collect();
                words
                    .iter()
                    .all(|w| tokens.iter().any(|tok| tok.starts_with(w.as_str())))
            })
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    fn typed(&mut self, query: String) -> Outcome {
        self.query = query;
        self.selected = 0;
        if self.complete {
            self.filter();
            Outcome::Consumed
        } else {
            Outcome::Emit(Action::PickerSearch(self.kind, self.query.clone()))
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match lookup(Scope::Picker, key) {
            Some(Cmd::Up) => {
                self.selected = self.selected.saturating_sub(1);
                return Outcome::Consumed;
            }
            Some(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1));
                return Outcome::Consumed;
            }
            Some(Cmd::Choose) => {
                return match self.shown.get(self.selected).and_then(|i| self.all.get(*i)) {
                    Some(c) => Outcome::Emit(Action::Picked(c.clone())),
                    None => Outcome::Consumed,
                }
            }
            Some(Cmd::Close) => return Outcome::Emit(Action::Pop),
            _ => {}
        }
        let mut query = self.query.clone();
        match key.code {
            KeyCode::Backspace => {
                query.pop();
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => query.clear(),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                query.push(c)
            }
            _ => return Outcome::Consumed,
        }
        self.typed(query)
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        let mut query = self.query.clone();
        query.extend(text.chars().filter(|c| !c.is_control()).take(200));
        self.typed(query)
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        let width = area.width.saturating_sub(4).min(80);
        let height = area
            .height
            .saturating_sub(2)
            .min(self.shown.len() as u16 + 4)
            .max(6);
        let popup = Rect {
            x: area.x + (area.width.saturating_sub(width)) / 2,
            y: area.y + 1,
            width,
            height: height.min(area.height),
        };
        frame.render_widget(Clear, popup);
        let block =
            Block::bordered().title(format!(" {} ", tf(Msg::PickerTitle, &[&self.kind.label()])));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [input, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        let prompt = if self.query.is_empty() {
            Line::from(vec![
                Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
                Span::styled(format!(" {}", t(Msg::PickerType)), Style::new().dim()),
            ])
        } else {
            Line::from(vec![
                Span::raw(format!("{} ", self.query)),
                Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
            ])
        };
        frame.render_widget(Paragraph::new(prompt), input);
        if self.shown.is_empty() {
            frame.render_widget(Paragraph::new(t(Msg::PickerEmpty)).dim(), list);
            return;
        }
        let words = terms(&self.query);
        let items: Vec<ListItem> = self
            .shown
            .iter()
            .filter_map(|i| self.all.get(*i))
            .map(|c| {
                let mut line = marked(&c.label, &words, Style::new());
                let mut extra = Vec::new();
                if !c.when.is_empty() {
                    extra.push(stamp(&c.when));
                }
                if !c.detail.is_empty() {
                    extra.push(c.detail.clone());
                }
                if !extra.is_empty() {
                    line.spans.push(Span::styled(
                        format!("  {}", extra.join(" · ")),
                        Style::new().dim(),
                    ));
                }
                ListItem::new(line)
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items).highlight_style(Style::new().add_modifier(Modifier::REVERSED)),
            list,
            &mut state,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(label: &str) -> Choice {
        Choice {
            id: label.to_lowercase(),
            label: label.into(),
            when: String::new(),
            detail: String::new(),
        }
    }

    #[test]
    fn typing_narrows_without_accents() {
        let mut p = Picker::new(
            RecordKind::Department,
            String::new(),
            vec![
                choice("Obras Públicas"),
                choice("Salud"),
                choice("Protección Civil"),
            ],
            true,
        );
        for c in "proteccion".chars() {
            p.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        match p.handle_key(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)) {
            Outcome::Emit(Action::Picked(c)) => assert_eq!(c.label, "Protección Civil"),
            other => panic!("{other:?}"),
        }
    }
}
