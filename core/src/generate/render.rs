//! Prompt text: pieces of a sentence and new words joined with the right spacing,
//! and the small cuts that keep a prompt short.

use super::lexicon::lexicon;
use super::text::Sentence;
use super::tokens::TokKind;

/// A piece of a prompt: a token of the sentence (keeps its spelling) or new text.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    Tok(usize),
    Text(String),
}

pub(super) fn render(s: &Sentence, pieces: &[Piece]) -> String {
    let asides = linking_asides(s, pieces);
    let mut out = String::new();
    let mut prev_tok: Option<usize> = None;
    // The end of an anchored relative time being shown as its year: its other tokens
    // are left out.
    let mut anchored_until: Option<usize> = None;
    for (k, p) in pieces.iter().enumerate() {
        if asides.contains(&k) {
            continue;
        }
        if let (Piece::Tok(i), Some(end)) = (p, anchored_until) {
            if *i < end {
                continue;
            }
        }
        anchored_until = None;
        let anchor = match p {
            Piece::Tok(i) => s.anchors.iter().find(|a| a.start == *i),
            Piece::Text(_) => None,
        };
        // The tokens a piece stands for, first and last: an anchor is glued to
        // what it was glued to in the text ("12–13 April" shown "12–13 April
        // 1948", not "12– 13 April 1948").
        let mut last_tok = None;
        let (text, tok) = match (p, anchor) {
            (Piece::Tok(i), Some(a)) => {
                anchored_until = Some(a.end);
                last_tok = a.end.checked_sub(1);
                // "In that year the emperor died" keeps its capital.
                let text = if out.is_empty() && s.tokens[*i].is_capitalised() {
                    capitalise_first(&a.text)
                } else {
                    a.text.clone()
                };
                (text, Some(*i))
            }
            // "Vom Rath died …" asked "On what date did vom Rath die?": a name's
            // particle is capitalised only as the sentence's first word.
            (Piece::Tok(0), None) if !out.is_empty() && particle_opens_name(s) => {
                (lower_first(&s.tokens[0].text), Some(0))
            }
            (Piece::Tok(i), None) => (s.tokens[*i].text.clone(), Some(*i)),
            (Piece::Text(t), _) => (t.clone(), None),
        };
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let glued = match (prev_tok, tok) {
                (Some(a), Some(b)) if b == a + 1 => s.tokens[a].end == s.tokens[b].start,
                _ => false,
            };
            let no_space_before =
                matches!(text.as_str(), "," | "." | ";" | ":" | ")" | "%" | "?" | "!")
                    || text.starts_with("'s")
                    || text.starts_with("’s");
            let no_space_after = out.ends_with('(')
                || out.ends_with('$')
                || out.ends_with('£')
                || out.ends_with('€')
                || out.ends_with('"') && out.matches('"').count() % 2 == 1;
            if !(glued || no_space_before || no_space_after) {
                out.push(' ');
            }
        }
        out.push_str(&text);
        prev_tok = last_tok.or(tok);
    }
    tidy(&out)
}

/// The pieces of a linking word set off in commas ("The decisive campaign,
/// though, was led by …") or of a bare "in particular", which tie the sentence to
/// the one before and mean nothing on a card (judges kept 4 of 37 labelled cards
/// with ", though," or ", however,"; round 44's "_____ in particular believed").
fn linking_asides(s: &Sentence, pieces: &[Piece]) -> Vec<usize> {
    let tok = |k: usize| match pieces.get(k) {
        Some(Piece::Tok(i)) => Some(*i),
        _ => None,
    };
    let word = |k: usize| tok(k).map(|i| s.tokens[i].lower.as_str());
    let next_to = |k: usize| matches!((tok(k), tok(k + 1)), (Some(a), Some(b)) if b == a + 1);
    let mut out = Vec::new();
    for k in 0..pieces.len() {
        let linking =
            || word(k + 1).is_some_and(|w| super::lexicon::DISCOURSE_ADVERBS.contains(&w));
        if word(k) == Some(",")
            && word(k + 2) == Some(",")
            && linking()
            && next_to(k)
            && next_to(k + 1)
        {
            out.extend([k, k + 1, k + 2]);
        }
        if word(k) == Some("in") && word(k + 1) == Some("particular") && next_to(k) {
            out.extend([k, k + 1]);
            // Its commas go with it: "…, in particular, …".
            if word(k + 2) == Some(",") && k > 0 && word(k - 1) == Some(",") {
                out.extend([k - 1, k + 2]);
            }
        }
    }
    out
}

