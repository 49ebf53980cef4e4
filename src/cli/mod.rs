//! The command line (DESIGN §8): Spanish help and messages, exit codes 0 (done), 1 (refused
//! or failed, with a Spanish message on stderr) and 2 (wrong usage).
mod agenda;
mod archive;
mod brief;
mod bulletin;
mod console;
mod contacts;
mod demo;
mod reach;
mod send;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::config::{self, Config};
use crate::i18n::{self, t, tf, Lang, Msg};

#[derive(Debug, Parser)]
#[command(
    name = "prensa",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(long, value_name = "RUTA", global = true)]
    pub db: Option<PathBuf>,
    #[arg(long)]
    pub demo: bool,
    #[arg(long, value_name = "es|en", global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(disable_help_flag = true)]
    Demo(DemoArgs),
    #[command(disable_help_flag = true, visible_alias = "sync")]
    Sincronizar(SyncArgs),
    #[command(disable_help_flag = true, visible_alias = "brief")]
    Resumen(BriefArgs),
    #[command(disable_help_flag = true, visible_alias = "import")]
    Importar(ImportArgs),
    #[command(disable_help_flag = true, visible_alias = "export")]
    Exportar(ExportArgs),
    /// A published piece sent to a contact list; e-mails through the office's server.
    #[command(disable_help_flag = true, visible_alias = "send")]
    Enviar(SendArgs),
    /// An exported archive folder checked against its manifest.
    #[command(disable_help_flag = true, visible_alias = "verify")]
    Verificar(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(value_name = "CARPETA")]
    pub carpeta: PathBuf,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The press release's folio (CS/045/2025), or a piece's id.
    #[arg(value_name = "FOLIO")]
    pub pieza: String,
    /// The contact list's name.
    #[arg(long, value_name = "LISTA")]
    pub lista: String,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct BriefArgs {
    #[arg(long, value_name = "FECHA")]
    pub fecha: Option<String>,
    #[arg(long, value_enum, ignore_case = true)]
    pub formato: Option<BriefFormat>,
    #[arg(long, value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
    /// Accepted as by every command that writes (here, with `--salida`): nothing to ask.
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub what: ImportWhat,
}

/// What `importar` reads.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    #[command(disable_help_flag = true)]
    Agenda(ImportAgendaArgs),
    /// Media contacts from vCard (.vcf) or CSV.
    #[command(disable_help_flag = true, visible_alias = "contacts")]
    Contactos(ImportContactsArgs),
    /// Photos, video, audio and documents into the archive.
    #[command(disable_help_flag = true, visible_alias = "media")]
    Multimedia(ImportMediaArgs),
    /// The publications' reach, from Meta's per-post insights CSV.
    #[command(disable_help_flag = true, visible_alias = "reach")]
    Alcance(ImportReachArgs),
}

/// One file to import, previewed: `ARCHIVO [--formato texto|json] [--si]`.
pub type ImportReachArgs = ImportAgendaArgs;

