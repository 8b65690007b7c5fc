//! Time and peak memory of each hostile input of issue 17 through the real
//! importers, one child process per input (peak memory is per process):
//!
//! ```sh
//! cargo run -p clio-core --release --example resource_bench
//! cargo run -p clio-core --release --example resource_bench -- html-div-1M   # one case
//! ```
//!
//! Prints, per case, what Clio said, the seconds it took and the peak
//! resident memory (`VmHWM` from /proc/self/status, Linux only).

#[path = "../tests/support/hostile.rs"]
mod hostile;

use std::fs;
use std::io::Write;
use std::process::Command;
use std::time::Instant;

use clio_core::import::import_path;
use clio_core::Store;

const NOW: i64 = 1_760_000_000_000;
const GIB: u64 = 1024 * 1024 * 1024;

/// A hostile input: its name, its file name, and what is in it.
type Case = (&'static str, &'static str, Box<dyn Fn() -> Vec<u8>>);

fn cases() -> Vec<Case> {
    vec![
        (
            "html-div-1M-open",
            "deep.html",
            Box::new(|| hostile::html_nested("div", 1_000_000, false).into_bytes()),
        ),
        (
            "html-div-100k",
            "deep.html",
            Box::new(|| hostile::html_nested("div", 100_000, true).into_bytes()),
        ),
        (
            "html-span-20k",
            "deep.html",
            Box::new(|| hostile::html_nested("span", 20_000, true).into_bytes()),
        ),
        (
            "html-table-20k",
            "deep.html",
            Box::new(|| hostile::html_nested("table", 20_000, true).into_bytes()),
        ),
        (
            "html-b-i-8000",
            "deep.html",
            Box::new(|| hostile::html_bold_italic(8_000).into_bytes()),
        ),
        // As deep as the cap lets through, 3,000 times over: 10 MB of it.
        // Read only (`parse-` cases): importing it also writes card suggestions
        // from its one paragraph of 3,000 sentences, which the generator does
        // not yet do in linear time.
        (
            "parse-html-span-256x3000",
            "deep.html",
            Box::new(|| {
                hostile::html_nested("span", 255, true)
                    .repeat(3_000)
                    .into_bytes()
            }),
        ),
        (
            "md-quotes-1M",
            "deep.md",
            Box::new(|| hostile::markdown_quotes(1_000_000).into_bytes()),
        ),
        (
            "md-lists-1M",
            "deep.md",
            Box::new(|| hostile::markdown_lists(1_000_000).into_bytes()),
        ),
        (
            "json-1M",
            "deep.json",
            Box::new(|| hostile::json_nested(1_000_000).into_bytes()),
        ),
        (
            "yaml-alias-bomb",
            "bomb.md",
            Box::new(|| hostile::yaml_alias_bomb().into_bytes()),
        ),
        (
            "apkg-zstd-8GiB",
            "bomb.apkg",
            Box::new(|| hostile::zstd_bomb_apkg(8 * GIB)),
        ),
        ("apkg-deflate-2GiB", "bomb.apkg", Box::new(deflate_bomb)),
        (
            "txt-100MB",
            "huge.txt",
            Box::new(|| hostile::big_text(100 * 1024 * 1024)),
        ),
        (
            "csv-17.7MB",
            "cards.csv",
            Box::new(|| hostile::big_csv(17_700_000)),
        ),
    ]
}

/// An `.apkg` whose legacy collection (deflate) unpacks to 2 GiB of zeros.
fn deflate_bomb() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("collection.anki2", options).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..2048 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn peak_mb() -> f64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Runs one case in this process and prints its line.
fn run_case(name: &str) {
    let (_, file_name, make) = cases().into_iter().find(|c| c.0 == name).expect("a case");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(file_name);
    fs::write(&file, make()).unwrap();
    let size = fs::metadata(&file).unwrap().len();
    let mut store = Store::open(dir.path().join("clio.sqlite3")).unwrap();
    let base_mb = peak_mb();
    let started = Instant::now();
    let said = if name.starts_with("parse-") {
        match clio_core::import::parse_file(&file) {
            Ok(parsed) => format!(
                "read only: {} record(s), {} block(s)",
                parsed.records.len(),
                parsed
                    .records
                    .iter()
                    .filter_map(|r| r.result.as_ref().ok())
                    .map(|d| d.blocks.len())
                    .sum::<usize>()
            ),
            Err(e) => format!("refused: {e}"),
        }
    } else if file_name.ends_with(".apkg") || file_name.ends_with(".csv") {
        match clio_core::card_files::import_card_file(&mut store, &file, NOW, &mut |_| {}) {
            Ok(report) => report.summary(),
            Err(e) => format!("refused: {e}"),
        }
    } else {
        let report = import_path(&mut store, &file, NOW);
        let mut said = report.summary();
        for p in report.problems.iter().chain(&report.warnings) {
            said.push_str(&format!(" | {}", p.message));
        }
        said
    };
    let secs = started.elapsed().as_secs_f64();
    let documents = store.list_documents().unwrap().len();
    let said: String = said
        .replace(&dir.path().display().to_string(), "")
        .chars()
        .take(150)
        .collect();
    println!(
        "{name:<18} {:>9.1} KB  {secs:>7.2} s  peak {:>7.1} MB (before import {:>6.1})  {documents} doc(s)  {said}",
        size as f64 / 1024.0,
        peak_mb(),
        base_mb
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(name) = args
        .iter()
        .position(|a| a == "--case")
        .and_then(|i| args.get(i + 1))
    {
        run_case(name);
        return;
    }
    let only = args.first();
    let exe = std::env::current_exe().unwrap();
    println!("case               input size    time      peak resident memory (the case's input built in memory first)");
    for (name, _, _) in cases() {
        if only.is_some_and(|o| o != name) {
            continue;
        }
        let status = Command::new(&exe).args(["--case", name]).status().unwrap();
        if !status.success() {
            println!("{name:<18} FAILED: {status}");
        }
    }
}
