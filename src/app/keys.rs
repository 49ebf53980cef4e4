//! The one key table: (scope, keys, action, help). The context bar and the `?` help are both
//! generated from it; nothing else lists keys.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::i18n::Msg;
use crate::ui::paged::Nav;
use crate::ui::{Hint, KeyHints, Tab};

/// Where a binding applies. Scopes are looked up from the most specific to the most general,
/// so a key bound in an editor scope later can be text there and a command elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere, even over an overlay.
    Always,
    /// Anywhere without an overlay.
    Global,
    /// In a tab that shows a paged list.
    List,
    /// In the help overlay.
    Help,
    /// On the Conflictos screen.
    Conflicts,
    /// Writing in an editor: every key not bound here is text.
    Editor,
    /// Over the summary of a sync.
    Summary,
    /// Asked whether to quit with unsaved text.
    ConfirmQuit,
}

impl Scope {
    /// Where the scope's keys come in the help: the general ones first.
    fn rank(self) -> u8 {
        match self {
            Scope::Always | Scope::Global => 0,
            Scope::List => 1,
            Scope::Conflicts => 2,
            Scope::Editor => 3,
            Scope::Help | Scope::Summary | Scope::ConfirmQuit => 4,
        }
    }

    fn group(self) -> Msg {
        match self {
            Scope::Always | Scope::Global => Msg::GroupGeneral,
            Scope::List => Msg::GroupLists,
            Scope::Help | Scope::Summary | Scope::ConfirmQuit => Msg::GroupHelp,
            Scope::Conflicts => Msg::GroupConflicts,
            Scope::Editor => Msg::GroupEditor,
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [(KeyCode, KeyModifiers, Action)],
    pub label: Msg,
    pub help: Msg,
    /// Shown in the context bar (the rest only in `?`).
    pub in_bar: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
use KeyCode::*;

pub const BINDINGS: &[Binding] = &[
    Binding {
        scope: Scope::ConfirmQuit,
        keys: &[
            (Char('s'), NONE, Action::QuitAnyway),
            (Char('y'), NONE, Action::QuitAnyway),
        ],
        label: Msg::KeyYes,
        help: Msg::HelpQuitAnyway,
        in_bar: true,
    },
    Binding {
        scope: Scope::ConfirmQuit,
        keys: &[
            (Char('n'), NONE, Action::StayOpen),
            (Esc, NONE, Action::StayOpen),
        ],
        label: Msg::KeyNo,
        help: Msg::HelpStayOpen,
        in_bar: true,
    },
    Binding {
        scope: Scope::Editor,
        keys: &[(Char('s'), CTRL, Action::SaveEdit)],
        label: Msg::KeySave,
        help: Msg::HelpSave,
        in_bar: true,
    },
    Binding {
        scope: Scope::Editor,
        keys: &[(Esc, NONE, Action::CancelEdit)],
        label: Msg::KeyClose,
        help: Msg::HelpCancel,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[
            (Up, NONE, Action::MoveConflict(-1)),
            (Char('k'), NONE, Action::MoveConflict(-1)),
            (Down, NONE, Action::MoveConflict(1)),
            (Char('j'), NONE, Action::MoveConflict(1)),
        ],
        label: Msg::KeyUpDown,
        help: Msg::HelpMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('1'), NONE, Action::KeepCurrent)],
        label: Msg::KeyOne,
        help: Msg::HelpKeep,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('2'), NONE, Action::TakeOther)],
        label: Msg::KeyTwo,
        help: Msg::HelpTake,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[(Char('e'), NONE, Action::EditMix)],
        label: Msg::KeyEdit,
        help: Msg::HelpEditMix,
        in_bar: true,
    },
    Binding {
        scope: Scope::Conflicts,
        keys: &[
            (Esc, NONE, Action::CloseConflicts),
            (Char('q'), NONE, Action::CloseConflicts),
        ],
        label: Msg::KeyClose,
        help: Msg::HelpCloseConflicts,
        in_bar: true,
    },
    Binding {
        scope: Scope::Summary,
        keys: &[
            (Esc, NONE, Action::CloseSummary),
            (Enter, NONE, Action::CloseSummary),
            (Char('q'), NONE, Action::CloseSummary),
        ],
        label: Msg::KeyClose,
        help: Msg::HelpCloseSummary,
        in_bar: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[
            (Char('1'), NONE, Action::GoTo(Tab::Today)),
            (Char('2'), NONE, Action::GoTo(Tab::Agenda)),
            (Char('3'), NONE, Action::GoTo(Tab::Reports)),
            (Char('4'), NONE, Action::GoTo(Tab::Drafts)),
            (Char('5'), NONE, Action::GoTo(Tab::Media)),
            (Char('6'), NONE, Action::GoTo(Tab::Archive)),
        ],
        label: Msg::KeyDigits,
        help: Msg::HelpGoTo,
        in_bar: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Tab, NONE, Action::NextTab)],
        label: Msg::KeyTab,
        help: Msg::HelpNextTab,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[
            (BackTab, SHIFT, Action::PrevTab),
            (BackTab, NONE, Action::PrevTab),
        ],
        label: Msg::KeyBackTab,
        help: Msg::HelpPrevTab,
        in_bar: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[
            (Up, NONE, Action::Move(Nav::Up)),
            (Char('k'), NONE, Action::Move(Nav::Up)),
            (Down, NONE, Action::Move(Nav::Down)),
            (Char('j'), NONE, Action::Move(Nav::Down)),
        ],
        label: Msg::KeyUpDown,
        help: Msg::HelpMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[
            (PageUp, NONE, Action::Move(Nav::PageUp)),
            (PageDown, NONE, Action::Move(Nav::PageDown)),
        ],
        label: Msg::KeyPages,
        help: Msg::HelpPage,
        in_bar: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[
            (Home, NONE, Action::Move(Nav::Home)),
            (Char('g'), NONE, Action::Move(Nav::Home)),
            (End, NONE, Action::Move(Nav::End)),
            (Char('G'), NONE, Action::Move(Nav::End)),
        ],
        label: Msg::KeyEdges,
        help: Msg::HelpEdges,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[
            (Char('?'), NONE, Action::OpenHelp),
            (F(1), NONE, Action::OpenHelp),
        ],
        label: Msg::KeyHelp,
        help: Msg::HelpHelp,
        in_bar: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('s'), NONE, Action::Sync)],
        label: Msg::KeySync,
        help: Msg::HelpSync,
        in_bar: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('c'), NONE, Action::OpenConflicts)],
        label: Msg::KeyConflicts,
        help: Msg::HelpConflicts,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('q'), NONE, Action::Quit)],
        label: Msg::KeyQuit,
        help: Msg::HelpQuit,
        in_bar: true,
    },
    Binding {
        scope: Scope::Always,
        keys: &[(Char('c'), CTRL, Action::Quit)],
        label: Msg::KeyCtrlC,
        help: Msg::HelpQuit,
        in_bar: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[
            (Up, NONE, Action::ScrollHelp(-1)),
            (Char('k'), NONE, Action::ScrollHelp(-1)),
            (Down, NONE, Action::ScrollHelp(1)),
            (Char('j'), NONE, Action::ScrollHelp(1)),
        ],
        label: Msg::KeyUpDown,
        help: Msg::HelpScroll,
        in_bar: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[
            (Esc, NONE, Action::CloseHelp),
            (Char('?'), NONE, Action::CloseHelp),
            (Char('q'), NONE, Action::CloseHelp),
            (Enter, NONE, Action::CloseHelp),
        ],
        label: Msg::KeyClose,
        help: Msg::HelpCloseHelp,
        in_bar: true,
    },
];

