//! Archivo as the office sees it (insta snapshots at 80×24 and 120×40, on the demo data with the
//! fixed clock): the timeline grouped by month and day, its filters (kind, tag, person, place),
//! a search with what it found marked, a jump to a date, a photo with its picture, consent and
//! classification, and the classification chart.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{RecordKind, Target};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn app(w: u16, h: u16) -> (tempfile::TempDir, App) {
    demo_app_at_now(w, h)
}

#[test]
fn the_timeline_is_grouped_by_month_and_day_newest_first() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "6");
        let screen = render(&app, w, h);
        // Today's month, then today's day, then the rows of that day with their times.
        assert!(screen.contains("MARZO DE 2025"), "{screen}");
        assert!(
            screen.contains("jueves 6 de marzo de 2025")
                || screen.contains("miércoles 5 de marzo de 2025"),
            "{screen}"
        );
        let rows = app.screen().archive.timeline.rows.rows().to_vec();
        assert!(rows.windows(2).all(|p| p[0].at >= p[1].at), "newest first");
        assert!(
            rows.iter().all(|r| r.at.as_str() <= "2025-03-06T08:30"),
            "nothing to come"
        );
        insta::assert_snapshot!(format!("archivo_linea_{w}x{h}"), screen);
    }
}

#[test]
fn filters_by_kind_and_place_narrow_the_timeline() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "6f");
        let form = render(&app, w, h);
        for field in ["Tipo", "Etiqueta", "Personas", "Lugar"] {
            assert!(form.contains(field), "{field}: {form}");
        }
        insta::assert_snapshot!(format!("archivo_filtros_forma_{w}x{h}"), form);
        // Tipo: Fotografías (after Evento, Reporte, Publicación).
        for _ in 0..4 {
            press(&mut app, KeyCode::Right);
        }
        for _ in 0..6 {
            press(&mut app, KeyCode::Tab);
        }
        // Lugar, without its accent.
        type_keys(&mut app, "el naranjo");
        ctrl(&mut app, 's');
        let screen = render(&app, w, h);
        assert!(
            screen.contains("Tipo: Fotografías · Lugar: el naranjo"),
            "{screen}"
        );
        let rows = app.screen().archive.timeline.rows.rows().to_vec();
        assert!(!rows.is_empty(), "{screen}");
        for r in &rows {
            let place = sql_value(
                &app,
                "SELECT place FROM archive_items WHERE id = ?1",
                &[&r.id],
            );
            assert_eq!(place.as_deref(), Some("El Naranjo"), "{r:?}");
            assert!(r.title.starts_with("Fotografías"), "{r:?}");
        }
        insta::assert_snapshot!(format!("archivo_filtrado_{w}x{h}"), screen);
    }
}

#[test]
fn a_search_over_every_source_marks_what_it_found() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "6/");
        type_keys(&mut app, "VACUNACION");
        let screen = render_marked(&app, w, h);
        assert!(
            screen.contains("⟦vacunación⟧") || screen.contains("⟦Vacunación⟧"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("archivo_busqueda_{w}x{h}"), screen);
    }
}

#[test]
fn i_goes_to_a_date_and_shows_its_last_row_first() {
    let (_dir, mut app) = app(80, 24);
    type_keys(&mut app, "6i");
    assert!(top_is_form(&app));
    // The date field starts on today, selected: what is typed replaces it.
    type_keys(&mut app, "2023-03-15");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let chosen = app
        .screen()
        .archive
        .timeline
        .rows
        .selected()
        .cloned()
        .unwrap();
    assert!(chosen.at.as_str() < "2023-03-16", "{chosen:?}");
    let latest_then = sql_value(
        &app,
        "SELECT max(occurred_at) FROM archive_items WHERE occurred_at < '2023-03-16'",
        &[],
    )
    .unwrap();
    assert!(
        chosen.at.as_str() >= latest_then.get(..10).unwrap(),
        "{chosen:?} {latest_then}"
    );
    insta::assert_snapshot!("archivo_ir_a_fecha_80x24", shown(&app));
}

#[test]
fn an_item_shows_its_classification_and_the_consent_it_lacks() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "6");
        let item = sql_value(
            &app,
            "SELECT id FROM archive_items WHERE subjects = 'minors' AND occurred_at < '2025-03-06'
             ORDER BY occurred_at DESC LIMIT 1",
            &[],
        )
        .unwrap();
        reveal(&mut app, Target::new(RecordKind::ArchiveItem, item));
        let screen = render(&app, w, h);
        assert!(screen.contains("⚠ Aparecen menores de edad"), "{screen}");
        if h >= 40 {
            assert!(screen.contains("Comunicación Social"), "{screen}");
            assert!(
                screen.contains("Quién aparece: Menores de edad"),
                "{screen}"
            );
        }
        insta::assert_snapshot!(format!("archivo_elemento_{w}x{h}"), screen);
    }
}

#[test]
fn the_classification_chart_lists_each_series_with_its_items() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "6]");
        let screen = render(&app, w, h);
        assert!(screen.contains("CS.02"), "{screen}");
        assert!(screen.contains("Registro fotográfico"), "{screen}");
        insta::assert_snapshot!(format!("archivo_clasificacion_{w}x{h}"), screen);
    }
}

#[test]
fn a_photo_shows_its_picture_its_file_and_where_its_date_came_from() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "6");
        let item = sql_value(
            &app,
            "SELECT a.id FROM archive_items a JOIN archive_media l ON l.item_id = a.id
             JOIN media m ON m.id = l.media_id WHERE m.thumbnail IS NOT NULL
             ORDER BY a.occurred_at DESC LIMIT 1",
            &[],
        )
        .unwrap();
        reveal(&mut app, Target::new(RecordKind::ArchiveItem, item));
        let screen = render(&app, w, h);
        // The picture (in half-blocks here) above the detail.
        assert!(screen.contains("┌ Foto"), "{screen}");
        assert!(screen.contains('▀') || screen.contains('▄'), "{screen}");
        if h >= 40 {
            assert!(screen.contains("IMG_20250305_0001.jpg — Foto"), "{screen}");
            assert!(screen.contains("(fecha de la cámara)"), "{screen}");
        }
        insta::assert_snapshot!(format!("archivo_foto_{w}x{h}"), screen);
    }
}
