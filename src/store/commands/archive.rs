//! Archive-only items (photos, video, interviews, documents), their tags, the classification
//! chart they are filed under, and the consents of the people who appear in them.
use rusqlite::{Connection, OptionalExtension};

use super::{opt, text, Fields, Tx};
use crate::domain::edit::{ArchiveItemInput, ClassificationInput, ConsentInput};
use crate::domain::ids::seed_id;
use crate::domain::status::{ArchiveKind, ArchiveStage, Subjects};
use crate::domain::text::fold;
use crate::store::error::{Result, StoreError};
use crate::store::Value;

pub(super) fn item_fields(a: &ArchiveItemInput) -> Fields {
    vec![
        ("kind", text(a.kind.code())),
        ("title", text(a.title.trim())),
        ("description", text(&a.description)),
        ("occurred_at", text(&a.occurred_at)),
        ("department_id", opt(&a.department_id)),
        ("event_id", opt(&a.event_id)),
        ("files", Value::Integer(a.files as i64)),
        ("place", text(a.place.trim())),
        ("people", text(a.people.trim())),
        ("report_id", opt(&a.report_id)),
        ("draft_id", opt(&a.draft_id)),
        ("series_id", opt(&a.series_id)),
        ("expediente", text(a.expediente.trim())),
        ("stage", text(a.stage.code())),
        ("subjects", text(a.subjects.code())),
    ]
}

pub(super) fn classification_fields(k: &ClassificationInput) -> Fields {
    vec![
        ("section_code", text(k.section_code.trim())),
        ("section_name", text(k.section_name.trim())),
        ("code", text(k.code.trim())),
        ("name", text(k.name.trim())),
        ("years", Value::Integer(i64::from(k.years))),
    ]
}

pub(super) fn consent_fields(c: &ConsentInput) -> Fields {
    vec![
        ("item_id", text(&c.item_id)),
        ("person", text(c.person.trim())),
        ("minor", Value::Integer(i64::from(c.minor))),
        ("given_by", text(c.given_by.trim())),
        ("purpose", text(c.purpose.trim())),
        ("valid_until", text(&c.valid_until)),
        ("document", text(c.document.trim())),
    ]
}

/// A tag's id: one per name as search sees it ("Obras" and "obras" are one tag), so that
/// machines tagging apart share their tags.
pub(crate) fn tag_id(name: &str) -> String {
    seed_id("tag", fold(name.trim()).as_str())
}

impl Tx<'_, '_> {
    /// Makes a record's tags exactly `names` (finding or making each tag).
    pub(super) fn set_tags(&mut self, table: &str, id: &str, names: &[String]) -> Result<()> {
        let wanted: Vec<(String, &str)> = names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .map(|n| (tag_id(n), n))
            .collect();
        for tagging in self.ids_where("taggings", "target_id", id)? {
            let tag = self.value("SELECT tag_id FROM taggings WHERE id = ?1", &tagging)?;
            let keep = matches!(&tag, Some(Value::Text(t)) if wanted.iter().any(|(w, _)| w == t));
            if !keep {
                self.w.delete("taggings", &tagging)?;
            }
        }
        for (tag, name) in wanted {
            self.ensure("tags", &tag, &[("name", text(name))])?;
            let tagging = seed_id("tagging", &format!("{table}:{id}:{tag}"));
            self.ensure(
                "taggings",
                &tagging,
                &[
                    ("tag_id", text(&tag)),
                    ("target_table", text(table)),
                    ("target_id", text(id)),
                ],
            )?;
        }
        Ok(())
    }
}

/// The tags of a record, by name.
pub(crate) fn tags_of(conn: &Connection, id: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT t.name FROM taggings g JOIN tags t ON t.id = g.tag_id
             WHERE g.target_id = ?1 AND g.deleted_at IS NULL AND t.deleted_at IS NULL
             ORDER BY t.name",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn read_item(conn: &Connection, id: &str) -> Result<ArchiveItemInput> {
    let mut item = conn
        .prepare_cached(
            "SELECT kind, title, description, occurred_at, department_id, event_id, files,
                    place, people, report_id, draft_id, series_id, expediente, stage, subjects
             FROM archive_items WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([id], |r| {
            Ok(ArchiveItemInput {
                kind: ArchiveKind::from_code(&r.get::<_, String>(0)?)
                    .unwrap_or(ArchiveKind::Document),
                title: r.get(1)?,
                description: r.get(2)?,
                occurred_at: r.get(3)?,
                department_id: r.get(4)?,
                event_id: r.get(5)?,
                files: r.get::<_, i64>(6)?.max(0) as u32,
                tags: Vec::new(),
                place: r.get(7)?,
                people: r.get(8)?,
                report_id: r.get(9)?,
                draft_id: r.get(10)?,
                series_id: r.get(11)?,
                expediente: r.get(12)?,
                stage: ArchiveStage::from_code(&r.get::<_, String>(13)?)
                    .unwrap_or(ArchiveStage::Active),
                subjects: Subjects::from_code(&r.get::<_, String>(14)?).unwrap_or(Subjects::Nobody),
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            table: "archive_items".into(),
            id: id.into(),
        })?;
    item.tags = tags_of(conn, id)?;
    Ok(item)
}

pub(crate) fn read_classification(conn: &Connection, id: &str) -> Result<ClassificationInput> {
    conn.prepare_cached(
        "SELECT section_code, section_name, code, name, years
         FROM classification WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(ClassificationInput {
            section_code: r.get(0)?,
            section_name: r.get(1)?,
            code: r.get(2)?,
            name: r.get(3)?,
            years: r.get::<_, i64>(4)?.clamp(0, i64::from(u32::MAX)) as u32,
        })
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        table: "classification".into(),
        id: id.into(),
    })
}

pub(crate) fn read_consent(conn: &Connection, id: &str) -> Result<ConsentInput> {
    conn.prepare_cached(
        "SELECT item_id, person, minor, given_by, purpose, valid_until, document
         FROM consents WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(ConsentInput {
            item_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            person: r.get(1)?,
            minor: r.get::<_, i64>(2)? != 0,
            given_by: r.get(3)?,
            purpose: r.get(4)?,
            valid_until: r.get(5)?,
            document: r.get(6)?,
        })
    })
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        table: "consents".into(),
        id: id.into(),
    })
}
