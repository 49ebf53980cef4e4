//! The agenda by period (day, week, month views, Hoy, `prensa resumen`), and the lookups an
//! iCalendar import matches events by.
use chrono::{Duration, NaiveDate};
use rusqlite::params;

use super::commands::{self, Occurrence};
use super::error::Result;
use super::Store;
use crate::domain::agenda::{find_clashes, AgendaCoverage, AgendaEvent, DayCount};
use crate::domain::edit::{Command, EventInput, Record, SeriesInput};
use crate::domain::recurrence::RuleParts;
use crate::domain::status::{CoverageRole, CoverageStatus, EventKind, EventStatus};

/// How far back an event may start and still reach into a period (a fair of several days).
const LONGEST_EVENT_DAYS: i64 = 14;

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The events of a period: those starting in it, and those started up to two weeks before
/// that still run into it. `?1` earliest start, `?2` start of the period, `?3` its end.
const IN_PERIOD: &str = "e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?3
     AND (e.starts_at >= ?2 OR e.ends_at >= ?2)";

/// The events of a period (see [`IN_PERIOD`]).
pub(super) fn events_sql() -> String {
    format!(
        "SELECT e.id, e.title, e.starts_at, e.ends_at, e.all_day, e.place, e.locality,
                coalesce(d.short_name, ''), e.kind, e.status, e.series_id IS NOT NULL
         FROM events e LEFT JOIN departments d ON d.id = e.department_id
         WHERE {IN_PERIOD}
         ORDER BY e.all_day DESC, e.starts_at, e.id"
    )
}

/// The coverage of the events of a period.
pub(super) fn coverage_sql() -> String {
    format!(
        "SELECT c.event_id, c.id, coalesce(c.staff_id, ''), coalesce(s.name, ''), c.role,
                c.status, c.note
         FROM events e JOIN coverage c ON c.event_id = e.id AND c.deleted_at IS NULL
         LEFT JOIN staff s ON s.id = c.staff_id
         WHERE {IN_PERIOD}
         ORDER BY c.created_at, c.id"
    )
}

