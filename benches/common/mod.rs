//! The benchmark dataset, shared by the benchmarks: `prensa demo --grande` with the reference
//! date 2025-03-06, read from `PRENSA_BENCH_DB` or written once to `target/prensa-grande.sqlite`.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

use std::hint::black_box;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::app::App;
use prensa::demo::{self, DemoOptions};
use prensa::store::{OpenOptions, Store};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

pub fn reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 6).unwrap_or_default()
}

/// Writes a demo database at `path` when it does not exist yet; one written by an older
/// build is brought to this build's schema (its backup, made by the migration, removed after).
pub fn ensure(path: &Path, opts: &DemoOptions) {
    if path.exists() {
        let backups = path.with_extension("respaldos");
        let started = std::time::Instant::now();
        let migrated = Store::open(
            path,
            &OpenOptions {
                backup_dir: Some(backups.clone()),
                machine: None,
            },
        );
        let _ = std::fs::remove_dir_all(&backups);
        if started.elapsed().as_secs() > 1 {
            eprintln!(
                "{} brought to the current schema in {:.1?}",
                path.display(),
                started.elapsed()
            );
        }
        migrated.expect("open or migrate dataset");
        return;
    }
    eprintln!("writing {} …", path.display());
    let mut store = Store::open(path, &OpenOptions::default()).expect("create dataset");
    demo::generate(&mut store, opts, &mut |_, _| {}).expect("write dataset");
}

pub fn dataset() -> PathBuf {
    if let Some(path) = std::env::var_os("PRENSA_BENCH_DB") {
        return PathBuf::from(path);
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/prensa-grande.sqlite");
    ensure(&path, &DemoOptions::grande(reference()));
    path
}

/// The console on the database at `path`, at the reference day's 9:00, 120×40, on the tab
/// whose number is `tab`.
pub fn app(path: &Path, tab: char) -> App {
    let store = Store::open(path, &OpenOptions::default()).expect("open dataset");
    let now = reference().and_hms_opt(9, 0, 0).unwrap_or_default();
    let mut app = App::new(store, now, (120, 40));
    key(&mut app, KeyCode::Char(tab));
    app
}

pub fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// One frame at 120×40, as the user waits for it.
pub fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| prensa::ui::draw(frame, app.screen()))
        .expect("draw");
    black_box(terminal.backend().buffer());
}

/// The ordinary demo (three years of one small office), written once beside the big one.
pub fn small() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/prensa-demo-bench.sqlite");
    ensure(&path, &DemoOptions::realistic(reference()));
    path
}
