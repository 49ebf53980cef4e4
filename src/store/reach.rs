//! Reach, read: the publications an import of insights is matched against, and a month's
//! figures per department, campaign and channel with the publications that reached furthest.
use rusqlite::{named_params, Row};

use super::error::{Result, StoreError};
use super::Store;
use crate::domain::edit::{Invalid, Problem};
use crate::domain::reach::{month_span, Figures, Posted, ReachLine, ReachTotals, TopPost};

/// What an import compares: a publication, its piece's title and the opening of its text and
/// of its version for the publication's channel.
const POSTED: &str = "
    SELECT p.id, p.channel, p.published_at, p.url, p.post_id,
           coalesce(x.title, ''), substr(coalesce(x.body, ''), 1, 800),
           coalesce((SELECT substr(v.body, 1, 800) FROM variants v
                     WHERE v.draft_id = p.draft_id AND v.channel = p.channel
                       AND v.deleted_at IS NULL
                     ORDER BY v.id LIMIT 1), ''),
           p.reach, p.reactions, p.comments, p.shares
    FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id";

/// The publications of one channel published between two times (both included), from the
/// date index.
fn between_sql() -> String {
    format!(
        "{POSTED} WHERE p.deleted_at IS NULL AND p.channel = :channel
           AND p.published_at >= :from AND p.published_at <= :to
         ORDER BY p.published_at, p.id"
    )
}

/// Every publication with an address or a post id: what a row's permalink is looked up in
/// (addresses are compared once normalised, which no index can do: one read per import, of
/// the few columns it needs — no text but the title, for the preview).
const ADDRESSED: &str = "
    SELECT p.id, p.channel, p.published_at, p.url, p.post_id,
           substr(coalesce(x.title, ''), 1, 160), '', '',
           p.reach, p.reactions, p.comments, p.shares
    FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id
    WHERE p.deleted_at IS NULL AND (p.url <> '' OR p.post_id <> '')
    ORDER BY p.published_at, p.id";

fn posted(r: &Row) -> rusqlite::Result<Posted> {
    Ok(Posted {
        id: r.get(0)?,
        channel: r.get(1)?,
        published_at: r.get(2)?,
        url: r.get(3)?,
        post_id: r.get(4)?,
        title: r.get(5)?,
        body: r.get(6)?,
        variant: r.get(7)?,
        figures: figures_at(r, 8)?,
    })
}

/// The four figures, from column `first` on.
fn figures_at(r: &Row, first: usize) -> rusqlite::Result<Figures> {
    Ok(Figures {
        reach: r.get(first)?,
        reactions: r.get(first + 1)?,
        comments: r.get(first + 2)?,
        shares: r.get(first + 3)?,
    })
}

/// The month's publications with insights, each with its department (its own, else its
/// piece's report's, event's or campaign's) and its piece's campaign.
const MONTH: &str = "
    WITH pub AS (
      SELECT p.id, p.channel, p.published_at, p.url, p.draft_id,
             p.reach, p.reactions, p.comments, p.shares,
             coalesce(nullif(p.department_id, ''),
                      (SELECT coalesce(r.department_id, e.department_id, c.department_id)
                       FROM drafts x
                       LEFT JOIN reports r ON r.id = x.report_id
                       LEFT JOIN events e ON e.id = x.event_id
                       LEFT JOIN campaigns c ON c.id = x.campaign_id
                       WHERE x.id = p.draft_id), '') AS dep,
             coalesce((SELECT x.campaign_id FROM drafts x WHERE x.id = p.draft_id), '') AS camp
      FROM publications p
      WHERE p.deleted_at IS NULL AND p.published_at >= :from AND p.published_at < :to
        AND coalesce(p.reach, p.reactions, p.comments, p.shares) IS NOT NULL)";

const SUMS: &str = "count(*), coalesce(sum(reach), 0), coalesce(sum(reactions), 0),
                    coalesce(sum(comments), 0), coalesce(sum(shares), 0)";

