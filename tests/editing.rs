//! Writing from the keyboard, record kind by record kind: create (`n`, Ctrl+S), edit (`e`),
//! delete (`d`, asks first), an illegal status move refused with a message, and undo (`u`) of
//! each. Keys in; the store and the screen out.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::ui::overlay::Overlay;

/// What the screen shows now, at the size the app was made with (80×24).
fn shown(app: &App) -> String {
    render(app, 80, 24)
}

fn clear_field(app: &mut App) {
    // Ctrl+J deletes the line up to the cursor (the cursor is at its end).
    ctrl(app, 'j');
}

fn top_is_form(app: &App) -> bool {
    matches!(app.screen().overlays.last(), Some(Overlay::Form(_)))
}

fn deleted(app: &App, table: &str, id: &str) -> bool {
    sql_value(
        app,
        &format!("SELECT CASE WHEN deleted_at IS NULL THEN 'no' ELSE 'yes' END FROM {table} WHERE id = ?1"),
        &[id],
    )
    .as_deref()
        == Some("yes")
}

fn value(app: &App, table: &str, id: &str, col: &str) -> String {
    sql_value(
        app,
        &format!("SELECT {col} FROM {table} WHERE id = ?1"),
        &[id],
    )
    .unwrap_or_default()
}

/// Creates a record with the form of the list shown: `n`, the title, Ctrl+S.
fn create(app: &mut App, title: &str) {
    type_keys(app, "n");
    assert!(top_is_form(app), "{}", shown(app));
    type_keys(app, title);
    ctrl(app, 's');
    assert!(!top_is_form(app), "the form closed:\n{}", shown(app));
}

/// Edits the selected record's first field (its title or name): `e`, new text, Ctrl+S.
fn rename(app: &mut App, title: &str) {
    type_keys(app, "e");
    assert!(top_is_form(app));
    clear_field(app);
    type_keys(app, title);
    ctrl(app, 's');
    assert!(!top_is_form(app), "{}", shown(app));
}

/// Deletes the selected record, answering yes.
fn delete(app: &mut App) {
    type_keys(app, "d");
    let question = shown(app);
    assert!(question.contains("¿Eliminar"), "{question}");
    type_keys(app, "s");
}

/// Chooses option `n` of the status menu (`m`).
fn move_status(app: &mut App, n: char) {
    type_keys(app, "m");
    assert!(
        matches!(app.screen().overlays.last(), Some(Overlay::Menu(_))),
        "{}",
        shown(app)
    );
    type_keys(app, &n.to_string());
}

/// Closes the notice a long message opened (refusals explain themselves at length).
fn close_notice(app: &mut App) {
    if matches!(app.screen().overlays.last(), Some(Overlay::Notice(_))) {
        press(app, KeyCode::Esc);
    }
}

/// The message of the last action: in the status bar, or (long) in a notice.
fn said(app: &App) -> String {
    match (&app.screen().message, app.screen().overlays.last()) {
        (Some(m), _) => m.text.clone(),
        (None, Some(Overlay::Notice(n))) => n.lines.join(" "),
        _ => String::new(),
    }
}

#[test]
fn events_are_created_edited_moved_deleted_and_undone() {
    let (_dir, mut app) = demo_app(80, 24);
    // In Lista (the Agenda opens on Día; `[` goes round to Lista).
    type_keys(&mut app, "2[");
    create(&mut app, "Reunión con comités de agua");
    let id = id_where(&app, "events", "title", "Reunión con comités de agua").expect("created");
    assert!(said(&app).contains("Guardado: evento «Reunión con comités de agua»"));
    // The new event is today at the next full hour (the demo's now is 08:30), one hour long.
    assert_eq!(value(&app, "events", &id, "starts_at"), "2025-03-06T09:00");
    assert_eq!(value(&app, "events", &id, "ends_at"), "2025-03-06T10:00");
    let selected = app
        .screen()
        .agenda
        .events
        .rows
        .selected()
        .unwrap()
        .id
        .clone();
    assert_eq!(selected, id, "the new event is selected");

    rename(&mut app, "Reunión con comités de agua potable");
    assert_eq!(
        value(&app, "events", &id, "title"),
        "Reunión con comités de agua potable"
    );

    // Scheduled → cancelled is allowed; cancelled → done is not, and says so.
    move_status(&mut app, '4');
    assert_eq!(value(&app, "events", &id, "status"), "cancelled");
    move_status(&mut app, '3');
    let refusal = said(&app);
    assert!(
        refusal.contains("No se puede pasar de «Cancelado» a «Realizado»"),
        "{refusal}"
    );
    close_notice(&mut app);
    assert_eq!(value(&app, "events", &id, "status"), "cancelled");

    delete(&mut app);
    assert!(deleted(&app, "events", &id));
    let rows = app.screen().agenda.events.rows.rows();
    assert!(rows.iter().all(|r| r.id != id), "gone from the list");
    assert!(said(&app).contains("Eliminado: evento «Reunión con comités de agua potable»"));

    // Undo, step by step: the delete, the status, the rename, the creation.
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "events", &id));
    assert!(
        said(&app).contains("Deshecho: eliminar evento"),
        "{}",
        said(&app)
    );
    type_keys(&mut app, "u");
    assert_eq!(value(&app, "events", &id, "status"), "scheduled");
    type_keys(&mut app, "u");
    assert_eq!(
        value(&app, "events", &id, "title"),
        "Reunión con comités de agua"
    );
    type_keys(&mut app, "u");
    assert!(deleted(&app, "events", &id));
    type_keys(&mut app, "u");
    assert!(said(&app).contains("No hay nada que deshacer"));
}

