//! The agenda on the benchmark dataset (`prensa demo --grande`: about 100 events a day):
//! - a day, a week and a month's counts as the Agenda views read them (`Store::agenda`,
//!   `Store::agenda_days`), beside the floor: the same SQL stepped through by SQLite alone,
//!   with no rows built;
//! - the console's Día view on the reference day: moving to the next day (→) and drawing the
//!   frame at 120×40, as the user sees it;
//!
//! `prensa resumen`, which reads the day's agenda among the rest of the briefing, is measured in
//! `benches/brief.rs`.
//!
//! The dataset is read from `PRENSA_BENCH_DB`, or written once to `target/prensa-grande.sqlite`.
mod common;
use std::hint::black_box;
use std::time::Duration;

use chrono::Duration as Days;
use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::app::App;
use prensa::store::{OpenOptions, Store};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// What `Store::agenda` asks SQLite for a day: the events, then their coverage.
const DAY_SQL: [&str; 2] = [
    "SELECT e.id, e.title, e.starts_at, e.ends_at, e.all_day, e.place, e.locality,
            coalesce(d.short_name, ''), e.kind, e.status, e.series_id IS NOT NULL
     FROM events e LEFT JOIN departments d ON d.id = e.department_id
     WHERE e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?3
       AND (e.starts_at >= ?2 OR e.ends_at >= ?2)",
    "SELECT c.event_id, c.id, coalesce(c.staff_id, ''), coalesce(s.name, ''), c.role,
            c.status, c.note
     FROM events e JOIN coverage c ON c.event_id = e.id AND c.deleted_at IS NULL
     LEFT JOIN staff s ON s.id = c.staff_id
     WHERE e.deleted_at IS NULL AND e.starts_at >= ?1 AND e.starts_at < ?3
       AND (e.starts_at >= ?2 OR e.ends_at >= ?2)",
];

fn floor(conn: &rusqlite::Connection, from: &str, start: &str, end: &str) -> usize {
    let mut n = 0;
    for sql in DAY_SQL {
        let mut stmt = conn.prepare_cached(sql).expect("prepare");
        let mut rows = stmt.query([from, start, end]).expect("query");
        while let Ok(Some(row)) = rows.next() {
            n += black_box(row.get_ref(0).is_ok()) as usize;
        }
    }
    n
}

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    let store = Store::open(&path, &OpenOptions::default()).expect("open dataset");
    let day = common::reference();
    let next = day + Days::days(1);
    eprintln!(
        "{} events on {day}",
        store.agenda(day, next).expect("agenda").len()
    );
    c.bench_function("agenda_dia", |b| {
        b.iter(|| black_box(store.agenda(day, next).expect("agenda")))
    });
    c.bench_function("agenda_semana", |b| {
        b.iter(|| black_box(store.agenda(day, day + Days::days(7)).expect("agenda")))
    });
    c.bench_function("agenda_mes_conteos", |b| {
        b.iter(|| black_box(store.agenda_days(day, day + Days::days(35)).expect("days")))
    });
    let now = common::reference().and_hms_opt(9, 0, 0).unwrap_or_default();
    let mut app = App::new(
        Store::open(&path, &OpenOptions::default()).expect("open dataset"),
        now,
        (120, 40),
    );
    app.on_key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    for _ in 0..3 {
        app.on_key(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut forward = true;
    c.bench_function("agenda_dia_tecla_y_cuadro", |b| {
        b.iter(|| {
            // Sunday and Monday, back and forth: every step reads another week.
            let key = if forward {
                KeyCode::Right
            } else {
                KeyCode::Left
            };
            forward = !forward;
            app.on_key(KeyEvent::new(key, KeyModifiers::NONE));
            terminal
                .draw(|frame| prensa::ui::draw(frame, app.screen()))
                .expect("draw");
            black_box(terminal.backend().buffer());
        })
    });
    let conn =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open read-only");
    let (from, start, end) = (
        (day - Days::days(15)).to_string(),
        (day - Days::days(1)).to_string(),
        (next + Days::days(1)).to_string(),
    );
    c.bench_function("agenda_dia_piso_sqlite", |b| {
        b.iter(|| floor(&conn, &from, &start, &end))
    });
}

criterion_group! {
    name = agenda;
    config = Criterion::default()
        .sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(agenda);
