//! Resource tests: the hostile inputs of issue 17 through the real importers
//! into a real SQLite file. Each must end with a correct result or a clear
//! message, never a crash, a hang or gigabytes of memory, and leave nothing
//! half-written. Their time and memory on a release build are measured by
//! `cargo run -p clio-core --release --example resource_bench`.

#[path = "support/hostile.rs"]
mod hostile;

use std::fs;
use std::path::Path;

use clio_core::import::{import_path, import_text, parse_text, ImportReport, MAX_FILE_BYTES};
use clio_core::Store;

const NOW: i64 = 1_760_000_000_000;

fn library(dir: &Path) -> Store {
    Store::open(dir.join("clio.sqlite3")).unwrap()
}

fn document_count(store: &Store) -> usize {
    store.list_documents().unwrap().len()
}

fn bodies(store: &Store) -> String {
    store
        .list_documents()
        .unwrap()
        .iter()
        .map(|d| store.document(d.id).unwrap().body)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Imports one file named `name` holding `bytes` into a fresh library.
fn import_one(name: &str, bytes: &[u8]) -> (tempfile::TempDir, Store, ImportReport) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    fs::write(&file, bytes).unwrap();
    let mut store = library(dir.path());
    let report = import_path(&mut store, &file, NOW);
    (dir, store, report)
}

#[test]
fn html_nested_a_million_deep_imports_its_text() {
    let (_dir, store, report) = import_one(
        "deep.html",
        hostile::html_nested("div", 1_000_000, false).as_bytes(),
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.added.len(), 1);
    assert!(bodies(&store).contains("written in 1848"));
}

#[test]
fn html_deep_spans_tables_and_bold_italic_pairs_import() {
    for (name, page) in [
        ("spans.html", hostile::html_nested("span", 20_000, true)),
        ("tables.html", hostile::html_nested("table", 20_000, true)),
        ("divs.html", hostile::html_nested("div", 100_000, true)),
        ("pairs.html", hostile::html_bold_italic(8_000)),
    ] {
        let (_dir, store, report) = import_one(name, page.as_bytes());
        assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
        assert_eq!(report.added.len(), 1, "{name}");
        assert!(bodies(&store).contains("written in 1848"), "{name}");
    }
}

#[test]
fn markdown_nested_a_million_deep_imports_its_text() {
    for (name, text) in [
        ("quotes.md", hostile::markdown_quotes(1_000_000)),
        ("lists.md", hostile::markdown_lists(1_000_000)),
    ] {
        let (_dir, store, report) = import_one(name, text.as_bytes());
        assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
        assert_eq!(report.added.len(), 1, "{name}");
        assert!(bodies(&store).contains("written in 1848"), "{name}");
    }
}

#[test]
fn json_nested_a_million_deep_is_one_bad_record_and_the_rest_imported() {
    let (_dir, store, report) = import_one("deep.json", hostile::json_nested(1_000_000).as_bytes());
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].record, Some(1));
    assert!(report.problems[0].message.contains("not valid JSON"));
    assert_eq!(document_count(&store), 1);
    assert!(bodies(&store).contains("Plain record"));
}

#[test]
fn yaml_alias_bomb_is_refused_and_the_text_kept() {
    let (_dir, store, report) = import_one("bomb.md", hostile::yaml_alias_bomb().as_bytes());
    assert_eq!(report.added.len(), 1);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.message.contains("front matter"))
        .expect("a warning on the front matter");
    assert!(warning.message.contains("alias"), "{}", warning.message);
    assert!(bodies(&store).contains("under the bomb"));
}

#[test]
fn deep_front_matter_is_refused_not_recursed() {
    let text = format!(
        "---\ntitle: {}x{}\n---\nBody text of 1848.\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let parsed = parse_text(&text, None, None);
    assert!(
        parsed.warnings.iter().any(|w| w.contains("front matter")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let (_dir, store, report) = import_one("huge.txt", &hostile::big_text(100 * 1024 * 1024));
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0].message.contains("too large"),
        "{}",
        report.problems[0].message
    );
    assert_eq!(document_count(&store), 0);
}

#[test]
fn a_pasted_text_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = library(dir.path());
    let text = String::from_utf8(hostile::big_text(MAX_FILE_BYTES as usize + 1)).unwrap();
    let report = import_text(&mut store, &text, None, NOW);
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].message.contains("too large"));
    assert_eq!(document_count(&store), 0);
}

#[test]
fn a_csv_over_10_mb_is_refused_and_nothing_imported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cards.csv");
    fs::write(&file, hostile::big_csv(17_700_000)).unwrap();
    let mut store = library(dir.path());
    let err = clio_core::card_files::import_card_file(&mut store, &file, NOW, &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("too large") && err.contains("10 MB"), "{err}");
    assert_eq!(document_count(&store), 0);
}

#[test]
fn a_zstd_bomb_apkg_is_refused_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bomb.apkg");
    // 8 GiB unpacked, from a package of under a kilobyte.
    let package = hostile::zstd_bomb_apkg(8 * 1024 * 1024 * 1024);
    assert!(package.len() < 2_000, "{}", package.len());
    fs::write(&file, package).unwrap();
    let mut store = library(dir.path());
    let err = clio_core::card_files::import_card_file(&mut store, &file, NOW, &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("unpacks to more than"), "{err}");
    assert_eq!(document_count(&store), 0);
    let pid = format!("clio-apkg-{}-", std::process::id());
    let left: Vec<_> = fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&pid))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_folder_with_hostile_files_imports_every_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    fs::create_dir(&folder).unwrap();
    let good = |n: usize| {
        format!("Good text {n}\n\nThe council met in 18{n:02} and agreed on a new treaty.\n")
    };
    fs::write(folder.join("a1.txt"), good(1)).unwrap();
    fs::write(folder.join("b-bomb.md"), hostile::yaml_alias_bomb()).unwrap();
    fs::write(
        folder.join("c-deep.html"),
        hostile::html_nested("span", 50_000, true),
    )
    .unwrap();
    fs::write(
        folder.join("d-huge.txt"),
        hostile::big_text(11 * 1024 * 1024),
    )
    .unwrap();
    fs::write(folder.join("e-deep.json"), hostile::json_nested(100_000)).unwrap();
    fs::write(folder.join("f2.txt"), good(2)).unwrap();
    let mut store = library(dir.path());
    let report = import_path(&mut store, &folder, NOW);
    // a1, the bomb's text, the deep page, json's plain record, f2; the huge
    // file and the deep record reported by name.
    assert_eq!(report.added.len(), 5, "{:?}", report);
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
    assert!(report
        .problems
        .iter()
        .any(|p| p.file.as_deref().is_some_and(|f| f.ends_with("d-huge.txt"))));
    assert_eq!(document_count(&store), 5);
    let text = bodies(&store);
    assert!(text.contains("1801"));
    assert!(text.contains("1802"));
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_text_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("a.txt"), "A note\n\nThe council met in 1848.\n").unwrap();
    let fifo = folder.join("b-pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let mut store = library(dir.path());
    let report = import_path(&mut store, &folder, NOW);
    assert_eq!(report.added.len(), 1, "{report:?}");
    assert!(report
        .warnings
        .iter()
        .any(|w| w.message.contains("not a regular file")));
    // Named on its own, it is refused, not opened.
    let report = import_path(&mut store, &fifo, NOW);
    assert!(
        report.problems[0].message.contains("not a regular file"),
        "{report:?}"
    );
}