fn grouped_sql(group: &str) -> String {
    let (key, label, join) = match group {
        "department" => (
            "pub.dep",
            "coalesce(nullif(d.short_name, ''), d.name, '')",
            "LEFT JOIN departments d ON d.id = pub.dep",
        ),
        "campaign" => (
            "pub.camp",
            "coalesce(k.name, '')",
            "LEFT JOIN campaigns k ON k.id = pub.camp",
        ),
        _ => ("pub.channel", "pub.channel", ""),
    };
    format!(
        "{MONTH} SELECT {key}, {label}, {SUMS} FROM pub {join}
         GROUP BY {key} ORDER BY 4 DESC, 2, 1"
    )
}

fn total_sql() -> String {
    format!("{MONTH} SELECT '', '', {SUMS} FROM pub")
}

fn top_sql() -> String {
    format!(
        "{MONTH} SELECT pub.id, pub.channel, pub.published_at,
                coalesce((SELECT x.title FROM drafts x WHERE x.id = pub.draft_id), ''), pub.url,
                pub.reach, pub.reactions, pub.comments, pub.shares
         FROM pub ORDER BY coalesce(pub.reach, 0) DESC, pub.published_at, pub.id
         LIMIT :limit"
    )
}

fn line(r: &Row) -> rusqlite::Result<ReachLine> {
    Ok(ReachLine {
        key: r.get(0)?,
        label: r.get(1)?,
        publications: r.get(2)?,
        reach: r.get(3)?,
        reactions: r.get(4)?,
        comments: r.get(5)?,
        shares: r.get(6)?,
    })
}

/// How many publications the month's top lists.
pub const TOP: usize = 10;

impl Store {
    /// The publications of `channel` published from `from` to `to` (`YYYY-MM-DDTHH:MM`, both
    /// included).
    pub fn posted_between(&self, channel: &str, from: &str, to: &str) -> Result<Vec<Posted>> {
        let mut stmt = self.conn().prepare_cached(&between_sql())?;
        let rows = stmt
            .query_map(
                named_params! {":channel": channel, ":from": from, ":to": to},
                posted,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every live publication with an address or a post id (its title, not its text).
    pub fn posted_with_address(&self) -> Result<Vec<Posted>> {
        let mut stmt = self.conn().prepare_cached(ADDRESSED)?;
        let rows = stmt
            .query_map([], posted)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The reach of `month` (`YYYY-MM`): publications with insights and their figures in all,
    /// per department, per campaign and per channel, and the [`TOP`] that reached furthest.
    /// A publication without a department or a campaign counts in a line with an empty key.
    pub fn reach_totals(&self, month: &str) -> Result<ReachTotals> {
        let Some((from, to)) = month_span(month.trim()) else {
            return Err(StoreError::Invalid(Invalid {
                field: "month",
                problem: Problem::BadDate,
            }));
        };
        let conn = self.conn();
        let span = named_params! {":from": from, ":to": to};
        let total = conn.prepare_cached(&total_sql())?.query_row(span, line)?;
        let mut groups = Vec::new();
        for group in ["department", "campaign", "channel"] {
            let lines: Vec<ReachLine> = conn
                .prepare_cached(&grouped_sql(group))?
                .query_map(span, line)?
                .collect::<rusqlite::Result<_>>()?;
            groups.push(lines);
        }
        let top = conn
            .prepare_cached(&top_sql())?
            .query_map(
                named_params! {":from": from, ":to": to, ":limit": TOP as i64},
                |r| {
                    Ok(TopPost {
                        id: r.get(0)?,
                        channel: r.get(1)?,
                        published_at: r.get(2)?,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        figures: figures_at(r, 5)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut groups = groups.into_iter();
        Ok(ReachTotals {
            month: month.trim().to_owned(),
            total,
            departments: groups.next().unwrap_or_default(),
            campaigns: groups.next().unwrap_or_default(),
            channels: groups.next().unwrap_or_default(),
            top,
        })
    }
}
