//! Paged lists, narrowed by a search (FTS5 prefix queries, accent- and case-insensitive) and by
//! filters. Every list reads by keyset — rows strictly after (or before) a sort key, on an
//! index — so the cost of a page does not grow with the size of the table.
use rusqlite::{params_from_iter, Row};

use super::error::Result;
use super::listsql::ListQuery;
use super::Store;
use crate::domain::query::{ListId, Query};
use crate::domain::status::{
    DraftKind, DraftStatus, EventStatus, InterviewStatus, MaterialKind, MaterialStatus,
    MediaRequestKind, OutletKind, ReportStatus, RequestStatus,
};
use crate::domain::{
    CampaignRow, ClassificationDetail, ClassificationRow, ContactListRow, DepartmentRow,
    DistributionRow, DraftRow, EventRow, InterviewRow, JournalistRow, MaterialRow, OutletRow,
    PageRequest, ReportRow, RequestRow,
};

pub(crate) const EVENTS: ListQuery = ListQuery {
    select: "e.id, e.starts_at, e.ends_at, e.title, e.place, e.locality,
             coalesce(d.short_name, ''), e.status,
             (SELECT count(*) FROM coverage c WHERE c.event_id = e.id AND c.deleted_at IS NULL
                       AND c.status <> 'cancelled')",
    from: "FROM events e LEFT JOIN departments d ON d.id = e.department_id",
    alias: "e",
    key: "e.starts_at",
    desc: false,
    fts: Some("events_fts"),
    via: None,
    status: Some("e.status"),
    kind: None,
    department: Some("e.department_id"),
    date: Some("e.starts_at"),
    due: None,
};

pub(crate) const REPORTS: ListQuery = ListQuery {
    select: "r.id, r.received_at, r.title, coalesce(d.short_name, ''), r.status",
    from: "FROM reports r LEFT JOIN departments d ON d.id = r.department_id",
    alias: "r",
    key: "r.received_at",
    desc: true,
    fts: Some("reports_fts"),
    via: None,
    status: Some("r.status"),
    kind: None,
    department: Some("r.department_id"),
    date: Some("r.received_at"),
    due: None,
};

pub(crate) const REQUESTS: ListQuery = ListQuery {
    select: "q.id, q.sent_on, q.due_on, q.subject, coalesce(d.short_name, ''), q.status",
    from: "FROM requests q LEFT JOIN departments d ON d.id = q.department_id",
    alias: "q",
    key: "q.sent_on",
    desc: true,
    fts: Some("requests_fts"),
    via: None,
    status: Some("q.status"),
    kind: None,
    department: Some("q.department_id"),
    date: Some("q.sent_on"),
    due: Some("q.due_on"),
};

pub(crate) const DEPARTMENTS: ListQuery = ListQuery {
    select: "d.id, printf('%06d|%s', d.sort, d.name), d.name, d.short_name, d.head, d.active",
    from: "FROM departments d",
    alias: "d",
    key: "printf('%06d|%s', d.sort, d.name)",
    desc: false,
    fts: Some("departments_fts"),
    via: None,
    status: None,
    kind: None,
    department: None,
    date: None,
    due: None,
};

pub(crate) const DRAFTS: ListQuery = ListQuery {
    select: "x.id, x.written_at, x.title, x.kind, x.status, x.folio",
    from: "FROM drafts x",
    alias: "x",
    key: "x.written_at",
    desc: true,
    fts: Some("drafts_fts"),
    via: None,
    status: Some("x.status"),
    kind: Some("x.kind"),
    department: None,
    date: Some("x.written_at"),
    due: None,
};

pub(crate) const CAMPAIGNS: ListQuery = ListQuery {
    select: "c.id, c.starts_on, c.ends_on, c.name, coalesce(d.short_name, ''),
             (SELECT count(*) FROM drafts x WHERE x.campaign_id = c.id AND x.deleted_at IS NULL),
             (SELECT count(*) FROM drafts x WHERE x.campaign_id = c.id AND x.deleted_at IS NULL
                 AND x.status = 'published')",
    from: "FROM campaigns c LEFT JOIN departments d ON d.id = c.department_id",
    alias: "c",
    key: "c.starts_on",
    desc: true,
    fts: Some("campaigns_fts"),
    via: None,
    status: None,
    kind: None,
    department: Some("c.department_id"),
    date: Some("c.starts_on"),
    due: None,
};

pub(crate) const MATERIALS: ListQuery = ListQuery {
    select: "m.id, m.needed_by, m.title, m.kind, m.status, coalesce(d.short_name, '')",
    from: "FROM material_requests m LEFT JOIN departments d ON d.id = m.department_id",
    alias: "m",
    key: "m.needed_by",
    desc: true,
    fts: Some("materials_fts"),
    via: None,
    status: Some("m.status"),
    kind: Some("m.kind"),
    department: Some("m.department_id"),
    date: Some("m.needed_by"),
    due: None,
};

