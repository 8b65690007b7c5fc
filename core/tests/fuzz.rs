//! Fuzzing on stable Rust: property tests over structured and byte-level
//! generators for every importer (HTML, saved text, Markdown with front
//! matter, JSON, CSV, `.apkg`) and the anchoring. The property is totality:
//! no input panics (a release build aborts on panic, and the window is the
//! same process), and what an importer returns is well formed.
//!
//! `make test` runs a short fixed budget (`CASES` per generator). A longer
//! run on demand:
//!
//! ```sh
//! CLIO_FUZZ_CASES=20000 cargo test -p clio-core --release --test fuzz
//! ```
//!
//! Every input that once failed is kept in `tests/fuzz-corpus/` (one file per
//! input; the extension names the importer) and replayed by
//! `the_corpus_replays_cleanly`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clio_core::anchor::offsets::BlockMap;
use clio_core::anchor::reanchor::reanchor;
use clio_core::anchor::selectors::Selectors;
use clio_core::import::{parse_text, Format, Parsed};
use clio_core::interchange::ExportScope;
use clio_core::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// Cases per generator: a few seconds each in a debug build.
const CASES: u32 = 96;

fn config(weight: u32) -> Config {
    let cases = std::env::var("CLIO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    Config {
        cases: (cases / weight).max(8),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// Every record is a document or a message; a document has a title or fails
/// validation with a message (never a panic).
fn check(parsed: &Parsed) {
    for record in &parsed.records {
        match &record.result {
            Ok(doc) => {
                let _ = doc.doc.clone().validate();
                for block in &doc.blocks {
                    assert!(!block.text.contains('\u{2028}'), "a break mark leaked");
                }
            }
            Err(message) => assert!(!message.is_empty()),
        }
    }
}

fn parse_all_ways(text: &str) {
    for format in [
        None,
        Some(Format::Html),
        Some(Format::Markdown),
        Some(Format::Text),
        Some(Format::Json),
        Some(Format::JsonLines),
    ] {
        check(&parse_text(text, Some("fuzz"), format));
    }
}

// ---- generators -------------------------------------------------------------

const WORDS: &[&str] = &[
    "the",
    "treaty",
    "of",
    "Versailles",
    "was",
    "signed",
    "in",
    "1919",
    "by",
    "Lloyd",
    "George",
    "Ōsaka",
    "and",
    "1,000,000",
    "9999999999999",
    "12345678901234567890",
    "’s",
    "—",
    "…",
    "(",
    ")",
    "[1]",
    "[edit]",
    "?",
    ",",
    ".",
    "A.D.",
    "c.",
    "1848–1849",
    "&amp;",
    "&#0;",
    "&nbsp;",
    "👍",
    "\u{202e}",
    "\u{200b}",
    "é",
    "\t",
    "\r",
    "\n",
    "\n\n",
    "→",
    "->",
    "»",
    "|",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "b",
    "i",
    "a",
    "table",
    "tr",
    "td",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "nav",
    "footer",
    "article",
    "main",
    "blockquote",
    "pre",
    "br",
    "script",
    "style",
    "title",
    "meta",
    "link",
    "form",
    "button",
    "svg",
    "math",
    "template",
    "select",
    "noscript",
    "font",
    "dl",
    "dd",
    "section",
    "aside",
    "header",
    "figure",
    "caption",
    "time",
    "sup",
];
const ATTRS: &[&str] = &[
    "",
    " class=\"comment\"",
    " class=\"post-content\"",
    " id=\"main\"",
    " role=\"navigation\"",
    " itemprop=\"author\"",
    " class=\"breadcrumb\"",
    " hidden",
    " aria-hidden=\"true\"",
    " rel=\"canonical\" href=\"https://e.x/q\"",
    " name=\"author\" content=\"Jo Bell\"",
    " onclick=\"x()\"",
    " href=\"javascript:alert(1)\"",
    " class=\"a>b\"",
    " class='x",
];

/// HTML as a tree of tags, some left open, some closed twice or out of order.
fn html() -> impl Strategy<Value = String> {
    let leaf = prose().boxed();
    leaf.prop_recursive(6, 200, 8, |inner| {
        (
            prop::sample::select(TAGS),
            prop::sample::select(ATTRS),
            prop::collection::vec(inner, 0..8),
            0u8..6,
        )
            .prop_map(|(tag, attr, children, closing)| {
                let body = children.concat();
                match closing {
                    0 => format!("<{tag}{attr}>{body}"),
                    1 => format!("<{tag}{attr}>{body}</{tag}></{tag}>"),
                    2 => format!("</{tag}><{tag}{attr}/>{body}"),
                    _ => format!("<{tag}{attr}>{body}</{tag}>"),
                }
            })
    })
}

const FURNITURE: &[&str] = &[
    "Home",
    "Sign up to answer",
    "Related questions",
    "Profile photo for Ada Rees",
    "Ada Rees",
    "Historian · Updated 3y",
    "1.2K views",
    "View upvotes",
    "Share",
    "12 comments",
    "Hi there,",
    "Hope this helps!",
    "History -> Cold War",
    "Sort: Recommended",
    "4 Answers",
    "Search",
    "Why did the Sino-Soviet split happen?",
    "Answer requested by Tom Ng",
    "Follow",
    "· ·",
    "",
    "Promoted by Acme",
    "About · Careers · Privacy · Terms",
    "Continue Reading",
];

/// A page saved as text: furniture lines and prose paragraphs in any order.
fn saved_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(FURNITURE).prop_map(str::to_owned),
            prose()
        ],
        0..40,
    )
    .prop_map(|lines| lines.join("\n"))
}

