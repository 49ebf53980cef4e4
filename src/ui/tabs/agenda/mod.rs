//! Agenda: the mayor's public events in time order, who covers them, what came of them.
pub mod forms;

use ratatui::layout::Constraint;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::lines::{child_bullet, link_bullet, link_field, own};
use super::page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::EventStatus;
use crate::domain::{EventDetail, EventRow, PageRequest, SortKey};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, stamp_long, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::widgets::{field, heading};

page!(
    /// The Agenda tab.
    Agenda { events: Events => TabAgenda }
);

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
        Msg::TabAgenda
    }

    fn page(data: &dyn Reader, q: &Query, req: &PageRequest, _: &Ctx) -> DataResult<Vec<EventRow>> {
        data.events(q, req)
    }

    fn detail(data: &dyn Reader, row: &EventRow) -> DataResult<EventDetail> {
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
        let cells = vec![
            stamp(&e.starts_at),
            e.title.clone(),
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
    if let Some(end) = e.ends_at.get(11..16) {
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
        plain(field(Msg::FieldPlace, place)),
    ];
    match &d.department {
        Some(dep) => out.push(link_field(Msg::FieldArea, dep)),
        None => out.push(plain(field(Msg::FieldArea, e.department.clone()))),
    }
    out.push(plain(field(Msg::FieldStatus, e.status.label())));
    if !d.notes.is_empty() {
        out.push(plain(field(Msg::FieldNotes, d.notes.clone())));
    }
    out.push(plain(heading(Msg::SecCoverage, d.coverage.len())));
    for c in &d.coverage {
        out.push(child_bullet(
            format!("{}: {} ({})", c.role.label(), c.staff, c.status.label()),
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
