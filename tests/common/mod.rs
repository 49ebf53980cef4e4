//! Shared test harness: the demo database generated once per test binary with a fixed
//! reference date, a fresh copy per test, an App with a fixed clock, keys, and rendering.
#![allow(dead_code)]
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::app::App;
use prensa::demo::{self, DemoOptions};
use prensa::store::{OpenOptions, Store};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The demo's "today" in every test: a Thursday.
pub fn reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 6).unwrap()
}

pub fn now() -> NaiveDateTime {
    reference().and_hms_opt(8, 30, 0).unwrap()
}

pub fn options() -> OpenOptions {
    OpenOptions {
        backup_dir: None,
        machine: Some("oficina".into()),
    }
}

/// The demo database, written once for the whole test binary.
fn master() -> &'static Path {
    static MASTER: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = MASTER.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("master.sqlite");
        let mut store = Store::open(&path, &options()).unwrap();
        demo::generate(
            &mut store,
            &DemoOptions::realistic(reference()),
            &mut |_, _| {},
        )
        .unwrap();
        (dir, path)
    });
    path
}

/// A fresh copy of the demo database, named demo.sqlite, in its own folder.
pub fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite");
    std::fs::copy(master(), &path).unwrap();
    (dir, path)
}

/// An App on a fresh copy of the demo, at the fixed time, in a terminal of the given size.
pub fn demo_app(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, path) = demo_copy();
    let store = Store::open(&path, &options()).unwrap();
    (dir, App::new(store, now(), (width, height)))
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn press(app: &mut App, code: KeyCode) {
    app.on_key(key(code));
}

pub fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The screen as text, one line per row.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| prensa::ui::draw(frame, app.screen()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// The screen as text, with the cells a search marks wrapped in ⟦ ⟧.
pub fn render_marked(app: &App, width: u16, height: u16) -> String {
    use ratatui::style::Modifier;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| prensa::ui::draw(frame, app.screen()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut inside = false;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let marked = cell.modifier.contains(Modifier::UNDERLINED)
                && cell.modifier.contains(Modifier::BOLD)
                && cell.fg == ratatui::style::Color::Yellow;
            if marked != inside {
                line.push(if marked { '⟦' } else { '⟧' });
                inside = marked;
            }
            line.push_str(cell.symbol());
        }
        if inside {
            line.push('⟧');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One value from the database behind the app (tests read the file directly).
pub fn sql_value(app: &App, sql: &str, params: &[&str]) -> Option<String> {
    let conn = rusqlite::Connection::open(app.store().path()).unwrap();
    conn.query_row(sql, rusqlite::params_from_iter(params), |r| {
        r.get::<_, Option<String>>(0)
    })
    .ok()
    .flatten()
}

/// The id of the live row of `table` whose `column` is `value`.
pub fn id_where(app: &App, table: &str, column: &str, value: &str) -> Option<String> {
    sql_value(
        app,
        &format!("SELECT id FROM {table} WHERE {column} = ?1 AND deleted_at IS NULL"),
        &[value],
    )
}

/// The schema version before the migration that keys ops by table and gives each file an
/// identity (the third: v1, v2, then it).
const BEFORE_IDENTITY: i64 = 2;

/// A file as the schema before the identity migration left it: no local identity record, the
/// ops index on (row id, column).
pub fn before_identity_migration(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS identity;
         DROP INDEX ops_by_field;
         CREATE INDEX ops_by_field ON ops(row_id, col);
         PRAGMA user_version = {BEFORE_IDENTITY};"
    ))
    .unwrap();
}

/// A store at `path` for the machine `machine`, its migration backups beside it.
pub fn open_as(path: &Path, machine: &str) -> Store {
    Store::open(
        path,
        &OpenOptions {
            backup_dir: Some(path.with_extension("respaldos")),
            machine: Some(machine.into()),
        },
    )
    .unwrap()
}

/// Syncs a store with `folder`, its work and backup folders beside its file.
pub fn sync_with(store: &mut Store, folder: &Path) -> prensa::sync::SyncReport {
    let place = store.path().with_extension("lugar");
    let opts = prensa::sync::SyncOptions {
        folder: folder.to_path_buf(),
        dry_run: false,
        work_dir: place.join("cache"),
        backup_dir: place.join("respaldos"),
        media_dir: None,
        now: now(),
    };
    prensa::sync::run(store, &opts, &mut |_, _, _| {}).unwrap()
}

/// What a user sees of a file: every replicated table but the audit log (its ids are new each
/// run), without the times of the ops, row by row as text.
pub fn content(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables = prensa::store::schema::replicated_tables(&conn).unwrap();
    let mut out = Vec::new();
    for (table, cols) in tables {
        if table == "audit" {
            continue;
        }
        let cols: Vec<String> = cols
            .into_iter()
            .filter(|c| c != "created_at" && c != "updated_at")
            .map(|c| format!("quote({c})"))
            .collect();
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY id",
            cols.join(" || '|' || ")
        );
        let mut stmt = conn.prepare(&sql).unwrap();
        for row in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
            out.push(format!("{table}|{}", row.unwrap()));
        }
    }
    out
}

