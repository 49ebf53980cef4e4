//! The calendar behind the Agenda's Día, Semana and Mes views: the selected day, the week of
//! events around it (with their coverage and clashes) and the month's counts per day, read
//! through the [`Reader`] when the period changes; the selected event and its detail.
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::event_lines;
use crate::domain::agenda::{AgendaEvent, DayCount};
use crate::domain::calendar::{add_days, add_months, month_grid, week_start};
use crate::domain::dates::parse_date;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::EventDetail;
use crate::i18n::{tf, Msg};
use crate::ui::action::{Action, DateMove, ListCmd, Outcome};
use crate::ui::data::{DataResult, Reader};
use crate::ui::keys::{lookup, Cmd, Scope};
use crate::ui::list::{act, lines_text, Acting, Ctx, FilterSpec, Pane, Pick, Role};
use crate::ui::paged::Nav;

/// How the calendar shows its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Day,
    Week,
    Month,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Day, Mode::Week, Mode::Month];

    pub fn title(self) -> Msg {
        match self {
            Mode::Day => Msg::ViewDay,
            Mode::Week => Msg::ViewWeek,
            Mode::Month => Msg::ViewMonth,
        }
    }
}

/// Which part of the calendar has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The days and their events.
    #[default]
    Days,
    /// The selected event's detail (Día).
    Detail,
    /// Typing a date to go to.
    Prompt,
}

/// The "ir a fecha" prompt: what is typed, and why it was not a date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    pub error: Option<String>,
}

#[derive(Debug, Default)]
pub struct Calendar {
    pub mode: Mode,
    /// The selected day (none until the calendar is first shown: then today).
    pub day: Option<NaiveDate>,
    /// The Monday of the week read, and its events in time order.
    pub week: Option<NaiveDate>,
    pub events: Vec<AgendaEvent>,
    /// The first day of the month grid read, and its counts per day.
    pub month: Option<NaiveDate>,
    pub counts: Vec<DayCount>,
    /// The selected event among the selected day's.
    pub selected: usize,
    pub detail: Option<EventDetail>,
    /// The chosen line among the detail's picks.
    pub pick: usize,
    pub focus: Focus,
    pub prompt: Prompt,
    /// Calendars have no search: always empty.
    query: Query,
}

fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// The day an event starts.
pub fn start_day(e: &AgendaEvent) -> Option<NaiveDate> {
    date_of(&e.starts_at)
}

/// Whether an event takes place on `day`: it starts then, or it spans several days (all-day,
/// or ending on a later day) and `day` is one of them.
pub fn on_day(e: &AgendaEvent, day: NaiveDate) -> bool {
    let Some(start) = date_of(&e.starts_at) else {
        return false;
    };
    let end = date_of(&e.ends_at)
        .filter(|end| *end > start && (e.all_day || e.ends_at.get(11..16) != Some("00:00")))
        .unwrap_or(start);
    start <= day && day <= end
}

impl Calendar {
    /// The selected day, or `today` before the calendar was shown.
    pub fn day_or(&self, today: NaiveDate) -> NaiveDate {
        self.day.unwrap_or(today)
    }

    /// A day's events read so far: all-day ones first, then by time.
    pub fn day_events(&self, day: NaiveDate) -> Vec<&AgendaEvent> {
        let mut out: Vec<&AgendaEvent> = self.events.iter().filter(|e| on_day(e, day)).collect();
        out.sort_by(|a, b| {
            (!a.all_day, &a.starts_at, &a.id).cmp(&(!b.all_day, &b.starts_at, &b.id))
        });
        out
    }

    /// The selected event of the selected day.
    pub fn selected_event(&self) -> Option<&AgendaEvent> {
        let day = self.day?;
        self.day_events(day).get(self.selected).copied()
    }

    /// How many events and uncovered ones on `day` (the month's counts).
    pub fn count(&self, day: NaiveDate) -> Option<&DayCount> {
        self.counts.iter().find(|c| c.day == day)
    }

    fn picks(&self) -> Vec<Pick> {
        self.detail
            .as_ref()
            .map(|d| event_lines(d).into_iter().filter_map(|l| l.pick).collect())
            .unwrap_or_default()
    }

    fn acting(&self, on_rows: bool) -> Acting {
        Acting {
            kind: RecordKind::Event,
            child: Some(RecordKind::Coverage),
            on_rows,
            selected: self.selected(),
            text: self.text(),
        }
    }

    fn reload_detail(&mut self, data: &dyn Reader) -> DataResult<()> {
        let id = self.selected_event().map(|e| e.id.clone());
        self.detail = match id {
            Some(id) => Some(data.event(&id)?),
            None => None,
        };
        let picks = self.picks().len();
        self.pick = self.pick.min(picks.saturating_sub(1));
        if self.detail.is_none() && self.focus == Focus::Detail {
            self.focus = Focus::Days;
        }
        Ok(())
    }

