//! The keys of a form and what they do. Every other key is text for the field being written.
use crossterm::event::KeyCode::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use tui_textarea::CursorMove;

use super::{wrap, Find, Form, Input};
use crate::domain::edit::MAX_LINE;
use crate::domain::text::fold;
use crate::i18n::{t, tf, Msg};
use crate::ui::action::{Action, Outcome};
use crate::ui::forms;
use crate::ui::keys::{lookup, Binding, Cmd, Scope, CTRL, NONE, SHIFT};
use crate::ui::overlay::{Confirm, Overlay};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Form,
        keys: &[(Char('s'), CTRL, Cmd::Save)],
        label: Msg::KeySave,
        help: Msg::HelpSave,
        in_bar: true,
    },
    Binding {
        scope: Scope::Form,
        keys: &[
            (Tab, NONE, Cmd::NextField),
            (BackTab, SHIFT, Cmd::PrevField),
            (BackTab, NONE, Cmd::PrevField),
        ],
        label: Msg::KeyTabs,
        help: Msg::HelpFields,
        in_bar: true,
    },
    Binding {
        scope: Scope::Form,
        keys: &[(Esc, NONE, Cmd::Cancel)],
        label: Msg::KeyClose,
        help: Msg::HelpCancel,
        in_bar: true,
    },
    // Keys that fields read themselves, listed here for the help.
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyLeftRight,
        help: Msg::HelpChoice,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeySpace,
        help: Msg::HelpToggle,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyEnter,
        help: Msg::HelpPick,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyDel,
        help: Msg::HelpClearField,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyUndoRedo,
        help: Msg::HelpUndoText,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyFind,
        help: Msg::HelpFindText,
        in_bar: false,
    },
];

/// A key for a text field: Ctrl+Z and Ctrl+Y undo and redo (as on Windows, besides
/// tui-textarea's own Ctrl+U and Ctrl+R); every other key is the text area's.
fn edit(area: &mut tui_textarea::TextArea<'static>, key: &KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('z' | 'Z') if ctrl => {
            area.undo();
        }
        KeyCode::Char('y' | 'Y') if ctrl => {
            area.redo();
        }
        _ => {
            area.input(*key);
        }
    }
}

/// The characters of a one-line field.
fn line_length(area: &tui_textarea::TextArea<'static>) -> usize {
    area.lines().iter().map(|l| l.chars().count()).sum()
}

/// What a key in a field leads to, once the field has taken it.
#[allow(clippy::large_enum_variant)]
enum Then {
    Stay,
    Next,
    Prev,
    Submit,
    Emit(Action),
}

impl Then {
    /// Enter, Up and Down on a field that is not text: next (or submit), previous.
    fn after(code: KeyCode, enter: Then) -> Then {
        match code {
            KeyCode::Enter => enter,
            KeyCode::Down => Then::Next,
            KeyCode::Up => Then::Prev,
            _ => Then::Stay,
        }
    }
}

