//! Store tests that need the raw connection: the write-path guard on every replicated table,
//! the ops log being complete, migrations, query plans.
use rusqlite::params;

use super::*;
use crate::demo::{self, DemoOptions};

fn new_store(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("t.sqlite"), &OpenOptions::default()).unwrap()
}

fn demo_store(dir: &tempfile::TempDir) -> Store {
    let mut store = new_store(dir);
    let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 6).unwrap();
    demo::generate(&mut store, &DemoOptions::realistic(day), &mut |_, _| {}).unwrap();
    store
}

#[test]
fn no_replicated_table_can_be_written_outside_the_write_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    assert!(store.tables.len() >= 25, "{:?}", store.tables.keys());
    let tables: Vec<String> = store.tables.keys().cloned().collect();
    store
        .write("test", |w| {
            for table in &tables {
                w.insert(table, &crate::domain::ids::new_id(), &[])?;
            }
            Ok(())
        })
        .unwrap();
    for table in store.tables.keys() {
        let insert = store
            .conn
            .execute(&format!("INSERT INTO {table} (id) VALUES ('x')"), []);
        assert!(insert.is_err(), "{table}: insert outside the write path");
        let update = store
            .conn
            .execute(&format!("UPDATE {table} SET updated_at = 'x'"), []);
        assert!(update.is_err(), "{table}: update outside the write path");
        let delete = store.conn.execute(&format!("DELETE FROM {table}"), []);
        assert!(delete.is_err(), "{table}: delete outside the write path");
    }
}

/// Every row of every replicated table is what its ops give.
fn assert_state_is_the_fold_of_ops(store: &Store) {
    let problems = store.verify_fold().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_row_changed_behind_the_ops_back_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    assert_state_is_the_fold_of_ops(&store);
    // Past the guard, as only a bug could be: the check sees it.
    store
        .conn
        .execute_batch(
            "INSERT INTO temp.write_path VALUES (1);
             UPDATE events SET title = 'cambiado a escondidas' WHERE rowid = 1;
             DELETE FROM temp.write_path;",
        )
        .unwrap();
    let problems = store.verify_fold().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("events.title of"), "{problems:?}");
}

#[test]
fn every_row_of_the_demo_is_the_fold_of_its_ops() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    assert_state_is_the_fold_of_ops(&store);
}

#[test]
fn updates_and_deletes_are_ops_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let id = crate::domain::ids::new_id();
    store
        .write("test", |w| {
            w.insert("events", &id, &[("title", Value::Text("Uno".into()))])
        })
        .unwrap();
    let changed = store
        .write("test", |w| {
            w.update(
                "events",
                &id,
                &[
                    ("title", Value::Text("Dos".into())),
                    ("place", Value::Text(String::new())),
                ],
            )
        })
        .unwrap();
    assert_eq!(changed, 1, "an unchanged field makes no op");
    store.write("test", |w| w.delete("events", &id)).unwrap();
    assert_state_is_the_fold_of_ops(&store);
    let deleted: Option<String> = store
        .conn
        .query_row("SELECT deleted_at FROM events WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(deleted.is_some());
    store.write("test", |w| w.restore("events", &id)).unwrap();
    assert_state_is_the_fold_of_ops(&store);
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let before: i64 = store
        .conn
        .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap();
    let result = store.write("test", |w| {
        w.insert("events", "a", &[("title", Value::Text("x".into()))])?;
        w.insert("events", "b", &[("no_such_column", Value::Null)])
    });
    assert!(matches!(result, Err(StoreError::Schema { .. })));
    let after: i64 = store
        .conn
        .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after);
    let events: i64 = store
        .conn
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(events, 0);
}

