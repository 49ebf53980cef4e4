//! The files under the paths the user gave: files as they are, folders walked.
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::i18n::{t, tf, Msg};
use crate::store::io_text;

/// How deep a folder walk goes (a mount inside itself would otherwise never end).
const MAX_DEPTH: usize = 64;

/// Files under the given paths: a file as it is, a folder walked recursively (its files sorted
/// by path; hidden files and folders, whose names start with '.', skipped; symbolic links to
/// folders not followed, so there are no loops; links to files followed). Every file is
/// listed, whatever its extension: [`super::supported`] tells which the archive takes, and
/// [`super::examine`] says why it does not take the others. A file reached twice is listed
/// once. Paths that do not exist or cannot be read come back as problems: the path and the
/// Spanish reason.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => problems.push((path.clone(), io_text(&e))),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                walk(path, 0, &mut found, &mut problems);
                found.sort();
                files.extend(found.into_iter().filter(|f| seen.insert(f.clone())));
            }
            Ok(meta) if meta.is_file() => {
                if seen.insert(path.clone()) {
                    files.push(path.clone());
                }
            }
            Ok(_) => problems.push((path.clone(), t(Msg::MediaNeitherFileNorFolder).to_owned())),
        }
    }
    (files, problems)
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn walk(dir: &Path, depth: usize, found: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    if depth >= MAX_DEPTH {
        problems.push((dir.to_path_buf(), tf(Msg::MediaTooDeep, &[&MAX_DEPTH])));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push((
                dir.to_path_buf(),
                tf(Msg::MediaFolderUnreadable, &[&io_text(&e)]),
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push((
                    dir.to_path_buf(),
                    tf(Msg::MediaFolderUnreadable, &[&io_text(&e)]),
                ));
                continue;
            }
        };
        let path = entry.path();
        if hidden(&path) {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) => {
                problems.push((path, io_text(&e)));
                continue;
            }
        };
        if kind.is_dir() {
            walk(&path, depth + 1, found, problems);
        } else if kind.is_file() {
            found.push(path);
        } else if kind.is_symlink() {
            // A link to a file is that file; a link to a folder is not followed. A broken
            // link is said.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => found.push(path),
                Ok(_) => {}
                Err(e) => problems.push((path, io_text(&e))),
            }
        }
    }
}
