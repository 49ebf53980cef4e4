//! The detail behind a selected row: the row itself plus where it came from and where it went.
use rusqlite::{params, OptionalExtension, Row};

use super::error::{Result, StoreError};
use super::lists::{draft_row, event_row, report_row};
use super::Store;
use crate::domain::status::{
    ArchiveKind, Channel, CoverageRole, CoverageStatus, DraftStatus, InterviewStatus, OutletKind,
    ReportStatus,
};
use crate::domain::{
    ArchiveItemDetail, CoverageLine, DraftDetail, EventDetail, InterviewLine, JournalistDetail,
    JournalistRow, LinkLine, PublicationLine, ReportDetail, TimelineDetail, TimelineKind,
    VariantLine,
};
use crate::i18n::{t, Msg};

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

fn strings<T>(
    store: &Store,
    sql: &str,
    id: &str,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = store.conn().prepare_cached(sql)?;
    let rows = stmt
        .query_map([id], map)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

impl Store {
    pub(crate) fn coverage_of(&self, event_id: &str) -> Result<Vec<CoverageLine>> {
        strings(
            self,
            "SELECT c.role, coalesce(s.name, ''), c.status FROM coverage c
             LEFT JOIN staff s ON s.id = c.staff_id
             WHERE c.event_id = ?1 AND c.deleted_at IS NULL ORDER BY c.role, s.name",
            event_id,
            |r| {
                Ok(CoverageLine {
                    role: CoverageRole::from_code(&r.get::<_, String>(0)?)
                        .unwrap_or(CoverageRole::Photo),
                    staff: r.get(1)?,
                    status: CoverageStatus::from_code(&r.get::<_, String>(2)?)
                        .unwrap_or(CoverageStatus::Assigned),
                })
            },
        )
    }

    pub fn event_detail(&self, id: &str) -> Result<EventDetail> {
        let (row, notes) = self
            .conn()
            .prepare_cached(
                "SELECT e.id, e.starts_at, e.ends_at, e.title, e.place, e.locality,
                        coalesce(d.short_name, ''), e.status,
                        (SELECT count(*) FROM coverage c WHERE c.event_id = e.id AND c.deleted_at IS NULL),
                        e.notes
                 FROM events e LEFT JOIN departments d ON d.id = e.department_id WHERE e.id = ?1",
            )?
            .query_row([id], |r| Ok((event_row(r)?, r.get::<_, String>(9)?)))
            .optional()?
            .ok_or_else(|| not_found("events", id))?;
        let reports = self.links(
            "SELECT received_at, title, status FROM reports
             WHERE event_id = ?1 AND deleted_at IS NULL ORDER BY received_at",
            id,
            |code| label(code, ReportStatus::from_code, ReportStatus::label),
        )?;
        let drafts = self.drafts_from("event_id", id)?;
        Ok(EventDetail {
            coverage: self.coverage_of(id)?,
            row,
            notes,
            reports,
            drafts,
        })
    }

    /// Drafts made from a row (`column` is `event_id` or `report_id`).
    fn drafts_from(&self, column: &str, id: &str) -> Result<Vec<LinkLine>> {
        self.links(
            &format!(
                "SELECT written_at, title, status FROM drafts
                 WHERE {column} = ?1 AND deleted_at IS NULL ORDER BY written_at"
            ),
            id,
            |code| label(code, DraftStatus::from_code, DraftStatus::label),
        )
    }

    /// Link lines from a query returning (date, title, status code).
    fn links(&self, sql: &str, id: &str, status: fn(&str) -> String) -> Result<Vec<LinkLine>> {
        strings(self, sql, id, |r| {
            Ok(LinkLine {
                date: r.get(0)?,
                title: r.get(1)?,
                status: status(&r.get::<_, String>(2)?),
            })
        })
    }

    pub fn report_detail(&self, id: &str) -> Result<ReportDetail> {
        type Head = (
            crate::domain::ReportRow,
            String,
            Option<String>,
            Option<String>,
        );
        let (row, body, request_id, event_id): Head = self
            .conn()
            .prepare_cached(
                "SELECT r.id, r.received_at, r.title, coalesce(d.short_name, ''), r.status,
                        r.body, r.request_id, r.event_id
                 FROM reports r LEFT JOIN departments d ON d.id = r.department_id WHERE r.id = ?1",
            )?
            .query_row([id], |r| {
                Ok((report_row(r)?, r.get(5)?, r.get(6)?, r.get(7)?))
            })
            .optional()?
            .ok_or_else(|| not_found("reports", id))?;
        let request = match request_id {
            Some(rid) => self
                .conn()
                .prepare_cached("SELECT subject, sent_on, due_on FROM requests WHERE id = ?1")?
                .query_row([rid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?,
            None => None,
        };
        let event = match event_id {
            Some(eid) => self
                .conn()
                .prepare_cached("SELECT title, starts_at FROM events WHERE id = ?1")?
                .query_row([eid], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            None => None,
        };
        Ok(ReportDetail {
            drafts: self.drafts_from("report_id", id)?,
            row,
            body,
            request,
            event,
        })
    }

    pub fn draft_detail(&self, id: &str) -> Result<DraftDetail> {
        type Head = (
            crate::domain::DraftRow,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let (row, body, author, campaign, report_id, event_id): Head = self
            .conn()
            .prepare_cached(
                "SELECT x.id, x.written_at, x.title, x.kind, x.status, x.folio, x.body,
                        coalesce(s.name, ''), coalesce(c.name, ''), x.report_id, x.event_id
                 FROM drafts x LEFT JOIN staff s ON s.id = x.author_id
                 LEFT JOIN campaigns c ON c.id = x.campaign_id WHERE x.id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    draft_row(r)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("drafts", id))?;
        let title_of = |table: &str, id: &str| -> Result<Option<String>> {
            Ok(self
                .conn()
                .prepare_cached(&format!("SELECT title FROM {table} WHERE id = ?1"))?
                .query_row([id], |r| r.get(0))
                .optional()?)
        };
        let source = match (report_id, event_id) {
            (Some(r), _) => title_of("reports", &r)?.map(|t| (tr(Msg::SourceReport), t)),
            (None, Some(e)) => title_of("events", &e)?.map(|t| (tr(Msg::SourceEvent), t)),
            _ => None,
        };
        let variants = strings(
            self,
            "SELECT channel, body FROM variants WHERE draft_id = ?1 AND deleted_at IS NULL ORDER BY channel",
            id,
            |r| {
                let body: String = r.get(1)?;
                Ok(VariantLine {
                    channel: Channel::from_code(&r.get::<_, String>(0)?).unwrap_or(Channel::Web),
                    chars: body.chars().count(),
                })
            },
        )?;
        let publications = strings(
            self,
            "SELECT channel, published_at, url FROM publications
             WHERE draft_id = ?1 AND deleted_at IS NULL ORDER BY published_at",
            id,
            |r| {
                Ok(PublicationLine {
                    channel: Channel::from_code(&r.get::<_, String>(0)?).unwrap_or(Channel::Web),
                    published_at: r.get(1)?,
                    url: r.get(2)?,
                })
            },
        )?;
        let sent_to = strings(
            self,
            "SELECT coalesce(l.name, ''), d.sent_at FROM distributions d
             LEFT JOIN contact_lists l ON l.id = d.list_id
             WHERE d.draft_id = ?1 AND d.deleted_at IS NULL ORDER BY d.sent_at",
            id,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(DraftDetail {
            row,
            body,
            author,
            campaign,
            source,
            variants,
            publications,
            sent_to,
        })
    }

    pub fn journalist_detail(&self, id: &str) -> Result<JournalistDetail> {
        type Head = (JournalistRow, String, String, String, bool, String);
        let (row, email, phone, city, consent, privacy): Head = self
            .conn()
            .prepare_cached(
                "SELECT j.id, j.name, coalesce(o.name, ''), coalesce(o.kind, ''), j.role,
                        j.email, j.phone, coalesce(o.city, ''), j.consent, j.privacy_notice_on
                 FROM journalists j LEFT JOIN outlets o ON o.id = j.outlet_id WHERE j.id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    JournalistRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        outlet: r.get(2)?,
                        outlet_kind: OutletKind::from_code(&r.get::<_, String>(3)?)
                            .unwrap_or(OutletKind::Digital),
                        role: r.get(4)?,
                    },
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get::<_, i64>(8)? != 0,
                    r.get(9)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("journalists", id))?;
        let lists: Vec<(String, String)> = strings(
            self,
            "SELECT l.id, l.name FROM list_members m JOIN contact_lists l ON l.id = m.list_id
             WHERE m.journalist_id = ?1 AND m.deleted_at IS NULL AND l.deleted_at IS NULL ORDER BY l.name",
            id,
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // The newest sends of each list, read from the (list, date) index, then merged: a
        // list may have been sent thousands of pieces.
        let mut recent_sends: Vec<(String, String)> = Vec::new();
        for (list, _) in &lists {
            recent_sends.extend(strings(
                self,
                "SELECT d.sent_at, coalesce(x.title, '') FROM distributions d
                 LEFT JOIN drafts x ON x.id = d.draft_id
                 WHERE d.list_id = ?1 AND d.deleted_at IS NULL
                 ORDER BY d.sent_at DESC LIMIT 5",
                list,
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?);
        }
        recent_sends.sort_by(|a, b| b.0.cmp(&a.0));
        recent_sends.dedup();
        recent_sends.truncate(5);
        let lists = lists.into_iter().map(|(_, name)| name).collect();
        let interviews = strings(
            self,
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
            row,
            email,
            phone,
            city,
            consent,
            privacy_notice_on: privacy,
            lists,
            recent_sends,
            interviews,
        })
    }

    pub fn archive_item_detail(&self, id: &str) -> Result<ArchiveItemDetail> {
        type Item = (ArchiveItemDetail, Option<String>);
        let (mut item, event_id): Item = self
            .conn()
            .prepare_cached(
                "SELECT a.kind, a.occurred_at, a.title, a.description, coalesce(d.short_name, ''),
                        a.event_id, a.files
                 FROM archive_items a LEFT JOIN departments d ON d.id = a.department_id WHERE a.id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    ArchiveItemDetail {
                        kind: ArchiveKind::from_code(&r.get::<_, String>(0)?)
                            .unwrap_or(ArchiveKind::Document),
                        occurred_at: r.get(1)?,
                        title: r.get(2)?,
                        description: r.get(3)?,
                        department: r.get(4)?,
                        event: None,
                        files: r.get(6)?,
                    },
                    r.get(5)?,
                ))
            })
            .optional()?
            .ok_or_else(|| not_found("archive_items", id))?;
        if let Some(eid) = event_id {
            item.event = self
                .conn()
                .prepare_cached("SELECT title, starts_at FROM events WHERE id = ?1")?
                .query_row([eid], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
        }
        Ok(item)
    }

    /// The detail behind a line of the archive timeline.
    pub fn timeline_detail(&self, kind: TimelineKind, id: &str) -> Result<TimelineDetail> {
        Ok(match kind {
            TimelineKind::Event => TimelineDetail::Event(self.event_detail(id)?),
            TimelineKind::Report => TimelineDetail::Report(self.report_detail(id)?),
            TimelineKind::Publication => {
                let draft: String = self
                    .conn()
                    .query_row(
                        "SELECT draft_id FROM publications WHERE id = ?1",
                        params![id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| not_found("publications", id))?;
                TimelineDetail::Publication(self.draft_detail(&draft)?)
            }
            TimelineKind::Item(_) => TimelineDetail::Item(self.archive_item_detail(id)?),
        })
    }
}

fn tr(m: Msg) -> String {
    t(m).to_owned()
}

fn label<T>(code: &str, from: fn(&str) -> Option<T>, name: fn(T) -> &'static str) -> String {
    crate::domain::status::label_or_code(code, from, name)
}
