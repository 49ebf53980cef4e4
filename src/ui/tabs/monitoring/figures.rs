//! Monitoreo's figures, Cifras and Alcance: a view read whole for a day (Alcance, for a month
//! of it) and drawn as lines — what each says is in `cifras` and `alcance` — with the line
//! selected leading to its outlet, department or publication. Aggregates only: public opinion
//! is sensitive personal data. Read through the [`Reader`] and again whenever the data changes.
use chrono::{Datelike, NaiveDate};
use crossterm::event::KeyCode::*;
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use super::alcance::{reach_head, reach_lines, MONTHS_BACK};
use super::cifras::{other_lines, period_line, tone_lines};
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::MonitoringFigures;
use crate::domain::query::{ListId, Query};
use crate::domain::reach::ReachTotals;
use crate::domain::SortKey;
use crate::i18n::{short_date, t, tf, Msg};
use crate::ui::action::{Action, ListCmd, Outcome};
use crate::ui::data::{DataResult, Reader};
use crate::ui::keys::{lookup, Binding, Cmd, Scope, EDGES, NONE, PAGES, SHIFT, UP_DOWN};
use crate::ui::list::whole::{self, Whole};
use crate::ui::list::{focus_style, title_line, Ctx, FilterSpec, Pane, Pick, Role};
use crate::ui::paged::Nav;
use crate::ui::tabs::agenda::scroll_to;

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Monitor,
        keys: UP_DOWN,
        label: Msg::KeyUpDown,
        help: Msg::HelpMonitorMove,
        in_bar: true,
    },
    Binding {
        scope: Scope::Monitor,
        keys: PAGES,
        label: Msg::KeyPages,
        help: Msg::HelpPage,
        in_bar: false,
    },
    Binding {
        scope: Scope::Monitor,
        keys: EDGES,
        label: Msg::KeyEdges,
        help: Msg::HelpEdges,
        in_bar: false,
    },
    Binding {
        scope: Scope::Monitor,
        keys: &[(Enter, NONE, Cmd::Enter)],
        label: Msg::KeyEnter,
        help: Msg::HelpMonitorOpen,
        in_bar: true,
    },
    Binding {
        scope: Scope::Monitor,
        keys: &[
            (Char('<'), NONE, Cmd::Months(-1)),
            (Char('>'), NONE, Cmd::Months(1)),
        ],
        label: Msg::KeyMonths,
        help: Msg::HelpReachMonth,
        in_bar: false,
    },
    Binding {
        scope: Scope::Monitor,
        keys: &[
            (Char('I'), SHIFT, Cmd::Import),
            (Char('I'), NONE, Cmd::Import),
        ],
        label: Msg::KeyImport,
        help: Msg::HelpImportReach,
        in_bar: false,
    },
    Binding {
        scope: Scope::Monitor,
        keys: &[(Char('y'), NONE, Cmd::Copy)],
        label: Msg::KeyY,
        help: Msg::HelpMonitorCopy,
        in_bar: false,
    },
];

/// From this width (inside the frame) the tone chart stands beside the other figures.
const BESIDE: u16 = 100;
/// The widest a bar is drawn.
pub(super) const BAR: usize = 24;
/// The name column of outlets, topics and departments.
pub(super) const NAME: usize = 18;

/// Which figures a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Board {
    /// Coverage and questions of the last twelve weeks (Cifras).
    #[default]
    Figures,
    /// What the networks' insights said of a month's publications (Alcance).
    Reach,
}

/// A view of figures: read for a day (Alcance, for a month of it); the line selected.
#[derive(Debug, Default)]
pub struct MonitorFigures {
    pub board: Board,
    pub figures: Option<MonitoringFigures>,
    pub reach: Option<ReachTotals>,
    /// Months before the day's that Alcance shows.
    pub months_back: u32,
    pub day: Option<NaiveDate>,
    /// The selected line (of them all, in one column).
    pub selected: usize,
    /// The figures have no search: always empty.
    query: Query,
}

/// One line of the figures, and the record Enter opens from it.
#[derive(Debug, Clone)]
pub struct FigureLine {
    pub line: Line<'static>,
    pub target: Option<Target>,
    /// What the target is called.
    pub name: String,
}

pub(super) fn plain(line: Line<'static>) -> FigureLine {
    FigureLine {
        line,
        target: None,
        name: String::new(),
    }
}

/// A line that leads to `target`, called `name`.
pub(super) fn leading(line: Line<'static>, target: Option<Target>, name: &str) -> FigureLine {
    FigureLine {
        line,
        target,
        name: name.to_owned(),
    }
}

pub(super) fn heading(title: Msg, note: String) -> FigureLine {
    let mut spans = vec![Span::styled(t(title).to_uppercase(), Style::new().bold())];
    if !note.is_empty() {
        spans.push(Span::raw(" — "));
        spans.push(Span::raw(note));
    }
    plain(Line::from(spans))
}

impl MonitorFigures {
    pub fn reach() -> MonitorFigures {
        MonitorFigures {
            board: Board::Reach,
            ..MonitorFigures::default()
        }
    }

    /// Every line in one column (a narrow screen, the clipboard).
    pub fn all_lines(&self, width: usize) -> Vec<FigureLine> {
        match (self.board, &self.figures, &self.reach) {
            (Board::Figures, Some(f), _) => {
                let mut out = tone_lines(f, width);
                out.push(plain(Line::default()));
                out.extend(other_lines(f, width));
                out
            }
            (Board::Reach, _, Some(r)) => reach_lines(r, width),
            _ => Vec::new(),
        }
    }

    /// The month Alcance shows, `YYYY-MM`.
    fn month(&self, day: NaiveDate) -> String {
        let first = day.with_day(1).unwrap_or(day);
        let month = first
            .checked_sub_months(chrono::Months::new(self.months_back))
            .unwrap_or(first);
        month.format("%Y-%m").to_string()
    }

