//! Cifras de Monitoreo: the last twelve weeks as the morning meeting reads them — the tone of
//! the coverage week by week (a bar each, its parts marked by shade and said in numbers),
//! negative notes answered, citizens' questions answered and the median time to answer, how
//! often each outlet picked up the office's boletines, and the questions by topic and by
//! department. Aggregates only: public opinion is sensitive personal data. Not a paged list:
//! read whole through the [`Reader`] and again whenever the data changes.
use chrono::{Datelike, NaiveDate};
use crossterm::event::KeyCode::*;
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use crate::brief::bar;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::{MonitoringFigures, Tally, ToneWeek, WEEKS};
use crate::domain::query::{ListId, Query};
use crate::domain::reach::{ReachLine, ReachTotals};
use crate::domain::status::Channel;
use crate::domain::text::fit;
use crate::domain::SortKey;
use crate::i18n::labels::Label;
use crate::i18n::{month_year, number, short_date, stamp, t, tf, Msg};
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
const BAR: usize = 24;
/// The name column of outlets, topics and departments.
const NAME: usize = 18;

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

fn plain(line: Line<'static>) -> FigureLine {
    FigureLine {
        line,
        target: None,
        name: String::new(),
    }
}

/// A line that leads to `target`, called `name`.
fn leading(line: Line<'static>, target: Option<Target>, name: &str) -> FigureLine {
    FigureLine {
        line,
        target,
        name: name.to_owned(),
    }
}

fn heading(title: Msg, note: String) -> FigureLine {
    let mut spans = vec![Span::styled(t(title).to_uppercase(), Style::new().bold())];
    if !note.is_empty() {
        spans.push(Span::raw(" — "));
        spans.push(Span::raw(note));
    }
    plain(Line::from(spans))
}

/// "5 h 20 min", "2 d 3 h", "15 min".
pub fn duration_text(minutes: i64) -> String {
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (d, h) {
        (0, 0) => format!("{m} min"),
        (0, _) => format!("{h} h {m} min"),
        _ => format!("{d} d {h} h"),
    }
}

/// A week's bar: positive, neutral and negative in three shades (and in numbers beside it).
fn tone_bar(w: &ToneWeek, max: u64, width: usize) -> Vec<Span<'static>> {
    let cells = |n: u64| -> usize {
        if max == 0 || n == 0 {
            0
        } else {
            ((n as usize * width + max as usize / 2) / max as usize).max(1)
        }
    };
    let (p, n, g) = (cells(w.positive), cells(w.neutral), cells(w.negative));
    let pad = width.saturating_sub(p + n + g);
    vec![
        Span::styled("█".repeat(p), Style::new().fg(Color::Green)),
        Span::styled("▒".repeat(n), Style::new().fg(Color::Gray)),
        Span::styled("░".repeat(g), Style::new().fg(Color::Red)),
        Span::raw(" ".repeat(pad)),
    ]
}

/// The tone chart: a heading with the key, a line per week, and the negatives answered.
pub fn tone_lines(f: &MonitoringFigures, width: usize) -> Vec<FigureLine> {
    let mut out = vec![
        heading(Msg::MonTone, String::new()),
        plain(Line::from(t(Msg::MonToneKey)).dim()),
    ];
    let max = f.weeks.iter().map(ToneWeek::total).max().unwrap_or(0);
    // "16 dic  " then the bar, then "+5 =3 −1".
    let bar_width = width.saturating_sub(8 + 14).clamp(4, BAR);
    for w in &f.weeks {
        let mut spans = vec![Span::raw(format!(
            "{:<8}",
            w.week
                .map(|d| d.format("%d/%m").to_string())
                .unwrap_or_default()
        ))];
        spans.extend(tone_bar(w, max, bar_width));
        spans.push(Span::raw(format!(
            " +{} ={} −{}",
            w.positive, w.neutral, w.negative
        )));
        out.push(plain(Line::from(spans)));
    }
    let missing = f.negative - f.negative_answered.min(f.negative);
    let note = tf(
        Msg::MonNegatives,
        &[
            &number(f.negative),
            &number(f.negative_answered),
            &f.negative_rate(),
        ],
    );
    out.push(plain(Line::from(note)));
    if missing > 0 {
        out.push(plain(Line::styled(
            format!("  {}", tf(Msg::MonNegativesMissing, &[&number(missing)])),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )));
    }
    out
}

