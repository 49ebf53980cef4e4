//! CSV address books as offices have them: saved by Excel in Spanish (`;` and
//! Windows-1252), by Excel in Mexico (`,`), as "Unicode text" (UTF-16, tabs), or exported by
//! Google Contacts and Outlook. The encoding and the separator are detected; each column is
//! mapped to a field by its header, and the preview shows the mapping so a wrong guess can
//! be corrected (`--columna medio=Empresa`).
use super::columns::{Column, Field, Mapping};
use super::Contact;
use crate::domain::status::{OutletKind, SendChannel};
use crate::domain::text::{fold, printable};
use crate::i18n::labels::Label;
use crate::i18n::{t, tf, Msg};
use crate::interop::ical::ImportError;

/// Text from bytes in the encodings Windows and Excel write: UTF-8 (with or without BOM),
/// UTF-16 with its BOM, else Windows-1252. Returns the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8");
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, true), "UTF-16");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, false), "UTF-16");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), "UTF-8"),
        Err(_) => {
            let text = mail_parser::decoders::charsets::map::charset_decoder(b"windows-1252")
                .map(|decode| decode(bytes))
                .unwrap_or_else(|| bytes.iter().map(|b| char::from(*b)).collect());
            (text, "Windows-1252")
        }
    }
}

/// The separator of a CSV: the one of `,` `;` and tab found most often in its first line
/// (outside quotes); `,` when none is.
pub fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// The lists a cell names, separated by `,` or `;`. Google's export (`google`: its "Group
/// Membership" or "Labels" column) separates them by ` ::: ` and adds its own groups
/// ("* myContacts", "* starred"), which are not the office's lists.
fn list_values(text: &str, google: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let parts: Vec<&str> = if google {
        text.split(":::").collect()
    } else {
        text.split([',', ';']).collect()
    };
    for part in parts {
        let part = super::list_name(part);
        if part.is_empty() || (google && part.starts_with('*')) {
            continue;
        }
        if !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

fn yes(text: &str) -> bool {
    matches!(
        fold(text.trim()).as_str(),
        "si" | "s" | "x" | "1" | "yes" | "y" | "true" | "verdadero"
    )
}

/// A CSV file read by its headers: each column mapped to a field of `F` (guessed, then
/// corrected), its rows, and the notices the preview shows on how it was read (encoding,
/// separator, which column went where and which were left unused). Contacts and a page's
/// insights are read through it.
pub(crate) struct Table<F> {
    pub headers: Vec<String>,
    pub mapping: Mapping<F>,
    /// The headers as messages name them: printable, short, at most 20 of them.
    pub listed: String,
    pub notices: Vec<String>,
    /// The rows that hold something: (1-based line where each starts, its cells).
    pub rows: Vec<(usize, csv::StringRecord)>,
}

impl<F: Column> Table<F> {
    /// Reads the whole file. Refused when it is not CSV (a row the `csv` reader cannot read)
    /// or a correction names a column it does not have.
    pub(crate) fn read(
        bytes: &[u8],
        fixes: &[(F, Option<String>)],
    ) -> Result<Table<F>, ImportError> {
        let (text, encoding) = decode(bytes);
        let sep = separator(&text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sep)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let broken = |line: Option<u64>, e: &csv::Error| ImportError::Broken {
            line: line.map(|l| l as usize),
            reason: e.to_string(),
        };
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| broken(Some(1), &e))?
            .iter()
            .map(str::to_owned)
            .collect();
        let named: Vec<String> = headers.iter().map(|h| printable(h, 40)).collect();
        let listed = {
            let mut l = named
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if named.len() > 20 {
                l.push_str(", …");
            }
            l
        };
        let mapping =
            Mapping::guess(&headers, fixes, &listed).map_err(|reason| ImportError::Broken {
                line: Some(1),
                reason,
            })?;
        let sep_name = match sep {
            b';' => "«;»",
            b'\t' => t(Msg::CsvTab),
            _ => "«,»",
        };
        let mut notices = vec![tf(Msg::CsvRead, &[&encoding, &sep_name])];
        for (i, h) in named.iter().enumerate().take(60) {
            let notice = match mapping.columns.iter().find(|(_, c)| *c == i) {
                Some((f, _)) => tf(Msg::CsvColumn, &[h, &f.key()]),
                None => tf(Msg::CsvColumnUnused, &[h]),
            };
            notices.push(notice);
        }
        let mut rows = Vec::new();
        // Where each record starts, as a person counts lines: csv's own count leaves out the
        // line breaks inside quotes and the blank lines, so it is counted from the bytes.
        let (mut counted_to, mut breaks) = (0usize, 0usize);
        let mut line_at = |byte: usize| {
            // A record's position is where the line break before it (and any blank lines) is.
            let mut byte = byte.min(text.len());
            while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            if byte > counted_to {
                breaks += text.as_bytes()[counted_to..byte]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                counted_to = byte;
            }
            breaks + 1
        };
        loop {
            let mut record = csv::StringRecord::new();
            let line = line_at(reader.position().byte() as usize);
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(broken(Some(line as u64), &e)),
            }
            if record.iter().all(|v| v.trim().is_empty()) {
                continue;
            }
            let line = record
                .position()
                .map(|p| line_at(p.byte() as usize))
                .unwrap_or(line);
            rows.push((line, record));
        }
        Ok(Table {
            headers,
            mapping,
            listed,
            notices,
            rows,
        })
    }

    /// What a row holds for a field (trimmed; empty when no column is mapped to it).
    pub(crate) fn get<'r>(&self, row: &'r csv::StringRecord, field: F) -> &'r str {
        self.mapping
            .get(field)
            .and_then(|c| row.get(c))
            .unwrap_or("")
            .trim()
    }
}

