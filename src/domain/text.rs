//! Text as search sees it: lower case, accents removed ("Reunión" → "reunion", "NIÑOS" →
//! "ninos"), the way the store's full-text indexes fold it, so what is highlighted on screen is
//! what the index matched.
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds one character: its canonical decomposition without marks, in lower case.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Text from outside (a file, another program) as it may be shown and kept: without control
/// characters (line breaks and tabs stay) and without the invisible marks that reorder what a
/// terminal shows after them (bidirectional overrides and isolates).
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            (!c.is_control() || c == '\n' || c == '\t')
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Text from outside on one line of a message: [`clean`], line breaks and tabs as spaces, and
/// at most `max` characters (then "…").
pub fn printable(text: &str, max: usize) -> String {
    let text = clean(text);
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// Lower case without accents.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The words of a search as the index reads them: runs of letters and digits, folded.
pub fn terms(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The folded text, and for each folded byte the byte offset in `text` it came from (plus
/// one past the end).
fn folded_with_origin(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    origin.push(text.len());
    (folded, origin)
}

/// The byte range in `text` of the folded bytes `at..at + len`: from the original character
/// of the first to the end of the original character of the last.
fn original_range(text: &str, origin: &[usize], at: usize, len: usize) -> (usize, usize) {
    let from = origin[at];
    let last = origin[at + len - 1];
    let to = last + text[last..].chars().next().map_or(0, char::len_utf8);
    (from, to)
}

/// A text folded once to look for many names and phrases in it as whole words, whatever
/// their accents and case.
pub struct Words<'a> {
    text: &'a str,
    origin: Vec<usize>,
    /// The folded text with every run of anything but letters and digits as one space, and
    /// for each of its bytes the folded byte it came from.
    squeezed: String,
    map: Vec<usize>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        let (folded, origin) = folded_with_origin(text);
        let mut squeezed = String::with_capacity(folded.len());
        let mut map: Vec<usize> = Vec::with_capacity(folded.len());
        let mut gap = false;
        for (at, c) in folded.char_indices() {
            if c.is_alphanumeric() {
                if gap && !squeezed.is_empty() {
                    squeezed.push(' ');
                    map.push(at);
                }
                gap = false;
                squeezed.push(c);
                map.extend((0..c.len_utf8()).map(|k| at + k));
            } else {
                gap = true;
            }
        }
        Words {
            text,
            origin,
            squeezed,
            map,
        }
    }

    /// Where `phrase` stands as whole words: byte ranges in the text.
    pub fn find(&self, phrase: &str) -> Vec<(usize, usize)> {
        let needle = terms(phrase).join(" ");
        if needle.is_empty() {
            return Vec::new();
        }
        let squeezed = &self.squeezed;
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(found) = squeezed[from..].find(&needle) {
            let at = from + found;
            let end = at + needle.len();
            let bounded_before = squeezed[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let bounded_after = squeezed[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if bounded_before && bounded_after {
                let start = self.map[at];
                let last = self.map[end - 1];
                out.push(original_range(
                    self.text,
                    &self.origin,
                    start,
                    last + 1 - start,
                ));
            }
            from = at + squeezed[at..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }
}

/// Where a name or phrase stands in `text` as whole words, whatever its accents and case
/// ("Gracias a la Presidenta" finds "gracias a la presidenta"): byte ranges in `text`.
pub fn find_words(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    Words::new(text).find(phrase)
}

/// Where `text` matches a search: for every word of `text` that starts with one of `terms`
/// (folded), the byte range of the matching start of that word.
pub fn highlights(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let (folded, origin) = folded_with_origin(text);
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let starts_word = c.is_alphanumeric() && (i == 0 || !chars[i - 1].1.is_alphanumeric());
        if !starts_word {
            continue;
        }
        let rest = &folded[at..];
        let best = terms
            .iter()
            .filter(|t| rest.starts_with(t.as_str()))
            .map(String::len)
            .max();
        if let Some(len) = best {
            out.push(original_range(text, &origin, at, len));
        }
    }
    out
}

/// Text cut to `width` characters, with "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_message_names_outside_text_on_one_short_line() {
        assert_eq!(printable("a\u{1b}[2Jb\nc", 20), "a[2Jb c");
        assert_eq!(printable("Señal Huasteca", 5), "Señal…");
        assert_eq!(printable("", 5), "");
    }
    use super::*;

    #[test]
    fn outside_text_loses_what_would_disturb_a_terminal() {
        assert_eq!(
            clean("Reunión\u{202E}ed etnedisera\u{1b}[2J con\tvecinos\nhoy\u{7}"),
            "Reunióned etnedisera[2J con\tvecinos\nhoy"
        );
        assert_eq!(clean("Ñandú 🙂"), "Ñandú 🙂");
    }

    #[test]
    fn names_and_phrases_are_found_as_whole_words_whatever_their_accents() {
        let text = "Gracias a la PRESIDENTA Rosa Martínez,\ngracias  a la presidenta otra vez; presidentas no.";
        let found = find_words(text, "gracias a la presidenta");
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].0..found[0].1], "Gracias a la PRESIDENTA");
        assert_eq!(&text[found[1].0..found[1].1], "gracias  a la presidenta");
        let name = find_words(text, "rosa martinez");
        assert_eq!(name.len(), 1);
        assert_eq!(&text[name[0].0..name[0].1], "Rosa Martínez");
        assert!(find_words(text, "presidente").is_empty());
        assert!(find_words(text, "").is_empty());
        assert!(find_words("", "mi gobierno").is_empty());
        assert_eq!(find_words("Mi gobierno.", "mi gobierno"), vec![(0, 11)]);
        assert!(find_words("ámi gobierno", "mi gobierno").is_empty());
    }

    fn marked(text: &str, query: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for (a, b) in highlights(text, &terms(query)) {
            out.push_str(&text[last..a]);
            out.push('[');
            out.push_str(&text[a..b]);
            out.push(']');
            last = b;
        }
        out.push_str(&text[last..]);
        out
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(
            fold("Reunión con COMITÉS de Niños"),
            "reunion con comites de ninos"
        );
        assert_eq!(fold("Pingüino Ñandú"), "pinguino nandu");
        assert_eq!(fold("🙂 ok"), "🙂 ok");
    }

    #[test]
    fn terms_split_like_the_index() {
        assert_eq!(terms("  reunion, COMITÉS!"), vec!["reunion", "comites"]);
        assert!(terms("¿?").is_empty());
    }

    #[test]
    fn highlights_word_starts_in_the_original_text() {
        assert_eq!(
            marked("Reunión con comités de agua", "reunion comit"),
            "[Reunión] con [comit]és de agua"
        );
        assert_eq!(marked("Niños y NIÑAS", "nin"), "[Niñ]os y [NIÑ]AS");
        assert_eq!(marked("preagua agua", "agua"), "preagua [agua]");
        assert_eq!(marked("sin nada", ""), "sin nada");
        assert_eq!(marked("ÁÉÍ", "aei"), "[ÁÉÍ]");
    }
}
