//! The morning briefing in words: what Hoy shows and `prensa resumen` prints, section by section,
//! decided once. Each section has a title, a one-line summary ("3 eventos, 2 sin cobertura") and
//! its items; each item says when, what, and a note, is marked when it needs someone, and leads
//! to its record. The console draws the sections; [`text`], [`markdown`] and [`html`] print
//! them, and [`json`] carries the same data for scripts.
mod chart;
pub mod html;
pub mod json;
pub mod markdown;
mod sections;
pub mod text;

use chrono::NaiveDate;

pub use chart::{bar, spark_text};

use crate::domain::briefing::{Balance, Briefing};
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::Filters;
use crate::domain::text::clean;
use crate::i18n::{month_name, number, short_date, tf, Msg};

/// Where an item of the briefing leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Record(Target),
    /// The Conflictos screen.
    Conflicts,
    /// The list of records of this kind in their tab, under these filters (what a section
    /// holds beyond the lines it lists).
    List(RecordKind, Box<Filters>),
}

/// How an item reads: an alert needs someone today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Alert,
    /// Called off, or otherwise only for the record.
    Quiet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A time or a date, or empty.
    pub when: String,
    pub text: String,
    /// A second line: place and who covers it, a department, a due date.
    pub note: String,
    /// A mark in words for what needs someone ("⚠ SIN COBERTURA"), legible without colour.
    pub flag: String,
    pub tone: Tone,
    pub link: Option<Link>,
}

/// Which section, for the console (folding) and for anchors in HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionId {
    Today,
    Tomorrow,
    Conflicts,
    Scheduled,
    Approvals,
    Reports,
    Owing,
    Material,
    Media,
    Monitoring,
    Published,
}

impl SectionId {
    pub fn code(self) -> &'static str {
        match self {
            SectionId::Today => "hoy",
            SectionId::Tomorrow => "manana",
            SectionId::Conflicts => "conflictos",
            SectionId::Scheduled => "programado",
            SectionId::Approvals => "por-aprobar",
            SectionId::Reports => "reportes",
            SectionId::Owing => "areas-vencidas",
            SectionId::Material => "material",
            SectionId::Media => "medios",
            SectionId::Monitoring => "monitoreo",
            SectionId::Published => "publicado-ayer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: SectionId,
    pub title: String,
    /// What it holds, in a few words; what to say when it holds nothing.
    pub summary: String,
    /// Whether anything in it needs someone.
    pub alert: bool,
    pub items: Vec<Item>,
    /// Items it has and does not list.
    pub more: u64,
    /// Where they all are.
    pub more_link: Option<Link>,
}

/// "09:30" from a local stamp `YYYY-MM-DDTHH:MM` (empty for a date alone).
pub(crate) fn time_of(text: &str) -> String {
    text.get(11..16).unwrap_or_default().to_owned()
}

/// The briefing's sections, in the order the meeting reads them. Conflicts and late material
/// have a section only while there are some. The office's texts come out on one line each,
/// without control characters or marks that would reorder what follows them (every format,
/// and the console, print them as they are).
pub fn sections(b: &Briefing) -> Vec<Section> {
    let mut out = sections::written(b);
    for s in &mut out {
        s.summary = one_line(&s.summary);
        for item in &mut s.items {
            item.text = one_line(&item.text);
            item.note = one_line(&item.note);
        }
    }
    out
}

/// [`clean`] text on one line: line breaks and runs of spaces as one space.
pub(crate) fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "06/03" from a date or a stamp (the year is the briefing's).
pub fn short_day(text: &str) -> String {
    text.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| {
            let full = short_date(d);
            // "06/03/2025" → "06/03"; "2025-03-06" → "03-06".
            match crate::i18n::lang() {
                crate::i18n::Lang::Es => full.get(..5).unwrap_or(&full).to_owned(),
                crate::i18n::Lang::En => full.get(5..).unwrap_or(&full).to_owned(),
            }
        })
        .unwrap_or_default()
}

/// The briefing's heading: "Resumen del jueves 6 de marzo de 2025".
pub fn heading(b: &Briefing) -> String {
    tf(Msg::BriefHeading, &[&crate::i18n::long_date(b.date)])
}

/// "Publicaciones en los últimos 14 días: 31 (2.2 al día)".
pub fn spark_summary(b: &Briefing) -> String {
    let total: u64 = b.spark.iter().map(|(_, n)| n).sum();
    let days = b.spark.len().max(1) as f64;
    tf(
        Msg::BriefSpark,
        &[
            &b.spark.len(),
            &number(total),
            &format!("{:.1}", total as f64 / days),
        ],
    )
}

/// The months the balance compares: "marzo (al día 6)", "febrero".
pub fn balance_months(b: &Briefing) -> (String, String) {
    use chrono::Datelike;
    let (this, last) = b.months();
    (
        tf(
            Msg::BriefMonthToDate,
            &[&month_name(this.month()), &b.date.day()],
        ),
        month_name(last.month()).to_owned(),
    )
}

/// "Publicaciones por área: marzo (al día 6) contra febrero".
pub fn balance_title(b: &Briefing) -> String {
    let (this, last) = balance_months(b);
    tf(Msg::BriefBalance, &[&this, &last])
}

/// A department of the balance as its line reads.
pub fn balance_name(row: &Balance) -> &str {
    &row.department
}

/// The note under the balance: which departments have nothing out this month.
pub fn balance_note(b: &Briefing) -> Option<String> {
    let names: Vec<&str> = b.unpublished().map(balance_name).collect();
    (!names.is_empty()).then(|| tf(Msg::BriefUnpublished, &[&names.join(", ")]))
}
