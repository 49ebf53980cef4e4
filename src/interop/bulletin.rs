//! A press release ("boletín") as the office sends it: its header, the folio, the place and
//! date line ("Tampamolón Corona, S.L.P., a 6 de marzo de 2023."), the title, the text, and the
//! contact line; as plain text (for an e-mail or WhatsApp), Markdown, or one printable HTML
//! page. A boletín is the office's document in Spanish, whatever the interface language.
use chrono::{Datelike, NaiveDate};

pub use crate::domain::Bulletin;
use crate::i18n::spanish_month;

/// The formats a boletín is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BulletinFormat {
    Txt,
    Md,
    Html,
}

impl BulletinFormat {
    /// The format a file's name asks for (`.md`, `.html`/`.htm`), plain text otherwise.
    pub fn from_path(path: &std::path::Path) -> BulletinFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => BulletinFormat::Md,
            Some("html" | "htm") => BulletinFormat::Html,
            _ => BulletinFormat::Txt,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            BulletinFormat::Txt => "txt",
            BulletinFormat::Md => "md",
            BulletinFormat::Html => "html",
        }
    }
}

/// "Tampamolón Corona, S.L.P., a 6 de marzo de 2023." (without a place: "6 de marzo de 2023.").
pub fn date_line(place: &str, date: NaiveDate) -> String {
    let day = format!(
        "{} de {} de {}",
        date.day(),
        spanish_month(date.month()),
        date.year()
    );
    let place = place.trim().trim_end_matches(',');
    if place.is_empty() {
        format!("{day}.")
    } else {
        format!("{place}, a {day}.")
    }
}

