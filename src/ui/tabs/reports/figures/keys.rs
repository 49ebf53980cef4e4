//! The keys of the Cifras view.
use crossterm::event::KeyCode::*;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, NONE, UP_DOWN};
use crate::ui::paged::Nav;

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
        keys: &[
            (PageUp, NONE, Cmd::Nav(Nav::PageUp)),
            (PageDown, NONE, Cmd::Nav(Nav::PageDown)),
        ],
        label: Msg::KeyPages,
        help: Msg::HelpPage,
        in_bar: false,
    },
    Binding {
        scope: Scope::Figures,
        keys: &[
            (Home, NONE, Cmd::Nav(Nav::Home)),
            (Char('g'), NONE, Cmd::Nav(Nav::Home)),
            (End, NONE, Cmd::Nav(Nav::End)),
            (Char('G'), NONE, Cmd::Nav(Nav::End)),
        ],
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
