//! The store and the command line on real files: create, reopen, refuse what is not ours or
//! is newer or is cut short — leaving it byte for byte as it was — and the exit codes.
mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use prensa::store::{header, schema, OpenOptions, Store, StoreError, Value};

/// The real binary, with the platform folders inside a temporary folder of the test's own.
fn bin(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8");
    cmd
}

fn plain_sqlite(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE notas (texto TEXT); INSERT INTO notas VALUES ('hola');")
        .unwrap();
}

#[test]
fn a_new_database_is_prensa_s_private_and_preloaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nueva.sqlite");
    let store = Store::open(&path, &options()).unwrap();
    let h = header::check_file(&path).unwrap();
    assert_eq!(h.application_id as i32, schema::APPLICATION_ID);
    assert_eq!(h.user_version as i64, schema::SCHEMA_VERSION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let id = store.replica_id().to_owned();
    assert_eq!(
        store.setting("time_zone").unwrap().as_deref(),
        Some("America/Mexico_City")
    );
    drop(store);
    let reopened = Store::open(&path, &options()).unwrap();
    assert_eq!(
        reopened.replica_id(),
        id,
        "the replica is the file's, not the run's"
    );
    assert_eq!(
        reopened.status().unwrap().unsynced,
        0,
        "preloaded rows are not local changes"
    );
}

#[test]
fn writes_count_as_changes_not_yet_synced() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("a.sqlite"), &options()).unwrap();
    prensa::store::testing::insert(
        &mut store,
        "events",
        &prensa::domain::ids::new_id(),
        &[("title", Value::Text("Sesión de Cabildo".into()))],
    )
    .unwrap();
    // Existence + title + the audit row (its existence and five fields).
    assert_eq!(store.status().unwrap().unsynced, 8);
}

fn assert_refused(path: &Path, expected: fn(&StoreError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let err = match Store::open(path, &OpenOptions::default()) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(e) => e,
    };
    assert!(expected(&err), "{err:?}");
    assert_eq!(std::fs::read(path).unwrap(), before, "the file changed");
    let journal = format!("{}-journal", path.display());
    assert!(!Path::new(&journal).exists());
}

#[test]
fn a_sqlite_file_that_is_not_prensa_s_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("otra.db");
    plain_sqlite(&path);
    assert_refused(&path, |e| matches!(e, StoreError::NotPrensa { .. }));
    let text = dir.path().join("texto.db");
    std::fs::write(&text, "esto no es una base de datos").unwrap();
    assert_refused(&text, |e| matches!(e, StoreError::NotPrensa { .. }));
}

#[test]
fn a_newer_prensa_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nueva.sqlite");
    drop(Store::open(&path, &options()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", schema::SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert_refused(&path, |e| matches!(e, StoreError::Newer { .. }));
}

#[test]
fn a_cut_or_empty_copy_is_refused_untouched() {
    let (dir, path) = demo_copy();
    let bytes = std::fs::read(&path).unwrap();
    for (name, len) in [
        ("vacia", 0),
        ("cabecera", 50),
        ("mitad", bytes.len() / 2),
        ("casi", bytes.len() - 1),
    ] {
        let cut = dir.path().join(format!("{name}.sqlite"));
        std::fs::write(&cut, &bytes[..len]).unwrap();
        assert_refused(&cut, |e| matches!(e, StoreError::Incomplete { .. }));
    }
}

#[test]
fn refusals_are_spanish_on_stderr_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    plain_sqlite(&path);
    let before = std::fs::read(&path).unwrap();
    let out = bin(dir.path()).arg("--db").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no es una base de datos de prensa"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let newer = dir.path().join("newer.sqlite");
    drop(Store::open(&newer, &options()).unwrap());
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&newer).unwrap();
    let out = bin(dir.path()).arg("--db").arg(&newer).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("versión más reciente"), "{err}");
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn wrong_usage_exits_2_and_help_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin(dir.path()).arg("--no-existe").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("opción desconocida"));
    let out = bin(dir.path()).arg("demo").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "demo without --db");
    let out = bin(dir.path()).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Muestra esta ayuda"));
}

#[test]
fn demo_writes_a_new_file_and_refuses_one_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite");
    let out = bin(dir.path())
        .args(["demo", "--fecha", "2025-03-06", "--db"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Datos de demostración escritos"));
    let before = std::fs::read(&path).unwrap();
    let out = bin(dir.path())
        .args(["demo", "--db"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ya contiene datos"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_demo_is_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str| -> Vec<(String, String, String)> {
        let path = dir.path().join(name);
        let mut store = Store::open(&path, &options()).unwrap();
        prensa::demo::generate(
            &mut store,
            &prensa::demo::DemoOptions::realistic(reference()),
            &mut |_, _| {},
        )
        .unwrap();
        drop(store);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare("SELECT id, title, starts_at FROM events ORDER BY id")
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows
    };
    let a = dump("a.sqlite");
    assert!(a.len() > 1_000);
    assert_eq!(a, dump("b.sqlite"));
}
