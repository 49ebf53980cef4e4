//! `prensa resumen` (alias `brief`) on the demo's morning, 2025-03-06: golden files of the four
//! formats, read as a press officer would (text within 80 columns, Markdown whose marks WhatsApp
//! pairs, HTML escaped and balanced); the format taken from `--formato`, its aliases, or
//! `--salida`'s extension; the JSON holding what the database holds; the HTML page opened in a
//! headless Chromium and its text checked; a date it cannot read refused in Spanish.
mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// The demo's morning.
const DAY: &str = "2025-03-06";

fn prensa(home: &Path, db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prensa"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn resumen(home: &Path, db: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["resumen"];
    all.extend_from_slice(args);
    prensa(home, db, &all)
}

/// What a successful run printed.
fn printed(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn brief(home: &Path, db: &Path, format: &str) -> String {
    printed(resumen(home, db, &["--fecha", DAY, "--formato", format]))
}

fn count(db: &Path, sql: &str) -> u64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Lines wider than 80 characters.
fn too_wide(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .map(|l| (l.chars().count(), l))
        .filter(|(n, _)| *n > 80)
        .collect()
}

/// Lines of Markdown where WhatsApp would find a mark without its pair.
fn unpaired(md: &str) -> Vec<&str> {
    md.lines()
        .filter(|l| {
            let outside: String = l.split("```").step_by(2).collect();
            outside.matches('*').count() % 2 == 1 || outside.matches('_').count() % 2 == 1
        })
        .collect()
}

/// The elements left open or closed out of turn in an HTML page (void elements aside).
fn unbalanced(html: &str) -> Vec<String> {
    const VOID: [&str; 4] = ["meta", "br", "img", "!doctype"];
    let mut open: Vec<String> = Vec::new();
    let mut wrong = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap()
            .to_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if tag.starts_with('/') {
            if open.pop().as_deref() != Some(name.as_str()) {
                wrong.push(format!("</{name}>"));
            }
        } else {
            open.push(name);
        }
    }
    wrong.extend(open.into_iter().map(|n| format!("<{n}> left open")));
    wrong
}

