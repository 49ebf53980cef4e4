//! The running console: its state, how actions change it, and the event loop.
pub mod action;
mod conflicts;
mod jobs;
pub mod keys;
pub mod run;
mod syncing;

use std::path::PathBuf;

use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;

use crate::domain::{Keyed, PageRequest, SortKey};
use crate::i18n::{t, Msg};
use crate::store::{self, Resolution, Store};
use crate::ui::paged::Nav;
use crate::ui::{list_height, ListView, Tab, View};
pub use action::Action;
use jobs::SyncJob;
use keys::Scope;

pub struct App {
    store: Store,
    view: View,
    size: (u16, u16),
    quit: bool,
    dirty: bool,
    sync_folder: Option<PathBuf>,
    job: Option<SyncJob>,
}

/// What to do with a tab's list.
#[derive(Clone, Copy)]
enum ListOp<'a> {
    /// Load it the first time it is shown, from this key (or from its start).
    Load(Option<&'a SortKey>),
    /// Move its selection by a screen of this height.
    Move(Nav, usize),
}

/// Applies `op` to a list, reading pages with `fetch`, and reloads the detail when the
/// selected row changed.
fn apply<R: Keyed, D>(
    lv: &mut ListView<R, D>,
    op: ListOp,
    fetch: impl Fn(&PageRequest) -> store::Result<Vec<R>>,
    detail: impl Fn(&R) -> store::Result<D>,
) -> store::Result<()> {
    let changed = match op {
        ListOp::Load(_) if lv.list.is_loaded() => false,
        ListOp::Load(from) => {
            lv.list.load(from.cloned(), &mut |req| fetch(&req))?;
            true
        }
        ListOp::Move(nav, height) => lv.list.nav(nav, height, &mut |req| fetch(&req))?,
    };
    if changed {
        lv.detail = lv.list.selected().map(detail).transpose()?;
    }
    Ok(())
}

