//! Syncing from the console: `s` starts a sync on a worker thread; the event loop takes in its
//! progress and, when it ends, shows the summary and reads every list again, keeping each one's
//! selection. The first time, `s` asks for the folder.
use std::path::PathBuf;

use super::jobs::{Finished, Job, JobMsg};
use super::App;
use crate::config::Config;
use crate::i18n::{t, Msg};
use crate::ui::forms;
use crate::ui::overlay::{Notice, Overlay};
use crate::ui::Progress;

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
        let title = job.title.clone();
        for msg in job.drain(wait) {
            match msg {
                JobMsg::Progress(done, total, step) => {
                    self.screen.sync = Some(Progress {
                        title: title.clone(),
                        done,
                        total,
                        step,
                    });
                }
                JobMsg::Done(result) => {
                    self.job = None;
                    self.screen.sync = None;
                    self.reload_all();
                    match result {
                        Ok(Finished::Sync(report, folder)) => self.push(Overlay::Notice(Notice {
                            title: t(Msg::SummaryTitle).to_owned(),
                            lines: report.summary(&folder),
                            scroll: 0,
                        })),
                        Ok(Finished::Mail(round)) => self.mail_done(round),
                        Ok(Finished::Media(gathered)) => self.media_gathered(gathered),
                        Err(e) => self.screen.say(e, true),
                    }
                }
            }
            self.dirty = true;
        }
        self.screen.refresh_keys();
    }

    pub(super) fn start_sync(&mut self) {
        let Some(folder) = self.sync_folder.clone() else {
            // The first time: ask for the folder instead of sending the user to the command line.
            self.push(Overlay::Form(forms::sync_folder(self.screen.now)));
            return;
        };
        let job = Job::sync(
            self.store.path().to_path_buf(),
            folder.clone(),
            self.store.machine().to_owned(),
        );
        self.start_job(job, 5, t(Msg::SyncStepRead).to_owned());
    }

    /// Runs a job in the background, its progress shown from its first step (of `total`).
    pub(super) fn start_job(&mut self, job: super::jobs::Job, total: u64, step: String) {
        self.screen.sync = Some(Progress {
            title: job.title.clone(),
            done: 0,
            total,
            step,
        });
        self.job = Some(job);
    }

    /// The folder typed in the form `s` opened: checked, remembered, then synced with.
    pub(super) fn set_sync_folder_from_form(&mut self, typed: String) {
        let folder = PathBuf::from(typed.trim());
        if !folder.is_dir() {
            if let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() {
                form.set_error("folder", t(Msg::SyncFolderMissing).to_owned());
            }
            return;
        }
        let folder = folder.canonicalize().unwrap_or(folder);
        self.pop();
        if let Some(path) = &self.config_path {
            let mut cfg = Config::load(path).unwrap_or_default();
            cfg.sync_folder = Some(folder.clone());
            if let Err(e) = cfg.save(path) {
                self.screen
                    .say(crate::i18n::tf(Msg::ErrIo, &[&path.display(), &e]), true);
            }
        }
        self.sync_folder = Some(folder);
        self.start_sync();
    }
}
