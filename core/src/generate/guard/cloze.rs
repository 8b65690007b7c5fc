//! Rules for clozes: a blank cut inside an appositive or a list, glued to a
//! capitalised word, or cut from the verb its subject needs.

use crate::generate::grammar;
use crate::generate::lexicon::{is_aux, is_aux_or_past, is_verb_group_word, lexicon};
use crate::generate::questions::Candidate;
use crate::generate::text::Document;
use crate::generate::tokens::{bare_words, PromptWords};

use super::*;

/// The longest cloze worth suggesting, in words.
pub(super) const MAX_CLOZE_WORDS: usize = 45;

/// Whether a cloze prompt is cut or garbled around its blank.
pub(super) fn bad_cloze(doc: &Document, c: &Candidate, view: &PromptWords) -> bool {
    let p = view.text;
    let w = &view.words;
    let lex = lexicon();
    if dangling_object(view)
        || blank_in_list(view)
        || only_subordinate(view)
        || grammar::colon_list_cut(p, &doc.sentences[c.sentence].raw)
        || grammar::blank_in_verbless_tail(view)
        || blank_after_an_ordinal(view)
        || the_other_of_two(view)
        || no_main_verb(view)
    {
        return true;
    }
    let after_blank = p
        .split_once("_____")
        .and_then(|(_, after)| after.split_whitespace().next());
    // "losing thousands of men attacking _____ trenches" → "Paraguayan": a
    // demonym before its noun is a word, not a fact.
    let demonym_before_noun = lex.is_demonym(c.answer.trim())
        && after_blank.is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
    // "a planned shutdown of _____ No. 4" → "Reactor": the word before a number
    // is part of the designation, not a fact.
    // "about 800 _____ 109 single-engine fighters" → "Messerschmitt Bf", "around
    // _____ 1915" → "Christmas": a name or a feast before a number is cut from it.
    let before_a_number = after_blank
        .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
        && c.answer.starts_with(char::is_uppercase)
        && !c.answer.chars().any(|ch| ch.is_ascii_digit())
        // ("December" before "1941" is the date splitter's to judge.)
        && !crate::generate::shape::is_month(c.answer.trim());
    let designation =
        before_a_number || after_blank.is_some_and(|n| matches!(n, "No." | "No" | "no." | "Nos."));
    if demonym_before_noun || designation {
        return true;
    }
    let Some(at) = p.find("_____") else {
        return true;
    };
    // "Genghis Khan, who had united the tribes in _____ and was then at war …": a
    // name and its relative clause, no main verb after it.
    if let Some((head, rel)) = p.split_once(", ") {
        let head_has_verb = view
            .words_in(0, head.len())
            .iter()
            .any(|x| is_aux(x) || lex.past_lemma(x).is_some() || lex.present_lemma(x).is_some());
        if (rel.starts_with("who ") || rel.starts_with("which "))
            && !rel.contains(',')
            && !head_has_verb
        {
            return true;
        }
    }
    // "From _____ later spread to Burma": the subject was swallowed by the answer.
    let opens_with_prep = w
        .first()
        .is_some_and(|x| matches!(x.as_str(), "from" | "in" | "to" | "at" | "by" | "with"))
        && w.get(1).is_some_and(|x| x == "_____");
    if opens_with_prep {
        if let Some(next) = w.get(2) {
            if matches!(next.as_str(), "later" | "then" | "also" | "soon")
                || lex.past_lemma(next).is_some_and(|l| l != next)
            {
                return true;
            }
        }
    }
    let before = &p[..at];
    // One item of a list of examples: trivial, and the list is usually cut.
    if before.contains("such as") {
        return true;
    }
    // A run-on prompt asks several things and reads badly on a card.
    if w.len() > MAX_CLOZE_WORDS {
        return true;
    }
    // A capitalised word glued to the blank ("the Nine _____ against France"): the
    // answer is part of a name, not the name. A title ("General _____") is fine.
    if let Some(prev) = before.split_whitespace().last() {
        let bare = prev.trim_matches(|c: char| !c.is_alphanumeric());
        let first_word = before.trim().len() == prev.len();
        if !first_word
            && bare.chars().next().is_some_and(char::is_uppercase)
            && !prev.ends_with([',', ';', ':'])
            && !lex.is_title(&bare.to_lowercase())
        {
            return true;
        }
        // "Vom _____ died of his wounds", "Vasco da _____": a name's particle
        // glued to the blank, first word or not.
        if prev == bare
            && crate::generate::lexicon::SURNAME_PARTICLES.contains(&bare.to_lowercase().as_str())
        {
            return true;
        }
    }
    // Cut after the blank where the sentence goes on: the blank's phrase must hold a
    // verb of its own, or it is the start of an appositive or a list ("…, the
    // future _____.", "…; according to the historian _____.").
    // "The state of Mutapa, traditionally founded by _____, became the main.": the
    // prompt stops inside a phrase the sentence goes on with.
    let s = &doc.sentences[c.sentence];
    if let Some(last) = p
        .trim_end_matches(['.', '?', '!'])
        .split_whitespace()
        .last()
        .filter(|l| !l.contains("_____"))
    {
        let from = c.answer_span.1.min(s.tokens.len());
        if let Some(k) = s.tokens[from..].iter().position(|t| t.text == last) {
            // A cut before a preposition or a conjunction ("… Strasbourg until the
            // railways arrived") ends a phrase; one before a noun does not.
            if s.tokens
                .get(from + k + 1)
                .is_some_and(|t| t.is_word() && !lex.is_function(&t.lower))
            {
                return true;
            }
        }
    }
    if cut_before_subjects_verb(view, s, c) {
        return true;
    }
    let after = p[at + 5..].trim_start_matches(['\'', '’', 's']);
    let ends_at_blank = after.trim().trim_end_matches(['.', '?', '!']).is_empty();
    if ends_at_blank {
        let goes_on = s.tokens[c.answer_span.1..]
            .iter()
            .any(|t| t.is_word() || t.kind == crate::generate::tokens::TokKind::Number);
        // "… and Fon tradition names _____." where the sentence goes on "(who
        // reigned …) as the king who built the first palace": the verb's second
        // part was behind the brackets.
        let rest = &s.tokens[c.answer_span.1..];
        let after_brackets = rest
            .first()
            .is_some_and(|t| t.is_punct("("))
            .then(|| rest.iter().position(|t| t.is_punct(")")))
            .flatten()
            .and_then(|close| rest.get(close + 1));
        if after_brackets.is_some_and(|t| t.is_word() && !t.is_capitalised()) {
            return true;
        }
        // "… pitted Athens, a sea power … grown out of the _____." and the
        // sentence goes on ", against Sparta": the blank ends an apposition the
        // prompt opened, and the clause it belongs to lost its end.
        let comma_next = s
            .tokens
            .get(c.answer_span.1)
            .is_some_and(|t| t.is_punct(","));
        let tail_start = before
            .rfind(", ")
            .map(|k| before[k + 2..].trim_start().to_lowercase());
        if goes_on
            && comma_next
            && tail_start.is_some_and(|t| t.starts_with("a ") || t.starts_with("an "))
        {
            return true;
        }
        if goes_on {
            if let Some(cut) = before.rfind([',', ';', ':']) {
                let tail = bare_words(&before[cut + 1..]);
                let finite = tail.iter().any(|x| {
                    is_aux(x) || lex.past_lemma(x).is_some() || lex.present_lemma(x).is_some()
                });
                // "… ennobled the Hauteville leader, _____." names the whole
                // apposition: not a cut.
                // Only a short tail is a cut ("roughly _____", "the future _____",
                // "according to the historian _____"); "probably through the
                // port's trade with _____" is a phrase of its own.
                let short = tail.len() <= 3 || tail.first().is_some_and(|x| x == "according");
                if !finite && !tail.is_empty() && short {
                    return true;
                }
                // "… so that the wind, which Livy calls the _____." where the sentence
                // goes on ", blew dust …": the blank closes a relative clause inside
                // a subject whose verb was cut off.
                let relative = tail
                    .first()
                    .is_some_and(|x| matches!(x.as_str(), "which" | "who" | "whom" | "whose"));
                if relative && comma_then_verb(s, c.answer_span.1) {
                    return true;
                }
            }
        }
    }
    false
}

