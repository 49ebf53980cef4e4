//! Schema versions and how a database moves between them.
//!
//! Migrations run at open, in one transaction, after a backup of the old file. A database
//! newer than this build is refused. Replicated tables are found from the schema itself (every
//! table with id, created_at, updated_at, deleted_at), so a table added by a later migration is
//! replicated, guarded and synced with no code of its own.
use std::collections::BTreeMap;

use rusqlite::{Connection, Transaction};

/// `PRAGMA application_id` of every prensa database ("PRNS").
pub const APPLICATION_ID: i32 = 0x5052_4E53;

/// One step of the schema: runs inside the migration's transaction.
pub type Migration = fn(&Transaction) -> rusqlite::Result<()>;

/// Every migration, in order; the schema version is how many have run.
pub const MIGRATIONS: &[Migration] = &[
    v1,
    v2,
    fields_and_identity,
    search_by_prefix,
    agenda_depth,
    reports_depth,
    drafts_depth,
    media_depth,
    archive_depth,
    publication_department,
    monitoring,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const SCHEMA_V1: &str = include_str!("schema_v1.sql");

/// The full-text indexes of v1: (index, content table, indexed columns).
const V1_FTS: &[(&str, &str, &[&str])] = &[
    (
        "events_fts",
        "events",
        &["title", "place", "locality", "notes"],
    ),
    ("reports_fts", "reports", &["title", "body"]),
    ("drafts_fts", "drafts", &["title", "body"]),
    ("journalists_fts", "journalists", &["name", "role", "notes"]),
    ("archive_fts", "archive_items", &["title", "description"]),
];

fn v1(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(SCHEMA_V1)?;
    for (fts, table, cols) in V1_FTS {
        tx.execute_batch(&fts_triggers(fts, table, cols))?;
    }
    Ok(())
}

/// The full-text indexes added in v2, for the lists that gained a search: (index, content
/// table, indexed columns).
const V2_FTS: &[(&str, &str, &[&str])] = &[
    ("requests_fts", "requests", &["subject", "notes"]),
    (
        "departments_fts",
        "departments",
        &["name", "short_name", "head"],
    ),
    ("outlets_fts", "outlets", &["name", "city"]),
    ("lists_fts", "contact_lists", &["name", "description"]),
];

/// Every full-text index and the table whose text it holds.
pub(crate) fn search_indexes() -> impl Iterator<Item = (&'static str, &'static str)> {
    V1_FTS
        .iter()
        .chain(V2_FTS)
        .chain(V7_FTS)
        .chain(V8_FTS)
        .chain(V11_FTS)
        .map(|(fts, table, _)| (*fts, *table))
}

/// v2: every list can be searched; conflicts remember who decided them.
fn v2(tx: &Transaction) -> rusqlite::Result<()> {
    for (fts, table, cols) in V2_FTS {
        tx.execute_batch(&format!(
            "CREATE VIRTUAL TABLE {fts} USING fts5({}, content='{table}', content_rowid='rowid',
                 tokenize='unicode61 remove_diacritics 2');
             INSERT INTO {fts}({fts}) VALUES ('rebuild');",
            cols.join(", ")
        ))?;
        tx.execute_batch(&fts_triggers(fts, table, cols))?;
    }
    tx.execute_batch("ALTER TABLE conflicts ADD COLUMN resolved_by TEXT NOT NULL DEFAULT ''")
}

/// Ops are looked up by (table, row id, column), never by row id alone, and every row whose id
/// appears in more than one table's ops is recomputed from its own table's ops (before, they
/// were mixed, so a file synced then may hold a field of another table's row). And the file
/// records, locally, which machine and path each of its identities was made for (a file from
/// before adopts the ones it is opened on).
fn fields_and_identity(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DROP INDEX IF EXISTS ops_by_field;
         CREATE INDEX ops_by_field ON ops(tbl, row_id, col);
         -- Local, not replicated: the machine and canonical path each replica identity of this
         -- file was made for. A file found on another machine or path is a copy.
         CREATE TABLE identity (
             replica TEXT PRIMARY KEY NOT NULL,
             host TEXT NOT NULL DEFAULT '',
             path TEXT NOT NULL DEFAULT '',
             since TEXT NOT NULL DEFAULT ''
         );",
    )?;
    super::fold::heal_mixed_ids(tx)
}

