//! The browser and undo on a real (in-memory) store with something in every table.

use super::*;
use crate::cards::CardStatus;
use crate::test_support::{populate, search_ids, snapshot, T0};
use crate::CardId;
use crate::DocumentId;

const NOW: i64 = T0 + 60_000;

fn library() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    populate(&mut store);
    store
}

fn page(store: &Store, query: BrowserQuery) -> BrowserPage {
    browse(store, &query, NOW).unwrap()
}

fn all(store: &Store) -> BrowserPage {
    page(store, BrowserQuery::default())
}

fn deck_size(store: &Store) -> u64 {
    crate::cards::deck(store).unwrap().total
}

/// A card that has been answered (it has review-log rows and a quiz answer may point at it).
fn reviewed_card(store: &Store) -> CardId {
    all(store)
        .cards
        .iter()
        .find(|c| c.reps > 0)
        .expect("populate reviews some cards")
        .id
}

#[test]
fn the_browser_lists_every_deck_card_and_nothing_else() {
    let store = library();
    let page = all(&store);
    assert!(page.total >= 4, "{page:#?}");
    assert_eq!(page.total, deck_size(&store));
    assert_eq!(page.cards.len() as u64, page.total);
    assert!(page
        .cards
        .iter()
        .all(|c| c.document_title.as_deref() == Some("The Berlin Airlift")));
    // Due first (soonest), new cards last.
    let firsts: Vec<bool> = page
        .cards
        .iter()
        .map(|c| c.state == QueueState::New)
        .collect();
    let mut sorted = firsts.clone();
    sorted.sort();
    assert_eq!(firsts, sorted, "new cards come after the scheduled ones");
}

#[test]
fn search_finds_words_of_the_prompt_answer_and_source_also_as_prefixes() {
    let store = library();
    let every = all(&store).cards;
    let target = every
        .iter()
        .find(|c| c.answer.contains("1949"))
        .expect("a card on 1949");
    let found = page(
        &store,
        BrowserQuery {
            search: "1949".into(),
            ..Default::default()
        },
    );
    assert!(found.cards.iter().any(|c| c.id == target.id));
    assert!(found.cards.iter().all(|c| {
        c.prompt.contains("1949")
            || c.answer.contains("1949")
            || c.source_text.as_deref().unwrap_or("").contains("1949")
    }));
    // A prefix of a word in the source sentence.
    let by_source = page(
        &store,
        BrowserQuery {
            search: "blockad".into(),
            ..Default::default()
        },
    );
    assert!(by_source.total >= 1);
    assert!(by_source.total < every.len() as u64 || every.len() == 1);
    // Punctuation only finds nothing; FTS syntax is taken literally.
    assert_eq!(
        page(
            &store,
            BrowserQuery {
                search: "\"(*".into(),
                ..Default::default()
            }
        )
        .total,
        0
    );
    assert_eq!(
        page(
            &store,
            BrowserQuery {
                search: "zzzqqq".into(),
                ..Default::default()
            }
        )
        .total,
        0
    );
}

#[test]
fn filters_by_state_kind_category_document_and_due() {
    let store = library();
    let every = all(&store).cards;
    let count = |q: BrowserQuery| page(&store, q).total;
    let new = count(BrowserQuery {
        state: Some(StateFilter::New),
        ..Default::default()
    });
    let learning = count(BrowserQuery {
        state: Some(StateFilter::Learning),
        ..Default::default()
    });
    let review = count(BrowserQuery {
        state: Some(StateFilter::Review),
        ..Default::default()
    });
    assert_eq!(
        new + learning + review,
        every.len() as u64,
        "no card is suspended yet"
    );
    assert_eq!(
        new,
        every.iter().filter(|c| c.state == QueueState::New).count() as u64
    );
    assert!(new > 0 && learning + review > 0);

    let kind = every[0].kind;
    let of_kind = page(
        &store,
        BrowserQuery {
            kind: Some(kind),
            ..Default::default()
        },
    );
    assert!(of_kind.cards.iter().all(|c| c.kind == kind));
    assert_eq!(
        of_kind.total,
        every.iter().filter(|c| c.kind == kind).count() as u64
    );

    let doc = every[0].document_id.unwrap();
    assert_eq!(
        count(BrowserQuery {
            document_id: Some(doc),
            ..Default::default()
        }),
        every.len() as u64
    );
    assert_eq!(
        count(BrowserQuery {
            document_id: Some(DocumentId(doc.0 + 1000)),
            ..Default::default()
        }),
        0
    );

    // The Berlin text is filed under History → Cold War: its parent finds it too.
    assert_eq!(
        count(BrowserQuery {
            category: vec!["History".into()],
            ..Default::default()
        }),
        every.len() as u64
    );
    let unknown = browse(
        &store,
        &BrowserQuery {
            category: vec!["Nowhere".into()],
            ..Default::default()
        },
        NOW,
    );
    assert!(unknown.unwrap_err().to_string().contains("Nowhere"));

    // Cards answered minutes ago are due today (learning steps), never overdue.
    let today = count(BrowserQuery {
        due: Some(DueFilter::Today),
        ..Default::default()
    });
    let expected = every
        .iter()
        .filter(|c| {
            c.due
                .is_some_and(|d| d < crate::review::next_day_start(NOW))
        })
        .count();
    assert_eq!(today, expected as u64);
    assert!(
        count(BrowserQuery {
            due: Some(DueFilter::Week),
            ..Default::default()
        }) >= today
    );
}

