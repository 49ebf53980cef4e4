//! `prensa resumen` on the demo: the day's events with local times, place, status and
//! coverage, flagged when nobody covers them; as text within 80 columns and as JSON; a date it
//! cannot read is refused in Spanish.
mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn resumen(home: &Path, db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prensa"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8")
        .arg("--db")
        .arg(db)
        .arg("resumen")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_json_brief_lists_the_day_with_local_times_and_coverage() {
    let (dir, db) = demo_copy();
    let out = resumen(
        dir.path(),
        &db,
        &["--fecha", "2025-03-10", "--formato", "json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(brief["date"], "2025-03-10");
    assert_eq!(brief["date_text"], "lunes 10 de marzo de 2025");
    assert_eq!(brief["time_zone"], "America/Mexico_City");
    let events = brief["events"].as_array().unwrap();
    let honores = &events[0];
    assert_eq!(honores["title"], "Honores a la bandera");
    assert_eq!(
        (honores["starts"].as_str(), honores["ends"].as_str()),
        (Some("08:00"), Some("09:00"))
    );
    assert_eq!(honores["place"], "Explanada de la Presidencia");
    assert_eq!(honores["status_text"], "Programado");
    assert_eq!(honores["uncovered"], true);
    let covered = events
        .iter()
        .find(|e| !e["coverage"].as_array().unwrap().is_empty())
        .expect("an event with coverage");
    assert_eq!(covered["uncovered"], false);
    assert!(covered["coverage"][0]["person"].as_str().unwrap().len() > 3);
    assert_eq!(
        brief["uncovered"].as_u64().unwrap() as usize,
        events.iter().filter(|e| e["uncovered"] == true).count()
    );
    // Every event of that day, none of another.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: usize = conn
        .query_row(
            "SELECT count(*) FROM events WHERE deleted_at IS NULL AND starts_at LIKE '2025-03-10%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(events.len(), n);
}

#[test]
fn the_text_brief_fits_80_columns_and_flags_what_nobody_covers() {
    let (dir, db) = demo_copy();
    let out = resumen(dir.path(), &db, &["--fecha", "10/3/2025"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Agenda del lunes 10 de marzo de 2025\n"),
        "{text}"
    );
    assert!(
        text.contains("08:00–09:00  Honores a la bandera (Programado)"),
        "{text}"
    );
    assert!(text.contains("⚠ SIN COBERTURA"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    // Written to a file instead.
    let file = dir.path().join("resumen.txt");
    let out = resumen(
        dir.path(),
        &db,
        &["--fecha", "10/3/2025", "--salida", file.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn a_date_it_cannot_read_is_refused_in_spanish() {
    let (dir, db) = demo_copy();
    let before = std::fs::read(&db).unwrap();
    let out = resumen(dir.path(), &db, &["--fecha", "el día del juicio"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No se entiende la fecha «el día del juicio»"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "reading changes nothing"
    );
}
