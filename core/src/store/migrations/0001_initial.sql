-- Clio schema, version 1: the whole collection as the product needs it, so later
-- features add to it rather than rewrite it.
-- Conventions: times are Unix milliseconds (UTC) in INTEGER columns; text offsets
-- (spans, anchors) count Unicode code points in documents.body; `uid` is a stable
-- random id for export, backup and interchange, independent of the rowid.

-- Marks the file as Clio's: 0x436C696F, "Clio" in ASCII (store::APPLICATION_ID).
PRAGMA application_id = 1131178351;

-- Key/value facts about this collection (e.g. whether the starter library was added).
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- The category tree ("History -> Modern and Contemporary History").
CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES categories(id) ON DELETE CASCADE,
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0)
) STRICT;
-- One child of a given name per parent; top-level names are unique too.
CREATE UNIQUE INDEX categories_parent_name ON categories(ifnull(parent_id, 0), name);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    author        TEXT,
    category_id   INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    source        TEXT,                -- where it came from: a URL or a file path
    source_format TEXT NOT NULL DEFAULT 'manual'
                  CHECK (source_format IN ('manual', 'text', 'markdown', 'html', 'json', 'starter', 'apkg', 'csv')),
    body          TEXT NOT NULL,       -- canonical plain text: paragraphs separated by a blank line
    blocks_json   TEXT,                -- sanitised structure for the reader (headings, lists, emphasis); NULL = plain paragraphs
    content_hash  TEXT NOT NULL,       -- SHA-256 of the normalised title and body: finds re-imports
    word_count    INTEGER NOT NULL DEFAULT 0,
    revision      INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    opened_at     INTEGER
) STRICT;
CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_category ON documents(category_id);
CREATE INDEX documents_source ON documents(source) WHERE source IS NOT NULL;
CREATE INDEX documents_created ON documents(created_at);

-- Earlier texts of a document, kept when an edited version replaces it.
CREATE TABLE document_revisions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    revision     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    replaced_at  INTEGER NOT NULL,
    UNIQUE (document_id, revision)
) STRICT;

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE document_tags (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX document_tags_tag ON document_tags(tag_id);

-- Full-text search over documents, kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, author, body,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, author, body) VALUES (new.id, new.title, new.author, new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, author, body) VALUES ('delete', old.id, old.title, old.author, old.body);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, author, body ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, author, body) VALUES ('delete', old.id, old.title, old.author, old.body);
    INSERT INTO documents_fts(rowid, title, author, body) VALUES (new.id, new.title, new.author, new.body);
END;

-- Highlights and notes, anchored as the W3C Web Annotation model does: a quote
-- selector (exact text with prefix and suffix) and a position selector.
CREATE TABLE annotations (
    id                INTEGER PRIMARY KEY,
    uid               TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    color             TEXT NOT NULL DEFAULT 'yellow',
    note              TEXT,
    quote_exact       TEXT NOT NULL CHECK (length(quote_exact) > 0),
    quote_prefix      TEXT NOT NULL DEFAULT '',
    quote_suffix      TEXT NOT NULL DEFAULT '',
    pos_start         INTEGER,          -- NULL while orphaned
    pos_end           INTEGER,
    anchor_state      TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor_state IN ('anchored', 'orphaned')),
    anchored_revision INTEGER NOT NULL DEFAULT 1,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CHECK ((pos_start IS NULL) = (pos_end IS NULL)),
    CHECK (pos_start IS NULL OR pos_start <= pos_end)
) STRICT;
CREATE INDEX annotations_document ON annotations(document_id, pos_start);

-- Quiz cards. A card keeps the span of text it came from, so the reader can show
-- it in context and a changed document can flag it for a look.
CREATE TABLE cards (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    document_id     INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    annotation_id   INTEGER REFERENCES annotations(id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('question', 'cloze', 'multiple_choice', 'true_false')),
    prompt          TEXT NOT NULL CHECK (length(trim(prompt)) > 0),
    answer          TEXT NOT NULL,
    choices_json    TEXT,             -- multiple choice: the options, answer included
    source_text     TEXT,             -- the sentence (or selection) the card came from
    span_start      INTEGER,          -- code points in documents.body at source_revision
    span_end        INTEGER,
    source_revision INTEGER,
    origin          TEXT NOT NULL DEFAULT 'generated' CHECK (origin IN ('generated', 'selection', 'manual', 'imported')),
    score           REAL,             -- the generator's ranking score
    needs_check     INTEGER NOT NULL DEFAULT 0 CHECK (needs_check IN (0, 1)), -- its source text changed
    tags            TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((span_start IS NULL) = (span_end IS NULL))
) STRICT;
CREATE INDEX cards_document ON cards(document_id);
CREATE INDEX cards_annotation ON cards(annotation_id) WHERE annotation_id IS NOT NULL;

