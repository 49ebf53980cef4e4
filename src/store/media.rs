//! The media store (DESIGN §4): files kept by their SHA-256 in a folder beside the database,
//! `<db file name>.media/ab/cdef….ext`. A file is copied in whole under a temporary name in
//! its final folder, flushed to disk, then renamed: a copy cut short (a kill, a power cut)
//! never stands under a final name, and what is left under a temporary name (`….tmp`, which
//! the sync skips too) is never taken for the file. Originals are only read. A file stored
//! twice is stored once.
use std::fmt;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use super::error::{io_text, Result, StoreError};
use super::files::{remove_stale_temporaries, sync_dir};
use super::Store;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::media::{mime_of, FileLine, MediaKind};
use crate::i18n::{t, tf, Msg};

/// A temporary file older than this is left over from a copy that never finished.
const STALE: Duration = Duration::from_secs(3600);

/// A file as the media store holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFile {
    pub sha256: String,
    pub size: u64,
    /// Where it is, relative to the media folder, with `/` between the parts: `ab/cdef….jpg`.
    pub stored_path: String,
    /// The original's name, without its folder.
    pub file_name: String,
    pub kind: MediaKind,
    pub mime: &'static str,
    /// The original's own date (when it was last modified), local `YYYY-MM-DDTHH:MM`; empty
    /// when the system does not say.
    pub taken_at: String,
}

/// Why a file could not be stored.
#[derive(Debug)]
pub enum FileProblem {
    /// Nothing is at the path.
    Missing,
    /// The path is a folder.
    Directory,
    /// Something that is not a regular file (a pipe, a device).
    NotAFile,
    /// The file could not be read.
    Unreadable(std::io::Error),
    /// The file changed while it was being copied.
    Changed,
    /// The copy could not be written into the media folder.
    Copy(std::io::Error),
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            FileProblem::Missing => t(Msg::FileMissing).to_owned(),
            FileProblem::Directory => t(Msg::FileIsFolder).to_owned(),
            FileProblem::NotAFile => t(Msg::FileNotRegular).to_owned(),
            FileProblem::Unreadable(e) => tf(Msg::FileUnreadable, &[&io_text(e)]),
            FileProblem::Changed => t(Msg::FileChanged).to_owned(),
            FileProblem::Copy(e) => tf(Msg::FileNotCopied, &[&io_text(e)]),
        };
        f.write_str(&text)
    }
}

/// The media folder of the database at `db`: `<db file name>.media` beside it.
pub fn media_dir_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".media");
    PathBuf::from(name)
}

/// The SHA-256 of what `reader` gives (lowercase hex) and its size, read in pieces; each piece
/// also written to `copy` when there is one.
fn hash_of(
    reader: &mut impl Read,
    mut copy: Option<&mut File>,
) -> std::result::Result<(String, u64), FileProblem> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(FileProblem::Unreadable(e)),
        };
        hasher.update(&buf[..n]);
        if let Some(out) = copy.as_deref_mut() {
            out.write_all(&buf[..n]).map_err(FileProblem::Copy)?;
        }
        size += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, size))
}

/// Makes a folder (and those above it) readable by its owner only (0700 on Unix): the media of
/// a press office holds people's faces and documents.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The extension a stored file keeps: the original's, lowercased, when it is a plain one.
fn extension(path: &Path) -> String {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !ext.is_empty() && ext.len() <= 10 && ext.chars().all(|c| c.is_ascii_alphanumeric()) {
        ext
    } else {
        String::new()
    }
}

/// A file's modified time as the store keeps local times.
fn local_stamp(time: SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(time)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Stores a copy of `source` in the media folder `media` (made when absent), unless a copy of
/// the same content is there already. The original is only read.
pub fn store_file(media: &Path, source: &Path) -> std::result::Result<StoredFile, FileProblem> {
    let meta = match fs::metadata(source) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(FileProblem::Missing),
        Err(e) => return Err(FileProblem::Unreadable(e)),
    };
    if meta.is_dir() {
        return Err(FileProblem::Directory);
    }
    if !meta.is_file() {
        return Err(FileProblem::NotAFile);
    }
    let mut input = File::open(source).map_err(FileProblem::Unreadable)?;
    let (sha256, size) = hash_of(&mut input, None)?;
    drop(input);
    let ext = extension(source);
    let (shard, rest) = sha256.split_at(2);
    let name = if ext.is_empty() {
        rest.to_owned()
    } else {
        format!("{rest}.{ext}")
    };
    let folder = media.join(shard);
    let dest = folder.join(&name);
    let stored = StoredFile {
        stored_path: format!("{shard}/{name}"),
        file_name: source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind: MediaKind::from_extension(&ext),
        mime: mime_of(&ext),
        taken_at: meta.modified().map(local_stamp).unwrap_or_default(),
        sha256: sha256.clone(),
        size,
    };
    // Stored already (a copy of the right size: the name is its content's hash).
    if fs::metadata(&dest).is_ok_and(|m| m.is_file() && m.len() == size) {
        return Ok(stored);
    }
    private_dir(&folder).map_err(FileProblem::Copy)?;
    let tmp = folder.join(format!("{name}.{}.tmp", std::process::id()));
    let copied = copy_then_rename(source, &tmp, &dest, &sha256);
    if copied.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    copied?;
    sync_dir(&folder);
    remove_stale_temporaries(&folder, &format!("{name}."), STALE);
    Ok(stored)
}

