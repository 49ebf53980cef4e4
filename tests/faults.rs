//! Storage under faults: a write cut short leaves a hot journal that SQLite rolls back, a file
//! damaged beyond that is refused with the way back (the newest backup), and bad input on the
//! command line is refused in Spanish without touching anything.
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

/// The one way these tests write rows.
fn add_event(store: &mut Store, title: &str) -> String {
    let id = new_id();
    store
        .write("test", |w| {
            w.insert(
                "events",
                &id,
                &[
                    ("title", Value::Text(title.into())),
                    ("starts_at", Value::Text("2025-03-06T10:00".into())),
                ],
            )
        })
        .unwrap();
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
    office
        .write("test", |w| {
            for i in 0..n {
                w.insert(
                    "events",
                    &new_id(),
                    &[("title", Value::Text(format!("Evento {i}")))],
                )?;
            }
            Ok(())
        })
        .unwrap();
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

/// Runs the binary with a deadline: a command that hangs is killed and reported.
fn run_for(mut cmd: Command, secs: u64) -> std::process::Output {
    use std::io::Read;
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(secs) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("prensa hung for {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    std::process::Output {
        status,
        stdout,
        stderr,
    }
}

/// A refusal: exit 1, a Spanish message on stderr holding `expected`, no English system text.
fn assert_refused_with(out: &std::process::Output, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(expected), "{err}");
    for english in [
        "os error",
        "No such file",
        "File exists",
        "Not a directory",
        "Too many levels",
        "Permission denied",
    ] {
        assert!(!err.contains(english), "{err}");
    }
}

#[test]
fn a_mistyped_db_is_never_created_without_asking() {
    let home = tempfile::tempdir().unwrap();
    let typo = home.path().join("prensa-oficnia.sqlite");
    let out = run_for(
        {
            let mut c = bin(home.path());
            c.arg("--db").arg(&typo);
            c
        },
        30,
    );
    assert_refused_with(&out, &typo.display().to_string());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No existe") && err.contains("terminal"),
        "{err}"
    );
    assert!(!typo.exists(), "a database was created");
    // Commands other than demo refuse it too, the review of a sync included.
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    for dry in [false, true] {
        let mut c = bin(home.path());
        c.args(["sincronizar", "--db"]).arg(&typo).arg(&stick);
        if dry {
            c.arg("--revisar");
        }
        let out = run_for(c, 30);
        assert_refused_with(&out, "No existe");
        assert!(!typo.exists(), "a database was created (revisar: {dry})");
    }
    assert!(std::fs::read_dir(&stick).unwrap().next().is_none());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_is_refused_without_hanging() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("tuberia.sqlite");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let folder = home.path().join("carpeta.sqlite");
    std::fs::create_dir_all(&folder).unwrap();
    for target in [&fifo, &folder] {
        for args in [vec![], vec!["sincronizar"], vec!["demo"]] {
            let mut c = bin(home.path());
            c.args(&args).arg("--db").arg(target);
            if args == ["sincronizar"] {
                c.arg(home.path());
            }
            let out = run_for(c, 20);
            assert_refused_with(&out, "no es un archivo");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_bad_path_say_what_is_wrong_in_spanish() {
    let home = tempfile::tempdir().unwrap();
    let looped = home.path().join("vuelta.sqlite");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    for args in [vec![], vec!["demo"]] {
        let mut c = bin(home.path());
        c.args(&args).arg("--db").arg(&looped);
        let out = run_for(c, 20);
        assert_refused_with(&out, "enlaces simbólicos");
    }
    // A path through a file, as if it were a folder.
    let file = home.path().join("nota.txt");
    std::fs::write(&file, b"hola").unwrap();
    let mut c = bin(home.path());
    c.args(["demo", "--db"]).arg(file.join("x.sqlite"));
    let out = run_for(c, 20);
    assert_refused_with(&out, "no es una carpeta");
}

#[test]
fn scripts_confirm_with_si_or_yes_on_every_writing_command() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.sqlite");
    let mut c = bin(home.path());
    c.args(["demo", "--si", "--fecha", "2025-03-06", "--db"])
        .arg(&db);
    let out = run_for(c, 120);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    for flag in ["--si", "--yes"] {
        let mut c = bin(home.path());
        c.args(["sincronizar", flag, "--db"]).arg(&db).arg(&stick);
        let out = run_for(c, 120);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{flag}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_killed_demo_leaves_no_file_under_its_name() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.sqlite");
    let mut child = bin(home.path())
        .args(["demo", "--fecha", "2025-03-06", "--db"])
        .arg(&db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it has written a good part of the demo, then kill it.
    let started = std::time::Instant::now();
    loop {
        let size: u64 = std::fs::read_dir(home.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("demo"))
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        if size > 2_000_000 {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the demo never grew"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!db.exists(), "a partial demo sits under the final name");
    // The next run writes it whole and leaves nothing else behind.
    let mut c = bin(home.path());
    c.args(["demo", "--fecha", "2025-03-06", "--db"]).arg(&db);
    let out = run_for(c, 120);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        names(home.path())
            .iter()
            .filter(|n| n.contains("demo"))
            .count(),
        1
    );
    drop(Store::open(&db, &options(None)).unwrap());
    assert_eq!(quick_check(&db), "ok");
}

/// The one way this test writes a conflict row, as another machine's merge would have.
fn add_conflict(store: &mut Store, table: &str, target: &str, col: &str) -> String {
    let id = new_id();
    store
        .write("test", |w| {
            w.insert(
                "conflicts",
                &id,
                &[
                    ("target_table", Value::Text(table.into())),
                    ("target_id", Value::Text(target.into())),
                    ("col", Value::Text(col.into())),
                    ("lost_value", Value::Text("otro".into())),
                    ("lost_clock", Value::Integer(1)),
                    ("lost_replica", Value::Text("x".into())),
                ],
            )
        })
        .unwrap();
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

/// The binary in a pseudo-terminal: what it shows, and keys typed into it.
struct Pty {
    screen: std::sync::Arc<std::sync::Mutex<vt100::Parser>>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Pty {
    fn start(home: &Path, args: &[&std::ffi::OsStr]) -> Pty {
        use portable_pty::{native_pty_system, CommandBuilder, PtySize};
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prensa"));
        cmd.args(args);
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("LANG", "es_MX.UTF-8");
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let screen = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(24, 80, 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = std::io::Read::read(&mut reader, &mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        std::mem::forget(pty.master);
        Pty {
            screen,
            writer,
            child,
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let text = self.screen.lock().unwrap().screen().contents();
            if text.contains(needle) {
                return text;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {needle:?}:\n{text}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn exit_code(&mut self) -> u32 {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(std::time::Instant::now() < deadline, "prensa did not exit");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

#[test]
fn a_new_db_named_on_a_terminal_is_created_only_when_the_user_says_so() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("nueva.sqlite");
    let mut s = Pty::start(home.path(), &["--db".as_ref(), db.as_os_str()]);
    let asked = s.wait_for("[s/N]");
    assert!(asked.contains("nueva.sqlite"), "{asked}");
    s.send("n\r");
    s.wait_for("No se creó nada");
    assert_eq!(s.exit_code(), 1);
    assert!(!db.exists());

    let mut s = Pty::start(home.path(), &["--db".as_ref(), db.as_os_str()]);
    s.wait_for("[s/N]");
    s.send("s\r");
    s.wait_for("Agenda de hoy");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    drop(Store::open(&db, &options(None)).unwrap());
}
