//! Archivo from the keyboard: an item tagged and found by its tag; a photo of children put in
//! a piece without consent (the piece's checks say so and approval waits), the consent
//! recorded from the photo's detail, and the warning gone; a series added to the chart.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::compliance::Issue;
use prensa::domain::edit::{RecordKind, Target};
use prensa::ui::Action;

fn show_item(app: &mut App, id: &str) {
    type_keys(app, "6");
    reveal(app, Target::new(RecordKind::ArchiveItem, id));
}

/// A photo of children from before today, not in any piece, with no consent.
fn photo_of_minors(app: &App) -> String {
    sql_value(
        app,
        "SELECT a.id FROM archive_items a WHERE a.subjects = 'minors' AND a.draft_id IS NULL
           AND a.occurred_at < '2025-03-06' AND a.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.item_id = a.id)
         ORDER BY a.occurred_at DESC LIMIT 1",
        &[],
    )
    .unwrap()
}

#[test]
fn an_item_is_tagged_in_its_form_and_found_by_its_tag() {
    let (_dir, mut app) = demo_app(80, 24);
    let item = photo_of_minors(&app);
    show_item(&mut app, &item);
    press(&mut app, KeyCode::Char('e'));
    assert!(top_is_form(&app));
    // Title, Tipo, Fecha, Hora, Área, Evento, Lugar, Personas, Etiquetas.
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    type_keys(&mut app, "Presidenta municipal");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "discurso, niñez");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(
        value(&app, "archive_items", &item, "people"),
        "Presidenta municipal"
    );
    let screen = render(&app, 120, 50);
    assert!(screen.contains("Etiquetas: discurso, niñez"), "{screen}");
    assert!(
        screen.contains("Personas: Presidenta municipal"),
        "{screen}"
    );

    // Filtered by the tag, written another way: only that item.
    type_keys(&mut app, "f");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_keys(&mut app, "NINEZ");
    ctrl(&mut app, 's');
    let rows = app.screen().archive.timeline.rows.rows().to_vec();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].id, item);
    // And by a person's name, as a word of it.
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "f");
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    type_keys(&mut app, "presidenta");
    ctrl(&mut app, 's');
    let rows = app.screen().archive.timeline.rows.rows().to_vec();
    assert!(rows.iter().any(|r| r.id == item), "{rows:?}");
}

#[test]
fn a_photo_of_children_in_a_piece_needs_their_consent() {
    let (_dir, mut app) = demo_app_at_now(80, 24);
    let item = photo_of_minors(&app);
    let title = value(&app, "archive_items", &item, "title");
    // A piece about the activity, sent for review.
    app.update(Action::Save(prensa::domain::edit::Command::Create {
        id: None,
        record: prensa::domain::edit::Record::Draft(prensa::domain::edit::DraftInput::new(
            "Entrega de útiles en la primaria",
            "El DIF municipal entregó útiles escolares a las niñas y los niños de la primaria.",
            "2025-03-06T08:00",
        )),
    }));
    let draft = id_where(&app, "drafts", "title", "Entrega de útiles en la primaria").unwrap();
    app.update(Action::SetStatus(
        Target::new(RecordKind::Draft, draft.clone()),
        "review".into(),
    ));
    assert_eq!(value(&app, "drafts", &draft, "status"), "review");
    // The photo goes into the piece (its "Pieza" field).
    let mut record = match app
        .store()
        .record(&Target::new(RecordKind::ArchiveItem, item.clone()))
        .unwrap()
    {
        prensa::domain::edit::Record::ArchiveItem(a) => a,
        other => panic!("{other:?}"),
    };
    record.draft_id = Some(draft.clone());
    app.update(Action::Save(prensa::domain::edit::Command::Update {
        id: item.clone(),
        record: prensa::domain::edit::Record::ArchiveItem(record),
    }));
    let consent_findings = |app: &App| {
        app.store()
            .draft_detail(&draft)
            .unwrap()
            .checks
            .into_iter()
            .filter(|c| matches!(c.finding.issue, Issue::Consent { .. }))
            .count()
    };
    assert_eq!(consent_findings(&app), 1);
    // Approval waits for it, and says why.
    app.update(Action::SetStatus(
        Target::new(RecordKind::Draft, draft.clone()),
        "approved".into(),
    ));
    assert_eq!(value(&app, "drafts", &draft, "status"), "review");
    // It asks why the warning may be let through, and names the photo.
    let screen = shown(&app);
    assert!(top_is_form(&app), "{screen}");
    assert!(screen.contains("muestra a menores de"), "{screen}");
    press(&mut app, KeyCode::Esc);
    // The photo's detail says what is missing.
    show_item(&mut app, &item);
    let screen = shown(&app);
    assert!(screen.contains("⚠ Aparecen menores de edad"), "{screen}");

    // n on the photo's detail: the consent of a minor, given by her mother.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "Ana Martínez Cruz");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 's');
    // A minor's consent names who gave it.
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "María Cruz López (madre)");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Difusión institucional de la entrega");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "2025-12-31");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Formato CS-07 firmado");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM consents WHERE item_id = ?1 AND minor = 1 AND valid_until = '2025-12-31'",
            &[&item]
        ),
        1
    );
    let screen = render(&app, 120, 50);
    assert!(!screen.contains("Aparecen menores de edad"), "{screen}");
    assert!(
        screen.contains("Ana Martínez Cruz (menor de edad)"),
        "{screen}"
    );
    assert_eq!(consent_findings(&app), 0, "{title}");
    // u takes the consent back, and the warning returns.
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(consent_findings(&app), 1);
}

