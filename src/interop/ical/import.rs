//! Import: [`prepare`] reads a calendar and plans it against the store (nothing written);
//! [`Prepared::apply`] writes the plan in one batch of typed commands.
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
    let now = store.local_now();
    let today = now
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let (plan, actions) = plan::plan(source, calendar, store, office, today)?;
    Ok(Prepared { plan, actions })
}

impl Prepared {
    /// Writes the plan in one transaction of typed commands: all of it, or nothing.
    pub fn apply(
        self,
        store: &mut crate::store::Store,
    ) -> Result<crate::interop::Counts, ImportError> {
        self.apply_recorded(store).map(|(counts, _)| counts)
    }

    /// The same, also returning the change made (the console keeps it to undo the import).
    pub fn apply_recorded(
        self,
        store: &mut crate::store::Store,
    ) -> Result<(crate::interop::Counts, crate::store::Change), ImportError> {
        use crate::domain::edit::{Command, Record};
        use crate::domain::ids::occurrence_id;
        use std::collections::HashMap;
        let counts = self.plan.counts();
        if self.actions.is_empty() {
            return Ok((counts, crate::store::Change::default()));
        }
        let ((), change) = store.batch("import.agenda", |tx| {
            // The series this batch creates, by UID: their overrides address occurrences by
            // the series' id, which is known once it is written.
            let mut created: HashMap<&str, String> = HashMap::new();
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
                    plan::Action::CreateSeries(s) => {
                        let target = tx.run(&Command::Create {
                            id: None,
                            record: Record::Series(s.clone()),
                        })?;
                        created.insert(s.uid.as_str(), target.id);
                        continue;
                    }
                    plan::Action::UpdateSeries(id, s) => Command::Update {
                        id: id.clone(),
                        record: Record::Series(s.clone()),
                    },
                    plan::Action::Occurrence {
                        series,
                        recurrence_id,
                        input,
                    } => {
                        let series_id = match series {
                            plan::SeriesRef::Stored(id) => id.clone(),
                            plan::SeriesRef::New(uid) => match created.get(uid.as_str()) {
                                Some(id) => id.clone(),
                                // Planned with a series the batch did not write: nothing
                                // to change.
                                None => continue,
                            },
                        };
                        Command::Update {
                            id: occurrence_id(&series_id, recurrence_id),
                            record: Record::Event(input.clone()),
                        }
                    }
                };
                tx.run(&cmd)?;
            }
            Ok(())
        })?;
        Ok((counts, change))
    }
}
