//! The Reportes tab as the office works it: Monday's request round to every department, a
//! report that arrives and answers its request, one that never comes and falls overdue, a
//! report turned into a draft (each links to the other), a report discarded with its reason,
//! and a long WhatsApp message pasted whole.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{Command, Record, RequestInput};
use prensa::domain::status::RequestStatus;
use prensa::ui::overlay::Overlay;

/// Runs a request round from the Reportes tab: `r`, the topic, Ctrl+S.
fn round(app: &mut App, topic: &str) {
    type_keys(app, "3r");
    assert!(top_is_form(app), "{}", shown(app));
    type_keys(app, topic);
    ctrl(app, 's');
    assert!(!top_is_form(app), "the round was sent:\n{}", shown(app));
}

/// Tab `n` times in a form.
fn tabs(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

/// In the form's picker: types `search` and takes the first choice.
fn pick(app: &mut App, search: &str) {
    press(app, KeyCode::Enter);
    type_keys(app, search);
    press(app, KeyCode::Enter);
}

/// A new report whose text is `text` pasted whole; returns the text as saved.
fn pasted_into_a_report(app: &mut App, text: &str) -> String {
    type_keys(app, "3n");
    type_keys(app, "Mensaje pegado");
    tabs(app, 9);
    app.on_paste(text);
    ctrl(app, 's');
    assert!(!top_is_form(app), "{}", shown(app));
    let id = id_where(app, "reports", "title", "Mensaje pegado").unwrap();
    value(app, "reports", &id, "body")
}

const OBRAS: &str = "Dirección de Obras Públicas";

#[test]
fn a_request_round_asks_every_active_department_with_its_own_text() {
    let (_dir, mut app) = demo_app(80, 24);
    let active = count(
        &app,
        "SELECT count(*) FROM departments WHERE active = 1 AND deleted_at IS NULL
         AND name <> 'Comunicación Social'",
        &[],
    );
    assert!(active > 10);
    round(&mut app, "Acciones de la semana del 3 de marzo");
    let sent =
        "SELECT count(*) FROM requests WHERE subject = 'Acciones de la semana del 3 de marzo'
                AND status = 'pending' AND sent_on = '2025-03-06' AND due_on = '2025-03-13'
                AND channel = 'whatsapp' AND deleted_at IS NULL";
    assert_eq!(count(&app, sent, &[]), active);
    // The office does not ask itself.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM requests q JOIN departments d ON d.id = q.department_id
             WHERE q.subject = 'Acciones de la semana del 3 de marzo' AND d.name = 'Comunicación Social'",
            &[]
        ),
        0
    );
    // Each text names its department, the topic and the due date in words.
    let obras = sql_value(
        &app,
        "SELECT q.body FROM requests q JOIN departments d ON d.id = q.department_id
         WHERE q.subject = 'Acciones de la semana del 3 de marzo' AND d.name = ?1",
        &[OBRAS],
    )
    .unwrap();
    assert!(obras.contains(OBRAS), "{obras}");
    assert!(
        obras.contains("«Acciones de la semana del 3 de marzo»"),
        "{obras}"
    );
    assert!(obras.contains("jueves 13 de marzo de 2025"), "{obras}");
    assert!(!obras.contains('{'), "every blank filled: {obras}");
    // The Solicitudes view shows the round, in the departments' order.
    let screen = shown(&app);
    assert!(
        said(&app).contains(&format!("Ronda enviada: {active} solicitudes")),
        "{}",
        said(&app)
    );
    assert!(
        screen.contains("Acciones de la semana del") && screen.contains("Presidencia"),
        "{screen}"
    );
    // `y` copies the selected request's text, ready for WhatsApp.
    type_keys(&mut app, "y");
    let copied = copied(&mut app);
    assert_eq!(copied.len(), 1);
    assert!(copied[0].starts_with("Estimado(a) "), "{}", copied[0]);
    assert!(said(&app).contains("OSC 52"), "{}", said(&app));
    // One `u` takes the whole round back.
    type_keys(&mut app, "u");
    assert_eq!(count(&app, sent, &[]), 0);
}

