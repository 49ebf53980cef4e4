//! Reach: Meta's per-post insights CSV imported onto the office's publications — matched by
//! address, or by time and words, never by a guess — written once (a second import writes
//! nothing), refused whole when the file is not an export, from the command line too; and a
//! month's totals per department, campaign and channel.
mod common;

use std::path::Path;

use prensa::domain::edit::{CampaignInput, DraftInput, PublicationInput, Record, RecordKind};
use prensa::domain::reach::{Figures, Insights};
use prensa::domain::status::Channel;
use prensa::interop::reach;
use prensa::interop::{Outcome, Planned};
use prensa::store::Store;

/// The fixture's publications, by what they are.
struct Fixture {
    /// Facebook, 3 March 10:15, with its post's address; piece in the campaign.
    works_fb: String,
    /// X, 3 March 10:20, same piece.
    works_x: String,
    /// Facebook, 4 March 09:00, no address; piece of an event of the second department.
    vaccines_fb: String,
    /// Two Facebook notices of a water cut, 5 March 12:00 and 12:30, same words.
    water: [String; 2],
    first_department: (String, String),
    second_department: (String, String),
    campaign: String,
}

fn fixture(store: &mut Store) -> Fixture {
    let departments = store.names_of(RecordKind::Department).unwrap();
    let first = departments[0].clone();
    let second = departments[1].clone();
    let campaign = common::create_record(
        store,
        Record::Campaign(CampaignInput {
            name: "Calles dignas".into(),
            objective: "Rehabilitar las calles del centro".into(),
            starts_on: "2025-01-01".into(),
            ends_on: "2025-12-31".into(),
            department_id: Some(first.0.clone()),
        }),
    );
    let event = common::create_record(
        store,
        Record::Event(common::council_session("Jornada de vacunación", &second.0)),
    );
    let draft = |store: &mut Store, title: &str, body: &str, f: &dyn Fn(&mut DraftInput)| {
        let mut d = DraftInput::new(title, body, "2025-03-01T09:00");
        f(&mut d);
        common::create_record(store, Record::Draft(d))
    };
    let works = draft(
        store,
        "Rehabilitación de la calle Hidalgo",
        "El Ayuntamiento inició la rehabilitación de la calle Hidalgo, con una inversión de dos millones de pesos.",
        &|d| d.campaign_id = Some(campaign.clone()),
    );
    let vaccines = draft(
        store,
        "Jornada de vacunación antirrábica",
        "La Dirección de Salud invita a la jornada de vacunación antirrábica en la plaza principal este sábado.",
        &|d| d.event_id = Some(event.clone()),
    );
    let water_a = draft(
        store,
        "Aviso de corte de agua",
        "Mañana se suspende el servicio de agua potable en la colonia Centro por trabajos de mantenimiento.",
        &|_| {},
    );
    let water_b = draft(
        store,
        "Aviso de corte de agua",
        "Mañana se suspende el servicio de agua potable en la colonia Centro y en la colonia Obrera.",
        &|_| {},
    );
    let publish = |store: &mut Store, draft: &str, channel, at: &str, url: &str| {
        common::create_record(
            store,
            Record::Publication(PublicationInput {
                draft_id: draft.to_owned(),
                channel,
                published_at: at.into(),
                url: url.into(),
            }),
        )
    };
    Fixture {
        works_fb: publish(
            store,
            &works,
            Channel::Facebook,
            "2025-03-03T10:15",
            "https://www.facebook.com/TampamolonAyto/posts/1001",
        ),
        works_x: publish(
            store,
            &works,
            Channel::X,
            "2025-03-03T10:20",
            "https://x.com/tampamolon/status/77",
        ),
        vaccines_fb: publish(store, &vaccines, Channel::Facebook, "2025-03-04T09:00", ""),
        water: [
            publish(store, &water_a, Channel::Facebook, "2025-03-05T12:00", ""),
            publish(store, &water_b, Channel::Facebook, "2025-03-05T12:30", ""),
        ],
        first_department: first,
        second_department: second,
        campaign,
    }
}

