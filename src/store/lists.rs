//! Paged lists, narrowed by a search (FTS5 prefix queries, accent- and case-insensitive) and by
//! filters. Every list reads by keyset — rows strictly after (or before) a sort key, on an
//! index — so the cost of a page does not grow with the size of the table.
use rusqlite::{params_from_iter, Row};

use super::error::Result;
use super::search::fts_query;
use super::{Store, Value};
use crate::domain::query::{ListId, Query, COUNT_CAP};
use crate::domain::status::{
    ArchiveKind, Channel, DraftKind, DraftStatus, EventStatus, OutletKind, ReportStatus,
    RequestStatus,
};
use crate::domain::{
    ContactListRow, DepartmentRow, DraftRow, EventRow, JournalistRow, OutletRow, PageRequest,
    ReportRow, RequestRow, TimelineKind, TimelineRow,
};

/// One list: what it selects and from where (live rows only), how it is sorted, and which
/// columns its search and filters use.
pub(crate) struct ListQuery {
    select: &'static str,
    from: &'static str,
    alias: &'static str,
    key: &'static str,
    desc: bool,
    fts: Option<&'static str>,
    status: Option<&'static str>,
    kind: Option<&'static str>,
    department: Option<&'static str>,
    /// The date the from/to filters compare (local text), usually the sort key.
    date: Option<&'static str>,
}

/// SQL conditions and their values, numbered as they are added.
/// Parameters are numbered from `base` + 1, so several lists can share one statement.
#[derive(Default)]
struct Conditions {
    sql: String,
    values: Vec<Value>,
    base: usize,
}

impl Conditions {
    /// Adds a condition whose one `?` is `value`.
    fn add(&mut self, template: &str, value: Value) {
        let n = self.push(value);
        self.sql.push_str(&template.replace('?', &format!("?{n}")));
    }

    /// Adds a value; returns its parameter number.
    fn push(&mut self, value: Value) -> usize {
        self.values.push(value);
        self.base + self.values.len()
    }
}

/// The direction to read in SQL terms for a request on a list.
fn direction(list_desc: bool, req: &PageRequest) -> (&'static str, &'static str) {
    if req.forward != list_desc {
        (">", "ASC")
    } else {
        ("<", "DESC")
    }
}

impl ListQuery {
    /// The WHERE conditions of a query's search and filters (after `deleted_at IS NULL`).
    fn conditions(&self, q: &Query, base: usize) -> Conditions {
        let mut c = Conditions {
            base,
            ..Conditions::default()
        };
        let a = self.alias;
        if let (Some(fts), Some(m)) = (self.fts, fts_query(&q.search)) {
            c.add(
                &format!(" AND {a}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"),
                Value::Text(m),
            );
        }
        let f = &q.filters;
        if let (Some(col), Some(v)) = (self.status, &f.status) {
            c.add(&format!(" AND {col} = ?"), Value::Text(v.clone()));
        }
        if let (Some(col), Some(v)) = (self.kind, &f.kind) {
            c.add(&format!(" AND {col} = ?"), Value::Text(v.clone()));
        }
        if let (Some(col), Some(v)) = (self.department, &f.department) {
            c.add(&format!(" AND {col} = ?"), Value::Text(v.id.clone()));
        }
        if let Some(col) = self.date {
            if let Some(from) = f.from {
                c.add(
                    &format!(" AND {col} >= ?"),
                    Value::Text(from.format("%Y-%m-%d").to_string()),
                );
            }
            if let Some(to) = f.to.and_then(|d| d.succ_opt()) {
                c.add(
                    &format!(" AND {col} < ?"),
                    Value::Text(to.format("%Y-%m-%d").to_string()),
                );
            }
        }
        c
    }

    /// The keyset part: rows after the request's key in the direction read, in order.
    fn keyset(&self, c: &mut Conditions, req: &PageRequest) -> String {
        let (cmp, ord) = direction(self.desc, req);
        let (key, id) = (self.key, format!("{}.id", self.alias));
        if let Some(after) = &req.after {
            let cmp = if req.inclusive {
                format!("{cmp}=")
            } else {
                cmp.to_owned()
            };
            let p1 = c.push(Value::Text(after.primary.clone()));
            let p2 = c.push(Value::Text(after.id.clone()));
            c.sql
                .push_str(&format!(" AND ({key}, {id}) {cmp} (?{p1}, ?{p2})"));
        }
        let limit = c.push(Value::Integer(req.limit as i64));
        format!(" ORDER BY {key} {ord}, {id} {ord} LIMIT ?{limit}")
    }

