//! A list pane: a paged list of one kind of record, narrowed by a search and filters, with the
//! detail of its selected row, whose related records can be chosen and opened. Every list tab
//! is made of these; a [`ListKind`] says what a particular list reads and shows.
mod draw;
mod keys;
pub mod whole;

use std::fmt::Debug;
use std::marker::PhantomData;

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::Frame;

pub use draw::{detail_pane, focus_style, mark, marked, title_line};
pub use keys::KEYS;

use super::action::{Action, ListCmd, Outcome};
use super::data::{DataResult, Reader};
use super::keys::{lookup, Cmd, Scope};
use super::paged::Paged;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::{Keyed, PageRequest, SortKey};
use crate::i18n::Msg;

/// What drawing and loading need to know about the moment and the screen.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub now: NaiveDateTime,
    /// Rows of the list visible on the screen.
    pub height: usize,
}

impl Ctx {
    /// Now as the store writes local times.
    pub fn now_text(&self) -> String {
        self.now.format("%Y-%m-%dT%H:%M").to_string()
    }
}

/// What a line of a detail pane stands for when it is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The record itself: Enter edits it.
    Own,
    /// A record that belongs to it (an event's coverage): edited and deleted here.
    Child,
    /// A related record: Enter opens it in its own tab.
    Link,
    /// A membership: deleted here; Enter opens the member.
    Member,
    /// One recipient of a send: `m` marks how it went, `y` copies their text; Enter opens
    /// the person.
    Recipient,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub role: Role,
    pub target: Target,
    pub title: String,
    /// Its status code, when it has one.
    pub status: Option<String>,
    /// What Enter opens, when that is another record (a member's journalist).
    pub open: Option<Target>,
}

impl Pick {
    pub fn new(role: Role, target: Target, title: impl Into<String>) -> Pick {
        Pick {
            role,
            target,
            title: title.into(),
            status: None,
            open: None,
        }
    }

    pub fn status(mut self, code: &str) -> Pick {
        self.status = Some(code.to_owned());
        self
    }
}

/// A line of a detail pane, and what choosing it means.
#[derive(Debug, Clone)]
pub struct DetailLine {
    pub line: Line<'static>,
    pub pick: Option<Pick>,
}

impl DetailLine {
    pub fn plain(line: Line<'static>) -> DetailLine {
        DetailLine { line, pick: None }
    }

    pub fn pick(line: Line<'static>, pick: Pick) -> DetailLine {
        DetailLine {
            line,
            pick: Some(pick),
        }
    }
}

/// The filters a list offers.
#[derive(Debug, Clone, Default)]
pub struct FilterSpec {
    /// (code, label) of the statuses; empty: no status filter.
    pub statuses: Vec<(String, String)>,
    /// (code, label) of the kinds; empty: no kind filter.
    pub kinds: Vec<(String, String)>,
    pub department: bool,
    pub dates: bool,
    /// Tag, person and place (the archive).
    pub facets: bool,
}

/// One kind of list: what it reads, how a row and a detail look.
pub trait ListKind: 'static {
    type Row: Keyed + Clone + Debug;
    type Detail: Debug;
    const LIST: ListId;
    /// The kind of record `n` makes here.
    const KIND: RecordKind;
    /// The kind of record `n` adds to the selected one from its detail, if any.
    const CHILD: Option<RecordKind> = None;

    fn title() -> Msg;
    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        ctx: &Ctx,
    ) -> DataResult<Vec<Self::Row>>;
    /// A row's detail, as of `ctx.now` where that matters (a department's figures).
    fn detail(data: &dyn Reader, row: &Self::Row, ctx: &Ctx) -> DataResult<Self::Detail>;
    /// Where the list opens (none: at its first row).
    fn start(_ctx: &Ctx) -> Option<SortKey> {
        None
    }
    fn header() -> Vec<Msg>;
    fn widths() -> Vec<Constraint>;
    /// The cells of a row, and its style.
    fn cells(row: &Self::Row, ctx: &Ctx) -> (Vec<String>, Style);
    /// A row's title (for questions and messages) and its status code.
    fn describe(row: &Self::Row) -> (String, Option<String>);
    fn lines(detail: &Self::Detail) -> Vec<DetailLine>;
    /// The query as the store reads it, on the day of `ctx` (a filter that is not a stored
    /// value becomes what it means: "vencida" is pending and due before today).
    fn stored_query(query: &Query, _ctx: &Ctx) -> Query {
        query.clone()
    }
    /// What `y` copies of a record, when it is not its detail as shown (a request's text, the
    /// version of a piece chosen in its detail).
    fn copy_text(_detail: &Self::Detail, _chosen: Option<&Pick>) -> Option<String> {
        None
    }
    fn filters() -> FilterSpec;
    /// The heading a row falls under (a day), and the wider one above it (its month): the
    /// list shows each when it changes. `None`: a plain list.
    fn group(_row: &Self::Row) -> Option<(String, String)> {
        None
    }
    /// The picture a detail shows above its lines: (a key that names it, JPEG bytes).
    fn picture(_detail: &Self::Detail) -> Option<(&str, &[u8])> {
        None
    }
}

