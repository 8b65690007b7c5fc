//! Questions about amounts and attributes: "How much did … spend?", "How many did …
//! kill?", "What was the population of …?".

use super::clauses::{Clause, Verb};
use super::entities::Entity;
use super::lexicon::lexicon;
use super::pronouns::Ctx;
use super::questions::{intro_prefix, inverted, Built, APPROX};
use super::render::{ends_with_q, lower_first, trim_after, Piece};
use super::text::Sentence;
use super::tokens::TokKind;

/// A number with nothing counted after it, as the object: "spent over $100 billion" →
/// "How much did … spend?", "killed 50,000 in Venice" → "How many did … kill in
/// Venice?". Only sums of money and large counts; a bare "two" says too little.
pub(super) fn amount_question(ctx: &Ctx, c: &Clause, e: &Entity) -> Option<Built> {
    let s = ctx.s();
    let toks = &s.tokens[e.start..e.end];
    let money = toks
        .iter()
        .any(|t| matches!(t.text.as_str(), "$" | "£" | "€" | "dollars" | "pounds"));
    let percent = toks
        .iter()
        .any(|t| t.text == "%" || matches!(t.lower.as_str(), "percent" | "cent"));
    let large = toks.iter().any(|t| {
        matches!(t.lower.as_str(), "thousand" | "million" | "billion")
            || t.kind == TokKind::Number && t.text.contains(',')
    });
    if percent || !(money || large) {
        return None;
    }
    let (inv, resolved) = inverted(ctx, c, Some((skip_approx(s, e, c.rest.0), e.end)))?;
    let mut q = intro_prefix(ctx, c, e);
    let wh = if money { "How much" } else { "How many" };
    q.push(Piece::Text(if q.is_empty() {
        wh.into()
    } else {
        lower_first(wh)
    }));
    q.extend(inv);
    Some(Built {
        pieces: ends_with_q(q),
        resolved,
        form: 0.85,
    })
}

/// Where an entity starts with the modifiers before it ("about", "an estimated").
fn skip_approx(s: &Sentence, e: &Entity, lo: usize) -> usize {
    let mut a = e.start;
    while a > lo
        && APPROX.contains(&s.tokens[a - 1].lower.as_str())
        && !matches!(s.tokens[a - 1].lower.as_str(), "to" | "at")
    {
        a -= 1;
    }
    a
}

/// "Pneumonic plague has a mortality rate of 90 percent" → "What is the mortality
/// rate of pneumonic plague?": an attribute the subject has, with its value.
pub(super) fn attribute_question(ctx: &Ctx, c: &Clause, e: &Entity, a: usize) -> Option<Built> {
    let s = ctx.s();
    let tense = match &c.verb {
        Verb::Present(_, l) if l == "have" => "is",
        Verb::Past(_, l) if l == "have" => "was",
        _ => return None,
    };
    let (ra, rb) = c.rest;
    // What follows the value up to the next comma stays: "… of 40,000 in 1500".
    let tail = e.end..trim_after(s, e.end, rb);
    if a < ra + 3
        || !matches!(s.tokens[ra].lower.as_str(), "a" | "an")
        || s.tokens[a - 1].lower != "of"
    {
        return None;
    }
    let nouns = ra + 1..a - 1;
    if nouns.len() > 3 || !nouns.clone().all(|k| is_plain_word(s, k)) {
        return None;
    }
    let (subj, resolved) = ctx.subject(c)?;
    let mut q = vec![
        Piece::Text("What".into()),
        Piece::Text(tense.into()),
        Piece::Text("the".into()),
    ];
    q.extend(nouns.map(Piece::Tok));
    q.push(Piece::Text("of".into()));
    q.extend(subj);
    q.extend(ctx.toks(tail.start, tail.end, None));
    Some(Built {
        pieces: ends_with_q(q),
        resolved,
        form: 0.85,
    })
}

/// A lower-case content word: no name, function word, verb form or number.
fn is_plain_word(s: &Sentence, k: usize) -> bool {
    let t = &s.tokens[k];
    let lex = lexicon();
    t.is_word()
        && !t.is_capitalised()
        && !lex.is_function(&t.lower)
        && !super::lexicon::is_aux(&t.lower)
        && lex.past_lemma(&t.lower).is_none()
}

/// "Before 1350, there were about 170,000 villages in Saxony" → "Before 1350, how many
/// villages were there in Saxony?": a count in an existential sentence.
pub(super) fn existential_question(ctx: &Ctx, e: &Entity) -> Option<Built> {
    let s = ctx.s();
    let u = e.unit?;
    if e.kind != super::entities::EntityKind::Number || u != e.end {
        return None;
    }
    let mut a = e.start;
    while a > 0 && APPROX.contains(&s.tokens[a - 1].lower.as_str()) {
        a -= 1;
    }
    if a < 2 || s.tokens[a - 2].lower != "there" {
        return None;
    }
    let be = match s.tokens[a - 1].lower.as_str() {
        "was" | "were" => "were",
        "is" | "are" => "are",
        _ => return None,
    };
    let mut ue = super::questions::unit_end(s, u);
    // "Soviet military personnel": the unit's noun may follow its modifiers
    // ("how many Soviet military were there personnel" split it).
    let lex = lexicon();
    while ue < s.tokens.len() && ue < u + 5 && is_plain_word(s, ue) {
        // Nor a verb's present, "-ing" or participle ("villages living on …").
        let w = &s.tokens[ue].lower;
        if lex.present_lemma(w).is_some()
            || lex.ing_lemma(w).is_some()
            || lex.participle_lemma(w).is_some_and(|l| l != w)
        {
            break;
        }
        ue += 1;
    }
    let n = s.tokens.len();
    let end = super::render::trim_relative(s, ue, trim_after(s, ue, n));
    // What comes before "there": nothing, a fronted phrase ending in a comma, or a
    // short time phrase without one ("In 1500 there were …").
    let there = a - 2;
    let mut q = Vec::new();
    if there > 0 {
        let comma = s.tokens[there - 1].is_punct(",");
        let fronted = if comma { there - 1 } else { there };
        let short_time = !comma
            && there <= 4
            && super::lexicon::TIME_PREPOSITIONS.contains(&s.tokens[0].lower.as_str())
            && s.tokens[1..there]
                .iter()
                .any(|t| t.lower.bytes().all(|b| b.is_ascii_digit()));
        if there > 9
            || !(comma || short_time)
            || s.tokens[..fronted].iter().any(|t| t.kind == TokKind::Punct)
        {
            return None;
        }
        q.extend((0..fronted).map(Piece::Tok));
        q.push(Piece::Text(",".into()));
        q.push(Piece::Text("how many".into()));
    } else {
        q.push(Piece::Text("How many".into()));
    }
    q.extend((u..ue).map(Piece::Tok));
    q.push(Piece::Text(be.into()));
    q.push(Piece::Text("there".into()));
    q.extend(
        (ue..end)
            .filter(|&k| !s.tokens[k].is_punct("."))
            .map(Piece::Tok),
    );
    Some(Built {
        pieces: ends_with_q(q),
        resolved: false,
        form: 0.85,
    })
}
