//! Importing a calendar from the console: the file named in a form is read and planned
//! (nothing written), the plan shown as the command line shows it, and written only on yes, in
//! one transaction that `u` undoes.
use std::path::Path;

use super::jobs::Job;
use super::{App, Undoable};
use crate::i18n::{t, tf, Msg};
use crate::interop::contacts::{self, Field};
use crate::interop::{archive, ical, reach, Planned};
use crate::ui::form::Purpose;
use crate::ui::overlay::{Confirm, Notice, Overlay};
use crate::ui::Action;

/// A file read and planned, waiting for the user's yes.
#[derive(Debug, Clone)]
pub(super) enum Pending {
    Agenda(ical::Prepared),
    Contacts(contacts::Prepared),
    Media(archive::Prepared),
    Reach(reach::Prepared),
}

impl Pending {
    fn plan(&self) -> &crate::interop::Plan {
        match self {
            Pending::Agenda(p) => p.plan(),
            Pending::Contacts(p) => p.plan(),
            Pending::Media(p) => p.plan(),
            Pending::Reach(p) => p.plan(),
        }
    }

    fn write(
        self,
        store: &mut crate::store::Store,
    ) -> Result<(crate::interop::Counts, crate::store::Change), ical::ImportError> {
        match self {
            Pending::Agenda(p) => p.write(store),
            Pending::Contacts(p) => p.write(store),
            Pending::Media(p) => p.write(store),
            Pending::Reach(p) => p.write(store),
        }
    }

    fn discard(self, store: &crate::store::Store) {
        match self {
            Pending::Agenda(p) => p.discard(store),
            Pending::Contacts(p) => p.discard(store),
            Pending::Media(p) => p.discard(store),
            Pending::Reach(p) => p.discard(store),
        }
    }
}

/// The corrections typed in "Columnas": `medio=Empresa, telefono=Celular` (a field with
/// nothing after `=` reads from no column). A word that is no field is the error to show.
pub fn column_fixes(text: &str) -> Result<Vec<(Field, Option<String>)>, String> {
    let mut out = Vec::new();
    for part in text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let fields = || Field::ALL.map(Field::key).join(", ");
        // A paste of a whole page is named by its beginning.
        let named = || -> String {
            match part.char_indices().nth(40) {
                Some((at, _)) => format!("{}…", &part[..at]),
                None => part.to_owned(),
            }
        };
        let Some((field, header)) = part.split_once('=') else {
            return Err(tf(Msg::UsageColumn, &[&named(), &fields()]));
        };
        let Some(field) = Field::from_key(field) else {
            return Err(tf(Msg::UsageColumn, &[&named(), &fields()]));
        };
        let header = header.trim();
        out.push((field, (!header.is_empty()).then(|| header.to_owned())));
    }
    Ok(out)
}

/// Whether a file named for import is a page's insights: a `.csv` whose headers have a
/// permalink and a reach column (any other CSV is an address book, or a document for the
/// archive). Only its beginning is read.
fn is_insights(path: &Path) -> bool {
    use std::io::Read;
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !csv || !path.is_file() {
        return false;
    }
    let mut head = Vec::new();
    match std::fs::File::open(path) {
        Ok(f) => {
            if f.take(16 * 1024).read_to_end(&mut head).is_err() {
                return false;
            }
        }
        Err(_) => return false,
    }
    reach::looks_like_insights(&head)
}

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
    match text.strip_prefix("file://") {
        // A file address: `file:///ruta` or `file://localhost/ruta`, its spaces and accents
        // written as `%20`, `%C3%BA`…
        Some(address) => percent_decoded(address.strip_prefix("localhost").unwrap_or(address)),
        None => text.to_owned(),
    }
}

