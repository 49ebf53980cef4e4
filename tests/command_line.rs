//! The command line against bad input: a mistyped --db, a pipe, a folder, a link loop, a path
//! through a file, a demo killed halfway. Each is refused in Spanish (no system text in English)
//! without hanging and without creating or changing anything; a new database is created only
//! when the user says so on a terminal.
mod common;

use std::path::Path;
use std::process::Command;

use prensa::store::{OpenOptions, Store};

/// The real binary, with the platform folders inside a temporary folder of the test's own.
fn bin(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8");
    cmd
}

fn options() -> OpenOptions {
    OpenOptions {
        backup_dir: None,
        machine: Some("oficina".into()),
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|e| {
            e.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn quick_check(path: &Path) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap()
}

/// Runs the binary with a deadline: a command that hangs is killed and reported.
fn run_for(mut cmd: Command, secs: u64) -> std::process::Output {
    use std::io::Read;
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(secs) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("prensa hung for {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut stderr)
        .unwrap();
    std::process::Output {
        status,
        stdout,
        stderr,
    }
}

/// A refusal: exit 1, a Spanish message on stderr holding `expected`, no English system text.
fn assert_refused_with(out: &std::process::Output, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(expected), "{err}");
    for english in [
        "os error",
        "No such file",
        "File exists",
        "Not a directory",
        "Too many levels",
        "Permission denied",
    ] {
        assert!(!err.contains(english), "{err}");
    }
}

#[test]
fn a_mistyped_db_is_never_created_without_asking() {
    let home = tempfile::tempdir().unwrap();
    let typo = home.path().join("prensa-oficnia.sqlite");
    let out = run_for(
        {
            let mut c = bin(home.path());
            c.arg("--db").arg(&typo);
            c
        },
        30,
    );
    assert_refused_with(&out, &typo.display().to_string());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No existe") && err.contains("terminal"),
        "{err}"
    );
    assert!(!typo.exists(), "a database was created");
    // Commands other than demo refuse it too, the review of a sync included.
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    for dry in [false, true] {
        let mut c = bin(home.path());
        c.args(["sincronizar", "--db"]).arg(&typo).arg(&stick);
        if dry {
            c.arg("--revisar");
        }
        let out = run_for(c, 30);
        assert_refused_with(&out, "No existe");
        assert!(!typo.exists(), "a database was created (revisar: {dry})");
    }
    assert!(std::fs::read_dir(&stick).unwrap().next().is_none());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_is_refused_without_hanging() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("tuberia.sqlite");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let folder = home.path().join("carpeta.sqlite");
    std::fs::create_dir_all(&folder).unwrap();
    for target in [&fifo, &folder] {
        for args in [vec![], vec!["sincronizar"], vec!["demo"]] {
            let mut c = bin(home.path());
            c.args(&args).arg("--db").arg(target);
            if args == ["sincronizar"] {
                c.arg(home.path());
            }
            let out = run_for(c, 20);
            assert_refused_with(&out, "no es un archivo");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_bad_path_say_what_is_wrong_in_spanish() {
    let home = tempfile::tempdir().unwrap();
    let looped = home.path().join("vuelta.sqlite");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    for args in [vec![], vec!["demo"]] {
        let mut c = bin(home.path());
        c.args(&args).arg("--db").arg(&looped);
        let out = run_for(c, 20);
        assert_refused_with(&out, "enlaces simbólicos");
    }
    // A path through a file, as if it were a folder.
    let file = home.path().join("nota.txt");
    std::fs::write(&file, b"hola").unwrap();
    let mut c = bin(home.path());
    c.args(["demo", "--db"]).arg(file.join("x.sqlite"));
    let out = run_for(c, 20);
    assert_refused_with(&out, "no es una carpeta");
}

#[test]
fn scripts_confirm_with_si_or_yes_on_every_writing_command() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.sqlite");
    let mut c = bin(home.path());
    c.args(["demo", "--si", "--fecha", "2025-03-06", "--db"])
        .arg(&db);
    let out = run_for(c, 120);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stick = home.path().join("memoria");
    std::fs::create_dir_all(&stick).unwrap();
    for flag in ["--si", "--yes"] {
        let mut c = bin(home.path());
        c.args(["sincronizar", flag, "--db"]).arg(&db).arg(&stick);
        let out = run_for(c, 120);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{flag}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_killed_demo_leaves_no_file_under_its_name() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.sqlite");
    let mut child = bin(home.path())
        .args(["demo", "--fecha", "2025-03-06", "--db"])
        .arg(&db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it has written a good part of the demo, then kill it.
    let started = std::time::Instant::now();
    loop {
        let size: u64 = std::fs::read_dir(home.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("demo"))
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        if size > 2_000_000 {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the demo never grew"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!db.exists(), "a partial demo sits under the final name");
    // The next run writes it whole and leaves nothing else behind.
    let mut c = bin(home.path());
    c.args(["demo", "--fecha", "2025-03-06", "--db"]).arg(&db);
    let out = run_for(c, 120);
    assert_eq!(out.status.code(), Some(0));
    // The database, and its photos beside it.
    let mut left: Vec<String> = names(home.path())
        .into_iter()
        .filter(|n| n.contains("demo"))
        .collect();
    left.sort();
    assert_eq!(left, vec!["demo.sqlite", "demo.sqlite.media"]);
    drop(Store::open(&db, &options()).unwrap());
    assert_eq!(quick_check(&db), "ok");
}

/// The binary in a pseudo-terminal: what it shows, and keys typed into it.
struct Pty {
    screen: std::sync::Arc<std::sync::Mutex<vt100::Parser>>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Pty {
    fn start(home: &Path, args: &[&std::ffi::OsStr]) -> Pty {
        use portable_pty::{native_pty_system, CommandBuilder, PtySize};
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
        let screen = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(24, 80, 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = std::io::Read::read(&mut reader, &mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        std::mem::forget(pty.master);
        Pty {
            screen,
            writer,
            child,
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let text = self.screen.lock().unwrap().screen().contents();
            if text.contains(needle) {
                return text;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {needle:?}:\n{text}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn exit_code(&mut self) -> u32 {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(std::time::Instant::now() < deadline, "prensa did not exit");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

#[test]
fn a_new_db_named_on_a_terminal_is_created_only_when_the_user_says_so() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("nueva.sqlite");
    let mut s = Pty::start(home.path(), &["--db".as_ref(), db.as_os_str()]);
    let asked = s.wait_for("[s/N]");
    assert!(asked.contains("nueva.sqlite"), "{asked}");
    s.send("n\r");
    s.wait_for("No se creó nada");
    assert_eq!(s.exit_code(), 1);
    assert!(!db.exists());

    let mut s = Pty::start(home.path(), &["--db".as_ref(), db.as_os_str()]);
    s.wait_for("[s/N]");
    s.send("s\r");
    s.wait_for("AGENDA DE HOY");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    drop(Store::open(&db, &options()).unwrap());
}
