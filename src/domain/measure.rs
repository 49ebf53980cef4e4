//! Text as social networks measure it: the live counter each per-network text shows against the
//! network's limit (user-perceived characters, or X's weighted length), the links and hashtags
//! in a post, where Facebook folds a long post behind "Ver más", and Markdown turned into
//! WhatsApp formatting. Every function accepts any `&str` and never panics.
use std::collections::HashSet;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// How a network counts a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// User-perceived characters (extended grapheme clusters).
    Graphemes,
    /// X (Twitter): twitter-text v3 weighted length.
    X,
}

/// What X counts for any link, whatever its length.
const X_LINK_WEIGHT: usize = 23;
/// How many graphemes `fold_point` may move back to find a whitespace.
const FOLD_LOOKBACK: usize = 20;
/// Link prefixes, compared case-insensitively.
const LINK_PREFIXES: [&str; 3] = ["http://", "https://", "www."];
/// Characters that end a sentence rather than a link.
const LINK_TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', '»', '”', '"', '\''];

/// User-perceived characters: extended grapheme clusters ("é" written as e + U+0301 is 1;
/// "👍🏽" is 1; "👨‍👩‍👧" is 1; "ñ" 1; "\r\n" 1).
pub fn graphemes(text: &str) -> usize {
    text.graphemes(true).count()
}

/// The length a network gives a text. `Graphemes`: [`graphemes`]. `X`: twitter-text v3
/// weighted length: every link (see [`links`]) counts 23; the rest counts per grapheme cluster:
/// a cluster with an emoji weighs 2; otherwise each code point weighs 1 (Latin, Greek,
/// Cyrillic, …, general punctuation) or 2 (CJK and the rest), combining marks 0, and a cluster
/// at least 1 — so "é" weighs 1 whether composed or decomposed.
pub fn length(text: &str, counting: Counting) -> usize {
    match counting {
        Counting::Graphemes => graphemes(text),
        Counting::X => {
            let mut total = 0;
            let mut pos = 0;
            for link in links(text) {
                total += x_weight(text.get(pos..link.start).unwrap_or("")) + X_LINK_WEIGHT;
                pos = link.end;
            }
            total + x_weight(text.get(pos..).unwrap_or(""))
        }
    }
}

/// X weight of a text without links.
fn x_weight(text: &str) -> usize {
    text.graphemes(true)
        .map(|g| {
            if g.chars().any(is_emoji_char) {
                2
            } else {
                g.chars().map(x_char_weight).sum::<usize>().max(1)
            }
        })
        .sum()
}

/// Whether a char makes its grapheme cluster an emoji (regional indicators, U+1F1E6–U+1F1FF,
/// fall in the first range).
fn is_emoji_char(c: char) -> bool {
    matches!(
        c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D
    )
}

/// X weight of one code point outside an emoji cluster.
fn x_char_weight(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F => 0,
        0x0000..=0x02FF | 0x0370..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => {
            1
        }
        _ => 2,
    }
}

/// Combining marks (diacritics, their extensions and supplements, marks for symbols, half marks).
fn is_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// A char that belongs to a word: alphanumeric, '_' or a combining mark.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

/// Links in a text: byte ranges of tokens starting with "http://", "https://" or "www."
/// (case-insensitive, not glued to a preceding word char), up to the next whitespace; trailing
/// punctuation among `.,;:!?)»”"'` is not part of the link, and a bare prefix is no link.
pub fn links(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let free = found.last().is_none_or(|last: &Range<usize>| i >= last.end);
        if free && !prev.is_some_and(is_word_char) {
            if let Some(len) = text.get(i..).and_then(link_len) {
                found.push(i..i + len);
            }
        }
        prev = Some(c);
    }
    found
}

/// Byte length of the link at the start of `s`, if one starts there.
fn link_len(s: &str) -> Option<usize> {
    let prefix = LINK_PREFIXES.iter().find(|p| {
        s.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })?;
    let token = s.split(char::is_whitespace).next().unwrap_or("");
    let link = token.trim_end_matches(LINK_TRAILING);
    (link.len() > prefix.len()).then_some(link.len())
}

