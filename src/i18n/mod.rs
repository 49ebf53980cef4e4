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

#[cfg(test)]
mod tests {
    use super::*;

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
