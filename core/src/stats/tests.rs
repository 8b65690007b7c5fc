//! Figures on a small constructed collection, known by hand.
//!
//! The learner lives at UTC+1; "now" is Tuesday 2026-03-10 15:00, so today's
//! learner day began at 04:00 that morning.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use rusqlite::params;

use super::heatmap::{current_streak, Streak};
use super::*;
use crate::schedule::DAY_MS;

const HOUR: i64 = 3_600_000;

fn zone() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

fn at(m: u32, d: u32, h: u32, min: u32) -> i64 {
    zone()
        .with_ymd_and_hms(2026, m, d, h, min, 0)
        .unwrap()
        .timestamp_millis()
}

fn now() -> i64 {
    at(3, 10, 15, 0)
}

struct Card {
    id: i64,
    doc: i64,
    status: &'static str,
    state: &'static str,
    due: Option<i64>,
    stability: Option<f64>,
    last: Option<i64>,
    lapses: i64,
    suspended: bool,
}

fn card(
    id: i64,
    doc: i64,
    state: &'static str,
    due: Option<i64>,
    stability: Option<f64>,
    last: Option<i64>,
    lapses: i64,
) -> Card {
    Card {
        id,
        doc,
        status: "accepted",
        state,
        due,
        stability,
        last,
        lapses,
        suspended: false,
    }
}

/// A review-log row: card, time, rating, state before, elapsed days, duration, origin.
type Log = (i64, i64, i64, &'static str, Option<f64>, i64, &'static str);

fn collection() -> Store {
    fill(Store::open_in_memory().unwrap())
}

