//! The Conflictos screen: the open conflicts, read from the store; deciding one is a write
//! that can be undone like any other. A decision the file cannot take now (another program
//! holds it) is not dropped in silence: it stays pending and the status bar says so.
use super::{App, Undoable};
use crate::domain::ConflictItem;
use crate::i18n::{t, tf, Msg};
use crate::store::{self, Resolution, StoreError};
use crate::ui::action::Decision;
use crate::ui::conflicts::Conflicts;
use crate::ui::overlay::Overlay;

/// How many fields the screen holds at a time.
const SHOWN: usize = 500;

fn item(c: store::ConflictView) -> ConflictItem {
    ConflictItem {
        ids: c.ids,
        field: c.col,
        item: c.item,
        current: store::value_text(&c.current),
        lost: store::value_text(&c.lost),
        lost_machine: c.lost_machine,
        lost_at: c.lost_at,
    }
}

impl App {
    fn conflicts_overlay(&mut self) -> Option<&mut Conflicts> {
        self.screen.overlays.iter_mut().find_map(|o| match o {
            Overlay::Conflicts(c) => Some(c),
            _ => None,
        })
    }

    pub(super) fn open_conflicts(&mut self) {
        let loaded = self.store.open_conflicts(SHOWN);
        if let Some(items) = self.report(loaded) {
            let items = items.into_iter().map(item).collect();
            self.push(Overlay::Conflicts(Conflicts::new(items, 0)));
        }
    }

    /// Reads the open conflicts again, keeping the place on the list (and a mix being written).
    /// Reads Conflictos again when it is open, keeping its selection and an open editor.
    pub(super) fn reload_conflicts(&mut self) {
        if self.conflicts_overlay().is_none() {
            return;
        }
        let loaded = self.store.open_conflicts(SHOWN);
        let Some(items) = self.report(loaded) else {
            return;
        };
        let items: Vec<ConflictItem> = items.into_iter().map(item).collect();
        if let Some(c) = self.conflicts_overlay() {
            let editor = c.editor.take();
            let selected = c.selected;
            *c = Conflicts::new(items, selected);
            c.editor = editor;
        }
    }

    pub(super) fn decide(&mut self, decision: Decision) {
        let Some(c) = self.conflicts_overlay() else {
            return;
        };
        let Some(chosen) = c.items.get(c.selected).cloned() else {
            return;
        };
        let resolution = match decision {
            Decision::KeepCurrent => Resolution::KeepCurrent,
            Decision::TakeOther => Resolution::TakeLost,
            Decision::Mix(text) => Resolution::Edited(text),
        };
        match self.store.resolve_field(&chosen.ids, resolution) {
            Ok(change) => {
                if let Some(c) = self.conflicts_overlay() {
                    c.editor = None;
                }
                self.undo.push(Undoable {
                    label: tf(Msg::UndoLabelResolve, &[&chosen.item]),
                    change,
                    target: None,
                });
                self.reload_all();
                self.say(tf(Msg::DidResolve, &[&chosen.item]));
            }
            Err(StoreError::Sqlite(e))
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                self.screen.say(t(Msg::ConflictBusy).to_owned(), true);
            }
            Err(e @ StoreError::AlreadyDecided { .. }) => {
                self.screen.say(e.to_string(), true);
                self.reload_all();
            }
            Err(e) => self.screen.say(e.to_string(), true),
        }
    }
}