#[derive(Debug, Args)]
pub struct ImportMediaArgs {
    /// Files or folders (walked with their subfolders).
    #[arg(value_name = "RUTA", required = true)]
    pub rutas: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct ImportContactsArgs {
    #[arg(value_name = "ARCHIVO")]
    pub archivo: PathBuf,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
    /// Which CSV column fills a field, when the guess is wrong: `medio=Empresa`;
    /// `telefono=` reads the field from no column. Repeatable.
    #[arg(long = "columna", value_name = "CAMPO=ENCABEZADO")]
    pub columnas: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExportContactsArgs {
    /// `.vcf` for vCard, `.csv` for a spreadsheet.
    #[arg(long, value_name = "ARCHIVO")]
    pub salida: PathBuf,
    /// Leaves out e-mails and phone numbers (personal data).
    #[arg(long = "sin-datos-personales")]
    pub sin_datos_personales: bool,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct ImportAgendaArgs {
    #[arg(value_name = "ARCHIVO")]
    pub archivo: PathBuf,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// What `exportar` writes.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    #[command(disable_help_flag = true)]
    Agenda(ExportAgendaArgs),
    /// A press release by its folio.
    #[command(disable_help_flag = true, visible_alias = "bulletin")]
    Boletin(ExportBulletinArgs),
    /// The media directory as vCard or CSV.
    #[command(disable_help_flag = true, visible_alias = "contacts")]
    Contactos(ExportContactsArgs),
    /// The archive of a range of days as a folder, for the handover or transparency.
    #[command(disable_help_flag = true, visible_alias = "archive")]
    Archivo(ExportArchiveArgs),
}

#[derive(Debug, Args)]
pub struct ExportArchiveArgs {
    /// Dates as `--fecha` takes them; read in [`archive::export`].
    #[arg(long, value_name = "FECHA")]
    pub desde: String,
    #[arg(long, value_name = "FECHA")]
    pub hasta: String,
    #[arg(long, value_name = "CARPETA")]
    pub salida: PathBuf,
    /// A transparency request's public version: no names of people, no photos or videos in
    /// which they can be recognised.
    #[arg(long = "sin-datos-personales")]
    pub sin_datos_personales: bool,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct ExportBulletinArgs {
    #[arg(value_name = "FOLIO")]
    pub folio: String,
    /// Without it, the one the file's name says (`.md`, `.html`), plain text otherwise.
    #[arg(long, value_enum)]
    pub formato: Option<crate::interop::bulletin::BulletinFormat>,
    #[arg(long, value_name = "ARCHIVO")]
    pub salida: PathBuf,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct ExportAgendaArgs {
    /// A date as `AAAA-MM-DD` or as people write it ("6 de marzo", "hoy"); read in
    /// [`agenda::export`] so that a bad one gets a Spanish message.
    #[arg(long, value_name = "FECHA")]
    pub desde: String,
    #[arg(long, value_name = "FECHA")]
    pub hasta: String,
    #[arg(long, value_name = "ARCHIVO")]
    pub salida: PathBuf,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

/// The formats of `prensa resumen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BriefFormat {
    #[value(alias = "text", alias = "txt")]
    Texto,
    /// Markdown as WhatsApp reads it.
    #[value(alias = "markdown", alias = "whatsapp")]
    Md,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Texto,
    Json,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[arg(value_name = "CARPETA")]
    pub carpeta: Option<PathBuf>,
    #[arg(long)]
    pub revisar: bool,
    #[arg(long, value_enum, default_value = "texto")]
    pub formato: Format,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long)]
    pub grande: bool,
    #[arg(long, value_name = "AAAA-MM-DD")]
    pub fecha: Option<NaiveDate>,
    #[arg(long = "si", visible_alias = "yes")]
    pub si: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "es" => Ok(Lang::Es),
        "en" => Ok(Lang::En),
        _ => Err(s.to_owned()),
    }
}

/// The clap command with its help texts from the catalogue.
fn command() -> clap::Command {
    let template = format!(
        "{{name}} {{version}}\n{{about}}\n\n{} {{usage}}\n\n{{all-args}}",
        t(Msg::CliUsage)
    );
    // Values and defaults are said in the help text itself, in the catalogue's words (clap would
    // add them in English).
    let arg = |msg: Msg| {
        move |a: clap::Arg| {
            let a = a.help(t(msg)).help_heading(t(Msg::CliOptions));
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        }
    };
    Cli::command()
        .help_template(&template)
        .about(t(Msg::CliAbout))
        .subcommand_help_heading(t(Msg::CliCommands))
        .subcommand_value_name("COMANDO")
        .override_usage("prensa [--db RUTA] [--demo] [--lang es|en] [COMANDO]")
        .mut_arg("db", arg(Msg::CliDb))
        .mut_arg("demo", arg(Msg::CliDemo))
        .mut_arg("lang", arg(Msg::CliLang))
        .mut_arg("help", arg(Msg::CliHelp))
        .mut_arg("version", arg(Msg::CliVersion))
        .mut_subcommand("demo", |c| {
            described(c, Msg::CliDemoCmd, "prensa demo --db RUTA [--grande] [--fecha AAAA-MM-DD] [--si]")
                .mut_arg("grande", arg(Msg::CliGrande))
                .mut_arg("fecha", arg(Msg::CliFecha))
                .mut_arg("si", arg(Msg::CliYes))
        })
        .mut_subcommand("sincronizar", |c| {
            described(c, Msg::CliSyncCmd, "prensa sincronizar [CARPETA] [--revisar] [--formato texto|json] [--si] [--db RUTA]")
                .mut_arg("carpeta", |a| {
                    a.help(t(Msg::CliSyncFolder))
                        .help_heading(t(Msg::CliOptions))
                })
                .mut_arg("revisar", arg(Msg::CliSyncDry))
                .mut_arg("formato", arg(Msg::CliFormat))
                .mut_arg("si", arg(Msg::CliYes))
        })
        .mut_subcommand("resumen", |c| {
            described(c, Msg::CliBriefCmd, "prensa resumen [--fecha FECHA] [--formato texto|md|html|json] [--salida ARCHIVO] [--si] [--db RUTA]")
                .mut_arg("fecha", arg(Msg::CliBriefDate))
                .mut_arg("formato", arg(Msg::CliBriefFormat))
                .mut_arg("salida", arg(Msg::CliOutput))
                .mut_arg("si", arg(Msg::CliYes))
        })
        .mut_subcommand("importar", |c| {
            described(c, Msg::CliImportCmd, "prensa importar agenda|contactos|alcance ARCHIVO | multimedia RUTA… [--si] [--formato texto|json]")
                .subcommand_help_heading(t(Msg::CliCommands))
                .subcommand_value_name("OBJETO")
                .mut_subcommand("agenda", |c| {
                    file_import(c, Msg::CliAgenda, "prensa importar agenda ARCHIVO.ics [--si] [--formato texto|json] [--db RUTA]", Msg::CliIcsFile)
                })
                .mut_subcommand("alcance", |c| {
                    file_import(c, Msg::CliReach, "prensa importar alcance ARCHIVO.csv [--si] [--formato texto|json] [--db RUTA]", Msg::CliReachFile)
                })
                .mut_subcommand("multimedia", |c| {
                    described(c, Msg::CliMedia, "prensa importar multimedia RUTA… [--si] [--formato texto|json] [--db RUTA]")
                        .mut_arg("rutas", |a| {
                            a.help(t(Msg::CliMediaPaths))
                                .help_heading(t(Msg::CliOptions))
                        })
                        .mut_arg("formato", arg(Msg::CliFormat))
                        .mut_arg("si", arg(Msg::CliYes))
                })
        })
        .mut_subcommand("verificar", |c| {
            described(c, Msg::CliVerifyCmd, "prensa verificar CARPETA [--formato texto|json]")
                .mut_arg("carpeta", |a| {
                    a.help(t(Msg::CliVerifyFolder))
                        .help_heading(t(Msg::CliOptions))
                })
                .mut_arg("formato", arg(Msg::CliFormat))
        })
        .mut_subcommand("exportar", |c| {
            described(c, Msg::CliExportCmd, "prensa exportar agenda|boletin|contactos|archivo … --salida ARCHIVO|CARPETA")
                .subcommand_help_heading(t(Msg::CliCommands))
                .subcommand_value_name("OBJETO")
                .mut_subcommand("agenda", |c| {
                    described(c, Msg::CliAgenda, "prensa exportar agenda --desde FECHA --hasta FECHA --salida ARCHIVO.ics [--db RUTA]")
                        .mut_arg("desde", arg(Msg::CliFrom))
                        .mut_arg("hasta", arg(Msg::CliTo))
                        .mut_arg("salida", arg(Msg::CliOut))
                        .mut_arg("si", arg(Msg::CliYes))
                })
                .mut_subcommand("boletin", |c| {
                    described(c, Msg::CliBulletin, "prensa exportar boletin FOLIO [--formato txt|md|html] --salida ARCHIVO [--db RUTA]")
                        .mut_arg("folio", |a| {
                            a.help(t(Msg::CliFolio)).help_heading(t(Msg::CliOptions))
                        })
                        .mut_arg("formato", arg(Msg::CliBulletinFormat))
                        .mut_arg("salida", arg(Msg::CliOut))
                        .mut_arg("si", arg(Msg::CliYes))
                })
                .mut_subcommand("archivo", |c| {
                    described(c, Msg::CliArchive, "prensa exportar archivo --desde FECHA --hasta FECHA --salida CARPETA [--si] [--formato texto|json] [--db RUTA]")
                        .mut_arg("desde", arg(Msg::CliFrom))
                        .mut_arg("hasta", arg(Msg::CliTo))
                        .mut_arg("salida", arg(Msg::CliOutFolder))
                        .mut_arg("formato", arg(Msg::CliFormat))
                        .mut_arg("si", arg(Msg::CliYes))
                })
        })
}

/// The help of an import of one file (`ARCHIVO [--formato] [--si]`): what it does, how it
/// is written, and what the file is.
fn file_import(c: clap::Command, about: Msg, usage: &'static str, file: Msg) -> clap::Command {
    let option = |msg: Msg| {
        move |a: clap::Arg| {
            a.help(t(msg))
                .help_heading(t(Msg::CliOptions))
                .hide_possible_values(true)
                .hide_default_value(true)
        }
    };
    described(c, about, usage)
        .mut_arg("archivo", |a| {
            a.help(t(file)).help_heading(t(Msg::CliOptions))
        })
        .mut_arg("formato", option(Msg::CliFormat))
        .mut_arg("si", |a| {
            a.help(t(Msg::CliYes)).help_heading(t(Msg::CliOptions))
        })
}

/// The language asked for before parsing, so that help and usage errors are in it too.
/// A subcommand's help in the catalogue's words: what it does, and how it is written.
fn described(c: clap::Command, about: Msg, usage: &'static str) -> clap::Command {
    c.about(t(about))
        .help_template(format!(
            "{{about}}\n\n{} {{usage}}\n\n{{all-args}}",
            t(Msg::CliUsage)
        ))
        .override_usage(usage)
}

fn early_lang(args: &[String]) -> Option<Lang> {
    let pos = args.iter().position(|a| a == "--lang")?;
    args.get(pos + 1).and_then(|v| parse_lang(v).ok())
}

/// The Spanish (or English) text of a usage error.
fn usage_message(e: &clap::Error) -> String {
    let context = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let detail = match e.kind() {
        ErrorKind::UnknownArgument => {
            tf(Msg::UsageUnknownArg, &[&context(ContextKind::InvalidArg)])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tf(Msg::UsageInvalidValue, &[&context(ContextKind::InvalidArg)])
        }
        ErrorKind::MissingRequiredArgument => t(Msg::UsageMissing).to_owned(),
        ErrorKind::InvalidSubcommand => tf(
            Msg::UsageUnknownCommand,
            &[&context(ContextKind::InvalidSubcommand)],
        ),
        _ => t(Msg::UsageOther).to_owned(),
    };
    format!("{}\n{}", tf(Msg::UsageError, &[&detail]), t(Msg::UsageHint))
}

/// How a command opens its database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Read and write; a missing file is created (the console, once the user agreed).
    Write,
    /// Read and write an existing file; a missing one is refused (every command but demo).
    Existing,
    /// Read an existing file and change nothing in it (a dry run).
    ReadOnly,
}

/// Opens the database for a command or the console: refused (exit 1, Spanish message) when it
/// is not prensa's, is newer, is cut short, is missing where it must exist, is not a regular
/// file, or sits on a network or removable drive.
pub(crate) fn open_store(
    path: &std::path::Path,
    access: Access,
) -> Result<crate::store::Store, ExitCode> {
    use crate::sync::drive::{drive_kind, DriveKind};
    let kind = drive_kind(path);
    if kind != DriveKind::Local {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let msg = if kind == DriveKind::Network {
            Msg::DriveNetwork
        } else {
            Msg::DriveRemovable
        };
        say(&tf(
            Msg::ErrorPrefix,
            &[&tf(msg, &[&path.display(), &folder.display()])],
        ));
        sync::offer_folder(folder);
        return Err(ExitCode::from(1));
    }
    let exists = crate::store::Store::locate(path).map_err(fail)?;
    if !exists {
        remove_leftovers_beside(path);
    }
    if !exists && access != Access::Write {
        return Err(fail(tf(Msg::DbMissingCommand, &[&path.display()])));
    }
    if config::default_db().as_deref() == Some(path) {
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return Err(fail(tf(
                    Msg::ErrIo,
                    &[&parent.display(), &crate::store::io_text(&e)],
                )));
            }
        }
    }
    let opts = crate::store::OpenOptions {
        backup_dir: config::backup_dir(),
        machine: None,
    };
    match access {
        Access::ReadOnly => crate::store::Store::open_read_only(path, &opts),
        Access::Write | Access::Existing => crate::store::Store::open(path, &opts),
    }
    .map_err(fail)
}

