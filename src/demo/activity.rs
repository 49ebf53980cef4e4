//! The demo's days: events and their coverage, the reports and drafts they lead to, variants,
//! publications and sends to media. The office's routine is in `routine`.
use chrono::{Datelike, Duration, NaiveDate};

use super::{int, is_weekend, stamp, text, Gen, GRANDE_EVENTS_PER_DAY};
use crate::domain::ids::seed_id;
use crate::store::{Result, Writer};

impl Gen {
    pub(super) fn day(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let events = if self.opts.grande {
            GRANDE_EVENTS_PER_DAY
        } else if is_weekend(date) {
            self.rng.below(2)
        } else {
            1 + self.rng.below(3)
        };
        for _ in 0..events {
            self.event(w, date)?;
        }
        if date <= reference && date.day() == 1 {
            self.requests(w, date)?;
        }
        if date <= reference {
            if self.opts.grande || date.ordinal().is_multiple_of(12) {
                self.interview(w, date)?;
            }
            if date.ordinal().is_multiple_of(6) {
                self.clipping(w, date)?;
            }
            if date.ordinal().is_multiple_of(4) {
                self.question(w, date)?;
            }
            if date.day() == 28 {
                self.monthly_document(w, date)?;
            }
        }
        Ok(())
    }

    fn event(&mut self, w: &mut Writer<'_>, date: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let keys: Vec<String> = self.data.events.keys().cloned().collect();
        let dept_key = self.rng.pick(&keys).clone();
        let template = self.rng.pick(&self.data.events[&dept_key]).clone();
        let loc = self.rng.pick(&self.data.localities).clone();
        let place = self.rng.pick(&self.data.places).clone();
        let title = template.replace("{loc}", &loc).replace("{place}", &place);
        let hour = 8 + self.rng.below(10);
        let minute = if self.rng.chance(50) { 0 } else { 30 };
        let starts = stamp(date, hour, minute);
        let ends = stamp(date, hour + 1 + self.rng.below(2), minute);
        let status = if date < reference {
            match self.rng.below(100) {
                0..=3 => "cancelled",
                4..=6 => "postponed",
                _ => "covered",
            }
        } else {
            "scheduled"
        };
        let id = self.id(date);
        let dept = seed_id("department", &dept_key);
        let campaign = self
            .rng
            .chance(15)
            .then(|| self.rng.pick(&self.campaigns).clone());
        let mut fields = vec![
            ("title", text(&title)),
            ("starts_at", text(&starts)),
            ("ends_at", text(ends)),
            ("place", text(&place)),
            ("locality", text(&loc)),
            ("department_id", text(&dept)),
            ("status", text(status)),
        ];
        if let Some(c) = &campaign {
            fields.push(("campaign_id", text(c)));
        }
        w.insert("events", &id, &fields)?;
        self.counts.events += 1;

        // Coverage: photo always; video and text often. Some upcoming events still lack it.
        let uncovered = date >= reference && !self.opts.grande && self.rng.chance(25);
        if !uncovered && status != "cancelled" {
            let roles: &[(&str, usize)] = if self.opts.grande {
                &[("photo", 1)]
            } else {
                &[("photo", 1), ("video", 2), ("text", 3)]
            };
            for (i, (role, staff)) in roles.iter().enumerate() {
                if i > 0 && !self.rng.chance(50) {
                    continue;
                }
                let cstatus = if date < reference {
                    "delivered"
                } else {
                    "assigned"
                };
                let cid = self.id(date);
                w.insert(
                    "coverage",
                    &cid,
                    &[
                        ("event_id", text(&id)),
                        ("staff_id", text(&self.staff[*staff])),
                        ("role", text(*role)),
                        ("status", text(cstatus)),
                    ],
                )?;
            }
        }
        if status != "covered" {
            return Ok(());
        }
        let (reports, drafts, items) = if self.opts.grande {
            (2, 2, 5)
        } else {
            (
                self.rng.chance(45) as u32,
                self.rng.chance(70) as u32,
                1 + self.rng.chance(35) as u32,
            )
        };
        let mut report = None;
        for _ in 0..reports {
            report = Some(self.report(w, date, &dept, &title, &loc, Some(&id), None)?);
        }
        for _ in 0..drafts {
            self.draft(
                w,
                date,
                hour + 2,
                &title,
                &loc,
                Some(&id),
                report.as_deref(),
                campaign.as_deref(),
            )?;
        }
        for i in 0..items {
            let (kind, label) = match i {
                0 | 2 => ("photos", "Fotografías"),
                1 => ("video", "Video"),
                3 => ("document", "Lista de asistencia"),
                _ => ("interview", "Entrevista"),
            };
            let aid = self.id(date);
            let files = if kind == "photos" {
                6 + self.rng.below(35)
            } else {
                1
            };
            w.insert(
                "archive_items",
                &aid,
                &[
                    ("kind", text(kind)),
                    ("title", text(format!("{label}: {title}"))),
                    (
                        "description",
                        text(format!("{label} de la actividad en {loc}.")),
                    ),
                    ("occurred_at", text(&starts)),
                    ("department_id", text(&dept)),
                    ("event_id", text(&id)),
                    ("files", int(files as i64)),
                ],
            )?;
            self.counts.archive_items += 1;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn report(
        &mut self,
        w: &mut Writer<'_>,
        date: NaiveDate,
        dept: &str,
        title: &str,
        loc: &str,
        event: Option<&str>,
        request: Option<&str>,
    ) -> Result<String> {
        let reference = self.opts.reference;
        let received = (date + Duration::days(self.rng.below(2) as i64)).min(reference);
        let age = (reference - received).num_days();
        let status = if age <= 5 {
            if self.rng.chance(65) {
                "received"
            } else {
                "in_draft"
            }
        } else if self.rng.chance(80) {
            "used"
        } else {
            "discarded"
        };
        let body = self
            .data
            .report_body
            .replace("{loc}", loc)
            .replace("{n}", &(20 + self.rng.below(300)).to_string());
        let id = self.id(received);
        let mut fields = vec![
            ("department_id", text(dept)),
            ("title", text(title)),
            ("body", text(body)),
            (
                "received_at",
                text(stamp(
                    received,
                    15 + self.rng.below(5),
                    10 * self.rng.below(6),
                )),
            ),
            ("status", text(status)),
        ];
        if let Some(e) = event {
            fields.push(("event_id", text(e)));
        }
        if let Some(r) = request {
            fields.push(("request_id", text(r)));
        }
        w.insert("reports", &id, &fields)?;
        self.counts.reports += 1;
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    fn draft(
        &mut self,
        w: &mut Writer<'_>,
        date: NaiveDate,
        hour: u32,
        title: &str,
        loc: &str,
        event: Option<&str>,
        report: Option<&str>,
        campaign: Option<&str>,
    ) -> Result<()> {
        let reference = self.opts.reference;
        let age = (reference - date).num_days();
        let status = if age == 0 || (age <= 3 && self.rng.chance(50)) {
            match self.rng.below(3) {
                0 => "draft",
                1 => "review",
                _ => "approved",
            }
        } else if self.rng.chance(92) {
            "published"
        } else {
            "discarded"
        };
        let release = self.rng.chance(30);
        let id = self.id(date);
        let written = stamp(date, hour, 10 * self.rng.below(6));
        let body = self
            .data
            .draft_body
            .replace("{title}", title)
            .replace("{loc}", loc)
            .replace("{n}", &(30 + self.rng.below(400)).to_string());
        let author = self.staff[if self.rng.chance(70) { 3 } else { 4 }].clone();
        let mut fields = vec![
            ("title", text(title)),
            ("body", text(&body)),
            ("kind", text(if release { "release" } else { "post" })),
            ("status", text(status)),
            ("written_at", text(&written)),
            ("author_id", text(author)),
        ];
        if release && matches!(status, "approved" | "published") {
            let n = self.folios.entry(date.year()).or_insert(0);
            *n += 1;
            let folio = crate::domain::folio::Folio {
                year: date.year(),
                number: *n,
            };
            fields.push(("folio", text(folio.to_string())));
            fields.push(("folio_year", int(folio.year as i64)));
            fields.push(("folio_number", int(folio.number as i64)));
        }
        if let Some(e) = event {
            fields.push(("event_id", text(e)));
        }
        if let Some(r) = report {
            fields.push(("report_id", text(r)));
        }
        if let Some(c) = campaign {
            fields.push(("campaign_id", text(c)));
        }
        if matches!(status, "approved" | "published") {
            fields.push(("approved_by", text(&self.data.staff[0].0)));
            fields.push(("approved_at", text(stamp(date, hour, 50))));
        }
        w.insert("drafts", &id, &fields)?;
        self.counts.drafts += 1;

        let short: String = format!("{title}. #TampamolónCorona")
            .chars()
            .take(270)
            .collect();
        let variants: Vec<(&str, String)> = if self.opts.grande {
            vec![("facebook", body.clone())]
        } else {
            vec![
                ("facebook", body.clone()),
                ("x", short),
                ("whatsapp", format!("*{title}*\n{body}")),
            ]
        };
        for (channel, text_body) in &variants {
            let vid = self.id(date);
            w.insert(
                "variants",
                &vid,
                &[
                    ("draft_id", text(&id)),
                    ("channel", text(*channel)),
                    ("body", text(text_body.clone())),
                ],
            )?;
        }
        if status == "published" {
            let at = date + Duration::days((hour + 1 >= 20) as i64);
            let published = stamp(at, (hour + 1) % 20, 5);
            let mut channels: Vec<&str> = variants
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| *c != "whatsapp")
                .collect();
            if release && !self.opts.grande {
                channels.push("web");
            }
            for channel in channels {
                let pid = self.id(at);
                let url = format!(
                    "https://{channel}.ejemplo.mx/tampamolon/{}",
                    &pid[pid.len() - 8..]
                );
                w.insert(
                    "publications",
                    &pid,
                    &[
                        ("draft_id", text(&id)),
                        ("channel", text(channel)),
                        ("published_at", text(&published)),
                        ("url", text(url)),
                    ],
                )?;
            }
            if release {
                let did = self.id(at);
                w.insert(
                    "distributions",
                    &did,
                    &[
                        ("draft_id", text(&id)),
                        ("list_id", text(&self.lists[0])),
                        ("sent_at", text(&published)),
                        ("channel", text("email")),
                    ],
                )?;
            }
        }
        Ok(())
    }
}
