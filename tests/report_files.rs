//! Files attached to a report: `n` on a report's detail asks for paths, the files are copied
//! into the media store beside the database (once per content, never partial) and listed
//! under "Adjuntos"; a missing file is refused in Spanish with nothing written; `u` undoes an
//! attach; `d` on an attachment removes it after asking.
mod common;

use std::path::{Path, PathBuf};

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::store::{store_file, Store};
use prensa::ui::overlay::Overlay;
use sha2::{Digest, Sha256};

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Two small "photos" in a folder of their own.
fn photos() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("entrega-1.jpg");
    let b = dir.path().join("entrega 2.JPG");
    std::fs::write(&a, b"\xff\xd8\xff primera foto de la entrega").unwrap();
    std::fs::write(&b, b"\xff\xd8\xff segunda foto, otra toma").unwrap();
    (dir, a, b)
}

/// Where the media store keeps a content.
fn stored_at(app: &App, bytes: &[u8], ext: &str) -> PathBuf {
    let hash = sha256(bytes);
    app.store()
        .media_dir()
        .join(&hash[..2])
        .join(format!("{}.{ext}", &hash[2..]))
}

/// Live attachments of a report.
fn attachments(app: &App, report: &str) -> i64 {
    count(
        app,
        "SELECT CAST(count(*) AS TEXT) FROM report_files WHERE report_id = ?1 AND deleted_at IS NULL",
        &[report],
    )
}

fn ops(app: &App) -> i64 {
    count(app, "SELECT CAST(count(*) AS TEXT) FROM ops", &[])
}

/// The report selected in Reportes.
fn selected_report(app: &App) -> String {
    app.screen()
        .pane()
        .and_then(|p| p.selected())
        .map(|p| p.target.id)
        .expect("a report is selected")
}

/// From the selected report's detail: `n`, the paths one per line, Ctrl+S.
fn attach(app: &mut App, paths: &[String]) {
    type_keys(app, "n");
    assert!(top_is_form(app), "{}", shown(app));
    for (i, path) in paths.iter().enumerate() {
        if i > 0 {
            press(app, KeyCode::Enter);
        }
        type_keys(app, path);
    }
    ctrl(app, 's');
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

/// Reportes, the first report selected, its detail entered.
fn open_report(app: &mut App) -> String {
    type_keys(app, "3");
    press(app, KeyCode::Enter);
    selected_report(app)
}

#[test]
fn two_photos_are_attached_by_keys_and_stored_under_their_hash() {
    let (_photos, a, b) = photos();
    let (_dir, mut app) = demo_app(120, 40);
    let report = open_report(&mut app);
    type_keys(&mut app, "n");
    let title = shown(&app);
    assert!(title.contains("Adjuntar archivos — "), "{title}");
    press(&mut app, KeyCode::Esc);
    // The second path as a terminal pastes a dragged file: quoted, with spaces around.
    attach(&mut app, &[text(&a), format!("  '{}'  ", text(&b))]);
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert!(
        said(&app).starts_with("Se adjuntaron 2 archivos a «"),
        "{}",
        said(&app)
    );
    assert_eq!(attachments(&app, &report), 2);

    // The detail lists both.
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Adjuntos (2)"), "{screen}");
    assert!(screen.contains("entrega-1.jpg — Foto, 1 KB"), "{screen}");
    assert!(screen.contains("entrega 2.JPG — Foto, 1 KB"), "{screen}");

    // The copies are in `<db>.media/xx/…`, byte for byte; the originals are as they were.
    for (path, ext) in [(&a, "jpg"), (&b, "jpg")] {
        let original = std::fs::read(path).unwrap();
        let copy = stored_at(&app, &original, ext);
        assert!(copy.starts_with(app.store().path().with_extension("sqlite.media")));
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            original,
            "{}",
            copy.display()
        );
    }
    let hash = sha256(&std::fs::read(&a).unwrap());
    assert_eq!(
        sql_value(&app, "SELECT kind || ' ' || mime || ' ' || file_name || ' ' || size FROM media WHERE sha256 = ?1", &[&hash]).as_deref(),
        Some("photo image/jpeg entrega-1.jpg 30")
    );
    assert_eq!(
        sql_value(
            &app,
            "SELECT stored_path FROM media WHERE sha256 = ?1",
            &[&hash]
        ),
        Some(format!("{}/{}.jpg", &hash[..2], &hash[2..]))
    );
}

