//! Medios as the office works it, key by key: this morning's press release sent to "Radio",
//! which holds a journalist who asked not to be contacted; each person's text copied and
//! marked; "last contacted" updated; the same piece sent to a wider list reaching nobody twice;
//! a request from a journalist recorded and answered.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{Command, Record, RecordKind, Target};
use prensa::store::Store;
use prensa::ui::Action;

fn app() -> (tempfile::TempDir, App) {
    demo_app_at_now(80, 24)
}

fn list_id(app: &App, name: &str) -> String {
    id_where(app, "contact_lists", "name", name).unwrap()
}

/// A published release that went to nobody person by person yet.
fn fresh_release(app: &App) -> (String, String) {
    let id = sql_value(
        app,
        "SELECT id FROM drafts WHERE status = 'published' AND kind = 'release'
         AND deleted_at IS NULL AND id NOT IN (SELECT draft_id FROM deliveries)
         ORDER BY written_at DESC LIMIT 1",
        &[],
    )
    .unwrap();
    let title = value(app, "drafts", &id, "title");
    (id, title)
}

/// Sends a piece to a list from Medios › Envíos, picking both by typing.
fn send(app: &mut App, title: &str, list: &str) {
    type_keys(app, "5");
    while !shown(app).contains("Enviado          Título") {
        press(app, KeyCode::Char(']'));
    }
    type_keys(app, "n");
    assert!(top_is_form(app), "{}", shown(app));
    press(app, KeyCode::Enter);
    type_keys(app, &title[..title.len().min(20)]);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Enter);
    type_keys(app, list);
    press(app, KeyCode::Enter);
    ctrl(app, 's');
}

#[test]
fn a_release_reaches_every_radio_journalist_once_but_the_one_who_asked_not_to() {
    let (_dir, mut app) = app();
    let radio = list_id(&app, "Radio");
    // Someone on Radio asks not to be contacted (their card, saved as the form saves it).
    let out = sql_value(
        &app,
        "SELECT j.id FROM list_members m JOIN journalists j ON j.id = m.journalist_id
         WHERE m.list_id = ?1 AND m.deleted_at IS NULL AND j.do_not_contact = 0
         ORDER BY j.name LIMIT 1",
        &[&radio],
    )
    .unwrap();
    let target = Target::new(RecordKind::Journalist, out.clone());
    let Ok(Record::Journalist(mut j)) = app.store().record(&target) else {
        panic!("a journalist")
    };
    j.do_not_contact = true;
    j.dnc_reason = "Pidió por escrito no recibir boletines".into();
    app.update(Action::Save(Command::Update {
        id: out.clone(),
        record: Record::Journalist(j),
    }));
    let members = count(
        &app,
        "SELECT count(*) FROM list_members m JOIN journalists j ON j.id = m.journalist_id
         WHERE m.list_id = ?1 AND m.deleted_at IS NULL AND j.deleted_at IS NULL",
        &[&radio],
    );
    let left_out = count(
        &app,
        "SELECT count(*) FROM list_members m JOIN journalists j ON j.id = m.journalist_id
         WHERE m.list_id = ?1 AND m.deleted_at IS NULL AND j.do_not_contact = 1",
        &[&radio],
    );
    assert!(left_out >= 1);

    let (draft, title) = fresh_release(&app);
    send(&mut app, &title, "Radio");
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert!(
        said(&app).contains(&format!(
            "preparado para {} personas ({left_out} no contactar",
            members - left_out
        )),
        "{}",
        said(&app)
    );
    let deliveries = |app: &App| {
        count(
            app,
            "SELECT count(*) FROM deliveries WHERE draft_id = ?1 AND deleted_at IS NULL",
            &[&draft],
        )
    };
    assert_eq!(deliveries(&app), members - left_out);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM deliveries WHERE draft_id = ?1 AND journalist_id = ?2",
            &[&draft, &out]
        ),
        0,
        "the person who asked not to be contacted is never offered"
    );
    // The new send is shown with its recipients; the first one's text is copied and marked.
    let screen = shown(&app);
    assert!(
        screen.contains(&format!("0/{}", members - left_out)),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let _ = app.take_effects();
    type_keys(&mut app, "y");
    let copied = copied(&mut app)
        .into_iter()
        .next()
        .expect("the recipient's text is copied");
    assert!(copied.contains(title.trim()), "{copied}");
    type_keys(&mut app, "m1");
    let reached = sql_value(
        &app,
        "SELECT journalist_id FROM deliveries WHERE draft_id = ?1 AND status = 'sent'",
        &[&draft],
    )
    .expect("one delivery marked sent");
    assert!(shown(&app).contains(&format!("1/{}", members - left_out)));
    // "Last contacted" comes from the log.
    let last = app.store().last_contacted(&reached).unwrap().unwrap();
    assert_eq!(last, now().format("%Y-%m-%dT%H:%M").to_string());
    let detail = app.store().journalist_detail(&reached).unwrap();
    assert_eq!(detail.last_contacted.as_deref(), Some(last.as_str()));
    assert_eq!(detail.recent_sends[0].target.id, draft);
    // A sent delivery stays sent: its menu offers no way back.
    type_keys(&mut app, "m");
    assert!(
        shown(&app).contains("Por enviar (no permitido)"),
        "{}",
        shown(&app)
    );
    press(&mut app, KeyCode::Esc);

    // The same release to every regional outlet: the Radio people already have it.
    let all = count(
        &app,
        "SELECT count(*) FROM list_members m JOIN journalists j ON j.id = m.journalist_id
         WHERE m.list_id = ?1 AND m.deleted_at IS NULL AND j.do_not_contact = 0",
        &[&list_id(&app, "Medios regionales")],
    );
    send(&mut app, &title, "Medios regionales");
    assert!(
        said(&app).contains(&format!("{} ya lo tenían", members - left_out)),
        "{}",
        said(&app)
    );
    assert_eq!(deliveries(&app), all.max(members - left_out));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM (SELECT journalist_id FROM deliveries WHERE draft_id = ?1
             GROUP BY journalist_id HAVING count(*) > 1)",
            &[&draft]
        ),
        0,
        "nobody twice"
    );
    // u takes the wider send back; the Radio one stays.
    type_keys(&mut app, "u");
    assert_eq!(deliveries(&app), members - left_out);
}