/// An export as Meta Business Suite writes it in Spanish: BOM, CRLF, quoted messages over
/// several lines, more columns than prensa reads.
fn spanish_export() -> Vec<u8> {
    let rows = [
        "Identificador de la publicación,Identificador de la página,Título,Descripción,Hora de publicación,Enlace permanente,Tipo de publicación,Impresiones,Alcance,\"Reacciones, comentarios y veces que se compartió\",Reacciones,Comentarios,Veces que se compartió,Total de clics",
        // 1: its address, written another way.
        "555_1001,555,,\"🚧 ¡Arrancan las obras!\r\nEl Ayuntamiento inició la rehabilitación de la calle Hidalgo.\r\n#Tampamolón\",03/03/2025 10:15,https://m.facebook.com/TampamolonAyto/posts/1001/?__cft__=xyz&ref=share,Fotos,3100,\"1,500\",122,80,12,30,45",
        // 2: no publication has its address; its time and words are the vaccination's.
        "555_2002,555,,\"📣 La Dirección de Salud invita a la jornada de vacunación antirrábica en la plaza principal.\r\n¡Lleva a tu mascota!\",03/04/2025 09:40,https://www.facebook.com/TampamolonAyto/posts/2002,Fotos,1800,900,50,40,4,6,10",
        // 3: two notices fit its time and words.
        "555_3003,555,,\"Aviso de corte de agua: mañana se suspende el servicio de agua potable en la colonia Centro.\",03/05/2025 12:10,https://www.facebook.com/TampamolonAyto/posts/3003,Estado,900,700,20,15,3,2,0",
        // 4: nothing was published then.
        "555_4004,555,,Feliz fin de semana,03/10/2025 08:00,https://www.facebook.com/TampamolonAyto/posts/4004,Estado,100,90,5,5,0,0,0",
        // 5: the vaccination's time, other words.
        "555_5005,555,,\"Resultados del torneo de futbol infantil, felicidades a todos los equipos participantes\",03/04/2025 09:30,https://www.facebook.com/TampamolonAyto/posts/5005,Fotos,400,300,10,8,1,1,0",
    ];
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(rows.join("\r\n").as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

fn english_export() -> Vec<u8> {
    let text = "\u{feff}Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,Impressions,Reach,\"Reactions, Comments and Shares\",Reactions,Comments,Shares,Total clicks\r\n\
        555_1001,555,Ayuntamiento de Tampamolón,,\"Obras en la calle Hidalgo\",,03/03/2025 10:15,,https://facebook.com/TampamolonAyto/posts/1001,No,No,Photos,,,,,Lifetime,3300,1620,130,85,13,32,50\r\n";
    text.as_bytes().to_vec()
}

fn figures(
    db: &Path,
    id: &str,
) -> (
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
    String,
) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT reach, reactions, comments, shares, post_id, insights_on FROM publications WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
    )
    .unwrap()
}

fn ops(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap()
}

