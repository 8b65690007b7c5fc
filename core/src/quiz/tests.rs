//! Quizzes on a real (in-memory) store.

use super::*;
use crate::cards::{accept, document_cards, CardDraft, CardOrigin, CardStatus};
use crate::ids::{CardId, DocumentId};
use crate::import::{import_named_text, Format};

const TEXT: &str = "\
The Sino-Soviet split grew through the late 1950s. The culmination of this conflict came in 1960, \
when the Soviet Union withdrew its advisers and aid from China. Mao Zedong launched the Great Leap \
Forward in 1958. Zhōu Ēnlái met Richard Nixon in Beijing in 1972.";

const NOW: i64 = 1_700_000_000_000;
const DAY: i64 = 86_400_000;

fn import(store: &mut Store, name: &str, text: &str, format: Format) -> DocumentId {
    let report = import_named_text(store, name, text, format, 1_000);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.added[0].id
}

/// A Markdown document in a category, e.g. `"History / Europe"`.
fn import_in(store: &mut Store, title: &str, category: &str, body: &str) -> DocumentId {
    let md = format!("---\ntitle: {title}\ncategory: {category}\n---\n{body}\n");
    import(store, &format!("{title}.md"), &md, Format::Markdown)
}

/// Accepts every suggestion of a document; returns the accepted ids.
fn accept_all(store: &mut Store, document_id: DocumentId) -> Vec<CardId> {
    let ids: Vec<CardId> = document_cards(store, document_id, 2_000)
        .unwrap()
        .into_iter()
        .filter(|c| c.status == CardStatus::Suggested)
        .map(|c| c.id)
        .collect();
    accept(store, &ids, 3_000).unwrap();
    ids
}

/// An accepted card made by hand.
fn card(
    store: &mut Store,
    document_id: DocumentId,
    kind: CardKind,
    prompt: &str,
    answer: &str,
    choices: &[&str],
) -> CardId {
    let draft = CardDraft {
        kind,
        prompt: prompt.into(),
        answer: answer.into(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
        source_text: "Zhōu Ēnlái met Richard Nixon in Beijing in 1972.".into(),
        span_start: 0,
        span_end: 10,
    };
    store
        .insert_card(
            document_id,
            &draft,
            CardOrigin::Manual,
            CardStatus::Accepted,
            3_000,
        )
        .unwrap()
}

fn request(scope: QuizScope, count: u32, formats: &[QuizFormat]) -> QuizRequest {
    QuizRequest {
        scope,
        question_count: count,
        formats: formats.to_vec(),
        counts_as_review: false,
    }
}

fn card_ids(session: &QuizSession) -> Vec<CardId> {
    let mut ids: Vec<CardId> = session.questions.iter().map(|q| q.card_id).collect();
    ids.sort_unstable();
    ids
}

fn sessions(store: &Store) -> (i64, i64) {
    store
        .connection()
        .query_row(
            "SELECT (SELECT count(*) FROM quiz_sessions), (SELECT count(*) FROM quiz_answers)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn a_document_quiz_asks_only_that_documents_accepted_cards() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    let b = import(
        &mut store,
        "other.txt",
        "Napoleon was crowned emperor in 1804 in Paris.",
        Format::Text,
    );
    let accepted = accept_all(&mut store, a);
    accept_all(&mut store, b);
    let session = start_quiz(
        &mut store,
        &request(QuizScope::Document { document_id: a }, 100, &[]),
        NOW,
        1,
    )
    .unwrap();
    let mut expected = accepted.clone();
    expected.sort_unstable();
    assert_eq!(card_ids(&session), expected);
    assert_eq!(session.scope_label, "split.txt");
    let positions: Vec<u32> = session.questions.iter().map(|q| q.position).collect();
    assert_eq!(positions, (1..=accepted.len() as u32).collect::<Vec<_>>());
}

#[test]
fn suggested_and_rejected_cards_are_never_asked() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    let suggestions: Vec<CardId> = document_cards(&mut store, a, 2_000)
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    accept(&mut store, &suggestions[..1], 3_000).unwrap();
    crate::cards::reject(&mut store, &suggestions[1..2], 3_000).unwrap();
    let session = start_quiz(&mut store, &request(QuizScope::All, 100, &[]), NOW, 1).unwrap();
    assert_eq!(card_ids(&session), vec![suggestions[0]]);
}

