//! The archive's files in and out: photos, video, audio and documents imported
//! (`prensa importar multimedia`), the handover and transparency export
//! (`prensa exportar archivo`) and the check of an exported folder (`prensa verificar`).
pub mod export;
mod html;
pub mod import;
pub mod verify;

pub use export::{export, Destination, ExportError, ExportReport, MissingFile};
pub use import::{prepare_files, Gathered, GatheredFile, Prepared};
pub use verify::{verify, VerifyError, VerifyReport, MANIFEST};
