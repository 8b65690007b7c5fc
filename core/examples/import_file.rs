//! Prints what Clio reads from a file, as JSON, without storing anything:
//!
//! ```sh
//! cargo run -p clio-core --example import_file -- page.html [more files…]
//! ```
//!
//! For each document: its title, author, category path, source, format, tags
//! and blocks (the body is the blocks' texts joined by a blank line); problems
//! and warnings name the file (and record) and say what to do.

use std::path::Path;
use std::process::ExitCode;

use clio_core::import::parse_file;
use serde_json::json;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: import_file FILE [FILE…]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in files {
        let value = match parse_file(Path::new(&file)) {
            Ok(parsed) => {
                let documents: Vec<_> = parsed
                    .records
                    .iter()
                    .map(|r| match &r.result {
                        Ok(d) => json!({
                            "record": r.record,
                            "title": d.doc.title,
                            "author": d.doc.author,
                            "categoryPath": d.doc.category_path,
                            "source": d.doc.source,
                            "format": d.format,
                            "tags": d.tags,
                            "blocks": d.blocks,
                        }),
                        Err(problem) => {
                            failed = true;
                            json!({ "record": r.record, "problem": problem })
                        }
                    })
                    .collect();
                json!({ "file": file, "format": parsed.format, "warnings": parsed.warnings, "documents": documents })
            }
            Err(problem) => {
                failed = true;
                json!({ "file": file, "problem": problem })
            }
        };
        println!("{}", serde_json::to_string_pretty(&value).expect("JSON"));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
