//! A publication's insights: the figures the network's export gave for it, written through
//! the one write path, so that they sync and an import is undone like any other.
use super::{Tx, Value};
use crate::domain::reach::Insights;
use crate::store::error::Result;

impl Tx<'_, '_> {
    /// Lays `insights` over what publication `id` keeps: each figure the export gave, and
    /// the post's id when it gave one (a figure it left empty keeps the one there was). When
    /// anything changed, the day it was read (today) is kept too. Returns how many fields
    /// changed: 0 when the publication already said all of it (no op is written).
    pub fn set_insights(&mut self, id: &str, insights: &Insights) -> Result<usize> {
        self.live("publications", id)?;
        let f = &insights.figures;
        let mut fields: Vec<(&str, Value)> = [
            ("reach", f.reach),
            ("reactions", f.reactions),
            ("comments", f.comments),
            ("shares", f.shares),
        ]
        .into_iter()
        .filter_map(|(col, v)| v.map(|v| (col, Value::Integer(v.max(0)))))
        .collect();
        let post_id = insights.post_id.trim();
        if !post_id.is_empty() {
            fields.push(("post_id", Value::Text(post_id.to_owned())));
        }
        let changed = self.w.update("publications", id, &fields)?;
        if changed > 0 {
            let today = self.now.get(..10).unwrap_or_default().to_owned();
            self.w
                .update("publications", id, &[("insights_on", Value::Text(today))])?;
        }
        Ok(changed)
    }
}