/// Titles of the live events of a file, in order.
pub fn titles(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT title FROM events WHERE deleted_at IS NULL ORDER BY title")
        .unwrap();
    let rows = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<String>>>()
        .unwrap();
    rows
}

/// The screen at 80×24.
pub fn shown(app: &App) -> String {
    render(app, 80, 24)
}

/// Whether a form is the overlay on top.
pub fn top_is_form(app: &App) -> bool {
    matches!(
        app.screen().overlays.last(),
        Some(prensa::ui::overlay::Overlay::Form(_))
    )
}

/// The message of the last action: in the status bar, or (long) in a notice.
pub fn said(app: &App) -> String {
    match (&app.screen().message, app.screen().overlays.last()) {
        (Some(m), _) => m.text.clone(),
        (None, Some(prensa::ui::overlay::Overlay::Notice(n))) => n.lines.join(" "),
        _ => String::new(),
    }
}

/// One column of one row, deleted or not ("" when there is none).
pub fn value(app: &App, table: &str, id: &str, col: &str) -> String {
    sql_value(
        app,
        &format!("SELECT {col} FROM {table} WHERE id = ?1"),
        &[id],
    )
    .unwrap_or_default()
}

/// A number a query gives (-1 when it gives none).
pub fn count(app: &App, sql: &str, params: &[&str]) -> i64 {
    sql_value(app, &format!("SELECT CAST(({sql}) AS TEXT)"), params)
        .and_then(|n| n.parse().ok())
        .unwrap_or(-1)
}

/// An App on a fresh copy of the demo with the store's clock fixed at the same time as the
/// app's (what reads "today" in the store — a consent that holds, an approval — reads it).
pub fn demo_app_at_now(width: u16, height: u16) -> (tempfile::TempDir, App) {
    let (dir, path) = demo_copy();
    let mut store = Store::open(&path, &options()).unwrap();
    let ms = office_millis(now());
    store.set_wall_clock(move || ms);
    (dir, App::new(store, now(), (width, height)))
}

/// The instant the office calls `local` (the demo's office keeps Mexico City's time), as the
/// store's clock counts it.
pub fn office_millis(local: NaiveDateTime) -> u64 {
    local
        .and_local_timezone(chrono_tz::America::Mexico_City)
        .single()
        .unwrap()
        .timestamp_millis() as u64
}

/// Shows a record in its list, clearing the search and filters so that it is there.
pub fn reveal(app: &mut App, target: prensa::domain::edit::Target) {
    let key = app.store().place_of(&target).unwrap().unwrap();
    app.update(prensa::ui::Action::List(prensa::ui::ListCmd::Reveal(key)));
}

/// A new, empty database in its own folder: the folder, the file and the store.
pub fn new_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("prensa.sqlite");
    let store = Store::open(&db, &options()).unwrap();
    (dir, db, store)
}