#[test]
fn the_round_text_edited_is_the_template_of_the_next_round() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3r");
    type_keys(&mut app, "Informe mensual");
    tabs(&mut app, 4);
    // Clear the template: each line deleted back to its start, then joined to the one above.
    for _ in 0..12 {
        ctrl(&mut app, 'k');
        press(&mut app, KeyCode::Delete);
    }
    app.on_paste("Hola, {enlace} de {area}: ¿nos envía lo de «{tema}» antes del {fecha_limite}?");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let body = sql_value(
        &app,
        "SELECT q.body FROM requests q JOIN departments d ON d.id = q.department_id
         WHERE q.subject = 'Informe mensual' AND d.name = 'Contraloría Interna'",
        &[],
    )
    .unwrap();
    // No liaison recorded: the head stands in.
    assert_eq!(
        body,
        "Hola, Lic. Ernesto Salazar Díaz de Contraloría Interna: ¿nos envía lo de «Informe mensual» antes del jueves 13 de marzo de 2025?"
    );
    type_keys(&mut app, "r");
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Hola, {enlace} de {area}"), "{screen}");
}

#[test]
fn a_report_that_answers_a_request_marks_it_received() {
    let (_dir, mut app) = demo_app(80, 24);
    round(&mut app, "Acciones de la semana");
    let request = sql_value(
        &app,
        "SELECT q.id FROM requests q JOIN departments d ON d.id = q.department_id
         WHERE q.subject = 'Acciones de la semana' AND d.name = ?1",
        &[OBRAS],
    )
    .unwrap();
    // The report: from the Reportes view, linked to Obras Públicas' request only (its
    // department follows from the request).
    type_keys(&mut app, "[n");
    type_keys(&mut app, "Bacheo en la calle Hidalgo");
    tabs(&mut app, 7);
    // The request is found by its department; the pending one comes first.
    pick(&mut app, "obras");
    let form = shown(&app);
    assert!(
        form.contains("Solicitud                 Acciones de la semana"),
        "{form}"
    );
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let report = id_where(&app, "reports", "title", "Bacheo en la calle Hidalgo").unwrap();
    assert_eq!(value(&app, "reports", &report, "request_id"), request);
    assert_eq!(value(&app, "requests", &request, "status"), "answered");
    assert_eq!(
        sql_value(
            &app,
            "SELECT d.name FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.id = ?1",
            &[&report]
        )
        .as_deref(),
        Some(OBRAS)
    );
    let screen = shown(&app);
    assert!(
        screen.contains("Solicitud: 13/03/2025 Acciones de la semana — Obras Públicas (Recibida)"),
        "{screen}"
    );
    // Deleting the report leaves the request pending again.
    type_keys(&mut app, "ds");
    assert_eq!(value(&app, "requests", &request, "status"), "pending");
    type_keys(&mut app, "u");
    assert_eq!(value(&app, "requests", &request, "status"), "answered");
}

