//! The real binary in a pseudo-terminal, read as a user reads it: `prensa --demo` shows Hoy,
//! `?` shows the keys in Spanish, `q` closes the help and `q` quits, leaving the terminal as it
//! was and no temporary database behind.
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(home: &std::path::Path, args: &[&str]) -> Session {
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
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // The master must live as long as the session; leak it into the reader's lifetime.
        std::mem::forget(pty.master);
        Session {
            screen,
            writer,
            child,
        }
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
    let hoy = s.wait_for("Agenda de hoy");
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
    s.wait_for("Reportes por revisar");
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
