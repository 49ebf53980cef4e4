//! Reach: what a network's own insights say of the office's publications (how many people
//! saw each, and reacted, commented and shared), and the rules that tie a row of Meta's
//! export to a publication without guessing: the same post address, or the same moment and
//! the same words.
use serde::Serialize;

use crate::domain::text::fold;

/// A post's figures as the network counted them; `None` where the export said nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub reach: Option<i64>,
    pub reactions: Option<i64>,
    pub comments: Option<i64>,
    pub shares: Option<i64>,
}

impl Figures {
    /// Whether the export gave any figure at all.
    pub fn any(&self) -> bool {
        self.reach.is_some()
            || self.reactions.is_some()
            || self.comments.is_some()
            || self.shares.is_some()
    }

    /// `self` with what `newer` says laid over it: a figure the export left empty keeps the
    /// one the office had.
    pub fn updated_by(&self, newer: &Figures) -> Figures {
        Figures {
            reach: newer.reach.or(self.reach),
            reactions: newer.reactions.or(self.reactions),
            comments: newer.comments.or(self.comments),
            shares: newer.shares.or(self.shares),
        }
    }
}

/// What one row of the export says of one publication: its figures and the network's id of
/// the post (empty when the export has none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Insights {
    pub post_id: String,
    pub figures: Figures,
}

/// A publication as an import of insights sees it: where and when it went out, what it
/// said, and the figures it keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Posted {
    pub id: String,
    /// Its channel's code (`facebook`).
    pub channel: String,
    /// `YYYY-MM-DDTHH:MM`, local.
    pub published_at: String,
    pub url: String,
    /// The network's id of the post, once an import said it.
    pub post_id: String,
    /// Its piece's title, and the opening of its text and of its version for the channel.
    pub title: String,
    pub body: String,
    pub variant: String,
    pub figures: Figures,
}

/// The sums over a group of publications with insights (a department, a campaign, a channel,
/// or all of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReachLine {
    /// The group: a department's or a campaign's id, a channel's code; empty for "none" (no
    /// department, no campaign) and for the month's total.
    pub key: String,
    /// What the office calls it: the department's short name (else its name), the
    /// campaign's name, the channel's code; empty for "none".
    pub label: String,
    /// Publications of the month with at least one figure.
    pub publications: i64,
    pub reach: i64,
    pub reactions: i64,
    pub comments: i64,
    pub shares: i64,
}

/// One publication among the month's widest reaching.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TopPost {
    pub id: String,
    /// Its channel's code (`facebook`).
    pub channel: String,
    /// `YYYY-MM-DDTHH:MM`, local.
    pub published_at: String,
    /// Its piece's title.
    pub title: String,
    pub url: String,
    pub figures: Figures,
}

/// A month's reach: the total, by department, by campaign and by channel (each list widest
/// reach first), and the publications that reached furthest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReachTotals {
    /// `YYYY-MM`.
    pub month: String,
    pub total: ReachLine,
    pub departments: Vec<ReachLine>,
    pub campaigns: Vec<ReachLine>,
    pub channels: Vec<ReachLine>,
    pub top: Vec<TopPost>,
}

/// The first day of `month` (`YYYY-MM`) and of the month after, as `YYYY-MM-DD`; `None` for
/// anything that is not a month.
pub fn month_span(month: &str) -> Option<(String, String)> {
    let (y, m) = month.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    if !(1..=12).contains(&m) {
        return None;
    }
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Some((format!("{y:04}-{m:02}-01"), format!("{ny:04}-{nm:02}-01")))
}

/// Query parameters that say which post an address is (the rest is tracking).
const POST_PARAMS: &[&str] = &["story_fbid", "fbid", "id", "v", "set", "p"];

