//! The Agenda's calendar views as a user sees them: Día, Semana and Mes at 80×24 and 120×40 on
//! the demo data with the fixed clock (insta snapshots); moving by day, week and month, going
//! to today and to a typed date; Enter on a day of the month; and the warnings of uncovered
//! and double-booked events.
mod common;

use chrono::NaiveDate;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::app::App;
use prensa::ui::tabs::agenda::calendar::{Focus, Mode};
use prensa::ui::{Page, Tab};

fn day(app: &App) -> NaiveDate {
    app.screen()
        .agenda
        .calendar
        .day
        .expect("the calendar is shown")
}

fn mode(app: &App) -> Mode {
    app.screen().agenda.calendar.mode
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

/// The `n` lines of the screen below the first that contains `needle`.
fn below(screen: &str, needle: &str, n: usize) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{screen}"));
    lines[at + 1..]
        .iter()
        .take(n)
        .map(|l| l.to_string())
        .collect()
}

/// Goes to a date by typing it at `i`.
fn go_to(app: &mut App, text: &str) {
    type_keys(app, "i");
    type_keys(app, text);
    press(app, KeyCode::Enter);
}

/// A new event on the day shown, at the next full hour, titled `title`.
fn new_event(app: &mut App, title: &str) {
    type_keys(app, "n");
    type_keys(app, title);
    ctrl(app, 's');
}

/// Assigns the selected event to the first staff member matching `who`, from its detail.
fn assign(app: &mut App, who: &str) {
    press(app, KeyCode::Enter);
    type_keys(app, "n");
    press(app, KeyCode::Enter);
    type_keys(app, who);
    press(app, KeyCode::Enter);
    ctrl(app, 's');
    press(app, KeyCode::Esc);
}

#[test]
fn dia_semana_and_mes_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app(w, h);
        type_keys(&mut app, "2");
        assert_eq!(mode(&app), Mode::Day, "the Agenda opens on Día");
        assert!(app.screen().message.is_none(), "{:?}", app.screen().message);
        let dia = render(&app, w, h);
        assert!(dia.contains("jueves 6 de marzo de 2025"), "{dia}");
        insta::assert_snapshot!(format!("dia_{w}x{h}"), dia);
        type_keys(&mut app, "]");
        assert_eq!(mode(&app), Mode::Week);
        insta::assert_snapshot!(format!("semana_{w}x{h}"), render(&app, w, h));
        type_keys(&mut app, "]");
        assert_eq!(mode(&app), Mode::Month);
        insta::assert_snapshot!(format!("mes_{w}x{h}"), render(&app, w, h));
        type_keys(&mut app, "]");
        assert!(app.screen().agenda.listing, "then Lista");
        type_keys(&mut app, "]");
        assert_eq!(mode(&app), Mode::Day, "and round again");
    }
}

#[test]
fn keys_move_by_day_week_and_month_and_t_comes_back_to_today() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    assert_eq!(day(&app), date(3, 6));
    press(&mut app, KeyCode::Right);
    assert_eq!(day(&app), date(3, 7));
    type_keys(&mut app, "l");
    assert_eq!(day(&app), date(3, 8));
    press(&mut app, KeyCode::Left);
    type_keys(&mut app, "hh");
    assert_eq!(day(&app), date(3, 5));
    assert!(render(&app, 80, 24).contains("miércoles 5 de marzo de 2025"));
    type_keys(&mut app, ".");
    assert_eq!(day(&app), date(3, 12));
    type_keys(&mut app, ",,");
    assert_eq!(day(&app), date(2, 26));
    type_keys(&mut app, ">");
    assert_eq!(day(&app), date(3, 26));
    type_keys(&mut app, ">>");
    assert_eq!(day(&app), date(5, 26));
    type_keys(&mut app, "<");
    assert_eq!(day(&app), date(4, 26));
    type_keys(&mut app, "t");
    assert_eq!(day(&app), date(3, 6));
    // The same keys in Semana and Mes; in Mes ↑↓ move by week.
    type_keys(&mut app, "]");
    type_keys(&mut app, "l.");
    assert_eq!(day(&app), date(3, 14));
    assert!(render(&app, 80, 24).contains("Semana del 10 al 16 de marzo de 2025"));
    type_keys(&mut app, "]");
    press(&mut app, KeyCode::Down);
    assert_eq!(day(&app), date(3, 21));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(day(&app), date(3, 7));
    type_keys(&mut app, ">");
    assert!(render(&app, 80, 24).contains("abril de 2025"));
    type_keys(&mut app, "t");
    assert_eq!(day(&app), date(3, 6));
    assert!(app.screen().message.is_none(), "{:?}", app.screen().message);
}

