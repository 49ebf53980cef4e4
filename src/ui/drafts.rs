//! Borradores: posts and press releases, their per-network variants, approval and publication.
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Row;
use ratatui::Frame;

use super::layout::list_and_detail;
use super::widgets::{bullet, detail, field, heading, table, title};
use super::View;
use crate::domain::status::DraftStatus;
use crate::domain::{DraftDetail, DraftRow};
use crate::i18n::{stamp, t, tf, Msg};

pub fn draw(frame: &mut Frame, area: Rect, view: &View) {
    let (list, pane) = list_and_detail(area);
    table(
        frame,
        list,
        t(Msg::TabDrafts).to_owned(),
        &view.drafts.list,
        &[Msg::ColWritten, Msg::ColTitle, Msg::ColKind, Msg::ColStatus],
        &[
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(11),
        ],
        |x: &DraftRow| {
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
            Row::new([
                stamp(&x.written_at),
                x.title.clone(),
                kind,
                x.status.label().to_owned(),
            ])
            .style(style)
        },
    );
    if let (Some(pane), Some(d)) = (pane, &view.drafts.detail) {
        detail(frame, pane, lines(d));
    }
}

pub fn lines(d: &DraftDetail) -> Vec<Line<'static>> {
    let x = &d.row;
    let mut out = vec![title(&x.title), field(Msg::FieldKind, x.kind.label())];
    if !x.folio.is_empty() {
        out.push(field(Msg::FieldFolio, x.folio.clone()));
    }
    out.push(field(Msg::FieldStatus, x.status.label()));
    out.push(field(Msg::FieldWritten, stamp(&x.written_at)));
    if !d.author.is_empty() {
        out.push(field(Msg::FieldAuthor, d.author.clone()));
    }
    if !d.campaign.is_empty() {
        out.push(field(Msg::FieldCampaign, d.campaign.clone()));
    }
    if let Some((kind, source)) = &d.source {
        out.push(field(Msg::FieldSource, format!("{kind}: {source}")));
    }
    out.push(Line::default());
    out.push(Line::from(d.body.clone()));
    out.push(heading(Msg::SecVariants, d.variants.len()));
    for v in &d.variants {
        let count = match v.channel.limit() {
            Some(limit) => tf(Msg::CharsOfLimit, &[&v.chars, &limit]),
            None => tf(Msg::Chars, &[&v.chars]),
        };
        out.push(bullet(format!("{}: {count}", v.channel.label())));
    }
    out.push(heading(Msg::SecPublications, d.publications.len()));
    for p in &d.publications {
        out.push(bullet(format!(
            "{} {} {}",
            stamp(&p.published_at),
            p.channel.label(),
            p.url
        )));
    }
    out.push(heading(Msg::SecSentTo, d.sent_to.len()));
    for (list, at) in &d.sent_to {
        out.push(bullet(format!("{} {list}", stamp(at))));
    }
    out
}
