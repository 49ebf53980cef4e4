//! The office's routine in the demo: the monthly request for information to every department
//! (and the reports that answer it), interview requests, press clippings, citizens' questions
//! and the monthly report of the office.
use chrono::{Datelike, Duration, NaiveDate};

use super::{day, is_weekend, stamp, Gen};
use crate::domain::edit::{
    ArchiveItemInput, ClippingInput, InterviewInput, QuestionInput, Record, RequestInput,
};
use crate::domain::ids::seed_id;
use crate::domain::requests::{fill, Filling};
use crate::domain::status::{
    ArchiveKind, Channel, ClippingKind, InterviewStatus, MediaRequestKind, QuestionStatus,
    RequestStatus, Tone, Via,
};
use crate::i18n::spanish_month as month_name;
use crate::i18n::{long_date, t, Msg};
use crate::store::seed::department_name;
use crate::store::{Result, Tx};

impl Gen {
    /// The monthly request for information to every department, and the answers received.
    pub(super) fn requests(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let mut sent = date;
        while is_weekend(sent) {
            sent += Duration::days(1);
        }
        let due = sent + Duration::days(6);
        let month = month_name(date.month());
        let keys: Vec<String> = self
            .data
            .events
            .keys()
            .filter(|k| *k != "presidencia")
            .cloned()
            .collect();
        for key in keys {
            let dept = seed_id("department", &key);
            let answered = due < reference && self.rng.chance(85);
            // Requests left unanswered for two months are closed by the office.
            let stale = (reference - due).num_days() > 60;
            let id = self.id(sent);
            let subject = format!("Acciones y logros de {month} de {}", date.year());
            let request = RequestInput {
                department_id: Some(dept.clone()),
                subject: subject.clone(),
                sent_on: day(sent),
                due_on: day(due),
                status: match (answered, stale) {
                    (true, _) => RequestStatus::Answered,
                    (false, true) => RequestStatus::Cancelled,
                    (false, false) => RequestStatus::Pending,
                },
                channel: Some(Via::WhatsApp),
                body: {
                    let people = self.data.department_people.iter().find(|p| p.0 == key);
                    fill(
                        t(Msg::RequestTemplate),
                        &Filling {
                            area: department_name(&key),
                            head: people.map_or("", |p| p.1.as_str()),
                            liaison: people.map_or("", |p| p.2.as_str()),
                            topic: &subject,
                            due: &long_date(due),
                        },
                    )
                },
                notes: String::new(),
            };
            self.create(tx, &id, Record::Request(request))?;
            if answered {
                let at = sent + Duration::days(1 + self.rng.below(7) as i64);
                let loc = self.rng.pick(&self.data.localities).clone();
                self.report(tx, at, &dept, &subject, &loc, None, Some(&id))?;
            }
        }
        Ok(())
    }

    pub(super) fn interview(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
        let (journalist, outlet) = self.rng.pick(&self.journalists).clone();
        let topic = self.rng.pick(&self.data.interview_topics).clone();
        let age = (self.opts.reference - date).num_days();
        let status = if age < 7 {
            InterviewStatus::Requested
        } else if self.rng.chance(80) {
            InterviewStatus::Done
        } else {
            InterviewStatus::Declined
        };
        let id = self.id(date);
        let interview = InterviewInput {
            kind: MediaRequestKind::Interview,
            due_on: String::new(),
            outcome: String::new(),
            outlet_id: Some(outlet),
            journalist_id: Some(journalist),
            topic,
            interviewee: "Presidenta Municipal".into(),
            requested_on: day(date),
            scheduled_at: String::new(),
            status,
            notes: String::new(),
        };
        self.create(tx, &id, Record::Interview(interview))?;
        Ok(())
    }

    pub(super) fn clipping(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
        let (_, outlet) = self.rng.pick(&self.journalists).clone();
        let title = self.rng.pick(&self.data.clippings).clone();
        let tone = match self.rng.below(10) {
            0..=4 => Tone::Positive,
            5..=7 => Tone::Neutral,
            _ => Tone::Negative,
        };
        let id = self.id(date);
        // The office answered the older critical notes by phone; the recent ones wait.
        let response = if tone == Tone::Negative && (self.opts.reference - date).num_days() > 21 {
            "Se llamó al medio para aclarar el dato y publicó la versión de la oficina.".to_owned()
        } else {
            String::new()
        };
        let clipping = ClippingInput {
            outlet_id: Some(outlet),
            kind: ClippingKind::News,
            title,
            url: format!("https://noticias.ejemplo.mx/{}", &id[id.len() - 8..]),
            published_on: day(date),
            tone,
            summary: String::new(),
            topic: String::new(),
            department_id: None,
            quoted_id: None,
            response,
            draft_id: None,
        };
        self.create(tx, &id, Record::Clipping(clipping))?;
        Ok(())
    }

    pub(super) fn question(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
        let question = self.rng.pick(&self.data.questions).clone();
        let answered = (self.opts.reference - date).num_days() > 2;
        let id = self.id(date);
        let hour = 9 + self.rng.below(10);
        let asked_at = stamp(date, hour, 0);
        // (drawn as `pick` draws, so that the demo's sequence stays the same)
        let answer = answered.then(|| {
            self.rng.below(self.answers.len() as u32) as usize % self.answers.len().max(1)
        });
        let answer_id = answer.and_then(|i| self.answers.get(i).cloned());
        let response = answer
            .and_then(|i| self.data.answers.get(i))
            .map(|(_, body)| body.clone())
            .unwrap_or_default();
        let q = QuestionInput {
            channel: Channel::Facebook,
            asked_at,
            question,
            topic: String::new(),
            department_id: None,
            status: if answered {
                QuestionStatus::Answered
            } else {
                QuestionStatus::Open
            },
            answer_id,
            response,
            // Answered two hours after (the store would say now, the day the demo is written).
            answered_at: if answered {
                stamp(date, hour + 2, 0)
            } else {
                String::new()
            },
        };
        self.create(tx, &id, Record::Question(q))?;
        Ok(())
    }

    pub(super) fn monthly_document(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
        let id = self.id(date);
        let month = month_name(date.month());
        let title = format!(
            "Informe mensual de Comunicación Social, {month} {}",
            date.year()
        );
        let (series_id, expediente, stage) = self.filed(ArchiveKind::Document, date);
        let item = ArchiveItemInput {
            description: "Resumen de coberturas, publicaciones y envíos a medios del mes.".into(),
            department_id: Some(seed_id("department", "comunicacion")),
            files: 1,
            series_id,
            expediente,
            stage,
            ..ArchiveItemInput::new(ArchiveKind::Document, &title, &stamp(date, 18, 0))
        };
        self.create(tx, &id, Record::ArchiveItem(item))?;
        self.counts.archive_items += 1;
        Ok(())
    }
}
