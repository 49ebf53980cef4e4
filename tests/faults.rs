//! Storage and sync under faults: a write cut short leaves a hot journal that SQLite rolls back,
//! a file damaged beyond that is refused with the way back (the newest backup), a bad machine in
//! the folder is skipped and named while the others merge, what killed runs leave is cleaned by
//! the next one, and conflicts from other machines never put unknown names into a query.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use prensa::domain::ids::new_id;
use prensa::store::{header, OpenOptions, Store, StoreError, Value};

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

fn options(backups: Option<PathBuf>) -> OpenOptions {
    OpenOptions {
        backup_dir: backups,
        machine: Some("oficina".into()),
    }
}

/// The one way these tests write rows: new rows of one table, in one write.
fn insert_rows(store: &mut Store, table: &str, rows: &[(String, Vec<(&str, Value)>)]) {
    for (id, fields) in rows {
        prensa::store::testing::insert(store, table, id, fields).unwrap();
    }
}

fn add_event(store: &mut Store, title: &str) -> String {
    let id = new_id();
    let fields = vec![
        ("title", Value::Text(title.into())),
        ("starts_at", Value::Text("2025-03-06T10:00".into())),
    ];
    insert_rows(store, "events", &[(id.clone(), fields)]);
    id
}

fn journal(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-journal", path.display()))
}

/// Every user table's rows, as text.
fn dump(path: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE '%_fts%' AND name <> 'identity' AND name <> 'replicas'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut line = table.clone();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("|{v:?}"));
                }
                Ok(line)
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        out.extend(rows);
    }
    out
}

fn quick_check(path: &Path) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap()
}

/// Copies `src` and its journal to `dest` while a large write transaction is open on `src`,
/// with pages already spilled into the file: exactly what a process killed mid-write leaves.
fn crashed_copy(src: &Path, dest: &Path) {
    let conn = rusqlite::Connection::open(src).unwrap();
    conn.pragma_update(None, "cache_size", 4).unwrap();
    conn.execute_batch(
        "BEGIN;
         CREATE TABLE scratch (x);
         WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000)
         INSERT INTO scratch SELECT randomblob(900) FROM c;
         UPDATE ops SET value = value;",
    )
    .unwrap();
    std::fs::copy(src, dest).unwrap();
    std::fs::copy(journal(src), journal(dest)).unwrap();
    conn.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_write_cut_short_is_rolled_back_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("original.sqlite");
    let mut store = Store::open(&src, &options(None)).unwrap();
    for i in 0..200 {
        add_event(&mut store, &format!("Evento {i}"));
    }
    drop(store);
    let before = dump(&src);
    let cut = dir.path().join("cortada.sqlite");
    crashed_copy(&src, &cut);
    assert!(
        header::check_file(&cut).is_err(),
        "the copy should look cut short before SQLite rolls it back"
    );
    let store = Store::open(&cut, &options(None)).unwrap_or_else(|e| panic!("refused: {e}"));
    drop(store);
    assert!(!journal(&cut).exists(), "the journal was not rolled back");
    assert_eq!(quick_check(&cut), "ok");
    assert_eq!(dump(&cut), before, "not the state before the write");
}

#[test]
fn a_foreign_file_with_a_journal_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("otra.db");
    {
        let conn = rusqlite::Connection::open(&src).unwrap();
        conn.execute_batch("CREATE TABLE ops (value); INSERT INTO ops VALUES (1);")
            .unwrap();
    }
    let cut = dir.path().join("otra-cortada.db");
    crashed_copy(&src, &cut);
    let (file, journal_bytes) = (
        std::fs::read(&cut).unwrap(),
        std::fs::read(journal(&cut)).unwrap(),
    );
    match Store::open(&cut, &options(None)) {
        Err(StoreError::NotPrensa { .. }) => {}
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("opened a foreign file"),
    }
    assert_eq!(std::fs::read(&cut).unwrap(), file, "the file changed");
    assert_eq!(
        std::fs::read(journal(&cut)).unwrap(),
        journal_bytes,
        "the journal changed"
    );
}

#[test]
fn a_damaged_database_names_its_newest_backup() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("prensa.sqlite");
    let mut store = Store::open(&db, &options(None)).unwrap();
    add_event(&mut store, "Uno");
    drop(store);
    // Backups as the sync leaves them, in the platform's backups folder.
    let backups = home.path().join("data").join("prensa").join("respaldos");
    std::fs::create_dir_all(&backups).unwrap();
    let old = backups.join("prensa-0a1b2c3d-20250301T090000.sqlite");
    let new = backups.join("prensa-0a1b2c3d-20250305T090000.sqlite");
    std::fs::copy(&db, &old).unwrap();
    std::fs::copy(&db, &new).unwrap();
    std::fs::write(backups.join("otra-0a1b2c3d-20250306T090000.sqlite"), b"x").unwrap();
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let out = bin(home.path()).arg("--db").arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&backups.display().to_string()), "{err}");
    assert!(
        err.contains("prensa-0a1b2c3d-20250305T090000.sqlite"),
        "{err}"
    );
    assert!(!err.contains("20250301"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), &bytes[..bytes.len() / 2]);
    // In the store, too: the refusal carries the folder it looked in.
    let err = Store::open(&db, &options(Some(backups.clone())))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("20250305T090000"), "{err}");
}

