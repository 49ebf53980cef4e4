//! The checks a piece passes before it is approved or goes out (DESIGN §6): Art. 134 (no
//! personal promotion of public servants), the electoral blackout (veda), the networks' limits,
//! and what people who cannot see an image or read Spanish need. A warning may be acknowledged
//! with a reason; a block may not.
use chrono::NaiveDate;

use super::measure::{hashtags, length};
use super::status::{Channel, Language};
use super::text::{fold, Words};

/// How much a finding stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Shown before approval; acknowledged with a reason, it lets the piece go on.
    Warning,
    /// Nothing goes out until it is fixed.
    Block,
}

/// Where in a piece a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Title,
    Body,
    /// The piece's version at this position.
    Variant(usize),
}

/// What was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// Art. 134: the name or title of a public servant.
    Official { name: String },
    /// Art. 134: a phrase that makes a government achievement a person's.
    Personal { phrase: String },
    /// Electoral blackout: the piece would go out inside this period without an allowed topic.
    Veda {
        period: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// A version longer than its channel takes.
    OverLimit {
        channel: Channel,
        length: usize,
        limit: usize,
    },
    /// More hashtags than the channel takes.
    Hashtags {
        channel: Channel,
        count: usize,
        max: usize,
    },
    /// A version that goes out with an image that has no description.
    NoAlt { channel: Channel },
    /// A translation without its translator's name, or not reviewed by a second speaker.
    Translation {
        channel: Channel,
        language: Language,
        translator: bool,
    },
    /// A photo or video of the piece shows identifiable people (minors, when `minors`) and
    /// no consent of theirs holds on the day it goes out.
    Consent { item: String, minors: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub issue: Issue,
    pub severity: Severity,
    /// Where it was found, and the byte range there (empty for the whole piece or version).
    pub at: Place,
    pub range: (usize, usize),
}

impl Finding {
    /// A stable key, the same on every machine and after edits that keep the finding: what an
    /// acknowledgment is recorded against.
    pub fn code(&self) -> String {
        match &self.issue {
            Issue::Official { name } => format!("art134:{}", fold(name)),
            Issue::Personal { phrase } => format!("art134:{}", fold(phrase)),
            Issue::Veda { from, .. } => format!("veda:{from}"),
            Issue::OverLimit { channel, .. } => format!("limit:{}", channel.code()),
            Issue::Hashtags { channel, .. } => format!("hashtags:{}", channel.code()),
            Issue::NoAlt { channel } => format!("alt:{}", channel.code()),
            Issue::Translation {
                channel, language, ..
            } => format!("translation:{}:{}", channel.code(), language.code()),
            Issue::Consent { item, .. } => format!("consent:{}", fold(item)),
        }
    }
}

/// An electoral blackout period and the topics that may still be published in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Veda {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub allowed: Vec<String>,
}

/// What the office configured: the officials' names and titles, the phrases that personalise,
/// and the blackout periods.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    pub officials: Vec<String>,
    pub phrases: Vec<String>,
    pub vedas: Vec<Veda>,
}

/// The phrases preloaded for Art. 134, editable in the settings.
pub const PHRASES: &[&str] = &[
    "mi gobierno",
    "nuestro gobierno",
    "gracias a la presidenta",
    "gracias al presidente",
    "gracias a la alcaldesa",
    "gracias al alcalde",
    "nuestra presidenta",
    "nuestro presidente",
    "por instrucciones de la presidenta",
    "por instrucciones del presidente",
    "gestión de la presidenta",
    "gestión del presidente",
];