#[test]
fn a_category_quiz_includes_its_subcategories_and_nothing_else() {
    let mut store = Store::open_in_memory().unwrap();
    let europe = import_in(
        &mut store,
        "Vienna",
        "History / Europe",
        "The Congress of Vienna met in 1814.",
    );
    let france = import_in(
        &mut store,
        "Bastille",
        "History / Europe / France",
        "The Bastille fell in 1789.",
    );
    let science = import_in(
        &mut store,
        "Newton",
        "Science",
        "Isaac Newton published the Principia in 1687.",
    );
    let e = card(
        &mut store,
        europe,
        CardKind::Question,
        "When did the Congress of Vienna meet?",
        "1814",
        &[],
    );
    let f = card(
        &mut store,
        france,
        CardKind::Question,
        "When did the Bastille fall?",
        "1789",
        &[],
    );
    card(
        &mut store,
        science,
        CardKind::Question,
        "When was the Principia published?",
        "1687",
        &[],
    );

    let history = request(
        QuizScope::Category {
            path: vec!["History".into()],
        },
        10,
        &[],
    );
    let session = start_quiz(&mut store, &history, NOW, 7).unwrap();
    assert_eq!(card_ids(&session), vec![e, f]);
    assert_eq!(session.scope_label, "History");

    let path = vec!["History".into(), "Europe".into(), "France".into()];
    let session = start_quiz(
        &mut store,
        &request(QuizScope::Category { path }, 10, &[]),
        NOW,
        7,
    )
    .unwrap();
    assert_eq!(card_ids(&session), vec![f]);
    assert_eq!(session.scope_label, "History / Europe / France");

    let unknown = request(
        QuizScope::Category {
            path: vec!["Art".into()],
        },
        10,
        &[],
    );
    let err = start_quiz(&mut store, &unknown, NOW, 7)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no category “Art”"), "{err}");
}

#[test]
fn the_whole_deck_quiz_draws_from_every_document() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(
        &mut store,
        "a.txt",
        "Nothing to ask here, really.",
        Format::Text,
    );
    let b = import(&mut store, "b.txt", "Nor here, in truth.", Format::Text);
    let x = card(&mut store, a, CardKind::Question, "Who?", "Ada", &[]);
    let y = card(&mut store, b, CardKind::Question, "What?", "Bread", &[]);
    let session = start_quiz(&mut store, &request(QuizScope::All, 10, &[]), NOW, 3).unwrap();
    assert_eq!(card_ids(&session), vec![x, y]);
    assert_eq!(session.scope_label, "Everything");
    // Fewer questions than cards when asked.
    let session = start_quiz(&mut store, &request(QuizScope::All, 1, &[]), NOW, 3).unwrap();
    assert_eq!(session.questions.len(), 1);
}

#[test]
fn a_due_soon_quiz_takes_cards_due_or_due_within_the_days() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(
        &mut store,
        "a.txt",
        "Nothing to ask here, really.",
        Format::Text,
    );
    let overdue = card(&mut store, a, CardKind::Question, "Overdue?", "One", &[]);
    let soon = card(&mut store, a, CardKind::Question, "Soon?", "Two", &[]);
    let later = card(&mut store, a, CardKind::Question, "Later?", "Three", &[]);
    let _new = card(&mut store, a, CardKind::Question, "New?", "Four", &[]);
    let suspended = card(&mut store, a, CardKind::Question, "Suspended?", "Five", &[]);
    let set_due = |id: CardId, due: i64, suspended: bool| {
        store
            .connection()
            .execute(
                "UPDATE card_schedule SET state = 'review', due = ?2, suspended = ?3 WHERE card_id = ?1",
                rusqlite::params![id, due, suspended],
            )
            .unwrap();
    };
    set_due(overdue, NOW - 3 * DAY, false);
    set_due(soon, NOW + 6 * DAY, false);
    set_due(later, NOW + 8 * DAY, false);
    set_due(suspended, NOW - DAY, true);
    let session = start_quiz(
        &mut store,
        &request(QuizScope::DueSoon { days: 7 }, 10, &[]),
        NOW,
        3,
    )
    .unwrap();
    assert_eq!(card_ids(&session), vec![overdue, soon]);
    assert_eq!(session.scope_label, "Due in the next 7 days");
    let session = start_quiz(
        &mut store,
        &request(QuizScope::DueSoon { days: 0 }, 10, &[]),
        NOW,
        3,
    )
    .unwrap();
    assert_eq!(card_ids(&session), vec![overdue]);
}

