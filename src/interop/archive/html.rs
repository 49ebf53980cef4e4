//! The export's `index.html`: one page that opens in any browser, offline, with no script.
//! Records oldest first, grouped by month and day with their dates in words; each with its
//! kind, time, title, department, description, tags and classification, and the thumbnails
//! of its photos linking to the photo (or to the original). All text is escaped. The style
//! is inline and prints well.
use std::collections::HashMap;
use std::io::{self, Write};

use chrono::NaiveDate;

use super::export::Copies;
use crate::domain::media::MediaKind;
use crate::domain::status::{ArchiveStage, MediaRequestKind, Tone};
use crate::domain::TimelineKind;
use crate::i18n::{self, long_date, month_year, t, tf, Label, Msg};
use crate::interop::bulletin::{html_escape, html_page_start};
use crate::store::{ExportItem, ExportMedia};

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0 auto;
max-width:60rem;padding:1rem 1.5rem;color:#1b1b1b;background:#fff;line-height:1.45}
header{border-bottom:2px solid #7a1f3d;margin-bottom:1rem}
h1{font-size:1.6rem;margin:.2rem 0;color:#7a1f3d}
.oficina{white-space:pre-line;margin:.2rem 0;font-weight:600}
.rango{font-size:1.1rem;margin:.2rem 0}
.nota{color:#555;font-size:.9rem}
h2{font-size:1.35rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #ccc;color:#7a1f3d}
h3{font-size:1.05rem;margin:1rem 0 .4rem;color:#333}
h3::first-letter,h2::first-letter{text-transform:uppercase}
.elemento{border-left:4px solid #c9a227;padding:.3rem .8rem;margin:.6rem 0;break-inside:avoid}
.meta{margin:0;color:#555;font-size:.9rem}
.titulo{font-size:1.05rem;margin:.15rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0;font-size:.92rem}
dt{color:#555}dd{margin:0}
.descripcion{white-space:pre-line;margin:.3rem 0}
.archivos{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.6rem}
.archivos li{max-width:11rem;font-size:.8rem;word-break:break-all}
.archivos img{display:block;max-width:10rem;max-height:10rem;border:1px solid #ccc}
.falta{color:#8a1c1c}
@media print{body{max-width:none;padding:0}a{color:inherit;text-decoration:none}
.elemento{border-left-width:2px}h2{break-after:avoid}h3{break-after:avoid}}
";

/// Text as HTML text or attribute value, without its control characters (line breaks and
/// tabs stay).
pub(super) fn escape(text: &str) -> String {
    let shown: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    html_escape(&shown)
}

/// What kind of record it is, as the user reads it: "Fotos", "Solicitud de medio
/// (Entrevista)", "Publicación (Facebook)".
pub(super) fn kind_label(item: &ExportItem) -> String {
    let (kind, detail) = match item.kind {
        TimelineKind::Event => (t(Msg::KindEvent), None),
        TimelineKind::Report => (t(Msg::KindReport), None),
        TimelineKind::Publication(c) => (t(Msg::KindPublication), Some(c.label())),
        TimelineKind::Item(k) => (k.label(), None),
        TimelineKind::Interview => (
            t(Msg::KindMediaRequest),
            MediaRequestKind::from_code(&item.subkind).map(Label::label),
        ),
        TimelineKind::Clipping => (t(Msg::ArcClipping), None),
    };
    match detail {
        Some(detail) => format!("{kind} ({detail})"),
        None => kind.to_owned(),
    }
}

/// A clipping's tone, as the user reads it.
pub(super) fn tone_label(item: &ExportItem) -> String {
    match item.kind {
        TimelineKind::Clipping => Tone::from_code(&item.subkind)
            .map(|t| t.label().to_owned())
            .unwrap_or_else(|| item.subkind.clone()),
        _ => String::new(),
    }
}

/// A stage's name (its code when this version does not know it).
pub(super) fn stage_label(code: &str) -> String {
    ArchiveStage::from_code(code)
        .map(|s| s.label().to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// "CS Comunicación Social": a code and a name, whichever are given.
pub(super) fn coded(code: &str, name: &str) -> String {
    [code.trim(), name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An item's classification in one line: section / series / expediente (stage).
pub(super) fn classification(item: &ExportItem) -> String {
    let parts: Vec<String> = [
        coded(&item.section_code, &item.section_name),
        coded(&item.series_code, &item.series_name),
        item.expediente.trim().to_owned(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if parts.is_empty() {
        return String::new();
    }
    let stage = if item.stage.is_empty() {
        String::new()
    } else {
        format!(" ({})", stage_label(&item.stage))
    };
    format!("{}{stage}", parts.join(" / "))
}

/// The day and time of a record's local time text.
pub(super) fn day_and_time(at: &str) -> (Option<NaiveDate>, String) {
    let day = at
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    (day, at.get(11..16).unwrap_or("").to_owned())
}

/// What the page says above the records.
pub(super) struct Heading {
    pub office: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub exported: String,
    /// A "versión pública": said on the page.
    pub public: bool,
}

pub(super) fn write(
    out: &mut dyn Write,
    heading: &Heading,
    items: &[ExportItem],
    copies: &HashMap<String, Copies>,
) -> io::Result<()> {
    let title = t(Msg::HtmlTitle);
    let range = tf(
        Msg::HtmlRange,
        &[&long_date(heading.from), &long_date(heading.to)],
    );
    let page = html_page_start(
        i18n::lang().code(),
        &format!("{title} · {range}"),
        STYLE,
        true,
    );
    writeln!(out, "{page}<h1>{}</h1>", escape(title))?;
    if !heading.office.trim().is_empty() {
        writeln!(
            out,
            "<p class=\"oficina\">{}</p>",
            escape(heading.office.trim())
        )?;
    }
    writeln!(out, "<p class=\"rango\">{}</p>", escape(&range))?;
    if heading.public {
        writeln!(out, "<p class=\"rango\">{}</p>", escape(t(Msg::HtmlPublic)))?;
    }
    writeln!(
        out,
        "<p class=\"nota\">{}</p>\n</header>\n<main>",
        escape(&tf(Msg::HtmlIntro, &[&items.len(), &heading.exported]))
    )?;
    if items.is_empty() {
        writeln!(out, "<p>{}</p>", escape(t(Msg::HtmlEmpty)))?;
    }
    let mut month: Option<(i32, u32)> = None;
    let mut day: Option<NaiveDate> = None;
    for item in items {
        let (date, time) = day_and_time(&item.at);
        if let Some(date) = date {
            use chrono::Datelike;
            let this_month = (date.year(), date.month());
            if month != Some(this_month) {
                // A new month closes the day and the month before it.
                let open = if month.is_some() { 2 } else { 0 };
                open_section(out, open, "mes", "h2", &month_year(date))?;
                month = Some(this_month);
                day = None;
            }
            if day != Some(date) {
                let open = usize::from(day.is_some());
                open_section(out, open, "dia", "h3", &long_date(date))?;
                day = Some(date);
            }
        }
        write_item(out, item, &time, copies)?;
    }
    if day.is_some() {
        writeln!(out, "</section>")?;
    }
    if month.is_some() {
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</main>\n</body>\n</html>")
}

/// Closes the `open` sections before, and opens a section of `class` under its heading
/// (`tag`: `h2` for a month, `h3` for a day).
fn open_section(
    out: &mut dyn Write,
    open: usize,
    class: &str,
    tag: &str,
    heading: &str,
) -> io::Result<()> {
    for _ in 0..open {
        writeln!(out, "</section>")?;
    }
    writeln!(
        out,
        "<section class=\"{class}\">\n<{tag}>{}</{tag}>",
        escape(heading)
    )
}

fn write_item(
    out: &mut dyn Write,
    item: &ExportItem,
    time: &str,
    copies: &HashMap<String, Copies>,
) -> io::Result<()> {
    writeln!(
        out,
        "<article class=\"elemento\" id=\"e-{}\">\n<p class=\"meta\"><span class=\"hora\">{}</span> · \
         <span class=\"tipo\">{}</span></p>\n<h4 class=\"titulo\">{}</h4>",
        escape(&item.id),
        escape(time),
        escape(&kind_label(item)),
        escape(&item.title)
    )?;
    let tags = item.tags.join(", ");
    let fields: [(Msg, &str); 10] = [
        (Msg::FieldArea, &item.department),
        (Msg::ColEvent, &item.event),
        (Msg::ColOutlet, &item.outlet),
        (Msg::FieldPlace, &item.place),
        (Msg::HtmlPeople, &item.people),
        (Msg::FieldTags, &tags),
        (Msg::HtmlClassification, &classification(item)),
        (Msg::FTone, &tone_label(item)),
        (Msg::HtmlFolio, &item.folio),
        (Msg::HtmlLink, &item.url),
    ];
    let shown: Vec<&(Msg, &str)> = fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    if !shown.is_empty() {
        writeln!(out, "<dl>")?;
        for (label, value) in shown {
            writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                escape(t(*label)),
                escape(value.trim())
            )?;
        }
        writeln!(out, "</dl>")?;
    }
    if !item.description.trim().is_empty() {
        writeln!(
            out,
            "<p class=\"descripcion\">{}</p>",
            escape(item.description.trim())
        )?;
    }
    if !item.response.trim().is_empty() {
        writeln!(
            out,
            "<p class=\"descripcion\"><strong>{}:</strong> {}</p>",
            escape(t(Msg::FResponse)),
            escape(item.response.trim())
        )?;
    }
    if !item.media.is_empty() {
        writeln!(out, "<ul class=\"archivos\">")?;
        for media in &item.media {
            write_media(out, media, copies.get(&media.sha256))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</article>")
}

fn write_media(
    out: &mut dyn Write,
    media: &ExportMedia,
    copies: Option<&Copies>,
) -> io::Result<()> {
    let none = Copies::default();
    let copies = copies.unwrap_or(&none);
    let name = escape(&media.file_name);
    // What a click opens: the photo's archive copy, else the original.
    let target = copies.photo.as_ref().or(copies.original.as_ref());
    write!(out, "<li>")?;
    match (&copies.thumbnail, target) {
        (Some(thumb), Some(target)) => write!(
            out,
            "<a href=\"{}\"><img src=\"{}\" alt=\"{name}\"></a>",
            escape(target),
            escape(thumb)
        )?,
        (Some(thumb), None) => write!(out, "<img src=\"{}\" alt=\"{name}\">", escape(thumb))?,
        (None, Some(target)) => write!(
            out,
            "<a href=\"{}\">{}</a>",
            escape(target),
            escape(&tf(Msg::HtmlOpen, &[&media.kind.label()]))
        )?,
        (None, None) => {}
    }
    match &copies.original {
        Some(original) if media.kind == MediaKind::Photo && copies.thumbnail.is_some() => write!(
            out,
            "{name} · <a href=\"{}\">{}</a>",
            escape(original),
            escape(t(Msg::HtmlOriginal))
        )?,
        Some(_) => write!(out, "{name}")?,
        None => write!(
            out,
            "<span class=\"falta\">{}</span>",
            escape(&tf(Msg::HtmlMissing, &[&media.file_name]))
        )?,
    }
    writeln!(out, "</li>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'\u{1b}[31m"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;[31m"
        );
    }
}
