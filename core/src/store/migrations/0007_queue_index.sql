-- Today's queue reads every learning and review card due today (at a
-- lifetime's scale some 86,000 of 1,000,000). With only (state, due) indexed,
-- each was a lookup in card_schedule and another in the large cards table
-- (~300 ms). This index holds every column the queue reads, so the read is
-- one pass over a range of it; it starts with (state, due), so it serves every
-- query the old index served, and replaces it.
CREATE INDEX card_schedule_queue ON card_schedule(
    state, due, suspended, buried_until,
    stability, difficulty, step, reps, lapses, last_review_at, new_position);
DROP INDEX card_schedule_due;
-- Cards that are not (or no longer) accepted: few, and read whole by the
-- queue to leave them out without visiting each due card's row in cards.
CREATE INDEX cards_unaccepted ON cards(id) WHERE status <> 'accepted';
-- The dashboard reads every deck card's schedule: in card order from this
-- index (the document too, so the large cards table is not visited), in two
-- halves of the id range at once.
CREATE INDEX cards_deck ON cards(status, id, document_id);
