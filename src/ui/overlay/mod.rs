//! What opens over a tab and takes the keys until it closes: forms, pickers, questions, menus,
//! the help, notices and the Conflictos screen. They stack; the top one has the keys.
mod keys;
mod picker;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub use keys::KEYS;
pub use picker::Picker;

use super::action::{Action, Outcome};
use super::conflicts::Conflicts;
use super::form::Form;
use super::keys::{lookup, Cmd, KeyHints, Scope};
use super::widgets::centered;
use crate::i18n::{t, Msg};

#[derive(Debug)]
pub enum Overlay {
    Form(Form),
    Picker(Picker),
    Confirm(Confirm),
    Menu(Menu),
    Help(Help),
    Notice(Notice),
    Conflicts(Conflicts),
}

impl Overlay {
    pub fn scope(&self) -> Scope {
        match self {
            Overlay::Form(_) => Scope::Form,
            Overlay::Picker(_) => Scope::Picker,
            Overlay::Confirm(_) => Scope::Confirm,
            Overlay::Menu(_) => Scope::Menu,
            Overlay::Help(_) => Scope::Help,
            Overlay::Notice(_) => Scope::Notice,
            Overlay::Conflicts(c) => c.scope(),
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match self {
            Overlay::Form(f) => f.handle_key(key),
            Overlay::Picker(p) => p.handle_key(key),
            Overlay::Confirm(c) => match lookup(Scope::Confirm, key) {
                Some(Cmd::Yes) => Outcome::Emit(Action::Confirmed),
                Some(Cmd::No) => Outcome::Emit(c.on_no.take().unwrap_or(Action::Pop)),
                _ => Outcome::Consumed,
            },
            Overlay::Menu(m) => m.handle_key(key),
            Overlay::Help(h) => match lookup(Scope::Help, key) {
                Some(Cmd::Scroll(by)) => {
                    h.scroll = h.scroll.saturating_add_signed(by as i16);
                    Outcome::Consumed
                }
                Some(Cmd::Close) => Outcome::Emit(Action::Pop),
                _ => Outcome::Consumed,
            },
            Overlay::Notice(n) => match lookup(Scope::Notice, key) {
                Some(Cmd::Scroll(by)) => {
                    n.scroll = n.scroll.saturating_add_signed(by as i16);
                    Outcome::Consumed
                }
                Some(Cmd::Close) => Outcome::Emit(Action::Pop),
                _ => Outcome::Consumed,
            },
            Overlay::Conflicts(c) => c.handle_key(key),
        }
    }

    /// A paste is text: it goes into the field being written, and decides nothing anywhere else.
    pub fn paste(&mut self, text: &str) -> Outcome {
        match self {
            Overlay::Form(f) => f.paste(text),
            Overlay::Picker(p) => p.paste(text),
            Overlay::Conflicts(c) => c.paste(text),
            _ => Outcome::Consumed,
        }
    }

    /// `area` is the whole screen, `body` the part between the bars.
    pub fn draw(&self, frame: &mut Frame, area: Rect, body: Rect) {
        match self {
            Overlay::Form(f) => f.draw(frame, body),
            Overlay::Picker(p) => p.draw(frame, body),
            Overlay::Confirm(c) => {
                notice_box(frame, area, None, &c.fitted(area), 0);
            }
            Overlay::Menu(m) => m.draw(frame, area),
            Overlay::Help(h) => h.draw(frame, area),
            Overlay::Notice(n) => {
                notice_box(frame, area, Some(n.title.clone()), &n.lines, n.scroll)
            }
            Overlay::Conflicts(c) => c.draw(frame, body),
        }
    }
}

/// A yes/no question, and what yes does.
#[derive(Debug)]
pub struct Confirm {
    pub question: String,
    /// What the question is about, shown above it (an import's preview).
    pub detail: Vec<String>,
    pub on_yes: Action,
    /// What no means, besides closing the question (none: only that).
    pub on_no: Option<Action>,
}

impl Confirm {
    pub fn new(question: String, on_yes: Action) -> Confirm {
        Confirm {
            question,
            detail: Vec::new(),
            on_yes,
            on_no: None,
        }
    }

    /// Its lines for a screen of `area`: the question always, after as much of the detail as
    /// fits (a long preview is cut with "…", never the question).
    pub fn fitted(&self, area: Rect) -> Vec<String> {
        let width = area.width.saturating_sub(4).clamp(10, 76);
        let inner = width.saturating_sub(2).max(1) as usize;
        let rows = |l: &str| crate::ui::widgets::wrapped_rows(&Line::from(l), inner);
        let room = (area.height as usize)
            .saturating_sub(2)
            .saturating_sub(rows(&self.question));
        let all: usize = self.detail.iter().map(|l| rows(l)).sum();
        if all <= room {
            let mut lines = self.detail.clone();
            lines.push(self.question.clone());
            return lines;
        }
        // One row for the "…".
        let mut room = room.saturating_sub(1);
        let mut lines = Vec::new();
        for line in &self.detail {
            let need = rows(line);
            if need > room {
                break;
            }
            lines.push(line.clone());
            room -= need;
        }
        lines.push("…".to_owned());
        lines.push(self.question.clone());
        lines
    }

    pub fn with_no(mut self, on_no: Action) -> Confirm {
        self.on_no = Some(on_no);
        self
    }

