//! Borradores as the writer waits for it, the frame drawn at 120×40 included:
//! - the tab's first page on the benchmark dataset (200,000 pieces), the newest piece's detail
//!   with its checks before publishing,
//! - approving a piece (the checks run in the write) on the ordinary demo,
//! - a key typed at the end of a 5,000-line text (wrapped at words and counted as it is typed),
//! - the checks over a 100 KB text with the office's names and phrases.
//!
//! `cargo bench --bench drafts`; the dataset is `PRENSA_BENCH_DB` or `target/prensa-grande.sqlite`.
mod common;
use common::{ctrl, draw, key, keys, small};
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use crossterm::event::KeyCode;
use prensa::domain::compliance::{check, Piece, Rules, PHRASES};
use prensa::domain::edit::{RecordKind, Target};
use prensa::ui::Action;

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    let mut group = c.benchmark_group("borradores");
    group.bench_function("primera_pagina_y_revision", |b| {
        b.iter(|| {
            let mut app = common::app(&path, '4');
            key(&mut app, KeyCode::Enter);
            draw(&app);
        })
    });
    let demo = small();
    let dir = tempfile::tempdir().expect("temporary folder");
    group.bench_function("aprobar", |b| {
        b.iter_batched(
            || {
                let copy = dir.path().join("aprobar.sqlite");
                let _ = std::fs::remove_file(&copy);
                std::fs::copy(&demo, &copy).expect("copy the demo");
                let mut app = common::app(&copy, '4');
                keys(&mut app, "nJornada de salud en Tamápatz");
                key(&mut app, KeyCode::Tab);
                key(&mut app, KeyCode::Tab);
                keys(
                    &mut app,
                    "Consultas, vacunas y pláticas de nutrición para todas las edades.",
                );
                ctrl(&mut app, 's');
                let id = rusqlite::Connection::open(&copy)
                    .and_then(|c| {
                        c.query_row(
                            "SELECT id FROM drafts WHERE title = 'Jornada de salud en Tamápatz'",
                            [],
                            |r| r.get::<_, String>(0),
                        )
                    })
                    .expect("the new piece");
                let target = Target::new(RecordKind::Draft, id);
                app.update(Action::SetStatus(target.clone(), "review".into()));
                (app, target)
            },
            |(mut app, target)| {
                app.update(Action::SetStatus(target, "approved".into()));
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    let text: String = (1..=5000)
        .map(|i| {
            format!(
                "{i}. La jornada de salud llegó a Tamápatz, Agua Zarca y Palo Alto 👩🏽‍⚕️ con vacunas."
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    group.bench_function("tecla_en_texto_de_5000_renglones", |b| {
        b.iter_batched(
            || {
                let mut app = common::app(&demo, '4');
                keys(&mut app, "nInforme de la jornada");
                key(&mut app, KeyCode::Tab);
                key(&mut app, KeyCode::Tab);
                app.on_paste(&text);
                draw(&app);
                app
            },
            |mut app| {
                key(&mut app, KeyCode::Char('.'));
                draw(&app);
                app
            },
            BatchSize::PerIteration,
        )
    });
    let rules = Rules {
        officials: vec![
            "Martha Elena Reyes Castillo".into(),
            "presidenta municipal".into(),
        ],
        phrases: PHRASES.iter().map(|p| (*p).to_owned()).collect(),
        vedas: Vec::new(),
    };
    let long: String =
        "El Ayuntamiento informa que la jornada de salud llegó a 300 familias de Tamápatz. "
            .repeat(1_250);
    group.bench_function("revision_de_100_kb", |b| {
        b.iter(|| {
            let piece = Piece {
                title: "Jornada de salud",
                body: &long,
                topic: "",
                unconsented: Vec::new(),
                on: common::reference(),
                versions: Vec::new(),
            };
            black_box(check(&piece, &rules))
        })
    });
    group.finish();
}

criterion_group! {
    name = drafts;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = benches
}
criterion_main!(drafts);
