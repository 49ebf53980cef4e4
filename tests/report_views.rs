//! The Reportes tab as the morning meeting sees it, on the demo data with the fixed clock
//! (insta snapshots at 80×24 and 120×40): the inbox, a report's detail (how it arrived, the
//! request it answers, its text and what was written from it), the requests with the overdue
//! ones marked in words, and the departments with their liaison.
mod common;

use common::*;
use crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn the_inbox_shows_the_newest_report_first_with_its_status_in_words() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app(w, h);
        type_keys(&mut app, "3");
        let screen = render(&app, w, h);
        assert!(
            screen.contains("Nuevo") && screen.contains("Llegó por:"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("reportes_bandeja_{w}x{h}"), screen);
    }
}

#[test]
fn a_report_detail_says_how_it_came_what_it_answers_and_what_came_of_it() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app(w, h);
        type_keys(&mut app, "3/acciones logros");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Enter);
        let screen = render(&app, w, h);
        assert!(screen.contains("Solicitud: "), "{screen}");
        insta::assert_snapshot!(format!("reportes_detalle_{w}x{h}"), screen);
    }
}

#[test]
fn the_requests_mark_the_overdue_ones_in_words() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app(w, h);
        // The filter "Vencida": pending and past their due date today.
        type_keys(&mut app, "3]f");
        press(&mut app, KeyCode::Right);
        press(&mut app, KeyCode::Right);
        ctrl(&mut app, 's');
        let screen = render(&app, w, h);
        assert!(screen.contains("Filtros: Estado: Vencida"), "{screen}");
        assert!(screen.contains("Estado: Vencida"), "{screen}");
        assert!(!screen.contains("Pendiente"), "{screen}");
        insta::assert_snapshot!(format!("reportes_solicitudes_{w}x{h}"), screen);
    }
}

#[test]
fn the_departments_list_their_head_and_liaison() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app(w, h);
        type_keys(&mut app, "3]]");
        let screen = render(&app, w, h);
        assert!(screen.contains("Enlace:"), "{screen}");
        insta::assert_snapshot!(format!("reportes_areas_{w}x{h}"), screen);
    }
}