#[test]
fn coverage_is_added_from_the_event_detail() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    create(&mut app, "Gira por Tampate");
    let event = id_where(&app, "events", "title", "Gira por Tampate").unwrap();
    // Enter: into the detail; n: a coverage for this event; Enter on the staff field: picker.
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "n");
    assert!(
        shown(&app).contains("Nueva cobertura — Gira por Tampate"),
        "{}",
        shown(&app)
    );
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "jorge");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let coverage = id_where(&app, "coverage", "event_id", &event).expect("coverage");
    let staff = value(&app, "coverage", &coverage, "staff_id");
    assert_eq!(value(&app, "staff", &staff, "name"), "Jorge Ponce Terán");
    assert!(shown(&app).contains("Foto: Jorge Ponce Terán (Asignada)"));

    // The coverage line is the second choice of the detail: edit its kind to video.
    press(&mut app, KeyCode::Down);
    type_keys(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "coverage", &coverage, "role"), "video");

    // Assigned → delivered, then delivered → assigned is refused.
    move_status(&mut app, '3');
    assert_eq!(value(&app, "coverage", &coverage, "status"), "delivered");
    move_status(&mut app, '2');
    assert!(
        said(&app).contains("No se puede pasar de «Entregada» a «Asignada»"),
        "{}",
        said(&app)
    );
    close_notice(&mut app);
    assert_eq!(value(&app, "coverage", &coverage, "status"), "delivered");

    delete(&mut app);
    assert!(deleted(&app, "coverage", &coverage));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "coverage", &coverage));

    // Deleting the event takes its coverage with it; undo brings both back.
    press(&mut app, KeyCode::Esc);
    delete(&mut app);
    assert!(deleted(&app, "events", &event) && deleted(&app, "coverage", &coverage));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "events", &event) && !deleted(&app, "coverage", &coverage));
}

#[test]
fn departments_are_created_edited_deleted_and_undone() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3]]");
    assert!(shown(&app).contains("Áreas"));
    create(&mut app, "Dirección de Turismo");
    let id = id_where(&app, "departments", "name", "Dirección de Turismo").expect("created");
    type_keys(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Lic. Ana Torres");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "departments", &id, "head"), "Lic. Ana Torres");
    // A department has no status: m does nothing.
    type_keys(&mut app, "m");
    assert!(app.screen().overlays.is_empty());
    delete(&mut app);
    assert!(deleted(&app, "departments", &id));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "departments", &id));
    type_keys(&mut app, "u");
    assert_eq!(value(&app, "departments", &id, "head"), "");
}

#[test]
fn requests_follow_their_allowed_moves() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3]");
    create(&mut app, "Informe de la temporada de lluvias");
    let id = id_where(
        &app,
        "requests",
        "subject",
        "Informe de la temporada de lluvias",
    )
    .unwrap();
    assert_eq!(value(&app, "requests", &id, "sent_on"), "2025-03-06");
    assert_eq!(value(&app, "requests", &id, "due_on"), "2025-03-13");
    rename(&mut app, "Informe de lluvias");
    assert_eq!(
        value(&app, "requests", &id, "subject"),
        "Informe de lluvias"
    );
    // Pending → answered; answered → cancelled is refused (it goes back to pending first).
    move_status(&mut app, '1');
    assert_eq!(value(&app, "requests", &id, "status"), "answered");
    move_status(&mut app, '2');
    assert!(
        said(&app).contains("No se puede pasar de «Recibida» a «Cancelada»"),
        "{}",
        said(&app)
    );
    close_notice(&mut app);
    delete(&mut app);
    assert!(deleted(&app, "requests", &id));
    type_keys(&mut app, "uu");
    assert!(!deleted(&app, "requests", &id));
    assert_eq!(value(&app, "requests", &id, "status"), "pending");
}