#[test]
fn a_draft_not_published_is_not_sent() {
    let (_dir, mut app) = app();
    let draft = sql_value(
        &app,
        "SELECT id FROM drafts WHERE status = 'draft' AND deleted_at IS NULL LIMIT 1",
        &[],
    )
    .unwrap();
    let title = value(&app, "drafts", &draft, "title");
    let before = count(&app, "SELECT count(*) FROM deliveries", &[]);
    send(&mut app, &title, "Radio");
    assert!(top_is_form(&app), "the form stays, with the reason");
    assert!(
        shown(&app).contains("Solo se envía a los medios una pieza"),
        "{}",
        shown(&app)
    );
    assert_eq!(count(&app, "SELECT count(*) FROM deliveries", &[]), before);
}

#[test]
fn a_request_for_an_interview_is_recorded_and_answered() {
    let (_dir, mut app) = app();
    type_keys(&mut app, "5");
    while !shown(&app).contains("Pedida") {
        press(&mut app, KeyCode::Char(']'));
    }
    type_keys(&mut app, "n");
    assert!(top_is_form(&app), "{}", shown(&app));
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Obras del drenaje en la cabecera");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let id = id_where(
        &app,
        "interviews",
        "topic",
        "Obras del drenaje en la cabecera",
    )
    .unwrap();
    assert_eq!(value(&app, "interviews", &id, "status"), "requested");
    assert!(shown(&app).contains("Obras del drenaje"));
    // An open request is on Hoy.
    let open = |app: &App| {
        count(
            app,
            "SELECT count(*) FROM interviews WHERE status IN ('requested', 'scheduled')
             AND deleted_at IS NULL",
            &[],
        )
    };
    let before = open(&app);
    type_keys(&mut app, "1");
    let today = render(&app, 120, 40);
    assert!(
        today.contains(&format!(
            "SOLICITUDES DE MEDIOS ABIERTAS — {before} solicitudes"
        )),
        "{today}"
    );
    assert!(today.contains("Obras del drenaje"), "{today}");
    // Answered (m → Realizada), it leaves Hoy.
    type_keys(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "m");
    let menu = shown(&app);
    assert!(menu.contains("Realizada"), "{menu}");
    assert!(menu.contains("2 Realizada"), "{menu}");
    type_keys(&mut app, "2");
    assert_eq!(value(&app, "interviews", &id, "status"), "done");
    assert_eq!(open(&app), before - 1);
    type_keys(&mut app, "1");
    let today = render(&app, 120, 40);
    assert!(!today.contains("Obras del drenaje"), "{today}");
}

