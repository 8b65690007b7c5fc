//! The card browser on a large collection: 100,000 cards and 300,000
//! review-log rows in a real SQLite file. Prints, for each kind of query, the
//! time to filter and fetch the first page (100 cards) with the total count:
//! the median and the slowest of 7 runs, and the median CPU time of the thread
//! (which other programs on a busy machine do not inflate). Target: at most
//! 50 ms each. Also the time of a bulk action (suspending 1,000 cards,
//! recorded for undo) and of its undo.
//!
//!     cargo run -p clio-core --release --example browser_bench [cards] [reviews]
//!
//! `BROWSER_BENCH_DB=path` keeps the collection there; if the file already
//! exists it is used as it is (only read: no bulk action), e.g. a copy of
//! lifetime_bench's 1,000,000-card file, to time the sorts at that scale
//! (a user clicking a column header: its first page should take ≤ 300 ms).

use std::time::Instant;

use clio_core::browse::{self, BrowserQuery, BrowserSort, CardAction, DueFilter, StateFilter};
use clio_core::time::now_ms;
use clio_core::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>());
    let cards = args.next().transpose()?.unwrap_or(100_000);
    let reviews = args.next().transpose()?.unwrap_or(300_000);
    let dir = tempfile::tempdir()?;
    // BROWSER_BENCH_DB=path keeps the collection there (to look at query plans).
    let path = std::env::var_os("BROWSER_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    let now = now_ms();

    let existing = path.exists();
    if existing {
        println!("using {} as it is", path.display());
    } else {
        let t = Instant::now();
        Store::open(&path)?.seed_synthetic_collection(cards, reviews, now)?;
        println!(
            "seeded {cards} cards and {reviews} review-log rows in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    let mut store = Store::open(&path)?;

    let queries: Vec<(&str, BrowserQuery)> = vec![
        ("every card, by due", BrowserQuery::default()),
        (
            "every card, newest added first",
            BrowserQuery {
                sort: BrowserSort::Added,
                descending: true,
                ..Default::default()
            },
        ),
        (
            "every card, by difficulty",
            BrowserQuery {
                sort: BrowserSort::Difficulty,
                ..Default::default()
            },
        ),
        (
            "every card, most lapses first",
            BrowserQuery {
                sort: BrowserSort::Lapses,
                descending: true,
                ..Default::default()
            },
        ),
        (
            "every card, by due, descending",
            BrowserQuery {
                descending: true,
                ..Default::default()
            },
        ),
        (
            "every card, by difficulty, descending",
            BrowserQuery {
                sort: BrowserSort::Difficulty,
                descending: true,
                ..Default::default()
            },
        ),
        (
            "every card, fewest lapses first",
            BrowserQuery {
                sort: BrowserSort::Lapses,
                ..Default::default()
            },
        ),
        (
            "search 'question 4242' (few hits)",
            BrowserQuery {
                search: "question 4242".into(),
                ..Default::default()
            },
        ),
        (
            "search 'synthetic' (every card)",
            BrowserQuery {
                search: "synthetic".into(),
                ..Default::default()
            },
        ),
        (
            "state review, by difficulty",
            BrowserQuery {
                state: Some(StateFilter::Review),
                sort: BrowserSort::Difficulty,
                ..Default::default()
            },
        ),
        (
            "state new",
            BrowserQuery {
                state: Some(StateFilter::New),
                ..Default::default()
            },
        ),
        (
            "due today",
            BrowserQuery {
                due: Some(DueFilter::Today),
                ..Default::default()
            },
        ),
        (
            "due this week, search 'answer'",
            BrowserQuery {
                due: Some(DueFilter::Week),
                search: "answer".into(),
                ..Default::default()
            },
        ),
        (
            "page 500 (offset 50,000)",
            BrowserQuery {
                offset: 50_000,
                ..Default::default()
            },
        ),
    ];
    println!(
        "{:<36} {:>8} {:>10} {:>10} {:>14}",
        "query", "matches", "median ms", "max ms", "median CPU ms"
    );
    let mut worst: f64 = 0.0;
    for (name, query) in &queries {
        let mut times = Vec::new();
        let mut cpu = Vec::new();
        let mut total = 0;
        for _ in 0..7 {
            let (t, c) = (Instant::now(), thread_cpu_ns());
            let page = browse::browse(&store, query, now)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            cpu.push(thread_cpu_ns().saturating_sub(c) as f64 / 1e6);
            total = page.total;
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        worst = worst.max(times[3]);
        println!(
            "{name:<36} {total:>8} {:>10.1} {:>10.1} {:>14.1}",
            times[3], times[6], cpu[3]
        );
    }
    println!("slowest median: {worst:.1} ms (target ≤ 50 ms)");
    // Wall times: on a shared machine they say as much about the load as about Clio.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        println!("load average while measuring: {}", load.join(" "));
    }
    if existing {
        return Ok(());
    }

    let ids: Vec<clio_core::CardId> = browse::browse(
        &store,
        &BrowserQuery {
            limit: 500,
            ..Default::default()
        },
        now,
    )?
    .cards
    .iter()
    .chain(
        browse::browse(
            &store,
            &BrowserQuery {
                limit: 500,
                offset: 500,
                ..Default::default()
            },
            now,
        )?
        .cards
        .iter(),
    )
    .map(|c| c.id)
    .collect();
    let t = Instant::now();
    browse::act(&mut store, CardAction::Suspend, &ids, now)?;
    let act_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    browse::undo(&mut store, now + 1)?;
    let undo_ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "suspend {} cards (recorded for undo): {act_ms:.1} ms; undo: {undo_ms:.1} ms",
        ids.len()
    );
    Ok(())
}

/// Nanoseconds this thread has run on a CPU (Linux; 0 elsewhere): unlike the
/// wall time, it does not grow while other programs hold the CPUs.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
