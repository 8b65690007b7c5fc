//! What the app's process tests share: a history text, a deck made from it,
//! and the real `clio` binary on a library file.

use std::process::Command;

use clio_core::import::{import_named_text, Format};
use clio_core::{cards, Store};

pub const TEXT: &str = "\
The Soviet Union blocked every road into West Berlin in June 1948. General Lucius Clay ordered the first \
supply flights two days later. The blockade ended in May 1949, when Stalin reopened the roads. Over 270,000 \
flights had reached the city by then. NATO was founded in Washington in April 1949. The Federal Republic of \
Germany was founded in May 1949. Konrad Adenauer became its first chancellor in September 1949. The German \
Democratic Republic was founded in October 1949, with Wilhelm Pieck as its president. Walter Ulbricht led its \
ruling party from 1950 to 1971. East Germany built the Berlin Wall in August 1961. About 140 people were killed \
at the wall before it fell in November 1989. Germany was reunified on 3 October 1990, under Chancellor Helmut \
Kohl. The Four Powers gave up their rights in Germany with the Two Plus Four Treaty, signed in Moscow in 1990.";

/// A library whose suggested cards are all in the deck; returns the deck size.
pub fn deck(db: &std::path::Path) -> usize {
    let mut store = Store::open(db).unwrap();
    let id = import_named_text(&mut store, "berlin.txt", TEXT, Format::Text, 0).added[0].id;
    // Every suggestion, the held-back ones too: the tests need a deck of some size.
    let ids: Vec<clio_core::CardId> = store
        .cards_of_document(id, true)
        .unwrap()
        .into_iter()
        .filter(|c| c.status == cards::CardStatus::Suggested)
        .map(|c| c.id)
        .collect();
    cards::accept(&mut store, &ids, 0).unwrap()
}

/// The real binary on `db`, whatever `CLIO_DB` says.
pub fn clio(db: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clio"));
    cmd.arg("--db").arg(db).env_remove("CLIO_DB");
    cmd
}
