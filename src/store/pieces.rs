//! What Borradores reads: a piece with its versions, the checks before publishing, its
//! history and whoever else holds its folio; a campaign and its progress; a request for
//! material; a press release ready to print.
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::commands::{
    acknowledged, findings, going_out_on, read_draft, read_variant, rules, unconsented,
    OFFICE_CONTACT, OFFICE_HEADER, OFFICE_PLACE,
};
use super::details::not_found;
use super::error::Result;
use super::lists::{campaign_row, draft_row, material_row, CAMPAIGNS, MATERIALS};
use super::Store;
use crate::domain::edit::RecordKind;
use crate::domain::measure;
use crate::domain::records::CheckLine;
use crate::domain::status::{Channel, DraftStatus};
use crate::domain::{
    Bulletin, CampaignDetail, CampaignRow, DraftDetail, MaterialDetail, MaterialRow,
    PublicationLine, StepLine, VariantLine,
};

impl Store {
    pub fn draft_detail(&self, id: &str) -> Result<DraftDetail> {
        type Head = (
            crate::domain::DraftRow,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let (row, body, author, campaign, report_id, event_id): Head = self
            .conn()
            .prepare_cached(
                "SELECT x.id, x.written_at, x.title, x.kind, x.status, x.folio, x.body,
                        coalesce(s.name, ''), coalesce(c.name, ''), x.report_id, x.event_id
                 FROM drafts x LEFT JOIN staff s ON s.id = x.author_id
                 LEFT JOIN campaigns c ON c.id = x.campaign_id
                 WHERE x.id = ?1 AND x.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    draft_row(r)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("drafts", id))?;
        let source = match (report_id, event_id) {
            (Some(r), _) => self.one_link(
                RecordKind::Report,
                "SELECT id, received_at, title, status FROM reports WHERE id = ?1 AND deleted_at IS NULL",
                Some(&r),
            )?,
            (None, e) => self.event_link(e.as_deref())?,
        };
        let draft = read_draft(self.conn(), id)?;
        let stored = self.rows(
            "SELECT id FROM variants WHERE draft_id = ?1 AND deleted_at IS NULL
             ORDER BY created_at, id",
            id,
            |r| r.get::<_, String>(0),
        )?;
        let mut inputs = Vec::with_capacity(stored.len());
        let mut variants = Vec::with_capacity(stored.len());
        for vid in stored {
            let v = read_variant(self.conn(), &vid)?;
            variants.push(VariantLine {
                id: vid,
                channel: v.channel,
                chars: measure::length(&v.body, v.channel.counting()),
                limit: v.max_chars(),
                tags: measure::hashtags(&v.body),
                language: v.language,
                translator: v.translator.clone(),
                reviewed: v.reviewed,
                with_image: v.with_image,
                alt_text: v.alt_text.clone(),
                body: if v.channel == Channel::WhatsApp {
                    measure::whatsapp(&v.body)
                } else {
                    v.body.clone()
                },
            });
            inputs.push(v);
        }
        let now = self.local_now();
        let today =
            NaiveDate::parse_from_str(now.get(..10).unwrap_or(""), "%Y-%m-%d").unwrap_or_default();
        let acks = acknowledged(self.conn(), id)?;
        let on = going_out_on(&draft, today);
        let unconsented = unconsented(self.conn(), id, on)?;
        let checks = findings(&rules(self.conn())?, &draft, &inputs, &unconsented, on)
            .into_iter()
            .map(|finding| CheckLine {
                acknowledged: acks
                    .iter()
                    .find(|(code, ..)| *code == finding.code())
                    .map(|(_, reason, by, at)| (reason.clone(), by.clone(), at.clone())),
                finding,
            })
            .collect();
        let steps = self.rows(
            "SELECT at, actor, status_from, status_to, comment FROM draft_steps
             WHERE draft_id = ?1 AND deleted_at IS NULL ORDER BY at, created_at, id",
            id,
            |r| {
                Ok(StepLine {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    from: DraftStatus::from_code(&r.get::<_, String>(2)?),
                    to: DraftStatus::from_code(&r.get::<_, String>(3)?)
                        .unwrap_or(DraftStatus::Draft),
                    comment: r.get(4)?,
                })
            },
        )?;
        let same_folio = self.links(
            RecordKind::Draft,
            "SELECT o.id, o.written_at, o.title, o.status FROM drafts x
             JOIN drafts o ON o.folio_year = x.folio_year AND o.folio_number = x.folio_number
             WHERE x.id = ?1 AND o.id <> x.id AND o.deleted_at IS NULL
             AND typeof(x.folio_number) = 'integer'
             ORDER BY o.written_at, o.id",
            id,
        )?;
        let publications = self.rows(
            "SELECT channel, published_at, url FROM publications
             WHERE draft_id = ?1 AND deleted_at IS NULL ORDER BY published_at, id",
            id,
            |r| {
                Ok(PublicationLine {
                    channel: Channel::from_code(&r.get::<_, String>(0)?).unwrap_or(Channel::Web),
                    published_at: r.get(1)?,
                    url: r.get(2)?,
                })
            },
        )?;
        let sent_to = self.links(
            RecordKind::ContactList,
            "SELECT l.id, d.sent_at, l.name, '' FROM distributions d
             JOIN contact_lists l ON l.id = d.list_id
             WHERE d.draft_id = ?1 AND d.deleted_at IS NULL ORDER BY d.sent_at, d.id",
            id,
        )?;
        Ok(DraftDetail {
            row,
            body,
            author,
            campaign,
            source,
            variants,
            publications,
            sent_to,
            topic: draft.topic,
            review_comment: draft.review_comment,
            scheduled_for: draft.scheduled_for,
            approved_by: draft.approved_by,
            approved_at: draft.approved_at,
            checks,
            steps,
            same_folio,
        })
    }

    pub fn campaign_detail(&self, id: &str) -> Result<CampaignDetail> {
        let (row, objective, department_id): (CampaignRow, String, Option<String>) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {}, c.objective, c.department_id {} WHERE c.id = ?1 AND c.deleted_at IS NULL",
                CAMPAIGNS.select, CAMPAIGNS.from
            ))?
            .query_row([id], |r| Ok((campaign_row(r)?, r.get(7)?, r.get(8)?)))
            .optional()?
            .ok_or_else(|| not_found("campaigns", id))?;
        Ok(CampaignDetail {
            row,
            objective,
            department: self.department_link(department_id.as_deref())?,
            pieces: self.drafts_from("campaign_id", id)?,
            events: self.links(
                RecordKind::Event,
                "SELECT id, starts_at, title, status FROM events
                 WHERE campaign_id = ?1 AND deleted_at IS NULL ORDER BY starts_at, id",
                id,
            )?,
            materials: self.links(
                RecordKind::Material,
                "SELECT id, needed_by, title, status FROM material_requests
                 WHERE campaign_id = ?1 AND deleted_at IS NULL ORDER BY needed_by, id",
                id,
            )?,
        })
    }

    pub fn material_detail(&self, id: &str) -> Result<MaterialDetail> {
        type Head = (
            MaterialRow,
            String,
            String,
            String,
            String,
            String,
            [Option<String>; 3],
        );
        let (row, description, requested_on, approved_by, delivered_on, notes, links): Head = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {}, m.description, m.requested_on, m.approved_by, m.delivered_on, m.notes,
                        m.department_id, m.campaign_id, m.event_id
                 {} WHERE m.id = ?1 AND m.deleted_at IS NULL",
                MATERIALS.select, MATERIALS.from
            ))?
            .query_row([id], |r| {
                Ok((
                    material_row(r)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    [r.get(11)?, r.get(12)?, r.get(13)?],
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("material_requests", id))?;
        let [department_id, campaign_id, event_id] = links;
        Ok(MaterialDetail {
            row,
            description,
            requested_on,
            approved_by,
            delivered_on,
            notes,
            department: self.department_link(department_id.as_deref())?,
            campaign: self.one_link(
                RecordKind::Campaign,
                "SELECT id, starts_on, name, '' FROM campaigns WHERE id = ?1 AND deleted_at IS NULL",
                campaign_id.as_deref(),
            )?,
            event: self.event_link(event_id.as_deref())?,
            files: self.material_files(id)?,
        })
    }

    /// The press release with this folio (written as the office writes it, any case; or a
    /// draft's id), ready to print: none when no live press release holds it approved
    /// (approved, scheduled or published: one sent back to review is not the office's word).
    pub fn bulletin(&self, folio: &str) -> Result<Option<Bulletin>> {
        let wanted = folio.trim();
        let found: Option<(String, String, String, String, String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT folio, title, body, approved_at, written_at, id FROM drafts
                 WHERE deleted_at IS NULL AND kind = 'release' AND folio <> ''
                 AND status IN ('approved', 'scheduled', 'published')
                 AND (upper(folio) = upper(?1) OR id = ?1)
                 ORDER BY approved_at LIMIT 1",
            )?
            .query_row([wanted], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .optional()?;
        let Some((folio, title, body, approved_at, written_at, _)) = found else {
            return Ok(None);
        };
        let day = |s: &str| NaiveDate::parse_from_str(s.get(..10).unwrap_or(""), "%Y-%m-%d");
        let date = day(&approved_at)
            .or_else(|_| day(&written_at))
            .unwrap_or_default();
        let setting = |key: &str| -> Result<String> { Ok(self.setting(key)?.unwrap_or_default()) };
        let header = match setting(OFFICE_HEADER)? {
            h if !h.trim().is_empty() => h,
            _ => setting("office_name")?,
        };
        Ok(Some(Bulletin {
            folio,
            header,
            place: setting(OFFICE_PLACE)?,
            date,
            title,
            body,
            contact: setting(OFFICE_CONTACT)?,
        }))
    }
}
