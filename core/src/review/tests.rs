//! Review sessions on a real (in-memory) store.

use super::*;
use crate::cards;
use crate::import::{import_named_text, Format};
use crate::schedule::{QueueState, Rating, HOUR_MS, MINUTE_MS};
use crate::store::Store;

const TEXT: &str = "\
The Soviet Union blocked every road into West Berlin in June 1948. General Lucius Clay ordered the first \
supply flights two days later. The blockade ended in May 1949, when Stalin reopened the roads. \
Over 270,000 flights had reached the city by then.";

/// Noon on a fixed day, far from the 4 am rollover in any time zone this runs in.
const NOON: i64 = 1_780_000_000_000 - 1_780_000_000_000 % DAY_MS + 12 * HOUR_MS;

fn deck(n: usize) -> (Store, Vec<i64>) {
    let mut store = Store::open_in_memory().unwrap();
    let id =
        import_named_text(&mut store, "airlift.txt", TEXT, Format::Text, NOON - DAY_MS).added[0].id;
    let ids: Vec<i64> = cards::document_cards(&mut store, id, NOON)
        .unwrap()
        .iter()
        .take(n)
        .map(|c| c.id.0)
        .collect();
    assert_eq!(ids.len(), n, "the text gives {n} cards");
    let card_ids: Vec<crate::CardId> = ids.iter().copied().map(crate::CardId).collect();
    cards::accept(&mut store, &card_ids, NOON).unwrap();
    (store, ids)
}

fn start(store: &Store, now: i64) -> ReviewSession {
    ReviewSession::start(store, scheduler_config(store).unwrap(), now).unwrap()
}

fn shown(session: &mut ReviewSession, store: &Store, now: i64) -> Option<i64> {
    session
        .status(store, now, ReviewMode::Reveal)
        .unwrap()
        .card
        .map(|c| c.card.card.id.0)
}

#[test]
fn new_cards_come_in_the_order_they_were_accepted_with_interval_labels() {
    let (store, ids) = deck(3);
    let mut session = start(&store, NOON);
    assert_eq!(
        session.counts(),
        QueueCounts {
            new: 3,
            learning: 0,
            review: 0
        }
    );
    let status = session.status(&store, NOON, ReviewMode::Reveal).unwrap();
    let card = status.card.unwrap();
    assert_eq!(card.card.card.id.0, ids[0]);
    assert_eq!(card.state, QueueState::New);
    let labels: Vec<&str> = card.buttons.iter().map(|b| b.interval.as_str()).collect();
    assert_eq!(
        labels[0], "1m",
        "Again repeats the first learning step: {labels:?}"
    );
    assert_eq!(
        labels[2], "10m",
        "Good moves to the second step: {labels:?}"
    );
    assert!(
        labels[3].ends_with('d'),
        "Easy graduates at once: {labels:?}"
    );
    assert!(!status.can_undo);
}

#[test]
fn a_learning_card_comes_back_after_its_step_and_the_log_keeps_every_answer() {
    let (mut store, ids) = deck(2);
    let mut session = start(&store, NOON);
    session
        .answer(
            &mut store,
            ids[0],
            Rating::Good,
            NOON,
            Some(4_000),
            ReviewMode::Reveal,
        )
        .unwrap();
    assert_eq!(
        store.schedule_of(crate::CardId(ids[0])).unwrap().state,
        QueueState::Learning
    );
    assert_eq!(shown(&mut session, &store, NOON + 1_000), Some(ids[1]));
    session
        .answer(
            &mut store,
            ids[1],
            Rating::Easy,
            NOON + 1_000,
            None,
            ReviewMode::Reveal,
        )
        .unwrap();
    assert_eq!(
        store.schedule_of(crate::CardId(ids[1])).unwrap().state,
        QueueState::Review
    );

    // Nothing now; the learning card is due in ten minutes (beyond the learn-ahead? no: within it).
    let status = session
        .status(&store, NOON + 2_000, ReviewMode::Reveal)
        .unwrap();
    assert_eq!(
        status.card.map(|c| c.card.card.id.0),
        Some(ids[0]),
        "shown early within the 20-minute learn-ahead"
    );
    assert_eq!(
        status.counts,
        QueueCounts {
            new: 0,
            learning: 1,
            review: 0
        }
    );
    session
        .answer(
            &mut store,
            ids[0],
            Rating::Good,
            NOON + 11 * MINUTE_MS,
            None,
            ReviewMode::Reveal,
        )
        .unwrap();
    assert_eq!(
        store.schedule_of(crate::CardId(ids[0])).unwrap().state,
        QueueState::Review
    );
    assert_eq!(store.review_count().unwrap(), 3);
    let done = session
        .status(&store, NOON + 12 * MINUTE_MS, ReviewMode::Reveal)
        .unwrap();
    assert!(done.card.is_none());
    assert_eq!(done.answered, 3);
}