#[test]
fn the_same_file_attached_again_is_attached_and_stored_once() {
    let (_photos, a, _) = photos();
    let (_dir, mut app) = demo_app(80, 24);
    let first = open_report(&mut app);
    attach(&mut app, &[text(&a)]);
    assert_eq!(said(&app), {
        let title = sql_value(&app, "SELECT title FROM reports WHERE id = ?1", &[&first]);
        format!("Se adjuntó 1 archivo a «{}».", title.unwrap())
    });
    // Again to the same report (named twice, even): nothing new.
    attach(&mut app, &[text(&a), text(&a)]);
    assert!(said(&app).starts_with("Nada nuevo"), "{}", said(&app));
    assert!(!top_is_form(&app));
    assert_eq!(attachments(&app, &first), 1);

    // To another report: a second link to the one copy and the one media row.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let second = selected_report(&app);
    assert_ne!(first, second);
    attach(&mut app, &[text(&a)]);
    assert_eq!(attachments(&app, &second), 1);
    let hash = sha256(&std::fs::read(&a).unwrap());
    assert_eq!(
        count(
            &app,
            "SELECT CAST(count(*) AS TEXT) FROM media WHERE sha256 = ?1",
            &[&hash]
        ),
        1
    );
    let shard = app.store().media_dir().join(&hash[..2]);
    assert_eq!(std::fs::read_dir(shard).unwrap().count(), 1);
}

#[test]
fn a_missing_file_is_refused_in_spanish_and_nothing_is_written() {
    let (photos_dir, a, _) = photos();
    let (_dir, mut app) = demo_app(80, 24);
    let report = open_report(&mut app);
    let before = ops(&app);
    let missing = photos_dir.path().join("no-existe.jpg");
    attach(&mut app, &[text(&missing), text(photos_dir.path())]);
    // The form stays, with the reasons beside the field.
    assert!(top_is_form(&app), "{}", shown(&app));
    let Some(Overlay::Form(form)) = app.screen().overlays.last() else {
        unreachable!()
    };
    let error = form.fields[0].error.clone().unwrap_or_default();
    assert!(
        error.contains(&format!("No se adjuntó «{}»: no existe.", text(&missing))),
        "{error}"
    );
    assert!(error.contains("es una carpeta, no un archivo"), "{error}");
    assert_eq!(ops(&app), before);
    assert_eq!(attachments(&app, &report), 0);
    assert!(!app.store().media_dir().exists());

    // One missing and one there: the one there is attached, the other named.
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "s");
    attach(&mut app, &[text(&missing), text(&a)]);
    assert!(!top_is_form(&app), "{}", shown(&app));
    let message = said(&app);
    assert!(
        message.starts_with("Se adjuntó 1 archivo a «") && message.contains("no existe"),
        "{message}"
    );
    assert_eq!(attachments(&app, &report), 1);
}

#[test]
fn undo_takes_back_the_links_an_attach_made() {
    let (_photos, a, b) = photos();
    let (_dir, mut app) = demo_app(80, 24);
    let report = open_report(&mut app);
    attach(&mut app, &[text(&a), text(&b)]);
    assert_eq!(attachments(&app, &report), 2);
    type_keys(&mut app, "u");
    assert!(
        said(&app).contains("adjuntar archivos a «"),
        "{}",
        said(&app)
    );
    assert_eq!(attachments(&app, &report), 0);
    // The copies stay: they are content, maybe another report's too.
    let original = std::fs::read(&a).unwrap();
    assert!(stored_at(&app, &original, "jpg").is_file());
    // Attached again, they come back (the same rows).
    press(&mut app, KeyCode::Enter);
    attach(&mut app, &[text(&a), text(&b)]);
    assert_eq!(attachments(&app, &report), 2);
}

