//! Medios as the office sees it (insta snapshots at 80×24 and 120×40, on the demo data with the
//! fixed clock): the directory, a journalist's card (one who asked not to be contacted), a
//! contact list, the requests from the media, and a send with each recipient's state.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{RecordKind, Target};
use prensa::ui::{Action, ListCmd};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn app(w: u16, h: u16) -> (tempfile::TempDir, App) {
    demo_app_at_now(w, h)
}

/// Medios on the view whose header holds `column`, showing `target` when given.
fn view(app: &mut App, column: &str, target: Option<Target>) {
    type_keys(app, "5");
    while !shown(app).contains(column) {
        press(app, KeyCode::Char(']'));
    }
    if let Some(target) = target {
        let key = app.store().place_of(&target).unwrap().unwrap();
        app.update(Action::List(ListCmd::Reveal(key)));
    }
}

#[test]
fn the_directory_and_a_card_of_someone_not_to_contact() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        view(&mut app, "Nombre", None);
        insta::assert_snapshot!(format!("medios_directorio_{w}x{h}"), render(&app, w, h));
        let out = sql_value(
            &app,
            "SELECT id FROM journalists WHERE do_not_contact = 1 ORDER BY name LIMIT 1",
            &[],
        )
        .unwrap();
        view(
            &mut app,
            "Nombre",
            Some(Target::new(RecordKind::Journalist, out)),
        );
        let screen = render(&app, w, h);
        assert!(screen.contains("No contactar: Pidió"), "{screen}");
        insta::assert_snapshot!(format!("medios_periodista_{w}x{h}"), screen);
    }
}

#[test]
fn a_list_and_who_is_on_it() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        let radio = id_where(&app, "contact_lists", "name", "Radio").unwrap();
        view(
            &mut app,
            "Integrantes",
            Some(Target::new(RecordKind::ContactList, radio)),
        );
        let screen = render(&app, w, h);
        assert!(screen.contains("Estaciones de radio"), "{screen}");
        insta::assert_snapshot!(format!("medios_lista_{w}x{h}"), screen);
    }
}

#[test]
fn a_send_shows_each_recipient_and_how_it_went() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        view(&mut app, "Llegó", None);
        press(&mut app, KeyCode::Enter);
        let screen = render(&app, w, h);
        assert!(screen.contains("✓ "), "{screen}");
        insta::assert_snapshot!(format!("medios_envio_{w}x{h}"), screen);
    }
}

#[test]
fn the_requests_from_the_media() {
    for (w, h) in SIZES {
        let (_dir, mut app) = app(w, h);
        view(&mut app, "Pedida", None);
        let screen = render(&app, w, h);
        assert!(screen.contains("Entrevista"), "{screen}");
        insta::assert_snapshot!(format!("medios_solicitudes_{w}x{h}"), screen);
    }
}