/// Hashtags in order of appearance, each with its '#', without duplicates compared case- and
/// accent-insensitively (the first spelling is kept). A hashtag is a '#' not preceded by a word
/// char or '&' (HTML entities), followed by word chars (Unicode letters and digits, '_',
/// combining marks) of which at least one is a letter, and not inside a link.
pub fn hashtags(text: &str) -> Vec<String> {
    let links = links(text);
    let mut seen = HashSet::new();
    let mut tags = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = c == '#'
            && !prev.is_some_and(|p| is_word_char(p) || p == '&')
            && !links.iter().any(|link| link.contains(&i));
        prev = Some(c);
        if !starts {
            continue;
        }
        let rest = text.get(i + 1..).unwrap_or("");
        let body_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        let body = rest.get(..body_len).unwrap_or("");
        if body.chars().any(char::is_alphabetic) && seen.insert(fold(body)) {
            tags.push(format!("#{body}"));
        }
    }
    tags
}

/// A text in lower case without accents, to compare hashtags ("Niñez" and "NINEZ" fold alike).
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_mark(c))
        .map(|c| match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// Where a phone cuts a long Facebook post with "Ver más": the byte offset after `limit`
/// graphemes (the caller passes 125), moved back to the start of the last whitespace if one is
/// within the last 20 graphemes (never to offset 0); `None` when the text has no more than
/// `limit` graphemes.
pub fn fold_point(text: &str, limit: usize) -> Option<usize> {
    let starts: Vec<(usize, &str)> = text
        .grapheme_indices(true)
        .take(limit.saturating_add(1))
        .collect();
    let &(cut, _) = starts.get(limit)?;
    let window = starts.get(limit.saturating_sub(FOLD_LOOKBACK)..=limit)?;
    let space = window
        .iter()
        .rev()
        .find(|(at, g)| *at > 0 && g.chars().next().is_some_and(char::is_whitespace));
    Some(space.map_or(cut, |&(at, _)| at))
}

/// Text formatted for WhatsApp: `**x**` → `*x*`; `__x__` → `_x_`; a Markdown heading line
/// (`# Title` … `###### Title`) becomes `*Title*`; `- item` and `* item` list lines become
/// `• item` (indentation kept). Anything else is unchanged (emoji, accents, line breaks,
/// unbalanced markers, and markers with whitespace inside them, as in "2 ** 3").
pub fn whatsapp(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let (body, cr) = match line.strip_suffix('\r') {
                Some(body) => (body, "\r"),
                None => (line, ""),
            };
            format!("{}{cr}", whatsapp_line(body))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line (without its line break) formatted for WhatsApp.
fn whatsapp_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let indent = line.get(..line.len() - trimmed.len()).unwrap_or("");
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    let after = trimmed.get(hashes..).unwrap_or("");
    let title = after.trim();
    if (1..=6).contains(&hashes) && after.starts_with(char::is_whitespace) && !title.is_empty() {
        let title = inline(title);
        let bold = title.len() >= 2 && title.starts_with('*') && title.ends_with('*');
        return if bold { title } else { format!("*{title}*") };
    }
    for marker in ["- ", "* "] {
        if let Some(item) = trimmed.strip_prefix(marker) {
            return format!("{indent}• {}", inline(item));
        }
    }
    inline(line)
}

/// `**x**` → `*x*` and `__x__` → `_x_` within one line, when the content is not empty and
/// neither starts nor ends with whitespace.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(rest) = text.get(i..) {
        let Some(c) = rest.chars().next() else { break };
        if let Some((marker, content)) = ["**", "__"].iter().find_map(|m| span(rest, m)) {
            let single = &marker[..1];
            out.push_str(single);
            out.push_str(&inline(content));
            out.push_str(single);
            i += 2 * marker.len() + content.len();
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The content of a `marker`-delimited span at the start of `s`, if a well-formed one is there.
fn span<'a, 'm>(s: &'a str, marker: &'m str) -> Option<(&'m str, &'a str)> {
    let after = s.strip_prefix(marker)?;
    let content = after.get(..after.find(marker)?)?;
    let tight =
        !content.starts_with(char::is_whitespace) && !content.ends_with(char::is_whitespace);
    (!content.is_empty() && tight).then_some((marker, content))
}

/// The byte range `range` of a text, widened to char boundaries (the start moves back, the end
/// forward) and kept within the text; a reversed range becomes empty at its start. Helper for
/// highlighting; never panics.
pub fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAMPAMOLON: &str = "Tampamol\u{F3}n";
    const TAMPAMOLON_NFD: &str = "Tampamolo\u{301}n";

    #[test]
    fn graphemes_count_what_people_see() {
        assert_eq!(graphemes(TAMPAMOLON), 10);
        assert_eq!(graphemes(TAMPAMOLON_NFD), 10);
        assert_eq!(graphemes("niño"), 4);
        assert_eq!(graphemes("👍🏽"), 1);
        assert_eq!(graphemes("👨\u{200D}👩\u{200D}👧"), 1);
        assert_eq!(graphemes("🇲🇽"), 1);
        assert_eq!(graphemes(""), 0);
        assert_eq!(graphemes("a\r\nb"), 3);
        assert_eq!(length("niño", Counting::Graphemes), 4);
    }

    #[test]
    fn x_length_weighs_links_emoji_and_cjk() {
        let x = |t: &str| length(t, Counting::X);
        assert_eq!(x(&"a".repeat(280)), 280);
        assert_eq!(x("https://tampamolon.gob.mx/a/very/long/path?x=1"), 23);
        assert_eq!(x("Ver https://x.mx."), 4 + 23 + 1);
        assert_eq!(x("caf\u{E9}"), 4);
        assert_eq!(x("cafe\u{301}"), 4);
        assert_eq!(x("🇲🇽"), 2);
        assert_eq!(x("👍🏽"), 2);
        assert_eq!(x("👨\u{200D}👩\u{200D}👧"), 2);
        assert_eq!(x("日本"), 4);
        assert_eq!(x("ñ"), 1);
        assert_eq!(x("“Hola”—"), 7);
        assert_eq!(x("www.a.mx y WWW.B.MX"), 23 + 3 + 23);
    }

    #[test]
    fn links_stop_at_whitespace_and_trailing_punctuation() {
        let text = "Info: HTTPS://Tampamolon.gob.mx/Salud?x=1). Y «www.x.mx/a»; http:// sola, ahttp://x.mx";
        let found: Vec<&str> = links(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["HTTPS://Tampamolon.gob.mx/Salud?x=1", "www.x.mx/a"]);
        let text = "Ver https://x.mx/#ancla!!! y http://y.mx/ñ\u{201D}.";
        let found: Vec<&str> = links(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["https://x.mx/#ancla", "http://y.mx/ñ"]);
        assert!(links("").is_empty());
    }

    #[test]
    fn hashtags_are_unique_and_skip_numbers_words_and_links() {
        let text = "#Tampamolón #salud y #SALUD, #1, a#b, https://x.mx/#ancla #Niñez_2025";
        assert_eq!(hashtags(text), ["#Tampamolón", "#salud", "#Niñez_2025"]);
        let text = "#Tampamolo\u{301}n #TAMPAMOLON &#39; #_ (#Fiesta) #fiesta_2025";
        assert_eq!(
            hashtags(text),
            ["#Tampamolo\u{301}n", "#Fiesta", "#fiesta_2025"]
        );
    }

    #[test]
    fn fold_point_prefers_a_whitespace_near_the_limit() {
        let words = "La jornada de vacunación en Tampamolón será el sábado en la plaza principal; ";
        let text: String = words.graphemes(true).cycle().take(200).collect();
        assert_eq!(graphemes(&text), 200);
        let at = fold_point(&text, 125).unwrap();
        assert!(text.is_char_boundary(at));
        assert!(text[at..].starts_with(char::is_whitespace));
        let kept = graphemes(&text[..at]);
        assert!((105..=125).contains(&kept), "{kept}");

        let dense = "é👍🏽ñ日\u{301}".repeat(50);
        let at = fold_point(&dense, 125).unwrap();
        assert!(dense.is_char_boundary(at));
        assert_eq!(graphemes(&dense[..at]), 125);

        assert_eq!(fold_point(&"a".repeat(125), 125), None);
        assert_eq!(fold_point("", 0), None);
        assert_eq!(fold_point(" abc", 2), Some(2));
    }

    #[test]
    fn whatsapp_formatting() {
        let md = "# Jornada de salud\n**Gratis** para __todos__\n- Vacunas\n- Consultas";
        let wa = "*Jornada de salud*\n*Gratis* para _todos_\n• Vacunas\n• Consultas";
        assert_eq!(whatsapp(md), wa);
        for same in [
            "2 ** 3",
            "**abierto",
            "#Tampamolón",
            "a ** b ** c",
            "🇲🇽 niño\n\n",
            "*ya*",
        ] {
            assert_eq!(whatsapp(same), same);
        }
        assert_eq!(whatsapp("## **Aviso**\r\n  * uno"), "*Aviso*\r\n  • uno");
    }

    #[test]
    fn clamp_widens_to_char_boundaries() {
        let text = "añb"; // 'ñ' is bytes 1..3
        assert_eq!(clamp(text, 2..2), 1..3);
        assert_eq!(clamp(text, 1..1), 1..1);
        assert_eq!(clamp(text, 0..2), 0..3);
        assert_eq!(clamp(text, 2..99), 1..4);
        assert_eq!(clamp(text, Range { start: 3, end: 1 }), 3..3);
        assert_eq!(clamp("", 5..9), 0..0);
    }

    #[test]
    fn nothing_panics_on_tricky_text() {
        let emoji = "👍🏽".repeat(10_000);
        let tricky = [
            "",
            "#",
            "##",
            "#\u{301}",
            "&#",
            "**",
            "****",
            "__",
            "___",
            "* ",
            "# ",
            "######## x",
            "http://",
            "https://",
            "www.",
            "HTTP://.",
            "é\u{301}\u{301}",
            "\u{200D}",
            "\u{301}",
            "\u{301}\u{302}#\u{301}a",
            "\u{FE0F}",
            "\r",
            "\r\n",
            "\n\n",
            "a\u{0}b",
            "🇲",
            "🇲🇽🇲",
            "#️⃣",
            "日本語#日本",
            "**é**__ñ__",
            "- **",
            "«https://x.mx»",
            emoji.as_str(),
        ];
        for text in tricky {
            for counting in [Counting::Graphemes, Counting::X] {
                let _ = length(text, counting);
            }
            for link in links(text) {
                assert!(text.get(link).is_some());
            }
            for tag in hashtags(text) {
                assert!(tag.starts_with('#'));
            }
            let _ = whatsapp(text);
            assert_eq!(fold_point(text, usize::MAX), None);
            assert_eq!(clamp(text, usize::MAX..usize::MAX), text.len()..text.len());
            let len = text.len();
            let limits = if len > 64 {
                vec![0, 1, 125, len]
            } else {
                (0..=len + 1).collect()
            };
            for limit in limits {
                if let Some(at) = fold_point(text, limit) {
                    assert!(text.get(at..).is_some());
                }
            }
            let step = if len > 64 { 997 } else { 1 };
            for start in (0..=len + 1).step_by(step) {
                for end in (0..=len + 1).step_by(step).chain([len, start]) {
                    let r = clamp(text, start..end);
                    assert!(
                        text.get(r.clone()).is_some(),
                        "{text:?} {start}..{end} -> {r:?}"
                    );
                }
            }
        }
        assert_eq!(length(&emoji, Counting::X), 20_000);
    }
}