    fn sql(&self, q: &Query, req: &PageRequest) -> (String, Vec<Value>) {
        let mut c = self.conditions(q, 0);
        let tail = self.keyset(&mut c, req);
        let sql = format!(
            "SELECT {} {} WHERE {}.deleted_at IS NULL{}{tail}",
            self.select, self.from, self.alias, c.sql
        );
        (sql, c.values)
    }

    fn count_sql(&self, q: &Query) -> (String, Vec<Value>) {
        let c = self.conditions(q, 0);
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 {} WHERE {}.deleted_at IS NULL{} LIMIT {})",
            self.from,
            self.alias,
            c.sql,
            COUNT_CAP + 1
        );
        (sql, c.values)
    }
}

pub(crate) const EVENTS: ListQuery = ListQuery {
    select: "e.id, e.starts_at, e.ends_at, e.title, e.place, e.locality,
             coalesce(d.short_name, ''), e.status,
             (SELECT count(*) FROM coverage c WHERE c.event_id = e.id AND c.deleted_at IS NULL)",
    from: "FROM events e LEFT JOIN departments d ON d.id = e.department_id",
    alias: "e",
    key: "e.starts_at",
    desc: false,
    fts: Some("events_fts"),
    status: Some("e.status"),
    kind: None,
    department: Some("e.department_id"),
    date: Some("e.starts_at"),
};

pub(crate) const REPORTS: ListQuery = ListQuery {
    select: "r.id, r.received_at, r.title, coalesce(d.short_name, ''), r.status",
    from: "FROM reports r LEFT JOIN departments d ON d.id = r.department_id",
    alias: "r",
    key: "r.received_at",
    desc: true,
    fts: Some("reports_fts"),
    status: Some("r.status"),
    kind: None,
    department: Some("r.department_id"),
    date: Some("r.received_at"),
};

pub(crate) const REQUESTS: ListQuery = ListQuery {
    select: "q.id, q.sent_on, q.due_on, q.subject, coalesce(d.short_name, ''), q.status",
    from: "FROM requests q LEFT JOIN departments d ON d.id = q.department_id",
    alias: "q",
    key: "q.sent_on",
    desc: true,
    fts: Some("requests_fts"),
    status: Some("q.status"),
    kind: None,
    department: Some("q.department_id"),
    date: Some("q.sent_on"),
};

pub(crate) const DEPARTMENTS: ListQuery = ListQuery {
    select: "d.id, printf('%06d|%s', d.sort, d.name), d.name, d.short_name, d.head, d.active",
    from: "FROM departments d",
    alias: "d",
    key: "printf('%06d|%s', d.sort, d.name)",
    desc: false,
    fts: Some("departments_fts"),
    status: None,
    kind: None,
    department: None,
    date: None,
};

pub(crate) const DRAFTS: ListQuery = ListQuery {
    select: "x.id, x.written_at, x.title, x.kind, x.status, x.folio",
    from: "FROM drafts x",
    alias: "x",
    key: "x.written_at",
    desc: true,
    fts: Some("drafts_fts"),
    status: Some("x.status"),
    kind: Some("x.kind"),
    department: None,
    date: Some("x.written_at"),
};

pub(crate) const JOURNALISTS: ListQuery = ListQuery {
    select: "j.id, j.name, coalesce(o.name, ''), coalesce(o.kind, ''), j.role",
    from: "FROM journalists j LEFT JOIN outlets o ON o.id = j.outlet_id",
    alias: "j",
    key: "j.name",
    desc: false,
    fts: Some("journalists_fts"),
    status: None,
    kind: Some("o.kind"),
    department: None,
    date: None,
};

