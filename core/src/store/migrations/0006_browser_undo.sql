-- The card browser and undo.

-- A flag the learner sets on a card in the browser ("look at this again").
ALTER TABLE cards ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1));

-- Full-text search over every card's prompt, answer and source sentence, for
-- the browser's search box (a scan of 100,000 cards with LIKE is too slow).
-- Kept in step by triggers, like documents_fts.
CREATE VIRTUAL TABLE cards_fts USING fts5(
    prompt, answer, source_text,
    content = 'cards', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO cards_fts(rowid, prompt, answer, source_text) SELECT id, prompt, answer, source_text FROM cards;
CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
    INSERT INTO cards_fts(rowid, prompt, answer, source_text) VALUES (new.id, new.prompt, new.answer, new.source_text);
END;
CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
    INSERT INTO cards_fts(cards_fts, rowid, prompt, answer, source_text) VALUES ('delete', old.id, old.prompt, old.answer, old.source_text);
END;
CREATE TRIGGER cards_fts_update AFTER UPDATE OF prompt, answer, source_text ON cards BEGIN
    INSERT INTO cards_fts(cards_fts, rowid, prompt, answer, source_text) VALUES ('delete', old.id, old.prompt, old.answer, old.source_text);
    INSERT INTO cards_fts(rowid, prompt, answer, source_text) VALUES (new.id, new.prompt, new.answer, new.source_text);
END;

-- The browser lists the deck (accepted cards) sorted by when they were added.
CREATE INDEX cards_status_created ON cards(status, created_at);

-- What the last undoable action changed, so it can be put back: every row it
-- touched as it was before (JSON, see store::undo) and a fingerprint of the
-- same rows after, so an undo never overwrites a later change. Only the
-- newest entry counts; a new action replaces it.
CREATE TABLE undo_entries (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rows_json  TEXT NOT NULL,
    after_hash TEXT NOT NULL
) STRICT;
