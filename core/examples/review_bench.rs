//! Review speed on a large collection: 100,000 cards and 1,000,000 review-log
//! rows in a real SQLite file. Prints the time to open the file, to build
//! today's queue, and per answer (writing it and fetching the next card) over
//! 1,000 answers. Target: at most 0.3 ms per answer.
//!
//!     cargo run -p clio-core --release --example review_bench [cards] [reviews]

use std::time::Instant;

use clio_core::review::{scheduler_config, ReviewMode, ReviewSession};
use clio_core::schedule::Rating;
use clio_core::time::now_ms;
use clio_core::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>());
    let cards = args.next().transpose()?.unwrap_or(100_000);
    let reviews = args.next().transpose()?.unwrap_or(1_000_000);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.sqlite3");
    let now = now_ms();

    let t = Instant::now();
    Store::open(&path)?.seed_synthetic_collection(cards, reviews, now)?;
    println!(
        "seeded {cards} cards and {reviews} review-log rows in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let mut store = Store::open(&path)?;
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    // As the window does: checkpoints run in the background, not after an answer.
    store.defer_checkpoints(std::time::Duration::from_secs(5))?;

    let t = Instant::now();
    let mut session = ReviewSession::start(&store, scheduler_config(&store)?, now)?;
    let queue_ms = t.elapsed().as_secs_f64() * 1e3;
    let counts = session.counts();
    println!(
        "today's queue: {} new, {} learning, {} to review",
        counts.new, counts.learning, counts.review
    );

    let ratings = [
        Rating::Good,
        Rating::Good,
        Rating::Again,
        Rating::Good,
        Rating::Hard,
        Rating::Easy,
    ];
    let mut times = Vec::with_capacity(1000);
    let mut clock = now;
    for i in 0..1000 {
        let t = Instant::now();
        let Some(card) = session.status(&store, clock, ReviewMode::Reveal)?.card else {
            break;
        };
        session.answer(
            &mut store,
            card.card.card.id.0,
            ratings[i % ratings.len()],
            clock,
            Some(5_000),
            ReviewMode::Reveal,
        )?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
        clock += 1_000;
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!("open:         {open_ms:.1} ms");
    println!("build queue:  {queue_ms:.1} ms");
    println!(
        "per answer:   mean {mean:.3} ms, median {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.1} ms over {} answers (target ≤ 0.3 ms)",
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() * 99 / 100],
        times[times.len() - 1],
        times.len()
    );
    // The slowest answers are the ones that ran SQLite's WAL checkpoint.
    let slow: f64 = times.iter().filter(|&&t| t > 5.0).sum();
    println!(
        "              {} answers over 5 ms took {slow:.0} ms in all",
        times.iter().filter(|&&t| t > 5.0).count()
    );
    Ok(())
}
