//! One identity, two histories: another file publishes under this database's identity (a copy
//! made where the check at open could not tell), or the folder holds changes of this identity
//! the file lacks (a backup restored over it). Either way this file must not go on issuing ops
//! under that identity: it takes a new one, re-issuing under it the ops only it holds, so that
//! the identity's history in the folder stays one, and merges that history like any other.
use std::path::{Path, PathBuf};

use super::folder::{base_name, Manifest};
use super::report::IdentityChange;
use super::{copy_peer, SyncError};
use crate::i18n::{tf, Msg};
use crate::store::{Clocks, Store};

/// The manifests that show this file's identity in use elsewhere.
pub(super) struct Found {
    pub manifests: Vec<PathBuf>,
    /// The one named to the user: another file's, when one publishes under this identity.
    pub file: PathBuf,
    pub machine: String,
}

fn short(id: &str) -> &str {
    &id[id.len().saturating_sub(8)..]
}

/// Finds the manifests that publish under this identity from another file, or that hold ops of
/// this identity newer than any this file holds.
pub(super) fn find(
    store: &Store,
    manifests: &[(PathBuf, Manifest)],
) -> Result<Option<Found>, SyncError> {
    let me = store.replica_id();
    let own = format!("{}.json", base_name(store.machine(), me));
    let mut found: Vec<(&PathBuf, &Manifest, bool)> = Vec::new();
    for (path, m) in manifests {
        let elsewhere =
            m.replica == me && path.file_name().is_none_or(|n| n.to_string_lossy() != own);
        let lacking = match m.clocks.get(me) {
            Some(&clock) if clock > 0 => !store.holds_own_op(clock)?,
            _ => false,
        };
        if elsewhere || lacking {
            found.push((path, m, elsewhere));
        }
    }
    let Some((file, m, _)) = found
        .iter()
        .find(|(_, _, elsewhere)| *elsewhere)
        .or_else(|| found.first())
        .copied()
    else {
        return Ok(None);
    };
    Ok(Some(Found {
        manifests: found.iter().map(|(p, _, _)| (*p).clone()).collect(),
        file: file.clone(),
        machine: m.machine.clone(),
    }))
}

/// What a dry run says it would do.
pub(super) fn notice(store: &Store, found: &Found) -> IdentityChange {
    IdentityChange {
        file: found.file.clone(),
        machine: found.machine.clone(),
        old: store.replica_id().to_owned(),
        new: store.replica_id().to_owned(),
        message: tf(
            Msg::SyncNewIdentityDry,
            &[&found.file.display(), &found.machine],
        ),
    }
}

/// Takes the new identity: reads the identity's history the found manifests hold, re-issues
/// under the new identity this file's ops from where the two histories part, and says so.
pub(super) fn resolve(
    store: &mut Store,
    folder: &Path,
    work: &Path,
    manifests: &[(PathBuf, Manifest)],
    found: &Found,
) -> Result<IdentityChange, SyncError> {
    let me = store.replica_id().to_owned();
    let mut copies = Vec::new();
    let mut n = 0;
    for (path, m) in manifests {
        if !found.manifests.contains(path) {
            continue;
        }
        // A file that cannot be read is named later, when the merge skips it.
        if let Ok(files) = copy_peer(store, folder, work, m, &Clocks::new(), &mut n, "fork") {
            copies.extend(files);
        }
    }
    let sources: Vec<&Path> = copies.iter().map(PathBuf::as_path).collect();
    let parted = if sources.is_empty() {
        // Nothing readable to compare with: what this file wrote past the newest op of its
        // identity the folder names is surely its own.
        manifests
            .iter()
            .filter(|(p, _)| found.manifests.contains(p))
            .filter_map(|(_, m)| m.clocks.get(&me).copied())
            .max()
            .map(|c| c + 1)
    } else {
        store.first_divergence(&sources)?
    };
    for copy in &copies {
        let _ = std::fs::remove_file(copy);
    }
    let old = store.take_new_identity(parted)?;
    let new = store.replica_id().to_owned();
    Ok(IdentityChange {
        file: found.file.clone(),
        machine: found.machine.clone(),
        message: tf(
            Msg::SyncNewIdentity,
            &[&found.file.display(), &found.machine, &short(&new)],
        ),
        old,
        new,
    })
}
