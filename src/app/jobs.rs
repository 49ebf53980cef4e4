//! Work that takes longer than a keystroke: a sync, or a round of e-mail, runs on a worker
//! thread with its own connection to the database, and reports progress to the event loop
//! through a channel.
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::run::office_now;
use crate::config::{self, Smtp};
use crate::i18n::{t, tf, Msg};
use crate::interop::archive::{prepare_files, Gathered};
use crate::interop::mail::{self, Round};
use crate::store::{OpenOptions, Store};
use crate::sync::{self, SyncOptions, SyncReport};

/// What a job that ended brings back.
pub enum Finished {
    /// A sync, and the folder it was with (its summary names it).
    Sync(SyncReport, PathBuf),
    Mail(Round),
    /// Files read and copied into the media folder for the archive, to plan and confirm.
    Media(Gathered),
}

pub enum JobMsg {
    Progress(u64, u64, String),
    Done(Result<Finished, String>),
}

/// A job running: what it is (the title of its progress) and where its messages arrive.
pub struct Job {
    pub title: String,
    rx: Receiver<JobMsg>,
}

/// The store a worker opens on the same file.
fn open(db: &std::path::Path, machine: String) -> Result<Store, String> {
    let opts = OpenOptions {
        backup_dir: config::backup_dir(),
        machine: Some(machine),
    };
    Store::open(db, &opts).map_err(|e| e.to_string())
}

impl Job {
    /// Starts a sync of the database at `db` with `folder`.
    pub fn sync(db: PathBuf, folder: PathBuf, machine: String) -> Job {
        let (tx, rx) = mpsc::channel();
        let title = tf(Msg::SyncProgressTitle, &[&folder.display()]);
        std::thread::spawn(move || {
            let result = (|| {
                let mut store = open(&db, machine)?;
                let opts = SyncOptions::for_store(&store, &folder, false, office_now(&store));
                sync::run(&mut store, &opts, &mut |done, total, step| {
                    let _ = tx.send(JobMsg::Progress(done, total, t(step).to_owned()));
                })
                .map(|report| Finished::Sync(report, folder))
                .map_err(|e| e.to_string())
            })();
            let _ = tx.send(JobMsg::Done(result));
        });
        Job { title, rx }
    }

    /// Starts sending the e-mails of a send still to go, through the office's server.
    pub fn mail(
        db: PathBuf,
        machine: String,
        distribution: String,
        settings: Smtp,
        password: Option<String>,
    ) -> Job {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let result = (|| {
                let mut store = open(&db, machine)?;
                mail::send(
                    &mut store,
                    &distribution,
                    &settings,
                    password.as_deref(),
                    &mut |done, total, name| {
                        let _ =
                            tx.send(JobMsg::Progress(done as u64, total as u64, name.to_owned()));
                    },
                )
                .map(Finished::Mail)
                .map_err(|e| e.to_string())
            })();
            let _ = tx.send(JobMsg::Done(result));
        });
        Job {
            title: t(Msg::MailProgressTitle).to_owned(),
            rx,
        }
    }

    /// Starts reading files and folders for the archive: each file examined (dates, the
    /// photos' copies) and its original copied into the media folder; nothing is written to
    /// the database until the plan is confirmed.
    pub fn media(media_dir: PathBuf, paths: Vec<PathBuf>) -> Job {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let gathered = prepare_files(&media_dir, &paths, &mut |done, total, path| {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let step = tf(Msg::ProgressFile, &[&(done + 1).min(total), &total, &name]);
                let _ = tx.send(JobMsg::Progress(done as u64, total as u64, step));
            });
            let _ = tx.send(JobMsg::Done(Ok(Finished::Media(gathered))));
        });
        Job {
            title: t(Msg::ImportMediaProgress).to_owned(),
            rx,
        }
    }

    /// The messages that arrived, without waiting; `wait` blocks until the job ends.
    pub fn drain(&self, wait: bool) -> Vec<JobMsg> {
        let mut out = Vec::new();
        loop {
            let next = if wait {
                self.rx.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                self.rx.try_recv()
            };
            match next {
                Ok(msg) => {
                    let done = matches!(msg, JobMsg::Done(_));
                    out.push(msg);
                    if done {
                        return out;
                    }
                }
                Err(TryRecvError::Empty) => return out,
                Err(TryRecvError::Disconnected) => {
                    out.push(JobMsg::Done(Err(String::new())));
                    return out;
                }
            }
        }
    }
}
