//! The agenda's work from the keyboard, as the office does it: an event is covered, delivered,
//! done, and shows on the archive timeline; an event is postponed to a new date (or to one not
//! known yet); a weekly session is created once and changed as a whole.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::ui::overlay::Overlay;

fn shown(app: &App) -> String {
    render(app, 80, 24)
}

fn top_is_form(app: &App) -> bool {
    matches!(app.screen().overlays.last(), Some(Overlay::Form(_)))
}

fn value(app: &App, table: &str, id: &str, col: &str) -> String {
    sql_value(
        app,
        &format!("SELECT {col} FROM {table} WHERE id = ?1"),
        &[id],
    )
    .unwrap_or_default()
}

fn said(app: &App) -> String {
    match (&app.screen().message, app.screen().overlays.last()) {
        (Some(m), _) => m.text.clone(),
        (None, Some(Overlay::Notice(n))) => n.lines.join(" "),
        _ => String::new(),
    }
}

/// Tab to the next field, whose text is selected: what is typed replaces it.
fn next_field(app: &mut App, text: &str) {
    press(app, KeyCode::Tab);
    type_keys(app, text);
}

/// Chooses the status labelled `label` in the `m` menu (the menu numbers every other status).
fn choose_status(app: &mut App, label: &str) {
    type_keys(app, "m");
    let Some(Overlay::Menu(menu)) = app.screen().overlays.last() else {
        panic!("no status menu:\n{}", shown(app));
    };
    let n = menu
        .items
        .iter()
        .position(|i| i.label == label)
        .unwrap_or_else(|| panic!("{label} is not in the menu:\n{}", shown(app)));
    type_keys(app, &(n + 1).to_string());
}

/// Selects the event titled `title` in the Día view.
fn select(app: &mut App, title: &str) {
    for _ in 0..20 {
        let c = &app.screen().agenda.calendar;
        let day = c.day.expect("a calendar view");
        if c.day_events(day)
            .get(c.selected)
            .is_some_and(|e| e.title == title)
        {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{title} is not on the day:\n{}", shown(app));
}

#[test]
fn an_event_covered_delivered_and_done_is_on_the_archive_timeline() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    // Earlier this morning (the demo's now is 08:30).
    type_keys(&mut app, "n");
    type_keys(&mut app, "Desayuno con locatarios del mercado");
    next_field(&mut app, "");
    next_field(&mut app, "7:00");
    next_field(&mut app, "8:00");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let event = id_where(
        &app,
        "events",
        "title",
        "Desayuno con locatarios del mercado",
    )
    .unwrap();
    assert_eq!(
        value(&app, "events", &event, "starts_at"),
        "2025-03-06T07:00"
    );

    // A photographer, from the event's detail.
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "n");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "jorge");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let coverage = id_where(&app, "coverage", "event_id", &event).expect("coverage");
    assert!(
        shown(&app).contains("Foto: Jorge Ponce Terán (Asignada)"),
        "{}",
        shown(&app)
    );

    // The photos are in: the assignment (the detail's second choice) is delivered, the event
    // (its first) done.
    press(&mut app, KeyCode::Down);
    choose_status(&mut app, "Entregada");
    assert_eq!(value(&app, "coverage", &coverage, "status"), "delivered");
    press(&mut app, KeyCode::Up);
    choose_status(&mut app, "Realizado");
    assert_eq!(value(&app, "events", &event, "status"), "covered");

    // On the archive timeline, newest first: it happened this morning. `a` shows it there,
    // selected; Backspace comes back.
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "a");
    assert_eq!(app.screen().tab, prensa::ui::Tab::Archive);
    let archive = shown(&app);
    assert!(archive.contains("Desayuno con locatarios"), "{archive}");
    let selected = app.screen().pane().and_then(|p| p.selected()).unwrap();
    assert_eq!(selected.target.id, event);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.screen().tab, prensa::ui::Tab::Agenda);
    // An event still to come is not in the Archive yet, and `a` says so.
    select(&mut app, "Simulacro de evacuación en Casa de la cultura");
    type_keys(&mut app, "a");
    assert_eq!(app.screen().tab, prensa::ui::Tab::Agenda);
    assert!(
        said(&app).contains("aún no está en el Archivo"),
        "{}",
        said(&app)
    );
}

