//! The sync folder on a stick or a share: per replica, a manifest (`<base>.json`) naming a
//! snapshot and the deltas written since, each with its SHA-256 and size. Each machine writes
//! only its own files, always through a temporary name, fsync, read-back hash and rename; the
//! manifest is written last, so it only ever names complete files.
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::SyncError;
use crate::store::{sync_dir, Clocks};

/// The manifest format this build writes and reads.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Snapshot,
    Delta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub kind: FileKind,
    pub sha256: String,
    pub size: u64,
    /// Ops after these clocks (per replica) are in the file…
    pub from: Clocks,
    /// …up to these.
    pub to: Clocks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub replica: String,
    pub machine: String,
    pub schema: i64,
    pub written_at: String,
    /// The snapshot first, then the deltas in order.
    pub files: Vec<FileEntry>,
    /// Everything the files hold, per replica.
    pub clocks: Clocks,
}

/// `prensa-<machine>-<last 8 of the replica id>`: every file of one replica starts with it.
pub fn base_name(machine: &str, replica: &str) -> String {
    let mut name = String::new();
    for c in machine.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_matches('-');
    let name = if name.is_empty() { "equipo" } else { name };
    let name: String = name.chars().take(32).collect();
    let tail = &replica[replica.len().saturating_sub(8)..];
    format!("prensa-{name}-{tail}")
}

/// SHA-256 (hex) and size of a file.
pub fn hash_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, size))
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> SyncError + '_ {
    move |source| SyncError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `name` in the folder without ever leaving it half-written: to `name.tmp`, fsync,
