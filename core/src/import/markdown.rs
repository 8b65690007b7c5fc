//! Markdown with YAML front matter (`title`, `author`, `category`, `tags`,
//! `source`). The body becomes blocks; inline markup is dropped, and any HTML
//! inside the Markdown is sanitised before its text is read.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use yaml_rust2::parser::{Event as YamlEvent, Parser as YamlParser};
use yaml_rust2::{Yaml, YamlLoader};

use crate::library::{parse_category_path, Block, BlockKind, NewDocument, SourceFormat};

use super::{html, noise, plain, saved_text, ParsedDocument};

/// Front matter read from the top of a Markdown file.
#[derive(Debug, Default, PartialEq, Eq)]
struct FrontMatter {
    title: Option<String>,
    author: Option<String>,
    category: Vec<String>,
    tags: Vec<String>,
    source: Option<String>,
}

/// The document, and a warning when the front matter could not be read.
pub fn parse(
    text: &str,
    source: Option<&str>,
    name: Option<&str>,
) -> (Result<ParsedDocument, String>, Option<String>) {
    let (front, body, warning) = match split_front_matter(text) {
        Some((yaml, body)) => match read_front_matter(yaml) {
            Ok(front) => (front, body, None),
            Err(e) => (
                FrontMatter::default(),
                body,
                Some(format!("its front matter is not valid YAML ({e}); the text was imported without it. Fix the lines between the two “---” to keep title, author and category.")),
            ),
        },
        None => (FrontMatter::default(), text, None),
    };
    if let Some(page) = saved_page(&front, body, source) {
        return (Ok(page), warning);
    }
    let (mut blocks, first_h1) = blocks_of(body, true);
    // "Category: …" and "Author: …" lines under the heading, as a page clipped to
    // Markdown has them: the document's details, not its text.
    let mut header = plain::Header::default();
    if blocks.first().is_some_and(|b| {
        b.kind == BlockKind::Paragraph && b.text.lines().all(|l| header.read_line(l).is_some())
    }) {
        blocks.remove(0);
    } else {
        header = plain::Header::default();
    }
    let mut blocks = page_lines_apart(blocks);
    let title = match front
        .title
        .clone()
        .or(first_h1)
        .or_else(|| Some(header.title.clone()).filter(|t| !t.is_empty()))
    {
        Some(title) => title,
        None => match name {
            Some(name) => name.replace(['_', '-'], " "),
            None => blocks.first().map(|b| b.text.clone()).unwrap_or_default(),
        },
    };
    let author = front.author.or(header.author);
    // Counts, rows of links and a repeated title, as on any saved page. (Not the
    // edge rules of a saved page: a short last line of one's own notes is text.)
    blocks.retain(|b| {
        !noise::is_noise_anywhere(b, &title, author.as_deref()) && !noise::is_page_line(&b.text)
    });
    let doc = NewDocument {
        title,
        author,
        category_path: if front.category.is_empty() {
            header.category
        } else {
            front.category
        },
        source: front
            .source
            .or(header.source)
            .or_else(|| source.map(str::to_owned)),
        body: String::new(),
    };
    (
        Ok(ParsedDocument {
            doc,
            format: SourceFormat::Markdown,
            blocks,
            tags: front.tags,
            notes: Vec::new(),
        }),
        warning,
    )
}

/// A page saved or clipped to Markdown (a site's menu, breadcrumb, question,
/// author header, answer and footer), read as a saved page when it shows
/// three or more marks of one; the front matter's fields come first.
fn saved_page(front: &FrontMatter, body: &str, source: Option<&str>) -> Option<ParsedDocument> {
    let (line_blocks, first_h1) = blocks_of(body, true);
    let units = saved_text::units_of_blocks(&line_blocks);
    // The front matter's title, else the first "# heading" (which is not a line
    // of `units`).
    let given = front.title.clone().or(first_h1);
    let reading = saved_text::read(&units, given.as_deref())?;
    if reading.signals < 3 {
        return None;
    }
    let title = match &given {
        Some(t) => saved_text::known_title(t, &units),
        None => reading.title.clone()?,
    };
    let doc = NewDocument {
        title,
        author: front.author.clone().or_else(|| reading.author.clone()),
        category_path: if front.category.is_empty() {
            reading.category.clone()
        } else {
            front.category.clone()
        },
        source: front.source.clone().or_else(|| source.map(str::to_owned)),
        body: String::new(),
    };
    Some(saved_text::document(
        &units,
        &reading,
        doc,
        SourceFormat::Markdown,
        front.tags.clone(),
    ))
}

