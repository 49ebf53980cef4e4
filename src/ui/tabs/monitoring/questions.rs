//! Preguntas: what citizens asked on the institutional networks (never who asked), the
//! department it was routed to, where it stands, and the reply given and when.
use ratatui::layout::Constraint;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::{QuestionDetail, QuestionRow};
use crate::domain::query::{ListId, Query};
use crate::domain::status::{Channel, QuestionStatus};
use crate::domain::PageRequest;
use crate::i18n::labels::Label;
use crate::i18n::{stamp, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::tabs::agenda::options;
use crate::ui::tabs::lines::{link_field, own};
use crate::ui::widgets::field;

#[derive(Debug)]
pub struct Questions;

impl ListKind for Questions {
    type Row = QuestionRow;
    type Detail = QuestionDetail;
    const LIST: ListId = ListId::Questions;
    const KIND: RecordKind = RecordKind::Question;

    fn title() -> Msg {
        Msg::ViewQuestions
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<QuestionRow>> {
        data.questions(q, req)
    }

    fn detail(data: &dyn Reader, row: &QuestionRow, _: &Ctx) -> DataResult<QuestionDetail> {
        data.question(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColWhen,
            Msg::ColChannel,
            Msg::ColQuestion,
            Msg::ColArea,
            Msg::ColStatus,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Length(9),
            Constraint::Fill(3),
            Constraint::Fill(1),
            Constraint::Length(10),
        ]
    }

    fn cells(q: &QuestionRow, ctx: &Ctx) -> (Vec<String>, Style) {
        let late = q.late(ctx.now);
        let style = match q.status {
            _ if late => Style::new().fg(Color::Red),
            QuestionStatus::Answered | QuestionStatus::Closed => Style::new().dim(),
            _ => Style::new(),
        };
        let status = if late {
            format!("{} {}", t(Msg::LateMark), q.status.label())
        } else {
            q.status.label().to_owned()
        };
        let cells = vec![
            stamp(&q.asked_at),
            q.channel.label().to_owned(),
            one_line(&q.question),
            q.department.clone(),
            status,
        ];
        (cells, style)
    }

    fn describe(q: &QuestionRow) -> (String, Option<String>) {
        (one_line(&q.question), Some(q.status.code().to_owned()))
    }

    fn lines(d: &QuestionDetail) -> Vec<DetailLine> {
        let q = &d.row;
        let mut out = vec![own(
            &one_line(&q.question),
            Target::new(RecordKind::Question, q.id.clone()),
            Some(q.status.code()),
        )];
        out.push(plain(field(Msg::FAskedAt, stamp(&q.asked_at))));
        out.push(plain(field(Msg::FChannel, q.channel.label())));
        if !q.topic.is_empty() {
            out.push(plain(field(Msg::FTopic, q.topic.clone())));
        }
        match &d.department {
            Some(dep) => out.push(link_field(Msg::FRoutedTo, dep)),
            None => out.push(plain(field(Msg::FRoutedTo, t(Msg::NotRouted)))),
        }
        out.push(plain(field(Msg::FieldStatus, q.status.label())));
        if !q.answered_at.is_empty() {
            out.push(plain(field(Msg::FAnsweredAt, stamp(&q.answered_at))));
        }
        if let Some(a) = &d.answer {
            out.push(link_field(Msg::FFromAnswer, a));
        }
        if q.question.contains('\n') {
            out.push(plain(Line::default()));
            out.push(plain(Line::from(t(Msg::FQuestion).to_owned()).bold()));
            out.extend(q.question.lines().map(|l| plain(Line::from(l.to_owned()))));
        }
        if !d.response.is_empty() {
            out.push(plain(Line::default()));
            out.push(plain(Line::from(t(Msg::FReply).to_owned()).bold()));
            out.extend(d.response.lines().map(|l| plain(Line::from(l.to_owned()))));
        }
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(QuestionStatus::ALL, QuestionStatus::code),
            kinds: options(Channel::ALL, Channel::code),
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}

/// A question's text on one line (a citizen's message may run over several).
pub(crate) use crate::brief::one_line;