#[test]
fn op_clocks_increase_even_when_the_wall_clock_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let times = std::sync::Arc::new(std::sync::Mutex::new(vec![5_000_000u64, 1_000, 3_000_000]));
    let source = times.clone();
    store.set_wall_clock(move || source.lock().unwrap().pop().unwrap_or(0));
    for title in ["a", "b", "c"] {
        store
            .write("test", |w| {
                w.insert(
                    "events",
                    &crate::domain::ids::new_id(),
                    &[("title", Value::Text(title.into()))],
                )
            })
            .unwrap();
    }
    let me = store.me.n;
    // Titles were written in order a, b, c: their clocks must be in the same order, although
    // the wall clock read 3,000,000 ms, then 1,000, then 5,000,000.
    let clocks: Vec<i64> = ["a", "b", "c"]
        .iter()
        .map(|t| {
            store
                .conn
                .query_row(
                    "SELECT hlc FROM ops WHERE replica = ?1 AND col = 'title' AND value = ?2",
                    params![me, t],
                    |r| r.get(0),
                )
                .unwrap()
        })
        .collect();
    assert!(clocks.windows(2).all(|w| w[0] < w[1]), "{clocks:?}");
    // Reopening continues after the persisted clock.
    let last = store.clock();
    drop(store);
    let mut store = Store::open(&dir.path().join("t.sqlite"), &OpenOptions::default()).unwrap();
    store.set_wall_clock(|| 0);
    store
        .write("test", |w| {
            w.insert("events", &crate::domain::ids::new_id(), &[])
        })
        .unwrap();
    assert!(store.clock() > last);
}

#[test]
fn two_new_databases_share_their_preloaded_ops_exactly() {
    let a_dir = tempfile::tempdir().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let a = new_store(&a_dir);
    let b = new_store(&b_dir);
    let dump = |s: &Store| -> Vec<(i64, String, String, String, Option<String>)> {
        let mut stmt = s
            .conn
            .prepare(
                "SELECT o.hlc, o.tbl, o.row_id, o.col, CAST(o.value AS TEXT) FROM ops o
                 JOIN replicas r ON r.n = o.replica WHERE r.id = ?1 ORDER BY o.hlc",
            )
            .unwrap();
        let rows = stmt
            .query_map([SEED_REPLICA], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows
    };
    let (da, db) = (dump(&a), dump(&b));
    assert!(da.len() > 60);
    assert_eq!(da, db);
    assert_ne!(a.replica_id(), b.replica_id());
}

fn add_column(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("ALTER TABLE events ADD COLUMN extra TEXT NOT NULL DEFAULT ''")
}

fn broken(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute_batch("CREATE TABLE half (x); SELECT * FROM no_such_table;")
}

#[test]
fn a_migration_backs_up_then_runs_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    drop(new_store(&dir));
    let backups = dir.path().join("respaldos");
    let opts = OpenOptions {
        backup_dir: Some(backups.clone()),
        machine: None,
    };
    let before = std::fs::read(&path).unwrap();

    // A failing step leaves the file exactly as it was.
    let with = |step: schema::Migration| {
        let mut all = schema::MIGRATIONS.to_vec();
        all.push(step);
        all
    };
    let failed = Store::open_existing(&path, &opts, &with(broken));
    assert!(failed.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A good one: backup first (a full copy of the current version), then the next version
    // with the new column, which is replicated and guarded like every other.
    let next = schema::SCHEMA_VERSION + 1;
    let store = Store::open_existing(&path, &opts, &with(add_column)).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, next);
    assert!(store.tables["events"].contains(&"extra".to_owned()));
    let copies: Vec<_> = std::fs::read_dir(&backups).unwrap().collect();
    assert_eq!(copies.len(), 2, "one backup per attempt");
    drop(store);
    // This build now refuses the file: it is newer than it understands.
    match Store::open(&path, &opts) {
        Err(StoreError::Newer {
            found, supported, ..
        }) => assert_eq!((found, supported), (next, schema::SCHEMA_VERSION)),
        other => panic!("{:?}", other.map(|_| ())),
    }
}