fn fill(store: Store) -> Store {
    let conn = store.connection();
    conn.execute_batch(
        "INSERT INTO categories (id, parent_id, name) VALUES (1, NULL, 'History'), (2, 1, 'Ancient'), (3, 1, 'Modern');
         INSERT INTO documents (id, title, category_id, body, content_hash, created_at, updated_at)
         VALUES (1, 'Rome', 2, 'Rome was not built in a day.', 'h1', 0, 0),
                (2, 'Berlin', 3, 'The wall fell in 1989.', 'h2', 0, 0),
                (3, 'Empty', 3, 'No cards here.', 'h3', 0, 0);",
    )
    .unwrap();
    let n = now();
    let day = DAY_MS;
    let mut suspended = card(
        6,
        2,
        "review",
        Some(n - 3 * day),
        Some(5.0),
        Some(n - 5 * day),
        1,
    );
    suspended.suspended = true;
    let mut suggested = card(8, 1, "new", None, None, None, 9);
    suggested.status = "suggested";
    let cards = [
        // Review, retrievability 1 (answered just now), interval 15 days: young; due in 15 days.
        card(1, 1, "review", Some(n + 15 * day), Some(10.0), Some(n), 0),
        // Review, stability 30 and 30 days since: retrievability 0.9; due at 03:00 eleven days on,
        // which is still the learner day ten days on; interval over 21 days: mature.
        card(
            2,
            1,
            "review",
            Some(at(3, 21, 3, 0)),
            Some(30.0),
            Some(n - 30 * day),
            2,
        ),
        card(3, 1, "new", None, None, None, 0),
        // Learning, due in 10 minutes: later today; retrievability 0.9.
        card(
            4,
            2,
            "learning",
            Some(n + 600_000),
            Some(1.0),
            Some(n - day),
            0,
        ),
        // Relearning, due an hour ago: due now; retrievability 0.9.
        card(
            5,
            2,
            "relearning",
            Some(n - HOUR),
            Some(2.0),
            Some(n - 2 * day),
            3,
        ),
        suspended,
        // Review, overdue by two days (a 2-day interval: young); retrievability 0.9.
        card(
            7,
            1,
            "review",
            Some(n - 2 * day),
            Some(4.0),
            Some(n - 4 * day),
            0,
        ),
        suggested,
    ];
    for c in &cards {
        conn.execute(
            "INSERT INTO cards (id, document_id, kind, prompt, answer, span_start, span_end, status, created_at, updated_at)
             VALUES (?1, ?2, 'question', ?3, 'answer', 0, 4, ?4, 0, 0)",
            params![c.id, c.doc, format!("Question {}?", c.id), c.status],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO card_schedule (card_id, state, due, stability, difficulty, reps, lapses, last_review_at, suspended)
             VALUES (?1, ?2, ?3, ?4, 5.0, 4, ?5, ?6, ?7)",
            params![c.id, c.state, c.due, c.stability, c.lapses, c.last, c.suspended],
        )
        .unwrap();
    }
    let min = 1.0 / 1440.0;
    let log: [Log; 13] = [
        // Today, 2026-03-10.
        (1, at(3, 10, 9, 0), 3, "review", Some(14.0), 5_000, "review"), // young pass
        (
            1,
            at(3, 10, 9, 10),
            3,
            "review",
            Some(10.0 * min),
            3_000,
            "quiz",
        ), // the card's second answer today: not in retention
        (
            2,
            at(3, 10, 10, 0),
            1,
            "review",
            Some(30.0),
            7_000,
            "review",
        ), // mature fail
        (4, at(3, 10, 11, 0), 3, "new", None, 6_000, "review"),         // a new card learned
        // 2026-03-09 (02:00 on the 10th is still the 9th's learner day).
        (5, at(3, 10, 2, 0), 1, "review", Some(25.0), 4_000, "review"), // mature fail
        (7, at(3, 9, 12, 0), 2, "review", Some(5.0), 4_000, "review"),  // young pass (Hard passes)
        // 2026-03-08.
        (6, at(3, 8, 8, 0), 4, "review", Some(40.0), 4_000, "review"), // mature pass
        (6, at(3, 8, 9, 0), 3, "review", Some(20.0), 0, "rescheduled"), // not an answer
        (
            4,
            at(3, 8, 10, 0),
            1,
            "learning",
            Some(0.1),
            4_000,
            "review",
        ), // an answer, not in retention
        // 2026-03-07 and 03-05: nothing. 2026-03-04: the edge of the 7-day window.
        (1, at(3, 4, 12, 0), 3, "review", Some(2.0), 4_000, "review"), // young pass
        // 2026-02-18: in 30 days, not in 7.
        (
            2,
            at(2, 18, 12, 0),
            1,
            "review",
            Some(22.0),
            4_000,
            "review",
        ), // mature fail
        // 2025-11-30: in 365 days only.
        (
            2,
            at(11, 30, 12, 0) - 365 * DAY_MS,
            3,
            "review",
            Some(50.0),
            4_000,
            "review",
        ), // mature pass
        // 2025-02-03: over a year ago.
        (
            1,
            at(2, 3, 12, 0) - 365 * DAY_MS,
            1,
            "review",
            Some(5.0),
            4_000,
            "review",
        ),
    ];
    for (card, time, rating, before, elapsed, duration, origin) in log {
        conn.execute(
            "INSERT INTO review_log (card_id, reviewed_at, rating, state_before, state_after, elapsed_days, duration_ms, origin)
             VALUES (?1, ?2, ?3, ?4, 'review', ?5, ?6, ?7)",
            params![card, time, rating, before, elapsed, duration, origin],
        )
        .unwrap();
    }
    conn.execute_batch(
        "INSERT INTO quiz_sessions (scope_kind, question_count, started_at, finished_at, correct_count)
         VALUES ('document', 4, 100, 2000, 3), ('all', 10, 50, 1000, 8), ('all', 5, 3000, NULL, 0);",
    )
    .unwrap();
    store
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn today_counts_answers_due_cards_and_time() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    assert_eq!(d.today_date, "2026-03-10");
    let t = &d.today;
    assert_eq!(
        t.reviewed, 4,
        "the reschedule and yesterday's 02:00 answer are not today's"
    );
    assert_eq!(t.new_learned, 1);
    assert_eq!(t.time_spent_ms, 21_000);
    assert_eq!(
        t.due_now, 2,
        "cards 5 and 7; the suspended card 6 is not counted"
    );
    assert_eq!(t.due_later_today, 1);
    assert!(!d.is_empty);
}

