//! Multiple-choice options for every card of the starter library, as Choose
//! mode and the multiple-choice quiz ask for them: how many cards get four
//! options, by the sort of their answer (as the generator reads the answer
//! alone; "other" when it sees no name in it), and
//! the time of the first card (which reads the library's names once) and of
//! the rest. Beside it, how many had four options from their own text alone
//! (the rule before the library's and built-in names were used).
//!
//!     cargo run -p clio-core --release --example choices_bench

use std::collections::BTreeMap;
use std::time::Instant;

use clio_core::cards::{accept_all, document_cards, CardStatus};
use clio_core::quiz::ChoiceSource;
use clio_core::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let now = 1_780_000_000_000;
    let mut store = Store::open_in_memory()?;
    let report = clio_core::starter::add_if_new(&mut store, now)?;
    let mut cards = Vec::new();
    for item in &report.added {
        accept_all(&mut store, item.id, now)?;
        cards.extend(
            document_cards(&mut store, item.id, now)?
                .into_iter()
                .filter(|c| c.status == CardStatus::Accepted),
        );
    }
    println!(
        "{} texts, {} accepted cards",
        report.added.len(),
        cards.len()
    );

    let mut source = ChoiceSource::new();
    let mut by_kind: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
    let mut bodies: std::collections::HashMap<clio_core::DocumentId, String> =
        std::collections::HashMap::new();
    let mut first_ms = 0.0;
    let mut total_ms = 0.0;
    for (i, card) in cards.iter().enumerate() {
        let one = Instant::now();
        let options = source.options(&store, card)?;
        let ms = one.elapsed().as_secs_f64() * 1e3;
        total_ms += ms;
        if i == 0 {
            first_ms = ms;
        }
        // The sort of the answer, as the generator reads it on its own.
        let sort = clio_core::generate::entities_of(&card.answer)
            .first()
            .map_or_else(|| "other".to_owned(), |e| format!("{:?}", e.kind));
        let entry = by_kind.entry(sort).or_default();
        entry.1 += 1;
        if options.is_some_and(|o| o.len() >= 4) {
            entry.0 += 1;
        }
        let id = card.document_id.unwrap_or(clio_core::DocumentId(0));
        if let std::collections::hash_map::Entry::Vacant(entry) = bodies.entry(id) {
            entry.insert(store.document(id)?.body);
        }
        let alone = clio_core::generate::distractors_for(
            &bodies[&id],
            &clio_core::generate::LibraryContext::default(),
            &card.answer,
            &card.prompt,
        );
        if card.choices.len() >= 2 || alone.len() == 3 {
            entry.2 += 1;
        }
    }
    for (kind, (with, all, alone)) in &by_kind {
        println!("{kind:>16}: {with} of {all} cards with four options (from their own text alone: {alone})");
    }
    println!(
        "first card {first_ms:.1} ms; the rest {:.2} ms a card on average",
        (total_ms - first_ms) / (cards.len().max(2) - 1) as f64
    );
    Ok(())
}
