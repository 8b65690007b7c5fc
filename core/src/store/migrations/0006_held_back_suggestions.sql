-- Suggestions the quality model holds back (below its bar, or past the number a
-- text of its length gets): kept so the reader can show them on request, never
-- accepted by "Accept all".
ALTER TABLE cards ADD COLUMN held_back INTEGER NOT NULL DEFAULT 0 CHECK (held_back IN (0, 1));