#[test]
fn postponing_asks_for_the_new_date_and_keeps_where_it_was() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Entrega de becas");
    ctrl(&mut app, 's');
    let event = id_where(&app, "events", "title", "Entrega de becas").unwrap();
    assert_eq!(
        value(&app, "events", &event, "starts_at"),
        "2025-03-06T09:00"
    );

    choose_status(&mut app, "Pospuesto");
    assert!(top_is_form(&app), "{}", shown(&app));
    assert!(
        shown(&app).contains("Posponer «Entrega de becas»"),
        "{}",
        shown(&app)
    );
    // A date that is not one is said beside the field, and nothing moves.
    type_keys(&mut app, "el jueves que viene no");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert_eq!(value(&app, "events", &event, "status"), "scheduled");
    // An earlier date is not postponing.
    ctrl(&mut app, 'j');
    type_keys(&mut app, "1/3/2025");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert!(
        shown(&app).contains("Posponer es pasarlo a después del jueves 6 de marzo"),
        "{}",
        shown(&app)
    );
    assert_eq!(
        value(&app, "events", &event, "starts_at"),
        "2025-03-06T09:00"
    );
    ctrl(&mut app, 'j');
    type_keys(&mut app, "lunes");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(
        value(&app, "events", &event, "starts_at"),
        "2025-03-10T09:00"
    );
    assert_eq!(value(&app, "events", &event, "ends_at"), "2025-03-10T10:00");
    assert_eq!(value(&app, "events", &event, "status"), "scheduled");
    assert!(value(&app, "events", &event, "notes")
        .contains("Pospuesto; antes: jueves 6 de marzo de 2025, 09:00."));
    assert!(
        said(&app)
            .contains("Pospuesto: «Entrega de becas», ahora el lunes 10 de marzo de 2025, 09:00"),
        "{}",
        said(&app)
    );

    // Undone in one step.
    type_keys(&mut app, "u");
    assert_eq!(
        value(&app, "events", &event, "starts_at"),
        "2025-03-06T09:00"
    );

    // With no date: postponed, date to be known.
    choose_status(&mut app, "Pospuesto");
    ctrl(&mut app, 's');
    assert_eq!(
        value(&app, "events", &event, "status"),
        "postponed",
        "{}\n{}",
        said(&app),
        shown(&app)
    );
    assert_eq!(
        value(&app, "events", &event, "starts_at"),
        "2025-03-06T09:00"
    );
}

#[test]
fn a_weekly_session_is_made_once_and_changed_as_a_whole() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Sesión ordinaria de cabildo");
    next_field(&mut app, "");
    next_field(&mut app, "17:00");
    next_field(&mut app, "19:00");
    press(&mut app, KeyCode::Tab); // all day
    press(&mut app, KeyCode::Tab); // repeat
                                   // No se repite → Cada día → De lunes a viernes → Cada semana.
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    assert!(
        shown(&app).contains("Cada semana, el mismo día"),
        "{}",
        shown(&app)
    );
    press(&mut app, KeyCode::Tab); // which days: the same day
    next_field(&mut app, "27/03/2025");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert!(
        said(&app).contains("Guardado: evento que se repite «Sesión ordinaria de cabildo»"),
        "{}",
        said(&app)
    );
    let series = id_where(&app, "event_series", "title", "Sesión ordinaria de cabildo").unwrap();
    let starts = |app: &App| {
        sql_value(
            app,
            "SELECT group_concat(starts_at, ' ') FROM (SELECT starts_at FROM events
             WHERE series_id = ?1 AND deleted_at IS NULL ORDER BY starts_at)",
            &[&series],
        )
        .unwrap_or_default()
    };
    assert_eq!(
        starts(&app),
        "2025-03-06T17:00 2025-03-13T17:00 2025-03-20T17:00 2025-03-27T17:00"
    );

    // A week later, in Día: the occurrence says it repeats; its detail names the series.
    type_keys(&mut app, ".");
    select(&mut app, "Sesión ordinaria de cabildo");
    let day = shown(&app);
    assert!(day.contains("Sesión ordinaria de cabildo"), "{day}");
    assert!(day.contains("se repite"), "{day}");
    press(&mut app, KeyCode::Enter);
    let detail = shown(&app);
    assert!(
        detail.contains("Se repite: cada semana · hasta el 27/03/2025"),
        "{detail}"
    );

    // `e` on that line edits the whole series: it moves to 18:00 and skips the 20th.
    press(&mut app, KeyCode::Down);
    type_keys(&mut app, "e");
    assert!(top_is_form(&app), "{}", shown(&app));
    assert!(
        shown(&app).contains("Editar: Sesión ordinaria de cabildo"),
        "{}",
        shown(&app)
    );
    next_field(&mut app, "");
    next_field(&mut app, "18:00");
    next_field(&mut app, "20:00");
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab); // all day, repeat, days, until, times, except
    }
    type_keys(&mut app, "20/03/2025");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(
        starts(&app),
        "2025-03-06T18:00 2025-03-13T18:00 2025-03-27T18:00"
    );

    // `d` on the same line deletes the series: the question names it and its dates.
    select(&mut app, "Sesión ordinaria de cabildo");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    type_keys(&mut app, "d");
    let question = shown(&app);
    assert!(
        question.contains("¿Eliminar «Sesión ordinaria de cabildo» y sus 3 fechas"),
        "{question}"
    );
    type_keys(&mut app, "s");
    assert_eq!(starts(&app), "");
    // Its detail is gone; the day is shown again, not another event's detail.
    assert_eq!(
        app.screen().agenda.calendar.focus,
        prensa::ui::tabs::agenda::calendar::Focus::Days
    );
}

