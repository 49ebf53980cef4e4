//! Paged lists. Every list reads by keyset — rows strictly after (or before) a sort key, on
//! an index — so the cost of a page does not grow with the size of the table.
use rusqlite::{params, Row};

use super::error::Result;
use super::Store;
use crate::domain::status::{
    ArchiveKind, DraftKind, DraftStatus, EventStatus, OutletKind, ReportStatus,
};
use crate::domain::{
    DraftRow, EventRow, JournalistRow, PageRequest, ReportRow, TimelineKind, TimelineRow,
};

/// One list: a SELECT over live rows (ending in a WHERE clause), its sort column and id
/// column, and whether the list shows them newest first.
pub(crate) struct ListQuery {
    select: &'static str,
    key: &'static str,
    id: &'static str,
    desc: bool,
}

/// The direction to read in SQL terms for a request on a list.
fn direction(list_desc: bool, req: &PageRequest) -> (&'static str, &'static str) {
    if req.forward != list_desc {
        (">", "ASC")
    } else {
        ("<", "DESC")
    }
}

/// `AND (key, id) > (?1, ?2) ORDER BY key ASC, id ASC LIMIT ?3`, or the reverse.
fn keyset_tail(key: &str, id: &str, desc: bool, req: &PageRequest) -> String {
    let (cmp, ord) = direction(desc, req);
    let cond = if req.after.is_some() {
        format!(" AND ({key}, {id}) {cmp} (?1, ?2)")
    } else {
        String::new()
    };
    format!("{cond} ORDER BY {key} {ord}, {id} {ord} LIMIT ?3")
}

pub(crate) const EVENTS: ListQuery = ListQuery {
    select: "SELECT e.id, e.starts_at, e.ends_at, e.title, e.place, e.locality,
                    coalesce(d.short_name, ''), e.status,
                    (SELECT count(*) FROM coverage c WHERE c.event_id = e.id AND c.deleted_at IS NULL)
             FROM events e LEFT JOIN departments d ON d.id = e.department_id
             WHERE e.deleted_at IS NULL",
    key: "e.starts_at",
    id: "e.id",
    desc: false,
};

pub(crate) const REPORTS: ListQuery = ListQuery {
    select: "SELECT r.id, r.received_at, r.title, coalesce(d.short_name, ''), r.status
             FROM reports r LEFT JOIN departments d ON d.id = r.department_id
             WHERE r.deleted_at IS NULL",
    key: "r.received_at",
    id: "r.id",
    desc: true,
};

pub(crate) const DRAFTS: ListQuery = ListQuery {
    select: "SELECT x.id, x.written_at, x.title, x.kind, x.status, x.folio
             FROM drafts x WHERE x.deleted_at IS NULL",
    key: "x.written_at",
    id: "x.id",
    desc: true,
};

pub(crate) const JOURNALISTS: ListQuery = ListQuery {
    select: "SELECT j.id, j.name, coalesce(o.name, ''), coalesce(o.kind, ''), j.role
             FROM journalists j LEFT JOIN outlets o ON o.id = j.outlet_id
             WHERE j.deleted_at IS NULL",
    key: "j.name",
    id: "j.id",
    desc: false,
};

pub(crate) fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        starts_at: r.get(1)?,
        ends_at: r.get(2)?,
        title: r.get(3)?,
        place: r.get(4)?,
        locality: r.get(5)?,
        department: r.get(6)?,
        status: EventStatus::from_code(&r.get::<_, String>(7)?).unwrap_or(EventStatus::Scheduled),
        coverage: r.get(8)?,
    })
}

pub(crate) fn report_row(r: &Row) -> rusqlite::Result<ReportRow> {
    Ok(ReportRow {
        id: r.get(0)?,
        received_at: r.get(1)?,
        title: r.get(2)?,
        department: r.get(3)?,
        status: ReportStatus::from_code(&r.get::<_, String>(4)?).unwrap_or(ReportStatus::Received),
    })
}

pub(crate) fn draft_row(r: &Row) -> rusqlite::Result<DraftRow> {
    Ok(DraftRow {
        id: r.get(0)?,
        written_at: r.get(1)?,
        title: r.get(2)?,
        kind: DraftKind::from_code(&r.get::<_, String>(3)?).unwrap_or(DraftKind::Post),
        status: DraftStatus::from_code(&r.get::<_, String>(4)?).unwrap_or(DraftStatus::Draft),
        folio: r.get(5)?,
    })
}

fn journalist_row(r: &Row) -> rusqlite::Result<JournalistRow> {
    Ok(JournalistRow {
        id: r.get(0)?,
        name: r.get(1)?,
        outlet: r.get(2)?,
        outlet_kind: OutletKind::from_code(&r.get::<_, String>(3)?).unwrap_or(OutletKind::Digital),
        role: r.get(4)?,
    })
}