#[test]
fn list_pages_read_by_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir);
    let req = crate::domain::PageRequest {
        after: Some(crate::domain::SortKey::default()),
        inclusive: false,
        forward: true,
        limit: 10,
    };
    for (q, index) in [
        (&super::lists::tests_queries::EVENTS, "events_by_start"),
        (&super::lists::tests_queries::REPORTS, "reports_by_received"),
        (&super::lists::tests_queries::DRAFTS, "drafts_by_written"),
        (
            &super::lists::tests_queries::JOURNALISTS,
            "journalists_by_name",
        ),
    ] {
        for forward in [true, false] {
            let req = crate::domain::PageRequest {
                forward,
                ..req.clone()
            };
            let sql = super::lists::tests_queries::sql(q, &req);
            let plan: Vec<String> = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(params!["", "", 10], |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let plan = plan.join(" | ");
            assert!(plan.contains(index), "{index} not used: {plan}");
            assert!(
                !plan.contains("TEMP B-TREE"),
                "sorts instead of reading the index: {plan}"
            );
        }
    }
}

#[test]
fn search_ignores_accents_and_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    store
        .write("test", |w| {
            w.insert(
                "events",
                &crate::domain::ids::new_id(),
                &[(
                    "title",
                    Value::Text("Información para los niños de Tampate".into()),
                )],
            )
        })
        .unwrap();
    for query in ["informacion", "NIÑOS", "ninos", "tampa"] {
        let hits = store.search(query, 5).unwrap();
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0].table, "events");
    }
    assert!(store.search("deporte", 5).unwrap().is_empty());
}

#[test]
fn op_lookups_read_the_table_row_column_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir);
    for sql in [
        "SELECT hlc FROM ops WHERE tbl = ?1 AND row_id = ?2 AND col = ?3",
        "SELECT col, hlc FROM ops WHERE tbl = ?1 AND row_id = ?2 AND ?3 = ?3",
    ] {
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(params!["events", "x", "title"], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join(" | ");
        assert!(
            plan.contains("ops_by_field (tbl=? AND row_id=?"),
            "{sql}: {plan}"
        );
    }
}

#[test]
fn both_search_plans_give_the_same_rows_in_the_same_order() {
    use super::lists::tests_queries::{plan_page, Plan};
    use crate::domain::query::Query;
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    for search in ["a", "de", "entrega", "despensas tampate", "informe", "zzz"] {
        let query = Query {
            search: search.into(),
            ..Query::default()
        };
        for forward in [true, false] {
            let req = crate::domain::PageRequest {
                after: None,
                inclusive: false,
                forward,
                limit: 64,
            };
            let collect = plan_page(&store, &query, &req, Plan::Collect);
            for plan in [Plan::ScanSet, Plan::ScanProbe] {
                assert_eq!(
                    collect,
                    plan_page(&store, &query, &req, plan),
                    "{search} {plan:?}"
                );
            }
            if search != "zzz" {
                assert!(!collect.is_empty(), "{search}");
            }
            // The timeline: four sources, one of them (publications) searched by its draft.
            let read = |plan| {
                let rows = store
                    .timeline_read(&query, &req, "2025-03-06T09:00", Some(plan))
                    .unwrap();
                rows.into_iter().map(|r| r.id).collect::<Vec<_>>()
            };
            let collect = read(Plan::Collect);
            for plan in [Plan::ScanSet, Plan::ScanProbe] {
                assert_eq!(collect, read(plan), "timeline {search} {plan:?}");
            }
            if search != "zzz" {
                assert!(!collect.is_empty(), "timeline {search}");
            }
        }
    }
}

