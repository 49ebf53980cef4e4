//! The one form widget every record uses: single-line and multi-line text (tui-textarea),
//! dates and times typed as people say them, a choice from a few options, a record picked from
//! a table with type-to-filter, yes/no, tags. Tab / Shift+Tab move between fields, Ctrl+S saves
//! from any field, Esc cancels (asking first when something changed). An error shows beside its
//! field and nothing typed is lost.
mod draw;
mod field;
mod keys;
mod wrap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::layout::Rect;
use ratatui::Frame;

pub use field::{Field, Input};
pub use keys::KEYS;

use crate::domain::dates::{parse_date, parse_time};
use crate::domain::edit::{Record, RecordKind, Target};
use crate::domain::query::{Choice, ListId};
use crate::domain::text::fold;
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
    /// The new date of an event being postponed.
    Postpone(Target),
    /// The calendar file to import into the agenda.
    ImportAgenda,
    /// A request round to every active department.
    Round,
    /// Why a report is discarded.
    Discard(Target),
    /// Files to attach to a report.
    Attach(Target),
    /// Why a piece is turned back.
    Reject(Target),
    /// When a piece goes out.
    Schedule(Target),
    /// Where and when a piece came out on one network.
    Publish(Target),
    /// What the office configured (press releases, Art. 134, blackouts).
    Office,
    /// Where to write a press release (its folio).
    ExportBulletin(String),
    /// Why a warning on a piece may be let through (`code`: the finding's).
    Acknowledge { target: Target, code: String },
    /// A published piece sent to a contact list.
    Distribute,
    /// Files and folders to import into the archive.
    ImportMedia,
    /// A day to go to in the timeline.
    JumpDate,
    /// The contacts file to import, and corrections to how its columns are read.
    ImportContacts,
    /// The page's insights (a CSV from Meta) to import.
    ImportReach,
    /// The mail password for a round of e-mail of a send.
    MailPassword(Target),
}

/// What is sought in a long text, and whether the last look found nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    pub missing: bool,
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
    /// Finding in the long text being written (Ctrl+F), while it is open.
    pub find: Option<Find>,
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
            find: None,
            initial,
        }
    }

    pub fn with_aliases(mut self, aliases: &'static [(&'static str, &'static str)]) -> Form {
        self.aliases = aliases;
        self
    }

    /// Selects the text of the field being written, so that typing replaces it (a date
    /// offered that the user will usually change).
    pub fn select_focused(&mut self) {
        if let Some(
            Input::Text(a) | Input::Date(a) | Input::Time(a) | Input::Tags(a) | Input::Multi(a),
        ) = self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            if !a.is_empty() {
                a.select_all();
            }
        }
    }

    /// Every field's value as text, in order (to tell what changed since a moment).
    pub fn values(&self) -> Vec<String> {
        self.fields.iter().map(Field::value).collect()
    }

    /// The values the form opened with.
    pub fn initial(&self) -> &[String] {
        &self.initial
    }

    /// Whether this form writes a piece (a draft), new or stored.
    pub fn writes_draft(&self) -> bool {
        matches!(
            self.purpose,
            Purpose::Record {
                kind: RecordKind::Draft,
                ..
            }
        )
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
        let inserts = self
            .fields
            .get(self.focus)
            .and_then(|f| f.inserts)
            .map(|into| (into, choice.detail.clone()));
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
        if let Some((into, text)) = inserts {
            self.insert_text(into, &text);
        }
    }

    /// Puts `text` into a long-text field: in place of nothing, else after what is written (a
    /// blank line between). The field takes the focus, its cursor at the end, to edit it.
    fn insert_text(&mut self, key: &str, text: &str) {
        let Some(i) = self.fields.iter().position(|f| f.key == key) else {
            return;
        };
        if text.trim().is_empty() {
            return;
        }
        let current = self.text(key);
        let joined = if current.trim().is_empty() {
            text.to_owned()
        } else {
            format!("{}\n\n{text}", current.trim_end())
        };
        if let Input::Multi(area) = &mut self.fields[i].input {
            let lines: Vec<String> = joined.split('\n').map(str::to_owned).collect();
            let mut fresh = tui_textarea::TextArea::new(lines);
            fresh.set_cursor_line_style(area.cursor_line_style());
            fresh.set_selection_style(area.selection_style());
            fresh.move_cursor(tui_textarea::CursorMove::Bottom);
            fresh.move_cursor(tui_textarea::CursorMove::End);
            *area = fresh;
            self.fields[i].error = None;
            self.focus = i;
        }
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
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::ui::action::{Action, Outcome};

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
        // Unchanged, it closes without asking (taking back anything saved on the way).
        assert!(matches!(
            f.handle_key(&key(KeyCode::Esc)),
            Outcome::Emit(Action::DiscardForm)
        ));
        f.handle_key(&key(KeyCode::Char('x')));
        assert!(matches!(
            f.handle_key(&key(KeyCode::Esc)),
            Outcome::Emit(Action::Push(_))
        ));
    }
}