/// Whether the sentence opens with a person's particle before the name: "Vom
/// Rath", "Van Gogh", "De Gaulle". (Not "La Rochelle", "El Salvador", "Des
/// Moines", "Da Nang": places keep theirs, and "du", "di", "da" open places as
/// often as people.)
fn particle_opens_name(s: &Sentence) -> bool {
    s.tokens.first().is_some_and(|t| {
        t.is_capitalised()
            && super::lexicon::SURNAME_PARTICLES.contains(&t.lower.as_str())
            && !matches!(t.lower.as_str(), "du" | "di" | "da")
    }) && s.tokens.get(1).is_some_and(|t| t.is_capitalised())
}

pub(super) fn tidy(s: &str) -> String {
    // Most renderings have none of the pairs below: no copies to make.
    let needs_tidying = s
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w, b" ," | b",," | b".?" | b",?" | b"  " | b" ?" | b" ."));
    if !needs_tidying {
        return s.trim().to_string();
    }
    let mut t = s
        .replace(".?", "?")
        .replace(" .?", "?")
        .replace(" ,", ",")
        .replace(",,", ",")
        .replace(", ?", "?")
        .replace(",?", "?")
        .replace("  ", " ");
    while t.contains(",,") {
        t = t.replace(",,", ",");
    }
    t.trim().to_string()
}

pub(super) fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The words after "Which" that name a kind of person: a title is a common noun
/// there ("Which king …", "Which Soviet premier …"), though it was capitalised
/// before the name ("King Béla IV"); judges called "Which King …" ungrammatical.
pub(super) fn kind_words(s: &Sentence, words: impl IntoIterator<Item = usize>) -> Vec<Piece> {
    let lex = lexicon();
    words
        .into_iter()
        .map(|k| {
            let t = &s.tokens[k];
            if t.is_capitalised() && lex.is_title(&t.lower) && !t.lower.ends_with('.') {
                Piece::Text(t.lower.clone())
            } else {
                Piece::Tok(k)
            }
        })
        .collect()
}

pub(super) fn possessive(s: &str) -> String {
    if s.ends_with('s') {
        format!("{s}'")
    } else {
        format!("{s}'s")
    }
}

pub(super) fn ends_with_q(p: Vec<Piece>) -> Vec<Piece> {
    let mut p = p;
    p.push(Piece::Text("?".into()));
    p
}

/// Drops prepositions, articles and conjunctions left dangling at the end of a
/// question by a cut ("… found under Roger II after?").
///
/// A preposition that ends the sentence itself was no cut: "the nobles his family
/// depended on." keeps its "on".
pub(super) fn drop_dangling(s: &Sentence, mut p: Vec<Piece>) -> Vec<Piece> {
    while let Some(Piece::Tok(k)) = p.last() {
        let t = &s.tokens[*k];
        let ends_the_sentence = matches!(
            t.lower.as_str(),
            "on" | "upon" | "of" | "to" | "for" | "with" | "about" | "from" | "in" | "at" | "into"
        ) && *k > 0
            && !lexicon().is_function(&s.tokens[*k - 1].lower)
            && *k + 2 == s.tokens.len()
            && s.tokens[*k + 1].kind == TokKind::Punct
            && matches!(s.tokens[*k + 1].text.as_str(), "." | "!");
        // "declared the Emergency over on 31 July 1960": an "over" whose phrase
        // ends there is the verb's ("declare over", "hand over"); without it the
        // question asks the opposite (round 50, wrong twice).
        let verbs_particle = t.lower == "over"
            && s.tokens.get(*k + 1).is_some_and(|n| {
                n.kind == TokKind::Punct
                    || matches!(
                        n.lower.as_str(),
                        "on" | "in" | "at" | "by" | "after" | "before" | "during" | "until" | "and"
                    )
            });
        if ends_the_sentence || verbs_particle {
            break;
        }
        if (t.is_word()
            && !t.is_capitalised()
            && lexicon().is_function(&t.lower)
            && !matches!(
                t.lower.as_str(),
                "it" | "them"
                    | "him"
                    | "her"
                    | "us"
                    | "there"
                    | "here"
                    | "then"
                    | "now"
                    | "ago"
                    | "much"
                    | "many"
                    | "more"
                    | "most"
                    | "others"
                    | "once"
                    | "too"
                    | "also"
                    | "together"
                    | "instead"
            ))
            || (t.kind == TokKind::Punct
                && matches!(
                    t.text.as_str(),
                    "," | ";" | ":" | "-" | "–" | "(" | "." | "\"" | "“"
                ))
        {
            p.pop();
        } else {
            break;
        }
    }
    p
}