#[test]
fn a_request_past_its_due_date_shows_as_overdue_and_is_found_by_the_filter() {
    let (_dir, mut app) = demo_app(80, 24);
    let dif = id_where(&app, "departments", "name", "Sistema Municipal DIF").unwrap();
    let request = RequestInput {
        department_id: Some(dif),
        subject: "Padrón de beneficiarios zzz".into(),
        sent_on: "2025-02-26".into(),
        due_on: "2025-03-05".into(),
        status: RequestStatus::Pending,
        channel: None,
        body: String::new(),
        notes: String::new(),
    };
    app.update(prensa::ui::Action::Save(Command::Create {
        id: None,
        record: Record::Request(request.clone()),
    }));
    // Due yesterday, not today: only the first is overdue.
    app.update(prensa::ui::Action::Save(Command::Create {
        id: None,
        record: Record::Request(RequestInput {
            subject: "Agenda de la semana zzz".into(),
            due_on: "2025-03-06".into(),
            ..request
        }),
    }));
    type_keys(&mut app, "3]");
    type_keys(&mut app, "/zzz");
    press(&mut app, KeyCode::Enter);
    let screen = shown(&app);
    let row = |s: &str, what: &str| {
        s.lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} is listed:\n{s}"))
            .to_owned()
    };
    assert!(row(&screen, "Padrón de").contains("Vencida"), "{screen}");
    assert!(
        row(&screen, "Agenda de la").contains("Pendiente"),
        "{screen}"
    );
    // The filter "Vencida" keeps the first only.
    type_keys(&mut app, "f");
    let Some(Overlay::Form(form)) = app.screen().overlays.last() else {
        panic!("{}", shown(&app));
    };
    assert!(
        render(&app, 80, 24).contains("Estado"),
        "{}",
        render(&app, 80, 24)
    );
    let _ = form;
    // The status field is a choice: → moves to the next (Pendiente, then Vencida).
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    let screen = shown(&app);
    assert!(screen.contains("Padrón de"), "{screen}");
    assert!(!screen.contains("Agenda de la"), "{screen}");
    // Its detail says so too.
    assert!(screen.contains("Estado: Vencida"), "{screen}");
}

#[test]
fn a_report_becomes_a_draft_and_each_links_to_the_other() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3n");
    type_keys(&mut app, "Entrega de uniformes en Tamápatz");
    tabs(&mut app, 9);
    app.on_paste("Se entregaron 240 paquetes.\nParticipó el voluntariado del DIF.");
    ctrl(&mut app, 's');
    let report = id_where(&app, "reports", "title", "Entrega de uniformes en Tamápatz").unwrap();
    assert_eq!(value(&app, "reports", &report, "status"), "received");
    // From the detail, whichever of its lines is chosen, `b` is about the report.
    press(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    type_keys(&mut app, "b");
    assert!(top_is_form(&app), "{}", shown(&app));
    let form = shown(&app);
    assert!(
        form.contains("Nuevo borrador — Entrega de uniformes en Tamápatz"),
        "{form}"
    );
    assert!(form.contains("Se entregaron 240 paquetes."), "{form}");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let draft = id_where(&app, "drafts", "report_id", &report).unwrap();
    assert_eq!(
        value(&app, "drafts", &draft, "body"),
        "Se entregaron 240 paquetes.\nParticipó el voluntariado del DIF."
    );
    // The report is being written about now.
    assert_eq!(value(&app, "reports", &report, "status"), "in_draft");
    // The report lists its draft; Enter on it opens the draft, whose detail links back.
    for _ in 0..30 {
        if shown(&app).lines().any(|l| {
            l.contains('▶') && l.contains("Entrega de uniformes") && l.contains("Borrador")
        }) {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let screen = shown(&app);
    assert!(
        screen.contains("Borradores"),
        "on the Borradores tab:\n{screen}"
    );
    assert!(
        screen.contains("Origen: 06/03/2025 08:30 Entrega de uniformes en Tamápatz (En borrador)"),
        "the draft links to its report:\n{screen}"
    );
    // Published, the draft takes its report along.
    app.update(prensa::ui::Action::SetStatus(
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Draft, draft.clone()),
        "review".into(),
    ));
    app.update(prensa::ui::Action::SetStatus(
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Draft, draft.clone()),
        "approved".into(),
    ));
    // Publishing asks where and when it came out; saved as it opens, it is published now.
    app.update(prensa::ui::Action::SetStatus(
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Draft, draft),
        "published".into(),
    ));
    assert!(top_is_form(&app), "{}", shown(&app));
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "reports", &report, "status"), "used");
}

