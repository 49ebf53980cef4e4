//! Sending to the media from the console: a published piece to a list, one delivery per
//! person, in one write that `u` takes back.
use super::App;
use crate::domain::edit::{RecordKind, Target};
use crate::i18n::{tf, Msg};
use crate::ui::overlay::Overlay;
use crate::ui::Action;

impl App {
    pub(super) fn distribute(&mut self, draft: String, list: String) {
        let title = self.title_of(&Target::new(RecordKind::Draft, draft.clone()));
        let mut counts = crate::store::Distributed::default();
        let saved = self.run_batch(
            "distributions.create",
            tf(Msg::UndoLabelDistribute, &[&title]),
            |tx| {
                counts = tx.distribute(None, &draft, &list)?;
                Ok(Target::new(RecordKind::Distribution, counts.id.clone()))
            },
        );
        match saved {
            Ok(target) => {
                self.update(Action::PopForm);
                self.update(Action::OpenLink(target));
                self.say(tf(
                    Msg::DidDistribute,
                    &[&title, &counts.prepared, &counts.left_out, &counts.already],
                ));
            }
            Err(e) => match self.screen.overlays.last_mut() {
                Some(Overlay::Form(form)) => form.set_error("draft_id", e.to_string()),
                _ => self.screen.say(e.to_string(), true),
            },
        }
    }
}
