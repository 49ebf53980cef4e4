//! The newsroom's workflow on a piece: turned back with a comment, scheduled, published on a
//! network, a warning let through with a reason. A move the checks refuse for a warning
//! nobody acknowledged asks for the reason, then is tried again.
use super::{Action, App, Undoable};
use crate::domain::edit::{PublicationInput, Record, RecordKind, Target};
use crate::domain::status::{DraftStatus, Workflow};
use crate::i18n::labels::{finding_text, status_label};
use crate::i18n::{stamp_long, tf, Msg};
use crate::store::{StoreError, Tx};
use crate::ui::overlay::Overlay;
use crate::ui::tabs::drafts::forms;

impl App {
    /// Runs `f` in one write, undoable under `label`; the screen reads the store again.
    /// Returns the record the write was about (what `u` shows afterwards), if any.
    pub(super) fn run_batch<T: Into<Option<Target>> + Clone>(
        &mut self,
        action: &str,
        label: String,
        f: impl FnOnce(&mut Tx<'_, '_>) -> crate::store::Result<T>,
    ) -> Result<T, StoreError> {
        let (done, change) = self.store.batch(action, f)?;
        if !change.is_empty() {
            self.undo.push(Undoable {
                label,
                change,
                target: done.clone().into(),
            });
        }
        self.reload_all();
        Ok(done)
    }

    /// `o` in Borradores: what the office configured (a press release's header and folio,
    /// the names and phrases of Art. 134, the blackout periods).
    pub(super) fn ask_office(&mut self) {
        match self.store.office() {
            Ok(office) => {
                let form = forms::office(&office, self.now());
                self.push(Overlay::Form(form));
            }
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }

    /// Saves what the office configured, in one write (one `u` takes it back).
    pub(super) fn save_office(&mut self, office: crate::domain::edit::OfficeInput) {
        let saved = self.run_batch(
            "office",
            crate::i18n::t(Msg::UndoLabelOffice).to_owned(),
            |tx| tx.set_office(&office).map(|()| None::<Target>),
        );
        match saved {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(crate::i18n::t(Msg::DidOffice).to_owned());
            }
            Err(e) => self.form_error(e),
        }
    }

    /// The piece a target names, as stored.
    fn stored_draft(&mut self, target: &Target) -> Option<crate::domain::edit::DraftInput> {
        match self.store.record(target) {
            Ok(Record::Draft(d)) => Some(d),
            Ok(_) => None,
            Err(e) => {
                self.screen.say(e.to_string(), true);
                None
            }
        }
    }

    /// `m` on a piece: the moves that need more than the status ask for it first.
    pub(super) fn draft_move(&mut self, target: Target, code: &str) -> bool {
        let Some(to) = DraftStatus::from_code(code) else {
            return false;
        };
        let title = self.title_of(&target);
        let allowed = self
            .stored_draft(&target)
            .is_some_and(|d| d.status.can_move_to(to));
        if !allowed {
            return false;
        }
        let now = self.now();
        let form = match to {
            DraftStatus::Rejected => forms::reject(target, &title, now),
            DraftStatus::Scheduled => forms::schedule(target, &title, now),
            DraftStatus::Published => {
                let variants = self.store.variants_of(&target.id).unwrap_or_default();
                forms::publish(target, &title, &forms::channels_of(&variants), now)
            }
            _ => return false,
        };
        self.push(Overlay::Form(form));
        true
    }

    /// A move of a piece the store refused: a warning to acknowledge opens its form (and the
    /// move is tried again after); anything else is said where the user is.
    pub(super) fn draft_refused(&mut self, target: &Target, e: StoreError, retry: Action) {
        if let StoreError::Unacknowledged { first, .. } = &e {
            self.retry = Some((target.clone(), retry));
            let form = forms::acknowledge(
                target.clone(),
                first.code(),
                &finding_text(first),
                self.now(),
            );
            return self.push(Overlay::Form(form));
        }
        if matches!(self.screen.overlays.last(), Some(Overlay::Form(_))) {
            self.form_error(e);
        } else {
            self.screen.say(e.to_string(), true);
        }
    }

    /// Moves a piece to a status, recording who and when.
    pub(super) fn move_draft(&mut self, target: Target, code: String) {
        let title = self.title_of(&target);
        let label = tf(Msg::UndoLabelStatus, &[&title]);
        let status = code.clone();
        let moved = self.run_batch("drafts.status", label, |tx| {
            tx.set_status(&target, &status)?;
            Ok(target.clone())
        });
        match moved {
            Ok(_) => self.say(tf(
                Msg::DidStatus,
                &[&title, &status_label(RecordKind::Draft, &code)],
            )),
            Err(e) => self.draft_refused(&target, e, Action::SetStatus(target.clone(), code)),
        }
    }