#[test]
fn undo_restores_the_card_and_shows_it_again() {
    let (mut store, ids) = deck(2);
    let mut session = start(&store, NOON);
    session
        .answer(
            &mut store,
            ids[0],
            Rating::Again,
            NOON,
            None,
            ReviewMode::Reveal,
        )
        .unwrap();
    assert_eq!(store.review_count().unwrap(), 1);
    assert!(session.undo(&mut store).unwrap());
    assert_eq!(store.review_count().unwrap(), 0);
    assert_eq!(
        store.schedule_of(crate::CardId(ids[0])).unwrap(),
        crate::schedule::Schedule::new_card()
    );
    assert_eq!(shown(&mut session, &store, NOON), Some(ids[0]));
    assert_eq!(session.counts().new, 2);
    assert!(!session.undo(&mut store).unwrap(), "nothing more to undo");
}

#[test]
fn only_the_card_on_screen_can_be_answered() {
    let (mut store, ids) = deck(2);
    let mut session = start(&store, NOON);
    let err = session
        .answer(
            &mut store,
            ids[1],
            Rating::Good,
            NOON,
            None,
            ReviewMode::Reveal,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("not the one being reviewed"),
        "{err}"
    );
    assert_eq!(store.review_count().unwrap(), 0);
}

#[test]
fn the_daily_new_limit_counts_what_was_done_earlier_today() {
    let (mut store, ids) = deck(4);
    let config = SchedulerConfig {
        new_per_day: 2,
        ..scheduler_config(&store).unwrap()
    };
    let mut session = ReviewSession::start(&store, config.clone(), NOON).unwrap();
    assert_eq!(session.counts().new, 2);
    session
        .answer(
            &mut store,
            ids[0],
            Rating::Easy,
            NOON,
            None,
            ReviewMode::Reveal,
        )
        .unwrap();
    // A new session later the same day has one new card left.
    let later = ReviewSession::start(&store, config, NOON + HOUR_MS).unwrap();
    assert_eq!(later.counts().new, 1);
}

#[test]
fn suspended_and_buried_cards_stay_out_of_the_queue() {
    let (mut store, ids) = deck(3);
    store.set_suspended(crate::CardId(ids[0]), true).unwrap();
    store
        .bury(crate::CardId(ids[1]), next_day_start(NOON))
        .unwrap();
    assert_eq!(start(&store, NOON).counts().new, 1);
    assert_eq!(
        start(&store, next_day_start(NOON) + HOUR_MS).counts().new,
        2,
        "buried until the next day only"
    );
}

#[test]
fn a_backlog_after_a_break_is_counted_and_spread() {
    let (mut store, ids) = deck(4);
    let mut session = start(&store, NOON);
    for (i, id) in ids.iter().enumerate() {
        session
            .answer(
                &mut store,
                *id,
                Rating::Easy,
                NOON + i as i64,
                None,
                ReviewMode::Reveal,
            )
            .unwrap();
    }
    let config = scheduler_config(&store).unwrap();
    let later = NOON + 200 * DAY_MS;
    let summary = summary_of(&store, &start(&store, later), later).unwrap();
    assert_eq!(summary.overdue, 4);
    assert_eq!(summary.today.review, 4);
    let plan = spread_backlog(&mut store, &config, 2, later).unwrap();
    assert_eq!(plan.per_day, [2, 2]);
    let summary = summary_of(&store, &start(&store, later), later).unwrap();
    assert_eq!(summary.overdue, 0, "no card is left before today");
    assert_eq!(summary.today.review, 2, "half come today, half tomorrow");
}

#[test]
fn choice_mode_offers_the_answer_among_distractors_of_its_kind() {
    let (mut store, _) = deck(0);
    let doc = store.list_documents().unwrap()[0].id;
    let card = cards::document_cards(&mut store, doc, NOON)
        .unwrap()
        .into_iter()
        .find(|c| c.answer == "May 1949" || c.answer == "1949")
        .expect("a card on the end of the blockade");
    cards::accept(&mut store, &[card.id], NOON).unwrap();
    let mut session = start(&store, NOON);
    let shown = session
        .status(&store, NOON, ReviewMode::Choice)
        .unwrap()
        .card
        .unwrap();
    assert_eq!(shown.choices.len(), 4, "{:?}", shown.choices);
    assert!(shown.choices.contains(&card.answer));
}

