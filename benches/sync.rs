//! Sync cost: two replicas of the benchmark dataset (3.2 GB, ~10 million ops) exchange N
//! changes each way through a folder; the same with the small demo database. Cost should grow
//! with the changes, not with the size of the file. Run: `cargo bench --bench sync`.
//!
//! Not a criterion benchmark: every sync changes the replicas, so each figure is one timed
//! exchange, after warm-up syncs that publish the first snapshots and take the day's backups.
mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use prensa::demo::DemoOptions;
use prensa::domain::edit::{Record, RecordKind, Target};
use prensa::store::{OpenOptions, Store};
use prensa::sync::{self, SyncOptions};

struct Replica {
    store: Store,
    dir: PathBuf,
}

fn sync(r: &mut Replica, folder: &Path) -> (f64, sync::SyncReport) {
    let opts = SyncOptions {
        folder: folder.to_path_buf(),
        dry_run: false,
        work_dir: r.dir.join("cache"),
        backup_dir: r.dir.join("respaldos"),
        media_dir: None,
        now: common::reference().and_hms_opt(9, 0, 0).unwrap_or_default(),
    };
    let started = Instant::now();
    let report = sync::run(&mut r.store, &opts, &mut |_, _, _| {}).expect("sync");
    (started.elapsed().as_secs_f64(), report)
}

/// A copy of `source` that keeps its identity, and one that becomes a new replica holding the
/// same ops — what a machine that joined from the first one holds.
fn pair(source: &Path, work: &Path) -> (Replica, Replica) {
    let _ = std::fs::remove_dir_all(work);
    let mut out = Vec::new();
    for (name, machine) in [("a", "oficina"), ("b", "casa")] {
        let dir = work.join(name);
        std::fs::create_dir_all(&dir).expect("dir");
        let db = dir.join("prensa.sqlite");
        std::fs::copy(source, &db).expect("copy");
        if name == "b" {
            let conn = rusqlite::Connection::open(&db).expect("open");
            conn.execute_batch(&format!(
                "UPDATE replicas SET is_self = 0 WHERE is_self = 1;
                 INSERT INTO replicas (id, name, is_self, clock)
                 VALUES ('{}', '{machine}', 1, (SELECT max(clock) FROM replicas));",
                uuid::Uuid::now_v7()
            ))
            .expect("new identity");
        }
        let opts = OpenOptions {
            backup_dir: None,
            machine: Some(machine.into()),
        };
        out.push(Replica {
            store: Store::open(&db, &opts).expect("open"),
            dir,
        });
    }
    let b = out.pop().expect("b");
    let a = out.pop().expect("a");
    (a, b)
}

/// Changes the titles of `n` events, starting at row `skip` in id order.
fn edit(r: &mut Replica, n: usize, skip: usize, tag: &str) {
    let ids: Vec<String> = {
        let conn = rusqlite::Connection::open(r.store.path()).expect("open");
        let mut stmt = conn
            .prepare("SELECT id FROM events ORDER BY id LIMIT ?1 OFFSET ?2")
            .expect("prepare");
        let ids = stmt
            .query_map([n as i64, skip as i64], |row| row.get(0))
            .expect("query")
            .collect::<Result<Vec<String>, _>>()
            .expect("ids");
        ids
    };
    let records: Vec<(String, Record)> = ids
        .iter()
        .map(|id| {
            let mut record = r
                .store
                .record(&Target::new(RecordKind::Event, id.clone()))
                .expect("read");
            if let Record::Event(e) = &mut record {
                e.title = format!("{tag} {id}");
            }
            (id.clone(), record)
        })
        .collect();
    r.store
        .batch("bench", |tx| {
            for (id, record) in &records {
                tx.update(id, record)?;
            }
            Ok(())
        })
        .expect("edit");
}

fn exchange(label: &str, source: &Path, work: &Path, sizes: &[usize]) {
    let (mut a, mut b) = pair(source, work);
    let folder = work.join("carpeta");
    std::fs::create_dir_all(&folder).expect("folder");
    let started = Instant::now();
    sync(&mut a, &folder);
    sync(&mut b, &folder);
    sync(&mut a, &folder);
    eprintln!(
        "{label}: first snapshots in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The first merge of the day also makes the day's backup (of the whole file): timed apart.
    edit(&mut a, 10, 0, "calentamiento");
    edit(&mut b, 10, 10, "calentamiento");
    sync(&mut b, &folder);
    let (first_merge, _) = sync(&mut a, &folder);
    sync(&mut b, &folder);
    println!("| {label} | primera combinación del día, con su respaldo | {first_merge:.2} s |");
    let size = std::fs::metadata(a.store.path())
        .map(|m| m.len())
        .unwrap_or(0);
    let mut round = 1;
    for &n in sizes {
        round += 1;
        edit(&mut a, n, 0, &format!("oficina {round}"));
        edit(&mut b, n, n, &format!("casa {round}"));
        let (t_b1, r_b1) = sync(&mut b, &folder);
        let (t_a, r_a) = sync(&mut a, &folder);
        let (t_b2, r_b2) = sync(&mut b, &folder);
        println!(
            "| {label} | {:.1} GB | {n} | {:.2} s (envía {}) | {:.2} s (recibe {}, envía {}) | {:.2} s (recibe {}) |",
            size as f64 / 1e9,
            t_b1,
            r_b1.sent,
            t_a,
            r_a.received,
            r_a.sent,
            t_b2,
            r_b2.received
        );
    }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing worth running for.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    let small = target.join("prensa-demo-bench.sqlite");
    common::ensure(&small, &DemoOptions::realistic(common::reference()));
    println!("| base | tamaño | cambios por lado | casa publica | oficina recibe y publica | casa recibe |");
    println!("|---|---|---|---|---|---|");
    exchange(
        "demostración",
        &small,
        &target.join("bench-sync-demo"),
        &[800],
    );
    exchange(
        "grande",
        &common::dataset(),
        &target.join("bench-sync-grande"),
        &[800, 10_000, 30_000],
    );
    let _ = std::fs::remove_dir_all(target.join("bench-sync-demo"));
    let _ = std::fs::remove_dir_all(target.join("bench-sync-grande"));
}
