//! Solicitudes: what journalists ask the office for (an interview, information, material):
//! who, which outlet, the topic, the official they want, when they asked and by when, where
//! it stands and how it ended. The open ones also show on Hoy.
use ratatui::layout::Constraint;
use ratatui::style::{Color, Style, Stylize};

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::requests::overdue;
use crate::domain::status::{InterviewStatus, MediaRequestKind};
use crate::domain::{InterviewDetail, InterviewRow, PageRequest};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::tabs::agenda::options;
use crate::ui::tabs::lines::{link_field, own};
use crate::ui::widgets::field;

#[derive(Debug)]
pub struct Interviews;

impl ListKind for Interviews {
    type Row = InterviewRow;
    type Detail = InterviewDetail;
    const LIST: ListId = ListId::Interviews;
    const KIND: RecordKind = RecordKind::Interview;

    fn title() -> Msg {
        Msg::ViewMediaRequests
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<InterviewRow>> {
        data.interviews(q, req)
    }

    fn detail(data: &dyn Reader, row: &InterviewRow, _: &Ctx) -> DataResult<InterviewDetail> {
        data.interview(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColRequestedOn,
            Msg::ColKind,
            Msg::ColWho,
            Msg::ColTopic,
            Msg::ColStatus,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(10),
            Constraint::Length(11),
            Constraint::Fill(1),
            Constraint::Fill(2),
            Constraint::Length(11),
        ]
    }

    fn cells(i: &InterviewRow, ctx: &Ctx) -> (Vec<String>, Style) {
        let late = i.status.open() && overdue(&i.due_on, ctx.now.date());
        let style = match i.status {
            _ if late => Style::new().fg(Color::Red),
            InterviewStatus::Done | InterviewStatus::Declined => Style::new().dim(),
            _ => Style::new(),
        };
        let cells = vec![
            stamp(&i.requested_on),
            i.kind.label().to_owned(),
            i.who.clone(),
            i.topic.clone(),
            i.status.label().to_owned(),
        ];
        (cells, style)
    }

    fn describe(i: &InterviewRow) -> (String, Option<String>) {
        (i.topic.clone(), Some(i.status.code().to_owned()))
    }

    fn lines(d: &InterviewDetail) -> Vec<DetailLine> {
        let i = &d.row;
        let mut out = vec![own(
            &i.topic,
            Target::new(RecordKind::Interview, i.id.clone()),
            Some(i.status.code()),
        )];
        out.push(plain(field(Msg::FieldKind, i.kind.label())));
        out.push(plain(field(Msg::FieldStatus, i.status.label())));
        match &d.journalist {
            Some(j) => out.push(link_field(Msg::RecJournalist, j)),
            None => out.push(plain(field(Msg::RecJournalist, i.who.clone()))),
        }
        if let Some(o) = &d.outlet {
            out.push(link_field(Msg::FieldOutlet, o));
        }
        out.push(plain(field(Msg::FInterviewee, d.interviewee.clone())));
        out.push(plain(field(Msg::FRequestedOn, stamp(&i.requested_on))));
        if !i.due_on.is_empty() {
            out.push(plain(field(Msg::FDueOn, stamp(&i.due_on))));
        }
        if !d.scheduled_at.is_empty() {
            out.push(plain(field(Msg::FieldWhen, stamp(&d.scheduled_at))));
        }
        if !d.outcome.is_empty() {
            out.push(plain(field(Msg::FOutcome, d.outcome.clone())));
        }
        if !d.notes.is_empty() {
            out.push(plain(field(Msg::FieldNotes, d.notes.clone())));
        }
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(InterviewStatus::ALL, InterviewStatus::code),
            kinds: options(MediaRequestKind::ALL, MediaRequestKind::code),
            dates: true,
            ..FilterSpec::default()
        }
    }
}
