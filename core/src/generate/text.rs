//! A text analysed once: its sentences, their tokens and entities, with offsets.

use std::collections::HashSet;

use super::anchors::{self, Anchor};
use super::entities::{self, Entity};
use super::sentences;
use super::tokens::{self, Token};

pub struct Sentence {
    /// Byte offset of the sentence in the text.
    pub start: usize,
    /// Code-point offsets in the text.
    pub char_start: usize,
    pub char_end: usize,
    pub raw: String,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    /// A greeting, sign-off, chat or summary: no cards.
    pub boilerplate: bool,
    /// Relative times shown as the year they mean ("the following year" → "in 1854").
    pub anchors: Vec<Anchor>,
    /// Per token: inside square brackets ("[citation needed]", "[12]"), worked out
    /// once so every later check is a lookup, not a rescan of the sentence.
    pub bracketed: Vec<bool>,
}

impl Sentence {
    /// The text of tokens `a..b` as written in the sentence.
    pub fn span_text(&self, a: usize, b: usize) -> String {
        if a >= b || b > self.tokens.len() {
            return String::new();
        }
        self.raw[self.tokens[a].start - self.start..self.tokens[b - 1].end - self.start].to_string()
    }
}

pub struct Document {
    pub sentences: Vec<Sentence>,
    /// The words the text writes capitalised inside a sentence, and in lower case.
    pub case: entities::DocInfo,
    /// The people the text marks as women (see `gender`).
    pub women: HashSet<String>,
    /// Per short name of a person, the one full name the text gives it, and the
    /// short names two people share (see `full_names`).
    pub full_names: super::full_names::FullNames,
}

impl Document {
    pub fn analyse(text: &str) -> Document {
        let ranges = sentences::split(text);
        let mut sents = Vec::with_capacity(ranges.len());
        // Code-point offsets, counted incrementally.
        let (mut last_b, mut last_c) = (0usize, 0usize);
        for (a, b) in ranges {
            let a = a + sentences::announcing_lead_in(&text[a..b]).unwrap_or(0);
            let char_start = last_c + text[last_b..a].chars().count();
            let char_end = char_start + text[a..b].chars().count();
            last_b = b;
            last_c = char_end;
            let raw = text[a..b].to_string();
            let toks = tokens::tokenize(&raw, a);
            let boilerplate = sentences::is_boilerplate(&raw) || looks_like_noise(&toks);
            let bracketed = bracketed(&toks);
            sents.push(Sentence {
                start: a,
                char_start,
                char_end,
                raw,
                tokens: toks,
                entities: Vec::new(),
                boilerplate,
                anchors: Vec::new(),
                bracketed,
            });
        }
        // A closing list of sources ("Sources: …", "Further reading") is the
        // answer's bibliography, not its history: judges called its cards trivial.
        if let Some(from) = sources_start(text, &sents) {
            for s in &mut sents[from..] {
                s.boilerplate = true;
            }
        }
        // Words seen capitalised where capitals are not forced (not first in a sentence).
        let mut capitalised: HashSet<String> = HashSet::new();
        let mut lowercase: HashSet<String> = HashSet::new();
        for s in &sents {
            for (i, t) in s.tokens.iter().enumerate() {
                if t.is_capitalised()
                    && i > 0
                    && !s.tokens[i - 1].is_punct(":")
                    && !s.tokens[i - 1].is_punct("\"")
                {
                    capitalised.insert(t.text.clone());
                } else if t.is_word() && !t.is_capitalised() {
                    lowercase.insert(t.lower.clone());
                }
            }
        }
        let info = entities::DocInfo {
            capitalised,
            lowercase,
        };
        for s in &mut sents {
            s.entities = entities::find(&s.tokens, &info);
        }
        entities::harmonise(&mut sents);
        let found = anchors::find(&sents);
        for (s, a) in sents.iter_mut().zip(found) {
            s.anchors = a;
        }
        let women = super::gender::women(&sents);
        let full_names = super::full_names::full_names(&sents, &info);
        Document {
            sentences: sents,
            case: info,
            women,
            full_names,
        }
    }
}

