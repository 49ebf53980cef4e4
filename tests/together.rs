//! The console with others: a second console on the same file, a second machine through the
//! sync folder, the clipboard, and conflicts decided (and undone) from the keyboard.
mod common;

use std::path::{Path, PathBuf};

use common::*;
use crossterm::event::KeyCode;
use prensa::app::{App, Effect};
use prensa::domain::ids::new_id;
use prensa::store::{testing, Store, Value};
use prensa::sync::{self, SyncOptions};
use prensa::ui::overlay::Overlay;

fn sync_store(store: &mut Store, home: &Path, stick: &Path) -> sync::SyncReport {
    let opts = SyncOptions {
        folder: stick.to_path_buf(),
        dry_run: false,
        work_dir: home.join("cache"),
        backup_dir: home.join("respaldos"),
        media_dir: None,
        now: now(),
    };
    sync::run(store, &opts, &mut |_, _, _| {}).unwrap()
}

#[test]
fn a_second_console_on_the_same_file_sees_changes_within_a_tick() {
    let (_dir, path) = demo_copy();
    let mut a = App::new(Store::open(&path, &options()).unwrap(), now(), (80, 24));
    let mut b = App::new(Store::open(&path, &options()).unwrap(), now(), (80, 24));
    type_keys(&mut b, "2[jj");
    let selected = b.screen().agenda.events.rows.selected().unwrap().id.clone();
    type_keys(&mut a, "2n");
    type_keys(&mut a, "Rueda de prensa con la Presidenta");
    ctrl(&mut a, 's');
    assert!(!render(&b, 80, 24).contains("Rueda de prensa"));
    // The event loop's tick (every second and a half): the other console's commit shows.
    b.set_now(now());
    let rows = &b.screen().agenda.events.rows;
    assert!(
        rows.rows()
            .iter()
            .any(|r| r.title == "Rueda de prensa con la Presidenta"),
        "{}",
        render(&b, 80, 24)
    );
    assert_eq!(rows.selected().unwrap().id, selected, "the selection stays");
    // And on the next key, without waiting for the tick.
    type_keys(&mut a, "e");
    ctrl(&mut a, 'j');
    type_keys(&mut a, "Rueda de prensa");
    ctrl(&mut a, 's');
    type_keys(&mut b, "k");
    let rows = b.screen().agenda.events.rows.rows();
    assert!(
        rows.iter().any(|r| r.title == "Rueda de prensa"),
        "{rows:?}"
    );
}

