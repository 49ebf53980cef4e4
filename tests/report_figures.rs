//! The Reportes tab's Cifras view as a user sees it: at 80×24 and 120×40 on the demo data with
//! the fixed clock (insta snapshots); moving over the departments and opening one in Áreas; and
//! a request that passes its due date showing as vencida on the list and in the figures.
mod common;

use common::*;
use crossterm::event::KeyCode;
use prensa::app::App;
use prensa::domain::edit::{Command, Record, RequestInput};
use prensa::domain::figures::DepartmentFigures;
use prensa::domain::query::ListId;
use prensa::domain::status::RequestStatus;
use prensa::store::Store;
use prensa::ui::{Page, Tab};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

/// Opens Reportes on Cifras (the view before the first, going back).
fn open_figures(app: &mut App) {
    type_keys(app, "3[");
    assert_eq!(app.screen().tab, Tab::Reports);
    assert_eq!(
        app.screen().reports.pane().map(|p| p.list()),
        Some(ListId::Figures)
    );
}

fn rows(app: &App) -> &[DepartmentFigures] {
    &app.screen().reports.figures.rows
}

fn row<'a>(app: &'a App, short: &str) -> &'a DepartmentFigures {
    rows(app)
        .iter()
        .find(|r| r.short_name == short)
        .unwrap_or_else(|| panic!("{short} not among the figures"))
}

/// The screen's line that holds `needle`.
fn line_with(screen: &str, needle: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{screen}"))
        .to_owned()
}

#[test]
fn cifras_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app(w, h);
        open_figures(&mut app);
        assert!(app.screen().message.is_none(), "{:?}", app.screen().message);
        let screen = render(&app, w, h);
        assert!(screen.contains("Cifras"), "{screen}");
        assert!(screen.contains("Reportes de marzo por área"), "{screen}");
        assert!(
            screen.contains("Mediana (días)") && screen.contains("Vencidas"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("cifras_{w}x{h}"), screen);
    }
}

#[test]
fn the_figures_add_up_to_what_the_demo_holds() {
    let (_dir, mut app) = demo_app(120, 40);
    open_figures(&mut app);
    let screen = render(&app, 120, 40);
    let overdue: u32 = rows(&app).iter().map(|r| r.overdue).sum();
    let this_month: u32 = rows(&app).iter().map(|r| r.this_month).sum();
    // The same counts as the file says, by another road.
    let total = |sql| sql_value(&app, sql, &[]).unwrap().parse::<u32>().unwrap();
    assert_eq!(
        overdue,
        total(
            "SELECT CAST(count(*) AS TEXT) FROM requests WHERE status = 'pending'
             AND due_on <> '' AND due_on < '2025-03-06' AND deleted_at IS NULL"
        )
    );
    assert_eq!(
        this_month,
        total(
            "SELECT CAST(count(*) AS TEXT) FROM reports WHERE received_at >= '2025-03-01'
             AND received_at < '2025-04-01' AND deleted_at IS NULL"
        )
    );
    assert!(overdue > 0, "the demo has overdue requests");
    let summary = format!("{this_month} reportes este mes · {overdue} solicitudes vencidas");
    assert!(screen.contains(&summary), "{summary}\n{screen}");
}

#[test]
fn enter_opens_the_department_in_areas_and_backspace_comes_back() {
    let (_dir, mut app) = demo_app(120, 40);
    open_figures(&mut app);
    type_keys(&mut app, "jj");
    let chosen = rows(&app)[2].clone();
    assert_eq!(app.screen().reports.figures.selected, 2);
    press(&mut app, KeyCode::Enter);
    let reports = &app.screen().reports;
    assert_eq!(reports.pane().map(|p| p.list()), Some(ListId::Departments));
    let selected = reports.departments.rows.selected().unwrap();
    assert_eq!(selected.id, chosen.id);
    // Its detail says its figures too.
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Mediana de días para responder"),
        "{screen}"
    );
    let detail = reports.departments.detail.as_ref().unwrap();
    assert_eq!(detail.figures, chosen);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.screen().reports.pane().map(|p| p.list()),
        Some(ListId::Figures)
    );
    assert_eq!(app.screen().reports.figures.selected, 2);
}

#[test]
fn the_keys_of_cifras_are_in_the_bar_and_any_size_draws() {
    let (_dir, mut app) = demo_app(120, 40);
    open_figures(&mut app);
    let screen = render(&app, 120, 40);
    let bar = screen.lines().last().unwrap_or_default().to_owned();
    assert!(bar.contains("Elegir un área"), "{bar}");
    assert!(bar.contains("Abrir el área en Áreas"), "{bar}");
    type_keys(&mut app, "G");
    assert_eq!(app.screen().reports.figures.selected, rows(&app).len() - 1);
    for (w, h) in [(1, 1), (20, 5), (40, 10), (45, 12), (60, 16), (200, 60)] {
        app.resize(w, h);
        render(&app, w, h);
    }
}

/// A new request to `department`, sent a week ago and due yesterday, still pending.
fn overdue_request(path: &std::path::Path, department: &str) {
    let mut store = Store::open(path, &options()).unwrap();
    let record = Record::Request(RequestInput {
        department_id: Some(department.to_owned()),
        subject: "Avance de la obra del mercado".to_owned(),
        sent_on: "2025-02-27".to_owned(),
        due_on: "2025-03-05".to_owned(),
        status: RequestStatus::Pending,
        channel: None,
        body: String::new(),
        notes: String::new(),
    });
    store
        .execute(&Command::Create { id: None, record })
        .unwrap();
}

/// The colour of the first cell of the screen's line holding `needle`.
fn colour_of(app: &App, w: u16, h: u16, needle: &str) -> Color {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| prensa::ui::draw(frame, app.screen()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for y in 0..h {
        let line: String = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(at) = line.find(needle) {
            let x = line[..at].chars().count() as u16;
            return buffer[(x, y)].fg;
        }
    }
    panic!("{needle} not on screen");
}

#[test]
fn a_request_past_its_due_date_shows_as_vencida_in_the_list_and_the_figures() {
    let (_dir, mut app) = demo_app(120, 40);
    open_figures(&mut app);
    let cultura = row(&app, "Cultura").clone();
    let before: u32 = rows(&app).iter().map(|r| r.overdue).sum();
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("{before} solicitudes vencidas")),
        "{screen}"
    );

    overdue_request(app.store().path(), &cultura.id);
    // The console notices the change on its next tick and reads the figures again.
    app.set_now(now());
    let after = row(&app, "Cultura");
    assert_eq!(after.overdue, cultura.overdue + 1);
    assert_eq!(after.pending, cultura.pending + 1);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("{} solicitudes vencidas", before + 1)),
        "{screen}"
    );
    let line = line_with(&screen, "Cultura ");
    assert!(
        line.contains(&format!("⚠ {}", cultura.overdue + 1)),
        "{line}"
    );
    assert_eq!(colour_of(&app, 120, 40, "⚠"), Color::Red);

    // And on the list of requests, in red.
    type_keys(&mut app, "[[");
    assert_eq!(
        app.screen().reports.pane().map(|p| p.list()),
        Some(ListId::Requests)
    );
    type_keys(&mut app, "/obra del mercado");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        colour_of(&app, 120, 40, "05/03/2025"),
        Color::Red,
        "{}",
        render(&app, 120, 40)
    );
}