fn find(store: &Store, text: &str) -> Vec<prensa::domain::JournalistRow> {
    let q = prensa::domain::query::Query {
        search: text.into(),
        ..Default::default()
    };
    let req = prensa::domain::PageRequest {
        after: None,
        inclusive: false,
        forward: true,
        limit: 200,
    };
    store.journalists_page(&q, &req).unwrap()
}

#[test]
fn the_directory_is_searched_by_name_outlet_and_beat_forgiving_a_typo() {
    let (_dir, path) = demo_copy();
    let mut store = Store::open(&path, &options()).unwrap();
    // By outlet: everyone at Radio Río Tampaón, accents aside.
    let tampaon = find(&store, "rio tampaon");
    assert!(!tampaon.is_empty());
    assert!(tampaon.iter().all(|j| j.outlet == "Radio Río Tampaón 97.3"));
    // By beat.
    let health = find(&store, "salud");
    assert!(!health.is_empty());
    // A typo: one letter missing, one wrong.
    let name = tampaon[0].name.clone();
    let last = name.split(' ').nth(1).unwrap().to_owned();
    let mut typo: String = last.chars().collect();
    typo.remove(2);
    assert!(
        find(&store, &typo).iter().any(|j| j.name == name),
        "{typo} finds {name}"
    );
    assert!(find(&store, "Tampaóm").iter().any(|j| j.name == name));
    // Renaming the outlet re-indexes its people.
    let outlet = sql_one(
        &store,
        "SELECT id FROM outlets WHERE name = 'Radio Río Tampaón 97.3'",
    );
    let Record::Outlet(mut o) = store
        .record(&Target::new(RecordKind::Outlet, outlet.clone()))
        .unwrap()
    else {
        panic!()
    };
    o.name = "Estéreo Huasteco".into();
    store
        .execute(&Command::Update {
            id: outlet,
            record: Record::Outlet(o),
        })
        .unwrap();
    assert_eq!(find(&store, "estereo huasteco").len(), tampaon.len());
    assert!(
        find(&store, "rio tampaon")
            .iter()
            .all(|j| j.outlet != "Estéreo Huasteco"),
        "the old name is no longer indexed"
    );
}

fn sql_one(store: &Store, sql: &str) -> String {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_sheet_from_spanish_excel_is_imported_after_fixing_a_column_in_the_preview() {
    let (dir, mut app) = app();
    // Saved by Excel in Spanish: Windows-1252 and `;`. The mobile is under "Cel.", which
    // prensa does not know; "Teléfono oficina" it reads as the phone.
    let sheet = dir.path().join("Contactos prensa.csv");
    let rows = "Nombre;Medio;Teléfono oficina;Cel.;Correo;Listas\r\n\
                Mónica Hernández Ruiz;La Voz de la Huasteca;481 382 0000;481 100 2030;monica@lavoz.mx;Radio\r\n\
                Tomás Ñañez;Radio Río Tampaón 97.3;;489 200 1111;;Radio\r\n";
    let bytes: Vec<u8> = rows
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            'ó' => 0xF3,
            'á' => 0xE1,
            'Ñ' => 0xD1,
            'ñ' => 0xF1,
            c => c as u8,
        })
        .collect();
    std::fs::write(&sheet, bytes).unwrap();
    type_keys(&mut app, "5I");
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, &sheet.display().to_string());
    ctrl(&mut app, 's');
    let preview = render(&app, 120, 40);
    assert!(preview.contains("Windows-1252"), "{preview}");
    assert!(preview.contains("Columna «Cel.» → (sin usar)"), "{preview}");
    // Back to the form: the mobile is in "Cel.".
    press(&mut app, KeyCode::Esc);
    assert!(top_is_form(&app), "{}", shown(&app));
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "telefono=Cel.");
    ctrl(&mut app, 's');
    let preview = render(&app, 120, 40);
    assert!(preview.contains("Columna «Cel.» → telefono"), "{preview}");
    type_keys(&mut app, "s");
    assert!(app.screen().overlays.is_empty(), "{}", shown(&app));
    assert!(said(&app).contains("2 contactos nuevos"), "{}", said(&app));
    let monica = id_where(&app, "journalists", "name", "Mónica Hernández Ruiz").unwrap();
    assert_eq!(value(&app, "journalists", &monica, "phone"), "481 100 2030");
    let tomas = id_where(&app, "journalists", "name", "Tomás Ñañez").unwrap();
    // The outlet the office has is reused; the new one is made.
    assert_eq!(
        value(&app, "journalists", &tomas, "outlet_id"),
        id_where(&app, "outlets", "name", "Radio Río Tampaón 97.3").unwrap()
    );
    assert!(id_where(&app, "outlets", "name", "La Voz de la Huasteca").is_some());
    // One u takes the whole import back.
    type_keys(&mut app, "u");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM journalists WHERE name = ?1 AND deleted_at IS NULL",
            &["Tomás Ñañez"]
        ),
        0
    );
}

