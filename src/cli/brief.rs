//! `prensa resumen` (alias `brief`): the day's agenda for people who do not open the console:
//! every event with its local times, place, status and who covers it, flagged when nobody does
//! or when someone is expected at two places at once. As text that fits 80 columns, or as JSON
//! for scripts.
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::{fail, open_store, Access, BriefArgs, Format};
use crate::config;
use crate::domain::agenda::AgendaEvent;
use crate::domain::dates::parse_date;
use crate::i18n::labels::Label;
use crate::i18n::long_date;
use crate::i18n::{t, tf, Msg};

/// The day's agenda as the brief reports it.
#[derive(Debug, Serialize)]
pub struct Brief {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date as people read it ("jueves 6 de marzo de 2025").
    pub date_text: String,
    /// The office's time zone, in which every time is given.
    pub time_zone: String,
    pub events: Vec<BriefEvent>,
    /// How many of the day's events nobody covers.
    pub uncovered: usize,
}

#[derive(Debug, Serialize)]
pub struct BriefEvent {
    pub id: String,
    pub title: String,
    /// Local `HH:MM`; empty for an all-day event.
    pub starts: String,
    pub ends: String,
    pub all_day: bool,
    pub place: String,
    pub locality: String,
    pub department: String,
    pub kind: String,
    pub status: String,
    /// The status as people read it.
    pub status_text: String,
    pub uncovered: bool,
    pub coverage: Vec<BriefCoverage>,
    /// People of its coverage also expected at another event at the same time.
    pub clashes: Vec<BriefClash>,
}

#[derive(Debug, Serialize)]
pub struct BriefCoverage {
    pub person: String,
    pub role: String,
    pub role_text: String,
    pub status: String,
    pub status_text: String,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct BriefClash {
    pub person: String,
    pub other_event: String,
}

fn time_of(text: &str, all_day: bool) -> String {
    if all_day {
        String::new()
    } else {
        text.get(11..16).unwrap_or_default().to_owned()
    }
}

impl Brief {
    pub fn new(date: NaiveDate, zone: &str, events: &[AgendaEvent]) -> Brief {
        let events: Vec<BriefEvent> = events
            .iter()
            .filter(|e| e.day() == Some(date) || e.all_day)
            .map(|e| BriefEvent {
                id: e.id.clone(),
                title: e.title.clone(),
                starts: time_of(&e.starts_at, e.all_day),
                ends: time_of(&e.ends_at, e.all_day),
                all_day: e.all_day,
                place: e.place.clone(),
                locality: e.locality.clone(),
                department: e.department.clone(),
                kind: e.kind.code().to_owned(),
                status: e.status.code().to_owned(),
                status_text: e.status.label().to_owned(),
                uncovered: e.uncovered(),
                coverage: e
                    .coverage
                    .iter()
                    .map(|c| BriefCoverage {
                        person: c.staff.clone(),
                        role: c.role.code().to_owned(),
                        role_text: c.role.label().to_owned(),
                        status: c.status.code().to_owned(),
                        status_text: c.status.label().to_owned(),
                        note: c.note.clone(),
                    })
                    .collect(),
                clashes: e
                    .clashes
                    .iter()
                    .map(|c| BriefClash {
                        person: c.staff.clone(),
                        other_event: c.other_title.clone(),
                    })
                    .collect(),
            })
            .collect();
        Brief {
            date: date.format("%Y-%m-%d").to_string(),
            date_text: long_date(date),
            time_zone: zone.to_owned(),
            uncovered: events.iter().filter(|e| e.uncovered).count(),
            events,
        }
    }

    /// Plain text, at most 80 columns: a heading, then one block per event.
    pub fn text(&self) -> String {
        let mut out = vec![tf(Msg::BriefHeading, &[&self.date_text]), String::new()];
        if self.events.is_empty() {
            out.push(t(Msg::BriefNoEvents).to_owned());
        }
        for e in &self.events {
            let when = if e.all_day {
                t(Msg::FAllDay).to_owned()
            } else if e.ends.is_empty() {
                e.starts.clone()
            } else {
                format!("{}–{}", e.starts, e.ends)
            };
            out.push(fit(&format!("{when}  {} ({})", e.title, e.status_text)));
            let place: Vec<&str> = [e.place.as_str(), e.locality.as_str(), e.department.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            if !place.is_empty() {
                out.push(fit(&format!("      {}", place.join(" · "))));
            }
            if e.uncovered {
                out.push(format!("      {}", t(Msg::BriefUncovered)));
            }
            for c in &e.coverage {
                let note = if c.note.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", c.note)
                };
                out.push(fit(&format!(
                    "      {}: {} ({}){note}",
                    c.role_text, c.person, c.status_text
                )));
            }
            for c in &e.clashes {
                out.push(fit(&format!(
                    "      {}",
                    tf(Msg::BriefClash, &[&c.person, &c.other_event])
                )));
            }
        }
        if self.uncovered > 0 {
            out.push(String::new());
            out.push(tf(Msg::BriefUncoveredCount, &[&self.uncovered]));
        }
        out.join("\n")
    }
}

/// A line cut to 80 columns (characters; the brief's text has no wide ones but names).
fn fit(line: &str) -> String {
    const WIDTH: usize = 80;
    if line.chars().count() <= WIDTH {
        line.to_owned()
    } else {
        let mut cut: String = line.chars().take(WIDTH - 1).collect();
        cut.push('…');
        cut
    }
}

pub fn run(db: Option<&Path>, args: &BriefArgs) -> ExitCode {
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let store = match open_store(&path, Access::ReadOnly) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // "Today" is the office's, wherever the machine's clock is set.
    let zone = store.time_zone();
    let today = chrono::Utc::now().with_timezone(&zone).date_naive();
    let date = match args.fecha.as_deref() {
        None => today,
        Some(text) => match parse_date(text, today) {
            Some(d) => d,
            None => return fail(tf(Msg::BriefBadDate, &[&text])),
        },
    };
    let events = match store.agenda(date, date + Duration::days(1)) {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    let brief = Brief::new(date, zone.name(), &events);
    let text = match args.formato {
        Format::Json => serde_json::to_string_pretty(&brief).unwrap_or_default(),
        Format::Texto => brief.text(),
    };
    match &args.salida {
        Some(out) => {
            if let Err(e) =
                crate::interop::output::write_output(out, format!("{text}\n").as_bytes())
            {
                return fail(tf(
                    Msg::ErrIo,
                    &[&out.display(), &crate::store::io_text(&e)],
                ));
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if writeln!(stdout, "{text}").is_err() {
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}
