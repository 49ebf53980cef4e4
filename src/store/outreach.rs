//! What the office sends to the media: the text each recipient gets, by the channel they
//! prefer, and the log of who got what, when and how ("last contacted" comes from it).
use rusqlite::OptionalExtension;

use super::error::Result;
use super::Store;
use crate::domain::edit::RecordKind;
use crate::domain::status::{Channel, DeliveryStatus, Language, SendChannel};
use crate::domain::{DeliveryLine, DistributionDetail, Message};
use crate::interop::bulletin::{self, BulletinFormat};

impl Store {
    /// The text a piece goes out as on a channel. E-mail: a press release as its boletín
    /// (header, folio, date and place line, body, contact), anything else as title and body.
    /// WhatsApp: the piece's Spanish WhatsApp version when it has one, else the title in bold
    /// and the body, in WhatsApp's own formatting.
    pub fn message(&self, draft_id: &str, channel: SendChannel) -> Result<Message> {
        let (title, body, folio): (String, String, String) = self.conn().query_row(
            "SELECT title, body, folio FROM drafts WHERE id = ?1",
            [draft_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let title = title.trim().to_owned();
        let subject = if folio.is_empty() {
            title.clone()
        } else {
            format!("Boletín {folio}: {title}")
        };
        let body = match channel {
            SendChannel::Email => match self.bulletin(draft_id)? {
                Some(b) => bulletin::render(&b, BulletinFormat::Txt),
                None => format!("{title}\n\n{}\n", body.trim()),
            },
            SendChannel::WhatsApp => {
                let version = self
                    .variants_of(draft_id)?
                    .into_iter()
                    .find(|v| v.channel == Channel::WhatsApp && v.language == Language::Spanish)
                    .map(|v| v.body);
                match version {
                    Some(text) if !text.trim().is_empty() => {
                        crate::domain::measure::whatsapp(text.trim())
                    }
                    _ => crate::domain::measure::whatsapp(&format!("*{title}*\n\n{}", body.trim())),
                }
            }
        };
        Ok(Message { subject, body })
    }

    /// A send and its recipients (by name), with the texts it carries.
    pub fn distribution_detail(&self, id: &str) -> Result<DistributionDetail> {
        let (row, draft_id, list_id): (crate::domain::DistributionRow, String, String) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {}, d.draft_id, d.list_id {} WHERE d.id = ?1 AND d.deleted_at IS NULL",
                super::lists::DISTRIBUTIONS.select,
                super::lists::DISTRIBUTIONS.from
            ))?
            .query_row([id], |r| {
                Ok((super::lists::distribution_row(r)?, r.get(6)?, r.get(7)?))
            })
            .optional()?
            .ok_or_else(|| super::StoreError::NotFound {
                table: "distributions".into(),
                id: id.to_owned(),
            })?;
        let deliveries = self
            .conn()
            .prepare_cached(
                "SELECT v.id, v.journalist_id, coalesce(j.name, ''), coalesce(o.name, ''),
                        v.channel, v.address, v.status, v.sent_at, v.error
                 FROM deliveries v LEFT JOIN journalists j ON j.id = v.journalist_id
                 LEFT JOIN outlets o ON o.id = j.outlet_id
                 WHERE v.distribution_id = ?1 AND v.deleted_at IS NULL
                 ORDER BY j.name, v.id",
            )?
            .query_map([id], |r| {
                Ok(DeliveryLine {
                    id: r.get(0)?,
                    journalist_id: r.get(1)?,
                    name: r.get(2)?,
                    outlet: r.get(3)?,
                    channel: SendChannel::from_code(&r.get::<_, String>(4)?)
                        .unwrap_or(SendChannel::Email),
                    address: r.get(5)?,
                    status: DeliveryStatus::from_code(&r.get::<_, String>(6)?)
                        .unwrap_or(DeliveryStatus::Pending),
                    sent_at: r.get(7)?,
                    error: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(DistributionDetail {
            draft: self.one_link(
                RecordKind::Draft,
                "SELECT id, '', title, status FROM drafts WHERE id = ?1",
                Some(&draft_id),
            )?,
            list_link: self.one_link(
                RecordKind::ContactList,
                "SELECT id, '', name, '' FROM contact_lists WHERE id = ?1",
                Some(&list_id),
            )?,
            email: self.message(&draft_id, SendChannel::Email)?,
            whatsapp: self.message(&draft_id, SendChannel::WhatsApp)?,
            row,
            deliveries,
        })
    }

    /// A piece by its folio (any case) or its id: (id, title).
    pub fn piece(&self, folio_or_id: &str) -> Result<Option<(String, String)>> {
        let wanted = folio_or_id.trim();
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id, title FROM drafts WHERE deleted_at IS NULL
                 AND ((folio <> '' AND upper(folio) = upper(?1)) OR id = ?1) LIMIT 1",
            )?
            .query_row([wanted], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The sends of a piece to a list, oldest first.
    pub fn distributions_of(&self, draft: &str, list: &str) -> Result<Vec<String>> {
        let ids = self
            .conn()
            .prepare_cached(
                "SELECT id FROM distributions WHERE draft_id = ?1 AND list_id = ?2
                 AND deleted_at IS NULL ORDER BY sent_at, id",
            )?
            .query_map([draft, list], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// The name of the person a delivery is for.
    pub fn recipient(&self, delivery: &str) -> Result<String> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT coalesce(j.name, '') FROM deliveries v
                 LEFT JOIN journalists j ON j.id = v.journalist_id WHERE v.id = ?1",
            )?
            .query_row([delivery], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }

    /// When the office last reached a journalist (a delivery sent), if ever.
    pub fn last_contacted(&self, journalist: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT max(sent_at) FROM deliveries
                 WHERE journalist_id = ?1 AND status = 'sent' AND deleted_at IS NULL",
            )?
            .query_row([journalist], |r| r.get::<_, Option<String>>(0))?
            .filter(|s| !s.is_empty()))
    }
}

impl Store {
    /// Every live journalist, to match an import against: (id, outlet name, content, list
    /// names), in two queries whatever the directory's size.
    #[allow(clippy::type_complexity)]
    pub fn journalists_for_import(
        &self,
    ) -> Result<
        Vec<(
            String,
            String,
            crate::domain::edit::JournalistInput,
            Vec<String>,
        )>,
    > {
        use crate::domain::edit::JournalistInput;
        let mut lists: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut stmt = self.conn().prepare(
            "SELECT m.journalist_id, l.name FROM list_members m
             JOIN contact_lists l ON l.id = m.list_id
             WHERE m.deleted_at IS NULL AND l.deleted_at IS NULL ORDER BY l.name",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (j, name) = row?;
            lists.entry(j).or_default().push(name);
        }
        let mut stmt = self.conn().prepare(
            "SELECT j.id, coalesce(o.name, ''), j.outlet_id, j.name, j.role, j.beats, j.email,
                    j.phone, j.channel, j.do_not_contact, j.dnc_reason, j.consent,
                    j.privacy_notice_on, j.notes
             FROM journalists j LEFT JOIN outlets o ON o.id = j.outlet_id AND o.deleted_at IS NULL
             WHERE j.deleted_at IS NULL ORDER BY j.name, j.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let id: String = r.get(0)?;
                Ok((
                    id,
                    r.get(1)?,
                    JournalistInput {
                        outlet_id: r.get(2)?,
                        role: r.get(4)?,
                        beats: r.get(5)?,
                        email: r.get(6)?,
                        phone: r.get(7)?,
                        channel: SendChannel::from_code(&r.get::<_, String>(8)?)
                            .unwrap_or(SendChannel::Email),
                        do_not_contact: r.get::<_, i64>(9)? != 0,
                        dnc_reason: r.get(10)?,
                        consent: r.get::<_, i64>(11)? != 0,
                        privacy_notice_on: r.get(12)?,
                        notes: r.get(13)?,
                        ..JournalistInput::new(&r.get::<_, String>(3)?)
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .map(|(id, outlet, j)| {
                let l = lists.remove(&id).unwrap_or_default();
                (id, outlet, j, l)
            })
            .collect())
    }

    /// Each live outlet's kind, by id.
    pub fn outlet_kinds(&self) -> Result<Vec<(String, crate::domain::status::OutletKind)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, kind FROM outlets WHERE deleted_at IS NULL")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, k)| crate::domain::status::OutletKind::from_code(&k).map(|k| (id, k)))
            .collect())
    }

    /// The live records of a kind that has a name (outlets, contact lists), by name: (id,
    /// name).
    pub fn names_of(&self, kind: crate::domain::edit::RecordKind) -> Result<Vec<(String, String)>> {
        let table = super::commands::table(kind);
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, name FROM {table} WHERE deleted_at IS NULL ORDER BY name, id"
        ))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