/// The text's paragraphs: runs of lines, blank lines between them.
fn paragraphs(body: &str) -> Vec<String> {
    body.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// A boletín written in one format.
pub fn render(b: &Bulletin, format: BulletinFormat) -> String {
    match format {
        BulletinFormat::Txt => text(b),
        BulletinFormat::Md => markdown(b),
        BulletinFormat::Html => html(b),
    }
}

fn text(b: &Bulletin) -> String {
    let mut out = String::new();
    for line in lines(&b.header) {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&format!("Boletín {}\n\n", b.folio));
    out.push_str(&date_line(&b.place, b.date));
    out.push_str("\n\n");
    out.push_str(b.title.trim());
    out.push_str("\n\n");
    for p in paragraphs(&b.body) {
        out.push_str(&p);
        out.push_str("\n\n");
    }
    if !b.contact.trim().is_empty() {
        out.push_str("---\n");
        for line in lines(&b.contact) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim_end().to_owned() + "\n"
}

/// Markdown's special characters in running text, escaped so a title or a text reads as
/// written ("*" in "Programa *Bienestar*" stays a star).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '#' | '[' | ']' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(b: &Bulletin) -> String {
    let mut out = String::new();
    for line in lines(&b.header) {
        out.push_str(&format!("**{}**  \n", md_escape(line)));
    }
    out.push('\n');
    out.push_str(&format!("Boletín {}\n\n", md_escape(&b.folio)));
    out.push_str(&format!(
        "*{}*\n\n",
        md_escape(&date_line(&b.place, b.date))
    ));
    out.push_str(&format!("# {}\n\n", md_escape(b.title.trim())));
    for p in paragraphs(&b.body) {
        let joined: Vec<String> = p.lines().map(md_escape).collect();
        out.push_str(&joined.join("  \n"));
        out.push_str("\n\n");
    }
    if !b.contact.trim().is_empty() {
        out.push_str("---\n\n");
        let joined: Vec<String> = lines(&b.contact).map(md_escape).collect();
        out.push_str(&joined.join("  \n"));
        out.push('\n');
    }
    out.trim_end().to_owned() + "\n"
}

/// Text as HTML: the five characters that mean something there, escaped.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The start of an HTML page, up to its opening `<header>`: its language, its title (escaped
/// here) and its inline style; `viewport` fits the page to a phone's width.
pub(crate) fn html_page_start(lang: &str, title: &str, style: &str, viewport: bool) -> String {
    let viewport = if viewport {
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n{viewport}\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n<header>\n",
        html_escape(title)
    )
}

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}\
header{border-bottom:2px solid #111;padding-bottom:.5em;margin-bottom:1.5em}\
header p{margin:0;font-weight:bold;text-transform:uppercase;letter-spacing:.03em}\
.folio{font-family:Arial,sans-serif;font-weight:bold}\
.fecha{text-align:right;font-style:italic}\
h1{font-size:1.5em;line-height:1.25}\
footer{border-top:1px solid #555;margin-top:2em;padding-top:.5em;font-size:.9em}\
@page{size:letter;margin:2cm}@media print{body{margin:0;max-width:none}}";

fn html(b: &Bulletin) -> String {
    let title = format!("Boletín {} · {}", b.folio, b.title.trim());
    let mut out = html_page_start("es-MX", &title, STYLE, false);
    for line in lines(&b.header) {
        out.push_str(&format!("<p>{}</p>\n", html_escape(line)));
    }
    out.push_str("</header>\n");
    out.push_str(&format!(
        "<p class=\"folio\">Boletín {}</p>\n<p class=\"fecha\">{}</p>\n<h1>{}</h1>\n",
        html_escape(&b.folio),
        html_escape(&date_line(&b.place, b.date)),
        html_escape(b.title.trim())
    ));
    for p in paragraphs(&b.body) {
        let joined: Vec<String> = p.lines().map(html_escape).collect();
        out.push_str(&format!("<p>{}</p>\n", joined.join("<br>\n")));
    }
    if !b.contact.trim().is_empty() {
        let joined: Vec<String> = lines(&b.contact).map(html_escape).collect();
        out.push_str(&format!("<footer>{}</footer>\n", joined.join("<br>\n")));
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bulletin {
        Bulletin {
            folio: "CS/045/2023".into(),
            header: "H. Ayuntamiento de Tampamolón Corona, S.L.P.\nDirección de Comunicación Social"
                .into(),
            place: "Tampamolón Corona, S.L.P.".into(),
            date: NaiveDate::from_ymd_opt(2023, 3, 6).unwrap(),
            title: "Arranca el programa <Bacheo> *2023*".into(),
            body: "El Ayuntamiento informa que inició el bacheo.\r\n\r\nSe atenderán 40 calles & avenidas.\nLínea dos."
                .into(),
            contact: "Comunicación Social · comunicacion@tampamolon.gob.mx".into(),
        }
    }

    #[test]
    fn the_date_line_is_the_offices_place_and_the_date_in_spanish() {
        let d = NaiveDate::from_ymd_opt(2023, 3, 6).unwrap();
        assert_eq!(
            date_line("Tampamolón Corona, S.L.P.", d),
            "Tampamolón Corona, S.L.P., a 6 de marzo de 2023."
        );
        assert_eq!(date_line("", d), "6 de marzo de 2023.");
    }

    #[test]
    fn plain_text_has_header_folio_date_title_text_and_contact() {
        assert_eq!(
            render(&sample(), BulletinFormat::Txt),
            "H. Ayuntamiento de Tampamolón Corona, S.L.P.\nDirección de Comunicación Social\n\n\
             Boletín CS/045/2023\n\nTampamolón Corona, S.L.P., a 6 de marzo de 2023.\n\n\
             Arranca el programa <Bacheo> *2023*\n\n\
             El Ayuntamiento informa que inició el bacheo.\n\n\
             Se atenderán 40 calles & avenidas.\nLínea dos.\n\n\
             ---\nComunicación Social · comunicacion@tampamolon.gob.mx\n"
        );
    }

    #[test]
    fn markdown_and_html_escape_what_would_change_the_text() {
        let md = render(&sample(), BulletinFormat::Md);
        assert!(
            md.contains("# Arranca el programa \\<Bacheo\\> \\*2023\\*\n"),
            "{md}"
        );
        assert!(
            md.contains("*Tampamolón Corona, S.L.P., a 6 de marzo de 2023.*"),
            "{md}"
        );
        let html = render(&sample(), BulletinFormat::Html);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<html lang=\"es-MX\">"));
        assert!(
            html.contains("<h1>Arranca el programa &lt;Bacheo&gt; *2023*</h1>"),
            "{html}"
        );
        assert!(html.contains("<p>Se atenderán 40 calles &amp; avenidas.<br>\nLínea dos.</p>"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn the_format_follows_the_files_name() {
        use std::path::Path;
        assert_eq!(
            BulletinFormat::from_path(Path::new("b.HTML")),
            BulletinFormat::Html
        );
        assert_eq!(
            BulletinFormat::from_path(Path::new("b.md")),
            BulletinFormat::Md
        );
        assert_eq!(
            BulletinFormat::from_path(Path::new("b")),
            BulletinFormat::Txt
        );
    }
}