/// read back and compare the hash (when one is expected), rename, fsync the folder.
fn write_then_rename(
    folder: &Path,
    name: &str,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
    sha256: Option<&str>,
) -> Result<(), SyncError> {
    let tmp = folder.join(format!("{name}.tmp"));
    let dest = folder.join(name);
    let result = (|| {
        let mut out = File::create(&tmp).map_err(io(&tmp))?;
        write(&mut out).map_err(io(&tmp))?;
        out.sync_all().map_err(io(&tmp))?;
        drop(out);
        if let Some(expected) = sha256 {
            let (back, _) = hash_file(&tmp).map_err(io(&tmp))?;
            if back != expected {
                return Err(SyncError::WriteVerify { path: dest.clone() });
            }
        }
        fs::rename(&tmp, &dest).map_err(io(&dest))?;
        sync_dir(folder);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Copies a local file into the folder under `name`, checking what was written by its hash.
pub fn publish_file(
    local: &Path,
    folder: &Path,
    name: &str,
    sha256: &str,
) -> Result<(), SyncError> {
    let mut src = File::open(local).map_err(io(local))?;
    write_then_rename(
        folder,
        name,
        |out| std::io::copy(&mut src, out).map(drop),
        Some(sha256),
    )
}

/// Writes a manifest, `<base>.json`.
pub fn write_manifest(folder: &Path, base: &str, manifest: &Manifest) -> Result<(), SyncError> {
    let text = serde_json::to_vec_pretty(manifest).unwrap_or_default();
    write_then_rename(
        folder,
        &format!("{base}.json"),
        |out| out.write_all(&text),
        None,
    )
}

/// The manifests of a folder: those that read, and a refusal for each one that does not.
#[derive(Debug, Default)]
pub struct Scan {
    pub manifests: Vec<(PathBuf, Manifest)>,
    pub unreadable: Vec<(PathBuf, SyncError)>,
}

/// Every manifest in the folder. One that cannot be read is set apart, never a reason to stop:
/// only a folder that cannot be listed is.
pub fn read_manifests(folder: &Path) -> Result<Scan, SyncError> {
    let entries = fs::read_dir(folder).map_err(|source| SyncError::Read {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut scan = Scan::default();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("prensa-") && name.ends_with(".json")) {
            continue;
        }
        let read = fs::read(&path)
            .map_err(|source| SyncError::Read {
                path: path.clone(),
                source,
            })
            .and_then(|text| {
                serde_json::from_slice::<Manifest>(&text)
                    .ok()
                    .filter(|m| m.format == FORMAT)
                    .ok_or_else(|| SyncError::Manifest { path: path.clone() })
            });
        match read {
            Ok(manifest) => scan.manifests.push((path, manifest)),
            Err(e) => scan.unreadable.push((path, e)),
        }
    }
    scan.manifests.sort_by(|a, b| a.0.cmp(&b.0));
    scan.unreadable.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(scan)
}

/// Removes this replica's files the manifest no longer names (and stale temporary files).
pub fn remove_unlisted(folder: &Path, base: &str, manifest: &Manifest) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!("{base}.");
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours =
            name.starts_with(&prefix) && (name.ends_with(".sqlite") || name.ends_with(".tmp"));
        if ours && !manifest.files.iter().any(|f| f.name == name) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Removes every file of one replica base name: its manifest first, then what it named.
pub fn remove_base(folder: &Path, base: &str) {
    let _ = fs::remove_file(folder.join(format!("{base}.json")));
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!("{base}.");
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && (name.ends_with(".sqlite") || name.ends_with(".tmp")) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Copies what each side lacks between two content-addressed media folders (`ab/cdef….ext`):
/// write-once, through a temporary name, hash checked. Returns (copied there, copied here).
pub fn sync_media(local: &Path, shared: &Path) -> Result<(u64, u64), SyncError> {
    let sent = copy_missing(local, shared)?;
    let received = copy_missing(shared, local)?;
    Ok((sent, received))
}

fn copy_missing(from: &Path, to: &Path) -> Result<u64, SyncError> {
    let Ok(shards) = fs::read_dir(from) else {
        return Ok(0);
    };
    let mut copied = 0;
    for shard in shards.flatten().filter(|s| s.path().is_dir()) {
        let shard_name = shard.file_name().to_string_lossy().into_owned();
        let Ok(files) = fs::read_dir(shard.path()) else {
            continue;
        };
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".tmp") {
                continue;
            }
            let dest_dir = to.join(&shard_name);
            if dest_dir.join(&name).exists() {
                continue;
            }
            // The name is the content's hash: a file whose bytes do not match is not copied.
            let (hash, _) = hash_file(&file.path()).map_err(|source| SyncError::Read {
                path: file.path(),
                source,
            })?;
            let stem = name.split('.').next().unwrap_or("");
            if format!("{shard_name}{stem}") != hash {
                continue;
            }
            fs::create_dir_all(&dest_dir).map_err(io(&dest_dir))?;
            publish_file(&file.path(), &dest_dir, &name, &hash)?;
            copied += 1;
        }
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_names_are_safe_file_names() {
        let id = "0190f3a2-0000-7000-8000-00000a1b2c3d";
        assert_eq!(base_name("OFICINA-01", id), "prensa-oficina-01-0a1b2c3d");
        assert_eq!(
            base_name("Casa de Lucía/..", id),
            "prensa-casa-de-luc-a-0a1b2c3d"
        );
        assert_eq!(base_name("***", id), "prensa-equipo-0a1b2c3d");
    }

    #[test]
    fn media_copies_only_files_whose_name_is_their_hash() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let content = b"foto";
        let hash: String = Sha256::digest(content)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect();
        fs::create_dir_all(a.path().join(&hash[..2])).unwrap();
        fs::write(
            a.path()
                .join(&hash[..2])
                .join(format!("{}.jpg", &hash[2..])),
            content,
        )
        .unwrap();
        fs::write(a.path().join(&hash[..2]).join("ffff.jpg"), b"otra cosa").unwrap();
        assert_eq!(sync_media(a.path(), b.path()).unwrap(), (1, 0));
        assert!(b
            .path()
            .join(&hash[..2])
            .join(format!("{}.jpg", &hash[2..]))
            .exists());
        assert_eq!(
            sync_media(a.path(), b.path()).unwrap(),
            (0, 0),
            "write-once"
        );
    }
}