pub(crate) const JOURNALISTS: ListQuery = ListQuery {
    select: "j.id, j.name, coalesce(o.name, ''), coalesce(o.kind, ''), j.role",
    from: "FROM journalists j LEFT JOIN outlets o ON o.id = j.outlet_id",
    alias: "j",
    key: "j.name",
    desc: false,
    fts: Some("journalists_fts"),
    via: None,
    status: None,
    kind: Some("o.kind"),
    department: None,
    date: None,
    due: None,
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
    via: None,
    status: None,
    kind: Some("o.kind"),
    department: None,
    date: None,
    due: None,
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
    via: None,
    status: None,
    kind: None,
    department: None,
    date: None,
    due: None,
};

pub(super) fn code<T>(
    r: &Row,
    i: usize,
    parse: fn(&str) -> Option<T>,
    or: T,
) -> rusqlite::Result<T> {
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

pub(crate) fn campaign_row(r: &Row) -> rusqlite::Result<CampaignRow> {
    Ok(CampaignRow {
        id: r.get(0)?,
        starts_on: r.get(1)?,
        ends_on: r.get(2)?,
        name: r.get(3)?,
        department: r.get(4)?,
        pieces: r.get(5)?,
        published: r.get(6)?,
    })
}

pub(crate) fn material_row(r: &Row) -> rusqlite::Result<MaterialRow> {
    Ok(MaterialRow {
        id: r.get(0)?,
        needed_by: r.get(1)?,
        title: r.get(2)?,
        kind: code(r, 3, MaterialKind::from_code, MaterialKind::Other)?,
        status: code(r, 4, MaterialStatus::from_code, MaterialStatus::Received)?,
        department: r.get(5)?,
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

pub(crate) const INTERVIEWS: ListQuery = ListQuery {
    select: "i.id, i.requested_on, i.kind, coalesce(nullif(j.name, ''), o.name, ''), i.topic,
             i.status, i.due_on",
    from: "FROM interviews i LEFT JOIN journalists j ON j.id = i.journalist_id
           LEFT JOIN outlets o ON o.id = i.outlet_id",
    alias: "i",
    key: "i.requested_on",
    desc: true,
    fts: Some("interviews_fts"),
    via: None,
    status: Some("i.status"),
    kind: Some("i.kind"),
    department: None,
    date: Some("i.requested_on"),
    due: None,
};

pub(crate) const DISTRIBUTIONS: ListQuery = ListQuery {
    select: "d.id, d.sent_at, coalesce(x.title, ''), coalesce(l.name, ''),
             (SELECT count(*) FROM deliveries v WHERE v.distribution_id = d.id
                AND v.deleted_at IS NULL),
             (SELECT count(*) FROM deliveries v WHERE v.distribution_id = d.id
                AND v.deleted_at IS NULL AND v.status = 'sent')",
    from: "FROM distributions d LEFT JOIN drafts x ON x.id = d.draft_id
           LEFT JOIN contact_lists l ON l.id = d.list_id",
    alias: "d",
    key: "d.sent_at",
    desc: true,
    fts: Some("drafts_fts"),
    via: Some(("d.draft_id", "drafts")),
    status: None,
    kind: None,
    department: None,
    date: Some("d.sent_at"),
    due: None,
};

pub(crate) const CLASSIFICATION: ListQuery = ListQuery {
    select: "k.id, k.code, k.name, trim(k.section_code || ' ' || k.section_name),
             (SELECT count(*) FROM archive_items a WHERE a.series_id = k.id
                AND a.deleted_at IS NULL)",
    from: "FROM classification k",
    alias: "k",
    key: "k.code",
    desc: false,
    fts: None,
    via: None,
    status: None,
    kind: None,
    department: None,
    date: None,
    due: None,
};

pub(crate) fn classification_row(r: &Row) -> rusqlite::Result<ClassificationRow> {
    Ok(ClassificationRow {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        section: r.get(3)?,
        items: r.get::<_, i64>(4)?.max(0) as u64,
    })
}

pub(crate) fn interview_row(r: &Row) -> rusqlite::Result<InterviewRow> {
    Ok(InterviewRow {
        id: r.get(0)?,
        requested_on: r.get(1)?,
        kind: code(
            r,
            2,
            MediaRequestKind::from_code,
            MediaRequestKind::Interview,
        )?,
        who: r.get(3)?,
        topic: r.get(4)?,
        status: code(r, 5, InterviewStatus::from_code, InterviewStatus::Requested)?,
        due_on: r.get(6)?,
    })
}

pub(crate) fn distribution_row(r: &Row) -> rusqlite::Result<DistributionRow> {
    Ok(DistributionRow {
        id: r.get(0)?,
        sent_at: r.get(1)?,
        title: r.get(2)?,
        list: r.get(3)?,
        recipients: r.get(4)?,
        sent: r.get(5)?,
    })
}

fn list_query(list: ListId) -> Option<&'static ListQuery> {
    Some(match list {
        ListId::Events => &EVENTS,
        ListId::Reports => &REPORTS,
        ListId::Requests => &REQUESTS,
        ListId::Departments => &DEPARTMENTS,
        ListId::Drafts => &DRAFTS,
        ListId::Campaigns => &CAMPAIGNS,
        ListId::Materials => &MATERIALS,
        ListId::Journalists => &JOURNALISTS,
        ListId::Outlets => &OUTLETS,
        ListId::ContactLists => &CONTACT_LISTS,
        ListId::Interviews => &INTERVIEWS,
        ListId::Distributions => &DISTRIBUTIONS,
        ListId::Classification => &CLASSIFICATION,
        ListId::Clippings => &super::monitoring::CLIPPINGS,
        ListId::Questions => &super::monitoring::QUESTIONS,
        ListId::Answers => &super::monitoring::ANSWERS,
        ListId::Timeline
        | ListId::Figures
        | ListId::Briefing
        | ListId::Balance
        | ListId::Monitor
        | ListId::Reach => return None,
    })
}

impl Store {
    pub(super) fn page<T>(
        &self,
        q: &ListQuery,
        query: &Query,
        req: &PageRequest,
        map: fn(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let search = self.search_of(q.fts, &query.search)?;
        let (sql, values) = q.sql(query, search.as_ref(), req, &[], 0);
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), map)?
            .collect::<rusqlite::Result<Vec<T>>>()?;
        Ok(rows)
    }

    /// How many rows a list holds under a search and filters, up to [`COUNT_CAP`] + 1.
    pub fn count(&self, list: ListId, query: &Query, now: &str) -> Result<u64> {
        let Some(q) = list_query(list) else {
            return match list {
                ListId::Figures
                | ListId::Briefing
                | ListId::Balance
                | ListId::Monitor
                | ListId::Reach => Ok(0),
                _ => self.timeline_count(query, now),
            };
        };
        let search = self.search_of(q.fts, &query.search)?;
        self.counted(q.count_sql(query, search.as_ref(), &[]))
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

    /// Campaigns, the newest first.
    pub fn campaigns_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<CampaignRow>> {
        self.page(&CAMPAIGNS, q, req, campaign_row)
    }

    /// Requests for material, by the day they are needed, the latest first.
    pub fn materials_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<MaterialRow>> {
        self.page(&MATERIALS, q, req, material_row)
    }

    /// Journalists by name.
    pub fn journalists_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<JournalistRow>> {
        self.page(&JOURNALISTS, q, req, journalist_row)
    }

    /// Outlets by name.
    pub fn outlets_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<OutletRow>> {
        self.page(&OUTLETS, q, req, outlet_row)
    }

    /// Requests from journalists, newest first.
    /// The classification chart, by series code.
    pub fn classification_page(
        &self,
        q: &Query,
        req: &PageRequest,
    ) -> Result<Vec<ClassificationRow>> {
        self.page(&CLASSIFICATION, q, req, classification_row)
    }

    /// A series of the chart, with what is filed under it.
    pub fn classification_detail(&self, id: &str) -> Result<ClassificationDetail> {
        let series = super::commands::read_classification(self.conn(), id)?;
        let row = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {} {} WHERE k.id = ?1",
                CLASSIFICATION.select, CLASSIFICATION.from
            ))?
            .query_row([id], classification_row)?;
        let span = self
            .conn()
            .prepare_cached(
                "SELECT min(occurred_at), max(occurred_at) FROM archive_items
                 WHERE series_id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok(r.get::<_, Option<String>>(0)?
                    .zip(r.get::<_, Option<String>>(1)?))
            })?;
        let files = self
            .conn()
            .prepare_cached(
                "SELECT expediente, count(*) FROM archive_items
                 WHERE series_id = ?1 AND deleted_at IS NULL
                 GROUP BY expediente ORDER BY expediente",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ClassificationDetail {
            row,
            series,
            span,
            files,
        })
    }

    pub fn interviews_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<InterviewRow>> {
        self.page(&INTERVIEWS, q, req, interview_row)
    }

    /// Sends to the media, newest first.
    pub fn distributions_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<DistributionRow>> {
        self.page(&DISTRIBUTIONS, q, req, distribution_row)
    }

    /// Contact lists by name.
    pub fn contact_lists_page(&self, q: &Query, req: &PageRequest) -> Result<Vec<ContactListRow>> {
        self.page(&CONTACT_LISTS, q, req, contact_list_row)
    }
}

#[cfg(test)]
pub(crate) mod tests_queries {
    use super::{ListQuery, PageRequest, Query};
    pub(crate) use super::{DRAFTS, EVENTS, JOURNALISTS, REPORTS};
    pub(crate) use crate::store::searchplan::{Plan, Search};

    pub(crate) fn sql(q: &ListQuery, req: &PageRequest) -> String {
        q.sql(&Query::default(), None, req, &[], 0).0
    }

    /// The ids of a page of reports read with a given plan.
    pub(crate) fn plan_page(
        store: &crate::store::Store,
        query: &Query,
        req: &PageRequest,
        plan: Plan,
    ) -> Vec<String> {
        let search = store
            .search_of(REPORTS.fts, &query.search)
            .unwrap()
            .map(|s| Search { plan, ..s });
        let (sql, values) = REPORTS.sql(query, search.as_ref(), req, &[], 0);
        let mut stmt = store.conn().prepare(&sql).unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(values), |r| {
                r.get::<_, String>(0)
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows
    }
}
