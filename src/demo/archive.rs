//! The archive's classification chart ("cuadro general de clasificación archivística") of a
//! municipal press office, and where each kind of item is filed in it.
use chrono::{Datelike, NaiveDate};

use super::Gen;
use crate::domain::edit::{ClassificationInput, ConsentInput, Record};
use crate::domain::status::{ArchiveKind, ArchiveStage, Subjects};
use crate::store::{Result, Tx};

/// (code, series, years in the office) of the Comunicación Social section.
const SERIES: &[(&str, &str, u32)] = &[
    ("CS.01", "Boletines y comunicados de prensa", 2),
    ("CS.02", "Registro fotográfico y de video", 2),
    ("CS.03", "Entrevistas y relación con medios", 2),
    ("CS.04", "Monitoreo de medios", 1),
    ("CS.05", "Agenda y eventos institucionales", 1),
    ("CS.06", "Informes y documentos de la dirección", 3),
];

impl Gen {
    /// The chart: one section, its series (ids made from their codes: the demo's random
    /// sequence is left as it was).
    pub(super) fn chart(&mut self, tx: &mut Tx<'_, '_>) -> Result<()> {
        for (code, name, years) in SERIES {
            let id = crate::domain::ids::seed_id("demo-series", code);
            let series = ClassificationInput {
                section_code: "1C".into(),
                section_name: "Comunicación Social".into(),
                code: (*code).into(),
                name: (*name).into(),
                years: *years,
            };
            self.create(tx, &id, Record::Classification(series))?;
            self.series.push(id);
        }
        Ok(())
    }

    /// Where an item of a kind, of a day, is filed: its series, its file (one per series and
    /// month), and its stage (what is older than its series' years has gone on to the
    /// municipal archive).
    pub(super) fn filed(
        &self,
        kind: ArchiveKind,
        date: NaiveDate,
    ) -> (Option<String>, String, ArchiveStage) {
        let at = match kind {
            ArchiveKind::Photos | ArchiveKind::Video | ArchiveKind::Activity => 1,
            ArchiveKind::Interview => 2,
            ArchiveKind::Clipping => 3,
            ArchiveKind::Document => 5,
        };
        let Some(id) = self.series.get(at) else {
            return (None, String::new(), ArchiveStage::Active);
        };
        let (code, _, years) = SERIES[at];
        let age = self.opts.reference.year() - date.year();
        let stage = if age >= years as i32 {
            ArchiveStage::Semiactive
        } else {
            ArchiveStage::Active
        };
        let file = format!("{code}/{}-{:02}", date.year(), date.month());
        (Some(id.clone()), file, stage)
    }

    /// Who can be recognised in the photos or video of an activity of a department: children
    /// at the DIF's and the schools' events; close-ups of people in one in ten of the rest
    /// (told by the item's id, so the demo's random sequence is not touched); else a crowd.
    pub(super) fn subjects(&self, kind: ArchiveKind, department: &str, item: &str) -> Subjects {
        let minors = [
            crate::domain::ids::seed_id("department", "dif"),
            crate::domain::ids::seed_id("department", "educacion"),
        ];
        let close_up = item.bytes().map(u32::from).sum::<u32>() % 10 == 0;
        match kind {
            ArchiveKind::Photos | ArchiveKind::Video if minors.iter().any(|d| d == department) => {
                Subjects::Minors
            }
            ArchiveKind::Photos | ArchiveKind::Video if close_up => Subjects::Adults,
            _ => Subjects::Nobody,
        }
    }

    /// The consents the office holds: for two in three of the items where people can be
    /// recognised, signed for the year (some of them already expired).
    pub(super) fn consents(&mut self, tx: &mut Tx<'_, '_>) -> Result<()> {
        let items: Vec<(String, String, bool)> = tx
            .reader()
            .prepare(
                "SELECT id, occurred_at, subjects = 'minors' FROM archive_items
                 WHERE subjects <> 'none' AND deleted_at IS NULL ORDER BY occurred_at, id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (n, (item, at, minor)) in items.into_iter().enumerate() {
            if n % 3 == 2 {
                continue;
            }
            let Ok(day) = NaiveDate::parse_from_str(at.get(..10).unwrap_or(""), "%Y-%m-%d") else {
                continue;
            };
            let person = self.name();
            let given_by = if minor {
                format!("{} (madre o padre)", self.name())
            } else {
                String::new()
            };
            let consent = ConsentInput {
                item_id: item,
                person,
                minor,
                given_by,
                purpose: "Difusión institucional en redes sociales y medios".into(),
                valid_until: format!("{}-12-31", day.year()),
                document: format!("Formato CS-07/{}/{:04}", day.year(), n + 1),
            };
            let id = self.id(day);
            self.create(tx, &id, Record::Consent(consent))?;
        }
        Ok(())
    }
}
