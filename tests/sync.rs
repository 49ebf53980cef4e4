//! Sync through a folder: office and home databases and a "stick" between them.
mod common;

use std::path::{Path, PathBuf};

use common::*;
use prensa::domain::ids::new_id;
use prensa::store::{testing, OpenOptions, Store, Value};
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
    testing::insert(
        store,
        "events",
        &id,
        &[
            ("title", Value::Text(title.into())),
            ("starts_at", Value::Text("2025-03-06T10:00".into())),
        ],
    )
    .unwrap();
    id
}

fn set(store: &mut Store, table: &str, id: &str, col: &str, value: &str) {
    testing::update(store, table, id, &[(col, Value::Text(value.into()))]).unwrap();
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
    testing::delete(&mut a, "events", &id).unwrap();
    testing::delete(&mut b, "events", &id).unwrap();
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

/// The office and a school publish; the office's snapshot on the stick is then damaged in
/// `damage`, optionally with the manifest rewritten to match. Home's sync takes the school's
/// changes, skips the office's naming the file and the machine, and leaves the office's files
/// as they were.
fn assert_refused(damage: impl Fn(&Path), rewrite_manifest: bool, expected: &str) {
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let school_place = Place::new();
    let stick = stick_place.dir.path();
    // The school publishes first, so its files hold none of the office's changes.
    let mut school = open(&school_place, "escuela");
    event(&mut school, "Festival escolar");
    sync_with(&mut school, &school_place, stick);
    let mut office = open(&office_place, "oficina");
    for i in 0..30 {
        event(&mut office, &format!("Evento {i}"));
    }
    sync_with(&mut office, &office_place, stick);
    let manifest_path = stick.join(format!(
        "{}.json",
        prensa::sync::folder::base_name("oficina", office.replica_id())
    ));
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let snapshot = stick.join(manifest["files"][0]["name"].as_str().unwrap());
    damage(&snapshot);
    if rewrite_manifest {
        let (hash, size) = prensa::sync::folder::hash_file(&snapshot).unwrap();
        manifest["files"][0]["sha256"] = hash.into();
        manifest["files"][0]["size"] = size.into();
        std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    }
    let office_files = (
        std::fs::read(&snapshot).unwrap(),
        std::fs::read(&manifest_path).unwrap(),
    );
    let mut home = open(&home_place, "casa");
    let report = try_sync(&mut home, &home_place, stick, false).unwrap();
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    let skipped = &report.skipped[0];
    assert_eq!(skipped.file, snapshot);
    assert_eq!(skipped.machine, "oficina");
    assert!(skipped.problem.contains(expected), "{}", skipped.problem);
    assert!(skipped.problem.contains("oficina"), "{}", skipped.problem);
    assert!(
        !skipped.problem.contains("Intente de nuevo en un momento"),
        "{}",
        skipped.problem
    );
    assert_eq!(titles(home.path()), vec!["Festival escolar".to_owned()]);
    let summary = report.summary(stick).join("\n");
    assert!(summary.contains("omitidos: 1"), "{summary}");
    assert!(summary.contains(&skipped.problem), "{summary}");
    assert_eq!(
        (
            std::fs::read(&snapshot).unwrap(),
            std::fs::read(&manifest_path).unwrap()
        ),
        office_files,
        "the office's files were touched"
    );
}

fn truncate_at(len: u64) -> impl Fn(&Path) {
    move |p| {
        let f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
        f.set_len(len).unwrap();
    }
}

#[test]
fn truncated_copies_are_refused() {
    for (len, rewrite) in [
        (0, false),
        (100, false),
        (4096, false),
        (5000, false),
        (0, true),
        (100, true),
        (4096, true),
        (5000, true),
    ] {
        let expected = if rewrite {
            "se rechazó"
        } else {
            "no coincide con su manifiesto"
        };
        assert_refused(truncate_at(len), rewrite, expected);
    }
}

#[test]
fn bit_flips_are_refused() {
    let mut seed = 0x5eed_u64;
    for _ in 0..8 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let at = seed;
        assert_refused(
            move |p| {
                let mut bytes = std::fs::read(p).unwrap();
                let i = (at % bytes.len() as u64) as usize;
                bytes[i] ^= 1 << (at % 8);
                std::fs::write(p, bytes).unwrap();
            },
            false,
            "no coincide con su manifiesto",
        );
    }
}

