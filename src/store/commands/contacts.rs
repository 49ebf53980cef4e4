//! The media directory: outlets, journalists, contact lists and who is on them; what was sent
//! to them and the interviews they asked for.
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields, Tx};
use crate::domain::edit::{
    ContactListInput, DistributionInput, InterviewInput, JournalistInput, MemberInput, OutletInput,
};
use crate::domain::ids::seed_id;
use crate::domain::status::{
    DeliveryStatus, DraftStatus, InterviewStatus, MediaRequestKind, OutletKind, SendChannel,
};
use crate::store::error::{Result, StoreError};
use crate::store::Value;

pub(super) fn outlet_fields(o: &OutletInput) -> Fields {
    vec![
        ("name", text(o.name.trim())),
        ("kind", text(o.kind.code())),
        ("city", text(o.city.trim())),
        ("region", text(o.region.trim())),
        ("email", text(o.email.trim())),
        ("phone", text(o.phone.trim())),
        ("website", text(o.website.trim())),
        ("notes", text(&o.notes)),
    ]
}

pub(super) fn journalist_fields(j: &JournalistInput) -> Fields {
    vec![
        ("outlet_id", opt(&j.outlet_id)),
        ("name", text(j.name.trim())),
        ("role", text(j.role.trim())),
        ("beats", text(j.beats.trim())),
        ("email", text(j.email.trim())),
        ("phone", text(j.phone.trim())),
        ("channel", text(j.channel.code())),
        ("do_not_contact", flag(j.do_not_contact)),
        ("dnc_reason", text(j.dnc_reason.trim())),
        ("consent", flag(j.consent)),
        ("privacy_notice_on", text(&j.privacy_notice_on)),
        ("notes", text(&j.notes)),
    ]
}

pub(super) fn list_fields(l: &ContactListInput) -> Fields {
    vec![
        ("name", text(l.name.trim())),
        ("description", text(&l.description)),
    ]
}

pub(super) fn member_fields(m: &MemberInput) -> Fields {
    vec![
        ("list_id", text(&m.list_id)),
        ("journalist_id", text(&m.journalist_id)),
    ]
}

pub(super) fn distribution_fields(d: &DistributionInput) -> Fields {
    vec![
        ("draft_id", text(&d.draft_id)),
        ("list_id", text(&d.list_id)),
        ("sent_at", text(&d.sent_at)),
        ("channel", text(d.channel.code())),
        ("notes", text(&d.notes)),
    ]
}

pub(super) fn interview_fields(i: &InterviewInput) -> Fields {
    vec![
        ("kind", text(i.kind.code())),
        ("outlet_id", opt(&i.outlet_id)),
        ("journalist_id", opt(&i.journalist_id)),
        ("topic", text(i.topic.trim())),
        ("interviewee", text(i.interviewee.trim())),
        ("requested_on", text(&i.requested_on)),
        ("due_on", text(&i.due_on)),
        ("scheduled_at", text(&i.scheduled_at)),
        ("status", text(i.status.code())),
        ("outcome", text(&i.outcome)),
        ("notes", text(&i.notes)),
    ]
}

/// A membership's id: one per (list, journalist), so two machines adding the same person to
/// the same list make one row, not two.
fn member_id(list: &str, journalist: &str) -> String {
    seed_id("member", &format!("{list}:{journalist}"))
}

/// A delivery's id: one per (piece, journalist), so a piece reaches a person once, whichever
/// lists it went to, on whichever machine.
pub(crate) fn delivery_id(draft: &str, journalist: &str) -> String {
    seed_id("delivery", &format!("{draft}:{journalist}"))
}

/// A send's id: one per (piece, list).
fn send_id(draft: &str, list: &str) -> String {
    seed_id("distribution", &format!("{draft}:{list}"))
}

/// What [`Tx::distribute`] prepared.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Distributed {
    /// The distribution's id (the send to one list).
    pub id: String,
    /// Deliveries prepared, one per recipient.
    pub prepared: usize,
    /// Journalists on the list who asked not to be contacted: left out.
    pub left_out: usize,
    /// Journalists who already had this piece (from another list, or an earlier send).
    pub already: usize,
}

