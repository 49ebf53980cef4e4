//! How components talk to the app: a key either changes a component's own state (`Consumed`),
//! means nothing to it (`Ignored`), or asks for something only the app can do (`Emit`): read or
//! write the store, open or close an overlay, switch tabs, quit.
use super::overlay::Overlay;
use super::paged::Nav;
use super::tabs::Tab;
use crate::domain::edit::{Command, RecordKind, Target};
use crate::domain::query::{Choice, Filters};
use crate::domain::requests::RoundInput;
use crate::domain::SortKey;

/// What a component did with a key. Short-lived: returned and matched at once, so the size
/// of an action inside it does not matter.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Outcome {
    Consumed,
    Ignored,
    Emit(Action),
}

/// A change to the current tab's list that needs data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListCmd {
    /// Load it if it is not loaded yet.
    Load,
    Nav(Nav),
    /// The search text changed.
    Search(String),
    /// The search text changed, and more typing is on its way: kept, read later (with
    /// [`ListCmd::Search`]).
    SearchText(String),
    /// New filters.
    Filters(Filters),
    /// Search and filters cleared.
    ClearQuery,
    /// Read it again, keeping the selection.
    Reload,
    /// Show this row, selected, keeping the search and filters (it may not be among them).
    Select(SortKey),
    /// Show this row, selected, clearing the search and filters so that it is there.
    Reveal(SortKey),
    /// Move a calendar's selected day (lists ignore it).
    Date(DateMove),
}

/// Where a calendar's selected day goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateMove {
    Days(i64),
    Months(i32),
    Today,
    /// A date as the user typed it ("12/03", "mañana"): read against today.
    Typed(String),
}

/// A settling of a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    KeepCurrent,
    TakeOther,
    Mix(String),
}

/// Everything that only the app can do.
#[derive(Debug)]
pub enum Action {
    GoTo(Tab),
    NextTab,
    PrevTab,
    OpenHelp,
    Quit,
    /// Quit although text is unsaved (after asking).
    QuitNow,
    Sync,
    OpenConflicts,
    Undo,
    Back,
    List(ListCmd),
    /// Switch the current tab's view ([ and ]) by this many steps.
    View(i8),
    OpenFilters,
    /// A new record; `parent` for records that belong to another (coverage of an event).
    New {
        kind: RecordKind,
        parent: Option<Target>,
    },
    Edit(Target),
    /// Ask before deleting (with the title the question shows).
    AskDelete(Target, String),
    Delete(Target),
    /// Show the statuses a record may move to.
    StatusMenu(Target, String),
    SetStatus(Target, String),
    /// Show an event (its id) where it is on the archive timeline.
    EventInArchive(String),
    /// Open a new draft about an event (its id): prefilled and linked to it.
    DraftFromEvent(String),
    /// Open a new draft from a report (its id): its text, linked to it.
    DraftFromReport(String),
    /// Ask for a request round: the topic, dates and text sent to every active department.
    AskRound,
    /// Write a request round.
    Round(RoundInput),
    /// Discard a report, saying why.
    Discard(Target, String),
    /// Turn a piece back to its author, with the comment.
    Reject(Target, String),
    /// Schedule a piece to go out (local `YYYY-MM-DDTHH:MM`).
    Schedule(Target, String),
    /// Record where and when a piece came out (and mark it published).
    Publish(crate::domain::edit::PublicationInput),
    /// Show what the office configured, to edit it.
    AskOffice,
    /// Save what the office configured.
    SaveOffice(crate::domain::edit::OfficeInput),
    /// Ask where to write a piece's press release.
    AskExportBulletin(Target),
    /// Write a press release (its folio) in a format (`txt`, `md`, `html`) to a file.
    ExportBulletin {
        folio: String,
        format: String,
        file: String,
    },
    /// Close the form on top, its changes not kept (those saved on the way taken back).
    DiscardForm,
    /// Ask why the next open warning of a piece may be let through.
    AckNext(Target),
    /// Let a warning on a piece through, with the reason (target, finding code, reason).
    Acknowledge(Target, String, String),
    /// Ask for a calendar file to import into the agenda.
    AskImport,
    /// Read and plan a calendar file (nothing written), then show what importing would do.
    PreviewImport(String),
    /// Write the import previewed.
    ApplyImport,
    /// Postpone an event: to a new start (local `YYYY-MM-DDTHH:MM`), or to a date not known yet.
    Postpone(Target, Option<String>),
    /// Attach files to a report: the paths as typed or pasted, one per line.
    Attach(Target, String),
    /// Ask which list to send a piece to (the piece chosen, when there is one).
    AskDistribute(Option<Target>),
    /// E-mail a send's recipients still to go (with the password typed, if it was asked).
    SendMail(Target, Option<String>),
    /// Ask for a contacts file to import.
    AskImportContacts,
    /// The form that asks for a reach (Meta insights) CSV to import.
    AskImportReach,
    /// Ask for the files and folders to import into the archive.
    AskImportMedia,
    /// Read files and folders into the archive (the paths as typed or pasted, one per line).
    ImportMedia(String),
    /// Ask for a date to go to in the timeline.
    AskJumpDate,
    /// No to an import's preview: the question closes and what preparing it left goes.
    DeclineImport,
    /// Close the date form and show the list from this key.
    JumpTo(SortKey),
    /// Read and plan a contacts file (with the columns corrected: `campo=Encabezado, …`).
    /// The reach (insights) file named in its form, to read and preview.
    PreviewReach {
        file: String,
    },
    PreviewContacts {
        file: String,
        columns: String,
    },
    /// Send a published piece to a contact list (prepare one delivery per person).
    Distribute {
        draft: String,
        list: String,
    },
    /// Copy text to the clipboard (what, how it is named in the status bar).
    Copy(String, String),
    OpenLink(Target),
    /// Show the list of records of a kind in their tab, under these filters (Backspace comes
    /// back).
    OpenList(RecordKind, Filters),
    /// Run a command of a form; the form stays open until it is saved.
    Save(Command),
    SetFilters(Filters),
    SetSyncFolder(String),
    Push(Box<Overlay>),
    /// Close the top overlay.
    Pop,
    /// Close the top overlay and the form under it.
    PopForm,
    /// The top overlay (a question) was answered yes: run what it asked for.
    Confirmed,
    OpenPicker(RecordKind),
    PickerSearch(RecordKind, String),
    Picked(Choice),
    Decide(Decision),
    /// Show a message in the status bar.
    Say(String),
}
