//! Moving around: tabs and their views, lists and their data, links between records and the
//! way back, and reading everything again when the file changed under the console.
use super::App;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::ListId;
use crate::domain::SortKey;
use crate::i18n::{t, Msg};
use crate::ui::forms;
use crate::ui::overlay::Overlay;
use crate::ui::tabs::home;
use crate::ui::{ListCmd, Tab};

/// Where the user was, to come back to it with Backspace.
#[derive(Debug, Clone)]
pub(super) struct Place {
    tab: Tab,
    list: Option<ListId>,
    key: Option<SortKey>,
}

impl App {
    pub(super) fn show(&mut self, tab: Tab) {
        self.screen.tab = tab;
        self.list(&ListCmd::Load);
        self.screen.refresh_keys();
        self.dirty = true;
    }

    /// Applies a list command to the list shown now, reading from the store.
    pub(super) fn list(&mut self, cmd: &ListCmd) {
        let ctx = self.screen.ctx();
        let App { store, screen, .. } = self;
        let result = match screen.pane_mut() {
            Some(pane) => pane.apply(cmd, store, &ctx),
            None => Ok(()),
        };
        if let Err(e) = result {
            self.screen.say(e, true);
        }
    }

    pub(super) fn switch_view(&mut self, by: i8) {
        let tab = self.screen.tab;
        let day = self.screen.calendar_day();
        if let Some(page) = self.screen.page_mut(tab) {
            let n = page.views().len() as isize;
            let view = (page.view() as isize + by as isize).rem_euclid(n.max(1));
            page.set_view(view as usize);
        }
        self.list(&ListCmd::Load);
        // From the calendar to the Agenda's list: the list shows the day the calendar showed.
        if let (Some(day), None) = (day, self.screen.calendar_day()) {
            self.list(&ListCmd::Select(SortKey {
                primary: day.format("%Y-%m-%d").to_string(),
                id: String::new(),
            }));
        }
    }

    pub(super) fn open_filters(&mut self) {
        let Some(pane) = self.screen.pane() else {
            return;
        };
        let spec = pane.filters();
        if spec.statuses.is_empty() && spec.kinds.is_empty() && !spec.department && !spec.dates {
            return;
        }
        let form = forms::filters(pane.list(), &spec, &pane.query().filters, self.screen.now);
        self.push(Overlay::Form(form));
    }

    fn place(&self) -> Place {
        let pane = self.screen.pane();
        Place {
            tab: self.screen.tab,
            list: pane.map(|p| p.list()),
            key: pane
                .and_then(|p| p.selected())
                .and_then(|pick| self.store.place_of(&pick.target).ok().flatten()),
        }
    }

    /// Shows a record in its own tab, selected; Backspace comes back here.
    pub(super) fn open_link(&mut self, target: Target) {
        let target = match target.kind {
            RecordKind::Member => return,
            _ => target,
        };
        let Some((tab, list)) = home(target.kind) else {
            return;
        };
        let key = match self.store.place_of(&target) {
            Ok(Some(key)) => key,
            Ok(None) => return self.say(t(Msg::LinkGone).to_owned()),
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let here = self.place();
        self.history.push(here);
        self.go(tab, Some(list), &ListCmd::Reveal(key));
    }

    /// The list of a kind of record in its tab, under `filters`; Backspace comes back here.
    pub(super) fn open_list(&mut self, kind: RecordKind, filters: crate::domain::query::Filters) {
        let Some((tab, list)) = home(kind) else {
            return;
        };
        let here = self.place();
        self.history.push(here);
        // All of them: a search left in that list from before would hide some.
        self.go(tab, Some(list), &ListCmd::ClearQuery);
        self.list(&ListCmd::Filters(filters));
    }

    /// An event where it is on the archive timeline (Backspace comes back); one that has not
    /// happened, or will not, is not there yet, and the message says so.
    pub(super) fn event_in_archive(&mut self, id: &str) {
        let target = Target::new(RecordKind::Event, id);
        let event = match self.store.record(&target) {
            Ok(crate::domain::edit::Record::Event(e)) => e,
            Ok(_) => return,
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let now = self.screen.now.format("%Y-%m-%dT%H:%M").to_string();
        use crate::domain::status::EventStatus;
        let off = matches!(
            event.status,
            EventStatus::Cancelled | EventStatus::Postponed
        );
        if event.starts_at > now || off {
            return self.say(t(Msg::NotInArchiveYet).to_owned());
        }
        let key = crate::domain::SortKey {
            primary: event.starts_at,
            id: id.to_owned(),
        };
        let here = self.place();
        self.history.push(here);
        self.go(Tab::Archive, Some(ListId::Timeline), &ListCmd::Reveal(key));
    }

    fn go(&mut self, tab: Tab, list: Option<ListId>, cmd: &ListCmd) {
        self.screen.tab = tab;
        if let (Some(page), Some(list)) = (self.screen.page_mut(tab), list) {
            page.show_list(list);
        }
        self.list(cmd);
    }

    /// Backspace: back to where the last link was opened.
    pub(super) fn back(&mut self) {
        let Some(place) = self.history.pop() else {
            return self.say(t(Msg::BackNothing).to_owned());
        };
        let cmd = match place.key {
            Some(key) => ListCmd::Select(key),
            None => ListCmd::Load,
        };
        self.go(place.tab, place.list, &cmd);
    }

    /// Reads again every list that was shown, keeping each one's selection, scroll, search and
    /// filters; and the status bar, Hoy and Conflictos when it is open.
    pub(super) fn reload_all(&mut self) {
        // The data changed (here or elsewhere): the search indexes may have new pieces.
        self.untidy = true;
        let ctx = self.screen.ctx();
        let mut failure = None;
        let App { store, screen, .. } = self;
        for tab in Tab::ALL {
            if let Some(page) = screen.page_mut(tab) {
                for pane in page.panes_mut() {
                    if let Err(e) = pane.apply(&ListCmd::Reload, store, &ctx) {
                        failure = Some(e);
                    }
                }
            }
        }
        if let Some(e) = failure {
            self.screen.say(e, true);
        }
        let status = self.store.status();
        if let Some(s) = self.report(status) {
            self.screen.status = s;
        }
        self.reload_conflicts();
        self.data_version = self.store.data_version().unwrap_or(self.data_version);
        self.dirty = true;
    }

    /// Another console on the same file, or a sync, committed: show what changed.
    pub(super) fn notice_changes(&mut self) {
        let Ok(version) = self.store.data_version() else {
            return;
        };
        if version != self.data_version {
            self.data_version = version;
            self.reload_all();
        }
    }
}
