//! Archivo: one chronological timeline of everything the administration did — events,
//! reports, publications, photos, video, interviews — newest first.
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Row;
use ratatui::Frame;

use super::layout::list_and_detail;
use super::widgets::{detail, field, title};
use super::View;
use crate::domain::{TimelineDetail, TimelineKind, TimelineRow};
use crate::i18n::{stamp, stamp_long, t, tf, Msg};

fn kind_label(kind: TimelineKind) -> &'static str {
    match kind {
        TimelineKind::Event => t(Msg::KindEvent),
        TimelineKind::Report => t(Msg::KindReport),
        TimelineKind::Publication => t(Msg::KindPublication),
        TimelineKind::Item(k) => k.label(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, view: &View) {
    let (list, pane) = list_and_detail(area);
    table(
        frame,
        list,
        t(Msg::TabArchive).to_owned(),
        &view.archive.list,
        &[Msg::ColWhen, Msg::ColKind, Msg::ColTitle, Msg::ColArea],
        &[
            Constraint::Length(16),
            Constraint::Length(12),
            Constraint::Fill(1),
            Constraint::Length(14),
        ],
        |r: &TimelineRow| {
            Row::new([
                stamp(&r.at),
                kind_label(r.kind).to_owned(),
                r.title.clone(),
                r.department.clone(),
            ])
        },
    );
    if let (Some(pane), Some(d)) = (pane, &view.archive.detail) {
        detail(frame, pane, lines(d));
    }
}

use super::widgets::table;

fn lines(d: &TimelineDetail) -> Vec<Line<'static>> {
    match d {
        TimelineDetail::Event(e) => super::agenda::lines(e),
        TimelineDetail::Report(r) => super::reports::lines(r),
        TimelineDetail::Publication(x) => super::drafts::lines(x),
        TimelineDetail::Item(a) => {
            let mut out = vec![
                title(&a.title),
                field(Msg::FieldKind, a.kind.label()),
                field(Msg::FieldWhen, stamp_long(&a.occurred_at)),
                field(Msg::FieldArea, a.department.clone()),
                field(Msg::FieldFiles, tf(Msg::FilesCount, &[&a.files])),
            ];
            if let Some((event, at)) = &a.event {
                out.push(field(Msg::FieldEvent, format!("{event} ({})", stamp(at))));
            }
            out.push(Line::default());
            out.push(Line::from(a.description.clone()));
            out
        }
    }
}
