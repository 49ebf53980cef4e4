//! From the rows of an export to what the publications would keep. A row is tied to one
//! publication, or to none, in this order:
//! 1. the post's id, when an earlier import kept it on exactly one publication;
//! 2. the post's address, compared once normalised ([`post_key`]), on exactly one;
//! 3. its publish time and its words: the one publication of the same network published
//!    within [`WINDOW_MINUTES`] of it whose piece shares a clear part of its message
//!    ([`shares_text`]), and that no other address or post id claims.
//!
//! Anything else is listed with the reason, and not written: two publications that fit are
//! never chosen between.
use std::collections::HashMap;

use super::InsightRow;
use crate::domain::reach::{post_key, shares_text, shifted, Insights, Posted};
use crate::domain::text::printable;
use crate::i18n::{t, tf, Msg};
use crate::interop::ical::ImportError;
use crate::interop::{Counts, Outcome, Plan};
use crate::store::{Change, Store};

/// How far from a row's publish time a publication may have gone out to be its post.
pub const WINDOW_MINUTES: i64 = 90;

/// A file read and planned against the publications, not yet written.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub plan: Plan,
    /// What to write: (publication id, what the row says of it). Rows that change nothing
    /// are not here.
    writes: Vec<(String, Insights)>,
}

/// How a row found its publication.
#[derive(Clone, Copy)]
enum By {
    PostId,
    Address,
    TimeAndText,
}

impl By {
    fn text(self) -> &'static str {
        t(match self {
            By::PostId => Msg::ReachByPostId,
            By::Address => Msg::ReachByAddress,
            By::TimeAndText => Msg::ReachByTime,
        })
    }
}

/// The network a post's address is on (`instagram` for instagram.com, else `facebook`).
fn channel_of(permalink: &str) -> &'static str {
    match post_key(permalink) {
        Some(k) if matches!(k.split('/').next(), Some("instagram.com" | "instagr.am")) => {
            "instagram"
        }
        _ => "facebook",
    }
}

/// Whether a normalised address is a post on a network (not a page of the office's own
/// site, or a link to a note the post shared).
fn on_network(key: &str) -> bool {
    let host = key.split('/').next().unwrap_or("");
    matches!(
        host,
        "facebook.com" | "instagram.com" | "fb.watch" | "instagr.am"
    )
}

/// A row as the preview names it when it has no publication: its time and its words.
fn row_label(row: &InsightRow) -> String {
    let time = row
        .published_at
        .as_deref()
        .map(|at| at.replace('T', " "))
        .unwrap_or_else(|| row.time_text.clone());
    let words = if row.message.trim().is_empty() {
        row.permalink.clone()
    } else {
        row.message.clone()
    };
    tf(Msg::ReachRowLabel, &[&time, &printable(&words, 60)])
}

fn post_label(p: &Posted, by: By) -> String {
    let title = if p.title.trim().is_empty() {
        printable(&p.body, 60)
    } else {
        printable(&p.title, 60)
    };
    tf(
        Msg::ReachLabel,
        &[&p.published_at.replace('T', " "), &title, &by.text()],
    )
}

/// What the store already knows of addresses and post ids.
struct Known {
    posts: Vec<Posted>,
    by_address: HashMap<String, Vec<usize>>,
    by_post_id: HashMap<String, Vec<usize>>,
}

impl Known {
    fn read(store: &Store) -> Result<Known, ImportError> {
        let posts = store.posted_with_address()?;
        let mut by_address: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_post_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in posts.iter().enumerate() {
            if let Some(k) = post_key(&p.url) {
                by_address.entry(k).or_default().push(i);
            }
            if !p.post_id.trim().is_empty() {
                by_post_id
                    .entry(p.post_id.trim().to_owned())
                    .or_default()
                    .push(i);
            }
        }
        Ok(Known {
            posts,
            by_address,
            by_post_id,
        })
    }
}

