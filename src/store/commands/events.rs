//! Agenda events, the series recurring events belong to, and who covers them.
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields, Tx};
use crate::domain::edit::RecordKind;
use crate::domain::edit::{CoverageInput, EventInput, Invalid, Problem, SeriesInput, Target};
use crate::domain::recurrence::{self, RuleError, HORIZON_DAYS, LOCAL};
use crate::domain::status::{CoverageRole, CoverageStatus, EventKind, EventStatus};
use crate::store::error::{Result, StoreError};
use crate::store::Value;

/// An iCalendar UID is kept as given; an empty one on an update keeps what is stored.
fn uid_field(fields: &mut Fields, uid: &str) {
    if !uid.trim().is_empty() {
        fields.push(("uid", text(uid.trim())));
    }
}

pub(super) fn event_fields(e: &EventInput) -> Fields {
    let mut fields = vec![
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
        ("all_day", flag(e.all_day)),
        ("kind", text(e.kind.code())),
    ];
    uid_field(&mut fields, &e.uid);
    fields
}

pub(super) fn series_fields(s: &SeriesInput) -> Fields {
    let mut fields = vec![
        ("title", text(s.title.trim())),
        ("starts_at", text(&s.starts_at)),
        ("ends_at", text(&s.ends_at)),
        ("all_day", flag(s.all_day)),
        ("zone", text(s.zone.trim())),
        ("rule", text(s.rule.trim())),
        ("exdates", text(&s.exdates.join(","))),
        ("rdates", text(&s.rdates.join(","))),
        ("place", text(s.place.trim())),
        ("locality", text(s.locality.trim())),
        ("department_id", opt(&s.department_id)),
        ("kind", text(s.kind.code())),
        ("status", text(s.status.code())),
        ("public", flag(s.public)),
        ("notes", text(&s.notes)),
    ];
    uid_field(&mut fields, &s.uid);
    fields
}

pub(super) fn coverage_fields(c: &CoverageInput) -> Fields {
    vec![
        ("event_id", text(&c.event_id)),
        ("staff_id", opt(&c.staff_id)),
        ("role", text(c.role.code())),
        ("status", text(c.status.code())),
        ("note", text(c.note.trim())),
    ]
}

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

const EVENT_COLUMNS: &str = "title, starts_at, ends_at, place, locality, department_id,
    campaign_id, status, public, notes, all_day, kind, uid";

fn event_from(r: &rusqlite::Row) -> rusqlite::Result<EventInput> {
    Ok(EventInput {
        title: r.get(0)?,
        starts_at: r.get(1)?,
        ends_at: r.get(2)?,
        place: r.get(3)?,
        locality: r.get(4)?,
        department_id: r.get(5)?,
        campaign_id: r.get(6)?,
        status: EventStatus::from_code(&r.get::<_, String>(7)?).unwrap_or(EventStatus::Scheduled),
        public: r.get::<_, i64>(8)? != 0,
        notes: r.get(9)?,
        all_day: r.get::<_, i64>(10)? != 0,
        kind: EventKind::from_code(&r.get::<_, String>(11)?).unwrap_or(EventKind::Other),
        uid: r.get(12)?,
    })
}

pub(crate) fn read_event(conn: &Connection, id: &str) -> Result<EventInput> {
    conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], event_from)
    .optional()?
    .ok_or_else(|| not_found("events", id))
}

/// The live event an iCalendar UID (and RECURRENCE-ID, as office-zone local text; empty for an
/// event that does not repeat) names: its id and content.
pub(crate) fn event_by_uid(
    conn: &Connection,
    uid: &str,
    recurrence_id: &str,
) -> Result<Option<(String, EventInput)>> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS}, id FROM events
             WHERE uid = ?1 AND recurrence_id = ?2 AND deleted_at IS NULL
             ORDER BY created_at, id LIMIT 1"
        ))?
        .query_row([uid, recurrence_id], |r| Ok((r.get(13)?, event_from(r)?)))
        .optional()?;
    // An event made before events had UIDs is exported as `<id>@prensa`.
    match (found, uid.strip_suffix("@prensa")) {
        (None, Some(id)) if recurrence_id.is_empty() => Ok(conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS}, id FROM events
                 WHERE id = ?1 AND uid = '' AND deleted_at IS NULL"
            ))?
            .query_row([id], |r| Ok((r.get(13)?, event_from(r)?)))
            .optional()?),
        (found, _) => Ok(found),
    }
}