fn sync_cmd(home: &Path, db: &Path, folder: &Path) -> Command {
    let mut cmd = bin(home);
    cmd.args(["sincronizar", "--db"]).arg(db).arg(folder);
    cmd
}

#[test]
fn a_sync_with_a_bad_machine_exits_1_after_merging_and_publishing() {
    let home = tempfile::tempdir().unwrap();
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    let sync_opts = |name: &str| prensa::sync::SyncOptions {
        folder: stick.clone(),
        dry_run: false,
        work_dir: home.path().join(name).join("cache"),
        backup_dir: home.path().join(name).join("respaldos"),
        media_dir: None,
        now: common::now(),
    };
    let mut school = Store::open(&home.path().join("escuela.sqlite"), &options(None)).unwrap();
    add_event(&mut school, "Festival escolar");
    prensa::sync::run(&mut school, &sync_opts("e"), &mut |_, _, _| {}).unwrap();
    let garbage = stick.join("prensa-basura-0a1b2c3d.json");
    std::fs::write(&garbage, b"no es json").unwrap();
    let db = home.path().join("casa.sqlite");
    drop(Store::open(&db, &options(None)).unwrap());

    let out = sync_cmd(home.path(), &db, &stick).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("omitidos: 1"), "{stdout}");
    assert!(stdout.contains(&garbage.display().to_string()), "{stdout}");
    assert!(stderr.contains("se omitieron 1"), "{stderr}");
    // The good machine was merged and this one published.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let title: String = conn
        .query_row("SELECT title FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(title, "Festival escolar");
    let published = std::fs::read_dir(&stick)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(published, 3, "school, garbage and this machine's manifest");
    assert_eq!(std::fs::read(&garbage).unwrap(), b"no es json");

    let out = sync_cmd(home.path(), &db, &stick)
        .args(["--formato", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["skipped"][0]["file"].as_str(),
        Some(garbage.display().to_string().as_str())
    );
    assert!(json["skipped"][0]["problem"]
        .as_str()
        .unwrap()
        .contains("Bórrelo de la carpeta"));
}

/// An office that published `n` events to `stick`, through the library.
fn office_on(stick: &Path, place: &Path, n: usize) {
    let mut office = Store::open(&place.join("oficina.sqlite"), &options(None)).unwrap();
    let rows: Vec<(String, Vec<(&str, Value)>)> = (0..n)
        .map(|i| {
            let title = Value::Text(format!("Evento {i}"));
            (new_id(), vec![("title", title)])
        })
        .collect();
    insert_rows(&mut office, "events", &rows);
    let opts = prensa::sync::SyncOptions {
        folder: stick.to_path_buf(),
        dry_run: false,
        work_dir: place.join("cache-oficina"),
        backup_dir: place.join("respaldos-oficina"),
        media_dir: None,
        now: common::now(),
    };
    prensa::sync::run(&mut office, &opts, &mut |_, _, _| {}).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|e| {
            e.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn a_killed_sync_leaves_nothing_behind_after_the_next_one() {
    let home = tempfile::tempdir().unwrap();
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    office_on(&stick, home.path(), 3_000);
    let db = home.path().join("casa.sqlite");
    drop(Store::open(&db, &options(None)).unwrap());
    let cache = home.path().join("cache").join("prensa");
    // A live process's work folder is never touched: this test's own process holds one.
    let claim = prensa::sync::work::Claim::take(&cache).unwrap();
    let mine = cache.join(format!("sincronizacion-{}", std::process::id()));
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("copia.sqlite"), b"en uso").unwrap();

    let mut child = sync_cmd(home.path(), &db, &stick)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let theirs = cache.join(format!("sincronizacion-{}", child.id()));
    let started = std::time::Instant::now();
    while !theirs.join("0.sqlite").exists() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the sync never copied anything"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(theirs.exists(), "the kill should have left the work folder");

    let out = sync_cmd(home.path(), &db, &stick).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left = names(&cache);
    assert!(
        !theirs.exists(),
        "the killed run's copies are still there: {left:?}"
    );
    assert!(
        !left.iter().any(|n| n.contains(&child.id().to_string())),
        "{left:?}"
    );
    assert!(
        mine.join("copia.sqlite").exists(),
        "a live run's folder was removed"
    );
    drop(claim);
}

#[test]
fn a_backup_cut_short_never_counts_and_is_removed() {
    let home = tempfile::tempdir().unwrap();
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    office_on(&stick, home.path(), 10);
    let db = home.path().join("casa.sqlite");
    let mut store = Store::open(&db, &options(None)).unwrap();
    let backups = home.path().join("respaldos");
    std::fs::create_dir_all(&backups).unwrap();
    let tail = &store.replica_id()[store.replica_id().len() - 8..];
    // What a sync killed while backing up left: a temporary copy, untouched for an hour.
    let stale = backups.join(format!("casa-{tail}-20250305T090000.sqlite.1.tmp"));
    std::fs::write(&stale, b"SQLite format 3\0medio").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    // And one being written right now by another run.
    let fresh = backups.join(format!("casa-{tail}-20250306T083000.sqlite.1.tmp"));
    std::fs::write(&fresh, b"SQLite format 3\0").unwrap();
    let opts = prensa::sync::SyncOptions {
        folder: stick.clone(),
        dry_run: false,
        work_dir: home.path().join("cache"),
        backup_dir: backups.clone(),
        media_dir: None,
        now: common::now(),
    };
    prensa::sync::run(&mut store, &opts, &mut |_, _, _| {}).unwrap();
    let left = names(&backups);
    assert!(!stale.exists(), "{left:?}");
    assert!(fresh.exists(), "{left:?}");
    let complete: Vec<&String> = left.iter().filter(|n| n.ends_with(".sqlite")).collect();
    assert_eq!(complete.len(), 1, "{left:?}");
    header::check_file(&backups.join(complete[0])).unwrap();
}

#[test]
fn a_killed_demo_console_leaves_nothing_after_the_next_one() {
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache").join("prensa");
    std::fs::create_dir_all(&cache).unwrap();
    // What `prensa --demo` killed with SIGKILL left: its database and journal, no lock.
    let gone = 999_999_999u32;
    for name in [
        format!("demo-{gone}.sqlite"),
        format!("demo-{gone}.sqlite-journal"),
    ] {
        std::fs::write(cache.join(name), b"SQLite format 3\0").unwrap();
    }
    std::fs::write(cache.join("otra-cosa.txt"), b"no es de prensa").unwrap();
    // No terminal here: the console refuses after preparing the demo, and cleans up.
    let out = bin(home.path())
        .arg("--demo")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(names(&cache), vec!["otra-cosa.txt".to_owned()]);
}

/// A conflict row, as another machine's merge would have written it.
fn add_conflict(store: &mut Store, table: &str, target: &str, col: &str) -> String {
    let id = new_id();
    let fields = vec![
        ("target_table", Value::Text(table.into())),
        ("target_id", Value::Text(target.into())),
        ("col", Value::Text(col.into())),
        ("lost_value", Value::Text("otro".into())),
        ("lost_clock", Value::Integer(1)),
        ("lost_replica", Value::Text("x".into())),
    ];
    insert_rows(store, "conflicts", &[(id.clone(), fields)]);
    id
}

#[test]
fn conflicts_naming_unknown_tables_or_columns_are_skipped_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prensa.sqlite");
    let mut store = Store::open(&path, &options(None)).unwrap();
    let event = add_event(&mut store, "Informe");
    let good = add_conflict(&mut store, "events", &event, "title");
    let bad: Vec<String> = [
        ("replicas", "folio"),
        ("events WHERE 0 UNION SELECT name FROM replicas --", "title"),
        ("events", "nombre_inventado"),
        ("events", "id"),
        ("drafts", "folio = (SELECT 1) --"),
    ]
    .iter()
    .map(|(table, col)| add_conflict(&mut store, table, &event, col))
    .collect();
    let shown = store.open_conflicts(50).unwrap();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].ids, vec![good]);
    drop(store);
    let before = dump(&path);
    let mut store = Store::open(&path, &options(None)).unwrap();
    for id in &bad {
        let err = store
            .resolve_conflict(id, prensa::store::Resolution::TakeLost)
            .unwrap_err();
        assert!(matches!(err, StoreError::ConflictTarget { .. }), "{err:?}");
        assert!(err.to_string().contains("no se aplicó nada"), "{err}");
    }
    drop(store);
    assert_eq!(dump(&path), before);
}

#[test]
fn a_database_that_can_only_be_read_says_so_when_the_console_opens() {
    let (_dir, path) = common::demo_copy();
    let said = |store: Store| {
        use prensa::ui::overlay::Overlay;
        let app = prensa::app::App::new(store, common::now(), (80, 24));
        match (&app.screen().message, app.screen().overlays.last()) {
            (Some(m), _) => m.text.clone(),
            // A long message opens as a notice.
            (None, Some(Overlay::Notice(n))) => n.lines.join(" "),
            _ => String::new(),
        }
    };
    let read_only = Store::open_read_only(&path, &options(None)).unwrap();
    assert!(read_only.is_read_only());
    let text = said(read_only);
    assert!(text.contains("Esta base solo se puede leer"), "{text}");
    let writable = Store::open(&path, &options(None)).unwrap();
    assert!(!writable.is_read_only());
    assert!(!said(writable).contains("solo se puede leer"));
}
