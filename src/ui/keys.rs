//! The one key table. Each component lists its bindings — (scope, keys, command, label, help)
//! — in a `KEYS` table of its own module; [`TABLES`] joins them. The context bar and the `?`
//! help are both generated from it, and components look their keys up in it: nothing else
//! lists keys.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::paged::Nav;
use super::tabs::Tab;
use crate::i18n::Msg;

/// Where a binding applies. Scopes are looked up from the most specific to the most general,
/// so a key bound in a writing scope is text there and a command elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Anywhere, even while writing.
    Always,
    /// Anywhere without an overlay.
    Global,
    /// A list has the focus.
    List,
    /// A list's detail pane has the focus.
    Detail,
    /// Typing a search over a list.
    Search,
    /// A tab with several views.
    Views,
    /// Writing in a form: every key not bound here is text.
    Form,
    /// Choosing from a list in a form.
    Picker,
    /// A menu of options (e.g. the statuses a record may move to).
    Menu,
    /// A yes/no question.
    Confirm,
    /// The help overlay.
    Help,
    /// The Conflictos screen.
    Conflicts,
    /// Writing a mix on the Conflictos screen.
    Editor,
    /// A notice (the summary of a sync, a long message).
    Notice,
    /// The Agenda's calendar views (Día, Semana, Mes).
    Calendar,
    /// Typing a date to go to in the calendar: every key not bound here is text.
    DatePrompt,
    /// The lists of the Reportes tab (besides the keys of every list).
    Reports,
    /// The Reportes tab's Cifras view (each department's figures).
    Figures,
    /// The list and detail of Borradores (besides the keys of every list).
    Drafts,
    /// The lists of Medios (besides the keys of every list).
    Media,
    /// The lists of Archivo (besides the keys of every list).
    Archive,
    /// Hoy and its Balance.
    Today,
    /// Monitoreo's Cifras.
    Monitor,
}

impl Scope {
    /// Where the scope's keys come in the help: the general ones first.
    fn rank(self) -> u8 {
        match self {
            Scope::Always | Scope::Global => 0,
            Scope::List
            | Scope::Views
            | Scope::Calendar
            | Scope::Reports
            | Scope::Figures
            | Scope::Drafts
            | Scope::Media
            | Scope::Archive
            | Scope::Today
            | Scope::Monitor => 1,
            Scope::Detail => 2,
            Scope::Search | Scope::DatePrompt => 3,
            Scope::Form => 4,
            Scope::Picker => 5,
            Scope::Menu | Scope::Confirm => 6,
            Scope::Conflicts => 7,
            Scope::Editor => 8,
            Scope::Help | Scope::Notice => 9,
        }
    }

    pub fn group(self) -> Msg {
        match self {
            Scope::Always | Scope::Global => Msg::GroupGeneral,
            Scope::List | Scope::Views => Msg::GroupLists,
            Scope::Detail => Msg::GroupDetail,
            Scope::Search => Msg::GroupSearch,
            Scope::Form => Msg::GroupForm,
            Scope::Picker => Msg::GroupPicker,
            Scope::Menu | Scope::Confirm => Msg::GroupMenu,
            Scope::Conflicts => Msg::GroupConflicts,
            Scope::Editor => Msg::GroupEditor,
            Scope::Help | Scope::Notice => Msg::GroupHelp,
            Scope::Calendar => Msg::GroupCalendar,
            Scope::Reports => Msg::GroupReports,
            Scope::Drafts => Msg::GroupDrafts,
            Scope::Media => Msg::GroupMedia,
            Scope::Archive => Msg::GroupArchive,
            Scope::DatePrompt => Msg::GroupDatePrompt,
            Scope::Figures => Msg::GroupFigures,
            Scope::Today => Msg::GroupToday,
            Scope::Monitor => Msg::GroupMonitor,
        }
    }
}

