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
}

impl Document {
    pub fn analyse(text: &str) -> Document {
        let ranges = sentences::split(text);
        let mut sents = Vec::with_capacity(ranges.len());
        // Code-point offsets, counted incrementally.
        let (mut last_b, mut last_c) = (0usize, 0usize);
        for (a, b) in ranges {
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
        Document { sentences: sents }
    }
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
