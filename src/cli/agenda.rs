//! `prensa importar agenda ARCHIVO.ics [--si] [--formato texto|json]` (alias `import agenda`) and
//! `prensa exportar agenda --desde FECHA --hasta FECHA --salida ARCHIVO.ics` (alias `export`).
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::{fail, open_store, say, Access, ExportAgendaArgs, Format, ImportAgendaArgs};
use crate::config;
use crate::domain::dates::parse_date;
use crate::i18n::{t, tf, Msg};
use crate::interop::ical;

/// How many new and updated items the text preview names (all skipped ones are listed).
const PREVIEW_LIMIT: usize = 10;

pub fn import(db: Option<&Path>, args: &ImportAgendaArgs) -> ExitCode {
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let mut store = match open_store(&path, Access::Existing) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let prepared = match ical::prepare(&args.archivo, &store) {
        Ok(p) => p,
        Err(e) => {
            return fail(tf(
                Msg::ImportRefused,
                &[&args.archivo.display(), &sentence(&e.to_string())],
            ))
        }
    };
    let counts = prepared.plan.counts();
    let show = |applied: bool| show_plan(&prepared.plan, args.formato, applied);
    if !counts.writes() {
        show(false);
        if counts.total() == 0 {
            // Not a calendar with nothing new: a file with no events at all.
            return fail(tf(Msg::ImportNoEvents, &[&args.archivo.display()]));
        }
        say(t(Msg::ImportNothing));
        return ExitCode::SUCCESS;
    }
    if !args.si {
        show(false);
        if !(std::io::stdin().is_terminal() && args.formato == Format::Texto) {
            return fail(t(Msg::ImportNoTerminal));
        }
        if !ask(t(Msg::ImportAsk)) {
            say(t(Msg::ImportDeclined));
            return ExitCode::SUCCESS;
        }
    }
    let plan = prepared.plan.clone();
    match prepared.apply(&mut store) {
        Ok(done) => {
            if args.si {
                show_plan(&plan, args.formato, true);
            }
            say(&tf(Msg::ImportDone, &[&done.new, &done.updated]));
            ExitCode::SUCCESS
        }
        Err(e) => fail(tf(
            Msg::ImportRefused,
            &[&args.archivo.display(), &sentence(&e.to_string())],
        )),
    }
}

fn show_plan(plan: &crate::interop::Plan, format: Format, applied: bool) {
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "plan": plan,
                "counts": plan.counts(),
                "applied": applied,
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Texto => println!("{}", plan.preview(PREVIEW_LIMIT).join("\n")),
    }
}

/// Asks a yes/no question on the terminal; anything but yes is no.
fn ask(question: &str) -> bool {
    let mut err = std::io::stderr();
    let _ = write!(err, "{question} ");
    let _ = err.flush();
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(
        answer.trim().to_lowercase().as_str(),
        "s" | "si" | "sí" | "y" | "yes"
    )
}

pub fn export(db: Option<&Path>, args: &ExportAgendaArgs) -> ExitCode {
    let today = chrono::Local::now().date_naive();
    let (desde, hasta) = match (
        parse_date(&args.desde, today),
        parse_date(&args.hasta, today),
    ) {
        (Some(d), Some(h)) => (d, h),
        (None, _) => return super::usage(tf(Msg::ExportBadDate, &[&"--desde", &args.desde])),
        (_, None) => return super::usage(tf(Msg::ExportBadDate, &[&"--hasta", &args.hasta])),
    };
    if hasta < desde {
        return super::usage(tf(Msg::ExportBadRange, &[&hasta, &desde]));
    }
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let store = match open_store(&path, Access::ReadOnly) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (text, count) = match ical::export(&store, desde, hasta, chrono::Utc::now()) {
        Ok(out) => out,
        Err(e) => return fail(e),
    };
    // Whole or not at all: a reader never sees half a calendar.
    if let Err(e) = crate::interop::output::write_output(&args.salida, text.as_bytes()) {
        return fail(tf(
            Msg::ErrIo,
            &[&args.salida.display(), &crate::store::io_text(&e)],
        ));
    }
    println!("{}", tf(Msg::ExportDone, &[&count, &args.salida.display()]));
    ExitCode::SUCCESS
}

/// A message as the end of a sentence: with its full stop, and only one.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}
