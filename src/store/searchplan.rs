//! How a list reads a search: the FTS5 expression of the words typed and one of three ways to
//! read with it, chosen by how many rows each word matches and how the index is stored —
//! measured on the `--grande` data (200,000 reports), where the wrong way costs a hundred
//! times the right one.
use super::error::Result;
use super::schema::search_indexes;
use super::search::fts_words;
use super::Store;
use crate::domain::text::fold;

/// How a search reads a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Few matches: collect them from the full-text index, sort them, take a page.
    Collect,
    /// Thousands: read the list's own index in order, keeping the rows in the set of matches
    /// (collected once), until a page is full.
    ScanSet,
    /// Most rows match: read the list's index in order and ask the full-text index about each
    /// row; a page is full within a few hundred rows.
    ScanProbe,
}

/// Up to this many matches a search collects and sorts them (2,000: 3 ms; 35,000 would take
/// 31 ms where scanning takes 4 ms).
const COLLECT: u64 = 2_000;
/// Rows a list reads at a time, as the plans are weighed.
const PAGE: f64 = 64.0;
/// What reading costs, in microseconds, measured on the `--grande` data. Building the set of
/// matches costs the fewest matches of a word, for each word; asking the index about one row costs each word a lookup
/// in every piece the index is in (FTS5 keeps an index as pieces, merged as it grows and by
/// [`Store::tidy_search`]): 30 pieces, 89,000 matches: the set 10 ms, 370 questions 57 ms; one
/// piece: the questions 2 ms.
const SET_PER_MATCH: f64 = 0.1;
const SCAN_PER_ROW: f64 = 0.2;
const PROBE_PER_WORD: f64 = 3.0;
const PROBE_PER_PIECE: f64 = 5.0;
/// A word of four letters or more is looked up as the words of the index it begins (at most
/// this many): an exact word is a cheap lookup, a prefix merges every word it begins each time
/// it is asked. Shorter words use the index's own prefixes (one to three letters).
const EXPANSIONS: usize = 64;
/// A word's matches are counted up to this many; past that, its share of the rows is told
/// from the sample (the matches come in the order of the rows).
const SAMPLE: u64 = 5_000;
/// The largest index (in rows) whose words a mistyped word is compared with: a directory of
/// 20,000 journalists reads its words in a few milliseconds.
const TYPO_ROWS: f64 = 50_000.0;
/// How many words a store remembers between two changes of the data: a keystroke asks about
/// the words typed before it again, in each list (and each of the timeline's sources).
const REMEMBERED: usize = 64;

/// What a store remembers of the words searched, and the state of the data it learnt it on.
#[derive(Default)]
pub(crate) struct Searches {
    stamp: (i64, u64),
    /// (index, word) → the word's expression, whether it is exact words, its matches.
    words: Vec<((String, String), Word)>,
    /// index → (rows of its table, pieces of the index).
    indexes: Vec<(String, (f64, f64))>,
}

#[derive(Clone)]
struct Word {
    expr: String,
    /// The words of the index it stands for, when it was looked up as those.
    terms: Option<Vec<String>>,
    /// Exact words or the index's own prefixes: cheap to ask about one row.
    exact: bool,
    /// Rows it matches: counted, or estimated past [`SAMPLE`].
    matches: u64,
}

/// A search, ready for SQL: the FTS5 expression and how to read with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Search {
    pub expr: String,
    pub plan: Plan,
}