#[test]
fn the_text_brief_is_its_golden_file_and_fits_80_columns() {
    let (dir, db) = demo_copy();
    let text = brief(dir.path(), &db, "texto");
    insta::assert_snapshot!("resumen_texto", text);
    assert!(too_wide(&text).is_empty(), "{:#?}", too_wide(&text));
    assert!(
        text.starts_with(
            "RESUMEN DEL JUEVES 6 DE MARZO DE 2025\n\nAGENDA DE HOY — 3 eventos, 2 sin cobertura\n"
        ),
        "{text}"
    );
    // Uncovered events first, each marked on its line; who covers the others never cut off.
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[3].ends_with("⚠ SIN COBERTURA"), "{text}");
    assert!(lines[5].ends_with("⚠ SIN COBERTURA"), "{text}");
    assert_eq!(text.matches("⚠ SIN COBERTURA").count(), 2, "{text}");
    // Nothing cut: the only "…" are of the lines a section has and does not list.
    let cut: Vec<&str> = text
        .lines()
        .filter(|l| l.contains('…') && !l.trim_start().starts_with("… y "))
        .collect();
    assert!(cut.is_empty(), "nothing cut: {cut:#?}");
    for section in [
        "MAÑANA — 3 eventos",
        "SE PUBLICA HOY — 1 pieza",
        "POR APROBAR — 2 piezas",
        "REPORTES POR REVISAR —",
        "ÁREAS CON INFORMACIÓN VENCIDA — 5 áreas",
        "SOLICITUDES DE MEDIOS ABIERTAS — 1 solicitud",
        "MONITOREO — 4 notas negativas sin respuesta; 6 preguntas esperan más de 24 h",
        "PUBLICADO AYER — 2 publicaciones: Facebook 1, X 1",
        "Publicaciones en los últimos 14 días: 14 (1.0 al día)",
        "PUBLICACIONES POR ÁREA: MARZO (AL DÍA 6) CONTRA FEBRERO",
    ] {
        assert!(text.contains(section), "{section}: {text}");
    }
    assert!(
        text.contains("  13:00       Así quedó la liga infantil de fútbol"),
        "{text}"
    );
    // Another way of writing the day, and a file instead of the terminal.
    let file = dir.path().join("resumen.txt");
    assert_eq!(
        printed(resumen(
            dir.path(),
            &db,
            &["--fecha", "6/3/2025", "--salida", file.to_str().unwrap()]
        )),
        ""
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn the_markdown_brief_is_its_golden_file_and_pairs_every_mark_for_whatsapp() {
    let (dir, db) = demo_copy();
    let md = brief(dir.path(), &db, "md");
    insta::assert_snapshot!("resumen_md", md);
    assert!(
        md.starts_with("*Resumen del jueves 6 de marzo de 2025*\n"),
        "{md}"
    );
    assert!(
        md.contains("\n*Agenda de hoy* — 3 eventos, 2 sin cobertura\n"),
        "{md}"
    );
    assert!(
        md.contains("- 09:30–11:30 Festejo del Día del Niño en El Jobo *⚠ SIN COBERTURA*\n  _Auditorio municipal · El Jobo_\n"),
        "{md}"
    );
    assert!(unpaired(&md).is_empty(), "{:#?}", unpaired(&md));
    assert!(
        !md.contains("<") && !md.contains("**") && !md.contains('#'),
        "{md}"
    );
    // The same from its other name, from `--salida`'s extension, and from the English alias.
    assert_eq!(brief(dir.path(), &db, "markdown"), md);
    let file = dir.path().join("grupo.md");
    printed(resumen(
        dir.path(),
        &db,
        &["--fecha", DAY, "--salida", file.to_str().unwrap()],
    ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md);
    let english = printed(prensa(
        dir.path(),
        &db,
        &["brief", "--fecha", DAY, "--formato", "md"],
    ));
    assert_eq!(english, md);
}

#[test]
fn the_html_brief_is_its_golden_file_one_balanced_page_with_no_script() {
    let (dir, db) = demo_copy();
    let html = brief(dir.path(), &db, "html");
    insta::assert_snapshot!("resumen_html", html);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"es-MX\">"),
        "{html}"
    );
    assert!(html.contains("<h1>Resumen del jueves 6 de marzo de 2025</h1>"));
    assert!(unbalanced(&html).is_empty(), "{:?}", unbalanced(&html));
    for outside in ["<script", "src=", "href=", "http"] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    // Written to a file: `--formato` decides whatever the name says.
    let file = dir.path().join("proyector.txt");
    assert_eq!(
        printed(resumen(
            dir.path(),
            &db,
            &[
                "--fecha",
                DAY,
                "--formato",
                "html",
                "--salida",
                file.to_str().unwrap()
            ]
        )),
        ""
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), html);
    let by_name = dir.path().join("proyector.html");
    printed(resumen(
        dir.path(),
        &db,
        &["--fecha", DAY, "--salida", by_name.to_str().unwrap()],
    ));
    assert_eq!(std::fs::read_to_string(&by_name).unwrap(), html);
}

/// An office's own text with what HTML and WhatsApp read as markup, and longer than a line.
const HOSTILE: &str = "Foro «Agua & Vida» <b>2*1</b> en _todas_ las colonias de la cabecera municipal y sus rancherías";

