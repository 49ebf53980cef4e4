//! Hoy, the morning meeting's screen, on the demo at its fixed clock: the briefing at 80×24 and
//! 120×40 (tomorrow folded and open), the Balance view, every line leading with Enter to its
//! record in its tab and Backspace coming back, a sync conflict waiting, another console's
//! change showing, and `y` copying the brief for WhatsApp.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::brief::Link;
use prensa::domain::edit::{Command, RecordKind, Target};
use prensa::ui::tabs::today::Step;
use prensa::ui::tabs::Tab;

/// What each selectable line of Hoy leads to, in order.
fn steps(app: &prensa::app::App) -> Vec<Step> {
    app.screen().today.briefing.steps()
}

/// The `nth` line that leads to a record of `kind`.
fn line_of(app: &prensa::app::App, kind: RecordKind, nth: usize) -> usize {
    steps(app)
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Step::Open(Link::Record(t)) if t.kind == kind))
        .map(|(i, _)| i)
        .nth(nth)
        .unwrap_or_else(|| panic!("no line of {kind:?} number {nth}"))
}

fn go_to_line(app: &mut prensa::app::App, line: usize) {
    press(app, KeyCode::Home);
    for _ in 0..line {
        press(app, KeyCode::Down);
    }
}

#[test]
fn hoy_reads_like_a_briefing_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app(w, h);
        insta::assert_snapshot!(format!("hoy_{w}x{h}"), render(&app, w, h));
        // Tomorrow opens in place, its heading still chosen.
        let tomorrow = steps(&app)
            .iter()
            .position(|s| *s == Step::Tomorrow)
            .unwrap();
        go_to_line(&mut app, tomorrow);
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(format!("hoy_manana_{w}x{h}"), render(&app, w, h));
        press(&mut app, KeyCode::Char(']'));
        insta::assert_snapshot!(format!("hoy_balance_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn the_uncovered_events_come_first_and_enter_opens_one_in_the_agenda() {
    let (_dir, mut app) = demo_app(80, 24);
    let screen = render(&app, 80, 24);
    let first = screen
        .lines()
        .position(|l| l.contains("SIN COBERTURA"))
        .unwrap();
    let covered = screen
        .lines()
        .position(|l| l.contains("Simulacro de evacuación"))
        .unwrap();
    assert!(first < covered, "{screen}");
    // The first line is chosen when Hoy opens: the first event nobody covers.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen().tab, Tab::Agenda);
    let pick = app.screen().pane().unwrap().selected().unwrap();
    assert_eq!(pick.target.kind, RecordKind::Event);
    assert_eq!(
        value(&app, "events", &pick.target.id, "title"),
        "Festejo del Día del Niño en El Jobo"
    );
    assert!(shown(&app).contains("Festejo del Día del Niño"));
    // Backspace: back to Hoy, on the same line.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.screen().tab, Tab::Today);
    assert_eq!(app.screen().today.briefing.selected, 0);
}

#[test]
fn every_line_leads_to_its_record_in_its_tab() {
    let (_dir, mut app) = demo_app(120, 40);
    let all = steps(&app);
    assert!(all.len() >= 12, "{all:?}");
    let mut kinds = Vec::new();
    for (i, step) in all.iter().enumerate() {
        let Step::Open(Link::Record(target)) = step else {
            continue;
        };
        press(&mut app, KeyCode::Char('1'));
        go_to_line(&mut app, i);
        press(&mut app, KeyCode::Enter);
        if prensa::ui::tabs::home(target.kind).is_none() {
            // A kind with no tab yet (Monitoreo's, before it is built): Enter stays, quietly.
            assert_eq!(app.screen().tab, Tab::Today, "line {i}: {target:?}");
            kinds.push(target.kind);
            continue;
        }
        assert_ne!(app.screen().tab, Tab::Today, "line {i}: {target:?}");
        let pick = app.screen().pane().unwrap().selected().unwrap();
        assert_eq!(
            (pick.target.kind, &pick.target.id),
            (target.kind, &target.id),
            "line {i} opened another record"
        );
        kinds.push(target.kind);
        press(&mut app, KeyCode::Backspace);
        assert_eq!(app.screen().tab, Tab::Today);
        assert_eq!(app.screen().today.briefing.selected, i, "back on its line");
    }
    for kind in [
        RecordKind::Event,
        RecordKind::Draft,
        RecordKind::Report,
        RecordKind::Request,
        RecordKind::Interview,
        RecordKind::Clipping,
        RecordKind::Question,
        RecordKind::Publication,
    ] {
        assert!(kinds.contains(&kind), "no line leads to a {kind:?}");
    }
}

#[test]
fn a_section_longer_than_its_lines_leads_to_all_of_them_in_their_tab() {
    let (_dir, path) = demo_copy();
    {
        // Ten more pieces waiting for approval (set up on the file, as another machine would).
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE drafts SET status = 'review' WHERE id IN
               (SELECT id FROM drafts WHERE status = 'published' ORDER BY written_at DESC LIMIT 10)",
            [],
        )
        .unwrap();
    }
    let store = prensa::store::Store::open(&path, &options()).unwrap();
    let mut app = prensa::app::App::new(store, now(), (120, 40));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("POR APROBAR — 12 piezas"), "{screen}");
    assert!(
        screen.contains("… y 4 más: Enter los muestra todos en su pestaña"),
        "{screen}"
    );
    let at = steps(&app)
        .iter()
        .position(|s| matches!(s, Step::Open(Link::List(RecordKind::Draft, _))))
        .unwrap();
    // A search left in Borradores from before does not hide any of them.
    type_keys(&mut app, "4/zzz");
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "1");
    go_to_line(&mut app, at);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen().tab, Tab::Drafts);
    let pane = app.screen().pane().unwrap();
    assert_eq!(pane.query().filters.status.as_deref(), Some("review"));
    assert!(pane.query().search.is_empty());
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Material · 12 resultados") && screen.contains("Estado: En revisión"),
        "{screen}"
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.screen().tab, Tab::Today);
    assert_eq!(app.screen().today.briefing.selected, at);
}

