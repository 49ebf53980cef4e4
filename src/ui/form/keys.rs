//! The keys of a form. Every other key is text for the field being written.
use crossterm::event::KeyCode::*;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, CTRL, NONE, SHIFT};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Form,
        keys: &[(Char('s'), CTRL, Cmd::Save)],
        label: Msg::KeySave,
        help: Msg::HelpSave,
        in_bar: true,
    },
    Binding {
        scope: Scope::Form,
        keys: &[
            (Tab, NONE, Cmd::NextField),
            (BackTab, SHIFT, Cmd::PrevField),
            (BackTab, NONE, Cmd::PrevField),
        ],
        label: Msg::KeyTabs,
        help: Msg::HelpFields,
        in_bar: true,
    },
    Binding {
        scope: Scope::Form,
        keys: &[(Esc, NONE, Cmd::Cancel)],
        label: Msg::KeyClose,
        help: Msg::HelpCancel,
        in_bar: true,
    },
    // Keys that fields read themselves, listed here for the help.
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyLeftRight,
        help: Msg::HelpChoice,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeySpace,
        help: Msg::HelpToggle,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyEnter,
        help: Msg::HelpPick,
        in_bar: false,
    },
    Binding {
        scope: Scope::Form,
        keys: &[],
        label: Msg::KeyDel,
        help: Msg::HelpClearField,
        in_bar: false,
    },
];
