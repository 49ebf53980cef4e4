//! Sync through a folder: office and home databases and a "stick" between them.
mod common;

use std::path::{Path, PathBuf};

use common::*;
use prensa::domain::ids::new_id;
use prensa::store::{OpenOptions, Store, Value};
use prensa::sync::{self, SyncOptions, SyncReport};

pub struct Place {
    pub dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        Place {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn open(place: &Place, machine: &str) -> Store {
    Store::open(
        &place.path("prensa.sqlite"),
        &OpenOptions {
            backup_dir: None,
            machine: Some(machine.into()),
        },
    )
    .unwrap()
}

fn sync_with(store: &mut Store, place: &Place, stick: &Path) -> SyncReport {
    try_sync(store, place, stick, false).unwrap()
}

fn try_sync(
    store: &mut Store,
    place: &Place,
    stick: &Path,
    dry_run: bool,
) -> Result<SyncReport, sync::SyncError> {
    let opts = SyncOptions {
        folder: stick.to_path_buf(),
        dry_run,
        work_dir: place.path("cache"),
        backup_dir: place.path("respaldos"),
        media_dir: None,
        now: now(),
    };
    sync::run(store, &opts, &mut |_, _, _| {})
}

/// Every replicated table's rows, as text, for comparing two databases.
fn content(store: &Store) -> Vec<String> {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let mut out = Vec::new();
    for (table, cols) in store.replicated_tables() {
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY id",
            cols.iter()
                .map(|c| format!("quote({c})"))
                .collect::<Vec<_>>()
                .join(" || '|' || ")
        );
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        for row in rows {
            out.push(format!("{table}: {}", row.unwrap()));
        }
    }
    out
}

fn event(store: &mut Store, title: &str) -> String {
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

fn set(store: &mut Store, table: &str, id: &str, col: &str, value: &str) {
    store
        .write("test", |w| {
            w.update(table, id, &[(col, Value::Text(value.into()))])
        })
        .unwrap();
}

fn get(store: &Store, table: &str, id: &str, col: &str) -> String {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.query_row(
        &format!("SELECT {col} FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

fn open_conflicts(store: &Store) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT target_id, col, CAST(lost_value AS TEXT) FROM conflicts WHERE resolved_at = '' ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

#[test]
fn office_and_home_meet_on_the_stick() {
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let cabildo = event(&mut office, "Sesión de Cabildo");

    // The first sync into an empty folder just publishes.
    let first = sync_with(&mut office, &office_place, stick);
    assert!(first.machines.is_empty() && first.snapshot && first.sent > 0);
    assert_eq!(office.status().unwrap().unsynced, 0);

    // A new machine joins from the stick and ends up identical.
    let mut home = open(&home_place, "casa");
    let joined = sync_with(&mut home, &home_place, stick);
    assert_eq!(joined.machines, vec!["oficina".to_owned()]);
    assert!(joined.received > 0);
    assert_eq!(content(&home), content(&office), "joined machine differs");

    // Both edit, including the same field of the same event without seeing each other.
    set(
        &mut office,
        "events",
        &cabildo,
        "title",
        "Sesión ordinaria de Cabildo",
    );
    set(&mut office, "events", &cabildo, "place", "Salón de Cabildo");
    let home_event = event(&mut home, "Entrega de despensas");
    set(
        &mut home,
        "events",
        &cabildo,
        "title",
        "Sesión extraordinaria de Cabildo",
    );

    sync_with(&mut office, &office_place, stick);
    let report = sync_with(&mut home, &home_place, stick);
    assert_eq!(report.conflicts, 1, "{report:?}");
    sync_with(&mut office, &office_place, stick);
    assert_eq!(content(&home), content(&office), "not converged");

    // The later edit (home's) wins; office's title waits in Conflictos on both machines.
    assert_eq!(
        get(&office, "events", &cabildo, "title"),
        "Sesión extraordinaria de Cabildo"
    );
    assert_eq!(
        get(&office, "events", &cabildo, "place"),
        "Salón de Cabildo"
    );
    assert_eq!(
        get(&office, "events", &home_event, "title"),
        "Entrega de despensas"
    );
    let conflicts = open_conflicts(&office);
    assert_eq!(
        conflicts,
        vec![(
            cabildo.clone(),
            "title".into(),
            "Sesión ordinaria de Cabildo".into()
        )]
    );
    assert_eq!(open_conflicts(&home), conflicts);

    // Resolving it is an edit like any other: it syncs.
    let conflict_id: String = {
        let conn = rusqlite::Connection::open(home.path()).unwrap();
        conn.query_row("SELECT id FROM conflicts", [], |r| r.get(0))
            .unwrap()
    };
    home.resolve_conflict(&conflict_id, prensa::store::Resolution::TakeLost)
        .unwrap();
    sync_with(&mut home, &home_place, stick);
    sync_with(&mut office, &office_place, stick);
    assert_eq!(
        get(&office, "events", &cabildo, "title"),
        "Sesión ordinaria de Cabildo"
    );
    assert!(open_conflicts(&office).is_empty());
    assert_eq!(content(&home), content(&office));
}

#[test]
fn a_dry_run_writes_nothing() {
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    event(&mut office, "Informe");
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    let before = std::fs::read(home.path()).unwrap();
    let files_before: Vec<_> = std::fs::read_dir(stick)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let report = try_sync(&mut home, &home_place, stick, true).unwrap();
    assert!(report.dry_run && report.received > 0 && report.machines == vec!["oficina".to_owned()]);
    assert_eq!(std::fs::read(home.path()).unwrap(), before);
    let files_after: Vec<_> = std::fs::read_dir(stick)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(files_before, files_after);
}

#[test]
fn concurrent_deletes_of_one_row_converge() {
    let (a_place, b_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut a = open(&a_place, "a");
    let mut b = open(&b_place, "b");
    let id = event(&mut a, "Uno");
    sync_with(&mut a, &a_place, stick);
    sync_with(&mut b, &b_place, stick);
    a.write("t", |w| w.delete("events", &id)).unwrap();
    b.write("t", |w| w.delete("events", &id)).unwrap();
    sync_with(&mut a, &a_place, stick);
    sync_with(&mut b, &b_place, stick);
    sync_with(&mut a, &a_place, stick);
    assert_eq!(content(&a), content(&b));
    // Both deleted it: one decision, not a conflict, and the row stays deleted everywhere.
    assert!(open_conflicts(&a).is_empty());
    let deleted: Option<String> = rusqlite::Connection::open(a.path())
        .unwrap()
        .query_row("SELECT deleted_at FROM events WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(deleted.is_some());
}
