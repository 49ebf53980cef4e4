//! Departments, the requests for information sent to them, and the reports they send back.
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields, Tx};
use crate::domain::edit::{
    DepartmentInput, DraftInput, Invalid, Problem, Record, ReportInput, RequestInput,
};
use crate::domain::ids::seed_id;
use crate::domain::requests::{fill, Filling, RoundInput, BLANKS};
use crate::domain::status::{DraftStatus, ReportStatus, RequestStatus, Via};
use crate::i18n::long_date;
use crate::store::error::{Result, StoreError};
use crate::store::undo::Change;
use crate::store::Store;
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
        // Only a discarded report has a reason for it.
        (
            "reason",
            text(if r.status == ReportStatus::Discarded {
                r.reason.trim()
            } else {
                ""
            }),
        ),
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

/// The setting that keeps the office's request template.
const TEMPLATE: &str = "request_template";

impl Store {
    /// The office's own request template, when it has written one.
    pub fn request_template(&self) -> Result<Option<String>> {
        Ok(self.setting(TEMPLATE)?.filter(|t| !t.trim().is_empty()))
    }

    /// Sends a request round: one pending request to every active department (but the press
    /// office itself), each with the template filled for it, in one transaction. The template
    /// is kept as the office's for the next round. Returns the requests' ids and the change.
    pub fn request_round(&mut self, round: &RoundInput) -> Result<(Vec<String>, Change)> {
        self.batch("requests.round", |tx| tx.request_round(round))
    }
}

impl Tx<'_, '_> {
    /// A report whose last draft is deleted is no longer being written about: it goes back
    /// to review.
    pub(super) fn draft_gone(&mut self, report: &str) -> Result<()> {
        let in_draft = Some(text(ReportStatus::InDraft.code()));
        if !self.w.is_live("reports", report)?
            || self.w.get("reports", report, "status")? != in_draft
        {
            return Ok(());
        }
        let drafts = self.ids_where("drafts", "report_id", report)?;
        if drafts.is_empty() {
            self.w.update(
                "reports",
                report,
                &[("status", text(ReportStatus::Review.code()))],
            )?;
        }
        Ok(())
    }

    /// What a record leaves out and its links say: a report that answers a request comes
    /// from the request's department. `None` when there is nothing to add.
    pub(super) fn complete(&self, record: &Record) -> Result<Option<Record>> {
        if matches!(record, Record::Clipping(_) | Record::Question(_)) {
            return self.complete_monitoring(record);
        }
        if let Record::Request(r) = record {
            return self.fill_request(r);
        }
        let Record::Report(r) = record else {
            return Ok(None);
        };
        let Some(request) = r.request_id.as_deref().filter(|q| !q.is_empty()) else {
            return Ok(None);
        };
        let Some(Value::Text(asked)) = self.w.get("requests", request, "department_id")? else {
            return Ok(None);
        };
        match r.department_id.as_deref().filter(|d| !d.is_empty()) {
            None => {
                let mut report = r.clone();
                report.department_id = Some(asked);
                Ok(Some(Record::Report(report)))
            }
            // A report answers its own department's request, not another's.
            Some(department) if department != asked => Err(StoreError::Invalid(Invalid {
                field: "request_id",
                problem: Problem::OtherDepartment,
            })),
            Some(_) => Ok(None),
        }
    }

    /// A request is received when a live report answers it, and pending again when the last
    /// one is unlinked or deleted (a request called off stays called off until one arrives).
    pub(super) fn settle_request(&mut self, request: &str) -> Result<()> {
        if !self.w.is_live("requests", request)? {
            return Ok(());
        }
        let answers = self
            .value(
                "SELECT count(*) FROM reports WHERE request_id = ?1 AND deleted_at IS NULL",
                request,
            )?
            .map_or(0, |v| match v {
                Value::Integer(n) => n,
                _ => 0,
            });
        let status = self.w.get("requests", request, "status")?;
        let (pending, answered) = (
            text(RequestStatus::Pending.code()),
            text(RequestStatus::Answered.code()),
        );
        // A request called off stays called off, with or without a report.
        let to = if answers > 0 && status.as_ref() == Some(&pending) {
            RequestStatus::Answered
        } else if answers == 0 && status.as_ref() == Some(&answered) {
            RequestStatus::Pending
        } else {
            return Ok(());
        };
        self.w
            .update("requests", request, &[("status", text(to.code()))])?;
        Ok(())
    }

