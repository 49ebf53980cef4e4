//! What the Reportes tab asks of the app: a request round, a draft from a report, a report
//! discarded with its reason.
use super::{App, Undoable};
use crate::domain::edit::{Command, DraftInput, Record, RecordKind, Target};
use crate::domain::query::ListId;
use crate::domain::recurrence::LOCAL;
use crate::domain::requests::RoundInput;
use crate::domain::status::ReportStatus;
use crate::i18n::{stamp, tf, Msg};
use crate::ui::data::Reader;
use crate::ui::overlay::Overlay;
use crate::ui::paged::Nav;
use crate::ui::tabs::reports::forms;
use crate::ui::tabs::Page;
use crate::ui::{Action, ListCmd};

impl App {
    /// `r`: the request round form, with the office's template (or the catalogue's).
    pub(super) fn ask_round(&mut self) {
        let template = match self.store.request_text_template() {
            Ok(template) => template,
            Err(e) => return self.screen.say(e, true),
        };
        let form = forms::round(&template, self.now());
        self.push(Overlay::Form(form));
    }

    /// Sends a request round; the Solicitudes view then shows the requests made.
    pub(super) fn round(&mut self, round: RoundInput) {
        match self.store.request_round(&round) {
            Ok((ids, change)) => {
                if !change.is_empty() {
                    self.undo.push(Undoable {
                        label: tf(Msg::UndoLabelRound, &[&round.topic]),
                        change,
                        target: None,
                    });
                }
                self.update(Action::PopForm);
                self.reload_all();
                self.screen.reports.show_list(ListId::Requests);
                self.list(&ListCmd::Load);
                // The round is the newest: on top, in view.
                self.list(&ListCmd::Nav(Nav::Home));
                self.say(tf(Msg::DidRound, &[&ids.len(), &stamp(&round.due_on)]));
            }
            Err(e) => self.form_error(e),
        }
    }

    /// `b` on a report: a new draft with its title and text, linked to it (and to its event),
    /// so each shows the other. Saving it moves the report to "en borrador".
    pub(super) fn draft_from_report(&mut self, id: &str) {
        let report = match self.store.record(&Target::new(RecordKind::Report, id)) {
            Ok(Record::Report(r)) => r,
            Ok(_) => return,
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        let draft = DraftInput {
            report_id: Some(id.to_owned()),
            event_id: report.event_id.clone(),
            ..DraftInput::new(
                &report.title,
                report.body.trim(),
                &self.now().format(LOCAL).to_string(),
            )
        };
        self.open_draft(draft, &report.title);
    }

    /// Discards a report with the reason given.
    pub(super) fn discard(&mut self, target: Target, reason: String) {
        let mut report = match self.store.record(&target) {
            Ok(Record::Report(r)) => r,
            Ok(_) => return,
            Err(e) => return self.form_error(e),
        };
        let title = report.title.clone();
        report.status = ReportStatus::Discarded;
        report.reason = reason.clone();
        let command = Command::Update {
            id: target.id.clone(),
            record: Record::Report(report),
        };
        match self.run(&command, tf(Msg::UndoLabelStatus, &[&title])) {
            Ok(_) => {
                self.update(Action::PopForm);
                self.say(tf(Msg::DidDiscard, &[&title, &reason]));
            }
            Err(e) => self.form_error(e),
        }
    }
}