#[test]
fn a_report_is_discarded_only_with_a_reason() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3n");
    type_keys(&mut app, "Foto repetida del tianguis");
    ctrl(&mut app, 's');
    let report = id_where(&app, "reports", "title", "Foto repetida del tianguis").unwrap();
    type_keys(&mut app, "m");
    let Some(Overlay::Menu(menu)) = app.screen().overlays.last() else {
        panic!("{}", shown(&app));
    };
    let n = menu
        .items
        .iter()
        .position(|i| i.label == "Descartado")
        .unwrap();
    type_keys(&mut app, &(n + 1).to_string());
    assert!(top_is_form(&app), "{}", shown(&app));
    assert!(
        shown(&app).contains("Descartar — Foto repetida del tianguis"),
        "{}",
        shown(&app)
    );
    ctrl(&mut app, 's');
    assert!(top_is_form(&app), "an empty reason is refused");
    assert!(shown(&app).contains("Es obligatorio."), "{}", shown(&app));
    type_keys(&mut app, "Ya se publicó la del lunes");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(value(&app, "reports", &report, "status"), "discarded");
    assert_eq!(
        value(&app, "reports", &report, "reason"),
        "Ya se publicó la del lunes"
    );
    assert!(
        shown(&app).contains("Motivo: Ya se publicó la del lunes"),
        "{}",
        shown(&app)
    );
    // Set aside, it is not on the archive timeline; archived, it is.
    let on_timeline = |app: &mut App| {
        type_keys(app, "6/tianguis");
        press(app, KeyCode::Enter);
        let found = shown(app).contains("Foto repetida del tianguis");
        press(app, KeyCode::Esc);
        type_keys(app, "3");
        found
    };
    assert!(!on_timeline(&mut app));
    type_keys(&mut app, "u");
    assert_eq!(value(&app, "reports", &report, "status"), "received");
    app.update(prensa::ui::Action::SetStatus(
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Report, report.clone()),
        "archived".into(),
    ));
    assert_eq!(value(&app, "reports", &report, "status"), "archived");
    assert!(on_timeline(&mut app));
}

#[test]
fn five_thousand_pasted_lines_are_kept_to_the_last_character() {
    let (_dir, mut app) = demo_app(80, 24);
    let text: String = (1..=5000)
        .map(|i| {
            format!("[{i}] Reparación de luminarias en Tampamolón, señal {i} ✅ — niñas y niños 👩🏽‍🌾")
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.len() > 400_000);
    type_keys(&mut app, "3n");
    type_keys(&mut app, "Mensaje largo de Obras");
    tabs(&mut app, 9);
    app.on_paste(&text);
    // The form still draws, and still answers keys.
    let screen = shown(&app);
    assert!(screen.contains("señal 5000"), "{screen}");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let id = id_where(&app, "reports", "title", "Mensaje largo de Obras").unwrap();
    assert_eq!(value(&app, "reports", &id, "body"), text);
}

#[test]
fn a_windows_paste_keeps_its_line_breaks() {
    let (_dir, mut app) = demo_app(80, 24);
    assert_eq!(
        pasted_into_a_report(
            &mut app,
            "Buenas tardes\r\n\r\n*Bacheo* en Hidalgo\r\n- Limpieza de cunetas"
        ),
        "Buenas tardes\n\n*Bacheo* en Hidalgo\n- Limpieza de cunetas"
    );
}

#[test]
fn no_path_discards_a_report_without_a_reason() {
    let (_dir, path) = demo_copy();
    let id: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT id FROM reports WHERE status = 'in_draft' AND deleted_at IS NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut store = prensa::store::Store::open(&path, &options()).unwrap();
    let target = prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Report, id);
    let before = content(&path);
    let refused = store.execute(&Command::SetStatus {
        target,
        status: "discarded".into(),
    });
    assert!(
        matches!(&refused, Err(prensa::store::StoreError::Invalid(i)) if i.field == "reason"),
        "{refused:?}"
    );
    assert_eq!(content(&path), before);
}

#[test]
fn a_single_request_starts_from_the_template_filled_for_its_department() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3]n");
    type_keys(&mut app, "Fotos del bacheo");
    press(&mut app, KeyCode::Tab);
    pick(&mut app, "obras");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let id = id_where(&app, "requests", "subject", "Fotos del bacheo").unwrap();
    let body = value(&app, "requests", &id, "body");
    assert!(
        body.starts_with("Estimado(a) Ing. Rogelio Hernández Martínez:"),
        "{body}"
    );
    assert!(
        body.contains("la información de Dirección de Obras Públicas sobre «Fotos del bacheo»")
            && body.contains("a más tardar el jueves 13 de marzo de 2025."),
        "{body}"
    );
}

