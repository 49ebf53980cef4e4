//! Plain types and rules: statuses and their transitions, what may be written and its checks,
//! folio numbering, channel limits, dates as people type them, text folding for search, the
//! hybrid logical clock, ids. No SQL, no terminal, no language.
pub mod agenda;
pub mod briefing;
pub mod calendar;
mod check;
pub mod compliance;
pub mod dates;
pub mod edit;
pub mod figures;
pub mod folio;
pub mod hlc;
pub mod ids;
pub mod measure;
pub mod media;
pub mod monitoring;
pub mod query;
pub mod reach;
pub mod records;
pub mod recurrence;
pub mod requests;
pub mod status;
pub mod text;

pub use records::*;
