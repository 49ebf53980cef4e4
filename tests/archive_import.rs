//! Files into the archive (`prensa importar multimedia`): photos with and without EXIF, PNG,
//! video, a broken photo among good ones, the same file twice, an import undone, and the
//! real binary killed with SIGKILL while it copies (no partial file under a final name, a
//! database that opens whole, and the next run importing everything).
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Local, Utc};
use common::{
    bin, council_session, create_record, files_under, first_department, new_store, options, put,
    run_ok,
};
use prensa::domain::edit::{Command, Record, RecordKind};
use prensa::interop::archive::{prepare_files, Prepared};
use prensa::interop::media::samples;
use prensa::interop::{Outcome, Planned};
use prensa::store::Store;
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Sets a file's modified time, and returns it as the store keeps local times.
fn set_modified(path: &Path, unix: u64) -> String {
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(unix);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
    DateTime::<Local>::from(time)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// A council session on 15 March 2023, 10:00 to 12:00, of the first preloaded department.
fn council(store: &mut Store) -> (String, String) {
    let department = first_department(store);
    let session = council_session("Sesión de Cabildo", &department);
    (create_record(store, Record::Event(session)), department)
}

fn plan(store: &Store, paths: &[PathBuf]) -> Prepared {
    let gathered = prepare_files(&store.media_dir(), paths, &mut |_, _, _| {});
    store.plan_media(gathered).unwrap()
}

fn conn(db: &Path) -> Connection {
    Connection::open(db).unwrap()
}

fn count(db: &Path, sql: &str) -> i64 {
    conn(db).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// How many live rows `table` holds.
fn live(db: &Path, table: &str) -> i64 {
    count(
        db,
        &format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL"),
    )
}

/// What the store holds of one file, by its content.
#[derive(Debug)]
struct Row {
    kind: String,
    taken_at: String,
    date_source: String,
    width: Option<i64>,
    height: Option<i64>,
    thumbnail: Option<Vec<u8>>,
    archive_copy: Option<Vec<u8>>,
    stored_path: String,
    item_kind: String,
    item_title: String,
    occurred_at: String,
    event_id: Option<String>,
    place: String,
    department_id: Option<String>,
    files: i64,
}

impl Row {
    /// The media row's kind and its archive item's.
    fn kinds(&self) -> (&str, &str) {
        (&self.kind, &self.item_kind)
    }
}

fn row(db: &Path, bytes: &[u8]) -> Option<Row> {
    conn(db)
        .query_row(
            "SELECT m.kind, m.taken_at, m.date_source, m.width, m.height, m.thumbnail,
                    m.archive_copy, m.stored_path, a.kind, a.title, a.occurred_at,
                    a.event_id, a.department_id, a.files, a.place
             FROM media m JOIN archive_media l ON l.media_id = m.id AND l.deleted_at IS NULL
             JOIN archive_items a ON a.id = l.item_id AND a.deleted_at IS NULL
             WHERE m.sha256 = ?1 AND m.deleted_at IS NULL",
            [sha256(bytes)],
            |r| {
                Ok(Row {
                    kind: r.get(0)?,
                    taken_at: r.get(1)?,
                    date_source: r.get(2)?,
                    width: r.get(3)?,
                    height: r.get(4)?,
                    thumbnail: r.get(5)?,
                    archive_copy: r.get(6)?,
                    stored_path: r.get(7)?,
                    item_kind: r.get(8)?,
                    item_title: r.get(9)?,
                    occurred_at: r.get(10)?,
                    event_id: r.get(11)?,
                    department_id: r.get(12)?,
                    files: r.get(13)?,
                    place: r.get(14)?,
                })
            },
        )
        .optional()
        .unwrap()
}

/// The files of the media folder under a final name (not a copy under way).
fn stored_files(store_media: &Path) -> Vec<PathBuf> {
    files_under(store_media)
        .into_iter()
        .filter(|p| p.extension().is_none_or(|e| e != "tmp"))
        .collect()
}

/// The long edge of a JPEG, decoded.
fn long_edge(jpeg: &[u8]) -> u32 {
    let image = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).unwrap();
    image.width().max(image.height())
}

#[test]
fn photos_video_and_documents_come_in_with_their_dates_and_events() {
    let (dir, db, mut store) = new_store();
    let (event, department) = council(&mut store);
    let input = dir.path().join("entrega");
    let with_exif = samples::jpeg(2000, 1500, Some(("2023:03:15 10:42:07", 1))).unwrap();
    let plain = samples::jpeg(640, 480, None).unwrap();
    let png = samples::png(300, 200).unwrap();
    let broken = samples::truncated(&samples::jpeg(800, 600, None).unwrap());
    // 15 March 2023 16:00 UTC.
    let recorded = 1_678_896_000;
    let video = samples::mp4(samples::EPOCH_1904 + recorded, 0);
    let pdf = "%PDF-1.4\n% oficio de la Dirección de Obras\n"
        .as_bytes()
        .to_vec();
    put(&input, "IMG_0012.jpg", &with_exif);
    let b = put(&input, "sin fecha.jpg", &plain);
    put(&input, "logo.png", &png);
    put(&input, "cortada/IMG_0013.jpg", &broken);
    put(&input, "video/cabildo.mp4", &video);
    put(&input, "oficio.pdf", &pdf);
    let b_time = set_modified(&b, 1_700_000_000);
    let originals: Vec<(PathBuf, Vec<u8>)> = files_under(&input)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();

    let mut seen = Vec::new();
    let gathered = prepare_files(
        &store.media_dir(),
        std::slice::from_ref(&input),
        &mut |done, total, _| seen.push((done, total)),
    );
    assert_eq!(seen.first(), Some(&(0, 6)));
    assert_eq!(seen.last(), Some(&(6, 6)));
    assert_eq!(gathered.files.len(), 5);
    assert_eq!(gathered.problems.len(), 1, "{:?}", gathered.problems);
    let prepared = store.plan_media(gathered).unwrap();
    let counts = prepared.plan.counts();
    assert_eq!((counts.new, counts.unchanged, counts.skipped), (5, 0, 1));
    // The preview says the event of each photo and video, and why a file was left out.
    let preview = prepared.plan.preview(10).join("\n");
    assert!(
        preview.contains("IMG_0012.jpg · 15/03/2023 10:42 → Sesión de Cabildo"),
        "{preview}"
    );
    let skipped = prepared
        .plan
        .items
        .iter()
        .find(|i| matches!(i.outcome, Outcome::Skipped(_)))
        .unwrap();
    assert!(skipped.label.contains("IMG_0013.jpg"), "{skipped:?}");
    assert!(preview.contains("incompleto o dañado"), "{preview}");

    let (done, change) = prepared.write(&mut store).unwrap();
    assert_eq!(done.new, 5);
    assert!(!change.is_empty());

    // The photo with EXIF: its date, its event and department, its copies.
    let photo = row(&db, &with_exif).unwrap();
    assert_eq!(photo.kind, "photo");
    assert_eq!(photo.item_kind, "photos");
    assert_eq!(photo.taken_at, "2023-03-15T10:42");
    assert_eq!(photo.occurred_at, "2023-03-15T10:42");
    assert_eq!(photo.date_source, "exif");
    assert_eq!(photo.item_title, "Sesión de Cabildo · IMG_0012.jpg");
    assert_eq!(photo.event_id.as_deref(), Some(event.as_str()));
    // Where it was taken: its event's place.
    assert_eq!(photo.place, "Palacio Municipal");
    assert_eq!(photo.department_id.as_deref(), Some(department.as_str()));
    assert_eq!(photo.files, 1);
    assert_eq!((photo.width, photo.height), (Some(2000), Some(1500)));
    assert_eq!(long_edge(photo.archive_copy.as_deref().unwrap()), 1600);
    assert_eq!(long_edge(photo.thumbnail.as_deref().unwrap()), 320);
    // Without EXIF: the file's own time, and no event then.
    let photo = row(&db, &plain).unwrap();
    assert_eq!(
        (photo.taken_at.as_str(), photo.date_source.as_str()),
        (b_time.as_str(), "file")
    );
    assert_eq!(photo.item_title, "sin fecha.jpg");
    assert_eq!(photo.event_id, None);
    assert!(long_edge(photo.archive_copy.as_deref().unwrap()) <= 1600);
    assert!(long_edge(photo.thumbnail.as_deref().unwrap()) <= 320);
    let logo = row(&db, &png).unwrap();
    assert_eq!(logo.kinds(), ("photo", "photos"));
    assert_eq!(long_edge(logo.thumbnail.as_deref().unwrap()), 300);
    // The video: its recording time from the container, its original under its hash.
    let movie = row(&db, &video).unwrap();
    assert_eq!(movie.kinds(), ("video", "video"));
    let local = DateTime::<Utc>::from_timestamp(recorded as i64, 0)
        .unwrap()
        .with_timezone(&Local)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    assert_eq!(
        (movie.taken_at, movie.date_source.as_str()),
        (local, "container")
    );
    assert!(movie.thumbnail.is_none() && movie.archive_copy.is_none());
    let hash = sha256(&video);
    assert_eq!(
        movie.stored_path,
        format!("{}/{}.mp4", &hash[..2], &hash[2..])
    );
    let kept = store
        .media_dir()
        .join(&hash[..2])
        .join(format!("{}.mp4", &hash[2..]));
    assert_eq!(std::fs::read(kept).unwrap(), video);
    let doc = row(&db, &pdf).unwrap();
    assert_eq!(doc.kinds(), ("document", "document"));
    // The broken photo was not stored; every good original was, and none was changed.
    assert!(row(&db, &broken).is_none());
    assert_eq!(stored_files(&store.media_dir()).len(), 5);
    for (path, bytes) in &originals {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    assert!(store.verify_fold().unwrap().is_empty());
}

#[test]
fn webp_is_read_and_heic_is_kept_without_a_preview_and_said_so() {
    let (dir, db, mut store) = new_store();
    let webp = samples::webp(120, 80).unwrap();
    let heic = samples::heic();
    let a = put(dir.path(), "cartel.webp", &webp);
    let b = put(dir.path(), "IMG_0100.HEIC", &heic);
    let prepared = plan(&store, &[a, b]);
    assert_eq!(prepared.plan.counts().new, 2);
    let preview = prepared.plan.preview(10).join("\n");
    assert!(
        preview.contains("IMG_0100.HEIC") && preview.contains("HEIC"),
        "{preview}"
    );
    prepared.write(&mut store).unwrap();
    let photo = row(&db, &webp).unwrap();
    assert_eq!(photo.kinds(), ("photo", "photos"));
    assert_eq!(long_edge(photo.thumbnail.as_deref().unwrap()), 120);
    let photo = row(&db, &heic).unwrap();
    assert_eq!(photo.kinds(), ("photo", "photos"));
    assert!(photo.thumbnail.is_none() && photo.archive_copy.is_none());
    assert!(
        photo.stored_path.ends_with(".heic"),
        "{}",
        photo.stored_path
    );
}

#[test]
fn a_file_imported_twice_is_stored_once() {
    let (dir, db, mut store) = new_store();
    let photo = samples::jpeg(400, 300, Some(("2024:05:01 09:00:00", 1))).unwrap();
    let a = put(dir.path(), "uno/foto.jpg", &photo);
    let b = put(dir.path(), "dos/la misma foto.JPG", &photo);
    let prepared = plan(&store, &[a.clone(), b.clone()]);
    let c = prepared.plan.counts();
    assert_eq!((c.new, c.unchanged, c.skipped), (1, 1, 0));
    assert!(prepared
        .plan
        .notices
        .iter()
        .any(|n| n.contains("se guardan una vez")));
    prepared.write(&mut store).unwrap();
    assert_eq!(live(&db, "media"), 1);
    assert_eq!(live(&db, "archive_items"), 1);
    assert_eq!(stored_files(&store.media_dir()).len(), 1);
    // Again: it is in the archive, nothing is written.
    let again = plan(&store, &[a, b]);
    let c = again.plan.counts();
    assert_eq!((c.new, c.unchanged), (0, 2));
    assert!(again.plan.items[0].label.contains("ya está en el archivo"));
    let (done, change) = again.write(&mut store).unwrap();
    assert_eq!(done.new, 0);
    assert!(change.is_empty());
    assert_eq!(count(&db, "SELECT count(*) FROM media"), 1);
    assert_eq!(count(&db, "SELECT count(*) FROM archive_items"), 1);
    assert_eq!(stored_files(&store.media_dir()).len(), 1);
    // The folder that holds the database and its media folder: the copies are not read.
    let whole = plan(&store, &[dir.path().to_path_buf()]);
    assert_eq!(whole.plan.counts().unchanged, 2, "{:?}", whole.plan.items);
}

#[test]
fn an_import_is_undone_whole_and_can_be_made_again() {
    let (dir, db, mut store) = new_store();
    let a = put(dir.path(), "a.jpg", &samples::jpeg(64, 48, None).unwrap());
    let b = put(dir.path(), "b.png", &samples::png(32, 32).unwrap());
    let (done, change) = plan(&store, &[a.clone(), b.clone()])
        .write(&mut store)
        .unwrap();
    assert_eq!(done.new, 2);
    assert_eq!(live(&db, "archive_items"), 2);
    store.undo(&change).unwrap();
    for table in ["media", "archive_items", "archive_media"] {
        assert_eq!(live(&db, table), 0, "{table}");
    }
    // Undone, the files are not in the archive any more: imported again, they come back.
    let again = plan(&store, &[a, b]);
    assert_eq!(again.plan.counts().new, 2);
    again.write(&mut store).unwrap();
    assert_eq!(live(&db, "archive_items"), 2);
    assert!(store.verify_fold().unwrap().is_empty());
}

#[test]
fn a_cancelled_event_is_never_suggested() {
    let (dir, db, mut store) = new_store();
    let (event, _) = council(&mut store);
    store
        .execute(&Command::SetStatus {
            target: prensa::domain::edit::Target::new(RecordKind::Event, event),
            status: "cancelled".into(),
        })
        .unwrap();
    let photo = samples::jpeg(64, 48, Some(("2023:03:15 10:42:07", 1))).unwrap();
    let a = put(dir.path(), "IMG_0012.jpg", &photo);
    plan(&store, &[a]).write(&mut store).unwrap();
    let row = row(&db, &photo).unwrap();
    assert_eq!(row.event_id, None);
    assert_eq!(row.item_title, "IMG_0012.jpg");
}

#[test]
fn the_command_line_previews_asks_and_imports() {
    let (dir, db, store) = new_store();
    drop(store);
    let input = dir.path().join("fotos");
    put(&input, "a.jpg", &samples::jpeg(64, 48, None).unwrap());
    put(&input, "rota.jpg", b"\xff\xd8\xff no es una foto completa");
    // No terminal and no --si: the preview, nothing written, and how to confirm.
    let out = bin(dir.path())
        .args(["importar", "multimedia", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("Nuevos: 1") && stdout.contains("rota.jpg"),
        "{stdout}"
    );
    assert!(stderr.contains("--si"), "{stderr}");
    assert_eq!(count(&db, "SELECT count(*) FROM archive_items"), 0);
    // Nor is the photo's copy left in the media folder.
    let media = prensa::store::media_dir_of(&db);
    assert_eq!(stored_files(&media), Vec::<PathBuf>::new());
    // With --si: imported, the broken one listed with its reason.
    let out = run_ok(
        bin(dir.path())
            .args(["import", "media", "--si", "--formato", "json", "--db"])
            .arg(&db)
            .arg(&input),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["counts"]["new"], 1);
    assert_eq!(json["counts"]["skipped"], 1);
    assert_eq!(json["applied"], true);
    assert_eq!(count(&db, "SELECT count(*) FROM archive_items"), 1);
    // Again: all there already (exit 0); a folder of nothing readable: exit 1.
    let out = bin(dir.path())
        .args(["importar", "multimedia", "--si", "--db"])
        .arg(&db)
        .arg(input.join("a.jpg"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ya están en el archivo"));
    let out = bin(dir.path())
        .args(["importar", "multimedia", "--si", "--db"])
        .arg(&db)
        .arg(input.join("rota.jpg"))
        .arg(dir.path().join("no-existe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No se pudo leer ninguno"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Bytes that do not compress or repeat, quickly.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

#[cfg(unix)]
#[test]
fn an_import_killed_while_copying_leaves_no_partial_file_and_runs_again() {
    let (dir, db, store) = new_store();
    drop(store);
    let input = dir.path().join("oficios");
    for n in 0..40 {
        put(
            &input,
            &format!("oficio-{n:02}.pdf"),
            &[&b"%PDF-1.4\n"[..], &noise(n + 1, 4 << 20)].concat(),
        );
    }
    let media = prensa::store::media_dir_of(&db);
    let mut child = bin(dir.path())
        .args(["importar", "multimedia", "--si", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while files_under(&media).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the import never started copying"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        stored_files(&media).len() < 40,
        "the import ended before it was killed"
    );
    // Every file under a final name is whole: its content's hash is its name.
    for path in stored_files(&media) {
        let shard = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy();
        let stem = path.file_stem().unwrap().to_string_lossy();
        assert_eq!(
            sha256(&std::fs::read(&path).unwrap()),
            format!("{shard}{stem}"),
            "partial file {}",
            path.display()
        );
    }
    let store = Store::open(&db, &options()).unwrap();
    assert!(store.verify_fold().unwrap().is_empty());
    drop(store);
    run_ok(
        bin(dir.path())
            .args(["importar", "multimedia", "--si", "--db"])
            .arg(&db)
            .arg(&input),
    );
    assert_eq!(live(&db, "archive_items"), 40);
    assert_eq!(stored_files(&media).len(), 40);
    let store = Store::open(&db, &options()).unwrap();
    assert!(store.verify_fold().unwrap().is_empty());
}
