//! Crash tests: the real binary runs a sync (read, merge, publish), or writes the demo, and is
//! killed — SIGKILL, SIGTERM, SIGHUP (a closed terminal, a lost SSH session), and SIGINT (Ctrl+C)
//! for the demo — at increasing delays, or runs out of space on a small file system. After each,
//! prensa opens the file (a write cut short is rolled back, not refused), `PRAGMA quick_check` is
//! ok, and the content is exactly the state before or after, never between; no file under its
//! final name in the sync folder is partial; the next run completes.
//!
//! 30 sync kill points (10 per signal) and 10 demo kill points in the normal suite;
//! `cargo test --release --test sync_crash -- --ignored` runs 240 per signal and 80 demos.
#![cfg(unix)]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use prensa::domain::edit::{EventInput, Record};
use prensa::domain::status::{EventKind, EventStatus};
use prensa::store::{header, OpenOptions, Store};
use prensa::sync::{self, SyncOptions};

struct Fixture {
    _dir: tempfile::TempDir,
    home: PathBuf,
    stick: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn add_events(store: &mut Store, n: usize, title: &str) {
    store
        .batch("test", |tx| {
            for i in 0..n {
                let event = EventInput {
                    title: format!("{title} {i}"),
                    starts_at: "2025-03-06T10:00".into(),
                    ends_at: String::new(),
                    place: "Plaza principal".into(),
                    locality: String::new(),
                    department_id: None,
                    campaign_id: None,
                    status: EventStatus::Scheduled,
                    public: true,
                    notes: String::new(),
                    all_day: false,
                    kind: EventKind::Public,
                    uid: String::new(),
                };
                tx.create(None, &Record::Event(event))?;
            }
            Ok(())
        })
        .unwrap();
}

/// An office that published 3,000 events to the stick, and a home database with its own
/// changes that has synced once before.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let stick = dir.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let opts = |machine: &str| OpenOptions {
        backup_dir: None,
        machine: Some(machine.into()),
    };
    let sync_opts = |name: &str| SyncOptions {
        folder: stick.clone(),
        dry_run: false,
        work_dir: dir.path().join(name).join("cache"),
        backup_dir: dir.path().join(name).join("respaldos"),
        media_dir: None,
        now: common::now(),
    };
    let home = dir.path().join("home.sqlite");
    let mut h = Store::open(&home, &opts("casa")).unwrap();
    add_events(&mut h, 50, "Casa");
    sync::run(&mut h, &sync_opts("h"), &mut |_, _, _| {}).unwrap();
    let mut office = Store::open(&dir.path().join("office.sqlite"), &opts("oficina")).unwrap();
    add_events(&mut office, 3_000, "Oficina");
    sync::run(&mut office, &sync_opts("o"), &mut |_, _, _| {}).unwrap();
    add_events(&mut h, 200, "Casa después");
    Fixture {
        _dir: dir,
        home,
        stick,
    }
}

/// What prensa holds, as the user sees it: every replicated table but the audit log (whose ids
/// are new each run), without the times of the ops; and the number of ops. Prensa itself must
/// open the file first: that is what a user does after a crash.
fn state(db: &Path) -> (Vec<String>, i64) {
    let store = Store::open(db, &OpenOptions::default())
        .unwrap_or_else(|e| panic!("prensa refused {}: {e}", db.display()));
    drop(store);
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "quick_check failed");
    let rows = common::content(db);
    let ops = conn
        .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap();
    (rows, ops)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Kill,
    Term,
    Hup,
    /// Ctrl+C.
    Int,
}

/// Sends the signal and waits for the process to end.
fn stop(child: &mut std::process::Child, signal: Signal) {
    match signal {
        Signal::Kill => {
            let _ = child.kill();
        }
        Signal::Term | Signal::Hup | Signal::Int => {
            let name = match signal {
                Signal::Term => "-TERM",
                Signal::Hup => "-HUP",
                _ => "-INT",
            };
            let _ = Command::new("kill")
                .arg(name)
                .arg(child.id().to_string())
                .status();
        }
    }
    let _ = child.wait();
}

fn home_env(cmd: &mut Command, place: &Path) {
    cmd.env("XDG_DATA_HOME", place.join("data"))
        .env("XDG_CONFIG_HOME", place.join("config"))
        .env("XDG_CACHE_HOME", place.join("cache"))
        .env("HOME", place)
        .env("LANG", "es_MX.UTF-8");
}

fn sync_command(place: &Path, home: &Path, stick: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.args(["sincronizar", "--db"])
        .arg(home)
        .arg(stick)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    home_env(&mut cmd, place);
    cmd
}