/// The people of a CSV file, and notices on how it was read (encoding, separator, which
/// column went where, which were left unused).
pub fn read(
    bytes: &[u8],
    fixes: &[(Field, Option<String>)],
) -> Result<(Vec<Contact>, Vec<String>), ImportError> {
    let table = Table::read(bytes, fixes)?;
    let mapping = &table.mapping;
    if mapping.get(Field::Name).is_none()
        && mapping.get(Field::GivenName).is_none()
        && mapping.get(Field::FamilyName).is_none()
    {
        return Err(ImportError::Broken {
            line: Some(1),
            reason: tf(Msg::CsvNoNameColumn, &[&table.listed]),
        });
    }
    let google = mapping
        .get(Field::Lists)
        .and_then(|c| table.headers.get(c))
        .is_some_and(|h| matches!(fold(h.trim()).as_str(), "group membership" | "labels"));
    let mut out = Vec::new();
    for (line, record) in &table.rows {
        let line = *line;
        let get = |f: Field| -> String { table.get(record, f).to_owned() };
        let mut name = get(Field::Name);
        let parts: Vec<String> = [Field::GivenName, Field::MiddleName, Field::FamilyName]
            .into_iter()
            .map(get)
            .filter(|s| !s.is_empty())
            .collect();
        if !parts.is_empty() && mapping.get(Field::FamilyName).is_some() {
            // Outlook's "Nombre" is the first name when "Apellidos" is beside it.
            let mut all = Vec::new();
            if mapping.get(Field::GivenName).is_none() && !name.is_empty() {
                all.push(name.clone());
            }
            all.extend(parts);
            name = all.join(" ");
        } else if name.is_empty() {
            name = parts.join(" ");
        }
        let dnc = get(Field::DoNotContact);
        let consent = get(Field::Consent);
        let c = Contact {
            line: Some(line),
            broken: name.is_empty().then(|| t(Msg::ContactNoName).to_owned()),
            name,
            outlet: get(Field::Outlet),
            outlet_kind: OutletKind::from_code(&get(Field::OutletKind)).or_else(|| {
                let k = fold(&get(Field::OutletKind));
                OutletKind::ALL
                    .iter()
                    .copied()
                    .find(|o| fold(o.label()) == k)
            }),
            role: get(Field::Role),
            beats: get(Field::Beats),
            email: get(Field::Email),
            phone: get(Field::Phone),
            channel: {
                let c = fold(&get(Field::Channel));
                SendChannel::ALL
                    .iter()
                    .copied()
                    .find(|s| s.code() == c || fold(s.label()) == c)
            },
            notes: get(Field::Notes),
            lists: list_values(&get(Field::Lists), google),
            do_not_contact: (!dnc.is_empty() && yes(&dnc)).then(|| get(Field::DncReason)),
            consent: if consent.is_empty() || fold(&consent) == "no" {
                None
            } else if crate::domain::edit::is_date(&consent) {
                Some(consent)
            } else if yes(&consent) {
                Some(String::new())
            } else {
                None
            },
        };
        out.push(c);
    }
    Ok((out, table.notices))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_one_the_header_uses() {
        assert_eq!(separator("Nombre;Medio;Teléfono\nA;B;C"), b';');
        assert_eq!(separator("Nombre,Medio\n"), b',');
        assert_eq!(separator("\"a;b\",c,d\n"), b',');
        assert_eq!(separator("Nombre\tMedio\n"), b'\t');
        assert_eq!(separator("Nombre\n"), b',');
    }

    #[test]
    fn each_row_says_the_line_it_starts_on() {
        let text = "\u{FEFF}Nombre,Medio\r\nAna,\"Radio\r\nRío\"\r\n\r\nBeto,Pulso\r\n";
        let table = Table::<super::super::Field>::read(text.as_bytes(), &[]).unwrap();
        let lines: Vec<usize> = table.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 5]);
    }

    #[test]
    fn windows_1252_is_read_where_utf8_fails() {
        let (text, enc) = decode(b"Tel\xe9fono;Se\xf1al \x93Huasteca\x94");
        assert_eq!(enc, "Windows-1252");
        assert_eq!(text, "Teléfono;Señal “Huasteca”");
        let (text, enc) = decode("\u{FEFF}Teléfono".as_bytes());
        assert_eq!((text.as_str(), enc), ("Teléfono", "UTF-8"));
    }
}
