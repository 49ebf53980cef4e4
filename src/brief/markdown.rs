//! The briefing as WhatsApp reads it when pasted into a group: its own *bold* and _italics_, and
//! lists with "- ". WhatsApp has no escapes, so the office's texts are written as they are and
//! only the briefing's own words are marked; a mark is left out where the text it would wrap
//! or stand beside holds a marker character of its own (an asterisk in a title would otherwise
//! pair with ours and turn half the line bold).
use super::spark_text;
use super::{
    balance_months, balance_name, balance_note, heading, one_line, sections, spark_summary, Tone,
};
use crate::domain::briefing::Briefing;
use crate::i18n::{number, tf, Msg};

/// The characters WhatsApp reads as formatting: bold, italics, strikethrough, monospace.
const MARKERS: [char; 4] = ['*', '_', '~', '`'];

fn has_markers(text: &str) -> bool {
    text.contains(MARKERS)
}

/// `text` between `marker`s when it can be: when it holds no marker of its own, nor does
/// `beside` (the text on the same line), and begins and ends with something other than a space.
fn marked(marker: char, text: &str, beside: &str) -> String {
    if text.is_empty() || has_markers(text) || has_markers(beside) || text.trim() != text {
        text.to_owned()
    } else {
        format!("{marker}{text}{marker}")
    }
}

pub fn render(b: &Briefing) -> String {
    let mut out = vec![marked('*', &one_line(&heading(b)), "")];
    for s in sections(b) {
        out.push(String::new());
        let summary = one_line(&s.summary);
        out.push(format!(
            "{} — {summary}",
            marked('*', &one_line(&s.title), &summary)
        ));
        for item in &s.items {
            let when = if item.when.is_empty() {
                String::new()
            } else {
                format!("{} ", one_line(&item.when))
            };
            let text = one_line(&item.text);
            let flag = one_line(&item.flag);
            let flag = match (flag.is_empty(), item.tone) {
                (true, _) => String::new(),
                (false, Tone::Alert) => format!(" {}", marked('*', &flag, &text)),
                (false, _) => format!(" {}", marked('_', &flag, &text)),
            };
            out.push(format!("- {when}{text}{flag}"));
            let note = one_line(&item.note);
            if !note.is_empty() {
                out.push(format!("  {}", marked('_', &note, "")));
            }
        }
        if s.more > 0 {
            out.push(format!("- {}", tf(Msg::BriefMoreItems, &[&number(s.more)])));
        }
    }
    out.push(String::new());
    out.push(spark_summary(b));
    // In monospace, so that days with nothing keep their width in a proportional font.
    let values: Vec<u64> = b.spark.iter().map(|(_, n)| *n).collect();
    let spark = spark_text(&values);
    if !spark.trim().is_empty() {
        out.push(format!("```{spark}```"));
    }
    out.push(String::new());
    let title = one_line(&super::balance_title(b));
    out.push(marked('*', &title, ""));
    let (_, last) = balance_months(b);
    for r in &b.balance {
        out.push(format!(
            "- {}: {} ({last}: {})",
            one_line(balance_name(r)),
            number(r.this_month),
            number(r.last_month)
        ));
    }
    if let Some(note) = balance_note(b) {
        out.push(marked('_', &one_line(&note), ""));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_left_out_where_the_office_text_has_markers_of_its_own() {
        assert_eq!(
            marked('*', "⚠ SIN COBERTURA", "Feria del maíz"),
            "*⚠ SIN COBERTURA*"
        );
        assert_eq!(
            marked('*', "⚠ SIN COBERTURA", "Promoción 2*1 en tortillas"),
            "⚠ SIN COBERTURA"
        );
        assert_eq!(
            marked('_', "Auditorio · @dif_tampamolon", ""),
            "Auditorio · @dif_tampamolon"
        );
        assert_eq!(marked('_', "", ""), "");
        assert_eq!(marked('_', " a", ""), " a");
    }

    #[test]
    fn outside_text_stays_on_its_one_line() {
        assert_eq!(
            one_line("Reunión\ncon vecinos\u{1b}[2J"),
            "Reunión con vecinos[2J"
        );
    }
}
