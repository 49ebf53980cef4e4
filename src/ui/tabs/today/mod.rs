//! Hoy, the first screen: the morning meeting's briefing, read for the day — the agenda with
//! who covers it (nobody first), tomorrow folded, what is to approve, to publish, to review,
//! who owes information, what the media asked, what went out yesterday — every line leading
//! with Enter to its record in its tab. Its second view, Balance, sets each department's
//! publications this month against the month before. Not a paged list: the briefing is a few
//! dozen lines, read whole through the [`Reader`] and again whenever the data changes.
mod balance;
mod draw;
mod keys;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

use crate::brief::{self, Link, SectionId};
use crate::domain::briefing::Briefing;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::i18n::{short_date, t, tf, Msg};
use crate::ui::action::{Action, ListCmd, Outcome};
use crate::ui::data::{DataResult, Reader};
use crate::ui::keys::{lookup, Cmd, Scope};
use crate::ui::list::whole::{self, Whole};
use crate::ui::list::{Ctx, FilterSpec, Pane, Pick, Role};
use crate::ui::paged::Nav;
use crate::ui::tabs::Page;
pub use keys::KEYS;

/// What a selectable line of Hoy does with Enter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Open(Link),
    /// Unfold (or fold) tomorrow's events.
    Tomorrow,
}

/// Which of the two views a pane is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Briefing,
    Balance,
}

/// One view of Hoy: the briefing, read for a day, and the line selected.
#[derive(Debug, Default)]
pub struct BriefPane {
    pub mode: Mode,
    pub briefing: Option<Briefing>,
    pub selected: usize,
    /// Tomorrow's events shown (they start folded).
    pub tomorrow_open: bool,
    /// Hoy has no search: always empty.
    query: Query,
}

/// The Hoy tab: the briefing and the balance.
#[derive(Debug)]
pub struct Today {
    pub view: usize,
    pub briefing: BriefPane,
    pub balance: BriefPane,
}

impl Default for Today {
    fn default() -> Today {
        Today {
            view: 0,
            briefing: BriefPane::default(),
            balance: BriefPane {
                mode: Mode::Balance,
                ..BriefPane::default()
            },
        }
    }
}

impl Page for Today {
    fn views(&self) -> &'static [Msg] {
        &[Msg::ViewBriefing, Msg::ViewBalance]
    }

    fn view(&self) -> usize {
        self.view
    }

    fn set_view(&mut self, view: usize) {
        self.view = view.min(1);
    }

    fn panes(&self) -> Vec<&dyn Pane> {
        vec![&self.briefing, &self.balance]
    }

    fn panes_mut(&mut self) -> Vec<&mut dyn Pane> {
        vec![&mut self.briefing, &mut self.balance]
    }
}

impl BriefPane {
    /// What each selectable line does, in order.
    pub fn steps(&self) -> Vec<Step> {
        let Some(b) = &self.briefing else {
            return Vec::new();
        };
        match self.mode {
            Mode::Briefing => draw::briefing_lines(b, self.tomorrow_open)
                .into_iter()
                .filter_map(|l| l.step)
                .collect(),
            Mode::Balance => b
                .balance
                .iter()
                .map(|r| {
                    Step::Open(Link::Record(Target::new(
                        RecordKind::Department,
                        r.department_id.clone(),
                    )))
                })
                .collect(),
        }
    }

    fn enter(&mut self) -> Outcome {
        match self.steps().get(self.selected) {
            Some(Step::Tomorrow) => {
                self.tomorrow_open = !self.tomorrow_open;
                // The heading stays selected, wherever the events moved the lines.
                if let Some(i) = self.steps().iter().position(|s| *s == Step::Tomorrow) {
                    self.selected = i;
                }
                Outcome::Consumed
            }
            Some(Step::Open(Link::Record(target))) => {
                Outcome::Emit(Action::OpenLink(target.clone()))
            }
            Some(Step::Open(Link::Conflicts)) => Outcome::Emit(Action::OpenConflicts),
            Some(Step::Open(Link::List(kind, filters))) => {
                Outcome::Emit(Action::OpenList(*kind, filters.as_ref().clone()))
            }
            None => Outcome::Consumed,
        }
    }