/// Stores `bytes` as a file named `name` (its extension tells its kind) in the media folder
/// `media`, as [`store_file`] stores a file: made whole under a temporary name, then renamed;
/// once only. What the demo's photos are written with.
pub fn store_bytes(
    media: &Path,
    name: &str,
    bytes: &[u8],
) -> std::result::Result<StoredFile, FileProblem> {
    let staging = media.join(".entrante");
    private_dir(&staging).map_err(FileProblem::Copy)?;
    let source = staging.join(format!("{}-{name}", std::process::id()));
    let written = fs::write(&source, bytes).map_err(FileProblem::Copy);
    let stored = written.and_then(|()| store_file(media, &source));
    let _ = fs::remove_file(&source);
    let _ = fs::remove_dir(&staging);
    let mut stored = stored?;
    stored.file_name = name.to_owned();
    Ok(stored)
}

/// Moves the media folder of the database at `from` to be the one of `to` (a database written
/// under a temporary name and put in place): renamed whole when `to` has none; else each file
/// that `to`'s folder lacks is moved in (a file of the same name is the same content).
pub fn move_media(from: &Path, to: &Path) -> std::io::Result<()> {
    let (source, target) = (media_dir_of(from), media_dir_of(to));
    if !source.is_dir() {
        return Ok(());
    }
    if !target.exists() {
        return fs::rename(&source, &target);
    }
    for shard in fs::read_dir(&source)?.flatten() {
        let into = target.join(shard.file_name());
        private_dir(&into)?;
        for file in fs::read_dir(shard.path())?.flatten() {
            let name = file.file_name();
            if !into.join(&name).exists() && !name.to_string_lossy().ends_with(".tmp") {
                fs::rename(file.path(), into.join(&name))?;
            }
        }
    }
    fs::remove_dir_all(&source)
}

/// Copies `source` to `tmp` (readable by its owner only), checks that what was copied is the
/// content hashed before, flushes it to disk and renames it to `dest`.
fn copy_then_rename(
    source: &Path,
    tmp: &Path,
    dest: &Path,
    sha256: &str,
) -> std::result::Result<(), FileProblem> {
    // One left by a killed process that had this process's number is nobody's.
    let _ = fs::remove_file(tmp);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(tmp).map_err(FileProblem::Copy)?;
    let mut input = File::open(source).map_err(FileProblem::Unreadable)?;
    let (hash, _) = hash_of(&mut input, Some(&mut out))?;
    if hash != sha256 {
        return Err(FileProblem::Changed);
    }
    out.sync_all().map_err(FileProblem::Copy)?;
    drop(out);
    fs::rename(tmp, dest).map_err(FileProblem::Copy)
}

impl Store {
    /// The media folder beside the database: `<db file name>.media`.
    pub fn media_dir(&self) -> PathBuf {
        media_dir_of(self.path())
    }

    /// Removes what copies cut short (a kill, a lost power) left in the media folder, once
    /// they are an hour old: a file is never partial under its final name, but its temporary
    /// would otherwise stay until the same file were attached again.
    pub fn sweep_media_temporaries(&self) {
        let Ok(shards) = fs::read_dir(self.media_dir()) else {
            return;
        };
        for shard in shards.flatten().filter(|s| s.path().is_dir()) {
            remove_stale_temporaries(&shard.path(), "", STALE);
        }
    }

    /// Stores a copy of a file in the media folder (nothing is written to the database).
    pub fn store_media_file(&self, source: &Path) -> std::result::Result<StoredFile, FileProblem> {
        store_file(&self.media_dir(), source)
    }

    /// The files attached to a report, in the order they were attached.
    pub fn report_files(&self, report_id: &str) -> Result<Vec<FileLine>> {
        self.files_of("report_files", "report_id", report_id)
    }

