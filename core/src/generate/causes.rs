//! Causes and effects, the facts a student of history most wants and the rules
//! elsewhere never ask: "Why did …?" from a clause with "because …", and "What did
//! X lead to?" from "X led to / caused / resulted in Y".
//!
//! - "The Soviet Union withdrew its advisers in 1960 because Mao rejected its
//!   leadership." → "Why did the Soviet Union withdraw its advisers in 1960?" →
//!   "Mao rejected its leadership" (kept only when it resolves or has no pronoun).
//! - "The famine led to mass emigration." → "What did the famine lead to?" →
//!   "mass emigration".

use super::clauses::{Clause, Verb};
use super::forms::intro_prefix_any;
use super::lexicon::lexicon;
use super::pronouns::{Ctx, PRONOUNS};
use super::questions::{inverted, Built};
use super::render::{trim_after, trim_relative, Piece};
use super::tokens::TokKind;

/// The longest cause or effect worth learning as an answer, in words.
pub(super) const MAX_ANSWER_WORDS: usize = 12;

/// Tokens `a..b` as an answer: not empty, not too long, with no pronoun that points
/// outside the card, and no unclosed bracket or quotation.
fn answer_span(ctx: &Ctx, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = ctx.s();
    let mut b = b;
    // No stray comma or dangling "in" at the end ("a famine in" of "a famine in
    // which …").
    while b > a
        && (s.tokens[b - 1].kind == TokKind::Punct
            && !matches!(s.tokens[b - 1].text.as_str(), ")" | "\"" | "”")
            || s.tokens[b - 1].is_word()
                && !s.tokens[b - 1].is_capitalised()
                && lexicon().is_function(&s.tokens[b - 1].lower))
    {
        b -= 1;
    }
    let words = s.tokens[a..b]
        .iter()
        .filter(|t| t.is_word() || t.kind == TokKind::Number)
        .count();
    if !(2..=MAX_ANSWER_WORDS).contains(&words) {
        return None;
    }
    let toks = &s.tokens[a..b];
    let bad = toks.iter().any(|t| {
        PRONOUNS.contains(&t.lower.as_str()) && t.lower != "that"
            || matches!(t.text.as_str(), "(" | ")" | "\"" | "“" | "”" | "[" | "]")
    });
    (!bad).then_some((a, b))
}

/// "Why did …?" for a clause whose cause follows it: "… because …", "… because
/// of …".
pub(super) fn cause_question(ctx: &Ctx, c: &Clause) -> Option<((usize, usize), Built)> {
    let s = ctx.s();
    // "… built a canal so that barges could …": the clause finder keeps a "so that"
    // inside the clause; the question stops before it.
    let inside = (c.rest.0 + 2..c.rest.1).find(|&i| {
        let w = |j: usize| s.tokens.get(j).map_or("", |t| t.lower.as_str());
        matches!((w(i), w(i + 1)), ("so", "that") | ("because", _))
            || (w(i), w(i + 1), w(i + 2)) == ("in", "order", "to")
    });
    let shortened;
    let c = match inside {
        Some(i) => {
            shortened = Clause {
                rest: (c.rest.0, i),
                ..c.clone()
            };
            &shortened
        }
        None => c,
    };
    let mut k = c.rest.1;
    // "…, because …" as well as "… because …".
    if s.tokens.get(k).is_some_and(|t| t.is_punct(",")) {
        k += 1;
    }
    let word = |i: usize| s.tokens.get(i).map_or("", |t| t.lower.as_str());
    if c.rest.1 <= c.rest.0 {
        return None;
    }
    let a = match (word(k), word(k + 1), word(k + 2)) {
        ("because", "of", _) => k + 2,
        ("because", _, _) => k + 1,
        // A purpose is a cause too: "… so that officials could read …", "… in order
        // to …"; the answer keeps its "so that" / "in order to".
        ("so", "that", _) => k,
        ("in", "order", "to") => k,
        _ => return None,
    };
    // The cause runs to the next clause break (a comma or semicolon, or the end).
    let end = trim_after(s, a, s.tokens.len());
    let span = answer_span(ctx, a, end)?;
    // "In 1960, why did …": the time or place the clause was fronted with stays.
    Some((span, why_question(ctx, c, intro_prefix_any(ctx, c))?))
}

/// "Why" and the clause inverted ("did the state print money?"), after `prefix`.
fn why_question(ctx: &Ctx, c: &Clause, prefix: Vec<Piece>) -> Option<Built> {
    let (inv, resolved) = inverted(ctx, c, None)?;
    let mut q = prefix;
    q.push(Piece::Text(if q.is_empty() { "Why" } else { "why" }.into()));
    q.extend(inv);
    q.push(Piece::Text("?".into()));
    Some(Built {
        pieces: q,
        resolved,
        form: 0.6,
    })
}

/// "Why did …?" for a sentence that opens with its cause: "Because the state
/// could not pay, it printed money." → "Why did the state print money?" is asked of
/// the main clause after the comma (its pronoun resolved, or no card).
pub(super) fn fronted_cause_question(ctx: &Ctx, c: &Clause) -> Option<((usize, usize), Built)> {
    let s = ctx.s();
    if s.tokens.first().is_none_or(|t| t.lower != "because") || c.intro.is_some() {
        return None;
    }
    // The cause runs to the first comma; the main clause starts right after it.
    let comma = s.tokens.iter().position(|t| t.is_punct(","))?;
    if c.subj.0 != comma + 1 || c.rest.1 <= c.rest.0 {
        return None;
    }
    let span = answer_span(ctx, 1, comma)?;
    Some((span, why_question(ctx, c, Vec::new())?))
}

/// "What did X lead to?" for "X led to Y", "X caused Y", "X resulted in Y".
pub(super) fn effect_question(ctx: &Ctx, c: &Clause) -> Option<((usize, usize), Built)> {
    let s = ctx.s();
    let (lemma, verb) = match &c.verb {
        Verb::Past(v, l) | Verb::Present(v, l) => (l.as_str(), *v),
        Verb::Aux(_) => return None,
    };
    let (ra, rb) = c.rest;
    let object_at = match lemma {
        "lead" | "contribute" if s.tokens.get(ra).is_some_and(|t| t.lower == "to") => ra + 1,
        "result" if s.tokens.get(ra).is_some_and(|t| t.lower == "in") => ra + 1,
        "cause" | "trigger" | "provoke" => ra,
        _ => return None,
    };
    if object_at >= rb || verb + 1 != ra {
        return None;
    }
    let end = trim_relative(s, object_at, trim_after(s, object_at, rb));
    let span = answer_span(ctx, object_at, end)?;
    let (subj, resolved) = ctx.subject(c)?;
    if c.subj.1 - c.subj.0 > 10 {
        return None;
    }
    let mut q = intro_prefix_any(ctx, c);
    q.push(Piece::Text(
        if q.is_empty() { "What" } else { "what" }.into(),
    ));
    q.push(Piece::Text(
        if matches!(c.verb, Verb::Past(..)) {
            "did"
        } else if s.tokens[c.subj.1 - 1].lower.ends_with('s') {
            "do"
        } else {
            "does"
        }
        .into(),
    ));
    q.extend(subj);
    q.push(Piece::Text(lemma.into()));
    match lemma {
        "lead" | "contribute" => q.push(Piece::Text("to".into())),
        "result" => q.push(Piece::Text("in".into())),
        _ => {}
    }
    q.push(Piece::Text("?".into()));
    Some((
        span,
        Built {
            pieces: q,
            resolved,
            form: 0.6,
        },
    ))
}