#[test]
fn a_corrupt_page_with_a_matching_manifest_is_refused() {
    // Overwrite the second page (the schema's tables) with noise: quick_check must catch it.
    assert_refused(
        |p| {
            let mut bytes = std::fs::read(p).unwrap();
            for b in &mut bytes[4096..8192] {
                *b = 0xA5;
            }
            std::fs::write(p, bytes).unwrap();
        },
        true,
        "se rechazó",
    );
}

#[test]
fn a_file_that_is_not_prensa_or_is_newer_is_refused() {
    assert_refused(
        |p| {
            std::fs::remove_file(p).unwrap();
            let c = rusqlite::Connection::open(p).unwrap();
            c.execute_batch("CREATE TABLE ops (x); CREATE TABLE replicas (y);")
                .unwrap();
        },
        true,
        "no es un archivo de prensa",
    );
    assert_refused(
        |p| {
            let c = rusqlite::Connection::open(p).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        },
        true,
        "versión más reciente",
    );
}

#[test]
fn an_unreadable_manifest_is_skipped_and_named() {
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    event(&mut office, "Uno");
    sync_with(&mut office, &office_place, stick);
    let manifest = stick.join(format!(
        "{}.json",
        prensa::sync::folder::base_name("oficina", office.replica_id())
    ));
    std::fs::write(&manifest, b"{ no es un manifiesto").unwrap();
    let mut home = open(&home_place, "casa");
    let before = content(&home);
    let report = try_sync(&mut home, &home_place, stick, false).unwrap();
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert_eq!(report.skipped[0].file, manifest);
    assert!(
        report.skipped[0]
            .problem
            .contains("No se puede leer el manifiesto"),
        "{report:?}"
    );
    assert_eq!(content(&home), before);
    assert_eq!(
        std::fs::read(&manifest).unwrap(),
        b"{ no es un manifiesto",
        "another machine's manifest was touched"
    );
}

#[test]
fn one_bad_machine_does_not_stop_the_others() {
    let stick_place = Place::new();
    let stick = stick_place.dir.path();
    let mut good = Vec::new();
    for name in ["escuela", "dif"] {
        let place = Place::new();
        let mut store = open(&place, name);
        event(&mut store, &format!("Evento de {name}"));
        sync_with(&mut store, &place, stick);
        good.push((place, store));
    }
    let mut bad = Vec::new();
    for name in ["sinfoto", "basura", "ajena"] {
        let place = Place::new();
        let mut store = open(&place, name);
        event(&mut store, &format!("Evento de {name}"));
        sync_with(&mut store, &place, stick);
        let base = prensa::sync::folder::base_name(name, store.replica_id());
        bad.push((place, store, base));
    }
    // A missing snapshot, a garbage manifest, a file that is some other program's database.
    let snapshot_of = |base: &str| {
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(stick.join(format!("{base}.json"))).unwrap())
                .unwrap();
        stick.join(manifest["files"][0]["name"].as_str().unwrap())
    };
    let missing = snapshot_of(&bad[0].2);
    std::fs::remove_file(&missing).unwrap();
    let garbage = stick.join(format!("{}.json", bad[1].2));
    std::fs::write(&garbage, b"\x00\x01basura").unwrap();
    let foreign = snapshot_of(&bad[2].2);
    std::fs::remove_file(&foreign).unwrap();
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE notas (texto TEXT);").unwrap();
    }
    let manifest_path = stick.join(format!("{}.json", bad[2].2));
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let (hash, size) = prensa::sync::folder::hash_file(&foreign).unwrap();
    manifest["files"][0]["sha256"] = hash.into();
    manifest["files"][0]["size"] = size.into();
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();

    let home_place = Place::new();
    let mut home = open(&home_place, "casa");
    event(&mut home, "Evento de casa");
    let report = try_sync(&mut home, &home_place, stick, false).unwrap();
    assert_eq!(
        titles(home.path()),
        vec![
            "Evento de casa".to_owned(),
            "Evento de dif".to_owned(),
            "Evento de escuela".to_owned()
        ]
    );
    let mut named: Vec<(PathBuf, String)> = report
        .skipped
        .iter()
        .map(|s| (s.file.clone(), s.machine.clone()))
        .collect();
    named.sort();
    let mut expected = vec![
        (missing.clone(), "sinfoto".to_owned()),
        (garbage.clone(), String::new()),
        (foreign.clone(), "ajena".to_owned()),
    ];
    expected.sort();
    assert_eq!(named, expected, "{report:#?}");
    for s in &report.skipped {
        assert!(
            !s.problem.contains("Intente de nuevo en un momento"),
            "{}",
            s.problem
        );
        assert!(
            s.problem.contains(&s.file.display().to_string()),
            "{}",
            s.problem
        );
    }
    // Home published anyway: the good machines receive it.
    let (place, store) = &mut good[0];
    sync_with(store, place, stick);
    assert!(titles(store.path()).contains(&"Evento de casa".to_owned()));
    // JSON carries the same list.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["skipped"].as_array().unwrap().len(), 3);
    assert!(json["skipped"][0]["problem"].as_str().unwrap().len() > 20);
}

