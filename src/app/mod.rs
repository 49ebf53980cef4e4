//! The running console: the store, the screen, and the actions that change them. Keys reach
//! the component that has the focus (through [`Screen::handle_key`]); what a component cannot do
//! itself comes back as an [`Action`], which the app applies here: reading and writing the
//! store, opening and closing overlays, undo, links, sync.
mod attaching;
mod autosave;
mod conflicts;
mod drafts;
mod importing;
mod jobs;
mod navigation;
mod outreach;
mod reader;
mod records;
mod reports;
pub mod run;
mod syncing;
pub mod terminal;

use std::path::PathBuf;

use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;

use crate::i18n::{t, Msg};
use crate::store::{self, Change, Store, Upkeep};
use crate::ui::keys::hints;
use crate::ui::overlay::{Confirm, Help, Overlay};
pub use crate::ui::{Action, Tab};
use crate::ui::{ListCmd, Screen};
use jobs::Job;
use navigation::Place;

/// Pages of a search index merged in a quiet moment (4 KiB each; a few tens of milliseconds).
const IDLE_PAGES: u32 = 256;

/// Something the terminal must do that is not drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard (OSC 52: it reaches the local clipboard over SSH too).
    Clipboard(String),
}

/// A change made in this session, to undo it: what it was, and what it changed.
struct Undoable {
    label: String,
    change: Change,
    /// The record the change was about (none: a conflict decision).
    target: Option<crate::domain::edit::Target>,
}

pub struct App {
    store: Store,
    screen: Screen,
    quit: bool,
    dirty: bool,
    /// More input is waiting (a paste arriving as keys): a search is run once it has all
    /// arrived, not once per letter.
    burst: bool,
    /// The search text typed during a burst, to run when it ends.
    pending_search: Option<String>,
    sync_folder: Option<PathBuf>,
    config_path: Option<PathBuf>,
    job: Option<Job>,
    undo: Vec<Undoable>,
    /// A move refused for a warning nobody acknowledged yet, and the piece: tried again once
    /// a warning of that piece is acknowledged.
    retry: Option<(crate::domain::edit::Target, Action)>,
    /// The piece being written, saved every few seconds, and when it last was.
    session: Option<autosave::Session>,
    autosaved_at: std::time::Instant,
    /// Whether a piece's form was open at the last look (its clock runs from when it opened).
    writing: bool,
    history: Vec<Place>,
    /// The store's data version when the screen last read it (another console or a sync
    /// writing changes it).
    data_version: i64,
    effects: Vec<Effect>,
    /// Whether the search indexes may have pieces to merge (see [`App::on_idle`]).
    untidy: bool,
    /// Whether this session has written the coming occurrences of series with no end.
    series_extended: bool,
    /// A calendar read and planned, waiting for the user's yes.
    pending_import: Option<importing::Pending>,
    /// Where a copy is also written, for terminals that do not take OSC 52.
    clipboard_file: Option<PathBuf>,
}

impl App {
    /// Whether more input is already waiting behind the event being handled; when a burst
    /// ends, the search it typed is run.
    pub fn set_burst(&mut self, more: bool) {
        self.burst = more;
        if !more {
            if let Some(text) = self.pending_search.take() {
                self.list(&ListCmd::Search(text));
            }
        }
    }

    /// A console over `store`, showing Hoy as of `now` (local time), in a terminal of `size`.
    pub fn new(store: Store, now: NaiveDateTime, size: (u16, u16)) -> App {
        let data_version = store.data_version().unwrap_or(0);
        let mut app = App {
            store,
            screen: Screen::new(now, size),
            quit: false,
            dirty: true,
            sync_folder: None,
            config_path: None,
            job: None,
            undo: Vec::new(),
            retry: None,
            session: None,
            autosaved_at: std::time::Instant::now(),
            writing: false,
            history: Vec::new(),
            data_version,
            effects: Vec::new(),
            untidy: true,
            pending_import: None,
            burst: false,
            pending_search: None,
            series_extended: false,
            clipboard_file: None,
        };
        let loaded = app.store.status().map(|s| app.screen.status = s);
        app.report(loaded);
        app.show(Tab::Today);
        // Said at once, not at the first Ctrl+S after a form was filled in.
        if app.store.is_read_only() {
            app.screen.say(t(Msg::ReadOnlyDatabase).to_owned(), true);
        }
        app
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
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

    /// What the terminal must do besides drawing (the clipboard); clears them.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        self.notice_changes();
        self.screen.message = None;
        if let Some(action) = self.screen.handle_key(&key) {
            self.update(action);
        }
        self.autosave(false);
        self.screen.refresh_keys();
        self.dirty = true;
    }

    /// Pasted text (bracketed paste): text for the field being written, never commands.
    pub fn on_paste(&mut self, text: &str) {
        self.notice_changes();
        if let Some(action) = self.screen.paste(text) {
            self.update(action);
        }
        self.autosave(false);
        self.screen.refresh_keys();
        self.dirty = true;
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen.size = (width, height);
        self.dirty = true;
    }

