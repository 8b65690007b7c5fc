//! How long re-anchoring a highlight takes in a 100 KB text: a quote unchanged,
//! shifted, edited, moved or deleted, and 500 highlights at once.
//!
//! `cargo run -p clio-core --release --example reanchor_bench`

use std::time::Instant;

use clio_core::anchor::{reanchor, reanchor_all, Anchoring, Selectors};

/// About 100 KB of word salad from a fixed generator (deterministic).
fn text() -> String {
    const WORDS: &[&str] = &[
        "the",
        "treaty",
        "of",
        "Versailles",
        "was",
        "signed",
        "in",
        "1919",
        "and",
        "Günter",
        "Zhōu",
        "Ēnlái",
        "revolution",
        "empire",
        "Europe",
        "war",
        "peace",
        "king",
        "people",
        "a",
        "new",
        "order",
        "after",
        "before",
        "minister",
        "🇨🇳",
        "congress",
        "border",
    ];
    let mut seed: u64 = 42;
    let mut out = String::new();
    while out.len() < 100_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
        out.push(if (seed >> 20) % 13 == 0 { '.' } else { ' ' });
    }
    out
}

fn time(label: &str, runs: u32, f: impl Fn() -> Anchoring) {
    let t = Instant::now();
    let mut last = f();
    for _ in 1..runs {
        last = f();
    }
    let each = t.elapsed() / runs;
    let kind = match last {
        Anchoring::Anchored { method, score, .. } => format!("{method:?} {score:.2}"),
        Anchoring::Orphaned { best_score } => format!("orphaned {best_score:.2}"),
    };
    println!("{label:<58} {each:>12.2?}  ({kind})");
}

fn main() {
    let t = text();
    let n = t.chars().count();
    println!("text: {} bytes, {n} code points", t.len());
    let at = |cp: usize| t.char_indices().nth(cp).unwrap().0;
    for len in [40usize, 300, 1000] {
        let start = n / 2;
        let sel = Selectors::describe(&t, start, start + len).unwrap();
        let quote = sel.quote.exact.clone();
        time(&format!("{len}-char quote, unchanged"), 20, || {
            reanchor(&t, &sel)
        });
        let shifted = format!("Inserted at the start. {t}");
        time(&format!("{len}-char quote, shifted"), 20, || {
            reanchor(&shifted, &sel)
        });
        let (a, b) = (at(start + len / 2), at(start + len / 2 + 1));
        let edited = format!("{}#{}", &t[..a], &t[b..]);
        time(&format!("{len}-char quote, one char edited"), 20, || {
            reanchor(&edited, &sel)
        });
        // Edited and moved far away: no nearby window, the context moved with it.
        let (qa, qb) = (at(start.saturating_sub(40)), at(start + len + 40));
        let moved = format!(
            "{}{}{}",
            &edited[qa..qb + 1],
            &edited[..qa],
            &edited[qb + 1..]
        );
        time(
            &format!("{len}-char quote, edited and moved 50 KB"),
            20,
            || reanchor(&moved, &sel),
        );
        let deleted = t.replacen(&quote, "", 1);
        time(&format!("{len}-char quote, deleted (orphaned)"), 20, || {
            reanchor(&deleted, &sel)
        });
    }
    let sels: Vec<Selectors> = (0..500)
        .map(|i| {
            let s = i * (n - 100) / 500;
            Selectors::describe(&t, s, s + 60).unwrap()
        })
        .collect();
    let shifted = format!("Inserted at the start. {t}");
    let started = Instant::now();
    let all = reanchor_all(&shifted, &sels);
    println!(
        "reanchor_all, 500 highlights, shifted text: {:.2?} ({} anchored)",
        started.elapsed(),
        all.iter().filter(|a| a.position().is_some()).count()
    );
}
