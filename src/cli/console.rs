//! Opening the console: the store first (so a refused file never touches the terminal), then
//! the terminal, restored on quit, on error, on panic and on a signal.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::fail;
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

/// Opens the console on the database at `path` (created when absent).
pub fn open(path: &Path) -> ExitCode {
    match super::open_store(path) {
        Ok(store) => run_console(store, None),
        Err(code) => code,
    }
}

/// Removes a temporary database when dropped.
struct Temporary(PathBuf);

impl Drop for Temporary {
    fn drop(&mut self) {
        remove_database(&self.0);
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
    let claim = match work::Claim::take(&dir) {
        Ok(c) => c,
        Err(e) => return fail(tf(Msg::ErrIo, &[&dir.display(), &io_text(&e)])),
    };
    let path = dir.join(format!("demo-{}.sqlite", std::process::id()));
    remove_database(&path);
    let temporary = Temporary(path.clone());
    super::say(t(Msg::DemoPreparing));
    let store = Store::open(&path, &options()).and_then(|mut store| {
        let today = run::local_now().date();
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

fn run_console(store: Store, temporary: Option<PathBuf>) -> ExitCode {
    let _ = color_eyre::install();
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(store, run::local_now(), size);
    let folder = config::config_path()
        .and_then(|p| crate::config::Config::load(&p).ok())
        .and_then(|c| c.sync_folder);
    app.set_sync_folder(folder);
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            let _ = ratatui::try_restore();
            return fail(tf(Msg::TerminalError, &[&e]));
        }
    };
    restore_on_signal(temporary);
    let result = run::run(&mut app, &mut terminal);
    let _ = ratatui::try_restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(tf(Msg::TerminalError, &[&e])),
    }
}

/// On a hang-up (a lost SSH session), a termination request or an interrupt from outside, the
/// terminal is restored before the process ends. Writes are transactions: one cut short is
/// rolled back by SQLite the next time the file opens.
#[cfg(unix)]
fn restore_on_signal(temporary: Option<PathBuf>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM])
    {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // The terminal may be gone (a lost SSH session): clean up first, then restore
                // without reporting failures, which would have nowhere to go.
                if let Some(path) = &temporary {
                    remove_database(path);
                }
                work::release_all();
                let _ = ratatui::try_restore();
                std::process::exit(128 + signal);
            }
        });
    }
}

#[cfg(not(unix))]
fn restore_on_signal(_temporary: Option<PathBuf>) {}
