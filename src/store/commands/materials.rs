//! Campaigns and the material departments ask the office to make (posters, flyers, banners,
//! invitations, video, radio spots).
use rusqlite::{Connection, OptionalExtension};

use super::{opt, text, Fields};
use crate::domain::edit::{CampaignInput, MaterialInput};
use crate::domain::status::{MaterialKind, MaterialStatus};
use crate::store::error::{Result, StoreError};

pub(super) fn campaign_fields(c: &CampaignInput) -> Fields {
    vec![
        ("name", text(c.name.trim())),
        ("objective", text(&c.objective)),
        ("starts_on", text(&c.starts_on)),
        ("ends_on", text(&c.ends_on)),
        ("department_id", opt(&c.department_id)),
    ]
}

pub(super) fn material_fields(m: &MaterialInput) -> Fields {
    vec![
        ("title", text(m.title.trim())),
        ("kind", text(m.kind.code())),
        ("description", text(&m.description)),
        ("department_id", opt(&m.department_id)),
        ("campaign_id", opt(&m.campaign_id)),
        ("event_id", opt(&m.event_id)),
        ("requested_on", text(&m.requested_on)),
        ("needed_by", text(&m.needed_by)),
        ("status", text(m.status.code())),
        ("approved_by", text(m.approved_by.trim())),
        ("delivered_on", text(&m.delivered_on)),
        ("notes", text(&m.notes)),
    ]
}

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_campaign(conn: &Connection, id: &str) -> Result<CampaignInput> {
    conn.prepare_cached(
        "SELECT name, objective, starts_on, ends_on, department_id FROM campaigns
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(CampaignInput {
            name: r.get(0)?,
            objective: r.get(1)?,
            starts_on: r.get(2)?,
            ends_on: r.get(3)?,
            department_id: r.get(4)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("campaigns", id))
}

pub(crate) fn read_material(conn: &Connection, id: &str) -> Result<MaterialInput> {
    conn.prepare_cached(
        "SELECT title, kind, description, department_id, campaign_id, event_id, requested_on,
                needed_by, status, approved_by, delivered_on, notes
         FROM material_requests WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(MaterialInput {
            title: r.get(0)?,
            kind: MaterialKind::from_code(&r.get::<_, String>(1)?).unwrap_or(MaterialKind::Other),
            description: r.get(2)?,
            department_id: r.get(3)?,
            campaign_id: r.get(4)?,
            event_id: r.get(5)?,
            requested_on: r.get(6)?,
            needed_by: r.get(7)?,
            status: MaterialStatus::from_code(&r.get::<_, String>(8)?)
                .unwrap_or(MaterialStatus::Received),
            approved_by: r.get(9)?,
            delivered_on: r.get(10)?,
            notes: r.get(11)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("material_requests", id))
}
