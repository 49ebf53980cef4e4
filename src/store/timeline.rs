//! The archive timeline: one list, newest first, over four sources — events that happened,
//! reports, publications and archive-only items. Each source is read by keyset on its own
//! index (a search chooses its own way for each), and the pages are merged.
use rusqlite::params_from_iter;

use super::error::Result;
use super::lists::{EVENTS, REPORTS};
use super::listsql::{direction, ListQuery};
use super::search::fts_query;
use super::searchplan::{Plan, Search};
use super::{Store, Value};
use crate::domain::query::{Query, COUNT_CAP};
use crate::domain::status::{ArchiveKind, Channel};
use crate::domain::{PageRequest, TimelineKind, TimelineRow};
use crate::store::commands::tag_id;

struct Arm {
    tag: &'static str,
    query: ListQuery,
    /// A condition of the source itself, `?` being now (local time text).
    extra: Option<&'static str>,
    /// The id its tags are kept under (none: it has no tags).
    tags: Option<&'static str>,
    /// Its full-text index columns that name people and places, for the person and place
    /// filters: (index, rowid of the row it indexes, people columns, place columns).
    facets: Option<(&'static str, &'static str, &'static str, &'static str)>,
}

const ARMS: [Arm; 6] = [
    Arm {
        tag: "event",
        query: ListQuery {
            select: "'event', e.id, e.starts_at, e.title, coalesce(d.short_name, ''), ''",
            desc: true,
            ..EVENTS
        },
        extra: Some(" AND e.starts_at <= ? AND e.status NOT IN ('cancelled', 'postponed')"),
        tags: Some("e.id"),
        facets: Some(("events_fts", "e.rowid", "", "place locality")),
    },
    Arm {
        tag: "report",
        query: ListQuery {
            select: "'report', r.id, r.received_at, r.title, coalesce(d.short_name, ''), ''",
            ..REPORTS
        },
        // A report belongs to the archive once it is kept or published from, not while it is
        // new, being worked on, or set aside.
        // (`+`: the status is checked row by row, so the list is read in its order by
        // reports_by_received, not sorted whole from reports_by_status.)
        extra: Some(" AND +r.status IN ('archived', 'used') AND r.received_at <= ?"),
        tags: Some("r.id"),
        facets: None,
    },
    Arm {
        tag: "publication",
        query: ListQuery {
            select: "'publication', p.id, p.published_at, coalesce(x.title, ''), '', p.channel",
            from: "FROM publications p LEFT JOIN drafts x ON x.id = p.draft_id",
            alias: "p",
            key: "p.published_at",
            desc: true,
            // What a publication says is its draft's text.
            fts: Some("drafts_fts"),
            via: Some(("p.draft_id", "drafts")),
            status: None,
            kind: None,
            department: None,
            date: Some("p.published_at"),
            due: None,
        },
        extra: None,
        tags: Some("p.draft_id"),
        facets: None,
    },
    Arm {
        tag: "item",
        query: ListQuery {
            select: "'item', a.id, a.occurred_at, a.title, coalesce(d.short_name, ''), a.kind",
            from: "FROM archive_items a LEFT JOIN departments d ON d.id = a.department_id",
            alias: "a",
            key: "a.occurred_at",
            desc: true,
            fts: Some("archive_fts"),
            via: None,
            status: None,
            kind: Some("a.kind"),
            department: Some("a.department_id"),
            date: Some("a.occurred_at"),
            due: None,
        },
        extra: None,
        tags: Some("a.id"),
        facets: Some(("archive_fts", "a.rowid", "people", "place")),
    },
    Arm {
        tag: "interview",
        query: ListQuery {
            select: "'interview', i.id, i.requested_on, i.topic, '', i.kind",
            from: "FROM interviews i",
            alias: "i",
            key: "i.requested_on",
            desc: true,
            fts: Some("interviews_fts"),
            via: None,
            status: None,
            kind: None,
            department: None,
            date: Some("i.requested_on"),
            due: None,
        },
        // What the media asked and the office gave: done, not what is still pending.
        extra: Some(" AND +i.status = 'done' AND i.requested_on <= ?"),
        tags: None,
        facets: None,
    },
    Arm {
        tag: "clipping",
        query: ListQuery {
            select: "'clipping', c.id, c.published_on, c.title, coalesce(o.name, ''), c.tone",
            from: "FROM clippings c LEFT JOIN outlets o ON o.id = c.outlet_id",
            alias: "c",
            key: "c.published_on",
            desc: true,
            fts: Some("clippings_fts"),
            via: None,
            status: None,
            kind: None,
            department: None,
            date: Some("c.published_on"),
            due: None,
        },
        extra: Some(" AND c.published_on <= ?"),
        tags: None,
        facets: None,
    },
];

/// Whether a source can hold rows under these filters: a kind filter picks sources; a
/// department filter leaves out those without departments.
fn applies(arm: &Arm, query: &Query) -> bool {
    let kind_ok = match query.filters.kind.as_deref() {
        None => true,
        Some(k) => match arm.tag {
            "item" => ArchiveKind::from_code(k).is_some(),
            tag => tag == k,
        },
    };
    let dept_ok = query.filters.department.is_none() || arm.query.department.is_some();
    let f = &query.filters;
    let tag_ok = f.tag.is_none() || arm.tags.is_some();
    let person_ok = f.person.is_none() || arm.facets.is_some_and(|(_, _, p, _)| !p.is_empty());
    let place_ok = f.place.is_none() || arm.facets.is_some_and(|(_, _, _, p)| !p.is_empty());
    kind_ok && dept_ok && tag_ok && person_ok && place_ok
}

