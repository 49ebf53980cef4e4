//! Monitoreo as the office works it, key by key: a negative note captured from a pasted link
//! and text (its outlet known by the link's site), answered by a piece that is approved and
//! published, after which the note reads answered; a citizen's question routed to Obras
//! Públicas and answered from a reusable reply edited for the case, which moves the median
//! time to answer.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{Command, Record, RecordKind, Target};
use prensa::ui::{Action, ListCmd};

/// Monitoreo on the view whose header holds `column`.
fn view(app: &mut App, column: &str) {
    type_keys(app, "7");
    for _ in 0..8 {
        if shown(app).contains(column) {
            return;
        }
        press(app, KeyCode::Char(']'));
    }
    panic!("no view with {column}: {}", shown(app));
}

fn reveal_record(app: &mut App, target: Target) {
    let key = app.store().place_of(&target).unwrap().unwrap();
    app.update(Action::List(ListCmd::Reveal(key)));
}

fn tabs(app: &mut App, n: usize) {
    for _ in 0..n {
        press(app, KeyCode::Tab);
    }
}

/// Empties the focused one-line field.
fn clear(app: &mut App) {
    for _ in 0..16 {
        press(app, KeyCode::Backspace);
    }
}

/// Picks, in the focused field, the record found by typing `text`.
fn pick(app: &mut App, text: &str) {
    press(app, KeyCode::Enter);
    type_keys(app, text);
    press(app, KeyCode::Enter);
}

/// The demo's first outlet, given a website: its name.
fn outlet_on_the_web(app: &mut App, site: &str) -> (String, String) {
    let id = sql_value(
        app,
        "SELECT id FROM outlets WHERE deleted_at IS NULL ORDER BY name LIMIT 1",
        &[],
    )
    .unwrap();
    let target = Target::new(RecordKind::Outlet, id.clone());
    let Ok(Record::Outlet(mut o)) = app.store().record(&target) else {
        panic!("an outlet")
    };
    o.website = site.into();
    let name = o.name.clone();
    app.update(Action::Save(Command::Update {
        id: id.clone(),
        record: Record::Outlet(o),
    }));
    (id, name)
}

#[test]
fn a_negative_note_is_answered_by_a_published_piece() {
    let (_dir, mut app) = demo_app_at_now(80, 24);
    let (outlet, outlet_name) = outlet_on_the_web(&mut app, "https://pulsohuasteco.mx");

    // Captured from what a press officer copies from the site: its link and its text.
    view(&mut app, "Titular");
    type_keys(&mut app, "n");
    assert!(top_is_form(&app), "{}", shown(&app));
    assert!(
        shown(&app).contains("Pegue el enlace y el texto"),
        "{}",
        shown(&app)
    );
    app.on_paste("https://www.pulsohuasteco.mx/region/camino-tampacoy-123?utm=fb");
    press(&mut app, KeyCode::Tab);
    app.on_paste(
        "Vecinos acusan abandono del camino a Tampacoy\n\
         Dicen que nadie ha reparado el camino desde julio.",
    );
    // Headline, date, outlet and kind stay as prensa fills them; the tone is negative.
    tabs(&mut app, 5);
    press(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let title = "Vecinos acusan abandono del camino a Tampacoy";
    let clipping = id_where(&app, "clippings", "title", title).expect("the note is saved");
    assert_eq!(value(&app, "clippings", &clipping, "outlet_id"), outlet);
    assert_eq!(value(&app, "clippings", &clipping, "tone"), "negative");
    assert_eq!(
        value(&app, "clippings", &clipping, "published_on"),
        "2025-03-06"
    );
    let screen = render(&app, 80, 24);
    assert!(screen.contains("⚠ Falta"), "{screen}");
    assert!(screen.contains(&outlet_name[..10]), "{screen}");

    // The response: a piece written, approved, and linked to the note.
    let piece_title = "Aclaración: el camino a Tampacoy se repara desde el lunes";
    type_keys(&mut app, "4n");
    type_keys(&mut app, piece_title);
    tabs(&mut app, 2);
    type_keys(
        &mut app,
        "Obras Públicas inicia el lunes la reparación del camino.",
    );
    ctrl(&mut app, 's');
    let piece = id_where(&app, "drafts", "title", piece_title).unwrap();
    let target = Target::new(RecordKind::Draft, piece.clone());
    app.update(Action::SetStatus(target.clone(), "review".into()));
    app.update(Action::SetStatus(target.clone(), "approved".into()));

    view(&mut app, "Titular");
    reveal_record(
        &mut app,
        Target::new(RecordKind::Clipping, clipping.clone()),
    );
    type_keys(&mut app, "e");
    assert!(top_is_form(&app), "{}", shown(&app));
    tabs(&mut app, 11);
    pick(&mut app, "Aclaración camino");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(value(&app, "clippings", &clipping, "draft_id"), piece);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("En curso"), "{screen}");

    // Published: the note reads answered, with when the answer went out.
    app.update(Action::SetStatus(target, "published".into()));
    assert!(top_is_form(&app), "{}", shown(&app));
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &piece, "status"), "published");
    view(&mut app, "Titular");
    reveal_record(
        &mut app,
        Target::new(RecordKind::Clipping, clipping.clone()),
    );
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Respuesta: Dada (06/03/2025"), "{screen}");
    assert!(
        screen.contains("Pieza de respuesta: ") && screen.contains("Aclaración:"),
        "{screen}"
    );
    let row = screen
        .lines()
        .find(|l| l.contains("Vecinos acusan") && l.contains("Negativo"))
        .unwrap_or_default()
        .to_owned();
    assert!(row.contains("Dada"), "{row}");
    // Hoy no longer names it among the notes nobody answered.
    type_keys(&mut app, "1");
    assert!(
        !shown(&app).contains("Vecinos acusan abandono"),
        "{}",
        shown(&app)
    );
}

