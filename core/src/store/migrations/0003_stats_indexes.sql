-- The progress dashboard sums a year of the review log one learner day at a
-- time. This index holds, next to each answer's time, two small integers that
-- pack what the dashboard counts (store::stats decodes them; 21 bits each):
--   kind:   1 per answer (not reschedules) + 2^21 if the card was new
--           + 2^42 if it was a review of a young card (interval under 21 days)
--   recall: for review-state answers: young ones 1 if passed (Hard, Good,
--           Easy); mature ones 2^21 + 2^42 if passed
-- and the duration, so those sums never visit the table. It starts with
-- reviewed_at, so it also serves every query the plain time index served,
-- and replaces it.
CREATE INDEX review_log_stats ON review_log(
    reviewed_at,
    (CASE WHEN origin = 'rescheduled' THEN 0
          WHEN state_before = 'new' THEN 2097153
          WHEN state_before = 'review' AND ifnull(elapsed_days, 0) < 21 THEN 4398046511105
          ELSE 1 END),
    (CASE WHEN origin = 'rescheduled' OR state_before <> 'review' THEN 0
          WHEN ifnull(elapsed_days, 0) < 21 THEN rating >= 2
          ELSE 2097152 + (rating >= 2) * 4398046511104 END),
    duration_ms);
DROP INDEX review_log_time;

-- Review answers that may have followed another answer to the same card on
-- the same learner day (true retention counts only the first): their previous
-- answer was less than 1.1 days before. Few rows, read once per dashboard.
CREATE INDEX review_log_close_reviews ON review_log(reviewed_at)
    WHERE state_before = 'review' AND origin <> 'rescheduled' AND elapsed_days < 1.1;
