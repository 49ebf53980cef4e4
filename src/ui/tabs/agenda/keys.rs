//! The keys of the calendar views (Día, Semana, Mes) and of the "ir a fecha" prompt.
use crossterm::event::KeyCode::*;

use crate::i18n::Msg;
use crate::ui::keys::{Binding, Cmd, Scope, NONE, SHIFT, UP_DOWN};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Calendar,
        keys: &[
            (Left, NONE, Cmd::Days(-1)),
            (Char('h'), NONE, Cmd::Days(-1)),
            (Right, NONE, Cmd::Days(1)),
            (Char('l'), NONE, Cmd::Days(1)),
        ],
        label: Msg::KeyDays,
        help: Msg::HelpDays,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[
            (Char(','), NONE, Cmd::Weeks(-1)),
            (Char('.'), NONE, Cmd::Weeks(1)),
        ],
        label: Msg::KeyWeeks,
        help: Msg::HelpWeeks,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[
            (Char('<'), NONE, Cmd::Months(-1)),
            (Char('>'), NONE, Cmd::Months(1)),
        ],
        label: Msg::KeyMonths,
        help: Msg::HelpMonths,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('t'), NONE, Cmd::Today)],
        label: Msg::KeyT,
        help: Msg::HelpToday,
        in_bar: true,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('i'), NONE, Cmd::AskDate)],
        label: Msg::KeyI,
        help: Msg::HelpGoToDate,
        in_bar: true,
    },
    Binding {
        scope: Scope::Calendar,
        keys: UP_DOWN,
        label: Msg::KeyUpDown,
        help: Msg::HelpEventMove,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Enter, NONE, Cmd::Enter)],
        label: Msg::KeyEnter,
        help: Msg::HelpOpenDay,
        in_bar: true,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('n'), NONE, Cmd::New)],
        label: Msg::KeyN,
        help: Msg::HelpNew,
        in_bar: true,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('e'), NONE, Cmd::Edit)],
        label: Msg::KeyE,
        help: Msg::HelpEdit,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('d'), NONE, Cmd::Delete), (Delete, NONE, Cmd::Delete)],
        label: Msg::KeyD,
        help: Msg::HelpDelete,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('m'), NONE, Cmd::Status)],
        label: Msg::KeyM,
        help: Msg::HelpStatus,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[
            (Char('I'), SHIFT, Cmd::Import),
            (Char('I'), NONE, Cmd::Import),
        ],
        label: Msg::KeyImport,
        help: Msg::HelpImportAgenda,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('b'), NONE, Cmd::DraftFrom)],
        label: Msg::KeyB,
        help: Msg::HelpDraftFromEvent,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('a'), NONE, Cmd::InArchive)],
        label: Msg::KeyA,
        help: Msg::HelpEventInArchive,
        in_bar: false,
    },
    Binding {
        scope: Scope::Calendar,
        keys: &[(Char('y'), NONE, Cmd::Copy)],
        label: Msg::KeyY,
        help: Msg::HelpCopy,
        in_bar: false,
    },
    Binding {
        scope: Scope::DatePrompt,
        keys: &[(Enter, NONE, Cmd::Enter)],
        label: Msg::KeyEnter,
        help: Msg::HelpDateGo,
        in_bar: true,
    },
    Binding {
        scope: Scope::DatePrompt,
        keys: &[(Esc, NONE, Cmd::Cancel)],
        label: Msg::KeyClose,
        help: Msg::HelpDateCancel,
        in_bar: true,
    },
];
