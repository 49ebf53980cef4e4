//! Plain types and rules: statuses and their transitions, folio numbering, channel limits,
//! the hybrid logical clock, ids. No SQL, no terminal.
pub mod folio;
pub mod hlc;
pub mod ids;
pub mod records;
pub mod status;

pub use records::*;
