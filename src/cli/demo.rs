//! `prensa demo --db PATH [--grande]`: writes the demo data into a new file, with a progress bar
//! on a terminal.
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{fail, DemoArgs};
use crate::app::run::local_now;
use crate::config;
use crate::demo::{self, DemoOptions};
use crate::i18n::{number, t, tf, Msg};
use crate::store::{OpenOptions, Store};

pub fn write(path: &Path, args: &DemoArgs) -> ExitCode {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > 0 => return fail(tf(Msg::DemoRefuse, &[&path.display()])),
        Ok(_) => {
            // An empty file holds nothing: it is replaced by the new database.
            if let Err(e) = std::fs::remove_file(path) {
                return fail(tf(Msg::ErrIo, &[&path.display(), &e]));
            }
        }
        Err(_) => {}
    }
    let reference = args.fecha.unwrap_or_else(|| local_now().date());
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
    let result = Store::open(path, &open).and_then(|mut store| {
        demo::generate(&mut store, &opts, &mut |done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })
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
            // The file was created by this command: nothing of the user's is lost by removing it.
            let _ = std::fs::remove_file(path);
            fail(e)
        }
    }
}
