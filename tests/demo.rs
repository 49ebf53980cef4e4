//! The demo's quarter of monitoring: the clippings and the citizens' questions of the 13 weeks
//! up to the reference date have the shape of a real press office's.
mod common;

use chrono::{Duration, NaiveDateTime};
use common::*;
use rusqlite::Connection;

fn demo() -> (tempfile::TempDir, Connection) {
    let (dir, path) = demo_copy();
    let conn = Connection::open(&path).unwrap();
    (dir, conn)
}

fn count(conn: &Connection, sql: &str, since: &str) -> i64 {
    conn.query_row(sql, [since], |r| r.get(0)).unwrap()
}

fn day(days_back: i64) -> String {
    (reference() - Duration::days(days_back))
        .format("%Y-%m-%d")
        .to_string()
}

/// Seven or more digits in a row, read through the spaces, dashes and dots a number is
/// written with: a phone number.
fn has_phone_number(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 7 {
                return true;
            }
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')') {
            digits = 0;
        }
    }
    false
}

#[test]
fn the_quarter_s_clippings_are_mostly_good_news_some_picked_up_from_the_office() {
    let (_dir, conn) = demo();
    let quarter = day(13 * 7 - 1);
    let live = "deleted_at IS NULL AND published_on >= ?1";
    let total = count(
        &conn,
        &format!("SELECT count(*) FROM clippings WHERE {live}"),
        &quarter,
    );
    assert!(
        (13 * 4..=13 * 9).contains(&total),
        "{total} clippings in 13 weeks"
    );
    let negative = count(
        &conn,
        &format!("SELECT count(*) FROM clippings WHERE {live} AND tone = 'negative'"),
        &quarter,
    );
    let share = negative as f64 / total as f64;
    assert!(
        (0.08..=0.25).contains(&share),
        "{negative} of {total} critical"
    );
    // The latest critical ones still wait for an answer; the older ones mostly have one.
    let waiting = count(
        &conn,
        &format!(
            "SELECT count(*) FROM clippings WHERE {live} AND tone = 'negative' AND response = ''"
        ),
        &day(6),
    );
    assert!(
        waiting >= 2,
        "{waiting} critical clippings of the last week unanswered"
    );
    let older = format!(
        "deleted_at IS NULL AND tone = 'negative' AND published_on >= ?1 AND published_on < '{}'",
        day(14)
    );
    let answered = count(
        &conn,
        &format!("SELECT count(*) FROM clippings WHERE {older} AND response <> ''"),
        &quarter,
    );
    let older_total = count(
        &conn,
        &format!("SELECT count(*) FROM clippings WHERE {older}"),
        &quarter,
    );
    assert!(
        answered * 2 > older_total,
        "{answered} of {older_total} answered"
    );
    // Some answered with a piece of the office, published.
    let pieces = count(
        &conn,
        "SELECT count(*) FROM clippings c JOIN drafts d ON d.id = c.draft_id
         WHERE c.published_on >= ?1 AND d.status = 'published'",
        &quarter,
    );
    assert!(pieces >= 1, "no critical clipping answered with a piece");
    // Picked-up releases: published releases of the office, out on or before the clipping.
    let quoting = count(
        &conn,
        &format!("SELECT count(*) FROM clippings WHERE {live} AND quoted_id IS NOT NULL"),
        &quarter,
    );
    assert!(
        quoting * 5 >= total && quoting * 5 <= total * 4,
        "{quoting} of {total} quote a release"
    );
    let wrong = count(
        &conn,
        "SELECT count(*) FROM clippings c JOIN drafts d ON d.id = c.quoted_id
         WHERE c.published_on >= ?1 AND (d.kind <> 'release' OR d.status <> 'published'
            OR NOT EXISTS (SELECT 1 FROM publications p WHERE p.draft_id = d.id
                           AND substr(p.published_at, 1, 10) <= c.published_on))",
        &quarter,
    );
    assert_eq!(
        wrong, 0,
        "clippings quoting what was not a published release"
    );
    // Each from an outlet of the directory, most of them linked on its site.
    let on_site = count(
        &conn,
        "SELECT count(*) FROM clippings c JOIN outlets o ON o.id = c.outlet_id
         WHERE c.published_on >= ?1 AND o.website <> '' AND c.url LIKE o.website || '/%'",
        &quarter,
    );
    assert!(
        on_site * 3 >= total * 2,
        "{on_site} of {total} on their outlet's site"
    );
    let kinds = count(
        &conn,
        &format!("SELECT count(DISTINCT kind) FROM clippings WHERE {live}"),
        &quarter,
    );
    assert!(kinds >= 4, "{kinds} kinds of clipping");
}

