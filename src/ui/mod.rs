//! The screen: its state (tabs, overlays, bars), how a key finds the component it is for, and
//! drawing. Components are folders — a tab, the list pane, the form, the overlays — each with
//! its state, its keys and its drawing. Drawing only reads; nothing here runs SQL: data comes
//! from the app through [`data::Reader`].
pub mod action;
pub mod conflicts;
pub mod data;
pub mod form;
pub mod forms;
pub mod global;
pub mod keys;
pub mod layout;
pub mod list;
pub mod overlay;
pub mod paged;
pub mod picture;
pub mod tabs;
pub mod widgets;

use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout};
use ratatui::Frame;

use crate::domain::StoreStatus;
pub use action::{Action, ListCmd, Outcome};
use keys::{lookup, Cmd, KeyHints, Scope};
pub use layout::{list_height, MIN_HEIGHT, MIN_WIDTH};
use list::{Ctx, Pane};
use overlay::Overlay;
use tabs::agenda::Agenda;
use tabs::archive::Archive;
use tabs::drafts::Drafts;
use tabs::media::Media;
use tabs::reports::Reports;
pub use tabs::{Page, Tab};
pub use widgets::{Message, Progress};

/// Everything the screen shows. The app owns it and changes it; drawing only reads it.
#[derive(Debug)]
pub struct Screen {
    pub tab: Tab,
    pub now: NaiveDateTime,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    pub today: tabs::today::Today,
    pub agenda: Agenda,
    pub reports: Reports,
    pub drafts: Drafts,
    pub media: Media,
    pub archive: Archive,
    pub monitoring: tabs::monitoring::Monitoring,
    /// Open over the tab, the top one has the keys.
    pub overlays: Vec<Overlay>,
    pub status: StoreStatus,
    /// What happened or went wrong, until the next key.
    pub message: Option<Message>,
    pub keys: KeyHints,
    /// A sync running.
    pub sync: Option<Progress>,
}

impl Screen {
    pub fn new(now: NaiveDateTime, size: (u16, u16)) -> Screen {
        Screen {
            tab: Tab::Today,
            now,
            size,
            today: tabs::today::Today::default(),
            agenda: Agenda::default(),
            reports: Reports::default(),
            drafts: Drafts::default(),
            media: Media::default(),
            archive: Archive::default(),
            monitoring: tabs::monitoring::Monitoring::default(),
            overlays: Vec::new(),
            status: StoreStatus::default(),
            message: None,
            keys: KeyHints::default(),
            sync: None,
        }
    }

    /// A tab made of lists (every tab but Hoy).
    pub fn page(&self, tab: Tab) -> Option<&dyn Page> {
        Some(match tab {
            Tab::Today => &self.today,
            Tab::Agenda => &self.agenda,
            Tab::Reports => &self.reports,
            Tab::Drafts => &self.drafts,
            Tab::Media => &self.media,
            Tab::Archive => &self.archive,
            Tab::Monitoring => &self.monitoring,
        })
    }

    pub fn page_mut(&mut self, tab: Tab) -> Option<&mut dyn Page> {
        Some(match tab {
            Tab::Today => &mut self.today,
            Tab::Agenda => &mut self.agenda,
            Tab::Reports => &mut self.reports,
            Tab::Drafts => &mut self.drafts,
            Tab::Media => &mut self.media,
            Tab::Archive => &mut self.archive,
            Tab::Monitoring => &mut self.monitoring,
        })
    }

    /// The day the Agenda's calendar shows, when it is the view on screen.
    pub fn calendar_day(&self) -> Option<chrono::NaiveDate> {
        if self.tab == Tab::Agenda && !self.agenda.listing {
            self.agenda.calendar.day
        } else {
            None
        }
    }

    /// The list shown now, if the tab has one.
    pub fn pane(&self) -> Option<&dyn Pane> {
        self.page(self.tab).and_then(|p| p.pane())
    }

    pub fn pane_mut(&mut self) -> Option<&mut dyn Pane> {
        let tab = self.tab;
        self.page_mut(tab).and_then(|p| p.pane_mut())
    }

    /// What loading and drawing a list need: the time and the rows visible.
    pub fn ctx(&self) -> Ctx {
        Ctx {
            now: self.now,
            height: list_height(self.size.0, self.size.1),
        }
    }

