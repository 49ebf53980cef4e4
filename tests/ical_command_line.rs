//! `prensa importar agenda` and `prensa exportar agenda` with the real binary: a preview, --si
//! to confirm, nothing written without a terminal and without --si (exit 1), a second import
//! that finds everything unchanged, and an export that is an RFC 5545 file (CRLF).
mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use prensa::store::Store;

/// The real binary, with the platform folders inside the test's temporary folder and no
/// terminal on standard input.
fn prensa(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prensa"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//prueba//ES\r\n\
BEGIN:VEVENT\r\nUID:informe@municipio.mx\r\nDTSTAMP:20250301T000000Z\r\n\
DTSTART;TZID=America/Mexico_City:20250306T100000\r\nDTEND;TZID=America/Mexico_City:20250306T120000\r\n\
SUMMARY:Informe de gobierno\\, primer año\r\nLOCATION:Teatro de la Ciudad\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:cabildo@municipio.mx\r\nDTSTAMP:20250301T000000Z\r\n\
DTSTART;TZID=America/Mexico_City:20250303T180000\r\nDTEND;TZID=America/Mexico_City:20250303T200000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4\r\nSUMMARY:Sesión de cabildo\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nSUMMARY:Sin fecha\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn events_in_march(db: &Path) -> usize {
    let store = Store::open(db, &common::options()).unwrap();
    let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    store
        .agenda(d("2025-03-01"), d("2025-04-01"))
        .unwrap()
        .len()
}

#[test]
fn import_asks_for_si_without_a_terminal_then_imports_once() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("prensa.sqlite");
    drop(Store::open(&db, &common::options()).unwrap());
    let ics = home.join("agenda.ics");
    std::fs::write(&ics, CALENDAR).unwrap();
    let (db_s, ics_s) = (db.to_str().unwrap(), ics.to_str().unwrap());

    // No terminal and no --si: the preview, nothing written, how to confirm, exit 1.
    let out = prensa(home, &["--db", db_s, "importar", "agenda", ics_s]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("Nuevos: 2"), "{said}");
    assert!(said.contains("Sin fecha"), "{said}");
    assert!(said.contains("--si"), "{said}");
    assert_eq!(events_in_march(&db), 0, "nothing was written");

    // --si: written.
    let out = prensa(home, &["--db", db_s, "importar", "agenda", ics_s, "--si"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("Importado: 2 nuevos"), "{said}");
    assert_eq!(events_in_march(&db), 5, "one event and four sessions");

    // Again, by its English name and as JSON: everything unchanged, nothing to confirm.
    let out = prensa(
        home,
        &["--db", db_s, "import", "agenda", ics_s, "--formato", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["counts"]["new"], 0, "{json}");
    assert_eq!(json["counts"]["updated"], 0, "{json}");
    assert_eq!(json["counts"]["unchanged"], 2, "{json}");
    assert_eq!(json["counts"]["skipped"], 1, "{json}");
    assert_eq!(events_in_march(&db), 5, "nothing doubled");

    // A file that is not a calendar: refused, exit 1.
    std::fs::write(home.join("nota.ics"), "hola").unwrap();
    let nota = home.join("nota.ics");
    let out = prensa(
        home,
        &["--db", db_s, "importar", "agenda", nota.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("BEGIN:VCALENDAR"), "{}", text(&out));
}

#[test]
fn export_writes_an_rfc_5545_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("prensa.sqlite");
    drop(Store::open(&db, &common::options()).unwrap());
    let ics = home.join("agenda.ics");
    std::fs::write(&ics, CALENDAR).unwrap();
    let (db_s, ics_s) = (db.to_str().unwrap(), ics.to_str().unwrap());
    let out = prensa(home, &["--db", db_s, "importar", "agenda", ics_s, "--si"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let salida = home.join("salida.ics");
    let out = prensa(
        home,
        &[
            "--db",
            db_s,
            "exportar",
            "agenda",
            "--desde",
            "2025-03-01",
            "--hasta",
            "31 de marzo de 2025",
            "--salida",
            salida.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("Exportados 2 eventos"),
        "{}",
        text(&out)
    );
    let written = std::fs::read_to_string(&salida).unwrap();
    assert!(written.starts_with("BEGIN:VCALENDAR\r\n"), "{written}");
    assert!(written.ends_with("END:VCALENDAR\r\n"), "{written}");
    assert!(
        written.split("\r\n").all(|line| !line.contains('\n')),
        "every line ends in CRLF: {written:?}"
    );
    assert!(
        written.contains("UID:cabildo@municipio.mx\r\n"),
        "{written}"
    );
    assert!(written.contains("RRULE:FREQ=WEEKLY"), "{written}");

    // Its English name; a day that is not a date is wrong usage (2); so is --hasta before
    // --desde. Nothing is written then.
    let otra = home.join("otra.ics");
    let args = |desde: &'static str, hasta: &'static str| {
        vec![
            "--db".to_owned(),
            db_s.to_owned(),
            "export".into(),
            "agenda".into(),
            "--desde".into(),
            desde.into(),
            "--hasta".into(),
            hasta.into(),
            "--salida".into(),
            otra.to_str().unwrap().to_owned(),
        ]
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        prensa(home, &a)
    };
    let out = run(args("el otro martes", "2025-03-31"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("no es una fecha"), "{}", text(&out));
    let out = run(args("2025-03-31", "2025-03-01"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!otra.exists());
    let out = run(args("2025-03-01", "2025-03-02"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(std::fs::read_to_string(&otra)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR\r\n"));
}

#[test]
fn a_calendar_with_no_events_is_said_so_not_called_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("prensa.sqlite");
    drop(Store::open(&db, &common::options()).unwrap());
    let ics = home.join("vacio.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//ES\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let out = prensa(
        home,
        &[
            "--db",
            db.to_str().unwrap(),
            "importar",
            "agenda",
            ics.to_str().unwrap(),
            "--si",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("no tiene eventos (ningún bloque VEVENT)"),
        "{}",
        text(&out)
    );
    assert!(!text(&out).contains("al día"), "{}", text(&out));
}
