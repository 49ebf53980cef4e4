//! The one form widget every record uses: single-line and multi-line text (tui-textarea),
//! dates and times typed as people say them, a choice from a few options, a record picked from
//! a table with type-to-filter, yes/no, tags. Tab / Shift+Tab move between fields, Ctrl+S saves
//! from any field, Esc cancels (asking first when something changed). An error shows beside its
//! field and nothing typed is lost.
mod draw;
mod keys;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::Frame;
use tui_textarea::TextArea;

pub use keys::KEYS;

use super::action::{Action, Outcome};
use super::keys::{lookup, Cmd, Scope};
use super::overlay::{Confirm, Overlay};
use crate::domain::dates::{parse_date, parse_time};
use crate::domain::edit::{Record, RecordKind, Target};
use crate::domain::query::{Choice, ListId};
use crate::domain::text::fold;
use crate::i18n::labels::field_label;
use crate::i18n::{t, Msg};

/// What the form is for: what saving it does. One per open form.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Purpose {
    /// A record: new (`id` none) or an edit of `original`.
    Record {
        kind: RecordKind,
        id: Option<String>,
        original: Option<Record>,
        /// The record a new one belongs to (the event of a coverage, the list of a member).
        parent: Option<Target>,
    },
    /// The filters of a list.
    Filters(ListId),
    /// The folder to sync with.
    SyncFolder,
}

