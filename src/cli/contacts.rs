//! `prensa importar contactos ARCHIVO [--columna CAMPO=ENCABEZADO]… [--si]` and
//! `prensa exportar contactos --salida ARCHIVO.vcf|.csv [--sin-datos-personales]`
//! (aliases `import contacts`, `export contacts`).
use std::path::Path;
use std::process::ExitCode;

use super::agenda::{run_import, Wording};
use super::{fail, open_db, Access, ExportContactsArgs, ImportContactsArgs};
use crate::i18n::{tf, Msg};
use crate::interop::contacts::{self, export, ContactFormat, Field};

pub fn import(db: Option<&Path>, args: &ImportContactsArgs) -> ExitCode {
    let mut fixes = Vec::new();
    for c in &args.columnas {
        let Some((field, header)) = c.split_once('=') else {
            return super::usage(tf(Msg::UsageColumn, &[c, &fields()]));
        };
        let Some(field) = Field::from_key(field) else {
            return super::usage(tf(Msg::UsageColumn, &[c, &fields()]));
        };
        let header = header.trim();
        fixes.push((field, (!header.is_empty()).then(|| header.to_owned())));
    }
    run_import(
        db,
        &args.archivo.display().to_string(),
        args.formato,
        args.si,
        Wording::file(Msg::ContactsEmpty, Msg::ContactsNothingNew),
        |store| contacts::prepare(&args.archivo, store, &fixes),
    )
}

/// The field names `--columna` takes.
fn fields() -> String {
    Field::ALL.map(Field::key).join(", ")
}

pub fn export(db: Option<&Path>, args: &ExportContactsArgs) -> ExitCode {
    let format = ContactFormat::of(&args.salida, b"BEGIN:VCARD");
    let store = match open_db(db, Access::ReadOnly) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let people = match export::contacts(&store) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let bytes = export::write(&people, format, !args.sin_datos_personales);
    if let Err(e) = crate::interop::output::write_output(&args.salida, &bytes) {
        return fail(tf(
            Msg::ErrIo,
            &[&args.salida.display(), &crate::store::io_text(&e)],
        ));
    }
    println!(
        "{}",
        tf(
            Msg::ContactsExported,
            &[&people.len(), &args.salida.display()]
        )
    );
    ExitCode::SUCCESS
}
