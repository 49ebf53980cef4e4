//! Drafts, their versions per network and their publications; approval and press-release
//! folios (`CS/045/2023`: sequential per year, never reused).
use rusqlite::{Connection, OptionalExtension};

use super::{opt, text, Fields, Tx};
use crate::domain::edit::{DraftInput, PublicationInput, VariantInput};
use crate::domain::folio::Folio;
use crate::domain::status::{Channel, DraftKind, DraftStatus};
use crate::store::error::{Result, StoreError};
use crate::store::Value;

pub(super) fn draft_fields(d: &DraftInput) -> Fields {
    vec![
        ("title", text(d.title.trim())),
        ("body", text(&d.body)),
        ("kind", text(d.kind.code())),
        ("status", text(d.status.code())),
        ("written_at", text(&d.written_at)),
        ("topic", text(d.topic.trim())),
        ("report_id", opt(&d.report_id)),
        ("event_id", opt(&d.event_id)),
        ("campaign_id", opt(&d.campaign_id)),
        ("author_id", opt(&d.author_id)),
        ("approved_by", text(&d.approved_by)),
        ("approved_at", text(&d.approved_at)),
    ]
}

pub(super) fn variant_fields(v: &VariantInput) -> Fields {
    vec![
        ("draft_id", text(&v.draft_id)),
        ("channel", text(v.channel.code())),
        ("body", text(&v.body)),
    ]
}

pub(super) fn publication_fields(p: &PublicationInput) -> Fields {
    vec![
        ("draft_id", text(&p.draft_id)),
        ("channel", text(p.channel.code())),
        ("published_at", text(&p.published_at)),
        ("url", text(p.url.trim())),
    ]
}

/// Sets a column in a list of fields, replacing it when present.
fn set(fields: &mut Fields, col: &'static str, value: Value) {
    match fields.iter_mut().find(|(c, _)| *c == col) {
        Some(f) => f.1 = value,
        None => fields.push((col, value)),
    }
}

impl Tx<'_, '_> {
    /// What approving a draft brings: who approved it and when, and — for a press release —
    /// the next folio of its year, once. `existing` is the draft's id when it is already stored.
    pub(super) fn draft_rules(
        &mut self,
        id: &str,
        d: &DraftInput,
        existing: Option<&str>,
        fields: &mut Fields,
    ) -> Result<()> {
        let before = match existing {
            Some(id) => self.w.get("drafts", id, "status")?,
            None => None,
        };
        let was_approved = before == Some(Value::Text(DraftStatus::Approved.code().into()));
        let approving = d.status == DraftStatus::Approved && !was_approved;
        if approving && (existing.is_some() || d.approved_by.is_empty()) {
            set(fields, "approved_by", Value::Text(self.actor.to_owned()));
            set(fields, "approved_at", Value::Text(self.now.clone()));
        }
        if d.kind == DraftKind::Release && d.status.has_folio() {
            let current = match existing {
                Some(_) => self.w.get("drafts", id, "folio")?,
                None => None,
            };
            if current.is_none_or(|v| v == Value::Text(String::new())) {
                let year: i32 = d
                    .written_at
                    .get(..4)
                    .and_then(|y| y.parse().ok())
                    .unwrap_or_else(|| {
                        self.now
                            .get(..4)
                            .and_then(|y| y.parse().ok())
                            .unwrap_or(2000)
                    });
                let folio = self.next_folio(year)?;
                set(fields, "folio", Value::Text(folio.to_string()));
                set(fields, "folio_year", Value::Integer(folio.year as i64));
                set(fields, "folio_number", Value::Integer(folio.number as i64));
            }
        }
        Ok(())
    }

    /// The folio after the highest ever given this year (deleted drafts included: a folio is
    /// never reused).
    fn next_folio(&self, year: i32) -> Result<Folio> {
        let highest = self.value(
            "SELECT max(folio_number) FROM drafts WHERE folio_year = ?1",
            &year.to_string(),
        )?;
        let highest = match highest {
            Some(Value::Integer(n)) if n > 0 => Some(Folio {
                year,
                number: n as u32,
            }),
            _ => None,
        };
        Ok(Folio::next(year, highest))
    }

    pub(super) fn read_draft(&self, id: &str) -> Result<DraftInput> {
        read_draft(self.w.conn(), id)
    }
}

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_draft(conn: &Connection, id: &str) -> Result<DraftInput> {
    conn.prepare_cached(
        "SELECT title, body, kind, status, written_at, topic, report_id, event_id, campaign_id,
                author_id, approved_by, approved_at FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(DraftInput {
            title: r.get(0)?,
            body: r.get(1)?,
            kind: DraftKind::from_code(&r.get::<_, String>(2)?).unwrap_or(DraftKind::Post),
            status: DraftStatus::from_code(&r.get::<_, String>(3)?).unwrap_or(DraftStatus::Draft),
            written_at: r.get(4)?,
            topic: r.get(5)?,
            report_id: r.get(6)?,
            event_id: r.get(7)?,
            campaign_id: r.get(8)?,
            author_id: r.get(9)?,
            approved_by: r.get(10)?,
            approved_at: r.get(11)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("drafts", id))
}

pub(crate) fn read_variant(conn: &Connection, id: &str) -> Result<VariantInput> {
    conn.prepare_cached(
        "SELECT draft_id, channel, body FROM variants WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(VariantInput {
            draft_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            channel: Channel::from_code(&r.get::<_, String>(1)?).unwrap_or(Channel::Facebook),
            body: r.get(2)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("variants", id))
}
