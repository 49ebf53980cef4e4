//! The second language of the catalogue (its own test binary: the language is process-wide).
mod common;

use common::*;
use prensa::i18n::{set_lang, Lang};

#[test]
fn the_console_speaks_english_when_asked() {
    set_lang(Lang::En);
    let (_dir, mut app) = demo_app(120, 40);
    let today = render(&app, 120, 40);
    assert!(
        today.contains("TODAY'S AGENDA — 3 events, 2 not covered"),
        "{today}"
    );
    assert!(today.contains("⚠ NOBODY COVERS IT"), "{today}");
    assert!(today.contains("Publications by department"), "{today}");
    assert!(today.contains("Thursday, March 6, 2025"), "{today}");
    type_keys(&mut app, "4");
    let drafts = render(&app, 120, 40);
    assert!(
        drafts.contains("Drafts") && drafts.contains("Status"),
        "{drafts}"
    );
    assert!(!drafts.contains("Borrador "), "{drafts}");
    type_keys(&mut app, "2");
    let agenda = render(&app, 120, 40);
    assert!(agenda.contains("Day │ Week │ Month │ List"), "{agenda}");
    assert!(agenda.contains("⚠ no coverage"), "{agenda}");
    type_keys(&mut app, "]");
    let week = render(&app, 120, 40);
    assert!(week.contains("Week of March 3–9, 2025"), "{week}");
    assert!(week.contains("Thu 6 today"), "{week}");
}

#[test]
fn the_figures_speak_english_too() {
    set_lang(Lang::En);
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "3[");
    let figures = render(&app, 120, 40);
    assert!(
        figures.contains("Reports │ Requests │ Departments │ Figures"),
        "{figures}"
    );
    assert!(figures.contains("March 2025 · 20 departments"), "{figures}");
    assert!(figures.contains("overdue requests"), "{figures}");
    assert!(figures.contains("Median (days)"), "{figures}");
    assert!(
        figures.contains("Reports in March by department"),
        "{figures}"
    );
    assert!(!figures.contains("Vencidas"), "{figures}");
}