impl Store {
    fn page<T>(
        &self,
        q: &ListQuery,
        req: &PageRequest,
        map: fn(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let sql = format!("{}{}", q.select, keyset_tail(q.key, q.id, q.desc, req));
        let after = req.after.clone().unwrap_or_default();
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params![after.primary, after.id, req.limit as i64], map)?
            .collect::<rusqlite::Result<Vec<T>>>()?;
        Ok(rows)
    }

    /// Agenda events in chronological order.
    pub fn events_page(&self, req: &PageRequest) -> Result<Vec<EventRow>> {
        self.page(&EVENTS, req, event_row)
    }

    /// Reports, newest first.
    pub fn reports_page(&self, req: &PageRequest) -> Result<Vec<ReportRow>> {
        self.page(&REPORTS, req, report_row)
    }

    /// Drafts, newest first.
    pub fn drafts_page(&self, req: &PageRequest) -> Result<Vec<DraftRow>> {
        self.page(&DRAFTS, req, draft_row)
    }

    /// Journalists by name.
    pub fn journalists_page(&self, req: &PageRequest) -> Result<Vec<JournalistRow>> {
        self.page(&JOURNALISTS, req, journalist_row)
    }

    /// The archive timeline, newest first: events that have happened (up to `now`, local
    /// `YYYY-MM-DDTHH:MM`), reports, publications and archive-only items, merged from four
    /// keyset reads of at most one page each.
    pub fn timeline_page(&self, req: &PageRequest, now: &str) -> Result<Vec<TimelineRow>> {
        let (_, ord) = direction(true, req);
        let arm = |select: &str, key: &str, id: &str| {
            format!(
                "SELECT * FROM ({select}{})",
                keyset_tail(key, id, true, req)
            )
        };
        let sql = format!(
            "{} UNION ALL {} UNION ALL {} UNION ALL {} ORDER BY 3 {ord}, 2 {ord} LIMIT ?3",
            arm(
                "SELECT 'event', e.id, e.starts_at, e.title, coalesce(d.short_name, ''), ''
                 FROM events e LEFT JOIN departments d ON d.id = e.department_id
                 WHERE e.deleted_at IS NULL AND e.starts_at <= ?4 AND e.status <> 'cancelled'",
                "e.starts_at",
                "e.id"
            ),
            arm(
                "SELECT 'report', r.id, r.received_at, r.title, coalesce(d.short_name, ''), ''
                 FROM reports r LEFT JOIN departments d ON d.id = r.department_id
                 WHERE r.deleted_at IS NULL",
                "r.received_at",
                "r.id"
            ),
            arm(
                "SELECT 'publication', p.id, p.published_at, coalesce(x.title, ''), '', p.channel
                 FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id
                 WHERE p.deleted_at IS NULL",
                "p.published_at",
                "p.id"
            ),
            arm(
                "SELECT 'item', a.id, a.occurred_at, a.title, coalesce(d.short_name, ''), a.kind
                 FROM archive_items a LEFT JOIN departments d ON d.id = a.department_id
                 WHERE a.deleted_at IS NULL",
                "a.occurred_at",
                "a.id"
            ),
        );
        let after = req.after.clone().unwrap_or_default();
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(
                params![after.primary, after.id, req.limit as i64, now],
                |r| {
                    let kind: String = r.get(0)?;
                    let extra: String = r.get(5)?;
                    let kind = match kind.as_str() {
                        "event" => TimelineKind::Event,
                        "report" => TimelineKind::Report,
                        "publication" => TimelineKind::Publication,
                        _ => TimelineKind::Item(
                            ArchiveKind::from_code(&extra).unwrap_or(ArchiveKind::Document),
                        ),
                    };
                    let mut title: String = r.get(3)?;
                    if kind == TimelineKind::Publication {
                        if let Some(ch) = crate::domain::status::Channel::from_code(&extra) {
                            title = format!("{}: {title}", ch.label());
                        }
                    }
                    Ok(TimelineRow {
                        id: r.get(1)?,
                        kind,
                        at: r.get(2)?,
                        title,
                        department: r.get(4)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
pub(crate) mod tests_queries {
    use super::{keyset_tail, ListQuery, PageRequest};
    pub(crate) use super::{DRAFTS, EVENTS, JOURNALISTS, REPORTS};

    pub(crate) fn sql(q: &ListQuery, req: &PageRequest) -> String {
        format!("{}{}", q.select, keyset_tail(q.key, q.id, q.desc, req))
    }
}
