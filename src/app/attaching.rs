//! Attaching files to a report from the console: `n` on a report's detail asks for paths (one
//! per line, as a terminal pastes a dragged file or Explorer copies a path), the files are
//! copied into the media store and linked in one transaction that `u` undoes; the status bar
//! says what was attached and what was not, and why.
use std::path::{Path, PathBuf};

use super::importing::clean_path;
use super::{App, Undoable};
use crate::domain::edit::{RecordKind, Target};
use crate::i18n::{t, tf, Msg};
use crate::store::Attached;
use crate::ui::overlay::Overlay;
use crate::ui::Action;

/// The paths of one line. A line is one path, unless it is how a terminal pastes several
/// dragged files: each quoted ('…' or "…"), spaces escaped (`Obras\ Públicas`), or several
/// `file://` addresses; then it is split the way a shell would.
fn line_paths(line: &str) -> Vec<String> {
    let line = line.trim();
    let several = line.starts_with(['\'', '"'])
        || line.contains("\\ ")
        || line.matches("file://").count() > 1;
    if !several {
        return vec![line.to_owned()];
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => quote = Some(c),
            (None, '\\') if chars.peek() == Some(&' ') => {
                word.push(' ');
                chars.next();
            }
            (None, c) if c.is_whitespace() => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            (None, c) => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The paths of the text of the form: one per line (or several dragged onto one line), without
/// the quotes and spaces a paste brings, `~` standing for `home`.
pub fn attach_paths(text: &str, home: Option<&Path>) -> Vec<PathBuf> {
    text.lines()
        .flat_map(line_paths)
        .map(|p| clean_path(&p))
        .filter(|p| !p.is_empty())
        .map(|p| with_home(&p, home))
        .collect()
}

/// A path with `~` standing for `home`.
fn with_home(p: &str, home: Option<&Path>) -> PathBuf {
    match (p.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with(['/', '\\']) => {
            home.join(rest.trim_start_matches(['/', '\\']))
        }
        _ => PathBuf::from(p),
    }
}

/// One path as typed or pasted into a form (quotes, `file://`, `~`), as the system reads it.
pub(super) fn expand_home(text: &str) -> PathBuf {
    with_home(&clean_path(text), home_dir().as_deref())
}

pub(super) fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
}

/// What the status bar says after attaching files to the report `title`.
fn summary(done: &Attached, title: &str) -> String {
    let mut parts = Vec::new();
    match done.attached {
        0 if done.failed.is_empty() => parts.push(tf(Msg::AttachNothingNew, &[&title])),
        0 => {}
        1 => parts.push(tf(Msg::DidAttachOne, &[&title])),
        n => parts.push(tf(Msg::DidAttach, &[&n, &title])),
    }
    if done.attached > 0 || !done.failed.is_empty() {
        match done.already {
            0 => {}
            1 => parts.push(t(Msg::AttachAlreadyOne).to_owned()),
            n => parts.push(tf(Msg::AttachAlready, &[&n])),
        }
    }
    parts.extend(
        done.failed
            .iter()
            .map(|(path, why)| tf(Msg::AttachFailed, &[&path.display(), why])),
    );
    parts.join(" ")
}

impl App {
    /// `n` on a report's detail: the form that asks for the files.
    pub(super) fn attach_form(&mut self, report: Option<Target>) {
        let Some(report) =
            report.filter(|r| matches!(r.kind, RecordKind::Report | RecordKind::Material))
        else {
            return self.say(t(Msg::NothingHere).to_owned());
        };
        let title = self.title_of(&report);
        let form = crate::ui::forms::attach_files(report, &title, self.now());
        self.push(Overlay::Form(form));
    }

    /// Attaches the files named in the form. When none could be, the form stays open with
    /// the reasons beside the field, every character in it.
    pub(super) fn attach(&mut self, report: Target, text: &str) {
        let paths = attach_paths(text, home_dir().as_deref());
        let title = self.title_of(&report);
        let owner = match report.kind {
            RecordKind::Material => crate::store::FileOwner::Material,
            _ => crate::store::FileOwner::Report,
        };
        let done = match self.store.attach_to(owner, &report.id, &paths) {
            Ok(done) => done,
            Err(e) => return self.form_error(e),
        };
        let said = summary(&done, &title);
        if done.attached == 0 && done.already == 0 {
            if let Some(Overlay::Form(form)) = self.screen.overlays.last_mut() {
                form.set_error("files", said);
            }
            return;
        }
        if !done.change.is_empty() {
            self.undo.push(Undoable {
                label: tf(Msg::UndoLabelAttach, &[&title]),
                change: done.change,
                target: Some(report),
            });
        }
        self.update(Action::PopForm);
        self.reload_all();
        self.screen.say(said, !done.failed.is_empty());
    }

    /// Enter on an attachment: where its copy is kept (to open it with another program).
    pub(super) fn show_attachment(&mut self, target: &Target) {
        match self.store.attachment_file(target) {
            Ok((name, path)) => self.say(tf(Msg::AttachmentAt, &[&name, &path.display()])),
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_and_dragged_paths_are_cleaned_one_per_line() {
        let home = Path::new("/home/ana");
        let text = "  '/tmp/foto uno.jpg'  \n\n\"C:\\Users\\Ana\\oficio.pdf\"\n~/Descargas/a.mp4\n~\n/tmp/~x.png\n";
        assert_eq!(
            attach_paths(text, Some(home)),
            vec![
                PathBuf::from("/tmp/foto uno.jpg"),
                PathBuf::from("C:\\Users\\Ana\\oficio.pdf"),
                PathBuf::from("/home/ana/Descargas/a.mp4"),
                PathBuf::from("/home/ana"),
                PathBuf::from("/tmp/~x.png"),
            ]
        );
        assert_eq!(
            attach_paths("~/a.jpg", None),
            vec![PathBuf::from("~/a.jpg")]
        );
    }

    #[test]
    fn several_files_dragged_onto_one_line_are_several_paths() {
        let paths = |t: &str| attach_paths(t, None);
        assert_eq!(
            paths("'/tmp/Obras Públicas/IMG_1.jpg' '/tmp/Obras Públicas/IMG_2.JPG' "),
            vec![
                PathBuf::from("/tmp/Obras Públicas/IMG_1.jpg"),
                PathBuf::from("/tmp/Obras Públicas/IMG_2.JPG"),
            ]
        );
        assert_eq!(
            paths("/tmp/Obras\\ Públicas/a.jpg /tmp/b.png"),
            vec![
                PathBuf::from("/tmp/Obras Públicas/a.jpg"),
                PathBuf::from("/tmp/b.png"),
            ]
        );
        assert_eq!(
            paths("file:///tmp/a.jpg file:///tmp/b.jpg"),
            vec![PathBuf::from("/tmp/a.jpg"), PathBuf::from("/tmp/b.jpg")]
        );
        // A path with spaces and no quotes (typed, or from Windows) stays one path.
        assert_eq!(
            paths("C:\\Users\\Ana\\Mis fotos\\a.jpg"),
            vec![PathBuf::from("C:\\Users\\Ana\\Mis fotos\\a.jpg")]
        );
    }
}