const YAML_LINES: &[&str] = &[
    "title: The Congress of Vienna",
    "author: [Ada Rees, Tom Ng]",
    "category: History / Europe",
    "tags: a, b",
    "source: https://e.x/",
    "a: &a [x, y]",
    "b: *a",
    "c: [[[[[",
    "d: {x: [1, {y: 2}]}",
    "? complex key",
    "- item",
    "title:",
    "title: 12345678901234567890",
    "!!binary aGk=",
    "title: \"unterminated",
    "  nested: true",
    "<<: *a",
    "...",
    "%YAML 1.2",
    "---",
];
const MD_LINES: &[&str] = &[
    "# Heading",
    "## Sub",
    "> quote",
    "> > deeper",
    "- item",
    "  - nested",
    "1. one",
    "```",
    "    code",
    "| a | b |",
    "|---|---|",
    "<div>raw <b>html</b>",
    "</div>",
    "<!-- note -->",
    "[link](javascript:alert(1))",
    "![img](x.png)",
    "***",
    "~~struck~~",
    "text with *emph*",
    "",
    "\\",
    "<",
    "&amp;",
    "[^1]: note",
];

/// Markdown with (sometimes broken) front matter.
fn markdown() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(prop::sample::select(YAML_LINES), 0..8),
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(MD_LINES).prop_map(str::to_owned),
                prose()
            ],
            0..30,
        ),
    )
        .prop_map(|(front, yaml, body)| {
            let body = body.join("\n");
            if front {
                format!("---\n{}\n---\n{body}", yaml.join("\n"))
            } else {
                body
            }
        })
}

/// JSON values (records and anything else), serialised and sometimes cut short.
fn json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)),
        prose().prop_map(serde_json::Value::from),
        html().prop_map(serde_json::Value::from),
    ];
    let value = leaf.prop_recursive(5, 100, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::vec(
                (
                    prop::sample::select(
                        &["title", "body", "author", "category", "tags", "source", "x"][..]
                    ),
                    inner
                ),
                0..6
            )
            .prop_map(|pairs| serde_json::Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    });
    (
        prop::collection::vec(value, 0..6),
        any::<bool>(),
        any::<u16>(),
        any::<bool>(),
    )
        .prop_map(|(records, pretty, cut, lines)| {
            let text = if lines {
                records
                    .iter()
                    .map(|r| r.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            } else if pretty {
                serde_json::to_string_pretty(&records).unwrap()
            } else {
                serde_json::to_string(&records).unwrap()
            };
            if cut % 4 == 0 && !text.is_empty() {
                let at = (cut as usize) % text.len();
                let mut at = at;
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text[..at].to_owned()
            } else {
                text
            }
        })
}

const CSV_CELLS: &[&str] = &[
    "prompt",
    "answer",
    "kind",
    "tags",
    "source",
    "document",
    "category",
    "choices",
    "basic",
    "cloze",
    "typed",
    "choice",
    "In what year?",
    "1848",
    "{{c1::1848}}",
    "\"quoted, cell\"",
    "\"unterminated",
    "a;b;c",
    "History -> Cold War",
    "",
    "9999999999999999999",
    "\u{feff}",
];

fn csv() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(
            prop::collection::vec(
                prop_oneof![
                    prop::sample::select(CSV_CELLS).prop_map(str::to_owned),
                    prose()
                ],
                0..10,
            ),
            0..12,
        ),
    )
        .prop_map(|(header, rows)| {
            let mut text = String::new();
            if header {
                text.push_str("prompt,answer,kind,tags,source,document,category,choices\n");
            }
            for row in rows {
                text.push_str(&row.join(","));
                text.push('\n');
            }
            text
        })
}