#[test]
fn the_same_seed_gives_the_same_quiz() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    for i in 0..20 {
        card(
            &mut store,
            a,
            CardKind::MultipleChoice,
            &format!("Pick {i}"),
            "A",
            &["A", "B", "C", "D"],
        );
    }
    let req = request(QuizScope::All, 8, &[]);
    let one = start_quiz(&mut store, &req, NOW, 42).unwrap();
    let two = start_quiz(&mut store, &req, NOW, 42).unwrap();
    let three = start_quiz(&mut store, &req, NOW, 43).unwrap();
    assert_eq!(one.questions, two.questions);
    assert_ne!(one.questions, three.questions);
    assert_ne!(one.id, two.id);
}

#[test]
fn formats_follow_the_request_and_fall_back_to_typed() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    let mc = card(
        &mut store,
        a,
        CardKind::MultipleChoice,
        "Who met Nixon?",
        "Zhōu Ēnlái",
        &["Mao", "Zhōu Ēnlái", "Lin Biao", "Deng"],
    );
    let tf = card(
        &mut store,
        a,
        CardKind::TrueFalse,
        "Nixon met Zhōu Ēnlái in 1972.",
        "True",
        &["True", "False"],
    );
    let odd = card(
        &mut store,
        a,
        CardKind::Question,
        "What is the magic word?",
        "xyzzy",
        &[],
    );
    let dated = card(
        &mut store,
        a,
        CardKind::Question,
        "When did the Soviet Union withdraw its advisers?",
        "1960",
        &[],
    );
    let by_card = |s: &QuizSession, id: CardId| {
        s.questions
            .iter()
            .find(|q| q.card_id == id)
            .unwrap()
            .clone()
    };

    // Choice only: the card's own choices, a document's distractors, else typed.
    let s = start_quiz(
        &mut store,
        &request(QuizScope::All, 10, &[QuizFormat::Choice]),
        NOW,
        5,
    )
    .unwrap();
    let q = by_card(&s, mc);
    assert_eq!(q.format, QuizFormat::Choice);
    let mut sorted = q.choices.clone();
    sorted.sort();
    assert_eq!(sorted, ["Deng", "Lin Biao", "Mao", "Zhōu Ēnlái"]);
    let q = by_card(&s, dated);
    assert_eq!(q.format, QuizFormat::Choice, "{q:?}");
    assert_eq!(q.choices.len(), 4);
    assert!(q.choices.contains(&"1960".to_owned()), "{q:?}");
    assert_eq!(by_card(&s, odd).format, QuizFormat::Typed);
    assert!(by_card(&s, odd).choices.is_empty());
    assert_eq!(by_card(&s, tf).format, QuizFormat::Typed);

    // True/false only: true/false cards; the others typed.
    let s = start_quiz(
        &mut store,
        &request(QuizScope::All, 10, &[QuizFormat::TrueFalse]),
        NOW,
        5,
    )
    .unwrap();
    let q = by_card(&s, tf);
    assert_eq!(
        (q.format, q.choices.clone()),
        (QuizFormat::TrueFalse, vec!["True".into(), "False".into()])
    );
    assert_eq!(by_card(&s, mc).format, QuizFormat::Typed);

    // Typed only: everything typed, no choices.
    let s = start_quiz(
        &mut store,
        &request(QuizScope::All, 10, &[QuizFormat::Typed]),
        NOW,
        5,
    )
    .unwrap();
    assert!(s
        .questions
        .iter()
        .all(|q| q.format == QuizFormat::Typed && q.choices.is_empty()));

    // Mixed: a true/false card is asked as true/false, and over many seeds
    // multiple choice cards are asked both ways.
    let mut seen = std::collections::HashSet::new();
    for seed in 0..20 {
        let s = start_quiz(&mut store, &request(QuizScope::All, 10, &[]), NOW, seed).unwrap();
        assert_eq!(by_card(&s, tf).format, QuizFormat::TrueFalse);
        assert_eq!(by_card(&s, odd).format, QuizFormat::Typed);
        seen.insert(by_card(&s, mc).format);
    }
    assert_eq!(seen.len(), 2, "{seen:?}");

    // Choices are shuffled, the same way for the same seed.
    let orders: std::collections::HashSet<Vec<String>> = (0..10)
        .map(|seed| {
            by_card(
                &start_quiz(
                    &mut store,
                    &request(QuizScope::All, 10, &[QuizFormat::Choice]),
                    NOW,
                    seed,
                )
                .unwrap(),
                mc,
            )
            .choices
        })
        .collect();
    assert!(orders.len() > 1);
}