/// The first string after every string that starts with `prefix` (for a range of words).
fn after_prefix(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(last as u32 + 1) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

impl Store {
    /// The table of an index's words (made once per connection); `None` when it cannot be.
    fn vocabulary(&self, fts: &str) -> Option<String> {
        let vocab = format!("{fts}_words");
        self.conn()
            .execute_batch(&format!(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} USING fts5vocab(main, {fts}, 'row')"
            ))
            .ok()?;
        Some(vocab)
    }

    /// The index's words that begin with `prefix` (folded as the index folds), at most
    /// [`EXPANSIONS`]; `None` when there are more, or the index cannot be asked.
    fn expand(&self, fts: &str, prefix: &str) -> Option<Vec<String>> {
        let vocab = self.vocabulary(fts)?;
        let low = fold(prefix);
        let high = after_prefix(&low)?;
        let words: Vec<String> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT term FROM temp.{vocab} WHERE term >= ?1 AND term < ?2 LIMIT {}",
                EXPANSIONS + 1
            ))
            .ok()?
            .query_map([low, high], |r| r.get(0))
            .ok()?
            .collect::<rusqlite::Result<_>>()
            .ok()?;
        (words.len() <= EXPANSIONS).then_some(words)
    }

    /// The index's words a mistyped word may have meant (none of its words begins with it):
    /// those within one edit of it (two, from seven letters), whole or as their beginning
    /// ("Hernadez" is "hernandez", "Tampaon" begins "tampaonense"), closest first, at most
    /// [`EXPANSIONS`].
    fn near(&self, fts: &str, word: &str) -> Option<Vec<String>> {
        let vocab = self.vocabulary(fts)?;
        let typed = fold(word);
        let len = typed.chars().count();
        let most = if len >= 7 { 2 } else { 1 };
        let mut found: Vec<(usize, String)> = Vec::new();
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("SELECT term FROM temp.{vocab}"))
            .ok()?;
        let terms = stmt.query_map([], |r| r.get::<_, String>(0)).ok()?;
        for term in terms.flatten() {
            let n = term.chars().count();
            if n + most < len {
                continue;
            }
            let whole = strsim::levenshtein(&typed, &term);
            let begin: String = term.chars().take(len).collect();
            let start = strsim::levenshtein(&typed, &begin);
            let d = whole.min(start);
            if d <= most {
                found.push((d, term));
            }
        }
        found.sort();
        found.truncate(EXPANSIONS);
        (!found.is_empty()).then(|| found.into_iter().map(|(_, t)| t).collect())
    }

    /// What a list's search reads: the FTS5 expression of the words typed (every word, as the
    /// beginning of a word of the text) and the way to read, the cheapest by what each word
    /// matches. What it learns of each word is remembered until the data changes.
    pub(crate) fn search_of(&self, fts: Option<&str>, text: &str) -> Result<Option<Search>> {
        let Some(fts) = fts else {
            return Ok(None);
        };
        let words = fts_words(text);
        if words.is_empty() {
            return Ok(None);
        }
        let stamp = (self.data_version()?, self.conn().total_changes());
        {
            let mut memo = self.searches.borrow_mut();
            if memo.stamp != stamp {
                *memo = Searches {
                    stamp,
                    ..Searches::default()
                };
            }
        }
        let (rows, pieces) = self.index_size(fts)?;
        let parts = words
            .iter()
            .map(|w| self.word(fts, w, rows))
            .collect::<Result<Vec<_>>>()?;
        let expr = parts
            .iter()
            .map(|p| p.expr.as_str())
            .collect::<Vec<_>>()
            .join(" AND ");
        // Words that go together (`agua potable`) match far more rows together than their
        // shares tell: whether the search is one to collect is counted.
        let few = match parts.as_slice() {
            [one] => one.matches <= COLLECT,
            _ => self.matches_at_most(fts, &expr, COLLECT)?,
        };
        let plan = if few {
            Plan::Collect
        } else {
            weigh(&parts, rows, pieces)
        };
        Ok(Some(Search { expr, plan }))
    }

    /// How many rows an expression matches: counted up to [`SAMPLE`], and past that told
    /// from how far into the table (by rowid, the order the index keeps) the sample reached.
    fn matches_of(&self, fts: &str, expr: &str, rows: f64) -> Result<u64> {
        let (n, last): (i64, i64) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*), coalesce(max(rowid), 0)
                 FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH ?1 LIMIT {SAMPLE})"
            ))?
            .query_row([expr], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let n = n.max(0) as u64;
        if n < SAMPLE || last <= 0 {
            return Ok(n);
        }
        Ok(((n as f64) * rows / last as f64).max(n as f64) as u64)
    }

    /// Whether an expression matches at most `n` rows of an index.
    fn matches_at_most(&self, fts: &str, expr: &str, n: u64) -> Result<bool> {
        let matches: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ?1 LIMIT ?2)"
            ))?
            .query_row(rusqlite::params![expr, n as i64 + 1], |r| r.get(0))?;
        Ok(matches.max(0) as u64 <= n)
    }

    /// The rows of an index's table (its largest rowid) and how many pieces the index is in.
    fn index_size(&self, fts: &str) -> Result<(f64, f64)> {
        if let Some((_, size)) = self
            .searches
            .borrow()
            .indexes
            .iter()
            .find(|(f, _)| f == fts)
        {
            return Ok(*size);
        }
        let rows: i64 = match search_indexes().find(|(f, _)| *f == fts) {
            Some((_, table)) => self.conn().query_row(
                &format!("SELECT coalesce(max(rowid), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?,
            None => 0,
        };
        let size = (rows.max(1) as f64, self.pieces(fts)?.max(1) as f64);
        self.searches
            .borrow_mut()
            .indexes
            .push((fts.to_owned(), size));
        Ok(size)
    }

    /// One word of a search: its expression and how many rows it matches (counted up to half
    /// the rows: past that, only that it is most of them matters).
    fn word(&self, fts: &str, word: &str, rows: f64) -> Result<Word> {
        let key = (fts.to_owned(), word.to_owned());
        let (known, shorter) = {
            let memo = self.searches.borrow();
            let known = memo
                .words
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, w)| w.clone());
            // The words a longer word begins are among those its beginning begins.
            let shorter = memo
                .words
                .iter()
                .filter(|((f, w), _)| f == fts && word.starts_with(w.as_str()))
                .filter_map(|(_, w)| w.terms.clone())
                .next();
            (known, shorter)
        };
        if let Some(w) = known {
            return Ok(w);
        }
        let terms = match shorter {
            _ if word.chars().count() <= 3 => None,
            Some(terms) => Some(terms.into_iter().filter(|t| t.starts_with(word)).collect()),
            None => self.expand(fts, word),
        };
        let expr = match &terms {
            Some(terms) if !terms.is_empty() => format!(
                "({})",
                terms
                    .iter()
                    .map(|t| format!("\"{t}\""))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
            _ => format!("\"{word}\"*"),
        };
        let mut matches = self.matches_of(fts, &expr, rows)?;
        let (mut expr, mut terms) = (expr, terms);
        // Nothing begins with it: a typo, perhaps; the words it may have meant. Only in an
        // index the size of a directory: reading every word of a larger one (the archive's
        // half a million items) would cost the key hundreds of milliseconds.
        if matches == 0 && word.chars().count() >= 4 && rows <= TYPO_ROWS {
            if let Some(near) = self.near(fts, word) {
                expr = format!(
                    "({})",
                    near.iter()
                        .map(|t| format!("\"{t}\""))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                );
                matches = self.matches_of(fts, &expr, rows)?;
                terms = Some(near);
            }
        }
        let w = Word {
            expr,
            exact: terms.is_some() || word.chars().count() <= 3,
            terms,
            matches,
        };
        let mut memo = self.searches.borrow_mut();
        if memo.words.len() >= REMEMBERED {
            memo.words.remove(0);
        }
        memo.words.push((key, w.clone()));
        Ok(w)
    }
}

