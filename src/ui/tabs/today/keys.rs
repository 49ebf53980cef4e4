//! The keys of Hoy and its Balance.
use crossterm::event::KeyCode::*;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, EDGES, NONE, PAGES, UP_DOWN};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Today,
        keys: UP_DOWN,
        label: Msg::KeyUpDown,
        help: Msg::HelpTodayMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Today,
        keys: PAGES,
        label: Msg::KeyPages,
        help: Msg::HelpPage,
        in_bar: false,
    },
    Binding {
        scope: Scope::Today,
        keys: EDGES,
        label: Msg::KeyEdges,
        help: Msg::HelpEdges,
        in_bar: false,
    },
    Binding {
        scope: Scope::Today,
        keys: &[(Enter, NONE, Cmd::Enter)],
        label: Msg::KeyEnter,
        help: Msg::HelpTodayOpen,
        in_bar: true,
    },
    Binding {
        scope: Scope::Today,
        keys: &[(Char('y'), NONE, Cmd::Copy)],
        label: Msg::KeyY,
        help: Msg::HelpTodayCopy,
        in_bar: true,
    },
];
