//! The piece being written is saved every few seconds — when typing pauses, and at least every
//! [`AUTOSAVE_EVERY`] while it does not — so a crash, a lost SSH session or a power cut loses at
//! most those seconds. Each save goes through the store's one write path (it syncs like any
//! edit); all the saves of one writing session gather into one undo step, and cancelling the
//! form (Esc, "descartar") takes them all back.
use std::time::{Duration, Instant};

use super::{App, Undoable};
use crate::domain::edit::{Command, Record};
use crate::i18n::{t, tf, Msg};
use crate::ui::form::Purpose;
use crate::ui::overlay::Overlay;
use crate::ui::tabs::drafts::forms;

/// The longest a piece goes unsaved while keys keep arriving.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(4);

/// One writing session of a piece: its id once stored, where its undo step is, and what the
/// form held at the last save.
pub(super) struct Session {
    id: String,
    undo_at: usize,
    saved: Vec<String>,
}

impl App {
    /// The position of the open form that writes a piece, if any.
    fn draft_form(&self) -> Option<usize> {
        self.screen
            .overlays
            .iter()
            .rposition(|o| matches!(o, Overlay::Form(f) if f.writes_draft()))
    }

    /// Saves the piece being written when it changed since the last save. `pause`: typing
    /// stopped, save now; otherwise only when the last save is older than [`AUTOSAVE_EVERY`].
    pub(super) fn autosave(&mut self, pause: bool) {
        // A sync writes the file from its own connection meanwhile: the piece waits for it.
        if self.busy() {
            return;
        }
        let Some(index) = self.draft_form() else {
            self.session = None;
            self.writing = false;
            return;
        };
        if !self.writing {
            // The form just opened: its clock starts now.
            self.writing = true;
            self.autosaved_at = Instant::now();
        }
        if !pause && self.autosaved_at.elapsed() < AUTOSAVE_EVERY {
            return;
        }
        let Some(Overlay::Form(form)) = self.screen.overlays.get(index) else {
            return;
        };
        let values = form.values();
        // Every save of a very long text is a copy of it in the history that syncs: while
        // typing, one of 500 KB waits a few seconds more (a second per 50 KB).
        let size: usize = values.iter().map(String::len).sum();
        let every = AUTOSAVE_EVERY + Duration::from_secs((size / 50_000) as u64);
        if !pause && self.autosaved_at.elapsed() < every {
            return;
        }
        self.autosaved_at = Instant::now();
        let last = self.session.as_ref().map_or(form.initial(), |s| &s.saved);
        if values.as_slice() == last {
            return;
        }
        let Purpose::Record { id, original, .. } = &form.purpose else {
            return;
        };
        let original = match original {
            Some(Record::Draft(d)) => Some(d),
            _ => None,
        };
        // What the form holds as it is: a title still to be written is saved as "Sin título".
        let Ok(Record::Draft(mut draft)) = forms::draft_record(form, original) else {
            return;
        };
        if draft.title.trim().is_empty() {
            draft.title = t(Msg::Untitled).to_owned();
        }
        let record = Record::Draft(draft);
        let command = match id {
            Some(id) => Command::Update {
                id: id.clone(),
                record: record.clone(),
            },
            None => Command::Create {
                id: None,
                record: record.clone(),
            },
        };
        let stamp = self.now().format("%H:%M:%S").to_string();
        match self.store.execute(&command) {
            Ok(receipt) => {
                let id = receipt.target.id.clone();
                match &mut self.session {
                    Some(s) if s.id == id && s.undo_at < self.undo.len() => {
                        self.undo[s.undo_at].change.extend(receipt.change);
                        s.saved = values;
                    }
                    _ => {
                        self.undo.push(Undoable {
                            label: tf(
                                Msg::UndoLabelWriting,
                                &[&crate::ui::forms::record_title(&record)],
                            ),
                            change: receipt.change,
                            target: Some(receipt.target),
                        });
                        self.session = Some(Session {
                            id: id.clone(),
                            undo_at: self.undo.len() - 1,
                            saved: values,
                        });
                    }
                }
                if let Some(Overlay::Form(form)) = self.screen.overlays.get_mut(index) {
                    // A new piece is stored now: the form goes on as its edit.
                    if let Purpose::Record {
                        id: form_id,
                        original,
                        ..
                    } = &mut form.purpose
                    {
                        if form_id.is_none() {
                            *form_id = Some(id);
                            *original = Some(record);
                        }
                    }
                    form.note = Some(tf(Msg::Autosaved, &[&forms::draft_note(), &stamp]));
                }
                self.reload_all();
            }
            Err(e) => {
                // Nothing is lost: every character stays in the form, and it says why.
                if let Some(Overlay::Form(form)) = self.screen.overlays.get_mut(index) {
                    form.note = Some(tf(Msg::AutosaveFailed, &[&e]));
                }
            }
        }
        self.dirty = true;
    }

    /// The piece's form was saved with Ctrl+S: that save joins the session's undo step.
    pub(super) fn autosave_done(&mut self, id: &str) {
        let Some(session) = self.session.take() else {
            return;
        };
        if session.id == id && session.undo_at + 1 < self.undo.len() {
            if let Some(last) = self.undo.pop() {
                self.undo[session.undo_at].change.extend(last.change);
            }
        }
    }

    /// The piece's form was cancelled: what the saves wrote is taken back, so the piece is as
    /// it was when the form opened.
    pub(super) fn autosave_discard(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        if session.undo_at < self.undo.len() {
            let step = self.undo.remove(session.undo_at);
            if let Err(e) = self.store.undo(&step.change) {
                // Still there to undo later with `u`.
                self.undo.insert(session.undo_at, step);
                self.screen.say(e.to_string(), true);
            }
            self.reload_all();
        }
    }
}