/// Where the words after an answer can stop: at the next comma, bracket or semicolon.
pub(super) fn trim_after(s: &Sentence, from: usize, to: usize) -> usize {
    let mut k = from;
    while k < to {
        let t = &s.tokens[k];
        if t.kind == TokKind::Punct && matches!(t.text.as_str(), "," | "(" | ";" | "[") {
            // A list goes on to its end: "Austria, _____, Prussia and Britain", not
            // "Austria, _____."
            match (t.text == ",").then(|| list_end(s, k, to)).flatten() {
                Some(end) => k = end,
                None => return k,
            }
        } else {
            k += 1;
        }
    }
    to
}

/// Where the list that the comma at `comma` continues ends: after "…, B, C and D".
/// None when what follows the comma is not list items of one to four names or numbers.
fn list_end(s: &Sentence, comma: usize, to: usize) -> Option<usize> {
    let lex = super::lexicon::lexicon();
    let item = |a: usize| -> Option<usize> {
        let mut k = a;
        while k < to {
            let t = &s.tokens[k];
            let named = t.is_capitalised() || t.kind == TokKind::Number;
            let joins = k > a && matches!(t.lower.as_str(), "of" | "the" | "de" | "von");
            if !(named || joins || (k == a && t.lower == "the")) || k >= a + 4 {
                break;
            }
            k += 1;
        }
        (k > a && (s.tokens[k - 1].is_capitalised() || s.tokens[k - 1].kind == TokKind::Number))
            .then_some(k)
    };
    let mut k = comma + 1;
    loop {
        let end = item(k)?;
        match s.tokens.get(end) {
            Some(t) if t.is_punct(",") && end < to => {
                // ", and D" (a serial comma) ends it too.
                let next = s.tokens.get(end + 1)?;
                if matches!(next.lower.as_str(), "and" | "or") {
                    return item(end + 2);
                }
                k = end + 1;
            }
            Some(t) if matches!(t.lower.as_str(), "and" | "or") && !lex.is_verb_lemma(&t.lower) => {
                return item(end + 1);
            }
            _ => return None,
        }
    }
}

/// One fact a card: a relative or time clause at the end of a question ("an
/// expedition that explored Florida", "… when the members met") is cut, when at least
/// two words come before it.
pub(super) fn trim_relative(s: &Sentence, from: usize, to: usize) -> usize {
    (from..to)
        .find(|&k| {
            let w = s.tokens[k].lower.as_str();
            let time_clause = matches!(w, "when" | "while" | "whereas") && k > 0;
            let relative = super::lexicon::RELATIVE_PRONOUNS.contains(&w)
                && k >= from + 2
                && s.tokens[k - 1].is_word()
                && !matches!(
                    s.tokens[k - 1].lower.as_str(),
                    "so" | "such" | "than" | "and" | "now"
                );
            time_clause || relative
        })
        .unwrap_or(to)
}

/// Inside square brackets: "[citation needed]", "[12]".
pub(super) fn in_brackets(s: &Sentence, k: usize) -> bool {
    s.bracketed.get(k).copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn tidy_mends_joins_and_leaves_clean_text_alone() {
        assert_eq!(
            tidy(" In what year did Mao die.?"),
            "In what year did Mao die?"
        );
        assert_eq!(
            tidy("Mao , in turn,, spoke  up."),
            "Mao, in turn, spoke up."
        );
        assert_eq!(tidy("When did it end, ?"), "When did it end?");
        assert_eq!(
            tidy("  The war ended in _____. "),
            "The war ended in _____."
        );
    }
}

#[cfg(test)]
mod aside_tests {
    use super::{render, Piece};
    use crate::generate::text::Document;

    /// The whole first sentence of `text`, rendered.
    fn rendered(text: &str) -> String {
        let doc = Document::analyse(text);
        let s = &doc.sentences[0];
        let pieces: Vec<Piece> = (0..s.tokens.len()).map(Piece::Tok).collect();
        render(s, &pieces)
    }

    #[test]
    fn a_linking_word_in_commas_is_left_out() {
        assert_eq!(
            rendered("The decisive campaign, though, was led by General Winfield Scott."),
            "The decisive campaign was led by General Winfield Scott."
        );
        assert_eq!(
            rendered("Chamberlain in particular believed that the demands were limited."),
            "Chamberlain believed that the demands were limited."
        );
        assert_eq!(
            rendered("The generals, in particular, disliked the plan."),
            "The generals disliked the plan."
        );
        // A clause opened by "though" keeps it.
        assert_eq!(
            rendered("The wall held, though the garrison was small."),
            "The wall held, though the garrison was small."
        );
    }
}