fn tally_lines(
    title: Msg,
    tallies: &[Tally],
    (kind, unnamed): (Option<RecordKind>, Msg),
    width: usize,
) -> Vec<FigureLine> {
    let mut out = vec![heading(title, String::new())];
    if tallies.is_empty() {
        out.push(plain(Line::from(format!("  {}", t(Msg::MonNothing))).dim()));
        return out;
    }
    let max = tallies.iter().map(|x| x.count).max().unwrap_or(0);
    let bar_width = width.saturating_sub(NAME + 2 + 16).clamp(4, BAR);
    for x in tallies {
        let name = if x.name.is_empty() {
            t(unnamed).to_owned()
        } else {
            x.name.clone()
        };
        let mut text = format!(
            "  {:<NAME$} {:<bar_width$} {}",
            fit(&name, NAME),
            bar(x.count, max, bar_width),
            number(x.count)
        );
        match x.waiting {
            0 => {}
            1 => text.push_str(&format!(" ({})", t(Msg::MonWaitingOne))),
            n => text.push_str(&format!(" ({})", tf(Msg::MonWaiting, &[&number(n)]))),
        }
        let target = match (kind, &x.id) {
            (Some(kind), Some(id)) => Some(Target::new(kind, id.clone())),
            _ => None,
        };
        out.push(leading(Line::from(text), target, &name));
    }
    out
}

/// The questions, the boletines picked up, and the questions by topic and department.
pub fn other_lines(f: &MonitoringFigures, width: usize) -> Vec<FigureLine> {
    let mut out = vec![heading(Msg::MonQuestions, String::new())];
    out.push(plain(Line::from(format!(
        "  {}",
        tf(
            Msg::MonAskedClosed,
            &[
                &number(f.asked),
                &number(f.answered),
                &f.answered_rate(),
                &number(f.closed),
                &number(f.waiting),
            ],
        )
    ))));
    let median = f
        .median_minutes
        .map(duration_text)
        .unwrap_or_else(|| t(Msg::FiguresNone).to_owned());
    out.push(plain(Line::from(vec![
        Span::raw(format!("  {}: ", t(Msg::MonMedian))),
        Span::styled(median, Style::new().bold()),
    ])));
    out.push(plain(Line::default()));
    out.push(heading(
        Msg::MonPickUp,
        tf(Msg::MonBoletines, &[&number(f.boletines)]),
    ));
    if f.pick_ups.is_empty() {
        out.push(plain(
            Line::from(format!("  {}", t(Msg::MonNoPickUp))).dim(),
        ));
    }
    let bar_width = width.saturating_sub(NAME + 2 + 16).clamp(4, BAR);
    for p in &f.pick_ups {
        let text = format!(
            "  {:<NAME$} {:<bar_width$} {}",
            fit(&p.name, NAME),
            bar(p.quoted, f.boletines, bar_width),
            tf(
                Msg::MonPickUpRate,
                &[&number(p.quoted), &number(f.boletines), &f.rate(p)],
            )
        );
        out.push(leading(Line::from(text), Some(p.outlet.clone()), &p.name));
    }
    out.push(plain(Line::default()));
    out.extend(tally_lines(
        Msg::MonByTopic,
        &f.by_topic,
        (None, Msg::MonUnnamed),
        width,
    ));
    out.push(plain(Line::default()));
    out.extend(tally_lines(
        Msg::MonByDepartment,
        &f.by_department,
        (Some(RecordKind::Department), Msg::NotRouted),
        width,
    ));
    out
}

/// The period in words: "Últimas 12 semanas: 16 dic – 9 mar".
fn period_line(f: &MonitoringFigures) -> Line<'static> {
    let from = f
        .weeks
        .first()
        .and_then(|w| w.week)
        .map(short_date)
        .unwrap_or_default();
    let to = f.today.map(short_date).unwrap_or_default();
    Line::from(tf(Msg::MonPeriod, &[&WEEKS, &from, &to])).bold()
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