    /// Turns a piece back with the comment its author reads.
    pub(super) fn reject(&mut self, target: Target, comment: String) {
        let Some(mut draft) = self.stored_draft(&target) else {
            return;
        };
        draft.status = DraftStatus::Rejected;
        draft.review_comment = comment;
        let title = draft.title.clone();
        let record = Record::Draft(draft);
        let saved = self.run_batch("drafts.reject", tf(Msg::UndoLabelStatus, &[&title]), |tx| {
            tx.update(&target.id, &record)?;
            Ok(target.clone())
        });
        match saved {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(tf(Msg::DidReject, &[&title]));
            }
            Err(e) => self.form_error(e),
        }
    }

    /// Schedules a piece for the date and time given (the checks read that day).
    pub(super) fn schedule(&mut self, target: Target, at: String) {
        let Some(mut draft) = self.stored_draft(&target) else {
            return;
        };
        draft.status = DraftStatus::Scheduled;
        draft.scheduled_for = at.clone();
        let title = draft.title.clone();
        let record = Record::Draft(draft);
        let saved = self.run_batch(
            "drafts.schedule",
            tf(Msg::UndoLabelStatus, &[&title]),
            |tx| {
                tx.update(&target.id, &record)?;
                Ok(target.clone())
            },
        );
        match saved {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(tf(Msg::DidSchedule, &[&title, &stamp_long(&at)]));
            }
            Err(e) => self.draft_refused(&target, e, Action::Schedule(target.clone(), at)),
        }
    }

    /// Records where and when a piece came out; the first publication marks it published.
    pub(super) fn publish(&mut self, publication: PublicationInput) {
        let target = Target::new(RecordKind::Draft, publication.draft_id.clone());
        let title = self.title_of(&target);
        let channel = crate::i18n::labels::Label::label(publication.channel);
        let Some(mut draft) = self.stored_draft(&target) else {
            return;
        };
        // The first publication publishes the piece, checked for the day it came out.
        let first = draft.status != DraftStatus::Published;
        draft.status = DraftStatus::Published;
        draft.scheduled_for = publication.published_at.clone();
        let piece = Record::Draft(draft);
        let record = Record::Publication(publication.clone());
        let saved = self.run_batch(
            "drafts.publish",
            tf(Msg::UndoLabelStatus, &[&title]),
            |tx| {
                if first {
                    tx.update(&target.id, &piece)?;
                } else if let Record::Draft(d) = &piece {
                    // Published already, on another network now: that day is checked too.
                    tx.may_publish(&target.id, d)?;
                }
                tx.create(None, &record)?;
                Ok(target.clone())
            },
        );
        match saved {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(tf(Msg::DidPublish, &[&title, &channel]));
            }
            Err(e) => self.draft_refused(&target, e, Action::Publish(publication)),
        }
    }

    /// `a`: asks why the piece's next open warning may be let through (blocks cannot be).
    pub(super) fn ack_next(&mut self, target: Target) {
        self.retry = None;
        let detail = match self.store.draft_detail(&target.id) {
            Ok(d) => d,
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let open = detail.checks.iter().find(|c| {
            c.acknowledged.is_none()
                && c.finding.severity == crate::domain::compliance::Severity::Warning
        });
        match open {
            Some(c) => {
                let form = forms::acknowledge(
                    target,
                    c.finding.code(),
                    &finding_text(&c.finding),
                    self.now(),
                );
                self.push(Overlay::Form(form));
            }
            None => self.say(crate::i18n::t(Msg::NoOpenWarnings).to_owned()),
        }
    }

    /// `x` on a press release: where to write it. A piece without a folio has none to write.
    pub(super) fn ask_export_bulletin(&mut self, target: Target) {
        let folio = match self.store.draft_detail(&target.id) {
            Ok(d) if !d.row.folio.is_empty() && d.row.status.has_folio() => d.row.folio,
            Ok(_) => return self.say(crate::i18n::t(Msg::BulletinNoFolio).to_owned()),
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let dir = directories::UserDirs::new().and_then(|u| {
            u.document_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        });
        let form = forms::export_bulletin(&folio, dir.as_deref(), self.now());
        self.push(Overlay::Form(form));
    }

    /// Writes a press release where the user said, whole or not at all.
    pub(super) fn export_bulletin(&mut self, folio: &str, format: &str, file: &str) {
        use crate::interop::bulletin::{render, BulletinFormat};
        let format = match format {
            "txt" => BulletinFormat::Txt,
            "md" => BulletinFormat::Md,
            _ => BulletinFormat::Html,
        };
        let mut path = crate::app::attaching::expand_home(file);
        if path.extension().is_none() {
            path.set_extension(format.extension());
        }
        let bulletin = match self.store.bulletin(folio) {
            Ok(Some(b)) => b,
            Ok(None) => return self.form_note_error(tf(Msg::BulletinNotFound, &[&folio])),
            Err(e) => return self.form_error(e),
        };
        let text = render(&bulletin, format);
        match crate::interop::output::write_output(&path, text.as_bytes()) {
            Ok(()) => {
                self.update(Action::PopForm);
                self.say(tf(Msg::BulletinExported, &[&folio, &path.display()]));
            }
            Err(e) => self.form_note_error(tf(
                Msg::ErrIo,
                &[&path.display(), &crate::store::io_text(&e)],
            )),
        }
    }

    /// An error about the form as a whole (the file could not be written): said in it, every
    /// field kept.
    fn form_note_error(&mut self, text: String) {
        match self.screen.overlays.last_mut() {
            Some(Overlay::Form(form)) => form.error = Some(text),
            _ => self.screen.say(text, true),
        }
    }

    /// Lets a warning through with its reason, then tries again the move it stopped.
    pub(super) fn acknowledge(&mut self, target: Target, code: String, reason: String) {
        let title = self.title_of(&target);
        let saved = self.run_batch(
            "drafts.acknowledge",
            tf(Msg::UndoLabelAck, &[&title]),
            |tx| {
                tx.acknowledge(&target.id, &code, &reason)?;
                Ok(target.clone())
            },
        );
        match saved {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(tf(Msg::DidAcknowledge, &[&title]));
                // The move the warning stopped goes on, if it was this piece's.
                if let Some((piece, retry)) = self.retry.take() {
                    if piece == target {
                        self.update(retry);
                    }
                }
            }
            Err(e) => self.form_error(e),
        }
    }
}