impl Form {
    /// Moves to another field. A one-line field is entered with its text selected, so that
    /// typing replaces it (the default time, a date) and an arrow key keeps it.
    fn move_focus(&mut self, by: isize) {
        let n = self.fields.len().max(1) as isize;
        self.focus = ((self.focus as isize + by).rem_euclid(n)) as usize;
        if let Some(Input::Text(a) | Input::Date(a) | Input::Time(a) | Input::Tags(a)) =
            self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            if !a.is_empty() {
                a.select_all();
            }
        }
    }

    /// Checks the form and makes what saving it means.
    fn submit(&mut self) -> Outcome {
        self.clear_errors();
        match forms::submit(self) {
            Ok(action) => Outcome::Emit(action),
            Err(errors) => {
                for (key, message) in errors {
                    self.set_error(key, message);
                }
                if self.error.is_none() {
                    self.error = Some(t(Msg::FormFix).to_owned());
                }
                Outcome::Consumed
            }
        }
    }

    fn cancel(&self) -> Outcome {
        if self.changed() {
            Outcome::Emit(Action::Push(Box::new(Overlay::Confirm(Confirm::new(
                t(Msg::FormDiscard).to_owned(),
                Action::DiscardForm,
            )))))
        } else {
            // Unchanged, it closes; a piece's form also takes back what it saved on the way
            // (text typed and then undone).
            Outcome::Emit(Action::DiscardForm)
        }
    }

    /// A key while finding in a long text: typed into what is sought; Enter goes to the next
    /// place it appears (after the cursor, then from the start), Esc goes back to writing.
    fn find_key(&mut self, key: &KeyEvent) -> Outcome {
        let Some(find) = self.find.as_mut() else {
            return Outcome::Ignored;
        };
        match key.code {
            KeyCode::Esc => self.find = None,
            KeyCode::Enter => self.find_next(),
            KeyCode::Backspace => {
                find.query.pop();
                find.missing = false;
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                find.query.push(c);
                find.missing = false;
            }
            _ => {}
        }
        Outcome::Consumed
    }

    /// Selects the next place the text sought appears in the field being written.
    fn find_next(&mut self) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        let Some(Input::Multi(area)) = self.fields.get_mut(self.focus).map(|f| &mut f.input) else {
            return;
        };
        let sought = fold(&find.query);
        if sought.is_empty() {
            return;
        }
        let lines = area.lines().to_vec();
        let (row, col) = area.cursor();
        // Every place in order, as (line, first char, chars): the first after the cursor, or
        // the first of all.
        let mut places = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            for start in 0..chars.len() {
                let mut folded = String::new();
                let mut end = start;
                while end < chars.len() && folded.len() < sought.len() {
                    folded.push_str(&fold(&chars[end].to_string()));
                    end += 1;
                }
                if folded == sought {
                    places.push((n, start, end));
                }
            }
        }
        let next = places
            .iter()
            .find(|(n, start, _)| {
                (*n, *start) > (row, col)
                    || (area.selection_range().is_none() && (*n, *start) == (row, col))
            })
            .or(places.first());
        match next {
            Some(&(n, start, end)) => {
                let (n, start, end) = (
                    u16::try_from(n).unwrap_or(u16::MAX),
                    u16::try_from(start).unwrap_or(u16::MAX),
                    u16::try_from(end).unwrap_or(u16::MAX),
                );
                area.cancel_selection();
                area.move_cursor(CursorMove::Jump(n, end));
                area.start_selection();
                area.move_cursor(CursorMove::Jump(n, start));
                find.missing = false;
            }
            None => find.missing = true,
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        if self.find.is_some() {
            return self.find_key(key);
        }
        let cmd = lookup(Scope::Form, key);
        match cmd {
            Some(Cmd::Save) => return self.submit(),
            Some(Cmd::Cancel) => return self.cancel(),
            Some(Cmd::NextField) => {
                self.move_focus(1);
                return Outcome::Consumed;
            }
            Some(Cmd::PrevField) => {
                self.move_focus(-1);
                return Outcome::Consumed;
            }
            _ => {}
        }
        let last = self.focus + 1 == self.fields.len();
        let next = if last { Then::Submit } else { Then::Next };
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Outcome::Consumed;
        };
        let code = key.code;
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let then = match &mut field.input {
            Input::Multi(area) => {
                let width = field.width.get();
                let by = match code {
                    KeyCode::Up if plain => -1,
                    KeyCode::Down if plain => 1,
                    _ => 0,
                };
                if by != 0 && width > 0 {
                    // Up and down go by screen rows; past the first or last, to the next field.
                    if wrap::step(area, width, by) {
                        Then::Stay
                    } else if by < 0 {
                        Then::Prev
                    } else {
                        Then::Next
                    }
                } else if matches!(code, KeyCode::Up) && area.cursor().0 == 0 {
                    Then::Prev
                } else if matches!(code, KeyCode::Down) && area.cursor().0 + 1 == area.lines().len()
                {
                    Then::Next
                } else if !plain && matches!(code, KeyCode::Char('f' | 'F')) {
                    self.find = Some(Find::default());
                    Then::Stay
                } else {
                    edit(area, key);
                    field.error = None;
                    Then::Stay
                }
            }
            Input::Text(area) | Input::Date(area) | Input::Time(area) | Input::Tags(area) => {
                match code {
                    KeyCode::Enter => next,
                    KeyCode::Down => Then::Next,
                    KeyCode::Up => Then::Prev,
                    // Ctrl+M would start a second line in a one-line field.
                    KeyCode::Char('m') if !plain => Then::Stay,
                    // Past the longest line a record keeps, typing (or a paste arriving as
                    // keys) is not taken.
                    KeyCode::Char(_) if plain && line_length(area) >= MAX_LINE => Then::Stay,
                    _ => {
                        edit(area, key);
                        field.error = None;
                        Then::Stay
                    }
                }
            }
            Input::Choice { options, index } => {
                let n = options.len().max(1);
                match code {
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                    KeyCode::Char(c) if plain => {
                        // Jump to the next option starting with the letter typed.
                        let c = fold(&c.to_string());
                        if let Some(i) = (1..=options.len())
                            .map(|d| (*index + d) % n)
                            .find(|i| fold(&options[*i].1).starts_with(&c))
                        {
                            *index = i;
                        }
                    }
                    _ => {}
                }
                field.error = None;
                Then::after(code, next)
            }
            Input::Toggle(value) => {
                match code {
                    KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => *value = !*value,
                    KeyCode::Char('s' | 'S' | 'y' | 'Y') => *value = true,
                    KeyCode::Char('n' | 'N') => *value = false,
                    _ => {}
                }
                Then::after(code, next)
            }
            Input::Pick { kind, choice } => match code {
                KeyCode::Enter => Then::Emit(Action::OpenPicker(*kind)),
                KeyCode::Delete | KeyCode::Backspace => {
                    *choice = None;
                    field.error = None;
                    Then::Stay
                }
                KeyCode::Char(c) if plain && !c.is_control() => {
                    Then::Emit(Action::PickerSearch(*kind, c.to_string()))
                }
                _ => Then::after(code, Then::Stay),
            },
            Input::Picks { kind, items } => match code {
                KeyCode::Enter => Then::Emit(Action::OpenPicker(*kind)),
                KeyCode::Delete | KeyCode::Backspace => {
                    items.pop();
                    Then::Stay
                }
                KeyCode::Char(c) if plain && !c.is_control() => {
                    Then::Emit(Action::PickerSearch(*kind, c.to_string()))
                }
                _ => Then::after(code, Then::Stay),
            },
        };
        match then {
            Then::Stay => Outcome::Consumed,
            Then::Next => {
                self.move_focus(1);
                Outcome::Consumed
            }
            Then::Prev => {
                self.move_focus(-1);
                Outcome::Consumed
            }
            Then::Submit => self.submit(),
            Then::Emit(action) => Outcome::Emit(action),
        }
    }

    /// Pasted text goes into the field being written, whole (a paste is text, never keys).
    pub fn paste(&mut self, text: &str) -> Outcome {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Outcome::Consumed;
        };
        match &mut field.input {
            Input::Multi(area) => {
                // Every character is kept as text, but NUL (from a binary file): SQLite's
                // text functions and search index would stop at it.
                let text: String = text
                    .replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .replace('\0', "");
                area.insert_str(text);
            }
            Input::Text(area) | Input::Date(area) | Input::Time(area) | Input::Tags(area) => {
                // A line holds at most what a record keeps: the rest of a paste is said, not
                // silently kept out.
                let room = MAX_LINE.saturating_sub(line_length(area));
                let line: String = text
                    .chars()
                    .take(room)
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                let cut = text.chars().count() > room;
                area.insert_str(line);
                field.error = cut.then(|| tf(Msg::PasteCut, &[&MAX_LINE]));
                return Outcome::Consumed;
            }
            Input::Pick { kind, .. } | Input::Picks { kind, .. } => {
                let line: String = text.chars().filter(|c| !c.is_control()).take(200).collect();
                return Outcome::Emit(Action::PickerSearch(*kind, line));
            }
            Input::Choice { .. } | Input::Toggle(_) => {}
        }
        field.error = None;
        Outcome::Consumed
    }
}
