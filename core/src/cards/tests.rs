//! The card workflow on a real (in-memory) store.

use super::*;

use crate::import::{import_named_text, Format};
use crate::store::Store;
use crate::CardId;
use crate::DocumentId;

const TEXT: &str = "\
The Sino-Soviet split grew through the late 1950s. The culmination of this conflict came in 1960, \
when the Soviet Union withdrew its advisers and aid from China. Mao Zedong launched the Great Leap \
Forward in 1958. Zhōu Ēnlái met Richard Nixon in Beijing in 1972.";

fn store_with_text(text: &str) -> (Store, DocumentId) {
    let mut store = Store::open_in_memory().unwrap();
    let report = import_named_text(&mut store, "split.txt", text, Format::Text, 1_000);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let id = report.added[0].id;
    (store, id)
}

/// The suggestions shown (not held back below the quality bar).
fn suggestions(store: &mut Store, id: DocumentId) -> Vec<StoredCard> {
    document_cards(store, id, 2_000)
        .unwrap()
        .into_iter()
        .filter(|c| c.status == CardStatus::Suggested && !c.held_back)
        .collect()
}

fn held_back(store: &mut Store, id: DocumentId) -> Vec<StoredCard> {
    document_cards(store, id, 2_000)
        .unwrap()
        .into_iter()
        .filter(|c| c.status == CardStatus::Suggested && c.held_back)
        .collect()
}

