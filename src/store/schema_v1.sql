-- prensa schema v1.
--
-- Replicated tables: every table with the columns id, created_at, updated_at, deleted_at.
-- Their rows are written only through the store's write path, which appends one op per field
-- to `ops` in the same transaction; created_at / updated_at are the times of the row's first
-- and last op, deleted_at is a tombstone (rows are never removed). No UNIQUE constraint other
-- than the id: copies merged from other machines must always fit. Foreign keys are deferred,
-- so a merge may bring a row and what it points to in any order.

CREATE TABLE departments (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT '',
    short_name TEXT NOT NULL DEFAULT '',
    head TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT '',
    objective TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL DEFAULT '',
    ends_on TEXT NOT NULL DEFAULT ''
);

CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    title TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL DEFAULT '',
    ends_at TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    locality TEXT NOT NULL DEFAULT '',
    department_id TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
    campaign_id TEXT REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL DEFAULT 'scheduled',
    public INTEGER NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE coverage (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    event_id TEXT REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    staff_id TEXT REFERENCES staff(id) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL DEFAULT 'photo',
    status TEXT NOT NULL DEFAULT 'assigned'
);

CREATE TABLE requests (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    department_id TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
    subject TEXT NOT NULL DEFAULT '',
    sent_on TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE reports (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    department_id TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
    request_id TEXT REFERENCES requests(id) DEFERRABLE INITIALLY DEFERRED,
    event_id TEXT REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'received'
);

CREATE TABLE drafts (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'post',
    status TEXT NOT NULL DEFAULT 'draft',
    folio TEXT NOT NULL DEFAULT '',
    folio_year INTEGER,
    folio_number INTEGER,
    written_at TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    report_id TEXT REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED,
    event_id TEXT REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    campaign_id TEXT REFERENCES campaigns(id) DEFERRABLE INITIALLY DEFERRED,
    author_id TEXT REFERENCES staff(id) DEFERRABLE INITIALLY DEFERRED,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE variants (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED,
    channel TEXT NOT NULL DEFAULT 'facebook',
    body TEXT NOT NULL DEFAULT ''
);

CREATE TABLE publications (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED,
    channel TEXT NOT NULL DEFAULT 'facebook',
    published_at TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT ''
);

CREATE TABLE outlets (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'digital',
    city TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT ''
);

CREATE TABLE journalists (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    outlet_id TEXT REFERENCES outlets(id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    consent INTEGER NOT NULL DEFAULT 0,
    privacy_notice_on TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE contact_lists (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE list_members (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    list_id TEXT REFERENCES contact_lists(id) DEFERRABLE INITIALLY DEFERRED,
    journalist_id TEXT REFERENCES journalists(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE distributions (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED,
    list_id TEXT REFERENCES contact_lists(id) DEFERRABLE INITIALLY DEFERRED,
    sent_at TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT 'email',
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE interviews (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    outlet_id TEXT REFERENCES outlets(id) DEFERRABLE INITIALLY DEFERRED,
    journalist_id TEXT REFERENCES journalists(id) DEFERRABLE INITIALLY DEFERRED,
    topic TEXT NOT NULL DEFAULT '',
    interviewee TEXT NOT NULL DEFAULT '',
    requested_on TEXT NOT NULL DEFAULT '',
    scheduled_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'requested',
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE media (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    sha256 TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'photo',
    mime TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    taken_at TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL DEFAULT '',
    width INTEGER,
    height INTEGER,
    stored_path TEXT NOT NULL DEFAULT '',
    thumbnail BLOB,
    archive_copy BLOB
);

CREATE TABLE archive_items (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    kind TEXT NOT NULL DEFAULT 'photos',
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    occurred_at TEXT NOT NULL DEFAULT '',
    department_id TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
    event_id TEXT REFERENCES events(id) DEFERRABLE INITIALLY DEFERRED,
    files INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE archive_media (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    item_id TEXT REFERENCES archive_items(id) DEFERRABLE INITIALLY DEFERRED,
    media_id TEXT REFERENCES media(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE clippings (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    outlet_id TEXT REFERENCES outlets(id) DEFERRABLE INITIALLY DEFERRED,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL DEFAULT '',
    tone TEXT NOT NULL DEFAULT 'neutral',
    summary TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    draft_id TEXT REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE answers (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT ''
);

-- Citizens' questions: what was asked and where, never who asked.
CREATE TABLE questions (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    channel TEXT NOT NULL DEFAULT 'facebook',
    asked_at TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    answer_id TEXT REFERENCES answers(id) DEFERRABLE INITIALLY DEFERRED,
    response TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tags (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE taggings (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    tag_id TEXT REFERENCES tags(id) DEFERRABLE INITIALLY DEFERRED,
    target_table TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT ''
);

-- Electoral blackout periods (Art. 41): publication is blocked except for the allowed topics.
CREATE TABLE veda_periods (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    name TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL DEFAULT '',
    ends_on TEXT NOT NULL DEFAULT '',
    allowed_topics TEXT NOT NULL DEFAULT ''
);

-- Office-wide settings; the id is the deterministic id of the key, so one key is one row everywhere.
CREATE TABLE settings (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    key TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT ''
);

-- Who changed what: one row per write transaction.
CREATE TABLE audit (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    target_table TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT '',
    changes INTEGER NOT NULL DEFAULT 0
);

-- Concurrent edits of one field: the value that lost, kept for the user to review. Its id is
-- the deterministic id of the losing op, and every field depends on that op alone, so every
-- machine that finds the conflict writes the same row.
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    target_table TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT '',
    col TEXT NOT NULL DEFAULT '',
    lost_value,
    lost_clock INTEGER,
    lost_replica TEXT NOT NULL DEFAULT '',
    resolved_at TEXT NOT NULL DEFAULT '',
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conflicts_open ON conflicts(resolved_at, created_at);

-- Local, not replicated: the replicas this database knows, one of them itself.
CREATE TABLE replicas (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    is_self INTEGER NOT NULL DEFAULT 0,
    clock INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0,
    seen INTEGER NOT NULL DEFAULT 0,
    last_sync TEXT NOT NULL DEFAULT ''
);

-- The append-only log of field-level operations. An op is identified by (replica, hlc):
-- a replica never issues two ops with one clock value. `replica` is the local number of a
-- row in `replicas` (its UUID is what travels). `parents` lists the ops whose values this
-- one replaced — every head of the field its writer held, as "<replica id>@<hlc>" separated by
-- spaces (NULL for a new row's fields) — so the ops of a field form exactly the graph of what
-- each writer knew: two ops neither of which descends from the other are concurrent.
CREATE TABLE ops (
    replica INTEGER NOT NULL REFERENCES replicas(n),
    hlc INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    col TEXT NOT NULL,
    value,
    parents TEXT,
    PRIMARY KEY (replica, hlc)
) WITHOUT ROWID;
CREATE INDEX ops_by_field ON ops(row_id, col);

-- Keyset indexes for the lists (live rows only).
CREATE INDEX events_by_start ON events(starts_at, id) WHERE deleted_at IS NULL;
CREATE INDEX reports_by_received ON reports(received_at, id) WHERE deleted_at IS NULL;
CREATE INDEX drafts_by_written ON drafts(written_at, id) WHERE deleted_at IS NULL;
CREATE INDEX journalists_by_name ON journalists(name, id) WHERE deleted_at IS NULL;
CREATE INDEX archive_by_date ON archive_items(occurred_at, id) WHERE deleted_at IS NULL;
CREATE INDEX publications_by_date ON publications(published_at, id) WHERE deleted_at IS NULL;

-- Lookups by link and by status.
CREATE INDEX coverage_by_event ON coverage(event_id);
CREATE INDEX reports_by_event ON reports(event_id);
CREATE INDEX reports_by_request ON reports(request_id);
CREATE INDEX reports_by_status ON reports(status, received_at);
CREATE INDEX requests_by_status ON requests(status, due_on);
CREATE INDEX drafts_by_status ON drafts(status, written_at);
CREATE INDEX drafts_by_report ON drafts(report_id);
CREATE INDEX drafts_by_event ON drafts(event_id);
CREATE INDEX drafts_by_folio ON drafts(folio_year, folio_number);
CREATE INDEX variants_by_draft ON variants(draft_id);
CREATE INDEX publications_by_draft ON publications(draft_id);
CREATE INDEX distributions_by_draft ON distributions(draft_id);
CREATE INDEX distributions_by_list ON distributions(list_id, sent_at);
CREATE INDEX members_by_journalist ON list_members(journalist_id);
CREATE INDEX members_by_list ON list_members(list_id);
CREATE INDEX interviews_by_journalist ON interviews(journalist_id);
CREATE INDEX archive_by_event ON archive_items(event_id);
CREATE INDEX media_by_hash ON media(sha256);
CREATE INDEX taggings_by_target ON taggings(target_id);

-- Full-text search, accent- and case-insensitive: rebuilt locally, never synced.
CREATE VIRTUAL TABLE events_fts USING fts5(title, place, locality, notes,
    content='events', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE reports_fts USING fts5(title, body,
    content='reports', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE drafts_fts USING fts5(title, body,
    content='drafts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE journalists_fts USING fts5(name, role, notes,
    content='journalists', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE archive_fts USING fts5(title, description,
    content='archive_items', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