fn dates(list: String) -> Vec<String> {
    list.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

const SERIES_COLUMNS: &str = "uid, title, starts_at, ends_at, all_day, zone, rule, exdates,
    rdates, place, locality, department_id, kind, status, public, notes";

fn series_from(r: &rusqlite::Row) -> rusqlite::Result<SeriesInput> {
    Ok(SeriesInput {
        uid: r.get(0)?,
        title: r.get(1)?,
        starts_at: r.get(2)?,
        ends_at: r.get(3)?,
        all_day: r.get::<_, i64>(4)? != 0,
        zone: r.get(5)?,
        rule: r.get(6)?,
        exdates: dates(r.get(7)?),
        rdates: dates(r.get(8)?),
        place: r.get(9)?,
        locality: r.get(10)?,
        department_id: r.get(11)?,
        kind: EventKind::from_code(&r.get::<_, String>(12)?).unwrap_or(EventKind::Other),
        status: EventStatus::from_code(&r.get::<_, String>(13)?).unwrap_or(EventStatus::Scheduled),
        public: r.get::<_, i64>(14)? != 0,
        notes: r.get(15)?,
    })
}

pub(crate) fn read_series(conn: &Connection, id: &str) -> Result<SeriesInput> {
    conn.prepare_cached(&format!(
        "SELECT {SERIES_COLUMNS} FROM event_series WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], series_from)
    .optional()?
    .ok_or_else(|| not_found("event_series", id))
}

/// The live series an iCalendar UID names.
pub(crate) fn series_by_uid(conn: &Connection, uid: &str) -> Result<Option<(String, SeriesInput)>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SERIES_COLUMNS}, id FROM event_series
             WHERE uid = ?1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1"
        ))?
        .query_row([uid], |r| Ok((r.get(16)?, series_from(r)?)))
        .optional()?)
}

/// One occurrence of a series as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub id: String,
    /// The start the rule gave it (office-zone local text).
    pub recurrence_id: String,
    /// Changed on its own: a change of the series leaves it as it is.
    pub detached: bool,
    /// Deleted on its own (or with the series).
    pub deleted: bool,
}

