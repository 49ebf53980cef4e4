//! The demo's days: events and their coverage, the reports and drafts they lead to, variants,
//! publications and sends to media. The office's routine is in `routine`.
use chrono::{Datelike, Duration, NaiveDate};

use super::{is_weekend, stamp, Gen, GRANDE_EVENTS_PER_DAY};
use crate::domain::edit::{
    ArchiveItemInput, CoverageInput, DistributionInput, DraftInput, EventInput, MaterialInput,
    PublicationInput, Record, ReportInput, SeriesInput, VariantInput,
};
use crate::domain::ids::seed_id;
use crate::domain::status::{
    ArchiveKind, Channel, CoverageRole, CoverageStatus, DeliveryStatus, DraftKind, DraftStatus,
    EventKind, EventStatus, Language, MaterialKind, MaterialStatus, ReportStatus, SendChannel, Via,
};
use crate::store::{Result, Tx};

impl Gen {
    /// The office's recurring events: the Monday civic ceremony, every week from the Monday
    /// after the reference day, twelve times.
    pub(super) fn series(&mut self, tx: &mut Tx<'_, '_>) -> Result<()> {
        let reference = self.opts.reference;
        let monday =
            reference + Duration::days(7 - reference.weekday().num_days_from_monday() as i64);
        let series = SeriesInput {
            uid: String::new(),
            title: "Honores a la bandera".into(),
            starts_at: stamp(monday, 8, 0),
            ends_at: stamp(monday, 9, 0),
            all_day: false,
            zone: String::new(),
            rule: "FREQ=WEEKLY;BYDAY=MO;COUNT=12".into(),
            exdates: Vec::new(),
            rdates: Vec::new(),
            place: "Explanada de la Presidencia".into(),
            locality: "Cabecera municipal".into(),
            department_id: Some(seed_id("department", "presidencia")),
            kind: EventKind::Ceremony,
            status: EventStatus::Scheduled,
            public: true,
            notes: String::new(),
        };
        let id = seed_id("demo-series", "honores");
        self.create(tx, &id, Record::Series(series))?;
        Ok(())
    }

    pub(super) fn day(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
        let reference = self.opts.reference;
        let events = if self.opts.grande {
            GRANDE_EVENTS_PER_DAY
        } else if is_weekend(date) {
            self.rng.below(2)
        } else {
            1 + self.rng.below(3)
        };
        for _ in 0..events {
            self.event(tx, date)?;
        }
        if date <= reference && date.day() == 1 {
            self.requests(tx, date)?;
        }
        if date <= reference {
            if self.opts.grande || date.ordinal().is_multiple_of(12) {
                self.interview(tx, date)?;
            }
            if date.ordinal().is_multiple_of(6) {
                self.clipping(tx, date)?;
            }
            if date.ordinal().is_multiple_of(4) {
                self.question(tx, date)?;
            }
            if date.day() == 28 {
                self.monthly_document(tx, date)?;
            }
        }
        Ok(())
    }