#[test]
fn the_streak_counts_days_in_a_row_and_survives_until_today_ends() {
    let store = collection();
    let d = dashboard_in(&store, now(), &zone()).unwrap();
    assert_eq!(
        (d.today.streak_days, d.today.reviewed_today),
        (3, true),
        "the 8th, 9th and 10th"
    );
    assert_eq!(d.today.longest_streak_days, 3);
    // The next day, before any review: the streak is still alive.
    let d = dashboard_in(&store, now() + DAY_MS, &zone()).unwrap();
    assert_eq!((d.today.streak_days, d.today.reviewed_today), (3, false));
    assert_eq!(d.today.reviewed, 0);
    // A whole day without reviews breaks it.
    let d = dashboard_in(&store, now() + 2 * DAY_MS, &zone()).unwrap();
    assert_eq!((d.today.streak_days, d.today.reviewed_today), (0, false));
    assert_eq!(d.today.longest_streak_days, 3);
}

#[test]
fn a_streak_longer_than_the_heatmap_asks_for_older_days() {
    let mut asked = Vec::new();
    let streak = current_streak(&[1, 2, 3], |back| {
        asked.push(back);
        Ok(back < 4)
    })
    .unwrap();
    assert_eq!(
        streak,
        Streak {
            days: 7,
            reviewed_today: true
        }
    );
    assert_eq!(asked, [0, 1, 2, 3, 4]);
    let streak = current_streak(&[0, 5, 0], |_| panic!("a gap ends the streak")).unwrap();
    assert_eq!(
        streak,
        Streak {
            days: 1,
            reviewed_today: false
        },
        "yesterday's answers keep it alive today"
    );
    let streak = current_streak(&[5, 0, 0], |_| panic!("a gap ends the streak")).unwrap();
    assert_eq!(
        streak,
        Streak {
            days: 0,
            reviewed_today: false
        }
    );
    assert_eq!(
        current_streak(&[], |_| Ok(true)).unwrap(),
        Streak::default()
    );
}

#[test]
fn the_heatmap_covers_53_weeks_by_learner_day() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    let h = &d.heatmap;
    // 2026-03-10 is a Tuesday: the grid starts on the Monday 52 weeks before the 9th.
    assert_eq!(h.start_date, "2025-03-10");
    assert_eq!(
        NaiveDate::parse_from_str(&h.start_date, "%Y-%m-%d")
            .unwrap()
            .format("%a")
            .to_string(),
        "Mon"
    );
    assert_eq!(h.end_date, "2026-03-10");
    assert_eq!(h.days.len(), 52 * 7 + 2);
    let count = |date: &str| h.days.iter().find(|d| d.date == date).unwrap().count;
    assert_eq!(count("2026-03-10"), 4);
    assert_eq!(count("2026-03-09"), 2);
    assert_eq!(count("2026-03-08"), 2);
    assert_eq!(count("2026-03-07"), 0);
    assert_eq!(count("2026-03-04"), 1);
    assert_eq!(count("2025-11-30"), 1);
    assert_eq!(
        (h.total, h.active_days, h.max_count, h.longest_streak),
        (11, 6, 4, 3)
    );
}

#[test]
fn the_forecast_puts_each_card_on_its_learner_day() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    let f = &d.forecast;
    assert_eq!(f.days.len(), 30);
    assert_eq!((f.days[0].day, f.days[0].date.as_str()), (0, "2026-03-10"));
    let counts: Vec<(u32, u32)> = f
        .days
        .iter()
        .filter(|d| d.count > 0)
        .map(|d| (d.day, d.count))
        .collect();
    // Today: overdue card 7, card 5 due an hour ago, card 4 in ten minutes. Card 2 falls due
    // at 03:00 on the 21st, still the 20th's learner day; card 1 in 15 days. Suspended card 6
    // and new card 3 are not due.
    assert_eq!(counts, [(0, 3), (10, 1), (15, 1)]);
    assert_eq!((f.overdue, f.total, f.max_count), (1, 5, 3));
}

