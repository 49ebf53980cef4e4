//! `prensa sincronizar [CARPETA] [--revisar] [--formato texto|json]` (alias `sync`).
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{fail, open_store, Access, Format, SyncArgs};
use crate::app::run::office_now;
use crate::config::{self, Config};
use crate::i18n::{t, tf, Msg};
use crate::sync::{self, SyncOptions};

pub fn run(db: Option<&Path>, args: &SyncArgs, mut cfg: Config) -> ExitCode {
    let Some(folder) = args.carpeta.clone().or_else(|| cfg.sync_folder.clone()) else {
        return fail(t(Msg::SyncNoFolder));
    };
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let access = if args.revisar {
        Access::ReadOnly
    } else {
        Access::Existing
    };
    let mut store = match open_store(&path, access) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let bar = ProgressBar::with_draw_target(Some(5), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let opts = SyncOptions::for_store(&store, &folder, args.revisar, office_now(&store));
    let result = sync::run(&mut store, &opts, &mut |done, total, step| {
        bar.set_length(total);
        bar.set_position(done);
        bar.set_message(t(step));
    });
    bar.finish_and_clear();
    match result {
        Ok(report) => {
            match args.formato {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                ),
                Format::Texto => println!("{}", report.summary(&folder).join("\n")),
            }
            let folder = folder.canonicalize().unwrap_or(folder);
            if !args.revisar && cfg.sync_folder.as_deref() != Some(folder.as_path()) {
                cfg.sync_folder = Some(folder);
                if let Some(path) = config::config_path() {
                    let _ = cfg.save(&path);
                }
            }
            if report.skipped.is_empty() {
                ExitCode::SUCCESS
            } else {
                // Scripts must notice: what could be merged was, and this machine published.
                fail(tf(Msg::SyncSkippedExit, &[&report.skipped.len()]))
            }
        }
        Err(e) => fail(e),
    }
}

/// Offers to use the folder of a database found on a network or removable drive as the sync
/// folder (asked only on a terminal). Returns whether it was saved.
pub fn offer_folder(folder: &Path) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    {
        use std::io::Write;
        let mut err = std::io::stderr();
        let _ = write!(err, "{} ", tf(Msg::DriveOffer, &[&folder.display()]));
        let _ = err.flush();
    }
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    let yes = matches!(
        answer.trim().to_lowercase().as_str(),
        "s" | "si" | "sí" | "y" | "yes"
    );
    if yes {
        if let Some(path) = config::config_path() {
            let mut cfg = Config::load(&path).unwrap_or_default();
            cfg.sync_folder = Some(folder.to_path_buf());
            if cfg.save(&path).is_ok() {
                super::say(t(Msg::DriveSaved));
                return true;
            }
        }
    }
    false
}