impl Rules {
    /// Names or phrases from a setting: one per line or separated by commas or semicolons.
    pub fn list(setting: &str) -> Vec<String> {
        setting
            .split(['\n', ',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The topics every blackout lets through (Art. 41: education, health, civil protection,
/// information on procedures and services), as the preloaded periods list them.
pub const VEDA_TOPICS: &str = "educacion,salud,proteccion-civil,tramites-y-servicios";

/// A blackout period as the office writes it in its settings, one per line:
/// `01/03/2024 a 02/06/2024 Veda electoral 2024`.
pub fn veda_line(from: NaiveDate, to: NaiveDate, name: &str) -> String {
    format!(
        "{} a {} {}",
        from.format("%d/%m/%Y"),
        to.format("%d/%m/%Y"),
        name.trim()
    )
    .trim_end()
    .to_owned()
}

/// Why a line of blackout periods could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VedaProblem {
    /// The line (1-based) is not two dates and a name.
    Unreadable(usize),
    /// The line's period ends before it starts.
    Backwards(usize),
}

/// The blackout periods of the settings' text: (from, to, name), one per non-empty line, the
/// two dates as `dd/mm/aaaa` or `aaaa-mm-dd`, "a", "al" or a dash between them.
pub fn parse_vedas(text: &str) -> Result<Vec<(NaiveDate, NaiveDate, String)>, VedaProblem> {
    let date = |t: &str| {
        NaiveDate::parse_from_str(t, "%d/%m/%Y")
            .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
            .ok()
            .filter(|d| super::dates::YEARS.contains(&chrono::Datelike::year(d)))
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let words: Vec<&str> = line
            .split_whitespace()
            .filter(|w| !matches!(*w, "a" | "al" | "-" | "–" | "—"))
            .collect();
        if words.is_empty() {
            continue;
        }
        let (Some(from), Some(to)) = (
            words.first().and_then(|w| date(w)),
            words.get(1).and_then(|w| date(w)),
        ) else {
            return Err(VedaProblem::Unreadable(n + 1));
        };
        if to < from {
            return Err(VedaProblem::Backwards(n + 1));
        }
        out.push((from, to, words[2..].join(" ")));
    }
    Ok(out)
}

/// One version of a piece, as the checks read it.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub channel: Channel,
    pub body: &'a str,
    pub limit: Option<usize>,
    pub with_image: bool,
    pub alt_text: &'a str,
    pub language: Language,
    pub translator: &'a str,
    pub reviewed: bool,
}

/// A piece as the checks read it: its text, its topic, the day it would go out, its versions.
#[derive(Debug, Clone)]
pub struct Piece<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub topic: &'a str,
    pub on: NaiveDate,
    pub versions: Vec<Version<'a>>,
    /// The piece's photos and videos that show people without a consent that holds on `on`:
    /// (the item's title, whether minors appear).
    pub unconsented: Vec<(&'a str, bool)>,
}

/// Whether a topic is one the blackout allows ("Salud pública" is "salud";
/// "proteccion-civil" is "Protección Civil").
pub fn allowed_topic(topic: &str, allowed: &[String]) -> bool {
    let words = |s: &str| fold(s).replace(['-', '_'], " ");
    let topic = words(topic);
    let topic = topic.split_whitespace().collect::<Vec<_>>().join(" ");
    !topic.is_empty()
        && allowed.iter().any(|a| {
            let a = words(a);
            let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
            !a.is_empty() && format!(" {topic} ").contains(&format!(" {a} "))
        })
}

/// Everything the checks find in a piece, blocks first, each in the order of the text.
pub fn check(piece: &Piece, rules: &Rules) -> Vec<Finding> {
    let mut out = Vec::new();
    for veda in &rules.vedas {
        if (veda.from..=veda.to).contains(&piece.on) && !allowed_topic(piece.topic, &veda.allowed) {
            out.push(block(
                Issue::Veda {
                    period: veda.name.clone(),
                    from: veda.from,
                    to: veda.to,
                },
                Place::Body,
            ));
        }
    }
    for (item, minors) in &piece.unconsented {
        out.push(warning(
            Issue::Consent {
                item: (*item).to_owned(),
                minors: *minors,
            },
            Place::Body,
        ));
    }
    for (i, v) in piece.versions.iter().enumerate() {
        let at = Place::Variant(i);
        let count = length(v.body, v.channel.counting());
        if let Some(limit) = v.limit.filter(|l| count > *l) {
            out.push(block(
                Issue::OverLimit {
                    channel: v.channel,
                    length: count,
                    limit,
                },
                at,
            ));
        }
        if let Some(max) = v.channel.max_hashtags() {
            let count = hashtags(v.body).len();
            if count > max {
                out.push(block(
                    Issue::Hashtags {
                        channel: v.channel,
                        count,
                        max,
                    },
                    at,
                ));
            }
        }
    }
    let texts = std::iter::once((Place::Title, piece.title))
        .chain(std::iter::once((Place::Body, piece.body)))
        .chain(
            piece
                .versions
                .iter()
                .enumerate()
                .map(|(i, v)| (Place::Variant(i), v.body)),
        );
    let mut seen: Vec<String> = Vec::new();
    for (at, text) in texts {
        let words = Words::new(text);
        let names = rules
            .officials
            .iter()
            .map(|n| (n, Issue::Official { name: n.to_owned() }));
        let phrases = rules.phrases.iter().map(|p| {
            (
                p,
                Issue::Personal {
                    phrase: p.to_owned(),
                },
            )
        });
        for (needle, issue) in names.chain(phrases) {
            let Some(&range) = words.find(needle).first() else {
                continue;
            };
            let finding = Finding {
                issue,
                severity: Severity::Warning,
                at,
                range,
            };
            // One finding per name: where it first appears.
            if !seen.contains(&finding.code()) {
                seen.push(finding.code());
                out.push(finding);
            }
        }
    }
    for (i, v) in piece.versions.iter().enumerate() {
        let at = Place::Variant(i);
        if (v.with_image || v.channel.needs_image()) && v.alt_text.trim().is_empty() {
            out.push(warning(Issue::NoAlt { channel: v.channel }, at));
        }
        if v.language != Language::Spanish && (v.translator.trim().is_empty() || !v.reviewed) {
            out.push(warning(
                Issue::Translation {
                    channel: v.channel,
                    language: v.language,
                    translator: !v.translator.trim().is_empty(),
                },
                at,
            ));
        }
    }
    out.sort_by_key(|f| f.severity != Severity::Block);
    out
}

/// A finding about a whole piece or version (no words of it to point at).
fn whole(issue: Issue, severity: Severity, at: Place) -> Finding {
    Finding {
        issue,
        severity,
        at,
        range: (0, 0),
    }
}

fn block(issue: Issue, at: Place) -> Finding {
    whole(issue, Severity::Block, at)
}

fn warning(issue: Issue, at: Place) -> Finding {
    whole(issue, Severity::Warning, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn rules() -> Rules {
        Rules {
            officials: vec!["Rosa Martínez".into(), "presidenta municipal".into()],
            phrases: PHRASES.iter().map(|p| p.to_string()).collect(),
            vedas: vec![Veda {
                name: "Veda electoral 2024".into(),
                from: day("2024-03-01"),
                to: day("2024-06-02"),
                allowed: Rules::list("educacion,salud,proteccion-civil,tramites-y-servicios"),
            }],
        }
    }

    fn version(channel: Channel, body: &str) -> Version<'_> {
        Version {
            channel,
            body,
            limit: channel.limit(),
            with_image: false,
            alt_text: "",
            language: Language::Spanish,
            translator: "",
            reviewed: false,
        }
    }

    fn piece<'a>(body: &'a str, topic: &'a str, on: &str) -> Piece<'a> {
        Piece {
            title: "Jornada de vacunación",
            body,
            topic,
            on: day(on),
            versions: Vec::new(),
            unconsented: Vec::new(),
        }
    }

    #[test]
    fn a_photo_of_minors_without_consent_is_a_warning_named_by_the_photo() {
        let mut p = piece("Entrega de útiles escolares.", "educación", "2025-03-06");
        p.unconsented = vec![("Foto: entrega en la primaria", true)];
        let found = check(&p, &Rules::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].issue,
            Issue::Consent {
                item: "Foto: entrega en la primaria".into(),
                minors: true
            }
        );
        assert_eq!(found[0].code(), "consent:foto: entrega en la primaria");
    }

    #[test]
    fn a_personal_phrase_and_an_officials_name_are_warnings_with_their_place() {
        let body = "Gracias a la Presidenta ROSA MARTINEZ se vacunaron 300 niños.";
        let found = check(&piece(body, "", "2025-03-06"), &rules());
        let codes: Vec<String> = found.iter().map(Finding::code).collect();
        assert_eq!(
            codes,
            vec!["art134:rosa martinez", "art134:gracias a la presidenta"]
        );
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        let name = &found[0];
        assert_eq!(&body[name.range.0..name.range.1], "ROSA MARTINEZ");
        assert_eq!(name.at, Place::Body);
    }

    #[test]
    fn the_veda_blocks_unless_the_topic_is_allowed() {
        let found = check(&piece("Texto", "", "2024-04-15"), &rules());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Block);
        assert!(matches!(found[0].issue, Issue::Veda { .. }));
        assert!(check(&piece("Texto", "Salud pública", "2024-04-15"), &rules()).is_empty());
        assert!(check(&piece("Texto", "Protección Civil", "2024-06-02"), &rules()).is_empty());
        assert!(check(&piece("Texto", "deporte", "2024-06-03"), &rules()).is_empty());
        assert!(!allowed_topic("saludos", &rules().vedas[0].allowed));
        assert!(allowed_topic(
            "Trámites y servicios",
            &rules().vedas[0].allowed
        ));
    }