/// The longest search kept, in characters: more than any title (a paste of a page is cut
/// here, not searched for whole).
pub const MAX_SEARCH: usize = 200;

/// Which part of a pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Search,
}

/// A list pane of one kind.
#[derive(Debug)]
pub struct ListPane<K: ListKind> {
    pub rows: Paged<K::Row>,
    pub detail: Option<K::Detail>,
    pub query: Query,
    /// How many rows match, while a search or filter is on.
    pub count: Option<u64>,
    pub focus: Focus,
    /// The chosen line among the detail's picks.
    pub pick: usize,
    kind: PhantomData<K>,
}

impl<K: ListKind> Default for ListPane<K> {
    fn default() -> Self {
        ListPane {
            rows: Paged::default(),
            detail: None,
            query: Query::default(),
            count: None,
            focus: Focus::List,
            pick: 0,
            kind: PhantomData,
        }
    }
}

/// What every list pane can do, whatever its kind: how tabs and the app hold them.
pub trait Pane {
    fn list(&self) -> ListId;
    fn kind(&self) -> RecordKind;
    fn title(&self) -> Msg;
    fn scope(&self) -> Scope;
    fn is_loaded(&self) -> bool;
    fn query(&self) -> &Query;
    fn filters(&self) -> FilterSpec;
    fn handle_key(&mut self, key: &KeyEvent) -> Outcome;
    /// Pasted text: into the search while searching, else nothing.
    fn paste(&mut self, text: &str) -> Outcome;
    fn apply(&mut self, cmd: &ListCmd, data: &dyn Reader, ctx: &Ctx) -> DataResult<()>;
    /// The selected row's record, its title and status code.
    fn selected(&self) -> Option<Pick>;
    /// What `e`, `d`, `m` and `y` act on: the chosen detail line, or the selected row.
    fn current(&self) -> Option<Pick>;
    /// The selected row and its detail as text, for the clipboard.
    fn text(&self) -> Option<String>;
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, views: &[Msg], view: usize);
}

impl<K: ListKind> ListPane<K> {
    fn picks(&self) -> Vec<Pick> {
        self.detail
            .as_ref()
            .map(|d| K::lines(d).into_iter().filter_map(|l| l.pick).collect())
            .unwrap_or_default()
    }

    fn reload_detail(&mut self, data: &dyn Reader, ctx: &Ctx) -> DataResult<()> {
        self.detail = match self.rows.selected() {
            Some(row) => Some(K::detail(data, row, ctx)?),
            None => None,
        };
        let picks = self.picks().len();
        self.pick = self.pick.min(picks.saturating_sub(1));
        if self.detail.is_none() && self.focus == Focus::Detail {
            self.focus = Focus::List;
        }
        Ok(())
    }

    /// Loads from the list's start (the search or filters changed).
    fn restart(&mut self, data: &dyn Reader, ctx: &Ctx) -> DataResult<()> {
        let query = K::stored_query(&self.query, ctx);
        let mut fetch = |req: PageRequest| K::page(data, &query, &req, ctx);
        self.rows.clear();
        self.rows.load(K::start(ctx), &mut fetch)?;
        self.count = if self.query.is_empty() {
            None
        } else {
            Some(data.count(K::LIST, &query, &ctx.now_text())?)
        };
        self.pick = 0;
        self.reload_detail(data, ctx)
    }

