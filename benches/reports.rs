//! Reportes on the benchmark dataset (`prensa demo --grande`: 200,000 reports, 20 departments,
//! requests every month for three years), each measured as the user waits for it, the frame
//! drawn at 120×40 included:
//! - the inbox's first page (opening the console on Reportes),
//! - a search typed whole in the inbox,
//! - the requests filtered to the overdue ones,
//! - the Cifras view (each department's figures and the chart),
//! - and, on the ordinary demo, a request round to every department and a WhatsApp message of
//!   5,000 lines pasted into a report's text.
//!
//! `cargo bench --bench reports`; the dataset is `PRENSA_BENCH_DB` or `target/prensa-grande.sqlite`.
mod common;
use common::{ctrl, draw, key, keys, small};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use crossterm::event::KeyCode;

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    let mut group = c.benchmark_group("reportes");
    group.bench_function("bandeja_primera_pagina", |b| {
        b.iter(|| draw(&common::app(&path, '3')))
    });
    group.bench_function("buscar_agua_potable", |b| {
        b.iter_batched(
            || common::app(&path, '3'),
            |mut app| {
                keys(&mut app, "/agua potable");
                key(&mut app, KeyCode::Enter);
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("solicitudes_vencidas", |b| {
        b.iter_batched(
            || {
                let mut app = common::app(&path, '3');
                keys(&mut app, "]");
                app
            },
            |mut app| {
                keys(&mut app, "f");
                key(&mut app, KeyCode::Right);
                key(&mut app, KeyCode::Right);
                ctrl(&mut app, 's');
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("cifras", |b| {
        b.iter_batched(
            || common::app(&path, '3'),
            |mut app| {
                keys(&mut app, "[");
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    let demo = small();
    let dir = tempfile::tempdir().expect("temporary folder");
    group.bench_function("ronda_de_solicitudes", |b| {
        b.iter_batched(
            || {
                let copy = dir.path().join("ronda.sqlite");
                let _ = std::fs::remove_file(&copy);
                std::fs::copy(&demo, &copy).expect("copy the demo");
                let mut app = common::app(&copy, '3');
                keys(&mut app, "r");
                keys(&mut app, "Acciones de la semana");
                app
            },
            |mut app| {
                ctrl(&mut app, 's');
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    let message: String = (1..=5000)
        .map(|i| format!("[{i}] Bacheo en la calle Hidalgo, tramo {i} ✅ — vecinas y vecinos 👷🏽"))
        .collect::<Vec<_>>()
        .join("\n");
    group.bench_function("pegar_5000_lineas", |b| {
        b.iter_batched(
            || {
                let mut app = common::app(&demo, '3');
                keys(&mut app, "nMensaje de Obras");
                for _ in 0..9 {
                    key(&mut app, KeyCode::Tab);
                }
                app
            },
            |mut app| {
                app.on_paste(&message);
                draw(&app);
                // And the next key, in a field that now holds 5,000 lines.
                key(&mut app, KeyCode::Char('.'));
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = reports;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(reports);
