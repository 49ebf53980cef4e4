//! Keys that work everywhere (Ctrl+C) and wherever no overlay is open: tabs, help, sync,
//! conflicts, undo, going back, quitting.
use crossterm::event::KeyCode::*;

use super::keys::{Binding, Cmd, Scope, CTRL, NONE, SHIFT};
use super::tabs::Tab;
use crate::i18n::Msg;

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Always,
        keys: &[(Char('c'), CTRL, Cmd::Quit)],
        label: Msg::KeyCtrlC,
        help: Msg::HelpQuit,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[
            (Char('1'), NONE, Cmd::GoTo(Tab::Today)),
            (Char('2'), NONE, Cmd::GoTo(Tab::Agenda)),
            (Char('3'), NONE, Cmd::GoTo(Tab::Reports)),
            (Char('4'), NONE, Cmd::GoTo(Tab::Drafts)),
            (Char('5'), NONE, Cmd::GoTo(Tab::Media)),
            (Char('6'), NONE, Cmd::GoTo(Tab::Archive)),
            (Char('7'), NONE, Cmd::GoTo(Tab::Monitoring)),
        ],
        label: Msg::KeyDigits,
        help: Msg::HelpGoTo,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Tab, NONE, Cmd::NextTab)],
        label: Msg::KeyTab,
        help: Msg::HelpNextTab,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[
            (BackTab, SHIFT, Cmd::PrevTab),
            (BackTab, NONE, Cmd::PrevTab),
        ],
        label: Msg::KeyBackTab,
        help: Msg::HelpPrevTab,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('u'), NONE, Cmd::Undo)],
        label: Msg::KeyU,
        help: Msg::HelpUndo,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Backspace, NONE, Cmd::Back)],
        label: Msg::KeyBackspace,
        help: Msg::HelpBack,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('s'), NONE, Cmd::Sync)],
        label: Msg::KeySync,
        help: Msg::HelpSync,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('c'), NONE, Cmd::Conflicts)],
        label: Msg::KeyConflicts,
        help: Msg::HelpConflicts,
        in_bar: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('?'), NONE, Cmd::Help), (F(1), NONE, Cmd::Help)],
        label: Msg::KeyHelp,
        help: Msg::HelpHelp,
        in_bar: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(Char('q'), NONE, Cmd::Quit)],
        label: Msg::KeyQuit,
        help: Msg::HelpQuit,
        in_bar: true,
    },
];