    fn search_key(&mut self, key: &KeyEvent) -> Outcome {
        match lookup(Scope::Search, key) {
            Some(Cmd::Nav(nav)) => return Outcome::Emit(Action::List(ListCmd::Nav(nav))),
            Some(Cmd::SearchDone) => {
                self.focus = Focus::List;
                return Outcome::Consumed;
            }
            Some(Cmd::SearchClear) => {
                self.focus = Focus::List;
                return Outcome::Emit(Action::List(ListCmd::Search(String::new())));
            }
            _ => {}
        }
        let mut text = self.query.search.clone();
        match key.code {
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => text.clear(),
            KeyCode::Char('w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                let kept = text.trim_end().rfind(' ').map(|i| i + 1).unwrap_or(0);
                text.truncate(kept);
            }
            // What is typed past the longest search is not kept (a paste arriving as keys).
            KeyCode::Char(_) if text.chars().count() >= MAX_SEARCH => return Outcome::Consumed,
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                text.push(c)
            }
            _ => return Outcome::Consumed,
        }
        Outcome::Emit(Action::List(ListCmd::Search(text)))
    }

    fn act(&self, cmd: Cmd, pick: Option<Pick>) -> Outcome {
        act(
            cmd,
            pick,
            Acting {
                kind: K::KIND,
                child: K::CHILD,
                on_rows: self.focus == Focus::List,
                selected: self.selected(),
                text: self.text(),
            },
        )
    }
}

/// What a pane that shows records knows when a key acts on one of them.
pub struct Acting {
    /// The kind of record `n` makes from the rows.
    pub kind: RecordKind,
    /// The kind of record `n` adds to the selected one from its detail, if any.
    pub child: Option<RecordKind>,
    /// Whether the keys come from the rows (not from the detail).
    pub on_rows: bool,
    /// The selected row's record.
    pub selected: Option<Pick>,
    /// The selected row and its detail as text, for the clipboard.
    pub text: Option<String>,
}

/// What `n`, `e`, `d`, `m`, `y` and Enter ask for on `pick` (a row or a detail line): the same
/// in every pane that shows records.
pub fn act(cmd: Cmd, pick: Option<Pick>, on: Acting) -> Outcome {
    let Some(pick) = pick else {
        return match cmd {
            Cmd::New => Outcome::Emit(Action::New {
                kind: on.kind,
                parent: None,
            }),
            _ => Outcome::Ignored,
        };
    };
    let action = match (cmd, pick.role) {
        (Cmd::Edit, Role::Own | Role::Child) => Action::Edit(pick.target),
        (Cmd::Enter, Role::Own | Role::Child) => Action::Edit(pick.target),
        (Cmd::Enter, Role::Link) => Action::OpenLink(pick.target),
        (Cmd::Enter, Role::Member | Role::Recipient) => match pick.open {
            Some(t) => Action::OpenLink(t),
            None => return Outcome::Ignored,
        },
        (Cmd::Delete, Role::Own | Role::Child | Role::Member) => {
            Action::AskDelete(pick.target, pick.title)
        }
        (Cmd::Status, Role::Own | Role::Child | Role::Recipient) => match pick.status {
            Some(code) => Action::StatusMenu(pick.target, code),
            None => return Outcome::Ignored,
        },
        (Cmd::Copy, _) => match on.text {
            Some(text) => Action::Copy(text, pick.title),
            None => return Outcome::Ignored,
        },
        (Cmd::New, _) if on.on_rows => Action::New {
            kind: on.kind,
            parent: None,
        },
        (Cmd::New, _) => match (on.child, on.selected) {
            (Some(kind), Some(parent)) => Action::New {
                kind,
                parent: Some(parent.target),
            },
            _ => Action::New {
                kind: on.kind,
                parent: None,
            },
        },
        _ => return Outcome::Ignored,
    };
    Outcome::Emit(action)
}

