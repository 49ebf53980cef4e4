//! Monitoring: what the media publish about the municipality (clippings) and what citizens ask
//! on the institutional networks (questions), with the reusable answers to them; and the
//! figures the office shows of both. Only aggregates are figures: public opinion is sensitive
//! personal data.
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::edit::{RecordKind, Target};
use super::records::{keyed, Keyed, LinkLine, SortKey};
use super::status::{Channel, ClippingKind, DraftStatus, QuestionStatus, Tone};

/// Where the office's response to a clipping stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// Not negative and nothing answered: none is needed.
    NotNeeded,
    /// Negative, and nothing answered yet.
    Missing,
    /// A response piece is being written or approved.
    Drafted,
    /// The response went out: its piece published, or answered in words alone.
    Out,
}

impl Response {
    /// From the clipping's tone, its response piece's status code and its response text. A
    /// piece set aside (discarded) is no response: the words, if any, are.
    pub fn of(tone: Tone, piece: Option<&str>, text: &str) -> Response {
        match piece.and_then(DraftStatus::from_code) {
            Some(DraftStatus::Published) => Response::Out,
            Some(DraftStatus::Discarded) | None if !text.trim().is_empty() => Response::Out,
            Some(DraftStatus::Discarded) | None if tone == Tone::Negative => Response::Missing,
            Some(DraftStatus::Discarded) => Response::NotNeeded,
            Some(_) => Response::Drafted,
            None if !text.trim().is_empty() => Response::Out,
            None if tone == Tone::Negative => Response::Missing,
            None => Response::NotNeeded,
        }
    }
}

/// A clipping in the list of notes.
#[derive(Debug, Clone, PartialEq)]
pub struct ClippingRow {
    pub id: String,
    pub published_on: String,
    pub outlet: String,
    pub kind: ClippingKind,
    pub title: String,
    pub tone: Tone,
    pub response: Response,
    /// It quotes one of the office's boletines.
    pub quotes: bool,
}
keyed!(ClippingRow, RecordKind::Clipping, published_on);

/// A citizen's question in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRow {
    pub id: String,
    pub asked_at: String,
    pub channel: Channel,
    pub question: String,
    pub topic: String,
    /// The department it was routed to (short name), or empty.
    pub department: String,
    pub status: QuestionStatus,
    pub answered_at: String,
}
keyed!(QuestionRow, RecordKind::Question, asked_at);

impl QuestionRow {
    /// It still waits for an answer at `now`, asked more than
    /// [`QUESTION_WAIT_HOURS`](super::briefing::QUESTION_WAIT_HOURS) before (as Hoy counts it).
    pub fn late(&self, now: NaiveDateTime) -> bool {
        self.status.waiting()
            && parse_time(&self.asked_at).is_some_and(|asked| {
                asked < now - chrono::Duration::hours(super::briefing::QUESTION_WAIT_HOURS)
            })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionDetail {
    pub row: QuestionRow,
    pub department: Option<LinkLine>,
    /// The reusable answer the reply started from.
    pub answer: Option<LinkLine>,
    pub response: String,
}

/// A reusable answer in the office's library.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub body: String,
    /// Questions answered from it.
    pub used: u64,
}
keyed!(AnswerRow, RecordKind::Answer, title);

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerDetail {
    pub row: AnswerRow,
    /// The latest questions answered from it.
    pub questions: Vec<LinkLine>,
}

/// `YYYY-MM-DDTHH:MM` as a time.
pub fn parse_time(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.get(..16)?, "%Y-%m-%dT%H:%M").ok()
}

/// How many weeks the figures cover.
pub const WEEKS: usize = 12;

/// The Monday that starts the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday() as i64)
}

/// The figures' period: from the Monday [`WEEKS`] weeks back (this week included) to `today`.
pub fn period_start(today: NaiveDate) -> NaiveDate {
    week_start(today) - Duration::weeks(WEEKS as i64 - 1)
}