#[test]
fn end_brings_the_last_sections_and_the_balance_note_into_view() {
    let (_dir, mut app) = demo_app(80, 24);
    assert!(!shown(&app).contains("PUBLICADO AYER"));
    press(&mut app, KeyCode::End);
    let screen = shown(&app);
    assert!(
        screen.contains("PUBLICADO AYER — 2 publicaciones: Facebook 1, X 1"),
        "{screen}"
    );
    type_keys(&mut app, "]G");
    let screen = shown(&app);
    assert!(screen.contains("Sin publicaciones este mes:"), "{screen}");
    assert!(screen.contains("Comunicación Social"), "{screen}");
}

#[test]
fn tomorrow_stays_folded_until_asked() {
    let (_dir, mut app) = demo_app(120, 40);
    let tomorrow_title = sql_value(
        &app,
        "SELECT title FROM events WHERE starts_at LIKE '2025-03-07%' AND deleted_at IS NULL
         ORDER BY starts_at LIMIT 1",
        &[],
    )
    .unwrap();
    assert!(!render(&app, 120, 40).contains(&tomorrow_title));
    let at = steps(&app)
        .iter()
        .position(|s| *s == Step::Tomorrow)
        .unwrap();
    go_to_line(&mut app, at);
    press(&mut app, KeyCode::Enter);
    assert!(render(&app, 120, 40).contains(&tomorrow_title));
    press(&mut app, KeyCode::Enter);
    assert!(!render(&app, 120, 40).contains(&tomorrow_title));
}

