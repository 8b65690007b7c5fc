//! Every candidate card of a document, with its first score.

use std::collections::HashMap;

use rayon::prelude::*;

use super::clauses::{clauses, Clause};
use super::entities::{Entity, EntityKind};
use super::form_registry::{Build, REGISTRY};
use super::lexicon::{lexicon, HEDGES};
use super::pronouns::Ctx;
use super::questions::{answer_text, Built, Candidate};
use super::render::{capitalise_first, drop_dangling, in_brackets, lower_first, render, Piece};
use super::text::{Document, Sentence};
use super::tokens::TokKind;
use super::CardKind;

/// How much less an entity is worth asking about: one item of a list, a nationality
/// used as an adjective ("French refugees"), a name glued to a dash.
pub(super) fn entity_penalty(s: &Sentence, e: &Entity) -> f32 {
    let lex = lexicon();
    let mut p = 0.0;
    let prev = e.start.checked_sub(1).map(|k| &s.tokens[k]);
    let next = s.tokens.get(e.end);
    let neighbour_entity = |k: usize| s.entities.iter().any(|o| o.start == k || o.end == k + 1);
    let listed_before = prev
        .is_some_and(|t| t.is_punct(",") || t.is_punct(";") || t.lower == "and")
        && e.start >= 2
        && neighbour_entity(e.start - 2);
    let listed_after = next.is_some_and(|t| t.is_punct(",") || t.is_punct(";") || t.lower == "and")
        && neighbour_entity(e.end + 1);
    if listed_before || listed_after {
        p += 0.12;
    }
    if e.end - e.start == 1 && !e.kind.is_time() && e.kind != EntityKind::Number {
        if let Some(n) = next {
            if n.is_word()
                && !n.is_capitalised()
                && !lex.is_function(&n.lower)
                && lex.past_lemma(&n.lower).is_none()
                && (lex.is_demonym(&s.tokens[e.start].text)
                    || e.kind == EntityKind::Group
                    || e.kind == EntityKind::Name)
            {
                p += 0.2;
            }
        }
    }
    let glued = |t: &super::tokens::Token, other_side: bool| {
        matches!(t.text.as_str(), "–" | "-" | "/")
            && (if other_side {
                t.start == s.tokens[e.end - 1].end
            } else {
                t.end == s.tokens[e.start].start
            })
    };
    if prev.is_some_and(|t| glued(t, false)) || next.is_some_and(|t| glued(t, true)) {
        p += 1.0; // "pre-1973", "Arab–Israeli": part of a word
    }
    if prev.is_some_and(|t| t.is_punct("(")) {
        p += 0.15;
    }
    p
}

/// A one-word name used as an adjective ("the capitalist Western powers", "the
/// Communist world"): asking for it is trivial, and judges never kept such cards.
fn used_as_adjective(s: &Sentence, e: &Entity) -> bool {
    let lex = lexicon();
    e.end - e.start == 1
        && matches!(
            e.kind,
            EntityKind::Group | EntityKind::Name | EntityKind::Organization
        )
        && s.tokens.get(e.end).is_some_and(|n| {
            n.is_word() && !n.is_capitalised() && lex.is_content_non_verb(&n.lower)
        })
}

/// Whether a prompt holds a quotation cut in two: an odd number of straight quotes or
/// unmatched curly ones or brackets. A whole quoted name ("the \"villes de sûreté\"") is fine.
fn cut_quotation(prompt: &str) -> bool {
    // One pass over the prompt, not one per mark.
    let (mut straight, mut open, mut close, mut left, mut right) = (0usize, 0, 0, 0, 0);
    for c in prompt.chars() {
        match c {
            '"' => straight += 1,
            '“' => open += 1,
            '”' => close += 1,
            '(' => left += 1,
            ')' => right += 1,
            _ => {}
        }
    }
    straight % 2 == 1 || open != close || left != right
}

/// Sentences longer than this many tokens give no cards: a prompt cut from a
/// run-on sentence reads badly, and the question forms look at every pair of
/// clauses and entities, so bounding the sentence bounds their time.
pub(super) const MAX_SENTENCE_TOKENS: usize = 150;

/// Whether a sentence is asked about at all. A question states no fact: a card
/// cut from one ("Why was _____ sacked in 146 BC?") was never kept (0 of 48
/// judged, most from a page's links to other questions).
fn askable(s: &Sentence) -> bool {
    !s.boilerplate && s.tokens.len() <= MAX_SENTENCE_TOKENS && !is_question(&s.raw)
}