    /// What the departments asked the office to make: two requests a month, made after every
    /// other record (so the rest of the demo is the same with or without them). The recent
    /// ones are still in design or review, a couple of them late.
    pub(super) fn materials(
        &mut self,
        tx: &mut Tx<'_, '_>,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<()> {
        const ASKED: &[(MaterialKind, &str, &str, &str)] = &[
            (
                MaterialKind::Poster,
                "Jornada de salud",
                "salud",
                "Tamaño doble carta, con horarios y sedes.",
            ),
            (
                MaterialKind::Flyer,
                "Pago oportuno del predial",
                "tesoreria",
                "Mil volantes con los descuentos de enero a marzo.",
            ),
            (
                MaterialKind::Banner,
                "Feria patronal",
                "cultura",
                "Lona de 3 × 2 m para el escenario.",
            ),
            (
                MaterialKind::Invitation,
                "Informe de actividades",
                "presidencia",
                "Invitación impresa y digital para autoridades y comisariados.",
            ),
            (
                MaterialKind::Video,
                "Nueva red de agua potable",
                "agua",
                "Un minuto para redes, con testimonios de vecinos.",
            ),
            (
                MaterialKind::RadioSpot,
                "Vacunación, en tének y en español",
                "salud",
                "Treinta segundos en tének y en español para la radio indígena.",
            ),
            (
                MaterialKind::Poster,
                "Torneo municipal de fútbol",
                "deporte",
                "Con el calendario de partidos.",
            ),
            (
                MaterialKind::Invitation,
                "Inscripción escolar",
                "educacion",
                "Para pegar en escuelas y en la presidencia.",
            ),
        ];
        let reference = self.opts.reference;
        let mut month = start.with_day(1).unwrap_or(start);
        let mut n = 0usize;
        while month <= end {
            for day in [5u32, 18] {
                let Some(asked_on) = month.with_day(day) else {
                    continue;
                };
                if asked_on > reference {
                    continue;
                }
                let (kind, title, dept, description) = ASKED[n % ASKED.len()];
                n += 1;
                let needed_by = asked_on + Duration::days(7 + i64::from(self.rng.below(14)));
                let age = (reference - needed_by).num_days();
                let status = match age {
                    // Due in the coming days: still being made.
                    a if a < 0 => match self.rng.below(3) {
                        0 => MaterialStatus::Received,
                        1 => MaterialStatus::Design,
                        _ => MaterialStatus::Review,
                    },
                    // Just past its day: one of every few is late.
                    a if a < 10 && self.rng.chance(40) => MaterialStatus::Design,
                    _ if self.rng.chance(6) => MaterialStatus::Cancelled,
                    _ => MaterialStatus::Delivered,
                };
                let delivered = status == MaterialStatus::Delivered;
                let campaign = self
                    .rng
                    .chance(30)
                    .then(|| self.campaign_on(asked_on))
                    .flatten();
                let id = self.id(asked_on);
                let material = MaterialInput {
                    title: title.to_owned(),
                    kind,
                    description: description.to_owned(),
                    department_id: Some(seed_id("department", dept)),
                    campaign_id: campaign,
                    event_id: None,
                    requested_on: asked_on.format("%Y-%m-%d").to_string(),
                    needed_by: needed_by.format("%Y-%m-%d").to_string(),
                    status,
                    approved_by: if delivered {
                        self.rng.pick(&self.data.department_people).2.clone()
                    } else {
                        String::new()
                    },
                    delivered_on: if delivered {
                        (needed_by - Duration::days(1))
                            .format("%Y-%m-%d")
                            .to_string()
                    } else {
                        String::new()
                    },
                    notes: String::new(),
                };
                self.create(tx, &id, Record::Material(material))?;
            }
            month = month
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(end + Duration::days(1));
        }
        Ok(())
    }

    /// The newsroom at the reference date, after everything else is written: a piece in
    /// review was turned back with a comment (and its history says so), and another carries a
    /// version in Tének for the indigenous radio, translated and waiting for a second speaker.
    pub(super) fn review(&mut self, tx: &mut Tx<'_, '_>) -> Result<()> {
        let reviewer = self.data.staff.first().map(|s| s.0.clone());
        let in_review: Vec<(String, String)> = self
            .open_drafts
            .iter()
            .filter(|(_, _, s)| *s == DraftStatus::Review)
            .map(|(id, title, _)| (id.clone(), title.clone()))
            .collect();
        if let Some((id, _)) = in_review.first() {
            let mut draft = tx.read_draft(id)?;
            draft.status = DraftStatus::Rejected;
            draft.review_comment = format!(
                "Falta el horario y el lugar exacto; que lo revise {} antes de volver a enviarlo.",
                reviewer.unwrap_or_default()
            );
            tx.update(id, &Record::Draft(draft))?;
        }
        if let Some((id, title, _)) = self.open_drafts.last().cloned() {
            let mut tenek = VariantInput::new(
                &id,
                Channel::Facebook,
                &format!("{title}. Ti Tampamolón Corona, k'al an pulik tsalpadh."),
            );
            tenek.language = Language::Tenek;
            tenek.translator = "Juana Santiago Martínez".to_owned();
            let vid = self.id(self.opts.reference);
            self.create(tx, &vid, Record::Variant(tenek))?;
        }
        Ok(())
    }

    /// A campaign of the year of `date` (the same one the pick names, that year's edition).
    fn campaign_on(&mut self, date: NaiveDate) -> Option<String> {
        if self.campaigns.is_empty() {
            return None;
        }
        let picked = self.rng.below(self.campaigns.len() as u32) as usize;
        let per_year = self.data.campaigns.len().max(1);
        let first = self.opts.reference.year() - 3;
        let year = (date.year() - first).clamp(0, 3) as usize;
        let index = year * per_year + picked % per_year;
        self.campaigns
            .get(index)
            .or(self.campaigns.get(picked))
            .cloned()
    }

    fn event(&mut self, tx: &mut Tx<'_, '_>, date: NaiveDate) -> Result<()> {
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
                0..=3 => EventStatus::Cancelled,
                4..=6 => EventStatus::Postponed,
                _ => EventStatus::Covered,
            }
        } else {
            EventStatus::Scheduled
        };
        let id = self.id(date);
        let dept = seed_id("department", &dept_key);
        let campaign = self
            .rng
            .chance(15)
            .then(|| self.campaign_on(date))
            .flatten();
        let event = EventInput {
            title: title.clone(),
            starts_at: starts.clone(),
            ends_at: ends,
            place,
            locality: loc.clone(),
            department_id: Some(dept.clone()),
            campaign_id: campaign.clone(),
            status,
            public: true,
            notes: String::new(),
            all_day: false,
            kind: EventKind::from_title(&title),
            uid: String::new(),
        };
        self.create(tx, &id, Record::Event(event))?;
        self.counts.events += 1;

