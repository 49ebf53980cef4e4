//! Opening the console: the store first (so a refused file never touches the terminal), then
//! the terminal, restored on quit, on error, on panic and on a signal.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::fail;
use crate::app::terminal::{self, Capability};
use crate::app::{run, App};
use crate::config;
use crate::demo::{self, DemoOptions};
use crate::i18n::{t, tf, Msg};
use crate::store::{io_text, OpenOptions, Store};
use crate::sync::work;

fn options() -> OpenOptions {
    OpenOptions {
        backup_dir: config::backup_dir(),
        machine: None,
    }
}

/// Opens the console on the database at `path`. When it is absent it is created: at once for
/// this machine's default database, after asking for one named with --db (a typo must not
/// become a new, empty office).
pub fn open(path: &Path, named: bool) -> ExitCode {
    if named {
        match Store::locate(path) {
            Ok(true) => {}
            Ok(false) => {
                if let Err(code) = confirm_new(path) {
                    return code;
                }
            }
            Err(e) => return fail(e),
        }
    }
    match super::open_store(path, super::Access::Write) {
        Ok(store) => run_console(store, None),
        Err(code) => code,
    }
}

/// Asks, on a plain terminal before the console takes it, whether to create a database at
/// `path`; with no terminal to ask on, refuses and says how to create one.
fn confirm_new(path: &Path) -> Result<(), ExitCode> {
    use std::io::{BufRead, IsTerminal, Write};
    let shown = absolute(path);
    if !std::io::stdin().is_terminal() {
        return Err(fail(tf(Msg::DbMissingNoTerminal, &[&shown.display()])));
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "{} ", tf(Msg::DbMissingAsk, &[&shown.display()]));
    let _ = err.flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        answer.clear();
    }
    if matches!(
        answer.trim().to_lowercase().as_str(),
        "s" | "si" | "sí" | "y" | "yes"
    ) {
        Ok(())
    } else {
        super::say(t(Msg::DbMissingDeclined));
        Err(ExitCode::from(1))
    }
}

/// The path as the user should read it: absolute, through its (existing) folder.
fn absolute(path: &Path) -> PathBuf {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Removes a temporary database when dropped.
struct Temporary(PathBuf);

impl Drop for Temporary {
    fn drop(&mut self) {
        remove_database(&self.0);
        let _ = std::fs::remove_dir_all(crate::store::media_dir_of(&self.0));
    }
}

fn remove_database(path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let _ = std::fs::remove_file(PathBuf::from(journal));
}

/// Opens the console on a fresh temporary copy of the demo data (in the cache folder,
/// removed on exit).
pub fn open_demo() -> ExitCode {
    let Some(dir) = config::cache_dir() else {
        return fail(t(Msg::NoDataDir));
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return fail(tf(Msg::ErrIo, &[&dir.display(), &io_text(&e)]));
    }
    // Demos of consoles that were killed go; this one is claimed as in use.
    work::remove_leftovers(&dir, "demo-");
    work::remove_leftovers(&dir, ".demo-");
    let claim = match work::Claim::take(&dir) {
        Ok(c) => c,
        Err(e) => return fail(tf(Msg::ErrIo, &[&dir.display(), &io_text(&e)])),
    };
    let path = dir.join(format!("demo-{}.sqlite", std::process::id()));
    remove_database(&path);
    let temporary = Temporary(path.clone());
    super::say(t(Msg::DemoPreparing));
    let store = Store::open(&path, &options()).and_then(|mut store| {
        let today = run::office_now(&store).date();
        demo::generate(&mut store, &DemoOptions::realistic(today), &mut |_, _| {})?;
        Ok(store)
    });
    let code = match store {
        Ok(store) => run_console(store, Some(path)),
        Err(e) => fail(e),
    };
    drop(temporary);
    drop(claim);
    code
}

fn run_console(mut store: Store, temporary: Option<PathBuf>) -> ExitCode {
    let _ = color_eyre::install();
    let capability = terminal::detect();
    if capability == Capability::Dumb {
        let term = std::env::var("TERM").unwrap_or_default();
        return fail(tf(Msg::TermDumb, &[&term]));
    }
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let config_path = config::config_path();
    let settings = config_path
        .as_deref()
        .and_then(|p| crate::config::Config::load(p).ok())
        .unwrap_or_default();
    // Who approves and moves pieces, by name (an office PC's account is often shared).
    if let Some(name) = settings.name.as_deref().filter(|n| !n.trim().is_empty()) {
        store.set_actor(name.trim());
    }
    let now = run::office_now(&store);
    let mut app = App::new(store, now, size);
    app.set_sync_folder(settings.sync_folder);
    app.set_config_path(config_path);
    app.set_clipboard_file(config::cache_dir().map(|d| d.join("portapapeles.txt")));
    let mut console = match terminal::init(capability) {
        Ok(t) => t,
        Err(e) => {
            terminal::restore();
            return fail(tf(Msg::TerminalError, &[&io_text(&e)]));
        }
    };
    restore_on_signal(temporary);
    let result = run::run(&mut app, &mut console);
    terminal::restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(tf(Msg::TerminalError, &[&io_text(&e)])),
    }
}

/// On a hang-up (a lost SSH session) or a termination request, the terminal is restored before
/// the process ends. Writes are transactions: one cut short is rolled back by SQLite the next
/// time the file opens. Ctrl+C (SIGINT) is the console's own quit: it asks first when text would
/// be lost, and a second Ctrl+C quits.
#[cfg(unix)]
fn restore_on_signal(temporary: Option<PathBuf>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM])
    {
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT {
                    terminal::interrupt();
                    // Wakes the event loop, which is waiting for input: a resize is an event.
                    let _ = signal_hook::low_level::raise(SIGWINCH);
                    // The loop takes the interrupt at once. If it does not, it is stuck in a
                    // read (crossterm waits forever for the end of an unfinished escape
                    // sequence): then Ctrl+C quits from here. Nothing is being written then.
                    std::thread::sleep(std::time::Duration::from_millis(1_500));
                    if !terminal::interrupt_pending() {
                        continue;
                    }
                }
                // The terminal may be gone (a lost SSH session): clean up first, then restore
                // without reporting failures, which would have nowhere to go.
                if let Some(path) = &temporary {
                    remove_database(path);
                }
                work::release_all();
                terminal::restore();
                std::process::exit(128 + signal);
            }
        });
    }
}

#[cfg(not(unix))]
fn restore_on_signal(_temporary: Option<PathBuf>) {}
