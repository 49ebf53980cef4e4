//! `prensa verificar CARPETA`: an exported archive folder checked against its manifest. Every
//! line of `manifiesto.sha256` names a file and its SHA-256 (the format `sha256sum -c` reads);
//! a file that is not there is missing, one whose hash differs is altered, and a file in the
//! folder that the manifest does not name is extra. Nothing is written.
use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::i18n::{tf, Msg};
use crate::store::io_text;

/// The manifest's name, at the top of the folder.
pub const MANIFEST: &str = "manifiesto.sha256";

/// What a check found. Paths are relative to the folder, with `/` between their parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Files the manifest names.
    #[serde(rename = "listados")]
    pub listed: usize,
    /// Files that are there with the content the manifest says.
    #[serde(rename = "verificados")]
    pub verified: usize,
    #[serde(rename = "faltan")]
    pub missing: Vec<String>,
    #[serde(rename = "alterados")]
    pub altered: Vec<String>,
    #[serde(rename = "sobran")]
    pub extra: Vec<String>,
    /// Files that are there but could not be read, and why.
    #[serde(rename = "ilegibles")]
    pub unreadable: Vec<(String, String)>,
    /// Lines of the manifest that are not `<sha256>  <path>` (1-based line, the line).
    #[serde(rename = "lineas_no_validas")]
    pub bad_lines: Vec<(usize, String)>,
}

impl VerifyReport {
    /// How many problems were found.
    pub fn problems(&self) -> usize {
        self.missing.len()
            + self.altered.len()
            + self.extra.len()
            + self.unreadable.len()
            + self.bad_lines.len()
    }

    pub fn ok(&self) -> bool {
        self.problems() == 0
    }

    /// Each problem as a line the user reads.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        out.extend(
            self.bad_lines
                .iter()
                .map(|(n, l)| tf(Msg::VerifyBadLine, &[n, l])),
        );
        out.extend(self.missing.iter().map(|p| tf(Msg::VerifyMissing, &[p])));
        out.extend(self.altered.iter().map(|p| tf(Msg::VerifyAltered, &[p])));
        out.extend(
            self.unreadable
                .iter()
                .map(|(p, why)| tf(Msg::VerifyUnreadable, &[p, why])),
        );
        out.extend(self.extra.iter().map(|p| tf(Msg::VerifyExtra, &[p])));
        out
    }
}

/// Why a folder could not be checked at all.
#[derive(Debug)]
pub enum VerifyError {
    NotAFolder(PathBuf),
    NoManifest(PathBuf),
    Io(PathBuf, io::Error),
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            VerifyError::NotAFolder(p) => tf(Msg::VerifyNotFolder, &[&p.display()]),
            VerifyError::NoManifest(p) => tf(Msg::VerifyNoManifest, &[&p.display()]),
            VerifyError::Io(p, e) => tf(Msg::ErrIo, &[&p.display(), &io_text(e)]),
        })
    }
}

/// One line of a manifest: the file's SHA-256 (lowercase hex) and its relative path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub sha256: String,
    pub path: String,
}

/// A relative path as a manifest may name it: parts joined by `/`, none empty, `.` or `..`,
/// nothing absolute, no drive.
fn safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', ':', '\0'])
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Reads a manifest: its entries, and the lines that are not entries.
pub(super) fn read_manifest(text: &str) -> (Vec<Entry>, Vec<(usize, String)>) {
    let mut entries = Vec::new();
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        // `<64 hex><space><space or *><path>`, as sha256sum writes it.
        let parsed = line
            .get(..64)
            .zip(line.get(64..66))
            .and_then(|(hash, sep)| {
                let path = line.get(66..)?;
                let hex = hash.bytes().all(|b| b.is_ascii_hexdigit());
                (hex && (sep == "  " || sep == " *") && safe_path(path)).then(|| Entry {
                    sha256: hash.to_ascii_lowercase(),
                    path: path.to_owned(),
                })
            });
        match parsed {
            Some(entry) => entries.push(entry),
            None => bad.push((n + 1, crate::domain::text::printable(line, 120))),
        }
    }
    (entries, bad)
}

/// A manifest's text: one line per file, sorted by path.
pub(super) fn write_manifest(entries: &mut [Entry]) -> String {
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries
        .iter()
        .map(|e| format!("{}  {}\n", e.sha256, e.path))
        .collect()
}

/// The SHA-256 of a file, read in pieces.
pub(super) fn hash_file(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    io::copy(&mut File::open(path)?, &mut hasher)?;
    Ok(hex(&hasher.finalize()))
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file under `folder` (links included, not followed into folders), relative, with `/`
/// between the parts, sorted.
pub(super) fn files_under(folder: &Path) -> io::Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if entry.file_type()?.is_dir() {
                walk(&entry.path(), &rel, out)?;
            } else {
                out.push(rel);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(folder, "", &mut out)?;
    out.sort();
    Ok(out)
}

/// The path of a manifest's file inside `folder`.
pub(super) fn inside(folder: &Path, rel: &str) -> PathBuf {
    let mut path = folder.to_path_buf();
    path.extend(rel.split('/'));
    path
}

/// Checks an exported folder against its manifest.
pub fn verify(folder: &Path) -> Result<VerifyReport, VerifyError> {
    match std::fs::metadata(folder) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(VerifyError::NotAFolder(folder.to_path_buf())),
        Err(e) => return Err(VerifyError::Io(folder.to_path_buf(), e)),
    }
    let manifest = folder.join(MANIFEST);
    let text = match std::fs::read(&manifest) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(VerifyError::NoManifest(folder.to_path_buf()))
        }
        Err(e) => return Err(VerifyError::Io(manifest, e)),
    };
    let (entries, bad_lines) = read_manifest(&text);
    let mut report = VerifyReport {
        listed: entries.len(),
        bad_lines,
        ..VerifyReport::default()
    };
    for entry in &entries {
        let path = inside(folder, &entry.path);
        match hash_file(&path) {
            Ok(hash) if hash == entry.sha256 => report.verified += 1,
            Ok(_) => report.altered.push(entry.path.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                report.missing.push(entry.path.clone())
            }
            Err(e) => report.unreadable.push((entry.path.clone(), io_text(&e))),
        }
    }
    let listed: std::collections::HashSet<&str> = entries.iter().map(|e| e.path.as_str()).collect();
    let found = files_under(folder).map_err(|e| VerifyError::Io(folder.to_path_buf(), e))?;
    report.extra = found
        .into_iter()
        .filter(|f| f != MANIFEST && !listed.contains(f.as_str()))
        .collect();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lines_are_read_as_sha256sum_writes_them() {
        let sha = "a".repeat(64);
        let text = format!(
            "{sha}  index.html\n{sha} *fotos/x.jpg\n{sha}  ../fuera\nno es una línea\n\n{sha}  /etc/passwd\n"
        );
        let (entries, bad) = read_manifest(&text);
        assert_eq!(
            entries.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
            ["index.html", "fotos/x.jpg"]
        );
        assert_eq!(bad.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [3, 4, 6]);
        let mut entries = entries;
        assert_eq!(
            write_manifest(&mut entries),
            format!("{sha}  fotos/x.jpg\n{sha}  index.html\n")
        );
    }
}
