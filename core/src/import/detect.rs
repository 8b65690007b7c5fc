//! Which format a file is: by its extension, or by sniffing the text.

use std::path::Path;

use serde::Serialize;

/// The formats Clio imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Html,
    Markdown,
    /// Plain text, or the saved-text form of a web page.
    Text,
    /// An array of records (or one record).
    Json,
    /// One record per line (`.jsonl`, `.ndjson`).
    JsonLines,
}

/// The format an extension names, if Clio imports it.
pub fn by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "txt" | "text" => Format::Text,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        _ => return None,
    })
}

/// The note for a file skipped in a folder because of its kind.
pub fn unknown_kind_note(path: &Path) -> String {
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("“.{ext}” files"),
        None => "files without an extension".to_owned(),
    };
    format!(
        "skipped: Clio does not import {kind}. It imports .html, .htm, .md, .markdown, .txt, .json and .jsonl; \
         import the file on its own to have it read as text."
    )
}

/// Guesses the format of text without a file name (pasted text, or a file
/// without a known extension).
pub fn sniff(text: &str) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
    {
        return Format::Html;
    }
    if head.starts_with('<') && looks_like_html(&head) {
        return Format::Html;
    }
    if head.starts_with("---\n") || head.starts_with("---\r\n") {
        return Format::Markdown;
    }
    if (head.starts_with('[') || head.starts_with('{'))
        && serde_json::from_str::<serde_json::Value>(start).is_ok()
    {
        return Format::Json;
    }
    if head.starts_with('[') && head[1..].trim_start().starts_with('{') {
        // A bulk file with a broken record is still a bulk file.
        return Format::Json;
    }
    if looks_like_html(&head) && head.matches('<').count() >= 4 {
        return Format::Html;
    }
    if looks_like_markdown(start) {
        return Format::Markdown;
    }
    Format::Text
}

fn looks_like_html(head: &str) -> bool {
    [
        "</p>",
        "</div>",
        "<br",
        "</h1>",
        "</h2>",
        "</li>",
        "</article>",
        "</body>",
        "</span>",
        "</a>",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

fn looks_like_markdown(text: &str) -> bool {
    text.lines().take(40).any(|line| {
        let line = line.trim_start();
        (line.starts_with("# ") || line.starts_with("## ")) && line.len() > 3
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_sniffing() {
        assert_eq!(by_extension(Path::new("a/B.HTM")), Some(Format::Html));
        assert_eq!(by_extension(Path::new("notes.md")), Some(Format::Markdown));
        assert_eq!(
            by_extension(Path::new("bulk.ndjson")),
            Some(Format::JsonLines)
        );
        assert_eq!(by_extension(Path::new("photo.jpg")), None);
        assert_eq!(sniff("<!DOCTYPE html><html><body><p>x</p>"), Format::Html);
        assert_eq!(sniff("<div class=\"a\"><p>Hello</p></div>"), Format::Html);
        assert_eq!(sniff("---\ntitle: X\n---\nText"), Format::Markdown);
        assert_eq!(sniff("[{\"title\": \"a\", \"body\": \"b\"}]"), Format::Json);
        assert_eq!(sniff("[\n {\"title\": \"a\", \"body\": }\n]"), Format::Json);
        assert_eq!(sniff("# Heading\n\nText"), Format::Markdown);
        assert_eq!(
            sniff("Why did Rome fall?\n\nMany reasons; 3 < 4."),
            Format::Text
        );
    }
}
