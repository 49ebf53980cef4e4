//! Envíos: what was sent to the media, one row per piece and list. Its detail lists every
//! recipient with the channel they prefer and where the piece stands for them; `y` copies the
//! text for the chosen recipient (WhatsApp text, or the e-mail with its subject), `m` marks it
//! sent or failed. Nobody who asked not to be contacted is ever on it.
use ratatui::layout::Constraint;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;

use super::plain;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::{DeliveryStatus, SendChannel};
use crate::domain::{DistributionDetail, DistributionRow, PageRequest};
use crate::i18n::labels::Label;
use crate::i18n::{number, stamp, t, tf, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, Pick, Role};
use crate::ui::tabs::lines::link_field;
use crate::ui::widgets::{field, heading};

#[derive(Debug)]
pub struct Sends;

/// The mark of a delivery's status.
fn mark(status: DeliveryStatus) -> &'static str {
    match status {
        DeliveryStatus::Sent => "✓",
        DeliveryStatus::Failed => "✗",
        DeliveryStatus::Pending => "·",
    }
}

impl ListKind for Sends {
    type Row = DistributionRow;
    type Detail = DistributionDetail;
    const LIST: ListId = ListId::Distributions;
    const KIND: RecordKind = RecordKind::Distribution;

    fn title() -> Msg {
        Msg::ViewSends
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<DistributionRow>> {
        data.distributions(q, req)
    }

    fn detail(data: &dyn Reader, row: &DistributionRow, _: &Ctx) -> DataResult<DistributionDetail> {
        data.distribution(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColSentAt, Msg::ColTitle, Msg::ColList, Msg::ColReached]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(9),
        ]
    }

    fn cells(d: &DistributionRow, _: &Ctx) -> (Vec<String>, Style) {
        let style = if d.recipients > 0 && d.sent < d.recipients {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        };
        let cells = vec![
            stamp(&d.sent_at),
            d.title.clone(),
            d.list.clone(),
            // A send recorded before the per-person log has no recipients to count.
            if d.recipients == 0 {
                "—".to_owned()
            } else {
                format!("{}/{}", number(d.sent as u64), number(d.recipients as u64))
            },
        ];
        (cells, style)
    }

    fn describe(d: &DistributionRow) -> (String, Option<String>) {
        (d.title.clone(), None)
    }

    fn lines(d: &DistributionDetail) -> Vec<DetailLine> {
        let r = &d.row;
        let mut out = vec![plain(crate::ui::widgets::title(&r.title))];
        if let Some(draft) = &d.draft {
            out.push(link_field(Msg::FieldPiece, draft));
        }
        match &d.list_link {
            Some(l) => out.push(link_field(Msg::RecContactList, l)),
            None => out.push(plain(field(Msg::RecContactList, r.list.clone()))),
        }
        out.push(plain(field(Msg::FieldSentAt, stamp(&r.sent_at))));
        out.push(plain(field(
            Msg::FieldReached,
            tf(
                Msg::SendCounts,
                &[
                    &d.count(DeliveryStatus::Sent),
                    &d.count(DeliveryStatus::Pending),
                    &d.count(DeliveryStatus::Failed),
                ],
            ),
        )));
        out.push(plain(heading(Msg::SecRecipients, d.deliveries.len())));
        for v in &d.deliveries {
            let who = &v.name;
            let how = if v.address.is_empty() {
                v.channel.label().to_owned()
            } else {
                match v.channel {
                    SendChannel::Email => format!("✉ {}", v.address),
                    SendChannel::WhatsApp => format!("WhatsApp {}", v.address),
                }
            };
            let state = match v.status {
                // The mark says it; when is in the log (and the person's card).
                DeliveryStatus::Sent => String::new(),
                DeliveryStatus::Failed if v.error == crate::domain::NO_ADDRESS => {
                    t(Msg::SendNoAddress).to_owned()
                }
                DeliveryStatus::Failed => format!("{}: {}", v.status.label(), v.error),
                DeliveryStatus::Pending => v.status.label().to_owned(),
            };
            let style = match v.status {
                DeliveryStatus::Sent => Style::new(),
                DeliveryStatus::Failed => Style::new().fg(Color::Red),
                DeliveryStatus::Pending => Style::new().bold(),
            };
            let pick = Pick {
                role: Role::Recipient,
                target: Target::new(RecordKind::Delivery, v.id.clone()),
                title: v.name.clone(),
                status: Some(v.status.code().to_owned()),
                open: Some(Target::new(RecordKind::Journalist, v.journalist_id.clone())),
            };
            out.push(DetailLine::pick(
                Line::styled(
                    if state.is_empty() {
                        format!(" {} {who} · {how}", mark(v.status))
                    } else {
                        format!(" {} {who} · {how} · {state}", mark(v.status))
                    },
                    style,
                ),
                pick,
            ));
        }
        out.push(plain(Line::from("")));
        out.push(plain(Line::from(t(Msg::SendHint)).dim()));
        out
    }

    fn copy_text(d: &DistributionDetail, chosen: Option<&Pick>) -> Option<String> {
        let chosen = chosen.filter(|p| p.role == Role::Recipient)?;
        let v = d.deliveries.iter().find(|v| v.id == chosen.target.id)?;
        Some(match v.channel {
            SendChannel::WhatsApp => d.whatsapp.body.clone(),
            SendChannel::Email => format!("{}\n\n{}", d.email.subject, d.email.body),
        })
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            dates: true,
            ..FilterSpec::default()
        }
    }
}