#[test]
fn an_attachment_is_removed_with_d_after_asking_and_comes_back_with_u() {
    let (_photos, a, b) = photos();
    let (_dir, mut app) = demo_app(80, 24);
    let report = open_report(&mut app);
    attach(&mut app, &[text(&a), text(&b)]);
    // The last line of the detail is the second file; Enter says where its copy is.
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let copy = stored_at(&app, &std::fs::read(&b).unwrap(), "jpg");
    assert_eq!(
        said(&app),
        format!("«entrega 2.JPG» está guardado en {}", copy.display())
    );
    if matches!(app.screen().overlays.last(), Some(Overlay::Notice(_))) {
        press(&mut app, KeyCode::Esc);
    }
    type_keys(&mut app, "d");
    let question = shown(&app);
    assert!(
        question.contains("¿Eliminar adjunto «entrega 2.JPG»?"),
        "{question}"
    );
    type_keys(&mut app, "s");
    assert_eq!(attachments(&app, &report), 1);
    assert!(
        said(&app).contains("Eliminado: adjunto «entrega 2.JPG»"),
        "{}",
        said(&app)
    );
    assert!(shown(&app).contains("Adjuntos (1)"), "{}", shown(&app));
    type_keys(&mut app, "u");
    assert_eq!(attachments(&app, &report), 2);

    // Deleting the report takes its attachments; undo brings them back.
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "d");
    type_keys(&mut app, "s");
    assert_eq!(attachments(&app, &report), 0);
    type_keys(&mut app, "u");
    assert_eq!(attachments(&app, &report), 2);
}

#[test]
fn a_stray_temporary_file_is_never_taken_for_the_stored_file() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("db.sqlite.media");
    let original = dir.path().join("video.MP4");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&original, &bytes).unwrap();
    let hash = sha256(&bytes);
    let shard = media.join(&hash[..2]);
    std::fs::create_dir_all(&shard).unwrap();
    // What a copy killed half-way left: under temporary names only, never the final one.
    let final_name = format!("{}.mp4", &hash[2..]);
    let ours = shard.join(format!("{final_name}.{}.tmp", std::process::id()));
    let theirs = shard.join(format!("{final_name}.1.tmp"));
    std::fs::write(&ours, &bytes[..1000]).unwrap();
    std::fs::write(&theirs, &bytes[..5000]).unwrap();

    let stored = store_file(&media, &original).unwrap();
    assert_eq!(stored.stored_path, format!("{}/{final_name}", &hash[..2]));
    assert_eq!(std::fs::read(shard.join(&final_name)).unwrap(), bytes);
    assert!(
        !ours.exists(),
        "this process's leftover is replaced, then renamed"
    );
    // Another process's leftover is not the file, and a fresh one is left alone.
    assert_eq!(std::fs::read(&theirs).unwrap().len(), 5000);
    assert_eq!(std::fs::read(&original).unwrap(), bytes);
}

#[test]
fn two_machines_attaching_the_same_file_name_one_media_row() {
    let (_photos, a, _) = photos();
    let ids: Vec<(String, String)> = (0..2)
        .map(|_| {
            let (dir, path) = demo_copy();
            let mut store = Store::open(&path, &options()).unwrap();
            let report = {
                let conn = rusqlite::Connection::open(&path).unwrap();
                conn.query_row(
                    "SELECT id FROM reports WHERE deleted_at IS NULL ORDER BY received_at DESC LIMIT 1",
                    [],
                    |r| r.get::<_, String>(0),
                )
                .unwrap()
            };
            let done = store.attach_files(&report, std::slice::from_ref(&a)).unwrap();
            assert_eq!(done.attached, 1);
            let files = store.report_files(&report).unwrap();
            drop(dir);
            (files[0].media_id.clone(), files[0].id.clone())
        })
        .collect();
    assert_eq!(ids[0], ids[1]);
}