        // Coverage: photo always; video and text often. Some upcoming events still lack it.
        let uncovered = date >= reference && !self.opts.grande && self.rng.chance(25);
        if !uncovered && status != EventStatus::Cancelled {
            let roles: &[(CoverageRole, usize)] = if self.opts.grande {
                &[(CoverageRole::Photo, 1)]
            } else {
                &[
                    (CoverageRole::Photo, 1),
                    (CoverageRole::Video, 2),
                    (CoverageRole::Text, 3),
                ]
            };
            for (i, (role, staff)) in roles.iter().enumerate() {
                if i > 0 && !self.rng.chance(50) {
                    continue;
                }
                let cstatus = if date < reference {
                    CoverageStatus::Delivered
                } else {
                    CoverageStatus::Assigned
                };
                let cid = self.id(date);
                let coverage = CoverageInput {
                    event_id: id.clone(),
                    staff_id: Some(self.staff[*staff].clone()),
                    role: *role,
                    status: cstatus,
                    note: String::new(),
                };
                self.create(tx, &cid, Record::Coverage(coverage))?;
            }
        }
        if status != EventStatus::Covered {
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
            report = Some(self.report(tx, date, &dept, &title, &loc, Some(&id), None)?);
        }
        for _ in 0..drafts {
            self.draft(
                tx,
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
                0 | 2 => (ArchiveKind::Photos, "Fotografías"),
                1 => (ArchiveKind::Video, "Video"),
                3 => (ArchiveKind::Document, "Lista de asistencia"),
                _ => (ArchiveKind::Interview, "Entrevista"),
            };
            let aid = self.id(date);
            let files = if kind == ArchiveKind::Photos {
                6 + self.rng.below(35)
            } else {
                1
            };
            let (series_id, expediente, stage) = self.filed(kind, date);
            let item = ArchiveItemInput {
                description: format!("{label} de la actividad en {loc}."),
                department_id: Some(dept.clone()),
                event_id: Some(id.clone()),
                files,
                place: loc.to_string(),
                series_id,
                expediente,
                stage,
                subjects: self.subjects(kind, &dept, &aid),
                ..ArchiveItemInput::new(kind, &format!("{label}: {title}"), &starts)
            };
            self.create(tx, &aid, Record::ArchiveItem(item))?;
            self.counts.archive_items += 1;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn report(
        &mut self,
        tx: &mut Tx<'_, '_>,
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
                ReportStatus::Received
            } else {
                ReportStatus::InDraft
            }
        } else if self.rng.chance(80) {
            ReportStatus::Used
        } else {
            ReportStatus::Discarded
        };
        let body = self
            .data
            .report_body
            .replace("{loc}", loc)
            .replace("{n}", &(20 + self.rng.below(300)).to_string());
        let id = self.id(received);
        let report = ReportInput {
            department_id: Some(dept.to_owned()),
            request_id: request.map(str::to_owned),
            event_id: event.map(str::to_owned),
            title: title.to_owned(),
            body,
            received_at: stamp(received, 15 + self.rng.below(5), 10 * self.rng.below(6)),
            status,
            // Most information arrives by WhatsApp; the day decides, not the random stream
            // (so the rest of the demo stays as it was).
            channel: Some(
                [
                    Via::WhatsApp,
                    Via::WhatsApp,
                    Via::Email,
                    Via::WhatsApp,
                    Via::Paper,
                    Via::InPerson,
                ][received.ordinal() as usize % 6],
            ),
            reason: if status == ReportStatus::Discarded {
                self.data.discard_reason.clone()
            } else {
                String::new()
            },
        };
        self.create(tx, &id, Record::Report(report))?;
        self.counts.reports += 1;
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    fn draft(
        &mut self,
        tx: &mut Tx<'_, '_>,
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
                0 => DraftStatus::Draft,
                1 => DraftStatus::Review,
                _ => DraftStatus::Approved,
            }
        } else if self.rng.chance(92) {
            DraftStatus::Published
        } else {
            DraftStatus::Discarded
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
        let approved = status.has_folio();
        let draft = DraftInput {
            title: title.to_owned(),
            body: body.clone(),
            kind: if release {
                DraftKind::Release
            } else {
                DraftKind::Post
            },
            status,
            written_at: written,
            topic: String::new(),
            report_id: report.map(str::to_owned),
            event_id: event.map(str::to_owned),
            campaign_id: campaign.map(str::to_owned),
            author_id: Some(author),
            approved_by: if approved {
                self.data.staff[0].0.clone()
            } else {
                String::new()
            },
            approved_at: if approved {
                stamp(date, hour, 50)
            } else {
                String::new()
            },
            review_comment: String::new(),
            scheduled_for: String::new(),
        };
        // A press release gets its folio from the store, as one approved in the console does.
        self.create(tx, &id, Record::Draft(draft))?;
        if matches!(status, DraftStatus::Draft | DraftStatus::Review) {
            self.open_drafts
                .push((id.clone(), title.to_owned(), status));
        }
        self.counts.drafts += 1;

        let short: String = format!("{title}. #TampamolónCorona")
            .chars()
            .take(270)
            .collect();
        let variants: Vec<(Channel, String)> = if self.opts.grande {
            vec![(Channel::Facebook, body.clone())]
        } else {
            vec![
                (Channel::Facebook, body.clone()),
                (Channel::X, short),
                (Channel::WhatsApp, format!("*{title}*\n{body}")),
            ]
        };
        for (channel, text_body) in &variants {
            let vid = self.id(date);
            let variant = VariantInput::new(&id, *channel, text_body);
            self.create(tx, &vid, Record::Variant(variant))?;
        }
        if status == DraftStatus::Published {
            let at = date + Duration::days((hour + 1 >= 20) as i64);
            let published = stamp(at, (hour + 1) % 20, 5);
            let mut channels: Vec<Channel> = variants
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| *c != Channel::WhatsApp)
                .collect();
            if release && !self.opts.grande {
                channels.push(Channel::Web);
            }
            for channel in channels {
                let pid = self.id(at);
                let url = format!(
                    "https://{}.ejemplo.mx/tampamolon/{}",
                    channel.code(),
                    &pid[pid.len() - 8..]
                );
                let publication = PublicationInput {
                    draft_id: id.clone(),
                    channel,
                    published_at: published.clone(),
                    url,
                };
                self.create(tx, &pid, Record::Publication(publication))?;
            }
            // The last weeks' releases went to the radio list person by person, so the
            // directory shows who was reached and when; older ones are the list's log only.
            let recent = !self.opts.grande && (self.opts.reference - at).num_days() < 30;
            if release && recent {
                self.deliver_to_radio(tx, &id, at, &published)?;
            } else if release {
                let did = self.id(at);
                let send = DistributionInput {
                    draft_id: id.clone(),
                    list_id: self.lists[0].clone(),
                    sent_at: published.clone(),
                    channel: SendChannel::Email,
                    notes: String::new(),
                };
                self.create(tx, &did, Record::Distribution(send))?;
            }
        }
        Ok(())
    }

    /// A release sent to the radio list: everyone on it reached, on the day it was published,
    /// except the one in twelve whose address bounced.
    fn deliver_to_radio(
        &mut self,
        tx: &mut Tx<'_, '_>,
        draft: &str,
        at: NaiveDate,
        published: &str,
    ) -> Result<()> {
        let id = self.id(at);
        let now = tx.time().to_owned();
        tx.set_time(published);
        let sent = tx.distribute(Some(&id), draft, &self.lists[1])?;
        let deliveries: Vec<String> = tx.deliveries_of(&sent.id)?;
        for (n, delivery) in deliveries.iter().enumerate() {
            if n % 12 == 5 {
                tx.deliver(delivery, DeliveryStatus::Failed, "550 buzón inexistente")?;
            } else {
                tx.deliver(delivery, DeliveryStatus::Sent, "")?;
            }
        }
        tx.set_time(&now);
        Ok(())
    }
}
