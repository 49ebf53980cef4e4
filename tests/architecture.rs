//! The house rules that the compiler cannot check alone, read off the source:
//! - no code outside the store's command functions writes rows: the raw writer is private to
//!   the store, and inside it only the command modules (and the merge, the seed, undo and the
//!   conflict decisions, which are store commands of their own) use it;
//! - the UI never runs SQL; the domain knows no terminal, no SQL, no language.
use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(src())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// What writes rows through the raw writer.
const RAW_WRITES: &[&str] = &[
    "w.insert(",
    "w.update(",
    "w.delete(",
    "w.restore(",
    "insert_if_absent(",
    ".write(\"",
    "write_recorded(",
    ".transact(",
    "testing::",
    "Writer<",
];

/// The store's own writers: its typed commands and the store operations that are commands of
/// their own (merge, seed, undo, conflict decisions), the write path itself and its tests.
const WRITERS: &[&str] = &[
    "store/commands/",
    "store/conflicts.rs",
    "store/merge.rs",
    "store/seed.rs",
    "store/undo.rs",
    "store/write.rs",
    "store/testing.rs",
    "store/tests.rs",
];

#[test]
fn only_the_store_commands_write_rows() {
    let mut offenders = Vec::new();
    for path in sources(&src()) {
        let name = relative(&path);
        if WRITERS.iter().any(|w| name.starts_with(w)) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if RAW_WRITES.iter().any(|pattern| code.contains(pattern)) {
                offenders.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "raw writes outside the store's commands:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_raw_writer_is_private_to_the_crate() {
    let write = std::fs::read_to_string(src().join("store/write.rs")).unwrap();
    assert!(write.contains("pub(crate) struct Writer"));
    for method in [
        "fn insert(",
        "fn update(",
        "fn delete(",
        "fn restore(",
        "fn write<",
    ] {
        let line = write
            .lines()
            .find(|l| l.contains(method))
            .unwrap_or_else(|| panic!("{method} not found"));
        assert!(line.contains("pub(crate)"), "{line}");
    }
}

#[test]
fn the_ui_runs_no_sql_and_the_domain_knows_no_terminal() {
    for path in sources(&src()) {
        let name = relative(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        if name.starts_with("ui/") {
            for forbidden in ["rusqlite", "crate::store", "SELECT "] {
                assert!(!text.contains(forbidden), "{name} uses {forbidden}");
            }
        }
        if name.starts_with("domain/") {
            for forbidden in [
                "rusqlite",
                "ratatui",
                "crossterm",
                "crate::i18n",
                "crate::store",
                "crate::ui",
            ] {
                assert!(!text.contains(forbidden), "{name} uses {forbidden}");
            }
        }
    }
}