/// The mayor's agenda as Google Calendar exports it: its own VTIMEZONE, UTC stamps, folded
/// lines, escaped commas, a weekly meeting, and one event cancelled.
const GOOGLE_EXPORT: &str = "BEGIN:VCALENDAR\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
VERSION:2.0\r
CALSCALE:GREGORIAN\r
METHOD:PUBLISH\r
X-WR-CALNAME:Agenda Presidenta\r
X-WR-TIMEZONE:America/Mexico_City\r
BEGIN:VTIMEZONE\r
TZID:America/Mexico_City\r
X-LIC-LOCATION:America/Mexico_City\r
BEGIN:STANDARD\r
TZOFFSETFROM:-0600\r
TZOFFSETTO:-0600\r
TZNAME:CST\r
DTSTART:19700101T000000\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
DTSTART;TZID=America/Mexico_City:20250307T100000\r
DTEND;TZID=America/Mexico_City:20250307T120000\r
DTSTAMP:20250305T180000Z\r
UID:7kq1s0c9p1m2n3o4p5q6r7s8t9@google.com\r
SUMMARY:Entrega de lentes a adultos mayores\r
LOCATION:Salón ejidal\\, Tampacoy\r
DESCRIPTION:Programa municipal de salud visual. Invitar a medios de la Huas\r
 teca.\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART:20250307T230000Z\r
DTEND:20250308T000000Z\r
DTSTAMP:20250305T180000Z\r
UID:a1b2c3d4e5f6@google.com\r
SUMMARY:Reunión con el comité de la feria\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=America/Mexico_City:20250310T090000\r
DTEND;TZID=America/Mexico_City:20250310T100000\r
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4\r
DTSTAMP:20250305T180000Z\r
UID:weekly-gabinete@google.com\r
SUMMARY:Reunión de gabinete\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=America/Mexico_City:20250308T110000\r
DTSTAMP:20250305T180000Z\r
UID:cancelada@google.com\r
SUMMARY:Visita a la Huasteca Potosina\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
";

