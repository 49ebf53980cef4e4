//! Full-text search over events, reports, drafts, journalists and archive items (FTS5,
//! accent- and case-insensitive: "informacion" finds "información", "NIÑOS" finds "niños").
use super::error::Result;
use super::Store;

/// One match: which table, which row, and the row's title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub table: &'static str,
    pub id: String,
    pub title: String,
}

/// (index, table, title column) searched, in the order results are listed.
const INDEXES: &[(&str, &str, &str)] = &[
    ("events_fts", "events", "title"),
    ("reports_fts", "reports", "title"),
    ("drafts_fts", "drafts", "title"),
    ("archive_fts", "archive_items", "title"),
    ("journalists_fts", "journalists", "name"),
];

/// Turns what the user typed into an FTS5 query: every word must appear (as a prefix), and no
/// character the user types can be read as FTS5 syntax.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = fts_words(text)
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The words of what the user typed: runs of letters and digits, so that nothing typed can be
/// read as FTS5 syntax.
pub fn fts_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Store {
    /// Rows whose text matches every word of `text`, best matches first, at most `limit` per table.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut hits = Vec::new();
        for (fts, table, title) in INDEXES {
            let sql = format!(
                "SELECT t.id, t.{title} FROM {fts} JOIN {table} t ON t.rowid = {fts}.rowid
                 WHERE {fts} MATCH ?1 AND t.deleted_at IS NULL ORDER BY rank LIMIT ?2"
            );
            let mut stmt = self.conn().prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params![query, limit as i64], |r| {
                Ok(SearchHit {
                    table,
                    id: r.get(0)?,
                    title: r.get(1)?,
                })
            })?;
            for row in rows {
                hits.push(row?);
            }
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_text_cannot_inject_fts_syntax() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(
            fts_query("NEAR(\"a\" OR b)*"),
            Some("\"NEAR\"* \"a\"* \"OR\"* \"b\"*".into())
        );
        assert_eq!(fts_query("niños"), Some("\"niños\"*".into()));
    }
}