#[test]
fn a_started_quiz_does_not_reveal_the_answers() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(
        &mut store,
        a,
        CardKind::Question,
        "Who met Nixon in Beijing?",
        "Zhōu Ēnlái",
        &[],
    );
    card(
        &mut store,
        a,
        CardKind::Cloze,
        "_____ met Nixon in Beijing in 1972.",
        "Zhōu Ēnlái",
        &[],
    );
    let s = start_quiz(
        &mut store,
        &request(QuizScope::All, 10, &[QuizFormat::Typed]),
        NOW,
        1,
    )
    .unwrap();
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("Zhōu Ēnlái"), "{json}");
    assert!(
        !json.contains("expected") && !json.contains("answer"),
        "{json}"
    );
}

#[test]
fn answers_are_scored_and_missed_questions_listed() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    let one = card(
        &mut store,
        a,
        CardKind::Question,
        "Who met Nixon?",
        "Zhōu Ēnlái",
        &[],
    );
    card(
        &mut store,
        a,
        CardKind::MultipleChoice,
        "Year of the split?",
        "1960",
        &["1958", "1960", "1972", "1949"],
    );
    card(
        &mut store,
        a,
        CardKind::TrueFalse,
        "Mao launched the Great Leap Forward in 1958.",
        "True",
        &["True", "False"],
    );
    card(
        &mut store,
        a,
        CardKind::Question,
        "Where did they meet?",
        "Beijing",
        &[],
    );
    let s = start_quiz(&mut store, &request(QuizScope::All, 4, &[]), NOW, 9).unwrap();
    let by_card = |id: CardId| {
        s.questions
            .iter()
            .find(|q| q.card_id == id)
            .unwrap()
            .position
    };
    let position_of = |prompt: &str| {
        s.questions
            .iter()
            .find(|q| q.prompt == prompt)
            .unwrap()
            .position
    };

    let fb = answer_question(&mut store, s.id, by_card(one), "zhou enlai", NOW + 1, 1_500).unwrap();
    assert!(fb.correct);
    assert_eq!(fb.expected, "Zhōu Ēnlái");
    assert!(fb.diff.is_some());
    assert_eq!(
        (fb.document_id, fb.span_start, fb.span_end),
        (Some(a), Some(0), Some(10))
    );
    assert!(fb.source_text.unwrap().contains("Nixon"));

    let tf = position_of("Mao launched the Great Leap Forward in 1958.");
    let fb = answer_question(&mut store, s.id, tf, "False", NOW + 2, 900).unwrap();
    assert!(!fb.correct);
    assert_eq!(fb.expected, "True");
    assert!(fb.diff.is_none());

    let mc = position_of("Year of the split?");
    let fb = answer_question(&mut store, s.id, mc, "1960", NOW + 3, 700).unwrap();
    assert!(fb.correct, "{fb:?}");
    // "Where did they meet?" is left unanswered.

    let result = finish_quiz(&mut store, s.id, NOW + 4).unwrap();
    // The unanswered question is listed, but the score is over the three answered.
    assert_eq!(
        (
            result.correct,
            result.total,
            result.unanswered,
            result.saved
        ),
        (2, 3, 1, true)
    );
    let missed: Vec<(&str, Option<&str>)> = result
        .missed
        .iter()
        .map(|m| (m.expected.as_str(), m.given.as_deref()))
        .collect();
    let mut want = [
        (tf, ("True", Some("False"))),
        (position_of("Where did they meet?"), ("Beijing", None)),
    ];
    want.sort();
    assert_eq!(missed, want.iter().map(|w| w.1).collect::<Vec<_>>());
    assert!(result
        .missed
        .iter()
        .all(|m| m.document_id == Some(a) && m.document_title.as_deref() == Some("split.txt")));

    let (given, correct, duration): (String, bool, i64) = store
        .connection()
        .query_row(
            "SELECT given, correct, duration_ms FROM quiz_answers WHERE session_id = ?1 AND position = ?2",
            rusqlite::params![s.id, by_card(one)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (given.as_str(), correct, duration),
        ("zhou enlai", true, 1_500)
    );

    // A finished quiz takes no more answers.
    let err = answer_question(
        &mut store,
        s.id,
        position_of("Where did they meet?"),
        "Beijing",
        NOW + 5,
        1,
    )
    .unwrap_err();
    assert!(err.to_string().contains("finished"), "{err}");
}

