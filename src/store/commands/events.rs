//! Agenda events and who covers them.
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields};
use crate::domain::edit::{CoverageInput, EventInput};
use crate::domain::status::{CoverageRole, CoverageStatus, EventStatus};
use crate::store::error::{Result, StoreError};

pub(super) fn event_fields(e: &EventInput) -> Fields {
    vec![
        ("title", text(e.title.trim())),
        ("starts_at", text(&e.starts_at)),
        ("ends_at", text(&e.ends_at)),
        ("place", text(e.place.trim())),
        ("locality", text(e.locality.trim())),
        ("department_id", opt(&e.department_id)),
        ("campaign_id", opt(&e.campaign_id)),
        ("status", text(e.status.code())),
        ("public", flag(e.public)),
        ("notes", text(&e.notes)),
    ]
}

pub(super) fn coverage_fields(c: &CoverageInput) -> Fields {
    vec![
        ("event_id", text(&c.event_id)),
        ("staff_id", opt(&c.staff_id)),
        ("role", text(c.role.code())),
        ("status", text(c.status.code())),
    ]
}

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_event(conn: &Connection, id: &str) -> Result<EventInput> {
    conn.prepare_cached(
        "SELECT title, starts_at, ends_at, place, locality, department_id, campaign_id, status,
                public, notes FROM events WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(EventInput {
            title: r.get(0)?,
            starts_at: r.get(1)?,
            ends_at: r.get(2)?,
            place: r.get(3)?,
            locality: r.get(4)?,
            department_id: r.get(5)?,
            campaign_id: r.get(6)?,
            status: EventStatus::from_code(&r.get::<_, String>(7)?)
                .unwrap_or(EventStatus::Scheduled),
            public: r.get::<_, i64>(8)? != 0,
            notes: r.get(9)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("events", id))
}

pub(crate) fn read_coverage(conn: &Connection, id: &str) -> Result<CoverageInput> {
    conn.prepare_cached(
        "SELECT event_id, staff_id, role, status FROM coverage
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(CoverageInput {
            event_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            staff_id: r.get(1)?,
            role: CoverageRole::from_code(&r.get::<_, String>(2)?).unwrap_or(CoverageRole::Photo),
            status: CoverageStatus::from_code(&r.get::<_, String>(3)?)
                .unwrap_or(CoverageStatus::Assigned),
        })
    })
    .optional()?
    .ok_or_else(|| not_found("coverage", id))
}