#[test]
fn optimizing_on_a_short_log_keeps_the_default_parameters() {
    let (mut store, ids) = deck(2);
    let mut session = start(&store, NOON);
    session
        .answer(
            &mut store,
            ids[0],
            Rating::Good,
            NOON,
            None,
            ReviewMode::Reveal,
        )
        .unwrap();
    let config = scheduler_config(&store).unwrap();
    match optimize_parameters(&mut store, &config, NOON + DAY_MS) {
        Ok(report) => assert!(!report.adopted, "{report:?}"),
        Err(e) => assert!(e.to_string().contains("review"), "{e}"),
    }
    assert_eq!(store.active_parameters().unwrap().0, Vec::<f32>::new());
}

#[test]
fn the_card_on_screen_can_be_answered_after_a_learning_card_fell_due() {
    let (mut store, ids) = deck(3);
    let mut session = start(&store, NOON);
    session.status(&store, NOON, ReviewMode::Reveal).unwrap();
    session
        .answer(
            &mut store,
            ids[0],
            Rating::Again,
            NOON,
            None,
            ReviewMode::Reveal,
        )
        .unwrap(); // back in 1 minute
    assert_eq!(shown(&mut session, &store, NOON + 1_000), Some(ids[1]));
    // The learner thinks for two minutes: the first card is due again meanwhile,
    // but the answer is for the card on screen.
    session
        .answer(
            &mut store,
            ids[1],
            Rating::Good,
            NOON + 2 * MINUTE_MS,
            None,
            ReviewMode::Reveal,
        )
        .unwrap();
    assert_eq!(
        shown(&mut session, &store, NOON + 2 * MINUTE_MS),
        Some(ids[0]),
        "then the learning card"
    );
}

/// Answers `card` in a session at `now` and returns the status after.
fn answer_at(store: &mut Store, card: i64, rating: Rating, now: i64) -> ReviewStatus {
    let mut session = start(store, now);
    assert_eq!(
        shown(&mut session, store, now),
        Some(card),
        "the card is due at {now}"
    );
    session
        .answer(store, card, rating, now, None, ReviewMode::Reveal)
        .unwrap();
    session.status(store, now, ReviewMode::Reveal).unwrap()
}