    #[test]
    fn versions_over_their_limit_or_hashtags_block_and_missing_alt_text_warns() {
        let long = "a".repeat(281);
        let tags = "#uno #dos #tres #cuatro #cinco #seis";
        let mut p = piece("Texto", "", "2025-03-06");
        p.versions = vec![
            version(Channel::X, &long),
            version(Channel::Instagram, tags),
            version(Channel::Facebook, "Hola"),
        ];
        p.versions[2].with_image = true;
        let found = check(&p, &rules());
        let codes: Vec<String> = found.iter().map(Finding::code).collect();
        assert_eq!(
            codes,
            vec![
                "limit:x",
                "hashtags:instagram",
                "alt:instagram",
                "alt:facebook"
            ]
        );
        assert_eq!(found[0].severity, Severity::Block);
        assert_eq!(
            found[0].issue,
            Issue::OverLimit {
                channel: Channel::X,
                length: 281,
                limit: 280
            }
        );
        p.versions[1].alt_text = "Niñas en la jornada";
        p.versions[2].alt_text = "Cartel";
        p.versions[0].body = "Corto";
        assert_eq!(check(&p, &rules()).len(), 1);
    }

    #[test]
    fn a_translation_names_its_translator_and_is_reviewed() {
        let mut p = piece("Texto", "", "2025-03-06");
        let mut v = version(Channel::Facebook, "Tének");
        v.language = Language::Tenek;
        p.versions = vec![v];
        assert_eq!(check(&p, &rules())[0].code(), "translation:facebook:tenek");
        p.versions[0].translator = "Juana Santiago";
        assert_eq!(check(&p, &rules()).len(), 1);
        p.versions[0].reviewed = true;
        assert!(check(&p, &rules()).is_empty());
    }

