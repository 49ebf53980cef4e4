//! What an iCalendar export reads (reads only): the single events of a period, and every
//! series that has an occurrence in it, with all its occurrences as stored.
use chrono::NaiveDate;
use rusqlite::params;

use super::commands::{self, Occurrence};
use super::error::Result;
use super::Store;
use crate::domain::edit::{EventInput, SeriesInput};

/// One occurrence of a series as an export needs it: how it stands, and its content when it
/// is live.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOccurrence {
    pub occurrence: Occurrence,
    /// The content of a live occurrence; `None` for a deleted one.
    pub event: Option<EventInput>,
}

/// A series with its content and its occurrences.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSeries {
    pub id: String,
    /// Its UID is never empty: a series without one is named `<id>@prensa`.
    pub series: SeriesInput,
    pub occurrences: Vec<ExportOccurrence>,
}

/// The agenda of a period for a calendar export.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CalendarExport {
    /// Events of no series that start in the period or run into it, by start; the UID of an
    /// event made before events had UIDs is `<id>@prensa`.
    pub singles: Vec<(String, EventInput)>,
    /// Series with an occurrence (live or deleted) that the rule placed in the period, or a
    /// live occurrence that starts in it, by first start.
    pub series: Vec<ExportSeries>,
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl Store {
    /// What `exportar agenda` writes for the days from `from` up to (not including) `to`.
    pub fn agenda_for_export(&self, from: NaiveDate, to: NaiveDate) -> Result<CalendarExport> {
        let (from, to) = (day_text(from), day_text(to));
        let conn = self.conn();
        let single_ids: Vec<String> = conn
            .prepare_cached(
                "SELECT id FROM events
                 WHERE deleted_at IS NULL AND series_id IS NULL
                   AND starts_at < ?2 AND (starts_at >= ?1 OR ends_at >= ?1)
                 ORDER BY starts_at, id",
            )?
            .query_map(params![from, to], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = CalendarExport::default();
        for id in single_ids {
            let mut event = commands::read_event(conn, &id)?;
            if event.uid.is_empty() {
                event.uid = format!("{id}@prensa");
            }
            out.singles.push((id, event));
        }
        let series_ids: Vec<String> = conn
            .prepare_cached(
                "SELECT s.id FROM event_series s
                 WHERE s.deleted_at IS NULL AND EXISTS (
                     SELECT 1 FROM events e WHERE e.series_id = s.id AND (
                         (e.recurrence_id >= ?1 AND e.recurrence_id < ?2)
                         OR (e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?2)))
                 ORDER BY s.starts_at, s.id",
            )?
            .query_map(params![from, to], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in series_ids {
            let mut series = commands::read_series(conn, &id)?;
            if series.uid.is_empty() {
                series.uid = format!("{id}@prensa");
            }
            let mut occurrences = Vec::new();
            for occurrence in commands::occurrences_of(conn, &id)? {
                let event = if occurrence.deleted {
                    None
                } else {
                    Some(commands::read_event(conn, &occurrence.id)?)
                };
                occurrences.push(ExportOccurrence { occurrence, event });
            }
            out.series.push(ExportSeries {
                id,
                series,
                occurrences,
            });
        }
        Ok(out)
    }
}