    /// Selects the first line of a section (tests and the first look at the screen).
    pub fn select_section(&mut self, id: SectionId) {
        let Some(b) = &self.briefing else { return };
        let lines = draw::briefing_lines(b, self.tomorrow_open);
        let mut unit = 0;
        for l in lines {
            if l.step.is_some() {
                if l.section == Some(id) {
                    self.selected = unit;
                    return;
                }
                unit += 1;
            }
        }
    }
}

impl Whole for BriefPane {
    fn read_on(&self) -> Option<NaiveDate> {
        self.briefing.as_ref().map(|b| b.date)
    }

    fn read(&mut self, data: &dyn Reader, day: NaiveDate) -> DataResult<()> {
        let first = self.briefing.is_none();
        let keep = self.steps().get(self.selected).cloned();
        self.briefing = Some(data.briefing(day)?);
        let steps = self.steps();
        if let Some(i) = keep.and_then(|k| steps.iter().position(|s| *s == k)) {
            self.selected = i;
        }
        if first {
            self.selected = 0;
        }
        self.selected = self.selected.min(steps.len().saturating_sub(1));
        Ok(())
    }

    /// A page is half the screen's lines: an event takes two.
    fn nav(&mut self, nav: Nav, page: usize) {
        self.selected = nav.within(self.selected, self.steps().len(), page / 2);
    }
}

impl Pane for BriefPane {
    fn list(&self) -> ListId {
        match self.mode {
            Mode::Briefing => ListId::Briefing,
            Mode::Balance => ListId::Balance,
        }
    }

    fn kind(&self) -> RecordKind {
        RecordKind::Event
    }

    fn title(&self) -> Msg {
        match self.mode {
            Mode::Briefing => Msg::ViewBriefing,
            Mode::Balance => Msg::ViewBalance,
        }
    }

    fn scope(&self) -> Scope {
        Scope::Today
    }

    fn is_loaded(&self) -> bool {
        self.briefing.is_some()
    }

    fn query(&self) -> &Query {
        &self.query
    }

    fn filters(&self) -> FilterSpec {
        FilterSpec::default()
    }

    fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        let cmd = lookup(Scope::Today, key);
        if let Some(moved) = whole::moving(self, cmd) {
            return moved;
        }
        match cmd {
            Some(Cmd::Enter) => self.enter(),
            Some(Cmd::Copy) => match (self.text(), self.read_on()) {
                (Some(text), Some(day)) => Outcome::Emit(Action::Copy(
                    text,
                    tf(Msg::BriefCopyName, &[&short_date(day)]),
                )),
                _ => Outcome::Consumed,
            },
            _ => Outcome::Ignored,
        }
    }

    fn paste(&mut self, _text: &str) -> Outcome {
        Outcome::Ignored
    }

    fn apply(&mut self, cmd: &ListCmd, data: &dyn Reader, ctx: &Ctx) -> DataResult<()> {
        whole::apply(self, cmd, data, ctx)
    }

    fn selected(&self) -> Option<Pick> {
        match self.steps().get(self.selected)? {
            Step::Open(Link::Record(target)) => {
                Some(Pick::new(Role::Link, target.clone(), t(Msg::ViewBriefing)))
            }
            _ => None,
        }
    }

    fn current(&self) -> Option<Pick> {
        self.selected()
    }

    /// The briefing as `prensa resumen --formato md` prints it, to paste into WhatsApp.
    fn text(&self) -> Option<String> {
        self.briefing.as_ref().map(brief::markdown::render)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _ctx: &Ctx, views: &[Msg], view: usize) {
        match self.mode {
            Mode::Briefing => draw::briefing(self, frame, area, views, view),
            Mode::Balance => balance::draw(self, frame, area, views, view),
        }
    }
}