#[test]
fn a_question_is_answered_once() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(
        &mut store,
        a,
        CardKind::Question,
        "Who met Nixon?",
        "Zhōu Ēnlái",
        &[],
    );
    let s = start_quiz(&mut store, &request(QuizScope::All, 1, &[]), NOW, 1).unwrap();
    answer_question(&mut store, s.id, 1, "Mao", NOW, 10).unwrap();
    let err = answer_question(&mut store, s.id, 1, "Zhou Enlai", NOW, 10)
        .unwrap_err()
        .to_string();
    assert!(err.contains("already answered"), "{err}");
    let result = finish_quiz(&mut store, s.id, NOW).unwrap();
    assert_eq!((result.correct, result.total, result.unanswered), (0, 1, 0));
    assert_eq!(result.missed[0].given.as_deref(), Some("Mao"));
    let err = answer_question(&mut store, s.id, 2, "x", NOW, 10)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no question 2"), "{err}");
    let err = answer_question(&mut store, s.id + 1, 1, "x", NOW, 10)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no quiz"), "{err}");
}

#[test]
fn multiple_choice_works_for_people_and_organisations() {
    let mut store = Store::open_in_memory().unwrap();
    // One text names two people and one organisation: too few for three wrong answers.
    let a = import(
        &mut store,
        "nato.txt",
        "Harry Truman signed the treaty that created NATO in 1949. Dean Acheson drafted it.",
        Format::Text,
    );
    import(
        &mut store,
        "pact.txt",
        "Nikita Khrushchev founded the Warsaw Pact in 1955. Imre Nagy left it in 1956.",
        Format::Text,
    );
    let person = card(
        &mut store,
        a,
        CardKind::Question,
        "Who signed the treaty?",
        "Harry Truman",
        &[],
    );
    let org = card(
        &mut store,
        a,
        CardKind::Question,
        "What did the treaty create in 1949?",
        "NATO",
        &[],
    );
    let s = start_quiz(
        &mut store,
        &request(
            QuizScope::Document { document_id: a },
            2,
            &[QuizFormat::Choice],
        ),
        NOW,
        3,
    )
    .unwrap();
    for q in &s.questions {
        assert_eq!(q.format, QuizFormat::Choice, "{q:?}");
        assert_eq!(q.choices.len(), 4, "{q:?}");
        assert!(q.note.is_none());
        assert!(
            q.choices
                .iter()
                .all(|c| !c.chars().any(|c| c.is_ascii_digit())),
            "no years among names: {:?}",
            q.choices
        );
    }
    let of = |id: CardId| {
        &s.questions
            .iter()
            .find(|q| q.card_id == id)
            .unwrap()
            .choices
    };
    assert!(of(person).contains(&"Harry Truman".to_owned()));
    assert!(
        of(person)
            .iter()
            .any(|c| c == "Nikita Khrushchev" || c == "Imre Nagy"),
        "people of the other text: {:?}",
        of(person)
    );
    assert!(!of(person)
        .iter()
        .any(|c| c.contains("NATO") || c.contains("Pact")));
    assert!(of(org).contains(&"NATO".to_owned()));
    assert!(
        !of(org)
            .iter()
            .any(|c| c.contains("Truman") || c.contains("Acheson")),
        "organisations only: {:?}",
        of(org)
    );
}