#[cfg(unix)]
#[test]
fn a_read_only_destination_leaves_the_local_database_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    if rustix_is_root() {
        eprintln!("skipped: root ignores folder permissions");
        return;
    }
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    event(&mut office, "Uno");
    sync_with(&mut office, &office_place, stick);
    std::fs::set_permissions(stick, std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut home = open(&home_place, "casa");
    let before = std::fs::read(home.path()).unwrap();
    let err = try_sync(&mut home, &home_place, stick, false)
        .unwrap_err()
        .to_string();
    std::fs::set_permissions(stick, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(err.contains("No se pudo escribir"), "{err}");
    assert_eq!(std::fs::read(home.path()).unwrap(), before);
}

#[cfg(unix)]
fn rustix_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false)
}

#[test]
fn a_destination_that_fails_mid_publish_rolls_the_merge_back() {
    // The publish of the delta happens inside the merge's transaction: make it fail by putting
    // a folder where the delta's temporary file must go.
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    event(&mut office, "Uno");
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    sync_with(&mut home, &home_place, stick);
    event(&mut office, "Dos");
    sync_with(&mut office, &office_place, stick);
    event(&mut home, "Tres");
    let base = prensa::sync::folder::base_name("casa", home.replica_id());
    let blockers: Vec<PathBuf> = (1..10)
        .map(|n| stick.join(format!("{base}.d{n:06}.sqlite.tmp")))
        .collect();
    for b in &blockers {
        std::fs::create_dir_all(b.join("x")).unwrap();
    }
    let before = content(&home);
    let err = try_sync(&mut home, &home_place, stick, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("No se pudo escribir"), "{err}");
    assert_eq!(content(&home), before, "the merge was not rolled back");
    for b in &blockers {
        std::fs::remove_dir_all(b).unwrap();
    }
    let report = sync_with(&mut home, &home_place, stick);
    assert!(report.received > 0 && report.sent > 0);
}

#[test]
fn a_clock_far_ahead_is_skipped_and_does_not_move_this_clock() {
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let ahead = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
        + 3 * 24 * 3_600_000;
    office.set_wall_clock(move || ahead);
    event(&mut office, "Desde el futuro");
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    let clock = home.clock();
    let before = content(&home);
    let report = try_sync(&mut home, &home_place, stick, false).unwrap();
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    let problem = &report.skipped[0].problem;
    assert!(
        problem.contains("está adelantado unas 7") && problem.contains("oficina"),
        "{problem}"
    );
    assert_eq!(report.received, 0);
    assert_eq!(home.clock(), clock);
    assert_eq!(content(&home), before);
}