#[test]
fn a_question_is_routed_and_answered_from_a_reusable_reply_edited_for_the_case() {
    let (_dir, mut app) = demo_app_at_now(80, 24);
    let figures = |app: &App| app.store().monitoring_figures(reference()).unwrap();
    let before = figures(&app);

    // The office's reply for potholes, written once in the library.
    view(&mut app, "Usada");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Reporte de baches");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Baches");
    press(&mut app, KeyCode::Tab);
    type_keys(
        &mut app,
        "Gracias por su reporte. Obras Públicas programa la reparación de baches cada semana.",
    );
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let reply = id_where(&app, "answers", "title", "Reporte de baches").unwrap();

    // Asked last evening on Facebook, routed to Obras Públicas.
    view(&mut app, "Canal     Pregunta");
    type_keys(&mut app, "n");
    assert!(top_is_form(&app), "{}", shown(&app));
    let asked = "¿Cuándo van a tapar el bache frente a la primaria de La Lima?";
    type_keys(&mut app, asked);
    tabs(&mut app, 2);
    clear(&mut app);
    type_keys(&mut app, "05/03/2025");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    type_keys(&mut app, "18:30");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Baches");
    press(&mut app, KeyCode::Tab);
    pick(&mut app, "Obras");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let question = id_where(&app, "questions", "question", asked).expect("the question is saved");
    assert_eq!(value(&app, "questions", &question, "status"), "routed");
    assert_eq!(
        value(&app, "questions", &question, "asked_at"),
        "2025-03-05T18:30"
    );
    let obras = sql_value(
        &app,
        "SELECT id FROM departments WHERE name LIKE '%Obras Públicas%' AND deleted_at IS NULL",
        &[],
    )
    .unwrap();
    assert_eq!(value(&app, "questions", &question, "department_id"), obras);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Turnada"), "{screen}");

    // Answered: the reusable reply goes into the answer, which is fitted to the case.
    reveal_record(
        &mut app,
        Target::new(RecordKind::Question, question.clone()),
    );
    type_keys(&mut app, "e");
    tabs(&mut app, 7);
    pick(&mut app, "baches");
    type_keys(
        &mut app,
        " La cuadrilla atiende la calle de la primaria esta semana.",
    );
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(value(&app, "questions", &question, "status"), "answered");
    assert_eq!(value(&app, "questions", &question, "answer_id"), reply);
    assert_eq!(
        value(&app, "questions", &question, "response"),
        "Gracias por su reporte. Obras Públicas programa la reparación de baches cada \
         semana. La cuadrilla atiende la calle de la primaria esta semana."
    );
    // Answered at the office's now, 14 hours after it was asked.
    assert_eq!(
        value(&app, "questions", &question, "answered_at"),
        "2025-03-06T08:30"
    );
    let after = figures(&app);
    assert_eq!(after.answered, before.answered + 1);
    assert_eq!(after.asked, before.asked + 1);
    assert_ne!(after.median_minutes, before.median_minutes);
    let mut minutes = minutes_to_answer(&app);
    minutes.sort_unstable();
    let mid = minutes.len() / 2;
    let median = if minutes.len().is_multiple_of(2) {
        (minutes[mid - 1] + minutes[mid]) / 2
    } else {
        minutes[mid]
    };
    assert_eq!(after.median_minutes, Some(median));
    assert!(minutes.contains(&(14 * 60)), "{minutes:?}");
    // The reply shows where it was used.
    view(&mut app, "Usada");
    reveal_record(&mut app, Target::new(RecordKind::Answer, reply));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Preguntas respondidas con ella (1)"),
        "{screen}"
    );
}