#[test]
fn true_retention_counts_first_review_answers_by_young_and_mature() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    type Cells = (u32, (u32, u32), (u32, u32), (u32, u32));
    let cells: Vec<Cells> = d
        .retention
        .iter()
        .map(|p| {
            (
                p.days,
                (p.young.passed, p.young.reviews),
                (p.mature.passed, p.mature.reviews),
                (p.all.passed, p.all.reviews),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            (7, (3, 3), (1, 3), (4, 6)),
            (30, (3, 3), (1, 4), (4, 7)),
            (365, (3, 3), (2, 5), (5, 8))
        ]
    );
    assert!(close(d.retention[0].mature.rate.unwrap(), 1.0 / 3.0));
    assert!(close(d.retention[2].all.rate.unwrap(), 5.0 / 8.0));
}

#[test]
fn cards_by_state_count_each_deck_card_once() {
    let s = dashboard_in(&collection(), now(), &zone()).unwrap().states;
    assert_eq!(
        (
            s.new,
            s.learning,
            s.relearning,
            s.young,
            s.mature,
            s.suspended,
            s.total
        ),
        (1, 1, 1, 2, 1, 1, 7),
        "the suggested card is not in the deck"
    );
}

#[test]
fn mastery_is_mean_retrievability_and_share_learned() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    let docs: Vec<(i64, u32, u32)> = d
        .documents
        .iter()
        .map(|m| (m.document_id, m.mastery.cards, m.mastery.learned))
        .collect();
    assert_eq!(
        docs,
        [(1, 4, 3), (2, 3, 2)],
        "the document without cards is left out"
    );
    // Rome: cards 1 (R = 1), 2 and 7 (R = 0.9); card 3 is new.
    let rome = d.documents[0].mastery;
    assert!(
        close(rome.mean_retrievability.unwrap(), 2.8 / 3.0),
        "{rome:?}"
    );
    assert!(close(rome.learned_share, 0.75));
    // Berlin: cards 4, 5 and 6, each at R = 0.9; the learning card 4 is not learned yet.
    let berlin = d.documents[1].mastery;
    assert!(
        close(berlin.mean_retrievability.unwrap(), 0.9),
        "{berlin:?}"
    );
    assert!(close(berlin.learned_share, 2.0 / 3.0));

    let cats: Vec<(Vec<String>, u32, u32)> = d
        .categories
        .iter()
        .map(|c| (c.path.clone(), c.mastery.cards, c.mastery.learned))
        .collect();
    let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        cats,
        [
            (path(&["History"]), 7, 5),
            (path(&["History", "Ancient"]), 4, 3),
            (path(&["History", "Modern"]), 3, 2)
        ]
    );
    assert!(close(
        d.categories[0].mastery.mean_retrievability.unwrap(),
        5.5 / 6.0
    ));

    // The library's bars give the same figures.
    assert_eq!(document_mastery(&collection(), now()).unwrap(), d.documents);
}

#[test]
fn the_hardest_cards_are_the_most_lapsed_with_their_passages() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    let hard: Vec<(i64, u32)> = d.hardest.iter().map(|c| (c.card_id, c.lapses)).collect();
    assert_eq!(
        hard,
        [(5, 3), (2, 2), (6, 1)],
        "the suggested card 8 is not in the deck"
    );
    let first = &d.hardest[0];
    assert_eq!(first.document_title.as_deref(), Some("Berlin"));
    assert_eq!(
        (first.document_id, first.span_start, first.span_end),
        (Some(2), Some(0), Some(4))
    );
    assert!(close(first.retrievability.unwrap(), 0.9));
}

#[test]
fn quiz_scores_are_finished_quizzes_in_order() {
    let d = dashboard_in(&collection(), now(), &zone()).unwrap();
    let scores: Vec<(u32, u32, f64)> = d
        .quiz_scores
        .iter()
        .map(|q| (q.correct, q.questions, q.score))
        .collect();
    assert_eq!(scores, [(8, 10, 0.8), (3, 4, 0.75)]);
}