#[test]
fn two_press_releases_with_one_folio_meet_in_conflicts() {
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let mut home = open(&home_place, "casa");
    let release = |store: &mut Store, title: &str| {
        let id = new_id();
        testing::insert(
            store,
            "drafts",
            &id,
            &[
                ("title", Value::Text(title.into())),
                ("kind", Value::Text("release".into())),
                ("folio", Value::Text("CS/045/2025".into())),
                ("folio_year", Value::Integer(2025)),
                ("folio_number", Value::Integer(45)),
            ],
        )
        .unwrap();
        id
    };
    release(&mut office, "Boletín de la oficina");
    let later = release(&mut home, "Boletín de casa");
    sync_with(&mut office, &office_place, stick);
    let report = sync_with(&mut home, &home_place, stick);
    assert_eq!(report.conflicts, 1);
    sync_with(&mut office, &office_place, stick);
    let conflicts = open_conflicts(&office);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].0.as_str(), conflicts[0].1.as_str()),
        (later.as_str(), "folio")
    );
    // Resolving renumbers the later one with the next free folio of the year.
    let id: String = rusqlite::Connection::open(office.path())
        .unwrap()
        .query_row("SELECT id FROM conflicts", [], |r| r.get(0))
        .unwrap();
    office
        .resolve_conflict(&id, prensa::store::Resolution::TakeLost)
        .unwrap();
    assert_eq!(get(&office, "drafts", &later, "folio"), "CS/046/2025");
    sync_with(&mut office, &office_place, stick);
    sync_with(&mut home, &home_place, stick);
    assert_eq!(content(&home), content(&office));
    assert!(open_conflicts(&home).is_empty());
}

fn screen(app: &prensa::app::App) -> String {
    render(app, 100, 30)
}

#[test]
fn the_console_syncs_with_s_and_settles_conflicts_on_the_conflictos_screen() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let cabildo = event(&mut office, "Sesión de Cabildo");
    let informe = event(&mut office, "Informe de gobierno");
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    sync_with(&mut home, &home_place, stick);
    set(
        &mut office,
        "events",
        &cabildo,
        "title",
        "Sesión ordinaria de Cabildo",
    );
    set(
        &mut office,
        "events",
        &informe,
        "place",
        "Auditorio municipal",
    );
    sync_with(&mut office, &office_place, stick);
    set(
        &mut home,
        "events",
        &cabildo,
        "title",
        "Sesión extraordinaria de Cabildo",
    );
    set(&mut home, "events", &informe, "place", "Plaza principal");

    // At home, in the console: `s` syncs with the remembered folder. Its backups and local
    // copies go to the platform's folders: here, the test's own.
    std::env::set_var("XDG_DATA_HOME", home_place.path("data"));
    std::env::set_var("XDG_CACHE_HOME", home_place.path("cache"));
    let mut app = prensa::app::App::new(home, now(), (100, 30));
    app.set_sync_folder(Some(stick.to_path_buf()));
    type_keys(&mut app, "s");
    app.poll_job(true);
    let summary = screen(&app);
    assert!(
        summary.contains("Sincronización terminada") && summary.contains("conflictos nuevos: 2"),
        "{summary}"
    );
    assert!(summary.contains("Conflictos: 2"), "{summary}");
    press(&mut app, KeyCode::Esc);

    // `c` opens Conflictos: both values side by side.
    type_keys(&mut app, "c");
    let conflicts = screen(&app);
    assert!(conflicts.contains("Conflictos (2)"), "{conflicts}");
    assert!(
        conflicts.contains("Valor actual") && conflicts.contains("De oficina"),
        "{conflicts}"
    );
    assert!(
        conflicts.contains("Sesión extraordinaria de Cabildo")
            && conflicts.contains("Sesión ordinaria de Cabildo"),
        "{conflicts}"
    );

    // 2 takes the other machine's title.
    type_keys(&mut app, "2");
    assert_eq!(
        get(app.store(), "events", &cabildo, "title"),
        "Sesión ordinaria de Cabildo"
    );
    // e writes a mix for the place; typed text is text, not commands.
    type_keys(&mut app, "e");
    app.on_key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
    type_keys(&mut app, " (o Plaza si llueve) q1");
    app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(
        get(app.store(), "events", &informe, "place"),
        "Plaza principal (o Plaza si llueve) q1"
    );
    assert!(screen(&app).contains("No hay conflictos pendientes"));
    assert_eq!(app.store().count_open_conflicts().unwrap(), 0);
    assert!(!app.should_quit());
}