/// Opens the database a command names with `--db`, else the default one, as
/// [`open_store`] does; refused (exit 1) when there is no data folder to find it in.
pub(crate) fn open_db(
    db: Option<&std::path::Path>,
    access: Access,
) -> Result<crate::store::Store, ExitCode> {
    let Some(path) = db
        .map(std::path::Path::to_path_buf)
        .or_else(config::default_db)
    else {
        return Err(fail(t(Msg::NoDataDir)));
    };
    open_store(&path, access)
}

/// The folder a file is in (`.` for a bare file name).
pub(crate) fn folder_of(path: &std::path::Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
        .to_path_buf()
}

/// Removes the temporary files that killed runs of prensa left beside a database (a creation
/// or a demo cut short), never those of a run still going.
pub(crate) fn remove_leftovers_beside(path: &std::path::Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let dir = folder_of(path);
    for prefix in [
        format!(".{name}.nueva-"),
        format!(".{name}.demo-"),
        format!("..{name}.demo-"),
    ] {
        crate::sync::work::remove_leftovers(&dir, &prefix);
    }
}

/// Prints a failure the user can act on and returns exit code 1.
pub(crate) fn fail(message: impl std::fmt::Display) -> ExitCode {
    say(&tf(Msg::ErrorPrefix, &[&message]));
    ExitCode::from(1)
}