#[test]
fn a_new_collection_is_empty_with_zeroes_not_errors() {
    let d = dashboard_in(&Store::open_in_memory().unwrap(), now(), &zone()).unwrap();
    assert!(d.is_empty);
    assert_eq!(d.heatmap.days.len(), 52 * 7 + 2);
    assert_eq!(
        (d.today.reviewed, d.today.streak_days, d.forecast.total),
        (0, 0, 0)
    );
    assert!(d.retention.iter().all(|p| p.all.rate.is_none()));
    assert!(
        d.documents.is_empty()
            && d.categories.is_empty()
            && d.hardest.is_empty()
            && d.quiz_scores.is_empty()
    );
    // In the local zone too.
    assert!(
        dashboard(&Store::open_in_memory().unwrap(), now())
            .unwrap()
            .is_empty
    );
}

#[test]
fn a_file_store_reads_the_deck_on_a_second_connection_with_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    let file = fill(Store::open(dir.path().join("stats.sqlite3")).unwrap());
    assert!(file.reader().unwrap().is_some());
    assert!(collection().reader().unwrap().is_none());
    assert_eq!(
        dashboard_in(&file, now(), &zone()).unwrap(),
        dashboard_in(&collection(), now(), &zone()).unwrap()
    );
}

#[test]
fn a_quiz_ended_early_is_scored_over_its_answered_questions() {
    let store = collection();
    store
        .connection()
        .execute_batch(
            "INSERT INTO quiz_sessions (id, scope_kind, question_count, started_at, finished_at, correct_count)
             VALUES (90, 'all', 5, 4000, 5000, 2), (91, 'all', 2, 6000, 7000, 0);
             INSERT INTO quiz_answers (session_id, position, format, prompt, expected, given, correct, answered_at)
             VALUES (90, 1, 'typed', 'p', 'e', 'e', 1, 4100), (90, 2, 'typed', 'p', 'e', 'e', 1, 4200),
                    (90, 3, 'typed', 'p', 'e', 'x', 0, 4300), (90, 4, 'typed', 'p', 'e', NULL, NULL, NULL),
                    (90, 5, 'typed', 'p', 'e', NULL, NULL, NULL),
                    (91, 1, 'typed', 'p', 'e', NULL, NULL, NULL), (91, 2, 'typed', 'p', 'e', NULL, NULL, NULL);",
        )
        .unwrap();
    let d = dashboard_in(&store, now(), &zone()).unwrap();
    let scores: Vec<(i64, u32, u32)> = d
        .quiz_scores
        .iter()
        .map(|q| (q.session_id, q.correct, q.questions))
        .collect();
    // 2 of the 3 answered, not 2 of 5; the quiz with no answer is no score at all.
    assert_eq!(scores.last(), Some(&(90, 2, 3)));
    assert!(!scores.iter().any(|s| s.0 == 91));
}

/// A random library for the kept deck's test: three documents in two
/// categories, `n` cards from `first_id` in every state (some suggested or
/// rejected, suspended or buried), and a log of answers over the past month.
fn random_library(store: &Store, first_id: i64, n: i64, seed: u64) {
    let conn = store.connection();
    conn.execute_batch(
        "INSERT OR IGNORE INTO categories (id, parent_id, name) VALUES (1, NULL, 'History'), (2, 1, 'Ancient');
         INSERT OR IGNORE INTO documents (id, title, category_id, body, content_hash, created_at, updated_at)
         VALUES (1, 'Rome', 2, 'Rome was not built in a day.', 'h1', 0, 0),
                (2, 'Berlin', 1, 'The wall fell in 1989.', 'h2', 0, 0),
                (3, 'Loose', NULL, 'No category.', 'h3', 0, 0);",
    )
    .unwrap();
    let mut rng = seed;
    let mut next = move |m: i64| {
        rng = rng
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((rng >> 33) as i64).rem_euclid(m)
    };
    let n_now = now();
    for id in first_id..first_id + n {
        let status = [
            "accepted",
            "accepted",
            "accepted",
            "accepted",
            "suggested",
            "rejected",
        ][next(6) as usize];
        let doc: Option<i64> = [Some(1), Some(2), Some(3), None][next(4) as usize];
        conn.execute(
            "INSERT INTO cards (id, kind, prompt, answer, status, document_id, created_at, updated_at)
             VALUES (?1, 'question', 'When did it happen?', 'Then', ?2, ?3, 0, 0)",
            params![id, status, doc],
        )
        .unwrap();
        let state = ["new", "learning", "review", "review", "relearning"][next(5) as usize];
        let learned = state != "new";
        let last = n_now - next(60) * DAY_MS - next(DAY_MS);
        let due = if learned {
            Some(n_now + (next(80) - 20) * DAY_MS / 2 + next(DAY_MS))
        } else {
            None
        };
        let stability = learned.then(|| 0.1 + next(4000) as f64 / 37.0);
        let difficulty = learned.then(|| 1.0 + next(900) as f64 / 100.0);
        let buried = (next(15) == 0).then(|| n_now + (next(3) - 1) * DAY_MS);
        conn.execute(
            "INSERT INTO card_schedule (card_id, state, due, stability, difficulty, step, reps, lapses,
                                        last_review_at, new_position, suspended, buried_until)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                state,
                due,
                stability,
                difficulty,
                if learned { 1 + next(20) } else { 0 },
                if learned { next(6) } else { 0 },
                learned.then_some(last),
                (!learned).then_some(id),
                next(12) == 0,
                buried
            ],
        )
        .unwrap();
        if learned {
            conn.execute(
                "INSERT INTO review_log (card_id, reviewed_at, rating, state_before, state_after,
                                         elapsed_days, duration_ms, origin)
                 VALUES (?1, ?2, ?3, 'review', ?4, ?5, ?6, 'review')",
                params![id, last, 1 + next(4), state, next(40) as f64, next(20_000)],
            )
            .unwrap();
        }
    }
}

