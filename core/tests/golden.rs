//! Golden files: the suggestions the generator writes for a few fixture texts,
//! compared with the files checked in under `core/tests/golden/`. A rule change
//! that changes any card fails here and, rewritten with
//! `UPDATE_EXPECT=1 cargo test -p clio-core --test golden`, shows its diff in review.
//!
//! One line per card: shown (`+`) or held back (`-`), kind, the question form
//! that made it, prompt, answer and, for multiple choice, the choices.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use clio_core::generate::{
    candidate_features, suggest, Card, CardKind, GenerateOptions, LibraryContext,
};
use clio_core::import::parse_file;

/// The texts, each with the title a student would see above its cards: the seed
/// text of issue 15, texts written for the generator's own tests, and two
/// starter documents read as the importer reads them.
const TEXTS: &[(&str, &str)] = &[
    (
        "fixtures/generate/sino_soviet.txt",
        "Why did the Sino-Soviet split happen?",
    ),
    ("fixtures/generate/huguenots.txt", "Who were the Huguenots?"),
    ("fixtures/generate/pronoun_scope.txt", ""),
    ("fixtures/generate/lists_and_relatives.txt", ""),
    ("fixtures/generate/choices.txt", ""),
    ("fixtures/generate/shapes.txt", ""),
    ("../../data/starter/05-indian-independence.md", ""),
    ("../../data/starter/13-cuban-missile-crisis.md", ""),
];

/// The title and text of a fixture: a Markdown file through the importer (its
/// own title), a plain text as it is.
fn load(path: &Path, title: &str) -> (String, String) {
    if path.extension().is_some_and(|e| e == "md") {
        let parsed = parse_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = parsed
            .records
            .into_iter()
            .next()
            .and_then(|r| r.result.ok())
            .unwrap_or_else(|| panic!("{}: no document", path.display()))
            .doc;
        (doc.title, doc.body)
    } else {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        (title.to_string(), text)
    }
}

fn kind_name(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Question => "question",
        CardKind::Cloze => "cloze",
        CardKind::MultipleChoice => "choice",
        CardKind::TrueFalse => "true_false",
    }
}

/// The cards of one text, one line each.
fn render(title: &str, text: &str) -> String {
    let s = suggest(
        title,
        text,
        &GenerateOptions::default(),
        &LibraryContext::default(),
    );
    // The form of each card, from the candidates (a true/false statement replaces
    // the prompt it was made from, so its form is not known here).
    let mut forms: HashMap<(String, String, String), String> = HashMap::new();
    for c in candidate_features(title, text) {
        forms
            .entry((c.prompt, c.answer, c.sentence))
            .or_insert(c.form);
    }
    let mut out = format!("# title: {title}\n");
    let mut line = |card: &Card, shown: bool| {
        let form = forms
            .get(&(
                card.prompt.clone(),
                card.answer.clone(),
                card.source_sentence.clone(),
            ))
            .map_or("-", String::as_str);
        out.push_str(&format!(
            "{} {} {} | {} => {}",
            if shown { '+' } else { '-' },
            kind_name(card.kind),
            form,
            card.prompt,
            card.answer
        ));
        if card.kind == CardKind::MultipleChoice {
            out.push_str(&format!(" [{}]", card.choices.join(" / ")));
        }
        out.push('\n');
    };
    for c in &s.shown {
        line(c, true);
    }
    for c in &s.held_back {
        line(c, false);
    }
    out
}

#[test]
fn cards_match_the_golden_files() {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1");
    let mut differ = Vec::new();
    for (file, title) in TEXTS {
        let path = here.join(file);
        let (title, text) = load(&path, title);
        let got = render(&title, &text);
        assert!(
            got.lines().any(|l| l.starts_with('+')),
            "{file}: no card shown"
        );
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let expected_path = here.join("golden").join(format!("{stem}.cards"));
        if update {
            fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != got {
            let first = expected
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(got.lines().count()));
            differ.push(format!(
                "{}: first difference at line {}\n  expected: {}\n  got:      {}",
                expected_path.display(),
                first + 1,
                expected.lines().nth(first).unwrap_or("(end)"),
                got.lines().nth(first).unwrap_or("(end)")
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "the cards changed (rewrite with UPDATE_EXPECT=1 cargo test -p clio-core --test golden \
         and review the diff):\n{}",
        differ.join("\n")
    );
}
