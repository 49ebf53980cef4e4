//! Sync by USB stick or network share (DESIGN §5): read every other machine's files from the
//! folder into local temporary copies, check them, merge them in one transaction after a
//! backup, then publish this machine's state as a delta (or a fresh snapshot now and then).
//! Cost grows with the changes: only ops past this machine's clocks are read, and only ops
//! past what this machine already published are written.
pub mod backup;
pub mod drive;
mod error;
pub mod folder;
mod fork;
mod publish;
mod read;
mod report;
pub mod work;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

pub use error::SyncError;
use folder::{FileEntry, FileKind, Manifest};
use publish::{file_entry, generation, needs_snapshot, next_delta_number};
use read::{plan, verify};
pub use report::{IdentityChange, Skipped, SyncReport};

use crate::i18n::{tf, Msg};
use crate::store::{schema, Clocks, Store, StoreError};

/// The work folder of a run: `sincronizacion-<pid>` in the cache folder.
const WORK_PREFIX: &str = "sincronizacion-";

/// Deltas after which the next publish writes a fresh snapshot instead.
pub(crate) const MAX_DELTAS: usize = 20;

/// A step of a sync, for a progress bar: (done, total, what).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64, Msg);

pub struct SyncOptions {
    pub folder: PathBuf,
    /// Show what would happen; write nothing anywhere.
    pub dry_run: bool,
    /// Where local temporary copies go (removed afterwards).
    pub work_dir: PathBuf,
    /// Where pre-merge backups go.
    pub backup_dir: PathBuf,
    /// The media folder beside the database, when it has one.
    pub media_dir: Option<PathBuf>,
    pub now: NaiveDateTime,
}

impl SyncOptions {
    /// The options of a sync of `store` with `folder`, with this machine's folders: local
    /// copies in the cache folder, backups in the data folder, media beside the database.
    pub fn for_store(
        store: &Store,
        folder: &Path,
        dry_run: bool,
        now: NaiveDateTime,
    ) -> SyncOptions {
        let media = {
            let mut name = store.path().as_os_str().to_owned();
            name.push(".media");
            PathBuf::from(name)
        };
        SyncOptions {
            folder: folder.to_path_buf(),
            dry_run,
            work_dir: crate::config::cache_dir().unwrap_or_else(std::env::temp_dir),
            backup_dir: crate::config::backup_dir().unwrap_or_else(|| {
                store
                    .path()
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            }),
            // Also when this machine has no files yet: it receives the others'.
            media_dir: Some(media),
            now,
        }
    }
}

/// Removes the local temporary copies however the sync ends.
struct WorkDir(PathBuf);

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Copies the files of one machine that this database needs into the work folder and checks
/// them all; on the first that fails, what the report says of it.
fn copy_peer(
    store: &Store,
    folder: &Path,
    work: &Path,
    manifest: &Manifest,
    local: &Clocks,
    n: &mut usize,
    tag: &str,
) -> Result<Vec<PathBuf>, Skipped> {
    let mut copies = Vec::new();
    let skip = |file: &Path, e: SyncError| Skipped {
        file: file.to_path_buf(),
        machine: manifest.machine.clone(),
        problem: e.peer_problem(&manifest.machine),
    };
    for entry in plan(manifest, local) {
        let shown = folder.join(&entry.name);
        let copy = work.join(format!("{tag}{n}.sqlite"));
        *n += 1;
        fs::copy(&shown, &copy).map_err(|source| {
            skip(
                &shown,
                if source.kind() == std::io::ErrorKind::NotFound {
                    SyncError::Missing {
                        path: shown.clone(),
                    }
                } else {
                    SyncError::Read {
                        path: shown.clone(),
                        source,
                    }
                },
            )
        })?;
        verify(&copy, &entry, &shown).map_err(|e| skip(&shown, e))?;
        let ahead = store
            .clock_too_far_ahead(&copy)
            .map_err(|e| skip(&shown, e.into()))?;
        if let Some((machine, ahead)) = ahead {
            let e = StoreError::ClockAhead {
                machine,
                hours: ahead / 3_600_000,
            };
            return Err(skip(&shown, e.into()));
        }
        store
            .check_source(&copy)
            .map_err(|e| skip(&shown, SyncError::Store(e)))?;
        copies.push(copy);
    }
    Ok(copies)
}