/// The kept deck (patched for this store's answers and undos, read afresh
/// after anything else) gives the very figures a fresh store reads from the
/// file: after answers, undo, deletes, an import, a suspension and another
/// connection's answer.
#[test]
fn the_kept_deck_gives_the_figures_of_a_fresh_read() {
    use crate::review::{scheduler_config, ReviewMode, ReviewSession};
    use crate::schedule::Rating;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.sqlite3");
    let mut store = Store::open(&path).unwrap();
    random_library(&store, 1, 400, 11);
    let same = |store: &Store, at: i64| {
        let fresh = Store::open(&path).unwrap();
        let kept = dashboard_in(store, at, &zone()).unwrap();
        assert_eq!(kept, dashboard_in(&fresh, at, &zone()).unwrap());
        assert!(kept.states.total > 0);
    };
    same(&store, now());
    assert!(store.refresh_kept_deck().unwrap(), "nothing changed");

    // Answers and undo on this store: only those cards are read again.
    let mut clock = now();
    let mut session =
        ReviewSession::start(&store, scheduler_config(&store).unwrap(), clock).unwrap();
    let ratings = [Rating::Again, Rating::Good, Rating::Hard, Rating::Easy];
    for i in 0..30 {
        let Some(card) = session
            .status(&store, clock, ReviewMode::Reveal)
            .unwrap()
            .card
        else {
            break;
        };
        session
            .answer(
                &mut store,
                card.card.card.id.0,
                ratings[i % 4],
                clock,
                Some(4_000),
                ReviewMode::Reveal,
            )
            .unwrap();
        clock += 61_000;
    }
    assert!(session.counts().review + session.counts().learning > 0);
    for _ in 0..3 {
        assert!(session.undo(&mut store).unwrap());
    }
    assert!(
        store.refresh_kept_deck().unwrap(),
        "answers and undo patch the deck"
    );
    same(&store, clock);
    same(&store, clock + 3 * DAY_MS);

    // Anything else this store does: the deck is read afresh.
    store
        .connection()
        .execute("DELETE FROM cards WHERE id % 7 = 0", [])
        .unwrap();
    assert!(!store.refresh_kept_deck().unwrap(), "a delete is noticed");
    same(&store, clock);
    random_library(&store, 1_000, 120, 12);
    assert!(!store.refresh_kept_deck().unwrap(), "an import is noticed");
    same(&store, clock);
    let some_card: i64 = store
        .connection()
        .query_row(
            "SELECT card_id FROM card_schedule WHERE suspended = 0 LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    store.set_suspended(crate::CardId(some_card), true).unwrap();
    same(&store, clock);

    // Another connection answers: this store's kept deck is out of date.
    {
        let mut other = Store::open(&path).unwrap();
        let mut session =
            ReviewSession::start(&other, scheduler_config(&other).unwrap(), clock).unwrap();
        let card = session
            .status(&other, clock, ReviewMode::Reveal)
            .unwrap()
            .card
            .expect("a card to answer");
        session
            .answer(
                &mut other,
                card.card.card.id.0,
                Rating::Good,
                clock,
                None,
                ReviewMode::Reveal,
            )
            .unwrap();
    }
    assert!(
        !store.refresh_kept_deck().unwrap(),
        "another connection's answer is noticed"
    );
    same(&store, clock + 60_000);

    // The library's bars come from the same kept deck.
    assert_eq!(
        document_mastery(&store, clock).unwrap(),
        document_mastery(&Store::open(&path).unwrap(), clock).unwrap()
    );
}

/// The deck warmed in the background after launch is kept, patched for the
/// answers given while it was read, and gives the figures of a fresh read; a
/// dashboard asked for before it ends waits for it; another connection's
/// commit meanwhile makes the next dashboard read afresh.
#[test]
fn a_deck_warmed_in_the_background_gives_the_figures_of_a_fresh_read() {
    use crate::review::{scheduler_config, ReviewMode, ReviewSession};
    use crate::schedule::Rating;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("warm.sqlite3");
    let mut store = Store::open(&path).unwrap();
    random_library(&store, 1, 400, 13);
    let same = |store: &Store, at: i64| {
        let fresh = Store::open(&path).unwrap();
        let kept = dashboard_in(store, at, &zone()).unwrap();
        assert_eq!(kept, dashboard_in(&fresh, at, &zone()).unwrap());
        assert!(kept.states.total > 0);
    };
    let answer = |store: &mut Store, clock: i64, n: usize| {
        let mut session =
            ReviewSession::start(store, scheduler_config(store).unwrap(), clock).unwrap();
        let mut answered = 0;
        for i in 0..n {
            let Some(card) = session
                .status(store, clock, ReviewMode::Reveal)
                .unwrap()
                .card
            else {
                break;
            };
            let rating = [Rating::Again, Rating::Good, Rating::Easy][i % 3];
            session
                .answer(
                    store,
                    card.card.card.id.0,
                    rating,
                    clock,
                    None,
                    ReviewMode::Reveal,
                )
                .unwrap();
            answered += 1;
        }
        answered
    };

    // Answers while the deck is read (or just after): noted either way.
    let warm = store
        .warm_deck_in_background()
        .unwrap()
        .expect("a file's store warms its deck");
    assert!(
        store.warm_deck_in_background().unwrap().is_none(),
        "one warm-up at a time"
    );
    let clock = now();
    assert!(answer(&mut store, clock, 12) > 0);
    warm.join().unwrap();
    assert!(
        store.refresh_kept_deck().unwrap(),
        "the warmed deck is kept and patched for the answers"
    );
    assert!(!store.kept_deck().is_empty());
    same(&store, clock);
    assert!(
        store.warm_deck_in_background().unwrap().is_none(),
        "a kept deck needs no warm-up"
    );

    // A dashboard asked for at once waits for the warm-up and is right.
    let waiting = Store::open(&path).unwrap();
    let warm = waiting.warm_deck_in_background().unwrap().expect("warms");
    same(&waiting, clock);
    warm.join().unwrap();
    assert!(waiting.refresh_kept_deck().unwrap());
    same(&waiting, clock + DAY_MS);

    // Another connection commits during the warm-up: read afresh.
    let outdated = Store::open(&path).unwrap();
    let warm = outdated.warm_deck_in_background().unwrap().expect("warms");
    assert!(answer(&mut Store::open(&path).unwrap(), clock + 60_000, 3) > 0);
    warm.join().unwrap();
    assert!(
        !outdated.refresh_kept_deck().unwrap(),
        "another connection's answer is noticed"
    );
    same(&outdated, clock + 120_000);

    assert!(Store::open_in_memory()
        .unwrap()
        .warm_deck_in_background()
        .unwrap()
        .is_none());
}
