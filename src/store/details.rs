//! The detail behind a selected row: the row itself plus where it came from and where it went,
//! each related record as a link that can be opened.
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::commands::read_item;
use super::error::{Result, StoreError};
use super::lists::{
    contact_list_row, department_row, event_row, journalist_row, outlet_row, report_row,
    request_row,
};
use super::Store;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::media::MediaKind;
use crate::domain::status::{
    CoverageRole, CoverageStatus, EventKind, InterviewStatus, Subjects, Via,
};
use crate::domain::{
    ArchiveItemDetail, ConsentLine, ContactListDetail, CoverageLine, DepartmentDetail, EventDetail,
    EventRow, InterviewLine, JournalistDetail, LinkLine, MediaLine, MemberLine, OutletDetail,
    ReportDetail, RequestDetail, SeriesLine, TimelineDetail, TimelineKind,
};

pub(super) fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

/// Links of one kind from a query returning (id, date, title, status code).
fn link(kind: RecordKind) -> impl Fn(&Row) -> rusqlite::Result<LinkLine> {
    move |r| {
        Ok(LinkLine {
            target: Target::new(kind, r.get::<_, String>(0)?),
            date: r.get(1)?,
            title: r.get(2)?,
            status: r.get(3)?,
        })
    }
}

impl Store {
    pub(super) fn rows<T>(
        &self,
        sql: &str,
        id: &str,
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt
            .query_map([id], map)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub(super) fn links(&self, kind: RecordKind, sql: &str, id: &str) -> Result<Vec<LinkLine>> {
        self.rows(sql, id, link(kind))
    }

    /// At most one link.
    pub(super) fn one_link(
        &self,
        kind: RecordKind,
        sql: &str,
        id: Option<&str>,
    ) -> Result<Option<LinkLine>> {
        match id {
            Some(id) => Ok(self.links(kind, sql, id)?.into_iter().next()),
            None => Ok(None),
        }
    }

    pub(super) fn department_link(&self, id: Option<&str>) -> Result<Option<LinkLine>> {
        self.one_link(
            RecordKind::Department,
            "SELECT id, '', name, '' FROM departments WHERE id = ?1 AND deleted_at IS NULL",
            id,
        )
    }

    pub(super) fn event_link(&self, id: Option<&str>) -> Result<Option<LinkLine>> {
        self.one_link(
            RecordKind::Event,
            "SELECT id, starts_at, title, status FROM events WHERE id = ?1 AND deleted_at IS NULL",
            id,
        )
    }

    pub(crate) fn coverage_of(&self, event_id: &str) -> Result<Vec<CoverageLine>> {
        self.rows(
            "SELECT c.id, c.role, coalesce(s.name, ''), c.status, c.note FROM coverage c
             LEFT JOIN staff s ON s.id = c.staff_id
             WHERE c.event_id = ?1 AND c.deleted_at IS NULL ORDER BY c.role, s.name, c.id",
            event_id,
            |r| {
                Ok(CoverageLine {
                    id: r.get(0)?,
                    role: CoverageRole::from_code(&r.get::<_, String>(1)?)
                        .unwrap_or(CoverageRole::Photo),
                    staff: r.get(2)?,
                    status: CoverageStatus::from_code(&r.get::<_, String>(3)?)
                        .unwrap_or(CoverageStatus::Assigned),
                    note: r.get(4)?,
                })
            },
        )
    }

    /// Drafts made from a row (`column` is `event_id` or `report_id`).
    pub(super) fn drafts_from(&self, column: &str, id: &str) -> Result<Vec<LinkLine>> {
        self.links(
            RecordKind::Draft,
            &format!(
                "SELECT id, written_at, title, status FROM drafts
                 WHERE {column} = ?1 AND deleted_at IS NULL ORDER BY written_at, id"
            ),
            id,
        )
    }

    pub fn event_detail(&self, id: &str) -> Result<EventDetail> {
        type Head = (
            EventRow,
            String,
            Option<String>,
            String,
            bool,
            Option<SeriesLine>,
        );
        let (row, notes, department_id, kind, all_day, series): Head = self
            .conn()
            .prepare_cached(
                "SELECT e.id, e.starts_at, e.ends_at, e.title, e.place, e.locality,
                        coalesce(d.short_name, ''), e.status,
                        (SELECT count(*) FROM coverage c WHERE c.event_id = e.id AND c.deleted_at IS NULL
                       AND c.status <> 'cancelled'),
                        e.notes, e.department_id, e.kind, e.all_day, s.id, s.rule, e.detached
                 FROM events e LEFT JOIN departments d ON d.id = e.department_id
                 LEFT JOIN event_series s ON s.id = e.series_id AND s.deleted_at IS NULL
                 WHERE e.id = ?1 AND e.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                let series = match r.get::<_, Option<String>>(13)? {
                    Some(id) => Some(SeriesLine {
                        id,
                        rule: r.get(14)?,
                        detached: r.get::<_, i64>(15)? != 0,
                    }),
                    None => None,
                };
                Ok((
                    event_row(r)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                    r.get::<_, i64>(12)? != 0,
                    series,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("events", id))?;
        Ok(EventDetail {
            kind: EventKind::from_code(&kind).unwrap_or(EventKind::Other),
            all_day,
            series,
            coverage: self.coverage_of(id)?,
            department: self.department_link(department_id.as_deref())?,
            reports: self.links(
                RecordKind::Report,
                "SELECT id, received_at, title, status FROM reports
                 WHERE event_id = ?1 AND deleted_at IS NULL ORDER BY received_at, id",
                id,
            )?,
            drafts: self.drafts_from("event_id", id)?,
            archive: self.links(
                RecordKind::ArchiveItem,
                "SELECT id, occurred_at, title, '' FROM archive_items
                 WHERE event_id = ?1 AND deleted_at IS NULL ORDER BY occurred_at, id",
                id,
            )?,
            row,
            notes,
        })
    }

    pub fn report_detail(&self, id: &str) -> Result<ReportDetail> {
        type Head = (
            crate::domain::ReportRow,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            String,
        );
        let (row, body, request_id, event_id, department_id, channel, reason): Head = self
            .conn()
            .prepare_cached(
                "SELECT r.id, r.received_at, r.title, coalesce(d.short_name, ''), r.status,
                        r.body, r.request_id, r.event_id, r.department_id, r.channel, r.reason
                 FROM reports r LEFT JOIN departments d ON d.id = r.department_id
                 WHERE r.id = ?1 AND r.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    report_row(r)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("reports", id))?;
        Ok(ReportDetail {
            department: self.department_link(department_id.as_deref())?,
            request: self.one_link(
                RecordKind::Request,
                "SELECT q.id, q.due_on, q.subject || coalesce(' — ' || d.short_name, ''), q.status
                 FROM requests q LEFT JOIN departments d ON d.id = q.department_id
                 WHERE q.id = ?1 AND q.deleted_at IS NULL",
                request_id.as_deref(),
            )?,
            event: self.event_link(event_id.as_deref())?,
            drafts: self.drafts_from("report_id", id)?,
            files: self.report_files(id)?,
            row,
            body,
            channel: Via::from_code(&channel),
            reason,
        })
    }

    pub fn request_detail(&self, id: &str) -> Result<RequestDetail> {
        let (row, notes, department_id, channel, body) = self
            .conn()
            .prepare_cached(
                "SELECT q.id, q.sent_on, q.due_on, q.subject, coalesce(d.short_name, ''), q.status,
                        q.notes, q.department_id, q.channel, q.body
                 FROM requests q LEFT JOIN departments d ON d.id = q.department_id
                 WHERE q.id = ?1 AND q.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    request_row(r)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("requests", id))?;
        Ok(RequestDetail {
            department: self.department_link(department_id.as_deref())?,
            reports: self.links(
                RecordKind::Report,
                "SELECT id, received_at, title, status FROM reports
                 WHERE request_id = ?1 AND deleted_at IS NULL ORDER BY received_at, id",
                id,
            )?,
            row,
            notes,
            channel: Via::from_code(&channel),
            body,
            overdue: false,
        })
    }

    /// A department, with its figures as of `today`.
    pub fn department_detail(&self, id: &str, today: NaiveDate) -> Result<DepartmentDetail> {
        let (row, email, phone, liaison, whatsapp) = self
            .conn()
            .prepare_cached(
                "SELECT d.id, printf('%06d|%s', d.sort, d.name), d.name, d.short_name, d.head,
                        d.active, d.email, d.phone, d.liaison, d.whatsapp
                 FROM departments d WHERE d.id = ?1 AND d.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    department_row(r)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, String>(9)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("departments", id))?;
        Ok(DepartmentDetail {
            pending: self.links(
                RecordKind::Request,
                "SELECT id, due_on, subject, status FROM requests
                 WHERE department_id = ?1 AND status = 'pending' AND deleted_at IS NULL
                 ORDER BY due_on, id LIMIT 10",
                id,
            )?,
            reports: self.links(
                RecordKind::Report,
                "SELECT id, received_at, title, status FROM reports
                 WHERE department_id = ?1 AND deleted_at IS NULL
                 ORDER BY received_at DESC, id DESC LIMIT 5",
                id,
            )?,
            figures: self.figures_for(id, today)?.unwrap_or_default(),
            row,
            liaison,
            email,
            phone,
            whatsapp,
        })
    }

    pub fn journalist_detail(&self, id: &str) -> Result<JournalistDetail> {
        type Head = (
            crate::domain::JournalistRow,
            (String, String, String),
            bool,
            String,
            String,
            Option<String>,
            (String, String, bool, String),
        );
        let (row, (email, phone, city), consent, privacy, notes, outlet_id, more): Head = self
            .conn()
            .prepare_cached(
                "SELECT j.id, j.name, coalesce(o.name, ''), coalesce(o.kind, ''), j.role,
                        j.email, j.phone, coalesce(o.city, ''), j.consent, j.privacy_notice_on,
                        j.notes, j.outlet_id, j.beats, j.channel, j.do_not_contact, j.dnc_reason
                 FROM journalists j LEFT JOIN outlets o ON o.id = j.outlet_id
                 WHERE j.id = ?1 AND j.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    journalist_row(r)?,
                    (r.get(5)?, r.get(6)?, r.get(7)?),
                    r.get::<_, i64>(8)? != 0,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                    (
                        r.get(12)?,
                        r.get(13)?,
                        r.get::<_, i64>(14)? != 0,
                        r.get(15)?,
                    ),
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("journalists", id))?;
        let (beats, channel, dnc, dnc_reason) = more;
        let lists = self.links(
            RecordKind::ContactList,
            "SELECT l.id, '', l.name, '' FROM list_members m JOIN contact_lists l ON l.id = m.list_id
             WHERE m.journalist_id = ?1 AND m.deleted_at IS NULL AND l.deleted_at IS NULL
             ORDER BY l.name",
            id,
        )?;
        // What reached them, newest first, from the (journalist, date) index.
        let recent_sends = self.links(
            RecordKind::Draft,
            "SELECT x.id, v.sent_at, coalesce(x.title, ''), x.status FROM deliveries v
             JOIN drafts x ON x.id = v.draft_id
             WHERE v.journalist_id = ?1 AND v.status = 'sent' AND v.deleted_at IS NULL
             ORDER BY v.sent_at DESC LIMIT 5",
            id,
        )?;
        let last_contacted = recent_sends.first().map(|l| l.date.clone());
        let interviews = self.rows(
            "SELECT requested_on, topic, status FROM interviews
             WHERE journalist_id = ?1 AND deleted_at IS NULL ORDER BY requested_on DESC LIMIT 5",
            id,
            |r| {
                Ok(InterviewLine {
                    requested_on: r.get(0)?,
                    topic: r.get(1)?,
                    status: InterviewStatus::from_code(&r.get::<_, String>(2)?)
                        .unwrap_or(InterviewStatus::Requested),
                })
            },
        )?;
        Ok(JournalistDetail {
            outlet: self.one_link(
                RecordKind::Outlet,
                "SELECT id, '', name, '' FROM outlets WHERE id = ?1 AND deleted_at IS NULL",
                outlet_id.as_deref(),
            )?,
            row,
            email,
            phone,
            city,
            beats,
            channel: crate::domain::status::SendChannel::from_code(&channel)
                .unwrap_or(crate::domain::status::SendChannel::Email),
            do_not_contact: dnc.then_some(dnc_reason),
            last_contacted,
            consent,
            privacy_notice_on: privacy,
            notes,
            lists,
            recent_sends,
            interviews,
        })
    }

    pub fn interview_detail(&self, id: &str) -> Result<crate::domain::InterviewDetail> {
        type Head = (
            crate::domain::InterviewRow,
            Option<String>,
            Option<String>,
            (String, String, String, String),
        );
        let (row, journalist, outlet, (interviewee, scheduled_at, outcome, notes)): Head = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {}, i.journalist_id, i.outlet_id, i.interviewee, i.scheduled_at,
                        i.outcome, i.notes
                 {} WHERE i.id = ?1 AND i.deleted_at IS NULL",
                super::lists::INTERVIEWS.select,
                super::lists::INTERVIEWS.from
            ))?
            .query_row([id], |r| {
                Ok((
                    super::lists::interview_row(r)?,
                    r.get(7)?,
                    r.get(8)?,
                    (r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?),
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("interviews", id))?;
        Ok(crate::domain::InterviewDetail {
            journalist: self.one_link(
                RecordKind::Journalist,
                "SELECT id, '', name, '' FROM journalists WHERE id = ?1 AND deleted_at IS NULL",
                journalist.as_deref(),
            )?,
            outlet: self.one_link(
                RecordKind::Outlet,
                "SELECT id, '', name, '' FROM outlets WHERE id = ?1 AND deleted_at IS NULL",
                outlet.as_deref(),
            )?,
            row,
            interviewee,
            scheduled_at,
            outcome,
            notes,
        })
    }

    pub fn outlet_detail(&self, id: &str) -> Result<OutletDetail> {
        let (row, email, phone, website, (region, notes)) = self
            .conn()
            .prepare_cached(
                "SELECT o.id, o.name, o.kind, o.city,
                        (SELECT count(*) FROM journalists j WHERE j.outlet_id = o.id AND j.deleted_at IS NULL),
                        o.email, o.phone, o.website, o.region, o.notes
                 FROM outlets o WHERE o.id = ?1 AND o.deleted_at IS NULL",
            )?
            .query_row([id], |r| {
                Ok((
                    outlet_row(r)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    (r.get::<_, String>(8)?, r.get::<_, String>(9)?),
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("outlets", id))?;
        Ok(OutletDetail {
            journalists: self.links(
                RecordKind::Journalist,
                "SELECT id, '', name, '' FROM journalists
                 WHERE outlet_id = ?1 AND deleted_at IS NULL ORDER BY name, id LIMIT 50",
                id,
            )?,
            row,
            region,
            notes,
            email,
            phone,
            website,
        })
    }

    pub fn contact_list_detail(&self, id: &str) -> Result<ContactListDetail> {
        let row = self
            .conn()
            .prepare_cached(
                "SELECT l.id, l.name, l.description,
                        (SELECT count(*) FROM list_members m JOIN journalists j ON j.id = m.journalist_id
                         WHERE m.list_id = l.id AND m.deleted_at IS NULL AND j.deleted_at IS NULL)
                 FROM contact_lists l WHERE l.id = ?1 AND l.deleted_at IS NULL",
            )?
            .query_row([id], contact_list_row)
            .optional()?
            .ok_or_else(|| not_found("contact_lists", id))?;
        let members = self.rows(
            "SELECT m.id, j.id, coalesce(o.name, ''), j.name FROM list_members m
             JOIN journalists j ON j.id = m.journalist_id
             LEFT JOIN outlets o ON o.id = j.outlet_id
             WHERE m.list_id = ?1 AND m.deleted_at IS NULL AND j.deleted_at IS NULL
             ORDER BY j.name, j.id LIMIT 200",
            id,
            |r| {
                Ok(MemberLine {
                    member_id: r.get(0)?,
                    journalist: LinkLine {
                        target: Target::new(RecordKind::Journalist, r.get::<_, String>(1)?),
                        date: String::new(),
                        title: r.get(3)?,
                        status: r.get(2)?,
                    },
                })
            },
        )?;
        let sends = self.links(
            RecordKind::Draft,
            "SELECT x.id, d.sent_at, coalesce(x.title, ''), x.status FROM distributions d
             JOIN drafts x ON x.id = d.draft_id
             WHERE d.list_id = ?1 AND d.deleted_at IS NULL ORDER BY d.sent_at DESC LIMIT 5",
            id,
        )?;
        Ok(ContactListDetail {
            row,
            members,
            sends,
        })
    }

    pub fn archive_item_detail(&self, id: &str) -> Result<ArchiveItemDetail> {
        let item = read_item(self.conn(), id)?;
        let today = self.local_now().get(..10).unwrap_or("").to_owned();
        let consents = self.rows(
            "SELECT id, person, minor, given_by, purpose, valid_until, document
             FROM consents WHERE item_id = ?1 AND deleted_at IS NULL ORDER BY person, id",
            id,
            |r| {
                let valid_until: String = r.get(5)?;
                Ok(ConsentLine {
                    id: r.get(0)?,
                    person: r.get(1)?,
                    minor: r.get::<_, i64>(2)? != 0,
                    given_by: r.get(3)?,
                    purpose: r.get(4)?,
                    holds: valid_until.is_empty() || valid_until.as_str() >= today.as_str(),
                    valid_until,
                    document: r.get(6)?,
                })
            },
        )?;
        let consent_missing = match item.subjects {
            Subjects::Nobody => false,
            Subjects::Adults => !consents.iter().any(|c| c.holds),
            Subjects::Minors => !consents.iter().any(|c| c.holds && c.minor),
        };
        let media = self.rows(
            "SELECT m.id, m.file_name, m.kind, m.size, m.taken_at, m.date_source, m.width,
                    m.height, m.thumbnail IS NOT NULL OR m.archive_copy IS NOT NULL
             FROM archive_media l JOIN media m ON m.id = l.media_id
             WHERE l.item_id = ?1 AND l.deleted_at IS NULL AND m.deleted_at IS NULL
             ORDER BY m.kind <> 'photo', m.taken_at, m.file_name, m.id",
            id,
            |r| {
                Ok(MediaLine {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    kind: MediaKind::from_code(&r.get::<_, String>(2)?),
                    size: r.get::<_, i64>(3)?.max(0) as u64,
                    taken_at: r.get(4)?,
                    date_source: r.get(5)?,
                    width: r
                        .get::<_, Option<i64>>(6)?
                        .and_then(|w| u32::try_from(w).ok()),
                    height: r
                        .get::<_, Option<i64>>(7)?
                        .and_then(|h| u32::try_from(h).ok()),
                    preview: r.get(8)?,
                })
            },
        )?;
        let series = match &item.series_id {
            Some(series) => self
                .conn()
                .prepare_cached(
                    "SELECT trim(code || ' ' || name), trim(section_code || ' ' || section_name)
                     FROM classification WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .query_row([series], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            None => None,
        };
        let picture = match media.iter().find(|m| m.preview) {
            Some(m) => self.media_picture(&m.id)?.map(|jpeg| (m.id.clone(), jpeg)),
            None => None,
        };
        Ok(ArchiveItemDetail {
            picture,
            id: id.to_owned(),
            department: self.department_link(item.department_id.as_deref())?,
            event: self.event_link(item.event_id.as_deref())?,
            report: self.one_link(
                RecordKind::Report,
                "SELECT id, received_at, title, status FROM reports
                 WHERE id = ?1 AND deleted_at IS NULL",
                item.report_id.as_deref(),
            )?,
            draft: self.one_link(
                RecordKind::Draft,
                "SELECT id, written_at, title, status FROM drafts
                 WHERE id = ?1 AND deleted_at IS NULL",
                item.draft_id.as_deref(),
            )?,
            series,
            media,
            consents,
            consent_missing,
            item,
        })
    }

    /// The picture of a stored file to show: its thumbnail, else its archive copy (JPEG).
    pub fn media_picture(&self, media_id: &str) -> Result<Option<Vec<u8>>> {
        match self.media_thumbnail(media_id)? {
            Some(jpeg) => Ok(Some(jpeg)),
            None => self.media_archive_copy(media_id),
        }
    }

    /// The draft a publication belongs to.
    pub fn publication_draft(&self, id: &str) -> Result<String> {
        self.conn()
            .query_row(
                "SELECT draft_id FROM publications WHERE id = ?1",
                params![id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten()
            .ok_or_else(|| not_found("publications", id))
    }

    /// The detail behind a line of the archive timeline.
    pub fn timeline_detail(&self, kind: TimelineKind, id: &str) -> Result<TimelineDetail> {
        Ok(match kind {
            TimelineKind::Event => TimelineDetail::Event(self.event_detail(id)?),
            TimelineKind::Report => TimelineDetail::Report(self.report_detail(id)?),
            TimelineKind::Publication(_) => {
                TimelineDetail::Publication(self.draft_detail(&self.publication_draft(id)?)?)
            }
            TimelineKind::Item(_) => TimelineDetail::Item(Box::new(self.archive_item_detail(id)?)),
            TimelineKind::Interview => TimelineDetail::Interview(self.interview_detail(id)?),
            TimelineKind::Clipping => TimelineDetail::Clipping(self.clipping_detail(id)?),
        })
    }
}