/// A detail's lines as text, for the clipboard.
pub fn lines_text(lines: &[DetailLine]) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| {
            l.line
                .spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

impl<K: ListKind> Pane for ListPane<K> {
    fn list(&self) -> ListId {
        K::LIST
    }

    fn kind(&self) -> RecordKind {
        K::KIND
    }

    fn title(&self) -> Msg {
        K::title()
    }

    fn scope(&self) -> Scope {
        match self.focus {
            Focus::List => Scope::List,
            Focus::Detail => Scope::Detail,
            Focus::Search => Scope::Search,
        }
    }

    fn is_loaded(&self) -> bool {
        self.rows.is_loaded()
    }

    fn query(&self) -> &Query {
        &self.query
    }

    fn filters(&self) -> FilterSpec {
        K::filters()
    }

    fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match self.focus {
            Focus::Search => self.search_key(key),
            Focus::List => match lookup(Scope::List, key) {
                Some(Cmd::Nav(nav)) => Outcome::Emit(Action::List(ListCmd::Nav(nav))),
                Some(Cmd::Search) => {
                    self.focus = Focus::Search;
                    Outcome::Consumed
                }
                Some(Cmd::Filter) => Outcome::Emit(Action::OpenFilters),
                Some(Cmd::ClearQuery) if !self.query.is_empty() => {
                    Outcome::Emit(Action::List(ListCmd::ClearQuery))
                }
                Some(Cmd::Enter) if self.detail.is_some() => {
                    self.focus = Focus::Detail;
                    self.pick = 0;
                    Outcome::Consumed
                }
                Some(cmd @ (Cmd::New | Cmd::Edit | Cmd::Delete | Cmd::Status | Cmd::Copy)) => {
                    self.act(cmd, self.selected())
                }
                _ => Outcome::Ignored,
            },
            Focus::Detail => {
                let picks = self.picks();
                match lookup(Scope::Detail, key) {
                    Some(Cmd::Up) => {
                        self.pick = self.pick.saturating_sub(1);
                        Outcome::Consumed
                    }
                    Some(Cmd::Down) => {
                        self.pick = (self.pick + 1).min(picks.len().saturating_sub(1));
                        Outcome::Consumed
                    }
                    Some(Cmd::ToList) => {
                        self.focus = Focus::List;
                        Outcome::Consumed
                    }
                    Some(
                        cmd @ (Cmd::Enter
                        | Cmd::New
                        | Cmd::Edit
                        | Cmd::Delete
                        | Cmd::Status
                        | Cmd::Copy),
                    ) => self.act(cmd, picks.get(self.pick).cloned()),
                    _ => Outcome::Ignored,
                }
            }
        }
    }

    fn paste(&mut self, text: &str) -> Outcome {
        if self.focus != Focus::Search {
            return Outcome::Ignored;
        }
        let mut search = self.query.search.clone();
        let room = MAX_SEARCH.saturating_sub(search.chars().count());
        search.extend(
            text.chars()
                .take(room)
                .map(|c| if c.is_control() { ' ' } else { c }),
        );
        Outcome::Emit(Action::List(ListCmd::Search(search)))
    }

    fn apply(&mut self, cmd: &ListCmd, data: &dyn Reader, ctx: &Ctx) -> DataResult<()> {
        let query = K::stored_query(&self.query, ctx);
        let mut fetch = |req: PageRequest| K::page(data, &query, &req, ctx);
        match cmd {
            ListCmd::Date(_) => return Ok(()),
            ListCmd::Load if self.rows.is_loaded() => return Ok(()),
            ListCmd::Load => {
                self.rows.load(K::start(ctx), &mut fetch)?;
                self.pick = 0;
            }
            ListCmd::Nav(nav) => {
                if !self.rows.nav(*nav, ctx.height, &mut fetch)? {
                    return Ok(());
                }
                self.pick = 0;
            }
            ListCmd::Reload => {
                if !self.rows.is_loaded() {
                    return Ok(());
                }
                self.rows.reload(ctx.height, &mut fetch)?;
                if !self.query.is_empty() {
                    self.count = Some(data.count(K::LIST, &query, &ctx.now_text())?);
                }
            }
            ListCmd::Search(text) => {
                self.query.search = text.clone();
                return self.restart(data, ctx);
            }
            ListCmd::SearchText(text) => {
                self.query.search = text.clone();
                return Ok(());
            }
            ListCmd::Filters(filters) => {
                self.query.filters = filters.clone();
                return self.restart(data, ctx);
            }
            ListCmd::ClearQuery => {
                self.query = Query::default();
                return self.restart(data, ctx);
            }
            ListCmd::Select(key) => {
                self.focus = Focus::List;
                self.rows.load_at(key, Some(ctx.height / 3), &mut fetch)?;
                self.pick = 0;
            }
            ListCmd::Reveal(key) => {
                self.query = Query::default();
                self.count = None;
                self.focus = Focus::List;
                let mut fetch = |req: PageRequest| K::page(data, &Query::default(), &req, ctx);
                self.rows.load_at(key, Some(ctx.height / 3), &mut fetch)?;
                self.pick = 0;
            }
        }
        self.reload_detail(data, ctx)
    }

    fn selected(&self) -> Option<Pick> {
        self.rows.selected().map(|row| {
            let (title, status) = K::describe(row);
            Pick {
                role: Role::Own,
                target: row.target(),
                title,
                status,
                open: None,
            }
        })
    }

    fn current(&self) -> Option<Pick> {
        match self.focus {
            Focus::Detail => self.picks().get(self.pick).cloned(),
            _ => self.selected(),
        }
    }

    fn text(&self) -> Option<String> {
        let detail = self.detail.as_ref()?;
        K::copy_text(detail, self.current().as_ref())
            .or_else(|| Some(lines_text(&K::lines(detail))))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, views: &[Msg], view: usize) {
        draw::pane(self, frame, area, ctx, views, view);
    }
}