/// The parameters [`IN_PERIOD`] reads for the agenda from `from` up to `to`: clashes with the
/// evening before or the morning after count too, and an event may start two weeks before.
pub(super) fn period_parameters(from: NaiveDate, to: NaiveDate) -> [(&'static str, String); 3] {
    let (from, to) = (from - Duration::days(1), to + Duration::days(1));
    [
        ("?1", day_text(from - Duration::days(LONGEST_EVENT_DAYS))),
        ("?2", day_text(from)),
        ("?3", day_text(to)),
    ]
}

impl Store {
    /// The office's time zone (the `time_zone` setting; Mexico City when unset or unknown).
    pub fn time_zone(&self) -> chrono_tz::Tz {
        self.setting("time_zone")
            .ok()
            .flatten()
            .and_then(|z| z.parse().ok())
            .unwrap_or(chrono_tz::America::Mexico_City)
    }

    /// The events from `from` up to (not including) `to`, in time order, with their coverage
    /// and the clashes of the people assigned.
    pub fn agenda(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AgendaEvent>> {
        let mut events = self.events_between(from, to)?;
        find_clashes(&mut events);
        let (from, to) = (day_text(from), day_text(to));
        events.retain(|e| {
            e.starts_at.as_str() < to.as_str() && (e.starts_at >= from || e.ends_at >= from)
        });
        Ok(events)
    }

    /// The events from `from` up to `to`, widened by [`period_parameters`].
    fn events_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AgendaEvent>> {
        let [(_, earliest), (_, start), (_, end)] = period_parameters(from, to);
        let conn = self.conn();
        let mut events: Vec<AgendaEvent> = conn
            .prepare_cached(&events_sql())?
            .query_map(params![earliest, start, end], |r| {
                Ok(AgendaEvent {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    starts_at: r.get(2)?,
                    ends_at: r.get(3)?,
                    all_day: r.get::<_, i64>(4)? != 0,
                    place: r.get(5)?,
                    locality: r.get(6)?,
                    department: r.get(7)?,
                    kind: EventKind::from_code(&r.get::<_, String>(8)?).unwrap_or(EventKind::Other),
                    status: EventStatus::from_code(&r.get::<_, String>(9)?)
                        .unwrap_or(EventStatus::Scheduled),
                    recurring: r.get(10)?,
                    coverage: Vec::new(),
                    clashes: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // All-day events first within their day, then by time.
        events.sort_by(|a, b| {
            (a.starts_at.get(..10), !a.all_day, &a.starts_at, &a.id).cmp(&(
                b.starts_at.get(..10),
                !b.all_day,
                &b.starts_at,
                &b.id,
            ))
        });
        let mut stmt = conn.prepare_cached(&coverage_sql())?;
        let coverage = stmt.query_map(params![earliest, start, end], |r| {
            Ok((
                r.get::<_, String>(0)?,
                AgendaCoverage {
                    id: r.get(1)?,
                    staff_id: r.get(2)?,
                    staff: r.get(3)?,
                    role: CoverageRole::from_code(&r.get::<_, String>(4)?)
                        .unwrap_or(CoverageRole::Photo),
                    status: CoverageStatus::from_code(&r.get::<_, String>(5)?)
                        .unwrap_or(CoverageStatus::Assigned),
                    note: r.get(6)?,
                },
            ))
        })?;
        let index: std::collections::HashMap<String, usize> = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for row in coverage {
            let (event, c) = row?;
            if let Some(&i) = index.get(&event) {
                events[i].coverage.push(c);
            }
        }
        Ok(events)
    }

    /// For every day from `from` up to (not including) `to` that has events: how many, and
    /// how many of them nobody covers.
    pub fn agenda_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayCount>> {
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT substr(e.starts_at, 1, 10), count(*),
                        sum(e.status NOT IN ('cancelled', 'postponed') AND NOT EXISTS (
                            SELECT 1 FROM coverage c WHERE c.event_id = e.id
                              AND c.deleted_at IS NULL AND c.status <> 'cancelled'))
                 FROM events e
                 WHERE e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?2
                 GROUP BY 1 ORDER BY 1",
            )?
            .query_map(params![day_text(from), day_text(to)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(day, events, uncovered)| {
                Some(DayCount {
                    day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?,
                    events: events.max(0) as u32,
                    uncovered: uncovered.max(0) as u32,
                })
            })
            .collect())
    }

    /// Writes the coming occurrences of the series that go on past what is written (rules
    /// with no end, or whose end is further than the two years written when they were saved),
    /// once what is written reaches less than a year ahead. Returns how many series grew.
    pub fn extend_series(&mut self) -> Result<usize> {
        let today = self.local_now().get(..10).unwrap_or_default().to_owned();
        let soon = NaiveDate::parse_from_str(&today, "%Y-%m-%d")
            .map(|d| day_text(d + Duration::days(365)))
            .unwrap_or_default();
        let rows: Vec<(String, String, i64)> = self
            .conn()
            .prepare_cached(
                "SELECT s.id, max(e.recurrence_id), count(e.id) FROM event_series s
                 JOIN events e ON e.series_id = s.id
                 WHERE s.deleted_at IS NULL AND s.rule <> ''
                 GROUP BY s.id HAVING max(e.recurrence_id) < ?1",
            )?
            .query_map([&soon], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut grow = Vec::new();
        for (id, last, written) in rows {
            let series = commands::read_series(self.conn(), &id)?;
            let rule = RuleParts::split(&series.rule);
            let ended = rule.until.is_some_and(|u| day_text(u) <= last)
                || rule.count.is_some_and(|n| i64::from(n) <= written);
            if !ended {
                grow.push((id, series));
            }
        }
        if grow.is_empty() {
            return Ok(0);
        }
        let n = grow.len();
        self.batch("series.extend", |tx| {
            for (id, series) in grow {
                tx.run(&Command::Update {
                    id,
                    record: Record::Series(series),
                })?;
            }
            Ok(())
        })?;
        Ok(n)
    }

    /// The live event an iCalendar UID names, with RECURRENCE-ID (office-zone local text of
    /// the start the rule gave it; empty for an event that does not repeat).
    pub fn event_by_uid(
        &self,
        uid: &str,
        recurrence_id: &str,
    ) -> Result<Option<(String, EventInput)>> {
        commands::event_by_uid(self.conn(), uid, recurrence_id)
    }

    /// The live series an iCalendar UID names.
    pub fn series_by_uid(&self, uid: &str) -> Result<Option<(String, SeriesInput)>> {
        commands::series_by_uid(self.conn(), uid)
    }

    /// A series' content.
    pub fn series(&self, id: &str) -> Result<SeriesInput> {
        commands::read_series(self.conn(), id)
    }

    /// Every occurrence a series has had, deleted ones included, by start.
    pub fn series_occurrences(&self, series_id: &str) -> Result<Vec<Occurrence>> {
        commands::occurrences_of(self.conn(), series_id)
    }
}