    /// The clock moved on (a timer fired): a new day refreshes Hoy; another console's or a
    /// sync's changes show.
    pub fn set_now(&mut self, now: NaiveDateTime) {
        let new_day = now.date() != self.screen.now.date();
        self.screen.now = now;
        if new_day {
            // Every view reads its day again (Hoy, the figures); the one shown now.
            self.list(&ListCmd::Load);
            self.dirty = true;
        }
        self.notice_changes();
    }

    /// A quiet moment (a tick with no key): merges a few small pieces of the search indexes, so
    /// that searching stays quick on a database written to a record at a time. Once there is
    /// nothing left (or the file cannot be written), it waits for the next change.
    pub fn on_idle(&mut self) {
        // Typing paused: the piece being written is saved now.
        self.autosave(true);
        // Once a session: series with no end get their coming year written.
        if !self.series_extended && !self.busy() {
            self.series_extended = true;
            if self.store.extend_series().unwrap_or(0) > 0 {
                self.reload_all();
            }
            self.store.sweep_media_temporaries();
        }
        if self.untidy && !self.busy() {
            self.untidy = self
                .store
                .tidy_search(Upkeep::Step(IDLE_PAGES))
                .unwrap_or(false);
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        self.screen.now
    }

    /// Where `s` saves the sync folder it asks for (none: it is only remembered until exit).
    pub fn set_config_path(&mut self, path: Option<PathBuf>) {
        self.config_path = path;
    }

    /// The file a copy is also written to (in the cache folder), for a terminal that does not
    /// take OSC 52 — the old Windows console, some SSH clients.
    pub fn set_clipboard_file(&mut self, path: Option<PathBuf>) {
        self.clipboard_file = path;
    }

    /// Copies text: OSC 52 to the terminal, and the file beside it when there is one.
    /// What holds a journalist's personal data (Medios) goes by OSC 52 only: it is never
    /// left in a file.
    fn copy(&mut self, text: String, name: String) {
        // The brief names the journalists who asked for something: never left in a file.
        let personal = self.screen.tab == crate::ui::Tab::Today
            || self
                .screen
                .pane()
                .and_then(|p| p.current())
                .is_some_and(|p| p.target.kind.is_personal());
        let file = self
            .clipboard_file
            .clone()
            .filter(|_| !personal)
            .filter(|path| write_private(path, text.as_bytes()).is_ok());
        self.effects.push(Effect::Clipboard(text));
        let said = match file {
            Some(path) => crate::i18n::tf(Msg::DidCopyFile, &[&path.display().to_string()]),
            None => crate::i18n::tf(Msg::DidCopy, &[&name]),
        };
        self.say(said);
    }

    /// Shows an error in the status bar instead of failing.
    fn report<T>(&mut self, result: store::Result<T>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.screen.say(e.to_string(), true);
                None
            }
        }
    }

    fn say(&mut self, text: String) {
        self.screen.say(text, false);
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::GoTo(tab) => self.show(tab),
            Action::NextTab => self.show(self.screen.tab.next()),
            Action::PrevTab => self.show(self.screen.tab.prev()),
            Action::OpenHelp => {
                let keys = hints(&self.screen.scopes());
                self.push(Overlay::Help(Help { keys, scroll: 0 }));
            }
            Action::Quit => self.quit(),
            Action::QuitNow => self.quit = true,
            Action::Sync => self.start_sync(),
            Action::OpenConflicts => self.open_conflicts(),
            Action::Undo => self.undo(),
            Action::Back => self.back(),
            Action::List(ListCmd::Search(text)) if self.burst => {
                self.list(&ListCmd::SearchText(text.clone()));
                self.pending_search = Some(text);
            }
            Action::List(cmd) => {
                if matches!(cmd, ListCmd::Search(_)) {
                    self.pending_search = None;
                }
                self.list(&cmd)
            }
            Action::View(by) => self.switch_view(by),
            Action::OpenFilters => self.open_filters(),
            Action::New { kind, parent } => self.new_record(kind, parent),
            Action::Edit(target) => self.edit(target),
            Action::AskDelete(target, title) => self.ask_delete(target, title),
            Action::Delete(target) => self.delete(target),
            Action::StatusMenu(target, code) => self.status_menu(target, code),
            Action::SetStatus(target, code) => self.set_status(target, code),
            Action::Postpone(target, start) => self.postpone(target, start),
            Action::DraftFromEvent(id) => self.draft_from_event(&id),
            Action::DraftFromReport(id) => self.draft_from_report(&id),
            Action::AskRound => self.ask_round(),
            Action::Round(round) => self.round(round),
            Action::Discard(target, reason) => self.discard(target, reason),
            Action::Reject(target, comment) => self.reject(target, comment),
            Action::Schedule(target, at) => self.schedule(target, at),
            Action::Publish(publication) => self.publish(publication),
            Action::Acknowledge(target, code, reason) => self.acknowledge(target, code, reason),
            Action::AckNext(target) => self.ack_next(target),
            Action::AskExportBulletin(target) => self.ask_export_bulletin(target),
            Action::AskOffice => self.ask_office(),
            Action::SaveOffice(office) => self.save_office(office),
            Action::ExportBulletin {
                folio,
                format,
                file,
            } => self.export_bulletin(&folio, &format, &file),
            Action::DiscardForm => {
                if matches!(
                    self.screen.overlays.last(),
                    Some(Overlay::Form(f)) if matches!(f.purpose, crate::ui::form::Purpose::Acknowledge { .. })
                ) {
                    self.retry = None;
                }
                self.autosave_discard();
                self.update(Action::PopForm);
            }
            Action::EventInArchive(id) => self.event_in_archive(&id),
            Action::AskImport => {
                let form = crate::ui::forms::import_agenda(self.now());
                self.push(Overlay::Form(form));
            }
            Action::PreviewImport(file) => self.preview_import(&file),
            Action::PreviewContacts { file, columns } => self.preview_contacts(&file, &columns),
            Action::PreviewReach { file } => {
                let path = importing::clean_path(&file);
                self.preview_reach(&path, "file");
            }
            Action::AskImportMedia => {
                let form = crate::ui::tabs::archive::forms::import_media(self.now());
                self.push(Overlay::Form(form));
            }
            Action::AskJumpDate => {
                let form = crate::ui::tabs::archive::forms::jump_date(self.now());
                self.push(Overlay::Form(form));
            }
            Action::ImportMedia(paths) => self.import_media(&paths),
            Action::DeclineImport => self.decline_import(),
            Action::JumpTo(key) => {
                self.update(Action::PopForm);
                self.list(&crate::ui::ListCmd::Select(key));
            }
            Action::AskImportReach => {
                let form = crate::ui::tabs::media::forms::import_reach(self.now());
                self.push(Overlay::Form(form));
            }
            Action::AskImportContacts => {
                let form = crate::ui::tabs::media::forms::import_contacts(self.now());
                self.push(Overlay::Form(form));
            }
            Action::AskDistribute(draft) => {
                let choice = draft.and_then(|d| self.form_ctx().label(d.kind, Some(&d.id)));
                let form = crate::ui::tabs::media::forms::distribute(choice, self.now());
                self.push(Overlay::Form(form));
            }
            Action::ApplyImport => self.apply_import(),
            Action::Attach(target, text) => self.attach(target, &text),
            Action::Copy(text, name) => self.copy(text, name),
            Action::OpenLink(target) => self.open_link(target),
            Action::OpenList(kind, filters) => self.open_list(kind, filters),
            Action::Distribute { draft, list } => self.distribute(draft, list),
            Action::SendMail(send, password) => self.send_mail(send, password),
            Action::Save(command) => self.save(command),
            Action::SetFilters(filters) => {
                self.pop();
                self.list(&crate::ui::ListCmd::Filters(filters));
            }
            Action::SetSyncFolder(folder) => self.set_sync_folder_from_form(folder),
            Action::Push(overlay) => self.push(*overlay),
            Action::Pop => self.pop(),
            Action::PopForm => {
                while let Some(top) = self.screen.overlays.pop() {
                    if matches!(top, Overlay::Form(_)) {
                        break;
                    }
                }
            }
            Action::Confirmed => self.confirmed(),
            Action::OpenPicker(kind) => self.open_picker(kind, String::new()),
            Action::PickerSearch(kind, text) => self.picker_search(kind, text),
            Action::Picked(choice) => {
                self.pop();
                if let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() {
                    form.set_picked(choice);
                }
            }
            Action::Decide(decision) => self.decide(decision),
            Action::Say(text) => self.say(text),
        }
        self.screen.refresh_keys();
        self.dirty = true;
    }

    fn push(&mut self, overlay: Overlay) {
        self.screen.overlays.push(overlay);
    }

    fn pop(&mut self) {
        self.screen.overlays.pop();
    }

    /// `q` or Ctrl+C: quits, asking first when text would be lost. Asked already: quits.
    fn quit(&mut self) {
        let asking = matches!(
            self.screen.overlays.last(),
            Some(Overlay::Confirm(c)) if matches!(c.on_yes, Action::QuitNow)
        );
        if self.screen.has_unsaved() && !asking {
            self.push(Overlay::Confirm(Confirm::new(
                t(Msg::ConfirmQuit).to_owned(),
                Action::QuitNow,
            )));
        } else {
            self.quit = true;
        }
    }

    /// A question was answered yes, or a menu option chosen: close it and do what it offered.
    fn confirmed(&mut self) {
        match self.screen.overlays.pop() {
            Some(Overlay::Confirm(c)) => self.update(c.on_yes),
            Some(Overlay::Menu(m)) => {
                if let Some(action) = m.take() {
                    self.update(action);
                }
            }
            Some(other) => self.screen.overlays.push(other),
            None => {}
        }
    }

    /// Whether text is typed and not saved (quitting asks first).
    pub fn has_unsaved(&self) -> bool {
        self.screen.has_unsaved()
    }
}

/// Writes a file readable by its owner only (0600 on Unix), whole or not at all.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = crate::store::temporary_beside(path, "copia");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
