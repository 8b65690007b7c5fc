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
