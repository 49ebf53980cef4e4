//! The demo's morning: what waits on the reference day when the team meets — reports that came
//! in last evening and this morning, two pieces waiting for approval, one scheduled to go out
//! at one o'clock. Written last, with ids of their own (the demo's random sequence is untouched),
//! so that Hoy and `prensa resumen` have every section to show.
use chrono::Duration;

use super::{stamp, Gen};
use crate::domain::edit::{DraftInput, Record, ReportInput, VariantInput};
use crate::domain::ids::seed_id;
use crate::domain::status::{Channel, DraftKind, DraftStatus, ReportStatus, Via};
use crate::store::{Result, Tx};

/// (key, department, title, received: days back and hour, how it came).
const REPORTS: [(&str, &str, &str, i64, u32, Via); 6] = [
    (
        "bacheo",
        "obras",
        "Bacheo de la calle Hidalgo, en la cabecera",
        1,
        18,
        Via::WhatsApp,
    ),
    (
        "pozo",
        "obras",
        "Rehabilitación del pozo de agua de Tampacoy",
        0,
        8,
        Via::Email,
    ),
    (
        "despensas",
        "dif",
        "Entrega de despensas a adultos mayores de La Lima",
        1,
        17,
        Via::WhatsApp,
    ),
    (
        "alumbrado",
        "obras",
        "Cambio de luminarias en la colonia Centro",
        1,
        16,
        Via::Paper,
    ),
    (
        "vacunacion",
        "salud",
        "Jornada de vacunación antirrábica en Tancuime",
        0,
        7,
        Via::WhatsApp,
    ),
    (
        "liga",
        "deporte",
        "Resultados de la liga infantil de fútbol",
        2,
        19,
        Via::WhatsApp,
    ),
];

impl Gen {
    pub(super) fn morning(&mut self, tx: &mut Tx<'_, '_>) -> Result<()> {
        let today = self.opts.reference;
        let id = |key: &str| seed_id("demo-morning", &format!("{key}-{today}"));
        for (key, department, title, back, hour, via) in REPORTS {
            let status = if key == "liga" {
                ReportStatus::Used
            } else {
                ReportStatus::Received
            };
            let report = ReportInput {
                department_id: Some(seed_id("department", department)),
                request_id: None,
                event_id: None,
                title: title.to_owned(),
                body: format!("{title}. Se anexan fotografías y la relación de beneficiarios."),
                received_at: stamp(today - Duration::days(back), hour, 10),
                status,
                channel: Some(via),
                reason: String::new(),
            };
            tx.create(Some(&id(&format!("report-{key}"))), &Record::Report(report))?;
            self.counts.reports += 1;
        }
        let author = self.staff.get(3).cloned();
        let approver = self
            .data
            .staff
            .first()
            .map(|s| s.0.clone())
            .unwrap_or_default();
        let pieces = [
            (
                "bacheo",
                "Obras Públicas concluye el bacheo de la calle Hidalgo",
                DraftKind::Post,
                DraftStatus::Review,
                "",
            ),
            (
                "despensas",
                "El DIF entrega despensas a 120 adultos mayores de La Lima",
                DraftKind::Release,
                DraftStatus::Review,
                "",
            ),
            (
                "liga",
                "Así quedó la liga infantil de fútbol: ¡felicidades a los campeones!",
                DraftKind::Post,
                DraftStatus::Scheduled,
                "13:00",
            ),
        ];
        for (key, title, kind, status, at) in pieces {
            let mut draft = DraftInput::new(
                title,
                &format!("{title}. #TampamolónCorona"),
                &stamp(today, 8, 20),
            );
            draft.kind = kind;
            draft.status = status;
            draft.report_id = Some(id(&format!("report-{key}")));
            draft.author_id = author.clone();
            if status == DraftStatus::Scheduled {
                draft.approved_by = approver.clone();
                draft.approved_at = stamp(today, 8, 40);
                draft.scheduled_for = format!("{}T{at}", today.format("%Y-%m-%d"));
            }
            let draft_id = id(&format!("draft-{key}"));
            tx.create(Some(&draft_id), &Record::Draft(draft))?;
            let variant = VariantInput::new(&draft_id, Channel::Facebook, title);
            tx.create(
                Some(&id(&format!("variant-{key}"))),
                &Record::Variant(variant),
            )?;
            self.counts.drafts += 1;
        }
        Ok(())
    }
}