#[test]
fn a_sync_conflict_waiting_has_its_line_and_opens_conflictos() {
    let (_dir, path) = demo_copy();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let event: String = conn
            .query_row(
                "SELECT id FROM events WHERE starts_at LIKE '2025-03-06%' LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute(
            "INSERT INTO conflicts (id, created_at, updated_at, target_table, target_id, col,
                                    lost_value, lost_clock, lost_replica)
             VALUES ('c1', '2025-03-06T08:00', '2025-03-06T08:00', 'events', ?1, 'title',
                     'Festejo del Día del Niño (cambiado en la casa)', 1, 'casa')",
            [event],
        )
        .unwrap();
    }
    let store = prensa::store::Store::open(&path, &options()).unwrap();
    let mut app = prensa::app::App::new(store, now(), (80, 24));
    let screen = shown(&app);
    assert!(
        screen.contains("CONFLICTOS DE SINCRONIZACIÓN — 1 cambio hecho en dos equipos"),
        "{screen}"
    );
    let at = steps(&app)
        .iter()
        .position(|s| *s == Step::Open(Link::Conflicts))
        .unwrap();
    go_to_line(&mut app, at);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.screen().overlays.last(),
        Some(prensa::ui::overlay::Overlay::Conflicts(_))
    ));
    // Backspace goes back to Hoy, as after any link.
    press(&mut app, KeyCode::Backspace);
    assert!(app.screen().overlays.is_empty());
    assert_eq!(app.screen().tab, Tab::Today);
}

#[test]
fn a_piece_approved_elsewhere_leaves_hoy_at_once() {
    let (_dir, mut app) = demo_app(80, 24);
    assert!(shown(&app).contains("POR APROBAR — 2 piezas"));
    // The first line of Por aprobar (the one above it, Se publica hoy, is a draft too).
    let draft = (0..)
        .map(
            |n| match steps(&app)[line_of(&app, RecordKind::Draft, n)].clone() {
                Step::Open(Link::Record(target)) => target,
                _ => unreachable!(),
            },
        )
        .find(|t| value(&app, "drafts", &t.id, "status") == "review")
        .unwrap();
    // Another console on the same file approves it.
    let mut other = open_as(app.store().path(), "oficina2");
    other
        .execute(&Command::SetStatus {
            target: Target::new(RecordKind::Draft, draft.id.clone()),
            status: "approved".into(),
        })
        .unwrap();
    press(&mut app, KeyCode::Down);
    let screen = shown(&app);
    assert!(screen.contains("POR APROBAR — 1 pieza"), "{screen}");
}

#[test]
fn y_copies_the_brief_for_whatsapp() {
    let (dir, mut app) = demo_app(80, 24);
    // The brief names journalists: copied to the terminal, never to the clipboard file.
    let file = dir.path().join("portapapeles.txt");
    app.set_clipboard_file(Some(file.clone()));
    type_keys(&mut app, "y");
    let copied = copied(&mut app);
    assert_eq!(copied.len(), 1);
    let text = &copied[0];
    assert!(
        text.starts_with("*Resumen del jueves 6 de marzo de 2025*"),
        "{text}"
    );
    assert!(
        text.contains("*Agenda de hoy* — 3 eventos, 2 sin cobertura"),
        "{text}"
    );
    assert!(said(&app).contains("para WhatsApp"), "{}", said(&app));
    // Said in the status bar at 80 columns, not in a notice to close.
    assert!(app.screen().overlays.is_empty(), "{}", shown(&app));
    assert!(!file.exists());
}

/// The balance's counts for one department: (this month, the month before).
fn balance_of(store: &prensa::store::Store, department: &str) -> (u64, u64) {
    store
        .briefing(reference())
        .unwrap()
        .balance
        .iter()
        .find(|b| b.department_id == department)
        .map(|b| (b.this_month, b.last_month))
        .unwrap_or((0, 0))
}

