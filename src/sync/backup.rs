//! Backups before every merge, in the backups folder: `<db>-<replica>-<time>.sqlite`, made with
//! SQLite's backup API under a temporary name and renamed when complete, so a backup cut short
//! never looks like one (the next run removes it). Kept: the last 30, plus the newest of each
//! older day; every attempt counts, even one whose sync then failed, and the old ones go before
//! the new one is written, so a full disk makes room. A database larger
//! than [`FULL_COPY_LIMIT`] is copied once a day only (its ops log already holds every earlier
//! value a merge replaces; a full copy of gigabytes per sync would make sync cost grow with size).
use std::fs;
use std::path::{Path, PathBuf};

use crate::store::remove_stale_temporaries;

use super::error::SyncError;
use crate::store::Store;

pub const KEEP_LAST: usize = 30;
/// A temporary backup untouched for this long belongs to a run that is gone.
const STALE: std::time::Duration = std::time::Duration::from_secs(10 * 60);
pub const FULL_COPY_LIMIT: u64 = 256 * 1024 * 1024;

fn prefix(store: &Store) -> String {
    let stem = store
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "prensa".into());
    let id = store.replica_id();
    format!("{stem}-{}-", &id[id.len().saturating_sub(8)..])
}

/// Backups of this database, oldest first.
fn existing(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".sqlite"))
                })
                .collect()
        })
        .unwrap_or_default();
    // By time, then by the number added to a second's second backup ("-02" after none).
    out.sort_by_key(|p| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name
            .get(prefix.len()..)
            .unwrap_or("")
            .trim_end_matches(".sqlite")
            .to_owned();
        match stem.split_once('-') {
            Some((time, n)) => (time.to_owned(), n.parse::<u32>().unwrap_or(0)),
            None => (stem, 1),
        }
    });
    out
}

/// Makes the pre-merge backup; returns its path, or `None` when today's copy of a large
/// database already exists.
pub fn before_merge(
    store: &Store,
    dir: &Path,
    now: chrono::NaiveDateTime,
) -> Result<Option<PathBuf>, SyncError> {
    fs::create_dir_all(dir).map_err(|source| SyncError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let prefix = prefix(store);
    let today = now.format("%Y%m%d").to_string();
    let size = fs::metadata(store.path()).map(|m| m.len()).unwrap_or(0);
    let done_today = existing(dir, &prefix).iter().any(|p| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .is_some_and(|n| n[prefix.len()..].starts_with(&today))
    });
    if size > FULL_COPY_LIMIT && done_today {
        return Ok(None);
    }
    remove_stale_temporaries(dir, &prefix, STALE);
    prune(dir, &prefix, KEEP_LAST - 1);
    let mut dest = dir.join(format!("{prefix}{}.sqlite", now.format("%Y%m%dT%H%M%S")));
    let mut n = 1;
    while dest.exists() {
        n += 1;
        dest = dir.join(format!(
            "{prefix}{}-{n:02}.sqlite",
            now.format("%Y%m%dT%H%M%S")
        ));
    }
    let mut tmp = dest.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let _ = fs::remove_file(&tmp);
    store.backup_to(&tmp)?;
    fs::rename(&tmp, &dest).map_err(|source| {
        let _ = fs::remove_file(&tmp);
        SyncError::Write {
            path: dest.clone(),
            source,
        }
    })?;
    Ok(Some(dest))
}

/// Keeps the newest `keep` and, before them, the newest backup of each day.
fn prune(dir: &Path, prefix: &str, keep: usize) {
    let all = existing(dir, prefix);
    if all.len() <= keep {
        return;
    }
    let (older, _recent) = all.split_at(all.len() - keep);
    let mut seen_days = std::collections::HashSet::new();
    for path in older.iter().rev() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let day: String = name[prefix.len()..].chars().take(8).collect();
        if !seen_days.insert(day) {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_thirty_and_one_per_older_day() {
        let dir = tempfile::tempdir().unwrap();
        let prefix = "db-abcdefgh-";
        for day in 1..=5 {
            for hour in 0..10 {
                let name = format!("{prefix}202501{day:02}T{hour:02}0000.sqlite");
                fs::write(dir.path().join(name), b"x").unwrap();
            }
        }
        prune(dir.path(), prefix, KEEP_LAST);
        let left = existing(dir.path(), prefix);
        // 50 made: the last 30 are days 3–5 (all kept) and days 1–2 keep one each.
        assert_eq!(left.len(), 32);
        assert!(left[0]
            .to_string_lossy()
            .ends_with("20250101T090000.sqlite"));
        assert!(left[1]
            .to_string_lossy()
            .ends_with("20250102T090000.sqlite"));
    }
}
