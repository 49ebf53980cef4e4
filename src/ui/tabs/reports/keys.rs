//! The keys of the Reportes tab besides those of every list.
use crossterm::event::KeyCode::Char;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, NONE};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Reports,
        keys: &[(Char('r'), NONE, Cmd::Round)],
        label: Msg::KeyR,
        help: Msg::HelpRequestRound,
        in_bar: true,
    },
    Binding {
        scope: Scope::Reports,
        keys: &[(Char('b'), NONE, Cmd::DraftFrom)],
        label: Msg::KeyB,
        help: Msg::HelpDraftFromReport,
        in_bar: true,
    },
];