/// The skipped items' reasons, by the line of the file they are on.
fn skipped(plan: &prensa::interop::Plan) -> Vec<(usize, String)> {
    plan.items
        .iter()
        .filter_map(|i| match &i.outcome {
            Outcome::Skipped(reason) => Some((i.line.unwrap_or(0), reason.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_spanish_export_attaches_what_it_can_and_lists_the_rest() {
    let (dir, db, mut store) = common::new_store();
    let f = fixture(&mut store);
    let csv = common::put(dir.path(), "estadisticas.csv", &spanish_export());
    assert!(reach::looks_like_insights(&spanish_export()));

    let prepared = reach::prepare(&csv, &store).unwrap();
    let plan = prepared.plan().clone();
    let c = plan.counts();
    assert_eq!(
        (c.new, c.updated, c.unchanged, c.skipped),
        (0, 2, 0, 3),
        "{plan:#?}"
    );
    // The preview says how each column was read, as the contacts CSV's does.
    let preview = plan.preview(10).join("\n");
    assert!(preview.contains("Columna «Alcance» → alcance"), "{preview}");
    assert!(
        preview.contains("Columna «Enlace permanente» → enlace"),
        "{preview}"
    );
    assert!(
        preview.contains("Columna «Total de clics» → (sin usar)"),
        "{preview}"
    );
    assert!(preview.contains("por su enlace"), "{preview}");
    assert!(preview.contains("por hora y texto"), "{preview}");

    // Lines: the header is 1; the first row takes three lines, the second two.
    let reasons = skipped(&plan);
    let reason = |line: usize| {
        reasons
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(
        reason(7).contains("2 publicaciones coinciden en hora y texto: no se adivina"),
        "{reasons:?}"
    );
    assert!(
        reason(8).contains("ni salió en facebook entre 2025-03-10 06:30 y 2025-03-10 09:30"),
        "{reasons:?}"
    );
    assert!(
        reason(9).contains(
            "ninguna de las que salieron en facebook a esa hora (1) tiene el mismo texto"
        ),
        "{reasons:?}"
    );

    let before = ops(&db);
    let (counts, change) = prepared.write(&mut store).unwrap();
    assert_eq!(counts.updated, 2);
    assert!(!change.is_empty());
    assert!(ops(&db) > before);
    let today = figures(&db, &f.works_fb).5;
    assert!(
        today.len() == 10 && today.starts_with("20") && today.as_bytes()[4] == b'-',
        "{today}"
    );
    assert_eq!(
        figures(&db, &f.works_fb),
        (
            Some(1500),
            Some(80),
            Some(12),
            Some(30),
            "555_1001".into(),
            today.clone()
        )
    );
    assert_eq!(
        figures(&db, &f.vaccines_fb),
        (
            Some(900),
            Some(40),
            Some(4),
            Some(6),
            "555_2002".into(),
            today
        )
    );
    // Nothing guessed: neither notice, nor the piece's other network.
    for id in [&f.water[0], &f.water[1], &f.works_x] {
        assert_eq!(figures(&db, id).0, None, "{id}");
    }

    // The same file again: everything is where it was; not one op.
    let after = ops(&db);
    let again = reach::prepare(&csv, &store).unwrap();
    let c = again.plan().counts();
    assert_eq!(
        (c.updated, c.unchanged, c.skipped),
        (0, 2, 3),
        "{:#?}",
        again.plan()
    );
    let (_, change) = again.write(&mut store).unwrap();
    assert!(change.is_empty());
    assert_eq!(ops(&db), after);
}

#[test]
fn an_import_is_undone_whole() {
    let (dir, db, mut store) = common::new_store();
    let f = fixture(&mut store);
    let csv = common::put(dir.path(), "estadisticas.csv", &spanish_export());
    let (_, change) = reach::prepare(&csv, &store)
        .unwrap()
        .write(&mut store)
        .unwrap();
    assert_eq!(figures(&db, &f.works_fb).0, Some(1500));
    store.undo(&change).unwrap();
    assert_eq!(
        figures(&db, &f.works_fb),
        (None, None, None, None, String::new(), String::new())
    );
    assert_eq!(figures(&db, &f.vaccines_fb).0, None);
}

#[test]
fn english_headers_work_too_and_a_later_export_updates() {
    let (dir, db, mut store) = common::new_store();
    let f = fixture(&mut store);
    let es = common::put(dir.path(), "es.csv", &spanish_export());
    reach::prepare(&es, &store)
        .unwrap()
        .write(&mut store)
        .unwrap();
    // A week later, in English: the same post, more people reached.
    let en = common::put(dir.path(), "en.csv", &english_export());
    assert!(reach::looks_like_insights(&english_export()));
    let prepared = reach::prepare(&en, &store).unwrap();
    let c = prepared.plan().counts();
    assert_eq!((c.updated, c.skipped), (1, 0), "{:#?}", prepared.plan());
    prepared.write(&mut store).unwrap();
    let (reach, reactions, comments, shares, post, _) = figures(&db, &f.works_fb);
    assert_eq!(
        (reach, reactions, comments, shares, post.as_str()),
        (Some(1620), Some(85), Some(13), Some(32), "555_1001")
    );
}

#[test]
fn a_file_that_is_not_an_export_is_refused_and_nothing_changes() {
    let (dir, db, mut store) = common::new_store();
    let f = fixture(&mut store);
    let before = ops(&db);
    let contacts = common::put(
        dir.path(),
        "contactos.csv",
        "Nombre,Medio,Correo\r\nAna Pérez,Radio Huasteca,ana@radio.mx\r\n".as_bytes(),
    );
    assert!(!reach::looks_like_insights(
        &std::fs::read(&contacts).unwrap()
    ));
    let e = reach::prepare(&contacts, &store).unwrap_err().to_string();
    assert!(
        e.contains("no parece una exportación de estadísticas de Meta"),
        "{e}"
    );
    assert!(
        e.contains("«Enlace permanente»") && e.contains("«Alcance»"),
        "{e}"
    );
    assert!(e.contains("Nombre, Medio, Correo"), "{e}");

    let garbage = common::put(
        dir.path(),
        "foto.csv",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe",
    );
    let e = reach::prepare(&garbage, &store).unwrap_err().to_string();
    assert!(e.contains("no parece una exportación"), "{e}");

    let big = dir.path().join("enorme.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(reach::MAX_BYTES + 1)
        .unwrap();
    let e = reach::prepare(&big, &store).unwrap_err().to_string();
    assert!(e.contains("demasiado grande"), "{e}");

    let e = reach::prepare(&dir.path().join("no-existe.csv"), &store)
        .unwrap_err()
        .to_string();
    assert!(!e.is_empty());

    assert_eq!(ops(&db), before);
    assert_eq!(figures(&db, &f.works_fb).0, None);
}

#[test]
fn a_row_with_a_figure_that_is_no_number_is_listed() {
    let (dir, _db, mut store) = common::new_store();
    fixture(&mut store);
    let text = "Permalink,Reach,Reactions\nhttps://facebook.com/TampamolonAyto/posts/1001,mucho,3\nhttps://facebook.com/TampamolonAyto/posts/1001,,\n";
    let csv = common::put(dir.path(), "raro.csv", text.as_bytes());
    let prepared = reach::prepare(&csv, &store).unwrap();
    let reasons = skipped(prepared.plan());
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0]
            .1
            .contains("«mucho» no es una cifra (columna alcance)"),
        "{reasons:?}"
    );
    assert!(reasons[1].1.contains("no trae cifras"), "{reasons:?}");
}

#[test]
fn the_command_line_previews_then_writes_with_si() {
    let (dir, db, mut store) = common::new_store();
    let f = fixture(&mut store);
    drop(store);
    let home = dir.path();
    let csv = common::put(home, "estadisticas.csv", &spanish_export());
    let (db_s, csv_s) = (db.to_str().unwrap(), csv.to_str().unwrap());
    let said = |out: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };

    // No terminal and no --si: the preview, nothing written, how to confirm.
    let before = ops(&db);
    let out = common::bin(home)
        .args(["--db", db_s, "importar", "alcance", csv_s])
        .output()
        .unwrap();
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("actualizados: 2 · sin cambios: 0 · omitidos: 3"),
        "{text}"
    );
    assert!(text.contains("no se adivina"), "{text}");
    assert!(text.contains("--si"), "{text}");
    assert_eq!(ops(&db), before);

    // --si: written.
    let out = common::run_ok(
        common::bin(home).args(["--db", db_s, "importar", "alcance", csv_s, "--si"]),
    );
    assert!(
        said(&out).contains("Importado: 0 nuevos, 2 actualizados."),
        "{}",
        said(&out)
    );
    assert_eq!(figures(&db, &f.works_fb).0, Some(1500));

    // Again, by its English name and as JSON: nothing to write.
    let after = ops(&db);
    let out = common::run_ok(common::bin(home).args([
        "--db",
        db_s,
        "import",
        "reach",
        csv_s,
        "--formato",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["counts"]["unchanged"], 2, "{json}");
    assert_eq!(ops(&db), after);

    // Not an export: exit 1, a Spanish reason, nothing written.
    let other = common::put(home, "contactos.csv", b"Nombre,Correo\nAna,ana@x.mx\n");
    let out = common::bin(home)
        .args([
            "--db",
            db_s,
            "importar",
            "alcance",
            other.to_str().unwrap(),
            "--si",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        said(&out).contains("no parece una exportación"),
        "{}",
        said(&out)
    );
    assert_eq!(ops(&db), after);
}

#[test]
fn a_month_sums_by_department_campaign_and_channel() {
    let (dir, _db, mut store) = common::new_store();
    let f = fixture(&mut store);
    let csv = common::put(dir.path(), "estadisticas.csv", &spanish_export());
    reach::prepare(&csv, &store)
        .unwrap()
        .write(&mut store)
        .unwrap();
    // The piece's post on X, read by hand.
    store
        .batch("test", |tx| {
            tx.set_insights(
                &f.works_x,
                &Insights {
                    post_id: String::new(),
                    figures: Figures {
                        reach: Some(200),
                        reactions: Some(10),
                        comments: None,
                        shares: Some(1),
                    },
                },
            )
        })
        .unwrap();

    let totals = store.reach_totals("2025-03").unwrap();
    assert_eq!(totals.total.publications, 3);
    assert_eq!(totals.total.reach, 1500 + 900 + 200);
    assert_eq!(totals.total.reactions, 80 + 40 + 10);
    assert_eq!(totals.total.comments, 12 + 4);
    assert_eq!(totals.total.shares, 30 + 6 + 1);

    let by = |lines: &[prensa::domain::reach::ReachLine]| -> Vec<(String, i64, i64)> {
        lines
            .iter()
            .map(|l| (l.key.clone(), l.publications, l.reach))
            .collect()
    };
    // The works went to the campaign's department; the vaccination to its event's.
    assert_eq!(
        by(&totals.departments),
        vec![
            (f.first_department.0.clone(), 2, 1700),
            (f.second_department.0.clone(), 1, 900),
        ]
    );
    assert!(!totals.departments[0].label.is_empty());
    assert_eq!(
        by(&totals.campaigns),
        vec![(f.campaign.clone(), 2, 1700), (String::new(), 1, 900)]
    );
    assert_eq!(totals.campaigns[0].label, "Calles dignas");
    assert_eq!(
        by(&totals.channels),
        vec![("facebook".into(), 2, 2400), ("x".into(), 1, 200)]
    );
    let top: Vec<&str> = totals.top.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(top, [&f.works_fb, &f.vaccines_fb, &f.works_x]);
    assert_eq!(totals.top[0].title, "Rehabilitación de la calle Hidalgo");

    // Another month has none; a month that is not one is refused.
    assert_eq!(store.reach_totals("2025-04").unwrap().total.publications, 0);
    assert!(store.reach_totals("marzo").is_err());
}

/// An insights CSV for one of the demo's Facebook publications without figures yet, by its
/// address.
fn demo_export(app: &prensa::app::App) -> (String, Vec<u8>) {
    let (id, url) = (
        common::sql_value(
            app,
            "SELECT id FROM publications WHERE channel = 'facebook' AND url <> ''
             AND reach IS NULL AND deleted_at IS NULL ORDER BY published_at DESC, id LIMIT 1",
            &[],
        )
        .unwrap(),
        common::sql_value(
            app,
            "SELECT url FROM publications WHERE channel = 'facebook' AND url <> ''
             AND reach IS NULL AND deleted_at IS NULL ORDER BY published_at DESC, id LIMIT 1",
            &[],
        )
        .unwrap(),
    );
    let text = format!(
        "\u{feff}Identificador de la publicación,Descripción,Hora de publicación,Enlace permanente,Alcance,Reacciones,Comentarios,Veces que se compartió\r\n\
         555_1,\"Una publicación\r\nde la demostración\",03/05/2025 10:00,{url}/,4321,100,10,5\r\n"
    );
    (id, text.into_bytes())
}

#[test]
fn the_console_imports_an_insights_csv_named_in_the_contacts_form_and_undoes_it() {
    use crossterm::event::KeyCode;
    let (dir, mut app) = common::demo_app(120, 40);
    let (id, bytes) = demo_export(&app);
    let csv = common::put(dir.path(), "estadisticas.csv", &bytes);
    let reach = |app: &prensa::app::App| {
        common::count(app, "SELECT reach FROM publications WHERE id = ?1", &[&id])
    };
    assert_eq!(reach(&app), -1, "no figures yet");
    common::type_keys(&mut app, "5I");
    assert!(common::top_is_form(&app), "{}", common::shown(&app));
    common::type_keys(&mut app, &csv.display().to_string());
    common::ctrl(&mut app, 's');
    let preview = common::render(&app, 120, 40);
    assert!(preview.contains("Columna «Alcance» → alcance"), "{preview}");
    assert!(preview.contains("actualizados: 1"), "{preview}");
    common::type_keys(&mut app, "s");
    assert!(app.screen().overlays.is_empty(), "{}", common::shown(&app));
    assert!(
        common::said(&app).contains("Cifras de alcance guardadas en 1 publicaciones"),
        "{}",
        common::said(&app)
    );
    assert_eq!(reach(&app), 4321);
    common::press(&mut app, KeyCode::Char('u'));
    assert_eq!(reach(&app), -1, "{}", common::said(&app));
}

#[test]
fn the_archive_import_sends_an_insights_csv_to_reach() {
    let (dir, mut app) = common::demo_app(120, 40);
    let (id, bytes) = demo_export(&app);
    let csv = common::put(dir.path(), "Estadísticas marzo.csv", &bytes);
    common::type_keys(&mut app, "6I");
    assert!(common::top_is_form(&app), "{}", common::shown(&app));
    common::type_keys(&mut app, &csv.display().to_string());
    common::ctrl(&mut app, 's');
    let preview = common::render(&app, 120, 40);
    assert!(
        preview.contains("¿Guardar estas cifras de alcance"),
        "{preview}"
    );
    common::type_keys(&mut app, "s");
    assert!(app.screen().overlays.is_empty(), "{}", common::shown(&app));
    assert_eq!(
        common::count(&app, "SELECT reach FROM publications WHERE id = ?1", &[&id]),
        4321
    );
}
