//! The keys of the Cifras view.
use crossterm::event::KeyCode::*;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, EDGES, NONE, PAGES, UP_DOWN};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Figures,
        keys: UP_DOWN,
        label: Msg::KeyUpDown,
        help: Msg::HelpFiguresMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Figures,
        keys: PAGES,
        label: Msg::KeyPages,
        help: Msg::HelpPage,
        in_bar: false,
    },
    Binding {
        scope: Scope::Figures,
        keys: EDGES,
        label: Msg::KeyEdges,
        help: Msg::HelpEdges,
        in_bar: false,
    },
    Binding {
        scope: Scope::Figures,
        keys: &[(Enter, NONE, Cmd::Enter)],
        label: Msg::KeyEnter,
        help: Msg::HelpFiguresOpen,
        in_bar: true,
    },
    Binding {
        scope: Scope::Figures,
        keys: &[(Char('y'), NONE, Cmd::Copy)],
        label: Msg::KeyY,
        help: Msg::HelpFiguresCopy,
        in_bar: false,
    },
];
