-- The card browser's sort indexes from migration 0005 cost every answer more
-- than they save the browser. SQLite rewrites each index on a column an
-- UPDATE sets, and an answer sets due and difficulty (state and lapses when
-- they change): at a lifetime's 1,000,000 cards they were about a quarter of
-- an answer's CPU time (lifetime_bench, CPU of the answering thread: mean
-- 0.15-0.20 ms with them, 0.12-0.16 without; p99 0.28-0.45 ms against
-- 0.20-0.27, one run 0.53). Without them the browser's first page sorted by
-- due, difficulty or lapses reads the deck in card order (the cards_status
-- index, then each schedule row by its key) and keeps the best 100 as it
-- goes: 150-200 ms of CPU at 1,000,000 cards, either way round (browser_bench
-- on lifetime_bench's file), against 32-47 ms with them by due and by
-- difficulty ascending, 158 descending. That is a click on a column header;
-- an answer is what a learner repeats hundreds of times a day. The lapses
-- index did not even serve "fewest lapses first": state and suspended sat
-- before the card id, so the 460,000 cards without a lapse were sorted each
-- time (280 ms with it, 150 ms without; most lapses first 135 against 175).
-- Sorted with a state or due filter the page now takes ~300 ms (was ~120).
DROP INDEX IF EXISTS card_schedule_browse_due;
DROP INDEX IF EXISTS card_schedule_browse_difficulty;
DROP INDEX IF EXISTS card_schedule_browse_lapses;

-- A card added to the deck takes the next place in the new-card order,
-- max(new_position) + 1. That read scanned card_schedule_browse_due whole
-- (~45 ms at 1,000,000 cards, for every card added), and would scan the table
-- without it (~75 ms); this index answers it at once. No answer sets
-- new_position, so answers never write to it.
CREATE INDEX card_schedule_new_position ON card_schedule(new_position);
