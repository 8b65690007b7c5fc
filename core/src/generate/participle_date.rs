//! The date in a participle phrase set off after a sentence's subject: "Naseby,
//! fought on Saturday 14 June 1645 in the rolling country …, is often called the
//! battle that lost Charles I his throne." → "On what date was Naseby fought?".
//! Writers put the main event's date there and go on about something else, so no
//! clause of the sentence asks it (round 35's judges listed Naseby's date as a key
//! fact; no card asked it).

use super::clauses::is_adverb;
use super::entities::{is_time_span, Entity};
use super::forms::is_plain_opening_phrase;
use super::lexicon::{is_aux, lexicon};
use super::pronouns::Ctx;
use super::questions::{time_phrase, time_wh, Built};
use super::render::{ends_with_q, Piece};

/// The longest subject the phrase may follow, in tokens.
const MAX_SUBJECT_TOKENS: usize = 6;

/// "X, <participle> … <time> …, <verb> …" → "<When> was X <participle> …?", with
/// what follows the time left out.
pub(super) fn participle_date_question(ctx: &Ctx, e: &Entity) -> Option<Built> {
    let s = ctx.s();
    let lex = lexicon();
    if !e.kind.is_time() {
        return None;
    }
    let toks = &s.tokens;
    // The subject: the sentence's first words up to the first comma, a short name
    // or noun phrase (no verb, no pronoun), starting with a capital.
    let comma = toks.iter().position(|t| t.is_punct(","))?;
    if comma == 0 || comma > MAX_SUBJECT_TOKENS {
        return None;
    }
    let subject = &toks[..comma];
    // "Both armies, …": one thing that was done, not a group.
    let plural = subject.last().is_some_and(|t| t.looks_plural());
    if !is_plain_opening_phrase(subject) || plural {
        return None;
    }
    // The participle right after the comma ("fought", "signed", "founded"): a form
    // that is no simple past only ("fell", "came" open no such phrase).
    let v = comma + 1;
    let participle = toks.get(v)?;
    if participle.is_capitalised()
        || lex.participle_lemma(&participle.lower).is_none()
        || lex.is_past_only(&participle.lower)
    {
        return None;
    }
    // The phrase closes with a comma, and the sentence's own verb follows it
    // ("…, is often called", "…, was the last …"): else the participle may be the
    // verb of a list or of the subject itself.
    let close = (v + 1..toks.len()).find(|&k| toks[k].is_punct(","))?;
    if e.start <= v || e.end > close {
        return None;
    }
    let mut after = close + 1;
    while toks.get(after).is_some_and(is_adverb) {
        after += 1;
    }
    let main_verb = toks.get(after).is_some_and(|t| {
        !t.is_capitalised()
            && (is_aux(&t.lower)
                || lex.past_lemma(&t.lower).is_some()
                || lex.present_lemma(&t.lower).is_some())
    });
    if !main_verb {
        return None;
    }
    // Only words and numbers between the participle and the time: no second
    // clause, no bracket, and no second participle whose date it would be ("Peru,
    // tied to Bolivia by an alliance signed in 1873").
    if (v + 1..e.start).any(|k| {
        let t = &toks[k];
        !t.is_word() && t.kind != super::tokens::TokKind::Number
            || !t.is_capitalised() && lex.past_lemma(&t.lower).is_some()
    }) {
        return None;
    }
    let (a, prep) = time_phrase(s, e, v + 1)?;
    // "led from the 1920s by Gandhi": a state's start, not an event's date.
    if !matches!(prep.as_deref(), None | Some("in" | "on" | "at" | "between")) {
        return None;
    }
    let range = is_time_span(&toks[e.start..e.end]) || prep.as_deref() == Some("between");
    let mut p = vec![
        Piece::Text(time_wh(e.kind, prep.as_deref(), range)),
        Piece::Text("was".into()),
    ];
    let (subj, resolved) = ctx.phrase(0, comma, true, false)?;
    p.extend(subj);
    p.push(Piece::Tok(v));
    p.extend((v + 1..a).map(Piece::Tok));
    // Who did it stays ("signed in 1648 by France and Sweden"); where and how it
    // went after the time is left out.
    if toks.get(e.end).is_some_and(|t| t.lower == "by") {
        p.extend((e.end..close).map(Piece::Tok));
    }
    Some(Built {
        pieces: ends_with_q(p),
        resolved,
        form: 0.85,
    })
}

#[cfg(test)]
mod tests {
    use crate::generate::candidate_features;

    fn asked(text: &str) -> Vec<(String, String)> {
        candidate_features("", text)
            .into_iter()
            .filter(|c| c.form == "participle_date")
            .map(|c| (c.prompt, c.answer))
            .collect()
    }

    #[test]
    fn the_date_of_a_participle_phrase_after_the_subject_is_asked() {
        let naseby = asked(
            "Naseby, fought on Saturday 14 June 1645 in the rolling country a few miles south of Market Harborough, is often called the battle that lost Charles I his throne.",
        );
        assert_eq!(
            naseby,
            [(
                "On what date was Naseby fought?".to_string(),
                "14 June 1645".to_string()
            )]
        );
        let treaty = asked(
            "The Treaty of Karlowitz, signed in January 1699 by the Ottomans and the Holy League, ended the war.",
        );
        assert_eq!(
            treaty,
            [(
                "When was the Treaty of Karlowitz signed by the Ottomans and the Holy League?"
                    .to_string(),
                "January 1699".to_string()
            )]
        );
        let westphalia = asked(
            "The Peace of Westphalia, signed at Münster and Osnabrück in 1648, ended the Thirty Years War.",
        );
        assert_eq!(
            westphalia,
            [(
                "In what year was the Peace of Westphalia signed at Münster and Osnabrück?"
                    .to_string(),
                "1648".to_string()
            )]
        );
    }

    #[test]
    fn no_date_is_asked_without_the_phrase_and_its_main_verb() {
        for text in [
            // A list of places: no main verb after the phrase.
            "Leipzig, fought in October 1813, Waterloo, fought in June 1815.",
            // A simple past opens a clause of its own, not a phrase.
            "Constantinople, fell in 1453, and the empire ended.",
            // A plural subject.
            "Both armies, raised in 1642, were small.",
            // A pronoun for a subject.
            "He, born in 1599, was the son of a squire.",
            // The date of another participle inside the phrase.
            "Peru, tied to Bolivia by a secret defensive alliance signed in 1873, was drawn in.",
            // A state's start.
            "Congress, led from the 1920s by Mahatma Gandhi, claimed to speak for all Indians.",
        ] {
            assert_eq!(asked(text), Vec::<(String, String)>::new(), "{text}");
        }
    }
}
