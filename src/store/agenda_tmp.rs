//! TEMPORARY stand-in for the lead's `store/agenda.rs` (see /work/agenda-model.md): the same
//! two reads, so the views can be built and tried before the model lands. Deleted at the merge.
use chrono::NaiveDate;
use rusqlite::params;

use super::error::Result;
use super::Store;
use crate::domain::status::{CoverageRole, CoverageStatus, EventStatus};
use crate::domain::{AgendaCoverage, AgendaEvent, Clash, DayCount};

#[allow(clippy::type_complexity)]
impl Store {
    pub fn agenda(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AgendaEvent>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT e.id, e.title, e.starts_at, e.ends_at, e.place, e.locality,
                    coalesce(d.short_name, ''), e.status
             FROM events e LEFT JOIN departments d ON d.id = e.department_id
             WHERE e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?2
             ORDER BY e.starts_at, e.id",
        )?;
        let mut events = stmt
            .query_map(
                params![
                    from.format("%Y-%m-%d").to_string(),
                    to.format("%Y-%m-%d").to_string()
                ],
                |r| {
                    Ok(AgendaEvent {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        starts_at: r.get(2)?,
                        ends_at: r.get(3)?,
                        all_day: false,
                        place: r.get(4)?,
                        locality: r.get(5)?,
                        department: r.get(6)?,
                        status: EventStatus::from_code(&r.get::<_, String>(7)?)
                            .unwrap_or(EventStatus::Scheduled),
                        recurring: false,
                        coverage: Vec::new(),
                        clashes: Vec::new(),
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut cov = conn.prepare_cached(
            "SELECT c.id, coalesce(c.staff_id, ''), coalesce(s.name, ''), c.role, c.status
             FROM coverage c LEFT JOIN staff s ON s.id = c.staff_id
             WHERE c.event_id = ?1 AND c.deleted_at IS NULL ORDER BY c.role, s.name, c.id",
        )?;
        for e in &mut events {
            e.coverage = cov
                .query_map([&e.id], |r| {
                    Ok(AgendaCoverage {
                        id: r.get(0)?,
                        staff_id: r.get(1)?,
                        staff: r.get(2)?,
                        role: CoverageRole::from_code(&r.get::<_, String>(3)?)
                            .unwrap_or(CoverageRole::Photo),
                        status: CoverageStatus::from_code(&r.get::<_, String>(4)?)
                            .unwrap_or(CoverageStatus::Assigned),
                        note: String::new(),
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
        }
        let spans: Vec<(String, String, String, String, Vec<(String, String)>)> = events
            .iter()
            .map(|e| {
                let end = if e.ends_at.is_empty() {
                    e.starts_at.clone()
                } else {
                    e.ends_at.clone()
                };
                let staff = e
                    .coverage
                    .iter()
                    .filter(|c| c.status.code() != "cancelled" && !c.staff_id.is_empty())
                    .map(|c| (c.staff_id.clone(), c.staff.clone()))
                    .collect();
                (
                    e.id.clone(),
                    e.title.clone(),
                    e.starts_at.clone(),
                    end,
                    staff,
                )
            })
            .collect();
        for e in &mut events {
            let Some(me) = spans.iter().find(|s| s.0 == e.id) else {
                continue;
            };
            for other in &spans {
                if other.0 == me.0 || !(other.2 < me.3 && me.2 < other.3) {
                    continue;
                }
                for (sid, name) in &me.4 {
                    if other.4.iter().any(|(o, _)| o == sid) {
                        e.clashes.push(Clash {
                            staff: name.clone(),
                            other_event_id: other.0.clone(),
                            other_title: other.1.clone(),
                        });
                    }
                }
            }
        }
        Ok(events)
    }

    pub fn agenda_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayCount>> {
        let events = self.agenda(from, to)?;
        let mut out: Vec<DayCount> = Vec::new();
        for e in events {
            let Some(day) = e
                .starts_at
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            else {
                continue;
            };
            let uncovered = e.uncovered() as u32;
            match out.last_mut() {
                Some(c) if c.day == day => {
                    c.events += 1;
                    c.uncovered += uncovered;
                }
                _ => out.push(DayCount {
                    day,
                    events: 1,
                    uncovered,
                }),
            }
        }
        Ok(out)
    }
}