-- Each card's scheduling state (FSRS memory state plus queue bookkeeping).
CREATE TABLE card_schedule (
    card_id        INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
    state          TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'learning', 'review', 'relearning')),
    due            INTEGER,           -- NULL while new
    stability      REAL,              -- FSRS memory state; NULL while new
    difficulty     REAL,
    step           INTEGER NOT NULL DEFAULT 0, -- index into the (re)learning steps
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0,
    last_review_at INTEGER,
    new_position   INTEGER,           -- order in which new cards are introduced
    suspended      INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    buried_until   INTEGER
) STRICT;
CREATE INDEX card_schedule_due ON card_schedule(state, due);
CREATE INDEX card_schedule_new ON card_schedule(new_position) WHERE state = 'new';

-- Every answer, in the order given. Enough to replay a card's history, fit FSRS
-- parameters, compute retention, and undo the last answer.
CREATE TABLE review_log (
    id             INTEGER PRIMARY KEY,
    card_id        INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    reviewed_at    INTEGER NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4), -- again, hard, good, easy
    state_before   TEXT NOT NULL CHECK (state_before IN ('new', 'learning', 'review', 'relearning')),
    state_after    TEXT NOT NULL CHECK (state_after IN ('new', 'learning', 'review', 'relearning')),
    due_after      INTEGER,
    stability      REAL,              -- memory state after the answer
    difficulty     REAL,
    elapsed_days   REAL,              -- since the previous review
    duration_ms    INTEGER,           -- time taken to answer
    answer_mode    TEXT NOT NULL DEFAULT 'reveal' CHECK (answer_mode IN ('reveal', 'typed', 'choice')),
    origin         TEXT NOT NULL DEFAULT 'review' CHECK (origin IN ('review', 'quiz', 'imported', 'rescheduled')),
    prior_schedule TEXT               -- JSON of the card_schedule row before, for undo
) STRICT;
CREATE INDEX review_log_card ON review_log(card_id, reviewed_at);
CREATE INDEX review_log_time ON review_log(reviewed_at);

-- Scheduler settings and FSRS parameters, one active row (history kept for
-- "keep the old parameters unless the new ones are better").
CREATE TABLE scheduler_presets (
    id                INTEGER PRIMARY KEY,
    parameters_json   TEXT,           -- FSRS weights; NULL = the crate's defaults
    desired_retention REAL NOT NULL DEFAULT 0.9 CHECK (desired_retention > 0 AND desired_retention < 1),
    log_loss          REAL,           -- of these parameters on the user's log when fitted
    created_at        INTEGER NOT NULL,
    active            INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX scheduler_presets_active ON scheduler_presets(active) WHERE active = 1;

CREATE TABLE quiz_sessions (
    id                INTEGER PRIMARY KEY,
    uid               TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    scope_kind        TEXT NOT NULL CHECK (scope_kind IN ('document', 'category', 'all', 'due_soon')),
    scope_ref         TEXT,           -- the document uid or category path
    formats           TEXT NOT NULL DEFAULT 'mixed',
    question_count    INTEGER NOT NULL CHECK (question_count >= 0),
    counts_as_review  INTEGER NOT NULL DEFAULT 0 CHECK (counts_as_review IN (0, 1)),
    started_at        INTEGER NOT NULL,
    finished_at       INTEGER,
    correct_count     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX quiz_sessions_started ON quiz_sessions(started_at);

CREATE TABLE quiz_answers (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES quiz_sessions(id) ON DELETE CASCADE,
    card_id     INTEGER REFERENCES cards(id) ON DELETE SET NULL,
    position    INTEGER NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('reveal', 'typed', 'choice', 'true_false')),
    prompt      TEXT NOT NULL,        -- kept so past quizzes read well after a card changes
    expected    TEXT NOT NULL,
    given       TEXT,
    correct     INTEGER CHECK (correct IN (0, 1)),
    answered_at INTEGER,
    duration_ms INTEGER,
    UNIQUE (session_id, position)
) STRICT;
CREATE INDEX quiz_answers_card ON quiz_answers(card_id) WHERE card_id IS NOT NULL;
