//! A view that is not paged but read whole for a day (Hoy and its balance, Reportes' Cifras,
//! Monitoreo's Cifras and Alcance): how it answers the list commands and the moving keys.
use chrono::NaiveDate;

use super::Ctx;
use crate::domain::SortKey;
use crate::ui::action::{Action, ListCmd, Outcome};
use crate::ui::data::{DataResult, Reader};
use crate::ui::keys::Cmd;
use crate::ui::paged::Nav;

pub trait Whole {
    /// The day it was read for; `None` until it is first shown.
    fn read_on(&self) -> Option<NaiveDate>;
    /// Reads it for `day`, keeping the selection where it still stands.
    fn read(&mut self, data: &dyn Reader, day: NaiveDate) -> DataResult<()>;
    /// Moves the selection (`page` lines a page).
    fn nav(&mut self, nav: Nav, page: usize);
    /// Selects the line of a record, when one shows it.
    fn select(&mut self, _key: &SortKey) {}
}

/// What a list command does to a view read whole: it is read when first shown and when
/// shown on another day, read again on a change, and has no search or filters.
pub fn apply<W: Whole>(w: &mut W, cmd: &ListCmd, data: &dyn Reader, ctx: &Ctx) -> DataResult<()> {
    let today = ctx.now.date();
    match cmd {
        // Shown again on the same day: kept as it was (Reload reads it again on a change).
        ListCmd::Load if w.read_on() == Some(today) => Ok(()),
        ListCmd::Load => w.read(data, today),
        ListCmd::Reload if w.read_on().is_none() => Ok(()),
        ListCmd::Reload => w.read(data, today),
        ListCmd::Nav(nav) => {
            w.nav(*nav, ctx.height);
            Ok(())
        }
        ListCmd::Select(key) | ListCmd::Reveal(key) => {
            if w.read_on() != Some(today) {
                w.read(data, today)?;
            }
            w.select(key);
            Ok(())
        }
        ListCmd::Search(_)
        | ListCmd::SearchText(_)
        | ListCmd::Filters(_)
        | ListCmd::ClearQuery
        | ListCmd::Date(_) => Ok(()),
    }
}

/// The moving keys of a view read whole: a line up or down here, a page through the app
/// (which knows the screen's height). `None` for any other command.
pub fn moving<W: Whole>(w: &mut W, cmd: Option<Cmd>) -> Option<Outcome> {
    match cmd? {
        Cmd::Up => {
            w.nav(Nav::Up, 1);
            Some(Outcome::Consumed)
        }
        Cmd::Down => {
            w.nav(Nav::Down, 1);
            Some(Outcome::Consumed)
        }
        Cmd::Nav(nav) => Some(Outcome::Emit(Action::List(ListCmd::Nav(nav)))),
        _ => None,
    }
}
