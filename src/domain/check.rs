//! The checks every input passes before it is written: required, length, dates and times,
//! order, e-mail. The first field that fails is the error, in the order a form shows them.
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// A field that did not pass a check, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub problem: Problem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The field must not be empty.
    Required,
    /// Longer than this many characters.
    TooLong(usize),
    /// Not a date (`YYYY-MM-DD`).
    BadDate,
    /// Not a date and time (`YYYY-MM-DDTHH:MM`).
    BadDateTime,
    /// An end before its start (or a due date before the request was sent).
    BeforeStart,
    /// Not an e-mail address.
    BadEmail,
    /// The linked record does not exist (or was deleted).
    Missing,
    /// A repetition that cannot be read.
    BadRule,
    /// Two fields that must differ or a value the record cannot take (e.g. a folio).
    NotAllowed,
    /// A request of another department than the report's.
    OtherDepartment,
    /// A round with no active department to ask.
    NoActiveDepartment,
    /// A piece that is not a boletín where one is asked for.
    NotARelease,
}

pub(super) fn invalid(field: &'static str, problem: Problem) -> Invalid {
    Invalid { field, problem }
}

/// The longest single-line text a record keeps (titles, names, places).
pub const MAX_LINE: usize = 500;

/// A date `YYYY-MM-DD` within the years an office's records fall in.
pub fn is_date(s: &str) -> bool {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok_and(|d| super::dates::YEARS.contains(&d.year()))
}

/// A date and time `YYYY-MM-DDTHH:MM` within the same years.
pub fn is_datetime(s: &str) -> bool {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .is_ok_and(|d| super::dates::YEARS.contains(&d.year()))
}

/// Checks on fields, in the order a form shows them, so the first error is the first field.
pub(super) struct Check(Vec<Invalid>);

impl Check {
    pub(super) fn new() -> Check {
        Check(Vec::new())
    }

    pub(super) fn required(mut self, field: &'static str, value: &str) -> Check {
        if value.trim().is_empty() {
            self.0.push(invalid(field, Problem::Required));
        }
        self.line(field, value)
    }

    pub(super) fn line(mut self, field: &'static str, value: &str) -> Check {
        if value.chars().count() > MAX_LINE {
            self.0.push(invalid(field, Problem::TooLong(MAX_LINE)));
        }
        self
    }

    pub(super) fn date(mut self, field: &'static str, value: &str, required: bool) -> Check {
        if value.is_empty() {
            if required {
                self.0.push(invalid(field, Problem::Required));
            }
        } else if !is_date(value) {
            self.0.push(invalid(field, Problem::BadDate));
        }
        self
    }

    pub(super) fn datetime(mut self, field: &'static str, value: &str, required: bool) -> Check {
        if value.is_empty() {
            if required {
                self.0.push(invalid(field, Problem::Required));
            }
        } else if !is_datetime(value) {
            self.0.push(invalid(field, Problem::BadDateTime));
        }
        self
    }

    /// `end` (when given) is not before `start` (both sortable text of one format).
    pub(super) fn order(mut self, field: &'static str, start: &str, end: &str) -> Check {
        if !end.is_empty() && !start.is_empty() && end < start {
            self.0.push(invalid(field, Problem::BeforeStart));
        }
        self
    }

    /// An iCalendar recurrence rule that can be read (empty: none).
    pub(super) fn rule(mut self, field: &'static str, value: &str) -> Check {
        if !super::recurrence::check_rule(value) {
            self.0.push(invalid(field, Problem::BadRule));
        }
        self
    }

    /// Every one a date and time.
    pub(super) fn datetimes(mut self, field: &'static str, values: &[String]) -> Check {
        if values.iter().any(|v| !is_datetime(v)) {
            self.0.push(invalid(field, Problem::BadDateTime));
        }
        self
    }

    pub(super) fn email(mut self, field: &'static str, value: &str) -> Check {
        let v = value.trim();
        let ok = v.is_empty()
            || v.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !v.contains(char::is_whitespace)
            });
        if !ok {
            self.0.push(invalid(field, Problem::BadEmail));
        }
        self.line(field, value)
    }

    pub(super) fn done(self) -> Result<(), Invalid> {
        match self.0.into_iter().next() {
            Some(first) => Err(first),
            None => Ok(()),
        }
    }
}