pub(crate) const OUTLETS: ListQuery = ListQuery {
    select:
        "o.id, o.name, o.kind, o.city,
             (SELECT count(*) FROM journalists j WHERE j.outlet_id = o.id AND j.deleted_at IS NULL)",
    from: "FROM outlets o",
    alias: "o",
    key: "o.name",
    desc: false,
    fts: Some("outlets_fts"),
    status: None,
    kind: Some("o.kind"),
    department: None,
    date: None,
};

pub(crate) const CONTACT_LISTS: ListQuery = ListQuery {
    select: "l.id, l.name, l.description,
             (SELECT count(*) FROM list_members m JOIN journalists j ON j.id = m.journalist_id
              WHERE m.list_id = l.id AND m.deleted_at IS NULL AND j.deleted_at IS NULL)",
    from: "FROM contact_lists l",
    alias: "l",
    key: "l.name",
    desc: false,
    fts: Some("lists_fts"),
    status: None,
    kind: None,
    department: None,
    date: None,
};

fn code<T>(r: &Row, i: usize, parse: fn(&str) -> Option<T>, or: T) -> rusqlite::Result<T> {
    Ok(parse(&r.get::<_, String>(i)?).unwrap_or(or))
}

pub(crate) fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        starts_at: r.get(1)?,
        ends_at: r.get(2)?,
        title: r.get(3)?,
        place: r.get(4)?,
        locality: r.get(5)?,
        department: r.get(6)?,
        status: code(r, 7, EventStatus::from_code, EventStatus::Scheduled)?,
        coverage: r.get(8)?,
    })
}

pub(crate) fn report_row(r: &Row) -> rusqlite::Result<ReportRow> {
    Ok(ReportRow {
        id: r.get(0)?,
        received_at: r.get(1)?,
        title: r.get(2)?,
        department: r.get(3)?,
        status: code(r, 4, ReportStatus::from_code, ReportStatus::Received)?,
    })
}

pub(crate) fn request_row(r: &Row) -> rusqlite::Result<RequestRow> {
    Ok(RequestRow {
        id: r.get(0)?,
        sent_on: r.get(1)?,
        due_on: r.get(2)?,
        subject: r.get(3)?,
        department: r.get(4)?,
        status: code(r, 5, RequestStatus::from_code, RequestStatus::Pending)?,
    })
}

pub(crate) fn department_row(r: &Row) -> rusqlite::Result<DepartmentRow> {
    Ok(DepartmentRow {
        id: r.get(0)?,
        sort: r.get(1)?,
        name: r.get(2)?,
        short_name: r.get(3)?,
        head: r.get(4)?,
        active: r.get::<_, i64>(5)? != 0,
    })
}

pub(crate) fn draft_row(r: &Row) -> rusqlite::Result<DraftRow> {
    Ok(DraftRow {
        id: r.get(0)?,
        written_at: r.get(1)?,
        title: r.get(2)?,
        kind: code(r, 3, DraftKind::from_code, DraftKind::Post)?,
        status: code(r, 4, DraftStatus::from_code, DraftStatus::Draft)?,
        folio: r.get(5)?,
    })
}

pub(crate) fn journalist_row(r: &Row) -> rusqlite::Result<JournalistRow> {
    Ok(JournalistRow {
        id: r.get(0)?,
        name: r.get(1)?,
        outlet: r.get(2)?,
        outlet_kind: code(r, 3, OutletKind::from_code, OutletKind::Digital)?,
        role: r.get(4)?,
    })
}

pub(crate) fn outlet_row(r: &Row) -> rusqlite::Result<OutletRow> {
    Ok(OutletRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: code(r, 2, OutletKind::from_code, OutletKind::Digital)?,
        city: r.get(3)?,
        journalists: r.get(4)?,
    })
}

pub(crate) fn contact_list_row(r: &Row) -> rusqlite::Result<ContactListRow> {
    Ok(ContactListRow {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        members: r.get(3)?,
    })
}

fn list_query(list: ListId) -> Option<&'static ListQuery> {
    Some(match list {
        ListId::Events => &EVENTS,
        ListId::Reports => &REPORTS,
        ListId::Requests => &REQUESTS,
        ListId::Departments => &DEPARTMENTS,
        ListId::Drafts => &DRAFTS,
        ListId::Journalists => &JOURNALISTS,
        ListId::Outlets => &OUTLETS,
        ListId::ContactLists => &CONTACT_LISTS,
        ListId::Timeline => return None,
    })
}