#[test]
fn a_card_with_no_choices_says_so_when_only_choices_were_asked_for() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(
        &mut store,
        a,
        CardKind::Question,
        "Why did the split grow?",
        "because of rival ideas about revolution",
        &[],
    );
    let only_choice = start_quiz(
        &mut store,
        &request(QuizScope::All, 1, &[QuizFormat::Choice]),
        NOW,
        1,
    )
    .unwrap();
    let q = &only_choice.questions[0];
    assert_eq!(q.format, QuizFormat::Typed);
    assert!(
        q.note
            .as_deref()
            .is_some_and(|n| n.contains("cannot be multiple choice")),
        "{q:?}"
    );
    // In a mix with typing, typing it is no surprise and needs no note.
    let mixed = start_quiz(
        &mut store,
        &request(QuizScope::All, 1, &[QuizFormat::Choice, QuizFormat::Typed]),
        NOW,
        1,
    )
    .unwrap();
    assert_eq!(mixed.questions[0].format, QuizFormat::Typed);
    assert!(mixed.questions[0].note.is_none());
}

#[test]
fn a_quiz_ended_with_nothing_answered_is_not_scored_nor_kept() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    for (prompt, answer) in [("Who met Nixon?", "Zhōu Ēnlái"), ("Where?", "Beijing")] {
        card(&mut store, a, CardKind::Question, prompt, answer, &[]);
    }
    let kept = start_quiz(&mut store, &request(QuizScope::All, 2, &[]), NOW, 1).unwrap();
    answer_question(&mut store, kept.id, 1, "nobody", NOW + 1, 1).unwrap();
    finish_quiz(&mut store, kept.id, NOW + 2).unwrap();

    let empty = start_quiz(&mut store, &request(QuizScope::All, 2, &[]), NOW + 10, 2).unwrap();
    // Started and not answered: not in the history even before it is ended.
    assert_eq!(
        quiz_history(&store, 10)
            .unwrap()
            .iter()
            .map(|q| q.id)
            .collect::<Vec<_>>(),
        vec![kept.id]
    );
    let result = finish_quiz(&mut store, empty.id, NOW + 11).unwrap();
    assert_eq!(
        (
            result.correct,
            result.total,
            result.unanswered,
            result.saved
        ),
        (0, 0, 2, false)
    );
    assert!(result.missed.is_empty());
    let history = quiz_history(&store, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (
            history[0].id,
            history[0].correct_count,
            history[0].answered_count
        ),
        (kept.id, 0, 1)
    );
    let left: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM quiz_answers WHERE session_id = ?1",
            [empty.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0, "the empty quiz's questions are gone with it");
}

#[test]
fn typed_answers_are_lenient_about_accents_but_strict_about_years() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(
        &mut store,
        a,
        CardKind::Question,
        "Who met Nixon?",
        "Zhōu Ēnlái",
        &[],
    );
    card(
        &mut store,
        a,
        CardKind::Question,
        "When did the Soviets leave?",
        "1960",
        &[],
    );
    let s = start_quiz(
        &mut store,
        &request(QuizScope::All, 2, &[QuizFormat::Typed]),
        NOW,
        1,
    )
    .unwrap();
    let position_of = |prompt: &str| {
        s.questions
            .iter()
            .find(|q| q.prompt == prompt)
            .unwrap()
            .position
    };
    assert!(
        answer_question(
            &mut store,
            s.id,
            position_of("Who met Nixon?"),
            "zhou enlai",
            NOW,
            1
        )
        .unwrap()
        .correct
    );
    let fb = answer_question(
        &mut store,
        s.id,
        position_of("When did the Soviets leave?"),
        "1961",
        NOW,
        1,
    )
    .unwrap();
    assert!(!fb.correct);
    assert_eq!(fb.expected, "1960");
}