/// A post's address as two writings of it compare: no scheme, no `www.`/`m.`/`web.`, no
/// trailing slash, no fragment, and of the query only what names the post (`story_fbid`,
/// `id`, `fbid`, `v`…), sorted. The host and the path are in lower case except the
/// `pfbid…` ids, whose case matters. `None` for an empty address.
pub fn post_key(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .split_once("://")
        .map(|(scheme, rest)| {
            if scheme.chars().all(|c| c.is_ascii_alphabetic()) {
                rest
            } else {
                url
            }
        })
        .unwrap_or(url);
    let rest = rest.split('#').next().unwrap_or("");
    let (place, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = place.split_once('/').unwrap_or((place, ""));
    let mut host = host.to_lowercase();
    for prefix in ["www.", "m.", "mobile.", "web.", "mbasic."] {
        if let Some(h) = host.strip_prefix(prefix) {
            host = h.to_owned();
            break;
        }
    }
    if host == "fb.com" {
        host = "facebook.com".into();
    }
    if host.is_empty() {
        return None;
    }
    let path: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.starts_with("pfbid") {
                s.to_owned()
            } else {
                s.to_lowercase()
            }
        })
        .collect();
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let name = p.split('=').next().unwrap_or("");
            POST_PARAMS.contains(&name.to_ascii_lowercase().as_str())
        })
        .collect();
    params.sort_unstable();
    let mut key = host;
    for segment in path {
        key.push('/');
        key.push_str(&segment);
    }
    if !params.is_empty() {
        key.push('?');
        key.push_str(&params.join("&"));
    }
    Some(key)
}

/// A publish time as Meta's export writes it, `MM/DD/YYYY HH:MM` (a day over 12 in front
/// is read as `DD/MM/YYYY`), or ISO (`YYYY-MM-DDTHH:MM[:SS]`, `YYYY-MM-DD HH:MM`), as
/// prensa keeps times: `YYYY-MM-DDTHH:MM`.
pub fn publish_time(text: &str) -> Option<String> {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
    let text = text.trim();
    let (date, time) = text
        .split_once(['T', ' '])
        .map(|(d, t)| (d.trim(), t.trim()))
        .unwrap_or((text, ""));
    let day = if date.contains('/') {
        let parts: Vec<u32> = date
            .split('/')
            .map(|p| p.trim().parse::<u32>().ok())
            .collect::<Option<Vec<_>>>()?;
        let [a, b, y] = parts[..] else { return None };
        let y = if y < 100 { 2000 + y } else { y };
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?
    } else {
        NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?
    };
    // Seconds, a zone or "a. m."/"p. m." may follow: the hours and minutes are what count.
    let clock: String = time
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let mut parts = clock.split(':');
    let h: u32 = parts
        .next()
        .filter(|s| !s.is_empty())
        .map_or(Some(0), |s| s.parse().ok())?;
    let m: u32 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    // "pm", "p. m.", "p.m." as words of their own ("America/Mexico_City" says no "am").
    let words: Vec<String> = fold(time)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let said = |one: &str, two: [&str; 2]| {
        words.iter().any(|w| w == one) || words.windows(2).any(|p| p[0] == two[0] && p[1] == two[1])
    };
    let pm = said("pm", ["p", "m"]);
    let am = said("am", ["a", "m"]);
    let h = match (h, pm, am) {
        (12, false, true) => 0,
        (h, true, _) if h < 12 => h + 12,
        (h, _, _) => h,
    };
    let at = NaiveDateTime::new(day, NaiveTime::from_hms_opt(h, m, 0)?);
    Some(at.format("%Y-%m-%dT%H:%M").to_string())
}

/// A count as the export writes it: digits, maybe with thousands separators (`1,234`,
/// `1 234`). `Ok(None)` when empty; `Err(())` when it is not a count.
#[allow(clippy::result_unit_err)]
pub fn count(text: &str) -> Result<Option<i64>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // Thousands grouped by a separator come in threes ("1.234.567", "1,234", "1 234"): a
    // fraction ("12.7") is no count.
    let groups: Vec<&str> = text
        .split([',', '.', ' ', '\u{a0}', '\u{202f}', '\''])
        .collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !grouped || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(());
    }
    match digits.parse::<i64>() {
        Ok(n) if n <= MAX_COUNT => Ok(Some(n)),
        _ => Err(()),
    }
}

/// The largest count a row may say (a post seen by every person on Earth a hundred times
/// over is less): the sums of a month's posts stay far from overflowing.
pub const MAX_COUNT: i64 = 1_000_000_000_000;

/// How many words in a row make "a clear part" of a text.
const RUN: usize = 6;

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a post's message shares a clear part of a piece: its whole title (three words or
/// more), or six words in a row of the opening of its text (its first 40 words; the whole
/// text when it is shorter, if it has four words or more). Accents, case and punctuation
/// aside.
pub fn shares_text(message: &str, title: &str, texts: &[&str]) -> bool {
    let said = words(message);
    if said.is_empty() {
        return false;
    }
    let contains = |run: &[String]| said.windows(run.len()).any(|w| w == run);
    let title = words(title);
    if title.len() >= 3 && contains(&title) {
        return true;
    }
    texts.iter().any(|text| {
        let opening: Vec<String> = words(text).into_iter().take(40).collect();
        if opening.len() < RUN {
            opening.len() >= 4 && contains(&opening)
        } else {
            opening.windows(RUN).any(contains)
        }
    })
}