#[test]
fn upkeep_merges_the_pieces_of_a_search_index_and_finds_the_same() {
    use super::upkeep::Upkeep;
    use crate::domain::edit::{Command, Record, ReportInput};
    use crate::domain::query::Query;
    use crate::domain::status::ReportStatus;
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(&dir);
    // The demo leaves every index in one piece.
    assert_eq!(store.pieces("reports_fts").unwrap(), 1);
    for n in 0..40 {
        let record = Record::Report(ReportInput {
            department_id: None,
            request_id: None,
            event_id: None,
            title: format!("Entrega de despensas número {n}"),
            body: "Informe del área".into(),
            received_at: "2025-03-06T10:00".into(),
            status: ReportStatus::Received,
            channel: None,
            reason: String::new(),
        });
        store
            .execute(&Command::Create { id: None, record })
            .unwrap();
    }
    let scattered = store.pieces("reports_fts").unwrap();
    assert!(scattered >= 4, "{scattered} pieces after 40 writes");
    let page = |store: &Store| {
        let query = Query {
            search: "entrega despensas".into(),
            ..Query::default()
        };
        let req = crate::domain::PageRequest {
            after: None,
            inclusive: false,
            forward: true,
            limit: 64,
        };
        let rows = store.reports_page(&query, &req).unwrap();
        let count = store
            .count(
                crate::domain::query::ListId::Reports,
                &query,
                "2025-03-06T10:00",
            )
            .unwrap();
        (rows.into_iter().map(|r| r.id).collect::<Vec<_>>(), count)
    };
    let before = page(&store);
    let ops: i64 = store
        .conn
        .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap();
    let mut steps = 0;
    while store.tidy_search(Upkeep::Step(64)).unwrap() {
        steps += 1;
        assert!(steps < 100, "upkeep never ends");
    }
    let stepped = store.pieces("reports_fts").unwrap();
    assert!(
        stepped < scattered / 2,
        "{scattered} pieces, then {stepped}"
    );
    assert_eq!(page(&store), before);
    store.tidy_search(Upkeep::Whole).unwrap();
    assert_eq!(store.pieces("reports_fts").unwrap(), 1);
    assert_eq!(page(&store), before);
    assert!(!store.tidy_search(Upkeep::Step(64)).unwrap());
    // Upkeep is not a change of any record: nothing to sync.
    let after: i64 = store
        .conn
        .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ops, after);
}

/// The departments' figures, on a file made by hand.
mod figures {
    use super::*;
    use crate::domain::figures::DepartmentFigures;
    use crate::store::testing::{delete, insert};
    use chrono::NaiveDate;

    fn text_value(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    fn department(store: &mut Store, id: &str, name: &str, sort: i64, active: bool) {
        let fields = [
            ("name", text_value(name)),
            (
                "short_name",
                text_value(&name.chars().take(3).collect::<String>()),
            ),
            ("sort", Value::Integer(sort)),
            ("active", Value::Integer(active as i64)),
        ];
        insert(store, "departments", id, &fields).unwrap();
    }

    fn request(store: &mut Store, id: &str, dep: &str, sent: &str, due: &str, status: &str) {
        let fields = [
            ("department_id", text_value(dep)),
            ("subject", text_value(id)),
            ("sent_on", text_value(sent)),
            ("due_on", text_value(due)),
            ("status", text_value(status)),
        ];
        insert(store, "requests", id, &fields).unwrap();
    }

    fn report(store: &mut Store, id: &str, dep: &str, request: Option<&str>, at: &str) {
        let request = request.map(text_value).unwrap_or(Value::Null);
        let fields = [
            ("department_id", text_value(dep)),
            ("request_id", request),
            ("title", text_value(id)),
            ("received_at", text_value(at)),
        ];
        insert(store, "reports", id, &fields).unwrap();
    }

    #[test]
    fn each_number_of_the_figures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.sqlite");
        let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 3, 6).unwrap();
        // Obras comes after DIF by its order, though not by name; Cultura is inactive and
        // quiet, Deporte inactive but with a report this month; Tránsito is deleted.
        department(&mut store, "obras", "Obras Públicas", 2, true);
        department(&mut store, "dif", "DIF Municipal", 1, true);
        department(&mut store, "cultura", "Cultura", 3, false);
        department(&mut store, "deporte", "Deporte", 4, false);
        department(&mut store, "transito", "Tránsito", 5, true);
        delete(&mut store, "departments", "transito").unwrap();

