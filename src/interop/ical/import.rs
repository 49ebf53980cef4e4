//! PENDING the agenda model (EventInput.uid/all_day/kind, SeriesInput, Record::Series,
//! Store::event_by_uid / series_by_uid / series_occurrences / time_zone): not yet in the module
//! tree. Once the model is merged, `mod.rs` declares `mod import; mod plan; pub mod export;`
//! and re-exports `import::{prepare, prepare_text, Prepared}`.
use std::path::Path;

use super::{parse, plan, read_file, ImportError};

/// A file read and planned against the store, not yet written.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub plan: crate::interop::Plan,
    actions: Vec<plan::Action>,
}

/// Reads a calendar file and plans it against the store: nothing is written.
pub fn prepare(path: &Path, store: &crate::store::Store) -> Result<Prepared, ImportError> {
    let text = read_file(path)?;
    prepare_text(&path.display().to_string(), &text, store)
}

/// [`prepare`] for text already read (`source` names it in the preview).
pub fn prepare_text(
    source: &str,
    text: &str,
    store: &crate::store::Store,
) -> Result<Prepared, ImportError> {
    let office = store.time_zone();
    let calendar = parse::read(text, office)?;
    let horizon = crate::domain::recurrence::horizon(store.local_now().date());
    let (plan, actions) = plan::plan(source, calendar, store, office, horizon)?;
    Ok(Prepared { plan, actions })
}

impl Prepared {
    /// Writes the plan in one transaction of typed commands: all of it, or nothing.
    pub fn apply(self, store: &mut crate::store::Store) -> Result<crate::interop::Counts, ImportError> {
        use crate::domain::edit::{Command, Record};
        let counts = self.plan.counts();
        if self.actions.is_empty() {
            return Ok(counts);
        }
        store.batch("import.agenda", |tx| {
            for action in &self.actions {
                let cmd = match action {
                    plan::Action::CreateEvent(e) => Command::Create {
                        id: None,
                        record: Record::Event(e.clone()),
                    },
                    plan::Action::UpdateEvent(id, e) => Command::Update {
                        id: id.clone(),
                        record: Record::Event(e.clone()),
                    },
                    plan::Action::CreateSeries(s) => Command::Create {
                        id: None,
                        record: Record::Series(s.clone()),
                    },
                    plan::Action::UpdateSeries(id, s) => Command::Update {
                        id: id.clone(),
                        record: Record::Series(s.clone()),
                    },
                    plan::Action::Occurrence {
                        uid,
                        recurrence_id,
                        input,
                    } => match tx.occurrence_id(uid, recurrence_id)? {
                        Some(id) => Command::Update {
                            id,
                            record: Record::Event(input.clone()),
                        },
                        // Planned against the rule's occurrences; the store made none for it
                        // (past its horizon): nothing to change.
                        None => continue,
                    },
                };
                tx.run(&cmd)?;
            }
            Ok(())
        })?;
        Ok(counts)
    }
}