#[test]
fn a_series_is_added_to_the_chart_and_an_item_filed_under_it() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "6]n");
    assert!(top_is_form(&app));
    type_keys(&mut app, "1C");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Comunicación Social");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "CS.07");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Transparencia y solicitudes de información");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "dos");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app), "years must be a number");
    assert!(shown(&app).contains("número entero"), "{}", shown(&app));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_keys(&mut app, "2");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let series = id_where(&app, "classification", "code", "CS.07").unwrap();
    assert_eq!(
        count(
            &app,
            "SELECT years FROM classification WHERE id = ?1",
            &[&series]
        ),
        2
    );
    let screen = shown(&app);
    assert!(screen.contains("CS.07"), "{screen}");
}

/// `I` in Archivo: a folder read in the background, its preview asked about; no leaves
/// nothing behind (not even the copies made to preview it), yes imports it under its day,
/// with the event it was taken at, and `u` takes it all back.
#[test]
fn a_folder_of_photos_is_imported_from_the_console_after_its_preview() {
    let (dir, mut app) = demo_app_at_now(80, 24);
    let folder = dir.path().join("cabildo");
    std::fs::create_dir_all(&folder).unwrap();
    let event = sql_value(
        &app,
        "SELECT starts_at FROM events WHERE status = 'covered' AND starts_at < '2025-03-01'
         ORDER BY starts_at DESC LIMIT 1",
        &[],
    )
    .unwrap();
    // Three photos taken ten minutes into the event.
    let shot = format!(
        "{}:{}:{} {}:10:00",
        &event[..4],
        &event[5..7],
        &event[8..10],
        &event[11..13]
    );
    for n in 1..=3 {
        let jpeg = prensa::interop::media::samples::jpeg(64 + n, 48, Some((&shot, 1))).unwrap();
        std::fs::write(folder.join(format!("DSC_{n:04}.jpg")), jpeg).unwrap();
    }
    let media = app.store().media_dir();
    let files_in_media = || {
        files_under(&media)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
            .count()
    };
    let before = files_in_media();
    let start = count(
        &app,
        "SELECT count(*) FROM archive_items WHERE deleted_at IS NULL",
        &[],
    );

    // No: nothing written, no copy left.
    type_keys(&mut app, "6I");
    app.on_paste(&folder.display().to_string());
    ctrl(&mut app, 's');
    app.poll_job(true);
    let screen = shown(&app);
    assert!(screen.contains("Nuevos: 3"), "{screen}");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM archive_items WHERE deleted_at IS NULL",
            &[]
        ),
        start
    );
    assert_eq!(files_in_media(), before, "the preview's copies are gone");

    // Yes: three photos, under their day, with their event.
    type_keys(&mut app, "I");
    app.on_paste(&folder.display().to_string());
    ctrl(&mut app, 's');
    app.poll_job(true);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM archive_items WHERE deleted_at IS NULL",
            &[]
        ),
        start + 3
    );
    assert_eq!(files_in_media(), before + 3);
    assert!(
        said(&app).contains("Importados al archivo: 3"),
        "{}",
        said(&app)
    );
    // The timeline opens on them.
    let rows = app.screen().archive.timeline.rows.rows().to_vec();
    assert!(
        rows.iter().filter(|r| r.title.contains("DSC_000")).count() == 3,
        "{rows:?}"
    );
    // u: all three go back.
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM archive_items WHERE deleted_at IS NULL",
            &[]
        ),
        start,
        "{}\n{}",
        said(&app),
        shown(&app)
    );
}

/// A date that does not exist is said beside the date, not blamed on the time.
#[test]
fn an_impossible_date_is_said_beside_the_date_only() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "6n");
    type_keys(&mut app, "Foto del informe");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "31/02/2023");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    let screen = shown(&app);
    assert!(screen.contains("No es una fecha"), "{screen}");
    assert!(!screen.contains("Es obligatorio"), "{screen}");
}
