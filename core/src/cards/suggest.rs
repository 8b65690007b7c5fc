//! Suggestions: the generator's cards for a document, minus the facts the
//! learner already decided on.

use std::collections::HashSet;

use super::StoredCard;
use crate::error::Result;
use crate::generate::{suggest, Card, LibraryContext};
use crate::ids::DocumentId;
use crate::prefs::Preferences;
use crate::store::{Store, SuggestionSource, SuggestionsOf};

/// How many suggestions a document of `words` words gets: about one per 15
/// words (a fact a sentence in dense history prose), so a long answer is not
/// buried under hundreds of cards.
pub fn suggestion_limit(words: usize) -> usize {
    (words / 15).clamp(5, 80)
}

/// At most this many held-back suggestions are kept for the reader to show.
const MAX_HELD_BACK: usize = 40;

/// Writes a document's suggestions afresh for its current text: the old
/// suggestions go, the generator's best cards come, except those the learner
/// accepted or rejected before (same prompt, or same answer from the same
/// sentence). Returns how many suggestions were written.
pub fn suggest_for_document(store: &mut Store, document_id: DocumentId, now: i64) -> Result<usize> {
    let prefs = crate::prefs::load(store)?;
    write_suggestions(store, document_id, &prefs, now)
}

/// [`suggest_for_document`] with the preferences already read (read once for
/// a batch of documents, not once per document).
fn write_suggestions(
    store: &mut Store,
    document_id: DocumentId,
    prefs: &Preferences,
    now: i64,
) -> Result<usize> {
    let made = make_suggestions(store, document_id, prefs)?;
    store.replace_suggestions(
        document_id,
        made.revision,
        &made.cards,
        &made.held_back,
        now,
    )?;
    if prefs.auto_accept_suggestions {
        super::accept_all(store, document_id, now)?;
    }
    Ok(made.cards.len())
}

/// A document's suggestions, made but not yet written.
struct Made {
    document_id: DocumentId,
    revision: i64,
    cards: Vec<Card>,
    held_back: Vec<Card>,
}

/// What making a document's suggestions reads from the store.
struct Source {
    document_id: DocumentId,
    doc: SuggestionSource,
    decided: Vec<StoredCard>,
}

fn read_source(store: &Store, document_id: DocumentId) -> Result<Source> {
    Ok(Source {
        document_id,
        doc: store.suggestion_source(document_id)?,
        decided: store.decided_cards(document_id)?,
    })
}

/// The generator's best cards for a document's current text, except those the
/// learner accepted or rejected before (same prompt, or same answer from the
/// same sentence), and the ones held back.
fn make_suggestions(store: &Store, document_id: DocumentId, prefs: &Preferences) -> Result<Made> {
    Ok(suggestions_of(&read_source(store, document_id)?, prefs))
}

/// [`make_suggestions`] once the store has been read: no store, so texts can be
/// worked on side by side.
fn suggestions_of(source: &Source, prefs: &Preferences) -> Made {
    let Source {
        document_id,
        doc,
        decided,
    } = source;
    let limit = suggestion_limit(doc.body.split_whitespace().count());
    // The cards above the quality bar (the title is what the learner sees above
    // a card, so an answer it names is no card).
    let generated = suggest(
        &doc.title,
        &doc.body,
        &prefs.generate_options(),
        &LibraryContext::default(),
    );
    Made {
        document_id: *document_id,
        revision: doc.revision,
        cards: fresh_suggestions(generated.shown, decided, limit),
        held_back: fresh_suggestions(generated.held_back, decided, MAX_HELD_BACK),
    }
}

/// The suggestions of several documents, made on every core the machine has
/// (each text's cards are independent of the others'), in the order given.
fn suggestions_side_by_side(sources: &[Source], prefs: &Preferences) -> Vec<Made> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers < 2 || sources.len() < 2 {
        return sources.iter().map(|s| suggestions_of(s, prefs)).collect();
    }
    let share = sources.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|s| suggestions_of(s, prefs))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            // A worker that panicked takes the process down as it would have on
            // this thread (release builds abort on panic anyway).
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Writes suggestions if the document has none for its current revision.
pub fn ensure_suggestions(store: &mut Store, document_id: DocumentId, now: i64) -> Result<()> {
    if store.suggestions_outdated(document_id)? {
        suggest_for_document(store, document_id, now)?;
    }
    Ok(())
}

