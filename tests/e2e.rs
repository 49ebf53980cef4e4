//! The real binary in a pseudo-terminal, read as a user reads it: `prensa --demo` shows Hoy,
//! `?` shows the keys in Spanish, `q` closes the help and `q` quits, leaving the terminal as it
//! was and no temporary database behind.
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(home: &std::path::Path, args: &[&str]) -> Session {
        Session::start_with(home, args, "xterm-256color")
    }

    fn start_with(home: &std::path::Path, args: &[&str], term: &str) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prensa"));
        cmd.args(args);
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("LANG", "es_MX.UTF-8");
        cmd.env("TERM", term);
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (sink, bytes) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                bytes.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // The master must live as long as the session; leak it into the reader's lifetime.
        std::mem::forget(pty.master);
        Session {
            screen,
            raw,
            writer,
            child,
        }
    }

    /// Waits for the program to end; its exit status.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "prensa did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The terminal is as it was: the alternate screen left, the cursor shown, no bracketed
    /// paste left on.
    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "the alternate screen was left"
        );
        assert!(!parser.screen().hide_cursor(), "the cursor was left hidden");
        drop(parser);
        let raw = self.raw.lock().unwrap();
        let on = find_last(&raw, b"\x1b[?2004h");
        let off = find_last(&raw, b"\x1b[?2004l");
        assert!(on.is_none() || off > on, "bracketed paste left on");
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

#[test]
fn demo_opens_on_hoy_shows_help_and_quits_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &["--demo"]);
    let hoy = s.wait_for("AGENDA DE HOY");
    assert!(hoy.contains("1 Hoy") && hoy.contains("6 Archivo"), "{hoy}");
    assert!(hoy.contains("Sin sincronizar"), "{hoy}");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());

    s.send("?");
    let help = s.wait_for("Ayuda: teclas");
    assert!(
        help.contains("Pestaña siguiente") && help.contains("Salir"),
        "{help}"
    );

    s.send("q");
    s.wait_for("REPORTES POR REVISAR");
    s.send("q");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "prensa did not exit:\n{}",
            s.text()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(200));
    let parser = s.screen.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
    assert!(!parser.screen().hide_cursor(), "the cursor was left hidden");
    drop(parser);
    let cache = home.path().join("cache");
    let leftovers: Vec<_> = walk(&cache)
        .into_iter()
        .filter(|p| p.contains("demo-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary demo left behind: {leftovers:?}"
    );
}

#[test]
fn a_refused_file_never_touches_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("x.db");
    std::fs::write(&bad, "no soy prensa").unwrap();
    let mut s = Session::start(home.path(), &["--db", bad.to_str().unwrap()]);
    let text = s.wait_for("no es una base de datos de prensa");
    assert!(
        !s.screen.lock().unwrap().screen().alternate_screen(),
        "{text}"
    );
    let status = s.child.wait().unwrap();
    assert_eq!(status.exit_code(), 1);
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A demo database written by the binary itself, in the test's home.
fn demo_db(home: &std::path::Path) -> std::path::PathBuf {
    let db = home.join("oficina.sqlite");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_prensa"))
        .args(["demo", "--db"])
        .arg(&db)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    db
}

#[test]
fn an_event_is_created_found_without_accents_undone_and_the_console_quits() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_db(home.path());
    let mut s = Session::start(home.path(), &["--db", db.to_str().unwrap()]);
    s.wait_for("AGENDA DE HOY");
    // The Agenda opens on Día; `[` goes round to Lista, where `/` searches.
    s.send("2[");
    s.wait_for("Evento");
    s.send("n");
    s.wait_for("Nuevo evento");
    s.send("Reunión con comités de agua");
    s.send("\x13"); // Ctrl+S
    s.wait_for("Guardado: evento «Reunión con comités de agua»");
    s.send("/");
    s.send("reunion comites");
    let found = s.wait_for("1 resultado");
    assert!(found.contains("Reunión con comités de agua"), "{found}");
    s.send("\r"); // keep the search, back to the list
    s.send("u");
    s.wait_for("Deshecho: crear evento «Reunión con comités de agua»");
    s.wait_for("sin resultados");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let live: i64 = conn
        .query_row(
            "SELECT count(*) FROM events WHERE title = 'Reunión con comités de agua' AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live, 0, "undone");
}

