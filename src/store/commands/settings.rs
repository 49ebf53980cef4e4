//! What the office configures for its press releases and for the compliance checks: the
//! header, place and contact line of a boletín, its folio prefix, the names and phrases Art. 134
//! warns about, and the electoral blackout periods.
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::drafts::FOLIO_PREFIX_SETTING;
use super::{text, Tx};
use crate::domain::compliance::{Rules, Veda, PHRASES, VEDA_TOPICS};
use crate::domain::edit::{Invalid, OfficeInput, Problem};
use crate::domain::folio::PREFIX;
use crate::domain::ids::seed_id;
use crate::store::error::{Result, StoreError};

/// The settings a press release prints: the office's header (one or more lines), the place
/// it is issued in, and how media reach the office.
pub const OFFICE_HEADER: &str = "office_header";
pub const OFFICE_PLACE: &str = "office_place";
pub const OFFICE_CONTACT: &str = "office_contact";

/// The setting that holds the phrases Art. 134 warns about (one per line).
pub const PHRASES_SETTING: &str = "personal_phrases";
/// The setting that holds the officials' names and titles (one per line).
pub const OFFICIALS_SETTING: &str = "official_names";

/// An office-wide setting, if it was ever written (and not removed).
pub(crate) fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([seed_id("setting", key)], |r| r.get(0))
        .optional()?)
}

/// What the office configured for the compliance checks: officials, phrases, blackouts.
pub(crate) fn rules(conn: &Connection) -> Result<Rules> {
    let setting = |key: &str| setting(conn, key);
    let officials = Rules::list(&setting(OFFICIALS_SETTING)?.unwrap_or_default());
    let phrases = match setting(PHRASES_SETTING)? {
        Some(p) => Rules::list(&p),
        None => PHRASES.iter().map(|p| (*p).to_owned()).collect(),
    };
    let vedas = conn
        .prepare_cached(
            "SELECT name, starts_on, ends_on, allowed_topics FROM veda_periods
             WHERE deleted_at IS NULL ORDER BY starts_on",
        )?
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(|(name, from, to, allowed)| {
            Some(Veda {
                name,
                from: NaiveDate::parse_from_str(&from, "%Y-%m-%d").ok()?,
                to: NaiveDate::parse_from_str(&to, "%Y-%m-%d").ok()?,
                allowed: Rules::list(&allowed),
            })
        })
        .collect();
    Ok(Rules {
        officials,
        phrases,
        vedas,
    })
}

/// The live blackout periods: (id, from, to, name), in order.
fn vedas_of(conn: &Connection) -> Result<Vec<(String, NaiveDate, NaiveDate, String)>> {
    let rows: Vec<(String, String, String, String)> = conn
        .prepare_cached(
            "SELECT id, starts_on, ends_on, name FROM veda_periods
             WHERE deleted_at IS NULL ORDER BY starts_on, id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, from, to, name)| {
            Some((
                id,
                NaiveDate::parse_from_str(&from, "%Y-%m-%d").ok()?,
                NaiveDate::parse_from_str(&to, "%Y-%m-%d").ok()?,
                name,
            ))
        })
        .collect())
}

/// What the office configured, as its settings form shows it.
pub(crate) fn office_settings(conn: &Connection) -> Result<OfficeInput> {
    let setting = |key: &str| setting(conn, key);
    let value = |key: &str| -> Result<String> { Ok(setting(key)?.unwrap_or_default()) };
    Ok(OfficeInput {
        header: match value(OFFICE_HEADER)? {
            h if h.trim().is_empty() => value("office_name")?,
            h => h,
        },
        place: value(OFFICE_PLACE)?,
        contact: value(OFFICE_CONTACT)?,
        folio_prefix: match value(FOLIO_PREFIX_SETTING)? {
            p if p.trim().is_empty() => PREFIX.to_owned(),
            p => p,
        },
        officials: value(OFFICIALS_SETTING)?,
        phrases: setting(PHRASES_SETTING)?.unwrap_or_else(|| PHRASES.join("\n")),
        vedas: vedas_of(conn)?
            .into_iter()
            .map(|(_, from, to, name)| (from, to, name))
            .collect(),
    })
}

impl Tx<'_, '_> {
    /// Writes what the office configured: each setting, and the blackout periods (a period
    /// kept by its dates keeps its row; one gone is deleted; a new one gets the id of its
    /// dates, so two machines that add the same period hold one row).
    pub fn set_office(&mut self, o: &OfficeInput) -> Result<()> {
        let prefix = o.folio_prefix.trim();
        if prefix.is_empty() || prefix.contains(['/', '\n']) {
            return Err(StoreError::Invalid(Invalid {
                field: "folio_prefix",
                problem: Problem::NotAllowed,
            }));
        }
        for (key, value) in [
            (OFFICE_HEADER, o.header.trim()),
            (OFFICE_PLACE, o.place.trim()),
            (OFFICE_CONTACT, o.contact.trim()),
            (FOLIO_PREFIX_SETTING, prefix),
            (OFFICIALS_SETTING, o.officials.trim()),
            (PHRASES_SETTING, o.phrases.trim()),
        ] {
            self.set_setting(key, value)?;
        }
        let stored = vedas_of(self.w.conn())?;
        for (id, from, to, _) in &stored {
            if !o.vedas.iter().any(|(f, t, _)| f == from && t == to) {
                self.w.delete("veda_periods", id)?;
            }
        }
        for (from, to, name) in &o.vedas {
            let fields = [
                ("name", text(name.trim())),
                ("starts_on", text(&from.to_string())),
                ("ends_on", text(&to.to_string())),
            ];
            match stored.iter().find(|(_, f, t, _)| f == from && t == to) {
                Some((id, _, _, old)) if old != name.trim() => {
                    self.w.update("veda_periods", id, &fields)?;
                }
                Some(_) => {}
                None => {
                    let id = seed_id("veda", &format!("{from}/{to}"));
                    let mut fields = fields.to_vec();
                    fields.push(("allowed_topics", text(VEDA_TOPICS)));
                    // A period removed and written again comes back with its new name.
                    self.ensure("veda_periods", &id, &fields)?;
                    self.w.update("veda_periods", &id, &fields)?;
                }
            }
        }
        Ok(())
    }
}
