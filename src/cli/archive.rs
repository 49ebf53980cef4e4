//! The archive on the command line:
//! `prensa importar multimedia RUTA… [--si] [--formato texto|json]` (alias `import media`),
//! `prensa exportar archivo --desde FECHA --hasta FECHA --salida CARPETA [--si]
//! [--formato texto|json]` (alias `export archive`) and
//! `prensa verificar CARPETA [--formato texto|json]` (alias `verify`).
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::agenda::{ask, open_range, out_line, run_import, Wording};
use super::{fail, say, ExportArchiveArgs, Format, ImportMediaArgs, VerifyArgs};
use crate::i18n::{t, tf, Msg};
use crate::interop::archive::{self, Destination, ExportError};
use crate::interop::ical::ImportError;

/// A progress bar on stderr, drawn only when stderr is a terminal.
fn progress_bar() -> ProgressBar {
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:28!} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

pub fn import(db: Option<&Path>, args: &ImportMediaArgs) -> ExitCode {
    let source = archive::import::source_name(&args.rutas);
    run_import(
        db,
        &source,
        args.formato,
        args.si,
        Wording {
            empty: Msg::MediaEmpty,
            up_to_date: Msg::MediaUpToDate,
            unreadable: Some(Msg::MediaUnreadable),
        },
        |store| {
            let bar = progress_bar();
            let gathered = archive::prepare_files(
                &store.media_dir(),
                &args.rutas,
                &mut |done, total, path| {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                    bar.set_message(
                        path.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                    );
                },
            );
            bar.finish_and_clear();
            store.plan_media(gathered).map_err(ImportError::Store)
        },
    )
}

pub fn export(db: Option<&Path>, args: &ExportArchiveArgs) -> ExitCode {
    let (store, desde, hasta) = match open_range(db, &args.desde, &args.hasta) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let out = &args.salida;
    match archive::export::destination(out) {
        Err(e) => return fail(e),
        Ok(Destination::Previous) if !args.si => {
            if !(std::io::stdin().is_terminal() && args.formato == Format::Texto) {
                return fail(tf(Msg::ArchiveReplaceNoTerminal, &[&out.display()]));
            }
            if !ask(&tf(Msg::ArchiveReplaceAsk, &[&out.display()])) {
                say(t(Msg::ImportDeclined));
                return ExitCode::SUCCESS;
            }
        }
        Ok(_) => {}
    }
    let bar = progress_bar();
    bar.set_message(t(Msg::ArchiveProgress));
    let public = args.sin_datos_personales;
    let result = archive::export(&store, desde, hasta, out, public, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let report = match result {
        Ok(r) => r,
        Err(e @ (ExportError::NotAFolder(_) | ExportError::NotEmpty(_))) => return fail(e),
        Err(e) => return fail(tf(Msg::ArchiveWriteFailed, &[&out.display(), &e])),
    };
    for lost in &report.missing {
        say(&tf(Msg::ArchiveMissingFile, &[&lost.file_name, &lost.item]));
    }
    for bad in &report.damaged {
        say(&tf(Msg::ArchiveDamagedFile, &[&bad.file_name, &bad.item]));
    }
    match args.formato {
        Format::Json => out_line(&serde_json::to_string_pretty(&report).unwrap_or_default()),
        Format::Texto => out_line(&tf(
            Msg::ArchiveExported,
            &[&report.items, &report.files, &out.display()],
        )),
    }
    ExitCode::SUCCESS
}

pub fn verify(args: &VerifyArgs) -> ExitCode {
    let report = match archive::verify(&args.carpeta) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    match args.formato {
        Format::Json => {
            let json = serde_json::json!({
                "carpeta": args.carpeta,
                "correcto": report.ok(),
                "informe": report,
            });
            out_line(&serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        Format::Texto if report.ok() => out_line(&tf(Msg::VerifyOk, &[&report.verified])),
        Format::Texto => out_line(&report.lines().join("\n")),
    }
    if report.ok() {
        ExitCode::SUCCESS
    } else {
        fail(tf(
            Msg::VerifyFailed,
            &[&args.carpeta.display(), &report.problems(), &report.listed],
        ))
    }
}