// ---- importers -----------------------------------------------------------------

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn any_bytes_parse_in_every_format(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        parse_all_ways(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn generated_html_parses(page in html()) {
        check(&parse_text(&page, None, Some(Format::Html)));
        check(&parse_text(&page, None, None));
    }

    #[test]
    fn saved_text_parses(text in saved_text()) {
        check(&parse_text(&text, None, Some(Format::Text)));
        let _ = clio_core::import::prose_of_text(&text);
    }

    #[test]
    fn markdown_with_front_matter_parses(text in markdown()) {
        check(&parse_text(&text, None, Some(Format::Markdown)));
    }

    #[test]
    fn json_parses(text in json()) {
        check(&parse_text(&text, None, Some(Format::Json)));
        check(&parse_text(&text, None, Some(Format::JsonLines)));
    }

    #[test]
    fn csv_of_cards_reads_or_says_why(text in csv()) {
        if let Err(e) = clio_core::cards_csv::read_csv(Path::new("fuzz.csv"), &text) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn csv_bytes_read_or_say_why(bytes in prop::collection::vec(any::<u8>(), 0..800)) {
        let _ = clio_core::cards_csv::read_csv(Path::new("fuzz.csv"), &String::from_utf8_lossy(&bytes));
    }
}

// ---- .apkg ---------------------------------------------------------------------

/// A real package exported by Clio (three cards with history), built once.
fn base_apkg() -> &'static [u8] {
    static BASE: OnceLock<Vec<u8>> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("cards.csv");
        std::fs::write(
            &csv,
            "prompt,answer,kind,tags,source,document,category,choices\n\
             In what year did the war end?,1945,basic,war,,The War,History,\n\
             The treaty was signed in {{c1::1919}}.,,cloze,,,The War,History,\n\
             Who led Britain?,Lloyd George,basic,,,The War,History,\n",
        )
        .unwrap();
        let mut store = Store::open(dir.path().join("clio.sqlite3")).unwrap();
        clio_core::card_files::import_card_file(&mut store, &csv, 1_760_000_000_000, &mut |_| {})
            .unwrap();
        let out = dir.path().join("base.apkg");
        clio_core::card_files::export_card_file(
            &store,
            clio_core::card_files::CardFileFormat::Apkg,
            &ExportScope::All,
            true,
            &out,
            1_760_000_000_000,
            &mut |_| {},
        )
        .unwrap();
        std::fs::read(out).unwrap()
    })
}

fn import_apkg_bytes(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fuzz.apkg");
    std::fs::write(&file, bytes).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    match clio_core::card_files::import_card_file(&mut store, &file, 1_760_000_000_000, &mut |_| {})
    {
        Ok(report) => assert!(!report.summary().is_empty()),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

proptest! {
    #![proptest_config(config(3))]

    #[test]
    fn mutated_apkg_imports_or_says_why(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut bytes = base_apkg().to_vec();
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len()));
        }
        import_apkg_bytes(&bytes);
    }

    #[test]
    fn random_bytes_as_apkg_say_why(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        import_apkg_bytes(&bytes);
    }
}

// ---- anchoring -----------------------------------------------------------------

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn anchoring_any_range_in_any_text_is_total(
        old in "\\PC{0,200}",
        new in "\\PC{0,200}",
        start in 0usize..260,
        len in 0usize..60,
    ) {
        if let Ok(selectors) = Selectors::describe(&old, start, start + len) {
            let anchoring = reanchor(&new, &selectors);
            if let Some(pos) = anchoring.position() {
                prop_assert!(pos.start <= pos.end && pos.end <= new.chars().count());
            }
        }
    }

    #[test]
    fn block_offsets_are_total(
        blocks in prop::collection::vec("\\PC{0,40}", 0..6),
        block in 0usize..8,
        unit in 0usize..80,
        a in 0usize..300,
        b in 0usize..300,
    ) {
        let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
        let map = BlockMap::new(refs);
        let _ = map.to_body(block, unit);
        let _ = map.to_block(a);
        let _ = map.spans(a.min(b), a.max(b));
        prop_assert!(map.body_len() >= blocks.iter().map(|b| b.chars().count()).sum::<usize>());
    }
}

/// Found by `block_offsets_are_total` (CLIO_FUZZ_CASES=20000, release):
/// `BlockMap::new(vec![]).to_block(0)` indexed the first of no blocks.
#[test]
fn crash_an_empty_block_map_is_an_error() {
    let map = BlockMap::new(Vec::new());
    assert_eq!(map.body_len(), 0);
    assert!(map.to_block(0).is_err());
    assert!(map.to_body(0, 0).is_err());
    assert!(map.spans(0, 0).unwrap().is_empty());
}

// ---- the corpus ------------------------------------------------------------------

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e != "md" || p.file_stem().is_some_and(|s| s != "README"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_corpus_replays_cleanly() {
    let files = corpus();
    assert!(files.len() >= 8, "the corpus is missing: {files:?}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        match file.extension().and_then(|e| e.to_str()) {
            Some("apkg") => import_apkg_bytes(&bytes),
            Some("csv") => {
                let _ = clio_core::cards_csv::read_csv(&file, &String::from_utf8_lossy(&bytes));
            }
            _ => {
                let parsed = clio_core::import::parse_file(&file);
                if let Ok(parsed) = parsed {
                    check(&parsed);
                }
                parse_all_ways(&String::from_utf8_lossy(&bytes));
            }
        }
    }
}