#[test]
fn a_delete_wins_over_older_edits_but_not_newer_ones() {
    let (a_place, b_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut a = open(&a_place, "a");
    let mut b = open(&b_place, "b");
    let older_edit = event(&mut a, "Uno");
    let newer_edit = event(&mut a, "Dos");
    sync_with(&mut a, &a_place, stick);
    sync_with(&mut b, &b_place, stick);
    // An edit before a concurrent delete: the delete wins.
    set(&mut b, "events", &older_edit, "title", "Uno editado");
    testing::delete(&mut a, "events", &older_edit).unwrap();
    // A delete before a concurrent edit: the edit brings the row back.
    testing::delete(&mut a, "events", &newer_edit).unwrap();
    set(&mut b, "events", &newer_edit, "title", "Dos editado");
    sync_with(&mut a, &a_place, stick);
    sync_with(&mut b, &b_place, stick);
    sync_with(&mut a, &a_place, stick);
    assert_eq!(content(&a), content(&b));
    let deleted = |s: &Store, id: &str| -> bool {
        rusqlite::Connection::open(s.path())
            .unwrap()
            .query_row(
                "SELECT deleted_at IS NOT NULL FROM events WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(deleted(&a, &older_edit));
    assert!(!deleted(&a, &newer_edit));
    assert_eq!(get(&a, "events", &newer_edit, "title"), "Dos editado");
}

#[test]
fn quitting_with_an_unsaved_mix_asks_first() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let id = event(&mut office, "Uno");
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    sync_with(&mut home, &home_place, stick);
    set(&mut office, "events", &id, "title", "Uno de la oficina");
    sync_with(&mut office, &office_place, stick);
    set(&mut home, "events", &id, "title", "Uno de la casa");
    sync_with(&mut home, &home_place, stick);

    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let mut app = prensa::app::App::new(home, now(), (100, 30));
    type_keys(&mut app, "ce");
    type_keys(&mut app, " y q");
    assert!(app.has_unsaved());
    app.on_key(ctrl_c);
    assert!(!app.should_quit());
    assert!(screen(&app).contains("Hay texto sin guardar"));
    type_keys(&mut app, "n");
    assert!(app.has_unsaved(), "the text is still there");
    app.on_key(ctrl_c);
    type_keys(&mut app, "s");
    assert!(app.should_quit());
    // Nothing was written by quitting.
    assert_eq!(get(app.store(), "events", &id, "title"), "Uno de la casa");
}

/// A piece published on one machine, then linked on two machines at once to records of two
/// departments: its publication's department is derived, so the merge puts no conflict about
/// it before anyone; the publication ends credited to one of the two.
#[test]
fn a_publication_department_derived_twice_at_once_is_no_conflict() {
    use prensa::domain::edit::{
        Command, DraftInput, PublicationInput, Record, RecordKind, ReportInput, Target,
    };
    use prensa::domain::ids::seed_id;
    use prensa::domain::status::{Channel, ReportStatus};
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let report = |department: &str| {
        Record::Report(ReportInput {
            department_id: Some(seed_id("department", department)),
            request_id: None,
            event_id: None,
            title: format!("Reporte de {department}"),
            body: String::new(),
            received_at: "2025-03-05T10:00".into(),
            status: ReportStatus::Received,
            channel: None,
            reason: String::new(),
        })
    };
    let obras = create_record(&mut office, report("obras"));
    let salud = create_record(&mut office, report("salud"));
    let draft = create_record(
        &mut office,
        Record::Draft(DraftInput::new("Bacheo", "Texto", "2025-03-05T11:00")),
    );
    let publication = create_record(
        &mut office,
        Record::Publication(PublicationInput {
            draft_id: draft.clone(),
            channel: Channel::Facebook,
            published_at: "2025-03-05T12:00".into(),
            url: String::new(),
        }),
    );
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    sync_with(&mut home, &home_place, stick);

    let link = |store: &mut Store, report: &str| {
        let Record::Draft(mut piece) = store
            .record(&Target::new(RecordKind::Draft, draft.clone()))
            .unwrap()
        else {
            unreachable!()
        };
        piece.report_id = Some(report.to_owned());
        store
            .execute(&Command::Update {
                id: draft.clone(),
                record: Record::Draft(piece),
            })
            .unwrap();
    };
    link(&mut office, &obras);
    link(&mut home, &salud);
    assert_eq!(
        get(&office, "publications", &publication, "department_id"),
        seed_id("department", "obras")
    );
    sync_with(&mut office, &office_place, stick);
    sync_with(&mut home, &home_place, stick);
    sync_with(&mut office, &office_place, stick);
    assert_eq!(content(&home), content(&office), "not converged");
    let conflicts = open_conflicts(&office);
    assert!(
        conflicts.iter().all(|(_, col, _)| col != "department_id"),
        "{conflicts:?}"
    );
    // The piece's own link is a conflict a person decides, as any field edited twice.
    assert!(conflicts
        .iter()
        .any(|(id, col, _)| *id == draft && col == "report_id"));
}

/// A citizen's question answered with the same reply on two machines at once, an hour apart:
/// when it was answered is the store's to say (derived from the move to answered), so the merge
/// puts no conflict about it before anyone; the reply itself agrees, so there is none at all.
#[test]
fn a_question_answered_on_two_machines_at_once_is_no_conflict() {
    use prensa::domain::edit::{Command, QuestionInput, Record, RecordKind, Target};
    use prensa::domain::status::{Channel, QuestionStatus};
    let (office_place, home_place, stick_place) = (Place::new(), Place::new(), Place::new());
    let stick = stick_place.dir.path();
    let mut office = open(&office_place, "oficina");
    let question = create_record(
        &mut office,
        Record::Question(QuestionInput {
            channel: Channel::Facebook,
            asked_at: "2025-03-05T18:30".into(),
            question: "¿Dónde se paga el predial?".into(),
            topic: "Predial".into(),
            department_id: None,
            status: QuestionStatus::Open,
            answer_id: None,
            response: String::new(),
            answered_at: String::new(),
        }),
    );
    sync_with(&mut office, &office_place, stick);
    let mut home = open(&home_place, "casa");
    sync_with(&mut home, &home_place, stick);

    let answer = |store: &mut Store, at: &str| {
        let Record::Question(mut q) = store
            .record(&Target::new(RecordKind::Question, question.clone()))
            .unwrap()
        else {
            unreachable!()
        };
        q.status = QuestionStatus::Answered;
        q.response = "En la Tesorería Municipal, de 8:00 a 15:00.".into();
        q.answered_at = at.into();
        store
            .execute(&Command::Update {
                id: question.clone(),
                record: Record::Question(q),
            })
            .unwrap();
    };
    answer(&mut office, "2025-03-06T09:00");
    answer(&mut home, "2025-03-06T10:00");
    sync_with(&mut office, &office_place, stick);
    sync_with(&mut home, &home_place, stick);
    sync_with(&mut office, &office_place, stick);
    assert_eq!(content(&home), content(&office), "not converged");
    let conflicts = open_conflicts(&office);
    assert!(
        conflicts.iter().all(|(id, _, _)| *id != question),
        "{conflicts:?}"
    );
    assert_eq!(get(&office, "questions", &question, "status"), "answered");
}
