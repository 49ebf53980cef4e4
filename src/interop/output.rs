//! Files the user names with `--salida`: written whole or not at all, and never in place of
//! something that is not a file of theirs.
use std::io::Write;
use std::path::{Path, PathBuf};

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
        _ => {
            let tmp = crate::store::temporary_beside(&target, "salida");
            let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, &target));
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
}