/// A sentence that ends with a question mark (before closing quotes or brackets).
fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with('?')
}

/// All candidate cards of a document, unranked, and how many clauses each sentence has.
pub fn candidates(doc: &Document) -> (Vec<Candidate>, Vec<usize>) {
    let all_clauses: Vec<Vec<Clause>> = doc
        .sentences
        .par_iter()
        .map(|s| {
            if !askable(s) {
                Vec::new()
            } else {
                clauses(&s.tokens)
            }
        })
        .collect();
    // How often each name recurs: the document's topic ("the Hanseatic League" in a text
    // about it) is the background of its facts, rarely the fact asked about.
    let mut mentions: HashMap<String, usize> = HashMap::new();
    for s in &doc.sentences {
        for e in &s.entities {
            *mentions
                .entry(answer_text(s, e).to_lowercase())
                .or_default() += 1;
        }
    }
    // Each sentence's candidates on their own, in parallel; in text order.
    let out = (0..doc.sentences.len())
        .into_par_iter()
        .flat_map_iter(|si| sentence_candidates(doc, si, &all_clauses, &mentions))
        .collect();
    (out, all_clauses.iter().map(Vec::len).collect())
}

/// The candidates of sentence `si`, in the order of the registry's forms.
fn sentence_candidates(
    doc: &Document,
    si: usize,
    all_clauses: &[Vec<Clause>],
    mentions: &HashMap<String, usize>,
) -> Vec<Candidate> {
    let s = &doc.sentences[si];
    let mut out = Vec::new();
    if !askable(s) {
        return out;
    }
    let ctx = Ctx {
        doc,
        si,
        clauses: all_clauses,
    };
    for c in &all_clauses[si] {
        // The forms that ask about a clause (its cause, its effect), then its
        // terms: the order decides ties.
        let causal = REGISTRY.iter().filter_map(|f| match f.build {
            Build::Clause(build) => build(&ctx, c).map(|x| (f.name, x)),
            _ => None,
        });
        for (form, (span, b)) in causal {
            let prompt = capitalise_first(&render(s, &b.pieces));
            if cut_quotation(&prompt) || prompt.split_whitespace().count() < 4 {
                continue;
            }
            out.push(Candidate {
                sentence: si,
                answer_span: span,
                kind: CardKind::Question,
                prompt,
                answer: s.span_text(span.0, span.1),
                answer_kind: EntityKind::Term,
                score: 0.5 + 0.3 * b.form - if b.resolved { 0.05 } else { 0.0 },
                form,
                resolved: b.resolved,
                keep: 0.0,
                rule_score: 0.0,
            });
        }
        let terms = REGISTRY.iter().flat_map(|f| {
            let built = match f.build {
                Build::ClauseTerms(build) => build(&ctx, c),
                _ => Vec::new(), // allocates nothing
            };
            built.into_iter().map(move |x| (f.name, x))
        });
        for (form, (span, b)) in terms {
            let mut pieces = b.pieces;
            pieces.pop();
            let mut pieces = drop_dangling(s, pieces);
            pieces.push(Piece::Text("?".into()));
            let prompt = capitalise_first(&render(s, &pieces));
            let n = prompt.split_whitespace().count();
            if cut_quotation(&prompt) || n < 5 {
                continue;
            }
            let mut answer = s.span_text(span.0, span.1);
            if span.0 == 0
                && s.tokens[0].is_capitalised()
                && lexicon().is_function(&s.tokens[0].lower)
            {
                answer = lower_first(&answer);
            }
            let mut score = 0.3 + 0.3 * b.form;
            if n > 22 {
                score -= 0.01 * (n - 22) as f32;
            }
            if b.resolved {
                score -= 0.05;
            }
            out.push(Candidate {
                sentence: si,
                answer_span: span,
                kind: CardKind::Question,
                prompt,
                answer,
                answer_kind: EntityKind::Term,
                score,
                form,
                resolved: b.resolved,
                keep: 0.0,
                rule_score: 0.0,
            });
        }
    }
    for e in &s.entities {
        let mut answer = answer_text(s, e);
        if answer.split_whitespace().count() > 6 || answer.is_empty() {
            continue;
        }
        let penalty = entity_penalty(s, e);
        // "three" of "three years later" is shown as the year it means.
        let in_anchor = s
            .anchors
            .iter()
            .any(|a| a.start <= e.start && e.start < a.end && (a.start, a.end) != (e.start, e.end));
        if in_brackets(s, e.start)
            || in_clock_time(s, e)
            || used_as_adjective(s, e)
            || answer.chars().filter(|c| c.is_alphanumeric()).count() < 2
            || penalty >= 1.0
            || in_anchor
        {
            continue;
        }
        // Dates, numbers and full names make the most testable facts; a lone
        // capitalised word ("French", "Normans") the least.
        let single_word = e.end - e.start == 1 && !e.kind.is_time() && e.kind != EntityKind::Number;
        let topic = !e.kind.is_time()
            && e.kind != EntityKind::Number
            && mentions
                .get(&answer.to_lowercase())
                .is_some_and(|&n| n >= 3);
        // A people named by one plural word ("the Normans", "the Saxons") is
        // mostly the actor of the text's facts, seldom the fact itself.
        let people =
            single_word && e.kind == EntityKind::Group && s.tokens[e.start].lower.ends_with('s');
        let kind_bonus = -penalty
            - if single_word { 0.08 } else { 0.0 }
            - if topic { 0.1 } else { 0.0 }
            - if people { 0.2 } else { 0.0 }
            + match e.kind {
                EntityKind::Year | EntityKind::Date => 0.14,
                EntityKind::Decade | EntityKind::Century => 0.1,
                EntityKind::Person => 0.08,
                EntityKind::Number => 0.14,
                EntityKind::Place => 0.04,
                EntityKind::Event | EntityKind::Organization => 0.04,
                EntityKind::Group => -0.02,
                EntityKind::Name | EntityKind::Term => -0.04,
            };
        // Each question of the entity, then its cloze.
        let mut ask = |form: &'static str, b: Built| {
            let mut pieces = b.pieces;
            pieces.pop(); // the "?"
            let mut pieces = drop_dangling(s, pieces);
            pieces.push(Piece::Text("?".into()));
            let prompt = capitalise_first(&render(s, &pieces));
            // A quotation cut in two reads badly as a question.
            if cut_quotation(&prompt) {
                return;
            }
            let n = prompt.split_whitespace().count();
            let mut score = 0.55 + 0.3 * b.form + kind_bonus;
            if n > 22 {
                score -= 0.01 * (n - 22) as f32;
            }
            if n < 5 {
                score -= 0.25;
            }
            if b.resolved {
                score -= 0.05;
            }
            // A duration is answered with its unit: "twenty-three years".
            let answer = match e.unit {
                Some(u) if prompt.starts_with("How long") || prompt.contains(", how long") => {
                    s.span_text(e.start, u + 1)
                }
                _ => answer.clone(),
            };
            let answer = with_hedge(s, e, &prompt, answer);
            out.push(Candidate {
                sentence: si,
                answer_span: (e.start, e.end),
                kind: CardKind::Question,
                prompt,
                answer,
                answer_kind: e.kind,
                score,
                form,
                resolved: b.resolved,
                keep: 0.0,
                rule_score: 0.0,
            });
        };
        for f in REGISTRY {
            match f.build {
                Build::EntityInClause(build) => {
                    for c in &all_clauses[si] {
                        if let Some(b) = build(&ctx, c, e) {
                            ask(f.name, b);
                        }
                    }
                }
                Build::Entity(build) => {
                    if let Some(b) = build(&ctx, e) {
                        ask(f.name, b);
                    }
                }
                Build::EntityCloze(_) | Build::Clause(_) | Build::ClauseTerms(_) => {}
            }
        }
        let mut clozes = REGISTRY
            .iter()
            .filter_map(|f| match f.build {
                Build::EntityCloze(build) => build(&ctx, e).map(|x| (f.name, x)),
                _ => None,
            })
            .peekable();
        while let Some((form, (prompt, resolved))) = clozes.next() {
            let mut score = 0.45 + kind_bonus;
            let n = prompt.split_whitespace().count();
            if n > 25 {
                score -= 0.01 * (n - 25) as f32;
            }
            if resolved {
                score -= 0.05;
            }
            // The last cloze form (the only one today) takes the answer, any
            // other a copy.
            let answer = if clozes.peek().is_some() {
                answer.clone()
            } else {
                std::mem::take(&mut answer)
            };
            out.push(Candidate {
                sentence: si,
                answer_span: (e.start, e.end),
                kind: CardKind::Cloze,
                prompt,
                answer,
                answer_kind: e.kind,
                score,
                form,
                resolved,
                keep: 0.0,
                rule_score: 0.0,
            });
        }
    }
    out
}

