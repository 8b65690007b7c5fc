//! Measures how well Clio reads saved pages of site layouts: for every page in
//! a folder that has `NAME.expected.json` beside it (see
//! `core/tests/fixtures/layouts/README.md`), whether title, author and
//! category come out exactly, how many of the listed noise strings are gone,
//! and how many key sentences of the answer are kept.
//!
//! ```sh
//! cargo run -p clio-core --example layout_score -- core/tests/fixtures/layouts/check [-v]
//! ```
//!
//! `-v` prints every failure, and the text of pages that failed.

#[path = "../tests/layout_expect/mod.rs"]
mod layout_expect;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let folders: Vec<&String> = args.iter().filter(|a| *a != "-v").collect();
    if folders.is_empty() {
        eprintln!("usage: layout_score FOLDER [FOLDER…] [-v]");
        return ExitCode::from(2);
    }
    let mut outcomes = Vec::new();
    for folder in folders {
        let pages = layout_expect::pages(Path::new(folder));
        if pages.is_empty() {
            eprintln!("{folder}: no page with a NAME.expected.json beside it");
            return ExitCode::from(2);
        }
        for (page, expected) in pages {
            outcomes.push(layout_expect::check(&page, &expected));
        }
    }
    for o in &outcomes {
        let failures = layout_expect::failures(o);
        println!(
            "{:<48} metadata {}/3  noise {}/{}  answer {}/{}{}",
            o.page.file_name().unwrap().to_string_lossy(),
            o.metadata_exact(),
            o.noise_total - o.noise_left.len(),
            o.noise_total,
            o.answer_total - o.answer_missing.len(),
            o.answer_total,
            if o.note_right { "" } else { "  (note wrong)" }
        );
        if verbose {
            for line in &failures {
                println!("    {line}");
            }
            if !failures.is_empty() {
                println!("    --- text ---\n{}\n    ---", o.body);
            }
        }
    }
    println!("{}", layout_expect::summary(&outcomes));
    ExitCode::SUCCESS
}
