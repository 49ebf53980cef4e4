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
    Quit,
}
