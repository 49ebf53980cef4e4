//! Borradores: posts and press releases, their versions per network, approval and publication.
pub mod forms;

use ratatui::layout::Constraint;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::agenda::options;
use super::lines::{child_bullet, link_bullet, link_field, own};
use super::page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::{DraftKind, DraftStatus};
use crate::domain::{DraftDetail, DraftRow, PageRequest};
use crate::i18n::labels::Label;
use crate::i18n::{stamp, tf, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::widgets::{bullet, field, heading};

page!(
    /// The Borradores tab.
    Drafts { drafts: DraftList => TabDrafts }
);

fn plain(l: Line<'static>) -> DetailLine {
    DetailLine::plain(l)
}

#[derive(Debug)]
pub struct DraftList;

impl ListKind for DraftList {
    type Row = DraftRow;
    type Detail = DraftDetail;
    const LIST: ListId = ListId::Drafts;
    const KIND: RecordKind = RecordKind::Draft;
    const CHILD: Option<RecordKind> = Some(RecordKind::Variant);

    fn title() -> Msg {
        Msg::TabDrafts
    }

    fn page(data: &dyn Reader, q: &Query, req: &PageRequest, _: &Ctx) -> DataResult<Vec<DraftRow>> {
        data.drafts(q, req)
    }

    fn detail(data: &dyn Reader, row: &DraftRow, _: &Ctx) -> DataResult<DraftDetail> {
        data.draft(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColWritten, Msg::ColTitle, Msg::ColKind, Msg::ColStatus]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(11),
        ]
    }

    fn cells(x: &DraftRow, _: &Ctx) -> (Vec<String>, Style) {
        let style = match x.status {
            DraftStatus::Review => Style::new().fg(Color::Yellow),
            DraftStatus::Approved => Style::new().fg(Color::Green),
            DraftStatus::Discarded => Style::new().fg(Color::DarkGray),
            _ => Style::new(),
        };
        let kind = if x.folio.is_empty() {
            x.kind.label().to_owned()
        } else {
            x.folio.clone()
        };
        let cells = vec![
            stamp(&x.written_at),
            x.title.clone(),
            kind,
            x.status.label().to_owned(),
        ];
        (cells, style)
    }

    fn describe(x: &DraftRow) -> (String, Option<String>) {
        (x.title.clone(), Some(x.status.code().to_owned()))
    }

    fn lines(d: &DraftDetail) -> Vec<DetailLine> {
        draft_lines(d)
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(DraftStatus::ALL, DraftStatus::code),
            kinds: options(DraftKind::ALL, DraftKind::code),
            dates: true,
            ..FilterSpec::default()
        }
    }
}

/// A draft's detail: what it is, where it came from, its text, its versions, where it went.
pub fn draft_lines(d: &DraftDetail) -> Vec<DetailLine> {
    let x = &d.row;
    let mut out = vec![
        own(
            &x.title,
            Target::new(RecordKind::Draft, x.id.clone()),
            Some(x.status.code()),
        ),
        plain(field(Msg::FieldKind, x.kind.label())),
    ];
    if !x.folio.is_empty() {
        out.push(plain(field(Msg::FieldFolio, x.folio.clone())));
    }
    out.push(plain(field(Msg::FieldStatus, x.status.label())));
    out.push(plain(field(Msg::FieldWritten, stamp(&x.written_at))));
    if !d.author.is_empty() {
        out.push(plain(field(Msg::FieldAuthor, d.author.clone())));
    }
    if !d.campaign.is_empty() {
        out.push(plain(field(Msg::FieldCampaign, d.campaign.clone())));
    }
    if let Some(source) = &d.source {
        out.push(link_field(Msg::FieldSource, source));
    }
    out.push(plain(Line::default()));
    for line in d.body.lines() {
        out.push(plain(Line::from(line.to_owned())));
    }
    out.push(plain(heading(Msg::SecVariants, d.variants.len())));
    for v in &d.variants {
        let count = match v.channel.limit() {
            Some(limit) => tf(Msg::CharsOfLimit, &[&v.chars, &limit]),
            None => tf(Msg::Chars, &[&v.chars]),
        };
        out.push(child_bullet(
            format!("{}: {count}", v.channel.label()),
            Target::new(RecordKind::Variant, v.id.clone()),
            None,
        ));
    }
    out.push(plain(heading(Msg::SecPublications, d.publications.len())));
    for p in &d.publications {
        out.push(plain(bullet(format!(
            "{} {} {}",
            stamp(&p.published_at),
            p.channel.label(),
            p.url
        ))));
    }
    out.push(plain(heading(Msg::SecSentTo, d.sent_to.len())));
    out.extend(d.sent_to.iter().map(link_bullet));
    out
}