/// What a key asks for; each component interprets the commands of its own scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    GoTo(Tab),
    NextTab,
    PrevTab,
    Help,
    Quit,
    Sync,
    Conflicts,
    Undo,
    Back,
    New,
    Edit,
    Delete,
    Status,
    Copy,
    Nav(Nav),
    Search,
    Filter,
    ClearQuery,
    NextView,
    PrevView,
    Enter,
    ToList,
    SearchDone,
    SearchClear,
    NextField,
    PrevField,
    Save,
    Cancel,
    ChoicePrev,
    ChoiceNext,
    Toggle,
    ClearField,
    Up,
    Down,
    Choose,
    Close,
    Digit(u8),
    Yes,
    No,
    Scroll(i8),
    Keep,
    Take,
    Mix,
    /// Move the calendar's day by this many days, weeks or months.
    Days(i8),
    Weeks(i8),
    Months(i8),
    Today,
    AskDate,
    /// Import a calendar file (.ics) into the agenda, after a preview.
    Import,
    /// Start a draft from the selected record (an event, a report).
    DraftFrom,
    /// Ask every active department for its information at once.
    Round,
    /// Let the next open warning of a piece through, with a reason.
    Acknowledge,
    /// Record a piece's publication on a network.
    Publish,
    /// Write a press release to a file.
    ExportBulletin,
    /// What the office configured (press releases, Art. 134, blackouts).
    Office,
    SendToMedia,
    SendMail,
    /// Show the selected record (an event) on the archive timeline.
    InArchive,
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [(KeyCode, KeyModifiers, Cmd)],
    pub label: Msg,
    pub help: Msg,
    /// Shown in the context bar (the rest only in `?`).
    pub in_bar: bool,
}

pub const NONE: KeyModifiers = KeyModifiers::NONE;
pub const CTRL: KeyModifiers = KeyModifiers::CONTROL;
pub const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// ↑↓ (and k j) moving a choice up and down: menus, details, Conflictos.
pub const UP_DOWN: &[(KeyCode, KeyModifiers, Cmd)] = &[
    (KeyCode::Up, NONE, Cmd::Up),
    (KeyCode::Char('k'), NONE, Cmd::Up),
    (KeyCode::Down, NONE, Cmd::Down),
    (KeyCode::Char('j'), NONE, Cmd::Down),
];

/// A screen up and down: lists, Cifras.
pub const PAGES: &[(KeyCode, KeyModifiers, Cmd)] = &[
    (KeyCode::PageUp, NONE, Cmd::Nav(Nav::PageUp)),
    (KeyCode::PageDown, NONE, Cmd::Nav(Nav::PageDown)),
];

/// The first and the last: lists, Cifras.
pub const EDGES: &[(KeyCode, KeyModifiers, Cmd)] = &[
    (KeyCode::Home, NONE, Cmd::Nav(Nav::Home)),
    (KeyCode::Char('g'), NONE, Cmd::Nav(Nav::Home)),
    (KeyCode::End, NONE, Cmd::Nav(Nav::End)),
    (KeyCode::Char('G'), NONE, Cmd::Nav(Nav::End)),
];

/// Every component's table.
pub const TABLES: &[&[Binding]] = &[
    super::global::KEYS,
    super::list::KEYS,
    super::form::KEYS,
    super::overlay::KEYS,
    super::conflicts::KEYS,
    super::tabs::agenda::KEYS,
    super::tabs::reports::KEYS,
    super::tabs::drafts::KEYS,
    super::tabs::media::KEYS,
    super::tabs::archive::KEYS,
    super::tabs::reports::figures::KEYS,
    super::tabs::today::KEYS,
    super::tabs::monitoring::figures::KEYS,
];

/// Whether a key event is the one a binding names. Shift is part of a character itself
/// ('G', '?'), so it is not compared for character keys.
fn matches(key: &KeyEvent, code: KeyCode, mods: KeyModifiers) -> bool {
    let pressed = match key.code {
        KeyCode::Char(_) => key.modifiers - SHIFT,
        _ => key.modifiers,
    };
    key.code == code && pressed == mods
}

