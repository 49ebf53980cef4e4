//! `prensa resumen` on the benchmark dataset (`prensa demo --grande`, reference date
//! 2025-03-06), side by side with its floor, SQLite alone running the same queries:
//! - `resumen/prensa_proceso`: the real binary, `prensa --db GRANDE resumen --fecha 2025-03-06`,
//!   as a process, its output to a sink;
//! - `resumen/sqlite3_proceso`: the `sqlite3` command fed `store::briefing_script` (the same
//!   queries with the same parameters) on the same file, as a process: the floor (skipped
//!   where `sqlite3` is not installed);
//! - `resumen/en_proceso`: in one process, the store opened read-only once, `briefing` and the
//!   text rendered;
//! - `resumen/consultas_sqlite`: in one process, the same SQL through plain rusqlite, each
//!   statement prepared, bound and stepped through all its rows: the in-process floor.
//!
//! `cargo bench --bench brief`; the dataset is `PRENSA_BENCH_DB` or `target/prensa-grande.sqlite`.
mod common;
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use prensa::store::{briefing_script, OpenOptions, Store};
use rusqlite::types::Value;

/// A `sqlite3` script split into its parameters (`.parameter set NAME VALUE`, a value quoted
/// as an SQL string or a number) and its statements.
fn parse_script(script: &str) -> (Vec<(String, Value)>, Vec<String>) {
    let mut params = Vec::new();
    let mut sql = String::new();
    for line in script.lines() {
        if let Some(rest) = line.strip_prefix(".parameter set ") {
            let (name, value) = rest.split_once(' ').expect("a parameter and its value");
            let value = value.trim_matches('"');
            let value = match value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
                Some(text) => Value::Text(text.to_owned()),
                None => Value::Integer(value.parse().expect("a number")),
            };
            params.push((name.to_owned(), value));
        } else {
            sql.push_str(line);
            sql.push('\n');
        }
    }
    let statements = sql
        .split(";\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    (params, statements)
}

/// Every statement prepared (cached), bound and stepped through all its rows.
fn floor(conn: &rusqlite::Connection, params: &[(String, Value)], statements: &[String]) -> usize {
    let mut n = 0;
    for sql in statements {
        let mut stmt = conn.prepare_cached(sql).expect("prepare");
        for (name, value) in params {
            if let Some(i) = stmt.parameter_index(name).expect("parameter") {
                stmt.raw_bind_parameter(i, value).expect("bind");
            }
        }
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next().expect("step") {
            n += black_box(row.get_ref(0).is_ok()) as usize;
        }
    }
    n
}

/// Runs `cmd` to the end, its output to a sink, `input` on its standard input.
fn process(mut cmd: Command, input: Option<&[u8]>) {
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().expect("run");
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(input).expect("write the script");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn benches(c: &mut Criterion) {
    let path = common::dataset();
    let day = common::reference();
    let date = day.to_string();
    let script = briefing_script(day);
    let bin = env!("CARGO_BIN_EXE_prensa");
    let home = tempfile::tempdir().expect("temporary folder");
    let prensa = || {
        let mut cmd = Command::new(bin);
        cmd.env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("LANG", "es_MX.UTF-8")
            .arg("--db")
            .arg(&path)
            .args(["resumen", "--fecha", &date]);
        cmd
    };
    // What the briefing holds on the reference day, once, to know it reads something.
    let out = prensa().output().expect("run prensa");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "resumen: {} lines, {} bytes",
        out.stdout.split(|b| *b == b'\n').count(),
        out.stdout.len()
    );

    let mut group = c.benchmark_group("resumen");
    group.bench_function("prensa_proceso", |b| b.iter(|| process(prensa(), None)));
    let sqlite3 = Command::new("sqlite3").arg("-version").output();
    if sqlite3.is_ok_and(|o| o.status.success()) {
        group.bench_function("sqlite3_proceso", |b| {
            b.iter(|| {
                let mut cmd = Command::new("sqlite3");
                cmd.arg("-readonly").arg(&path);
                process(cmd, Some(script.as_bytes()))
            })
        });
    } else {
        eprintln!("resumen/sqlite3_proceso skipped: sqlite3 is not installed");
    }

    let store = Store::open_read_only(&path, &OpenOptions::default()).expect("open dataset");
    group.bench_function("en_proceso", |b| {
        b.iter(|| {
            let briefing = store.briefing(day).expect("briefing");
            black_box(prensa::brief::text::render(&briefing))
        })
    });
    let conn =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open read-only");
    let (params, statements) = parse_script(&script);
    eprintln!(
        "resumen/consultas_sqlite: {} statements, {} rows",
        statements.len(),
        floor(&conn, &params, &statements)
    );
    group.bench_function("consultas_sqlite", |b| {
        b.iter(|| floor(&conn, &params, &statements))
    });
    group.finish();
}

criterion_group! {
    name = brief;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = benches
}
criterion_main!(brief);
