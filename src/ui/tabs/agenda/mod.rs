//! Agenda: the mayor's public events, who covers them, what came of them. Four views: Día,
//! Semana and Mes (a calendar) and Lista (the paged list, with search and filters).
pub mod calendar;
mod day;
mod draw;
pub mod forms;
mod keys;
mod month;
mod week;

use ratatui::layout::Constraint;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::lines::{child_bullet, link_bullet, link_field, own};
use super::Page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::EventStatus;
use crate::domain::{EventDetail, EventRow, PageRequest, SortKey};
use crate::i18n::labels::Label;
use crate::i18n::{describe_rule, stamp, stamp_long, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, ListPane, Pane};
use crate::ui::widgets::{field, heading};
use calendar::{Calendar, Mode};
pub use draw::{fit, scroll_to, warn_uncovered_on};
pub use keys::KEYS;

/// The Agenda tab: the calendar in one of its modes, or the list.
///
/// It opens on Día, today: at the morning meeting the question is what happens today and who
/// covers it, and Día is the view that answers it whole — coverage, warnings and the actions
/// on each event — at any width, so the same key shows the same thing on every screen.
#[derive(Debug, Default)]
pub struct Agenda {
    /// Whether the Lista view is shown (else the calendar, in its mode).
    pub listing: bool,
    pub calendar: Calendar,
    pub events: ListPane<Events>,
}

const VIEWS: &[Msg] = &[Msg::ViewDay, Msg::ViewWeek, Msg::ViewMonth, Msg::ViewList];

impl Page for Agenda {
    fn views(&self) -> &'static [Msg] {
        VIEWS
    }

    fn view(&self) -> usize {
        if self.listing {
            Mode::ALL.len()
        } else {
            Mode::ALL
                .iter()
                .position(|m| *m == self.calendar.mode)
                .unwrap_or(0)
        }
    }

    fn set_view(&mut self, view: usize) {
        match Mode::ALL.get(view) {
            Some(mode) => {
                self.listing = false;
                self.calendar.mode = *mode;
            }
            None => self.listing = true,
        }
    }

    fn panes(&self) -> Vec<&dyn Pane> {
        vec![&self.calendar, &self.events]
    }

    fn panes_mut(&mut self) -> Vec<&mut dyn Pane> {
        vec![&mut self.calendar, &mut self.events]
    }

    fn pane(&self) -> Option<&dyn Pane> {
        Some(if self.listing {
            &self.events
        } else {
            &self.calendar
        })
    }

    fn pane_mut(&mut self) -> Option<&mut dyn Pane> {
        Some(if self.listing {
            &mut self.events
        } else {
            &mut self.calendar
        })
    }

    /// Every view shows events: an event opened from elsewhere shows in the view in use.
    fn show_list(&mut self, list: ListId) -> bool {
        list == ListId::Events
    }
}

/// Events, from today on (scroll up for the past).
#[derive(Debug)]
pub struct Events;

/// (code, label) of every value of a coded type.
pub fn options<T: Label>(all: &[T], code: fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_owned(), v.label().to_owned()))
        .collect()
}

impl ListKind for Events {
    type Row = EventRow;
    type Detail = EventDetail;
    const LIST: ListId = ListId::Events;
    const KIND: RecordKind = RecordKind::Event;
    const CHILD: Option<RecordKind> = Some(RecordKind::Coverage);

    fn title() -> Msg {
        Msg::ViewList
    }

    fn page(data: &dyn Reader, q: &Query, req: &PageRequest, _: &Ctx) -> DataResult<Vec<EventRow>> {
        data.events(q, req)
    }

    fn detail(data: &dyn Reader, row: &EventRow, _: &Ctx) -> DataResult<EventDetail> {
        data.event(&row.id)
    }

