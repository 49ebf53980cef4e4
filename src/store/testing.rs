//! Raw writes for tests that must build histories no command would (property tests of the
//! merge over every table and column). Not for the product: a test checks that nothing under
//! `src/` outside the store uses it.
use super::error::Result;
use super::{Store, Value};

/// Inserts a row with these fields, through the write path (so it is recorded as ops).
pub fn insert(store: &mut Store, table: &str, id: &str, fields: &[(&str, Value)]) -> Result<()> {
    store.write("test.insert", |w| w.insert(table, id, fields))
}

/// Changes fields of a row, through the write path.
pub fn update(store: &mut Store, table: &str, id: &str, fields: &[(&str, Value)]) -> Result<usize> {
    store.write("test.update", |w| w.update(table, id, fields))
}

/// Deletes a row (a tombstone), through the write path.
pub fn delete(store: &mut Store, table: &str, id: &str) -> Result<()> {
    store.write("test.delete", |w| w.delete(table, id))
}
