//! Today at a glance (the Hoy tab and `prensa resumen`): bounded, indexed reads only.
use chrono::{Duration, NaiveDate};
use rusqlite::params;

use super::error::Result;
use super::lists::{draft_row, event_row, report_row};
use super::Store;
use crate::domain::status::{Channel, MaterialKind};
use crate::domain::TodaySummary;

/// How many lines of each section the summary carries.
const SECTION: i64 = 8;

impl Store {
    pub fn today(&self, date: NaiveDate) -> Result<TodaySummary> {
        let day = date.format("%Y-%m-%d").to_string();
        let next = (date + Duration::days(1)).format("%Y-%m-%d").to_string();
        let prev = (date - Duration::days(1)).format("%Y-%m-%d").to_string();
        let conn = self.conn();

        let mut stmt = conn.prepare_cached(
            "SELECT e.id, e.starts_at, e.ends_at, e.title, e.place, e.locality,
                    coalesce(d.short_name, ''), e.status,
                    (SELECT count(*) FROM coverage c WHERE c.event_id = e.id AND c.deleted_at IS NULL
                       AND c.status <> 'cancelled')
             FROM events e LEFT JOIN departments d ON d.id = e.department_id
             WHERE e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?2
             ORDER BY e.starts_at, e.id LIMIT 20",
        )?;
        let rows = stmt
            .query_map(params![day, next], event_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut events = Vec::with_capacity(rows.len());
        for row in rows {
            let coverage = self.coverage_of(&row.id)?;
            events.push((row, coverage));
        }

        let count = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<u64> {
            let n: i64 = conn.prepare_cached(sql)?.query_row(p, |r| r.get(0))?;
            Ok(n.max(0) as u64)
        };
        let reports_waiting = count(
            "SELECT count(*) FROM reports WHERE status = 'received' AND deleted_at IS NULL",
            &[],
        )?;
        let reports = conn
            .prepare_cached(
                "SELECT r.id, r.received_at, r.title, coalesce(d.short_name, ''), r.status
                 FROM reports r LEFT JOIN departments d ON d.id = r.department_id
                 WHERE r.status = 'received' AND r.deleted_at IS NULL
                 ORDER BY r.received_at DESC LIMIT ?1",
            )?
            .query_map([SECTION], report_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let drafts_in_review = count(
            "SELECT count(*) FROM drafts WHERE status = 'review' AND deleted_at IS NULL",
            &[],
        )?;
        let drafts = conn
            .prepare_cached(
                "SELECT id, written_at, title, kind, status, folio FROM drafts
                 WHERE status = 'review' AND deleted_at IS NULL ORDER BY written_at DESC LIMIT ?1",
            )?
            .query_map([SECTION], draft_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let owing_total = count(
            "SELECT count(*) FROM requests WHERE status = 'pending' AND due_on < ?1 AND deleted_at IS NULL",
            &[&day],
        )?;
        let owing = conn
            .prepare_cached(
                "SELECT coalesce(d.short_name, ''), q.subject, q.due_on FROM requests q
                 LEFT JOIN departments d ON d.id = q.department_id
                 WHERE q.status = 'pending' AND q.due_on < ?1 AND q.deleted_at IS NULL
                 ORDER BY q.due_on, q.id LIMIT ?2",
            )?
            .query_map(params![day, SECTION], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let published_yesterday = conn
            .prepare_cached(
                "SELECT p.channel, coalesce(x.title, '') FROM publications p
                 LEFT JOIN drafts x ON x.id = p.draft_id
                 WHERE p.deleted_at IS NULL AND p.published_at >= ?1 AND p.published_at < ?2
                 ORDER BY p.published_at, p.id LIMIT ?3",
            )?
            .query_map(params![prev, day, SECTION], |r| {
                Ok((
                    Channel::from_code(&r.get::<_, String>(0)?).unwrap_or(Channel::Web),
                    r.get(1)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        const OWED: &str = "m.status NOT IN ('delivered', 'cancelled') AND m.needed_by <> ''
             AND m.needed_by < ?1 AND m.deleted_at IS NULL";
        let material_late_total = count(
            &format!("SELECT count(*) FROM material_requests m WHERE {OWED}"),
            &[&day],
        )?;
        let material_late = conn
            .prepare_cached(&format!(
                "SELECT coalesce(d.short_name, ''), m.kind, m.title, m.needed_by
                 FROM material_requests m LEFT JOIN departments d ON d.id = m.department_id
                 WHERE {OWED} ORDER BY m.needed_by, m.id LIMIT ?2"
            ))?
            .query_map(params![day, SECTION], |r| {
                Ok((
                    r.get(0)?,
                    MaterialKind::from_code(&r.get::<_, String>(1)?).unwrap_or(MaterialKind::Other),
                    r.get(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        const OPEN: &str = "i.status IN ('requested', 'scheduled') AND i.deleted_at IS NULL";
        let media_open_total = count(
            &format!("SELECT count(*) FROM interviews i WHERE {OPEN}"),
            &[],
        )?;
        let media_open = conn
            .prepare_cached(&format!(
                "SELECT coalesce(nullif(j.name, ''), o.name, ''), i.kind, i.topic, i.due_on
                 FROM interviews i LEFT JOIN journalists j ON j.id = i.journalist_id
                 LEFT JOIN outlets o ON o.id = i.outlet_id
                 WHERE {OPEN} ORDER BY i.due_on = '', i.due_on, i.requested_on, i.id LIMIT ?1"
            ))?
            .query_map(params![SECTION], |r| {
                Ok((
                    r.get(0)?,
                    crate::domain::status::MediaRequestKind::from_code(&r.get::<_, String>(1)?)
                        .unwrap_or(crate::domain::status::MediaRequestKind::Interview),
                    r.get(2)?,
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(TodaySummary {
            media_open,
            media_open_total,
            material_late,
            material_late_total,
            events,
            reports_waiting,
            reports,
            drafts_in_review,
            drafts,
            owing,
            owing_total,
            published_yesterday,
        })
    }
}
