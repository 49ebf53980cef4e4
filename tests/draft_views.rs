//! Borradores as the writer sees it (insta snapshots at 80×24 and 120×40, on the demo data with
//! the fixed clock and a named writer): the editor with long text wrapped at words, accents and
//! emoji; a version for X with its live counter over the limit; the checks before publishing
//! (a block, a warning, a translation not reviewed); and the list with the new statuses.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{RecordKind, Target};
use prensa::store::Store;
use prensa::ui::{Action, ListCmd};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const BODY: &str = "El Sistema DIF municipal llevó consultas médicas, vacunas y pláticas de nutrición a la comunidad de Tamápatz 🙂. Gracias a la presidenta, 300 niñas y niños recibieron su cartilla.\nLa jornada sigue mañana en Agua Zarca, de 9 a 14 h.";

/// The demo on the fixed clock, with the store's own clock and writer fixed too (approvals
/// and histories read them).
fn app(w: u16, h: u16) -> (tempfile::TempDir, App) {
    let (dir, path) = demo_copy();
    let mut store = Store::open(&path, &options()).unwrap();
    let ms = office_millis(now());
    store.set_wall_clock(move || ms);
    store.set_actor("Mariana Olvera");
    (dir, App::new(store, now(), (w, h)))
}

/// A piece with a block (X too long), a warning (Art. 134) and a Tének version not reviewed.
fn piece(app: &mut App) -> String {
    type_keys(app, "4n");
    type_keys(app, "Jornada de salud del DIF en Tamápatz");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_keys(app, BODY);
    ctrl(app, 's');
    let id = id_where(
        app,
        "drafts",
        "title",
        "Jornada de salud del DIF en Tamápatz",
    )
    .unwrap();
    for (rights, text, language) in [
        (1, "Jornada de salud en Tamápatz. ".repeat(10), 0),
        (0, "Jornada de salud ti Tamápatz (tének).".to_owned(), 1),
    ] {
        show(app, &id);
        press(app, KeyCode::Enter);
        type_keys(app, "n");
        for _ in 0..rights {
            press(app, KeyCode::Right);
        }
        press(app, KeyCode::Tab);
        type_keys(app, &text);
        for _ in 0..4 {
            press(app, KeyCode::Tab);
        }
        for _ in 0..language {
            press(app, KeyCode::Right);
        }
        press(app, KeyCode::Tab);
        type_keys(app, if language > 0 { "Juana Santiago" } else { "" });
        ctrl(app, 's');
        press(app, KeyCode::Esc);
    }
    id
}

fn show(app: &mut App, id: &str) {
    if app.screen().overlays.is_empty() {
        type_keys(app, "4");
    }
    let key = app
        .store()
        .place_of(&Target::new(RecordKind::Draft, id))
        .unwrap()
        .unwrap();
    app.update(Action::List(ListCmd::Reveal(key)));
}

#[test]
fn the_editor_wraps_long_text_at_words_with_accents_and_emoji() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "4n");
        type_keys(&mut app, "Jornada de salud del DIF en Tamápatz");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        type_keys(&mut app, BODY);
        let screen = render(&app, w, h);
        assert!(screen.contains("caracteres"), "{screen}");
        assert!(screen.contains("Tamápatz 🙂"), "{screen}");
        insta::assert_snapshot!(format!("borrador_editor_{w}x{h}"), screen);
    }
}

#[test]
fn a_version_for_x_counts_as_x_does_and_says_when_it_is_over() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        let id = piece(&mut app);
        let x = sql_value(
            &app,
            "SELECT id FROM variants WHERE draft_id = ?1 AND channel = 'x'",
            &[&id],
        )
        .unwrap();
        app.update(Action::Edit(Target::new(RecordKind::Variant, x)));
        press(&mut app, KeyCode::Tab);
        let screen = render(&app, w, h);
        assert!(screen.contains("300 de 280 caracteres"), "{screen}");
        insta::assert_snapshot!(format!("borrador_version_x_{w}x{h}"), screen);
    }
}

#[test]
fn the_checks_before_publishing_say_what_blocks_and_what_warns() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        let id = piece(&mut app);
        show(&mut app, &id);
        // Into the detail, on its first version: the checks stand just above it.
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Down);
        let screen = render(&app, w, h);
        assert!(screen.contains("Aviso: Art. 134"), "{screen}");
        insta::assert_snapshot!(format!("borrador_revision_{w}x{h}"), screen);
    }
}

#[test]
fn the_list_shows_each_piece_with_its_status_or_folio() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        let id = piece(&mut app);
        app.update(Action::SetStatus(
            Target::new(RecordKind::Draft, id.clone()),
            "review".into(),
        ));
        app.update(Action::SetStatus(
            Target::new(RecordKind::Draft, id.clone()),
            "rejected".into(),
        ));
        type_keys(&mut app, "Recortar la versión de X");
        ctrl(&mut app, 's');
        show(&mut app, &id);
        let screen = render(&app, w, h);
        assert!(screen.contains("Rechazado"), "{screen}");
        insta::assert_snapshot!(format!("borradores_lista_{w}x{h}"), screen);
    }
}

#[test]
fn campaigns_and_material_requests_are_views_of_borradores() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        type_keys(&mut app, "4]");
        let screen = render(&app, w, h);
        assert!(screen.contains("Campañas"), "{screen}");
        insta::assert_snapshot!(format!("borradores_campanas_{w}x{h}"), screen);
        type_keys(&mut app, "]");
        let screen = render(&app, w, h);
        assert!(screen.contains("Para el"), "{screen}");
        insta::assert_snapshot!(format!("borradores_material_{w}x{h}"), screen);
    }
}
