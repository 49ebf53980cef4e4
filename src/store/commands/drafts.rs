//! Drafts, their versions per network and their publications; approval and press-release
//! folios (`CS/045/2023`: sequential per year, never reused).
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::settings::{rules, setting};
use super::{flag, opt, text, Fields, Tx};
use crate::domain::compliance::{check, Finding, Piece, Rules, Severity, Version};
use crate::domain::edit::{DraftInput, Invalid, Problem, PublicationInput, VariantInput};
use crate::domain::folio::{Folio, PREFIX};
use crate::domain::ids;
use crate::domain::status::{Channel, DraftKind, DraftStatus, Language};
use crate::store::error::{Result, StoreError};
use crate::store::Value;

pub(super) fn draft_fields(d: &DraftInput) -> Fields {
    vec![
        ("title", text(d.title.trim())),
        ("body", text(&d.body)),
        ("kind", text(d.kind.code())),
        ("status", text(d.status.code())),
        ("written_at", text(&d.written_at)),
        ("topic", text(d.topic.trim())),
        ("report_id", opt(&d.report_id)),
        ("event_id", opt(&d.event_id)),
        ("campaign_id", opt(&d.campaign_id)),
        ("author_id", opt(&d.author_id)),
        ("approved_by", text(&d.approved_by)),
        ("approved_at", text(&d.approved_at)),
        ("review_comment", text(d.review_comment.trim())),
        ("scheduled_for", text(&d.scheduled_for)),
    ]
}

pub(super) fn variant_fields(v: &VariantInput) -> Fields {
    vec![
        ("draft_id", text(&v.draft_id)),
        ("channel", text(v.channel.code())),
        ("body", text(&v.body)),
        (
            "char_limit",
            v.limit
                .filter(|l| *l > 0)
                .map_or(Value::Null, |l| Value::Integer(l.into())),
        ),
        ("with_image", flag(v.with_image)),
        ("alt_text", text(v.alt_text.trim())),
        ("language", text(v.language.code())),
        ("translator", text(v.translator.trim())),
        ("reviewed", flag(v.reviewed)),
    ]
}

pub(super) fn publication_fields(p: &PublicationInput) -> Fields {
    vec![
        ("draft_id", text(&p.draft_id)),
        ("channel", text(p.channel.code())),
        ("published_at", text(&p.published_at)),
        ("url", text(p.url.trim())),
    ]
}

/// Columns a new row need not write while they hold their default (no op travels for
/// them; the row is born with it everywhere).
const BORN_WITH: &[(&str, &str)] = &[
    ("review_comment", ""),
    ("scheduled_for", ""),
    ("alt_text", ""),
    ("language", "es"),
    ("translator", ""),
];

/// Leaves out of a new row's fields the ones still at their default.
pub(super) fn sparse(fields: &mut Fields) {
    fields.retain(|(col, value)| match value {
        Value::Null => *col != "char_limit",
        Value::Integer(0) => !matches!(*col, "with_image" | "reviewed"),
        Value::Text(t) => !BORN_WITH.iter().any(|(c, d)| c == col && d == t),
        _ => true,
    });
}

/// Sets a column in a list of fields, replacing it when present.
fn set(fields: &mut Fields, col: &'static str, value: Value) {
    match fields.iter_mut().find(|(c, _)| *c == col) {
        Some(f) => f.1 = value,
        None => fields.push((col, value)),
    }
}

/// A piece's live versions, in the order they were written.
pub(crate) fn variants_of(conn: &Connection, draft: &str) -> Result<Vec<VariantInput>> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT id FROM variants WHERE draft_id = ?1 AND deleted_at IS NULL
             ORDER BY created_at, id",
        )?
        .query_map([draft], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| read_variant(conn, id)).collect()
}

/// A warning acknowledged on a piece: its code, the reason, who and when.
pub(crate) type Acknowledgment = (String, String, String, String);