#[test]
fn each_publication_is_credited_to_its_piece_department_and_follows_it() {
    let (_dir, path) = demo_copy();
    let mut store = prensa::store::Store::open(&path, &options()).unwrap();
    // A piece of this month from a report, with its publications.
    let (draft, report, from): (String, String, String) = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row(
            "SELECT x.id, x.report_id, r.department_id FROM drafts x
             JOIN reports r ON r.id = x.report_id
             WHERE x.status = 'published'
               AND EXISTS (SELECT 1 FROM publications p WHERE p.draft_id = x.id
                             AND p.published_at >= '2025-03-01')
             LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    };
    let publications = |store: &prensa::store::Store| -> Vec<(String, Option<String>)> {
        let conn = rusqlite::Connection::open(store.path()).unwrap();
        let mut stmt = conn
            .prepare("SELECT published_at, department_id FROM publications WHERE draft_id = ?1")
            .unwrap();
        stmt.query_map([&draft], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let written = publications(&store);
    assert!(!written.is_empty());
    assert!(written
        .iter()
        .all(|(_, d)| d.as_deref() == Some(from.as_str())));
    let n = written.len() as u64;
    let before = balance_of(&store, &from);
    assert!(before.0 >= n, "{before:?}");

    // The piece is moved to a report of another department: its publications follow.
    let to = first_department(&store);
    assert_ne!(to, from);
    let other = create_record(
        &mut store,
        prensa::domain::edit::Record::Report(prensa::domain::edit::ReportInput {
            department_id: Some(to.clone()),
            request_id: None,
            event_id: None,
            title: "Otro reporte".into(),
            body: String::new(),
            received_at: "2025-03-02T10:00".into(),
            status: prensa::domain::status::ReportStatus::Received,
            channel: None,
            reason: String::new(),
        }),
    );
    let prensa::domain::edit::Record::Draft(mut piece) = store
        .record(&Target::new(RecordKind::Draft, draft.clone()))
        .unwrap()
    else {
        unreachable!()
    };
    assert_eq!(piece.report_id.as_deref(), Some(report.as_str()));
    piece.report_id = Some(other);
    let receipt = store
        .execute(&Command::Update {
            id: draft.clone(),
            record: prensa::domain::edit::Record::Draft(piece),
        })
        .unwrap();
    assert!(publications(&store)
        .iter()
        .all(|(_, d)| d.as_deref() == Some(to.as_str())));
    assert_eq!(balance_of(&store, &from).0, before.0 - n);
    // One `u` takes the move back, publications and all.
    store.undo(&receipt.change).unwrap();
    assert!(publications(&store)
        .iter()
        .all(|(_, d)| d.as_deref() == Some(from.as_str())));
    assert_eq!(balance_of(&store, &from), before);

    // Publications written before they named a department are counted through their piece.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE publications SET department_id = NULL WHERE draft_id = ?1",
            [&draft],
        )
        .unwrap();
    }
    assert_eq!(balance_of(&store, &from), before);
}

