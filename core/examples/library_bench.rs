//! Library benchmark: imports 10,000 generated Q&As (about 3 KB each, Markdown
//! files in a folder) into an empty library on disk, then times searches.
//! The texts mix a few common words with names drawn from a vocabulary of
//! 4,000 made-up names, a few used often and most rarely (as in real prose), so
//! a name matches tens to thousands of documents.
//! Targets: import and indexing under 10 s on 2 cores; a search under 20 ms.
//!
//! `cargo run -p clio-core --release --example library_bench [-- COUNT]`

use std::fmt::Write as _;
use std::time::Instant;

use clio_core::import::import_path;
use clio_core::search::search_documents;
use clio_core::Store;

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "tan", "vel", "dor", "shi", "len", "gra", "bo", "zu", "nek", "pol", "fa",
    "ri", "sta", "mor", "ev", "lin", "cha", "ost", "ur", "ban", "dze", "kov", "hai", "mun", "tre",
    "vas", "ol",
];
const VOCABULARY: usize = 4000;

const THINGS: &[&str] = &[
    "the treaty",
    "the airlift",
    "the blockade",
    "the summit",
    "the uprising",
    "the embargo",
    "the accords",
    "the offensive",
    "the alliance",
    "the reforms",
    "the crisis",
    "the negotiations",
    "the withdrawal",
    "the pact",
];
const VERBS: &[&str] = &[
    "signed",
    "rejected",
    "announced",
    "negotiated",
    "ended",
    "began",
    "denounced",
    "supported",
];

/// A small deterministic generator (xorshift), so every run imports the same texts.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    /// An index below `n`, small ones far more often (roughly Zipf-like).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// Made-up proper names from syllables: "Kamitan", "Rovel", …
fn vocabulary() -> Vec<String> {
    (0..VOCABULARY)
        .map(|i| {
            let mut name = String::new();
            let mut k = i + 7;
            for _ in 0..3 {
                name.push_str(SYLLABLES[k % SYLLABLES.len()]);
                k /= SYLLABLES.len();
            }
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect()
}

fn document(rng: &mut Rng, names: &[String], n: usize) -> String {
    let name = |rng: &mut Rng| names[rng.skewed(names.len())].clone();
    let place = name(rng);
    let mut text = format!(
        "---\ntitle: \"Question {n}: what happened in {place} in {}?\"\nauthor: \"Writer {}\"\ncategory: \"History -> Cold War -> {}\"\n---\n",
        1945 + rng.next() % 47,
        rng.next() % 500,
        name(rng)
    );
    while text.len() < 3000 {
        for _ in 0..4 {
            let _ = write!(
                text,
                "In {} {} {} {} in {}, and {} followed. ",
                1945 + rng.next() % 47,
                name(rng),
                rng.pick(VERBS),
                rng.pick(THINGS),
                name(rng),
                rng.pick(THINGS)
            );
        }
        text.push_str("\n\n");
    }
    text
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let mut rng = Rng(0x5EED_C110);
    let names = vocabulary();
    let mut bytes = 0;
    for n in 0..count {
        let text = document(&mut rng, &names, n);
        bytes += text.len();
        std::fs::write(inbox.join(format!("{n:05}.md")), text).unwrap();
    }
    println!(
        "generated {count} Markdown files, {:.1} MB, {:.1} KB each",
        bytes as f64 / 1e6,
        bytes as f64 / count as f64 / 1e3
    );

    let mut store = Store::open(dir.path().join("bench.sqlite3")).unwrap();
    let start = Instant::now();
    let report = import_path(&mut store, &inbox, 0);
    let import_s = start.elapsed().as_secs_f64();
    assert!(
        report.problems.is_empty(),
        "{:?}",
        &report.problems[..report.problems.len().min(3)]
    );
    assert_eq!(report.added.len(), count, "{}", report.summary());
    println!(
        "import and indexing: {import_s:.2} s ({:.0} documents/s)   target < 10 s",
        count as f64 / import_s
    );
    // The suggestions the import left for later (the window writes them in the
    // background). The window checkpoints the WAL off the writing path
    // (`Store::defer_checkpoints`, as review_bench and lifetime_bench do), so
    // the suggestions are timed as the window writes them.
    store
        .defer_checkpoints(std::time::Duration::from_secs(30))
        .unwrap();
    let start = Instant::now();
    let pending = clio_core::cards::write_pending_suggestions(&mut store, 0, usize::MAX).unwrap();
    let suggest_s = start.elapsed().as_secs_f64();
    println!(
        "card suggestions for the other {pending} texts, written afterwards: {suggest_s:.1} s ({:.1} ms a text, {:.2} MB/s)",
        suggest_s * 1e3 / pending.max(1) as f64,
        bytes as f64 / 1e6 / suggest_s
    );

    // Names from the most to the least used, with and without a second word,
    // the last word sometimes cut short (typed so far); and common words.
    let mut queries: Vec<String> = [0, 3, 10, 30, 100, 300, 1000, 3000]
        .iter()
        .map(|&i| names[i].to_lowercase())
        .collect();
    queries.push(format!(
        "{} {}",
        names[1].to_lowercase(),
        &names[50].to_lowercase()[..4]
    ));
    queries.push(format!("treaty {}", &names[200].to_lowercase()[..5]));
    let common = ["the crisis", "treaty signed"];
    queries.extend(common.iter().map(|q| q.to_string()));
    let queries: Vec<&str> = queries.iter().map(String::as_str).collect();
    let mut times = Vec::new();
    let mut hits = 0;
    let mut slowest = ("", 0.0f64);
    for _ in 0..10 {
        for &q in &queries {
            let t = Instant::now();
            hits += search_documents(&store, q).unwrap().len();
            let ms = t.elapsed().as_secs_f64() * 1e3;
            if ms > slowest.1 {
                slowest = (q, ms);
            }
            times.push(ms);
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "search ({} queries, {} hits): median {:.2} ms, p95 {:.2} ms, max {:.2} ms   target < 20 ms",
        times.len(),
        hits,
        pct(0.5),
        pct(0.95),
        times[times.len() - 1]
    );
    println!("slowest query: {:?} ({:.2} ms)", slowest.0, slowest.1);
}
