-- Cards the generator writes wait as suggestions until the learner accepts or
-- rejects them. A rejection is kept, so writing the document's cards again does
-- not bring the card back. Cards that existed before this version were made on
-- purpose, so they count as accepted.
ALTER TABLE cards ADD COLUMN status TEXT NOT NULL DEFAULT 'accepted'
    CHECK (status IN ('suggested', 'accepted', 'rejected'));
CREATE INDEX cards_document_status ON cards(document_id, status);

-- The revision of the document its current suggestions were written from;
-- NULL when none were written yet.
ALTER TABLE documents ADD COLUMN suggested_revision INTEGER;