    /// The scopes whose keys work now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.sync.is_some() {
            return vec![Scope::Always];
        }
        if let Some(top) = self.overlays.last() {
            return vec![Scope::Always, top.scope()];
        }
        match self.pane().map(|p| p.scope()) {
            Some(scope @ (Scope::Search | Scope::DatePrompt)) => vec![Scope::Always, scope],
            Some(scope) => {
                let mut out = vec![Scope::Always, scope];
                if self.page(self.tab).is_some_and(|p| p.views().len() > 1) {
                    out.push(Scope::Views);
                }
                out.push(Scope::Global);
                // After the keys of every screen (help and quit stay in an 80-column bar).
                if matches!(scope, Scope::List | Scope::Detail) {
                    match self.tab {
                        Tab::Reports => out.push(Scope::Reports),
                        Tab::Drafts => out.push(Scope::Drafts),
                        Tab::Media => out.push(Scope::Media),
                        Tab::Archive => out.push(Scope::Archive),
                        _ => {}
                    }
                }
                out
            }
            None => vec![Scope::Always, Scope::Global],
        }
    }

    /// Finds the component a key is for; returns what only the app can do about it.
    pub fn handle_key(&mut self, key: &KeyEvent) -> Option<Action> {
        if lookup(Scope::Always, key) == Some(Cmd::Quit) {
            return Some(Action::Quit);
        }
        if self.sync.is_some() {
            return None;
        }
        let outcome = match self.overlays.last_mut() {
            Some(top) => top.handle_key(key),
            None => match self.pane_mut() {
                Some(pane) => pane.handle_key(key),
                None => Outcome::Ignored,
            },
        };
        match outcome {
            Outcome::Emit(action) => Some(action),
            Outcome::Consumed => None,
            Outcome::Ignored if self.overlays.is_empty() => {
                if let Some(action) = self
                    .reports_key(key)
                    .or_else(|| self.drafts_key(key))
                    .or_else(|| self.media_key(key))
                    .or_else(|| self.archive_key(key))
                {
                    return Some(action);
                }
                let views = self.page(self.tab).is_some_and(|p| p.views().len() > 1);
                match lookup(Scope::Views, key) {
                    Some(Cmd::NextView) if views => return Some(Action::View(1)),
                    Some(Cmd::PrevView) if views => return Some(Action::View(-1)),
                    _ => {}
                }
                lookup(Scope::Global, key).and_then(global_action)
            }
            Outcome::Ignored => None,
        }
    }

    /// The Reportes tab's own keys: `r` a request round, `b` a draft from the report chosen.
    fn reports_key(&self, key: &KeyEvent) -> Option<Action> {
        if !self.scopes().contains(&Scope::Reports) {
            return None;
        }
        match lookup(Scope::Reports, key)? {
            Cmd::Round => Some(Action::AskRound),
            Cmd::DraftFrom => {
                // The report shown, whichever line of its detail is chosen.
                let pick = self.pane()?.selected()?;
                (pick.target.kind == crate::domain::edit::RecordKind::Report)
                    .then(|| Action::DraftFromReport(pick.target.id.clone()))
            }
            _ => None,
        }
    }

    /// The Borradores tab's own keys, on the piece shown (whichever line of its detail is
    /// chosen): `a` lets its next warning through, `p` records a publication.
    fn drafts_key(&self, key: &KeyEvent) -> Option<Action> {
        if !self.scopes().contains(&Scope::Drafts) {
            return None;
        }
        let cmd = lookup(Scope::Drafts, key)?;
        if cmd == Cmd::Office {
            return Some(Action::AskOffice);
        }
        let draft = self.pane()?.selected()?.target;
        if draft.kind != crate::domain::edit::RecordKind::Draft {
            return None;
        }
        match cmd {
            Cmd::Acknowledge => Some(Action::AckNext(draft)),
            Cmd::Publish => Some(Action::SetStatus(draft, "published".to_owned())),
            Cmd::ExportBulletin => Some(Action::AskExportBulletin(draft)),
            Cmd::SendToMedia => Some(Action::AskDistribute(Some(draft))),
            _ => None,
        }
    }

    /// The Medios tab's own keys: `I` imports contacts from a vCard or CSV file.
    fn media_key(&self, key: &KeyEvent) -> Option<Action> {
        if !self.scopes().contains(&Scope::Media) {
            return None;
        }
        match lookup(Scope::Media, key)? {
            Cmd::Import => Some(Action::AskImportContacts),
            Cmd::SendMail => {
                // The send shown, whichever of its recipients is chosen.
                let send = self.pane()?.selected()?.target;
                let is_send = send.kind == crate::domain::edit::RecordKind::Distribution;
                is_send.then_some(Action::SendMail(send, None))
            }
            _ => None,
        }
    }

    /// The Archivo tab's own keys: `I` imports photos, video, audio and documents; `i` goes
    /// to a date of the timeline.
    fn archive_key(&self, key: &KeyEvent) -> Option<Action> {
        if !self.scopes().contains(&Scope::Archive) {
            return None;
        }
        match lookup(Scope::Archive, key)? {
            Cmd::Import => Some(Action::AskImportMedia),
            Cmd::AskDate => {
                let on_timeline = self.pane()?.list() == crate::domain::query::ListId::Timeline;
                on_timeline.then_some(Action::AskJumpDate)
            }
            _ => None,
        }
    }

    /// Pasted text: a field takes it whole; anywhere else it is nothing (never commands).
    pub fn paste(&mut self, text: &str) -> Option<Action> {
        if self.sync.is_some() {
            return None;
        }
        let outcome = match self.overlays.last_mut() {
            Some(top) => top.paste(text),
            None => match self.pane_mut() {
                Some(pane) => pane.paste(text),
                None => Outcome::Ignored,
            },
        };
        match outcome {
            Outcome::Emit(action) => Some(action),
            _ => None,
        }
    }

    /// Shows a message in the status bar; one too long for it opens as a notice to read whole.
    /// A report of what was done ("«…» ahora está en «En revisión»") shortens the record's
    /// title instead, so routine work is never stopped by a box to close.
    pub fn say(&mut self, text: String, error: bool) {
        let room = (self.size.0 as usize).saturating_sub(2);
        let text = if error {
            text
        } else {
            shorten_title(text, room)
        };
        if text.chars().count() > room {
            self.overlays.push(Overlay::Notice(overlay::Notice {
                title: crate::i18n::t(crate::i18n::Msg::MessageTitle).to_owned(),
                lines: vec![text],
                scroll: 0,
            }));
        } else {
            self.message = Some(Message { text, error });
        }
    }

    /// Whether text is typed and not saved anywhere (quitting asks first).
    pub fn has_unsaved(&self) -> bool {
        self.overlays.iter().any(|o| match o {
            Overlay::Form(f) => f.changed(),
            Overlay::Conflicts(c) => c.has_unsaved(),
            _ => false,
        })
    }

    /// The context bar and help for what has the keys now.
    pub fn refresh_keys(&mut self) {
        self.keys = keys::hints(&self.scopes());
    }
}