/// A new database at the demo's morning (the store's clock too): an outlet, a negative note of
/// the day before with no response, a positive one, and four questions — asked 30 hours ago,
/// 50 hours ago and routed to a department, 2 hours ago, and one answered. Returns the store,
/// the negative note's id, and the two questions waiting (the older first).
fn monitored() -> (tempfile::TempDir, prensa::store::Store, String, [String; 2]) {
    use prensa::domain::edit::{ClippingInput, OutletInput, QuestionInput, Record};
    use prensa::domain::status::{Channel, ClippingKind, OutletKind, QuestionStatus, Tone};
    let (dir, _, mut store) = new_store();
    let ms = office_millis(now());
    store.set_wall_clock(move || ms);
    let outlet = create_record(
        &mut store,
        Record::Outlet(OutletInput {
            name: "Diario Voz Huasteca".into(),
            kind: OutletKind::Newspaper,
            city: String::new(),
            region: String::new(),
            email: String::new(),
            phone: String::new(),
            website: String::new(),
            notes: String::new(),
        }),
    );
    let clipping = |title: &str, tone: Tone| ClippingInput {
        outlet_id: Some(outlet.clone()),
        kind: ClippingKind::Opinion,
        title: title.into(),
        url: String::new(),
        published_on: "2025-03-05".into(),
        tone,
        summary: String::new(),
        topic: String::new(),
        department_id: None,
        quoted_id: None,
        response: String::new(),
        draft_id: None,
    };
    let negative = create_record(
        &mut store,
        Record::Clipping(clipping(
            "Critican retraso en entrega de apoyos",
            Tone::Negative,
        )),
    );
    create_record(
        &mut store,
        Record::Clipping(clipping("Inauguran drenaje", Tone::Positive)),
    );
    let department = first_department(&store);
    let question = |asked_at: &str, text: &str, department: Option<String>| QuestionInput {
        channel: Channel::Facebook,
        asked_at: asked_at.into(),
        question: text.into(),
        topic: String::new(),
        department_id: department,
        status: QuestionStatus::Open,
        answer_id: None,
        response: String::new(),
        answered_at: String::new(),
    };
    let thirty = create_record(
        &mut store,
        Record::Question(question(
            "2025-03-05T02:30",
            "¿Dónde se paga el predial?",
            None,
        )),
    );
    let fifty = create_record(
        &mut store,
        Record::Question(question(
            "2025-03-04T06:00",
            "¿Cuándo llega la vacunación a mi comunidad? Somos de la colonia Centro y nadie nos dice nada",
            Some(department),
        )),
    );
    create_record(
        &mut store,
        Record::Question(question(
            "2025-03-06T06:30",
            "¿A qué hora abre el Registro Civil?",
            None,
        )),
    );
    create_record(
        &mut store,
        Record::Question(QuestionInput {
            status: QuestionStatus::Answered,
            response: "De 8:00 a 15:00".into(),
            answered_at: "2025-03-03T12:00".into(),
            ..question("2025-03-03T09:00", "¿Hasta cuándo hay descuento?", None)
        }),
    );
    (dir, store, negative, [fifty, thirty])
}

fn monitoring(b: &prensa::domain::briefing::Briefing) -> prensa::brief::Section {
    prensa::brief::sections(b)
        .into_iter()
        .find(|s| s.id == prensa::brief::SectionId::Monitoring)
        .unwrap()
}

