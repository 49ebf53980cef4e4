//! Forms, filters and search as the user sees them: snapshots at 80×24 and 120×40 on the demo.
mod common;

use common::*;
use crossterm::event::KeyCode;

#[test]
fn a_new_event_form() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app(w, h);
        type_keys(&mut app, "2n");
        insta::assert_snapshot!(format!("formulario_evento_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn an_edit_form_scrolls_to_the_field_being_written() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3e");
    // The report's text is the last field: far down the form at 80×24.
    for _ in 0..9 {
        press(&mut app, KeyCode::Tab);
    }
    let screen = render(&app, 80, 24);
    assert!(screen.contains("▸Texto"), "{screen}");
    insta::assert_snapshot!("formulario_reporte_80x24", screen);
}

#[test]
fn a_pasted_message_fills_the_room_the_form_has() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3nApoyo del DIF");
    for _ in 0..9 {
        press(&mut app, KeyCode::Tab);
    }
    app.on_paste(
        "[28/11/26, 4:12 p.m.] Lic. Martha DIF: Buenas tardes\nLes comparto la info de hoy:\n\n\
         *Entrega de uniformes* en la primaria de Tamápatz\n- 240 paquetes entregados\n\
         - Participó el voluntariado del DIF\n\nFotos en el grupo",
    );
    let screen = render(&app, 80, 24);
    // Every line shows, the first as the last: the text field takes the rows left free.
    assert!(
        screen.contains("[28/11/26") && screen.contains("Fotos en el grupo"),
        "{screen}"
    );
    insta::assert_snapshot!("formulario_reporte_pegado_80x24", screen);
}

#[test]
fn a_field_error_shows_beside_its_field() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2n");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'j');
    type_keys(&mut app, "el 31 de febrero");
    ctrl(&mut app, 's');
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Es obligatorio.") && screen.contains("No es una fecha"));
    insta::assert_snapshot!("formulario_error_80x24", screen);
}

#[test]
fn filters_show_as_a_line_above_the_list_and_esc_clears_them() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3f");
    for _ in 0..4 {
        // (todos) → Nuevo → En revisión → En borrador → Publicado
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter); // the department picker
    type_keys(&mut app, "dif");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Filtros: Estado: Publicado · Área: Sistema Municipal DIF"),
        "{screen}"
    );
    let rows = app.screen().reports.reports.rows.rows().to_vec();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.department == "DIF"), "{rows:?}");
    insta::assert_snapshot!("filtros_80x24", screen);
    press(&mut app, KeyCode::Esc);
    assert!(!render(&app, 80, 24).contains("Filtros:"));
    let all = app.screen().reports.reports.rows.rows();
    assert!(
        all.iter().any(|r| r.department != "DIF"),
        "every department again"
    );
}

#[test]
fn a_search_marks_what_it_found_and_counts_it() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app(w, h);
        type_keys(&mut app, "3/");
        type_keys(&mut app, "DESPENSA");
        let screen = render_marked(&app, w, h);
        assert!(screen.contains("⟦despensa⟧"), "{screen}");
        insta::assert_snapshot!(format!("busqueda_{w}x{h}"), screen);
    }
}

/// A page pasted into a one-line field keeps what the field can hold and says so; into a
/// search, only the longest search is kept.
#[test]
fn a_huge_paste_is_cut_to_what_a_field_or_a_search_holds_and_said() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "6n");
    app.on_paste(&"Informe ".repeat(100_000));
    let screen = shown(&app);
    assert!(
        screen.contains("Se pegaron sólo los primeros 500 caracteres"),
        "{screen}"
    );
    ctrl(&mut app, 's');
    assert!(
        !top_is_form(&app),
        "the 500 characters kept are a valid title"
    );
    let title = sql_value(
        &app,
        "SELECT title FROM archive_items ORDER BY created_at DESC, rowid DESC LIMIT 1",
        &[],
    )
    .unwrap();
    assert_eq!(title.chars().count(), 500);

    type_keys(&mut app, "/");
    app.on_paste(&"x".repeat(1_000_000));
    let search = app.screen().archive.timeline.query.search.clone();
    assert_eq!(search.chars().count(), prensa::ui::list::MAX_SEARCH);
}

/// Keys arriving faster than they can be searched (a paste in a terminal without bracketed
/// paste): the search runs once, when they have all arrived, on all of them.
#[test]
fn a_burst_of_keys_in_a_search_is_searched_once_at_its_end() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "6/");
    let before = app.screen().archive.timeline.rows.rows().to_vec();
    app.set_burst(true);
    type_keys(&mut app, "vacunacion");
    // Kept as typed, not read yet.
    assert_eq!(app.screen().archive.timeline.query.search, "vacunacion");
    assert_eq!(app.screen().archive.timeline.rows.rows(), &before[..]);
    app.set_burst(false);
    let rows = app.screen().archive.timeline.rows.rows().to_vec();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| prensa::domain::text::fold(&r.title).contains("vacunacion")),
        "{rows:?}"
    );
}