#[test]
fn sorts_by_added_difficulty_and_lapses_both_ways() {
    let store = library();
    let asc = page(
        &store,
        BrowserQuery {
            sort: BrowserSort::Added,
            ..Default::default()
        },
    )
    .cards;
    let desc = page(
        &store,
        BrowserQuery {
            sort: BrowserSort::Added,
            descending: true,
            ..Default::default()
        },
    )
    .cards;
    let ids = |cards: &[BrowserCard]| cards.iter().map(|c| c.id).collect::<Vec<_>>();
    let mut reversed = ids(&desc);
    reversed.reverse();
    assert_eq!(ids(&asc), reversed);
    let by_difficulty = page(
        &store,
        BrowserQuery {
            sort: BrowserSort::Difficulty,
            ..Default::default()
        },
    )
    .cards;
    let rated: Vec<f64> = by_difficulty.iter().map_while(|c| c.difficulty).collect();
    assert!(rated.windows(2).all(|w| w[0] <= w[1]), "{rated:?}");
    assert!(
        by_difficulty[rated.len()..]
            .iter()
            .all(|c| c.difficulty.is_none()),
        "unrated last"
    );
    let paged = page(
        &store,
        BrowserQuery {
            sort: BrowserSort::Added,
            offset: 1,
            limit: 2,
            ..Default::default()
        },
    );
    assert_eq!(ids(&paged.cards), ids(&asc[1..3]));
    assert_eq!(paged.total, asc.len() as u64);
}

#[test]
fn suspend_bury_flag_and_reset_act_on_a_selection_and_undo_puts_everything_back() {
    let mut store = library();
    let before = snapshot(store.connection());
    let ids: Vec<CardId> = all(&store).cards.iter().take(3).map(|c| c.id).collect();
    for action in [
        CardAction::Suspend,
        CardAction::Bury,
        CardAction::Flag,
        CardAction::Reset,
    ] {
        let outcome = act(&mut store, action, &ids, NOW).unwrap();
        assert!(outcome.changed >= 1, "{action:?}");
        assert_eq!(outcome.undo.as_ref().unwrap().label, action.label(3));
        let state = match action {
            CardAction::Suspend => StateFilter::Suspended,
            CardAction::Bury => StateFilter::Buried,
            CardAction::Flag => StateFilter::Flagged,
            _ => StateFilter::New,
        };
        let found = page(
            &store,
            BrowserQuery {
                state: Some(state),
                ..Default::default()
            },
        );
        assert!(
            ids.iter().all(|id| found.cards.iter().any(|c| c.id == *id)),
            "{action:?}: {found:#?}"
        );
        assert_eq!(undo(&mut store, NOW + 1_000).unwrap(), action.label(3));
        assert_eq!(
            snapshot(store.connection()),
            before,
            "{action:?} undone exactly"
        );
    }
    assert!(last_undo(&store, NOW + 2_000).unwrap().is_none());
    assert!(undo(&mut store, NOW + 2_000)
        .unwrap_err()
        .to_string()
        .contains("nothing to undo"));
}

#[test]
fn a_reset_card_is_new_again_but_keeps_its_history() {
    let mut store = library();
    let id = reviewed_card(&store);
    let reviews = history(&store, id).unwrap().reviews;
    assert!(!reviews.is_empty());
    act(&mut store, CardAction::Reset, &[id], NOW).unwrap();
    let after = history(&store, id).unwrap();
    assert_eq!(after.card.state, QueueState::New);
    assert_eq!(
        (after.card.reps, after.card.lapses, after.card.due),
        (0, 0, None)
    );
    assert_eq!(after.reviews, reviews);
}