#[test]
fn a_round_on_a_database_that_can_only_be_read_writes_nothing_and_says_why() {
    let (_dir, path) = demo_copy();
    let before = content(&path);
    let store = prensa::store::Store::open_read_only(&path, &options()).unwrap();
    let mut app = App::new(store, now(), (80, 24));
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "3r");
    type_keys(&mut app, "Ronda imposible");
    ctrl(&mut app, 's');
    // The form stays open with every character, and says what happened in Spanish.
    assert!(top_is_form(&app), "{}", shown(&app));
    let screen = shown(&app);
    assert!(screen.contains("Ronda imposible"), "{screen}");
    assert!(
        screen.contains("La base de datos es de solo lectura"),
        "{screen}"
    );
    // The whole message shows, what to do included.
    assert!(
        screen.contains("los permisos del archivo o de la carpeta."),
        "{screen}"
    );
    drop(app);
    assert_eq!(content(&path), before);
}

#[test]
fn two_machines_that_each_send_a_round_hold_both_after_a_sync_and_lose_no_template() {
    use prensa::domain::requests::RoundInput;
    let (_dir, office_path) = demo_copy();
    let home_dir = tempfile::tempdir().unwrap();
    let home_path = home_dir.path().join("casa.sqlite");
    std::fs::copy(&office_path, &home_path).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let mut office = open_as(&office_path, "oficina");
    let mut home = open_as(&home_path, "casa");
    let round = |topic: &str, template: &str| RoundInput {
        topic: topic.into(),
        sent_on: "2025-03-06".into(),
        due_on: "2025-03-13".into(),
        due_text: "jueves 13 de marzo de 2025".into(),
        channel: None,
        template: template.into(),
    };
    let (sent, _) = office
        .request_round(&round("Ronda de la oficina", "Hola {titular}: {tema}."))
        .unwrap();
    home.request_round(&round("Ronda desde casa", "Buen día, {enlace}: {tema}."))
        .unwrap();
    sync_with(&mut office, stick.path());
    sync_with(&mut home, stick.path());
    sync_with(&mut office, stick.path());
    let pending = |store: &prensa::store::Store, topic: &str| -> i64 {
        rusqlite::Connection::open(store.path())
            .unwrap()
            .query_row(
                "SELECT count(*) FROM requests WHERE subject = ?1 AND status = 'pending'
                 AND deleted_at IS NULL",
                [topic],
                |r| r.get(0),
            )
            .unwrap()
    };
    for store in [&office, &home] {
        assert_eq!(pending(store, "Ronda de la oficina"), sent.len() as i64);
        assert_eq!(pending(store, "Ronda desde casa"), sent.len() as i64);
        // One template won; the other waits in Conflictos, on both machines.
        let template = store.request_template().unwrap().unwrap();
        let lost: String = rusqlite::Connection::open(store.path())
            .unwrap()
            .query_row(
                "SELECT CAST(lost_value AS TEXT) FROM conflicts WHERE target_table = 'settings' AND col = 'value'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let mut both = [template, lost];
        both.sort();
        assert_eq!(
            both,
            [
                "Buen día, {enlace}: {tema}.".to_owned(),
                "Hola {titular}: {tema}.".to_owned()
            ]
        );
    }
}

#[test]
fn a_copy_is_also_left_in_a_file_but_never_a_journalists_data() {
    let (dir, mut app) = demo_app(80, 24);
    let file = dir.path().join("cache").join("portapapeles.txt");
    app.set_clipboard_file(Some(file.clone()));
    type_keys(&mut app, "3]y");
    let copied = std::fs::read_to_string(&file).unwrap();
    assert!(copied.starts_with("Estimado(a) "), "{copied}");
    assert!(said(&app).contains("portapapeles.txt"), "{}", said(&app));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A journalist goes to the clipboard only.
    std::fs::remove_file(&file).unwrap();
    type_keys(&mut app, "5y");
    assert_eq!(app.take_effects().len(), 2);
    assert!(!file.exists());
    assert!(
        said(&app).contains("Copiado al portapapeles (OSC 52)"),
        "{}",
        said(&app)
    );
}

fn request_of(app: &App, topic: &str, department: &str) -> String {
    sql_value(
        app,
        "SELECT q.id FROM requests q JOIN departments d ON d.id = q.department_id
         WHERE q.subject = ?1 AND d.name = ?2 AND q.deleted_at IS NULL",
        &[topic, department],
    )
    .unwrap()
}

fn report_for(request: Option<String>, department: Option<String>, title: &str) -> Record {
    Record::Report(prensa::domain::edit::ReportInput {
        department_id: department,
        request_id: request,
        event_id: None,
        title: title.into(),
        body: String::new(),
        received_at: "2025-03-06T09:00".into(),
        status: prensa::domain::status::ReportStatus::Received,
        channel: None,
        reason: String::new(),
    })
}

#[test]
fn undoing_a_round_keeps_a_request_another_console_has_answered_since() {
    let (_dir, mut app) = demo_app(80, 24);
    round(&mut app, "Ronda doble");
    let request = request_of(&app, "Ronda doble", OBRAS);
    // Another console on the same file links a report to one of the round's requests.
    let mut other = prensa::store::Store::open(app.store().path(), &options()).unwrap();
    other
        .execute(&Command::Create {
            id: None,
            record: report_for(Some(request.clone()), None, "De la otra consola"),
        })
        .unwrap();
    drop(other);
    type_keys(&mut app, "u");
    assert!(
        said(&app).contains("se dejaron como estaban"),
        "{}",
        said(&app)
    );
    assert_eq!(value(&app, "requests", &request, "deleted_at"), "");
    assert_eq!(value(&app, "requests", &request, "status"), "answered");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM requests WHERE subject = 'Ronda doble' AND deleted_at IS NULL",
            &[]
        ),
        1
    );
}