/// Whether a key event is the one a binding names. Shift is part of a character itself
/// ('G', '?'), so it is not compared for character keys.
fn matches(key: &KeyEvent, code: KeyCode, mods: KeyModifiers) -> bool {
    let pressed = match key.code {
        Char(_) => key.modifiers - SHIFT,
        _ => key.modifiers,
    };
    key.code == code && pressed == mods
}

/// The action for a key in the given scopes (most specific first).
pub fn lookup(scopes: &[Scope], key: &KeyEvent) -> Option<Action> {
    scopes.iter().find_map(|scope| {
        BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .flat_map(|b| b.keys.iter())
            .find(|(code, mods, _)| matches(key, *code, *mods))
            .map(|(_, _, action)| *action)
    })
}

/// The context bar and help for the given scopes, from the table.
pub fn hints(scopes: &[Scope]) -> KeyHints {
    let active: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| scopes.contains(&b.scope))
        .collect();
    let bar = active
        .iter()
        .filter(|b| b.in_bar)
        .map(|b| Hint {
            keys: b.label,
            help: b.help,
        })
        .collect();
    let mut help: Vec<(Msg, Vec<Hint>)> = Vec::new();
    let mut ordered: Vec<&Binding> = BINDINGS.iter().collect();
    ordered.sort_by_key(|b| b.scope.rank());
    for b in ordered {
        let group = b.scope.group();
        let hint = Hint {
            keys: b.label,
            help: b.help,
        };
        match help.iter_mut().find(|(g, _)| *g == group) {
            Some((_, hints)) => hints.push(hint),
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
        let g = key(Char('G'), SHIFT);
        assert_eq!(lookup(&[Scope::List], &g), Some(Action::Move(Nav::End)));
        let q = key(Char('?'), SHIFT);
        assert_eq!(lookup(&[Scope::Global], &q), Some(Action::OpenHelp));
    }

    #[test]
    fn ctrl_c_is_not_plain_c() {
        assert_eq!(
            lookup(&[Scope::Always], &key(Char('c'), CTRL)),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(&[Scope::Always, Scope::Global], &key(Char('c'), NONE)),
            Some(Action::OpenConflicts)
        );
    }

    #[test]
    fn help_lists_every_binding_once() {
        let h = hints(&[Scope::Global]);
        let total: usize = h.help.iter().map(|(_, v)| v.len()).sum();
        assert_eq!(total, BINDINGS.len());
    }
}