/// `%XX` escapes turned back into the bytes they stand for (read as UTF-8).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn file_addresses_are_decoded() {
        assert_eq!(
            clean_path("file:///tmp/Obras%20P%C3%BAblicas/Foto%20n%C3%BAmero%201.JPG"),
            "/tmp/Obras Públicas/Foto número 1.JPG"
        );
        assert_eq!(clean_path("file://localhost/tmp/a%2"), "/tmp/a%2");
        assert_eq!(clean_path("'/tmp/100%25 real.jpg'"), "/tmp/100%25 real.jpg");
    }
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
                self.ask_import(Pending::Agenda(prepared), Msg::ImportAskConsole);
            }
        }
    }

    /// A contacts file named in the form, read and planned: the preview (with how each
    /// column was read) is asked about over the form, so Esc goes back to correct a column.
    pub(super) fn preview_contacts(&mut self, file: &str, columns: &str) {
        let path = clean_path(file);
        if is_insights(Path::new(&path)) {
            return self.preview_reach(&path, "file");
        }
        let fixes = match column_fixes(columns) {
            Ok(f) => f,
            Err(e) => return self.form_field_error("columns", e),
        };
        match contacts::prepare(Path::new(&path), &self.store, &fixes) {
            Err(e) => self.form_field_error("file", e.to_string()),
            Ok(prepared) if prepared.plan.counts().total() == 0 => {
                self.form_field_error("file", tf(Msg::ContactsEmpty, &[&path]))
            }
            // Asked over the form; with nothing to write, the form goes.
            Ok(prepared) => {
                if !prepared.plan.counts().writes() {
                    self.update(Action::PopForm);
                }
                self.ask_import(Pending::Contacts(prepared), Msg::ImportContactsAsk);
            }
        }
    }

    /// `I` in Archivo: the files and folders named in the form are read in the background
    /// (with a progress bar), then planned and asked about.
    pub(super) fn import_media(&mut self, text: &str) {
        if self.job.is_some() {
            return;
        }
        let paths = super::attaching::attach_paths(text, super::attaching::home_dir().as_deref());
        if paths.is_empty() {
            return self.form_field_error("paths", t(Msg::ImportMediaNone).to_owned());
        }
        if let [one] = &paths[..] {
            if is_insights(one) {
                return self.preview_reach(&one.display().to_string(), "paths");
            }
        }
        self.update(Action::PopForm);
        self.start_job(Job::media(self.store.media_dir(), paths), 1, String::new());
    }

    /// A page's insights CSV (named in the contacts or the archive's import form, whose
    /// `field` shows what is wrong with it), read and planned, and asked about over the form.
    pub(super) fn preview_reach(&mut self, path: &str, field: &str) {
        match reach::prepare(Path::new(path), &self.store) {
            Err(e) => self.form_field_error(field, e.to_string()),
            Ok(prepared) if prepared.plan.counts().total() == 0 => {
                self.form_field_error(field, tf(Msg::ReachEmpty, &[&path]))
            }
            Ok(prepared) => {
                if !prepared.plan.counts().writes() {
                    self.update(Action::PopForm);
                }
                self.ask_import(Pending::Reach(prepared), Msg::ReachAsk);
            }
        }
    }

    /// The files read: their plan, asked about (or said, when there is nothing to write).
    pub(super) fn media_gathered(&mut self, gathered: archive::Gathered) {
        let prepared = match self.store.plan_media(gathered) {
            Ok(p) => p,
            Err(e) => return self.screen.say(e.to_string(), true),
        };
        self.ask_import(Pending::Media(prepared), Msg::ImportMediaAsk);
    }

    /// An import planned: its preview asked about (`question`) when it would write, kept
    /// until the answer; else said, and what preparing it left taken back.
    fn ask_import(&mut self, pending: Pending, question: Msg) {
        let lines = pending.plan().preview(PREVIEW_ITEMS);
        if pending.plan().counts().writes() {
            self.pending_import = Some(pending);
            let ask = Confirm::new(t(question).to_owned(), Action::ApplyImport)
                .with_detail(lines)
                .with_no(Action::DeclineImport);
            self.push(Overlay::Confirm(ask));
        } else {
            pending.discard(&self.store);
            self.push(Overlay::Notice(Notice {
                title: t(Msg::ImportNothingTitle).to_owned(),
                lines,
                scroll: 0,
            }));
        }
    }

    /// No to an import's preview.
    pub(super) fn decline_import(&mut self) {
        self.pop();
        if let Some(pending) = self.pending_import.take() {
            pending.discard(&self.store);
        }
    }

    fn form_field_error(&mut self, field: &str, text: String) {
        match self.screen.overlays.last_mut() {
            Some(Overlay::Form(form)) => form.set_error(field, text),
            _ => self.screen.say(text, true),
        }
    }

    pub(super) fn apply_import(&mut self) {
        let Some(prepared) = self.pending_import.take() else {
            return;
        };
        let source = prepared.plan().source.clone();
        let done = match prepared {
            Pending::Agenda(_) => Msg::DidImport,
            Pending::Contacts(_) => Msg::DidImportContacts,
            Pending::Media(_) => Msg::DidImportMedia,
            Pending::Reach(_) => Msg::DidImportReach,
        };
        // Photos are shown where they fell: the timeline opens on the latest of them.
        let latest = match &prepared {
            Pending::Media(p) => p.files().map(|(f, _)| f.examined.taken_at.clone()).max(),
            _ => None,
        };
        // The contacts form stays under its preview until the import is written.
        if matches!(
            self.screen.overlays.last(),
            Some(Overlay::Form(f))
                if matches!(
                    f.purpose,
                    Purpose::ImportContacts | Purpose::ImportMedia | Purpose::ImportReach
                )
        ) {
            self.update(Action::PopForm);
        }
        match prepared.write(&mut self.store) {
            Ok((counts, change)) => {
                if !change.is_empty() {
                    self.undo.push(Undoable {
                        label: tf(Msg::UndoLabelImport, &[&source]),
                        change,
                        target: None,
                    });
                }
                self.reload_all();
                if let Some(at) = latest {
                    self.list(&crate::ui::ListCmd::Select(crate::domain::SortKey {
                        primary: at,
                        id: "~".into(),
                    }));
                }
                self.say(match done {
                    Msg::DidImportReach => tf(done, &[&counts.updated]),
                    _ => tf(done, &[&counts.new, &counts.updated]),
                });
            }
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clean_path, column_fixes, Field};

    #[test]
    fn columns_are_corrected_by_field_and_header() {
        assert_eq!(
            column_fixes("medio=Empresa; Teléfono = Celular,\nnotas=").unwrap(),
            vec![
                (Field::Outlet, Some("Empresa".into())),
                (Field::Phone, Some("Celular".into())),
                (Field::Notes, None),
            ]
        );
        assert!(column_fixes("empresa")
            .unwrap_err()
            .contains("CAMPO=ENCABEZADO"));
        assert!(column_fixes("periodico=Medio").is_err());
        let pasted = column_fixes(&"x".repeat(1_000_000)).unwrap_err();
        assert!(pasted.len() < 400, "{}", pasted.len());
    }

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