#[test]
fn i_goes_to_a_date_typed_in_spanish_and_refuses_nonsense() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    go_to(&mut app, "12/03");
    assert_eq!(day(&app), date(3, 12));
    go_to(&mut app, "6 de marzo");
    assert_eq!(day(&app), date(3, 6));
    go_to(&mut app, "mañana");
    assert_eq!(day(&app), date(3, 7));
    go_to(&mut app, "próximo viernes");
    assert_eq!(day(&app), date(3, 7), "the Friday after today (Thursday)");
    // Keys typed at the prompt are text, not commands: q does not quit, ] switches no view.
    go_to(&mut app, "el 45 de marzo q]");
    assert_eq!(day(&app), date(3, 7), "nothing changed");
    assert!(!app.should_quit());
    assert_eq!(app.screen().agenda.calendar.focus, Focus::Prompt);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("«el 45 de marzo q]» no es una fecha: nada cambió."),
        "{screen}"
    );
    // Fixed, it goes; Esc leaves the prompt without moving.
    for _ in 0.."el 45 de marzo q]".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_keys(&mut app, "1/4/2025");
    press(&mut app, KeyCode::Enter);
    assert_eq!(day(&app), date(4, 1));
    assert_eq!(app.screen().agenda.calendar.focus, Focus::Days);
    type_keys(&mut app, "i31/12");
    press(&mut app, KeyCode::Esc);
    assert_eq!(day(&app), date(4, 1));
    assert_eq!(app.screen().agenda.calendar.focus, Focus::Days);
    assert_eq!(app.screen().tab, Tab::Agenda);
}

#[test]
fn enter_on_a_day_of_the_month_opens_that_dia() {
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "2]]");
    assert_eq!(mode(&app), Mode::Month);
    press(&mut app, KeyCode::Down);
    type_keys(&mut app, "l");
    assert_eq!(day(&app), date(3, 14));
    press(&mut app, KeyCode::Enter);
    assert_eq!(mode(&app), Mode::Day);
    assert_eq!(app.screen().agenda.view(), 0, "the tab shows Día");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("viernes 14 de marzo de 2025"), "{screen}");
    // Enter in Día opens the selected event's detail, with its links.
    let first = app
        .screen()
        .agenda
        .calendar
        .selected_event()
        .unwrap()
        .id
        .clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen().agenda.calendar.focus, Focus::Detail);
    assert_eq!(
        app.screen().agenda.calendar.detail.as_ref().unwrap().row.id,
        first
    );
    assert!(render(&app, 120, 40).contains("Cuándo: viernes 14 de marzo de 2025"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen().agenda.calendar.focus, Focus::Days);
}

#[test]
fn an_uncovered_event_tomorrow_is_flagged_and_one_next_week_is_not() {
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "2l");
    new_event(&mut app, "Visita a la escuela de Tamápatz");
    let id = id_where(&app, "events", "title", "Visita a la escuela de Tamápatz").unwrap();
    let selected = app
        .screen()
        .agenda
        .calendar
        .selected_event()
        .unwrap()
        .clone();
    assert_eq!(selected.id, id, "the new event is selected, tomorrow");
    assert!(selected.starts_at.starts_with("2025-03-07T09:00"));
    let dia = render(&app, 120, 40);
    // Below its title: its kind, then the warning.
    let next = below(&dia, "09:00–10:00 Visita a la escuela de Tamápatz", 2);
    assert!(next[0].contains("Evento público"), "{dia}");
    assert!(next[1].contains("⚠ sin cobertura"), "{dia}");
    // In Semana (its columns, and its list below 100 columns) and in Lista too.
    type_keys(&mut app, "]");
    assert!(render(&app, 120, 40).contains("09:00–10:00 ⚠"));
    let narrow = {
        app.resize(80, 24);
        render(&app, 80, 24)
    };
    assert!(narrow.contains("⚠ sin cobertura"), "{narrow}");
    type_keys(&mut app, "]]");
    assert!(app.screen().agenda.listing);
    let lista = render(&app, 80, 24);
    assert!(
        lista.contains("⚠ sin cobertura · Visita a la escue"),
        "{lista}"
    );
    // Covered, it is no longer flagged.
    type_keys(&mut app, "]");
    assign(&mut app, "jorge");
    app.resize(120, 40);
    let covered = render(&app, 120, 40);
    assert!(
        covered.contains("Foto: Jorge Ponce Terán (Asignada)"),
        "{covered}"
    );
    assert!(!app
        .screen()
        .agenda
        .calendar
        .selected_event()
        .unwrap()
        .uncovered());
    // A week from now, nobody covering it is not (yet) a warning.
    type_keys(&mut app, ".");
    new_event(&mut app, "Feria del libro");
    let later = render(&app, 120, 40);
    let next = below(&later, "09:00–10:00 Feria del libro", 2);
    assert!(next[1].contains("Sin cobertura asignada"), "{later}");
    assert!(!next[1].contains("⚠"), "{later}");
}