/// `at` moved by `minutes` (`YYYY-MM-DDTHH:MM`), for a window around a publish time.
pub fn shifted(at: &str, minutes: i64) -> Option<String> {
    let t = chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").ok()?;
    Some(
        (t + chrono::Duration::minutes(minutes))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_without_what_does_not_name_the_post() {
        let k =
            post_key("https://www.facebook.com/AyuntamientoX/posts/123456/?__cft__=abc&ref=x#c");
        assert_eq!(
            k.as_deref(),
            Some("facebook.com/ayuntamientox/posts/123456")
        );
        assert_eq!(
            post_key("http://m.facebook.com/ayuntamientox/posts/123456"),
            k
        );
        assert_eq!(
            post_key("https://www.facebook.com/permalink.php?story_fbid=99&id=12&ref=share"),
            post_key("facebook.com/permalink.php?id=12&story_fbid=99")
        );
        assert_ne!(
            post_key("https://facebook.com/x/posts/pfbid0AbC"),
            post_key("https://facebook.com/x/posts/pfbid0abc")
        );
        assert_eq!(post_key("  "), None);
    }

    #[test]
    fn publish_times_of_meta_and_iso() {
        assert_eq!(
            publish_time("03/06/2025 10:15").as_deref(),
            Some("2025-03-06T10:15")
        );
        assert_eq!(
            publish_time("25/03/2025 18:05").as_deref(),
            Some("2025-03-25T18:05")
        );
        assert_eq!(
            publish_time("2025-03-06T10:15:00").as_deref(),
            Some("2025-03-06T10:15")
        );
        assert_eq!(
            publish_time("2025-03-06 10:15").as_deref(),
            Some("2025-03-06T10:15")
        );
        assert_eq!(
            publish_time("3/6/2025 7:05 PM").as_deref(),
            Some("2025-03-06T19:05")
        );
        assert_eq!(publish_time("Lifetime"), None);
        assert_eq!(publish_time("13/13/2025 10:00"), None);
        assert_eq!(
            publish_time("03/06/2025 10:15pm").as_deref(),
            Some("2025-03-06T22:15")
        );
        assert_eq!(
            publish_time("03/06/2025 12:30 p. m.").as_deref(),
            Some("2025-03-06T12:30")
        );
        assert_eq!(
            publish_time("03/06/2025 12:30 America/Mexico_City").as_deref(),
            Some("2025-03-06T12:30")
        );
    }

    #[test]
    fn counts_and_months() {
        assert_eq!(count(" 1,234 "), Ok(Some(1234)));
        assert_eq!(count(""), Ok(None));
        assert_eq!(count("Lifetime"), Err(()));
        assert_eq!(count("1.234.567"), Ok(Some(1_234_567)));
        assert_eq!(count("1 234"), Ok(Some(1234)));
        assert_eq!(count("12.7"), Err(()));
        assert_eq!(count("1,23"), Err(()));
        assert_eq!(count("9223372036854775807"), Err(()));
        assert_eq!(count("1000000000000"), Ok(Some(MAX_COUNT)));
        assert_eq!(
            month_span("2025-12"),
            Some(("2025-12-01".into(), "2026-01-01".into()))
        );
        assert_eq!(month_span("2025-13"), None);
        assert_eq!(month_span("marzo"), None);
    }

    #[test]
    fn a_clear_part_of_the_piece_is_needed() {
        let body = "El Ayuntamiento inició la rehabilitación de la calle Hidalgo, con una inversión de dos millones de pesos.";
        assert!(shares_text(
            "📣 ¡Arrancan obras! El ayuntamiento inicio la rehabilitacion de la calle Hidalgo",
            "Obras en Hidalgo",
            &[body]
        ));
        assert!(shares_text(
            "Hoy: REHABILITACIÓN DE LA CALLE HIDALGO. Más información…",
            "Rehabilitación de la calle Hidalgo",
            &[]
        ));
        assert!(!shares_text(
            "La calle Hidalgo estará cerrada",
            "Obras en Hidalgo",
            &[body]
        ));
        assert!(!shares_text("", "Obras en Hidalgo", &[body]));
    }
}