/// The cheaper way to scan for a search of these words (which match more rows than a search
/// collects), on an index of `rows` rows in `pieces` pieces. The words are taken as
/// independent: the share of rows that match them all is the product of their shares.
fn weigh(words: &[Word], rows: f64, pieces: f64) -> Plan {
    let share: f64 = words
        .iter()
        .map(|w| (w.matches as f64 / rows).min(1.0))
        .product::<f64>()
        .max(COLLECT as f64 / rows);
    let scanned = PAGE / share;
    // Words are intersected by skipping through the longer lists: the shortest leads.
    let fewest = words.iter().map(|w| w.matches).min().unwrap_or(0) as f64;
    let set = fewest * words.len() as f64 * SET_PER_MATCH + scanned * SCAN_PER_ROW;
    let probe = scanned * words.len() as f64 * (PROBE_PER_WORD + PROBE_PER_PIECE * pieces);
    // Asking row by row is cheap only with exact words or the index's own prefixes.
    if probe < set && words.iter().all(|w| w.exact) {
        Plan::ScanProbe
    } else {
        Plan::ScanSet
    }
}

#[cfg(test)]
mod tests {
    use super::after_prefix;

    #[test]
    fn the_range_of_a_prefix() {
        assert_eq!(after_prefix("info").as_deref(), Some("infp"));
        assert_eq!(after_prefix("niñ").as_deref(), Some("niò"));
        assert_eq!(after_prefix(""), None);
    }
}