#[test]
fn history_lists_quizzes_newest_first() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(
        &mut store,
        a,
        CardKind::Question,
        "Who met Nixon?",
        "Zhōu Ēnlái",
        &[],
    );
    card(&mut store, a, CardKind::Question, "Where?", "Beijing", &[]);
    let first = start_quiz(
        &mut store,
        &request(QuizScope::Document { document_id: a }, 2, &[]),
        NOW,
        1,
    )
    .unwrap();
    let second = start_quiz(&mut store, &request(QuizScope::All, 1, &[]), NOW + 10, 1).unwrap();
    let q = &second.questions[0];
    let right = if q.prompt == "Where?" {
        "Beijing"
    } else {
        "Zhou Enlai"
    };
    answer_question(&mut store, second.id, 1, right, NOW + 11, 1).unwrap();
    finish_quiz(&mut store, second.id, NOW + 12).unwrap();
    answer_question(&mut store, first.id, 1, "Nobody", NOW + 13, 1).unwrap();

    let history = quiz_history(&store, 10).unwrap();
    assert_eq!(
        history,
        vec![
            QuizSummary {
                id: second.id,
                scope_label: "Everything".into(),
                started_at: NOW + 10,
                finished_at: Some(NOW + 12),
                question_count: 1,
                correct_count: 1,
                answered_count: 1,
            },
            QuizSummary {
                id: first.id,
                scope_label: "split.txt".into(),
                started_at: NOW,
                finished_at: None,
                question_count: 2,
                correct_count: 0,
                answered_count: 1,
            },
        ]
    );
    assert_eq!(quiz_history(&store, 1).unwrap().len(), 1);
    // A deleted document's quiz still reads well.
    store.delete_document(a, 0).unwrap();
    assert_eq!(
        quiz_history(&store, 10).unwrap()[1].scope_label,
        "A deleted document"
    );
}

#[test]
fn an_empty_scope_or_a_bad_count_is_refused_with_what_to_do() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import_in(
        &mut store,
        "Vienna",
        "History / Europe",
        "The Congress of Vienna met in 1814.",
    );
    let err = start_quiz(
        &mut store,
        &request(
            QuizScope::Category {
                path: vec!["History".into()],
            },
            10,
            &[],
        ),
        NOW,
        1,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        "This category has no cards in your deck yet. Accept some suggested cards first."
    );
    let err = start_quiz(
        &mut store,
        &request(QuizScope::Document { document_id: a }, 10, &[]),
        NOW,
        1,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        "This document has no cards in your deck yet. Accept some suggested cards first."
    );
    let err = start_quiz(&mut store, &request(QuizScope::All, 10, &[]), NOW, 1)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no cards yet"), "{err}");
    let err = start_quiz(
        &mut store,
        &request(QuizScope::DueSoon { days: 7 }, 10, &[]),
        NOW,
        1,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("due in the next 7 days"), "{err}");
    let err = start_quiz(
        &mut store,
        &request(
            QuizScope::Document {
                document_id: DocumentId(999),
            },
            10,
            &[],
        ),
        NOW,
        1,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotFound {
                what: "document",
                id: 999
            }
        ),
        "{err}"
    );

    card(&mut store, a, CardKind::Question, "When?", "1814", &[]);
    for count in [0, 101] {
        let err = start_quiz(&mut store, &request(QuizScope::All, count, &[]), NOW, 1)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("from 1 to 100") && err.contains(&count.to_string()),
            "{err}"
        );
    }
    assert_eq!(sessions(&store), (0, 0));
}

#[test]
fn a_failing_write_leaves_no_quiz_behind() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(&mut store, a, CardKind::Question, "Who?", "Zhōu Ēnlái", &[]);
    card(&mut store, a, CardKind::Question, "Where?", "Beijing", &[]);
    store
        .connection()
        .execute_batch(
            "CREATE TRIGGER fail_second BEFORE INSERT ON quiz_answers WHEN new.position = 2
             BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
        )
        .unwrap();
    let err = start_quiz(&mut store, &request(QuizScope::All, 2, &[]), NOW, 1).unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert_eq!(sessions(&store), (0, 0));
}