/// Every answered question's minutes to answer in the figures' period, read apart from the
/// figures.
fn minutes_to_answer(app: &App) -> Vec<i64> {
    let conn = rusqlite::Connection::open(app.store().path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT asked_at, answered_at FROM questions WHERE deleted_at IS NULL
               AND status IN ('answered', 'closed') AND answered_at <> ''
               AND asked_at >= '2024-12-16' AND asked_at < '2025-03-07'",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    let parse = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
    rows.map(|r| {
        let (a, b) = r.unwrap();
        (parse(&b) - parse(&a)).num_minutes()
    })
    .filter(|m| *m >= 0)
    .collect()
}

/// A question whose time is later than the office's clock (a clock behind, or the demo's
/// morning before it is written): answered now, its reply takes the time it was asked, from
/// its form and from a status move alike; a reply typed before its question is refused.
#[test]
fn a_reply_never_comes_before_its_question() {
    use prensa::domain::edit::{Command, Problem, QuestionInput};
    use prensa::domain::status::{Channel, QuestionStatus};
    use prensa::store::StoreError;
    let (_dir, path) = demo_copy();
    let mut store = prensa::store::Store::open(&path, &options()).unwrap();
    let ms = office_millis(now());
    store.set_wall_clock(move || ms);
    let question = |at: &str, status, response: &str| QuestionInput {
        channel: Channel::Facebook,
        asked_at: at.into(),
        question: "¿Dónde se paga el predial?".into(),
        topic: String::new(),
        department_id: None,
        status,
        answer_id: None,
        response: response.into(),
        answered_at: String::new(),
    };
    // The office's clock says 08:30.
    let answered = create_record(
        &mut store,
        Record::Question(question(
            "2025-03-06T10:00",
            QuestionStatus::Answered,
            "En la Tesorería.",
        )),
    );
    let moved = create_record(
        &mut store,
        Record::Question(question(
            "2025-03-06T11:00",
            QuestionStatus::Open,
            "En la Tesorería.",
        )),
    );
    store
        .execute(&Command::SetStatus {
            target: Target::new(RecordKind::Question, moved.clone()),
            status: "answered".into(),
        })
        .unwrap();
    let mut typed = question(
        "2025-03-06T07:00",
        QuestionStatus::Answered,
        "En la Tesorería.",
    );
    typed.answered_at = "2025-03-06T06:00".into();
    let refused = store.execute(&Command::Create {
        id: None,
        record: Record::Question(typed),
    });
    let answered_at = |id: &str| match store.record(&Target::new(RecordKind::Question, id)) {
        Ok(Record::Question(q)) => q.answered_at,
        other => panic!("{other:?}"),
    };
    assert_eq!(answered_at(&answered), "2025-03-06T10:00");
    assert_eq!(answered_at(&moved), "2025-03-06T11:00");
    match refused {
        Err(StoreError::Invalid(i)) => {
            assert_eq!((i.field, i.problem), ("answered_at", Problem::BeforeStart))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        prensa::i18n::labels::field_problem("answered_at", Problem::BeforeStart),
        "La respuesta no puede ser antes de la pregunta: revise la fecha y la hora."
    );
}
