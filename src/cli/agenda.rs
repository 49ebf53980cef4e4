//! `prensa importar agenda ARCHIVO.ics [--si] [--formato texto|json]` (alias `import agenda`) and
//! `prensa exportar agenda --desde FECHA --hasta FECHA --salida ARCHIVO.ics` (alias `export`).
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{fail, open_db, say, Access, ExportAgendaArgs, Format, ImportAgendaArgs};
use crate::domain::dates::parse_date;
use crate::i18n::{t, tf, Msg};
use crate::interop::{ical, Planned};
use crate::store::Store;

/// How many new and updated items the text preview names (all skipped ones are listed).
const PREVIEW_LIMIT: usize = 10;

pub fn import(db: Option<&Path>, args: &ImportAgendaArgs) -> ExitCode {
    run_import(
        db,
        &args.archivo.display().to_string(),
        args.formato,
        args.si,
        Wording::file(Msg::ImportNoEvents, Msg::ImportNothing),
        |store| ical::prepare(&args.archivo, store),
    )
}

/// What an import says when its plan writes nothing.
pub(super) struct Wording {
    /// The source holds nothing to import (`{}`: the source).
    pub empty: Msg,
    /// Everything in it is in the store already.
    pub up_to_date: Msg,
    /// Nothing in it could be read: a failure (exit 1) with this message. `None`: such a
    /// source is only "nothing new".
    pub unreadable: Option<Msg>,
}

impl Wording {
    /// A file's import: `empty` when it holds nothing, `up_to_date` when all of it is in.
    pub(super) fn file(empty: Msg, up_to_date: Msg) -> Wording {
        Wording {
            empty,
            up_to_date,
            unreadable: None,
        }
    }
}

/// An import from the command line: the source read and planned, the plan shown, asked (or
/// `--si`), written in one transaction. `source` names what was read in the messages.
pub(super) fn run_import<P: Planned>(
    db: Option<&Path>,
    source: &str,
    formato: Format,
    si: bool,
    wording: Wording,
    prepare: impl FnOnce(&Store) -> Result<P, ical::ImportError>,
) -> ExitCode {
    let mut store = match open_db(db, Access::Existing) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let prepared = match prepare(&store) {
        Ok(p) => p,
        Err(e) => {
            return fail(tf(
                Msg::ImportRefused,
                &[&source, &sentence(&e.to_string())],
            ))
        }
    };
    let counts = prepared.plan().counts();
    let plan = prepared.plan().clone();
    let show = |applied: bool| show_plan(&plan, formato, applied);
    if !counts.writes() {
        show(false);
        if counts.total() == 0 {
            return fail(tf(wording.empty, &[&source]));
        }
        if let Some(unreadable) = wording.unreadable.filter(|_| counts.unchanged == 0) {
            return fail(t(unreadable));
        }
        say(t(wording.up_to_date));
        return ExitCode::SUCCESS;
    }
    if !si {
        show(false);
        if !(std::io::stdin().is_terminal() && formato == Format::Texto) {
            prepared.discard(&store);
            return fail(t(Msg::ImportNoTerminal));
        }
        if !ask(t(Msg::ImportAsk)) {
            prepared.discard(&store);
            say(t(Msg::ImportDeclined));
            return ExitCode::SUCCESS;
        }
    }
    match prepared.write(&mut store) {
        Ok((done, _)) => {
            if si {
                show(true);
            }
            say(&tf(Msg::ImportDone, &[&done.new, &done.updated]));
            ExitCode::SUCCESS
        }
        Err(e) => fail(tf(
            Msg::ImportRefused,
            &[&source, &sentence(&e.to_string())],
        )),
    }
}

pub(super) fn show_plan(plan: &crate::interop::Plan, format: Format, applied: bool) {
    match format {
        Format::Json => {
            let out = serde_json::json!({
                "plan": plan,
                "counts": plan.counts(),
                "applied": applied,
            });
            out_line(&serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Texto => out_line(&plan.preview(PREVIEW_LIMIT).join("\n")),
    }
}

/// A line on standard output; a reader that went away (`| head`) is not an error.
pub(super) fn out_line(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Asks a yes/no question on the terminal; anything but yes is no.
pub(super) fn ask(question: &str) -> bool {
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

/// The days an export's `--desde` and `--hasta` name (both included), and the database opened
/// to read them: a date that is not one, or a range that ends before it starts, is wrong usage
/// (exit 2).
pub(super) fn open_range(
    db: Option<&Path>,
    desde: &str,
    hasta: &str,
) -> Result<(Store, NaiveDate, NaiveDate), ExitCode> {
    let today = chrono::Local::now().date_naive();
    let (from, to) = match (parse_date(desde, today), parse_date(hasta, today)) {
        (Some(d), Some(h)) => (d, h),
        (None, _) => return Err(super::usage(tf(Msg::ExportBadDate, &[&"--desde", &desde]))),
        (_, None) => return Err(super::usage(tf(Msg::ExportBadDate, &[&"--hasta", &hasta]))),
    };
    if to < from {
        return Err(super::usage(tf(Msg::ExportBadRange, &[&to, &from])));
    }
    Ok((open_db(db, Access::ReadOnly)?, from, to))
}

pub fn export(db: Option<&Path>, args: &ExportAgendaArgs) -> ExitCode {
    let (store, desde, hasta) = match open_range(db, &args.desde, &args.hasta) {
        Ok(opened) => opened,
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