#[test]
fn deleting_reviewed_cards_and_undoing_restores_their_schedule_reviews_and_quiz_answers() {
    let mut store = library();
    let before = snapshot(store.connection());
    let id = reviewed_card(&store);
    let other = all(&store)
        .cards
        .iter()
        .map(|c| c.id)
        .find(|&c| c != id)
        .unwrap();
    let quiz_card: CardId = store
        .connection()
        .query_row(
            "SELECT card_id FROM quiz_answers WHERE card_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let ids = [id, other, quiz_card];
    let outcome = act(&mut store, CardAction::Delete, &ids, NOW).unwrap();
    assert!(outcome.changed >= 2);
    assert!(history(&store, id).is_err());
    let logs: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM review_log WHERE card_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logs, 0, "the delete cascaded");
    assert_eq!(
        page(
            &store,
            BrowserQuery {
                search: "1949".into(),
                ..Default::default()
            }
        )
        .cards
        .iter()
        .filter(|c| ids.contains(&c.id))
        .count(),
        0
    );

    undo(&mut store, NOW + 5_000).unwrap();
    assert_eq!(snapshot(store.connection()), before);
    // The card's text is searchable again.
    let card = store.card(id).unwrap();
    let word = card.answer.split_whitespace().last().unwrap().to_owned();
    let found = page(
        &store,
        BrowserQuery {
            search: word,
            ..Default::default()
        },
    );
    assert!(found.cards.iter().any(|c| c.id == id));
}

#[test]
fn undo_refuses_when_the_cards_changed_since_and_changes_nothing() {
    let mut store = library();
    let id = all(&store).cards[0].id;
    act(&mut store, CardAction::Flag, &[id], NOW).unwrap();
    // A later change that undo must not overwrite: the card is suspended elsewhere.
    store.set_suspended(id, true).unwrap();
    let changed = snapshot(store.connection());
    let error = undo(&mut store, NOW + 1_000).unwrap_err().to_string();
    assert!(error.contains("can no longer be undone"), "{error}");
    assert_eq!(snapshot(store.connection()), changed);
    assert!(
        last_undo(&store, NOW + 1_000).unwrap().is_none(),
        "the stale entry is gone"
    );
}

#[test]
fn undo_expires_and_a_new_action_replaces_the_last_one() {
    let mut store = library();
    let ids: Vec<CardId> = all(&store).cards.iter().take(2).map(|c| c.id).collect();
    act(&mut store, CardAction::Suspend, &ids[..1], NOW).unwrap();
    act(&mut store, CardAction::Flag, &ids[1..], NOW + 1).unwrap();
    assert_eq!(
        last_undo(&store, NOW + 2).unwrap().unwrap().label,
        "Flagged a card"
    );
    undo(&mut store, NOW + 2).unwrap();
    assert!(
        undo(&mut store, NOW + 3).is_err(),
        "only the newest action is kept"
    );
    assert!(
        history(&store, ids[0]).unwrap().card.suspended,
        "the older action stays done"
    );

    act(&mut store, CardAction::Flag, &ids[1..], NOW).unwrap();
    let late = NOW + crate::store::UNDO_WINDOW_MS + 1;
    assert!(last_undo(&store, late).unwrap().is_none());
    assert!(undo(&mut store, late)
        .unwrap_err()
        .to_string()
        .contains("no longer be undone"));
    assert!(history(&store, ids[1]).unwrap().card.flagged);
}

