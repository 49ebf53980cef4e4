//! Import and export: one module per format. Every import follows one pattern:
//! **parse** the file into plain items, **plan** what each would do to the store (new,
//! updated, unchanged, skipped and why), show the plan as a **preview**, then **apply** it in
//! one transaction of typed store commands (all or nothing). The console and the command line
//! show the same preview, from [`Plan::preview`].
pub mod archive;
pub mod bulletin;
pub mod contacts;
pub mod ical;
pub mod mail;
pub mod media;
pub mod output;
pub mod reach;

use serde::Serialize;

use crate::domain::text::printable;
use crate::i18n::{t, tf, Msg};

/// A file read and planned, ready to write: what every import gives its command and its
/// console screen.
pub trait Planned {
    fn plan(&self) -> &Plan;
    /// Writes the plan in one transaction: all of it, or nothing. Returns what was written
    /// and the change made (the console keeps it to undo the import).
    fn write(
        self,
        store: &mut crate::store::Store,
    ) -> Result<(Counts, crate::store::Change), ical::ImportError>;
    /// A plan the user said no to: what preparing it left behind is taken back (the copies a
    /// media import made in the media folder before asking). Nothing, for most imports.
    fn discard(self, _store: &crate::store::Store)
    where
        Self: Sized,
    {
    }
}

/// Every import's prepared file is planned the same way: its plan, and its writer (and,
/// after `=>`, what takes back what preparing it left, when it leaves something).
macro_rules! planned {
    ($($prepared:ty $(=> $discard:ident)?),+) => {$(
        impl Planned for $prepared {
            fn plan(&self) -> &Plan {
                &self.plan
            }
            fn write(
                self,
                store: &mut crate::store::Store,
            ) -> Result<(Counts, crate::store::Change), ical::ImportError> {
                self.apply_recorded(store)
            }
            $(fn discard(self, store: &crate::store::Store) {
                self.$discard(store);
            })?
        }
    )+};
}

planned!(
    ical::Prepared,
    contacts::Prepared,
    reach::Prepared,
    archive::Prepared => discard_copies
);

/// What importing one item would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "reason", rename_all = "snake_case")]
pub enum Outcome {
    New,
    Updated,
    Unchanged,
    /// Not imported; the reason is the Spanish (or English) text the user reads.
    Skipped(String),
}

/// One item of an import: what it is called and what importing it would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    /// How the user recognises it: a title and a date, a name.
    pub label: String,
    /// Where it is in the file (1-based line), when known.
    pub line: Option<usize>,
    pub outcome: Outcome,
}

/// How many items of each outcome a plan holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.new + self.updated + self.unchanged + self.skipped
    }

    /// Whether applying the plan would write anything.
    pub fn writes(&self) -> bool {
        self.new + self.updated > 0
    }
}

/// What an import would do, item by item, before anything is written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The file it was read from, as the user named it.
    pub source: String,
    pub items: Vec<PlanItem>,
    /// Notices about the whole file that are not one item's (an unknown time zone taken as
    /// the office's, say).
    pub notices: Vec<String>,
}

impl Plan {
    pub fn new(source: impl Into<String>) -> Plan {
        Plan {
            source: source.into(),
            ..Plan::default()
        }
    }

    /// Adds an item. What came from the file is shown as printable text, not too long (a
    /// title or a name may hold a terminal's escape sequences, or a whole page).
    pub fn push(&mut self, label: impl Into<String>, line: Option<usize>, outcome: Outcome) {
        let outcome = match outcome {
            Outcome::Skipped(reason) => Outcome::Skipped(printable(&reason, 300)),
            other => other,
        };
        self.items.push(PlanItem {
            label: printable(&label.into(), 160),
            line,
            outcome,
        });
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for item in &self.items {
            match item.outcome {
                Outcome::New => c.new += 1,
                Outcome::Updated => c.updated += 1,
                Outcome::Unchanged => c.unchanged += 1,
                Outcome::Skipped(_) => c.skipped += 1,
            }
        }
        c
    }

    /// The preview as lines of text, in the user's language: the counts, then a short list of
    /// what is new and updated (at most `limit` of each), then every skipped item with its
    /// line and reason, then the notices. The command line prints it; the console shows it in
    /// its preview overlay.
    pub fn preview(&self, limit: usize) -> Vec<String> {
        let c = self.counts();
        let mut out = vec![
            tf(Msg::ImportFrom, &[&self.source]),
            tf(
                Msg::ImportCounts,
                &[&c.new, &c.updated, &c.unchanged, &c.skipped],
            ),
        ];
        for (msg, wanted) in [
            (Msg::ImportListNew, Outcome::New),
            (Msg::ImportListUpdated, Outcome::Updated),
        ] {
            let matching: Vec<&PlanItem> =
                self.items.iter().filter(|i| i.outcome == wanted).collect();
            if matching.is_empty() {
                continue;
            }
            out.push(t(msg).to_owned());
            for item in matching.iter().take(limit) {
                out.push(tf(Msg::ImportItem, &[&item.label]));
            }
            if matching.len() > limit {
                out.push(tf(Msg::ImportMore, &[&(matching.len() - limit)]));
            }
        }
        let skipped: Vec<&PlanItem> = self
            .items
            .iter()
            .filter(|i| matches!(i.outcome, Outcome::Skipped(_)))
            .collect();
        if !skipped.is_empty() {
            out.push(t(Msg::ImportListSkipped).to_owned());
            for item in skipped {
                if let Outcome::Skipped(reason) = &item.outcome {
                    out.push(match item.line {
                        Some(line) => tf(
                            Msg::ImportSkippedAt,
                            &[&self.source, &line, &item.label, reason],
                        ),
                        None => tf(Msg::ImportSkipped, &[&item.label, reason]),
                    });
                }
            }
        }
        for notice in &self.notices {
            out.push(tf(Msg::ImportNotice, &[notice]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_preview_list_every_skipped_item() {
        let mut plan = Plan::new("agenda.ics");
        plan.push("A", Some(3), Outcome::New);
        plan.push("B", Some(9), Outcome::Unchanged);
        plan.push("C", Some(20), Outcome::Skipped("sin fecha".into()));
        let c = plan.counts();
        assert_eq!((c.new, c.updated, c.unchanged, c.skipped), (1, 0, 1, 1));
        assert!(c.writes());
        let lines = plan.preview(10).join("\n");
        assert!(lines.contains("sin fecha"), "{lines}");
        assert!(lines.contains("20"), "{lines}");
    }
}
