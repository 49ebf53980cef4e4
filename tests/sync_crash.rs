//! Crash tests: the real binary runs a sync (read, merge, publish) and is killed with SIGKILL at
//! increasing delays. After each kill the local database passes integrity_check and holds
//! exactly the ops it held before or exactly those it holds after a complete sync, and no file
//! under its final name in the sync folder is partial.
//!
//! 30 kill points in the normal suite; `cargo test --release --test sync_crash -- --ignored`
//! runs 240.
#![cfg(unix)]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use prensa::domain::edit::{EventInput, Record};
use prensa::domain::status::EventStatus;
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

fn ops_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "integrity_check failed");
    conn.query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap()
}

fn sync_command(place: &Path, home: &Path, stick: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.args(["sincronizar", "--db"])
        .arg(home)
        .arg(stick)
        .env("XDG_DATA_HOME", place.join("data"))
        .env("XDG_CONFIG_HOME", place.join("config"))
        .env("XDG_CACHE_HOME", place.join("cache"))
        .env("HOME", place)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
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

fn run(kill_points: u32) {
    let base = fixture();
    let before = ops_count(&base.home);
    // An uninterrupted sync on a copy: how long it takes and what it leaves.
    let full = tempfile::tempdir().unwrap();
    let (home, stick) = (full.path().join("home.sqlite"), full.path().join("stick"));
    std::fs::copy(&base.home, &home).unwrap();
    copy_dir(&base.stick, &stick);
    let started = Instant::now();
    let status = sync_command(full.path(), &home, &stick).status().unwrap();
    let took = started.elapsed();
    assert!(status.success());
    let after = ops_count(&home);
    assert!(after > before);

    let mut seen = (0, 0);
    for k in 0..kill_points {
        let place = tempfile::tempdir().unwrap();
        let (home, stick) = (place.path().join("home.sqlite"), place.path().join("stick"));
        std::fs::copy(&base.home, &home).unwrap();
        copy_dir(&base.stick, &stick);
        let delay = took.mul_f64(1.2 * k as f64 / kill_points as f64);
        let mut child = sync_command(place.path(), &home, &stick).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let count = ops_count(&home);
        assert!(
            count == before || count == after,
            "kill at {delay:?}: {count} ops, neither {before} nor {after}"
        );
        if count == before {
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
        assert_eq!(ops_count(&home), after);
        assert_folder_whole(&stick);
    }
    // The kills landed on both sides of the commit.
    assert!(seen.0 > 0 && seen.1 > 0, "before/after: {seen:?}");
}

#[test]
fn killed_syncs_leave_whole_databases_and_folders() {
    run(30);
}

#[test]
#[ignore = "long run: cargo test --release --test sync_crash -- --ignored"]
fn killed_syncs_leave_whole_databases_and_folders_long() {
    run(240);
}