#[test]
fn the_office_texts_are_escaped_in_html_and_never_pair_with_the_whatsapp_marks() {
    let (dir, db) = demo_copy();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let changed = conn
        .execute(
            "UPDATE events SET title = ?1 WHERE title = 'Festejo del Día del Niño en El Jobo'
             AND starts_at LIKE '2025-03-06%'",
            [HOSTILE],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let html = brief(dir.path(), &db, "html");
    assert!(
        html.contains("Foro «Agua &amp; Vida» &lt;b&gt;2*1&lt;/b&gt; en _todas_"),
        "{html}"
    );
    assert!(!html.contains("<b>"), "{html}");
    assert!(unbalanced(&html).is_empty(), "{:?}", unbalanced(&html));
    let md = brief(dir.path(), &db, "md");
    let line = md.lines().find(|l| l.contains("Foro «Agua")).unwrap();
    // Written as it is, and our mark beside it left plain so that nothing pairs with its own.
    assert_eq!(line, format!("- 09:30–11:30 {HOSTILE} ⚠ SIN COBERTURA"));
    assert!(
        md.contains("*⚠ SIN COBERTURA*"),
        "the other event keeps its mark"
    );
    let text = brief(dir.path(), &db, "texto");
    assert!(too_wide(&text).is_empty(), "{:#?}", too_wide(&text));
    let at = text.lines().position(|l| l.contains("Foro «Agua")).unwrap();
    let event: Vec<&str> = text.lines().skip(at).take(2).collect();
    assert!(
        event[0].starts_with("  09:30–11:30 Foro «Agua & Vida»"),
        "{text}"
    );
    assert!(
        event[1].starts_with("              ") && event[1].ends_with("⚠ SIN COBERTURA"),
        "{text}"
    );
}

#[test]
fn the_json_brief_is_its_golden_file_and_holds_what_the_database_holds() {
    let (dir, db) = demo_copy();
    let json = brief(dir.path(), &db, "json");
    insta::assert_snapshot!("resumen_json", json);
    let b: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(b["date"], DAY);
    assert_eq!(b["date_text"], "jueves 6 de marzo de 2025");
    assert_eq!(b["heading"], "Resumen del jueves 6 de marzo de 2025");
    assert_eq!(b["time_zone"], "America/Mexico_City");
    let live = |table: &str, rest: &str| {
        count(
            &db,
            &format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL AND {rest}"),
        )
    };
    let len = |v: &serde_json::Value| v.as_array().unwrap().len() as u64;

    // Today's events, the uncovered first; tomorrow's, in the agenda's order.
    let events = &b["events"];
    assert_eq!(len(events), live("events", "starts_at LIKE '2025-03-06%'"));
    assert_eq!(b["uncovered"], 2);
    assert_eq!(events[0]["uncovered"], true);
    assert_eq!(events[1]["uncovered"], true);
    assert_eq!(events[2]["uncovered"], false);
    assert_eq!(
        len(&b["tomorrow"]),
        live("events", "starts_at LIKE '2025-03-07%'")
    );
    let starts: Vec<&str> = b["tomorrow"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["starts"].as_str().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");

    // Pieces: waiting for approval, and going out today.
    assert_eq!(
        b["approvals_total"].as_u64().unwrap(),
        live("drafts", "status = 'review'")
    );
    assert_eq!(len(&b["approvals"]), 2);
    assert_eq!(
        len(&b["scheduled"]),
        live(
            "drafts",
            "status = 'scheduled' AND scheduled_for LIKE '2025-03-06%'"
        )
    );
    assert_eq!(b["scheduled"][0]["at"], "2025-03-06T13:00");
    assert_eq!(b["scheduled"][0]["kind_text"], "Publicación");

    // Reports waiting, by department, adding up.
    assert_eq!(
        b["reports_total"].as_u64().unwrap(),
        live("reports", "status = 'received'")
    );
    let by_department: u64 = b["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_department, b["reports_total"].as_u64().unwrap());

    // Departments owing information, the longest overdue first.
    let owing = b["owing"].as_array().unwrap();
    assert_eq!(
        owing.len() as u64,
        count(
            &db,
            "SELECT count(DISTINCT department_id) FROM requests WHERE deleted_at IS NULL
             AND status = 'pending' AND due_on <> '' AND due_on < '2025-03-06'"
        )
    );
    assert_eq!(owing[0]["department"], "Educación");
    assert_eq!(owing[0]["oldest_due_on"], "2025-01-07");

    // The media, what came out yesterday and by which channel.
    assert_eq!(
        b["media_requests_total"].as_u64().unwrap(),
        live("interviews", "status IN ('requested', 'scheduled')")
    );
    assert_eq!(len(&b["media_requests"]), 1);

    // Monitoring: negative notes with no published response piece and no response in words,
    // the newest first and four of them; questions open for more than a day by the day's end.
    assert_eq!(
        b["negative_unanswered_total"].as_u64().unwrap(),
        live(
            "clippings",
            "tone = 'negative' AND published_on <= '2025-03-06'
             AND coalesce((SELECT x.status FROM drafts x WHERE x.id = clippings.draft_id
                             AND x.deleted_at IS NULL), '') <> 'published'
             AND (trim(response) = '' OR EXISTS (SELECT 1 FROM drafts x
                    WHERE x.id = clippings.draft_id AND x.deleted_at IS NULL))"
        )
    );
    let negative = b["negative_unanswered"].as_array().unwrap();
    assert_eq!(negative.len(), 4);
    assert!(negative
        .windows(2)
        .all(|w| w[0]["published_on"].as_str() >= w[1]["published_on"].as_str()));
    assert_eq!(negative[0]["kind"], "news");
    assert!(!negative[0]["outlet_id"].as_str().unwrap().is_empty());
    assert_eq!(b["waiting_until"], "2025-03-07T00:00");
    assert_eq!(
        b["questions_waiting_total"].as_u64().unwrap(),
        live(
            "questions",
            "status IN ('open', 'routed') AND asked_at < '2025-03-06T00:00'"
        )
    );
    let question = &b["questions_waiting"][0];
    assert_eq!(question["status"], "open");
    assert_eq!(question["channel"], "facebook");
    assert_eq!(question["waiting_hours"], 59);
    let yesterday = live("publications", "published_at LIKE '2025-03-05%'");
    assert_eq!(b["published_yesterday_total"].as_u64().unwrap(), yesterday);
    assert_eq!(len(&b["published_yesterday"]), yesterday);
    let by_channel: u64 = b["published_by_channel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(by_channel, yesterday);

    // Fourteen days of publications, oldest first, up to yesterday.
    let days = b["publications_by_day"].as_array().unwrap();
    assert_eq!(days.len(), 14);
    assert_eq!(days[0]["date"], "2025-02-20");
    assert_eq!(days[13]["date"], "2025-03-05");
    assert_eq!(days[13]["count"].as_u64().unwrap(), yesterday);
    let fortnight: u64 = days.iter().map(|d| d["count"].as_u64().unwrap()).sum();
    assert_eq!(
        fortnight,
        live(
            "publications",
            "published_at >= '2025-02-20' AND published_at < '2025-03-06'"
        )
    );

    // The balance: every active department, this month's and last month's publications.
    let balance = &b["balance"];
    assert_eq!(balance["this_month"], "marzo (al día 6)");
    assert_eq!(balance["last_month"], "febrero");
    let departments = balance["departments"].as_array().unwrap();
    assert_eq!(departments.len() as u64, live("departments", "active = 1"));
    let mujer = departments
        .iter()
        .find(|d| d["department"] == "Instancia de la Mujer")
        .unwrap();
    let id = mujer["department_id"].as_str().unwrap();
    let about = format!(
        "SELECT count(*) FROM publications p JOIN drafts x ON x.id = p.draft_id
         LEFT JOIN reports r ON r.id = x.report_id LEFT JOIN events e ON e.id = x.event_id
         LEFT JOIN campaigns c ON c.id = x.campaign_id
         WHERE p.deleted_at IS NULL
           AND coalesce(r.department_id, e.department_id, c.department_id) = '{id}'"
    );
    assert_eq!(
        mujer["this_month"].as_u64().unwrap(),
        count(
            &db,
            &format!(
                "{about} AND p.published_at >= '2025-03-01' AND p.published_at < '2025-03-07'"
            )
        )
    );
    assert_eq!(
        mujer["last_month"].as_u64().unwrap(),
        count(
            &db,
            &format!(
                "{about} AND p.published_at >= '2025-02-01' AND p.published_at < '2025-03-01'"
            )
        )
    );
    assert_eq!(mujer["this_month"], 2);

    // The sections as the other formats say them.
    let sections: Vec<(&str, &str, bool)> = b["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["summary"].as_str().unwrap(),
                s["alert"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(sections[0], ("hoy", "3 eventos, 2 sin cobertura", true));
    let ids: Vec<&str> = sections.iter().map(|s| s.0).collect();
    assert_eq!(
        ids,
        [
            "hoy",
            "manana",
            "programado",
            "por-aprobar",
            "reportes",
            "areas-vencidas",
            "medios",
            "monitoreo",
            "publicado-ayer"
        ]
    );
    assert_eq!(
        sections[7],
        (
            "monitoreo",
            "4 notas negativas sin respuesta; 6 preguntas esperan más de 24 h",
            true
        )
    );
    assert_eq!(b["sections"][2]["title"], "Se publica hoy");
    assert_eq!(b["sections"][5]["alert"], true);
}

#[test]
fn the_json_brief_lists_the_day_with_local_times_and_coverage() {
    let (dir, db) = demo_copy();
    let b: serde_json::Value = serde_json::from_str(&printed(resumen(
        dir.path(),
        &db,
        &["--fecha", "2025-03-10", "--formato", "json"],
    )))
    .unwrap();
    assert_eq!(b["date"], "2025-03-10");
    assert_eq!(b["date_text"], "lunes 10 de marzo de 2025");
    assert_eq!(b["time_zone"], "America/Mexico_City");
    let events = b["events"].as_array().unwrap();
    let honores = events
        .iter()
        .find(|e| e["title"] == "Honores a la bandera")
        .expect("the Monday flag ceremony");
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
        b["uncovered"].as_u64().unwrap() as usize,
        events.iter().filter(|e| e["uncovered"] == true).count()
    );
    // The uncovered first.
    let flags: Vec<bool> = events.iter().map(|e| e["uncovered"] == true).collect();
    assert!(flags.windows(2).all(|w| w[0] >= w[1]), "{flags:?}");
    // Every event of that day, none of another.
    assert_eq!(
        events.len() as u64,
        count(
            &db,
            "SELECT count(*) FROM events WHERE deleted_at IS NULL AND starts_at LIKE '2025-03-10%'"
        )
    );
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

#[test]
fn a_file_from_an_older_prensa_is_refused_unchanged_with_what_to_do() {
    let (dir, db) = demo_copy();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        conn.pragma_update(None, "user_version", version - 1)
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let out = resumen(dir.path(), &db, &["--fecha", "2025-03-06"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("es de una versión anterior de prensa")
            && err.contains("Ábrala una vez en la consola"),
        "{err}"
    );
    assert!(!err.contains("SELECT"), "no SQL for the user: {err}");
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&db).unwrap(), before, "not touched");
}

#[test]
fn the_output_is_never_written_over_a_database() {
    let (dir, db) = demo_copy();
    let before = std::fs::read(&db).unwrap();
    for target in [db.clone(), dir.path().join("otra.sqlite")] {
        if target != db {
            std::fs::copy(&db, &target).unwrap();
        }
        let out = resumen(
            dir.path(),
            &db,
            &[
                "--fecha",
                "2025-03-06",
                "--salida",
                &target.display().to_string(),
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("ahí hay una base de datos y no se reemplaza"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&target).unwrap(),
            before,
            "{}",
            target.display()
        );
    }
}

#[test]
fn today_is_the_office_day_in_its_time_zone_for_the_console_and_the_brief() {
    let (dir, db) = demo_copy();
    // Kiritimati is fourteen hours ahead of UTC: its day is never the machine's in UTC-11.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE settings SET value = 'Pacific/Kiritimati' WHERE key = 'time_zone'",
            [],
        )
        .unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_prensa"))
        .env("TZ", "Pacific/Pago_Pago")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .args([
            "--db",
            &db.display().to_string(),
            "resumen",
            "--formato",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kiritimati = (chrono::Utc::now() + chrono::Duration::hours(14)).date_naive();
    assert_eq!(brief["date"], kiritimati.format("%Y-%m-%d").to_string());
    let store = prensa::store::Store::open(&db, &options()).unwrap();
    assert_eq!(prensa::app::run::office_now(&store).date(), kiritimati);
}

#[test]
fn a_department_without_a_short_name_and_a_crowd_of_reports_elsewhere_read_right() {
    let (_dir, db) = demo_copy();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        // Salud loses its short name; Cultura gets 250 reports waiting, newer than the rest.
        conn.execute(
            "UPDATE departments SET short_name = '' WHERE short_name = 'Salud'",
            [],
        )
        .unwrap();
        let cultura: String = conn
            .query_row(
                "SELECT id FROM departments WHERE short_name = 'Cultura'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        for i in 0..250 {
            conn.execute(
                "INSERT INTO reports (id, created_at, updated_at, department_id, title,
                                      received_at, status)
                 VALUES (?1, '2025-03-06T09:00', '2025-03-06T09:00', ?2, ?3,
                         '2025-03-06T09:30', 'received')",
                rusqlite::params![format!("r{i:03}"), cultura, format!("Reporte {i}")],
            )
            .unwrap();
        }
    }
    let store = prensa::store::Store::open(&db, &options()).unwrap();
    let b = store.briefing(reference()).unwrap();
    let names: Vec<&str> = b.reports.iter().map(|w| w.department.as_str()).collect();
    assert!(names.contains(&"Coordinación de Salud"), "{names:?}");
    assert!(b.balance.iter().all(|r| !r.department.is_empty()));
    // Every department names its newest reports, however many Cultura has.
    for w in &b.reports {
        assert_eq!(w.latest.len() as u64, w.count.min(3), "{}", w.department);
    }
    assert_eq!(b.reports_total, 253);
}

/// What a script in the page finds once it is laid out: the text a reader sees, the section
/// titles, the marks, the balance's rows and the drawn width of each bar, and whether the page
/// is wider than the window.
const PROBE: &str = r#"<script>
window.addEventListener('load', function () {
  var all = function (sel, f) { return Array.prototype.map.call(document.querySelectorAll(sel), f); };
  var text = function (e) { return e.textContent; };
  var found = {
    text: document.body.innerText,
    titles: all('h2', text),
    marks: all('.marca', text),
    rows: all('#balance tr', function (r) { return Array.prototype.map.call(r.cells, text); }),
    bars: all('#balance tr', function (r) {
      return Array.prototype.map.call(r.querySelectorAll('.barra'), function (b) { return b.getBoundingClientRect().width; });
    }),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    elements: document.querySelectorAll('b, img, a, iframe').length
  };
  var pre = document.createElement('pre');
  pre.id = 'resultado';
  pre.textContent = JSON.stringify(found);
  document.body.appendChild(pre);
});
</script>
"#;

#[test]
fn the_html_brief_reads_right_in_chromium_and_fits_a_projector() {
    let (dir, db) = demo_copy();
    let page = dir.path().join("resumen.html");
    printed(resumen(
        dir.path(),
        &db,
        &["--fecha", DAY, "--salida", page.to_str().unwrap()],
    ));
    let Some(found) = in_chromium(&page, PROBE, 1280) else {
        return;
    };
    let text = found["text"].as_str().unwrap();
    // What a reader sees on the screen, in order.
    let expected = [
        "Resumen del jueves 6 de marzo de 2025",
        "Agenda de hoy — 3 eventos, 2 sin cobertura",
        "Festejo del Día del Niño en El Jobo ⚠ SIN COBERTURA",
        "Auditorio municipal · El Jobo",
        "Mañana — 3 eventos",
        "Se publica hoy — 1 pieza",
        "Así quedó la liga infantil de fútbol",
        "Por aprobar — 2 piezas",
        "Reportes por revisar",
        "Áreas con información vencida — 5 áreas",
        "Solicitudes de medios abiertas — 1 solicitud",
        "Monitoreo — 4 notas negativas sin respuesta; 6 preguntas esperan más de 24 h",
        "Vecinos de Tanchanaco se quejan de obra inconclusa ⚠ SIN RESPUESTA",
        "¿Hay despensas para adultos mayores en Los Cerritos? ⚠ SIN TURNAR",
        "Publicado ayer — 2 publicaciones: Facebook 1, X 1",
        "Publicaciones en los últimos 14 días: 14 (1.0 al día)",
        "Publicaciones por área: marzo (al día 6) contra febrero",
        "Sin publicaciones este mes:",
    ];
    let mut from = 0;
    for phrase in expected {
        let at = text[from..]
            .find(phrase)
            .unwrap_or_else(|| panic!("«{phrase}» not on the page after byte {from}:\n{text}"));
        from += at + phrase.len();
    }
    let titles: Vec<&str> = found["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 11, "{titles:?}");
    assert_eq!(titles[0], "Agenda de hoy — 3 eventos, 2 sin cobertura");
    let marks: Vec<&str> = found["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(
        marks.iter().filter(|m| **m == "⚠ SIN COBERTURA").count(),
        2,
        "{marks:?}"
    );
    // The balance: a header and a row per department, each number beside a bar drawn to scale.
    let rows = found["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 21, "{rows:?}");
    assert_eq!(rows[0][1], "marzo (al día 6)");
    assert_eq!(rows[0][2], "febrero");
    let mujer = rows
        .iter()
        .position(|r| r[0] == "Instancia de la Mujer")
        .unwrap();
    assert_eq!(rows[mujer][1], "2");
    assert_eq!(rows[mujer][3], "0");
    let bars = found["bars"].as_array().unwrap();
    let width = |row: usize, bar: usize| bars[row][bar].as_f64().unwrap();
    assert!(width(mujer, 0) > 20.0, "a bar for 2 is drawn: {bars:?}");
    assert_eq!(width(mujer, 1), 0.0, "none for 0: {bars:?}");
    let indigenas = rows
        .iter()
        .position(|r| r[0] == "Asuntos Indígenas")
        .unwrap();
    assert_eq!(rows[indigenas][3], "6");
    assert!(
        (width(indigenas, 1) / width(mujer, 0) - 3.0).abs() < 0.1,
        "6 is three times 2: {bars:?}"
    );
    // One page wide on a 1280-pixel projector, and nothing but text and boxes.
    assert!(
        found["scrollWidth"].as_u64() <= found["clientWidth"].as_u64(),
        "wider than the window: {found}"
    );
    assert_eq!(found["elements"], 0);
}

#[test]
fn monitoreo_names_unanswered_negative_notes_and_questions_waiting_a_day_in_every_format() {
    use prensa::domain::edit::{
        ClippingInput, Command as Edit, DraftInput, OutletInput, QuestionInput, Record, RecordKind,
        Target,
    };
    use prensa::domain::status::{Channel, ClippingKind, OutletKind, QuestionStatus, Tone};
    let (dir, db, mut store) = new_store();
    let outlet = create_record(
        &mut store,
        Record::Outlet(OutletInput {
            name: "Voz & <Huasteca>".into(),
            kind: OutletKind::Digital,
            city: String::new(),
            region: String::new(),
            email: String::new(),
            phone: String::new(),
            website: String::new(),
            notes: String::new(),
        }),
    );
    let note = ClippingInput {
        outlet_id: Some(outlet),
        kind: ClippingKind::News,
        title: "Critican retraso en entrega de apoyos".into(),
        url: String::new(),
        published_on: "2025-03-05".into(),
        tone: Tone::Negative,
        summary: String::new(),
        topic: String::new(),
        department_id: None,
        quoted_id: None,
        response: String::new(),
        draft_id: None,
    };
    let negative = create_record(&mut store, Record::Clipping(note.clone()));
    let question = |asked_at: &str, text: &str| QuestionInput {
        channel: Channel::WhatsApp,
        asked_at: asked_at.into(),
        question: text.into(),
        topic: String::new(),
        department_id: None,
        status: QuestionStatus::Open,
        answer_id: None,
        response: String::new(),
        answered_at: String::new(),
    };
    // The day gone by is read as that evening: 30 hours, then 2.
    let waiting = create_record(
        &mut store,
        Record::Question(question("2025-03-05T18:00", "¿Dónde se paga el predial?")),
    );
    create_record(
        &mut store,
        Record::Question(question(
            "2025-03-06T22:00",
            "¿A qué hora abre el Registro Civil?",
        )),
    );
    create_record(
        &mut store,
        Record::Question(QuestionInput {
            status: QuestionStatus::Answered,
            response: "En la Tesorería".into(),
            answered_at: "2025-03-05T12:00".into(),
            ..question("2025-03-04T09:00", "¿Hasta cuándo hay descuento?")
        }),
    );

    let text = brief(dir.path(), &db, "texto");
    assert!(too_wide(&text).is_empty(), "{:#?}", too_wide(&text));
    let at = text
        .lines()
        .position(|l| l.starts_with("MONITOREO — "))
        .unwrap();
    // The question asked 2 hours before the day's end and the one answered are not there.
    let section: Vec<&str> = text
        .lines()
        .skip(at)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        section,
        [
            "MONITOREO — 1 nota negativa sin respuesta; 1 pregunta espera más de 24 h",
            "  05/03       Critican retraso en entrega de apoyos  ⚠ SIN RESPUESTA",
            "              Voz & <Huasteca> · Nota",
            "  30 h        ¿Dónde se paga el predial?  ⚠ SIN TURNAR",
            "              WhatsApp",
        ],
        "{text}"
    );
    // After the media requests, before what was published.
    let media = text.find("SOLICITUDES DE MEDIOS ABIERTAS").unwrap();
    let published = text.find("PUBLICADO AYER").unwrap();
    assert!(media < text.find("MONITOREO").unwrap() && text.find("MONITOREO").unwrap() < published);

    let md = brief(dir.path(), &db, "md");
    assert!(unpaired(&md).is_empty(), "{:?}", unpaired(&md));
    assert!(
        md.contains("- 30 h ¿Dónde se paga el predial? *⚠ SIN TURNAR*\n  _WhatsApp_"),
        "{md}"
    );
    let html = brief(dir.path(), &db, "html");
    assert!(unbalanced(&html).is_empty(), "{:?}", unbalanced(&html));
    assert!(html.contains("Voz &amp; &lt;Huasteca&gt; · Nota"), "{html}");
    assert!(
        html.contains("<section id=\"monitoreo\" class=\"alerta\">"),
        "{html}"
    );

    let json: serde_json::Value = serde_json::from_str(&brief(dir.path(), &db, "json")).unwrap();
    assert_eq!(json["negative_unanswered_total"], 1);
    assert_eq!(json["negative_unanswered"][0]["id"], negative.as_str());
    assert_eq!(json["negative_unanswered"][0]["outlet"], "Voz & <Huasteca>");
    assert_eq!(json["negative_unanswered"][0]["response_id"], "");
    assert_eq!(json["waiting_until"], "2025-03-07T00:00");
    assert_eq!(json["questions_waiting_total"], 1);
    let q = &json["questions_waiting"][0];
    assert_eq!(q["id"], waiting.as_str());
    assert_eq!(q["waiting_hours"], 30);
    assert_eq!(q["channel"], "whatsapp");
    assert_eq!(q["status"], "open");

    // The office answers with a piece; once it is published the note leaves the brief.
    let piece = create_record(
        &mut store,
        Record::Draft(DraftInput::new(
            "Aclaración sobre la entrega de apoyos",
            "Los apoyos se entregan desde el lunes.",
            "2025-03-06T08:00",
        )),
    );
    store
        .execute(&Edit::Update {
            id: negative.clone(),
            record: Record::Clipping(ClippingInput {
                draft_id: Some(piece.clone()),
                ..note
            }),
        })
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&brief(dir.path(), &db, "json")).unwrap();
    assert_eq!(
        json["negative_unanswered"][0]["response_id"],
        piece.as_str()
    );
    for status in ["review", "approved", "published"] {
        store
            .execute(&Edit::SetStatus {
                target: Target::new(RecordKind::Draft, piece.clone()),
                status: status.into(),
            })
            .unwrap();
    }
    let text = brief(dir.path(), &db, "texto");
    assert!(
        text.contains("MONITOREO — 1 pregunta espera más de 24 h\n"),
        "{text}"
    );
    assert!(!text.contains("Critican retraso"), "{text}");
}
