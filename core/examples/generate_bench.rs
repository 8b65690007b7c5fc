//! How fast card generation is, on a history-like text this program writes itself.
//!
//! `cargo run -p clio-core --release --example generate_bench [-- WORDS]`
//!
//! Prints cards per second, milliseconds per 10,000 words and megabytes per second,
//! then the time for one run-on sentence of 25,000 words (no full stop until the
//! end), which every pass must handle in linear time.

use std::time::Instant;

use clio_core::generate::{generate, GenerateOptions};

const RULERS: &[&str] = &[
    "King Henry",
    "Queen Matilda",
    "Emperor Otto",
    "Duke Robert",
    "Pope Urban",
    "Tsar Ivan",
    "Sultan Selim",
];
const PLACES: &[&str] = &[
    "Normandy", "Sicily", "Prussia", "Bohemia", "Castile", "Flanders", "Antioch", "Novgorod",
];
const GROUPS: &[&str] = &[
    "the Normans",
    "the Huguenots",
    "the Venetians",
    "the Saxons",
    "the Ottomans",
];
const REGNAL: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI",
];
const VERBS: &[&str] = &[
    "invaded",
    "took",
    "fought for",
    "won",
    "lost",
    "besieged",
    "abandoned",
    "ruled",
];

/// A deterministic text of at least `words` words.
fn text(words: usize) -> String {
    let mut out = String::new();
    let mut n = 0usize;
    let mut i = 0usize;
    while n < words {
        let r = format!(
            "{} {}",
            RULERS[i % RULERS.len()],
            REGNAL[(i / RULERS.len()) % REGNAL.len()]
        );
        let p = PLACES[(i * 3 + 1) % PLACES.len()];
        let q = PLACES[(i * 5 + 2) % PLACES.len()];
        let g = GROUPS[(i * 7) % GROUPS.len()];
        let v = VERBS[(i * 11) % VERBS.len()];
        let year = 1000 + (i * 37) % 900;
        let s = format!(
            "{r} {v} {p} in {year}, when {g} withdrew their armies from {q}. \
             About {} soldiers died during the siege of {q} in the {}th century. \
             He later signed a treaty with {g} in March {}. \
             The war ended after {} years, and trade with {p} grew in the {}0s.\n\n",
            100 + i * 7,
            11 + i % 8,
            year + 3,
            2 + i % 30,
            (year + 10) / 10
        );
        n += s.split_whitespace().count();
        out.push_str(&s);
        i += 1;
    }
    out
}

/// One sentence of at least `words` words: clauses joined by commas and "and".
fn run_on(words: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut i = 0;
    while n < words {
        let clause = format!(
            "{} {} took {} in {} [{}] after {} soldiers died, and he ",
            RULERS[i % RULERS.len()],
            REGNAL[i % REGNAL.len()],
            PLACES[i % PLACES.len()],
            1000 + (i * 37) % 900,
            i % 50,
            100 + i * 7
        );
        n += clause.split_whitespace().count();
        out.push_str(&clause);
        i += 1;
    }
    out.push_str("signed the treaty in 1215.");
    out
}

fn main() {
    let words: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let t = text(words);
    let real_words = t.split_whitespace().count();
    let options = GenerateOptions::default();
    // Warm up (lexicon loading), then time a few runs.
    let _ = generate(&t[..t.len().min(2_000)], &options);
    let runs = 5;
    let start = Instant::now();
    let mut cards = 0usize;
    for _ in 0..runs {
        cards += generate(&t, &options).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let per_run = secs / runs as f64;
    println!("text: {real_words} words, {} cards per run", cards / runs);
    println!("cards/second: {:.0}", cards as f64 / secs);
    println!(
        "ms per 10,000 words: {:.1}",
        per_run * 1000.0 * 10_000.0 / real_words as f64
    );
    println!("MB/second: {:.2}", t.len() as f64 / 1e6 / per_run);
    let long = run_on(25_000);
    let start = Instant::now();
    let n = generate(&long, &options).len();
    println!(
        "one sentence of {} words: {:.2} s, {n} cards",
        long.split_whitespace().count(),
        start.elapsed().as_secs_f64()
    );
}