/// How far back Alcance goes: two years of months.
const MONTHS_BACK: u32 = 24;

/// "Alcance en redes: noviembre de 2026 · 42 publicaciones con datos".
fn reach_head(r: &ReachTotals) -> Line<'static> {
    let month = NaiveDate::parse_from_str(&format!("{}-01", r.month), "%Y-%m-%d")
        .map(month_year)
        .unwrap_or_else(|_| r.month.clone());
    Line::from(tf(
        Msg::ReachHead,
        &[&month, &number(r.total.publications.max(0) as u64)],
    ))
    .bold()
}

fn reach_figures(l: &ReachLine) -> String {
    tf(
        Msg::ReachFigures,
        &[
            &number(l.reactions.max(0) as u64),
            &number(l.comments.max(0) as u64),
            &number(l.shares.max(0) as u64),
        ],
    )
}

/// A month's reach: the total, then per department, campaign and channel (a bar each, to the
/// largest), then the publications that reached furthest.
pub fn reach_lines(r: &ReachTotals, width: usize) -> Vec<FigureLine> {
    let mut out = Vec::new();
    if r.total.publications <= 0 {
        let lines = crate::brief::text::wrap(t(Msg::ReachNothing), width.max(20));
        out.extend(lines.into_iter().map(|l| plain(Line::from(l).dim())));
        return out;
    }
    out.push(plain(Line::from(vec![
        Span::raw(format!("{}: ", t(Msg::ReachTotal))),
        Span::styled(number(r.total.reach.max(0) as u64), Style::new().bold()),
    ])));
    out.push(plain(Line::from(format!("  {}", reach_figures(&r.total)))));
    let bar_width = width.saturating_sub(NAME + 2 + 26).clamp(4, BAR);
    let groups = [
        (
            Msg::ReachByDepartment,
            &r.departments,
            Some(RecordKind::Department),
            Msg::NotRouted,
        ),
        (
            Msg::ReachByCampaign,
            &r.campaigns,
            Some(RecordKind::Campaign),
            Msg::ReachNoCampaign,
        ),
        (Msg::ReachByChannel, &r.channels, None, Msg::ReachNoChannel),
    ];
    for (title, lines, kind, unnamed) in groups {
        out.push(plain(Line::default()));
        out.push(heading(title, String::new()));
        let max = lines
            .iter()
            .map(|l| l.reach.max(0) as u64)
            .max()
            .unwrap_or(0);
        for l in lines.iter() {
            let name = match (kind, l.label.is_empty()) {
                (_, true) => t(unnamed).to_owned(),
                // A channel by its name.
                (None, false) => Channel::from_code(&l.label)
                    .map(|c| c.label().to_owned())
                    .unwrap_or_else(|| l.label.clone()),
                (Some(_), false) => l.label.clone(),
            };
            let text = format!(
                "  {:<NAME$} {:<bar_width$} {} ({})",
                fit(&name, NAME),
                bar(l.reach.max(0) as u64, max, bar_width),
                number(l.reach.max(0) as u64),
                tf(
                    Msg::ReachPublications,
                    &[&number(l.publications.max(0) as u64)]
                ),
            );
            let target = kind
                .filter(|_| !l.key.is_empty())
                .map(|k| Target::new(k, l.key.clone()));
            out.push(leading(Line::from(text), target, &name));
        }
    }
    out.push(plain(Line::default()));
    out.push(heading(Msg::ReachTop, String::new()));
    for p in &r.top {
        let text = format!(
            "  {:<11} {:<9} {} — {}",
            stamp(&p.published_at),
            Channel::from_code(&p.channel)
                .map(|c| c.label().to_owned())
                .unwrap_or_else(|| p.channel.clone()),
            fit(&p.title, width.saturating_sub(40).max(12)),
            number(p.figures.reach.unwrap_or(0).max(0) as u64),
        );
        out.push(leading(
            Line::from(text),
            Some(Target::new(RecordKind::Publication, p.id.clone())),
            &p.title,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::duration_text;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_text(15), "15 min");
        assert_eq!(duration_text(320), "5 h 20 min");
        assert_eq!(duration_text(3060), "2 d 3 h");
    }
}