#[test]
fn answers_count_as_reviews_only_when_the_learner_asks() {
    let mut store = Store::open_in_memory().unwrap();
    let a = import(&mut store, "split.txt", TEXT, Format::Text);
    card(&mut store, a, CardKind::Question, "Who?", "Zhōu Ēnlái", &[]);
    let mut req = request(QuizScope::All, 1, &[]);
    let plain = start_quiz(&mut store, &req, NOW, 1).unwrap();
    req.counts_as_review = true;
    let counted = start_quiz(&mut store, &req, NOW, 1).unwrap();
    assert!(!counts_as_review(&store, plain.id).unwrap());
    assert!(counts_as_review(&store, counted.id).unwrap());
    let reviews = |store: &Store| -> Vec<(i64, String)> {
        store
            .connection()
            .prepare("SELECT rating, origin FROM review_log")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    answer_question(&mut store, plain.id, 1, "Zhou Enlai", NOW, 1).unwrap();
    assert_eq!(
        reviews(&store),
        [],
        "a plain quiz leaves the schedule alone"
    );
    answer_question(&mut store, counted.id, 1, "Zhou Enlai", NOW, 1).unwrap();
    assert_eq!(
        reviews(&store),
        [(3, "quiz".to_string())],
        "right counts as Good"
    );
    assert!(counts_as_review(&store, 999).is_err());
}

#[test]
fn requests_read_the_ui_json() {
    let json = r#"{"scope":{"kind":"document","documentId":3},"questionCount":5,"formats":["trueFalse","choice"],"countsAsReview":true}"#;
    let req: QuizRequest = serde_json::from_str(json).unwrap();
    assert_eq!(
        req.scope,
        QuizScope::Document {
            document_id: DocumentId(3)
        }
    );
    assert_eq!(req.formats, [QuizFormat::TrueFalse, QuizFormat::Choice]);
    let due: QuizScope = serde_json::from_str(r#"{"kind":"dueSoon","days":7}"#).unwrap();
    assert_eq!(due, QuizScope::DueSoon { days: 7 });
    let all: QuizScope = serde_json::from_str(r#"{"kind":"all"}"#).unwrap();
    assert_eq!(all, QuizScope::All);
    let cat: QuizScope = serde_json::from_str(r#"{"kind":"category","path":["History"]}"#).unwrap();
    assert_eq!(
        cat,
        QuizScope::Category {
            path: vec!["History".into()]
        }
    );
}

/// The UI's TypeScript types for quizzes, as `tests/bindings.rs` writes them.
/// With `UPDATE_BINDINGS` set, writes them into ui/src/lib/bindings/.
#[test]
fn quiz_bindings_match_the_checked_in_files() {
    use ts_rs::{Config, TS};
    let cfg = Config::new();
    let files = [
        (QuizScope::ident(&cfg), QuizScope::export_to_string(&cfg)),
        (QuizFormat::ident(&cfg), QuizFormat::export_to_string(&cfg)),
        (
            QuizRequest::ident(&cfg),
            QuizRequest::export_to_string(&cfg),
        ),
        (
            QuizQuestion::ident(&cfg),
            QuizQuestion::export_to_string(&cfg),
        ),
        (
            QuizSession::ident(&cfg),
            QuizSession::export_to_string(&cfg),
        ),
        (
            QuizFeedback::ident(&cfg),
            QuizFeedback::export_to_string(&cfg),
        ),
        (
            MissedQuestion::ident(&cfg),
            MissedQuestion::export_to_string(&cfg),
        ),
        (QuizResult::ident(&cfg), QuizResult::export_to_string(&cfg)),
        (
            QuizSummary::ident(&cfg),
            QuizSummary::export_to_string(&cfg),
        ),
        (
            crate::schedule::DiffPart::ident(&cfg),
            crate::schedule::DiffPart::export_to_string(&cfg),
        ),
        (AnswerDiff::ident(&cfg), AnswerDiff::export_to_string(&cfg)),
        (
            crate::schedule::DiffKind::ident(&cfg),
            crate::schedule::DiffKind::export_to_string(&cfg),
        ),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
    for (name, text) in files {
        let text = text.unwrap();
        let path = dir.join(format!("{name}.ts"));
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some(text.as_str()),
            "{name}.ts is stale"
        );
    }
}
