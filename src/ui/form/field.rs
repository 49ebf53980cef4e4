//! A field of a form: what it holds (text, long text, a date, a time, one of a few options, a
//! record or several picked from a list, yes/no, tags) and its label, requirement and error.
use chrono::{NaiveDate, NaiveTime};
use ratatui::style::Style;
use std::cell::{Cell, RefCell};

use ratatui::text::Line;

use tui_textarea::TextArea;

use crate::domain::edit::RecordKind;
use crate::domain::query::Choice;
use crate::i18n::labels::field_label;
use crate::i18n::{t, Msg};

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
    /// A long text measured as it is written: its length against its channel's limit, and
    /// its hashtags.
    pub counted: bool,
    /// A picked record's text goes into this field too (a reusable answer into the reply),
    /// to be edited for the case.
    pub inserts: Option<&'static str>,
    /// Long text: the first screen row shown and the width it was last drawn at (drawing
    /// keeps the cursor in view; the keys move by screen rows).
    pub(super) top: Cell<usize>,
    pub(super) width: Cell<u16>,
    /// The last measure of a counted text, and a fingerprint of what it measured (the text,
    /// its channel and limit): the layout and the drawing of one frame ask for it more than
    /// once, and a long text takes a while to count.
    pub(super) measured: RefCell<Option<(u64, Line<'static>)>>,
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
    pub(super) fn new(key: &'static str, input: Input) -> Field {
        Field {
            key,
            label: field_label(key),
            required: false,
            input,
            error: None,
            counted: false,
            inserts: None,
            top: Cell::new(0),
            width: Cell::new(0),
            measured: RefCell::new(None),
        }
    }

    pub fn text(key: &'static str, value: &str) -> Field {
        Field::new(key, Input::Text(editor(value)))
    }

    /// A password: typed and shown as dots.
    pub fn secret(key: &'static str) -> Field {
        let mut area = editor("");
        area.set_mask_char('•');
        Field::new(key, Input::Text(area))
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

    /// The text of what is picked here (its [`Choice::detail`]) is put into `field`.
    pub fn inserting_into(mut self, field: &'static str) -> Field {
        self.inserts = Some(field);
        self
    }

    /// Measured live under the text (see [`Field::counted`]).
    pub fn counted(mut self) -> Field {
        self.counted = true;
        self
    }

    pub fn label(mut self, msg: Msg) -> Field {
        self.label = t(msg).to_owned();
        self
    }

    /// The field's value as text, to tell whether it changed.
    pub(super) fn value(&self) -> String {
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

    pub(super) fn is_text(&self) -> bool {
        matches!(
            self.input,
            Input::Text(_) | Input::Multi(_) | Input::Date(_) | Input::Time(_) | Input::Tags(_)
        )
    }
}
