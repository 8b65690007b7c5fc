//! Exporting highlights and notes as Markdown: a section per document, each quote
//! as a blockquote with its note under it, and the highlights that could not be
//! placed in the current text listed apart.
//!
//! Quotes and notes are the learner's text, not Markdown: every character that
//! Markdown could read as structure is escaped, so a quote that starts with "#",
//! contains "</div>" or a line of "---" prints as written and cannot end its
//! blockquote or start a heading.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A document with its highlights, as the export needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnnotatedDocument {
    pub title: String,
    /// From the top category down, e.g. `["History", "Modern and Contemporary History"]`.
    pub category: Vec<String>,
    /// In reading order.
    pub annotations: Vec<ExportedAnnotation>,
}

/// One highlight for the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedAnnotation {
    pub quote: String,
    pub note: Option<String>,
    pub color: String,
    /// It could not be placed in the current text.
    pub orphaned: bool,
}

/// The title of the section listing orphaned highlights.
pub const ORPHANED_HEADING: &str = "Could not be placed";

/// The documents' highlights as one Markdown text.
pub fn export_markdown(documents: &[AnnotatedDocument]) -> String {
    let mut out = String::new();
    for doc in documents {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("# {}\n", escape_inline(&one_line(&doc.title))));
        if !doc.category.is_empty() {
            let path: Vec<String> = doc
                .category
                .iter()
                .map(|c| escape_inline(&one_line(c)))
                .collect();
            out.push_str(&format!("\n*{}*\n", path.join(" › ")));
        }
        let (placed, orphaned): (Vec<_>, Vec<_>) =
            doc.annotations.iter().partition(|a| !a.orphaned);
        for a in placed {
            push_annotation(&mut out, a);
        }
        if !orphaned.is_empty() {
            out.push_str(&format!(
                "\n## {ORPHANED_HEADING}\n\n\
                 The text changed and these passages were not found in it; \
                 the quotes are as they were highlighted.\n"
            ));
            for a in orphaned {
                push_annotation(&mut out, a);
            }
        }
    }
    out
}

fn push_annotation(out: &mut String, a: &ExportedAnnotation) {
    out.push('\n');
    for line in escape_block(&a.quote) {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str(&format!("> {line}\n"));
        }
    }
    // The colour is kept for a round trip but not shown: an HTML comment.
    let color: String = a
        .color
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    if !color.is_empty() {
        out.push_str(&format!("<!-- color: {color} -->\n"));
    }
    if let Some(note) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push('\n');
        // A blank line in a note stays a paragraph break.
        for line in escape_block(note) {
            out.push_str(&line);
            out.push('\n');
        }
    }
}

/// Title and category names are one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of a quote or note, each escaped so it is read as plain text.
/// Leading whitespace is dropped: four spaces would make a code block.
fn escape_block(s: &str) -> Vec<String> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = s.trim_matches('\n').split('\n').collect();
    lines
        .into_iter()
        .map(|l| escape_line_start(&escape_inline(l.trim())))
        .collect()
}

/// Backslash-escapes the ASCII punctuation Markdown gives meaning to anywhere in
/// a line (emphasis, code, links, HTML, tables, entities, escapes themselves).
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what only means something at the start of a line: list markers
/// ("-", "+", "1." and "1)") and setext underlines ("=").
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &line[digits..];
        if rest.starts_with(['.', ')']) {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(quote: &str, note: Option<&str>, orphaned: bool) -> ExportedAnnotation {
        ExportedAnnotation {
            quote: quote.into(),
            note: note.map(Into::into),
            color: "yellow".into(),
            orphaned,
        }
    }

    #[test]
    fn a_document_with_placed_and_orphaned_highlights() {
        let doc = AnnotatedDocument {
            title: "The Congress of Vienna".into(),
            category: vec!["History".into(), "Modern and Contemporary History".into()],
            annotations: vec![
                ann(
                    "Metternich presided.",
                    Some("Austria's foreign minister."),
                    false,
                ),
                ann("A removed sentence.", None, true),
                ann("The borders were redrawn.", None, false),
            ],
        };
        let md = export_markdown(&[doc]);
        assert_eq!(
            md,
            "# The Congress of Vienna\n\
             \n\
             *History › Modern and Contemporary History*\n\
             \n\
             > Metternich presided.\n\
             <!-- color: yellow -->\n\
             \n\
             Austria's foreign minister.\n\
             \n\
             > The borders were redrawn.\n\
             <!-- color: yellow -->\n\
             \n\
             ## Could not be placed\n\
             \n\
             The text changed and these passages were not found in it; the quotes are as they were highlighted.\n\
             \n\
             > A removed sentence.\n\
             <!-- color: yellow -->\n"
        );
    }

    #[test]
    fn multi_line_quotes_keep_the_marker_on_every_line() {
        let doc = AnnotatedDocument {
            title: "T".into(),
            category: vec![],
            annotations: vec![ann("First paragraph.\n\nSecond\r\nline.", None, false)],
        };
        let md = export_markdown(&[doc]);
        assert!(
            md.contains("> First paragraph.\n>\n> Second\n> line.\n"),
            "{md}"
        );
    }

    #[test]
    fn markdown_in_quotes_notes_and_titles_is_escaped() {
        let doc = AnnotatedDocument {
            title: "# *Bold* [title]".into(),
            category: vec!["A_b".into()],
            annotations: vec![ann(
                "# Not a heading\n- not a list\n1945. Not a list either\n---\n    not code\n</blockquote> <b>x</b> & `y`",
                Some("> not a quote\n## nor a heading"),
                false,
            )],
        };
        let md = export_markdown(&[doc]);
        let expected_quote = "> \\# Not a heading\n\
                              > \\- not a list\n\
                              > 1945\\. Not a list either\n\
                              > \\---\n\
                              > not code\n\
                              > \\</blockquote\\> \\<b\\>x\\</b\\> \\& \\`y\\`\n";
        assert!(md.contains(expected_quote), "{md}");
        assert!(
            md.starts_with("# \\# \\*Bold\\* \\[title\\]\n\n*A\\_b*\n"),
            "{md}"
        );
        assert!(
            md.contains("\n\\> not a quote\n\\#\\# nor a heading\n"),
            "{md}"
        );
        // Every line of the quote stays inside the blockquote.
        let quote_lines = md
            .lines()
            .skip_while(|l| !l.starts_with('>'))
            .take_while(|l| l.starts_with('>'))
            .count();
        assert_eq!(quote_lines, 6);
    }

    #[test]
    fn several_documents_each_get_a_heading() {
        let d = |t: &str| AnnotatedDocument {
            title: t.into(),
            category: vec![],
            annotations: vec![ann("q", None, false)],
        };
        let md = export_markdown(&[d("One"), d("Two")]);
        assert_eq!(
            md.matches("\n# ").count() + usize::from(md.starts_with("# ")),
            2
        );
        assert!(md.find("# One").unwrap() < md.find("# Two").unwrap());
        assert!(!md.contains(ORPHANED_HEADING));
    }
}
