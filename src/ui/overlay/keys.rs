//! The keys of pickers, menus, questions, the help and notices.
use crossterm::event::KeyCode::*;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, NONE, UP_DOWN};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Picker,
        keys: &[(Up, NONE, Cmd::Up), (Down, NONE, Cmd::Down)],
        label: Msg::KeyUpDown,
        help: Msg::HelpMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Picker,
        keys: &[(Enter, NONE, Cmd::Choose)],
        label: Msg::KeyEnter,
        help: Msg::HelpChoose,
        in_bar: true,
    },
    Binding {
        scope: Scope::Picker,
        keys: &[(Esc, NONE, Cmd::Close)],
        label: Msg::KeyClose,
        help: Msg::HelpCancel,
        in_bar: true,
    },
    Binding {
        scope: Scope::Menu,
        keys: UP_DOWN,
        label: Msg::KeyUpDown,
        help: Msg::HelpMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Menu,
        keys: &[(Enter, NONE, Cmd::Choose)],
        label: Msg::KeyDigitsMenu,
        help: Msg::HelpMenuPick,
        in_bar: true,
    },
    Binding {
        scope: Scope::Menu,
        keys: &[(Esc, NONE, Cmd::Close), (Char('q'), NONE, Cmd::Close)],
        label: Msg::KeyClose,
        help: Msg::HelpCancel,
        in_bar: true,
    },
    Binding {
        scope: Scope::Confirm,
        keys: &[(Char('s'), NONE, Cmd::Yes), (Char('y'), NONE, Cmd::Yes)],
        label: Msg::KeyYes,
        help: Msg::HelpConfirmYes,
        in_bar: true,
    },
    Binding {
        scope: Scope::Confirm,
        keys: &[(Char('n'), NONE, Cmd::No), (Esc, NONE, Cmd::No)],
        label: Msg::KeyNo,
        help: Msg::HelpConfirmNo,
        in_bar: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[
            (Up, NONE, Cmd::Scroll(-1)),
            (Char('k'), NONE, Cmd::Scroll(-1)),
            (Down, NONE, Cmd::Scroll(1)),
            (Char('j'), NONE, Cmd::Scroll(1)),
            (PageUp, NONE, Cmd::Scroll(-10)),
            (PageDown, NONE, Cmd::Scroll(10)),
        ],
        label: Msg::KeyUpDown,
        help: Msg::HelpScroll,
        in_bar: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[
            (Esc, NONE, Cmd::Close),
            (Char('?'), NONE, Cmd::Close),
            (Char('q'), NONE, Cmd::Close),
            (Enter, NONE, Cmd::Close),
            (F(1), NONE, Cmd::Close),
        ],
        label: Msg::KeyClose,
        help: Msg::HelpCloseHelp,
        in_bar: true,
    },
    Binding {
        scope: Scope::Notice,
        keys: &[(Up, NONE, Cmd::Scroll(-1)), (Down, NONE, Cmd::Scroll(1))],
        label: Msg::KeyUpDown,
        help: Msg::HelpScroll,
        in_bar: false,
    },
    Binding {
        scope: Scope::Notice,
        keys: &[
            (Esc, NONE, Cmd::Close),
            (Enter, NONE, Cmd::Close),
            (Char('q'), NONE, Cmd::Close),
        ],
        label: Msg::KeyClose,
        help: Msg::HelpCloseSummary,
        in_bar: true,
    },
];
