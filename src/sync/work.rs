//! What a run leaves while it works (the sync's local copies, a demo being written) carries the
//! process id in its name, and the process holds a lock beside it for as long as it runs. A run
//! that was killed leaves both behind; the next run removes them, and only them: a lock that is
//! still held, or a process that still runs, keeps its things.
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

fn lock_path(dir: &Path, pid: u32) -> PathBuf {
    dir.join(format!(".prensa-{pid}.lock"))
}

/// The locks this process holds, by path, with how many claims share each: a console that
/// syncs while it shows the demo claims its cache folder twice.
static HELD: Mutex<BTreeMap<PathBuf, (usize, File)>> = Mutex::new(BTreeMap::new());

/// This process's lock in a folder, held while it lives; removed when the last claim of it is
/// dropped.
pub struct Claim {
    path: PathBuf,
}

impl Claim {
    /// Locks `.prensa-<pid>.lock` in `dir` (created when missing) for this process.
    pub fn take(dir: &Path) -> io::Result<Claim> {
        fs::create_dir_all(dir)?;
        let path = lock_path(dir, std::process::id());
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((count, _)) = held.get_mut(&path) {
            *count += 1;
        } else {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)?;
            file.lock()?;
            held.insert(path.clone(), (1, file));
        }
        Ok(Claim { path })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((count, _)) = held.get_mut(&self.path) {
            *count -= 1;
            if *count == 0 {
                let _ = fs::remove_file(&self.path);
                held.remove(&self.path);
            }
        }
    }
}

/// Removes this process's lock files at once (before the process ends on a signal, when no
/// destructor runs).
pub fn release_all() {
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    for path in held.keys() {
        let _ = fs::remove_file(path);
    }
    held.clear();
}

/// Whether the process `pid` that left things in `dir` may still be running: its lock there is
/// held, or (for what an older prensa left, without a lock) the system still lists it.
pub fn alive(dir: &Path, pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    match File::open(lock_path(dir, pid)) {
        Ok(file) => match file.try_lock() {
            Ok(()) => false,
            Err(fs::TryLockError::WouldBlock) => true,
            Err(fs::TryLockError::Error(_)) => true,
        },
        Err(_) => listed(pid),
    }
}

#[cfg(target_os = "linux")]
fn listed(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn listed(_pid: u32) -> bool {
    false
}

/// The process id in a name `<prefix><pid><rest>`, when it is one.
fn pid_in(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Removes, in `dir`, the files and folders named `<prefix><pid>…` whose process is gone, and
/// the locks such processes left. Returns how many things were removed.
pub fn remove_leftovers(dir: &Path, prefix: &str) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    let mut gone = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = pid_in(&name, prefix) else {
            continue;
        };
        if alive(dir, pid) {
            continue;
        }
        let path = entry.path();
        let done = if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        if done.is_ok() {
            removed += 1;
            gone.push(pid);
        }
    }
    for pid in gone {
        let _ = fs::remove_file(lock_path(dir, pid));
    }
    remove_free_locks(dir);
    removed
}

/// Removes the locks in `dir` that no process holds any more.
fn remove_free_locks(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = pid_in(&name, ".prensa-") else {
            continue;
        };
        if name != format!(".prensa-{pid}.lock") || pid == std::process::id() {
            continue;
        }
        let free = File::open(entry.path()).is_ok_and(|f| f.try_lock().is_ok());
        if free {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_their_process() {
        assert_eq!(pid_in("sincronizacion-123", "sincronizacion-"), Some(123));
        assert_eq!(pid_in("demo-77.sqlite-journal", "demo-"), Some(77));
        assert_eq!(pid_in("demo-.sqlite", "demo-"), None);
        assert_eq!(pid_in("otra-1", "demo-"), None);
    }

    #[test]
    fn a_held_lock_keeps_its_things_and_a_free_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let claim = Claim::take(dir.path()).unwrap();
        assert!(alive(dir.path(), std::process::id()));
        // A lock left by a process that is gone: nothing holds it.
        let dead = u32::MAX - 7;
        File::create(lock_path(dir.path(), dead)).unwrap();
        fs::create_dir_all(dir.path().join(format!("x-{dead}"))).unwrap();
        fs::create_dir_all(dir.path().join(format!("x-{}", std::process::id()))).unwrap();
        assert_eq!(remove_leftovers(dir.path(), "x-"), 1);
        assert!(!lock_path(dir.path(), dead).exists());
        assert!(dir
            .path()
            .join(format!("x-{}", std::process::id()))
            .exists());
        let again = Claim::take(dir.path()).unwrap();
        drop(claim);
        assert!(lock_path(dir.path(), std::process::id()).exists());
        drop(again);
        assert!(!lock_path(dir.path(), std::process::id()).exists());
    }
}
