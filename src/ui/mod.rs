//! Drawing. Every function here takes the state it draws by shared reference and a `Rect`;
//! nothing here runs SQL or changes state. One module per tab, plus shared widgets.
mod agenda;
mod archive;
mod conflicts;
mod drafts;
mod layout;
mod media;
pub mod paged;
mod reports;
mod today;
mod widgets;

use chrono::NaiveDateTime;
use ratatui::layout::{Constraint, Layout};
use ratatui::Frame;

use crate::domain::{
    DraftDetail, DraftRow, EventDetail, EventRow, JournalistDetail, JournalistRow, ReportDetail,
    ReportRow, StoreStatus, TimelineDetail, TimelineRow, TodaySummary,
};
use crate::i18n::Msg;
pub use conflicts::ConflictsView;
pub use layout::{list_height, MIN_HEIGHT, MIN_WIDTH};
use paged::Paged;

/// The six tabs, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Today,
    Agenda,
    Reports,
    Drafts,
    Media,
    Archive,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Today,
        Tab::Agenda,
        Tab::Reports,
        Tab::Drafts,
        Tab::Media,
        Tab::Archive,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }

    pub fn title(self) -> Msg {
        match self {
            Tab::Today => Msg::TabToday,
            Tab::Agenda => Msg::TabAgenda,
            Tab::Reports => Msg::TabReports,
            Tab::Drafts => Msg::TabDrafts,
            Tab::Media => Msg::TabMedia,
            Tab::Archive => Msg::TabArchive,
        }
    }

    /// Whether the tab is a paged list with a detail pane.
    pub fn is_list(self) -> bool {
        self != Tab::Today
    }
}

/// A list and the detail of its selected row.
#[derive(Debug, Clone)]
pub struct ListView<R, D> {
    pub list: Paged<R>,
    pub detail: Option<D>,
}

impl<R, D> Default for ListView<R, D> {
    fn default() -> Self {
        ListView {
            list: Paged::default(),
            detail: None,
        }
    }
}

/// One line of key help: the keys as the user reads them, and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: Msg,
    pub help: Msg,
}

/// The keys that work now, made by the app from its one key table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyHints {
    /// Shown in the context bar.
    pub bar: Vec<Hint>,
    /// Shown in the `?` help, by group.
    pub help: Vec<(Msg, Vec<Hint>)>,
}

/// Everything the screen shows. The app owns it and changes it; drawing only reads it.
#[derive(Debug, Clone)]
pub struct View {
    pub tab: Tab,
    pub now: NaiveDateTime,
    pub today: TodaySummary,
    pub agenda: ListView<EventRow, EventDetail>,
    pub reports: ListView<ReportRow, ReportDetail>,
    pub drafts: ListView<DraftRow, DraftDetail>,
    pub media: ListView<JournalistRow, JournalistDetail>,
    pub archive: ListView<TimelineRow, TimelineDetail>,
    /// The help overlay, when open, with its scroll position.
    pub help: Option<u16>,
    pub status: StoreStatus,
    /// The last error, shown in the status bar until the next key.
    pub message: Option<String>,
    pub keys: KeyHints,
    /// A sync running: (folder, done, total, step).
    pub sync: Option<(String, u64, u64, Msg)>,
    /// What the last sync did, until closed.
    pub summary: Option<Vec<String>>,
    /// The Conflictos screen, when open.
    pub conflicts: Option<ConflictsView>,
    /// Asking whether to quit with unsaved text.
    pub confirm_quit: bool,
}

impl View {
    pub fn new(now: NaiveDateTime) -> View {
        View {
            tab: Tab::Today,
            now,
            today: TodaySummary::default(),
            agenda: ListView::default(),
            reports: ListView::default(),
            drafts: ListView::default(),
            media: ListView::default(),
            archive: ListView::default(),
            help: None,
            status: StoreStatus::default(),
            message: None,
            keys: KeyHints::default(),
            sync: None,
            summary: None,
            conflicts: None,
            confirm_quit: false,
        }
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, view: &View) {
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
    widgets::tab_bar(frame, tabs, view);
    match view.tab {
        Tab::Today => today::draw(frame, body, view),
        Tab::Agenda => agenda::draw(frame, body, view),
        Tab::Reports => reports::draw(frame, body, view),
        Tab::Drafts => drafts::draw(frame, body, view),
        Tab::Media => media::draw(frame, body, view),
        Tab::Archive => archive::draw(frame, body, view),
    }
    if let Some(c) = &view.conflicts {
        conflicts::draw(frame, body, c);
    }
    widgets::status_bar(frame, status, view);
    widgets::context_bar(frame, bar, &view.keys);
    if let Some(scroll) = view.help {
        widgets::help(frame, area, &view.keys, scroll);
    }
    if let Some(lines) = &view.summary {
        widgets::summary(frame, area, lines);
    }
    if view.confirm_quit {
        widgets::summary(frame, area, &[crate::i18n::t(Msg::ConfirmQuit).to_owned()]);
    }
    if let Some(progress) = &view.sync {
        widgets::progress(frame, area, progress);
    }
}