#[test]
fn actions_refuse_cards_outside_the_deck_and_empty_or_huge_selections_all_or_nothing() {
    let mut store = library();
    let before = snapshot(store.connection());
    let id = all(&store).cards[0].id;
    let suggestion: CardId = store
        .connection()
        .query_row(
            "SELECT id FROM cards WHERE status = 'suggested' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(act(&mut store, CardAction::Suspend, &[id, suggestion], NOW).is_err());
    assert!(act(&mut store, CardAction::Delete, &[id, CardId(999_999)], NOW).is_err());
    assert!(act(&mut store, CardAction::Flag, &[], NOW)
        .unwrap_err()
        .to_string()
        .contains("Select"));
    let many: Vec<CardId> = (1..=(MAX_SELECTION as i64 + 1)).map(CardId).collect();
    assert!(act(&mut store, CardAction::Flag, &many, NOW).is_err());
    assert_eq!(snapshot(store.connection()), before);
}

#[test]
fn editing_checks_like_the_cards_panel_and_can_be_undone() {
    let mut store = library();
    let before = snapshot(store.connection());
    let card = store.card(all(&store).cards[0].id).unwrap();
    let empty = CardEdit {
        prompt: "  ".into(),
        answer: card.answer.clone(),
    };
    assert!(edit(&mut store, card.id, empty, NOW)
        .unwrap_err()
        .to_string()
        .contains("prompt is empty"));
    let changed = CardEdit {
        prompt: format!("{} (edited)", card.prompt),
        answer: card.answer.clone(),
    };
    let outcome = edit(&mut store, card.id, changed, NOW).unwrap();
    assert!(outcome.card.prompt.ends_with("(edited)"));
    assert_eq!(outcome.undo.unwrap().label, "Edited a card");
    assert_eq!(
        page(
            &store,
            BrowserQuery {
                search: "edited".into(),
                ..Default::default()
            }
        )
        .total,
        1
    );
    undo(&mut store, NOW + 1).unwrap();
    assert_eq!(snapshot(store.connection()), before);
    assert_eq!(
        page(
            &store,
            BrowserQuery {
                search: "edited".into(),
                ..Default::default()
            }
        )
        .total,
        0
    );
}

#[test]
fn leech_cards_are_found_by_their_tag() {
    let store = library();
    let id = all(&store).cards[1].id;
    store
        .connection()
        .execute(
            "UPDATE cards SET tags = 'history leech' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let leeches = page(
        &store,
        BrowserQuery {
            state: Some(StateFilter::Leech),
            ..Default::default()
        },
    );
    assert_eq!(
        leeches.cards.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![id]
    );
    assert!(leeches.cards[0].leech);
}

#[test]
fn rejecting_and_removing_cards_can_be_undone() {
    let mut store = library();
    let before = snapshot(store.connection());
    let accepted = all(&store).cards[0].id;
    crate::cards::reject(&mut store, &[accepted], NOW).unwrap();
    assert_eq!(store.card(accepted).unwrap().status, CardStatus::Rejected);
    assert_eq!(
        last_undo(&store, NOW).unwrap().unwrap().label,
        "Removed a card from your deck"
    );
    undo(&mut store, NOW + 1).unwrap();
    assert_eq!(snapshot(store.connection()), before);

    let suggestion: CardId = store
        .connection()
        .query_row(
            "SELECT id FROM cards WHERE status = 'suggested' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    crate::cards::reject(&mut store, &[suggestion], NOW).unwrap();
    assert_eq!(
        last_undo(&store, NOW).unwrap().unwrap().label,
        "Rejected a suggestion"
    );
    undo(&mut store, NOW + 1).unwrap();
    assert_eq!(
        store.card(suggestion).unwrap().status,
        CardStatus::Suggested
    );
    assert_eq!(snapshot(store.connection()), before);
}

#[test]
fn deleting_a_text_can_be_undone_with_its_notes_cards_reviews_and_search() {
    let mut store = library();
    let before = snapshot(store.connection());
    let searches = search_ids(&store);
    let doc = all(&store).cards[0].document_id.unwrap();
    crate::library::delete_document(&mut store, doc).unwrap();
    assert!(store.document(doc).is_err());
    assert_eq!(all(&store).total, 0);
    let label = last_undo(&store, crate::time::now_ms())
        .unwrap()
        .unwrap()
        .label;
    assert_eq!(label, "Deleted “The Berlin Airlift”");
    undo(&mut store, crate::time::now_ms()).unwrap();
    assert_eq!(snapshot(store.connection()), before);
    assert_eq!(search_ids(&store), searches, "the text is found again");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let fk: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}

#[test]
fn undoing_a_delete_refuses_when_a_new_text_took_its_id() {
    let mut store = library();
    let last: DocumentId = store
        .connection()
        .query_row("SELECT max(id) FROM documents", [], |r| r.get(0))
        .unwrap();
    crate::library::delete_document(&mut store, last).unwrap();
    let reused = crate::library::add_document(
        &mut store,
        crate::library::NewDocument {
            title: "A new text".into(),
            author: None,
            category_path: vec![],
            source: None,
            body: "Khrushchev visited the United States in 1959.".into(),
        },
    )
    .unwrap();
    assert_eq!(reused.id, last, "SQLite reuses the highest id");
    let error = undo(&mut store, crate::time::now_ms())
        .unwrap_err()
        .to_string();
    assert!(error.contains("can no longer be undone"), "{error}");
    assert_eq!(store.document(last).unwrap().title, "A new text");
}