#[test]
fn a_google_calendar_export_is_imported_and_tomorrow_s_uncovered_events_are_flagged() {
    let (dir, mut app) = demo_app(80, 24);
    let file = dir.path().join("agenda presidenta.ics");
    std::fs::write(&file, GOOGLE_EXPORT).unwrap();
    type_keys(&mut app, "2");
    let before = sql_value(&app, "SELECT CAST(count(*) AS TEXT) FROM events", &[]).unwrap();
    // I: the file (a path dragged onto a terminal comes quoted), then Ctrl+S shows the plan.
    type_keys(&mut app, "I");
    assert!(
        shown(&app).contains("Importar calendario (.ics)"),
        "{}",
        shown(&app)
    );
    type_keys(&mut app, "/no/existe.ics");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app), "a missing file is said beside the field");
    ctrl(&mut app, 'j');
    type_keys(&mut app, &format!("'{}'", file.display()));
    ctrl(&mut app, 's');
    let preview = shown(&app);
    assert!(preview.contains("Nuevos: 4 · actualizados: 0"), "{preview}");
    assert!(preview.contains("¿Importar?"), "{preview}");
    // Nothing is written before the yes.
    assert_eq!(
        sql_value(&app, "SELECT CAST(count(*) AS TEXT) FROM events", &[]).unwrap(),
        before
    );
    type_keys(&mut app, "s");
    let visita = id_where(&app, "events", "title", "Visita a la Huasteca Potosina").unwrap();
    // The visit called off comes in cancelled (shown crossed out), not as a live event.
    assert_eq!(value(&app, "events", &visita, "status"), "cancelled");
    assert!(
        said(&app).contains("Importado: 4 eventos nuevos"),
        "{}",
        said(&app)
    );
    let lentes = id_where(
        &app,
        "events",
        "title",
        "Entrega de lentes a adultos mayores",
    )
    .unwrap();
    assert_eq!(
        value(&app, "events", &lentes, "starts_at"),
        "2025-03-07T10:00"
    );
    assert_eq!(
        value(&app, "events", &lentes, "place"),
        "Salón ejidal, Tampacoy"
    );
    assert_eq!(value(&app, "events", &lentes, "status"), "confirmed");
    let feria = id_where(&app, "events", "title", "Reunión con el comité de la feria").unwrap();
    // 23:00 UTC is 17:00 in Mexico City.
    assert_eq!(
        value(&app, "events", &feria, "starts_at"),
        "2025-03-07T17:00"
    );

    // Tomorrow: both imported events are flagged, as nobody covers them yet.
    type_keys(&mut app, "l");
    select(&mut app, "Entrega de lentes a adultos mayores");
    let tomorrow = shown(&app);
    assert!(
        tomorrow.contains("viernes 7 de marzo de 2025"),
        "{tomorrow}"
    );
    let flagged = |screen: &str, title: &str| {
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines.iter().position(|l| l.contains(title)).unwrap();
        lines[at + 1..at + 3]
            .iter()
            .any(|l| l.contains("⚠ sin cobertura"))
    };
    assert!(flagged(&tomorrow, "Entrega de lentes"), "{tomorrow}");
    // A photographer for the glasses: that one is no longer flagged, the other still is.
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "n");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "jorge");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Esc);
    let tomorrow = shown(&app);
    assert!(!flagged(&tomorrow, "Entrega de lentes"), "{tomorrow}");
    select(&mut app, "Reunión con el comité de la feria");
    assert!(
        flagged(&shown(&app), "Reunión con el comité"),
        "{}",
        shown(&app)
    );

    // Importing the same file again changes nothing; `u` undoes the first import.
    type_keys(&mut app, "I");
    type_keys(&mut app, &file.display().to_string());
    ctrl(&mut app, 's');
    let again = shown(&app);
    assert!(again.contains("Nada que importar"), "{again}");
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "uu");
    assert!(said(&app).contains("importar «"), "{}", said(&app));
    assert_eq!(
        sql_value(
            &app,
            "SELECT CAST(count(*) AS TEXT) FROM events WHERE deleted_at IS NULL",
            &[]
        )
        .unwrap(),
        sql_value(&app, "SELECT CAST(count(*) - 7 AS TEXT) FROM events", &[]).unwrap(),
        "the four events and the three more Mondays of the weekly meeting are gone"
    );
}

#[test]
fn a_draft_is_started_from_an_event_and_linked_both_ways() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    select(&mut app, "Simulacro de evacuación en Casa de la cultura");
    let event = app
        .screen()
        .agenda
        .calendar
        .selected_event()
        .unwrap()
        .id
        .clone();
    type_keys(&mut app, "b");
    let form = shown(&app);
    assert!(
        form.contains("Nuevo borrador — Simulacro de evacuación"),
        "{form}"
    );
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let draft = id_where(&app, "drafts", "event_id", &event).expect("a draft linked to the event");
    assert_eq!(
        value(&app, "drafts", &draft, "title"),
        "Simulacro de evacuación en Casa de la cultura"
    );
    assert!(value(&app, "drafts", &draft, "body")
        .starts_with("jueves 6 de marzo de 2025, 15:00, Casa de la cultura, La Esperanza."));
    assert_eq!(value(&app, "drafts", &draft, "status"), "draft");
    // The event lists it; Enter on it opens the draft, whose detail names the event.
    press(&mut app, KeyCode::Enter);
    let detail = shown(&app);
    assert!(detail.contains("Borradores (1)"), "{detail}");
    // The draft is the detail's last choice.
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let opened = render(&app, 120, 40);
    assert_eq!(app.screen().tab, prensa::ui::Tab::Drafts, "{opened}");
    assert!(
        opened.contains("Simulacro de evacuación en Casa de la cultura"),
        "{opened}"
    );
    assert!(
        opened.contains("Origen: 06/03/2025 15:00 Simulacro"),
        "{opened}"
    );
    // Backspace goes back to the event.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.screen().tab, prensa::ui::Tab::Agenda);
}

