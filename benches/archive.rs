//! Archivo on the benchmark dataset (`prensa demo --grande`: 500,000 archive items with the
//! events, reports and publications of three years), the frame drawn at 120×40 included:
//! - the timeline's first page (grouped by month and day) with the newest row's detail,
//! - a jump to a date three years back (`i`, a date, Ctrl+S),
//! - a search typed in full over every source of the timeline.
//!
//! `cargo bench --bench archive`; the dataset is `PRENSA_BENCH_DB` or `target/prensa-grande.sqlite`.
mod common;
use common::{ctrl, draw, key, keys};

use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::KeyCode;

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    let mut group = c.benchmark_group("archivo");
    group.bench_function("primera_pagina", |b| {
        b.iter(|| {
            let app = common::app(&path, '6');
            draw(&app);
        })
    });
    let mut app = common::app(&path, '6');
    group.bench_function("ir_a_una_fecha", |b| {
        b.iter(|| {
            keys(&mut app, "i2022-03-15");
            ctrl(&mut app, 's');
            draw(&app);
        })
    });
    let mut app = common::app(&path, '6');
    group.bench_function("busqueda", |b| {
        b.iter(|| {
            keys(&mut app, "/vacunacion ganado");
            draw(&app);
            key(&mut app, KeyCode::Esc);
        })
    });
    group.finish();
}

criterion_group! {
    name = archive;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(archive);
