//! Plain text: the first line is the title when it is short and stands alone;
//! paragraphs are separated by blank lines. A text may open with a labelled
//! header ("Title: …", "Category: A -> B", "Author: …"), as notes kept by hand
//! and exports of other tools often do.

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
    if let Some((header, rest)) = labelled_header(&text) {
        return Ok(ParsedDocument {
            doc: NewDocument {
                title: header.title,
                author: header.author,
                category_path: header.category,
                source: header.source.or_else(|| source.map(str::to_owned)),
                body: String::new(),
            },
            format: SourceFormat::Text,
            blocks: paragraphs_of(rest)
                .into_iter()
                .map(Block::paragraph)
                .collect(),
            tags: Vec::new(),
            notes: Vec::new(),
        });
    }
    let mut paragraphs = paragraphs_of(&text);
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

fn paragraphs_of(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// What a labelled header says.
#[derive(Debug, Default, PartialEq)]
pub struct Header {
    pub title: String,
    pub author: Option<String>,
    pub category: Vec<String>,
    pub source: Option<String>,
}

/// How many labelled lines a header may have before it is text, not a header.
const MAX_HEADER_LINES: usize = 8;

/// A header of "Label: value" lines at the very top of `text`, ended by a blank
/// line, naming at least the title (or question); and the text after it. Only
/// these labels count, so a first sentence such as "Note: the dates are
/// Julian." is never taken for a header.
pub fn labelled_header(text: &str) -> Option<(Header, &str)> {
    let text = text.trim_start_matches(['\u{feff}', '\n', '\r', ' ', '\t']);
    let mut lines = Vec::new();
    let mut end = text.len();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            end = offset;
            break;
        }
        lines.push(line.trim_end());
        offset += line.len();
        if lines.len() > MAX_HEADER_LINES {
            return None;
        }
    }
    if lines.is_empty() {
        return None;
    }
    let mut header = Header::default();
    for line in lines {
        header.read_line(line)?;
    }
    if header.title.is_empty() {
        return None;
    }
    Some((header, &text[end..]))
}

impl Header {
    /// Takes in one "Label: value" line of a header; `None` when the line is no
    /// header line (an unknown label, no value, a value too long).
    pub fn read_line(&mut self, line: &str) -> Option<()> {
        let (label, value) = line.split_once(':')?;
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() || value.chars().count() > MAX_TITLE_CHARS {
            return None;
        }
        match label.trim().to_lowercase().as_str() {
            "title" | "question" => self.title = value,
            "author" | "by" | "answered by" | "written by" => self.author = Some(value),
            "category" | "categories" | "topic" => {
                self.category =
                    super::noise::category_line(&value).unwrap_or_else(|| vec![value.clone()]);
            }
            "source" | "url" => self.source = Some(value),
            _ => return None,
        }
        Some(())
    }
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
    fn a_labelled_header_gives_title_author_and_category() {
        let text = "Title: Why did the Meiji government abolish the samurai?\nCategory: History -> Asia -> Japan\nAuthor: Keiko Arai\n\nThe samurai lost their stipends in 1876.\n\nThe Satsuma Rebellion followed in 1877.";
        let d = parse(text, None, Some("file")).unwrap();
        assert_eq!(
            d.doc.title,
            "Why did the Meiji government abolish the samurai?"
        );
        assert_eq!(d.doc.author.as_deref(), Some("Keiko Arai"));
        assert_eq!(d.doc.category_path, ["History", "Asia", "Japan"]);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[0].text, "The samurai lost their stipends in 1876.");
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(
            labelled_header(&crlf).unwrap().0.author.as_deref(),
            Some("Keiko Arai")
        );
    }

    #[test]
    fn a_labelled_first_sentence_is_not_a_header() {
        for text in [
            "Note: the dates are Julian.\n\nThe council met in 1545.",
            "Author: Keiko Arai\n\nNo title is named, so this is text.",
            "Title: A\nThe rest of the paragraph runs on without a label.\n\nMore.",
        ] {
            assert_eq!(labelled_header(text), None, "{text}");
        }
    }

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
