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

/// Writes a demo database at `path` when it does not exist yet.
pub fn ensure(path: &Path, opts: &DemoOptions) {
    if path.exists() {
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