/// The blocks with their lines joined, a page's own lines ("Upvotes: 487 · 31
/// comments", "Related: …") set apart as blocks of their own so the noise rules
/// see them: a clipped page often has them on lines of one paragraph.
fn page_lines_apart(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.kind != BlockKind::Paragraph {
            out.push(Block::new(
                b.kind,
                b.text.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
            continue;
        }
        let mut text = String::new();
        for line in b.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if noise::is_page_line(line) {
                if !text.is_empty() {
                    out.push(Block::new(b.kind, std::mem::take(&mut text)));
                }
                out.push(Block::new(b.kind, line));
            } else {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(line);
            }
        }
        if !text.is_empty() {
            out.push(Block::new(b.kind, text));
        }
    }
    out
}

/// The YAML between a first line "---" and the next "---" (or "..."), and the rest.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\r\n")
        .or_else(|| text.strip_prefix("---\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// The most front matter read: a title, author, category and tags are a few
/// lines; more is not front matter worth reading (and bounds the YAML work).
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// The deepest nesting of lists and maps read in front matter (the loader recurses).
const MAX_FRONT_MATTER_DEPTH: usize = 32;

/// Refuses front matter a YAML loader would blow up on, before loading it:
/// aliases (`*name`, which the loader copies: a few lines of them expand to
/// gigabytes), deep nesting (the loader recurses), or a size beyond
/// [`MAX_FRONT_MATTER_BYTES`]. The parser's events are read one by one, so this
/// check itself holds no tree.
fn check_front_matter(yaml: &str) -> Result<(), String> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(format!(
            "it is {} KB long; front matter of more than {} KB is not read",
            yaml.len() / 1024,
            MAX_FRONT_MATTER_BYTES / 1024
        ));
    }
    let mut parser = YamlParser::new_from_str(yaml);
    let mut depth = 0usize;
    loop {
        let (event, _) = parser.next_token().map_err(|e| e.to_string())?;
        match event {
            YamlEvent::StreamEnd => return Ok(()),
            YamlEvent::Alias(_) => {
                return Err("it uses a YAML alias (*name); write the value out instead".into())
            }
            YamlEvent::SequenceStart(..) | YamlEvent::MappingStart(..) => {
                depth += 1;
                if depth > MAX_FRONT_MATTER_DEPTH {
                    return Err(format!(
                        "it nests lists or maps more than {MAX_FRONT_MATTER_DEPTH} levels deep"
                    ));
                }
            }
            YamlEvent::SequenceEnd | YamlEvent::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

fn read_front_matter(yaml: &str) -> Result<FrontMatter, String> {
    check_front_matter(yaml)?;
    let docs = YamlLoader::load_from_str(yaml).map_err(|e| e.to_string())?;
    let Some(doc) = docs.first() else {
        return Ok(FrontMatter::default());
    };
    if !matches!(doc, Yaml::Hash(_)) {
        return Err("it is not a list of “key: value” lines".into());
    }
    let list = |y: &Yaml| -> Vec<String> {
        match y {
            Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
            other => scalar(other)
                .map(|s| s.split(',').map(|t| t.trim().to_owned()).collect())
                .unwrap_or_default(),
        }
    };
    let category = match &doc["category"] {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other)
            .map(|s| parse_category_path(&s))
            .unwrap_or_default(),
    };
    let author = match &doc["author"] {
        Yaml::Array(items) => Some(
            items
                .iter()
                .filter_map(scalar)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => scalar(other),
    };
    Ok(FrontMatter {
        // A site's export may call the title its question or headline.
        title: ["title", "question", "headline"]
            .iter()
            .find_map(|k| scalar(&doc[*k])),
        author,
        category,
        tags: list(&doc["tags"]),
        source: scalar(&doc["source"]),
    })
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The body's blocks, and the text of its first level-1 heading when that
/// heading comes before any text (it is then the title, not a block). With
/// `lines`, a paragraph's line breaks are kept as "\n" (a saved page's lines).
/// The longest paragraph, in words, that is a heading when all of it is bold.
const MAX_BOLD_HEADING_WORDS: usize = 15;

fn blocks_of(markdown: &str, lines: bool) -> (Vec<Block>, Option<String>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut title = None;
    let mut text = String::new();
    let mut html_block = String::new();
    let (mut quote_depth, mut item_depth) = (0usize, 0usize);
    let mut in_html_block = false;
    // "**How the war started**" alone in its paragraph is a heading written in
    // bold: text outside bold in the paragraph says it is not.
    let (mut bold_depth, mut plain_text, mut bold_text) = (0usize, false, false);

    let flush = |blocks: &mut Vec<Block>, text: &mut String, kind: BlockKind| {
        if !text.trim().is_empty() {
            blocks.push(Block::new(kind, text.trim()));
        }
        text.clear();
    };
    let context = |quote_depth: usize| {
        if quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    };

    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            // Text before a heading inside a list item belongs to the item.
            Event::Start(Tag::Heading { .. }) => {
                let kind = if item_depth > 0 {
                    BlockKind::ListItem
                } else {
                    context(quote_depth)
                };
                flush(&mut blocks, &mut text, kind)
            }
            Event::End(TagEnd::Heading(level)) => {
                if level == HeadingLevel::H1 && title.is_none() && blocks.is_empty() {
                    title = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
                    text.clear();
                } else {
                    flush(&mut blocks, &mut text, BlockKind::Heading);
                }
            }
            // Paragraphs inside a list item belong to the item.
            Event::Start(Tag::Paragraph) if item_depth > 0 => text.push(' '),
            Event::Start(Tag::Paragraph) => {
                (plain_text, bold_text) = (false, false);
            }
            Event::End(TagEnd::Paragraph) if item_depth == 0 => {
                let kind = if quote_depth == 0
                    && bold_text
                    && !plain_text
                    && text.split_whitespace().count() <= MAX_BOLD_HEADING_WORDS
                {
                    BlockKind::Heading
                } else {
                    context(quote_depth)
                };
                flush(&mut blocks, &mut text, kind)
            }
            Event::Start(Tag::Strong) => bold_depth += 1,
            Event::End(TagEnd::Strong) => bold_depth = bold_depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                flush(&mut blocks, &mut text, BlockKind::ListItem);
                item_depth += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut blocks, &mut text, BlockKind::ListItem);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => flush(&mut blocks, &mut text, context(quote_depth)),
            Event::End(TagEnd::CodeBlock) => flush(&mut blocks, &mut text, context(quote_depth)),
            Event::Start(Tag::HtmlBlock) => {
                flush(&mut blocks, &mut text, context(quote_depth));
                in_html_block = true;
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_html_block = false;
                blocks.extend(html::fragment_blocks(&html_block));
                html_block.clear();
            }
            Event::Html(raw) if in_html_block => html_block.push_str(&raw),
            // An inline tag ("<b>", "</span>") is markup only: its text comes
            // as Text events. Not parsing each one keeps a file of a million
            // tags linear.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::Text(t) | Event::Code(t) => {
                if !t.trim().is_empty() {
                    if bold_depth > 0 {
                        bold_text = true;
                    } else {
                        plain_text = true;
                    }
                }
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(if lines { '\n' } else { ' ' }),
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    flush(&mut blocks, &mut text, BlockKind::Paragraph);
    (blocks, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_structure() {
        let md = "---\ntitle: \"The Congress of Vienna\"\nauthor: [Ada Rees, Tom Ng]\ncategory: History / Europe\ntags: diplomacy, 1815\n---\n# The Congress of Vienna\n\nIt met in *1814*.\n\n## Aims\n\n- balance of power\n- restore monarchs\n\n> A quote.\n\n<div onclick=\"x()\"><p>Raw <b>html</b></p><script>evil()</script></div>\n";
        let (doc, warning) = parse(md, Some("/x.md"), Some("x"));
        let doc = doc.unwrap();
        assert!(warning.is_none());
        assert_eq!(doc.doc.title, "The Congress of Vienna");
        assert_eq!(doc.doc.author.as_deref(), Some("Ada Rees, Tom Ng"));
        assert_eq!(doc.doc.category_path, vec!["History", "Europe"]);
        assert_eq!(doc.tags, vec!["diplomacy", "1815"]);
        let got: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Paragraph, "It met in 1814."),
                (BlockKind::Heading, "Aims"),
                (BlockKind::ListItem, "balance of power"),
                (BlockKind::ListItem, "restore monarchs"),
                (BlockKind::Quote, "A quote."),
                (BlockKind::Paragraph, "Raw html"),
            ]
        );
    }

    #[test]
    fn a_clipped_page_s_labelled_lines_and_footer() {
        let md = "# Why did William win at Hastings?\nCategory: Medieval Europe\nAuthor: Edgar Thornbury\n\nHarold had fought at Stamford Bridge three weeks before.\nHis men were tired.\n\nUpvotes: 487 · 31 comments\nRelated: Was the Tapestry made in England? · What happened to Harold's sons?\n";
        let (doc, _) = parse(md, None, Some("x"));
        let doc = doc.unwrap();
        assert_eq!(doc.doc.title, "Why did William win at Hastings?");
        assert_eq!(doc.doc.category_path, vec!["Medieval Europe"]);
        assert_eq!(doc.doc.author.as_deref(), Some("Edgar Thornbury"));
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Harold had fought at Stamford Bridge three weeks before. His men were tired."]
        );
        // A first paragraph with a colon that is no header stays text.
        let (doc, _) = parse("# Notes\n\nNote: the dates are Julian.\n", None, None);
        let doc = doc.unwrap();
        assert!(doc.doc.author.is_none());
        assert_eq!(doc.blocks[0].text, "Note: the dates are Julian.");
    }

    #[test]
    fn a_bold_line_is_a_heading_inside_the_answer() {
        // Round 31: the first paragraph and the title were lost, and the bold line
        // taken for the title.
        let md = "# How did the Anglo-Zulu War end at Ulundi?\n\nCategory: Modern History › Southern Africa\nAuthor: Graham Ntuli-Hayes, retired schoolteacher from Pietermaritzburg\n\nUlundi was the last big battle of the war, fought on 4 July 1879. The second half of your question is the more interesting one.\n\n**How the war got to that point**\n\nThe war was not something London particularly wanted. It was engineered largely by Sir Henry Bartle Frere, the High Commissioner, who saw an independent Zulu kingdom as an obstacle to his plans for a confederation of the South African colonies.\n\nBritish forces under Lord Chelmsford crossed into Zululand on 11 January 1879 in three columns, and on 22 January the centre column's camp at Isandlwana was overrun by a Zulu army of about 20,000 men.\n\n**What came after.** The kingdom was split into thirteen chiefdoms.\n";
        let (doc, _) = parse(md, None, Some("x"));
        let doc = doc.unwrap();
        assert_eq!(doc.doc.title, "How did the Anglo-Zulu War end at Ulundi?");
        let got: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert!(
            got[0].1.starts_with("Ulundi was the last big battle"),
            "{got:?}"
        );
        assert!(got.contains(&(BlockKind::Heading, "How the war got to that point")));
        // Bold that opens a paragraph of plain text is no heading.
        assert!(got.contains(&(
            BlockKind::Paragraph,
            "What came after. The kingdom was split into thirteen chiefdoms."
        )));
    }

    #[test]
    fn bad_front_matter_is_a_warning() {
        let (doc, warning) = parse("---\ntitle: [unclosed\n---\nText.", None, Some("notes"));
        assert_eq!(doc.unwrap().doc.title, "notes");
        assert!(warning.unwrap().contains("not valid YAML"));
    }
}
