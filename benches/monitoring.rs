//! Monitoreo on the benchmark dataset (`prensa demo --grande`, reference date 2025-03-06),
//! each measured as the user waits for it, the frame drawn at 120×40 included:
//! - `monitoreo/cifras`: the Cifras view shown (twelve weeks of tone, negatives answered,
//!   questions answered and the median time to answer, boletines picked up by outlet,
//!   questions by topic and department), from the tab;
//! - `monitoreo/cifras_consultas`: the figures read alone (`Store::monitoring_figures`);
//! - `monitoreo/notas_primera_pagina` and `monitoreo/preguntas_primera_pagina`: the lists'
//!   first pages.
//!
//! `cargo bench --bench monitoring`; the dataset is `PRENSA_BENCH_DB` or
//! `target/prensa-grande.sqlite`.
mod common;
use common::{draw, keys};
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use prensa::store::{OpenOptions, Store};

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    let mut group = c.benchmark_group("monitoreo");
    group.bench_function("cifras", |b| {
        b.iter_batched(
            || common::app(&path, '7'),
            |mut app| {
                keys(&mut app, "]]]");
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    let store = Store::open(&path, &OpenOptions::default()).expect("open the dataset");
    group.bench_function("cifras_consultas", |b| {
        b.iter(|| {
            black_box(
                store
                    .monitoring_figures(common::reference())
                    .expect("figures"),
            )
        })
    });
    group.bench_function("notas_primera_pagina", |b| {
        b.iter(|| draw(&common::app(&path, '7')))
    });
    group.bench_function("preguntas_primera_pagina", |b| {
        b.iter_batched(
            || common::app(&path, '7'),
            |mut app| {
                keys(&mut app, "]");
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = monitoring;
    config = Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    targets = benches
}
criterion_main!(monitoring);
