//! The Conflictos screen's actions: load the open conflicts, settle one, and know when text
//! typed in the editor is not saved yet.
use super::App;
use crate::store::{self, Resolution};
use crate::ui::{ConflictsView, View};

impl App {
    /// Text typed and not saved: quitting asks first.
    pub fn has_unsaved(&self) -> bool {
        self.view
            .conflicts
            .as_ref()
            .and_then(|c| c.editor.as_ref().zip(c.items.get(c.selected)))
            .is_some_and(|(editor, item)| {
                editor.lines().join("\n") != store::value_text(&item.current)
            })
    }

    pub(super) fn load_conflicts(&mut self) -> store::Result<()> {
        let items = self.store.open_conflicts(500)?;
        let selected = self
            .view
            .conflicts
            .as_ref()
            .map(|c| c.selected)
            .unwrap_or(0);
        self.view.conflicts = Some(ConflictsView {
            selected: selected.min(items.len().saturating_sub(1)),
            items,
            editor: None,
        });
        Ok(())
    }

    /// Settles the selected conflict, then shows what is left.
    pub(super) fn resolve(&mut self, resolution: Resolution) {
        let ids = self
            .view
            .conflicts
            .as_ref()
            .and_then(|c| c.items.get(c.selected))
            .map(|item| item.ids.clone());
        if let Some(ids) = ids {
            let done = self.store.resolve_field(&ids, resolution);
            self.report(done);
            let reloaded = self.load_conflicts();
            self.report(reloaded);
            let status = self.store.status().map(|s| self.view.status = s);
            self.report(status);
            // The item may have changed: lists read it again when next shown.
            let (tab, conflicts) = (self.view.tab, self.view.conflicts.take());
            let now = self.view.now;
            let status = self.view.status.clone();
            self.view = View {
                conflicts,
                status,
                ..View::new(now)
            };
            self.show(tab);
        }
    }
}