pub(crate) fn usage(message: impl std::fmt::Display) -> ExitCode {
    say(&format!("prensa: {message}"));
    ExitCode::from(2)
}

/// Writes a line to stderr; when stderr is gone (a closed terminal) there is no one to tell,
/// and that is not a reason to panic.
pub(crate) fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Chooses the language: the flag, then the configuration, then LANG, then Spanish.
fn choose_lang(flag: Option<Lang>, config: &Config) -> Lang {
    flag.or_else(|| config.lang.as_deref().and_then(Lang::parse))
        .or_else(|| std::env::var("LANG").ok().as_deref().and_then(Lang::parse))
        .unwrap_or_default()
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Some(lang) = early_lang(&args) {
        i18n::set_lang(lang);
    }
    let matches = match command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return usage(usage_message(&e)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return usage(usage_message(&e)),
    };
    let config = match config::config_path() {
        Some(path) => Config::load(&path).unwrap_or_else(|_| {
            say(&tf(Msg::ConfigBroken, &[&path.display()]));
            Config::default()
        }),
        None => Config::default(),
    };
    i18n::set_lang(choose_lang(cli.lang, &config));
    match &cli.command {
        Some(Command::Sincronizar(args)) => sync::run(cli.db.as_deref(), args, config),
        Some(Command::Resumen(args)) => brief::run(cli.db.as_deref(), args),
        Some(Command::Enviar(args)) => send::run(cli.db.as_deref(), args, &config),
        Some(Command::Importar(ImportArgs {
            what: ImportWhat::Agenda(args),
        })) => agenda::import(cli.db.as_deref(), args),
        Some(Command::Exportar(ExportArgs {
            what: ExportWhat::Agenda(args),
        })) => agenda::export(cli.db.as_deref(), args),
        Some(Command::Exportar(ExportArgs {
            what: ExportWhat::Boletin(args),
        })) => bulletin::export(cli.db.as_deref(), args),
        Some(Command::Importar(ImportArgs {
            what: ImportWhat::Contactos(args),
        })) => contacts::import(cli.db.as_deref(), args),
        Some(Command::Exportar(ExportArgs {
            what: ExportWhat::Contactos(args),
        })) => contacts::export(cli.db.as_deref(), args),
        Some(Command::Importar(ImportArgs {
            what: ImportWhat::Multimedia(args),
        })) => archive::import(cli.db.as_deref(), args),
        Some(Command::Importar(ImportArgs {
            what: ImportWhat::Alcance(args),
        })) => reach::import(cli.db.as_deref(), args),
        Some(Command::Exportar(ExportArgs {
            what: ExportWhat::Archivo(args),
        })) => archive::export(cli.db.as_deref(), args),
        Some(Command::Verificar(args)) => archive::verify(args),
        Some(Command::Demo(args)) => match &cli.db {
            Some(path) => demo::write(path, args),
            None => usage(format!(
                "{}\n{}",
                t(Msg::UsageDemoNeedsDb),
                t(Msg::UsageHint)
            )),
        },
        None if cli.demo => console::open_demo(),
        None => match (&cli.db, config::default_db()) {
            (Some(path), _) => console::open(path, true),
            (None, Some(path)) => console::open(&path, false),
            (None, None) => fail(t(Msg::NoDataDir)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let m = command().try_get_matches_from(args)?;
        Cli::from_arg_matches(&m)
    }

    #[test]
    fn parses_the_documented_forms() {
        let c = parse(&["prensa", "--demo"]).unwrap();
        assert!(c.demo);
        let c = parse(&["prensa", "demo", "--db", "x.sqlite", "--grande"]).unwrap();
        assert!(matches!(
            c.command,
            Some(Command::Demo(DemoArgs { grande: true, .. }))
        ));
        assert_eq!(c.db, Some(PathBuf::from("x.sqlite")));
        let c = parse(&["prensa", "--lang", "en"]).unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        let c = parse(&[
            "prensa",
            "sync",
            "/media/usb",
            "--revisar",
            "--formato",
            "json",
        ])
        .unwrap();
        match c.command {
            Some(Command::Sincronizar(a)) => {
                assert!(a.revisar && a.formato == Format::Json);
                assert_eq!(a.carpeta, Some(PathBuf::from("/media/usb")));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_the_archive_commands() {
        let c = parse(&["prensa", "import", "media", "fotos", "IMG_1.jpg", "--yes"]).unwrap();
        match c.command {
            Some(Command::Importar(ImportArgs {
                what: ImportWhat::Multimedia(a),
            })) => {
                assert!(a.si);
                assert_eq!(
                    a.rutas,
                    [PathBuf::from("fotos"), PathBuf::from("IMG_1.jpg")]
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(parse(&["prensa", "importar", "multimedia"]).is_err());
        let c = parse(&[
            "prensa",
            "exportar",
            "archivo",
            "--desde",
            "2023-03-01",
            "--hasta",
            "hoy",
            "--salida",
            "entrega",
            "--formato",
            "json",
        ])
        .unwrap();
        assert!(matches!(
            c.command,
            Some(Command::Exportar(ExportArgs {
                what: ExportWhat::Archivo(ExportArchiveArgs {
                    formato: Format::Json,
                    ..
                })
            }))
        ));
        let c = parse(&["prensa", "verify", "entrega"]).unwrap();
        assert!(matches!(
            c.command,
            Some(Command::Verificar(VerifyArgs { .. }))
        ));
    }

    #[test]
    fn usage_errors_are_spanish() {
        let e = parse(&["prensa", "--nada"]).unwrap_err();
        let msg = usage_message(&e);
        assert!(msg.contains("opción desconocida «--nada»"), "{msg}");
        let e = parse(&["prensa", "--lang", "fr"]).unwrap_err();
        assert!(usage_message(&e).contains("valor no válido"));
    }

    #[test]
    fn help_is_spanish() {
        let help = command().render_help().to_string();
        assert!(help.contains("Muestra esta ayuda"), "{help}");
        assert!(
            help.contains("Opciones") && !help.contains("Options"),
            "{help}"
        );
        let mut built = command();
        built.build();
        let sub = built
            .find_subcommand_mut("demo")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(
            sub.contains("conjunto grande") && !sub.contains("Options"),
            "{sub}"
        );
    }
}
