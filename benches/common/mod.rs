//! The benchmark dataset, shared by the benchmarks: `prensa demo --grande` with the reference
//! date 2025-03-06, read from `PRENSA_BENCH_DB` or written once to `target/prensa-grande.sqlite`.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use prensa::demo::{self, DemoOptions};
use prensa::store::{OpenOptions, Store};

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