#[test]
fn the_quarter_s_questions_are_answered_within_hours_and_a_few_wait() {
    let (_dir, conn) = demo();
    let quarter = format!("{}T00:00", day(13 * 7 - 1));
    let total = count(
        &conn,
        "SELECT count(*) FROM questions WHERE deleted_at IS NULL AND asked_at >= ?1",
        &quarter,
    );
    assert!(
        (13 * 15..=13 * 32).contains(&total),
        "{total} questions in 13 weeks"
    );
    let mut stmt = conn
        .prepare(
            "SELECT question, status, asked_at, answered_at, response, answer_id IS NOT NULL,
                    department_id IS NOT NULL
             FROM questions WHERE deleted_at IS NULL AND asked_at >= ?1",
        )
        .unwrap();
    let rows: Vec<(String, String, String, String, String, bool, bool)> = stmt
        .query_map([&quarter], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
    let now = now();
    let (mut answered, mut from_answer, mut within_two_days) = (0i64, 0i64, 0i64);
    let (mut waiting_a_day, mut open_a_day) = (0, 0);
    for (question, status, asked, answered_at, response, reusable, routed) in &rows {
        assert!(
            !has_phone_number(question) && !question.contains('@'),
            "personal data in {question:?}"
        );
        let asked = at(asked);
        assert!(asked <= now, "asked after the demo's now: {question:?}");
        match status.as_str() {
            "answered" => {
                let when = at(answered_at);
                assert!(
                    when > asked && when <= now,
                    "{question:?} asked {asked}, answered {when}"
                );
                assert!(!response.is_empty());
                answered += 1;
                from_answer += i64::from(*reusable);
                within_two_days += i64::from(when - asked <= Duration::hours(48));
            }
            "open" | "routed" => {
                assert!(answered_at.is_empty());
                assert_eq!(*routed, status == "routed");
                if now - asked > Duration::hours(24) {
                    waiting_a_day += 1;
                    open_a_day += (status == "open") as i32;
                }
            }
            _ => {}
        }
    }
    assert!(answered * 10 >= total * 8, "{answered} of {total} answered");
    assert!(
        from_answer * 2 > answered,
        "{from_answer} of {answered} from a reusable answer"
    );
    assert!(
        within_two_days * 10 >= answered * 8,
        "{within_two_days} of {answered} answered within two days"
    );
    assert!(
        waiting_a_day >= 1 && open_a_day >= 1,
        "{waiting_a_day} waiting for more than a day, {open_a_day} not routed"
    );
    // The last evening's and this morning's still wait.
    let last = count(
        &conn,
        "SELECT count(*) FROM questions WHERE asked_at >= ?1 AND status IN ('open', 'routed')",
        &format!("{}T00:00", day(0)),
    );
    let today = count(
        &conn,
        "SELECT count(*) FROM questions WHERE asked_at >= ?1",
        &format!("{}T00:00", day(0)),
    );
    assert!(
        last >= 1 && last == today,
        "{last} of this morning's {today} wait"
    );
    // The reusable answers: eight to twelve, those of the monitoring with a topic.
    let answers = count(
        &conn,
        "SELECT count(*) FROM answers WHERE deleted_at IS NULL AND ?1 = ?1",
        "",
    );
    let with_topic = count(
        &conn,
        "SELECT count(*) FROM answers WHERE deleted_at IS NULL AND topic <> ?1",
        "",
    );
    assert!((8..=12).contains(&answers), "{answers} reusable answers");
    assert!(with_topic >= 8, "{with_topic} answers with a topic");
}
