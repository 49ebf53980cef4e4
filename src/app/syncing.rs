//! Syncing from the console: `s` starts a sync on a worker thread; the event loop takes in its
//! progress and, when it ends, shows the summary and reads every view again.
use std::path::PathBuf;

use super::jobs::{JobMsg, SyncJob};
use super::keys;
use super::App;
use crate::i18n::{t, Msg};
use crate::ui::View;

impl App {
    /// The folder `s` syncs with (remembered in the configuration).
    pub fn set_sync_folder(&mut self, folder: Option<PathBuf>) {
        self.sync_folder = folder;
    }

    /// Whether a sync is running (the event loop then wakes up to show its progress).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Takes in what a running sync reported; `wait` blocks until it ends (tests).
    pub fn poll_job(&mut self, wait: bool) {
        let Some(job) = &self.job else {
            return;
        };
        let folder = job.folder.clone();
        for msg in job.drain(wait) {
            match msg {
                JobMsg::Progress(done, total, step) => {
                    self.view.sync = Some((folder.display().to_string(), done, total, step));
                }
                JobMsg::Done(result) => {
                    self.job = None;
                    self.view.sync = None;
                    match result {
                        Ok(report) => self.view.summary = Some(report.summary(&folder)),
                        Err(e) => self.view.message = Some(e),
                    }
                    self.reload();
                }
            }
            self.dirty = true;
        }
        self.view.keys = keys::hints(&self.scopes());
    }

    /// After a sync every view may be stale: read them again.
    fn reload(&mut self) {
        let now = self.view.now;
        let keep = (
            self.view.tab,
            self.view.help,
            self.view.summary.take(),
            self.view.message.take(),
        );
        self.view = View::new(now);
        self.view.tab = keep.0;
        self.view.help = keep.1;
        self.view.summary = keep.2;
        self.view.message = keep.3;
        let status = self.store.status().map(|s| self.view.status = s);
        self.report(status);
        self.show(keep.0);
    }

    pub(super) fn start_sync(&mut self) {
        match &self.sync_folder {
            Some(folder) => {
                let job = SyncJob::start(
                    self.store.path().to_path_buf(),
                    folder.clone(),
                    self.store.machine().to_owned(),
                );
                self.view.sync = Some((folder.display().to_string(), 0, 5, Msg::SyncStepRead));
                self.job = Some(job);
            }
            None => self.view.message = Some(t(Msg::SyncNoFolderConsole).to_owned()),
        }
    }
}