#[test]
fn a_person_on_two_overlapping_events_is_flagged_on_both() {
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "2");
    go_to(&mut app, "22/03");
    assert!(app
        .screen()
        .agenda
        .calendar
        .day_events(date(3, 22))
        .is_empty());
    new_event(&mut app, "Rueda de prensa");
    assign(&mut app, "jorge");
    new_event(&mut app, "Entrevista en radio");
    assign(&mut app, "jorge");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("⚠ Jorge Ponce Terán también en «Rueda de prensa»"),
        "{screen}"
    );
    assert!(
        screen.contains("⚠ Jorge Ponce Terán también en «Entrevista en radio»"),
        "{screen}"
    );
    let events = app.screen().agenda.calendar.day_events(date(3, 22));
    assert_eq!(events.len(), 2);
    assert!(events.iter().all(|e| e.clashes.len() == 1), "{events:?}");
    // Semana flags both in its column.
    type_keys(&mut app, "]");
    let week = render(&app, 120, 40);
    assert_eq!(week.matches("09:00–10:00 ⚠").count(), 2, "{week}");
}

#[test]
fn n_in_a_day_makes_an_event_that_day_and_it_shows_after_the_write() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    go_to(&mut app, "20/03");
    let before = app.screen().agenda.calendar.day_events(date(3, 20)).len();
    new_event(&mut app, "Cabildo abierto");
    let id = id_where(&app, "events", "title", "Cabildo abierto").unwrap();
    assert_eq!(
        sql_value(&app, "SELECT starts_at FROM events WHERE id = ?1", &[&id]).unwrap(),
        "2025-03-20T09:00"
    );
    assert_eq!(
        app.screen().agenda.calendar.day_events(date(3, 20)).len(),
        before + 1
    );
    // The month's counts are read again too.
    type_keys(&mut app, "]]");
    let count = app.screen().agenda.calendar.count(date(3, 20)).unwrap();
    assert_eq!(count.events as usize, before + 1);
    // d deletes the selected event (after asking), from the calendar as from the list.
    type_keys(&mut app, "[[");
    type_keys(&mut app, "d");
    assert!(render(&app, 80, 24).contains("Cabildo abierto"));
    type_keys(&mut app, "s");
    assert_eq!(
        app.screen().agenda.calendar.day_events(date(3, 20)).len(),
        before
    );
}

#[test]
fn lista_opens_on_the_day_the_calendar_showed() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    go_to(&mut app, "20/03");
    type_keys(&mut app, "[");
    assert!(app.screen().agenda.listing);
    let row = app.screen().agenda.events.rows.selected().unwrap().clone();
    assert!(row.starts_at.starts_with("2025-03-20"), "{row:?}");
    // And back: the calendar kept its day.
    type_keys(&mut app, "]");
    assert_eq!(day(&app), date(3, 20));
}

#[test]
fn the_calendar_never_panics_at_any_size() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "2");
    for keys in ["", "]", "]", "[[i"] {
        type_keys(&mut app, keys);
        for w in (1..=130).step_by(7) {
            for h in (1..=45).step_by(3) {
                app.resize(w, h);
                render(&app, w, h);
            }
        }
    }
    app.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    // The ends of the calendar: far months and days stay put instead of overflowing.
    for _ in 0..50 {
        type_keys(&mut app, ">>>>>>>>>>>>>>>>>>>>");
    }
    render(&app, 80, 24);
    go_to(&mut app, "31/12/9999");
    type_keys(&mut app, "l.>]l.>]l.>");
    render(&app, 120, 40);
    assert_eq!(app.screen().tab, Tab::Agenda);
}

#[test]
fn an_all_day_event_comes_first_in_its_day() {
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "2l");
    type_keys(&mut app, "n");
    type_keys(&mut app, "Feria regional");
    // Título, Fecha, Hora de inicio, Hora de término, Todo el día.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char(' '));
    ctrl(&mut app, 's');
    let events = app.screen().agenda.calendar.day_events(date(3, 7));
    assert!(events[0].all_day, "{events:?}");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("│Todo el día Feria regional"), "{screen}");
}