#[test]
fn reports_are_logged_and_a_used_report_stays_used() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3");
    create(&mut app, "Entrega de despensas en Tampate");
    let id = id_where(&app, "reports", "title", "Entrega de despensas en Tampate").unwrap();
    assert_eq!(
        value(&app, "reports", &id, "received_at"),
        "2025-03-06T08:30"
    );
    rename(&mut app, "Entrega de despensas, Tampate");
    // Nuevo → en borrador → publicado; a new report is not published as it came.
    move_status(&mut app, '3');
    assert!(
        said(&app).contains("No se puede pasar de «Nuevo» a «Publicado»"),
        "{}",
        said(&app)
    );
    close_notice(&mut app);
    move_status(&mut app, '2');
    assert_eq!(value(&app, "reports", &id, "status"), "in_draft");
    move_status(&mut app, '3');
    assert_eq!(value(&app, "reports", &id, "status"), "used");
    move_status(&mut app, '1');
    assert!(
        said(&app).contains("«Publicado» es definitivo"),
        "{}",
        said(&app)
    );
    close_notice(&mut app);
    delete(&mut app);
    assert!(deleted(&app, "reports", &id));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "reports", &id));
}

#[test]
fn drafts_need_review_before_approval_and_releases_get_their_folio() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "4n");
    type_keys(&mut app, "Boletín: programa de bacheo");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // Publicación → Boletín
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "El Ayuntamiento informa…");
    ctrl(&mut app, 's');
    let id = id_where(&app, "drafts", "title", "Boletín: programa de bacheo").unwrap();
    assert_eq!(value(&app, "drafts", &id, "kind"), "release");
    // Draft → approved is refused: review comes first. (The menu: En revisión, Rechazado,
    // Aprobado, …)
    move_status(&mut app, '3');
    assert!(
        said(&app).contains("No se puede pasar de «Borrador» a «Aprobado»"),
        "{}",
        said(&app)
    );
    close_notice(&mut app);
    assert_eq!(value(&app, "drafts", &id, "folio"), "");
    move_status(&mut app, '1');
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    // From review: Borrador, Rechazado, Aprobado, …
    move_status(&mut app, '3');
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    let folio = value(&app, "drafts", &id, "folio");
    assert!(
        folio.starts_with("CS/") && folio.ends_with("/2025"),
        "{folio}"
    );
    assert!(!value(&app, "drafts", &id, "approved_by").is_empty());
    // A version for X, from the detail.
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "n");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Arranca el bacheo en la cabecera.");
    ctrl(&mut app, 's');
    let variant = id_where(&app, "variants", "draft_id", &id).unwrap();
    assert_eq!(value(&app, "variants", &variant, "channel"), "x");
    // Undo the version, the approval (the folio stays given: never reused), the review.
    type_keys(&mut app, "u");
    assert!(deleted(&app, "variants", &variant));
    type_keys(&mut app, "u");
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    press(&mut app, KeyCode::Esc);
    delete(&mut app);
    assert!(deleted(&app, "drafts", &id));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "drafts", &id));
}

#[test]
fn outlets_journalists_and_lists_are_written_from_medios() {
    let (_dir, mut app) = demo_app(80, 24);
    // An outlet.
    type_keys(&mut app, "5]");
    create(&mut app, "Radio Huasteca 98.1");
    let outlet = id_where(&app, "outlets", "name", "Radio Huasteca 98.1").unwrap();
    rename(&mut app, "La Voz de la Huasteca");
    assert_eq!(
        value(&app, "outlets", &outlet, "name"),
        "La Voz de la Huasteca"
    );
    // A list.
    type_keys(&mut app, "]");
    create(&mut app, "Radios comunitarias");
    let list = id_where(&app, "contact_lists", "name", "Radios comunitarias").unwrap();
    // A journalist of that outlet, on that list.
    type_keys(&mut app, "[[");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Mónica Hernández Ruiz");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "la voz de");
    press(&mut app, KeyCode::Enter);
    // Role, beats, phone, e-mail and preferred channel, then the lists.
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "radios com");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let journalist = id_where(&app, "journalists", "name", "Mónica Hernández Ruiz").unwrap();
    assert_eq!(value(&app, "journalists", &journalist, "outlet_id"), outlet);
    let member = id_where(&app, "list_members", "journalist_id", &journalist).unwrap();
    assert_eq!(value(&app, "list_members", &member, "list_id"), list);
    // Removing her from the list in the list's detail; undo puts her back.
    type_keys(&mut app, "]]");
    let lists = &app.screen().media.lists;
    assert_eq!(
        lists.rows.selected().unwrap().id,
        list,
        "the new list is selected"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    delete(&mut app);
    assert!(deleted(&app, "list_members", &member));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "list_members", &member));
    // Deleting the journalist removes her memberships; undo restores both.
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "[[");
    type_keys(&mut app, "/monica hernandez");
    press(&mut app, KeyCode::Enter);
    delete(&mut app);
    assert!(deleted(&app, "journalists", &journalist) && deleted(&app, "list_members", &member));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "journalists", &journalist) && !deleted(&app, "list_members", &member));
}