/// "firing stopped at around 9:40": half of a clock time is no number to learn
/// (judges called "around 9: _____" a fragment).
fn in_clock_time(s: &Sentence, e: &Entity) -> bool {
    // Tokens `a` and `a + 1` written with no space between.
    let glued = |a: usize| {
        s.tokens
            .get(a + 1)
            .is_some_and(|next| s.tokens[a].end == next.start)
    };
    let is_number = |k: usize| s.tokens.get(k).is_some_and(|t| t.kind == TokKind::Number);
    let is_colon = |k: usize| s.tokens.get(k).is_some_and(|t| t.is_punct(":"));
    let before = e.start >= 2
        && is_colon(e.start - 1)
        && is_number(e.start - 2)
        && glued(e.start - 2)
        && glued(e.start - 1);
    let after = is_colon(e.end) && is_number(e.end + 1) && glued(e.end - 1) && glued(e.end);
    before || after
}

/// A question's answer with the hedge its time or number had in the sentence:
/// "Razin was born around 1630" asks "In what year was Razin born?" → "around
/// 1630"; a bare "1630" states a year the text does not (judges: "wrong", round
/// 56). A hedge the question still shows stays there.
fn with_hedge(s: &Sentence, e: &Entity, prompt: &str, answer: String) -> String {
    if !(e.kind.is_time() || e.kind == EntityKind::Number) || e.start == 0 {
        return answer;
    }
    let before = &s.tokens[e.start - 1];
    let hedge = before.lower.as_str();
    let shown = prompt.split_whitespace().any(|w| {
        w.trim_matches(|c: char| !c.is_alphabetic() && c != '.')
            .eq_ignore_ascii_case(hedge)
    });
    if HEDGES.contains(&hedge) && !shown && !answer.to_lowercase().starts_with(hedge) {
        format!("{hedge} {answer}")
    } else {
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best_score(text: &str, answer: &str) -> f32 {
        let doc = Document::analyse(text);
        candidates(&doc)
            .0
            .iter()
            .filter(|c| c.sentence == 0 && c.answer == answer)
            .map(|c| c.score)
            .fold(f32::MIN, f32::max)
    }

    #[test]
    fn a_recurring_name_is_the_topic_and_counts_less() {
        let first = "In 1358 the merchants of Bruges left Flanders for Aardenburg.";
        let once = best_score(first, "Bruges");
        let recurring = best_score(
            &format!(
                "{first} The guilds of Bruges protested to the count. \
                 The count of Flanders gave Bruges new privileges."
            ),
            "Bruges",
        );
        assert!(recurring < once, "{recurring} vs {once}");
        // Years do not count as a topic, however often they recur.
        let year = best_score(first, "1358");
        assert!(year > f32::MIN);
    }

    #[test]
    fn a_question_keeps_the_hedge_of_its_time() {
        let doc = Document::analyse(
            "Stepan Razin was born around 1630 in a Cossack settlement on the Don. \
             The rebels took Astrakhan in 1670.",
        );
        let cands = candidates(&doc).0;
        let answers = |i: usize| -> Vec<(String, String)> {
            cands
                .iter()
                .filter(|c| {
                    c.sentence == i && c.kind == CardKind::Question && c.answer_kind.is_time()
                })
                .map(|c| (c.prompt.clone(), c.answer.clone()))
                .collect()
        };
        let born = answers(0);
        assert!(!born.is_empty(), "a question of the birth year");
        assert!(
            born.iter().all(|(_, a)| a == "around 1630"),
            "the answer says the year is approximate: {born:?}"
        );
        assert!(
            answers(1).iter().any(|(_, a)| a == "1670"),
            "an exact year stays bare: {:?}",
            answers(1)
        );
    }

    #[test]
    fn a_people_named_by_one_plural_word_counts_less() {
        let text = "In 1227 the Frisians defeated the army of the bishop at Ane.";
        let people = best_score(text, "Frisians");
        let place = best_score(text, "Ane");
        assert!(
            people > f32::MIN && people + 0.1 < place,
            "{people} vs {place}"
        );
    }
}