/// Clippings of one week by tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ToneWeek {
    /// Its Monday.
    pub week: Option<NaiveDate>,
    pub positive: u64,
    pub neutral: u64,
    pub negative: u64,
}

impl ToneWeek {
    pub fn total(&self) -> u64 {
        self.positive + self.neutral + self.negative
    }
}

/// How often an outlet picked up the office's boletines in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct PickUp {
    pub outlet: Target,
    pub name: String,
    /// Boletines of the period it quoted.
    pub quoted: u64,
}

/// A count under a name (a topic, a department).
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The record it names (a department), if any.
    pub id: Option<String>,
    pub name: String,
    pub count: u64,
    /// Of them, still waiting for an answer.
    pub waiting: u64,
}

/// The monitoring figures on a day: the last [`WEEKS`] weeks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonitoringFigures {
    pub today: Option<NaiveDate>,
    /// Oldest first, one per week, the current week last.
    pub weeks: Vec<ToneWeek>,
    /// Negative clippings of the period, and how many of them were answered.
    pub negative: u64,
    pub negative_answered: u64,
    /// Boletines published in the period, and the outlets that quoted them (most first).
    pub boletines: u64,
    pub pick_ups: Vec<PickUp>,
    /// Questions asked in the period; answered; still waiting; closed with no answer (nothing
    /// to answer, or answered elsewhere).
    pub asked: u64,
    pub answered: u64,
    pub waiting: u64,
    pub closed: u64,
    /// Median minutes from asked to answered, of the period's answered questions.
    pub median_minutes: Option<i64>,
    pub by_topic: Vec<Tally>,
    pub by_department: Vec<Tally>,
}

impl MonitoringFigures {
    /// The share of the period's boletines an outlet quoted, in whole percent.
    pub fn rate(&self, p: &PickUp) -> u64 {
        percent(p.quoted, self.boletines)
    }

    /// The share of the questions to answer (all but the closed ones) that were answered.
    pub fn answered_rate(&self) -> u64 {
        percent(self.answered, self.asked.saturating_sub(self.closed))
    }

    /// The share of the negative clippings that were answered.
    pub fn negative_rate(&self) -> u64 {
        percent(self.negative_answered, self.negative)
    }
}

/// `part` of `whole` in whole percent (none of nothing).
pub fn percent(part: u64, whole: u64) -> u64 {
    (part * 100).checked_div(whole).unwrap_or(0)
}

/// The median of minutes (sorted in place); `None` of none.
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_is_out_once_its_piece_is_published() {
        assert_eq!(Response::of(Tone::Negative, None, ""), Response::Missing);
        assert_eq!(Response::of(Tone::Neutral, None, ""), Response::NotNeeded);
        assert_eq!(
            Response::of(Tone::Negative, Some("review"), ""),
            Response::Drafted
        );
        assert_eq!(
            Response::of(Tone::Negative, Some("published"), ""),
            Response::Out
        );
        assert_eq!(
            Response::of(Tone::Negative, None, "Se aclaró por teléfono."),
            Response::Out
        );
        assert_eq!(
            Response::of(Tone::Negative, Some("discarded"), "Se aclaró por teléfono."),
            Response::Out
        );
        assert_eq!(
            Response::of(Tone::Negative, Some("discarded"), " \n"),
            Response::Missing
        );
    }

    #[test]
    fn the_median_of_even_and_odd_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [30, 10, 20]), Some(20));
        assert_eq!(median(&mut [40, 10, 20, 30]), Some(25));
    }

    #[test]
    fn twelve_weeks_start_on_a_monday() {
        let sunday = NaiveDate::from_ymd_opt(2025, 3, 9).unwrap();
        assert_eq!(
            week_start(sunday),
            NaiveDate::from_ymd_opt(2025, 3, 3).unwrap()
        );
        assert_eq!(
            period_start(sunday),
            NaiveDate::from_ymd_opt(2024, 12, 16).unwrap()
        );
    }
}