impl App {
    /// A console over `store`, showing Hoy as of `now` (local time), in a terminal of `size`.
    pub fn new(store: Store, now: NaiveDateTime, size: (u16, u16)) -> App {
        let mut app = App {
            store,
            view: View::new(now),
            size,
            quit: false,
            dirty: true,
            sync_folder: None,
            job: None,
        };
        let loaded = app.store.status().map(|s| app.view.status = s);
        app.report(loaded);
        app.show(Tab::Today);
        app
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the screen must be drawn again; clears the flag.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    /// The scopes whose keys work now, most specific first.
    fn scopes(&self) -> Vec<Scope> {
        if self.view.confirm_quit {
            vec![Scope::ConfirmQuit]
        } else if self.job.is_some() {
            vec![Scope::Always]
        } else if self.view.summary.is_some() {
            vec![Scope::Always, Scope::Summary]
        } else if let Some(c) = &self.view.conflicts {
            if c.editor.is_some() {
                vec![Scope::Always, Scope::Editor]
            } else {
                vec![Scope::Always, Scope::Conflicts]
            }
        } else if self.view.help.is_some() {
            vec![Scope::Always, Scope::Help]
        } else if self.view.tab.is_list() {
            vec![Scope::Always, Scope::List, Scope::Global]
        } else {
            vec![Scope::Always, Scope::Global]
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        let scopes = self.scopes();
        if let Some(action) = keys::lookup(&scopes, &key) {
            self.view.message = None;
            self.update(action);
        } else if scopes.contains(&Scope::Editor) {
            if let Some(editor) = self.view.conflicts.as_mut().and_then(|c| c.editor.as_mut()) {
                editor.input(key);
                self.dirty = true;
            }
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.dirty = true;
    }

    /// The clock moved on (a timer fired): a new day refreshes Hoy.
    pub fn set_now(&mut self, now: NaiveDateTime) {
        let new_day = now.date() != self.view.now.date();
        self.view.now = now;
        if new_day {
            let loaded = self.store.today(now.date()).map(|s| self.view.today = s);
            self.report(loaded);
            self.dirty = true;
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        self.view.now
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::GoTo(tab) => self.show(tab),
            Action::NextTab => self.show(self.view.tab.next()),
            Action::PrevTab => self.show(self.view.tab.prev()),
            Action::Move(nav) => {
                let moved = self.navigate(nav);
                self.report(moved);
            }
            Action::OpenHelp => self.view.help = Some(0),
            Action::CloseHelp => self.view.help = None,
            Action::ScrollHelp(by) => {
                if let Some(s) = self.view.help.as_mut() {
                    *s = s.saturating_add_signed(by as i16);
                }
            }
            Action::Sync => self.start_sync(),
            Action::CloseSummary => self.view.summary = None,
            Action::OpenConflicts => {
                let loaded = self.load_conflicts();
                self.report(loaded);
            }
            Action::CloseConflicts => self.view.conflicts = None,
            Action::MoveConflict(by) => {
                if let Some(c) = self.view.conflicts.as_mut() {
                    let last = c.items.len().saturating_sub(1);
                    c.selected = c.selected.saturating_add_signed(by as isize).min(last);
                }
            }
            Action::KeepCurrent => self.resolve(Resolution::KeepCurrent),
            Action::TakeOther => self.resolve(Resolution::TakeLost),
            Action::EditMix => {
                if let Some(c) = self.view.conflicts.as_mut() {
                    if let Some(item) = c.items.get(c.selected) {
                        let text = store::value_text(&item.current);
                        let mut editor =
                            tui_textarea::TextArea::new(text.lines().map(str::to_owned).collect());
                        editor.set_block(
                            ratatui::widgets::Block::bordered()
                                .title(format!(" {} ", t(Msg::EditMixTitle))),
                        );
                        c.editor = Some(editor);
                    }
                }
            }
            Action::SaveEdit => {
                let text = self
                    .view
                    .conflicts
                    .as_mut()
                    .and_then(|c| c.editor.take())
                    .map(|e| e.lines().join("\n"));
                if let Some(text) = text {
                    self.resolve(Resolution::Edited(text));
                }
            }
            Action::CancelEdit => {
                if let Some(c) = self.view.conflicts.as_mut() {
                    c.editor = None;
                }
            }
            Action::Quit if self.has_unsaved() => self.view.confirm_quit = true,
            Action::Quit | Action::QuitAnyway => self.quit = true,
            Action::StayOpen => self.view.confirm_quit = false,
        }
        self.view.keys = keys::hints(&self.scopes());
        self.dirty = true;
    }

    /// Shows an error in the status bar instead of failing.
    fn report(&mut self, result: store::Result<()>) {
        if let Err(e) = result {
            self.view.message = Some(e.to_string());
        }
    }

    fn show(&mut self, tab: Tab) {
        self.view.tab = tab;
        let loaded = self.load(tab);
        self.report(loaded);
        self.view.keys = keys::hints(&self.scopes());
        self.dirty = true;
    }

    /// Loads a tab's data the first time it is shown (Hoy: every time).
    fn load(&mut self, tab: Tab) -> store::Result<()> {
        if tab == Tab::Today {
            self.view.today = self.store.today(self.view.now.date())?;
            return Ok(());
        }
        // The agenda opens on today; the other lists on their newest (or first) row.
        let today = SortKey {
            primary: self.view.now.format("%Y-%m-%d").to_string(),
            id: String::new(),
        };
        let from = (tab == Tab::Agenda).then_some(&today);
        self.on_list(tab, ListOp::Load(from))
    }

    fn navigate(&mut self, nav: Nav) -> store::Result<()> {
        let height = list_height(self.size.0, self.size.1);
        self.on_list(self.view.tab, ListOp::Move(nav, height))
    }

    /// The one place that says which store reads feed which tab.
    fn on_list(&mut self, tab: Tab, op: ListOp) -> store::Result<()> {
        let App { store, view, .. } = self;
        let now = view.now.format("%Y-%m-%dT%H:%M").to_string();
        match tab {
            Tab::Today => Ok(()),
            Tab::Agenda => apply(
                &mut view.agenda,
                op,
                |r| store.events_page(r),
                |e| store.event_detail(&e.id),
            ),
            Tab::Reports => apply(
                &mut view.reports,
                op,
                |r| store.reports_page(r),
                |x| store.report_detail(&x.id),
            ),
            Tab::Drafts => apply(
                &mut view.drafts,
                op,
                |r| store.drafts_page(r),
                |x| store.draft_detail(&x.id),
            ),
            Tab::Media => apply(
                &mut view.media,
                op,
                |r| store.journalists_page(r),
                |x| store.journalist_detail(&x.id),
            ),
            Tab::Archive => apply(
                &mut view.archive,
                op,
                |r| store.timeline_page(r, &now),
                |x| store.timeline_detail(x.kind, &x.id),
            ),
        }
    }
}
