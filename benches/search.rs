//! Search as you type on the benchmark dataset (`prensa demo --grande`: 200,000 reports,
//! 500,000 archive items, 20,000 journalists): `/` in Reportes, in Archivo and in Medios'
//! directory, then a query typed key by key. Each
//! key's cost is the whole of it — the store's search and count, the list read anew, the detail
//! of the first match, and the frame drawn at 120×40. Reports the median, the 95th percentile
//! and the worst key per list. Goal: under 20 ms per key at the 95th percentile.
//!
//! `cargo bench --bench search`; the dataset is `PRENSA_BENCH_DB` or `target/prensa-grande.sqlite`.
//! `PRENSA_BENCH_SLOW=1` also prints every key that took over 20 ms, with what was typed.
mod common;
use std::hint::black_box;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::app::App;
use prensa::store::{OpenOptions, Store};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// What people search for: words of the demo's titles and texts, with and without accents,
/// common and rare, one word and two.
const QUERIES: &[&str] = &[
    "despensas",
    "reunion comites",
    "vacunacion de ganado",
    "informe",
    "agua potable",
    "xantolo",
    "tampate",
    "entrega de apoyos",
    "pavimentación",
    "zz",
];

/// What the office looks for in the directory: a name, an outlet, a beat, two words, and
/// names mistyped (a letter missing, a letter wrong).
const PEOPLE: &[&str] = &[
    "hernandez",
    "radio tampaon",
    "salud",
    "maria ponce",
    "huasteca",
    "hernadez",
    "castilo",
    "obras servicios",
    "almaguer",
    "zz",
];

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| prensa::ui::draw(frame, app.screen()))
        .expect("draw");
    black_box(terminal.backend().buffer());
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn measure(path: &std::path::Path, tab: char, queries: &[&str], rounds: usize) -> Vec<Duration> {
    let store = Store::open(path, &OpenOptions::default()).expect("open dataset");
    let now = common::reference().and_hms_opt(9, 0, 0).unwrap_or_default();
    let mut app = App::new(store, now, (120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    key(&mut app, KeyCode::Char(tab));
    let mut times = Vec::new();
    for _ in 0..rounds {
        for query in queries {
            key(&mut app, KeyCode::Char('/'));
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let started = Instant::now();
                key(&mut app, KeyCode::Char(c));
                draw(&mut terminal, &app);
                let took = started.elapsed();
                if std::env::var_os("PRENSA_BENCH_SLOW").is_some() && took.as_millis() > 20 {
                    eprintln!("{tab} «{typed}»: {took:?}");
                }
                times.push(took);
            }
            // Esc clears the search: also a key the user waits on.
            let started = Instant::now();
            key(&mut app, KeyCode::Esc);
            draw(&mut terminal, &app);
            times.push(started.elapsed());
        }
    }
    times
}

fn main() {
    // `cargo bench --no-run` builds this; `cargo test --benches` runs it with no arguments.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let path = common::dataset();
    println!("búsqueda al escribir sobre {}", path.display());
    println!(
        "{:<10} {:>7} {:>9} {:>9} {:>9}",
        "lista", "teclas", "mediana", "p95", "máximo"
    );
    for (name, tab, queries) in [
        ("reportes", '3', QUERIES),
        ("archivo", '6', QUERIES),
        ("periodistas", '5', PEOPLE),
    ] {
        let mut times = measure(&path, tab, queries, 3);
        times.sort();
        println!(
            "{:<10} {:>7} {:>7.2}ms {:>7.2}ms {:>7.2}ms",
            name,
            times.len(),
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3,
            times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        );
    }
}
