//! Press-release folios: `CS/045/2023`, sequential per year, never reused (DESIGN §6).
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Folio {
    pub year: i32,
    pub number: u32,
}

/// The office prefix of every folio.
pub const PREFIX: &str = "CS";

impl Folio {
    /// Parses `CS/045/2023` (the number may have more than three digits past 999).
    pub fn parse(s: &str) -> Option<Folio> {
        let mut parts = s.trim().split('/');
        let prefix = parts.next()?;
        let number = parts.next()?;
        let year = parts.next()?;
        if parts.next().is_some() || !prefix.eq_ignore_ascii_case(PREFIX) {
            return None;
        }
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) || year.len() != 4 {
            return None;
        }
        let number: u32 = number.parse().ok()?;
        let year: i32 = year.parse().ok()?;
        (number > 0).then_some(Folio { year, number })
    }

    /// The folio after the highest one used this year (`None` = the first of the year).
    pub fn next(year: i32, highest: Option<Folio>) -> Folio {
        let number = match highest {
            Some(f) if f.year == year => f.number + 1,
            _ => 1,
        };
        Folio { year, number }
    }
}

impl Folio {
    /// The folio as the office writes it, with its prefix (`CS/045/2023`).
    pub fn with_prefix(&self, prefix: &str) -> String {
        format!("{prefix}/{:03}/{}", self.number, self.year)
    }
}

impl fmt::Display for Folio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}/{:03}/{}", self.number, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        let f = Folio {
            year: 2023,
            number: 45,
        };
        assert_eq!(f.to_string(), "CS/045/2023");
        assert_eq!(Folio::parse("CS/045/2023"), Some(f));
        assert_eq!(Folio::parse("cs/1200/2024").map(|f| f.number), Some(1200));
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "CS/045",
            "XX/045/2023",
            "CS/0/2023",
            "CS/a1/2023",
            "CS/1/23",
            "CS/1/2023/x",
        ] {
            assert_eq!(Folio::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbering_restarts_each_year() {
        let last = Folio {
            year: 2023,
            number: 45,
        };
        assert_eq!(Folio::next(2023, Some(last)).to_string(), "CS/046/2023");
        assert_eq!(Folio::next(2024, Some(last)).to_string(), "CS/001/2024");
        assert_eq!(Folio::next(2024, None).to_string(), "CS/001/2024");
    }
}
