//! Tokens: words, numbers and punctuation, with their byte offsets.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes, hyphens and abbreviation dots: "People's",
    /// "Sino-Soviet", "U.S.").
    Word,
    /// Starts with a digit: "1960", "25,000", "1960s", "10th", "3.5".
    Number,
    /// Anything else, one character: ",", "(", "$", "%", "–".
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub lower: String,
    /// Byte offsets in the whole text.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokKind::Punct && self.text == p
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// A lower-case word that reads as a plural noun: "ships", not "Ships",
    /// "fortress" or "Athens".
    pub fn looks_plural(&self) -> bool {
        !self.is_capitalised() && self.lower.ends_with('s') && !self.lower.ends_with("ss")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Cuts `s` (which starts at byte `base` of the whole text) into tokens.
pub fn tokenize(s: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokKind::Number;
            i += 1;
            while i < n {
                let c = chars[i].1;
                // Letters ("1960s", "10th") and inner separators ("25,000", "3.5").
                if c.is_alphanumeric()
                    || (c == ',' || c == '.') && at(i + 1).is_some_and(|d| d.is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
            }
        } else if c.is_alphabetic() {
            kind = TokKind::Word;
            i += 1;
            loop {
                match at(i) {
                    Some(c) if c.is_alphanumeric() => i += 1,
                    Some(c)
                        if (is_apostrophe(c) || c == '-')
                            && at(i + 1).is_some_and(|d| d.is_alphabetic()) =>
                    {
                        i += 2
                    }
                    // Abbreviations with inner dots: "U.S.", "e.g."
                    Some('.')
                        if at(i + 1).is_some_and(|d| d.is_alphabetic())
                            && at(i + 2) == Some('.')
                            && i - start == 1 =>
                    {
                        i += 3;
                        while at(i).is_some_and(|d| d.is_alphabetic()) && at(i + 1) == Some('.') {
                            i += 2;
                        }
                    }
                    _ => break,
                }
            }
            // A middle initial keeps its dot: "William C. Gorgas", so the name stays whole.
            if i - start == 1
                && c.is_uppercase()
                && at(i) == Some('.')
                && at(i + 1).is_some_and(char::is_whitespace)
                && at(i + 2).is_some_and(char::is_uppercase)
                && start >= 2
                && at(start - 1).is_some_and(char::is_whitespace)
                && at(start - 2).is_some_and(|d| d.is_alphabetic() || d == '.')
            {
                i += 1;
            }
            // "Barry St. Leger", "Mt. Vernon": the abbreviation's dot is the name's, or a
            // cloze cuts the name at it ("under _____. Leger").
            if i - start == 2
                && matches!(chars[start].1, 'S' | 'M' | 'F')
                && chars[start + 1].1 == 't'
                && at(i) == Some('.')
                && at(i + 1).is_some_and(char::is_whitespace)
                && at(i + 2).is_some_and(char::is_uppercase)
            {
                i += 1;
            }
            // A plural possessive: "the Thirty Years' War", "the Normans' duke".
            if (chars[i - 1].1 == 's')
                && at(i).is_some_and(is_apostrophe)
                && at(i + 1).is_none_or(|d| d.is_whitespace())
                && i - start > 2
            {
                i += 1;
            }
        } else {
            kind = TokKind::Punct;
            i += 1;
        }
        let end_b = if i < n { chars[i].0 } else { s.len() };
        let text = s[b..end_b].to_string();
        let lower = text.to_lowercase();
        out.push(Token {
            text,
            lower,
            start: base + b,
            end: base + end_b,
            kind,
        });
    }
    out
}

