//! Writing records from the console: forms to create and edit them, deleting (after asking),
//! moving a status, pickers for links, and undo. Every write is one typed store command.
use super::{App, Undoable};
use crate::domain::edit::{Command, Record, RecordKind, Target};
use crate::domain::recurrence::LOCAL;
use crate::domain::status::{
    CoverageStatus, DraftStatus, EventStatus, ReportStatus, RequestStatus,
};
use crate::i18n::labels::{field_problem, status_label, Label};
use crate::i18n::stamp_long;
use crate::i18n::{t, tf, Msg};
use crate::store::StoreError;
use crate::ui::forms::{self, record_title, FormCtx};
use crate::ui::overlay::{Confirm, Menu, MenuItem, Overlay, Picker};
use crate::ui::{Action, ListCmd};
use chrono::NaiveDateTime;

/// Every status code of a kind of record.
fn statuses(kind: RecordKind) -> Vec<&'static str> {
    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|s| code(*s)).collect()
    }
    match kind {
        RecordKind::Event | RecordKind::Series => codes(EventStatus::ALL, EventStatus::code),
        RecordKind::Coverage => codes(CoverageStatus::ALL, CoverageStatus::code),
        RecordKind::Request => codes(RequestStatus::ALL, RequestStatus::code),
        RecordKind::Report => codes(ReportStatus::ALL, ReportStatus::code),
        RecordKind::Draft => codes(DraftStatus::ALL, DraftStatus::code),
        RecordKind::Material => codes(
            crate::domain::status::MaterialStatus::ALL,
            crate::domain::status::MaterialStatus::code,
        ),
        RecordKind::Interview => codes(
            crate::domain::status::InterviewStatus::ALL,
            crate::domain::status::InterviewStatus::code,
        ),
        RecordKind::Delivery => codes(
            crate::domain::status::DeliveryStatus::ALL,
            crate::domain::status::DeliveryStatus::code,
        ),
        RecordKind::Question => codes(
            crate::domain::status::QuestionStatus::ALL,
            crate::domain::status::QuestionStatus::code,
        ),
        _ => Vec::new(),
    }
}

