//! Checking a typed answer: lenient about what is not memory (case,
//! punctuation, accents, a leading article, one slip of the fingers), strict
//! about what is (numbers and years).
//!
//! Suggested grade, the choice made here:
//! - the same words, whatever the case, punctuation, accents, spacing or a
//!   leading article → Good: the fact was remembered, only typed differently;
//! - one small typo forgiven → Hard: remembered, but not quite exactly, so
//!   FSRS counts a recall (the interval still grows) with a smaller step;
//! - anything else → Again.

use icu_normalizer::DecomposingNormalizerBorrowed;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Rating;

/// Words that may lead an answer without changing it.
const ARTICLES: [&str; 3] = ["the", "a", "an"];
/// A typo is forgiven only in words at least this long: in shorter words one
/// letter is often the whole difference ("Louis XIV" and "Louis XV").
const TYPO_MIN_LETTERS: usize = 5;
/// Past this many word pairs the diff is not worth computing finely.
const MAX_DIFF_CELLS: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// In both the answer and what was typed.
    Same,
    /// In the answer, not typed.
    Missing,
    /// Typed, not in the answer.
    Extra,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// What was typed against the answer, word by word, to be read as two lines
/// ("you wrote …" / "the answer is …") with the words that differ marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnswerDiff {
    /// What was typed, in its own spelling: `Same` and `Extra` runs of words.
    pub given: Vec<DiffPart>,
    /// The answer: `Same` and `Missing` runs of words.
    pub expected: Vec<DiffPart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TypedCheck {
    /// Accepted, exactly or leniently.
    pub correct: bool,
    /// Typed exactly as the answer, spacing aside (surrounding spaces, runs of spaces).
    pub exact: bool,
    pub suggested: Rating,
    /// Word by word, comparing case-, accent- and punctuation-blind.
    pub diff: AnswerDiff,
}

