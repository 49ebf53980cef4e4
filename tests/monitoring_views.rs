//! Monitoreo as the office sees it (insta snapshots at 80×24 and 120×40, on the demo data with
//! the fixed clock): the notes with their tone and response, a note's detail (one that quotes a
//! boletín, and a negative one answered by a piece), the citizens' questions, the reusable
//! answers, and the figures of the last twelve weeks.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{RecordKind, Target};
use prensa::ui::{Action, ListCmd};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Monitoreo on its `n`th view (0: Notas, 1: Preguntas, 2: Respuestas, 3: Cifras).
fn view(app: &mut App, n: usize) {
    type_keys(app, "7");
    for _ in 0..n {
        press(app, KeyCode::Char(']'));
    }
}

fn reveal_record(app: &mut App, target: Target) {
    let key = app.store().place_of(&target).unwrap().unwrap();
    app.update(Action::List(ListCmd::Reveal(key)));
}

#[test]
fn the_notes_and_a_note_answered_by_a_piece() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app_at_now(w, h);
        view(&mut app, 0);
        let screen = render(&app, w, h);
        assert!(screen.contains("Titular"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_notas_{w}x{h}"), screen);
        let answered = sql_value(
            &app,
            "SELECT k.id FROM clippings k JOIN drafts x ON x.id = k.draft_id
             WHERE k.deleted_at IS NULL AND k.tone = 'negative' AND x.status = 'published'
             ORDER BY k.published_on DESC, k.id LIMIT 1",
            &[],
        )
        .expect("the demo answers a negative note with a published piece");
        reveal_record(&mut app, Target::new(RecordKind::Clipping, answered));
        let screen = render(&app, w, h);
        assert!(screen.contains("Respuesta: Dada"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_nota_respondida_{w}x{h}"), screen);
        let quoting = sql_value(
            &app,
            "SELECT id FROM clippings WHERE deleted_at IS NULL AND quoted_id IS NOT NULL
             ORDER BY published_on DESC, id LIMIT 1",
            &[],
        )
        .expect("the demo's outlets pick up boletines");
        reveal_record(&mut app, Target::new(RecordKind::Clipping, quoting));
        let screen = render(&app, w, h);
        assert!(screen.contains("Cita el boletín:"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_nota_cita_{w}x{h}"), screen);
    }
}

#[test]
fn the_questions_and_the_reusable_answers() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app_at_now(w, h);
        view(&mut app, 1);
        let screen = render(&app, w, h);
        assert!(screen.contains("Pregunta"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_preguntas_{w}x{h}"), screen);
        press(&mut app, KeyCode::Char(']'));
        let screen = render(&app, w, h);
        assert!(screen.contains("Usada"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_respuestas_{w}x{h}"), screen);
    }
}

#[test]
fn the_figures_of_twelve_weeks() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app_at_now(w, h);
        view(&mut app, 3);
        let screen = render(&app, w, h);
        assert!(
            screen.contains("TONO DE LA COBERTURA POR SEMANA"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("monitoreo_cifras_{w}x{h}"), screen);
        // At 80×24 the rest is reached by moving down; the last line is the departments'.
        press(&mut app, KeyCode::End);
        let screen = render(&app, w, h);
        assert!(screen.contains("PREGUNTAS POR ÁREA"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_cifras_fin_{w}x{h}"), screen);
    }
}

#[test]
fn the_figures_open_an_outlet_and_are_copied() {
    let (_dir, mut app) = demo_app_at_now(120, 40);
    view(&mut app, 3);
    // Down to the first outlet that picked up a boletín.
    let figures = app.store().monitoring_figures(reference()).unwrap();
    let first = figures
        .pick_ups
        .first()
        .expect("an outlet picked up a boletín");
    for _ in 0..40 {
        let on_it = app
            .screen()
            .pane()
            .and_then(|p| p.selected())
            .is_some_and(|p| p.target == first.outlet);
        if on_it {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let screen = shown(&app);
    assert_eq!(app.screen().tab, prensa::ui::Tab::Media, "{screen}");
    assert!(screen.contains(&first.name), "{screen}");
    assert!(
        screen.contains("Periodistas ("),
        "the outlet's detail: {screen}"
    );
    type_keys(&mut app, "7");
    let _ = app.take_effects();
    type_keys(&mut app, "y");
    let text = copied(&mut app).join("\n");
    assert!(text.contains("TONO DE LA COBERTURA POR SEMANA"), "{text}");
    assert!(text.contains("Mediana para responder"), "{text}");
}

#[test]
fn the_reach_of_a_month_and_the_month_before() {
    for (w, h) in SIZES {
        let (_dir, mut app) = demo_app_at_now(w, h);
        view(&mut app, 4);
        let screen = render(&app, w, h);
        assert!(
            screen.contains("Alcance en redes: marzo de 2025"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("monitoreo_alcance_{w}x{h}"), screen);
        press(&mut app, KeyCode::Char('<'));
        let screen = render(&app, w, h);
        assert!(
            screen.contains("Alcance en redes: febrero de 2025"),
            "{screen}"
        );
        assert!(screen.contains("POR ÁREA"), "{screen}");
        insta::assert_snapshot!(format!("monitoreo_alcance_febrero_{w}x{h}"), screen);
    }
}