/// Words that head an answer's closing list of sources.
const SOURCES_HEADINGS: &[&str] = &[
    "sources",
    "source",
    "references",
    "further reading",
    "suggested reading",
    "reading",
    "bibliography",
    "works cited",
    "citations",
];

/// The first sentence of a list of sources that closes the text: a paragraph
/// opening with one of [`SOURCES_HEADINGS`] (then a colon, a dash or the line's
/// end), in the last half of the text; everything from there on is sources.
fn sources_start(text: &str, sents: &[Sentence]) -> Option<usize> {
    let half = text.len() / 2;
    sents.iter().position(|s| {
        if s.start < half
            || !text[..s.start]
                .trim_end_matches([' ', '\t'])
                .ends_with('\n')
        {
            return false;
        }
        let line = s
            .raw
            .trim_start_matches(['#', '*', '_', ' '])
            .to_lowercase();
        sources_label(&line)
            || SOURCES_HEADINGS.iter().any(|h| {
                line.strip_prefix(h).is_some_and(|rest| {
                    let rest = rest.trim_start_matches(['*', '_', ' ']);
                    rest.is_empty()
                        || rest.starts_with(':')
                        || rest.starts_with('\n')
                        || rest.starts_with(" -")
                        || rest.starts_with('-')
                        || rest.starts_with('—')
                        || rest.starts_with("and further reading")
                        || rest.starts_with("& further reading")
                })
            })
    })
}

/// A short label that names a list of sources and ends in a colon: "Sources worth
/// reading: …", "Recommended reading: …", "Good books on this:". ("Sources
/// disagree, but …" is prose: no colon closes its first words.)
fn sources_label(line: &str) -> bool {
    let Some((label, _)) = line.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label
        .split_whitespace()
        .map(|w| w.trim_matches(['*', '_']))
        .collect();
    // "reading" alone is prose ("My reading: the Fronde failed …"); it names a
    // list only as "further / suggested / recommended reading".
    let names_a_list = words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "sources" | "references" | "bibliography" | "books")
            || *w == "reading"
                && i > 0
                && matches!(
                    words[i - 1],
                    "further" | "suggested" | "recommended" | "more"
                )
    });
    words.len() <= 5 && !label.contains([',', '.', ';']) && names_a_list
}

/// Which tokens stand inside square brackets: after an unclosed "[" or on a "]".
fn bracketed(toks: &[Token]) -> Vec<bool> {
    let mut open = false;
    toks.iter()
        .map(|t| {
            if t.is_punct("[") {
                open = true;
            } else if t.is_punct("]") {
                open = false;
                return true;
            }
            open
        })
        .collect()
}

/// Headings, menus and other lines that are not prose: no verb-bearing sentence shape.
fn looks_like_noise(toks: &[Token]) -> bool {
    let words = toks.iter().filter(|t| t.is_word()).count();
    if words < 4 {
        return true;
    }
    // A line of mostly capitalised words ("Leave a Comments", "Modern and Contemporary History").
    let caps = toks.iter().filter(|t| t.is_capitalised()).count();
    let ends = toks.last().is_some_and(|t| {
        t.is_punct(".") || t.is_punct("!") || t.is_punct("?") || t.is_punct("\"") || t.is_punct("”")
    });
    !ends && caps * 2 > words
}

#[cfg(test)]
mod tests {
    use super::sources_label;

    #[test]
    fn a_short_label_naming_a_list_of_sources_heads_it() {
        for line in [
            "sources worth reading: diodorus book 16.",
            "recommended reading: the wool road.",
            "good books on this: the wool road.",
        ] {
            assert!(sources_label(line), "{line}");
        }
        for line in [
            "my reading: the fronde failed because the princes quarrelled.",
            "sources disagree, but perhaps 300 merchants lived there: see below.",
            "the treaty had two parts: a border and a marriage.",
        ] {
            assert!(!sources_label(line), "{line}");
        }
    }
}
