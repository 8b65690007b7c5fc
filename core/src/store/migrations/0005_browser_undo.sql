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

-- The browser's sorts, each an index, so its first page is read in order and
-- the walk stops there instead of sorting 100,000 cards: by when a card was
-- added (the deck: accepted cards), by due (new cards last, in the order they
-- are introduced), by difficulty (cards never reviewed last), by lapses.
-- (The queries write `+c.status` where the status must not pick the plan; the
-- deck's count uses cards_status.)
CREATE INDEX cards_status ON cards(status);
CREATE INDEX cards_created ON cards(created_at);
-- Each also holds state and suspended, so the state filters are checked in
-- the index while it is walked (new cards sort last by due: without them,
-- listing new cards would read every scheduled row first).
CREATE INDEX card_schedule_browse_due ON card_schedule(due IS NULL, due, new_position, state, suspended);
CREATE INDEX card_schedule_browse_difficulty ON card_schedule(difficulty IS NULL, difficulty, state, suspended);
CREATE INDEX card_schedule_browse_lapses ON card_schedule(lapses, state, suspended);

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