#[test]
fn hoy_names_negative_notes_unanswered_and_questions_waiting_more_than_a_day() {
    use prensa::domain::edit::{DraftInput, Record};
    let (_dir, mut store, negative, [fifty, thirty]) = monitored();
    let b = store.briefing(reference()).unwrap();
    assert_eq!(b.now, "2025-03-06T08:30");
    assert_eq!((b.negative_total, b.questions_total), (1, 2));
    let s = monitoring(&b);
    assert_eq!(
        s.summary,
        "1 nota negativa sin respuesta; 2 preguntas esperan más de 24 h"
    );
    assert!(s.alert);
    assert_eq!(s.more, 0);
    let lines: Vec<(&str, &str, &str, &str)> = s
        .items
        .iter()
        .map(|i| {
            (
                i.when.as_str(),
                i.text.as_str(),
                i.note.as_str(),
                i.flag.as_str(),
            )
        })
        .collect();
    let department = b
        .questions
        .first()
        .map(|q| q.department.clone())
        .unwrap_or_default();
    assert!(!department.is_empty());
    assert_eq!(
        lines,
        [
            (
                "05/03",
                "Critican retraso en entrega de apoyos",
                "Diario Voz Huasteca · Opinión",
                "⚠ SIN RESPUESTA"
            ),
            (
                "2 días",
                "¿Cuándo llega la vacunación a mi comunidad? Somos de la…",
                &*format!("Facebook · turnada a {department}"),
                "⚠ SIN RESPUESTA"
            ),
            (
                "30 h",
                "¿Dónde se paga el predial?",
                "Facebook",
                "⚠ SIN TURNAR"
            ),
        ]
    );
    // Each line leads to its record.
    let links: Vec<Option<Link>> = s.items.iter().map(|i| i.link.clone()).collect();
    assert_eq!(
        links,
        [
            Some(Link::Record(Target::new(
                RecordKind::Clipping,
                negative.clone()
            ))),
            Some(Link::Record(Target::new(
                RecordKind::Question,
                fifty.clone()
            ))),
            Some(Link::Record(Target::new(
                RecordKind::Question,
                thirty.clone()
            ))),
        ]
    );
    assert_eq!(b.questions[0].status.code(), "routed");

    // A response piece written: still unanswered until it is out.
    let piece = create_record(
        &mut store,
        Record::Draft(DraftInput::new(
            "Aclaración sobre la entrega de apoyos",
            "Los apoyos se entregan desde el lunes.",
            "2025-03-06T08:00",
        )),
    );
    let Record::Clipping(mut note) = store
        .record(&Target::new(RecordKind::Clipping, negative.clone()))
        .unwrap()
    else {
        unreachable!()
    };
    note.draft_id = Some(piece.clone());
    store
        .execute(&Command::Update {
            id: negative.clone(),
            record: Record::Clipping(note),
        })
        .unwrap();
    let b = store.briefing(reference()).unwrap();
    assert_eq!(b.negative_total, 1);
    assert_eq!(b.negative[0].response_id, piece);
    assert_eq!(monitoring(&b).items[0].flag, "⚠ RESPUESTA SIN PUBLICAR");

    // Published: the note leaves Hoy; the questions stay.
    for status in ["review", "approved", "published"] {
        store
            .execute(&Command::SetStatus {
                target: Target::new(RecordKind::Draft, piece.clone()),
                status: status.into(),
            })
            .unwrap();
    }
    let b = store.briefing(reference()).unwrap();
    assert_eq!((b.negative_total, b.questions_total), (0, 2));
    assert_eq!(monitoring(&b).summary, "2 preguntas esperan más de 24 h");

    // The console: the section on screen, its lines chosen with Enter without harm while
    // Monitoreo has no tab of its own.
    let mut app = prensa::app::App::new(store, now(), (120, 40));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("MONITOREO — 2 preguntas esperan más de 24 h"),
        "{screen}"
    );
    assert!(!screen.contains("Critican retraso"), "{screen}");
    let at = line_of(&app, RecordKind::Question, 0);
    assert_eq!(
        steps(&app)[at],
        Step::Open(Link::Record(Target::new(RecordKind::Question, fifty)))
    );
    go_to_line(&mut app, at);
    press(&mut app, KeyCode::Enter);
    if prensa::ui::tabs::home(RecordKind::Question).is_none() {
        assert_eq!(app.screen().tab, Tab::Today);
    }
}

#[test]
fn with_nothing_to_watch_monitoreo_says_nothing_is_pending() {
    let (_dir, _, store) = new_store();
    let b = store.briefing(reference()).unwrap();
    let s = monitoring(&b);
    assert_eq!(s.summary, "nada pendiente");
    assert!(s.items.is_empty() && !s.alert);
}

#[test]
fn monitoreo_beyond_its_lines_counts_the_rest_and_leads_nowhere() {
    let (_dir, path) = demo_copy();
    let store = prensa::store::Store::open(&path, &options()).unwrap();
    let b = store.briefing(reference()).unwrap();
    let s = monitoring(&b);
    // Four notes, the newest first, then the questions; no list of Monitoreo filters
    // "unanswered", so the rest are counted and lead nowhere.
    assert_eq!(b.negative.len(), 4);
    assert!(b.questions_total > b.questions.len() as u64, "{b:?}");
    assert_eq!(
        s.more,
        b.negative_total + b.questions_total - s.items.len() as u64
    );
    assert!(s.more_link.is_none());
    let (_dir, app) = demo_app(120, 40);
    assert!(!steps(&app).iter().any(|st| matches!(
        st,
        Step::Open(Link::List(RecordKind::Clipping | RecordKind::Question, _))
    )));
}