#[test]
fn archive_items_are_created_with_tags() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "6n");
    type_keys(&mut app, "Entrevista con Radio Tampamolón");
    // Tipo, Fecha, Hora, Área, Evento, Lugar, Personas, then Etiquetas.
    for _ in 0..8 {
        press(&mut app, KeyCode::Tab);
    }
    type_keys(&mut app, "agua, Obras, agua");
    ctrl(&mut app, 's');
    let id = id_where(
        &app,
        "archive_items",
        "title",
        "Entrevista con Radio Tampamolón",
    )
    .unwrap();
    let tags = sql_value(
        &app,
        "SELECT group_concat(t.name, ',') FROM taggings g JOIN tags t ON t.id = g.tag_id
         WHERE g.target_id = ?1 AND g.deleted_at IS NULL",
        &[&id],
    )
    .unwrap_or_default();
    let mut tags: Vec<&str> = tags.split(',').collect();
    tags.sort();
    assert_eq!(tags, vec!["Obras", "agua"]);
    rename(&mut app, "Entrevista, Radio Tampamolón");
    delete(&mut app);
    assert!(deleted(&app, "archive_items", &id));
    type_keys(&mut app, "u");
    assert!(!deleted(&app, "archive_items", &id));
}

#[test]
fn a_field_error_keeps_everything_typed() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2n");
    type_keys(&mut app, "Sesión de Cabildo abierto");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_keys(&mut app, "el 45 de marzo");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app), "the form stays open");
    let screen = shown(&app);
    assert!(screen.contains("No es una fecha"), "{screen}");
    assert!(screen.contains("Sesión de Cabildo abierto") && screen.contains("el 45 de marzo"));
    assert!(id_where(&app, "events", "title", "Sesión de Cabildo abierto").is_none());
    // Fixed, it saves.
    clear_field(&mut app);
    type_keys(&mut app, "mañana");
    ctrl(&mut app, 's');
    let id = id_where(&app, "events", "title", "Sesión de Cabildo abierto").unwrap();
    assert!(value(&app, "events", &id, "starts_at").starts_with("2025-03-07"));
}

#[test]
fn esc_asks_before_dropping_what_was_typed() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2n");
    press(&mut app, KeyCode::Esc);
    assert!(
        app.screen().overlays.is_empty(),
        "nothing typed: closes at once"
    );
    type_keys(&mut app, "n");
    type_keys(&mut app, "Algo");
    press(&mut app, KeyCode::Esc);
    assert!(shown(&app).contains("¿Descartar lo escrito?"));
    type_keys(&mut app, "n");
    assert!(top_is_form(&app) && shown(&app).contains("Algo"));
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "s");
    assert!(app.screen().overlays.is_empty());
    assert!(id_where(&app, "events", "title", "Algo").is_none());
}

#[test]
fn a_quiet_console_merges_what_its_writing_left_in_the_search_index() {
    let (_dir, mut app) = demo_app(80, 24);
    let pieces = |app: &App| -> u32 {
        sql_value(
            app,
            "SELECT CAST(count(DISTINCT segid) AS TEXT) FROM reports_fts_idx",
            &[],
        )
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
    };
    assert_eq!(pieces(&app), 1, "the demo leaves one piece");
    type_keys(&mut app, "3");
    for n in 1..=12 {
        create(&mut app, &format!("Desazolve de drenaje, tramo {n}"));
    }
    let written = pieces(&app);
    assert!(written >= 4, "{written} pieces after 12 reports");
    let search = |app: &mut App| {
        press(app, KeyCode::Esc);
        type_keys(app, "/desazolve tramo");
        press(app, KeyCode::Enter);
        shown(app)
    };
    let before = search(&mut app);
    assert!(before.contains("tramo 12"), "{before}");
    for _ in 0..20 {
        app.on_idle();
    }
    let quiet = pieces(&app);
    assert!(quiet * 2 <= written, "{written} pieces, then {quiet}");
    assert_eq!(search(&mut app), before);
}
