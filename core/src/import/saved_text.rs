//! The saved-text form of a scraped Q&A page: the question, perhaps repeated;
//! a category path; counts; an avatar's alt text and the author's name; a
//! greeting; the answer; and the page's closing controls. Recognised by its
//! shape, not by one site's strings.

use crate::library::{Block, BlockKind, NewDocument, SourceFormat};

use super::noise;
use super::ParsedDocument;

/// How far into the text the page's header may reach.
const HEADER_PARAGRAPHS: usize = 12;
/// A paragraph this long is answer text, so the header has ended.
const LONG_PARAGRAPH: usize = 200;

/// One paragraph of the text, and whether it was a bulleted line.
struct Para {
    text: String,
    bullet: bool,
}

/// Reads `text` as a saved page, or `None` when it does not have the shape of
/// one (fewer than two of: a category path, a count, a picture placeholder,
/// the title repeated, an author line).
pub fn parse(text: &str, source: Option<&str>) -> Option<ParsedDocument> {
    let paras = paragraphs(text);
    let zone_end = paras
        .iter()
        .position(|p| p.text.chars().count() > LONG_PARAGRAPH)
        .unwrap_or(paras.len())
        .min(HEADER_PARAGRAPHS);
    let zone = &paras[..zone_end];

    // The title: a line the page repeats, else the first question, else the
    // first line that is not page furniture.
    let candidate = |p: &Para| {
        let t = p.text.as_str();
        !(noise::is_label(t)
            || noise::is_count(t)
            || noise::is_placeholder(t)
            || noise::is_furniture(t))
            && noise::category_line(t).is_none()
    };
    let candidates: Vec<usize> = (0..zone_end).filter(|&i| candidate(&paras[i])).collect();
    let repeated = candidates.iter().copied().find(|&i| {
        candidates
            .iter()
            .any(|&j| j > i && noise::same_text(&paras[j].text, &paras[i].text))
    });
    let question = candidates
        .iter()
        .copied()
        .find(|&i| paras[i].text.ends_with('?'));
    let title_at = repeated.or(question).or(candidates.first().copied())?;
    let title = paras[title_at].text.clone();

    let mut signals = 0;
    let mut header_end = title_at + 1;
    let mut mark = |i: usize, signals: &mut usize| {
        *signals += 1;
        header_end = header_end.max(i + 1);
    };
    let mut category_path = Vec::new();
    if let Some((i, path)) = zone
        .iter()
        .enumerate()
        .find_map(|(i, p)| noise::category_line(&p.text).map(|c| (i, c)))
    {
        category_path = path;
        mark(i, &mut signals);
    }
    if let Some(i) = zone.iter().position(|p| noise::is_count(&p.text)) {
        mark(i, &mut signals);
    }
    let placeholder = zone.iter().position(|p| noise::is_placeholder(&p.text));
    if let Some(i) = placeholder {
        mark(i, &mut signals);
    }
    let repeat = zone
        .iter()
        .enumerate()
        .skip(title_at + 1)
        .find(|(_, p)| noise::same_text(&p.text, &title))
        .map(|(i, _)| i);
    if let Some(i) = repeat {
        mark(i, &mut signals);
    }
    let author_at = [placeholder, repeat]
        .into_iter()
        .flatten()
        .map(|i| i + 1)
        .find(|&i| i < zone_end && is_author_line(&paras[i].text));
    let author = author_at.map(|i| {
        mark(i, &mut signals);
        paras[i].text.clone()
    });
    if signals < 2 {
        return None;
    }

    let blocks: Vec<Block> = paras[header_end..]
        .iter()
        .map(|p| {
            Block::new(
                if p.bullet {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                },
                p.text.clone(),
            )
        })
        .collect();
    let blocks = noise::clean_blocks(blocks, &title, author.as_deref());
    Some(ParsedDocument {
        doc: NewDocument {
            title,
            author,
            category_path,
            source: source.map(str::to_owned),
            body: String::new(),
        },
        format: SourceFormat::Text,
        blocks,
        tags: Vec::new(),
    })
}

fn is_author_line(text: &str) -> bool {
    noise::looks_like_name(text) && !noise::is_greeting(text) && !noise::is_furniture(text)
}

/// Paragraphs separated by blank lines (or, in a text without any blank line,
/// lines); lines of a paragraph joined by a space; bullets noted and removed.
fn paragraphs(text: &str) -> Vec<Para> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank_lines = text.split("\n\n").filter(|g| !g.trim().is_empty()).count() > 1;
    let groups: Vec<&str> = if has_blank_lines {
        text.split("\n\n").collect()
    } else {
        text.lines().collect()
    };
    groups
        .into_iter()
        .filter_map(|group| {
            let trimmed = group.trim();
            let stripped = trimmed
                .trim_start_matches(['•', '·', '▪', '◦', '‣'])
                .trim_start();
            let bullet = stripped.len() != trimmed.len()
                || (trimmed.starts_with("- ") || trimmed.starts_with("* "))
                    && !trimmed.contains('\n');
            let stripped = if bullet {
                stripped.trim_start_matches(['-', '*']).trim_start()
            } else {
                stripped
            };
            let text = stripped.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then_some(Para { text, bullet })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_site_s_saved_page() {
        let text = "Skip to content\n\nHome / History / Medieval\n\nHow did the Black Death reach Europe?\n\n5 answers\n\navatar\n\nJonah Price\n\nGood evening everyone!\n\nThe plague reached Sicily in October 1347 on Genoese galleys from Caffa, on the Black Sea, which the Mongols had besieged.\n\nFrom the ports it spread along trade routes, and by 1350 it had reached Scandinavia.\n\nWas this answer helpful?\n\nShare\n\nReport";
        let doc = parse(text, None).unwrap();
        assert_eq!(doc.doc.title, "How did the Black Death reach Europe?");
        assert_eq!(doc.doc.author.as_deref(), Some("Jonah Price"));
        assert_eq!(doc.doc.category_path, vec!["History", "Medieval"]);
        assert_eq!(doc.blocks.len(), 2, "{:?}", doc.blocks);
        assert!(doc.blocks[1].text.ends_with("reached Scandinavia."));
    }

    #[test]
    fn plain_prose_is_not_a_saved_page() {
        assert!(parse("A title\n\nSome text about Rome.\n\nMore text.", None).is_none());
    }

    #[test]
    fn a_saved_page_without_blank_lines() {
        let text = "spinner\nHow did Byzantium survive?\nHistory / Medieval\n7 Replies\nHow did Byzantium survive?\nUser_Photo\nMara Lind\nHello all!\nIts walls held for centuries.\nIts navy held the straits.\nThanks for reading!\nReply";
        let doc = parse(text, None).unwrap();
        assert_eq!(doc.doc.title, "How did Byzantium survive?");
        assert_eq!(doc.doc.author.as_deref(), Some("Mara Lind"));
        assert_eq!(doc.doc.category_path, vec!["History", "Medieval"]);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Its walls held for centuries.",
                "Its navy held the straits."
            ]
        );
    }
}