fn tags_and_suspended(store: &Store, card: i64) -> (String, bool) {
    store
        .connection()
        .query_row(
            "SELECT c.tags, s.suspended FROM cards c JOIN card_schedule s ON s.card_id = c.id WHERE c.id = ?1",
            [card],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn a_card_forgotten_again_and_again_becomes_a_leech() {
    for suspend in [true, false] {
        let (mut store, ids) = deck(1);
        let card = ids[0];
        let mut prefs = crate::prefs::load(&store).unwrap();
        prefs.leech_threshold = 3;
        prefs.leech_suspend = suspend;
        crate::prefs::save(&mut store, &prefs).unwrap();
        let mut now = NOON;
        answer_at(&mut store, card, Rating::Good, now);
        now += 10 * MINUTE_MS;
        answer_at(&mut store, card, Rating::Good, now);
        let mut last = None;
        for lapse in 1..=3 {
            now = store
                .schedule_of(crate::CardId(card))
                .unwrap()
                .due
                .unwrap()
                .max(now)
                + 6 * HOUR_MS;
            let status = answer_at(&mut store, card, Rating::Again, now);
            assert_eq!(status.leech.is_some(), lapse == 3, "lapse {lapse}");
            last = status.leech;
            if lapse < 3 {
                now += 10 * MINUTE_MS;
                answer_at(&mut store, card, Rating::Good, now);
                assert_eq!(tags_and_suspended(&store, card).0, "");
            }
        }
        let note = last.unwrap();
        assert_eq!(
            (note.card_id, note.lapses, note.suspended),
            (card, 3, suspend)
        );
        assert!(!note.prompt.is_empty());
        let (tags, suspended) = tags_and_suspended(&store, card);
        assert_eq!(tags, "leech");
        assert_eq!(suspended, suspend);
        // A suspended leech leaves today's session; a tagged one comes back.
        let mut session = start(&store, now + 11 * MINUTE_MS);
        let next = shown(&mut session, &store, now + 11 * MINUTE_MS);
        assert_eq!(next, (!suspend).then_some(card));
        // Undo takes the tag and the suspension back with the answer.
        assert!(store.undo_last_answer().unwrap().is_some());
        assert_eq!(tags_and_suspended(&store, card), (String::new(), false));
        assert_eq!(store.schedule_of(crate::CardId(card)).unwrap().lapses, 2);
    }
}

#[test]
fn choice_mode_offers_people_for_a_person_even_when_the_text_names_few() {
    // TEXT names two people (Clay, Stalin): too few for three wrong answers
    // from the text alone, so the library's and built-in names make up the rest.
    let (mut store, _) = deck(0);
    let doc = store.list_documents().unwrap()[0].id;
    import_named_text(
        &mut store,
        "kremlin.txt",
        "Nikita Khrushchev denounced Stalin in 1956. Leonid Brezhnev removed Khrushchev in 1964.",
        Format::Text,
        NOON - DAY_MS,
    );
    let draft = cards::CardDraft {
        kind: crate::generate::CardKind::Question,
        prompt: "Who ordered the first supply flights?".into(),
        answer: "Lucius Clay".into(),
        choices: Vec::new(),
        source_text: "General Lucius Clay ordered the first supply flights two days later.".into(),
        span_start: 0,
        span_end: 10,
    };
    let id = store
        .insert_card(
            doc,
            &draft,
            cards::CardOrigin::Manual,
            cards::CardStatus::Accepted,
            NOON,
        )
        .unwrap();
    let mut session = start(&store, NOON);
    let shown = session
        .status(&store, NOON, ReviewMode::Choice)
        .unwrap()
        .card
        .unwrap();
    assert_eq!(shown.card.card.id, id);
    assert_eq!(shown.choices.len(), 4, "{:?}", shown.choices);
    assert!(shown.choices.contains(&"Lucius Clay".to_owned()));
    // No place, year or number among them: people only.
    for choice in &shown.choices {
        assert!(
            !choice.chars().any(|c| c.is_ascii_digit())
                && !["Berlin", "West Berlin", "Soviet Union"].contains(&choice.as_str()),
            "{choice} is no person: {:?}",
            shown.choices
        );
    }
    assert!(
        shown
            .choices
            .iter()
            .any(|c| c.contains("Khrushchev") || c.contains("Brezhnev")),
        "the other text's people come before built-in names: {:?}",
        shown.choices
    );
}

/// An answer keeps the card's state and lapses in most cases, and then its
/// schedule is written without them (see `store::reviews`); when the row no
/// longer holds the state the answer was computed from (another connection
/// wrote since), the whole new schedule is written all the same.
#[test]
fn an_answer_writes_its_whole_schedule_even_from_an_outdated_state() {
    use crate::schedule::Scheduler;
    use crate::store::{AnswerMode, AnswerOrigin};

    let (mut store, ids) = deck(1);
    let scheduler = Scheduler::new(scheduler_config(&store).unwrap()).unwrap();
    let card = ids[0];
    let new = store.schedule_of(crate::CardId(card)).unwrap();
    let first = scheduler.answer(&new, Rating::Good, NOON, card);
    store
        .record_answer(&first, &new, None, AnswerMode::Reveal, AnswerOrigin::Review)
        .unwrap();
    let learning = store.schedule_of(crate::CardId(card)).unwrap();
    assert_eq!(learning, first.schedule);
    assert_eq!(learning.state, QueueState::Learning);

    // Same state and lapses: the narrower write.
    let at = NOON + MINUTE_MS;
    let again = scheduler.answer(&learning, Rating::Again, at, card);
    assert_eq!(again.schedule.state, QueueState::Learning);
    store
        .record_answer(
            &again,
            &learning,
            None,
            AnswerMode::Reveal,
            AnswerOrigin::Review,
        )
        .unwrap();
    assert_eq!(
        store.schedule_of(crate::CardId(card)).unwrap(),
        again.schedule
    );

    // The card graduates; an answer computed from its learning state still
    // writes all of its own schedule (state included).
    let easy = scheduler.answer(&again.schedule, Rating::Easy, at + MINUTE_MS, card);
    assert_eq!(easy.schedule.state, QueueState::Review);
    store
        .record_answer(
            &easy,
            &again.schedule,
            None,
            AnswerMode::Reveal,
            AnswerOrigin::Review,
        )
        .unwrap();
    let stale = scheduler.answer(&again.schedule, Rating::Good, at + 2 * MINUTE_MS, card);
    assert_eq!(stale.schedule.state, QueueState::Learning);
    store
        .record_answer(
            &stale,
            &again.schedule,
            None,
            AnswerMode::Reveal,
            AnswerOrigin::Review,
        )
        .unwrap();
    assert_eq!(
        store.schedule_of(crate::CardId(card)).unwrap(),
        stale.schedule
    );
}