#[test]
fn a_weekly_event_on_given_days() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Taller de lengua tének");
    next_field(&mut app, "lunes");
    next_field(&mut app, "16:00");
    next_field(&mut app, "17:00");
    press(&mut app, KeyCode::Tab); // all day
    press(&mut app, KeyCode::Tab); // repeat
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    // Days that are not days are said beside the field.
    next_field(&mut app, "lunes y domingos no");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert!(
        shown(&app).contains("no son días de la semana"),
        "{}",
        shown(&app)
    );
    ctrl(&mut app, 'j');
    type_keys(&mut app, "lunes y miércoles");
    next_field(&mut app, "19/03/2025");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let series = id_where(&app, "event_series", "title", "Taller de lengua tének").unwrap();
    assert_eq!(
        value(&app, "event_series", &series, "rule"),
        "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250319T235959"
    );
    let starts = sql_value(
        &app,
        "SELECT group_concat(starts_at, ' ') FROM (SELECT starts_at FROM events
         WHERE series_id = ?1 AND deleted_at IS NULL ORDER BY starts_at)",
        &[&series],
    )
    .unwrap_or_default();
    assert_eq!(
        starts,
        "2025-03-10T16:00 2025-03-12T16:00 2025-03-17T16:00 2025-03-19T16:00"
    );
    // Its detail says so, and its form shows the days again.
    select(&mut app, "Taller de lengua tének");
    press(&mut app, KeyCode::Enter);
    assert!(
        shown(&app).contains("Se repite: cada semana: lunes y miércoles · hasta el 19/03/2025"),
        "{}",
        shown(&app)
    );
    press(&mut app, KeyCode::Down);
    type_keys(&mut app, "e");
    assert!(shown(&app).contains("lun, mié"), "{}", shown(&app));
}

#[test]
fn an_assignment_called_off_leaves_the_event_flagged_in_every_view() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2l");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Visita a la escuela de Tamápatz");
    ctrl(&mut app, 's');
    let event = id_where(&app, "events", "title", "Visita a la escuela de Tamápatz").unwrap();
    select(&mut app, "Visita a la escuela de Tamápatz");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "n");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "jorge");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    let coverage = id_where(&app, "coverage", "event_id", &event).unwrap();
    press(&mut app, KeyCode::Down);
    choose_status(&mut app, "Cancelada");
    assert_eq!(value(&app, "coverage", &coverage, "status"), "cancelled");
    press(&mut app, KeyCode::Esc);
    let flagged = |screen: &str| {
        screen
            .lines()
            .any(|l| l.contains("⚠ sin cobertura") || l.contains("⚠ sin cobertura · Visita"))
    };
    let day = shown(&app);
    assert!(flagged(&day), "Día:\n{day}");
    // Lista too (its rows count only assignments that stand).
    type_keys(&mut app, "[");
    let lista = shown(&app);
    assert!(
        lista.contains("⚠ sin cobertura · Visita a la escue"),
        "Lista:\n{lista}"
    );
}

#[test]
fn an_event_made_late_at_night_or_ending_after_midnight_ends_the_next_day() {
    let (_dir, mut app) = demo_app(80, 24);
    app.set_now(reference().and_hms_opt(22, 30, 0).unwrap());
    type_keys(&mut app, "2n");
    type_keys(&mut app, "Guardia nocturna");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let id = id_where(&app, "events", "title", "Guardia nocturna").unwrap();
    assert_eq!(value(&app, "events", &id, "starts_at"), "2025-03-06T23:00");
    assert_eq!(value(&app, "events", &id, "ends_at"), "2025-03-07T00:00");
    // Typed: from ten at night to one in the morning.
    type_keys(&mut app, "n");
    type_keys(&mut app, "Velada de Xantolo");
    for (field, text) in [(2, "22:00"), (1, "1:00")] {
        for _ in 0..field {
            press(&mut app, KeyCode::Tab);
        }
        type_keys(&mut app, text);
    }
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let id = id_where(&app, "events", "title", "Velada de Xantolo").unwrap();
    assert_eq!(value(&app, "events", &id, "starts_at"), "2025-03-06T22:00");
    assert_eq!(value(&app, "events", &id, "ends_at"), "2025-03-07T01:00");
}