/// The raw word before the blank's, if any.
fn raw_before_blank<'v>(view: &'v PromptWords, back: usize) -> Option<&'v str> {
    let at = view.raw.iter().position(|r| r.contains("_____"))?;
    at.checked_sub(back).map(|k| view.raw[k])
}

/// "… part of the 11th _____." → "Infantry Brigade of the Americal Division",
/// "the 4th _____ broke through" → "Armored Division": the ordinal is the first
/// word of the unit's name, cut from it (judges kept none of 26 labelled clozes).
/// "On the 26th _____ sent a long letter" is a day of the month, not a unit.
fn blank_after_an_ordinal(view: &PromptWords) -> bool {
    let ordinal = raw_before_blank(view, 1).is_some_and(|r| {
        let digits = r.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(&r[digits.len()..], "st" | "nd" | "rd" | "th")
    });
    let day = raw_before_blank(view, 2).is_some_and(|r| r.eq_ignore_ascii_case("the"))
        && raw_before_blank(view, 3).is_some_and(|r| {
            matches!(
                r.to_lowercase().as_str(),
                "on" | "by" | "until" | "till" | "from" | "after" | "before"
            )
        });
    ordinal && !day
}

/// "return in two or _____ days" → "three", "near Sivas or _____", "known as
/// George Gist or _____": the other of two alternatives, given away or not worth
/// learning (judges kept none of 16 labelled). The last item of a list,
/// "Tlaxcala, Huexotzinco or _____", stays (4 of 14 kept).
fn the_other_of_two(view: &PromptWords) -> bool {
    // "…, or _____": a list's last item, or another name for the same thing
    // ("the Executive Committee …, or _____" → "ExComm").
    if raw_before_blank(view, 1) != Some("or")
        || raw_before_blank(view, 2).is_some_and(|r| r.ends_with(','))
    {
        return false;
    }
    // Back over the capitalised words of one name ("George Gist") to what stood
    // before the first alternative.
    let mut back = 2;
    while raw_before_blank(view, back + 1)
        .is_some_and(|r| r.starts_with(char::is_uppercase) && !r.ends_with([',', ';', ':']))
        && raw_before_blank(view, back).is_some_and(|r| r.starts_with(char::is_uppercase))
    {
        back += 1;
    }
    let Some(first) = raw_before_blank(view, back) else {
        return false;
    };
    let listed =
        first.ends_with(',') || raw_before_blank(view, back + 1).is_some_and(|r| r.ends_with(','));
    !listed
}

