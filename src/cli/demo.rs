//! `prensa demo --db PATH [--grande]`: writes the demo data into a new file, with a progress bar
//! on a terminal.
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{fail, DemoArgs};
use crate::app::run::new_office_now;
use crate::config;
use crate::demo::{self, DemoOptions};
use crate::i18n::{number, t, tf, Msg};
use crate::store::{
    io_text, move_media, put_in_place, temporary_beside, OpenOptions, Store, StoreError,
};
use crate::sync::work;

pub fn write(path: &Path, args: &DemoArgs) -> ExitCode {
    // What killed runs left beside the file goes first, whatever this run then does.
    super::remove_leftovers_beside(path);
    match Store::locate(path) {
        Ok(true) => match std::fs::metadata(path) {
            Ok(meta) if meta.len() > 0 => return fail(tf(Msg::DemoRefuse, &[&path.display()])),
            // An empty file holds nothing: it is replaced by the new database.
            _ => {
                if let Err(e) = std::fs::remove_file(path) {
                    return fail(tf(Msg::ErrIo, &[&path.display(), &io_text(&e)]));
                }
            }
        },
        Ok(false) => {}
        Err(e) => return fail(e),
    }
    // The demo is written under a temporary name beside the file and put in place whole at the
    // end: a run cut short never leaves a partial database under the name (the next run
    // removes what it left).
    let dir = super::folder_of(path);
    let _claim = match work::Claim::take(&dir) {
        Ok(c) => c,
        Err(e) => return fail(tf(Msg::ErrIo, &[&dir.display(), &io_text(&e)])),
    };
    let tmp = temporary_beside(path, "demo");
    let remove_tmp = || {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_dir_all(crate::store::media_dir_of(&tmp));
        let mut journal = tmp.as_os_str().to_owned();
        journal.push("-journal");
        let _ = std::fs::remove_file(std::path::PathBuf::from(journal));
    };
    remove_tmp();
    let reference = args.fecha.unwrap_or_else(|| new_office_now().date());
    let opts = if args.grande {
        DemoOptions::grande(reference)
    } else {
        DemoOptions::realistic(reference)
    };
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {percent:>3}% {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(t(Msg::DemoProgress));
    let started = Instant::now();
    let open = OpenOptions {
        backup_dir: config::backup_dir(),
        machine: None,
    };
    let result = Store::open(&tmp, &open).and_then(|mut store| {
        let counts = demo::generate(&mut store, &opts, &mut |done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })?;
        store.record_location(path)?;
        drop(store);
        // Its photos first: a database in place always has its files beside it.
        move_media(&tmp, path).map_err(|source| StoreError::Io {
            path: crate::store::media_dir_of(path),
            source,
        })?;
        put_in_place(&tmp, path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(counts)
    });
    bar.finish_and_clear();
    match result {
        Ok(counts) => {
            println!(
                "{}",
                tf(
                    Msg::DemoDone,
                    &[
                        &path.display(),
                        &number(counts.events),
                        &number(counts.reports),
                        &number(counts.drafts),
                        &number(counts.journalists),
                        &number(counts.archive_items),
                        &format!("{:.1}", started.elapsed().as_secs_f64()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Only the temporary file is this command's: nothing else is touched.
            remove_tmp();
            fail(e)
        }
    }
}