/// What a field holds and how it is edited.
#[derive(Debug, Clone)]
pub enum Input {
    Text(TextArea<'static>),
    Multi(TextArea<'static>),
    Date(TextArea<'static>),
    Time(TextArea<'static>),
    /// One of a few options: (code, label).
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    /// A record of a kind, picked from a list.
    Pick {
        kind: RecordKind,
        choice: Option<Choice>,
    },
    /// Several records of a kind.
    Picks {
        kind: RecordKind,
        items: Vec<Choice>,
    },
    Toggle(bool),
    /// Words separated by commas.
    Tags(TextArea<'static>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: &'static str,
    pub label: String,
    pub required: bool,
    pub input: Input,
    pub error: Option<String>,
}

fn editor(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(Style::default());
    area.set_selection_style(Style::default().add_modifier(ratatui::style::Modifier::REVERSED));
    area.move_cursor(tui_textarea::CursorMove::Bottom);
    area.move_cursor(tui_textarea::CursorMove::End);
    area
}

impl Field {
    fn new(key: &'static str, input: Input) -> Field {
        Field {
            key,
            label: field_label(key),
            required: false,
            input,
            error: None,
        }
    }

    pub fn text(key: &'static str, value: &str) -> Field {
        Field::new(key, Input::Text(editor(value)))
    }

    /// Long text; it opens at its beginning.
    pub fn multi(key: &'static str, value: &str) -> Field {
        let mut area = editor(value);
        area.move_cursor(tui_textarea::CursorMove::Top);
        area.move_cursor(tui_textarea::CursorMove::Head);
        Field::new(key, Input::Multi(area))
    }

    /// A date field showing `value` (a `YYYY-MM-DD` date) as the user types dates.
    pub fn date(key: &'static str, value: Option<NaiveDate>) -> Field {
        let text = value.map(crate::i18n::short_date).unwrap_or_default();
        Field::new(key, Input::Date(editor(&text)))
    }

    pub fn time(key: &'static str, value: Option<NaiveTime>) -> Field {
        let text = value
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default();
        Field::new(key, Input::Time(editor(&text)))
    }

    /// A choice among (code, label) options, on `current` when it is one of them.
    pub fn choice(key: &'static str, options: Vec<(String, String)>, current: &str) -> Field {
        let index = options.iter().position(|(c, _)| c == current).unwrap_or(0);
        Field::new(key, Input::Choice { options, index })
    }

    pub fn pick(key: &'static str, kind: RecordKind, choice: Option<Choice>) -> Field {
        Field::new(key, Input::Pick { kind, choice })
    }

    pub fn picks(key: &'static str, kind: RecordKind, items: Vec<Choice>) -> Field {
        Field::new(key, Input::Picks { kind, items })
    }

    pub fn toggle(key: &'static str, value: bool) -> Field {
        Field::new(key, Input::Toggle(value))
    }

    pub fn tags(key: &'static str, tags: &[String]) -> Field {
        Field::new(key, Input::Tags(editor(&tags.join(", "))))
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    pub fn label(mut self, msg: Msg) -> Field {
        self.label = t(msg).to_owned();
        self
    }

    /// The field's value as text, to tell whether it changed.
    fn value(&self) -> String {
        match &self.input {
            Input::Text(a) | Input::Multi(a) | Input::Date(a) | Input::Time(a) | Input::Tags(a) => {
                a.lines().join("\n")
            }
            Input::Choice { options, index } => options
                .get(*index)
                .map(|(c, _)| c.clone())
                .unwrap_or_default(),
            Input::Pick { choice, .. } => choice.as_ref().map(|c| c.id.clone()).unwrap_or_default(),
            Input::Picks { items, .. } => items
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(","),
            Input::Toggle(b) => b.to_string(),
        }
    }

    fn is_text(&self) -> bool {
        matches!(
            self.input,
            Input::Text(_) | Input::Multi(_) | Input::Date(_) | Input::Time(_) | Input::Tags(_)
        )
    }
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

/// Errors of a form's fields: (field key, message).
pub type FieldErrors = Vec<(&'static str, String)>;

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// An error that is not about one field (the disk is full…).
    pub error: Option<String>,
    /// What dates like "mañana" are relative to.
    pub today: NaiveDate,
    /// When the form opened (what a new record's time defaults to).
    pub now: NaiveDateTime,
    /// A line of help shown at the bottom.
    pub note: Option<String>,
    /// Names the store gives fields that this form shows under another key.
    pub aliases: &'static [(&'static str, &'static str)],
    initial: Vec<String>,
}

impl Form {
    pub fn new(title: String, purpose: Purpose, fields: Vec<Field>, now: NaiveDateTime) -> Form {
        let initial = fields.iter().map(Field::value).collect();
        Form {
            title,
            purpose,
            fields,
            focus: 0,
            error: None,
            today: now.date(),
            now,
            note: None,
            aliases: &[],
            initial,
        }
    }

    pub fn with_aliases(mut self, aliases: &'static [(&'static str, &'static str)]) -> Form {
        self.aliases = aliases;
        self
    }

    /// Whether anything was changed since the form opened.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, v)| f.value() != *v)
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// A text field's content (trimmed ends of a single line; multi-line as typed).
    pub fn text(&self, key: &str) -> String {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Multi(a)) => a.lines().join("\n"),
            Some(Input::Text(a) | Input::Date(a) | Input::Time(a) | Input::Tags(a)) => {
                a.lines().join(" ").trim().to_owned()
            }
            _ => String::new(),
        }
    }

    /// A date field: `Ok(None)` when empty, `Err` when it is not a date.
    pub fn date(&self, key: &'static str) -> Result<Option<NaiveDate>, (&'static str, String)> {
        let text = self.text(key);
        if text.is_empty() {
            return Ok(None);
        }
        parse_date(&text, self.today)
            .map(Some)
            .ok_or((key, t(Msg::PBadDate).to_owned()))
    }

    pub fn time(&self, key: &'static str) -> Result<Option<NaiveTime>, (&'static str, String)> {
        let text = self.text(key);
        if text.is_empty() {
            return Ok(None);
        }
        parse_time(&text)
            .map(Some)
            .ok_or((key, t(Msg::PBadTime).to_owned()))
    }

    /// The code of the chosen option.
    pub fn choice(&self, key: &str) -> String {
        self.field(key).map(Field::value).unwrap_or_default()
    }

    /// The picked record's id, when one is picked.
    pub fn pick(&self, key: &str) -> Option<String> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Pick { choice, .. }) => choice.as_ref().map(|c| c.id.clone()),
            _ => None,
        }
    }

    /// The picked record, when one is picked.
    pub fn picked(&self, key: &str) -> Option<Choice> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Pick { choice, .. }) => choice.clone(),
            _ => None,
        }
    }

    pub fn picks(&self, key: &str) -> Vec<String> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Picks { items, .. }) => items.iter().map(|c| c.id.clone()).collect(),
            _ => Vec::new(),
        }
    }

    pub fn toggle(&self, key: &str) -> bool {
        matches!(self.field(key).map(|f| &f.input), Some(Input::Toggle(true)))
    }

    /// Tags as typed, separated by commas, without repeats (as search sees them).
    pub fn tags(&self, key: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for tag in self
            .text(key)
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            if !out.iter().any(|t| fold(t) == fold(tag)) {
                out.push(tag.to_owned());
            }
        }
        out
    }

    /// The field a store error names, through the form's aliases.
    fn index_of(&self, key: &str) -> Option<usize> {
        let key = self
            .aliases
            .iter()
            .find(|(from, _)| *from == key)
            .map(|(_, to)| *to)
            .unwrap_or(key);
        self.fields.iter().position(|f| f.key == key)
    }

    /// Shows an error beside a field (or for the whole form, when no field has that name),
    /// and moves to the first field with an error.
    pub fn set_error(&mut self, key: &str, message: String) {
        match self.index_of(key) {
            Some(i) => {
                self.fields[i].error = Some(message);
                if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
                    self.focus = first;
                }
            }
            None => self.error = Some(message),
        }
    }

    pub fn clear_errors(&mut self) {
        self.error = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// A picker closed on a choice: it goes into the field that opened it.
    pub fn set_picked(&mut self, choice: Choice) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            match &mut field.input {
                Input::Pick { choice: c, .. } => *c = Some(choice),
                Input::Picks { items, .. } if !items.iter().any(|i| i.id == choice.id) => {
                    items.push(choice);
                }
                _ => {}
            }
            field.error = None;
        }
    }

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
        match super::forms::submit(self) {
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
                Action::PopForm,
            )))))
        } else {
            Outcome::Emit(Action::Pop)
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
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
                if matches!(code, KeyCode::Up) && area.cursor().0 == 0 {
                    Then::Prev
                } else if matches!(code, KeyCode::Down) && area.cursor().0 + 1 == area.lines().len()
                {
                    Then::Next
                } else {
                    area.input(*key);
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
                    _ => {
                        area.input(*key);
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
                area.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            Input::Text(area) | Input::Date(area) | Input::Time(area) | Input::Tags(area) => {
                let line: String = text
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                area.insert_str(line);
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

    /// The field that opened a picker (the focused one) and its kind.
    pub fn focused_field(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        draw::form(self, frame, area);
    }

    /// Whether a field holds free text (a key typed in it is text).
    pub fn writing(&self) -> bool {
        self.fields.get(self.focus).is_some_and(Field::is_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "Prueba".into(),
            Purpose::SyncFolder,
            vec![
                Field::text("title", "").required(),
                Field::date("date", None),
                Field::multi("notes", ""),
                Field::choice(
                    "status",
                    vec![
                        ("a".into(), "Programado".into()),
                        ("b".into(), "Cancelado".into()),
                    ],
                    "a",
                ),
                Field::toggle("public", true),
            ],
            NaiveDate::from_ymd_opt(2025, 3, 6)
                .unwrap()
                .and_hms_opt(8, 30, 0)
                .unwrap(),
        )
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_goes_into_the_focused_field_and_tab_moves_on() {
        let mut f = form();
        for c in "Reunión q".chars() {
            f.handle_key(&key(KeyCode::Char(c)));
        }
        assert_eq!(f.text("title"), "Reunión q");
        f.handle_key(&key(KeyCode::Tab));
        for c in "mañana".chars() {
            f.handle_key(&key(KeyCode::Char(c)));
        }
        assert_eq!(f.date("date"), Ok(NaiveDate::from_ymd_opt(2025, 3, 7)));
        assert!(f.changed());
    }

    #[test]
    fn typing_in_a_field_entered_with_tab_replaces_its_text() {
        let mut f = form();
        f.fields[1] = Field::date("date", NaiveDate::from_ymd_opt(2025, 3, 6));
        f.handle_key(&key(KeyCode::Tab));
        for c in "lunes".chars() {
            f.handle_key(&key(KeyCode::Char(c)));
        }
        assert_eq!(f.text("date"), "lunes");
        // An arrow keeps the text and moves the cursor instead.
        f.handle_key(&key(KeyCode::BackTab));
        f.handle_key(&key(KeyCode::Tab));
        f.handle_key(&key(KeyCode::End));
        f.handle_key(&key(KeyCode::Char('!')));
        assert_eq!(f.text("date"), "lunes!");
    }

    #[test]
    fn a_paste_is_text_and_keeps_every_character() {
        let mut f = form();
        let big: String = "línea con ñ y 🙂\n".repeat(60_000);
        f.focus = 2;
        f.paste(&big);
        assert_eq!(f.text("notes"), big);
        f.focus = 0;
        f.paste("uno\ndos");
        assert_eq!(f.text("title"), "uno dos");
    }

    #[test]
    fn choices_cycle_and_jump_by_letter() {
        let mut f = form();
        f.focus = 3;
        f.handle_key(&key(KeyCode::Right));
        assert_eq!(f.choice("status"), "b");
        f.handle_key(&key(KeyCode::Char('p')));
        assert_eq!(f.choice("status"), "a");
        f.focus = 4;
        f.handle_key(&key(KeyCode::Char(' ')));
        assert!(!f.toggle("public"));
    }

    #[test]
    fn esc_asks_only_when_something_changed() {
        let mut f = form();
        assert!(matches!(
            f.handle_key(&key(KeyCode::Esc)),
            Outcome::Emit(Action::Pop)
        ));
        f.handle_key(&key(KeyCode::Char('x')));
        assert!(matches!(
            f.handle_key(&key(KeyCode::Esc)),
            Outcome::Emit(Action::Push(_))
        ));
    }
}