#[test]
fn an_edit_made_in_the_console_reaches_another_machine_and_s_asks_for_the_folder_once() {
    let dir = tempfile::tempdir().unwrap();
    let stick = dir.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    // Backups and local copies of the console's sync go to the platform's folders: the test's.
    std::env::set_var("XDG_DATA_HOME", dir.path().join("data"));
    std::env::set_var("XDG_CACHE_HOME", dir.path().join("cache"));
    let office = open_as(&dir.path().join("oficina.sqlite"), "oficina");
    let mut app = App::new(office, now(), (80, 24));
    let config = dir.path().join("config").join("config.json");
    app.set_config_path(Some(config.clone()));

    type_keys(&mut app, "2n");
    type_keys(&mut app, "Informe de gobierno");
    ctrl(&mut app, 's');
    type_keys(&mut app, "e");
    ctrl(&mut app, 'j');
    type_keys(&mut app, "Segundo informe de gobierno");
    ctrl(&mut app, 's');

    // `s` with no folder yet asks for one; a folder that does not exist is refused in place.
    type_keys(&mut app, "s");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Carpeta de sincronización"), "{screen}");
    type_keys(&mut app, "/no/existe/memoria");
    ctrl(&mut app, 's');
    assert!(render(&app, 80, 24).contains("Esa carpeta no existe"));
    ctrl(&mut app, 'j');
    app.on_paste(&stick.display().to_string());
    ctrl(&mut app, 's');
    app.poll_job(true);
    let summary = render(&app, 80, 24);
    assert!(summary.contains("Sincronización terminada"), "{summary}");
    let saved = std::fs::read_to_string(&config).unwrap();
    assert!(
        saved.contains("memoria"),
        "the folder is remembered: {saved}"
    );

    // Another machine joins from the folder and has the edited event.
    let mut home = open_as(&dir.path().join("casa.sqlite"), "casa");
    sync_store(&mut home, &dir.path().join("casa"), &stick);
    let conn = rusqlite::Connection::open(home.path()).unwrap();
    let title: String = conn
        .query_row(
            "SELECT title FROM events WHERE title LIKE '%informe de gobierno' AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(title, "Segundo informe de gobierno");
}

#[test]
fn y_copies_the_selected_item_as_text() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2[");
    let title = app
        .screen()
        .agenda
        .events
        .rows
        .selected()
        .unwrap()
        .title
        .clone();
    type_keys(&mut app, "y");
    let effects = app.take_effects();
    match effects.as_slice() {
        [Effect::Clipboard(text)] => {
            assert!(text.starts_with(&title), "{text}");
            assert!(text.contains("Cuándo:"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    assert!(render(&app, 80, 24).contains("Copiado al portapapeles"));
}

/// Two machines that changed one event's title apart, synced: the home database holds a
/// conflict. Returns (home database path, event id, the folder).
fn conflict(dir: &Path) -> (PathBuf, String) {
    let stick = dir.join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    let mut office = open_as(&dir.join("oficina.sqlite"), "oficina");
    let id = new_id();
    let text = |s: &str| Value::Text(s.into());
    testing::insert(
        &mut office,
        "events",
        &id,
        &[
            ("title", text("Sesión de Cabildo")),
            ("starts_at", text("2025-03-06T10:00")),
        ],
    )
    .unwrap();
    sync_store(&mut office, &dir.join("o"), &stick);
    let mut home = open_as(&dir.join("casa.sqlite"), "casa");
    sync_store(&mut home, &dir.join("h"), &stick);
    testing::update(
        &mut office,
        "events",
        &id,
        &[("title", text("Sesión ordinaria de Cabildo"))],
    )
    .unwrap();
    sync_store(&mut office, &dir.join("o"), &stick);
    testing::update(
        &mut home,
        "events",
        &id,
        &[("title", text("Sesión extraordinaria de Cabildo"))],
    )
    .unwrap();
    assert_eq!(sync_store(&mut home, &dir.join("h"), &stick).conflicts, 1);
    (dir.join("casa.sqlite"), id)
}

fn title(app: &App, id: &str) -> String {
    sql_value(app, "SELECT title FROM events WHERE id = ?1", &[id]).unwrap()
}

#[test]
fn a_paste_on_conflictos_decides_nothing_and_a_decision_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (home, id) = conflict(dir.path());
    let mut app = App::new(open_as(&home, "casa"), now(), (100, 30));
    type_keys(&mut app, "c");
    app.on_paste("hola 2 c 1 1 1 2 2 e");
    assert_eq!(
        app.store().count_open_conflicts().unwrap(),
        1,
        "a paste decides nothing"
    );
    assert_eq!(title(&app, &id), "Sesión extraordinaria de Cabildo");
    type_keys(&mut app, "2");
    assert_eq!(title(&app, &id), "Sesión ordinaria de Cabildo");
    assert_eq!(app.store().count_open_conflicts().unwrap(), 0);
    type_keys(&mut app, "u");
    assert_eq!(title(&app, &id), "Sesión extraordinaria de Cabildo");
    assert_eq!(app.store().count_open_conflicts().unwrap(), 1, "open again");
    assert!(render(&app, 100, 30)
        .contains("Deshecho: decisión sobre «Sesión extraordinaria de Cabildo»"));
    // A megabyte pasted into the mix editor goes in whole.
    type_keys(&mut app, "e");
    let big = "ñandú 🙂 ".repeat(100_000);
    app.on_paste(&big);
    ctrl(&mut app, 's');
    let t = title(&app, &id);
    assert!(
        t.ends_with(&big),
        "{} {:?} {:?}",
        t.len(),
        &t[..60.min(t.len())],
        app.screen().message
    );
}

#[test]
fn a_conflict_decided_in_another_console_is_not_decided_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (home, id) = conflict(dir.path());
    let mut a = App::new(open_as(&home, "casa"), now(), (100, 30));
    let mut b = App::new(open_as(&home, "casa"), now(), (100, 30));
    type_keys(&mut a, "c");
    type_keys(&mut b, "c");
    type_keys(&mut a, "1");
    assert_eq!(title(&a, &id), "Sesión extraordinaria de Cabildo");
    // b still shows it (its tick has not come): deciding says who decided it already.
    b.update(prensa::ui::Action::Decide(
        prensa::ui::action::Decision::TakeOther,
    ));
    let screen = render(&b, 100, 30);
    assert!(screen.contains("Este conflicto ya lo decidió"), "{screen}");
    assert_eq!(
        title(&b, &id),
        "Sesión extraordinaria de Cabildo",
        "nothing changed"
    );
}

#[test]
fn a_decision_the_file_cannot_take_now_stays_pending_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (home, id) = conflict(dir.path());
    let mut app = App::new(open_as(&home, "casa"), now(), (100, 30));
    type_keys(&mut app, "c");
    // Another program holds the file.
    let other = rusqlite::Connection::open(&home).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    type_keys(&mut app, "2");
    let screen = render(&app, 100, 30);
    assert!(screen.contains("la decisión no se guardó"), "{screen}");
    other.execute_batch("ROLLBACK").unwrap();
    press(&mut app, KeyCode::Esc);
    assert!(matches!(
        app.screen().overlays.last(),
        Some(Overlay::Conflicts(_))
    ));
    assert_eq!(app.store().count_open_conflicts().unwrap(), 1);
    // Once the file is free, the same key decides it.
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(title(&app, &id), "Sesión ordinaria de Cabildo");
}