/// The one publication a row is, or why there is none.
fn find(
    row: &InsightRow,
    known: &Known,
    store: &Store,
) -> Result<Result<(Posted, By), String>, ImportError> {
    if let Some(found) = known.by_post_id.get(row.post_id.trim()) {
        if let [one] = found[..] {
            return Ok(Ok((known.posts[one].clone(), By::PostId)));
        }
    }
    let key = post_key(&row.permalink);
    if let Some(found) = key.as_ref().and_then(|k| known.by_address.get(k)) {
        return Ok(match found[..] {
            [one] => Ok((known.posts[one].clone(), By::Address)),
            _ => Err(tf(Msg::ReachManyAddress, &[&found.len()])),
        });
    }
    let Some(at) = row.published_at.as_deref() else {
        return Ok(Err(if row.time_text.trim().is_empty() {
            t(Msg::ReachNoAddressNoTime).to_owned()
        } else {
            tf(Msg::ReachBadTime, &[&printable(&row.time_text, 40)])
        }));
    };
    let (Some(from), Some(to)) = (shifted(at, -WINDOW_MINUTES), shifted(at, WINDOW_MINUTES)) else {
        return Ok(Err(tf(
            Msg::ReachBadTime,
            &[&printable(&row.time_text, 40)],
        )));
    };
    let channel = channel_of(&row.permalink);
    // A publication that another post's address or id names is that post, not this one.
    let near: Vec<Posted> = store
        .posted_between(channel, &from, &to)?
        .into_iter()
        .filter(|p| p.post_id.trim().is_empty() || p.post_id.trim() == row.post_id.trim())
        .filter(|p| match (post_key(&p.url), &key) {
            (Some(theirs), Some(ours)) if on_network(&theirs) => theirs == *ours,
            _ => true,
        })
        .collect();
    if near.is_empty() {
        return Ok(Err(tf(
            Msg::ReachNoneNear,
            &[&channel, &from.replace('T', " "), &to.replace('T', " ")],
        )));
    }
    let fit: Vec<&Posted> = near
        .iter()
        .filter(|p| shares_text(&row.message, &p.title, &[&p.body, &p.variant]))
        .collect();
    Ok(match fit[..] {
        [one] => Ok((one.clone(), By::TimeAndText)),
        [] => Err(tf(Msg::ReachNoText, &[&channel, &near.len()])),
        _ => Err(tf(Msg::ReachManyFit, &[&fit.len()])),
    })
}

pub(super) fn plan(
    source: &str,
    rows: Vec<InsightRow>,
    notices: Vec<String>,
    store: &Store,
) -> Result<Prepared, ImportError> {
    let known = Known::read(store)?;
    let mut plan = Plan::new(source);
    plan.notices = notices;
    let mut writes = Vec::new();
    // The publications this file already gave figures to, and the line that did.
    let mut taken: HashMap<String, usize> = HashMap::new();
    for row in rows {
        if let Some(reason) = &row.broken {
            plan.push(
                row_label(&row),
                Some(row.line),
                Outcome::Skipped(reason.clone()),
            );
            continue;
        }
        let (post, by) = match find(&row, &known, store)? {
            Ok(found) => found,
            Err(reason) => {
                plan.push(row_label(&row), Some(row.line), Outcome::Skipped(reason));
                continue;
            }
        };
        if let Some(first) = taken.get(&post.id) {
            plan.push(
                post_label(&post, by),
                Some(row.line),
                Outcome::Skipped(tf(Msg::ReachTwice, &[first])),
            );
            continue;
        }
        taken.insert(post.id.clone(), row.line);
        let figures = post.figures.updated_by(&row.figures);
        let post_id = row.post_id.trim();
        let same = figures == post.figures && (post_id.is_empty() || post_id == post.post_id);
        let outcome = if same {
            Outcome::Unchanged
        } else {
            writes.push((
                post.id.clone(),
                Insights {
                    post_id: post_id.to_owned(),
                    figures: row.figures,
                },
            ));
            Outcome::Updated
        };
        plan.push(post_label(&post, by), Some(row.line), outcome);
    }
    Ok(Prepared { plan, writes })
}

impl Prepared {
    /// Writes the plan in one transaction: all of it, or nothing.
    pub fn apply(self, store: &mut Store) -> Result<Counts, ImportError> {
        self.apply_recorded(store).map(|(c, _)| c)
    }

    /// The same, also returning the change made (the console keeps it to undo the import).
    pub fn apply_recorded(self, store: &mut Store) -> Result<(Counts, Change), ImportError> {
        let counts = self.plan.counts();
        if self.writes.is_empty() {
            return Ok((counts, Change::default()));
        }
        let ((), change) = store.batch("import.reach", |tx| {
            for (id, insights) in &self.writes {
                tx.set_insights(id, insights)?;
            }
            Ok(())
        })?;
        Ok((counts, change))
    }
}
