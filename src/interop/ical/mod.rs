//! iCalendar (RFC 5545) in and out: `prensa importar agenda` / `exportar agenda` and the same
//! from the console. Import: [`prepare`] reads and plans, [`Prepared::apply`] writes.
pub mod export;
mod import;
pub mod parse;
mod plan;
pub mod windows_zones;
pub mod write;
pub mod zones;

use std::path::Path;

pub use export::export;
pub use import::{prepare, prepare_text, Prepared};

use crate::i18n::{tf, Msg};
use crate::store::StoreError;

/// Why a whole file was refused (nothing was written).
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read.
    Io(std::path::PathBuf, std::io::Error),
    /// Too large to be a calendar.
    TooLarge(std::path::PathBuf, u64),
    /// A device, a pipe: something that is not a file to read.
    NotAFile(std::path::PathBuf),
    /// Not a calendar, or its structure is broken.
    Broken { line: Option<usize>, reason: String },
    /// The store refused the batch (nothing was written).
    Store(StoreError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Io(path, e) => f.write_str(&tf(
                Msg::ErrIo,
                &[&path.display(), &crate::store::io_text(e)],
            )),
            ImportError::NotAFile(path) => {
                f.write_str(&tf(Msg::ImportNotAFile, &[&path.display()]))
            }
            ImportError::TooLarge(path, size) => {
                f.write_str(&tf(Msg::IcalTooLarge, &[&path.display(), &size]))
            }
            ImportError::Broken { line, reason } => match line {
                Some(line) => f.write_str(&tf(Msg::IcalBrokenAt, &[line, reason])),
                None => f.write_str(&tf(Msg::IcalBroken, &[reason])),
            },
            ImportError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// A path to import from is a file: a folder, a device or a pipe is refused with what it is.
pub fn check_file(path: &Path, meta: &std::fs::Metadata) -> Result<(), ImportError> {
    if meta.is_dir() {
        return Err(ImportError::Io(
            path.to_path_buf(),
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    if !meta.is_file() {
        return Err(ImportError::NotAFile(path.to_path_buf()));
    }
    Ok(())
}

/// The text of a calendar file, refused when it cannot be read or is far too large.
pub fn read_file(path: &Path) -> Result<String, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::Io(path.to_path_buf(), e))?;
    check_file(path, &meta)?;
    if meta.len() > parse::MAX_BYTES {
        return Err(ImportError::TooLarge(path.to_path_buf(), meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::Io(path.to_path_buf(), e))?;
    Ok(parse::decode(&bytes))
}

#[cfg(test)]
mod tests;