/// Writes a file `name` (which may hold folders) under `dir`, its folders made; returns its
/// path.
pub fn put(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The real binary, with the platform folders inside `home`, in Spanish, and no input.
pub fn bin(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8")
        .stdin(std::process::Stdio::null());
    cmd
}

/// The id of the first preloaded department.
pub fn first_department(store: &Store) -> String {
    let (id, _) = store
        .names_of(prensa::domain::edit::RecordKind::Department)
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    id
}

/// A council session of `department` on 15 March 2023, 10:00 to 12:00, confirmed and public,
/// at the Palacio Municipal.
pub fn council_session(title: &str, department: &str) -> prensa::domain::edit::EventInput {
    use prensa::domain::status::{EventKind, EventStatus};
    prensa::domain::edit::EventInput {
        title: title.into(),
        starts_at: "2023-03-15T10:00".into(),
        ends_at: "2023-03-15T12:00".into(),
        place: "Palacio Municipal".into(),
        locality: String::new(),
        department_id: Some(department.to_owned()),
        campaign_id: None,
        status: EventStatus::Confirmed,
        public: true,
        notes: String::new(),
        all_day: false,
        kind: EventKind::Council,
        uid: String::new(),
    }
}

/// Creates a record in the store; returns its id.
pub fn create_record(store: &mut Store, record: prensa::domain::edit::Record) -> String {
    store
        .execute(&prensa::domain::edit::Command::Create { id: None, record })
        .unwrap()
        .target
        .id
}

/// Runs a command and checks that it succeeded (exit 0; its stderr is the failure's message).
#[track_caller]
pub fn run_ok(cmd: &mut std::process::Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The files under a folder, with their paths, whatever their depth.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(files_under(&path));
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Chromium, where it is installed: Debian's at /usr/bin/chromium, or one on the PATH.
fn chromium() -> Option<PathBuf> {
    let fixed = PathBuf::from("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Runs a command, killed if it takes longer than `secs`.
fn output_within(mut cmd: std::process::Command, secs: u64) -> std::process::Output {
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &id.to_string()])
                .status();
            panic!("chromium did not finish in {secs} s");
        }
    }
}

/// Opens the HTML page at `page` in headless Chromium (a window `width` pixels wide) with
/// `probe`, a script that puts what it finds, as JSON, in a `<pre id="resultado">` once the
/// page has loaded; returns that JSON. `None` (with a notice) where Chromium is not
/// installed, unless `PRENSA_CHROMIUM_TESTS=1` requires it.
pub fn in_chromium(page: &Path, probe: &str, width: u32) -> Option<serde_json::Value> {
    let Some(browser) = chromium() else {
        if std::env::var("PRENSA_CHROMIUM_TESTS").as_deref() == Ok("1") {
            panic!(
                "PRENSA_CHROMIUM_TESTS=1 but there is no chromium (/usr/bin/chromium or on PATH)"
            );
        }
        eprintln!("skipped: no chromium installed (set PRENSA_CHROMIUM_TESTS=1 to require it)");
        return None;
    };
    let html = std::fs::read_to_string(page).unwrap();
    let probed = html.replace("</body>", &format!("{probe}</body>"));
    assert_ne!(probed, html, "the page has a body to probe");
    let copy = page.with_file_name("comprobar.html");
    std::fs::write(&copy, probed).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(&browser);
    cmd.args([
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--virtual-time-budget=10000",
    ])
    .arg(format!("--window-size={width},900"))
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .arg("--dump-dom")
    .arg(format!("file://{}", copy.display()))
    .env("HOME", profile.path());
    let out = output_within(cmd, 120);
    let _ = std::fs::remove_file(&copy);
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"resultado\">").unwrap_or_else(|| {
        panic!(
            "no result in the page:\n{dom}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    }) + "<pre id=\"resultado\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    Some(serde_json::from_str(&json).unwrap())
}

/// What the app put on the clipboard since last asked.
pub fn copied(app: &mut App) -> Vec<String> {
    app.take_effects()
        .into_iter()
        .map(|e| match e {
            prensa::app::Effect::Clipboard(text) => text,
        })
        .collect()
}