impl App {
    pub(super) fn form_ctx(&self) -> FormCtx<'_> {
        FormCtx {
            now: self.screen.now,
            data: &self.store,
        }
    }

    /// A publication stands for its draft when it is edited or deleted.
    fn editable(&mut self, target: Target) -> Option<Target> {
        if target.kind != RecordKind::Publication {
            return Some(target);
        }
        let draft = self.store.publication_draft(&target.id);
        self.report(draft)
            .map(|id| Target::new(RecordKind::Draft, id))
    }

    /// How a record is named in messages and the undo list.
    pub(super) fn title_of(&self, target: &Target) -> String {
        // An attachment is called by its file's name.
        if matches!(
            target.kind,
            RecordKind::Attachment | RecordKind::MaterialFile
        ) {
            return self
                .store
                .attachment_file(target)
                .map(|(name, _)| name)
                .unwrap_or_default();
        }
        // A delivery is called by the person it is for.
        if target.kind == RecordKind::Delivery {
            return self.store.recipient(&target.id).unwrap_or_default();
        }
        self.store
            .record(target)
            .map(|r| record_title(&r))
            .unwrap_or_default()
    }

    pub(super) fn new_record(&mut self, kind: RecordKind, parent: Option<Target>) {
        if matches!(kind, RecordKind::Attachment | RecordKind::MaterialFile) {
            return self.attach_form(parent);
        }
        // A part of a record says whose it is: "Nueva cobertura — Sesión de Cabildo".
        let whose = parent.as_ref().map(|p| self.title_of(p));
        let mut ctx = self.form_ctx();
        // A new event made in the calendar falls on the day shown there.
        if let (RecordKind::Event, Some(day)) = (kind, self.screen.calendar_day()) {
            ctx.now = day.and_time(ctx.now.time());
        }
        match forms::build(kind, None, None, parent, &ctx) {
            Some(mut form) => {
                if let Some(whose) = whose.filter(|w| !w.is_empty()) {
                    form.title = format!("{} — {whose}", form.title);
                }
                self.push(Overlay::Form(form))
            }
            None => self.say(t(Msg::NothingHere).to_owned()),
        }
    }

    /// A new draft about an event: its title, a first line with when and where, its
    /// description, and the link to it (so the draft says where it came from, and the event
    /// lists its drafts).
    pub(super) fn draft_from_event(&mut self, id: &str) {
        let target = Target::new(RecordKind::Event, id);
        let event = match self.store.record(&target) {
            Ok(Record::Event(e)) => e,
            Ok(_) => return,
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let where_: Vec<&str> = [event.place.as_str(), event.locality.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect();
        let mut body = stamp_long(&event.starts_at);
        if !where_.is_empty() {
            body.push_str(&format!(", {}", where_.join(", ")));
        }
        body.push('.');
        if !event.notes.trim().is_empty() {
            body.push_str(&format!("\n\n{}", event.notes.trim()));
        }
        let draft = crate::domain::edit::DraftInput {
            event_id: Some(id.to_owned()),
            campaign_id: event.campaign_id.clone(),
            ..crate::domain::edit::DraftInput::new(
                &event.title,
                &body,
                &self.now().format(LOCAL).to_string(),
            )
        };
        self.open_draft(draft, &event.title);
    }

    /// The form of a new draft, prefilled, titled after what it comes from.
    pub(super) fn open_draft(&mut self, draft: crate::domain::edit::DraftInput, from: &str) {
        let ctx = self.form_ctx();
        if let Some(mut form) = forms::build(
            RecordKind::Draft,
            None,
            Some(Record::Draft(draft)),
            None,
            &ctx,
        ) {
            form.title = format!("{} — {from}", form.title);
            self.push(Overlay::Form(form));
        }
    }

    pub(super) fn edit(&mut self, target: Target) {
        if matches!(
            target.kind,
            RecordKind::Attachment | RecordKind::MaterialFile
        ) {
            return self.show_attachment(&target);
        }
        let Some(target) = self.editable(target) else {
            return;
        };
        let record = self.store.record(&target);
        let Some(record) = self.report(record) else {
            return;
        };
        if let Some(form) = forms::build(
            target.kind,
            Some(target.id.clone()),
            Some(record),
            None,
            &self.form_ctx(),
        ) {
            self.push(Overlay::Form(form));
        }
    }

    pub(super) fn ask_delete(&mut self, target: Target, title: String) {
        let Some(target) = self.editable(target) else {
            return;
        };
        let question = if target.kind == RecordKind::Series {
            // The line it was asked from says how it repeats; the question names the event
            // and how many dates go with it.
            let dates = self
                .store
                .series_occurrences(&target.id)
                .map(|o| o.iter().filter(|o| !o.deleted).count())
                .unwrap_or(0);
            tf(Msg::ConfirmDeleteSeries, &[&self.title_of(&target), &dates])
        } else {
            tf(
                Msg::ConfirmDelete,
                &[&target.kind.label().to_lowercase(), &title],
            )
        };
        self.push(Overlay::Confirm(Confirm::new(
            question,
            Action::Delete(target),
        )));
    }

    /// Runs a command and keeps its change to undo; the message says what was done.
    pub(super) fn run(&mut self, command: &Command, label: String) -> Result<Target, StoreError> {
        let receipt = self.store.execute(command)?;
        if !receipt.change.is_empty() {
            self.undo.push(Undoable {
                label,
                change: receipt.change,
                target: Some(receipt.target.clone()),
            });
        }
        self.reload_all();
        Ok(receipt.target)
    }

    pub(super) fn delete(&mut self, target: Target) {
        let title = self.title_of(&target);
        let kind = target.kind.label().to_lowercase();
        let label = tf(Msg::UndoLabelDelete, &[&kind, &title]);
        match self.run(&Command::Delete(target), label) {
            Ok(_) => self.say(tf(Msg::DidDelete, &[&kind, &title])),
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }

    /// Postpones an event: to a new start (it moves there with the same length, scheduled, and
    /// its description keeps when it was before), or, with no date, marks it postponed.
    pub(super) fn postpone(&mut self, target: Target, start: Option<String>) {
        let Some(start) = start else {
            self.update(Action::PopForm);
            return self.run_status(target, EventStatus::Postponed.code().to_owned());
        };
        let event = match self.store.record(&target) {
            Ok(Record::Event(e)) => e,
            Ok(_) => return,
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let parse = |s: &str| NaiveDateTime::parse_from_str(s, LOCAL).ok();
        let length = match (parse(&event.starts_at), parse(&event.ends_at)) {
            (Some(s), Some(e)) => Some(e - s),
            _ => None,
        };
        if start <= event.starts_at {
            // Postponing is later; an earlier date is a mistake (or an edit, `e`).
            let text = tf(Msg::PostponeEarlier, &[&stamp_long(&event.starts_at)]);
            if let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() {
                form.set_error("date", text);
            }
            return;
        }
        let mut moved = event.clone();
        moved.ends_at = match (parse(&start), length) {
            (Some(s), Some(l)) => (s + l).format(LOCAL).to_string(),
            _ => String::new(),
        };
        moved.starts_at = start;
        moved.status = EventStatus::Scheduled;
        let before = tf(Msg::PostponedFrom, &[&stamp_long(&event.starts_at)]);
        moved.notes = if event.notes.trim().is_empty() {
            before
        } else {
            format!("{}\n{before}", event.notes.trim_end())
        };
        let label = tf(Msg::UndoLabelStatus, &[&event.title]);
        let command = Command::Update {
            id: target.id.clone(),
            record: Record::Event(moved.clone()),
        };
        match self.run(&command, label) {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(tf(
                    Msg::DidPostpone,
                    &[&event.title, &stamp_long(&moved.starts_at)],
                ));
            }
            Err(e) => self.form_error(e),
        }
    }

    /// The statuses a record may move to from `current`; the others shown, but not allowed.
    pub(super) fn status_menu(&mut self, target: Target, current: String) {
        let all = statuses(target.kind);
        if all.is_empty() {
            return;
        }
        let allowed = crate::store::allowed_moves(target.kind, &current);
        let items = all
            .into_iter()
            .filter(|code| *code != current)
            .map(|code| MenuItem {
                label: status_label(target.kind, code),
                allowed: allowed.contains(&code),
                action: Action::SetStatus(target.clone(), code.to_owned()),
            })
            .collect();
        let title = tf(
            Msg::StatusMenuTitle,
            &[&status_label(target.kind, &current)],
        );
        self.push(Overlay::Menu(Menu::new(title, items)));
    }

    pub(super) fn set_status(&mut self, target: Target, code: String) {
        let title = self.title_of(&target);
        // Discarding a report asks why first (when it may be discarded at all).
        let discardable = || match self.store.record(&target) {
            Ok(Record::Report(r)) => {
                crate::store::allowed_moves(RecordKind::Report, r.status.code())
                    .contains(&code.as_str())
            }
            _ => false,
        };
        if target.kind == RecordKind::Report
            && code == ReportStatus::Discarded.code()
            && discardable()
        {
            let form = crate::ui::tabs::reports::forms::discard(target, &title, self.now());
            return self.push(Overlay::Form(form));
        }
        // Postponing an event asks for the new date first.
        if target.kind == RecordKind::Event && code == EventStatus::Postponed.code() {
            if let Ok(Record::Event(e)) = self.store.record(&target) {
                let start = NaiveDateTime::parse_from_str(&e.starts_at, LOCAL).ok();
                let form = crate::ui::forms::postpone(target, &title, start, self.now());
                return self.push(Overlay::Form(form));
            }
        }
        if target.kind == RecordKind::Draft {
            if self.draft_move(target.clone(), &code) {
                return;
            }
            return self.move_draft(target, code);
        }
        self.run_status(target, code);
    }

    /// Moves a record to another status (the move is checked by the store).
    fn run_status(&mut self, target: Target, code: String) {
        let title = self.title_of(&target);
        let label = tf(Msg::UndoLabelStatus, &[&title]);
        let command = Command::SetStatus {
            target: target.clone(),
            status: code.clone(),
        };
        match self.run(&command, label) {
            Ok(_) => self.say(tf(
                Msg::DidStatus,
                &[&title, &status_label(target.kind, &code)],
            )),
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }

    /// A form's Ctrl+S: the command runs; on success the form closes and the record is shown
    /// selected; on an error the form stays, every character in it, the error beside its field.
    pub(super) fn save(&mut self, command: Command) {
        let (record, creating) = match &command {
            Command::Create { record, .. } => (record, true),
            Command::Update { record, .. } => (record, false),
            _ => return,
        };
        let title = record_title(record);
        let kind = record.kind();
        let label = if creating {
            tf(
                Msg::UndoLabelCreate,
                &[&kind.label().to_lowercase(), &title],
            )
        } else {
            tf(Msg::UndoLabelUpdate, &[&title])
        };
        let said = if creating {
            tf(Msg::DidCreate, &[&kind.label().to_lowercase(), &title])
        } else {
            tf(Msg::DidUpdate, &[&title])
        };
        let record = record.clone();
        match self.run(&command, label) {
            Ok(target) => {
                if kind == RecordKind::Draft {
                    self.autosave_done(&target.id);
                }
                self.update(Action::PopForm);
                self.say(said);
                self.select(&target, &record);
            }
            Err(e) => self.form_error(e),
        }
    }

    /// After saving, the record is selected in the list shown (when it belongs there).
    fn select(&mut self, target: &Target, record: &Record) {
        let first;
        let target = match record {
            // A part of a record: its record stays selected.
            Record::Coverage(_)
            | Record::Variant(_)
            | Record::Member(_)
            | Record::Attachment(_) => return,
            // A new series: its first occurrence.
            Record::Series(_) => {
                let occurrences = self
                    .store
                    .series_occurrences(&target.id)
                    .unwrap_or_default();
                let Some(o) = occurrences.into_iter().find(|o| !o.deleted) else {
                    return;
                };
                first = Target::new(RecordKind::Event, o.id);
                &first
            }
            _ => target,
        };
        self.reveal(target);
    }

    /// Selects a record in the list or calendar shown, when it is there to select.
    pub(super) fn reveal(&mut self, target: &Target) {
        if self.screen.pane().map(|p| p.kind()) != Some(target.kind) {
            return;
        }
        if let Ok(Some(key)) = self.store.place_of(target) {
            self.list(&ListCmd::Select(key));
        }
    }

    pub(super) fn form_error(&mut self, e: StoreError) {
        let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() else {
            return self.screen.say(e.to_string(), true);
        };
        match &e {
            StoreError::Invalid(i) => form.set_error(i.field, field_problem(i.field, i.problem)),
            StoreError::Transition { .. } => form.set_error("status", e.to_string()),
            _ => form.error = Some(tf(Msg::FormNotSaved, &[&e])),
        }
    }

    /// `u`: undoes the last change made in this session, with a new change (so it syncs).
    pub(super) fn undo(&mut self) {
        let Some(last) = self.undo.pop() else {
            return self.say(t(Msg::UndoNothing).to_owned());
        };
        match self.store.undo(&last.change) {
            Ok((done, _)) => {
                let text = if done.kept > 0 {
                    tf(Msg::DidUndoKept, &[&last.label, &done.kept])
                } else {
                    tf(Msg::DidUndo, &[&last.label])
                };
                self.reload_all();
                // What came back (or back to what it was) is what the user sees selected.
                if let Some(target) = &last.target {
                    self.reveal(target);
                }
                self.say(text);
            }
            Err(e) => {
                // Not undone (the file is busy, the disk full): it stays on the list.
                self.screen.say(e.to_string(), true);
                self.undo.push(last);
            }
        }
    }

    pub(super) fn open_picker(&mut self, kind: RecordKind, text: String) {
        let today = self.screen.now.format("%Y-%m-%d").to_string();
        let found = self.store.choices(kind, &text, &today);
        if let Some((choices, complete)) = self.report(found) {
            self.push(Overlay::Picker(Picker::new(kind, text, choices, complete)));
        }
    }

    pub(super) fn picker_search(&mut self, kind: RecordKind, text: String) {
        if !matches!(self.screen.overlays.last(), Some(Overlay::Picker(_))) {
            return self.open_picker(kind, text);
        }
        let today = self.screen.now.format("%Y-%m-%d").to_string();
        let found = self.store.choices(kind, &text, &today);
        if let Some((choices, complete)) = self.report(found) {
            if let Some(Overlay::Picker(p)) = self.screen.overlays.last_mut() {
                p.set_choices(choices, complete);
            }
        }
    }
}
