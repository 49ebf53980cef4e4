//! Upkeep of the full-text indexes. FTS5 keeps an index as pieces: every transaction that
//! changes text adds one, and it merges them four at a time as they pile up. A search asks
//! each piece, so on a database written to a record at a time (the everyday case) a search
//! that asks about one row at a time costs several times what it costs on an index in one
//! piece (`--grande`, 24 pieces: 57 ms a page; one: 2 ms). The console merges small pieces
//! while nobody types, a few hundred pages at a time; a batch that writes a great deal (the
//! demo data) leaves each index in one piece.
use std::time::Duration;

use rusqlite::{Transaction, TransactionBehavior};

use super::error::Result;
use super::schema::search_indexes;
use super::{Store, BUSY_TIMEOUT_MS};

/// How long an upkeep step waits for another console or a sync to finish writing: it is
/// never worth making the user wait.
const UPKEEP_WAIT: Duration = Duration::from_millis(50);

/// How much an index is merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upkeep {
    /// Up to this many pages (4 KiB each) written per index: pieces of the same size merge,
    /// so an index keeps at most one piece of each size and is never written over whole.
    Step(u32),
    /// Every index in one piece (after a batch: its writing is all new anyway).
    Whole,
}

impl Store {
    /// How many pieces a full-text index is in.
    pub(crate) fn pieces(&self, fts: &str) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            &format!("SELECT count(DISTINCT segid) FROM {fts}_idx"),
            [],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }

    /// Merges the pieces of the full-text indexes. Returns whether there is more to merge.
    /// Changes no record (and so records no op): only how the indexes are stored.
    pub fn tidy_search(&self, how: Upkeep) -> Result<bool> {
        let untidy: Vec<&str> = search_indexes()
            .map(|(fts, _)| fts)
            .filter(|fts| self.pieces(fts).is_ok_and(|n| n > 1))
            .collect();
        if untidy.is_empty() {
            return Ok(false);
        }
        if let Upkeep::Step(_) = how {
            self.conn.busy_timeout(UPKEEP_WAIT)?;
        }
        let done = self.merge_pieces(&untidy, how);
        self.conn
            .busy_timeout(Duration::from_millis(BUSY_TIMEOUT_MS))?;
        done
    }

    fn merge_pieces(&self, indexes: &[&str], how: Upkeep) -> Result<bool> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut more = false;
        for fts in indexes {
            match how {
                Upkeep::Whole => {
                    tx.execute(&format!("INSERT INTO {fts}({fts}) VALUES ('optimize')"), [])?;
                }
                Upkeep::Step(pages) => {
                    // Two pieces of a size are enough to merge (FTS5 waits for four).
                    tx.execute(
                        &format!("INSERT INTO {fts}({fts}, rank) VALUES ('usermerge', 2)"),
                        [],
                    )?;
                    let before = self.conn.total_changes();
                    tx.execute(
                        &format!("INSERT INTO {fts}({fts}, rank) VALUES ('merge', ?1)"),
                        [pages],
                    )?;
                    // FTS5 tells that a merge did some work by two changes or more.
                    more |= self.conn.total_changes() - before >= 2;
                }
            }
        }
        tx.commit()?;
        Ok(more)
    }
}