/// "Campaigns in Fars, Kerman and Mazandaran, plus the conquest of Baghdad in
/// _____.", "The "_____" of 1531–33, when the crown took church bells …": a list
/// item or a noun with at most a clause of its own, no sentence (judges called
/// such cards fragments in rounds 55 and 57). Any word that may be a verb counts,
/// a participle too, so a sentence with a verb the lexicon half knows stays.
pub(super) fn no_main_verb(view: &PromptWords) -> bool {
    let lex = lexicon();
    // Inside a clause opened by "who", "when" …: until a comma, or until the
    // clause's own verb group is over ("Colonists who threw 342 chests into the
    // harbour were not protesting …": "were" is the main verb).
    let mut subordinate = false;
    let mut clause_verb_seen = false;
    let mut last_was_verb = false;
    let mut last_word = String::new();
    for (i, raw) in view.raw.iter().enumerate() {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // A sentence's first word is its subject, not its verb ("Campaigns in …"),
        // and a verb after "to" is an infinitive.
        let present = i > 0 && lex.present_lemma(&w).is_some();
        let verb = is_verb_group_word(&w)
            || present
            || lex.is_verb_lemma(&w) && !lex.is_function(&w) && last_word != "to";
        if matches!(
            w.as_str(),
            "who" | "which" | "when" | "where" | "whom" | "whose" | "while" | "because"
        ) {
            subordinate = true;
            clause_verb_seen = false;
        } else if verb && !subordinate {
            return false;
        } else if verb && clause_verb_seen && !last_was_verb && is_aux_or_past(&w) {
            // (A present after the clause's verb is as often a plural noun:
            // "… took church bells".)
            return false;
        } else if verb {
            clause_verb_seen = true;
        }
        // An adverb inside a verb group does not end it ("was closely involved").
        let adverb = w.ends_with("ly")
            || matches!(
                w.as_str(),
                "not" | "then" | "also" | "never" | "already" | "still" | "soon" | "once"
            );
        if !adverb {
            last_was_verb = verb;
        }
        if raw.ends_with([',', ';', ':']) {
            subordinate = false;
        }
        last_word = w;
    }
    true
}

/// Whether the sentence has a comma at token `at` and a finite verb after it
/// (", pressed Garibaldi to go", ", blew dust …"): the verb of a subject the
/// prompt stopped inside.
pub(super) fn comma_then_verb(s: &crate::generate::text::Sentence, at: usize) -> bool {
    s.tokens.get(at).is_some_and(|t| t.is_punct(","))
        && s.tokens
            .get(at + 1)
            .is_some_and(|t| t.is_word() && is_aux_or_past(&t.lower))
}

/// "Sicilian exiles, above all _____ and Rosolino Pilo." where the sentence goes
/// on ", pressed Garibaldi to go": the prompt is a subject cut from its verb.
pub(super) fn cut_before_subjects_verb(
    view: &PromptWords,
    s: &crate::generate::text::Sentence,
    c: &Candidate,
) -> bool {
    let from = c.answer_span.1.min(s.tokens.len());
    // The sentence token after the prompt's last word.
    let last = view
        .text
        .trim_end_matches(['.', '?', '!'])
        .split_whitespace()
        .last();
    let next = match last {
        Some(l) if !l.contains("_____") => {
            match s.tokens[from..].iter().position(|t| t.text == l) {
                Some(k) => from + k + 1,
                None => return false,
            }
        }
        _ => from,
    };
    let verb_follows = comma_then_verb(s, next);
    // The prompt's only verbs open a phrase after a comma ("…, founded in 1886
    // under Samuel Gompers"): none is the subject's own.
    let own_verb = (0..view.raw.len()).any(|i| {
        let x = view.bare(i);
        let after_comma = i > 0 && view.raw[i - 1].ends_with(',');
        is_aux(x) || !after_comma && is_aux_or_past(x)
    });
    verb_follows && !own_verb
}