    /// The first line: the period in words.
    fn head(&self) -> Line<'static> {
        match (self.board, &self.figures, &self.reach) {
            (Board::Figures, Some(f), _) => period_line(f),
            (Board::Reach, _, Some(r)) => reach_head(r),
            _ => Line::default(),
        }
    }

    /// Where each line leads (none for most).
    fn targets(&self) -> Vec<Option<Target>> {
        self.all_lines(80).into_iter().map(|l| l.target).collect()
    }

    /// The record the selected line leads to.
    fn target(&self) -> Option<Target> {
        self.targets().into_iter().nth(self.selected).flatten()
    }
}

impl Whole for MonitorFigures {
    fn read_on(&self) -> Option<NaiveDate> {
        self.day
    }

    fn read(&mut self, data: &dyn Reader, day: NaiveDate) -> DataResult<()> {
        match self.board {
            Board::Figures => self.figures = Some(data.monitoring_figures(day)?),
            Board::Reach => self.reach = Some(data.reach_totals(&self.month(day))?),
        }
        self.day = Some(day);
        self.selected = self.selected.min(self.targets().len().saturating_sub(1));
        Ok(())
    }

    fn nav(&mut self, nav: Nav, page: usize) {
        self.selected = nav.within(self.selected, self.targets().len(), page);
    }

    fn select(&mut self, key: &SortKey) {
        let at = self
            .targets()
            .iter()
            .position(|t| t.as_ref().is_some_and(|t| t.id == key.id));
        if let Some(i) = at {
            self.selected = i;
        }
    }
}

impl Pane for MonitorFigures {
    fn list(&self) -> ListId {
        match self.board {
            Board::Figures => ListId::Monitor,
            Board::Reach => ListId::Reach,
        }
    }

    fn kind(&self) -> RecordKind {
        RecordKind::Clipping
    }

    fn title(&self) -> Msg {
        match self.board {
            Board::Figures => Msg::ViewFigures,
            Board::Reach => Msg::ViewReach,
        }
    }

    fn scope(&self) -> Scope {
        Scope::Monitor
    }

    fn is_loaded(&self) -> bool {
        self.day.is_some()
    }

    fn query(&self) -> &Query {
        &self.query
    }

    fn filters(&self) -> FilterSpec {
        FilterSpec::default()
    }

    fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        let cmd = lookup(Scope::Monitor, key);
        if let Some(moved) = whole::moving(self, cmd) {
            return moved;
        }
        match cmd {
            // Another month: read again (the app reloads the view shown).
            Some(Cmd::Months(n)) if self.board == Board::Reach => {
                self.months_back = if n < 0 {
                    self.months_back.saturating_add(1).min(MONTHS_BACK)
                } else {
                    self.months_back.saturating_sub(1)
                };
                self.selected = 0;
                Outcome::Emit(Action::List(ListCmd::Reload))
            }
            Some(Cmd::Import) => Outcome::Emit(Action::AskImportReach),
            Some(Cmd::Enter) => match self.target() {
                Some(target) => Outcome::Emit(Action::OpenLink(target)),
                None => Outcome::Consumed,
            },
            Some(Cmd::Copy) => match (self.text(), self.day) {
                (Some(text), Some(day)) => Outcome::Emit(Action::Copy(
                    text,
                    match self.board {
                        Board::Figures => tf(Msg::MonCopyName, &[&short_date(day)]),
                        Board::Reach => tf(Msg::ReachCopyName, &[&self.month(day)]),
                    },
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
        let target = self.target()?;
        let name = self
            .all_lines(80)
            .into_iter()
            .nth(self.selected)
            .map(|l| l.name)
            .unwrap_or_default();
        Some(Pick::new(Role::Link, target, name))
    }

    fn current(&self) -> Option<Pick> {
        self.selected()
    }

    /// The figures as text, for the clipboard.
    fn text(&self) -> Option<String> {
        self.day?;
        let mut out = vec![self
            .head()
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect::<String>()];
        out.extend(self.all_lines(80).iter().map(|l| {
            l.line
                .spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                .trim_end()
                .to_owned()
        }));
        Some(out.join("\n"))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _ctx: &Ctx, views: &[Msg], view: usize) {
        let block = Block::bordered()
            .border_style(focus_style(true))
            .title(title_line(
                views,
                view,
                self.title(),
                &Query::default(),
                None,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.is_empty() {
            return;
        }
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        frame.render_widget(Paragraph::new(self.head()), head);
        let figures = self
            .figures
            .as_ref()
            .filter(|_| self.board == Board::Figures);
        if let (Some(f), true) = (figures, body.width >= BESIDE) {
            let [left, _, right] = Layout::horizontal([
                Constraint::Percentage(45),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(body);
            let tone = tone_lines(f, left.width as usize);
            // The right column's lines follow the tone's and a blank line in the one column.
            let after = tone.len() + 1;
            let left_at = (self.selected < tone.len()).then_some(self.selected);
            column(frame, left, tone, left_at);
            let right_at = self.selected.checked_sub(after);
            column(frame, right, other_lines(f, right.width as usize), right_at);
        } else {
            let lines = self.all_lines(body.width as usize);
            column(frame, body, lines, Some(self.selected));
        }
    }
}

/// Lines in an area, scrolled so that the selected one shows, which is reversed.
fn column(frame: &mut Frame, area: Rect, lines: Vec<FigureLine>, at: Option<usize>) {
    let top = at.map_or(0, |i| scroll_to(i, i + 1, area.height as usize));
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if Some(i) == at {
                l.line.add_modifier(Modifier::REVERSED)
            } else {
                l.line
            }
        })
        .skip(top)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
