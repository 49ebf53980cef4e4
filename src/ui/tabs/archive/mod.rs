//! Archivo: one chronological timeline of everything the administration did — events,
//! reports, publications, photos, video, interviews — newest first.
pub mod forms;

use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::text::Line;

use super::agenda::{event_lines, options};
use super::drafts::draft_lines;
use super::lines::{link_field, own};
use super::page;
use super::reports::report_lines;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::ArchiveKind;
use crate::domain::{ArchiveItemDetail, PageRequest, TimelineDetail, TimelineKind, TimelineRow};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, stamp_long, t, tf, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::widgets::field;

page!(
    /// The Archivo tab.
    Archive { timeline: Timeline => TabArchive }
);

fn kind_label(kind: TimelineKind) -> String {
    match kind {
        TimelineKind::Event => t(Msg::KindEvent).to_owned(),
        TimelineKind::Report => t(Msg::KindReport).to_owned(),
        TimelineKind::Publication(_) => t(Msg::KindPublication).to_owned(),
        TimelineKind::Item(k) => k.label().to_owned(),
    }
}

#[derive(Debug)]
pub struct Timeline;

impl ListKind for Timeline {
    type Row = TimelineRow;
    type Detail = TimelineDetail;
    const LIST: ListId = ListId::Timeline;
    const KIND: RecordKind = RecordKind::ArchiveItem;

    fn title() -> Msg {
        Msg::TabArchive
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        ctx: &Ctx,
    ) -> DataResult<Vec<TimelineRow>> {
        data.timeline(q, req, &ctx.now_text())
    }

    fn detail(data: &dyn Reader, row: &TimelineRow, _: &Ctx) -> DataResult<TimelineDetail> {
        data.timeline_detail(row.kind, &row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColWhen, Msg::ColKind, Msg::ColTitle, Msg::ColArea]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Length(12),
            Constraint::Fill(1),
            Constraint::Length(14),
        ]
    }

    fn cells(r: &TimelineRow, _: &Ctx) -> (Vec<String>, Style) {
        let title = match r.kind {
            TimelineKind::Publication(ch) => format!("{}: {}", ch.label(), r.title),
            _ => r.title.clone(),
        };
        let cells = vec![
            stamp(&r.at),
            kind_label(r.kind),
            title,
            r.department.clone(),
        ];
        (cells, Style::new())
    }

    fn describe(r: &TimelineRow) -> (String, Option<String>) {
        (r.title.clone(), None)
    }

    fn lines(d: &TimelineDetail) -> Vec<DetailLine> {
        match d {
            TimelineDetail::Event(e) => event_lines(e),
            TimelineDetail::Report(r) => report_lines(r),
            TimelineDetail::Publication(x) => draft_lines(x),
            TimelineDetail::Item(a) => item_lines(a),
        }
    }

    fn filters() -> FilterSpec {
        let mut kinds = vec![
            ("event".to_owned(), t(Msg::KindEvent).to_owned()),
            ("report".to_owned(), t(Msg::KindReport).to_owned()),
            ("publication".to_owned(), t(Msg::KindPublication).to_owned()),
        ];
        kinds.extend(options(ArchiveKind::ALL, ArchiveKind::code));
        FilterSpec {
            kinds,
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}

fn item_lines(a: &ArchiveItemDetail) -> Vec<DetailLine> {
    let plain = |l: Line<'static>| DetailLine::plain(l);
    let mut out = vec![
        own(
            &a.title,
            Target::new(RecordKind::ArchiveItem, a.id.clone()),
            None,
        ),
        plain(field(Msg::FieldKind, a.kind.label())),
        plain(field(Msg::FieldWhen, stamp_long(&a.occurred_at))),
    ];
    if let Some(d) = &a.department {
        out.push(link_field(Msg::FieldArea, d));
    }
    if let Some(e) = &a.event {
        out.push(link_field(Msg::FieldEvent, e));
    }
    out.push(plain(field(
        Msg::FieldFiles,
        tf(Msg::FilesCount, &[&a.files]),
    )));
    if !a.tags.is_empty() {
        out.push(plain(field(Msg::FieldTags, a.tags.join(", "))));
    }
    out.push(plain(Line::default()));
    for line in a.description.lines() {
        out.push(plain(Line::from(line.to_owned())));
    }
    out
}