impl Store {
    fn page<T>(
        &self,
        q: &ListQuery,
        query: &Query,
        req: &PageRequest,
        map: fn(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let (sql, values) = q.sql(query, req);
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), map)?
            .collect::<rusqlite::Result<Vec<T>>>()?;
        Ok(rows)
    }

    /// How many rows a list holds under a search and filters, up to [`COUNT_CAP`] + 1.
    pub fn count(&self, list: ListId, query: &Query, now: &str) -> Result<u64> {
        let Some(q) = list_query(list) else {
            return self.timeline_count(query, now);
        };
        let (sql, values) = q.count_sql(query);
        let n: i64 = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(values), |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// Agenda events in chronological order.
    pub fn events_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<EventRow>> {
        self.page(&EVENTS, q, req, event_row)
    }

    /// Reports, newest first.
    pub fn reports_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<ReportRow>> {
        self.page(&REPORTS, q, req, report_row)
    }

    /// Requests for information, newest first.
    pub fn requests_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<RequestRow>> {
        self.page(&REQUESTS, q, req, request_row)
    }

    /// Departments in their usual order.
    pub fn departments_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<DepartmentRow>> {
        self.page(&DEPARTMENTS, q, req, department_row)
    }

    /// Drafts, newest first.
    pub fn drafts_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<DraftRow>> {
        self.page(&DRAFTS, q, req, draft_row)
    }

    /// Journalists by name.
    pub fn journalists_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<JournalistRow>> {
        self.page(&JOURNALISTS, q, req, journalist_row)
    }

    /// Outlets by name.
    pub fn outlets_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<OutletRow>> {
        self.page(&OUTLETS, q, req, outlet_row)
    }

    /// Contact lists by name.
    pub fn contact_lists_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<ContactListRow>> {
        self.page(&CONTACT_LISTS, q, req, contact_list_row)
    }
}

/// The archive timeline's four sources: events that happened, reports, publications and
/// archive-only items. Each is read by keyset on its own index, then merged.
struct Arm {
    tag: &'static str,
    query: ListQuery,
    /// Condition of the arm itself (after the live-row condition), using `?now`.
    extra: &'static str,
}

const ARMS: [Arm; 4] = [
    Arm {
        tag: "event",
        query: ListQuery {
            select: "'event', e.id, e.starts_at, e.title, coalesce(d.short_name, ''), ''",
            ..EVENTS
        },
        extra: " AND e.starts_at <= ?now AND e.status <> 'cancelled'",
    },
    Arm {
        tag: "report",
        query: ListQuery {
            select: "'report', r.id, r.received_at, r.title, coalesce(d.short_name, ''), ''",
            ..REPORTS
        },
        extra: "",
    },
    Arm {
        tag: "publication",
        query: ListQuery {
            select: "'publication', p.id, p.published_at, coalesce(x.title, ''), '', p.channel",
            from: "FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id",
            alias: "p",
            key: "p.published_at",
            desc: true,
            fts: None,
            status: None,
            kind: None,
            department: None,
            date: Some("p.published_at"),
        },
        extra: "",
    },
    Arm {
        tag: "item",
        query: ListQuery {
            select: "'item', a.id, a.occurred_at, a.title, coalesce(d.short_name, ''), a.kind",
            from: "FROM archive_items a LEFT JOIN departments d ON d.id = a.department_id",
            alias: "a",
            key: "a.occurred_at",
            desc: true,
            fts: Some("archive_fts"),
            status: None,
            kind: Some("a.kind"),
            department: Some("a.department_id"),
            date: Some("a.occurred_at"),
        },
        extra: "",
    },
];