/// A message shortened to `room` characters by cutting the first «quoted» title in it (to no
/// fewer than 12 characters, ending in "…"); unchanged when it fits or cannot fit that way.
fn shorten_title(text: String, room: usize) -> String {
    let len = text.chars().count();
    if len <= room {
        return text;
    }
    let Some(open) = text.find('«') else {
        return text;
    };
    let start = open + '«'.len_utf8();
    let Some(close) = text[start..].find('»').map(|c| start + c) else {
        return text;
    };
    let title: Vec<char> = text[start..close].chars().collect();
    let keep = title.len().saturating_sub(len - room + 1);
    if keep < 12 {
        return text;
    }
    let short: String = title[..keep]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_owned()
        + "…";
    format!("{}{short}{}", &text[..start], &text[close..])
}

fn global_action(cmd: Cmd) -> Option<Action> {
    Some(match cmd {
        Cmd::GoTo(tab) => Action::GoTo(tab),
        Cmd::NextTab => Action::NextTab,
        Cmd::PrevTab => Action::PrevTab,
        Cmd::Help => Action::OpenHelp,
        Cmd::Quit => Action::Quit,
        Cmd::Sync => Action::Sync,
        Cmd::Conflicts => Action::OpenConflicts,
        Cmd::Undo => Action::Undo,
        Cmd::Back => Action::Back,
        _ => return None,
    })
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, screen: &Screen) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::too_small(frame, area);
        return;
    }
    let [tabs, body, status, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    widgets::tab_bar(frame, tabs, screen.tab, screen.now);
    let ctx = Ctx {
        now: screen.now,
        height: list_height(area.width, area.height),
    };
    if let Some(page) = screen.page(screen.tab) {
        if let Some(pane) = page.pane() {
            pane.draw(frame, body, &ctx, page.views(), page.view());
        }
    }
    widgets::status_bar(frame, status, screen.message.as_ref(), &screen.status);
    widgets::context_bar(frame, bar, &screen.keys);
    for overlay in &screen.overlays {
        overlay.draw(frame, area, body);
    }
    if let Some(progress) = &screen.sync {
        widgets::progress(frame, area, progress);
    }
}

#[cfg(test)]
mod tests {
    use super::shorten_title;

    #[test]
    fn a_long_title_is_shortened_so_the_message_fits() {
        let said =
            "«Asamblea comunitaria tének en Santa Rosa» ahora está en «En revisión». u deshace.";
        let short = shorten_title(said.to_owned(), 78);
        assert!(short.chars().count() <= 78, "{short}");
        assert!(
            short.starts_with("«Asamblea comunitaria tének en Santa…»"),
            "{short}"
        );
        assert!(short.ends_with("ahora está en «En revisión». u deshace."));
        assert_eq!(shorten_title("corto".into(), 78), "corto");
        // Without a title long enough to cut, the message stays whole (it becomes a notice).
        let long = "x".repeat(100);
        assert_eq!(shorten_title(long.clone(), 78), long);
    }
}