/// No file under its final name is partial: manifests parse, and every file they name is
/// complete and matches its hash; other .sqlite files at least have a consistent header.
fn assert_folder_whole(stick: &Path) {
    for e in std::fs::read_dir(stick).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tmp") {
            continue;
        }
        if name.ends_with(".json") {
            let m: sync::folder::Manifest =
                serde_json::from_slice(&std::fs::read(e.path()).unwrap())
                    .unwrap_or_else(|_| panic!("partial manifest {name}"));
            for f in &m.files {
                let (hash, size) = sync::folder::hash_file(&stick.join(&f.name))
                    .unwrap_or_else(|_| panic!("{name} names missing {}", f.name));
                assert_eq!(
                    (hash.as_str(), size),
                    (f.sha256.as_str(), f.size),
                    "{} is partial",
                    f.name
                );
            }
        } else if name.ends_with(".sqlite") {
            header::check_file(&e.path()).unwrap_or_else(|_| panic!("partial file {name}"));
        }
    }
}

fn run(kill_points: u32, signals: &[Signal]) {
    let base = fixture();
    let before = state(&base.home);
    // An uninterrupted sync on a copy: how long it takes and what it leaves.
    let full = tempfile::tempdir().unwrap();
    let (home, stick) = (full.path().join("home.sqlite"), full.path().join("stick"));
    std::fs::copy(&base.home, &home).unwrap();
    copy_dir(&base.stick, &stick);
    let started = Instant::now();
    let status = sync_command(full.path(), &home, &stick).status().unwrap();
    let took = started.elapsed();
    assert!(status.success());
    let after = state(&home);
    assert!(after.1 > before.1);

    for &signal in signals {
        let mut seen = (0, 0);
        for k in 0..kill_points {
            let place = tempfile::tempdir().unwrap();
            let (home, stick) = (place.path().join("home.sqlite"), place.path().join("stick"));
            std::fs::copy(&base.home, &home).unwrap();
            copy_dir(&base.stick, &stick);
            // Up to twice as long as the first run took: the runs that share the machine with
            // other tests can be slower than it, and some kills must land after the end.
            let delay = took.mul_f64(2.0 * k as f64 / kill_points as f64);
            let mut child = sync_command(place.path(), &home, &stick).spawn().unwrap();
            std::thread::sleep(delay);
            stop(&mut child, signal);
            let now = state(&home);
            assert!(
                now == before || now == after,
                "{signal:?} at {delay:?}: {} ops, neither {} nor {}",
                now.1,
                before.1,
                after.1
            );
            if now == before {
                seen.0 += 1
            } else {
                seen.1 += 1
            }
            assert_folder_whole(&stick);
            // And the next sync completes from whatever state the kill left.
            assert!(sync_command(place.path(), &home, &stick)
                .status()
                .unwrap()
                .success());
            assert_eq!(state(&home), after, "{signal:?} at {delay:?}");
            assert_folder_whole(&stick);
            let cache = place.path().join("cache").join("prensa");
            let left: Vec<_> = std::fs::read_dir(&cache)
                .map(|e| e.flatten().map(|e| e.file_name()).collect())
                .unwrap_or_default();
            assert!(left.is_empty(), "left in the cache: {left:?}");
        }
        // The kills landed on both sides of the commit.
        eprintln!(
            "{signal:?}: {kill_points} kills, {} left the state before, {} after (sync: {took:?})",
            seen.0, seen.1
        );
        assert!(
            seen.0 > 0 && seen.1 > 0,
            "{signal:?} before/after: {seen:?}"
        );
    }
}

#[test]
fn killed_syncs_leave_whole_databases_and_folders() {
    run(10, &[Signal::Kill, Signal::Term, Signal::Hup]);
}

#[test]
#[ignore = "long run: cargo test --release --test sync_crash -- --ignored"]
fn killed_syncs_leave_whole_databases_and_folders_long() {
    run(240, &[Signal::Kill, Signal::Term, Signal::Hup]);
}

fn demo_command(place: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.args(["demo", "--fecha", "2025-03-06", "--db"])
        .arg(db)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    home_env(&mut cmd, place);
    cmd
}