/// Compares what was typed with the expected answer.
pub fn check_typed(expected: &str, given: &str) -> TypedCheck {
    let exact = collapse_spaces(expected) == collapse_spaces(given);
    let verdict = if exact {
        Some(Rating::Good)
    } else {
        lenient_verdict(expected, given)
    };
    TypedCheck {
        correct: verdict.is_some(),
        exact,
        suggested: verdict.unwrap_or(Rating::Again),
        diff: diff(expected.trim(), given.trim()),
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lenient_verdict(expected: &str, given: &str) -> Option<Rating> {
    let want = words(expected);
    let got = words(given);
    if want.is_empty() || got.is_empty() {
        return None;
    }
    if want == got {
        return Some(Rating::Good);
    }
    // "Zhou Enlai" typed "ZhouEnlai": spacing is not memory. Not with digits,
    // where a space can change the number.
    let has_digits = |w: &[String]| w.iter().any(|w| w.chars().any(|c| c.is_numeric()));
    if !has_digits(&want) && !has_digits(&got) && want.concat() == got.concat() {
        return Some(Rating::Good);
    }
    // One typo: the same number of words, all equal but one, and that one a
    // long word without digits, one edit away.
    if want.len() == got.len() {
        let differing: Vec<(&String, &String)> =
            want.iter().zip(&got).filter(|(w, g)| w != g).collect();
        if let [(w, g)] = differing[..] {
            let forgivable = w.chars().count() >= TYPO_MIN_LETTERS
                && !w.chars().any(|c| c.is_numeric())
                && !g.chars().any(|c| c.is_numeric());
            if forgivable && edit_distance(w, g) == 1 {
                return Some(Rating::Hard);
            }
        }
    }
    None
}

/// The words of an answer, folded (lower case, no accents), without
/// punctuation or a leading article.
fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |c: char| {
            c == ','
                && i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        };
        if c.is_alphanumeric() {
            word.push(c);
        } else if is_apostrophe(c) || between_digits(c) {
            // "O'Neill" = "ONeill", "1,000" = "1000": part of the word.
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    if out.len() > 1 && ARTICLES.contains(&out[0].as_str()) {
        out.remove(0);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '`')
}

/// Lower case without accents: decomposes (NFD), drops the combining marks,
/// and spells out the Latin letters that carry their mark inside ("ł", "ø").
fn fold(text: &str) -> String {
    let nfd = DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    let mut out = String::with_capacity(nfd.len());
    for c in nfd.chars() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ı' => out.push('i'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'þ' | 'Þ' => out.push_str("th"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Edits (insert, delete, replace, or swap two neighbours) from `a` to `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the optimal-string-alignment table.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// A longest-common-subsequence diff of the words, compared folded and
/// without punctuation ("Khrushchev," is "khrushchev"). Whole words are marked,
/// not letters: "Stalin" against "Nikita Khrushchev" reads as two names, not
/// as a jumble of their letters.
fn diff(expected: &str, given: &str) -> AnswerDiff {
    let e: Vec<&str> = expected.split_whitespace().collect();
    let g: Vec<&str> = given.split_whitespace().collect();
    let key = |w: &str| {
        let folded: String = fold(w).chars().filter(|c| c.is_alphanumeric()).collect();
        if folded.is_empty() {
            w.to_owned()
        } else {
            folded
        }
    };
    let ek: Vec<String> = e.iter().map(|w| key(w)).collect();
    let gk: Vec<String> = g.iter().map(|w| key(w)).collect();
    let mut out = AnswerDiff::default();
    let push = |parts: &mut Vec<DiffPart>, kind: DiffKind, word: &str| match parts.last_mut() {
        Some(last) if last.kind == kind => {
            last.text.push(' ');
            last.text.push_str(word);
        }
        _ => parts.push(DiffPart {
            kind,
            text: word.to_owned(),
        }),
    };
    if (e.len() + 1) * (g.len() + 1) > MAX_DIFF_CELLS {
        g.iter()
            .for_each(|w| push(&mut out.given, DiffKind::Extra, w));
        e.iter()
            .for_each(|w| push(&mut out.expected, DiffKind::Missing, w));
        return out;
    }
    // lcs[i][j]: the longest common subsequence of e[i..] and g[j..].
    let width = g.len() + 1;
    let mut lcs = vec![0u32; (e.len() + 1) * width];
    for i in (0..e.len()).rev() {
        for j in (0..g.len()).rev() {
            lcs[i * width + j] = if ek[i] == gk[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < e.len() || j < g.len() {
        if i < e.len() && j < g.len() && ek[i] == gk[j] {
            push(&mut out.expected, DiffKind::Same, e[i]);
            push(&mut out.given, DiffKind::Same, g[j]);
            i += 1;
            j += 1;
        } else if j < g.len()
            && (i == e.len() || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])
        {
            push(&mut out.given, DiffKind::Extra, g[j]);
            j += 1;
        } else {
            push(&mut out.expected, DiffKind::Missing, e[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(expected: &str, given: &str) -> (bool, Rating) {
        let c = check_typed(expected, given);
        (c.correct, c.suggested)
    }

    const GOOD: (bool, Rating) = (true, Rating::Good);
    const HARD: (bool, Rating) = (true, Rating::Hard);
    const WRONG: (bool, Rating) = (false, Rating::Again);

    #[test]
    fn exact() {
        let c = check_typed("Zhou Enlai", "  Zhou Enlai ");
        assert!(c.exact && c.correct);
        assert_eq!(c.suggested, Rating::Good);
        let same = vec![DiffPart {
            kind: DiffKind::Same,
            text: "Zhou Enlai".into(),
        }];
        assert_eq!(
            c.diff,
            AnswerDiff {
                given: same.clone(),
                expected: same
            }
        );
    }

    #[test]
    fn case_is_forgiven() {
        assert_eq!(verdict("Zhou Enlai", "zhou enlai"), GOOD);
        assert!(!check_typed("Zhou Enlai", "zhou enlai").exact);
        // case and a typo together: the typo decides
        assert_eq!(verdict("Zhou Enlai", "zhou enlia"), HARD);
    }

    #[test]
    fn punctuation_and_spacing_are_forgiven() {
        assert_eq!(verdict("Brest-Litovsk", "Brest Litovsk"), GOOD);
        assert_eq!(
            verdict("Treaty of Versailles.", "treaty of versailles"),
            GOOD
        );
        assert_eq!(verdict("O'Neill", "ONeill"), GOOD);
        assert_eq!(verdict("Zhou Enlai", "ZhouEnlai"), GOOD);
        assert_eq!(verdict("1,000", "1000"), GOOD);
        // but punctuation is not a word
        assert_eq!(verdict("Stalin", "?!"), WRONG);
    }

    #[test]
    fn diacritics_are_forgiven() {
        assert_eq!(verdict("Zhōu Ēnlái", "Zhou Enlai"), GOOD);
        assert_eq!(verdict("Zhou Enlai", "Zhōu Ēnlái"), GOOD);
        assert_eq!(verdict("Łódź", "Lodz"), GOOD);
        assert_eq!(verdict("Gdańsk", "gdansk"), GOOD);
        assert_eq!(verdict("Ærø", "aero"), GOOD);
        // folding does not make different letters equal
        assert_eq!(verdict("Łódź", "Lida"), WRONG);
    }

    #[test]
    fn a_leading_article_is_forgiven() {
        assert_eq!(
            verdict("the Cultural Revolution", "Cultural Revolution"),
            GOOD
        );
        assert_eq!(
            verdict("Cultural Revolution", "The Cultural Revolution"),
            GOOD
        );
        assert_eq!(verdict("an armistice", "armistice"), GOOD);
        // only leading, and not when it is the whole answer
        assert_eq!(
            verdict("Cultural Revolution", "Cultural the Revolution"),
            WRONG
        );
        assert_eq!(verdict("A", "the"), WRONG);
    }

    #[test]
    fn one_typo_in_a_long_word_is_forgiven_as_hard() {
        assert_eq!(verdict("Stalin", "Stailn"), HARD); // swapped neighbours
        assert_eq!(verdict("Versailles", "Versailes"), HARD); // a letter missing
        assert_eq!(verdict("Bismarck", "Bismark"), HARD);
        assert_eq!(verdict("Treaty of Versailles", "Treaty of Versaille"), HARD);
        // not two typos, not in two words, not in short words
        assert_eq!(verdict("Versailles", "Versales"), WRONG);
        assert_eq!(
            verdict("Treaty of Versailles", "Traety of Versaille"),
            WRONG
        );
        assert_eq!(verdict("Louis XIV", "Louis XV"), WRONG);
        assert_eq!(verdict("Mao", "Mau"), WRONG);
        // and not a missing word
        assert_eq!(verdict("Treaty of Versailles", "Treaty Versailles"), WRONG);
    }

    #[test]
    fn numbers_and_years_are_exact() {
        assert_eq!(verdict("1960", "1960"), GOOD);
        assert_eq!(verdict("1960", "1961"), WRONG);
        assert_eq!(verdict("in 1960", "in 1690"), WRONG);
        assert_eq!(verdict("12345", "1234"), WRONG);
        assert_eq!(verdict("the 1911 Revolution", "1911 revolution"), GOOD);
        assert_eq!(verdict("1911 Revolution", "1912 Revolution"), WRONG);
        assert_eq!(verdict("19 60", "1960"), WRONG);
    }

    #[test]
    fn empty_is_wrong() {
        assert_eq!(verdict("Stalin", ""), WRONG);
        assert_eq!(verdict("Stalin", "   "), WRONG);
    }

    fn parts(parts: &[DiffPart]) -> Vec<(DiffKind, &str)> {
        parts.iter().map(|p| (p.kind, p.text.as_str())).collect()
    }

    #[test]
    fn diff_marks_whole_words_on_two_lines() {
        // The case of the issue: not "SNikitalin Khrushchev".
        let c = check_typed("Nikita Khrushchev", "Stalin");
        assert_eq!(parts(&c.diff.given), vec![(DiffKind::Extra, "Stalin")]);
        assert_eq!(
            parts(&c.diff.expected),
            vec![(DiffKind::Missing, "Nikita Khrushchev")]
        );
        // One word wrong among right ones: only it is marked, each line in its own spelling.
        let c = check_typed("the Treaty of Versailles", "treaty of Versales");
        assert_eq!(
            parts(&c.diff.given),
            vec![(DiffKind::Same, "treaty of"), (DiffKind::Extra, "Versales")]
        );
        assert_eq!(
            parts(&c.diff.expected),
            vec![
                (DiffKind::Missing, "the"),
                (DiffKind::Same, "Treaty of"),
                (DiffKind::Missing, "Versailles"),
            ]
        );
        // Accents and punctuation are not differences.
        let c = check_typed("Zhōu Ēnlái,", "zhou enlai extra");
        assert_eq!(
            parts(&c.diff.given),
            vec![(DiffKind::Same, "zhou enlai"), (DiffKind::Extra, "extra")]
        );
        assert_eq!(
            parts(&c.diff.expected),
            vec![(DiffKind::Same, "Zhōu Ēnlái,")]
        );
        // Nothing typed: the whole answer is missing.
        let c = check_typed("Stalin", "  ");
        assert!(c.diff.given.is_empty());
        assert_eq!(parts(&c.diff.expected), vec![(DiffKind::Missing, "Stalin")]);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("stalin", "stailn"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
