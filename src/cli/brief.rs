//! `prensa resumen` (alias `brief`): the morning briefing for people who do not open the
//! console — the same as Hoy — as text within 80 columns, Markdown for WhatsApp, one printable
//! HTML page, or JSON for scripts.
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{fail, open_store, Access, BriefArgs, BriefFormat};
use crate::brief;
use crate::config;
use crate::domain::dates::parse_date;
use crate::i18n::{t, tf, Msg};

/// The format asked for, else the one `--salida`'s extension names, else text.
fn format_of(args: &BriefArgs) -> BriefFormat {
    if let Some(f) = args.formato {
        return f;
    }
    let ext = args
        .salida
        .as_deref()
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown") => BriefFormat::Md,
        Some("html" | "htm") => BriefFormat::Html,
        Some("json") => BriefFormat::Json,
        _ => BriefFormat::Texto,
    }
}

pub fn run(db: Option<&Path>, args: &BriefArgs) -> ExitCode {
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let store = match open_store(&path, Access::ReadOnly) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // "Today" is the office's, wherever the machine's clock is set (as in the console).
    let zone = store.time_zone();
    let today = crate::app::run::office_now(&store).date();
    let date = match args.fecha.as_deref() {
        None => today,
        Some(text) => match parse_date(text, today) {
            Some(d) => d,
            None => return fail(tf(Msg::BriefBadDate, &[&text])),
        },
    };
    let briefing = match store.briefing(date) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let mut text = match format_of(args) {
        BriefFormat::Texto => brief::text::render(&briefing),
        BriefFormat::Md => brief::markdown::render(&briefing),
        BriefFormat::Html => brief::html::render(&briefing),
        BriefFormat::Json => brief::json::render(&briefing, zone.name()),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match &args.salida {
        Some(out) => {
            if let Err(e) = crate::interop::output::write_output(out, text.as_bytes()) {
                return fail(tf(
                    Msg::ErrIo,
                    &[&out.display(), &crate::store::io_text(&e)],
                ));
            }
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => {}
                // The reader went away (`| head`): nothing more to say.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::from(1),
                Err(e) => {
                    return fail(tf(
                        Msg::ErrIo,
                        &[&t(Msg::StandardOutput), &crate::store::io_text(&e)],
                    ))
                }
            }
        }
    }
    ExitCode::SUCCESS
}