    /// A report a draft is written from is "en borrador" while the draft is worked on, and
    /// "publicado" once the draft is (a report already further along is left as it is).
    pub(super) fn follow_draft(&mut self, draft: &DraftInput) -> Result<()> {
        let Some(report) = draft.report_id.as_deref().filter(|r| !r.is_empty()) else {
            return Ok(());
        };
        if !self.w.is_live("reports", report)? {
            return Ok(());
        }
        let Some(Value::Text(code)) = self.w.get("reports", report, "status")? else {
            return Ok(());
        };
        let Some(from) = ReportStatus::from_code(&code) else {
            return Ok(());
        };
        let to = match draft.status {
            DraftStatus::Published => ReportStatus::Used,
            DraftStatus::Discarded => return Ok(()),
            _ => ReportStatus::InDraft,
        };
        let early = matches!(from, ReportStatus::Received | ReportStatus::Review);
        if (to == ReportStatus::InDraft && early)
            || (to == ReportStatus::Used && (early || from == ReportStatus::InDraft))
        {
            self.w
                .update("reports", report, &[("status", text(to.code()))])?;
        }
        Ok(())
    }

    pub fn request_round(&mut self, round: &RoundInput) -> Result<Vec<String>> {
        let office = seed_id("department", "comunicacion");
        let departments: Vec<(String, String, String, String)> = self
            .w
            .conn()
            .prepare_cached(
                "SELECT id, name, head, liaison FROM departments
                 WHERE deleted_at IS NULL AND active = 1 AND id <> ?1
                 ORDER BY sort, name, id",
            )?
            .query_map([&office], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        if departments.is_empty() {
            return Err(StoreError::Invalid(Invalid {
                field: "subject",
                problem: Problem::NoActiveDepartment,
            }));
        }
        let mut ids = Vec::with_capacity(departments.len());
        // Written last to first: the list shows the newest first, so the round reads in the
        // departments' own order.
        for (id, name, head, liaison) in departments.iter().rev() {
            let body = fill(
                &round.template,
                &Filling {
                    area: name,
                    head,
                    liaison,
                    topic: &round.topic,
                    due: &round.due_text,
                },
            );
            let request = Record::Request(RequestInput {
                department_id: Some(id.clone()),
                subject: round.topic.trim().to_owned(),
                sent_on: round.sent_on.clone(),
                due_on: round.due_on.clone(),
                status: RequestStatus::Pending,
                channel: round.channel,
                body,
                notes: String::new(),
            });
            ids.push(self.create(None, &request)?);
        }
        self.set_setting(TEMPLATE, &round.template)?;
        Ok(ids)
    }

    /// A request's text with the template's blanks filled for its department (a request
    /// written from the template by hand); `None` when it has no blank to fill.
    pub(super) fn fill_request(&self, r: &RequestInput) -> Result<Option<Record>> {
        if !BLANKS.iter().any(|b| r.body.contains(b)) {
            return Ok(None);
        }
        let (name, head, liaison): (String, String, String) = match r.department_id.as_deref() {
            Some(id) if !id.is_empty() => self
                .w
                .conn()
                .prepare_cached("SELECT name, head, liaison FROM departments WHERE id = ?1")?
                .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
                .optional()?
                .unwrap_or_default(),
            _ => Default::default(),
        };
        let due = chrono::NaiveDate::parse_from_str(&r.due_on, "%Y-%m-%d")
            .map(long_date)
            .unwrap_or_default();
        let body = fill(
            &r.body,
            &Filling {
                area: &name,
                head: &head,
                liaison: &liaison,
                topic: &r.subject,
                due: &due,
            },
        );
        Ok(Some(Record::Request(RequestInput { body, ..r.clone() })))
    }

    /// Writes an office-wide setting (created the first time; its id is the key's, so two
    /// machines that set it hold one row).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let id = seed_id("setting", key);
        match self.w.get("settings", &id, "value")? {
            Some(Value::Text(v)) if v == value => Ok(()),
            Some(_) => {
                self.w.update("settings", &id, &[("value", text(value))])?;
                if matches!(
                    self.w.get("settings", &id, "deleted_at")?,
                    Some(Value::Text(_))
                ) {
                    self.w.restore("settings", &id)?;
                }
                Ok(())
            }
            None => self.w.insert(
                "settings",
                &id,
                &[("key", text(key)), ("value", text(value))],
            ),
        }
    }
}