impl Tx<'_, '_> {
    /// Sends a published piece to a list: records the send, and prepares one delivery per
    /// journalist on it, by the channel they prefer (or the other one when they have no
    /// address for it). Nobody marked "do not contact" is included, and nobody who already
    /// has this piece. Nothing goes out here: the console copies each text, or SMTP sends it,
    /// and [`Tx::deliver`] records how it went.
    /// `id` when the caller chooses the send's id (the demo).
    pub fn distribute(
        &mut self,
        id: Option<&str>,
        draft_id: &str,
        list_id: &str,
    ) -> Result<Distributed> {
        self.live("drafts", draft_id)?;
        self.live("contact_lists", list_id)?;
        if self.w.get("drafts", draft_id, "status")? != Some(text(DraftStatus::Published.code())) {
            return Err(StoreError::NotPublished);
        }
        // One send per piece and list, whichever machine makes it: two copies sending the same
        // piece to the same list make one send, and its people's deliveries agree on it.
        let id = id
            .map(str::to_owned)
            .unwrap_or_else(|| send_id(draft_id, list_id));
        let input = DistributionInput {
            draft_id: draft_id.to_owned(),
            list_id: list_id.to_owned(),
            sent_at: self.now.clone(),
            channel: SendChannel::Email,
            notes: String::new(),
        };
        let members: Vec<(String, String, String, String, bool)> = self
            .w
            .conn()
            .prepare_cached(
                "SELECT j.id, j.channel, j.email, j.phone, j.do_not_contact
                 FROM list_members m JOIN journalists j ON j.id = m.journalist_id
                 WHERE m.list_id = ?1 AND m.deleted_at IS NULL AND j.deleted_at IS NULL
                 ORDER BY j.name, j.id",
            )?
            .query_map([list_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get::<_, i64>(4)? != 0,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut done = Distributed {
            id: id.clone(),
            ..Distributed::default()
        };
        for (journalist, channel, email, phone, dnc) in members {
            if dnc {
                done.left_out += 1;
                continue;
            }
            let delivery = delivery_id(draft_id, &journalist);
            let stored = self.w.get("deliveries", &delivery, "deleted_at")?;
            if stored == Some(Value::Null) {
                done.already += 1;
                continue;
            }
            let preferred = SendChannel::from_code(&channel).unwrap_or(SendChannel::Email);
            let (channel, address) = route(preferred, email.trim(), phone.trim());
            let status = if address.is_empty() {
                DeliveryStatus::Failed
            } else {
                DeliveryStatus::Pending
            };
            let error = if address.is_empty() { NO_ADDRESS } else { "" };
            let fields = [
                ("distribution_id", text(&id)),
                ("draft_id", text(draft_id)),
                ("journalist_id", text(&journalist)),
                ("channel", text(channel.code())),
                ("address", text(address)),
                ("status", text(status.code())),
                ("sent_at", text("")),
                ("error", text(error)),
            ];
            if stored.is_some() {
                // Prepared once and taken back (an undone send): prepared again, afresh.
                self.w.restore("deliveries", &delivery)?;
                self.w.update("deliveries", &delivery, &fields)?;
            } else {
                self.w.insert("deliveries", &delivery, &fields)?;
            }
            done.prepared += 1;
        }
        // A send that reaches nobody new is not a send: nothing is written.
        if done.prepared == 0 {
            return Err(StoreError::NobodyNew {
                left_out: done.left_out,
                already: done.already,
            });
        }
        // New people on a list sent to before join that send; a send taken back comes back.
        match self.w.get("distributions", &id, "deleted_at")? {
            None => self
                .w
                .insert("distributions", &id, &distribution_fields(&input))?,
            Some(Value::Null) => {}
            Some(_) => {
                self.w.restore("distributions", &id)?;
                self.w
                    .update("distributions", &id, &[("sent_at", text(&self.now))])?;
            }
        }
        Ok(done)
    }

    /// The deliveries a send prepared, by recipient name.
    pub fn deliveries_of(&self, distribution: &str) -> Result<Vec<String>> {
        let ids = self
            .w
            .conn()
            .prepare_cached(
                "SELECT v.id FROM deliveries v JOIN journalists j ON j.id = v.journalist_id
                 WHERE v.distribution_id = ?1 AND v.deleted_at IS NULL ORDER BY j.name, v.id",
            )?
            .query_map([distribution], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Records how one delivery went: sent now, or failed with the reason. A delivery already
    /// sent stays sent (a retry never sends twice).
    pub fn deliver(&mut self, delivery: &str, status: DeliveryStatus, error: &str) -> Result<()> {
        self.live("deliveries", delivery)?;
        if self.w.get("deliveries", delivery, "status")? == Some(text(DeliveryStatus::Sent.code()))
        {
            return Ok(());
        }
        let sent_at = if status == DeliveryStatus::Sent {
            self.now.clone()
        } else {
            String::new()
        };
        self.w.update(
            "deliveries",
            delivery,
            &[
                ("status", text(status.code())),
                ("sent_at", text(&sent_at)),
                ("error", text(error)),
            ],
        )?;
        Ok(())
    }

    /// Puts a journalist on a list (bringing a removed membership back).
    pub(super) fn add_member(&mut self, m: &MemberInput) -> Result<String> {
        let id = member_id(&m.list_id, &m.journalist_id);
        self.ensure("list_members", &id, &member_fields(m))?;
        Ok(id)
    }

    /// Makes a journalist's memberships exactly `lists`.
    pub(super) fn set_lists(&mut self, journalist: &str, lists: &[String]) -> Result<()> {
        for member in self.ids_where("list_members", "journalist_id", journalist)? {
            let list = self.value("SELECT list_id FROM list_members WHERE id = ?1", &member)?;
            let keep = matches!(&list, Some(crate::store::Value::Text(l)) if lists.contains(l));
            if !keep {
                self.w.delete("list_members", &member)?;
            }
        }
        for list in lists {
            self.add_member(&MemberInput {
                list_id: list.clone(),
                journalist_id: journalist.to_owned(),
            })?;
        }
        Ok(())
    }
}

pub use crate::domain::NO_ADDRESS;

/// The channel and address a piece goes by: the preferred one where the journalist has an
/// address for it, else the other; no address at all gives an empty one.
pub fn route<'a>(preferred: SendChannel, email: &'a str, phone: &'a str) -> (SendChannel, &'a str) {
    match preferred {
        SendChannel::Email if !email.is_empty() => (SendChannel::Email, email),
        SendChannel::WhatsApp if !phone.is_empty() => (SendChannel::WhatsApp, phone),
        _ if !email.is_empty() => (SendChannel::Email, email),
        _ if !phone.is_empty() => (SendChannel::WhatsApp, phone),
        _ => (preferred, ""),
    }
}

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_outlet(conn: &Connection, id: &str) -> Result<OutletInput> {
    conn.prepare_cached(
        "SELECT name, kind, city, region, email, phone, website, notes FROM outlets
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(OutletInput {
            name: r.get(0)?,
            kind: OutletKind::from_code(&r.get::<_, String>(1)?).unwrap_or(OutletKind::Digital),
            city: r.get(2)?,
            region: r.get(3)?,
            email: r.get(4)?,
            phone: r.get(5)?,
            website: r.get(6)?,
            notes: r.get(7)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("outlets", id))
}

pub(crate) fn read_journalist(conn: &Connection, id: &str) -> Result<JournalistInput> {
    let mut j = conn
        .prepare_cached(
            "SELECT outlet_id, name, role, email, phone, consent, privacy_notice_on, notes,
                    beats, channel, do_not_contact, dnc_reason
             FROM journalists WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([id], |r| {
            Ok(JournalistInput {
                outlet_id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                consent: r.get::<_, i64>(5)? != 0,
                privacy_notice_on: r.get(6)?,
                notes: r.get(7)?,
                beats: r.get(8)?,
                channel: SendChannel::from_code(&r.get::<_, String>(9)?)
                    .unwrap_or(SendChannel::Email),
                do_not_contact: r.get::<_, i64>(10)? != 0,
                dnc_reason: r.get(11)?,
                lists: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| not_found("journalists", id))?;
    j.lists = conn
        .prepare_cached(
            "SELECT m.list_id FROM list_members m JOIN contact_lists l ON l.id = m.list_id
             WHERE m.journalist_id = ?1 AND m.deleted_at IS NULL AND l.deleted_at IS NULL
             ORDER BY l.name",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(j)
}

pub(crate) fn read_list(conn: &Connection, id: &str) -> Result<ContactListInput> {
    conn.prepare_cached(
        "SELECT name, description FROM contact_lists WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(ContactListInput {
            name: r.get(0)?,
            description: r.get(1)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("contact_lists", id))
}

pub(crate) fn read_interview(conn: &Connection, id: &str) -> Result<InterviewInput> {
    conn.prepare_cached(
        "SELECT kind, outlet_id, journalist_id, topic, interviewee, requested_on, due_on,
                scheduled_at, status, outcome, notes
         FROM interviews WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(InterviewInput {
            kind: MediaRequestKind::from_code(&r.get::<_, String>(0)?)
                .unwrap_or(MediaRequestKind::Interview),
            outlet_id: r.get(1)?,
            journalist_id: r.get(2)?,
            topic: r.get(3)?,
            interviewee: r.get(4)?,
            requested_on: r.get(5)?,
            due_on: r.get(6)?,
            scheduled_at: r.get(7)?,
            status: InterviewStatus::from_code(&r.get::<_, String>(8)?)
                .unwrap_or(InterviewStatus::Requested),
            outcome: r.get(9)?,
            notes: r.get(10)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("interviews", id))
}
