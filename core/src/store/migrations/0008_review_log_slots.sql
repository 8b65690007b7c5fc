-- The progress dashboard sums a year of the review log by learner day: at a
-- lifetime's scale five million answers, ~500 ms even from the covering
-- review_log_stats index. This table holds the same packed sums (see 0003 and
-- store::stats) per 15 minutes of answers, kept by triggers in the same
-- transaction as every insert, change and delete of the log (answers, undo,
-- imports, deleted cards), so a year is ~35,000 small rows. Learner days start
-- at 4 am local time, a whole number of quarter hours from midnight UTC in
-- every time zone; other bounds read the log for their ragged ends. Answers
-- before 1970 (negative times) are left to the log.
CREATE TABLE review_log_slots (
    slot        INTEGER PRIMARY KEY, -- reviewed_at / 900000
    answers     INTEGER NOT NULL,    -- rows of the log in the slot: the row goes at 0
    kind        INTEGER NOT NULL,
    recall      INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL
) STRICT;

INSERT INTO review_log_slots (slot, answers, kind, recall, duration_ms)
SELECT reviewed_at / 900000, count(*),
       sum(CASE WHEN origin = 'rescheduled' THEN 0
                WHEN state_before = 'new' THEN 2097153
                WHEN state_before = 'review' AND ifnull(elapsed_days, 0) < 21 THEN 4398046511105
                ELSE 1 END),
       sum(CASE WHEN origin = 'rescheduled' OR state_before <> 'review' THEN 0
                WHEN ifnull(elapsed_days, 0) < 21 THEN rating >= 2
                ELSE 2097152 + (rating >= 2) * 4398046511104 END),
       ifnull(sum(duration_ms), 0)
FROM review_log WHERE reviewed_at >= 0 GROUP BY reviewed_at / 900000;

CREATE TRIGGER review_log_slots_insert AFTER INSERT ON review_log WHEN new.reviewed_at >= 0 BEGIN
    INSERT INTO review_log_slots (slot, answers, kind, recall, duration_ms) VALUES (
        new.reviewed_at / 900000, 1,
        CASE WHEN new.origin = 'rescheduled' THEN 0
             WHEN new.state_before = 'new' THEN 2097153
             WHEN new.state_before = 'review' AND ifnull(new.elapsed_days, 0) < 21 THEN 4398046511105
             ELSE 1 END,
        CASE WHEN new.origin = 'rescheduled' OR new.state_before <> 'review' THEN 0
             WHEN ifnull(new.elapsed_days, 0) < 21 THEN new.rating >= 2
             ELSE 2097152 + (new.rating >= 2) * 4398046511104 END,
        ifnull(new.duration_ms, 0))
    ON CONFLICT (slot) DO UPDATE SET answers = answers + excluded.answers, kind = kind + excluded.kind,
        recall = recall + excluded.recall, duration_ms = duration_ms + excluded.duration_ms;
END;

CREATE TRIGGER review_log_slots_delete AFTER DELETE ON review_log WHEN old.reviewed_at >= 0 BEGIN
    UPDATE review_log_slots SET answers = answers - 1,
        kind = kind - CASE WHEN old.origin = 'rescheduled' THEN 0
             WHEN old.state_before = 'new' THEN 2097153
             WHEN old.state_before = 'review' AND ifnull(old.elapsed_days, 0) < 21 THEN 4398046511105
             ELSE 1 END,
        recall = recall - CASE WHEN old.origin = 'rescheduled' OR old.state_before <> 'review' THEN 0
             WHEN ifnull(old.elapsed_days, 0) < 21 THEN old.rating >= 2
             ELSE 2097152 + (old.rating >= 2) * 4398046511104 END,
        duration_ms = duration_ms - ifnull(old.duration_ms, 0)
    WHERE slot = old.reviewed_at / 900000;
    DELETE FROM review_log_slots WHERE slot = old.reviewed_at / 900000 AND answers <= 0;
END;

-- A change to a counted column: out with the old row's share, in with the new's.
CREATE TRIGGER review_log_slots_update_old AFTER UPDATE OF reviewed_at, origin, state_before, elapsed_days, rating, duration_ms
    ON review_log WHEN old.reviewed_at >= 0 BEGIN
    UPDATE review_log_slots SET answers = answers - 1,
        kind = kind - CASE WHEN old.origin = 'rescheduled' THEN 0
             WHEN old.state_before = 'new' THEN 2097153
             WHEN old.state_before = 'review' AND ifnull(old.elapsed_days, 0) < 21 THEN 4398046511105
             ELSE 1 END,
        recall = recall - CASE WHEN old.origin = 'rescheduled' OR old.state_before <> 'review' THEN 0
             WHEN ifnull(old.elapsed_days, 0) < 21 THEN old.rating >= 2
             ELSE 2097152 + (old.rating >= 2) * 4398046511104 END,
        duration_ms = duration_ms - ifnull(old.duration_ms, 0)
    WHERE slot = old.reviewed_at / 900000;
    DELETE FROM review_log_slots WHERE slot = old.reviewed_at / 900000 AND answers <= 0;
END;
CREATE TRIGGER review_log_slots_update_new AFTER UPDATE OF reviewed_at, origin, state_before, elapsed_days, rating, duration_ms
    ON review_log WHEN new.reviewed_at >= 0 BEGIN
    INSERT INTO review_log_slots (slot, answers, kind, recall, duration_ms) VALUES (
        new.reviewed_at / 900000, 1,
        CASE WHEN new.origin = 'rescheduled' THEN 0
             WHEN new.state_before = 'new' THEN 2097153
             WHEN new.state_before = 'review' AND ifnull(new.elapsed_days, 0) < 21 THEN 4398046511105
             ELSE 1 END,
        CASE WHEN new.origin = 'rescheduled' OR new.state_before <> 'review' THEN 0
             WHEN ifnull(new.elapsed_days, 0) < 21 THEN new.rating >= 2
             ELSE 2097152 + (new.rating >= 2) * 4398046511104 END,
        ifnull(new.duration_ms, 0))
    ON CONFLICT (slot) DO UPDATE SET answers = answers + excluded.answers, kind = kind + excluded.kind,
        recall = recall + excluded.recall, duration_ms = duration_ms + excluded.duration_ms;
END;
