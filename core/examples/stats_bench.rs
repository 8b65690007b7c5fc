//! Progress dashboard speed on a large collection: 100,000 cards and
//! 1,000,000 review-log rows in a real SQLite file. Prints the time to compute
//! the whole dashboard (median of several runs) and the library's mastery
//! bars. Target: under 100 ms.
//!
//!     cargo run -p clio-core --release --example stats_bench [cards] [reviews]

use std::time::Instant;

use clio_core::stats::{dashboard, document_mastery};
use clio_core::time::now_ms;
use clio_core::Store;

/// CPU time this process has used (user + system), in ms, from /proc (Linux;
/// 10 ms ticks, so only meaningful summed over several runs). On a shared,
/// busy machine wall time includes waiting for a core; this does not.
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

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

    let store = Store::open(&path)?;
    let t = Instant::now();
    let first = dashboard(&store, now)?;
    println!(
        "first dashboard (cold caches): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "  {} answers over {} active days; {} cards ({} new, {} young, {} mature); due now {}; 365-day retention {:.1}%",
        first.heatmap.total,
        first.heatmap.active_days,
        first.states.total,
        first.states.new,
        first.states.young,
        first.states.mature,
        first.today.due_now,
        first.retention[2].all.rate.unwrap_or(0.0) * 100.0
    );

    let runs = 21;
    let mut times = Vec::with_capacity(runs);
    let cpu_before = cpu_ms();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(dashboard(&store, now)?);
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (lo, hi) = (
        times.iter().copied().fold(f64::MAX, f64::min),
        times.iter().copied().fold(0.0, f64::max),
    );
    let cpu = cpu_ms()
        .zip(cpu_before)
        .map(|(after, before)| (after - before) / runs as f64);
    println!(
        "dashboard:       median {:.1} ms (min {lo:.1}, max {hi:.1}) over {runs} runs (target < 100 ms)",
        median(times)
    );
    if let Some(cpu) = cpu {
        println!("                 {cpu:.0} ms of CPU per run");
    }

    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(document_mastery(&store, now)?);
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "library mastery: median {:.1} ms over {runs} runs",
        median(times)
    );
    Ok(())
}
