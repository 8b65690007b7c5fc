//! Saved pages with their expectations (`NAME.expected.json` beside the page),
//! read and compared with what Clio's importer makes of each page. Shared by
//! the `layouts` test and the `layout_score` example.

use std::fs;
use std::path::{Path, PathBuf};

use clio_core::import::parse_file;
use serde::Deserialize;

/// What a page must give.
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
    let mut outcome = Outcome {
        page: page.to_owned(),
        error: None,
        title: (String::new(), false),
        author: (None, false),
        category: (Vec::new(), false),
        noise_left: want.noise.clone(),
        noise_total: want.noise.len(),
        answer_missing: want.answer.clone(),
        answer_total: want.answer.len(),
        note_right: false,
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
    outcome.answer_missing = want
        .answer
        .iter()
        .filter(|s| !body.contains(s.as_str()))
        .cloned()
        .collect();
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
    format!(
        "{pages} pages: metadata exact {metadata}/{} (title, author, category), \
         noise removed {noise_removed}/{noise_total}, answer sentences kept {answer_kept}/{answer_total}, \
         other-answers note right {notes}/{pages}, pages wholly right {all}/{pages}",
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
    lines
}
