//! Importing a calendar from the console: the file named in a form is read and planned
//! (nothing written), the plan shown as the command line shows it, and written only on yes, in
//! one transaction that `u` undoes.
use std::path::Path;

use super::{App, Undoable};
use crate::i18n::{t, tf, Msg};
use crate::interop::ical;
use crate::ui::overlay::{Confirm, Notice, Overlay};
use crate::ui::Action;

/// How many items of each kind the preview names (it must fit 80×24).
const PREVIEW_ITEMS: usize = 4;

/// A path as a terminal pastes it: a file dragged onto it may come quoted, or with `file://`.
pub(super) fn clean_path(text: &str) -> String {
    let text = text.trim();
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .or_else(|| text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')))
        .unwrap_or(text);
    text.strip_prefix("file://").unwrap_or(text).to_owned()
}

impl App {
    pub(super) fn preview_import(&mut self, file: &str) {
        let path = clean_path(file);
        match ical::prepare(Path::new(&path), &self.store) {
            Err(e) => {
                if let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() {
                    form.set_error("file", e.to_string());
                }
            }
            Ok(prepared) if prepared.plan.counts().total() == 0 => {
                if let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() {
                    form.set_error("file", tf(Msg::ImportNoEvents, &[&path]));
                }
            }
            Ok(prepared) => {
                self.update(Action::PopForm);
                let lines = prepared.plan.preview(PREVIEW_ITEMS);
                if prepared.plan.counts().writes() {
                    self.pending_import = Some(prepared);
                    let ask =
                        Confirm::new(t(Msg::ImportAskConsole).to_owned(), Action::ApplyImport)
                            .with_detail(lines);
                    self.push(Overlay::Confirm(ask));
                } else {
                    self.push(Overlay::Notice(Notice {
                        title: t(Msg::ImportNothingTitle).to_owned(),
                        lines,
                        scroll: 0,
                    }));
                }
            }
        }
    }

    pub(super) fn apply_import(&mut self) {
        let Some(prepared) = self.pending_import.take() else {
            return;
        };
        let source = prepared.plan.source.clone();
        match prepared.apply_recorded(&mut self.store) {
            Ok((counts, change)) => {
                if !change.is_empty() {
                    self.undo.push(Undoable {
                        label: tf(Msg::UndoLabelImport, &[&source]),
                        change,
                        target: None,
                    });
                }
                self.reload_all();
                self.say(tf(Msg::DidImport, &[&counts.new, &counts.updated]));
            }
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clean_path;

    #[test]
    fn a_dragged_file_is_a_path() {
        assert_eq!(
            clean_path(" '/home/ana/agenda.ics' "),
            "/home/ana/agenda.ics"
        );
        assert_eq!(
            clean_path("\"C:\\Users\\Ana\\agenda.ics\""),
            "C:\\Users\\Ana\\agenda.ics"
        );
        assert_eq!(clean_path("file:///tmp/a.ics"), "/tmp/a.ics");
    }
}