#[test]
fn a_report_answers_only_its_own_departments_request() {
    let (_dir, mut app) = demo_app(80, 24);
    round(&mut app, "Ronda A");
    let salud = request_of(&app, "Ronda A", "Coordinación de Salud");
    let obras = id_where(&app, "departments", "name", OBRAS).unwrap();
    let before = content(app.store().path());
    let mut store = prensa::store::Store::open(app.store().path(), &options()).unwrap();
    let refused = store.execute(&Command::Create {
        id: None,
        record: report_for(Some(salud.clone()), Some(obras), "Bacheo"),
    });
    assert!(
        matches!(&refused, Err(prensa::store::StoreError::Invalid(i)) if i.field == "request_id"),
        "{refused:?}"
    );
    assert_eq!(content(app.store().path()), before);
    assert_eq!(value(&app, "requests", &salud, "status"), "pending");
}

#[test]
fn a_request_called_off_stays_called_off_when_a_report_comes_and_goes() {
    let (_dir, mut app) = demo_app(80, 24);
    round(&mut app, "Ronda C");
    let dif = request_of(&app, "Ronda C", "Sistema Municipal DIF");
    let mut store = prensa::store::Store::open(app.store().path(), &options()).unwrap();
    let target =
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Request, dif.clone());
    store
        .execute(&Command::SetStatus {
            target,
            status: "cancelled".into(),
        })
        .unwrap();
    let report = store
        .execute(&Command::Create {
            id: None,
            record: report_for(Some(dif.clone()), None, "Llegó tarde"),
        })
        .unwrap();
    assert_eq!(value(&app, "requests", &dif, "status"), "cancelled");
    store.execute(&Command::Delete(report.target)).unwrap();
    assert_eq!(value(&app, "requests", &dif, "status"), "cancelled");
}

