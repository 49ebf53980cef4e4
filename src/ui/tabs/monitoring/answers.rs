//! Respuestas: the office's library of approved replies, searchable, each inserted into a
//! question's reply from its form and edited for the case.
use ratatui::layout::Constraint;
use ratatui::style::{Style, Stylize as _};
use ratatui::text::Line;

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::{AnswerDetail, AnswerRow};
use crate::domain::query::{ListId, Query};
use crate::domain::PageRequest;
use crate::i18n::{number, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::tabs::lines::{link_bullet, own};
use crate::ui::widgets::{field, heading};

#[derive(Debug)]
pub struct Answers;

impl ListKind for Answers {
    type Row = AnswerRow;
    type Detail = AnswerDetail;
    const LIST: ListId = ListId::Answers;
    const KIND: RecordKind = RecordKind::Answer;

    fn title() -> Msg {
        Msg::ViewAnswers
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<AnswerRow>> {
        data.answers(q, req)
    }

    fn detail(data: &dyn Reader, row: &AnswerRow, _: &Ctx) -> DataResult<AnswerDetail> {
        data.answer(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColTitle, Msg::ColTopic, Msg::ColUsed]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(7),
        ]
    }

    fn cells(a: &AnswerRow, _: &Ctx) -> (Vec<String>, Style) {
        let cells = vec![a.title.clone(), a.topic.clone(), number(a.used)];
        (cells, Style::new())
    }

    fn describe(a: &AnswerRow) -> (String, Option<String>) {
        (a.title.clone(), None)
    }

    fn lines(d: &AnswerDetail) -> Vec<DetailLine> {
        let a = &d.row;
        let mut out = vec![own(
            &a.title,
            Target::new(RecordKind::Answer, a.id.clone()),
            None,
        )];
        if !a.topic.is_empty() {
            out.push(plain(field(Msg::FTopic, a.topic.clone())));
        }
        out.push(plain(Line::default()));
        out.push(plain(Line::from(t(Msg::FAnswerBody).to_owned()).bold()));
        out.extend(a.body.lines().map(|l| plain(Line::from(l.to_owned()))));
        out.push(plain(Line::default()));
        out.push(plain(heading(Msg::SecAnsweredWith, a.used as usize)));
        out.extend(d.questions.iter().map(link_bullet));
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec::default()
    }
}
