//! The briefing as JSON for scripts: the same data as the other formats, with ids and codes
//! beside the texts people read.
use serde::Serialize;

use super::{balance_months, heading, sections};
use crate::domain::agenda::AgendaEvent;
use crate::domain::briefing::Briefing;
use crate::i18n::labels::Label;
use crate::i18n::long_date;

#[derive(Debug, Serialize)]
pub struct Brief {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date as people read it ("jueves 6 de marzo de 2025").
    pub date_text: String,
    pub heading: String,
    /// The office's time zone, in which every time is given.
    pub time_zone: String,
    /// The day's events, those nobody covers first.
    pub events: Vec<BriefEvent>,
    /// How many of the day's events nobody covers.
    pub uncovered: usize,
    pub tomorrow: Vec<BriefEvent>,
    pub uncovered_tomorrow: usize,
    pub conflicts: u64,
    pub scheduled: Vec<BriefPiece>,
    pub scheduled_total: u64,
    pub approvals: Vec<BriefPiece>,
    pub approvals_total: u64,
    pub reports: Vec<BriefReports>,
    pub reports_total: u64,
    pub owing: Vec<BriefOwing>,
    pub material_late: Vec<BriefMaterial>,
    pub material_late_total: u64,
    pub media_requests: Vec<BriefMedia>,
    pub media_requests_total: u64,
    /// Negative notes of the media the office has not answered (no response piece, or one
    /// not published yet), the newest first.
    pub negative_unanswered: Vec<BriefNegative>,
    pub negative_unanswered_total: u64,
    /// The local time (`YYYY-MM-DDTHH:MM`) questions are counted waiting up to: now, or the
    /// end of a day gone by.
    pub waiting_until: String,
    /// Citizens' questions open or routed for more than 24 hours, the oldest first.
    pub questions_waiting: Vec<BriefQuestion>,
    pub questions_waiting_total: u64,
    pub published_yesterday: Vec<BriefPublication>,
    pub published_yesterday_total: u64,
    pub published_by_channel: Vec<BriefChannel>,
    /// Publications per day over the days before the briefing's, oldest first.
    pub publications_by_day: Vec<BriefDay>,
    pub balance: BriefBalance,
    /// Each section as the other formats say it: title, summary, and whether it needs someone.
    pub sections: Vec<BriefSection>,
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

#[derive(Debug, Serialize)]
pub struct BriefPiece {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub kind_text: String,
    /// When it was written (awaiting approval) or is to come out (scheduled).
    pub at: String,
    pub department: String,
}

#[derive(Debug, Serialize)]
pub struct BriefReports {
    pub department_id: String,
    pub department: String,
    pub count: u64,
    pub latest: Vec<BriefReport>,
}

#[derive(Debug, Serialize)]
pub struct BriefReport {
    pub id: String,
    pub title: String,
    pub received_at: String,
}

#[derive(Debug, Serialize)]
pub struct BriefOwing {
    pub department_id: String,
    pub department: String,
    pub overdue: u64,
    pub oldest_request_id: String,
    pub oldest_subject: String,
    pub oldest_due_on: String,
}

#[derive(Debug, Serialize)]
pub struct BriefMaterial {
    pub id: String,
    pub department: String,
    pub kind: String,
    pub title: String,
    pub needed_by: String,
}

#[derive(Debug, Serialize)]
pub struct BriefMedia {
    pub id: String,
    pub who: String,
    pub kind: String,
    pub kind_text: String,
    pub topic: String,
    pub due_on: String,
}

#[derive(Debug, Serialize)]
pub struct BriefNegative {
    pub id: String,
    pub published_on: String,
    pub outlet_id: String,
    pub outlet: String,
    pub kind: String,
    pub kind_text: String,
    pub title: String,
    /// Its response piece, written and not published yet; empty when it has none.
    pub response_id: String,
}

#[derive(Debug, Serialize)]
pub struct BriefQuestion {
    pub id: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub asked_at: String,
    /// Whole hours from `asked_at` to `waiting_until`.
    pub waiting_hours: u64,
    pub channel: String,
    pub channel_text: String,
    pub question: String,
    pub status: String,
    pub status_text: String,
    /// The department it was routed to, or empty.
    pub department_id: String,
    pub department: String,
}

#[derive(Debug, Serialize)]
pub struct BriefPublication {
    pub id: String,
    pub channel: String,
    pub channel_text: String,
    pub published_at: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct BriefChannel {
    pub channel: String,
    pub channel_text: String,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct BriefDay {
    pub date: String,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct BriefBalance {
    pub this_month: String,
    pub last_month: String,
    pub departments: Vec<BriefBalanceRow>,
}

#[derive(Debug, Serialize)]
pub struct BriefBalanceRow {
    pub department_id: String,
    pub department: String,
    pub this_month: u64,
    pub last_month: u64,
}

#[derive(Debug, Serialize)]
pub struct BriefSection {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub alert: bool,
}

/// Local `HH:MM`, empty for an all-day event.
fn time_of(text: &str, all_day: bool) -> String {
    if all_day {
        String::new()
    } else {
        super::time_of(text)
    }
}

fn event(e: &AgendaEvent) -> BriefEvent {
    BriefEvent {
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
    }
}

fn piece(p: &crate::domain::briefing::PieceLine) -> BriefPiece {
    BriefPiece {
        id: p.id.clone(),
        title: p.title.clone(),
        kind: p.kind.code().to_owned(),
        kind_text: p.kind.label().to_owned(),
        at: p.at.clone(),
        department: p.department.clone(),
    }
}

impl Brief {
    pub fn new(b: &Briefing, time_zone: &str) -> Brief {
        let (this_month, last_month) = balance_months(b);
        Brief {
            date: b.date.format("%Y-%m-%d").to_string(),
            date_text: long_date(b.date),
            heading: heading(b),
            time_zone: time_zone.to_owned(),
            events: b.today.iter().map(event).collect(),
            uncovered: b.uncovered(),
            tomorrow: b.tomorrow.iter().map(event).collect(),
            uncovered_tomorrow: b.uncovered_tomorrow(),
            conflicts: b.conflicts,
            scheduled: b.scheduled.iter().map(piece).collect(),
            scheduled_total: b.scheduled_total,
            approvals: b.approvals.iter().map(piece).collect(),
            approvals_total: b.approvals_total,
            reports: b
                .reports
                .iter()
                .map(|w| BriefReports {
                    department_id: w.department_id.clone(),
                    department: w.department.clone(),
                    count: w.count,
                    latest: w
                        .latest
                        .iter()
                        .map(|r| BriefReport {
                            id: r.id.clone(),
                            title: r.title.clone(),
                            received_at: r.received_at.clone(),
                        })
                        .collect(),
                })
                .collect(),
            reports_total: b.reports_total,
            owing: b
                .owing
                .iter()
                .map(|o| BriefOwing {
                    department_id: o.department_id.clone(),
                    department: o.department.clone(),
                    overdue: o.overdue,
                    oldest_request_id: o.request_id.clone(),
                    oldest_subject: o.subject.clone(),
                    oldest_due_on: o.due_on.clone(),
                })
                .collect(),
            material_late: b
                .material_late
                .iter()
                .map(|m| BriefMaterial {
                    id: m.id.clone(),
                    department: m.department.clone(),
                    kind: m.kind.code().to_owned(),
                    title: m.title.clone(),
                    needed_by: m.needed_by.clone(),
                })
                .collect(),
            material_late_total: b.material_late_total,
            media_requests: b
                .media
                .iter()
                .map(|m| BriefMedia {
                    id: m.id.clone(),
                    who: m.who.clone(),
                    kind: m.kind.code().to_owned(),
                    kind_text: m.kind.label().to_owned(),
                    topic: m.topic.clone(),
                    due_on: m.due_on.clone(),
                })
                .collect(),
            media_requests_total: b.media_total,
            negative_unanswered: b
                .negative
                .iter()
                .map(|n| BriefNegative {
                    id: n.id.clone(),
                    published_on: n.published_on.clone(),
                    outlet_id: n.outlet_id.clone(),
                    outlet: n.outlet.clone(),
                    kind: n.kind.code().to_owned(),
                    kind_text: n.kind.label().to_owned(),
                    title: n.title.clone(),
                    response_id: n.response_id.clone(),
                })
                .collect(),
            negative_unanswered_total: b.negative_total,
            waiting_until: b.now.clone(),
            questions_waiting: b
                .questions
                .iter()
                .map(|q| BriefQuestion {
                    id: q.id.clone(),
                    asked_at: q.asked_at.clone(),
                    waiting_hours: q.hours,
                    channel: q.channel.code().to_owned(),
                    channel_text: q.channel.label().to_owned(),
                    question: super::sections::first_words(
                        &q.question,
                        super::sections::QUESTION_WORDS,
                    ),
                    status: q.status.code().to_owned(),
                    status_text: q.status.label().to_owned(),
                    department_id: q.department_id.clone(),
                    department: q.department.clone(),
                })
                .collect(),
            questions_waiting_total: b.questions_total,
            published_yesterday: b
                .published
                .iter()
                .map(|p| BriefPublication {
                    id: p.id.clone(),
                    channel: p.channel.code().to_owned(),
                    channel_text: p.channel.label().to_owned(),
                    published_at: p.published_at.clone(),
                    title: p.title.clone(),
                })
                .collect(),
            published_yesterday_total: b.published_total,
            published_by_channel: b
                .published_by_channel
                .iter()
                .map(|(c, n)| BriefChannel {
                    channel: c.code().to_owned(),
                    channel_text: c.label().to_owned(),
                    count: *n,
                })
                .collect(),
            publications_by_day: b
                .spark
                .iter()
                .map(|(d, n)| BriefDay {
                    date: d.format("%Y-%m-%d").to_string(),
                    count: *n,
                })
                .collect(),
            balance: BriefBalance {
                this_month,
                last_month,
                departments: b
                    .balance
                    .iter()
                    .map(|r| BriefBalanceRow {
                        department_id: r.department_id.clone(),
                        department: r.department.clone(),
                        this_month: r.this_month,
                        last_month: r.last_month,
                    })
                    .collect(),
            },
            sections: sections(b)
                .into_iter()
                .map(|s| BriefSection {
                    id: s.id.code().to_owned(),
                    title: s.title,
                    summary: s.summary,
                    alert: s.alert,
                })
                .collect(),
        }
    }
}

/// The briefing as pretty-printed JSON.
pub fn render(b: &Briefing, time_zone: &str) -> String {
    serde_json::to_string_pretty(&Brief::new(b, time_zone)).unwrap_or_default()
}