fn bindings() -> impl Iterator<Item = &'static Binding> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// The command for a key in one scope.
pub fn lookup(scope: Scope, key: &KeyEvent) -> Option<Cmd> {
    bindings()
        .filter(|b| b.scope == scope)
        .flat_map(|b| b.keys.iter())
        .find(|(code, mods, _)| matches(key, *code, *mods))
        .map(|(_, _, cmd)| *cmd)
}

/// One line of key help: the keys as the user reads them, and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: Msg,
    pub help: Msg,
}

/// The keys that work now, from the one table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyHints {
    /// Shown in the context bar.
    pub bar: Vec<Hint>,
    /// Shown in the `?` help, by group: the groups that work now first, then the rest.
    pub help: Vec<(Msg, Vec<Hint>)>,
}

/// The context bar and help for the scopes active now (most specific first).
pub fn hints(scopes: &[Scope]) -> KeyHints {
    let mut bar = Vec::new();
    for scope in scopes {
        for b in bindings().filter(|b| b.scope == *scope && b.in_bar) {
            let hint = Hint {
                keys: b.label,
                help: b.help,
            };
            if !bar.contains(&hint) {
                bar.push(hint);
            }
        }
    }
    let mut ordered: Vec<&Binding> = bindings().collect();
    // Active scopes first (in their order), then the others by rank.
    ordered.sort_by_key(
        |b| match scopes.iter().position(|s| s.group() == b.scope.group()) {
            Some(i) => (0, i as u8),
            None => (1, b.scope.rank()),
        },
    );
    let mut help: Vec<(Msg, Vec<Hint>)> = Vec::new();
    for b in ordered {
        let group = b.scope.group();
        let hint = Hint {
            keys: b.label,
            help: b.help,
        };
        match help.iter_mut().find(|(g, _)| *g == group) {
            Some((_, hints)) => {
                if !hints.contains(&hint) {
                    hints.push(hint)
                }
            }
            None => help.push((group, vec![hint])),
        }
    }
    KeyHints { bar, help }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn shifted_characters_match_their_binding() {
        let g = key(KeyCode::Char('G'), SHIFT);
        assert_eq!(lookup(Scope::List, &g), Some(Cmd::Nav(Nav::End)));
        let q = key(KeyCode::Char('?'), SHIFT);
        assert_eq!(lookup(Scope::Global, &q), Some(Cmd::Help));
    }

    #[test]
    fn ctrl_c_is_not_plain_c() {
        assert_eq!(
            lookup(Scope::Always, &key(KeyCode::Char('c'), CTRL)),
            Some(Cmd::Quit)
        );
        assert_eq!(
            lookup(Scope::Global, &key(KeyCode::Char('c'), NONE)),
            Some(Cmd::Conflicts)
        );
    }

    #[test]
    fn letters_are_text_in_a_form() {
        for c in ['q', 'n', 'd', 'u', '1', '/', 's'] {
            assert_eq!(
                lookup(Scope::Form, &key(KeyCode::Char(c), NONE)),
                None,
                "{c}"
            );
        }
        assert_eq!(
            lookup(Scope::Form, &key(KeyCode::Char('s'), CTRL)),
            Some(Cmd::Save)
        );
    }

    #[test]
    fn help_lists_every_binding_and_the_active_groups_first() {
        let h = hints(&[Scope::Form]);
        assert_eq!(h.help[0].0, Msg::GroupForm);
        let total: usize = h.help.iter().map(|(_, v)| v.len()).sum();
        let distinct: std::collections::BTreeSet<(String, String)> = bindings()
            .map(|b| {
                (
                    format!("{:?}", b.scope.group()),
                    format!("{:?}{:?}", b.label, b.help),
                )
            })
            .collect();
        assert_eq!(total, distinct.len());
    }

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        let mut seen: Vec<(Scope, KeyCode, KeyModifiers)> = Vec::new();
        for b in bindings() {
            for (code, mods, _) in b.keys {
                let k = (b.scope, *code, *mods);
                assert!(!seen.contains(&k), "{k:?} bound twice");
                seen.push(k);
            }
        }
    }
}