/// The warnings acknowledged on a piece, oldest first.
pub(crate) fn acknowledged(conn: &Connection, draft: &str) -> Result<Vec<Acknowledgment>> {
    Ok(conn
        .prepare_cached(
            "SELECT code, reason, actor, at FROM draft_checks
             WHERE draft_id = ?1 AND deleted_at IS NULL ORDER BY at, id",
        )?
        .query_map([draft], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// What the checks find in a piece going out on `on`.
pub(crate) fn findings(
    rules: &Rules,
    d: &DraftInput,
    variants: &[VariantInput],
    unconsented: &[(String, bool)],
    on: NaiveDate,
) -> Vec<Finding> {
    let piece = Piece {
        unconsented: unconsented
            .iter()
            .map(|(title, minors)| (title.as_str(), *minors))
            .collect(),
        title: &d.title,
        body: &d.body,
        topic: &d.topic,
        on,
        versions: variants
            .iter()
            .map(|v| Version {
                channel: v.channel,
                body: &v.body,
                limit: v.max_chars(),
                with_image: v.with_image,
                alt_text: &v.alt_text,
                language: v.language,
                translator: &v.translator,
                reviewed: v.reviewed,
            })
            .collect(),
    };
    check(&piece, rules)
}

/// The photos and videos of a piece that show people with no consent holding on `on`: each
/// item's title, and whether minors appear in it.
pub(crate) fn unconsented(
    conn: &rusqlite::Connection,
    draft: &str,
    on: NaiveDate,
) -> Result<Vec<(String, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.title, a.subjects = 'minors' FROM archive_items a
             WHERE a.draft_id = ?1 AND a.deleted_at IS NULL AND a.subjects <> 'none'
               AND NOT EXISTS (SELECT 1 FROM consents c
                   WHERE c.item_id = a.id AND c.deleted_at IS NULL
                     AND (c.valid_until = '' OR c.valid_until >= ?2)
                     AND (a.subjects <> 'minors' OR c.minor = 1))
             ORDER BY a.occurred_at, a.id",
        )?
        .query_map(
            rusqlite::params![draft, on.format("%Y-%m-%d").to_string()],
            |r| Ok((r.get(0)?, r.get::<_, bool>(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?)
}

/// The day a piece reaches the public: the day it is scheduled for (or was published on)
/// when it has one, else `today`.
pub(crate) fn going_out_on(d: &DraftInput, today: NaiveDate) -> NaiveDate {
    NaiveDate::parse_from_str(d.scheduled_for.get(..10).unwrap_or(""), "%Y-%m-%d").unwrap_or(today)
}

/// The department a piece's work belongs to: its report's, else its event's, else its
/// campaign's (none when it has none of them).
const PIECE_DEPARTMENT: &str = "
    SELECT coalesce(r.department_id, e.department_id, c.department_id)
    FROM drafts x
    LEFT JOIN reports r ON r.id = x.report_id
    LEFT JOIN events e ON e.id = x.event_id
    LEFT JOIN campaigns c ON c.id = x.campaign_id
    WHERE x.id = ?1";

impl Tx<'_, '_> {
    /// The department a piece's publications are credited to.
    pub(super) fn piece_department(&self, draft: &str) -> Result<Value> {
        let found: Option<Option<String>> = self
            .w
            .conn()
            .prepare_cached(PIECE_DEPARTMENT)?
            .query_row([draft], |r| r.get(0))
            .optional()?;
        Ok(match found.flatten() {
            Some(id) => Value::Text(id),
            None => Value::Null,
        })
    }

    /// A piece's links changed: its publications are credited to its department now.
    pub(super) fn credit_publications(&mut self, draft: &str) -> Result<()> {
        let department = self.piece_department(draft)?;
        let stale: Vec<String> = self
            .w
            .conn()
            .prepare_cached(
                "SELECT id FROM publications WHERE draft_id = ?1 AND deleted_at IS NULL
                   AND department_id IS NOT ?2",
            )?
            .query_map(rusqlite::params![draft, department], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in stale {
            self.w.update(
                "publications",
                &id,
                &[("department_id", department.clone())],
            )?;
        }
        Ok(())
    }

    /// What a move of a draft brings: the checks that must pass before it goes out; who
    /// approved it and when; for a press release, the next folio of its year, once; a line in
    /// its history. `existing` is the draft's id when it is already stored.
    pub(super) fn draft_rules(
        &mut self,
        id: &str,
        d: &DraftInput,
        existing: Option<&str>,
        fields: &mut Fields,
    ) -> Result<()> {
        let before = match existing {
            Some(id) => self.w.get("drafts", id, "status")?,
            None => None,
        };
        let from = match &before {
            Some(Value::Text(code)) => DraftStatus::from_code(code),
            _ => None,
        };
        // An approved or scheduled piece whose text changes goes back to review: what was
        // approved is no longer what would go out.
        let reopened = match (existing, from) {
            (Some(id), Some(prev))
                if prev == d.status
                    && matches!(prev, DraftStatus::Approved | DraftStatus::Scheduled) =>
            {
                self.text_changed(id, d)?
            }
            _ => false,
        };
        let reviewed;
        let d = if reopened {
            set(fields, "status", text(DraftStatus::Review.code()));
            reviewed = DraftInput {
                status: DraftStatus::Review,
                ..d.clone()
            };
            &reviewed
        } else {
            d
        };
        let moving = existing.is_some() && from != Some(d.status);
        if moving && d.status.goes_out() {
            self.may_go_out(id, d)?;
        }
        let was_approved = from.is_some_and(DraftStatus::has_folio);
        let approving = d.status == DraftStatus::Approved && !was_approved;
        if approving && (existing.is_some() || d.approved_by.is_empty()) {
            set(fields, "approved_by", Value::Text(self.actor.to_owned()));
            set(fields, "approved_at", Value::Text(self.now.clone()));
        }
        // The comment belongs to the rejection: the next move leaves it in the history only.
        if moving && d.status != DraftStatus::Rejected {
            set(fields, "review_comment", text(""));
        }
        if d.status != DraftStatus::Scheduled && d.status != DraftStatus::Published {
            set(fields, "scheduled_for", text(""));
        }
        if d.kind == DraftKind::Release && d.status.has_folio() {
            let current = match existing {
                Some(_) => self.w.get("drafts", id, "folio")?,
                None => None,
            };
            if current.is_none_or(|v| v == Value::Text(String::new())) {
                let year: i32 = d
                    .written_at
                    .get(..4)
                    .and_then(|y| y.parse().ok())
                    .unwrap_or_else(|| self.year());
                let folio = self.next_folio(year)?;
                let prefix = self.folio_prefix()?;
                set(fields, "folio", Value::Text(folio.with_prefix(&prefix)));
                set(fields, "folio_year", Value::Integer(folio.year as i64));
                set(fields, "folio_number", Value::Integer(folio.number as i64));
            }
        }
        if moving {
            let comment = if d.status == DraftStatus::Rejected {
                d.review_comment.trim()
            } else {
                ""
            };
            self.w.insert(
                "draft_steps",
                &ids::new_id(),
                &[
                    ("draft_id", text(id)),
                    ("status_from", text(from.map_or("", DraftStatus::code))),
                    ("status_to", text(d.status.code())),
                    ("at", text(&self.now)),
                    ("actor", text(self.actor)),
                    ("comment", text(comment)),
                ],
            )?;
        }
        Ok(())
    }

    /// Whether a piece's text (title, body, topic or kind) differs from the stored one.
    fn text_changed(&self, id: &str, d: &DraftInput) -> Result<bool> {
        let stored = self.read_draft(id)?;
        Ok(stored.title.trim() != d.title.trim()
            || stored.body != d.body
            || stored.topic.trim() != d.topic.trim()
            || stored.kind != d.kind)
    }

    /// A version of an approved or scheduled piece changed (added, edited, removed): the piece
    /// goes back to review, with the move in its history.
    pub(super) fn version_changed(&mut self, draft: &str) -> Result<()> {
        // A piece written whole in this write (an import, the demo) is not changed after its
        // approval.
        if self.new_drafts.contains(draft) || !self.w.is_live("drafts", draft)? {
            return Ok(());
        }
        let mut d = self.read_draft(draft)?;
        if !matches!(d.status, DraftStatus::Approved | DraftStatus::Scheduled) {
            return Ok(());
        }
        d.status = DraftStatus::Review;
        let mut fields: Fields = vec![("status", text(DraftStatus::Review.code()))];
        self.draft_rules(draft, &d, Some(draft), &mut fields)?;
        self.w.update("drafts", draft, &fields)?;
        Ok(())
    }

    /// Whether a piece already published may also come out on `d.scheduled_for`'s day (on
    /// another network): the same checks as its first publication.
    pub fn may_publish(&self, id: &str, d: &DraftInput) -> Result<()> {
        self.may_go_out(id, d)
    }

    /// A piece may be approved, scheduled or published only when nothing blocks it and every
    /// warning was acknowledged with a reason.
    fn may_go_out(&self, id: &str, d: &DraftInput) -> Result<()> {
        let conn = self.w.conn();
        let rules = rules(conn)?;
        let variants = variants_of(conn, id)?;
        let today = NaiveDate::parse_from_str(self.now.get(..10).unwrap_or(""), "%Y-%m-%d")
            .unwrap_or_default();
        let on = going_out_on(d, today);
        let unconsented = unconsented(conn, id, on)?;
        let found = findings(&rules, d, &variants, &unconsented, on);
        if let Some(block) = found.iter().find(|f| f.severity == Severity::Block) {
            return Err(StoreError::Blocked {
                to: d.status.code().to_owned(),
                finding: Box::new(block.clone()),
            });
        }
        let acknowledged = acknowledged(conn, id)?;
        let open: Vec<Finding> = found
            .into_iter()
            .filter(|f| !acknowledged.iter().any(|(code, ..)| *code == f.code()))
            .collect();
        if let Some(first) = open.first() {
            return Err(StoreError::Unacknowledged {
                count: open.len(),
                first: Box::new(first.clone()),
            });
        }
        Ok(())
    }

    /// Records that a warning on a piece was seen and why it may go out anyway.
    pub fn acknowledge(&mut self, draft: &str, code: &str, reason: &str) -> Result<()> {
        self.live("drafts", draft)?;
        if reason.trim().is_empty() {
            return Err(StoreError::Invalid(Invalid {
                field: "reason",
                problem: Problem::Required,
            }));
        }
        self.w.insert(
            "draft_checks",
            &ids::new_id(),
            &[
                ("draft_id", text(draft)),
                ("code", text(code)),
                ("reason", text(reason.trim())),
                ("at", text(&self.now)),
                ("actor", text(self.actor)),
            ],
        )
    }

    fn year(&self) -> i32 {
        self.now
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(2000)
    }

    /// The office's folio prefix (`CS` unless configured).
    fn folio_prefix(&self) -> Result<String> {
        Ok(match setting(self.w.conn(), FOLIO_PREFIX_SETTING)? {
            Some(p) if !p.trim().is_empty() => p.trim().to_owned(),
            _ => PREFIX.to_owned(),
        })
    }

    /// The folio after the highest ever given this year (deleted drafts included: a folio is
    /// never reused).
    fn next_folio(&self, year: i32) -> Result<Folio> {
        let highest = self.value(
            "SELECT max(folio_number) FROM drafts WHERE folio_year = ?1",
            &year.to_string(),
        )?;
        let highest = match highest {
            Some(Value::Integer(n)) if n > 0 => Some(Folio {
                year,
                number: n as u32,
            }),
            _ => None,
        };
        Ok(Folio::next(year, highest))
    }

    /// A stored piece, read inside the transaction.
    pub fn read_draft(&self, id: &str) -> Result<DraftInput> {
        read_draft(self.w.conn(), id)
    }
}

/// The setting that holds the folio prefix.
pub const FOLIO_PREFIX_SETTING: &str = "folio_prefix";

fn not_found(table: &str, id: &str) -> StoreError {
    StoreError::NotFound {
        table: table.to_owned(),
        id: id.to_owned(),
    }
}

pub(crate) fn read_draft(conn: &Connection, id: &str) -> Result<DraftInput> {
    conn.prepare_cached(
        "SELECT title, body, kind, status, written_at, topic, report_id, event_id, campaign_id,
                author_id, approved_by, approved_at, review_comment, scheduled_for
         FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(DraftInput {
            title: r.get(0)?,
            body: r.get(1)?,
            kind: DraftKind::from_code(&r.get::<_, String>(2)?).unwrap_or(DraftKind::Post),
            status: DraftStatus::from_code(&r.get::<_, String>(3)?).unwrap_or(DraftStatus::Draft),
            written_at: r.get(4)?,
            topic: r.get(5)?,
            report_id: r.get(6)?,
            event_id: r.get(7)?,
            campaign_id: r.get(8)?,
            author_id: r.get(9)?,
            approved_by: r.get(10)?,
            approved_at: r.get(11)?,
            review_comment: r.get(12)?,
            scheduled_for: r.get(13)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("drafts", id))
}

pub(crate) fn read_variant(conn: &Connection, id: &str) -> Result<VariantInput> {
    conn.prepare_cached(
        "SELECT draft_id, channel, body, char_limit, with_image, alt_text, language, translator,
                reviewed
         FROM variants WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(VariantInput {
            draft_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            channel: Channel::from_code(&r.get::<_, String>(1)?).unwrap_or(Channel::Facebook),
            body: r.get(2)?,
            limit: r
                .get::<_, Option<i64>>(3)?
                .and_then(|l| u32::try_from(l).ok())
                .filter(|l| *l > 0),
            with_image: r.get::<_, i64>(4)? != 0,
            alt_text: r.get(5)?,
            language: Language::from_code(&r.get::<_, String>(6)?).unwrap_or(Language::Spanish),
            translator: r.get(7)?,
            reviewed: r.get::<_, i64>(8)? != 0,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("variants", id))
}