#[test]
fn importing_a_document_writes_suggestions_that_point_at_their_sentences() {
    let (mut store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;
    let shown = suggestions(&mut store, id);
    // A text of 50 words is suggested a few cards; the rest are held back.
    assert!(
        !shown.is_empty() && shown.len() <= crate::generate::suggestion_cap(50),
        "{shown:#?}"
    );
    let cards = [shown, held_back(&mut store, id)].concat();
    // A 50-word text is shown three cards; with four dates in it the 1960 card may
    // be the first held back, but it is among the best.
    assert!(
        cards
            .iter()
            .take(5)
            .any(|c| c.answer == "1960" && c.prompt.contains("withdraw")),
        "{cards:#?}"
    );
    assert!(cards.len() >= 4, "{cards:#?}");
    for card in &cards {
        let (start, end) = (card.span_start.unwrap(), card.span_end.unwrap());
        let source: String = body.chars().skip(start).take(end - start).collect();
        assert_eq!(Some(source), card.source_text, "{card:?}");
    }
    // Suggestions are not the deck.
    assert_eq!(deck(&store).unwrap().total, 0);
    assert_eq!(store.counts(0).unwrap().cards, 0);
}

#[test]
fn accepted_cards_join_the_deck_as_new_cards_in_order() {
    let (mut store, id) = store_with_text(TEXT);
    let cards = suggestions(&mut store, id);
    accept(&mut store, &[cards[1].id, cards[0].id], 3_000).unwrap();
    let deck = deck(&store).unwrap();
    assert_eq!(deck.total, 2);
    assert!(
        deck.cards
            .iter()
            .all(|c| c.document_title.as_deref() == Some("split.txt")),
        "{deck:?}"
    );
    let positions: Vec<(CardId, i64)> = store
        .connection()
        .prepare("SELECT card_id, new_position FROM card_schedule WHERE state = 'new' ORDER BY new_position")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(positions, [(cards[1].id, 1), (cards[0].id, 2)]);
    // Accepting again changes nothing.
    assert_eq!(accept(&mut store, &[cards[0].id], 4_000).unwrap(), 0);
    assert_eq!(store.counts(0).unwrap().cards, 2);
}

#[test]
fn an_unknown_card_fails_the_whole_batch() {
    let (mut store, id) = store_with_text(TEXT);
    let cards = suggestions(&mut store, id);
    let err = accept(&mut store, &[cards[0].id, CardId(999_999)], 3_000).unwrap_err();
    assert!(err.to_string().contains("no card with id 999999"), "{err}");
    assert_eq!(
        deck(&store).unwrap().total,
        0,
        "nothing of the batch was kept"
    );
}

#[test]
fn rejections_and_acceptances_stick_when_the_document_is_generated_again() {
    let (mut store, id) = store_with_text(TEXT);
    let before = suggestions(&mut store, id);
    let (rejected, accepted) = (&before[0], &before[1]);
    reject(&mut store, &[rejected.id], 3_000).unwrap();
    accept(&mut store, &[accepted.id], 3_000).unwrap();

    suggest_for_document(&mut store, id, 4_000).unwrap();
    let after = suggestions(&mut store, id);
    assert!(
        !after.iter().any(|c| c.prompt == rejected.prompt),
        "rejected card came back: {after:#?}"
    );
    assert!(
        !after.iter().any(|c| c.prompt == accepted.prompt),
        "accepted card suggested twice: {after:#?}"
    );
    let listed = document_cards(&mut store, id, 5_000).unwrap();
    assert!(
        !listed.iter().any(|c| c.id == rejected.id),
        "rejected cards are not listed"
    );
    assert_eq!(
        listed
            .iter()
            .filter(|c| c.status == CardStatus::Accepted)
            .count(),
        1
    );
}

#[test]
fn accept_all_takes_every_suggestion_shown_and_leaves_the_held_back_ones() {
    let (mut store, id) = store_with_text(TEXT);
    let n = suggestions(&mut store, id).len();
    let held = held_back(&mut store, id).len();
    assert!(n > 0 && held > 0, "{n} shown, {held} held back");
    assert_eq!(accept_all(&mut store, id, 3_000).unwrap(), n);
    assert!(suggestions(&mut store, id).is_empty());
    assert_eq!(held_back(&mut store, id).len(), held);
    assert_eq!(deck(&store).unwrap().total as usize, n);
}

#[test]
fn editing_checks_the_card_and_can_accept_it() {
    let (mut store, id) = store_with_text(TEXT);
    let card = suggestions(&mut store, id)
        .into_iter()
        .find(|c| c.kind == CardKind::Question)
        .unwrap();
    let edit = |prompt: &str, answer: &str| CardEdit {
        prompt: prompt.into(),
        answer: answer.into(),
    };

    let err = update(&mut store, card.id, edit("  ", "1960"), true, 3_000).unwrap_err();
    assert!(err.to_string().contains("prompt is empty"), "{err}");
    let edited = update(
        &mut store,
        card.id,
        edit(" When did Soviet aid to China end? ", " 1960 "),
        true,
        3_000,
    )
    .unwrap();
    assert_eq!(
        (edited.prompt.as_str(), edited.answer.as_str()),
        ("When did Soviet aid to China end?", "1960")
    );
    assert_eq!(edited.status, CardStatus::Accepted);
    assert_eq!(
        deck(&store).unwrap().cards[0].card.prompt,
        "When did Soviet aid to China end?"
    );
}

#[test]
fn a_cloze_needs_a_blank_and_a_choice_answer_moves_its_choices() {
    let (mut store, id) = store_with_text(TEXT);
    let sentence = "Mao Zedong launched the Great Leap Forward in 1958.";
    let body = store.document(id).unwrap().body;
    let start = body[..body.find(sentence).unwrap()].chars().count();
    let cloze = CardDraft {
        kind: CardKind::Cloze,
        prompt: "Mao Zedong launched the Great Leap Forward in _____.".into(),
        answer: "1958".into(),
        choices: vec![],
        source_text: sentence.into(),
        span_start: start,
        span_end: start + sentence.chars().count(),
    };
    let card = create_from_draft(&mut store, id, cloze, 3_000).unwrap();
    assert_eq!(
        (card.origin, card.status),
        (CardOrigin::Selection, CardStatus::Accepted)
    );
    let err = update(
        &mut store,
        card.id,
        CardEdit {
            prompt: "No blank here.".into(),
            answer: "1958".into(),
        },
        false,
        4_000,
    )
    .unwrap_err();
    assert!(err.to_string().contains("blank"), "{err}");

    let choice = StoredCard {
        kind: CardKind::MultipleChoice,
        choices: vec!["1957".into(), "1958".into(), "1959".into(), "1961".into()],
        ..card
    };
    let moved = CardEdit {
        prompt: "When did the Great Leap Forward begin?".into(),
        answer: "1960".into(),
    };
    assert_eq!(
        moved.clone().apply(&choice).unwrap().choices,
        ["1957", "1960", "1959", "1961"]
    );
    let clash = CardEdit {
        answer: "1959".into(),
        ..moved
    };
    assert!(clash
        .apply(&choice)
        .unwrap_err()
        .to_string()
        .contains("already one of the wrong choices"));
}

#[test]
fn a_draft_whose_source_is_not_in_the_text_is_refused() {
    let (mut store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;
    let start = body[..body.find("Zhōu").unwrap()].chars().count();
    let draft = CardDraft {
        kind: CardKind::Question,
        prompt: "Who met Nixon?".into(),
        answer: "Zhōu Ēnlái".into(),
        choices: vec![],
        // The text says 1972: a draft made from an older text.
        source_text: "Zhōu Ēnlái met Richard Nixon in Beijing in 1973.".into(),
        span_start: start,
        span_end: start + 48,
    };
    let err = create_from_draft(&mut store, id, draft, 3_000).unwrap_err();
    assert!(err.to_string().contains("Select the text again"), "{err}");
    assert_eq!(deck(&store).unwrap().total, 0);
}

#[test]
fn a_new_revision_moves_cards_with_their_sentences_and_flags_the_ones_whose_sentence_is_gone() {
    let (mut store, id) = store_with_text(TEXT);
    let cards = [suggestions(&mut store, id), held_back(&mut store, id)].concat();
    let on_1960 = cards.iter().find(|c| c.answer == "1960").unwrap().id;
    let on_1958 = cards
        .iter()
        .find(|c| c.source_text.as_deref().is_some_and(|s| s.contains("1958")))
        .unwrap()
        .id;
    accept(&mut store, &[on_1960, on_1958], 3_000).unwrap();

    // A sentence added in front shifts everything; the 1958 sentence is reworded.
    let edited = format!(
        "A new first sentence. {}",
        TEXT.replace(
            "launched the Great Leap Forward in 1958",
            "began the Great Leap Forward in 1958"
        )
    );
    let report = import_named_text(&mut store, "split.txt", &edited, Format::Text, 5_000);
    assert_eq!(report.updated.len(), 1, "{report:?}");

    let body = store.document(id).unwrap().body;
    let moved = store.card(on_1960).unwrap();
    assert!(!moved.needs_check);
    let (start, end) = (moved.span_start.unwrap(), moved.span_end.unwrap());
    assert_eq!(
        Some(
            body.chars()
                .skip(start)
                .take(end - start)
                .collect::<String>()
        ),
        moved.source_text
    );
    assert!(start > 0);
    let gone = store.card(on_1958).unwrap();
    assert!(gone.needs_check, "{gone:?}");
    assert_eq!(gone.status, CardStatus::Accepted, "flagged, not deleted");
    // Suggestions were written again for the new text.
    assert!(!store.suggestions_outdated(id).unwrap());
    assert!(suggestions(&mut store, id).iter().any(|c| c
        .source_text
        .as_deref()
        .is_some_and(|s| s.contains("began the Great Leap"))));
}

#[test]
fn a_selection_gives_a_cloze_and_the_generators_question() {
    let (store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;
    let at = |needle: &str| body[..body.find(needle).unwrap()].chars().count();
    let start = at("1960");
    let drafts = draft_from_selection(&store, id, start, start + 5).unwrap(); // "1960," with its comma
    assert_eq!(drafts.cloze.answer, "1960");
    assert_eq!(
        drafts.cloze.prompt,
        "The culmination of this conflict came in _____, when the Soviet Union withdrew its advisers and aid from China."
    );
    assert!(drafts.question_from_generator);
    assert_eq!(drafts.question.answer, "1960");
    assert!(
        drafts.question.prompt.contains("withdraw"),
        "{:?}",
        drafts.question
    );
    let sentence: String = body
        .chars()
        .skip(drafts.cloze.span_start)
        .take(drafts.cloze.span_end - drafts.cloze.span_start)
        .collect();
    assert_eq!(sentence, drafts.cloze.source_text);
}

#[test]
fn selection_offsets_are_code_points() {
    let (store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;
    let start = body[..body.find("Zhōu").unwrap()].chars().count();
    let drafts =
        draft_from_selection(&store, id, start, start + "Zhōu Ēnlái".chars().count()).unwrap();
    assert_eq!(drafts.cloze.answer, "Zhōu Ēnlái");
    assert_eq!(
        drafts.cloze.prompt,
        "_____ met Richard Nixon in Beijing in 1972."
    );
}

#[test]
fn bad_selections_say_what_to_do() {
    let (store, id) = store_with_text(TEXT);
    let total = store.document(id).unwrap().body.chars().count();
    let outside = draft_from_selection(&store, id, total - 2, total + 3)
        .unwrap_err()
        .to_string();
    assert!(outside.contains("Select the words again"), "{outside}");
    let blank = draft_from_selection(&store, id, 3, 4)
        .unwrap_err()
        .to_string(); // the space after "The"
    assert!(blank.contains("no words"), "{blank}");
    let long = draft_from_selection(&store, id, 0, total)
        .unwrap_err()
        .to_string();
    assert!(long.contains("Select less"), "{long}");
}

#[test]
fn preferences_choose_the_card_kinds_and_can_accept_suggestions_at_once() {
    let mut store = Store::open_in_memory().unwrap();
    let prefs = crate::prefs::Preferences {
        cloze_cards: false,
        true_false_cards: false,
        auto_accept_suggestions: true,
        ..Default::default()
    };
    crate::prefs::save(&mut store, &prefs).unwrap();
    let id = import_named_text(&mut store, "split.txt", TEXT, Format::Text, 1_000).added[0].id;
    let cards: Vec<StoredCard> = store
        .cards_of_document(id, true)
        .unwrap()
        .into_iter()
        .filter(|c| !c.held_back)
        .collect();
    assert!(!cards.is_empty());
    assert!(
        cards.iter().all(|c| c.status == CardStatus::Accepted),
        "{cards:#?}"
    );
    assert!(
        cards
            .iter()
            .all(|c| !matches!(c.kind, CardKind::Cloze | CardKind::TrueFalse)),
        "{cards:#?}"
    );
    assert_eq!(deck(&store).unwrap().total as usize, cards.len());
}

/// More suggestions than one INSERT holds: all are written in order (ids
/// follow the generator's order, shown before held back) with every field,
/// and writing again replaces them.
#[test]
fn many_suggestions_are_written_in_order_with_every_field() {
    use crate::generate::Card;
    let (mut store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;
    let sentence = "Mao Zedong launched the Great Leap Forward in 1958.";
    let start = body.find(sentence).unwrap();
    let card = |i: usize| Card {
        kind: if i % 2 == 0 {
            CardKind::Question
        } else {
            CardKind::MultipleChoice
        },
        prompt: format!("Question {i}?"),
        answer: format!("Answer {i}"),
        choices: if i % 2 == 0 {
            vec![]
        } else {
            vec![format!("Answer {i}"), "Other".into()]
        },
        source_sentence: sentence.into(),
        span_start: start,
        span_end: start + sentence.len() + i,
        score: 1.0 / (i + 1) as f32,
    };
    let shown: Vec<Card> = (0..150).map(card).collect();
    let held: Vec<Card> = (150..160).map(card).collect();
    store
        .replace_suggestions(id, 1, &shown, &held, 7_000)
        .unwrap();
    let mut stored = store.cards_of_document(id, true).unwrap();
    stored.sort_by_key(|c| c.id);
    assert_eq!(stored.len(), 160);
    for (i, c) in stored.iter().enumerate() {
        let want = card(i);
        assert_eq!(
            (c.kind, c.prompt.as_str(), c.answer.as_str(), &c.choices),
            (
                want.kind,
                want.prompt.as_str(),
                want.answer.as_str(),
                &want.choices
            )
        );
        assert_eq!(c.source_text.as_deref(), Some(sentence));
        assert_eq!(
            (c.span_start, c.span_end),
            (Some(want.span_start), Some(want.span_end))
        );
        assert_eq!(c.score, Some(want.score));
        assert_eq!(c.held_back, i >= 150, "card {i}");
        assert_eq!(
            (c.status, c.origin),
            (CardStatus::Suggested, CardOrigin::Generated)
        );
        assert_eq!((c.created_at, c.updated_at), (7_000, 7_000));
    }
    assert!(!store.suggestions_outdated(id).unwrap());
    // Cards found by the full-text index, as written.
    let hits: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM cards_fts WHERE cards_fts MATCH 'answer'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 160);
    // Uids as the column's default makes them: 32 hex digits, all different.
    let uids: Vec<String> = store
        .connection()
        .prepare("SELECT uid FROM cards WHERE document_id = ?1")
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(
        uids.iter().all(|u| u.len() == 32
            && u.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())),
        "{uids:?}"
    );
    assert_eq!(
        uids.iter().collect::<std::collections::HashSet<_>>().len(),
        160
    );

    store
        .replace_suggestions(id, 1, &shown[..3], &[], 8_000)
        .unwrap();
    let again = store.cards_of_document(id, true).unwrap();
    assert_eq!(
        again.iter().map(|c| c.prompt.as_str()).collect::<Vec<_>>(),
        ["Question 0?", "Question 1?", "Question 2?"]
    );
}

/// Several documents' suggestions in one transaction: each document gets its
/// own, its old ones go, and a batch that cannot be written leaves every
/// document as it was.
#[test]
fn a_batch_of_documents_suggestions_is_written_whole_or_not_at_all() {
    use crate::generate::Card;
    use crate::store::SuggestionsOf;
    let mut store = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for (name, text) in [
        (
            "a.txt",
            "The Treaty of Lyon was signed in 1601 by two kings.",
        ),
        (
            "b.txt",
            "The Peace of Lodi was signed in 1454 by five states.",
        ),
    ] {
        let report = import_named_text(&mut store, name, text, Format::Text, 1_000);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        ids.push(report.added[0].id);
    }
    let card = |prompt: &str| Card {
        kind: CardKind::Question,
        prompt: prompt.into(),
        answer: "1601".into(),
        choices: vec![],
        source_sentence: "The Treaty of Lyon was signed in 1601 by two kings.".into(),
        span_start: 0,
        span_end: 10,
        score: 0.5,
    };
    store
        .replace_suggestions(ids[0], 1, &[card("Old?")], &[], 2_000)
        .unwrap();
    let (a, b) = (
        [card("A shown?")],
        [card("B shown?"), card("B also shown?")],
    );
    let held = [card("B held back?")];
    store
        .replace_suggestions_of(
            &[
                SuggestionsOf {
                    document_id: ids[0],
                    revision: 1,
                    cards: &a,
                    held_back: &[],
                },
                SuggestionsOf {
                    document_id: ids[1],
                    revision: 1,
                    cards: &b,
                    held_back: &held,
                },
            ],
            3_000,
        )
        .unwrap();
    let prompts = |store: &Store, id| {
        let mut cards = store.cards_of_document(id, true).unwrap();
        cards.sort_by_key(|c| c.id);
        cards
            .into_iter()
            .map(|c| (c.prompt, c.held_back))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        prompts(&store, ids[0]),
        vec![("A shown?".to_string(), false)]
    );
    assert_eq!(
        prompts(&store, ids[1]),
        vec![
            ("B shown?".to_string(), false),
            ("B also shown?".to_string(), false),
            ("B held back?".to_string(), true)
        ]
    );
    assert!(!store.suggestions_outdated(ids[0]).unwrap());
    assert!(!store.suggestions_outdated(ids[1]).unwrap());
    // A document that is not there: nothing of the batch is written.
    let err = store.replace_suggestions_of(
        &[
            SuggestionsOf {
                document_id: ids[0],
                revision: 1,
                cards: &b,
                held_back: &[],
            },
            SuggestionsOf {
                document_id: DocumentId(999),
                revision: 1,
                cards: &a,
                held_back: &[],
            },
        ],
        4_000,
    );
    assert!(err.is_err());
    assert_eq!(
        prompts(&store, ids[0]),
        vec![("A shown?".to_string(), false)]
    );
}