/// Syncs `store` with the folder.
pub fn run(
    store: &mut Store,
    opts: &SyncOptions,
    progress: Progress,
) -> Result<SyncReport, SyncError> {
    let folder = &opts.folder;
    if !folder.is_dir() {
        return Err(SyncError::Folder {
            path: folder.clone(),
        });
    }
    progress(0, 5, Msg::SyncStepRead);
    // What killed runs left in the work folder goes first; this run's is locked as in use.
    work::remove_leftovers(&opts.work_dir, WORK_PREFIX);
    let _claim = work::Claim::take(&opts.work_dir).map_err(|source| SyncError::Write {
        path: opts.work_dir.clone(),
        source,
    })?;
    let work = WorkDir(
        opts.work_dir
            .join(format!("{WORK_PREFIX}{}", std::process::id())),
    );
    let _ = fs::remove_dir_all(&work.0);
    fs::create_dir_all(&work.0).map_err(|source| SyncError::Write {
        path: work.0.clone(),
        source,
    })?;
    let scan = folder::read_manifests(folder)?;
    let manifests = scan.manifests;
    let mut report = SyncReport {
        dry_run: opts.dry_run,
        ..SyncReport::default()
    };

    // This file's identity in use elsewhere: it takes a new one before anything else.
    let mut excluded: Vec<PathBuf> = Vec::new();
    let mut former: Option<(String, bool)> = None;
    if let Some(found) = fork::find(store, &manifests)? {
        if opts.dry_run {
            report.identity = Some(fork::notice(store, &found));
            excluded.extend(found.manifests.iter().cloned());
        } else {
            let old_base = folder::base_name(store.machine(), store.replica_id());
            let own_old = folder.join(format!("{old_base}.json"));
            // The old identity's own publication is merged when it holds history this file
            // lacks (a restored backup); otherwise it is this file's own past, now re-issued.
            let merged = found.manifests.contains(&own_old);
            if !merged {
                excluded.push(own_old);
            }
            report.identity = Some(fork::resolve(store, folder, &work.0, &manifests, &found)?);
            former = Some((old_base, merged));
        }
    }

    let base = folder::base_name(store.machine(), store.replica_id());
    let own_name = format!("{base}.json");
    let is_own = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy() == own_name)
    };
    let mut skipped: Vec<Skipped> = scan
        .unreadable
        .iter()
        // This machine's own manifest, when unreadable, is simply written again.
        .filter(|(path, _)| !is_own(path))
        .map(|(path, e)| Skipped {
            file: path.clone(),
            machine: String::new(),
            problem: e.peer_problem(""),
        })
        .collect();
    let mine = manifests
        .iter()
        .find(|(p, m)| m.replica == store.replica_id() && is_own(p))
        .map(|(_, m)| m.clone());
    let mut others: Vec<(&PathBuf, &Manifest)> = manifests
        .iter()
        .filter(|(p, m)| m.replica != store.replica_id() && !excluded.contains(p))
        .map(|(p, m)| (p, m))
        .collect();
    // Two files publishing under one identity (copies of one another): neither is merged,
    // their ops would mix; each takes a new identity when it syncs with this version.
    let twice: Vec<(PathBuf, PathBuf)> = others
        .iter()
        .flat_map(|(p, m)| {
            others
                .iter()
                .filter(move |(q, o)| o.replica == m.replica && q != p)
                .map(move |(q, _)| ((*p).clone(), (*q).clone()))
        })
        .collect();
    for (path, other) in &twice {
        let machine = others
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, m)| m.machine.clone())
            .unwrap_or_default();
        skipped.push(Skipped {
            file: path.clone(),
            problem: tf(
                Msg::PeerSameIdentity,
                &[&path.display(), &other.display(), &machine],
            ),
            machine,
        });
    }
    others.retain(|(p, _)| !twice.iter().any(|(q, _)| q == *p));
    let local = store.clocks()?;
    report.machines = others.iter().map(|(_, m)| m.machine.clone()).collect();

    // Copy and check each machine's files: a machine with one bad file is skipped whole and
    // named in the report; the others are merged.
    let mut copies = Vec::new();
    let mut n = 0;
    for (_, manifest) in &others {
        progress(1, 5, Msg::SyncStepCopy);
        match copy_peer(store, folder, &work.0, manifest, &local, &mut n, "") {
            Ok(files) => copies.extend(files),
            Err(skip) => skipped.push(skip),
        }
    }
    report.skipped = skipped;
    let sources: Vec<&Path> = copies.iter().map(PathBuf::as_path).collect();
    let published = mine.as_ref().map(|m| m.clocks.clone()).unwrap_or_default();

    if opts.dry_run {
        report.received = store.count_new_ops(&sources)?;
        report.sent = store.count_own_ops_after(&published)?;
        report.snapshot = needs_snapshot(mine.as_ref(), folder);
        return Ok(report);
    }

    let mut manifest = Manifest {
        format: folder::FORMAT,
        replica: store.replica_id().to_owned(),
        machine: store.machine().to_owned(),
        schema: schema::SCHEMA_VERSION,
        written_at: opts.now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        files: mine.as_ref().map(|m| m.files.clone()).unwrap_or_default(),
        clocks: published.clone(),
    };
    let before = store.count_own_ops_after(&published)?;

    // A fresh snapshot of the state before merging goes out first: if the folder cannot take
    // it, nothing here has changed.
    if needs_snapshot(mine.as_ref(), folder) {
        progress(2, 5, Msg::SyncStepPublish);
        let local_copy = work.0.join("snapshot.sqlite");
        store.export_snapshot(&local_copy)?;
        let name = format!("{base}.s{:04}.sqlite", generation(mine.as_ref()) + 1);
        let clocks = store.clocks()?;
        let entry = file_entry(
            &local_copy,
            name,
            FileKind::Snapshot,
            Clocks::new(),
            clocks.clone(),
        )?;
        folder::publish_file(&local_copy, folder, &entry.name, &entry.sha256)?;
        manifest.files = vec![entry];
        manifest.clocks = clocks;
        folder::write_manifest(folder, &base, &manifest)?;
        folder::remove_unlisted(folder, &base, &manifest);
        report.snapshot = true;
    }

    // Then the merge, whose delta is published inside its transaction: if the folder cannot
    // take the delta, the merge is rolled back and this database stays as it was.
    let delta_path = work.0.join("delta.sqlite");
    let delta_name = format!("{base}.d{:06}.sqlite", next_delta_number(folder, &base));
    let mut published_delta: Option<FileEntry> = None;
    let mut failure: Option<SyncError> = None;
    let from = manifest.clocks.clone();
    let mut publish = |conn: &rusqlite::Connection| -> Result<(), StoreError> {
        let to = crate::store::clocks_of(conn)?;
        if to == from {
            return Ok(());
        }
        let _ = fs::remove_file(&delta_path);
        crate::store::export_delta_from(conn, &delta_path, &from)?;
        let entry = match file_entry(
            &delta_path,
            delta_name.clone(),
            FileKind::Delta,
            from.clone(),
            to,
        ) {
            Ok(e) => e,
            Err(e) => {
                failure = Some(e);
                return Err(StoreError::Schema {
                    detail: "publish".into(),
                });
            }
        };
        if let Err(e) = folder::publish_file(&delta_path, folder, &entry.name, &entry.sha256) {
            failure = Some(e);
            return Err(StoreError::Schema {
                detail: "publish".into(),
            });
        }
        published_delta = Some(entry);
        Ok(())
    };
    let merged = if sources.is_empty() {
        progress(4, 5, Msg::SyncStepPublish);
        store.with_read(&mut publish).map(|_| Default::default())
    } else {
        progress(2, 5, Msg::SyncStepBackup);
        backup::before_merge(store, &opts.backup_dir, opts.now)?;
        progress(3, 5, Msg::SyncStepMerge);
        store.merge_files_then(&sources, &mut publish)
    };
    let stats = match (merged, failure) {
        (_, Some(e)) => return Err(e),
        (Err(e), None) => return Err(e.into()),
        (Ok(stats), None) => stats,
    };
    report.received = stats.ops;
    report.conflicts = stats.conflicts;
    if let Some(entry) = published_delta {
        manifest.clocks = entry.to.clone();
        manifest.files.push(entry);
        folder::write_manifest(folder, &base, &manifest)?;
        folder::remove_unlisted(folder, &base, &manifest);
    }
    report.sent = before;
    store.mark_published(&opts.now.format("%Y-%m-%dT%H:%M").to_string())?;
    // What this file published under its former identity goes, now that everything in it is
    // published under the new one (unless it could not be read, and so was not merged).
    if let Some((old_base, merged)) = former {
        let unread = report
            .skipped
            .iter()
            .any(|s| s.file.to_string_lossy().contains(&old_base));
        if !(merged && unread) {
            folder::remove_base(folder, &old_base);
        }
    }

    if let Some(media) = &opts.media_dir {
        progress(5, 5, Msg::SyncStepMedia);
        let (sent, received) = folder::sync_media(media, &folder.join("media"))?;
        report.media_sent = sent;
        report.media_received = received;
    }
    Ok(report)
}
