//! Files of cards at size: a collection of 20,000 cards with 200,000
//! review-log rows exported to an Anki package (with the schedules and history),
//! to CSV, and the package imported into an empty library. Prints each time,
//! the file sizes, and the peak memory of the process.
//!
//!     cargo run -p clio-core --release --example card_files_bench [cards] [reviews]

use std::time::Instant;

use clio_core::card_files::{export_card_file, import_card_file, CardFileFormat};
use clio_core::interchange::ExportScope;
use clio_core::time::now_ms;
use clio_core::Store;

/// The process's peak resident memory (VmHWM), in MiB, from /proc (Linux).
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>());
    let cards = args.next().transpose()?.unwrap_or(20_000);
    let reviews = args.next().transpose()?.unwrap_or(200_000);
    let dir = tempfile::tempdir()?;
    let now = now_ms();
    let mut store = Store::open(dir.path().join("from.sqlite3"))?;
    store.seed_synthetic_collection(cards, reviews, now)?;
    let mut quiet = |_| {};

    for (format, scheduling) in [
        (CardFileFormat::Apkg, true),
        (CardFileFormat::Apkg, false),
        (CardFileFormat::Csv, false),
    ] {
        let path = dir
            .path()
            .join(format!("cards-{scheduling}.{}", format.extension()));
        let t = Instant::now();
        let report = export_card_file(
            &store,
            format,
            &ExportScope::All,
            scheduling,
            &path,
            now,
            &mut quiet,
        )?;
        println!(
            "export {:<4} {:<16} {:>6} cards {:>7} reviews in {:>6.2} s, {:.1} MB",
            format.extension(),
            if scheduling {
                "with scheduling"
            } else {
                "cards only"
            },
            report.cards,
            report.reviews,
            t.elapsed().as_secs_f64(),
            report.size_bytes as f64 / 1e6
        );
    }

    let mut empty = Store::open(dir.path().join("to.sqlite3"))?;
    let t = Instant::now();
    let report = import_card_file(
        &mut empty,
        &dir.path().join("cards-true.apkg"),
        now,
        &mut quiet,
    )?;
    println!(
        "import apkg with scheduling {:>6} cards {:>7} reviews in {:>6.2} s",
        report.cards,
        report.reviews,
        t.elapsed().as_secs_f64()
    );
    if let Some(peak) = peak_mib() {
        println!("peak memory {peak:.0} MiB");
    }
    Ok(())
}
