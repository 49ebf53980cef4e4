//! The office's routine in the demo: the monthly request for information to every department
//! (and the reports that answer it), interview requests, press clippings, citizens' questions
//! and the monthly report of the office.
use chrono::{Datelike, Duration, NaiveDate};

use super::{day, int, is_weekend, stamp, text, Gen};
use crate::domain::ids::seed_id;
use crate::store::{Result, Writer};

impl Gen {
    /// The monthly request for information to every department, and the answers received.
    pub(super) fn requests(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let mut sent = date;
        while is_weekend(sent) {
            sent += Duration::days(1);
        }
        let due = sent + Duration::days(6);
        let month = crate::i18n::month_name(date.month());
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
            w.insert(
                "requests",
                &id,
                &[
                    ("department_id", text(&dept)),
                    ("subject", text(&subject)),
                    ("sent_on", text(day(sent))),
                    ("due_on", text(day(due))),
                    (
                        "status",
                        text(match (answered, stale) {
                            (true, _) => "answered",
                            (false, true) => "cancelled",
                            (false, false) => "pending",
                        }),
                    ),
                ],
            )?;
            if answered {
                let at = sent + Duration::days(1 + self.rng.below(7) as i64);
                let loc = self.rng.pick(&self.data.localities).clone();
                self.report(w, at, &dept, &subject, &loc, None, Some(&id))?;
            }
        }
        Ok(())
    }

    pub(super) fn interview(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let (journalist, outlet) = self.rng.pick(&self.journalists).clone();
        let topic = self.rng.pick(&self.data.interview_topics).clone();
        let age = (self.opts.reference - date).num_days();
        let status = if age < 7 {
            "requested"
        } else if self.rng.chance(80) {
            "done"
        } else {
            "declined"
        };
        let id = self.id(date);
        w.insert(
            "interviews",
            &id,
            &[
                ("outlet_id", text(outlet)),
                ("journalist_id", text(journalist)),
                ("topic", text(topic)),
                ("interviewee", text("Presidenta Municipal")),
                ("requested_on", text(day(date))),
                ("status", text(status)),
            ],
        )
    }

    pub(super) fn clipping(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let (_, outlet) = self.rng.pick(&self.journalists).clone();
        let title = self.rng.pick(&self.data.clippings).clone();
        let tone = match self.rng.below(10) {
            0..=4 => "positive",
            5..=7 => "neutral",
            _ => "negative",
        };
        let id = self.id(date);
        w.insert(
            "clippings",
            &id,
            &[
                ("outlet_id", text(outlet)),
                ("title", text(title)),
                ("published_on", text(day(date))),
                ("tone", text(tone)),
                (
                    "url",
                    text(format!(
                        "https://noticias.ejemplo.mx/{}",
                        &id[id.len() - 8..]
                    )),
                ),
            ],
        )
    }

    pub(super) fn question(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let question = self.rng.pick(&self.data.questions).clone();
        let answered = (self.opts.reference - date).num_days() > 2;
        let id = self.id(date);
        let mut fields = vec![
            ("channel", text("facebook")),
            ("asked_at", text(stamp(date, 9 + self.rng.below(10), 0))),
            ("question", text(question)),
            ("status", text(if answered { "answered" } else { "open" })),
        ];
        if answered {
            fields.push(("answer_id", text(self.rng.pick(&self.answers).clone())));
        }
        w.insert("questions", &id, &fields)
    }

    pub(super) fn monthly_document(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let id = self.id(date);
        let month = crate::i18n::month_name(date.month());
        w.insert(
            "archive_items",
            &id,
            &[
                ("kind", text("document")),
                (
                    "title",
                    text(format!(
                        "Informe mensual de Comunicación Social, {month} {}",
                        date.year()
                    )),
                ),
                (
                    "description",
                    text("Resumen de coberturas, publicaciones y envíos a medios del mes."),
                ),
                ("occurred_at", text(stamp(date, 18, 0))),
                ("department_id", text(seed_id("department", "comunicacion"))),
                ("files", int(1)),
            ],
        )?;
        self.counts.archive_items += 1;
        Ok(())
    }
}
