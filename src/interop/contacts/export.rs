//! The directory written out: vCard 4.0 (one card per journalist, prensa's own fields as
//! `X-PRENSA-…`) or CSV (UTF-8 with BOM, `,`, prensa's Spanish headers), which import reads
//! back field for field. `personal: false` leaves out e-mails and phones.
use super::columns::Field;
use super::vcard::{X_BEATS, X_CHANNEL, X_CONSENT, X_DNC, X_OUTLET_KIND};
use super::{Contact, ContactFormat};
use crate::domain::status::SendChannel;
use crate::store::{Store, StoreError};

/// Everyone in the directory as contacts (with their outlet's kind), by name.
pub fn contacts(store: &Store) -> Result<Vec<Contact>, StoreError> {
    let kinds: std::collections::HashMap<String, _> = store.outlet_kinds()?.into_iter().collect();
    Ok(store
        .journalists_for_import()?
        .into_iter()
        .map(|(_, outlet, j, lists)| {
            let kind = j.outlet_id.as_ref().and_then(|o| kinds.get(o).copied());
            Contact {
                outlet_kind: kind,
                ..Contact::stored(outlet, j, lists)
            }
        })
        .collect())
}

/// vCard text escaping (RFC 6350 §3.4).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character.
fn fold_line(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
}

fn card(c: &Contact, personal: bool, out: &mut String) {
    let mut line = |s: String| fold_line(out, &s);
    line("BEGIN:VCARD".into());
    line("VERSION:4.0".into());
    line(format!("FN:{}", escape(&c.name)));
    line(format!("N:;{};;;", escape(&c.name)));
    if !c.outlet.is_empty() {
        line(format!("ORG:{}", escape(&c.outlet)));
    }
    if let Some(kind) = c.outlet_kind {
        line(format!("{X_OUTLET_KIND}:{}", kind.code()));
    }
    if !c.role.is_empty() {
        line(format!("TITLE:{}", escape(&c.role)));
    }
    if personal && !c.email.is_empty() {
        line(format!("EMAIL:{}", escape(&c.email)));
    }
    if personal && !c.phone.is_empty() {
        line(format!("TEL;TYPE=cell:{}", escape(&c.phone)));
    }
    if !c.lists.is_empty() {
        let lists: Vec<String> = c.lists.iter().map(|l| escape(l)).collect();
        line(format!("CATEGORIES:{}", lists.join(",")));
    }
    if !c.notes.is_empty() {
        line(format!("NOTE:{}", escape(&c.notes)));
    }
    if !c.beats.is_empty() {
        line(format!("{X_BEATS}:{}", escape(&c.beats)));
    }
    if let Some(ch) = c.channel {
        line(format!("{X_CHANNEL}:{}", ch.code()));
    }
    if let Some(reason) = &c.do_not_contact {
        line(format!("{X_DNC}:{}", escape(reason)));
    }
    if let Some(on) = &c.consent {
        line(format!("{X_CONSENT}:{}", escape(on)));
    }
    line("END:VCARD".into());
}

/// The columns prensa writes, in order: every field but the parts of a name (it writes the
/// whole name).
fn columns() -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(|f| !matches!(f, Field::GivenName | Field::MiddleName | Field::FamilyName))
}

fn cell(c: &Contact, f: Field, personal: bool) -> String {
    match f {
        Field::Name => c.name.clone(),
        Field::Outlet => c.outlet.clone(),
        Field::OutletKind => c
            .outlet_kind
            .map(|k| k.code().to_owned())
            .unwrap_or_default(),
        Field::Role => c.role.clone(),
        Field::Beats => c.beats.clone(),
        Field::Email if personal => c.email.clone(),
        Field::Phone if personal => c.phone.clone(),
        Field::Channel => c.channel.unwrap_or(SendChannel::Email).code().to_owned(),
        Field::Lists => c.lists.join("; "),
        Field::Notes => c.notes.clone(),
        Field::DoNotContact => if c.do_not_contact.is_some() {
            "sí"
        } else {
            ""
        }
        .to_owned(),
        Field::DncReason => c.do_not_contact.clone().unwrap_or_default(),
        Field::Consent => match &c.consent {
            Some(on) if !on.is_empty() => on.clone(),
            Some(_) => "sí".to_owned(),
            None => String::new(),
        },
        _ => String::new(),
    }
}

/// The contacts written in a format.
pub fn write(contacts: &[Contact], format: ContactFormat, personal: bool) -> Vec<u8> {
    match format {
        ContactFormat::VCard => {
            let mut out = String::new();
            for c in contacts {
                card(c, personal, &mut out);
            }
            out.into_bytes()
        }
        ContactFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(b"\xEF\xBB\xBF".to_vec());
            let header: Vec<&str> = columns().map(Field::key).collect();
            // Writing into memory cannot fail.
            let _ = w.write_record(&header);
            for c in contacts {
                let row: Vec<String> = columns().map(|f| cell(c, f, personal)).collect();
                let _ = w.write_record(&row);
            }
            w.into_inner().unwrap_or_default()
        }
    }
}