#[test]
fn ctrl_c_quits_even_after_an_unfinished_escape_sequence() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_db(home.path());
    let mut s = Session::start(home.path(), &["--db", db.to_str().unwrap()]);
    s.wait_for("AGENDA DE HOY");
    // The bytes of a terminal command typed as input: crossterm waits for its end forever.
    s.send("\x1b[?1049h");
    std::thread::sleep(Duration::from_millis(300));
    s.send("3q");
    std::thread::sleep(Duration::from_millis(300));
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success() || status.exit_code() == 130, "{status:?}");
    s.assert_restored();
}

#[test]
fn a_draft_killed_while_being_written_keeps_what_was_saved_as_typing_paused() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_db(home.path());
    let mut s = Session::start(home.path(), &["--db", db.to_str().unwrap()]);
    s.wait_for("AGENDA DE HOY");
    s.send("4n");
    s.wait_for("Nuevo borrador");
    s.send("Jornada de salud en Tamápatz");
    s.send("\t\t");
    s.send("Consultas, vacunas y pláticas para niñas y niños 🙂");
    // Typing pauses: the console saves by itself, and says so.
    s.wait_for("Guardado automático");
    // Killed at once, with no chance to restore anything (a power cut, a lost session).
    let pid = s.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    s.wait_exit();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let body: String = conn
        .query_row(
            "SELECT body FROM drafts WHERE title = 'Jornada de salud en Tamápatz'
             AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(body, "Consultas, vacunas y pláticas para niñas y niños 🙂");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // The next console opens it as it was left.
    let mut s = Session::start(home.path(), &["--db", db.to_str().unwrap()]);
    s.wait_for("AGENDA DE HOY");
    s.send("4");
    s.wait_for("Jornada de salud en Tamápatz");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_megabyte_pasted_into_a_form_goes_in_whole() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_db(home.path());
    let mut s = Session::start(home.path(), &["--db", db.to_str().unwrap()]);
    s.wait_for("AGENDA DE HOY");
    s.send("2n");
    s.wait_for("Nuevo evento");
    s.send("Pegado grande");
    // To the description, the last field.
    for _ in 0..15 {
        s.send("\t");
    }
    // A bracketed paste: WhatsApp text with accents, ñ, emoji and keys that would be commands.
    let line = "Ñandú y niñas 🙂 — q u d s 1 2 \x1b[?1049h fin\n";
    let text: String = line.repeat(1_000_000 / line.len() + 1);
    s.send(&format!("\x1b[200~{text}\x1b[201~"));
    s.send("\x13");
    let saved = s.wait_for("Guardado: evento «Pegado grande»");
    // The escape sequence in the text shows as text: it never reached the terminal (the only
    // switch to the alternate screen is the console's own, at its start).
    let raw = s.raw.lock().unwrap().clone();
    let switches = raw.windows(8).filter(|w| w == b"\x1b[?1049h").count();
    assert_eq!(switches, 1, "{saved}");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let notes: String = conn
        .query_row(
            "SELECT notes FROM events WHERE title = 'Pegado grande'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        notes.chars().count(),
        text.chars().count(),
        "every character kept"
    );
    assert_eq!(notes, text);
}

#[test]
fn a_dumb_terminal_is_refused_and_vt100_gets_no_colour() {
    let home = tempfile::tempdir().unwrap();
    let db = demo_db(home.path());
    let mut s = Session::start_with(home.path(), &["--db", db.to_str().unwrap()], "dumb");
    let text = s.wait_for("no puede mover el cursor");
    assert!(
        !s.screen.lock().unwrap().screen().alternate_screen(),
        "{text}"
    );
    assert_eq!(s.wait_exit().exit_code(), 1);

    let mut s = Session::start_with(home.path(), &["--db", db.to_str().unwrap()], "vt100");
    s.wait_for("AGENDA DE HOY");
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = s.raw.lock().unwrap().clone();
    assert!(
        find_last(&raw, b"38;5;").is_none(),
        "256-colour codes sent to a vt100"
    );
    assert!(
        find_last(&raw, b"48;5;").is_none(),
        "256-colour codes sent to a vt100"
    );
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    out
}
