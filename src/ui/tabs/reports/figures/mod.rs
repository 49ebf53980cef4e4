//! Cifras, the Reportes tab's fourth view: each department's figures on the day — its latest
//! report, this month's reports, its pending and overdue requests, the median days it takes to
//! answer — with a bar chart of this month's reports. Not a paged list: the rows are few (one
//! per department), read whole through the [`Reader`] and again whenever the data changes.
mod draw;
mod keys;

use chrono::{Datelike, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

use crate::domain::edit::{RecordKind, Target};
use crate::domain::figures::{totals, DepartmentFigures, FiguresTotals};
use crate::domain::query::{ListId, Query};
use crate::domain::SortKey;
use crate::i18n::{month_name, month_year, number, stamp, t, tf, Msg};
use crate::ui::action::{Action, ListCmd, Outcome};
use crate::ui::data::{DataResult, Reader};
use crate::ui::keys::{lookup, Cmd, Scope};
use crate::ui::list::whole::{self, Whole};
use crate::ui::list::{Ctx, FilterSpec, Pane, Pick, Role};
use crate::ui::paged::Nav;
pub use keys::KEYS;

/// The Cifras view: the departments' figures, read for a day, and the one selected.
#[derive(Debug, Default)]
pub struct Figures {
    pub rows: Vec<DepartmentFigures>,
    pub selected: usize,
    /// The day the figures were read for (none until the view is first shown).
    pub day: Option<NaiveDate>,
    /// The figures have no search: always empty.
    query: Query,
}

/// When the latest report came, or a dash.
pub fn last_report_text(f: &DepartmentFigures) -> String {
    match &f.last_report {
        Some(at) => stamp(at),
        None => t(Msg::FiguresNone).to_owned(),
    }
}

/// A median of days: "3", "4.5", or a dash when nothing was ever answered.
pub fn median_text(days: Option<f64>) -> String {
    match days {
        Some(d) if d.fract() == 0.0 => format!("{d:.0}"),
        Some(d) => format!("{d:.1}"),
        None => t(Msg::FiguresNone).to_owned(),
    }
}

/// Overdue requests, said with a mark when there are any (so it does not rest on colour).
pub fn overdue_text(n: u32) -> String {
    if n > 0 {
        tf(Msg::FiguresOverdueCell, &[&n])
    } else {
        n.to_string()
    }
}

fn counted(n: u64, one: Msg, many: Msg) -> String {
    if n == 1 {
        t(one).to_owned()
    } else {
        tf(many, &[&number(n)])
    }
}

/// "20 áreas · 2 reportes este mes · 5 solicitudes vencidas", in its three parts.
pub fn summary(totals: &FiguresTotals) -> [String; 3] {
    [
        counted(
            totals.departments as u64,
            Msg::FiguresAreasOne,
            Msg::FiguresAreas,
        ),
        counted(
            totals.this_month,
            Msg::FiguresReportsOne,
            Msg::FiguresReports,
        ),
        counted(totals.overdue, Msg::FiguresOverdueOne, Msg::FiguresOverdue),
    ]
}

/// The table's columns, in order.
pub const COLUMNS: [Msg; 6] = [
    Msg::ColArea,
    Msg::ColLastReport,
    Msg::ColThisMonth,
    Msg::ColPending,
    Msg::ColOverdue,
    Msg::ColMedianDays,
];

/// A department's row of the table, as text.
pub fn cells(f: &DepartmentFigures) -> [String; 6] {
    [
        f.label().to_owned(),
        last_report_text(f),
        f.this_month.to_string(),
        f.pending.to_string(),
        overdue_text(f.overdue),
        median_text(f.median_days),
    ]
}

impl Figures {
    pub fn totals(&self) -> FiguresTotals {
        totals(&self.rows)
    }

    pub fn selected_row(&self) -> Option<&DepartmentFigures> {
        self.rows.get(self.selected)
    }

    /// The month the figures speak of ("marzo").
    pub fn month(&self, ctx: &Ctx) -> &'static str {
        month_name(self.day.unwrap_or(ctx.now.date()).month())
    }

    fn select_id(&mut self, id: &str) {
        if let Some(i) = self.rows.iter().position(|r| r.id == id) {
            self.selected = i;
        }
    }
}

impl Whole for Figures {
    fn read_on(&self) -> Option<NaiveDate> {
        self.day
    }

    /// Reads the figures for `day`, keeping the selected department when it is still there.
    fn read(&mut self, data: &dyn Reader, day: NaiveDate) -> DataResult<()> {
        let keep = self.selected_row().map(|r| r.id.clone());
        self.rows = data.department_figures(day)?;
        self.day = Some(day);
        match keep {
            Some(id) => self.select_id(&id),
            None => self.selected = 0,
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    fn nav(&mut self, nav: Nav, page: usize) {
        self.selected = nav.within(self.selected, self.rows.len(), page);
    }

    fn select(&mut self, key: &SortKey) {
        self.select_id(&key.id);
    }
}

impl Pane for Figures {
    fn list(&self) -> ListId {
        ListId::Figures
    }

    fn kind(&self) -> RecordKind {
        RecordKind::Department
    }

    fn title(&self) -> Msg {
        Msg::ViewFigures
    }

    fn scope(&self) -> Scope {
        Scope::Figures
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
        let cmd = lookup(Scope::Figures, key);
        if let Some(moved) = whole::moving(self, cmd) {
            return moved;
        }
        match cmd {
            Some(Cmd::Enter) => match self.selected_row() {
                Some(r) => Outcome::Emit(Action::OpenLink(Target::new(
                    RecordKind::Department,
                    r.id.clone(),
                ))),
                None => Outcome::Consumed,
            },
            Some(Cmd::Copy) => match (self.text(), self.day) {
                (Some(text), Some(day)) => Outcome::Emit(Action::Copy(
                    text,
                    tf(Msg::FiguresCopyName, &[&month_year(day)]),
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
        self.selected_row().map(|r| {
            Pick::new(
                Role::Own,
                Target::new(RecordKind::Department, r.id.clone()),
                r.name.clone(),
            )
        })
    }

    fn current(&self) -> Option<Pick> {
        self.selected()
    }

    /// The figures as text: the summary, then a line per department.
    fn text(&self) -> Option<String> {
        let day = self.day?;
        let mut out = vec![
            format!("{} — {}", t(Msg::ViewFigures), month_year(day)),
            summary(&self.totals()).join(" · "),
            COLUMNS.map(t).join(" | "),
        ];
        out.extend(self.rows.iter().map(|r| cells(r).join(" | ")));
        Some(out.join("\n"))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, views: &[Msg], view: usize) {
        draw::figures(self, frame, area, ctx, views, view);
    }
}