/// Every occurrence a series ever had, deleted ones included, by start.
pub(crate) fn occurrences_of(conn: &Connection, series_id: &str) -> Result<Vec<Occurrence>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, recurrence_id, detached, deleted_at IS NOT NULL FROM events
             WHERE series_id = ?1 ORDER BY recurrence_id, id",
        )?
        .query_map([series_id], |r| {
            Ok(Occurrence {
                id: r.get(0)?,
                recurrence_id: r.get(1)?,
                detached: r.get::<_, i64>(2)? != 0,
                deleted: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn read_coverage(conn: &Connection, id: &str) -> Result<CoverageInput> {
    conn.prepare_cached(
        "SELECT event_id, staff_id, role, status, note FROM coverage
         WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(CoverageInput {
            event_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            staff_id: r.get(1)?,
            role: CoverageRole::from_code(&r.get::<_, String>(2)?).unwrap_or(CoverageRole::Photo),
            status: CoverageStatus::from_code(&r.get::<_, String>(3)?)
                .unwrap_or(CoverageStatus::Assigned),
            note: r.get(4)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("coverage", id))
}

fn rule_error(e: RuleError) -> StoreError {
    let field = match e {
        RuleError::Zone(_) => "zone",
        RuleError::Start(_) => "starts_at",
        RuleError::Rule(_) => "rule",
    };
    let problem = match e {
        RuleError::Start(_) => Problem::BadDateTime,
        _ => Problem::BadRule,
    };
    StoreError::Invalid(Invalid { field, problem })
}

/// The fields of an occurrence that come from its series (status aside).
fn occurrence_fields(e: &EventInput, series_id: &str, recurrence_id: &str) -> Fields {
    let mut fields: Fields = event_fields(e)
        .into_iter()
        .filter(|(c, _)| *c != "status" && *c != "campaign_id")
        .collect();
    fields.push(("series_id", text(series_id)));
    fields.push(("recurrence_id", text(recurrence_id)));
    fields
}

impl Tx<'_, '_> {
    /// The office's time zone (the `time_zone` setting; Mexico City when unset or unknown).
    pub(crate) fn office_zone(&self) -> Result<chrono_tz::Tz> {
        let name = self.value(
            "SELECT value FROM settings WHERE key = ?1 AND deleted_at IS NULL",
            "time_zone",
        )?;
        Ok(match name {
            Some(Value::Text(n)) => n.parse().unwrap_or(chrono_tz::America::Mexico_City),
            _ => chrono_tz::America::Mexico_City,
        })
    }

    /// Writes the occurrences a series' rule gives, up to two years after today: new ones are
    /// created, the ones that are not detached follow the series (its status only from now
    /// on, and only when the series' status changed: a past event stays done), and the ones the
    /// rule no longer gives are deleted unless detached. An occurrence deleted on its own stays
    /// deleted.
    pub(super) fn write_occurrences(
        &mut self,
        series_id: &str,
        series: &SeriesInput,
        before: Option<&SeriesInput>,
    ) -> Result<()> {
        let office = self.office_zone()?;
        let today = self.now.get(..10).unwrap_or_default().to_owned();
        let first = series.starts_at.get(..10).unwrap_or_default();
        let from =
            chrono::NaiveDate::parse_from_str(today.max(first.to_owned()).as_str(), "%Y-%m-%d")
                .unwrap_or_default();
        let horizon = from + chrono::Duration::days(HORIZON_DAYS);
        let starts = recurrence::occurrences(series, office, horizon).map_err(rule_error)?;
        let length = match (
            NaiveDateTime::parse_from_str(&series.starts_at, LOCAL),
            NaiveDateTime::parse_from_str(&series.ends_at, LOCAL),
        ) {
            (Ok(s), Ok(e)) => Some(e - s),
            _ => None,
        };
        let uid = match self.w.get("event_series", series_id, "uid")? {
            Some(Value::Text(u)) if !u.is_empty() => u,
            _ => format!("{series_id}@prensa"),
        };
        let status_changed = before.is_some_and(|b| b.status != series.status);
        let known = occurrences_of(self.w.conn(), series_id)?;
        let rids: Vec<String> = starts.iter().map(|t| t.format(LOCAL).to_string()).collect();
        // Which stored occurrence each start is: the one the rule gave that start, else one
        // on the same day (the series' time changed: an occurrence moved, changed or deleted
        // on its own stays that day's, and one that follows the series keeps its coverage).
        let mut claimed = vec![false; known.len()];
        let mut matched: Vec<Option<usize>> = rids
            .iter()
            .map(|rid| {
                let i = known.iter().position(|o| &o.recurrence_id == rid)?;
                claimed[i] = true;
                Some(i)
            })
            .collect();
        for (rid, m) in rids.iter().zip(matched.iter_mut()) {
            if m.is_none() {
                let day = rid.get(..10);
                *m = known
                    .iter()
                    .enumerate()
                    .position(|(i, o)| !claimed[i] && o.recurrence_id.get(..10) == day);
                if let Some(i) = *m {
                    claimed[i] = true;
                }
            }
        }
        for ((start, rid), m) in starts.iter().zip(&rids).zip(matched) {
            let end = length
                .map(|l| (*start + l).format(LOCAL).to_string())
                .unwrap_or_default();
            let mut content = series.occurrence(rid.clone(), end);
            content.uid = uid.clone();
            let mut fields = occurrence_fields(&content, series_id, rid);
            match m.map(|i| &known[i]) {
                None => {
                    fields.push(("status", text(series.status.code())));
                    // The same id on every machine; a row that holds it already (moved to
                    // another day, long ago) keeps it, and this one gets a new one.
                    let mut id = crate::domain::ids::occurrence_id(series_id, rid);
                    if self.w.get("events", &id, "id")?.is_some() {
                        id = crate::domain::ids::new_id();
                    }
                    self.w.insert("events", &id, &fields)?;
                }
                Some(o) if o.deleted || o.detached => {}
                Some(o) => {
                    if status_changed && *rid >= self.now {
                        fields.push(("status", text(series.status.code())));
                    }
                    self.w.update("events", &o.id, &fields)?;
                }
            }
        }
        let reach = horizon.format("%Y-%m-%dT23:59").to_string();
        for (o, claimed) in known.into_iter().zip(claimed) {
            if !claimed && !o.deleted && !o.detached && o.recurrence_id <= reach {
                self.delete(&Target::new(RecordKind::Event, o.id))?;
            }
        }
        Ok(())
    }

    /// Deletes a series and every occurrence of it (with their coverage).
    pub(super) fn delete_series(&mut self, id: &str) -> Result<()> {
        for o in occurrences_of(self.w.conn(), id)? {
            if !o.deleted {
                self.delete(&Target::new(RecordKind::Event, o.id))?;
            }
        }
        self.w.delete("event_series", id)
    }
}