/// `prensa demo --db` killed at increasing delays: the file is either absent (the state
/// before) or the whole demo, never a part of it; the next run writes it whole.
fn run_demo(kill_points: u32) {
    let full = tempfile::tempdir().unwrap();
    let db = full.path().join("demo.sqlite");
    let started = Instant::now();
    assert!(demo_command(full.path(), &db).status().unwrap().success());
    let took = started.elapsed();
    let whole = state(&db);
    let signals = [Signal::Kill, Signal::Term, Signal::Hup, Signal::Int];
    let mut seen = (0, 0);
    for k in 0..kill_points {
        let place = tempfile::tempdir().unwrap();
        let db = place.path().join("demo.sqlite");
        // Up to twice as long as the first run took: the runs that share the machine with
        // other tests can be slower than it, and some kills must land after the end.
        let delay = took.mul_f64(2.0 * k as f64 / kill_points as f64);
        let signal = signals[k as usize % signals.len()];
        let mut child = demo_command(place.path(), &db).spawn().unwrap();
        std::thread::sleep(delay);
        stop(&mut child, signal);
        if db.exists() {
            assert_eq!(state(&db), whole, "{signal:?} at {delay:?}: a partial demo");
            seen.1 += 1;
            // The next run refuses a file with data, and removes what the killed one left.
            let again = demo_command(place.path(), &db).status().unwrap();
            assert_eq!(again.code(), Some(1));
        } else {
            seen.0 += 1;
            assert!(demo_command(place.path(), &db).status().unwrap().success());
            assert_eq!(state(&db), whole);
        }
        let left: Vec<String> = std::fs::read_dir(place.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| {
                n.starts_with('.')
                    || (n.contains("demo") && n != "demo.sqlite" && n != "demo.sqlite.media")
            })
            .collect();
        assert!(left.is_empty(), "{signal:?} at {delay:?}: {left:?}");
    }
    eprintln!(
        "demo: {kill_points} kills, {} left no file, {} the whole demo (demo: {took:?})",
        seen.0, seen.1
    );
    assert!(seen.0 > 0 && seen.1 > 0, "absent/whole: {seen:?}");
}

#[test]
fn killed_demos_leave_no_partial_database() {
    run_demo(10);
}

#[test]
#[ignore = "long run: cargo test --release --test sync_crash -- --ignored"]
fn killed_demos_leave_no_partial_database_long() {
    run_demo(80);
}

/// A small tmpfs mounted for the test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, bytes: u64) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .ok()?
            .success();
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Syncs and writes the demo on a file system that runs out of space at a range of sizes:
/// every run either completes or fails with a Spanish message, and leaves the database exactly
/// as before or after.
#[test]
fn a_full_file_system_leaves_whole_databases() {
    let scratch = tempfile::tempdir().unwrap();
    let Some(probe) = Tmpfs::mount(&scratch.path().join("prueba"), 1 << 20) else {
        eprintln!("skipped: this machine does not let the test mount a tmpfs");
        return;
    };
    drop(probe);
    let base = fixture();
    let before = state(&base.home);
    let full = tempfile::tempdir().unwrap();
    let (home, stick) = (full.path().join("home.sqlite"), full.path().join("stick"));
    std::fs::copy(&base.home, &home).unwrap();
    copy_dir(&base.stick, &stick);
    assert!(sync_command(full.path(), &home, &stick)
        .status()
        .unwrap()
        .success());
    let after = state(&home);
    // What a sync needs room for: the database, its backup, the local copies of the others'
    // files and its own snapshot, all of about the size of the database and the folder.
    let folder_size: u64 = std::fs::read_dir(&base.stick)
        .unwrap()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let size = std::fs::metadata(&base.home).unwrap().len() + folder_size;
    let mut outcomes = (0, 0);
    for eighths in [4u64, 6, 8, 10, 12, 16, 20, 24, 32, 48] {
        let room = scratch.path().join(format!("lleno-{eighths}"));
        let Some(_fs) = Tmpfs::mount(&room, size * eighths / 8) else {
            panic!("mounting a tmpfs worked once, then not");
        };
        let db = room.join("home.sqlite");
        std::fs::copy(&base.home, &db).unwrap();
        let stick = scratch.path().join(format!("stick-{eighths}"));
        copy_dir(&base.stick, &stick);
        let mut cmd = sync_command(&room, &db, &stick);
        let out = cmd.stderr(Stdio::piped()).output().unwrap();
        let now = state(&db);
        if out.status.success() {
            assert_eq!(now, after);
            outcomes.1 += 1;
        } else {
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{err}");
            assert!(
                err.contains("lleno") || err.contains("no queda espacio"),
                "{eighths}/8: {err}"
            );
            assert!(!err.contains("os error"), "{err}");
            assert!(now == before || now == after, "{eighths}/8: between");
            outcomes.0 += 1;
            eprintln!("{eighths}/8 of {size} bytes: {}", err.trim());
        }
        // The demo on a file system too small for it: refused, nothing left under its name.
        let demo = room.join("demo.sqlite");
        let out = demo_command(&room, &demo)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("lleno") || err.contains("no queda espacio"),
                "{err}"
            );
            assert!(!demo.exists(), "a partial demo was left");
        }
        let left: Vec<String> = std::fs::read_dir(&room)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.ends_with("-journal"))
            .collect();
        assert!(left.is_empty(), "{eighths}/8 left: {left:?}");
    }
    assert!(outcomes.0 > 0, "no size was small enough: {outcomes:?}");
    assert!(outcomes.1 > 0, "no size was large enough: {outcomes:?}");
}
