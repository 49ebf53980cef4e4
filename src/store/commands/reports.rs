//! Departments, the requests for information sent to them, and the reports they send back.
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields};
use crate::domain::edit::{DepartmentInput, ReportInput, RequestInput};
use crate::domain::status::{ReportStatus, RequestStatus, Via};
use crate::store::error::{Result, StoreError};
use crate::store::Value;

pub(super) fn department_fields(d: &DepartmentInput) -> Fields {
    vec![
        ("name", text(d.name.trim())),
        ("short_name", text(d.short_name.trim())),
        ("head", text(d.head.trim())),
        ("liaison", text(d.liaison.trim())),
        ("email", text(d.email.trim())),
        ("phone", text(d.phone.trim())),
        ("whatsapp", text(d.whatsapp.trim())),
        ("active", flag(d.active)),
    ]
}

pub(super) fn request_fields(r: &RequestInput) -> Fields {
    vec![
        ("department_id", opt(&r.department_id)),
        ("subject", text(r.subject.trim())),
        ("sent_on", text(&r.sent_on)),
        ("due_on", text(&r.due_on)),
        ("status", text(r.status.code())),
        ("channel", via(r.channel)),
        ("body", text(&r.body)),
        ("notes", text(&r.notes)),
    ]
}

pub(super) fn report_fields(r: &ReportInput) -> Fields {
    vec![
        ("department_id", opt(&r.department_id)),
        ("request_id", opt(&r.request_id)),
        ("event_id", opt(&r.event_id)),
        ("title", text(r.title.trim())),
        ("body", text(&r.body)),
        ("received_at", text(&r.received_at)),
        ("status", text(r.status.code())),
        ("channel", via(r.channel)),
        ("reason", text(r.reason.trim())),
    ]
}

fn via(v: Option<Via>) -> Value {
    text(v.map(Via::code).unwrap_or(""))
}

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_department(conn: &Connection, id: &str) -> Result<DepartmentInput> {
    conn.prepare_cached(
        "SELECT name, short_name, head, email, phone, active, liaison, whatsapp FROM departments
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(DepartmentInput {
            name: r.get(0)?,
            short_name: r.get(1)?,
            head: r.get(2)?,
            liaison: r.get(6)?,
            email: r.get(3)?,
            phone: r.get(4)?,
            whatsapp: r.get(7)?,
            active: r.get::<_, i64>(5)? != 0,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("departments", id))
}

pub(crate) fn read_request(conn: &Connection, id: &str) -> Result<RequestInput> {
    conn.prepare_cached(
        "SELECT department_id, subject, sent_on, due_on, status, notes, channel, body FROM requests
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(RequestInput {
            department_id: r.get(0)?,
            subject: r.get(1)?,
            sent_on: r.get(2)?,
            due_on: r.get(3)?,
            status: RequestStatus::from_code(&r.get::<_, String>(4)?)
                .unwrap_or(RequestStatus::Pending),
            channel: Via::from_code(&r.get::<_, String>(6)?),
            body: r.get(7)?,
            notes: r.get(5)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("requests", id))
}

pub(crate) fn read_report(conn: &Connection, id: &str) -> Result<ReportInput> {
    conn.prepare_cached(
        "SELECT department_id, request_id, event_id, title, body, received_at, status, channel,
                reason
         FROM reports WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(ReportInput {
            department_id: r.get(0)?,
            request_id: r.get(1)?,
            event_id: r.get(2)?,
            title: r.get(3)?,
            body: r.get(4)?,
            received_at: r.get(5)?,
            status: ReportStatus::from_code(&r.get::<_, String>(6)?)
                .unwrap_or(ReportStatus::Received),
            channel: Via::from_code(&r.get::<_, String>(7)?),
            reason: r.get(8)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("reports", id))
}
