//! Ops are identified by (table, row id, column): row ids that repeat across tables (three
//! demos made with different reference dates, or any two rows that happen to share an id) must
//! never mix, and a file already damaged by such a mix heals when it is migrated.
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::{before_identity_migration, open_as as open, sync_with};
use prensa::demo::{self, DemoOptions};
use prensa::store::{Store, Value};

/// Every replicated table's rows as text, table by table.
fn tables(path: &Path) -> BTreeMap<String, Vec<String>> {
    let store_tables = {
        let conn = rusqlite::Connection::open(path).unwrap();
        prensa::store::schema::replicated_tables(&conn).unwrap()
    };
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = BTreeMap::new();
    for (table, cols) in store_tables {
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY id",
            cols.iter()
                .map(|c| format!("quote({c})"))
                .collect::<Vec<_>>()
                .join(" || '|' || ")
        );
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        out.insert(table, rows);
    }
    out
}

/// Ids that appear in more than one table's ops.
fn shared_ids(path: &Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT row_id FROM ops GROUP BY row_id HAVING count(DISTINCT tbl) > 1")
        .unwrap();
    let ids = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<BTreeSet<String>>>()
        .unwrap();
    ids
}

#[test]
fn three_demos_with_different_dates_converge_table_by_table() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("carpeta");
    std::fs::create_dir_all(&folder).unwrap();
    let dates = [(2025, 3, 6), (2025, 3, 7), (2025, 3, 8)];
    let mut stores: Vec<Store> = dates
        .iter()
        .enumerate()
        .map(|(i, (y, m, d))| {
            let path = dir.path().join(format!("equipo{i}.sqlite"));
            let mut store = open(&path, &format!("equipo{i}"));
            let day = NaiveDate::from_ymd_opt(*y, *m, *d).unwrap();
            demo::generate(&mut store, &DemoOptions::realistic(day), &mut |_, _| {}).unwrap();
            store
        })
        .collect();
    // Each demo alone holds every id in one table only, and no id of one demo is an id of a
    // row of another table in another demo.
    let mut table_of: BTreeMap<String, String> = BTreeMap::new();
    for store in &stores {
        assert!(shared_ids(store.path()).is_empty());
        for (table, rows) in tables(store.path()) {
            for row in rows {
                let id = row.split('|').next().unwrap().to_owned();
                if let Some(other) = table_of.insert(id.clone(), table.clone()) {
                    assert_eq!(other, table, "{id} is a row of {other} and of {table}");
                }
            }
        }
    }
    for _ in 0..2 {
        for store in &mut stores {
            sync_with(store, &folder);
        }
    }
    let first = tables(stores[0].path());
    for store in &stores[1..] {
        let other = tables(store.path());
        for (table, rows) in &first {
            assert!(
                other[table] == *rows,
                "{table} differs between {} and {}",
                stores[0].path().display(),
                store.path().display()
            );
        }
    }
    // A fourth sync changes nothing anywhere.
    for store in &mut stores {
        let report = sync_with(store, &folder);
        assert_eq!((report.received, report.sent), (0, 0), "{report:?}");
        assert_eq!(tables(store.path()), first);
    }
}

/// The one way these tests write rows: a new row, or fields of an existing one.
fn write_row(store: &mut Store, table: &str, id: &str, fields: &[(&str, Value)], new: bool) {
    if new {
        prensa::store::testing::insert(store, table, id, fields).unwrap();
    } else {
        prensa::store::testing::update(store, table, id, fields).unwrap();
    }
}

fn insert(store: &mut Store, table: &str, id: &str, fields: &[(&str, Value)]) {
    write_row(store, table, id, fields, true);
}

fn get(path: &Path, table: &str, id: &str, col: &str) -> Option<String> {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            &format!("SELECT {col} FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn one_id_in_two_tables_never_mixes_their_fields_when_merged() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("carpeta");
    std::fs::create_dir_all(&folder).unwrap();
    let mut a = open(&dir.path().join("a.sqlite"), "a");
    let mut b = open(&dir.path().join("b.sqlite"), "b");
    let shared = prensa::domain::ids::new_id();
    let (event_a, event_b) = (prensa::domain::ids::new_id(), prensa::domain::ids::new_id());
    insert(&mut a, "events", &event_a, &[]);
    insert(&mut b, "events", &event_b, &[]);
    // The same id: a coverage row on one machine, an archive item on the other.
    insert(
        &mut a,
        "coverage",
        &shared,
        &[("event_id", Value::Text(event_a.clone()))],
    );
    insert(
        &mut b,
        "archive_items",
        &shared,
        &[
            ("event_id", Value::Text(event_b.clone())),
            ("title", Value::Text("Fotos".into())),
        ],
    );
    for _ in 0..2 {
        sync_with(&mut a, &folder);
        sync_with(&mut b, &folder);
    }
    for store in [&a, &b] {
        let path = store.path();
        assert_eq!(
            get(path, "coverage", &shared, "event_id").as_deref(),
            Some(event_a.as_str())
        );
        assert_eq!(
            get(path, "archive_items", &shared, "event_id").as_deref(),
            Some(event_b.as_str())
        );
    }
    assert_eq!(tables(a.path()), tables(b.path()));
    // Editing one of them later replaces its own field's value only.
    let moved = [("event_id", Value::Text(event_a.clone()))];
    write_row(&mut a, "archive_items", &shared, &moved, false);
    sync_with(&mut a, &folder);
    sync_with(&mut b, &folder);
    assert_eq!(tables(a.path()), tables(b.path()));
    assert_eq!(
        get(b.path(), "coverage", &shared, "event_id").as_deref(),
        Some(event_a.as_str())
    );
    assert_eq!(b.count_open_conflicts().unwrap(), 0);
}

#[test]
fn a_file_damaged_by_mixed_ids_heals_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("prensa.sqlite");
    let shared = prensa::domain::ids::new_id();
    let (event_a, event_b) = (prensa::domain::ids::new_id(), prensa::domain::ids::new_id());
    {
        let mut store = open(&path, "oficina");
        insert(&mut store, "events", &event_a, &[]);
        insert(&mut store, "events", &event_b, &[]);
        insert(
            &mut store,
            "coverage",
            &shared,
            &[("event_id", Value::Text(event_a.clone()))],
        );
        insert(
            &mut store,
            "archive_items",
            &shared,
            &[("event_id", Value::Text(event_b.clone()))],
        );
    }
    before_identity_migration(&path);
    // What the old merge did: the coverage row's event overwrote the archive item's.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE archive_items SET event_id = ?1 WHERE id = ?2",
            [&event_a, &shared],
        )
        .unwrap();
    let store = open(&path, "oficina");
    assert_eq!(
        get(store.path(), "archive_items", &shared, "event_id").as_deref(),
        Some(event_b.as_str()),
        "the damaged row was not recomputed"
    );
    assert_eq!(
        get(store.path(), "coverage", &shared, "event_id").as_deref(),
        Some(event_a.as_str())
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, prensa::store::schema::SCHEMA_VERSION);
    let index: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'ops_by_field'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(index.contains("tbl, row_id, col"), "{index}");
    // The migration was preceded by a backup of the file as it was.
    let backups: Vec<_> = std::fs::read_dir(path.with_extension("respaldos"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(backups.len(), 1);
}