/// Whether an arm of the timeline can hold rows under these filters, and the query it reads
/// them with (a kind filter picks arms; a search needs the arm's index).
fn arm_applies(arm: &Arm, query: &Query) -> bool {
    let kind_ok = match query.filters.kind.as_deref() {
        None => true,
        Some(k) => match arm.tag {
            "item" => ArchiveKind::from_code(k).is_some(),
            tag => tag == k,
        },
    };
    let search_ok =
        query.search.trim().is_empty() || arm.query.fts.is_some() || arm.tag == "publication";
    let dept_ok = query.filters.department.is_none() || arm.query.department.is_some();
    kind_ok && search_ok && dept_ok
}

/// An arm's query with the timeline's filters: the item arm's kind filter only for item kinds.
fn arm_query(arm: &Arm, query: &Query) -> Query {
    let mut q = query.clone();
    if arm.tag != "item" {
        q.filters.kind = None;
    }
    q
}

impl Store {
    fn timeline_sql(
        &self,
        query: &Query,
        req: &PageRequest,
        now: &str,
    ) -> Option<(String, Vec<Value>)> {
        let mut values: Vec<Value> = Vec::new();
        let mut parts = Vec::new();
        for arm in ARMS.iter().filter(|a| arm_applies(a, query)) {
            let q = arm_query(arm, query);
            let mut c = arm.query.conditions(&q, values.len());
            if arm.tag == "publication" {
                if let Some(m) = fts_query(&query.search) {
                    c.add(
                        " AND p.draft_id IN (SELECT x2.id FROM drafts x2 WHERE x2.rowid IN
                           (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?))",
                        Value::Text(m),
                    );
                }
            }
            if !arm.extra.is_empty() {
                c.add(&arm.extra.replace("?now", "?"), Value::Text(now.to_owned()));
            }
            let tail = arm.query.keyset(&mut c, req);
            let sql = format!(
                "SELECT * FROM (SELECT {} {} WHERE {}.deleted_at IS NULL{}{tail})",
                arm.query.select, arm.query.from, arm.query.alias, c.sql
            );
            values.extend(c.values);
            parts.push(sql);
        }
        if parts.is_empty() {
            return None;
        }
        let (_, ord) = direction(true, req);
        values.push(Value::Integer(req.limit as i64));
        let sql = format!(
            "{} ORDER BY 3 {ord}, 2 {ord} LIMIT ?{}",
            parts.join(" UNION ALL "),
            values.len()
        );
        Some((sql, values))
    }

    /// The archive timeline, newest first: events that have happened (up to `now`, local
    /// `YYYY-MM-DDTHH:MM`), reports, publications and archive-only items.
    pub fn timeline_page(
        &self,
        query: &Query,
        req: &PageRequest,
        now: &str,
    ) -> Result<Vec<TimelineRow>> {
        let Some((sql, values)) = self.timeline_sql(query, req, now) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                let tag: String = r.get(0)?;
                let extra: String = r.get(5)?;
                let kind = match tag.as_str() {
                    "event" => TimelineKind::Event,
                    "report" => TimelineKind::Report,
                    "publication" => TimelineKind::Publication(
                        Channel::from_code(&extra).unwrap_or(Channel::Web),
                    ),
                    _ => TimelineKind::Item(
                        ArchiveKind::from_code(&extra).unwrap_or(ArchiveKind::Document),
                    ),
                };
                Ok(TimelineRow {
                    id: r.get(1)?,
                    kind,
                    at: r.get(2)?,
                    title: r.get(3)?,
                    department: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn timeline_count(&self, query: &Query, now: &str) -> Result<u64> {
        let req = PageRequest {
            after: None,
            inclusive: false,
            forward: true,
            limit: COUNT_CAP as usize + 1,
        };
        let Some((sql, values)) = self.timeline_sql(query, &req, now) else {
            return Ok(0);
        };
        let n: i64 = self
            .conn()
            .prepare_cached(&format!("SELECT count(*) FROM ({sql})"))?
            .query_row(params_from_iter(values), |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}

#[cfg(test)]
pub(crate) mod tests_queries {
    use super::{ListQuery, PageRequest, Query};
    pub(crate) use super::{DRAFTS, EVENTS, JOURNALISTS, REPORTS};

    pub(crate) fn sql(q: &ListQuery, req: &PageRequest) -> String {
        q.sql(&Query::default(), req).0
    }
}