/// Searching as the user types asks for prefixes of one, two and three letters, which match
/// thousands of words: each full-text index keeps those prefixes (FTS5's `prefix` option), so
/// the first letters typed cost a lookup, not a merge of every word they start.
fn search_by_prefix(tx: &Transaction) -> rusqlite::Result<()> {
    V1_FTS
        .iter()
        .chain(V2_FTS)
        .try_for_each(|(fts, table, cols)| prefix_index(tx, fts, table, cols))
}

/// (Re)creates a full-text index over `table`'s `cols`, with its prefixes, filled from the
/// table and kept in step by triggers.
fn prefix_index(tx: &Transaction, fts: &str, table: &str, cols: &[&str]) -> rusqlite::Result<()> {
    tx.execute_batch(&format!(
        "DROP TRIGGER IF EXISTS {fts}_ai;
         DROP TRIGGER IF EXISTS {fts}_ad;
         DROP TRIGGER IF EXISTS {fts}_au;
         DROP TABLE IF EXISTS {fts};
         CREATE VIRTUAL TABLE {fts} USING fts5({}, content='{table}', content_rowid='rowid',
             tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
         INSERT INTO {fts}({fts}) VALUES ('rebuild');",
        cols.join(", ")
    ))?;
    tx.execute_batch(&fts_triggers(fts, table, cols))
}

/// The agenda as the office keeps it: all-day events, kinds of event, events that repeat (a
/// series and its occurrences, each occurrence an event of its own that coverage can be
/// assigned to), iCalendar identities (UID, and RECURRENCE-ID as the start the rule gave an
/// occurrence), and a note on each coverage assignment.
fn agenda_depth(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS event_series (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             uid TEXT NOT NULL DEFAULT '',
             title TEXT NOT NULL DEFAULT '',
             starts_at TEXT NOT NULL DEFAULT '',
             ends_at TEXT NOT NULL DEFAULT '',
             all_day INTEGER NOT NULL DEFAULT 0,
             zone TEXT NOT NULL DEFAULT '',
             rule TEXT NOT NULL DEFAULT '',
             exdates TEXT NOT NULL DEFAULT '',
             rdates TEXT NOT NULL DEFAULT '',
             place TEXT NOT NULL DEFAULT '',
             locality TEXT NOT NULL DEFAULT '',
             department_id TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
             kind TEXT NOT NULL DEFAULT 'public',
             status TEXT NOT NULL DEFAULT 'scheduled',
             public INTEGER NOT NULL DEFAULT 1,
             notes TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX IF NOT EXISTS series_by_uid ON event_series(uid);",
    )?;
    for (table, column, definition) in [
        ("events", "all_day", "INTEGER NOT NULL DEFAULT 0"),
        ("events", "kind", "TEXT NOT NULL DEFAULT 'public'"),
        ("events", "uid", "TEXT NOT NULL DEFAULT ''"),
        (
            "events",
            "series_id",
            "TEXT REFERENCES event_series(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        ("events", "recurrence_id", "TEXT NOT NULL DEFAULT ''"),
        ("events", "detached", "INTEGER NOT NULL DEFAULT 0"),
        ("coverage", "note", "TEXT NOT NULL DEFAULT ''"),
    ] {
        add_column(tx, table, column, definition)?;
    }
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS events_by_uid ON events(uid, recurrence_id);
         CREATE INDEX IF NOT EXISTS events_by_series ON events(series_id);",
    )
}

/// The reports flow as the office runs it: a department's liaison and WhatsApp, how a request
/// was sent and the text sent, how a report arrived and why it was discarded, and the files that
/// came with a report (kept in the media store, linked here).
fn reports_depth(tx: &Transaction) -> rusqlite::Result<()> {
    for (table, column, definition) in [
        ("departments", "liaison", "TEXT NOT NULL DEFAULT ''"),
        ("departments", "whatsapp", "TEXT NOT NULL DEFAULT ''"),
        ("requests", "channel", "TEXT NOT NULL DEFAULT ''"),
        ("requests", "body", "TEXT NOT NULL DEFAULT ''"),
        ("reports", "channel", "TEXT NOT NULL DEFAULT ''"),
        ("reports", "reason", "TEXT NOT NULL DEFAULT ''"),
    ] {
        add_column(tx, table, column, definition)?;
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS report_files (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             report_id TEXT REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED,
             media_id TEXT REFERENCES media(id) DEFERRABLE INITIALLY DEFERRED
         );
         CREATE INDEX IF NOT EXISTS report_files_by_report ON report_files(report_id);
         CREATE INDEX IF NOT EXISTS reports_by_request ON reports(request_id);
         CREATE INDEX IF NOT EXISTS requests_by_department ON requests(department_id, due_on);
         CREATE INDEX IF NOT EXISTS reports_by_department ON reports(department_id, received_at);",
    )
}

/// The newsroom's workflow: why a piece was turned back and when it is to go out; each
/// version's own limit, image description and language (with its translator); every move of a
/// piece (who, when, why); the warnings acknowledged before approval, with their reason.
fn drafts_depth(tx: &Transaction) -> rusqlite::Result<()> {
    for (table, column, definition) in [
        ("drafts", "review_comment", "TEXT NOT NULL DEFAULT ''"),
        ("drafts", "scheduled_for", "TEXT NOT NULL DEFAULT ''"),
        ("variants", "char_limit", "INTEGER"),
        ("variants", "with_image", "INTEGER NOT NULL DEFAULT 0"),
        ("variants", "alt_text", "TEXT NOT NULL DEFAULT ''"),
        ("variants", "language", "TEXT NOT NULL DEFAULT 'es'"),
        ("variants", "translator", "TEXT NOT NULL DEFAULT ''"),
        ("variants", "reviewed", "INTEGER NOT NULL DEFAULT 0"),
    ] {
        add_column(tx, table, column, definition)?;
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS draft_steps (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED,
             status_from TEXT NOT NULL DEFAULT '',
             status_to TEXT NOT NULL DEFAULT '',
             at TEXT NOT NULL DEFAULT '',
             actor TEXT NOT NULL DEFAULT '',
             comment TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX IF NOT EXISTS draft_steps_by_draft ON draft_steps(draft_id, at);
         CREATE TABLE IF NOT EXISTS draft_checks (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED,
             code TEXT NOT NULL DEFAULT '',
             reason TEXT NOT NULL DEFAULT '',
             at TEXT NOT NULL DEFAULT '',
             actor TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX IF NOT EXISTS draft_checks_by_draft ON draft_checks(draft_id);
         CREATE TABLE IF NOT EXISTS material_requests (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             title TEXT NOT NULL DEFAULT '',
             kind TEXT NOT NULL DEFAULT 'other',
             description TEXT NOT NULL DEFAULT '',
             department_id TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
             campaign_id TEXT REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
             event_id TEXT REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
             requested_on TEXT NOT NULL DEFAULT '',
             needed_by TEXT NOT NULL DEFAULT '',
             status TEXT NOT NULL DEFAULT 'received',
             approved_by TEXT NOT NULL DEFAULT '',
             delivered_on TEXT NOT NULL DEFAULT '',
             notes TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX IF NOT EXISTS materials_by_needed ON material_requests(needed_by, id)
             WHERE deleted_at IS NULL;
         CREATE INDEX IF NOT EXISTS materials_by_status ON material_requests(status, needed_by);
         CREATE INDEX IF NOT EXISTS materials_by_campaign ON material_requests(campaign_id);
         CREATE TABLE IF NOT EXISTS material_files (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             material_id TEXT REFERENCES material_requests(id) DEFERRABLE INITIALLY DEFERRED,
             media_id TEXT REFERENCES media(id) DEFERRABLE INITIALLY DEFERRED
         );
         CREATE INDEX IF NOT EXISTS material_files_by_material ON material_files(material_id);
         CREATE INDEX IF NOT EXISTS campaigns_by_start ON campaigns(starts_on, id)
             WHERE deleted_at IS NULL;
         CREATE INDEX IF NOT EXISTS drafts_by_campaign ON drafts(campaign_id);",
    )?;
    add_column(
        tx,
        "campaigns",
        "department_id",
        "TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED",
    )?;
    V7_FTS
        .iter()
        .try_for_each(|(fts, table, cols)| prefix_index(tx, fts, table, cols))
}

/// The full-text indexes added in v7, for campaigns and requests for material.
const V7_FTS: &[(&str, &str, &[&str])] = &[
    ("campaigns_fts", "campaigns", &["name", "objective"]),
    (
        "materials_fts",
        "material_requests",
        &["title", "description"],
    ),
];

/// The media directory as the office works it: an outlet's region and notes; a journalist's
/// beats, preferred channel and "do not contact" with its reason; what a media request is
/// (interview, information, material), when it is due and how it ended; and the distribution
/// log, one row per piece and journalist (its id is derived from both, so the same piece never
/// reaches the same person twice, not even from two machines).
fn media_depth(tx: &Transaction) -> rusqlite::Result<()> {
    for (table, column, definition) in [
        ("outlets", "region", "TEXT NOT NULL DEFAULT ''"),
        ("outlets", "notes", "TEXT NOT NULL DEFAULT ''"),
        ("journalists", "beats", "TEXT NOT NULL DEFAULT ''"),
        ("journalists", "channel", "TEXT NOT NULL DEFAULT 'email'"),
        (
            "journalists",
            "do_not_contact",
            "INTEGER NOT NULL DEFAULT 0",
        ),
        ("journalists", "dnc_reason", "TEXT NOT NULL DEFAULT ''"),
        ("interviews", "kind", "TEXT NOT NULL DEFAULT 'interview'"),
        ("interviews", "due_on", "TEXT NOT NULL DEFAULT ''"),
        ("interviews", "outcome", "TEXT NOT NULL DEFAULT ''"),
    ] {
        add_column(tx, table, column, definition)?;
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS deliveries (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             distribution_id TEXT REFERENCES distributions(id) DEFERRABLE INITIALLY DEFERRED,
             draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED,
             journalist_id TEXT REFERENCES journalists(id) DEFERRABLE INITIALLY DEFERRED,
             channel TEXT NOT NULL DEFAULT 'email',
             address TEXT NOT NULL DEFAULT '',
             status TEXT NOT NULL DEFAULT 'pending',
             sent_at TEXT NOT NULL DEFAULT '',
             error TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX IF NOT EXISTS deliveries_by_distribution ON deliveries(distribution_id);
         CREATE INDEX IF NOT EXISTS deliveries_by_journalist ON deliveries(journalist_id, sent_at);
         CREATE INDEX IF NOT EXISTS interviews_by_status ON interviews(status, requested_on);
         CREATE INDEX IF NOT EXISTS interviews_by_date ON interviews(requested_on, id)
             WHERE deleted_at IS NULL;
         CREATE INDEX IF NOT EXISTS distributions_by_date ON distributions(sent_at, id)
             WHERE deleted_at IS NULL;",
    )?;
    V8_FTS
        .iter()
        .try_for_each(|(fts, table, cols)| prefix_index(tx, fts, table, cols))?;
    journalists_by_outlet(tx)
}

/// A journalist is found by their outlet's name too: the index reads a view that joins the
/// outlet, and triggers on both tables keep it in step (an outlet renamed re-indexes its
/// people; an outlet arriving after its people, as a merge may bring them, too).
fn journalists_by_outlet(tx: &Transaction) -> rusqlite::Result<()> {
    const OUTLET: &str = "coalesce((SELECT o.name FROM outlets o WHERE o.id = {}.outlet_id), '')";
    let new_outlet = OUTLET.replace("{}", "new");
    let old_outlet = OUTLET.replace("{}", "old");
    tx.execute_batch(&format!(
        "DROP TRIGGER IF EXISTS journalists_fts_ai;
         DROP TRIGGER IF EXISTS journalists_fts_ad;
         DROP TRIGGER IF EXISTS journalists_fts_au;
         DROP TRIGGER IF EXISTS outlets_journalists_fts_ai;
         DROP TRIGGER IF EXISTS outlets_journalists_fts_au;
         DROP TRIGGER IF EXISTS outlets_journalists_fts_ad;
         DROP TABLE IF EXISTS journalists_fts;
         DROP VIEW IF EXISTS journalists_search;
         CREATE VIEW journalists_search AS
             SELECT j.rowid AS rowid, j.name, j.role, j.notes, j.beats, {j_outlet} AS outlet
             FROM journalists j;
         CREATE VIRTUAL TABLE journalists_fts USING fts5(name, role, notes, beats, outlet,
             content='journalists_search', content_rowid='rowid',
             tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
         INSERT INTO journalists_fts(journalists_fts) VALUES ('rebuild');
         CREATE TRIGGER journalists_fts_ai AFTER INSERT ON journalists BEGIN
           INSERT INTO journalists_fts(rowid, name, role, notes, beats, outlet)
           VALUES (new.rowid, new.name, new.role, new.notes, new.beats, {new_outlet});
         END;
         CREATE TRIGGER journalists_fts_ad AFTER DELETE ON journalists BEGIN
           INSERT INTO journalists_fts(journalists_fts, rowid, name, role, notes, beats, outlet)
           VALUES ('delete', old.rowid, old.name, old.role, old.notes, old.beats, {old_outlet});
         END;
         CREATE TRIGGER journalists_fts_au
         AFTER UPDATE OF name, role, notes, beats, outlet_id ON journalists BEGIN
           INSERT INTO journalists_fts(journalists_fts, rowid, name, role, notes, beats, outlet)
           VALUES ('delete', old.rowid, old.name, old.role, old.notes, old.beats, {old_outlet});
           INSERT INTO journalists_fts(rowid, name, role, notes, beats, outlet)
           VALUES (new.rowid, new.name, new.role, new.notes, new.beats, {new_outlet});
         END;
         CREATE TRIGGER outlets_journalists_fts_ai AFTER INSERT ON outlets BEGIN
           INSERT INTO journalists_fts(journalists_fts, rowid, name, role, notes, beats, outlet)
             SELECT 'delete', j.rowid, j.name, j.role, j.notes, j.beats, ''
             FROM journalists j WHERE j.outlet_id = new.id;
           INSERT INTO journalists_fts(rowid, name, role, notes, beats, outlet)
             SELECT j.rowid, j.name, j.role, j.notes, j.beats, new.name
             FROM journalists j WHERE j.outlet_id = new.id;
         END;
         CREATE TRIGGER outlets_journalists_fts_au AFTER UPDATE OF name ON outlets BEGIN
           INSERT INTO journalists_fts(journalists_fts, rowid, name, role, notes, beats, outlet)
             SELECT 'delete', j.rowid, j.name, j.role, j.notes, j.beats, old.name
             FROM journalists j WHERE j.outlet_id = old.id;
           INSERT INTO journalists_fts(rowid, name, role, notes, beats, outlet)
             SELECT j.rowid, j.name, j.role, j.notes, j.beats, new.name
             FROM journalists j WHERE j.outlet_id = new.id;
         END;
         CREATE TRIGGER outlets_journalists_fts_ad AFTER DELETE ON outlets BEGIN
           INSERT INTO journalists_fts(journalists_fts, rowid, name, role, notes, beats, outlet)
             SELECT 'delete', j.rowid, j.name, j.role, j.notes, j.beats, old.name
             FROM journalists j WHERE j.outlet_id = old.id;
           INSERT INTO journalists_fts(rowid, name, role, notes, beats, outlet)
             SELECT j.rowid, j.name, j.role, j.notes, j.beats, ''
             FROM journalists j WHERE j.outlet_id = old.id;
         END;",
        j_outlet = OUTLET.replace("{}", "j"),
    ))
}

/// v8: requests from the media can be searched (journalists, by outlet and beat too: see
/// [`journalists_by_outlet`]).
const V8_FTS: &[(&str, &str, &[&str])] = &[(
    "interviews_fts",
    "interviews",
    &["topic", "interviewee", "outcome", "notes"],
)];

/// v9: the archive's index holds all of an item's text (the same index as v1's, so not
/// listed again among the indexes).
const V9_FTS: &[(&str, &str, &[&str])] = &[(
    "archive_fts",
    "archive_items",
    &["title", "description", "place", "people", "expediente"],
)];

/// The archive as the Ley General de Archivos asks for it: an item's place, the people in it,
/// what it is linked to (a report, a piece), its classification (a series of the office's
/// editable chart, its file code and its stage) and whether identifiable people or minors
/// appear in it; each person's consent to appear; a photo's date and where it came from.
fn archive_depth(tx: &Transaction) -> rusqlite::Result<()> {
    for (table, column, definition) in [
        ("archive_items", "place", "TEXT NOT NULL DEFAULT ''"),
        ("archive_items", "people", "TEXT NOT NULL DEFAULT ''"),
        (
            "archive_items",
            "report_id",
            "TEXT REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        (
            "archive_items",
            "draft_id",
            "TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        (
            "archive_items",
            "series_id",
            "TEXT REFERENCES classification(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        ("archive_items", "expediente", "TEXT NOT NULL DEFAULT ''"),
        ("archive_items", "stage", "TEXT NOT NULL DEFAULT 'active'"),
        ("archive_items", "subjects", "TEXT NOT NULL DEFAULT 'none'"),
        ("media", "date_source", "TEXT NOT NULL DEFAULT ''"),
    ] {
        add_column(tx, table, column, definition)?;
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS classification (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             section_code TEXT NOT NULL DEFAULT '',
             section_name TEXT NOT NULL DEFAULT '',
             code TEXT NOT NULL DEFAULT '',
             name TEXT NOT NULL DEFAULT '',
             years INTEGER NOT NULL DEFAULT 0
         );
         CREATE TABLE IF NOT EXISTS consents (
             id TEXT PRIMARY KEY NOT NULL,
             created_at TEXT NOT NULL DEFAULT '',
             updated_at TEXT NOT NULL DEFAULT '',
             deleted_at TEXT,
             item_id TEXT REFERENCES archive_items(id) DEFERRABLE INITIALLY DEFERRED,
             person TEXT NOT NULL DEFAULT '',
             minor INTEGER NOT NULL DEFAULT 0,
             given_by TEXT NOT NULL DEFAULT '',
             purpose TEXT NOT NULL DEFAULT '',
             valid_until TEXT NOT NULL DEFAULT '',
             document TEXT NOT NULL DEFAULT ''
         );
         CREATE INDEX IF NOT EXISTS classification_by_code ON classification(code, id)
             WHERE deleted_at IS NULL;
         CREATE INDEX IF NOT EXISTS consents_by_item ON consents(item_id);
         CREATE INDEX IF NOT EXISTS archive_by_series ON archive_items(series_id, expediente);
         CREATE INDEX IF NOT EXISTS archive_by_draft ON archive_items(draft_id);
         CREATE INDEX IF NOT EXISTS archive_media_by_item ON archive_media(item_id);
         CREATE INDEX IF NOT EXISTS archive_media_by_media ON archive_media(media_id);
         CREATE INDEX IF NOT EXISTS clippings_by_date ON clippings(published_on, id)
             WHERE deleted_at IS NULL;",
    )?;
    V9_FTS
        .iter()
        .chain(V9_NEW_FTS)
        .try_for_each(|(fts, table, cols)| prefix_index(tx, fts, table, cols))
}

/// v9: clippings are on the timeline, and searched with it.
const V9_NEW_FTS: &[(&str, &str, &[&str])] = &[(
    "clippings_fts",
    "clippings",
    &["title", "summary", "response"],
)];

/// v10: each publication names the department whose work it shows (its piece's, through the
/// piece's report, event or campaign), so that the morning's balance counts a month of them
/// from one index. Publications written before keep it empty; a read finds theirs through
/// their piece.
fn publication_department(tx: &Transaction) -> rusqlite::Result<()> {
    add_column(
        tx,
        "publications",
        "department_id",
        "TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED",
    )?;
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS publications_by_department
             ON publications(published_at, department_id, draft_id) WHERE deleted_at IS NULL;",
    )
}

/// v11: monitoring. A clipping says what kind of piece it is, its topic and department, and
/// the office's boletín it quotes (so the office sees which releases were picked up, and by
/// whom); its response is a piece of the office's (`draft_id`). A citizen's question has a
/// topic, the department it was routed to and when it was answered. A publication keeps what
/// the network's own insights said of it: reach, reactions, comments, shares, and the post's
/// id and the day they were read.
fn monitoring(tx: &Transaction) -> rusqlite::Result<()> {
    for (table, column, definition) in [
        ("clippings", "kind", "TEXT NOT NULL DEFAULT 'news'"),
        ("clippings", "topic", "TEXT NOT NULL DEFAULT ''"),
        (
            "clippings",
            "department_id",
            "TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        (
            "clippings",
            "quoted_id",
            "TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        ("questions", "topic", "TEXT NOT NULL DEFAULT ''"),
        (
            "questions",
            "department_id",
            "TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED",
        ),
        ("questions", "answered_at", "TEXT NOT NULL DEFAULT ''"),
        ("publications", "reach", "INTEGER"),
        ("publications", "reactions", "INTEGER"),
        ("publications", "comments", "INTEGER"),
        ("publications", "shares", "INTEGER"),
        ("publications", "post_id", "TEXT NOT NULL DEFAULT ''"),
        ("publications", "insights_on", "TEXT NOT NULL DEFAULT ''"),
    ] {
        add_column(tx, table, column, definition)?;
    }
    tx.execute_batch(
        "CREATE INDEX IF NOT EXISTS clippings_by_response ON clippings(draft_id);
         CREATE INDEX IF NOT EXISTS clippings_by_quoted ON clippings(quoted_id);
         CREATE INDEX IF NOT EXISTS questions_by_date ON questions(asked_at, id)
             WHERE deleted_at IS NULL;
         CREATE INDEX IF NOT EXISTS questions_by_status ON questions(status, asked_at);
         CREATE INDEX IF NOT EXISTS questions_by_answer ON questions(answer_id);
         CREATE INDEX IF NOT EXISTS publications_by_url ON publications(url);",
    )?;
    V11_FTS
        .iter()
        .try_for_each(|(fts, table, cols)| prefix_index(tx, fts, table, cols))
}

/// v11: a clipping is found by its topic too (the same index as v9's, rebuilt); questions and
/// the reusable answers are searched.
const V11_FTS: &[(&str, &str, &[&str])] = &[
    (
        "clippings_fts",
        "clippings",
        &["title", "summary", "response", "topic"],
    ),
    (
        "questions_fts",
        "questions",
        &["question", "response", "topic"],
    ),
    ("answers_fts", "answers", &["title", "body", "topic"]),
];

/// Adds a column unless the table has it (a file a test, or a person, marked as older than it
/// is runs the later migrations again).
fn add_column(
    tx: &Transaction,
    table: &str,
    column: &str,
    definition: &str,
) -> rusqlite::Result<()> {
    let has: bool = tx.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |r| r.get(0),
    )?;
    if !has {
        tx.execute_batch(&format!(
            "ALTER TABLE {table} ADD COLUMN {column} {definition}"
        ))?;
    }
    Ok(())
}

/// Triggers that keep an external-content FTS5 index in step with its table.
fn fts_triggers(fts: &str, table: &str, cols: &[&str]) -> String {
    let list = cols.join(", ");
    let new: Vec<String> = cols.iter().map(|c| format!("new.{c}")).collect();
    let old: Vec<String> = cols.iter().map(|c| format!("old.{c}")).collect();
    let (new, old) = (new.join(", "), old.join(", "));
    format!(
        "CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN
           INSERT INTO {fts}(rowid, {list}) VALUES (new.rowid, {new});
         END;
         CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN
           INSERT INTO {fts}({fts}, rowid, {list}) VALUES ('delete', old.rowid, {old});
         END;
         CREATE TRIGGER {fts}_au AFTER UPDATE OF {list} ON {table} BEGIN
           INSERT INTO {fts}({fts}, rowid, {list}) VALUES ('delete', old.rowid, {old});
           INSERT INTO {fts}(rowid, {list}) VALUES (new.rowid, {new});
         END;"
    )
}

/// Runs the migrations from the database's version up to the last one in `migrations`,
/// in one transaction. Referential integrity is not checked while they run: a step that
/// recomputes rows from their ops may meet links to rows that have not arrived yet, as a merge
/// does.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[Migration]) -> rusqlite::Result<()> {
    let from: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let checks: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = (|| {
        let tx = conn.transaction()?;
        for step in migrations.iter().skip(from.max(0) as usize) {
            step(&tx)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", migrations.len() as i64)?;
        tx.commit()
    })();
    conn.pragma_update(None, "foreign_keys", checks)?;
    result
}

/// The columns the store manages itself on every replicated table.
pub const MANAGED: [&str; 4] = ["id", "created_at", "updated_at", "deleted_at"];

/// Replicated tables and their columns (all of them, managed ones included), by name.
pub fn replicated_tables(conn: &Connection) -> rusqlite::Result<BTreeMap<String, Vec<String>>> {
    // Every table's columns in one read (a statement per table costs a millisecond at open).
    let mut stmt = conn.prepare(
        "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid",
    )?;
    let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        all.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    all.retain(|_, cols| MANAGED.iter().all(|m| cols.iter().any(|c| c == m)));
    Ok(all)
}

/// The temporary table the write path marks itself in for the length of its transaction.
pub(crate) fn install_mark(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS write_path (active INTEGER)")
}

/// Temporary triggers that abort any write to a replicated table made outside the write path
/// (which marks itself in `temp.write_path` for the length of its transaction).
pub(crate) fn install_guard<'a>(
    conn: &Connection,
    tables: impl IntoIterator<Item = &'a String>,
) -> rusqlite::Result<()> {
    install_mark(conn)?;
    for table in tables {
        for event in ["INSERT", "UPDATE", "DELETE"] {
            conn.execute_batch(&format!(
                "CREATE TEMP TRIGGER IF NOT EXISTS guard_{table}_{event} BEFORE {event} ON main.{table}
                 WHEN NOT EXISTS (SELECT 1 FROM temp.write_path)
                 BEGIN SELECT RAISE(ABORT, 'prensa: write outside the store write path'); END;"
            ))?;
        }
    }
    Ok(())
}