    /// Shows `day`: reads its week and month when they are not the ones read (or always, when
    /// `fresh`), keeps the selected event when it is still there, and reads its detail.
    fn go(&mut self, day: NaiveDate, data: &dyn Reader, fresh: bool) -> DataResult<()> {
        let keep = self.selected_event().map(|e| e.id.clone());
        let same_day = self.day == Some(day);
        self.day = Some(day);
        let week = week_start(day);
        if fresh || self.week != Some(week) {
            self.events = data.agenda(week, add_days(week, 7))?;
            self.week = Some(week);
        }
        let (first, end) = month_grid(day);
        if fresh || self.month != Some(first) {
            self.counts = data.agenda_days(first, end)?;
            self.month = Some(first);
        }
        let events = self.day_events(day);
        let kept = keep
            .as_ref()
            .and_then(|id| events.iter().position(|e| &e.id == id));
        let last = events.len().saturating_sub(1);
        self.selected = match kept {
            Some(i) => i,
            None if same_day => self.selected.min(last),
            None => 0,
        };
        // The event whose detail was open is gone (deleted, moved to another day): back to
        // the day, so the next key does not act on another event.
        if keep.is_some() && kept.is_none() && self.focus == Focus::Detail {
            self.focus = Focus::Days;
        }
        self.reload_detail(data)
    }

    fn select_id(&mut self, id: &str) {
        if let Some(day) = self.day {
            if let Some(i) = self.day_events(day).iter().position(|e| e.id == id) {
                self.selected = i;
            }
        }
    }

    /// The selected event on the archive timeline.
    fn in_archive(&self) -> Outcome {
        match self.selected_event() {
            Some(e) => Outcome::Emit(Action::EventInArchive(e.id.clone())),
            None => Outcome::Consumed,
        }
    }

    /// A draft about the selected event.
    fn draft_from(&self) -> Outcome {
        match self.selected_event() {
            Some(e) => Outcome::Emit(Action::DraftFromEvent(e.id.clone())),
            None => Outcome::Consumed,
        }
    }

    fn date(&self, to: DateMove) -> Outcome {
        Outcome::Emit(Action::List(ListCmd::Date(to)))
    }

    fn days_key(&mut self, key: &KeyEvent) -> Outcome {
        let week = |n: i8| DateMove::Days(7 * n as i64);
        match lookup(Scope::Calendar, key) {
            Some(Cmd::Days(n)) => self.date(DateMove::Days(n as i64)),
            Some(Cmd::Weeks(n)) => self.date(week(n)),
            Some(Cmd::Months(n)) => self.date(DateMove::Months(n as i32)),
            Some(Cmd::Today) => self.date(DateMove::Today),
            Some(Cmd::Import) => Outcome::Emit(Action::AskImport),
            Some(Cmd::DraftFrom) => self.draft_from(),
            Some(Cmd::InArchive) => self.in_archive(),
            Some(Cmd::AskDate) => {
                self.prompt = Prompt::default();
                self.focus = Focus::Prompt;
                Outcome::Consumed
            }
            Some(Cmd::Up) if self.mode == Mode::Month => self.date(week(-1)),
            Some(Cmd::Down) if self.mode == Mode::Month => self.date(week(1)),
            Some(Cmd::Up) => Outcome::Emit(Action::List(ListCmd::Nav(Nav::Up))),
            Some(Cmd::Down) => Outcome::Emit(Action::List(ListCmd::Nav(Nav::Down))),
            Some(Cmd::Enter) => {
                match self.mode {
                    Mode::Day if self.detail.is_some() => {
                        self.focus = Focus::Detail;
                        self.pick = 0;
                    }
                    Mode::Day => {}
                    Mode::Week | Mode::Month => self.mode = Mode::Day,
                }
                Outcome::Consumed
            }
            Some(cmd @ (Cmd::New | Cmd::Edit | Cmd::Delete | Cmd::Status | Cmd::Copy)) => {
                act(cmd, self.selected(), self.acting(true))
            }
            _ => Outcome::Ignored,
        }
    }

