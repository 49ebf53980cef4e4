//! Work that takes longer than a keystroke: a sync runs on a worker thread with its own
//! connection to the database, and reports progress to the event loop through a channel.
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::run::local_now;
use crate::config;
use crate::i18n::Msg;
use crate::store::{OpenOptions, Store};
use crate::sync::{self, SyncOptions, SyncReport};

pub enum JobMsg {
    Progress(u64, u64, Msg),
    Done(Result<SyncReport, String>),
}

pub struct SyncJob {
    pub folder: PathBuf,
    rx: Receiver<JobMsg>,
}

impl SyncJob {
    /// Starts a sync of the database at `db` with `folder`.
    pub fn start(db: PathBuf, folder: PathBuf, machine: String) -> SyncJob {
        let (tx, rx) = mpsc::channel();
        let target = folder.clone();
        std::thread::spawn(move || {
            let result = (|| {
                let opts = OpenOptions {
                    backup_dir: config::backup_dir(),
                    machine: Some(machine),
                };
                let mut store = Store::open(&db, &opts).map_err(|e| e.to_string())?;
                let opts = SyncOptions::for_store(&store, &target, false, local_now());
                sync::run(&mut store, &opts, &mut |done, total, step| {
                    let _ = tx.send(JobMsg::Progress(done, total, step));
                })
                .map_err(|e| e.to_string())
            })();
            let _ = tx.send(JobMsg::Done(result));
        });
        SyncJob { folder, rx }
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
