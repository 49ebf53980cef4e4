//! What a sync did, for the person who ran it (text) and for scripts (JSON).
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::Msg;

/// What a sync did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// The other machines found in the folder.
    pub machines: Vec<String>,
    /// Changes received (ops this database did not have).
    pub received: u64,
    /// Changes published for the others.
    pub sent: u64,
    /// New conflicts to review.
    pub conflicts: u64,
    /// Whether a full snapshot was written (first publish, or after many deltas).
    pub snapshot: bool,
    pub media_sent: u64,
    pub media_received: u64,
    pub dry_run: bool,
    /// Other machines' files that were not taken in, each with what to do about it; the rest
    /// of the sync went on without them.
    pub skipped: Vec<Skipped>,
    /// This database took a new identity: another file published under its own (a copy), or
    /// the folder held changes of its identity it lacked (it was restored from a backup).
    pub identity: Option<IdentityChange>,
}

/// A new identity taken by this database during a sync (or, in a dry run, to be taken).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityChange {
    /// The manifest that showed the identity in use elsewhere.
    pub file: PathBuf,
    /// The machine that manifest names.
    pub machine: String,
    /// The identity this database had, and the one it has now (the same in a dry run).
    pub old: String,
    pub new: String,
    /// What happened, as the user reads it.
    pub message: String,
}

/// A file of the folder a sync could not use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file, as found in the folder.
    pub file: PathBuf,
    /// The machine that published it, when its manifest says.
    pub machine: String,
    /// What was wrong and what to do, as the user reads it.
    pub problem: String,
}

impl SyncReport {
    /// What a person reads after a sync, line by line.
    pub fn summary(&self, folder: &Path) -> Vec<String> {
        use crate::i18n::{number, t, tf};
        let mut lines = vec![tf(
            if self.dry_run {
                Msg::SyncDryHeader
            } else {
                Msg::SyncHeader
            },
            &[&folder.display()],
        )];
        let machines = if self.machines.is_empty() {
            t(Msg::SyncNoMachines).to_owned()
        } else {
            format!("{} ({})", self.machines.len(), self.machines.join(", "))
        };
        lines.push(tf(Msg::SyncMachines, &[&machines]));
        lines.push(tf(Msg::SyncReceived, &[&number(self.received)]));
        lines.push(tf(Msg::SyncSent, &[&number(self.sent)]));
        if !self.dry_run {
            lines.push(tf(Msg::SyncConflicts, &[&number(self.conflicts)]));
        }
        if self.media_sent + self.media_received > 0 {
            lines.push(tf(
                Msg::SyncMedia,
                &[&self.media_sent, &self.media_received],
            ));
        }
        if let Some(change) = &self.identity {
            lines.push(change.message.clone());
        }
        if !self.skipped.is_empty() {
            lines.push(tf(Msg::SyncSkipped, &[&self.skipped.len()]));
            for s in &self.skipped {
                lines.push(tf(Msg::SyncSkippedItem, &[&s.problem]));
            }
        }
        lines
    }
}
