//! A page's insights: the per-post CSV that Meta Business Suite (or Facebook Insights)
//! exports, `prensa importar alcance`. It follows the pipeline of [`crate::interop`]: the file
//! is read by its headers as the contacts CSV is (the same guessing, the same preview of
//! which column went where), each row is matched to one of the office's publications — by
//! the post's id or address, else by its publish time and its words, never by a guess — and
//! the figures are written in one transaction.
mod plan;

use std::path::Path;

pub use plan::Prepared;

use crate::domain::reach::{count, publish_time, Figures};
use crate::domain::text::clean;
use crate::i18n::{tf, Msg};
use crate::interop::contacts::{self, Column, Table};
use crate::interop::ical::ImportError;

/// The largest insights file read: the same cap as an address book's (years of daily posts
/// are a few megabytes).
pub const MAX_BYTES: u64 = contacts::MAX_BYTES;

/// A column of the export that prensa reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InsightField {
    PostId,
    Permalink,
    PublishTime,
    Message,
    Title,
    PostType,
    Reach,
    Reactions,
    Comments,
    Shares,
    Impressions,
}

impl InsightField {
    pub const ALL: [InsightField; 11] = [
        InsightField::PostId,
        InsightField::Permalink,
        InsightField::PublishTime,
        InsightField::Message,
        InsightField::Title,
        InsightField::PostType,
        InsightField::Reach,
        InsightField::Reactions,
        InsightField::Comments,
        InsightField::Shares,
        InsightField::Impressions,
    ];
}

impl Column for InsightField {
    fn all() -> &'static [InsightField] {
        &InsightField::ALL
    }

    fn key(self) -> &'static str {
        match self {
            InsightField::PostId => "identificador",
            InsightField::Permalink => "enlace",
            InsightField::PublishTime => "hora de publicación",
            InsightField::Message => "mensaje",
            InsightField::Title => "título",
            InsightField::PostType => "tipo",
            InsightField::Reach => "alcance",
            InsightField::Reactions => "reacciones",
            InsightField::Comments => "comentarios",
            InsightField::Shares => "compartidos",
            InsightField::Impressions => "impresiones",
        }
    }

    /// Meta Business Suite's headers in Spanish and English, and the older Facebook
    /// Insights export's.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            InsightField::PostId => &[
                "identificador de la publicacion",
                "id de la publicacion",
                "post id",
                "post_id",
            ],
            InsightField::Permalink => &["enlace permanente", "permalink", "enlace", "link", "url"],
            InsightField::PublishTime => &[
                "hora de publicacion",
                "fecha de publicacion",
                "publish time",
                "posted",
                "published",
                "created time",
            ],
            InsightField::Message => &[
                "descripcion",
                "mensaje",
                "description",
                "message",
                "post message",
                "texto",
            ],
            InsightField::Title => &["titulo", "title"],
            InsightField::PostType => &["tipo de publicacion", "post type", "tipo", "type"],
            InsightField::Reach => &[
                "alcance",
                "reach",
                "lifetime post total reach",
                "personas alcanzadas",
                "post reach",
            ],
            InsightField::Reactions => &["reacciones", "reactions"],
            InsightField::Comments => &["comentarios", "comments"],
            InsightField::Shares => &[
                "veces que se compartio",
                "compartidos",
                "veces compartido",
                "shares",
            ],
            InsightField::Impressions => &[
                "impresiones",
                "impressions",
                "lifetime post total impressions",
            ],
        }
    }
}

/// One row of the export: what it says of one post.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InsightRow {
    /// Where the row starts in the file (1-based line).
    pub line: usize,
    pub post_id: String,
    pub permalink: String,
    /// The publish time as prensa keeps times (`YYYY-MM-DDTHH:MM`), when it could be read.
    pub published_at: Option<String>,
    /// The publish time as the file wrote it.
    pub time_text: String,
    /// The post's text (its description, else its title).
    pub message: String,
    pub figures: Figures,
    /// Why this row cannot be imported (a figure that is not a number, no figures at all).
    pub broken: Option<String>,
}

/// Reads an insights file and plans it against the office's publications: nothing is
/// written.
pub fn prepare(path: &Path, store: &crate::store::Store) -> Result<Prepared, ImportError> {
    let bytes = contacts::read_capped(path, MAX_BYTES, Msg::ReachTooLarge)?;
    prepare_bytes(&path.display().to_string(), &bytes, store)
}

/// [`prepare`] for bytes already read (`source` names them in the preview).
pub fn prepare_bytes(
    source: &str,
    bytes: &[u8],
    store: &crate::store::Store,
) -> Result<Prepared, ImportError> {
    let (rows, notices) = read(bytes)?;
    plan::plan(source, rows, notices, store)
}

/// Whether a file's first line is a page's insights: a CSV with a permalink and a reach
/// column (else, for the console's `I`, it is an address book).
pub fn looks_like_insights(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let (text, _) = contacts::decode(head);
    let first = text.lines().next().unwrap_or("");
    let Ok(table) = Table::<InsightField>::read(first.as_bytes(), &[]) else {
        return false;
    };
    let has = |f| table.mapping.get(f).is_some();
    has(InsightField::Permalink) && has(InsightField::Reach)
}

/// The rows of an insights file, and notices on how it was read (encoding, separator, which
/// column went where). Refused when it is not CSV, or has no permalink or no reach column.
pub fn read(bytes: &[u8]) -> Result<(Vec<InsightRow>, Vec<String>), ImportError> {
    let table = Table::<InsightField>::read(bytes, &[])?;
    let missing: Vec<&str> = [InsightField::Permalink, InsightField::Reach]
        .into_iter()
        .filter(|f| table.mapping.get(*f).is_none())
        .map(|f| match f {
            InsightField::Permalink => "«Enlace permanente» (Permalink)",
            _ => "«Alcance» (Reach)",
        })
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::Broken {
            line: Some(1),
            reason: tf(Msg::ReachNoColumns, &[&missing.join(", "), &table.listed]),
        });
    }
    let mut out = Vec::new();
    for (line, record) in &table.rows {
        let get = |f: InsightField| clean(table.get(record, f));
        let mut broken = None;
        let mut figure = |f: InsightField| -> Option<i64> {
            let text = get(f);
            match count(&text) {
                Ok(n) => n,
                Err(()) => {
                    broken.get_or_insert_with(|| {
                        tf(
                            Msg::ReachBadCount,
                            &[&crate::domain::text::printable(&text, 40), &f.key()],
                        )
                    });
                    None
                }
            }
        };
        let figures = Figures {
            reach: figure(InsightField::Reach),
            reactions: figure(InsightField::Reactions),
            comments: figure(InsightField::Comments),
            shares: figure(InsightField::Shares),
        };
        if broken.is_none() && !figures.any() {
            broken = Some(crate::i18n::t(Msg::ReachNoFigures).to_owned());
        }
        let time_text = get(InsightField::PublishTime);
        let message = match get(InsightField::Message) {
            m if m.trim().is_empty() => get(InsightField::Title),
            m => m,
        };
        out.push(InsightRow {
            line: *line,
            post_id: get(InsightField::PostId).trim().to_owned(),
            permalink: get(InsightField::Permalink).trim().to_owned(),
            published_at: publish_time(&time_text),
            time_text,
            message,
            figures,
            broken,
        });
    }
    Ok((out, table.notices))
}