    fn detail_key(&mut self, key: &KeyEvent) -> Outcome {
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
                self.focus = Focus::Days;
                Outcome::Consumed
            }
            Some(
                cmd @ (Cmd::Enter | Cmd::New | Cmd::Edit | Cmd::Delete | Cmd::Status | Cmd::Copy),
            ) => act(cmd, picks.get(self.pick).cloned(), self.acting(false)),
            // The event's own keys that are not a detail's: a draft from it.
            _ if lookup(Scope::Calendar, key) == Some(Cmd::DraftFrom) => self.draft_from(),
            _ if lookup(Scope::Calendar, key) == Some(Cmd::InArchive) => self.in_archive(),
            _ => Outcome::Ignored,
        }
    }

    fn prompt_key(&mut self, key: &KeyEvent) -> Outcome {
        match lookup(Scope::DatePrompt, key) {
            Some(Cmd::Enter) => return self.date(DateMove::Typed(self.prompt.text.clone())),
            Some(Cmd::Cancel) => {
                self.prompt = Prompt::default();
                self.focus = Focus::Days;
                return Outcome::Consumed;
            }
            _ => {}
        }
        let text = &mut self.prompt.text;
        match key.code {
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => text.clear(),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                text.push(c)
            }
            _ => return Outcome::Consumed,
        }
        self.prompt.error = None;
        Outcome::Consumed
    }
}

impl Pane for Calendar {
    fn list(&self) -> ListId {
        ListId::Events
    }

    fn kind(&self) -> RecordKind {
        RecordKind::Event
    }

    fn title(&self) -> Msg {
        self.mode.title()
    }

    fn scope(&self) -> Scope {
        match self.focus {
            Focus::Days => Scope::Calendar,
            Focus::Detail => Scope::Detail,
            Focus::Prompt => Scope::DatePrompt,
        }
    }

    fn is_loaded(&self) -> bool {
        self.week.is_some()
    }

    fn query(&self) -> &Query {
        &self.query
    }

    fn filters(&self) -> FilterSpec {
        FilterSpec::default()
    }

    fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        match self.focus {
            Focus::Days => self.days_key(key),
            Focus::Detail => self.detail_key(key),
            Focus::Prompt => self.prompt_key(key),
        }
    }

    fn paste(&mut self, text: &str) -> Outcome {
        if self.focus != Focus::Prompt {
            return Outcome::Ignored;
        }
        let line = text.lines().next().unwrap_or("");
        self.prompt
            .text
            .extend(line.chars().map(|c| if c.is_control() { ' ' } else { c }));
        self.prompt.error = None;
        Outcome::Consumed
    }

    fn apply(&mut self, cmd: &ListCmd, data: &dyn Reader, ctx: &Ctx) -> DataResult<()> {
        let today = ctx.now.date();
        let day = self.day_or(today);
        match cmd {
            ListCmd::Load if self.is_loaded() => Ok(()),
            ListCmd::Load => self.go(day, data, true),
            ListCmd::Reload if !self.is_loaded() => Ok(()),
            ListCmd::Reload => self.go(day, data, true),
            ListCmd::Nav(nav) => {
                let last = self.day_events(day).len().saturating_sub(1);
                self.selected = match nav {
                    Nav::Up => self.selected.saturating_sub(1),
                    Nav::Down => (self.selected + 1).min(last),
                    Nav::Home | Nav::PageUp => 0,
                    Nav::End | Nav::PageDown => last,
                };
                self.pick = 0;
                self.reload_detail(data)
            }
            ListCmd::Date(to) => {
                let target = match to {
                    DateMove::Days(n) => add_days(day, *n),
                    DateMove::Months(n) => add_months(day, *n),
                    DateMove::Today => today,
                    DateMove::Typed(text) => match parse_date(text, today) {
                        Some(d) => {
                            self.prompt = Prompt::default();
                            self.focus = Focus::Days;
                            d
                        }
                        None => {
                            self.prompt.error = Some(tf(Msg::DateBad, &[&text.trim()]));
                            return Ok(());
                        }
                    },
                };
                self.go(target, data, false)
            }
            ListCmd::Select(key) | ListCmd::Reveal(key) => {
                let Some(target) = date_of(&key.primary) else {
                    return Ok(());
                };
                self.focus = Focus::Days;
                self.go(target, data, false)?;
                self.select_id(&key.id);
                self.reload_detail(data)
            }
            ListCmd::Search(_)
            | ListCmd::SearchText(_)
            | ListCmd::Filters(_)
            | ListCmd::ClearQuery => Ok(()),
        }
    }

    fn selected(&self) -> Option<Pick> {
        self.selected_event().map(|e| {
            Pick::new(
                Role::Own,
                Target::new(RecordKind::Event, e.id.clone()),
                e.title.clone(),
            )
            .status(e.status.code())
        })
    }

    fn current(&self) -> Option<Pick> {
        match self.focus {
            Focus::Detail => self.picks().get(self.pick).cloned(),
            _ => self.selected(),
        }
    }

    fn text(&self) -> Option<String> {
        self.detail.as_ref().map(|d| lines_text(&event_lines(d)))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, views: &[Msg], view: usize) {
        super::draw::calendar(self, frame, area, ctx, views, view);
    }
}