/// A source's conditions beyond its list's: its own (up to now), its tag, and the words of a
/// person or place in its index's columns for them (accents and case aside, as prefixes).
fn arm_conditions(arm: &Arm, query: &Query, now: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    if let Some(c) = arm.extra {
        out.push((c.to_owned(), Value::Text(now.to_owned())));
    }
    let f = &query.filters;
    if let (Some(id), Some(tag)) = (arm.tags, &f.tag) {
        out.push((
            format!(
                " AND EXISTS (SELECT 1 FROM taggings g WHERE g.target_id = {id}
                   AND g.tag_id = ? AND g.deleted_at IS NULL)"
            ),
            Value::Text(tag_id(tag)),
        ));
    }
    if let Some((fts, rowid, people, place)) = arm.facets {
        for (columns, value) in [(people, &f.person), (place, &f.place)] {
            let Some(expr) = value.as_deref().and_then(fts_query) else {
                continue;
            };
            out.push((
                format!(" AND {rowid} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"),
                Value::Text(format!("{{{columns}}} : ({expr})")),
            ));
        }
    }
    out
}

/// A source's query: the kind filter is the items' own only for item kinds.
fn arm_query(arm: &Arm, query: &Query) -> Query {
    let mut q = query.clone();
    if arm.tag != "item" {
        q.filters.kind = None;
    }
    q
}

impl Store {
    /// The sources that apply, each with its query, search and condition.
    #[allow(clippy::type_complexity)]
    fn arms(
        &self,
        query: &Query,
        now: &str,
        forced: Option<Plan>,
    ) -> Result<Vec<(&'static Arm, Query, Option<Search>, Vec<(String, Value)>)>> {
        let mut out = Vec::new();
        for arm in ARMS.iter().filter(|a| applies(a, query)) {
            let q = arm_query(arm, query);
            let search = self.search_of(arm.query.fts, &q.search)?.map(|s| Search {
                plan: forced.unwrap_or(s.plan),
                ..s
            });
            let extra = arm_conditions(arm, query, now);
            out.push((arm, q, search, extra));
        }
        Ok(out)
    }

    /// The archive timeline, newest first: events that have happened (up to `now`, local
    /// `YYYY-MM-DDTHH:MM`), reports, publications and archive-only items.
    pub fn timeline_page(
        &self,
        query: &Query,
        req: &PageRequest,
        now: &str,
    ) -> Result<Vec<TimelineRow>> {
        self.timeline_read(query, req, now, None)
    }

    /// The timeline read with each source's plan, or with `forced` for all (tests).
    pub(crate) fn timeline_read(
        &self,
        query: &Query,
        req: &PageRequest,
        now: &str,
        forced: Option<Plan>,
    ) -> Result<Vec<TimelineRow>> {
        let mut values: Vec<Value> = Vec::new();
        let mut parts = Vec::new();
        for (arm, q, search, extra) in self.arms(query, now, forced)? {
            let (sql, v) = arm
                .query
                .sql(&q, search.as_ref(), req, &extra, values.len());
            values.extend(v);
            parts.push(format!("SELECT * FROM ({sql})"));
        }
        if parts.is_empty() {
            return Ok(Vec::new());
        }
        let (_, ord) = direction(true, req);
        values.push(Value::Integer(req.limit as i64));
        let sql = format!(
            "{} ORDER BY 3 {ord}, 2 {ord} LIMIT ?{}",
            parts.join(" UNION ALL "),
            values.len()
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                let tag: String = r.get(0)?;
                let extra: String = r.get(5)?;
                let kind = match tag.as_str() {
                    "event" => TimelineKind::Event,
                    "report" => TimelineKind::Report,
                    "publication" => TimelineKind::Publication(
                        Channel::from_code(&extra).unwrap_or(Channel::Web),
                    ),
                    "interview" => TimelineKind::Interview,
                    "clipping" => TimelineKind::Clipping,
                    _ => TimelineKind::Item(
                        ArchiveKind::from_code(&extra).unwrap_or(ArchiveKind::Document),
                    ),
                };
                Ok(TimelineRow {
                    id: r.get(1)?,
                    kind,
                    at: r.get(2)?,
                    title: r.get(3)?,
                    department: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The timeline's count: each source's, added up to the cap.
    pub(crate) fn timeline_count(&self, query: &Query, now: &str) -> Result<u64> {
        let mut total = 0;
        for (arm, q, search, extra) in self.arms(query, now, None)? {
            total += self.counted(arm.query.count_sql(&q, search.as_ref(), &extra))?;
            if total > COUNT_CAP {
                return Ok(COUNT_CAP + 1);
            }
        }
        Ok(total)
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::store::OpenOptions;

    /// Each source of the timeline is read in its order from its index: a page never sorts a
    /// whole source (a status condition that SQLite answered from the status index once made
    /// every page of the archive sort 190,000 reports).
    #[test]
    fn every_source_of_the_timeline_reads_its_index_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.sqlite"), &OpenOptions::default()).unwrap();
        let req = PageRequest {
            after: None,
            inclusive: false,
            forward: true,
            limit: 50,
        };
        for arm in &ARMS {
            let extra = arm_conditions(arm, &Query::default(), "2025-03-06T09:00");
            let (sql, values) = arm.query.sql(&Query::default(), None, &req, &extra, 0);
            let plan: Vec<String> = store
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(params_from_iter(values), |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let plan = plan.join(" | ");
            assert!(
                !plan.contains("TEMP B-TREE"),
                "{}: sorts instead of reading its index: {plan}",
                arm.tag
            );
        }
    }
}
