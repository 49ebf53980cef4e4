//! A replica identity belongs to one file on one machine: a copy of the file (another path,
//! another machine) takes a new identity and keeps its data; a file restored from an old backup
//! does not reuse clock values its identity already used; two files publishing under one
//! identity are named, and no change of either is lost.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{before_identity_migration, content, open_as as open, sync_with, titles};
use prensa::domain::ids::new_id;
use prensa::store::{OpenOptions, Store, Value};

/// The one way these tests write rows.
fn add_event(store: &mut Store, title: &str) {
    prensa::store::testing::insert(
        store,
        "events",
        &new_id(),
        &[("title", Value::Text(title.into()))],
    )
    .unwrap();
}

/// Ops whose (replica, clock) another op also has, with other content, across files: what
/// the union of their logs would silently drop.
fn clashing_ops(files: &[&Path]) -> usize {
    let mut seen: std::collections::BTreeMap<(String, i64), String> = Default::default();
    let mut clashes = 0;
    for file in files {
        let conn = rusqlite::Connection::open(file).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT r.id, o.hlc, o.tbl || o.row_id || o.col || quote(o.value)
                 FROM ops o JOIN replicas r ON r.n = o.replica",
            )
            .unwrap();
        for row in stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?)))
            .unwrap()
        {
            let (id, clock, body): (String, i64, String) = row.unwrap();
            match seen.get(&(id.clone(), clock)) {
                Some(other) if *other != body => clashes += 1,
                Some(_) => {}
                None => {
                    seen.insert((id, clock), body);
                }
            }
        }
    }
    clashes
}

struct Office {
    dir: tempfile::TempDir,
    folder: PathBuf,
}

impl Office {
    fn new() -> Office {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("carpeta");
        std::fs::create_dir_all(&folder).unwrap();
        Office { dir, folder }
    }

    fn path(&self, name: &str) -> PathBuf {
        let dir = self.dir.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("prensa.sqlite")
    }
}

#[test]
fn a_copied_database_takes_a_new_identity_and_both_reach_a_third() {
    let office = Office::new();
    let a_path = office.path("a");
    let mut a = open(&a_path, "oficina");
    add_event(&mut a, "Antes de copiar");
    sync_with(&mut a, &office.folder);
    let a_id = a.replica_id().to_owned();
    drop(a);

    // The file, copied by hand to another folder (a USB stick, another user's folder…).
    let b_path = office.path("b");
    std::fs::copy(&a_path, &b_path).unwrap();
    let mut b = open(&b_path, "oficina");
    assert_ne!(
        b.replica_id(),
        a_id,
        "the copy kept the original's identity"
    );
    assert_eq!(titles(&b_path), vec!["Antes de copiar".to_owned()]);
    let status = b.status().unwrap();
    assert_eq!(status.replica_name, "oficina");
    assert_eq!(
        status.replica_short,
        b.replica_id()[b.replica_id().len() - 8..]
    );
    // The original keeps its own.
    let mut a = open(&a_path, "oficina");
    assert_eq!(a.replica_id(), a_id);

    add_event(&mut a, "De la oficina");
    add_event(&mut b, "De la copia");
    sync_with(&mut a, &office.folder);
    sync_with(&mut b, &office.folder);
    let mut c = open(&office.path("c"), "casa");
    let report = sync_with(&mut c, &office.folder);
    assert!(report.skipped.is_empty(), "{report:?}");
    let all = vec![
        "Antes de copiar".to_owned(),
        "De la copia".to_owned(),
        "De la oficina".to_owned(),
    ];
    assert_eq!(titles(c.path()), all);
    sync_with(&mut a, &office.folder);
    assert_eq!(titles(&a_path), all);
    assert_eq!(clashing_ops(&[&a_path, &b_path, c.path()]), 0);
}