    /// The files delivered for a request for material, in the order they were added.
    pub fn material_files(&self, material_id: &str) -> Result<Vec<FileLine>> {
        self.files_of("material_files", "material_id", material_id)
    }

    /// The files a link table ties to a record, with what the media store knows of each.
    fn files_of(&self, table: &str, column: &str, id: &str) -> Result<Vec<FileLine>> {
        let rows = self
            .conn()
            .prepare_cached(&format!(
                "SELECT f.id, m.id, m.file_name, m.kind, m.size
                 FROM {table} f JOIN media m ON m.id = f.media_id
                 WHERE f.{column} = ?1 AND f.deleted_at IS NULL
                 ORDER BY f.created_at, f.rowid"
            ))?
            .query_map([id], |r| {
                Ok(FileLine {
                    id: r.get(0)?,
                    media_id: r.get(1)?,
                    file_name: r.get(2)?,
                    kind: MediaKind::from_code(&r.get::<_, String>(3)?),
                    size: r.get::<_, i64>(4)?.max(0) as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// An attachment's file: its name as attached, and where its copy is in the media folder.
    pub fn attachment_file(&self, target: &Target) -> Result<(String, PathBuf)> {
        let links = match target.kind {
            RecordKind::MaterialFile => "material_files",
            _ => "report_files",
        };
        let found: Option<(String, String)> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT m.file_name, m.stored_path FROM {links} f
                 JOIN media m ON m.id = f.media_id WHERE f.id = ?1"
            ))?
            .query_row([&target.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (name, stored) = found.ok_or_else(|| StoreError::NotFound {
            table: links.to_owned(),
            id: target.id.clone(),
        })?;
        let mut path = self.media_dir();
        path.extend(stored.split('/').filter(|p| !p.is_empty() && *p != ".."));
        Ok((name, path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, bytes: &[u8]) {
        fs::write(path, bytes).unwrap();
    }

    #[test]
    fn a_file_is_stored_under_its_hash_once_and_the_original_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let media = dir.path().join("db.sqlite.media");
        let photo = dir.path().join("Foto Uno.JPG");
        write(&photo, b"not really a jpeg");
        let a = store_file(&media, &photo).unwrap();
        assert_eq!(a.kind, MediaKind::Photo);
        assert_eq!(a.mime, "image/jpeg");
        assert_eq!(a.file_name, "Foto Uno.JPG");
        assert_eq!(a.size, 17);
        assert_eq!(
            a.stored_path,
            format!("{}/{}.jpg", &a.sha256[..2], &a.sha256[2..])
        );
        let stored = media
            .join(&a.sha256[..2])
            .join(format!("{}.jpg", &a.sha256[2..]));
        assert_eq!(fs::read(&stored).unwrap(), b"not really a jpeg");
        assert_eq!(fs::read(&photo).unwrap(), b"not really a jpeg");
        // The same content under another name: the same copy, not a second one.
        let again = dir.path().join("copia.jpg");
        write(&again, b"not really a jpeg");
        let b = store_file(&media, &again).unwrap();
        assert_eq!(b.stored_path, a.stored_path);
        let files: Vec<_> = fs::read_dir(media.join(&a.sha256[..2])).unwrap().collect();
        assert_eq!(files.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_media_folder_and_its_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let media = dir.path().join("db.sqlite.media");
        let doc = dir.path().join("oficio.pdf");
        write(&doc, b"%PDF");
        let s = store_file(&media, &doc).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&media), 0o700);
        assert_eq!(mode(&media.join(&s.sha256[..2])), 0o700);
        assert_eq!(mode(&media.join(&s.stored_path)), 0o600);
    }

    #[test]
    fn what_is_not_a_readable_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let media = dir.path().join("db.sqlite.media");
        assert!(matches!(
            store_file(&media, &dir.path().join("no-existe.jpg")),
            Err(FileProblem::Missing)
        ));
        assert!(matches!(
            store_file(&media, dir.path()),
            Err(FileProblem::Directory)
        ));
        assert!(!media.exists(), "nothing stored, no folder made");
    }

    #[test]
    fn a_damaged_copy_under_the_final_name_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let media = dir.path().join("db.sqlite.media");
        let photo = dir.path().join("a.png");
        write(&photo, b"0123456789");
        let s = store_file(&media, &photo).unwrap();
        let stored = media.join(&s.stored_path);
        write(&stored, b"01234");
        store_file(&media, &photo).unwrap();
        assert_eq!(fs::read(&stored).unwrap(), b"0123456789");
    }
}
