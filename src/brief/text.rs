//! The briefing as plain text within 80 columns: for a terminal, an e-mail, or to copy. Long
//! lines are wrapped at word boundaries under their own indent, never cut: who covers an event
//! and a mark such as "⚠ SIN COBERTURA" always reach the page.
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{
    balance_months, balance_name, balance_note, bar, heading, sections, spark_summary, spark_text,
    Item,
};
use crate::domain::briefing::Briefing;
use crate::domain::text::clean;
use crate::i18n::{number, tf, Msg};

/// The widest line, in columns.
pub const WIDTH: usize = 80;
/// Where an item's text starts (after its time or date).
const INDENT: usize = 14;
/// Columns per day of the sparkline.
const SPARK_CELL: usize = 2;

fn columns(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` (outside text included: control characters dropped, line breaks as spaces) in lines
/// of at most `width` columns, broken after words; a word longer than a line is broken where
/// it must.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let text = clean(text);
    let mut out = Vec::new();
    let mut line = String::new();
    // The columns `line` takes, kept as it grows.
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = columns(word);
        let space = usize::from(!line.is_empty());
        if used + space + w <= width {
            if space == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += space + w;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= width {
            line.push_str(word);
            used = w;
            continue;
        }
        // A word wider than the line: as many characters as fit on each.
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// `text` wrapped within [`WIDTH`]: its first line after `first`, the rest after `rest`
/// (both of the same width).
fn block(first: &str, rest: &str, text: &str, out: &mut Vec<String>) {
    let room = WIDTH.saturating_sub(columns(rest));
    for (i, line) in wrap(text, room).into_iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        out.push(led(lead, &line));
    }
}

/// `line` after `lead`, without trailing spaces.
fn led(lead: &str, line: &str) -> String {
    let mut out = String::with_capacity(lead.len() + line.len());
    out.push_str(lead);
    out.push_str(line);
    out.truncate(out.trim_end().len());
    out
}

/// `text` cut to `width` columns (wide characters take two), ending in "…" when cut.
fn fit_columns(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_owned();
    out.push_str(&" ".repeat(width.saturating_sub(columns(text))));
    out
}

fn item_lines(item: &Item, out: &mut Vec<String>) {
    let indent = " ".repeat(INDENT);
    let room = WIDTH - INDENT;
    // The time in its column, or on a line of its own when it is wider than the column.
    let mut first = format!("  {}", pad(&item.when, INDENT - 3));
    if columns(&first) >= INDENT {
        out.push(first.trim_end().to_owned());
        first = indent.clone();
    } else {
        first = pad(&first, INDENT);
    }
    let mut lines = wrap(&item.text, room);
    // The mark goes whole after the text, or on the next line when it does not fit.
    if !item.flag.is_empty() {
        let flag = clean(&item.flag);
        match lines.last_mut() {
            Some(last) if columns(last) + 2 + columns(&flag) <= room => {
                last.push_str("  ");
                last.push_str(&flag);
            }
            _ => lines.extend(wrap(&flag, room)),
        }
    }
    for (i, line) in lines.into_iter().enumerate() {
        let lead = if i == 0 { &first } else { &indent };
        out.push(led(lead, &line));
    }
    if !item.note.is_empty() {
        block(&indent, &indent, &item.note, out);
    }
}

/// The whole briefing.
pub fn render(b: &Briefing) -> String {
    let mut out = Vec::new();
    block("", "", &heading(b).to_uppercase(), &mut out);
    for s in sections(b) {
        out.push(String::new());
        block(
            "",
            "  ",
            &format!("{} — {}", s.title.to_uppercase(), s.summary),
            &mut out,
        );
        for item in &s.items {
            item_lines(item, &mut out);
        }
        if s.more > 0 {
            let more = tf(Msg::BriefMoreItems, &[&number(s.more)]);
            let indent = " ".repeat(INDENT);
            block(&indent, &indent, &more, &mut out);
        }
    }
    out.extend(spark_lines(b));
    out.extend(balance_lines(b));
    out.join("\n")
}

/// The publications of the last days: the count, the sparkline (two columns a day), and the
/// first and last day under its ends.
fn spark_lines(b: &Briefing) -> Vec<String> {
    let mut out = vec![String::new()];
    block("", "  ", &spark_summary(b), &mut out);
    let values: Vec<u64> = b.spark.iter().map(|(_, n)| *n).collect();
    let line: String = spark_text(&values)
        .chars()
        .flat_map(|c| std::iter::repeat_n(c, SPARK_CELL))
        .collect();
    let span = values.len() * SPARK_CELL;
    out.push(format!("  {line}").trim_end().to_owned());
    if let (Some((first, _)), Some((last, _))) = (b.spark.first(), b.spark.last()) {
        let (first, last) = (
            super::short_day(&first.to_string()),
            super::short_day(&last.to_string()),
        );
        let gap = span.saturating_sub(columns(&first) + columns(&last));
        if gap > 0 {
            out.push(format!("  {first}{}{last}", " ".repeat(gap)));
        }
    }
    out
}

/// The balance as a table of two bars per department: this month, then the month before.
fn balance_lines(b: &Briefing) -> Vec<String> {
    let mut out = vec![String::new()];
    block("", "  ", &super::balance_title(b).to_uppercase(), &mut out);
    if b.balance.is_empty() {
        return out;
    }
    let (this, last) = balance_months(b);
    let name_width = b
        .balance
        .iter()
        .map(|r| columns(balance_name(r)))
        .max()
        .unwrap_or(0)
        .clamp(8, 24);
    // Name, then two columns of a bar and its number.
    let column = (WIDTH - 2 - name_width - 4) / 2;
    let bar_width = column.saturating_sub(5);
    let max = b.balance_max();
    out.push(
        format!(
            "  {} {}   {}",
            pad("", name_width),
            pad(&fit_columns(&this, column), column),
            fit_columns(&last, column)
        )
        .trim_end()
        .to_owned(),
    );
    for r in &b.balance {
        let cell = |n: u64| {
            format!(
                "{} {:>4}",
                pad(&bar(n, max, bar_width), bar_width),
                number(n)
            )
        };
        out.push(format!(
            "  {} {} │ {}",
            pad(
                &fit_columns(&clean(balance_name(r)), name_width),
                name_width
            ),
            cell(r.this_month),
            cell(r.last_month)
        ));
    }
    if let Some(note) = balance_note(b) {
        block("  ", "  ", &note, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_after_words_and_breaks_only_a_word_too_long() {
        assert_eq!(
            wrap("Casa de la cultura · La Esperanza", 20),
            ["Casa de la cultura ·", "La Esperanza"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("uno\ndos\u{1b}[2J", 80), ["uno dos[2J"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn a_mark_is_never_cut_and_a_note_is_never_lost() {
        let item = Item {
            when: "09:30–11:30".into(),
            text: "Inauguración de la segunda etapa de la red de agua potable de la colonia Centro"
                .into(),
            note: "Auditorio municipal · El Jobo · Video: Lucía Salazar Cruz, Foto: Jorge Ponce Terán, Nota: Daniel Rubio Almaguer".into(),
            flag: "⚠ SIN COBERTURA".into(),
            tone: super::super::Tone::Alert,
            link: None,
        };
        let mut out = Vec::new();
        item_lines(&item, &mut out);
        assert!(out.iter().all(|l| columns(l) <= WIDTH), "{out:#?}");
        let joined = out.join(" ");
        assert!(joined.contains("⚠ SIN COBERTURA"), "{out:#?}");
        assert!(joined.contains("Daniel Rubio Almaguer"), "{out:#?}");
        assert!(out[0].starts_with("  09:30–11:30 Inauguración"), "{out:#?}");
        assert!(out[1..].iter().all(|l| l.starts_with(&" ".repeat(INDENT))));
    }
}
