//! Rows every new database is born with: the usual municipal departments, default settings
//! and the electoral-blackout calendar. Their ids are UUIDv5 of a stable key and their ops are
//! authored by the seed replica with fixed clocks, so every new database holds the very same
//! ops for them and two databases created apart do not double them when they meet.
use super::error::Result;
use super::write::Author;
use super::{Store, Value};
use crate::domain::ids::seed_id;

/// (key, name, short name) of the departments a new database starts with.
pub const DEPARTMENTS: &[(&str, &str, &str)] = &[
    ("presidencia", "Presidencia Municipal", "Presidencia"),
    (
        "secretaria",
        "Secretaría General del Ayuntamiento",
        "Secretaría",
    ),
    ("tesoreria", "Tesorería Municipal", "Tesorería"),
    ("contraloria", "Contraloría Interna", "Contraloría"),
    ("obras", "Dirección de Obras Públicas", "Obras Públicas"),
    (
        "desarrollo-social",
        "Dirección de Desarrollo Social",
        "Desarrollo Social",
    ),
    ("dif", "Sistema Municipal DIF", "DIF"),
    (
        "proteccion-civil",
        "Coordinación de Protección Civil",
        "Protección Civil",
    ),
    (
        "seguridad",
        "Dirección de Seguridad Pública",
        "Seguridad Pública",
    ),
    ("salud", "Coordinación de Salud", "Salud"),
    ("educacion", "Dirección de Educación", "Educación"),
    ("cultura", "Casa de la Cultura", "Cultura"),
    ("deporte", "Coordinación del Deporte", "Deporte"),
    (
        "asuntos-indigenas",
        "Coordinación de Asuntos Indígenas",
        "Asuntos Indígenas",
    ),
    (
        "mujer",
        "Instancia Municipal de la Mujer",
        "Instancia de la Mujer",
    ),
    (
        "agropecuario",
        "Dirección de Desarrollo Agropecuario",
        "Desarrollo Agropecuario",
    ),
    (
        "ecologia",
        "Dirección de Ecología y Medio Ambiente",
        "Ecología",
    ),
    ("agua", "Organismo de Agua Potable", "Agua Potable"),
    (
        "registro-civil",
        "Oficialía del Registro Civil",
        "Registro Civil",
    ),
    ("comunicacion", "Comunicación Social", "Comunicación Social"),
];

/// The name of a preloaded department, by its key ("" for a key that is not one).
pub fn department_name(key: &str) -> &'static str {
    DEPARTMENTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, name, _)| name)
}

/// Default office-wide settings: (key, value).
pub const SETTINGS: &[(&str, &str)] = &[
    ("time_zone", "America/Mexico_City"),
    ("folio_prefix", "CS"),
    ("office_name", "Comunicación Social"),
    ("official_names", ""),
];

/// Electoral blackout periods (DESIGN §6): (key, name, from, to, allowed topics).
pub const VEDA: &[(&str, &str, &str, &str, &str)] = &[
    (
        "2022",
        "Veda electoral 2022",
        "2022-02-04",
        "2022-04-10",
        "educacion,salud,proteccion-civil,tramites-y-servicios",
    ),
    (
        "2024",
        "Veda electoral 2024",
        "2024-03-01",
        "2024-06-02",
        "educacion,salud,proteccion-civil,tramites-y-servicios",
    ),
];

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

pub(crate) fn preload(store: &mut Store) -> Result<()> {
    let (done, _) = store.transact(Author::Seed, "seed", |w| {
        for (i, (key, name, short)) in DEPARTMENTS.iter().enumerate() {
            w.insert(
                "departments",
                &seed_id("department", key),
                &[
                    ("name", text(name)),
                    ("short_name", text(short)),
                    ("sort", Value::Integer(i as i64)),
                ],
            )?;
        }
        for (key, value) in SETTINGS {
            w.insert(
                "settings",
                &seed_id("setting", key),
                &[("key", text(key)), ("value", text(value))],
            )?;
        }
        for (key, name, from, to, topics) in VEDA {
            w.insert(
                "veda_periods",
                &seed_id("veda", key),
                &[
                    ("name", text(name)),
                    ("starts_on", text(from)),
                    ("ends_on", text(to)),
                    ("allowed_topics", text(topics)),
                ],
            )?;
        }
        Ok(())
    })?;
    Ok(done)
}
