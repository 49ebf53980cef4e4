//! Media contacts in and out: `prensa importar contactos` (vCard 2.1/3.0/4.0 and CSV) and
//! `prensa exportar contactos` (vCard 4.0 or CSV). Import follows the pipeline of
//! [`crate::interop`]: the file is read into [`Contact`]s, planned against the directory
//! (matched by e-mail, then phone, then name and outlet, so a re-import never duplicates
//! anyone), previewed, and written in one transaction.
mod columns;
mod csvfile;
pub mod export;
mod plan;
mod vcard;

use std::path::Path;

pub(crate) use columns::Column;
pub use columns::{Field, Mapping};
pub(crate) use csvfile::{decode, Table};
pub use plan::Prepared;

use crate::domain::status::{OutletKind, SendChannel};
use crate::domain::text::clean;
use crate::interop::ical::ImportError;

/// The largest contacts file read (an address book of 20,000 people with photos is far less).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One person as a file describes them. Empty text is "not said".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// Where the person starts in the file (1-based line).
    pub line: Option<usize>,
    pub name: String,
    pub outlet: String,
    pub outlet_kind: Option<OutletKind>,
    pub role: String,
    pub beats: String,
    pub email: String,
    pub phone: String,
    pub channel: Option<SendChannel>,
    pub notes: String,
    pub lists: Vec<String>,
    /// "Do not contact", with its reason (which may be empty).
    pub do_not_contact: Option<String>,
    /// They consented to the office holding their data, on this day (`YYYY-MM-DD`, or empty
    /// when the day is not known).
    pub consent: Option<String>,
    /// Why this entry cannot be imported (read from a broken card).
    pub broken: Option<String>,
}

/// A list's name as the directory keeps it: spaces collapsed ("Medios  Huasteca" is
/// "Medios Huasteca").
pub fn list_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Contact {
    /// Its text as the directory may keep and show it: without control characters or the
    /// marks that reorder what a terminal shows ([`clean`]).
    fn cleaned(self) -> Contact {
        let c = |s: String| clean(&s);
        Contact {
            name: c(self.name),
            outlet: c(self.outlet),
            role: c(self.role),
            beats: c(self.beats),
            email: c(self.email),
            phone: c(self.phone),
            notes: c(self.notes),
            lists: self.lists.into_iter().map(c).collect(),
            do_not_contact: self.do_not_contact.map(c),
            consent: self.consent.map(c),
            ..self
        }
    }

    /// A journalist as the directory holds them: their outlet's name and their lists' names.
    pub fn stored(
        outlet: String,
        j: crate::domain::edit::JournalistInput,
        lists: Vec<String>,
    ) -> Contact {
        Contact {
            name: j.name,
            outlet,
            role: j.role,
            beats: j.beats,
            email: j.email,
            phone: j.phone,
            channel: Some(j.channel),
            notes: j.notes,
            lists,
            do_not_contact: j.do_not_contact.then_some(j.dnc_reason),
            consent: j.consent.then_some(j.privacy_notice_on),
            ..Contact::default()
        }
    }
}

/// The formats contacts are read and written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactFormat {
    VCard,
    Csv,
}

impl ContactFormat {
    /// By the file's extension; by its content when the extension says nothing.
    pub fn of(path: &Path, bytes: &[u8]) -> ContactFormat {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "vcf" | "vcard" => ContactFormat::VCard,
            "csv" | "txt" | "tsv" => ContactFormat::Csv,
            _ => {
                let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_uppercase();
                if head.contains("BEGIN:VCARD") {
                    ContactFormat::VCard
                } else {
                    ContactFormat::Csv
                }
            }
        }
    }
}

/// Reads a file whole, refused when it cannot be read or is far too large.
fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    read_capped(path, MAX_BYTES, crate::i18n::Msg::ContactsTooLarge)
}

/// Reads a file whole, refused when it cannot be read, is not a file, or is larger than
/// `max` bytes (`too_large` says so: `{}` the file, `{}` its size).
pub(crate) fn read_capped(
    path: &Path,
    max: u64,
    too_large: crate::i18n::Msg,
) -> Result<Vec<u8>, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::Io(path.to_path_buf(), e))?;
    crate::interop::ical::check_file(path, &meta)?;
    if meta.len() > max {
        return Err(ImportError::Broken {
            line: None,
            reason: crate::i18n::tf(too_large, &[&path.display(), &meta.len()]),
        });
    }
    std::fs::read(path).map_err(|e| ImportError::Io(path.to_path_buf(), e))
}

/// Reads a contacts file and plans it against the directory: nothing is written. `mapping`
/// corrects how a CSV's columns are read (the preview shows what was guessed).
pub fn prepare(
    path: &Path,
    store: &crate::store::Store,
    mapping: &[(Field, Option<String>)],
) -> Result<Prepared, ImportError> {
    let bytes = read_bytes(path)?;
    prepare_bytes(&path.display().to_string(), path, &bytes, store, mapping)
}

/// [`prepare`] for bytes already read (`source` names them in the preview).
pub fn prepare_bytes(
    source: &str,
    path: &Path,
    bytes: &[u8],
    store: &crate::store::Store,
    mapping: &[(Field, Option<String>)],
) -> Result<Prepared, ImportError> {
    let (contacts, notices) = read_contacts(path, bytes, mapping)?;
    plan::plan(source, contacts, notices, store)
}

/// The people a file holds, and notices about how it was read.
pub fn read_contacts(
    path: &Path,
    bytes: &[u8],
    mapping: &[(Field, Option<String>)],
) -> Result<(Vec<Contact>, Vec<String>), ImportError> {
    let (people, notices) = match ContactFormat::of(path, bytes) {
        ContactFormat::VCard => (vcard::read(&csvfile::decode(bytes).0)?, Vec::new()),
        ContactFormat::Csv => csvfile::read(bytes, mapping)?,
    };
    Ok((people.into_iter().map(Contact::cleaned).collect(), notices))
}
