//! The media directory: outlets, journalists, contact lists and who is on them; what was sent
//! to them and the interviews they asked for.
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields, Tx};
use crate::domain::edit::{
    ContactListInput, DistributionInput, InterviewInput, JournalistInput, MemberInput, OutletInput,
};
use crate::domain::ids::seed_id;
use crate::domain::status::OutletKind;
use crate::store::error::{Result, StoreError};

pub(super) fn outlet_fields(o: &OutletInput) -> Fields {
    vec![
        ("name", text(o.name.trim())),
        ("kind", text(o.kind.code())),
        ("city", text(o.city.trim())),
        ("email", text(o.email.trim())),
        ("phone", text(o.phone.trim())),
        ("website", text(o.website.trim())),
    ]
}

pub(super) fn journalist_fields(j: &JournalistInput) -> Fields {
    vec![
        ("outlet_id", opt(&j.outlet_id)),
        ("name", text(j.name.trim())),
        ("role", text(j.role.trim())),
        ("email", text(j.email.trim())),
        ("phone", text(j.phone.trim())),
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
        ("outlet_id", opt(&i.outlet_id)),
        ("journalist_id", opt(&i.journalist_id)),
        ("topic", text(i.topic.trim())),
        ("interviewee", text(i.interviewee.trim())),
        ("requested_on", text(&i.requested_on)),
        ("scheduled_at", text(&i.scheduled_at)),
        ("status", text(i.status.code())),
        ("notes", text(&i.notes)),
    ]
}

/// A membership's id: one per (list, journalist), so two machines adding the same person to
/// the same list make one row, not two.
fn member_id(list: &str, journalist: &str) -> String {
    seed_id("member", &format!("{list}:{journalist}"))
}

impl Tx<'_, '_> {
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

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_outlet(conn: &Connection, id: &str) -> Result<OutletInput> {
    conn.prepare_cached(
        "SELECT name, kind, city, email, phone, website FROM outlets
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(OutletInput {
            name: r.get(0)?,
            kind: OutletKind::from_code(&r.get::<_, String>(1)?).unwrap_or(OutletKind::Digital),
            city: r.get(2)?,
            email: r.get(3)?,
            phone: r.get(4)?,
            website: r.get(5)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("outlets", id))
}

pub(crate) fn read_journalist(conn: &Connection, id: &str) -> Result<JournalistInput> {
    let mut j = conn
        .prepare_cached(
            "SELECT outlet_id, name, role, email, phone, consent, privacy_notice_on, notes
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
