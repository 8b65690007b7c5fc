//! Saved pages with their expectations (`NAME.expected.json` beside the page),
//! read and compared with what Clio's importer makes of each page. Shared by
//! the `layouts` test and the `layout_score` example.

use std::fs;
use std::path::{Path, PathBuf};

use clio_core::import::parse_file;
use serde::Deserialize;

/// What a page must give. Two spellings are read: this project's (`answer`:
/// key sentences; `other_answers_left_out`) and the held-out batch's
/// (`answer_first_words` / `answer_last_words`: how the kept answer begins
/// and ends once greeting and sign-off are gone; `other_answers_dropped`).
#[derive(Debug, Deserialize)]
pub struct Expected {
    pub title: String,
    pub author: Option<String>,
    #[serde(default)]
    pub category: Vec<String>,
    #[serde(default)]
    pub noise: Vec<String>,
    #[serde(default)]
    pub answer: Vec<String>,
    #[serde(default)]
    pub answer_first_words: Option<String>,
    #[serde(default)]
    pub answer_last_words: Option<String>,
    #[serde(default, alias = "other_answers_dropped")]
    pub other_answers_left_out: bool,
}

/// How one page came out.
#[derive(Debug)]
pub struct Outcome {
    pub page: PathBuf,
    /// The importer's error, when it read no document.
    pub error: Option<String>,
    pub title: (String, bool),
    pub author: (Option<String>, bool),
    pub category: (Vec<String>, bool),
    /// Noise strings still in the text.
    pub noise_left: Vec<String>,
    pub noise_total: usize,
    /// Key sentences of the answer missing from the text.
    pub answer_missing: Vec<String>,
    pub answer_total: usize,
    /// Whether the import said that other answers were left out, when it should have.
    pub note_right: bool,
    /// Whether the text begins and ends with the expected words (`None` when
    /// the expectation gives none).
    pub edges_right: Option<bool>,
    pub body: String,
}

impl Outcome {
    pub fn metadata_exact(&self) -> usize {
        [self.title.1, self.author.1, self.category.1]
            .iter()
            .filter(|ok| **ok)
            .count()
    }

    pub fn all_right(&self) -> bool {
        self.error.is_none()
            && self.metadata_exact() == 3
            && self.noise_left.is_empty()
            && self.answer_missing.is_empty()
            && self.note_right
            && self.edges_right != Some(false)
    }
}

/// Every page in `folder` that has an expectation beside it, sorted by name.
pub fn pages(folder: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(folder) else {
        return found;
    };
    let files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    for expected in &files {
        let name = expected.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let page = files.iter().find(|f| {
            f.file_stem().is_some_and(|s| s.to_string_lossy() == stem)
                && !f.to_string_lossy().ends_with(".expected.json")
        });
        if let Some(page) = page {
            found.push((page.clone(), expected.clone()));
        }
    }
    found.sort();
    found
}

/// Imports `page` (reading only) and compares it with `expected`.
pub fn check(page: &Path, expected: &Path) -> Outcome {
    let want: Expected =
        serde_json::from_str(&fs::read_to_string(expected).expect("the expectation is readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
    let mut key_sentences = want.answer.clone();
    key_sentences.extend(want.answer_first_words.iter().cloned());
    key_sentences.extend(want.answer_last_words.iter().cloned());
    let has_edges = want.answer_first_words.is_some() || want.answer_last_words.is_some();
    let mut outcome = Outcome {
        page: page.to_owned(),
        error: None,
        title: (String::new(), false),
        author: (None, false),
        category: (Vec::new(), false),
        noise_left: want.noise.clone(),
        noise_total: want.noise.len(),
        answer_missing: key_sentences.clone(),
        answer_total: key_sentences.len(),
        note_right: false,
        edges_right: has_edges.then_some(false),
        body: String::new(),
    };
    let parsed = match parse_file(page) {
        Ok(parsed) => parsed,
        Err(e) => {
            outcome.error = Some(e);
            return outcome;
        }
    };
    let Some(record) = parsed.records.first() else {
        outcome.error = Some("no document".into());
        return outcome;
    };
    let doc = match &record.result {
        Ok(doc) => doc,
        Err(e) => {
            outcome.error = Some(e.clone());
            return outcome;
        }
    };
    let body = &doc.doc.body;
    outcome.title = (doc.doc.title.clone(), doc.doc.title == want.title);
    outcome.author = (doc.doc.author.clone(), doc.doc.author == want.author);
    outcome.category = (
        doc.doc.category_path.clone(),
        doc.doc.category_path == want.category,
    );
    outcome.noise_left = want
        .noise
        .iter()
        .filter(|n| body.contains(n.as_str()))
        .cloned()
        .collect();
    outcome.answer_missing = key_sentences
        .iter()
        .filter(|s| !body.contains(s.as_str()))
        .cloned()
        .collect();
    if has_edges {
        let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat_of = |s: &Option<String>| {
            s.as_deref()
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        outcome.edges_right = Some(
            flat_of(&want.answer_first_words).is_none_or(|f| flat.starts_with(&f))
                && flat_of(&want.answer_last_words).is_none_or(|l| flat.ends_with(&l)),
        );
    }
    let noted = doc.notes.iter().any(|n| n.contains("other answer"));
    outcome.note_right = noted == want.other_answers_left_out;
    outcome.body = body.clone();
    outcome
}

/// The figures over a batch, as printed by the example and the test.
pub fn summary(outcomes: &[Outcome]) -> String {
    let pages = outcomes.len();
    let metadata: usize = outcomes.iter().map(Outcome::metadata_exact).sum();
    let noise_total: usize = outcomes.iter().map(|o| o.noise_total).sum();
    let noise_removed: usize = outcomes
        .iter()
        .map(|o| o.noise_total - o.noise_left.len())
        .sum();
    let answer_total: usize = outcomes.iter().map(|o| o.answer_total).sum();
    let answer_kept: usize = outcomes
        .iter()
        .map(|o| o.answer_total - o.answer_missing.len())
        .sum();
    let notes = outcomes.iter().filter(|o| o.note_right).count();
    let all = outcomes.iter().filter(|o| o.all_right()).count();
    let with_edges = outcomes.iter().filter(|o| o.edges_right.is_some()).count();
    let edges = outcomes
        .iter()
        .filter(|o| o.edges_right == Some(true))
        .count();
    let edges = if with_edges > 0 {
        format!(", answer begins and ends exactly {edges}/{with_edges}")
    } else {
        String::new()
    };
    format!(
        "{pages} pages: metadata exact {metadata}/{} (title, author, category), \
         noise removed {noise_removed}/{noise_total}, answer sentences kept {answer_kept}/{answer_total}, \
         other-answers note right {notes}/{pages}{edges}, pages wholly right {all}/{pages}",
        pages * 3
    )
}

/// One page's failures, one line each (empty when all is right).
pub fn failures(o: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(e) = &o.error {
        lines.push(format!("error: {e}"));
        return lines;
    }
    if !o.title.1 {
        lines.push(format!("title: {:?}", o.title.0));
    }
    if !o.author.1 {
        lines.push(format!("author: {:?}", o.author.0));
    }
    if !o.category.1 {
        lines.push(format!("category: {:?}", o.category.0));
    }
    for n in &o.noise_left {
        lines.push(format!("noise left: {n:?}"));
    }
    for s in &o.answer_missing {
        lines.push(format!("answer sentence missing: {s:?}"));
    }
    if !o.note_right {
        lines.push("the other-answers note is wrong".into());
    }
    if o.edges_right == Some(false) {
        lines.push("the answer does not begin and end with the expected words".into());
    }
    lines
}