        // Obras: three requests answered in 2, 5 and 9 days (one of them twice: 5 and 20),
        // one pending and overdue, one pending due today, one pending with no due date, one
        // overdue but cancelled, one overdue but deleted.
        request(
            &mut store,
            "q1",
            "obras",
            "2025-01-06",
            "2025-01-10",
            "answered",
        );
        request(
            &mut store,
            "q2",
            "obras",
            "2025-02-03",
            "2025-02-07",
            "answered",
        );
        request(
            &mut store,
            "q3",
            "obras",
            "2025-03-01",
            "2025-03-04",
            "answered",
        );
        request(
            &mut store,
            "q4",
            "obras",
            "2025-02-24",
            "2025-03-05",
            "pending",
        );
        request(
            &mut store,
            "q5",
            "obras",
            "2025-03-03",
            "2025-03-06",
            "pending",
        );
        request(&mut store, "q6", "obras", "2025-03-03", "", "pending");
        request(
            &mut store,
            "q7",
            "obras",
            "2025-02-01",
            "2025-02-05",
            "cancelled",
        );
        request(
            &mut store,
            "q8",
            "obras",
            "2025-02-01",
            "2025-02-05",
            "pending",
        );
        delete(&mut store, "requests", "q8").unwrap();
        report(&mut store, "r1", "obras", Some("q1"), "2025-01-08T10:00");
        report(&mut store, "r2", "obras", Some("q2"), "2025-02-08T12:00");
        report(&mut store, "r3", "obras", Some("q2"), "2025-02-23T09:00");
        report(&mut store, "r4", "obras", Some("q3"), "2025-03-10T16:45");
        // Not this month: the last day of February, the first of April.
        report(&mut store, "r5", "obras", None, "2025-02-28T23:59");
        report(&mut store, "r6", "obras", None, "2025-04-01T00:00");
        // Deleted: not counted, not the latest.
        report(&mut store, "r7", "obras", None, "2025-03-20T09:00");
        delete(&mut store, "reports", "r7").unwrap();
        // A report dated before its request counts as 0 days.
        request(
            &mut store,
            "q9",
            "dif",
            "2025-03-02",
            "2025-03-03",
            "pending",
        );
        request(
            &mut store,
            "q10",
            "dif",
            "2025-03-02",
            "2025-03-09",
            "answered",
        );
        report(&mut store, "r8", "dif", Some("q10"), "2025-03-01T09:00");
        report(&mut store, "r9", "deporte", None, "2025-03-02T09:00");

        // A new file holds the usual departments already: only these are looked at.
        let ours = ["obras", "dif", "cultura", "deporte", "transito"];
        let rows: Vec<DepartmentFigures> = store
            .department_figures(today)
            .unwrap()
            .into_iter()
            .filter(|r| ours.contains(&r.id.as_str()))
            .collect();
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["dif", "obras", "deporte"]);

        let obras = &rows[1];
        assert_eq!(obras.name, "Obras Públicas");
        assert_eq!(obras.last_report.as_deref(), Some("2025-04-01T00:00"));
        assert_eq!(obras.this_month, 1, "r4 only");
        assert_eq!(obras.pending, 3, "q4, q5, q6");
        assert_eq!(obras.overdue, 1, "q4 only");
        // 2, 5, 20, 9 days: the median of four is the mean of 5 and 9.
        assert_eq!(obras.median_days, Some(7.0));

        let dif = &rows[0];
        assert_eq!(
            (dif.this_month, dif.pending, dif.overdue),
            (1, 1, 1),
            "{dif:?}"
        );
        assert_eq!(dif.median_days, Some(0.0));

        let deporte = &rows[2];
        assert!(!deporte.active);
        assert_eq!((deporte.this_month, deporte.overdue), (1, 0));
        assert_eq!(deporte.median_days, None);
        assert_eq!(deporte.last_report.as_deref(), Some("2025-03-02T09:00"));

        // One department alone reads the same; a quiet inactive one too; a deleted one not.
        assert_eq!(
            store.figures_for("obras", today).unwrap().as_ref(),
            Some(obras)
        );
        let cultura = store.figures_for("cultura", today).unwrap().unwrap();
        assert_eq!(
            (cultura.this_month, cultura.pending, cultura.last_report),
            (0, 0, None)
        );
        assert_eq!(store.figures_for("transito", today).unwrap(), None);

        // The next day, q5 is overdue too.
        let tomorrow = today.succ_opt().unwrap();
        let obras = store.figures_for("obras", tomorrow).unwrap().unwrap();
        assert_eq!(obras.overdue, 2);
    }
}
