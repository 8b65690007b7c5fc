-- Fitting FSRS reads every card's answers in order (store::review_history):
-- card, time, id (ties), rating and origin. With only (card_id, reviewed_at) indexed,
-- each of a lifetime's 10,000,000 answers was a lookup in the table (100 s);
-- this index holds them all, so the read is one pass over it. It starts with
-- the same two columns, so it serves every query the old index served, and
-- replaces it.
CREATE INDEX review_log_card_history ON review_log(card_id, reviewed_at, id, rating, origin);
DROP INDEX review_log_card;
