//! Lines of detail panes that stand for records: the record itself, its own parts, and links.
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};

use crate::domain::edit::Target;
use crate::domain::LinkLine;
use crate::i18n::labels::status_label;
use crate::i18n::{stamp, t, Msg};
use crate::ui::list::{DetailLine, Pick, Role};
use crate::ui::widgets::title;

/// The detail's first line: the record itself (Enter edits it).
pub fn own(text: &str, target: Target, status: Option<&str>) -> DetailLine {
    let mut pick = Pick::new(Role::Own, target, text);
    pick.status = status.map(str::to_owned);
    DetailLine::pick(title(text), pick)
}

/// "When title (status)" of a linked record.
fn describe(l: &LinkLine) -> String {
    let mut text = String::new();
    if !l.date.is_empty() {
        text.push_str(&stamp(&l.date));
        text.push(' ');
    }
    text.push_str(&l.title);
    if !l.status.is_empty() {
        text.push_str(&format!(" ({})", status_label(l.target.kind, &l.status)));
    }
    text
}

/// "Label: the linked record" (Enter opens it).
pub fn link_field(label: Msg, l: &LinkLine) -> DetailLine {
    let line = Line::from(vec![
        Span::styled(format!("{}: ", t(label)), Style::new().bold()),
        Span::raw(describe(l)).underlined(),
    ]);
    DetailLine::pick(
        line,
        Pick::new(Role::Link, l.target.clone(), l.title.clone()),
    )
}

/// A bullet line for a linked record (Enter opens it).
pub fn link_bullet(l: &LinkLine) -> DetailLine {
    let line = Line::from(vec![Span::raw(" • "), Span::raw(describe(l)).underlined()]);
    DetailLine::pick(
        line,
        Pick::new(Role::Link, l.target.clone(), l.title.clone()),
    )
}

/// A bullet line for a part of the record (Enter edits it, `d` deletes it).
pub fn child_bullet(text: String, target: Target, status: Option<&str>) -> DetailLine {
    let mut pick = Pick::new(Role::Child, target, text.clone());
    pick.status = status.map(str::to_owned);
    DetailLine::pick(Line::from(format!(" • {text}")), pick)
}