    #[test]
    fn blackout_periods_are_read_one_per_line_and_written_back_the_same() {
        let text =
            "04/02/2022 a 10/04/2022 Revocación de mandato\n\n2024-03-01 – 2024-06-02 Veda 2024\n";
        let vedas = parse_vedas(text).unwrap();
        assert_eq!(
            vedas,
            vec![
                (
                    day("2022-02-04"),
                    day("2022-04-10"),
                    "Revocación de mandato".into()
                ),
                (day("2024-03-01"), day("2024-06-02"), "Veda 2024".into()),
            ]
        );
        assert_eq!(
            veda_line(vedas[0].0, vedas[0].1, &vedas[0].2),
            "04/02/2022 a 10/04/2022 Revocación de mandato"
        );
        assert_eq!(
            parse_vedas("mañana a pasado"),
            Err(VedaProblem::Unreadable(1))
        );
        assert_eq!(
            parse_vedas("01/01/2024 a 02/01/2024 x\n10/04/2022 a 04/02/2022 y"),
            Err(VedaProblem::Backwards(2))
        );
        assert_eq!(parse_vedas("").unwrap(), Vec::new());
    }

    #[test]
    fn settings_lists_split_on_lines_commas_and_semicolons() {
        assert_eq!(
            Rules::list(" Rosa Martínez ,\nla presidenta; \n"),
            vec!["Rosa Martínez", "la presidenta"]
        );
    }
}