#[test]
fn another_machine_name_is_another_machine() {
    let office = Office::new();
    let path = office.path("a");
    let id = open(&path, "oficina").replica_id().to_owned();
    assert_eq!(open(&path, "oficina").replica_id(), id);
    let moved = open(&path, "portatil");
    assert_ne!(moved.replica_id(), id);
    assert_eq!(moved.status().unwrap().replica_name, "portatil");
    // The old identity stays, as a peer.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let peers: i64 = conn
        .query_row(
            "SELECT count(*) FROM replicas WHERE id = ?1 AND is_self = 0",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(peers, 1);
}

#[test]
fn a_file_from_before_adopts_where_it_is_then_notices_copies() {
    let office = Office::new();
    let path = office.path("a");
    let id = open(&path, "oficina").replica_id().to_owned();
    before_identity_migration(&path);
    let backups = office.dir.path().join("respaldos");
    let opts = OpenOptions {
        backup_dir: Some(backups),
        machine: Some("oficina".into()),
    };
    assert_eq!(Store::open(&path, &opts).unwrap().replica_id(), id);
    let copy = office.path("b");
    std::fs::copy(&path, &copy).unwrap();
    assert_ne!(Store::open(&copy, &opts).unwrap().replica_id(), id);
}

#[test]
fn a_database_restored_from_an_old_backup_reuses_no_clock_of_its_identity() {
    let office = Office::new();
    let path = office.path("a");
    let mut a = open(&path, "oficina");
    add_event(&mut a, "Uno");
    sync_with(&mut a, &office.folder);
    let id = a.replica_id().to_owned();
    let backup = office.dir.path().join("respaldo.sqlite");
    a.backup_to(&backup).unwrap();
    add_event(&mut a, "Dos, perdido con el disco");
    sync_with(&mut a, &office.folder);
    drop(a);

    // The disk fails; the backup is put back over the file; work goes on before a sync.
    std::fs::copy(&backup, &path).unwrap();
    let mut a = open(&path, "oficina");
    assert_eq!(
        a.replica_id(),
        id,
        "same file, same place: nothing to notice yet"
    );
    add_event(&mut a, "Tres, después de restaurar");
    let report = sync_with(&mut a, &office.folder);
    let change = report.identity.clone().expect("no new identity");
    assert_eq!(change.old, id);
    assert_ne!(a.replica_id(), id);
    assert!(
        report
            .summary(&office.folder)
            .join("\n")
            .contains("identidad nueva"),
        "{report:?}"
    );
    let all = vec![
        "Dos, perdido con el disco".to_owned(),
        "Tres, después de restaurar".to_owned(),
        "Uno".to_owned(),
    ];
    assert_eq!(titles(&path), all, "the lost changes came back");
    let mut c = open(&office.path("c"), "casa");
    sync_with(&mut c, &office.folder);
    assert_eq!(titles(c.path()), all);
    assert_eq!(clashing_ops(&[&path, c.path(), &backup]), 0);
    // And from now on, nothing more to notice.
    let again = sync_with(&mut a, &office.folder);
    assert!(again.identity.is_none(), "{again:?}");
}

/// The office's file, and a copy of it made as an older prensa would: no record of where its
/// identity belongs, and another machine's name. Both have written since.
fn office_and_old_copy(office: &Office) -> (Store, Store, String) {
    let a_path = office.path("a");
    let mut a = open(&a_path, "oficina");
    add_event(&mut a, "Común");
    sync_with(&mut a, &office.folder);
    let id = a.replica_id().to_owned();
    drop(a);
    let b_path = office.path("b");
    std::fs::copy(&a_path, &b_path).unwrap();
    before_identity_migration(&b_path);
    rusqlite::Connection::open(&b_path)
        .unwrap()
        .execute("UPDATE replicas SET name = 'casa' WHERE is_self = 1", [])
        .unwrap();
    let opts = OpenOptions {
        backup_dir: Some(office.dir.path().join("respaldos")),
        machine: Some("casa".into()),
    };
    let mut b = Store::open(&b_path, &opts).unwrap();
    assert_eq!(b.replica_id(), id, "an adopted copy shares the identity");
    let mut a = open(&a_path, "oficina");
    add_event(&mut b, "De la casa");
    add_event(&mut a, "De la oficina");
    (a, b, id)
}

fn assert_all_converge(stores: &mut [&mut Store], folder: &Path) {
    for _ in 0..2 {
        for store in stores.iter_mut() {
            sync_with(store, folder);
        }
    }
    let all = vec![
        "Común".to_owned(),
        "De la casa".to_owned(),
        "De la oficina".to_owned(),
    ];
    let paths: Vec<PathBuf> = stores.iter().map(|s| s.path().to_path_buf()).collect();
    for path in &paths {
        assert_eq!(titles(path), all, "{}", path.display());
        assert_eq!(content(path), content(&paths[0]), "{}", path.display());
    }
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    assert_eq!(clashing_ops(&refs), 0);
}

#[test]
fn a_copy_that_meets_its_original_in_the_folder_takes_a_new_identity() {
    let office = Office::new();
    let (mut a, mut b, id) = office_and_old_copy(&office);
    let report = sync_with(&mut b, &office.folder);
    let change = report.identity.clone().expect("the copy was not noticed");
    assert_eq!(
        (change.machine.as_str(), change.old.as_str()),
        ("oficina", id.as_str())
    );
    assert!(
        change.file.to_string_lossy().contains("prensa-oficina-"),
        "{change:?}"
    );
    assert_ne!(b.replica_id(), id);
    assert_eq!(a.replica_id(), id);
    let mut c = open(&office.path("c"), "escuela");
    assert_all_converge(&mut [&mut a, &mut b, &mut c], &office.folder);
}

#[test]
fn two_files_already_publishing_under_one_identity_are_named_and_lose_nothing() {
    let office = Office::new();
    let (mut a, mut b, id) = office_and_old_copy(&office);
    // The copy published while the office's files were away (an older prensa would have
    // published anyway): the folder holds two publications under one identity.
    let away = office.dir.path().join("fuera");
    std::fs::rename(&office.folder, &away).unwrap();
    std::fs::create_dir_all(&office.folder).unwrap();
    sync_with(&mut b, &office.folder);
    for e in std::fs::read_dir(&away).unwrap().flatten() {
        std::fs::rename(e.path(), office.folder.join(e.file_name())).unwrap();
    }
    assert_eq!(b.replica_id(), id);

    // A third machine meets both: neither is merged, both are named.
    let mut c = open(&office.path("c"), "escuela");
    let report = sync_with(&mut c, &office.folder);
    assert_eq!(report.skipped.len(), 2, "{report:#?}");
    for skipped in &report.skipped {
        assert!(
            skipped.problem.contains("una misma identidad"),
            "{report:#?}"
        );
    }
    assert!(titles(c.path()).is_empty());

    // The office notices the copy publishing under its identity and takes a new one.
    let report = sync_with(&mut a, &office.folder);
    let change = report.identity.clone().expect("the copy was not noticed");
    assert_eq!(change.machine, "casa");
    assert!(
        change.file.to_string_lossy().contains("prensa-casa-"),
        "{change:?}"
    );
    assert_ne!(a.replica_id(), id);
    assert_all_converge(&mut [&mut c, &mut b, &mut a], &office.folder);
}

#[test]
fn a_review_of_a_copy_changes_nothing_in_it() {
    let office = Office::new();
    let a_path = office.path("a");
    let mut a = open(&a_path, "oficina");
    add_event(&mut a, "Uno");
    drop(a);
    let copy = office.path("b");
    std::fs::copy(&a_path, &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let home = office.dir.path().join("home");
    let out = Command::new(env!("CARGO_BIN_EXE_prensa"))
        .args(["sincronizar", "--revisar", "--db"])
        .arg(&copy)
        .arg(&office.folder)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("no se escribió nada"));
    assert_eq!(std::fs::read(&copy).unwrap(), before, "the review wrote");
    assert!(std::fs::read_dir(&office.folder).unwrap().next().is_none());
}
