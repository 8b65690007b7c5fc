//! Cloze deletions: the clause (or sentence) with the answer blanked.

use super::clauses::Verb;
use super::entities::{Entity, EntityKind};
use super::pronouns::Ctx;
use super::render::{capitalise_first, in_brackets, render, trim_after, Piece};
use super::tokens::TokKind;

/// The sentence with the entity blanked, its leading pronoun resolved; when that
/// pronoun cannot be resolved, the clause holding the entity if it has its own subject.
/// Prefers the clause holding the entity (with its fronted phrase) so the prompt is
/// short; falls back to the whole sentence.
pub(super) fn cloze(ctx: &Ctx, e: &Entity) -> Option<(String, bool)> {
    let s = ctx.s();
    let window = ctx.clauses[ctx.si].iter().find_map(|c| {
        let a = c.intro.map_or(c.subj.0, |(ia, _)| ia);
        (e.start >= a && e.end <= c.rest.1)
            .then(|| (a, trim_after(s, e.end.max(c.verb.index() + 1), c.rest.1)))
    });
    let from_window = window.and_then(|(a, b)| {
        let words = s.tokens[a..b]
            .iter()
            .filter(|t| t.is_word() || t.kind == TokKind::Number)
            .count();
        if words < 6 || (a == 0 && b + 1 >= s.tokens.len()) {
            return None;
        }
        let (text, resolved) = cloze_from(ctx, e, a, b)?;
        let text = text.trim_end_matches([',', ';', ':']).to_string();
        Some((
            if text.ends_with(['.', '!', '?']) {
                text
            } else {
                format!("{text}.")
            },
            resolved,
        ))
    });
    from_window
        .or_else(|| cloze_from(ctx, e, 0, s.tokens.len()))
        .or_else(|| causative_cloze(ctx, e))
}

/// "This helped Mao consolidate his power and resist the forces of Chiang Kai-Shek":
/// with "this" unresolved, the passive keeps the fact: "Mao was helped to consolidate
/// his power and resist the forces of _____."
pub(super) fn causative_cloze(ctx: &Ctx, e: &Entity) -> Option<(String, bool)> {
    let s = ctx.s();
    let c = ctx.clauses[ctx.si].first()?;
    let Verb::Past(v, lemma) = &c.verb else {
        return None;
    };
    if c.subj.1 - c.subj.0 != 1
        || !matches!(s.tokens[c.subj.0].lower.as_str(), "this" | "it" | "that")
    {
        return None;
    }
    if !matches!(
        lemma.as_str(),
        "help"
            | "allow"
            | "enable"
            | "force"
            | "encourage"
            | "prompt"
            | "lead"
            | "cause"
            | "push"
            | "compel"
            | "persuade"
    ) {
        return None;
    }
    let obj = s.entities.iter().find(|o| {
        o.start == c.rest.0
            && matches!(
                o.kind,
                EntityKind::Person
                    | EntityKind::Group
                    | EntityKind::Organization
                    | EntityKind::Place
            )
    })?;
    let mut k = obj.end;
    if s.tokens.get(k).is_some_and(|t| t.lower == "to") {
        k += 1;
    }
    let end = trim_after(s, k, c.rest.1);
    if !(e.start >= obj.start && e.end <= end) {
        return None;
    }
    let plural = obj.kind == EntityKind::Group && s.tokens[obj.end - 1].lower.ends_with('s');
    let blank_or = |a: usize, b: usize| -> Vec<Piece> {
        let mut p = Vec::new();
        let mut i = a;
        while i < b {
            if i == e.start {
                p.push(Piece::Text("_____".into()));
                i = e.end;
            } else {
                if !in_brackets(s, i) {
                    p.push(Piece::Tok(i));
                }
                i += 1;
            }
        }
        p
    };
    let mut p = blank_or(obj.start, obj.end);
    p.push(Piece::Text(if plural { "were" } else { "was" }.into()));
    p.push(Piece::Tok(*v));
    p.push(Piece::Text("to".into()));
    p.extend(blank_or(k, end));
    p.push(Piece::Text(".".into()));
    Some((capitalise_first(&render(s, &p)), true))
}

pub(super) fn cloze_from(ctx: &Ctx, e: &Entity, from: usize, n: usize) -> Option<(String, bool)> {
    let s = ctx.s();
    let mut start = from;
    // Drop a leading discourse adverb: "However, …", "In turn, …".
    if n > start + 2
        && (s.tokens[start + 1].is_punct(","))
        && matches!(
            s.tokens[start].lower.as_str(),
            "however"
                | "moreover"
                | "furthermore"
                | "thus"
                | "therefore"
                | "meanwhile"
                | "nevertheless"
                | "also"
                | "still"
                | "indeed"
                | "consequently"
                | "subsequently"
                | "finally"
                | "initially"
                | "instead"
        )
    {
        start += 2;
    }
    if e.start < start {
        return None;
    }
    let (head, resolved) = if e.start == start {
        (Vec::new(), false)
    } else {
        ctx.phrase(start, e.start, false, false)?
    };
    let mut p = head;
    p.push(Piece::Text("_____".into()));
    p.extend(ctx.toks(e.end, n, None));
    let mut text = render(s, &p);
    if let Some(rest) = text.strip_prefix("the ") {
        text = format!("The {rest}");
    }
    Some((capitalise_first(&text), resolved))
}
