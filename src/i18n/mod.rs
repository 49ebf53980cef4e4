//! The one catalogue of user-facing text: every string the user reads, in es-MX and en.
//!
//! Code, identifiers and logs are English; what the user reads goes through [`t`] or [`tf`].
mod catalogue;
mod dates;
pub mod labels;
mod rules;

use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

pub use catalogue::Msg;
pub use dates::{
    long_date, month_name, month_year, short_date, spanish_month, stamp, stamp_long, week_range,
    weekday_name, weekday_short,
};
pub use labels::Label;
pub use rules::describe_rule;

/// The two languages of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    /// Parses `es`, `en`, or a locale such as `en_US.UTF-8`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("es") {
            Some(Lang::Es)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of the whole process (chosen once, at start-up).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Es,
    }
}

/// The text of a message in the current language.
pub fn t(msg: Msg) -> &'static str {
    msg.text(lang())
}

/// The text of a message with its `{}` placeholders replaced, in order, by `args`.
pub fn tf(msg: Msg, args: &[&dyn Display]) -> String {
    fill(t(msg), args)
}

fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        match args.next() {
            Some(arg) => out.push_str(&arg.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

/// A whole number with thousands separators, as the user reads it ("12,345").
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A file's size as the user reads it: whole kilobytes up to a megabyte (at least 1 KB), then
/// megabytes and gigabytes with one decimal.
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    const GB: u64 = MB * 1024;
    let tenths = |unit: u64| {
        let t = (bytes as u128 * 10 + unit as u128 / 2) / unit as u128;
        format!("{}.{}", number((t / 10) as u64), t % 10)
    };
    if bytes < MB {
        // Anything but an empty file is at least 1 KB.
        tf(Msg::SizeKb, &[&number(bytes.div_ceil(KB))])
    } else if bytes < GB {
        tf(Msg::SizeMb, &[&tenths(MB)])
    } else {
        tf(Msg::SizeGb, &[&tenths(GB)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_in_kb_and_mb() {
        assert_eq!(file_size(0), "0 KB");
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(1024), "1 KB");
        assert_eq!(file_size(1025), "2 KB");
        assert_eq!(file_size(300 * 1024), "300 KB");
        assert_eq!(file_size(1024 * 1024), "1.0 MB");
        assert_eq!(file_size(1536 * 1024), "1.5 MB");
        assert_eq!(file_size(3 * 1024 * 1024 * 1024), "3.0 GB");
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(fill("{} de {}", &[&1, &"dos"]), "1 de dos");
        assert_eq!(fill("sin nada", &[&1]), "sin nada");
        assert_eq!(fill("{} y {}", &[&1]), "1 y {}");
    }

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(1234567), "1,234,567");
    }

    #[test]
    fn lang_parses_locales() {
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("es_MX.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::parse("C"), None);
    }
}