    fn start(ctx: &Ctx) -> Option<SortKey> {
        Some(SortKey {
            primary: ctx.now.format("%Y-%m-%d").to_string(),
            id: String::new(),
        })
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColWhen, Msg::ColEvent, Msg::ColArea, Msg::ColStatus]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(10),
        ]
    }

    fn cells(e: &EventRow, ctx: &Ctx) -> (Vec<String>, Style) {
        let today = ctx.now.format("%Y-%m-%d").to_string();
        let style = match e.status {
            EventStatus::Cancelled => Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            _ if e.starts_at.starts_with(&today) => Style::new().add_modifier(Modifier::BOLD),
            _ if e.starts_at < today => Style::new().add_modifier(Modifier::DIM),
            _ => Style::new(),
        };
        // Today's and tomorrow's events nobody covers, said in words (legible without colour).
        let uncovered = e.coverage == 0
            && !matches!(e.status, EventStatus::Cancelled | EventStatus::Postponed)
            && warn_uncovered_on(&e.starts_at, ctx.now.date());
        let (title, style) = if uncovered {
            (
                format!("{} · {}", t(Msg::WarnUncovered), e.title),
                style.fg(Color::Red).add_modifier(Modifier::BOLD),
            )
        } else {
            (e.title.clone(), style)
        };
        let cells = vec![
            stamp(&e.starts_at),
            title,
            e.department.clone(),
            e.status.label().to_owned(),
        ];
        (cells, style)
    }

    fn describe(e: &EventRow) -> (String, Option<String>) {
        (e.title.clone(), Some(e.status.code().to_owned()))
    }

    fn lines(d: &EventDetail) -> Vec<DetailLine> {
        event_lines(d)
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(EventStatus::ALL, EventStatus::code),
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}

/// An event's detail: when and where, who covers it, and what came of it.
pub fn event_lines(d: &EventDetail) -> Vec<DetailLine> {
    let e = &d.row;
    let mut when = stamp_long(&e.starts_at);
    if d.all_day {
        when = e.starts_at.get(..10).map(stamp_long).unwrap_or(when);
        let last = e.ends_at.get(..10).unwrap_or_default();
        if !last.is_empty() && Some(last) != e.starts_at.get(..10) {
            when.push_str(&format!(" – {}", stamp_long(last)));
        }
        when.push_str(&format!(" ({})", t(Msg::FAllDay).to_lowercase()));
    } else if let Some(end) = e.ends_at.get(11..16) {
        when.push_str(&format!("–{end}"));
    }
    let place = [e.place.as_str(), e.locality.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let plain = |l: Line<'static>| DetailLine::plain(l);
    let mut out = vec![
        own(
            &e.title,
            Target::new(RecordKind::Event, e.id.clone()),
            Some(e.status.code()),
        ),
        plain(field(Msg::FieldWhen, when)),
    ];
    if let Some(series) = &d.series {
        // The series is a part of the event: `e` edits it, `d` deletes it with its dates.
        let mut text = format!("{}: {}", t(Msg::FRepeat), describe_rule(&series.rule));
        if series.detached {
            text.push_str(&format!(" ({})", t(Msg::Detached)));
        }
        out.push(child_bullet(
            text,
            Target::new(RecordKind::Series, series.id.clone()),
            None,
        ));
    }
    out.push(plain(field(Msg::FieldKind, d.kind.label())));
    out.push(plain(field(Msg::FieldPlace, place)));
    match &d.department {
        Some(dep) => out.push(link_field(Msg::FieldArea, dep)),
        None => out.push(plain(field(Msg::FieldArea, e.department.clone()))),
    }
    out.push(plain(field(Msg::FieldStatus, e.status.label())));
    if !d.notes.is_empty() {
        out.push(plain(field(Msg::FDescription, d.notes.clone())));
    }
    out.push(plain(heading(Msg::SecCoverage, d.coverage.len())));
    for c in &d.coverage {
        let note = if c.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", c.note)
        };
        out.push(child_bullet(
            format!(
                "{}: {} ({}){note}",
                c.role.label(),
                c.staff,
                c.status.label()
            ),
            Target::new(RecordKind::Coverage, c.id.clone()),
            Some(c.status.code()),
        ));
    }
    out.push(plain(heading(Msg::SecReports, d.reports.len())));
    out.extend(d.reports.iter().map(link_bullet));
    out.push(plain(heading(Msg::SecDrafts, d.drafts.len())));
    out.extend(d.drafts.iter().map(link_bullet));
    if !d.archive.is_empty() {
        out.push(plain(heading(Msg::SecArchive, d.archive.len())));
        out.extend(d.archive.iter().map(link_bullet));
    }
    out
}
