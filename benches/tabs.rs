//! Speed on the benchmark dataset (`prensa demo --grande`: ≥100,000 events, 200,000 reports,
//! 200,000 drafts, 20,000 journalists, 500,000 archive items):
//! - opening the database,
//! - opening the console and drawing the first frame of each tab (120×40, TestBackend),
//! - paging down one screen in each list and drawing it.
//!
//! The dataset is read from `PRENSA_BENCH_DB`, or written once to `target/prensa-grande.sqlite`
//! (about a minute and a half in release).
mod common;
use common::{app, draw};
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::store::{OpenOptions, Store};

const TABS: [(&str, char); 6] = [
    ("hoy", '1'),
    ("agenda", '2'),
    ("reportes", '3'),
    ("borradores", '4'),
    ("medios", '5'),
    ("archivo", '6'),
];

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    c.bench_function("abrir_base", |b| {
        b.iter(|| black_box(Store::open(&path, &OpenOptions::default()).expect("open")))
    });
    let mut first = c.benchmark_group("primer_cuadro");
    for (name, key) in TABS {
        first.bench_function(name, |b| {
            b.iter(|| {
                let app = app(&path, key);
                draw(&app);
            })
        });
    }
    first.finish();
    let mut page = c.benchmark_group("avanzar_pagina");
    for (name, key) in TABS.iter().skip(1) {
        page.bench_function(*name, |b| {
            b.iter_batched(
                || app(&path, *key),
                |mut app| {
                    app.on_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
                    draw(&app);
                    app
                },
                BatchSize::PerIteration,
            )
        });
    }
    page.finish();
}

criterion_group! {
    name = tabs;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(tabs);