#[test]
fn a_report_that_is_not_there_gets_nothing() {
    let (_photos, a, _) = photos();
    let (_dir, path) = demo_copy();
    let mut store = Store::open(&path, &options()).unwrap();
    assert!(store.attach_files("no-such-report", &[a]).is_err());
    assert!(!store.media_dir().exists());
}

#[test]
fn snapshot_report_detail_with_two_attachments() {
    let (_photos, a, b) = photos();
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3");
    // A report of its own, short, so the detail shows it whole.
    type_keys(&mut app, "n");
    type_keys(&mut app, "Entrega de lentes en Tampate");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Enter);
    attach(&mut app, &[text(&a), text(&b)]);
    // On the second file (the detail scrolls to it), in the order they were given.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!("detalle_con_adjuntos_80x24", shown(&app));
}

#[test]
fn a_machine_with_no_attachments_yet_receives_them_with_its_first_sync() {
    let (_photos, a, _) = photos();
    let (_dir, office_path) = demo_copy();
    let home_dir = tempfile::tempdir().unwrap();
    let home_path = home_dir.path().join("casa.sqlite");
    std::fs::copy(&office_path, &home_path).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let mut office = open_as(&office_path, "oficina");
    let mut home = open_as(&home_path, "casa");
    let report: String = rusqlite::Connection::open(&office_path)
        .unwrap()
        .query_row(
            "SELECT id FROM reports WHERE deleted_at IS NULL ORDER BY received_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    office
        .attach_files(&report, std::slice::from_ref(&a))
        .unwrap();
    assert!(!home.media_dir().exists());
    let sync = |store: &mut Store| {
        let mut opts = prensa::sync::SyncOptions::for_store(store, stick.path(), false, now());
        let place = store.path().with_extension("lugar");
        opts.work_dir = place.join("cache");
        opts.backup_dir = place.join("respaldos");
        prensa::sync::run(store, &opts, &mut |_, _, _| {}).unwrap()
    };
    assert_eq!(sync(&mut office).media_sent, 1);
    assert_eq!(sync(&mut home).media_received, 1);
    let hash = sha256(&std::fs::read(&a).unwrap());
    let received = home
        .media_dir()
        .join(&hash[..2])
        .join(format!("{}.jpg", &hash[2..]));
    assert_eq!(std::fs::read(received).unwrap(), std::fs::read(&a).unwrap());
    assert_eq!(home.report_files(&report).unwrap().len(), 1);
}

#[test]
fn an_idle_console_removes_what_an_old_cut_copy_left_and_nothing_else() {
    let (_photos, a, _) = photos();
    let (_dir, mut app) = demo_app(80, 24);
    let report: String = rusqlite::Connection::open(app.store().path())
        .unwrap()
        .query_row(
            "SELECT id FROM reports WHERE deleted_at IS NULL ORDER BY received_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut store = Store::open(app.store().path(), &options()).unwrap();
    store
        .attach_files(&report, std::slice::from_ref(&a))
        .unwrap();
    let shard = store.media_dir().join("ab");
    std::fs::create_dir_all(&shard).unwrap();
    let old = shard.join("cdef.mp4.4242.tmp");
    let fresh = shard.join("cdef.mp4.4343.tmp");
    for tmp in [&old, &fresh] {
        std::fs::write(tmp, b"a copy cut short").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    app.on_idle();
    assert!(!old.exists(), "the old leftover goes");
    assert!(fresh.exists(), "a copy that may still be running stays");
    let hash = sha256(&std::fs::read(&a).unwrap());
    assert!(store
        .media_dir()
        .join(&hash[..2])
        .join(format!("{}.jpg", &hash[2..]))
        .exists());
}
