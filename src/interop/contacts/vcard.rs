//! vCard (2.1, 3.0 and 4.0) read with calcard: folded lines, quoted-printable with or without
//! a charset, grouped properties (`item1.EMAIL`), `tel:` addresses. Photos are ignored;
//! categories become lists. prensa's own fields travel as `X-PRENSA-…` properties.
use calcard::vcard::{
    VCard, VCardParameterName, VCardParameterValue, VCardProperty, VCardType, VCardValue,
};
use calcard::{Entry, Parser};

use super::Contact;
use crate::domain::status::{OutletKind, SendChannel};
use crate::i18n::{t, tf, Msg};
use crate::interop::ical::ImportError;

pub const X_BEATS: &str = "X-PRENSA-FUENTES";
pub const X_CHANNEL: &str = "X-PRENSA-CANAL";
pub const X_DNC: &str = "X-PRENSA-NO-CONTACTAR";
pub const X_CONSENT: &str = "X-PRENSA-CONSENTIMIENTO";
pub const X_OUTLET_KIND: &str = "X-PRENSA-TIPO-DE-MEDIO";

/// The people of a vCard file, in order. A card that cannot be read is kept as a broken
/// contact (with its line and reason), so the preview names it; a file with no card at all is
/// refused.
pub fn read(text: &str) -> Result<Vec<Contact>, ImportError> {
    // Where each card begins, and whether it ends before the next begins (calcard closes
    // what a file leaves open; a card cut short is reported, not guessed).
    let mut starts: Vec<usize> = Vec::new();
    let mut closed: Vec<bool> = Vec::new();
    for (n, l) in text.lines().enumerate() {
        let l = l.trim().to_ascii_uppercase();
        if l.starts_with("BEGIN:VCARD") {
            starts.push(n + 1);
            closed.push(false);
        } else if l.starts_with("END:VCARD") {
            if let Some(last) = closed.last_mut() {
                *last = true;
            }
        }
    }
    let mut out = Vec::new();
    let mut parser = Parser::new(text);
    let mut card = 0;
    // A file far larger than any address book would loop long: calcard stops at EOF.
    loop {
        match parser.entry() {
            Entry::VCard(v) => {
                let mut c = contact(&v);
                c.line = starts.get(card).copied();
                if !closed.get(card).copied().unwrap_or(true) {
                    c.broken = Some(t(Msg::ContactUnterminated).to_owned());
                } else if c.name.is_empty() {
                    c.broken = Some(t(Msg::ContactNoName).to_owned());
                }
                card += 1;
                out.push(c);
            }
            Entry::UnterminatedComponent(_) => {
                out.push(Contact {
                    line: starts.get(card).copied(),
                    broken: Some(t(Msg::ContactUnterminated).to_owned()),
                    ..Contact::default()
                });
                card += 1;
            }
            Entry::Eof => break,
            Entry::TooManyComponents => {
                return Err(ImportError::Broken {
                    line: None,
                    reason: t(Msg::ContactTooMany).to_owned(),
                })
            }
            _ => {}
        }
    }
    if out.is_empty() {
        return Err(ImportError::Broken {
            line: None,
            reason: tf(Msg::ContactNoCards, &[]),
        });
    }
    Ok(out)
}

/// Quoted-printable without a charset is read by calcard as Latin-1; phones write UTF-8
/// there. Text whose characters are all Latin-1 and whose bytes are valid UTF-8 with accents
/// ("SeÃ±al") was UTF-8.
fn repaired(s: &str) -> String {
    if s.chars().all(|c| (c as u32) < 0x100) && s.chars().any(|c| (c as u32) >= 0x80) {
        let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        if let Ok(utf8) = String::from_utf8(bytes) {
            return utf8;
        }
    }
    s.to_owned()
}

fn texts(values: &[VCardValue]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| match v {
            VCardValue::Text(s) => vec![repaired(s)],
            VCardValue::Component(parts) => parts.iter().map(|p| repaired(p)).collect(),
            _ => Vec::new(),
        })
        .collect()
}

fn first_text(values: &[VCardValue]) -> String {
    texts(values)
        .into_iter()
        .map(|s| s.trim().to_owned())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

fn is_cell(params: &[calcard::vcard::VCardParameter]) -> bool {
    params.iter().any(|p| {
        p.name == VCardParameterName::Type
            && matches!(&p.value, VCardParameterValue::Type(VCardType::Cell))
            || matches!(&p.value, VCardParameterValue::Text(t) if t.eq_ignore_ascii_case("cell"))
    })
}

fn contact(card: &VCard) -> Contact {
    let mut c = Contact::default();
    let mut given = String::new();
    let mut phones: Vec<(bool, String)> = Vec::new();
    for e in &card.entries {
        match &e.name {
            VCardProperty::Fn if c.name.is_empty() => c.name = first_text(&e.values),
            VCardProperty::N => {
                // Family; given; additional; prefix; suffix.
                let parts = texts(&e.values);
                let pick = |i: usize| {
                    parts
                        .get(i)
                        .map(|s| s.trim().to_owned())
                        .unwrap_or_default()
                };
                given = [pick(3), pick(1), pick(2), pick(0), pick(4)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            VCardProperty::Org if c.outlet.is_empty() => c.outlet = first_text(&e.values),
            VCardProperty::Title | VCardProperty::Role if c.role.is_empty() => {
                c.role = first_text(&e.values)
            }
            VCardProperty::Email if c.email.is_empty() => {
                c.email = first_text(&e.values)
                    .trim_start_matches("mailto:")
                    .to_owned()
            }
            VCardProperty::Tel => {
                let v = first_text(&e.values);
                let v = v.strip_prefix("tel:").unwrap_or(&v).trim().to_owned();
                if !v.is_empty() {
                    phones.push((is_cell(&e.params), v));
                }
            }
            VCardProperty::Note if c.notes.is_empty() => c.notes = texts(&e.values).join(", "),
            VCardProperty::Categories => {
                for l in texts(&e.values) {
                    for l in l.split(',') {
                        let l = super::list_name(l);
                        if !l.is_empty() && !c.lists.contains(&l) {
                            c.lists.push(l);
                        }
                    }
                }
            }
            VCardProperty::Other(name) => {
                let v = texts(&e.values).join(",");
                match name.to_ascii_uppercase().as_str() {
                    X_BEATS => c.beats = v,
                    X_CHANNEL => c.channel = SendChannel::from_code(v.trim()),
                    X_DNC => c.do_not_contact = Some(v),
                    X_CONSENT => c.consent = Some(v.trim().to_owned()),
                    X_OUTLET_KIND => c.outlet_kind = OutletKind::from_code(v.trim()),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if c.name.is_empty() {
        c.name = given;
    }
    // The mobile first: it is the WhatsApp.
    phones.sort_by_key(|(cell, _)| !cell);
    c.phone = phones
        .into_iter()
        .next()
        .map(|(_, p)| p)
        .unwrap_or_default();
    c
}