/// Writes the suggestions of up to `limit` documents that have none for their
/// current text (left by a large import), newest first; returns how many were
/// written. The window calls it in small steps in the background, so the
/// library stays responsive while a big folder is worked through.
pub fn write_pending_suggestions(store: &mut Store, now: i64, limit: usize) -> Result<usize> {
    let pending = store.documents_needing_suggestions(limit)?;
    if pending.is_empty() {
        return Ok(0);
    }
    let prefs = crate::prefs::load(store)?;
    let read_batch = |store: &Store, batch: &[DocumentId]| {
        batch
            .iter()
            .map(|&id| read_source(store, id))
            .collect::<Result<Vec<Source>>>()
    };
    let batches: Vec<&[DocumentId]> = pending.chunks(SUGGESTION_BATCH).collect();
    let prefs = &prefs;
    std::thread::scope(|scope| -> Result<()> {
        let mut made = suggestions_side_by_side(&read_batch(store, batches[0])?, prefs);
        for (i, batch) in batches.iter().enumerate() {
            // The next batch's cards are made while this one is written: writing
            // is one thread's work, and the cores would otherwise wait for it.
            // (Batches hold different texts, so writing one changes nothing the
            // next reads.)
            let ahead = match batches.get(i + 1) {
                Some(next) => {
                    let sources = read_batch(store, next)?;
                    Some(scope.spawn(move || suggestions_side_by_side(&sources, prefs)))
                }
                None => None,
            };
            write_batch(store, &made, prefs, batch, now)?;
            if let Some(handle) = ahead {
                // A worker that panicked takes the process down as it would have
                // on this thread (release builds abort on panic anyway).
                made = handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
        }
        Ok(())
    })?;
    Ok(pending.len())
}

/// Writes one batch's suggestions in one transaction (each commit writes the pages
/// the new cards share: their table, indexes and full-text index), then accepts
/// them when the learner asked for that.
fn write_batch(
    store: &mut Store,
    made: &[Made],
    prefs: &Preferences,
    batch: &[DocumentId],
    now: i64,
) -> Result<()> {
    let docs: Vec<SuggestionsOf<'_>> = made
        .iter()
        .map(|m| SuggestionsOf {
            document_id: m.document_id,
            revision: m.revision,
            cards: &m.cards,
            held_back: &m.held_back,
        })
        .collect();
    store.replace_suggestions_of(&docs, now)?;
    if prefs.auto_accept_suggestions {
        for &id in batch {
            super::accept_all(store, id, now)?;
        }
    }
    Ok(())
}

/// How many texts' suggestions [`write_pending_suggestions`] writes in one
/// transaction (the window asks for fewer at a time).
const SUGGESTION_BATCH: usize = 32;

/// The first `limit` generated cards whose fact the learner has not decided on.
fn fresh_suggestions(mut generated: Vec<Card>, decided: &[StoredCard], limit: usize) -> Vec<Card> {
    if decided.is_empty() {
        // Nothing to leave out (a text never worked on): no keys to build.
        generated.truncate(limit);
        return generated;
    }
    let mut known: HashSet<String> = HashSet::new();
    for card in decided {
        known.insert(prompt_key(&card.prompt));
        known.insert(fact_key(
            &card.answer,
            card.source_text.as_deref().unwrap_or(""),
        ));
    }
    generated
        .into_iter()
        .filter(|c| {
            !known.contains(&prompt_key(&c.prompt))
                && !known.contains(&fact_key(&c.answer, &c.source_sentence))
        })
        .take(limit)
        .collect()
}

fn prompt_key(prompt: &str) -> String {
    format!("p:{}", words(prompt))
}

fn fact_key(answer: &str, sentence: &str) -> String {
    format!("f:{}|{}", words(answer), words(sentence))
}

/// Lower-case words, without punctuation: "the Cold War." = "The cold war".
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::CardKind;
    use crate::cards::CardStatus;
    use crate::cards::{CardOrigin, StoredCard};
    use crate::CardId;

    fn generated(prompt: &str, answer: &str, sentence: &str) -> Card {
        Card {
            kind: CardKind::Question,
            prompt: prompt.into(),
            answer: answer.into(),
            choices: vec![],
            source_sentence: sentence.into(),
            span_start: 0,
            span_end: sentence.chars().count(),
            score: 0.5,
        }
    }

    fn decided(prompt: &str, answer: &str, sentence: &str, status: CardStatus) -> StoredCard {
        StoredCard {
            id: CardId(1),
            document_id: Some(DocumentId(1)),
            kind: CardKind::Cloze,
            prompt: prompt.into(),
            answer: answer.into(),
            choices: vec![],
            source_text: Some(sentence.into()),
            span_start: Some(0),
            span_end: Some(1),
            origin: CardOrigin::Generated,
            status,
            needs_check: false,
            score: None,
            held_back: false,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn decided_facts_are_not_suggested_again() {
        let s = "The wall fell in 1989.";
        let cards = vec![
            generated("When did the wall fall?", "1989", s),
            generated("What fell in 1989?", "The wall", s),
            generated(
                "Who built the wall?",
                "East Germany",
                "East Germany built the wall.",
            ),
        ];
        let decided = [
            // Same fact in another form (a cloze of the same answer and sentence).
            decided("The wall fell in _____.", "1989", s, CardStatus::Rejected),
            // Same prompt, written differently.
            decided(
                "what fell in 1989",
                "the Wall",
                "elsewhere",
                CardStatus::Accepted,
            ),
        ];
        let fresh = fresh_suggestions(cards, &decided, 10);
        assert_eq!(
            fresh.iter().map(|c| c.prompt.as_str()).collect::<Vec<_>>(),
            ["Who built the wall?"]
        );
    }

    #[test]
    fn suggestions_are_capped_by_length() {
        assert_eq!(suggestion_limit(0), 5);
        assert_eq!(suggestion_limit(1500), 80);
        assert_eq!(suggestion_limit(600), 40);
        assert_eq!(suggestion_limit(100_000), 80);
        let cards = (0..9)
            .map(|i| generated(&format!("Q{i}?"), &format!("A{i}"), "S."))
            .collect();
        assert_eq!(fresh_suggestions(cards, &[], 5).len(), 5);
    }
}
