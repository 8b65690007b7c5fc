//! Full-text search: what a user types, turned into a safe FTS5 query, and the
//! results with their snippets split into plain-text parts (no markup reaches
//! the webview).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::ids::DocumentId;
use crate::store::Store;

/// Private-use characters that mark a hit inside a snippet from the store.
pub use crate::store::{HIT_END, HIT_START};

/// How many results a search returns at most.
pub const SEARCH_LIMIT: usize = 25;

/// A search result as the store returns it, snippet still marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawHit {
    pub id: DocumentId,
    pub title: String,
    pub author: Option<String>,
    pub category_path: Vec<String>,
    pub snippet: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub id: DocumentId,
    pub title: String,
    pub author: Option<String>,
    pub category_path: Vec<String>,
    /// The best-matching passage; parts with `hit` are the matched words.
    pub snippet: Vec<SnippetPart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// Documents matching every word of `query` (each also as a prefix: "sov"
/// finds "Soviet"), best first. An empty query finds nothing.
pub fn search_documents(store: &Store, query: &str) -> Result<Vec<SearchHit>> {
    let Some(fts) = fts_query(query) else {
        return Ok(Vec::new());
    };
    Ok(store
        .search_documents(&fts, SEARCH_LIMIT)?
        .into_iter()
        .map(|raw| SearchHit {
            id: raw.id,
            title: raw.title,
            author: raw.author,
            category_path: raw.category_path,
            snippet: split_snippet(&raw.snippet),
        })
        .collect())
}

/// Each word quoted (so FTS5 syntax in what a user types is taken literally)
/// and made a prefix ("czech" finds "Czechoslovakia"); words are ANDed.
pub(crate) fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .map(|word| word.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn split_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut push = |text: &mut String, hit: bool| {
        if !text.is_empty() {
            parts.push(SnippetPart {
                text: std::mem::take(text),
                hit,
            });
        }
    };
    for c in marked.chars() {
        match c {
            HIT_START => push(&mut text, false),
            HIT_END => push(&mut text, true),
            c => text.push(c),
        }
    }
    push(&mut text, false);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{add_document, NewDocument};

    fn add(store: &mut Store, title: &str, body: &str) -> DocumentId {
        let doc = NewDocument {
            title: title.into(),
            author: None,
            category_path: vec!["History".into(), "Cold War".into()],
            source: None,
            body: body.into(),
        };
        add_document(store, doc).unwrap().id
    }

    #[test]
    fn queries_quote_every_word_so_syntax_is_literal() {
        assert_eq!(
            fts_query("Sino-Soviet spl").unwrap(),
            r#""Sino-Soviet"* "spl"*"#
        );
        assert_eq!(
            fts_query(r#"NEAR( "title": OR *"#).unwrap(),
            r#""NEAR"* "title"* "OR"*"#
        );
        assert_eq!(fts_query("  ...  "), None);
    }

    #[test]
    fn snippets_split_into_plain_parts() {
        let marked =
            format!("the {HIT_START}Berlin{HIT_END} Wall <b>fell</b> in {HIT_START}1989{HIT_END}");
        let parts = split_snippet(&marked);
        let hits: Vec<&str> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["Berlin", "1989"]);
        let text: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "the Berlin Wall <b>fell</b> in 1989");
    }

    #[test]
    fn search_finds_prefixes_ranks_titles_first_and_marks_hits() {
        let mut store = Store::open_in_memory().unwrap();
        let in_body = add(
            &mut store,
            "What was the Marshall Plan?",
            "Aid flowed to Western Europe; the Soviet bloc refused it.",
        );
        let in_title = add(
            &mut store,
            "Why did the Soviet Union collapse?",
            "In 1991 the union dissolved.",
        );
        add(
            &mut store,
            "When was NATO founded?",
            "NATO was founded in April 1949.",
        );

        let hits = search_documents(&store, "sov").unwrap();
        let ids: Vec<DocumentId> = hits.iter().map(|h| h.id).collect();
        assert_eq!(ids, vec![in_title, in_body]);
        assert!(
            hits[1].snippet.iter().any(|p| p.hit && p.text == "Soviet"),
            "{:?}",
            hits[1].snippet
        );
        assert_eq!(hits[0].category_path, vec!["History", "Cold War"]);

        assert!(search_documents(&store, "soviet marshall")
            .unwrap()
            .iter()
            .all(|h| h.id == in_body));
        assert!(search_documents(&store, "").unwrap().is_empty());
        assert!(
            search_documents(&store, "\"unbalanced").is_ok(),
            "stray quotes are not FTS5 errors"
        );
    }

    #[test]
    fn search_folds_diacritics() {
        let mut store = Store::open_in_memory().unwrap();
        let id = add(
            &mut store,
            "Who was Zhōu Ēnlái?",
            "Zhōu Ēnlái was premier of China from 1949 to 1976.",
        );
        let hits = search_documents(&store, "zhou enlai").unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].id, id);
    }
}
