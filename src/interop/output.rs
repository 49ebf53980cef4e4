//! Files the user names with `--salida`: written whole or not at all, and never in place of
//! something that is not a file of theirs, nor of a database (this one or any other).
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::IsDatabase;

/// Whether the file at `path` is an SQLite database (by its first bytes), or the journal or
/// write-ahead log beside one (replacing those would undo a write or lose one).
fn is_database(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if ["-journal", "-wal", "-shm"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        return true;
    }
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// A new file only its owner may read (on Unix; elsewhere the folder's permissions hold).
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Writes `bytes` to `path`. A regular file (new or existing) is written beside it and renamed
/// over it, so a reader never sees half of it. A link is followed, and its target written
/// the same way. Anything else that exists there (a device such as `/dev/null`, a pipe) is
/// written into, as a shell redirection would, never replaced; a failure to write (a full
/// device) is an error, not a success.
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target: PathBuf = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        )),
        Ok(m) if !m.is_file() => {
            let mut out = std::fs::OpenOptions::new().write(true).open(&target)?;
            out.write_all(bytes)?;
            out.flush()
        }
        _ if is_database(&target) => Err(std::io::Error::other(IsDatabase)),
        existing => {
            let tmp = crate::store::temporary_beside(&target, "salida");
            let written = (|| {
                // Written unreadable to others from the start (a brief names journalists); a
                // file replaced keeps who could read it.
                let mut file = create_private(&tmp)?;
                file.write_all(bytes)?;
                if let Ok(m) = &existing {
                    file.set_permissions(m.permissions())?;
                }
                file.sync_all()?;
                std::fs::rename(&tmp, &target)
            })();
            if written.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            written
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_followed_and_a_device_is_written_into_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("agenda.ics");
        std::fs::write(&target, "viejo").unwrap();
        let link = dir.path().join("enlace.ics");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_output(&link, b"nuevo").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nuevo");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());

        write_output(Path::new("/dev/null"), b"nada").unwrap();
        let null = std::fs::metadata("/dev/null").unwrap();
        assert!(!null.is_file(), "/dev/null is still a device");
        if Path::new("/dev/full").exists() {
            assert!(write_output(Path::new("/dev/full"), b"lleno").is_err());
            assert!(!std::fs::metadata("/dev/full").unwrap().is_file());
        }
        assert!(
            write_output(dir.path(), b"x").is_err(),
            "a folder is refused"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "nothing left behind"
        );
    }

    #[test]
    fn a_database_is_never_replaced_and_a_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("prensa.sqlite");
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        let before = std::fs::read(&db).unwrap();
        let err = write_output(&db, b"resumen").unwrap_err();
        assert!(err.get_ref().is_some_and(|e| e.is::<IsDatabase>()));
        assert_eq!(std::fs::read(&db).unwrap(), before);
        let link = dir.path().join("enlace.md");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        assert!(
            write_output(&link, b"resumen").is_err(),
            "nor through a link"
        );
        assert_eq!(std::fs::read(&db).unwrap(), before);

        let private = dir.path().join("resumen.md");
        std::fs::write(&private, "viejo").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_output(&private, b"nuevo").unwrap();
        assert_eq!(std::fs::read_to_string(&private).unwrap(), "nuevo");
        let mode = std::fs::metadata(&private).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let new = dir.path().join("nuevo.md");
        write_output(&new, b"nuevo").unwrap();
        let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a new output is its owner's alone");
        let journal = dir.path().join("prensa.sqlite-journal");
        assert!(
            write_output(&journal, b"x").is_err(),
            "nor a journal beside it"
        );
        assert!(!journal.exists());
    }
}
