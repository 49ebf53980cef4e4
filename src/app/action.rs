//! The only way the console's state changes: keys map to actions through the key table, and
//! [`App::update`](super::App::update) applies them.
use crate::ui::paged::Nav;
use crate::ui::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    GoTo(Tab),
    NextTab,
    PrevTab,
    Move(Nav),
    OpenHelp,
    CloseHelp,
    ScrollHelp(i8),
    /// Sync with the remembered folder.
    Sync,
    CloseSummary,
    OpenConflicts,
    CloseConflicts,
    MoveConflict(i8),
    KeepCurrent,
    TakeOther,
    EditMix,
    SaveEdit,
    CancelEdit,
    Quit,
    /// Quit although something is unsaved (after asking).
    QuitAnyway,
    StayOpen,
}
