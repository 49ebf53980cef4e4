//! The console as a user sees it: every tab rendered at 80×24 and 120×40 on the demo data
//! (insta snapshots), tiny terminals, and key-by-key scenarios.
mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::ui::overlay::Overlay;
use prensa::ui::Tab;

fn help_open(app: &prensa::app::App) -> bool {
    matches!(app.screen().overlays.last(), Some(Overlay::Help(_)))
}

const TABS: [(&str, char); 7] = [
    ("hoy", '1'),
    ("agenda", '2'),
    ("reportes", '3'),
    ("borradores", '4'),
    ("medios", '5'),
    ("archivo", '6'),
    ("monitoreo", '7'),
];

#[test]
fn every_tab_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, digit) in TABS {
            let (_dir, mut app) = demo_app(w, h);
            type_keys(&mut app, &digit.to_string());
            assert!(
                app.screen().message.is_none(),
                "{name}: {:?}",
                app.screen().message
            );
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&app, w, h));
        }
    }
}

#[test]
fn help_lists_the_keys_in_spanish() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2?");
    let screen = render(&app, 80, 24);
    insta::assert_snapshot!("ayuda_80x24", screen);
    assert!(screen.contains("Ayuda: teclas"));
    assert!(screen.contains("Salir"));
}

#[test]
fn a_tiny_terminal_shows_a_notice_and_never_panics() {
    let (_dir, mut app) = demo_app(20, 5);
    let screen = render(&app, 20, 5);
    assert!(screen.starts_with("Terminal demasiado"), "{screen}");
    insta::assert_snapshot!("pequena_20x5", screen);
    for (_, digit) in TABS {
        type_keys(&mut app, &digit.to_string());
        for w in (1..=130).step_by(9) {
            for h in (1..=45).step_by(4) {
                app.resize(w, h);
                render(&app, w, h);
            }
        }
        render(&app, 1, 1);
    }
}

#[test]
fn digits_tab_and_shift_tab_reach_every_tab() {
    let (_dir, mut app) = demo_app(80, 24);
    assert_eq!(app.screen().tab, Tab::Today);
    for (i, (_, digit)) in TABS.iter().enumerate() {
        type_keys(&mut app, &digit.to_string());
        assert_eq!(app.screen().tab, Tab::ALL[i]);
    }
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen().tab, Tab::Today, "Tab wraps around");
    app.on_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.screen().tab, Tab::Monitoring);
}

#[test]
fn agenda_opens_on_today_and_pages_through_three_years() {
    let (_dir, mut app) = demo_app(80, 24);
    // The Agenda opens on Día; `[` goes round to Lista.
    type_keys(&mut app, "2[");
    let first = app.screen().agenda.events.rows.selected().unwrap().clone();
    assert!(first.starts_at.starts_with("2025-03-06"), "{first:?}");
    let detail = app.screen().agenda.events.detail.as_ref().unwrap();
    assert_eq!(detail.row.id, first.id, "the detail follows the selection");

    press(&mut app, KeyCode::Down);
    let second = app.screen().agenda.events.rows.selected().unwrap().clone();
    assert!(second.starts_at >= first.starts_at && second.id != first.id);
    assert_eq!(
        app.screen().agenda.events.detail.as_ref().unwrap().row.id,
        second.id
    );

    press(&mut app, KeyCode::Home);
    let oldest = app.screen().agenda.events.rows.selected().unwrap().clone();
    assert!(oldest.starts_at.starts_with("2022-03"), "{oldest:?}");
    press(&mut app, KeyCode::End);
    let last = app.screen().agenda.events.rows.selected().unwrap().clone();
    assert!(last.starts_at.as_str() > "2025-03-30", "{last:?}");

    // Page up from the end, many screens, then back down: the same row comes back.
    for _ in 0..40 {
        press(&mut app, KeyCode::PageUp);
    }
    let middle = app.screen().agenda.events.rows.selected().unwrap().clone();
    assert!(middle.starts_at < last.starts_at);
    for _ in 0..40 {
        press(&mut app, KeyCode::PageDown);
    }
    assert_eq!(
        app.screen().agenda.events.rows.selected().unwrap().id,
        last.id
    );
    assert!(app.screen().agenda.events.rows.rows().len() <= prensa::ui::paged::WINDOW);
    assert!(app.screen().message.is_none());
}

#[test]
fn lists_scroll_with_j_and_k_and_the_screen_follows() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3");
    let top = render(&app, 80, 24);
    type_keys(&mut app, "jjjjjjjjjjjj");
    let moved = render(&app, 80, 24);
    assert_ne!(top, moved, "the list scrolled");
    let selected = app
        .screen()
        .reports
        .reports
        .rows
        .selected()
        .unwrap()
        .title
        .clone();
    assert!(moved.contains(&selected[..20.min(selected.len())]));
    type_keys(&mut app, "kkkkkkkkkkkk");
    assert_eq!(render(&app, 80, 24), top);
}

#[test]
fn help_takes_the_keys_while_open() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "?");
    assert!(help_open(&app));
    type_keys(&mut app, "3");
    assert_eq!(
        app.screen().tab,
        Tab::Today,
        "digits do not switch tabs under the help"
    );
    type_keys(&mut app, "q");
    assert!(
        !help_open(&app) && !app.should_quit(),
        "q closes the help first"
    );
    type_keys(&mut app, "?");
    press(&mut app, KeyCode::Esc);
    assert!(!help_open(&app));
    type_keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "4?");
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit());
}

#[test]
fn keys_that_mean_nothing_here_change_nothing() {
    let (_dir, mut app) = demo_app(80, 24);
    let before = render(&app, 80, 24);
    for code in [
        KeyCode::Char('x'),
        KeyCode::Char('j'),
        KeyCode::Down,
        KeyCode::F(9),
        KeyCode::Char('ñ'),
    ] {
        press(&mut app, code);
    }
    assert_eq!(render(&app, 80, 24), before);
    assert!(!app.should_quit());
}

#[test]
fn a_new_day_refreshes_hoy() {
    let (_dir, mut app) = demo_app(80, 24);
    let today = render(&app, 80, 24);
    app.set_now(now() + chrono::Duration::days(1));
    let tomorrow = render(&app, 80, 24);
    assert_ne!(today, tomorrow);
    assert!(tomorrow.contains("07/03/2025"), "{tomorrow}");
}
