//! Archive-only items (photos, video, interviews, documents) and their tags.
use rusqlite::{Connection, OptionalExtension};

use super::{opt, text, Fields, Tx};
use crate::domain::edit::ArchiveItemInput;
use crate::domain::ids::seed_id;
use crate::domain::status::ArchiveKind;
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
    ]
}

/// A tag's id: one per name as search sees it ("Obras" and "obras" are one tag), so that
/// machines tagging apart share their tags.
fn tag_id(name: &str) -> String {
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
            "SELECT kind, title, description, occurred_at, department_id, event_id, files
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
