//! Monitoreo: what the media published about the municipality (Notas), with its tone and the
//! office's response to what harms the record; what citizens ask on the institutional networks
//! (Preguntas), routed and answered; the office's reusable answers (Respuestas); and the
//! figures the morning meeting looks at (Cifras): only aggregates, never a person's opinion.
mod alcance;
mod answers;
mod cifras;
pub mod figures;
pub mod forms;
mod questions;

pub use answers::Answers;
pub(crate) use questions::one_line;
pub use questions::Questions;

use ratatui::layout::Constraint;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;

use super::lines::{link_field, own};
use super::Page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::{ClippingRow, Response};
use crate::domain::query::{ListId, Query};
use crate::domain::status::ClippingKind;
use crate::domain::{ClippingDetail, PageRequest};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, stamp_long, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, ListPane, Pane};
use crate::ui::tabs::agenda::options;
use crate::ui::widgets::field;
use figures::MonitorFigures;

/// The Monitoreo tab: notes, questions, reusable answers, the figures and the reach, one view
/// each.
#[derive(Debug)]
pub struct Monitoring {
    pub view: usize,
    pub clippings: ListPane<Clippings>,
    pub questions: ListPane<Questions>,
    pub answers: ListPane<Answers>,
    pub figures: MonitorFigures,
    pub reach: MonitorFigures,
}

impl Default for Monitoring {
    fn default() -> Monitoring {
        Monitoring {
            view: 0,
            clippings: ListPane::default(),
            questions: ListPane::default(),
            answers: ListPane::default(),
            figures: MonitorFigures::default(),
            reach: MonitorFigures::reach(),
        }
    }
}

const VIEWS: &[Msg] = &[
    Msg::ViewClippings,
    Msg::ViewQuestions,
    Msg::ViewAnswers,
    Msg::ViewFigures,
    Msg::ViewReach,
];

impl Page for Monitoring {
    fn views(&self) -> &'static [Msg] {
        VIEWS
    }

    fn view(&self) -> usize {
        self.view
    }

    fn set_view(&mut self, view: usize) {
        self.view = view.min(VIEWS.len() - 1);
    }

    /// In the order of the views.
    fn panes(&self) -> Vec<&dyn Pane> {
        vec![
            &self.clippings,
            &self.questions,
            &self.answers,
            &self.figures,
            &self.reach,
        ]
    }

    fn panes_mut(&mut self) -> Vec<&mut dyn Pane> {
        vec![
            &mut self.clippings,
            &mut self.questions,
            &mut self.answers,
            &mut self.figures,
            &mut self.reach,
        ]
    }
}

pub(super) fn plain(l: Line<'static>) -> DetailLine {
    DetailLine::plain(l)
}

/// Where a clipping's response stands, in words: a mark where one is missing (so it does
/// not rest on colour).
pub fn response_text(r: Response) -> &'static str {
    t(match r {
        Response::NotNeeded => Msg::ResponseNotNeeded,
        Response::Missing => Msg::ResponseMissing,
        Response::Drafted => Msg::ResponseDrafted,
        Response::Out => Msg::ResponseOut,
    })
}

#[derive(Debug)]
pub struct Clippings;

impl ListKind for Clippings {
    type Row = ClippingRow;
    type Detail = ClippingDetail;
    const LIST: ListId = ListId::Clippings;
    const KIND: RecordKind = RecordKind::Clipping;

    fn title() -> Msg {
        Msg::ViewClippings
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<ClippingRow>> {
        data.clippings(q, req)
    }

    fn detail(data: &dyn Reader, row: &ClippingRow, _: &Ctx) -> DataResult<ClippingDetail> {
        data.clipping(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColWhen,
            Msg::ColOutlet,
            Msg::ColHeadline,
            Msg::ColTone,
            Msg::ColResponse,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Fill(3),
            Constraint::Length(8),
            Constraint::Length(10),
        ]
    }

    fn cells(c: &ClippingRow, _: &Ctx) -> (Vec<String>, Style) {
        let style = match c.response {
            Response::Missing => Style::new().fg(Color::Red),
            _ => Style::new(),
        };
        let title = if c.quotes {
            format!("{} {}", t(Msg::QuotesMark), c.title)
        } else {
            c.title.clone()
        };
        let cells = vec![
            stamp(&c.published_on),
            c.outlet.clone(),
            title,
            c.tone.label().to_owned(),
            response_text(c.response).to_owned(),
        ];
        (cells, style)
    }

    fn describe(c: &ClippingRow) -> (String, Option<String>) {
        (c.title.clone(), None)
    }

    fn lines(d: &ClippingDetail) -> Vec<DetailLine> {
        clipping_lines(d)
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            kinds: options(ClippingKind::ALL, ClippingKind::code),
            department: true,
            dates: true,
            ..FilterSpec::default()
        }
    }
}

/// A clipping as its detail shows it (in Monitoreo and on the archive's timeline).
pub fn clipping_lines(c: &ClippingDetail) -> Vec<DetailLine> {
    let mut out = vec![
        own(
            &c.title,
            Target::new(RecordKind::Clipping, c.id.clone()),
            None,
        ),
        plain(field(Msg::FieldWhen, stamp_long(&c.published_on))),
    ];
    if let Some(o) = &c.outlet {
        out.push(link_field(Msg::FieldOutlet, o));
    }
    out.push(plain(field(Msg::FieldKind, c.kind.label())));
    out.push(plain(field(Msg::FTone, c.tone.label())));
    let state = c.response_state();
    let mut said = response_text(state).to_owned();
    if state == Response::Out && !c.response_out.is_empty() {
        said = format!("{said} ({})", stamp(&c.response_out));
    }
    let line = field(Msg::FResponseState, said);
    // A note that needs no answer says nothing of one.
    if state != Response::NotNeeded {
        out.push(plain(if state == Response::Missing {
            line.fg(Color::Red)
        } else {
            line
        }));
    }
    if let Some(d) = &c.draft {
        out.push(link_field(Msg::FResponsePiece, d));
    }
    if let Some(q) = &c.quoted {
        out.push(link_field(Msg::FQuotes, q));
    }
    if !c.topic.is_empty() {
        out.push(plain(field(Msg::FTopic, c.topic.clone())));
    }
    if let Some(d) = &c.department {
        out.push(link_field(Msg::FieldArea, d));
    }
    if !c.url.is_empty() {
        out.push(plain(field(Msg::FUrl, c.url.clone())));
    }
    for (msg, text) in [(Msg::FSummary, &c.summary), (Msg::FResponse, &c.response)] {
        if !text.is_empty() {
            out.push(plain(Line::default()));
            out.push(plain(Line::from(t(msg).to_owned()).bold()));
            out.extend(text.lines().map(|l| plain(Line::from(l.to_owned()))));
        }
    }
    out
}