#[test]
fn v_in_borradores_sends_the_piece_shown() {
    let (_dir, mut app) = app();
    let (draft, _) = fresh_release(&app);
    type_keys(&mut app, "4");
    let key = app
        .store()
        .place_of(&Target::new(RecordKind::Draft, draft.clone()))
        .unwrap()
        .unwrap();
    app.update(Action::List(prensa::ui::ListCmd::Reveal(key)));
    type_keys(&mut app, "v");
    assert!(top_is_form(&app), "{}", shown(&app));
    // The piece is already chosen: the list is the next field.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "Radio");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert!(
        count(
            &app,
            "SELECT count(*) FROM deliveries WHERE draft_id = ?1",
            &[&draft]
        ) > 0
    );
    assert!(shown(&app).contains("Llegó"), "the send is shown in Medios");
}

#[test]
fn a_send_deleted_takes_its_deliveries_and_the_piece_can_go_again() {
    let (_dir, mut app) = app();
    let (draft, title) = fresh_release(&app);
    send(&mut app, &title, "Radio");
    let live = |app: &App| {
        count(
            app,
            "SELECT count(*) FROM deliveries WHERE draft_id = ?1 AND deleted_at IS NULL",
            &[&draft],
        )
    };
    let prepared = live(&app);
    assert!(prepared > 0);
    // Sent again at once: nobody new, and the form says so.
    send(&mut app, &title, "Radio");
    assert!(top_is_form(&app));
    assert!(
        shown(&app).contains("No hay a quién enviarlo"),
        "{}",
        shown(&app)
    );
    press(&mut app, KeyCode::Esc);
    assert!(shown(&app).contains("¿Descartar lo escrito?"));
    type_keys(&mut app, "s");
    assert!(app.screen().overlays.is_empty(), "{}", shown(&app));
    // The send deleted (a mistake): its deliveries go with it…
    type_keys(&mut app, "d");
    type_keys(&mut app, "s");
    assert_eq!(live(&app), 0, "{}", shown(&app));
    // …and the piece can go to the list again.
    send(&mut app, &title, "Radio");
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(live(&app), prepared);
}

#[test]
fn two_copies_sending_the_same_piece_to_the_same_list_make_one_send_after_a_sync() {
    let (dir, path) = demo_copy();
    let copy = dir.path().join("copia.sqlite");
    std::fs::copy(&path, &copy).unwrap();
    let folder = dir.path().join("memoria");
    std::fs::create_dir_all(&folder).unwrap();
    let mut office = open_as(&path, "oficina");
    let mut home = open_as(&copy, "casa");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (draft, list): (String, String) = conn
        .query_row(
            "SELECT x.id, l.id FROM drafts x, contact_lists l
             WHERE x.status = 'published' AND x.kind = 'release' AND x.deleted_at IS NULL
             AND x.id NOT IN (SELECT draft_id FROM deliveries) AND l.name = 'Radio'
             ORDER BY x.written_at DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(conn);
    for store in [&mut office, &mut home] {
        store
            .batch("test", |tx| tx.distribute(None, &draft, &list))
            .unwrap();
    }
    sync_with(&mut office, &folder);
    sync_with(&mut home, &folder);
    sync_with(&mut office, &folder);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [&draft], |r| r.get(0)).unwrap() };
    let sends: i64 = conn
        .query_row(
            "SELECT count(*) FROM distributions WHERE draft_id = ?1 AND list_id = ?2
             AND deleted_at IS NULL",
            [&draft, &list],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sends, 1);
    assert_eq!(
        one("SELECT count(*) - count(DISTINCT journalist_id) FROM deliveries WHERE draft_id = ?1"),
        0,
        "nobody twice"
    );
    assert_eq!(
        one(
            "SELECT count(*) FROM conflicts WHERE target_table = 'deliveries'
             AND target_id IN (SELECT id FROM deliveries WHERE draft_id = ?1)"
        ),
        0,
        "the two copies agree on each person's delivery"
    );
}