#[test]
fn a_round_with_no_active_department_says_so() {
    let (_dir, mut app) = demo_app(80, 24);
    let conn = rusqlite::Connection::open(app.store().path()).unwrap();
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM departments WHERE deleted_at IS NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    drop(conn);
    let mut store = prensa::store::Store::open(app.store().path(), &options()).unwrap();
    for id in ids {
        let Record::Department(mut d) = store
            .record(&prensa::domain::edit::Target::new(
                prensa::domain::edit::RecordKind::Department,
                id.clone(),
            ))
            .unwrap()
        else {
            panic!()
        };
        d.active = false;
        store
            .execute(&Command::Update {
                id,
                record: Record::Department(d),
            })
            .unwrap();
    }
    type_keys(&mut app, "3r");
    type_keys(&mut app, "Nadie a quien pedir");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert!(
        render(&app, 100, 30).contains("No hay áreas activas a las que pedir"),
        "{}",
        render(&app, 100, 30)
    );
}

#[test]
fn a_round_sent_from_solicitudes_shows_on_top() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3]");
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    type_keys(&mut app, "r");
    type_keys(&mut app, "Ronda nueva");
    ctrl(&mut app, 's');
    let selected = app
        .screen()
        .reports
        .requests
        .rows
        .selected()
        .unwrap()
        .subject
        .clone();
    assert_eq!(selected, "Ronda nueva");
}

#[test]
fn a_published_report_is_not_asked_why_it_cannot_be_discarded() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3/acciones logros");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "m");
    let Some(Overlay::Menu(menu)) = app.screen().overlays.last() else {
        panic!("{}", shown(&app));
    };
    let n = menu
        .items
        .iter()
        .position(|i| i.label == "Descartado")
        .unwrap();
    type_keys(&mut app, &(n + 1).to_string());
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert!(
        said(&app).contains("«Publicado» es definitivo"),
        "{}",
        said(&app)
    );
}

#[test]
fn a_report_back_from_discarded_has_no_reason_and_one_whose_draft_is_deleted_is_reviewed_again() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "3n");
    type_keys(&mut app, "Ida y vuelta");
    ctrl(&mut app, 's');
    let report = id_where(&app, "reports", "title", "Ida y vuelta").unwrap();
    let target =
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Report, report.clone());
    app.update(prensa::ui::Action::Discard(
        target.clone(),
        "Repetido".into(),
    ));
    assert_eq!(value(&app, "reports", &report, "reason"), "Repetido");
    app.update(prensa::ui::Action::SetStatus(target, "received".into()));
    assert_eq!(value(&app, "reports", &report, "status"), "received");
    assert_eq!(value(&app, "reports", &report, "reason"), "");
    // A draft from it, then the draft deleted: the report is no longer en borrador.
    type_keys(&mut app, "b");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "reports", &report, "status"), "in_draft");
    let draft = id_where(&app, "drafts", "report_id", &report).unwrap();
    app.update(prensa::ui::Action::Delete(
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Draft, draft),
    ));
    assert_eq!(value(&app, "reports", &report, "status"), "review");
}

#[test]
fn a_linked_request_is_named_with_its_department() {
    let (_dir, mut app) = demo_app(80, 24);
    round(&mut app, "Ronda D");
    type_keys(&mut app, "[n");
    type_keys(&mut app, "Con su área");
    tabs(&mut app, 7);
    pick(&mut app, "obras");
    assert!(
        shown(&app).contains("Ronda D — Obras Públicas (06/03/2025)"),
        "{}",
        shown(&app)
    );
    ctrl(&mut app, 's');
    assert!(
        shown(&app).contains("Solicitud: 13/03/2025 Ronda D — Obras Públicas (Recibida)"),
        "{}",
        shown(&app)
    );
}

#[test]
fn a_nul_in_a_paste_is_left_out_and_the_rest_kept_as_text() {
    let (_dir, mut app) = demo_app(80, 24);
    assert_eq!(
        pasted_into_a_report(&mut app, "uno\u{0}\u{1b}[31m dos\u{7}\r\ntres\tcuatro"),
        "uno\u{1b}[31m dos\u{7}\ntres\tcuatro"
    );
}