/// The words of a part of a prompt, lower-cased, without the punctuation around
/// them (a blank "_____" stays a word); punctuation alone is no word.
pub fn bare_words(part: &str) -> Vec<String> {
    part.split_whitespace()
        .map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// One whitespace-separated word, lower-cased, without the punctuation around it
/// (a blank "_____" loses its underscores and is empty, as punctuation alone is).
pub fn bare_lower(word: &str) -> String {
    lower(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// `word` without a possessive "'s" or "’s" at its end, if it has one.
pub fn strip_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// `s` in lower case (full Unicode lower case, as `str::to_lowercase`).
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// A finished prompt cut once into what the guard's rules read, so no rule splits
/// or lower-cases it again: built once per screen and passed to every rule.
#[derive(Debug, Clone)]
pub struct PromptWords<'a> {
    /// The prompt as it stands.
    pub text: &'a str,
    /// Split at whitespace, punctuation kept: "Fust,", "_____.".
    pub raw: Vec<&'a str>,
    /// The words the rules count: [`bare_words`] of the whole prompt.
    pub words: Vec<String>,
    /// For each of `words`, the byte offset of its raw word in `text`.
    word_starts: Vec<usize>,
    /// For each raw word, where its bare form ([`PromptWords::bare`]) is.
    bare: Vec<Bare>,
    /// The bare forms that are not one of `words`.
    bare_other: Vec<String>,
    lower: std::cell::OnceCell<String>,
}

/// Where a raw word's bare form is: most often it is its word.
#[derive(Debug, Clone, Copy)]
enum Bare {
    Empty,
    Word(usize),
    Other(usize),
}

impl<'a> PromptWords<'a> {
    pub fn new(text: &'a str) -> PromptWords<'a> {
        let mut p = PromptWords {
            text,
            raw: Vec::new(),
            words: Vec::new(),
            word_starts: Vec::new(),
            bare: Vec::new(),
            bare_other: Vec::new(),
            lower: std::cell::OnceCell::new(),
        };
        let base = text.as_ptr() as usize;
        for r in text.split_whitespace() {
            let word = r.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            let bare_word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() {
                p.words.push(lower(word));
                p.word_starts.push(r.as_ptr() as usize - base);
            }
            // The bare word is the word without the underscores at its edges (and
            // what they held in): most often the word itself.
            p.bare.push(if bare_word.is_empty() {
                Bare::Empty
            } else if bare_word.len() == word.len() {
                Bare::Word(p.words.len() - 1)
            } else {
                p.bare_other.push(lower(bare_word));
                Bare::Other(p.bare_other.len() - 1)
            });
            p.raw.push(r);
        }
        p
    }

    /// The `i`th raw word lower-cased without the punctuation around it
    /// (underscores too): "Fust," → "fust", "_____." → "" (so possibly empty).
    pub fn bare(&self, i: usize) -> &str {
        match self.bare[i] {
            Bare::Empty => "",
            Bare::Word(k) => &self.words[k],
            Bare::Other(k) => &self.bare_other[k],
        }
    }

    /// Where the auxiliary of a question's do-support stands: "did", "does" or "do".
    pub fn do_at(&self) -> Option<usize> {
        self.words
            .iter()
            .position(|x| matches!(x.as_str(), "did" | "does" | "do"))
    }

    /// The raw word (punctuation kept) that word `k` of `words` was read from:
    /// "Fust," for "fust". Empty past the end.
    pub fn raw_of(&self, k: usize) -> &str {
        self.word_starts.get(k).map_or("", |&at| {
            let rest = &self.text[at..];
            rest.split_whitespace().next().unwrap_or("")
        })
    }

    /// The prompt in lower case (made when a rule first asks).
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| lower(self.text))
    }

    /// Whether word `k` of `words` is written with a capital ("Reims", not "the").
    pub fn capitalised(&self, k: usize) -> bool {
        self.word_starts.get(k).is_some_and(|&at| {
            self.text[at..]
                .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '_')
                .starts_with(char::is_uppercase)
        })
    }

    /// The words of the part of the prompt between byte offsets `start` and
    /// `end`, when whitespace (or ", ") bounds that part: the same as
    /// [`bare_words`] of it, without splitting it again.
    pub fn words_in(&self, start: usize, end: usize) -> &[String] {
        let from = self.word_starts.partition_point(|&s| s < start);
        let to = self.word_starts.partition_point(|&s| s < end);
        &self.words[from..to]
    }

    /// The words of each part of the prompt between separators (`", "`): the
    /// same as [`bare_words`] of each part of `text.split(sep)`, for a separator
    /// of punctuation and then whitespace (it cuts no word in two: the
    /// punctuation it takes from a word is none of the word's).
    pub fn parts(&self, sep: &str) -> Vec<&[String]> {
        debug_assert!(sep.ends_with(char::is_whitespace));
        let mut out = Vec::new();
        let mut start = 0;
        for (at, _) in self.text.match_indices(sep) {
            out.push(self.words_in(start, at));
            start = at + sep.len();
        }
        out.push(self.words_in(start, self.text.len()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("In 1960, the U.S. and People's Republic lost 25,000 men (3.5%)."),
            vec![
                "In", "1960", ",", "the", "U.S.", "and", "People's", "Republic", "lost", "25,000",
                "men", "(", "3.5", "%", ")", "."
            ]
        );
        assert_eq!(
            texts("the Sino-Soviet split of the 1960s"),
            vec!["the", "Sino-Soviet", "split", "of", "the", "1960s"]
        );
    }

    #[test]
    fn a_saints_abbreviation_keeps_its_dot_before_a_name() {
        assert_eq!(
            texts("under Barry St. Leger came"),
            vec!["under", "Barry", "St.", "Leger", "came"]
        );
        assert_eq!(texts("went to St. The"), vec!["went", "to", "St.", "The"]);
    }

    #[test]
    fn a_middle_initial_keeps_its_dot() {
        assert_eq!(
            texts("by William C. Gorgas. In"),
            vec!["by", "William", "C.", "Gorgas", ".", "In"]
        );
        assert_eq!(
            texts("by J. F. D. Shrewsbury"),
            vec!["by", "J.", "F.", "D.", "Shrewsbury"]
        );
    }

    #[test]
    fn offsets_are_bytes_of_the_whole_text() {
        let toks = tokenize("Zhōu Ēnlái met", 10);
        assert_eq!(toks[1].text, "Ēnlái");
        assert_eq!(toks[1].start, 10 + "Zhōu ".len());
        assert_eq!(toks[2].end, 10 + "Zhōu Ēnlái met".len());
    }
}
