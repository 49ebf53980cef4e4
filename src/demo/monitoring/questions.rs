//! The citizens' questions of the demo's monitoring: how many a day, on which channel and at
//! what time, what became of each by the reference morning (answered within hours or a day or
//! two, closed, or still waiting), and the reply each was given.
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use super::texts::{From, ANSWERS, QUESTIONS};
use super::{day_number, hash, minutes, office_time, Gen, GRANDE_FACTOR};
use crate::domain::edit::{QuestionInput, Record};
use crate::domain::ids::seed_id;
use crate::domain::status::{Channel, QuestionStatus};
use crate::store::{Result, Tx};

impl Gen {
    /// The citizens' questions, day by day: a few each weekday, fewer on weekends, ten times
    /// as many in the benchmark dataset.
    pub(super) fn question_plan(&self, from: NaiveDate) -> Vec<Planned> {
        let reference = self.opts.reference;
        let rounds = if self.opts.grande { GRANDE_FACTOR } else { 1 };
        // Now, for the demo: the team meets at half past eight.
        let cutoff = reference.and_hms_opt(8, 0, 0).unwrap_or_default();
        let day_before = cutoff - Duration::hours(24);
        let mut plan: Vec<Planned> = Vec::new();
        let mut date = from;
        while date <= reference {
            let d = day_number(date);
            for round in 0..rounds {
                let roll = hash(&[0x7175_6573, d, round]);
                let count = if date == reference {
                    1 + roll % 3
                } else {
                    match date.weekday() {
                        Weekday::Sat | Weekday::Sun => 1 + roll % 3,
                        Weekday::Mon => 3 + roll % 4,
                        _ => 2 + roll % 4,
                    }
                };
                for slot in 0..count {
                    let h = hash(&[0x0061_736b, d, round, slot]);
                    plan.push(Planned::new(h, date, reference, cutoff));
                }
            }
            date += Duration::days(1);
        }
        plan.sort_by_key(|p| (p.asked, p.h));
        // A few older than a day still wait (one not yet routed): a department that has not
        // answered, a question that needs looking into.
        let old_waiting = plan
            .iter()
            .filter(|p| p.asked < day_before && p.fate.waits())
            .count();
        let mut more = 3usize.saturating_sub(old_waiting);
        for p in plan.iter_mut().rev() {
            if more == 0 {
                break;
            }
            if p.asked < day_before && !p.fate.waits() && p.asked > cutoff - Duration::days(4) {
                p.fate = Fate::Waiting;
                p.routed = more != 1;
                more -= 1;
            }
        }
        if !plan
            .iter()
            .any(|p| p.asked < day_before && p.fate.waits() && !p.routed)
        {
            if let Some(p) = plan
                .iter_mut()
                .rev()
                .find(|p| p.asked < day_before && p.fate.waits())
            {
                p.routed = false;
            }
        }
        plan
    }

    /// Writes planned questions, the first of them numbered `first`.
    pub(super) fn questions(
        &mut self,
        tx: &mut Tx<'_, '_>,
        first: usize,
        plan: &[Planned],
        answers: &[String],
    ) -> Result<()> {
        let reference = self.opts.reference;
        let places = self.places();
        for (n, p) in plan.iter().enumerate() {
            let n = first + n;
            let asked = &QUESTIONS[(p.h % QUESTIONS.len() as u64) as usize];
            let loc = places
                .get(((p.h >> 40) as usize) % places.len().max(1))
                .cloned()
                .unwrap_or_default();
            let id = seed_id("demo-monitoring", &format!("question-{reference}-{n}"));
            let dept = seed_id("department", asked.dept);
            let channel = match (p.h >> 8) % 10 {
                0..=6 => Channel::Facebook,
                7 | 8 => Channel::WhatsApp,
                _ => Channel::Instagram,
            };
            let at = minutes(p.asked);
            tx.set_time(&at);
            let mut q = QuestionInput {
                channel,
                asked_at: at,
                question: asked.question.replace("{loc}", &loc),
                topic: asked.topic.to_owned(),
                department_id: p.routed.then(|| dept.clone()),
                status: QuestionStatus::Open,
                answer_id: None,
                response: String::new(),
                answered_at: String::new(),
            };
            tx.create(Some(&id), &Record::Question(q.clone()))?;
            match p.fate {
                Fate::Waiting => continue,
                Fate::Closed(at) => {
                    tx.set_time(&minutes(at));
                    q.status = QuestionStatus::Closed;
                    q.response = "Pregunta repetida: se respondió en la otra publicación.".into();
                }
                Fate::Answered(at) => {
                    tx.set_time(&minutes(at));
                    let tail = asked.reply.replace("{loc}", &loc);
                    let (answer_id, start) = match asked.from {
                        From::Listed(i) => (
                            self.answers.get(i).cloned(),
                            self.data.answers.get(i).map(|a| a.1.clone()),
                        ),
                        From::Topic(i) => (answers.get(i).cloned(), Some(ANSWERS[i].3.to_owned())),
                        From::Own => (None, None),
                    };
                    q.status = QuestionStatus::Answered;
                    q.department_id = Some(dept);
                    q.answer_id = answer_id;
                    q.response = match start {
                        Some(body) if tail.is_empty() => body,
                        Some(body) => format!("{body} {tail}"),
                        None => tail,
                    };
                }
            }
            tx.update(&id, &Record::Question(q))?;
        }
        Ok(())
    }
}

/// What became of a question by the reference morning.
#[derive(Clone, Copy)]
enum Fate {
    Answered(NaiveDateTime),
    Closed(NaiveDateTime),
    Waiting,
}

impl Fate {
    fn waits(self) -> bool {
        matches!(self, Fate::Waiting)
    }
}

/// A question to write: when it was asked, whether it was routed on arrival, its fate.
pub(super) struct Planned {
    h: u64,
    asked: NaiveDateTime,
    routed: bool,
    fate: Fate,
}

impl Planned {
    fn new(h: u64, date: NaiveDate, reference: NaiveDate, cutoff: NaiveDateTime) -> Planned {
        // People write from early morning to late at night; on the reference day, before the
        // team arrives.
        let hour = if date == reference {
            6 + (h >> 12) % 2
        } else {
            7 + (h >> 12) % 16
        } as u32;
        let asked = date
            .and_hms_opt(hour, ((h >> 16) % 60) as u32, 0)
            .unwrap_or_default();
        let roll = (h >> 24) % 100;
        let delay = match roll {
            // Looked into by its department first: a day or more.
            0..=5 => Duration::hours(30 + ((h >> 32) % 30) as i64),
            6..=37 => Duration::hours(3 + ((h >> 32) % 26) as i64),
            _ => Duration::minutes(20 + ((h >> 32) % 160) as i64),
        };
        let at = office_time(asked + delay, h >> 48);
        let fate = if at > cutoff {
            Fate::Waiting
        } else if roll >= 96 {
            Fate::Closed(at)
        } else {
            Fate::Answered(at)
        };
        Planned {
            h,
            asked,
            routed: !(h >> 36).is_multiple_of(3),
            fate,
        }
    }
}
