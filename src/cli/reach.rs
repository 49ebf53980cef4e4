//! `prensa importar alcance ARCHIVO.csv [--si] [--formato texto|json]` (alias
//! `import reach`): a page's per-post insights, as Meta Business Suite exports them, kept on
//! the publications they are about.
use std::path::Path;
use std::process::ExitCode;

use super::agenda::{run_import, Wording};
use super::ImportReachArgs;
use crate::i18n::Msg;
use crate::interop::reach;

pub fn import(db: Option<&Path>, args: &ImportReachArgs) -> ExitCode {
    run_import(
        db,
        &args.archivo.display().to_string(),
        args.formato,
        args.si,
        Wording::file(Msg::ReachEmpty, Msg::ReachNothingNew),
        |store| reach::prepare(&args.archivo, store),
    )
}