    pub fn with_detail(mut self, detail: Vec<String>) -> Confirm {
        self.detail = detail;
        self
    }
}

/// A list of options, some of which may not be allowed (shown dim, with why).
#[derive(Debug)]
pub struct Menu {
    pub title: String,
    pub items: Vec<MenuItem>,
    pub selected: usize,
}

#[derive(Debug)]
pub struct MenuItem {
    pub label: String,
    pub allowed: bool,
    pub action: Action,
}

impl Menu {
    pub fn new(title: String, items: Vec<MenuItem>) -> Menu {
        let selected = items.iter().position(|i| i.allowed).unwrap_or(0);
        Menu {
            title,
            items,
            selected,
        }
    }

    fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match lookup(Scope::Menu, key) {
            Some(Cmd::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Cmd::Down) => {
                self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1))
            }
            Some(Cmd::Choose) => return Outcome::Emit(Action::Confirmed),
            Some(Cmd::Close) => return Outcome::Emit(Action::Pop),
            _ => {
                if let KeyCode::Char(c @ '1'..='9') = key.code {
                    let i = c as usize - '1' as usize;
                    if i < self.items.len() {
                        self.selected = i;
                        return Outcome::Emit(Action::Confirmed);
                    }
                }
            }
        }
        Outcome::Consumed
    }

    /// The chosen option's action.
    pub fn take(self) -> Option<Action> {
        let selected = self.selected;
        self.items.into_iter().nth(selected).map(|i| i.action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect) {
        let lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut text = format!(" {} {}", i + 1, item.label);
                if !item.allowed {
                    text.push_str(&format!(" ({})", t(Msg::NotAllowed)));
                }
                let mut style = if item.allowed {
                    Style::new()
                } else {
                    Style::new().add_modifier(Modifier::DIM)
                };
                if i == self.selected {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                Line::from(Span::styled(text, style))
            })
            .collect();
        let width = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 4;
        let width = width.max(self.title.chars().count() as u16 + 4).max(36);
        let popup = centered(area, width, lines.len() as u16 + 2);
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines).block(
                Block::bordered()
                    .title(format!(" {} ", self.title))
                    .title_bottom(Line::from(t(Msg::MenuFooter)).dim()),
            ),
            popup,
        );
    }
}

/// The `?` help: the keys that work where it was opened first, then all the others.
#[derive(Debug)]
pub struct Help {
    pub keys: KeyHints,
    pub scroll: u16,
}

impl Help {
    fn draw(&self, frame: &mut Frame, area: Rect) {
        let width = area.width.saturating_sub(4).min(76);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + 1,
            width,
            height: area.height.saturating_sub(2),
        };
        let mut lines = Vec::new();
        for (group, hints) in &self.keys.help {
            lines.push(Line::from(t(*group)).bold().underlined());
            for hint in hints {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<16}", t(hint.keys)), Style::new().bold()),
                    Span::raw(t(hint.help)),
                ]));
            }
            lines.push(Line::default());
        }
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines)
                .scroll((self.scroll, 0))
                .wrap(Wrap { trim: false })
                .block(
                    Block::bordered()
                        .title(format!(" {} ", t(Msg::HelpTitle)))
                        .title_bottom(format!(" {} ", t(Msg::HelpClose))),
                ),
            popup,
        );
    }
}

/// Something to read and close: the summary of a sync, a message too long for the status bar.
#[derive(Debug)]
pub struct Notice {
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: u16,
}

/// A centered box of wrapped lines.
fn notice_box(frame: &mut Frame, area: Rect, title: Option<String>, lines: &[String], scroll: u16) {
    let width = area.width.saturating_sub(4).clamp(10, 76);
    // Lines wrap: count the rows they take at this width.
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows: usize = lines
        .iter()
        .map(|l| crate::ui::widgets::wrapped_rows(&Line::from(l.as_str()), inner))
        .sum();
    let popup = centered(area, width, rows as u16 + 2);
    frame.render_widget(Clear, popup);
    let mut block = Block::bordered().title_bottom(format!(" {} ", t(Msg::HelpClose)));
    if let Some(title) = title {
        block = block.title(format!(" {title} "));
    }
    frame.render_widget(
        Paragraph::new(
            lines
                .iter()
                .map(|l| Line::from(l.clone()))
                .collect::<Vec<_>>(),
        )
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(block),
        popup,
    );
}

#[cfg(test)]
mod confirm_tests {
    use super::*;

    #[test]
    fn a_long_preview_is_cut_and_its_question_always_shows() {
        let mut ask = Confirm::new("¿Importar estos archivos al archivo?".into(), Action::Pop);
        ask.detail = (1..=40).map(|n| format!("  - DSC_{n:04}.jpg")).collect();
        let lines = ask.fitted(Rect::new(0, 0, 80, 24));
        assert_eq!(lines.len(), 22, "{lines:?}");
        assert_eq!(lines[20], "…");
        assert_eq!(lines[21], "¿Importar estos archivos al archivo?");
        // What fits is shown whole.
        ask.detail.truncate(5);
        assert_eq!(ask.fitted(Rect::new(0, 0, 80, 24)).len(), 6);
        // Even on a tiny screen, the question.
        let tiny = ask.fitted(Rect::new(0, 0, 40, 3));
        assert_eq!(tiny.last().unwrap(), "¿Importar estos archivos al archivo?");
    }
}
