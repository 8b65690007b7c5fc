//! Plain text: the first line is the title when it is short and stands alone;
//! paragraphs are separated by blank lines.

use crate::library::{Block, NewDocument, SourceFormat};

use super::ParsedDocument;

/// A first line longer than this is text, not a title.
const MAX_TITLE_CHARS: usize = 200;

pub fn parse(
    text: &str,
    source: Option<&str>,
    name: Option<&str>,
) -> Result<ParsedDocument, String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let first_line = text
        .trim_start()
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    let title = if paragraphs.len() > 1
        && paragraphs[0] == first_line
        && first_line.chars().count() <= MAX_TITLE_CHARS
    {
        paragraphs.remove(0)
    } else if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
        name.replace(['_', '-'], " ")
    } else {
        opening_words(paragraphs.first().map(String::as_str).unwrap_or(""))
    };
    Ok(ParsedDocument {
        doc: NewDocument {
            title,
            author: None,
            category_path: Vec::new(),
            source: source.map(str::to_owned),
            body: String::new(),
        },
        format: SourceFormat::Text,
        blocks: paragraphs.into_iter().map(Block::paragraph).collect(),
        tags: Vec::new(),
        notes: Vec::new(),
    })
}

/// The first words of a text, as a title for text that has none.
fn opening_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 10 {
        words.join(" ")
    } else {
        format!("{}…", words[..10].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_from_first_line_or_name() {
        let d = parse(
            "The Edict of Nantes\n\nSigned in 1598.\n\nRevoked in 1685.",
            None,
            Some("x"),
        )
        .unwrap();
        assert_eq!(d.doc.title, "The Edict of Nantes");
        assert_eq!(d.blocks.len(), 2);
        let d = parse(
            "Signed in 1598, it granted rights.\nRevoked in 1685.",
            None,
            Some("edict_of_nantes"),
        )
        .unwrap();
        assert_eq!(d.doc.title, "edict of nantes");
        assert_eq!(d.blocks.len(), 1);
        let d = parse(
            "One two three four five six seven eight nine ten eleven.",
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            d.doc.title,
            "One two three four five six seven eight nine ten…"
        );
    }
}
