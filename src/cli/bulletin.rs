//! `prensa exportar boletin FOLIO --formato txt|md|html --salida ARCHIVO`: one press release as
//! the office sends it, written whole or not at all.
use std::path::Path;
use std::process::ExitCode;

use super::{fail, open_store, Access, ExportBulletinArgs};
use crate::config;
use crate::i18n::{t, tf, Msg};
use crate::interop::bulletin::{render, BulletinFormat};

pub fn export(db: Option<&Path>, args: &ExportBulletinArgs) -> ExitCode {
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let store = match open_store(&path, Access::ReadOnly) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let bulletin = match store.bulletin(&args.folio) {
        Ok(Some(b)) => b,
        Ok(None) => return fail(tf(Msg::BulletinNotFound, &[&args.folio.trim()])),
        Err(e) => return fail(e),
    };
    let format = args
        .formato
        .unwrap_or_else(|| BulletinFormat::from_path(&args.salida));
    let text = render(&bulletin, format);
    if let Err(e) = crate::interop::output::write_output(&args.salida, text.as_bytes()) {
        return fail(tf(
            Msg::ErrIo,
            &[&args.salida.display(), &crate::store::io_text(&e)],
        ));
    }
    println!(
        "{}",
        tf(
            Msg::BulletinExported,
            &[&bulletin.folio, &args.salida.display()]
        )
    );
    ExitCode::SUCCESS
}
