//! Clauses: subject, verb group and the rest, found with a light part-of-speech layer.

use super::lexicon::{is_aux, lexicon};
use super::tokens::{TokKind, Token};

/// How the verb of a clause turns into a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Verb {
    /// An auxiliary or copula that inverts: "was", "had", "could" (token index).
    Aux(usize),
    /// A past-tense main verb: "withdrew" → "did … withdraw".
    Past(usize, String),
    /// A third-person present main verb: "rules" → "does … rule".
    Present(usize, String),
}

impl Verb {
    pub fn index(&self) -> usize {
        match self {
            Verb::Aux(i) | Verb::Past(i, _) | Verb::Present(i, _) => *i,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// Subject tokens `subj.0..subj.1`.
    pub subj: (usize, usize),
    /// Adverbs between subject and verb ("eventually").
    pub pre_verb: (usize, usize),
    pub verb: Verb,
    /// Tokens after the verb up to the end of the clause.
    pub rest: (usize, usize),
    /// A fronted phrase ("In 1949,") whose facts belong to this clause: tokens, without its comma.
    pub intro: Option<(usize, usize)>,
    /// A time phrase of the clause this one hangs on ("came in 1960, when …"): tokens.
    pub linked_time: Option<(usize, usize)>,
}

const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "during",
    "after",
    "before",
    "following",
    "since",
    "from",
    "until",
    "under",
    "throughout",
    "despite",
    "between",
    "around",
    "with",
    "through",
    "among",
    "within",
    "over",
    "for",
    "upon",
    "amid",
    "unlike",
    "beyond",
    "outside",
    "like",
    "across",
    "about",
    "against",
    "toward",
    "towards",
    "into",
    "near",
    "along",
    "beside",
    "behind",
    "off",
    "inside",
    "above",
    "below",
    "beneath",
    "alongside",
    "opposite",
];

const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "while", "although", "though", "because", "since", "until", "once",
    "as", "whereas",
];

const ADVERB_INTROS: &[&str] = &[
    "however",
    "finally",
    "initially",
    "eventually",
    "meanwhile",
    "later",
    "moreover",
    "furthermore",
    "thus",
    "therefore",
    "nevertheless",
    "subsequently",
    "consequently",
    "instead",
    "today",
    "afterwards",
    "then",
    "also",
    "still",
    "indeed",
    "originally",
    "ultimately",
    "historically",
    "traditionally",
    "nonetheless",
    "likewise",
    "similarly",
    "notably",
    "soon",
    "yet",
];

pub(super) fn is_adverb(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalised()
        && (t.lower.ends_with("ly") && t.lower.len() > 4
            || ADVERB_INTROS.contains(&t.lower.as_str())
            || matches!(
                t.lower.as_str(),
                "not" | "never" | "also" | "soon" | "then" | "already" | "still" | "often"
            ))
}

/// Whether token `j` can be the finite verb of a clause whose subject starts at `start`.
const PRONOUN_SUBJECTS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

fn verb_at(toks: &[Token], start: usize, j: usize) -> Option<Verb> {
    let t = &toks[j];
    if t.kind != TokKind::Word || t.is_capitalised() && j > start {
        return None;
    }
    let lex = lexicon();
    let prev = if j > start { Some(&toks[j - 1]) } else { None };
    // "This helped Mao …": a demonstrative that is the whole subject is no determiner.
    let demonstrative_subject = j == start + 1
        && prev.is_some_and(|p| matches!(p.lower.as_str(), "this" | "that" | "these" | "those"));
    let after_det = !demonstrative_subject
        && prev.is_some_and(|p| {
            matches!(
                p.lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "of"
                    | "to"
                    | "and"
                    | "or"
                    | "more"
                    | "most"
                    | "well"
                    | "newly"
                    | "highly"
                    | "so"
                    | "than"
                    // "the first organised group": a participle after an ordinal.
                    | "first"
                    | "last"
                    | "only"
            )
        });
    if is_aux(&t.lower) {
        if matches!(t.lower.as_str(), "had" | "has" | "have") {
            // "had" before a participle is an auxiliary; before a noun it is the main verb.
            let next = toks.get(j + 1);
            let aux = next.is_some_and(|n| {
                n.lower == "been"
                    || n.lower == "not"
                    || is_adverb(n)
                    || lex.participle_lemma(&n.lower).is_some()
                    || n.lower.ends_with("en")
            });
            if !aux {
                return match t.lower.as_str() {
                    "had" => Some(Verb::Past(j, "have".into())),
                    "has" => Some(Verb::Present(j, "have".into())),
                    _ => None,
                };
            }
        }
        return Some(Verb::Aux(j));
    }
    if after_det || j == start {
        return None;
    }
    // "Border clashes broke out": a word followed by a verb is the subject's noun.
    if toks.get(j + 1).is_some_and(|n| {
        n.is_word()
            && !n.is_capitalised()
            && (is_aux(&n.lower) && !matches!(n.lower.as_str(), "had" | "has" | "have")
                || lex.past_lemma(&n.lower).is_some()
                    && !n.lower.ends_with("ed")
                    && lex.present_lemma(&t.lower).is_some())
    }) {
        return None;
    }
    // "a Norman named Oursel led …": "named" before a name is a participle.
    if matches!(
        t.lower.as_str(),
        "named" | "called" | "nicknamed" | "titled" | "surnamed"
    ) && toks.get(j + 1).is_some_and(|n| n.is_capitalised())
    {
        return None;
    }
    // "a group of senators led by Brutus": a participle before "by" after a noun.
    if toks.get(j + 1).is_some_and(|n| n.lower == "by")
        && prev.is_some_and(|p| {
            p.is_word()
                && !is_aux(&p.lower)
                && !matches!(p.lower.as_str(), "he" | "she" | "it" | "they")
        })
        && t.lower.ends_with("ed")
        || toks.get(j + 1).is_some_and(|n| n.lower == "by")
            && matches!(
                t.lower.as_str(),
                "led" | "built" | "written" | "made" | "held" | "won" | "taken"
            )
            && prev.is_some_and(|p| !p.is_capitalised() && !is_aux(&p.lower))
    {
        return None;
    }
    // "a national army based on conscription was created": a participle phrase in
    // the subject, whose verb is the "was" after it.
    if lex.past_lemma(&t.lower).is_some()
        && prev.is_some_and(|p| {
            p.is_word() && !is_aux(&p.lower) && !PRONOUN_SUBJECTS.contains(&p.lower.as_str())
        })
    {
        let after = &toks[j + 1..toks.len().min(j + 8)];
        let stop = after
            .iter()
            .position(|x| {
                !(x.is_word() || x.kind == TokKind::Number)
                    || matches!(
                        x.lower.as_str(),
                        "that" | "which" | "who" | "when" | "and" | "but" | "as" | "because"
                    )
            })
            .unwrap_or(after.len());
        if after[..stop]
            .iter()
            .enumerate()
            .any(|(i, x)| i > 0 && matches!(x.lower.as_str(), "was" | "were"))
        {
            return None;
        }
    }
    if let Some(l) = lex.past_lemma(&t.lower) {
        // "based on", "known as" after a noun are participles, but as finite verbs
        // they are the usual shape of a history sentence; accept.
        return Some(Verb::Past(j, l.to_string()));
    }
    // "the German delegates signed": a present form before a past one is a noun.
    let past_next = toks
        .get(j + 1)
        .is_some_and(|n| n.is_word() && !n.is_capitalised() && lex.past_lemma(&n.lower).is_some());
    if let Some(l) = lex.present_lemma(&t.lower).filter(|_| !past_next) {
        // A present form only after a name or a pronoun (plural nouns look the same).
        // … or after a name that is not just a capitalised first word.
        let all_caps_subject = toks[start..j]
            .iter()
            .all(|t| t.is_capitalised() || matches!(t.lower.as_str(), "of" | "the"));
        let named = all_caps_subject && (j - start >= 2 || start > 0);
        if prev.is_some_and(|p| matches!(p.lower.as_str(), "he" | "she" | "it")) || named {
            return Some(Verb::Present(j, l.to_string()));
        }
    }
    None
}

/// Where a clause that starts at `from` and has its verb at `v` ends.
fn clause_end(toks: &[Token], v: usize, to: usize) -> usize {
    let mut k = v + 1;
    while k < to {
        let t = &toks[k];
        // A dash ends the clause as an aside, not inside a range ("by 1907–1908").
        let range = t.text == "–"
            && toks[k - 1].kind == TokKind::Number
            && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Number);
        if t.kind == TokKind::Punct
            && matches!(t.text.as_str(), ";" | ":" | "—" | "(" | "–")
            && !range
        {
            return k;
        }
        if t.kind == TokKind::Punct && matches!(t.text.as_str(), "." | "!" | "?") && k + 1 >= to {
            return k;
        }
        // ", and about 200,000 Huguenots fled": a new clause, unless the comma is part
        // of a list ("Denmark, Iceland and Norway").
        if t.is_punct(",")
            && toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "and" | "but" | "or"))
        {
            let earlier_comma = toks[v + 1..k].iter().any(|x| x.is_punct(","));
            let names = k > 0
                && toks[k - 1].is_capitalised()
                && toks.get(k + 2).is_some_and(|x| x.is_capitalised());
            if !earlier_comma && !names {
                return k;
            }
        }
        // "… soured after Khrushchev denounced Stalin": a subordinate clause ends this one.
        if t.is_word()
            && matches!(
                t.lower.as_str(),
                "after" | "before" | "when" | "until" | "because" | "since" | "as"
            )
            && k > v + 1
            && parse_at(toks, k + 1, to).is_some_and(|c| c.subj.1 - c.subj.0 <= 6)
        {
            return k;
        }
        // "were hanged in 1906 and the last resistance ended by 1908": "and" before
        // an article and its own subject and verb opens a second clause.
        if t.is_word()
            && matches!(t.lower.as_str(), "and" | "but")
            && k > v + 1
            // "the moment when the United States and the Soviet Union came …": two
            // subjects of a clause inside this one, not a second clause.
            && !toks[v + 1..k].iter().any(|x| {
                SUBORDINATORS.contains(&x.lower.as_str())
                    || matches!(x.lower.as_str(), "when" | "where" | "who" | "which" | "that")
            })
            && toks.get(k + 1).is_some_and(|n| opens_noun_phrase(&n.lower))
            && parse_at(toks, k + 1, to).is_some_and(|c| c.subj.1 - c.subj.0 <= 5)
        {
            return k;
        }
        if t.is_punct(",") {
            let next = toks.get(k + 1);
            if next.is_none_or(|n| {
                matches!(
                    n.lower.as_str(),
                    "which"
                        | "who"
                        | "whom"
                        | "whose"
                        | "where"
                        | "when"
                        | "while"
                        | "although"
                        | "though"
                        | "but"
                        | "as"
                        | "thus"
                        | "so"
                        | "because"
                        | "whereas"
                        | "a"
                        | "an"
                        | "including"
                        | "such"
                        | "especially"
                        | "or"
                        | "with"
                        | "after"
                        | "before"
                        | "until"
                        | "since"
                        | "despite"
                        | "however"
                        | "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "then"
                        | "not"
                ) || (n.lower == "and"
                    && toks.get(k + 2).is_some_and(|m| {
                        matches!(
                            m.lower.as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "he"
                                | "she"
                                | "it"
                                | "they"
                                | "his"
                                | "its"
                                | "their"
                                | "this"
                                | "in"
                                | "by"
                                | "on"
                                | "after"
                                | "when"
                                | "then"
                        )
                    }))
                    || (n.is_word()
                        && !n.is_capitalised()
                        && (n.lower.ends_with("ing") || lexicon().past_lemma(&n.lower).is_some()))
                    // "…, and Prussia hoped …": a new clause with a named subject.
                    || (n.lower == "and"
                        && toks.get(k + 2).is_some_and(|m| m.is_capitalised())
                        && toks.get(k + 3).is_some_and(|m| {
                            m.is_word()
                                && !m.is_capitalised()
                                && (is_aux(&m.lower) || lexicon().past_lemma(&m.lower).is_some())
                        }))
            }) {
                return k;
            }
        }
        if t.is_word()
            && matches!(
                t.lower.as_str(),
                "which" | "whereas" | "although" | "because" | "while"
            )
        {
            return k;
        }
        // "conquered England killing King Harold": a participle phrase ends the clause.
        // "had been exporting fighting horsemen": not after a progressive "-ing".
        if k > v + 2
            && t.is_word()
            && !t.is_capitalised()
            && t.lower.ends_with("ing")
            // "a general rising"; but "prices rising": a participle after a plural.
            && (!super::lexicon::is_ing_noun(&t.lower) || toks[k - 1].lower.ends_with('s'))
            && !toks[k - 1].lower.ends_with("ing")
            // "salted herring": an "-ing" noun after an adjective in "-ed".
            && (!toks[k - 1].lower.ends_with("ed") || toks[k - 1].is_capitalised())
            // "to great rejoicing", "amid heavy fighting", "after long bargaining":
            // a preposition, one lower-case word, then the "-ing" noun it heads.
            && !(k >= 2
                && toks[k - 1].is_word()
                && !toks[k - 1].is_capitalised()
                && !toks[k - 1].lower.ends_with('s')
                && matches!(
                    toks[k - 2].lower.as_str(),
                    "to" | "amid" | "after" | "with" | "without" | "despite" | "through"
                        | "during" | "by" | "of" | "for" | "in"
                ))
            && !t.lower.contains('-')
            && t.lower.len() > 5
            && !lexicon().is_function(&t.lower)
            && toks[k - 1].is_word()
            && !matches!(
                toks[k - 1].lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "by"
                    | "in"
                    | "for"
                    | "to"
                    | "and"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "was"
                    | "were"
                    | "is"
                    | "be"
                    | "been"
            )
        {
            return k;
        }
        if t.is_punct("[") {
            return k;
        }
        // "… instrumental in the conquest of Jerusalem and he worked …"
        if t.is_word()
            && matches!(t.lower.as_str(), "and" | "but")
            && toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "he" | "she" | "they" | "it" | "we"))
        {
            return k;
        }
        k += 1;
    }
    to
}

fn sentence_end(toks: &[Token]) -> usize {
    let mut n = toks.len();
    while n > 0
        && toks[n - 1].kind == TokKind::Punct
        && matches!(
            toks[n - 1].text.as_str(),
            "." | "!" | "?" | "\"" | "”" | "'" | "’"
        )
    {
        n -= 1;
    }
    n
}

/// Parses a clause whose subject starts at `start`, within `..to`.
fn parse_at(toks: &[Token], start: usize, to: usize) -> Option<Clause> {
    let lex = lexicon();
    // "In 1041, finally Edward returned": an adverb before the subject is no part of it.
    let mut start = start;
    while start + 1 < to
        && is_adverb(&toks[start])
        && !matches!(toks[start].lower.as_str(), "not" | "yet" | "still")
        && toks[start + 1].is_capitalised()
    {
        start += 1;
    }
    let first = toks.get(start)?;
    // A clause does not start with a preposition ("of the royal regalia …").
    if first.is_word()
        && !first.is_capitalised()
        && matches!(
            first.lower.as_str(),
            "of" | "in" | "on" | "at" | "by" | "for" | "from" | "with" | "to" | "into" | "during"
        )
    {
        return None;
    }
    if first.kind == TokKind::Punct
        || (first.is_word()
            && !first.is_capitalised()
            && first.lower.ends_with("ing")
            && !lex.is_function(&first.lower))
    {
        return None;
    }
    if matches!(
        first.lower.as_str(),
        "which" | "who" | "that" | "whom" | "what" | "there" | "to" | "where" | "why" | "how"
    ) || SUBORDINATORS.contains(&first.lower.as_str())
    {
        return None;
    }
    // "Based on the evidence, …", "Of the regalia preserved in …": a participle or
    // preposition phrase, no subject.
    if first.is_word()
        && (first.lower == "of"
            || lex.past_lemma(&first.lower).is_some()
                && toks.get(start + 1).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "on" | "in" | "by" | "from" | "with" | "at" | "to"
                    )
                }))
    {
        return None;
    }
    // "Both spoke French", "Many fled": a quantifier alone is no subject to ask with.
    if toks
        .get(start + 1)
        .is_some_and(|n| verb_at(toks, start, start + 1).is_some() && n.is_word())
        && matches!(
            first.lower.as_str(),
            "both"
                | "many"
                | "some"
                | "most"
                | "others"
                | "all"
                | "each"
                | "several"
                | "few"
                | "one"
                | "none"
                | "such"
        )
    {
        return None;
    }
    let mut depth_comma = 0;
    let mut limit = (start + 16).min(to);
    let mut j = start;
    // A non-restrictive relative clause in the subject ("Otto, who later became
    // margrave, fled …"): its tokens, left out of the subject.
    let mut relative: Option<(usize, usize)> = None;
    while j < limit {
        let t = &toks[j];
        if t.is_punct(",")
            && depth_comma == 0
            && relative.is_none()
            && j > start
            && toks
                .get(j + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "who" | "which"))
        {
            // Up to the comma that closes it, with a verb after that comma.
            if let Some(close) = (j + 3..to.min(j + 20)).find(|&k| toks[k].is_punct(",")) {
                let inner_ok = toks[j + 2..close]
                    .iter()
                    .all(|x| x.is_word() || x.kind == TokKind::Number || x.is_punct("-"));
                if inner_ok && close + 1 < to {
                    relative = Some((j, close + 1));
                    limit = (close + 1 + 8).min(to);
                    j = close + 1;
                    continue;
                }
            }
        }
        if t.is_punct("[") {
            // "[citation needed]": no part of the sentence's grammar.
            j = (j..to)
                .find(|&k| toks[k].is_punct("]"))
                .map_or(to, |k| k + 1);
            continue;
        }
        if t.is_punct(",") {
            depth_comma += 1;
            if depth_comma > 2 {
                return None;
            }
        } else if t.kind == TokKind::Punct && matches!(t.text.as_str(), ";" | ":" | "(" | ")" | "—")
        {
            return None;
        } else if t.is_word()
            && !t.is_capitalised()
            && j > start
            && lex.is_verb_lemma(&t.lower)
            && lex.present_lemma(&t.lower).is_none()
            && toks[j - 1].lower.ends_with('s')
            && !toks[j - 1].is_capitalised()
            && toks.get(j + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "the" | "a" | "an" | "that" | "this" | "their" | "its" | "his"
                )
            })
        {
            // "Surveys … indicate the first variant entered": a plural present verb
            // this layer cannot tell from a noun; leave the sentence to the cloze.
            return None;
        } else if let Some(v) = verb_at(toks, start, j) {
            // Subject ends before adverbs just before the verb.
            let mut se = j;
            while se > start && is_adverb(&toks[se - 1]) {
                se -= 1;
            }
            if se == start || toks[se - 1].is_punct(",") && depth_comma % 2 == 1 {
                return None;
            }
            // Commas in the subject must enclose an apposition or parenthesis.
            if depth_comma == 1 {
                return None;
            }
            let end = clause_end(toks, j, to);
            // The relative clause stays out: the subject is its head, the adverbs
            // after it come before the verb.
            let (subj_end, pre_start) = match relative {
                Some((a, b)) if se >= b => (a, se.max(b)),
                Some(_) => return None,
                None => (se, se),
            };
            if relative.is_some() && (pre_start..j).any(|k| !is_adverb(&toks[k])) {
                return None;
            }
            // "X, which passed to Y in 959, was divided": with the relative left out
            // too little is left to ask about.
            if relative.is_some()
                && toks[j + 1..end]
                    .iter()
                    .filter(|t| t.is_word() && !lex.is_function(&t.lower) && !is_adverb(t))
                    .count()
                    < 2
            {
                return None;
            }
            return Some(Clause {
                subj: (start, subj_end),
                pre_verb: (pre_start, j),
                verb: v,
                rest: (j + 1, end),
                intro: None,
                linked_time: None,
            });
        } else if t.is_word()
            && (SUBORDINATORS.contains(&t.lower.as_str()) && j > start
                || t.lower == "that"
                    && (j > start + 1
                        // "Fevers that …": a relative right after a one-word subject.
                        || j == start + 1 && !lex.is_function(&toks[start].lower))
                // "The mechanism by which X was spread was …": the verb found
                // next belongs to the relative clause.
                || matches!(t.lower.as_str(), "which" | "whom" | "whose") && j > start)
        {
            // "The treaty that ended the war was signed …", "The route by which the
            // fever spread was found …": a relative clause inside the subject, whose
            // end is the auxiliary of the main clause.
            if matches!(t.lower.as_str(), "that" | "which") && !toks[j - 1].is_punct(",") {
                if let Some(m) = restrictive_relative_end(toks, j, to) {
                    limit = (m + 1).min(to);
                    j = m;
                    continue;
                }
            }
            return None;
        }
        j += 1;
    }
    None
}

/// The predicate of a relative clause whose "who" is token `who`: the verb's index
/// and where the predicate ends.
pub fn relative_predicate(toks: &[Token], who: usize) -> Option<(usize, usize)> {
    let j = who + 1;
    if j >= toks.len() {
        return None;
    }
    let v = verb_at(toks, who, j)?;
    let n = sentence_end(toks);
    let end = clause_end(toks, v.index(), n);
    (end > j + 1).then_some((j, end))
}

/// The clauses of a sentence worth turning into questions.
pub fn clauses(toks: &[Token]) -> Vec<Clause> {
    let n = sentence_end(toks);
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    // A fronted phrase up to the first comma: "In 1949, …", "However, …", "After the war ended, …".
    let mut main_start = 0;
    let mut intro = None;
    let first = toks[0].lower.as_str();
    if let Some((len, _)) = super::anchors::relative_time(toks, 0).filter(|(len, _)| len + 1 < n) {
        // "Two years later his armies captured Nanjing": a relative time is the intro.
        intro = Some((0, len));
        main_start = if toks[len].is_punct(",") {
            len + 1
        } else {
            len
        };
    } else if let Some(len) = days_later(toks).filter(|len| len + 1 < n) {
        // "Three days later, on 30 May, Ojukwu proclaimed …": the count of days says
        // nothing alone; a dated phrase after it becomes the intro below.
        main_start = if toks[len].is_punct(",") {
            len + 1
        } else {
            len
        };
    } else if let Some(t) = fronted_time_end(toks, n) {
        // "In 1066 William invaded England": a date without a comma is the intro.
        main_start = t;
        intro = Some((0, t));
    } else if PREPOSITIONS.contains(&first)
        || SUBORDINATORS.contains(&first)
        || is_adverb(&toks[0])
        || ADVERB_INTROS.contains(&first)
        // "Probably as a result of …, X …": a capitalised adverb opening a phrase.
        || first.ends_with("ly")
            && first.len() > 4
            && toks.get(1).is_some_and(|t| t.is_word() && !t.is_capitalised())
    {
        if let Some(c) = (0..n.min(20)).find(|&k| toks[k].is_punct(",") && !in_date(toks, k)) {
            main_start = c + 1;
            if PREPOSITIONS.contains(&first) && !SUBORDINATORS.contains(&first)
                || first == "after"
                || first == "before"
                || first == "since"
                || first == "until"
            {
                intro = Some((0, c));
            }
            if SUBORDINATORS.contains(&first) {
                if let Some(sub) = parse_at(toks, 1, c) {
                    out.push(sub);
                }
            }
        }
    }
    // Parentheticals right after the intro: "Mao, in turn, criticized" is handled by
    // the subject rule; "However, in 1960, X" takes the second phrase as intro.
    // "In 1064, during the war, X …": a second fronted phrase is skipped too; the
    // first stays the intro.
    // "In 999, according to Amatus, …": an attribution as the second phrase.
    // "On 27 July 1214, near the village of Bouvines, between Lille and Tournai, the
    // army …": up to three such phrases in a row.
    let dated = |(a, b): (usize, usize)| toks[a..b].iter().any(|t| t.kind == TokKind::Number);
    for _ in 0..3 {
        if !(main_start > 0
            && main_start < n
            && (PREPOSITIONS.contains(&toks[main_start].lower.as_str())
                || toks[main_start].lower == "according"))
        {
            break;
        }
        let Some(c) = (main_start..n.min(main_start + 12))
            .find(|&k| toks[k].is_punct(",") && !in_date(toks, k))
            .map(|k| k - main_start)
        else {
            break;
        };
        // "Through a combination of …, on the morning of 24 February 1525, …": a
        // dated phrase is the intro rather than an undated one before it.
        let phrase = (main_start, main_start + c);
        if intro.is_none_or(|i| {
            !dated(i)
                && dated(phrase)
                && super::lexicon::TIME_PREPOSITIONS.contains(&toks[main_start].lower.as_str())
        }) {
            intro = Some(phrase);
        }
        main_start += c + 1;
    }
    if let Some(c) = cleft(toks, main_start, n) {
        // "It was only in 1489 that the Venetians acquired …": the clause after
        // "that" is the fact, the time phrase before it its date.
        push_with_coordination(toks, c, n, &mut out);
    } else if let Some(mut main) = parse_at(toks, main_start, n) {
        main.intro = intro;
        push_with_coordination(toks, main, n, &mut out);
    }
    // Subordinate and coordinated clauses inside the sentence.
    for k in main_start + 1..n {
        let t = &toks[k];
        let starts_clause = (t.is_word()
            && matches!(
                t.lower.as_str(),
                "when"
                    | "after"
                    | "before"
                    | "while"
                    | "although"
                    | "though"
                    | "because"
                    | "until"
                    | "whereas"
            ))
            || t.is_punct(";")
            || (t.is_word()
                && matches!(t.lower.as_str(), "and" | "but" | "as" | "since")
                && toks[k - 1].is_punct(","));
        if !starts_clause {
            continue;
        }
        let next = toks.get(k + 1);
        // "after the French attacked …" is a clause, "after the war" a phrase: an
        // article after "after", "before" or "until" opens a clause only when a short
        // subject and its verb follow.
        let article_next = next.is_some_and(|n| matches!(n.lower.as_str(), "the" | "a"))
            && matches!(t.lower.as_str(), "after" | "before" | "until");
        if next.is_none_or(|n| n.kind == TokKind::Number) {
            continue;
        }
        // ", and in 1425 the fortress was rebuilt": a fronted date opens the clause.
        let fronted = if matches!(t.lower.as_str(), "and" | "but") || t.is_punct(";") {
            fronted_time_end(&toks[k + 1..n], n - k - 1).map(|t| k + 1 + t)
        } else {
            None
        };
        let from = fronted.unwrap_or(k + 1);
        if let Some(mut c) = parse_at(toks, from, n) {
            if out.iter().any(|o: &Clause| o.subj.0 == c.subj.0) {
                continue;
            }
            if article_next && !short_subject(toks, &c) {
                continue;
            }
            if let Some(f) = fronted {
                c.intro = Some((k + 1, f));
            }
            // "came in 1960, when the Soviet Union withdrew …": the time belongs here too.
            if t.lower == "when" && k >= 2 && toks[k - 1].is_punct(",") {
                c.linked_time = Some((k.saturating_sub(6), k - 1));
            }
            push_with_coordination(toks, c, n, &mut out);
        }
    }
    // ", taking the plague by ship into Sicily": a participle phrase after a clause
    // shares that clause's subject.
    let mut extra = Vec::new();
    for c in &out {
        let k = c.rest.1;
        if k + 1 < n && toks[k].is_punct(",") {
            let t = &toks[k + 1];
            if t.is_word()
                && !t.is_capitalised()
                && t.lower.ends_with("ing")
                && !lexicon().is_function(&t.lower)
            {
                if let Some(l) = lexicon().ing_lemma(&t.lower) {
                    let end = clause_end(toks, k + 1, n);
                    let finite = matches!(c.verb, Verb::Past(..))
                        || matches!(c.verb, Verb::Aux(i) if matches!(toks[i].lower.as_str(), "was" | "were"));
                    if end > k + 2 && finite {
                        extra.push(Clause {
                            subj: c.subj,
                            pre_verb: (c.subj.1, c.subj.1),
                            verb: Verb::Past(k + 1, l.to_string()),
                            rest: (k + 2, end),
                            intro: None,
                            linked_time: None,
                        });
                    }
                }
            }
        }
    }
    out.extend(extra);
    out
}

/// A cleft sentence "It was (only / not until) in 1489 that CLAUSE" from `start`: the
/// clause after "that", with the time phrase as its linked time.
fn cleft(toks: &[Token], start: usize, n: usize) -> Option<Clause> {
    if toks.get(start)?.lower != "it"
        || !matches!(toks.get(start + 1)?.lower.as_str(), "was" | "is")
    {
        return None;
    }
    let mut a = start + 2;
    while a < n && matches!(toks[a].lower.as_str(), "only" | "not" | "just" | "also") {
        a += 1;
    }
    let that = (a + 1..n.min(a + 9)).find(|&k| toks[k].lower == "that")?;
    let time = toks[a..that]
        .iter()
        .any(|t| t.kind == TokKind::Number || matches!(t.lower.as_str(), "century" | "centuries"));
    if !time
        || !matches!(
            toks[a].lower.as_str(),
            "in" | "on" | "until" | "till" | "after" | "by" | "during" | "around"
        )
        || toks[a..that]
            .iter()
            .any(|t| t.kind == TokKind::Punct && t.text != "-")
    {
        return None;
    }
    let mut c = parse_at(toks, that + 1, n)?;
    c.linked_time = Some((a, that));
    Some(c)
}

/// Where the main clause's auxiliary stands after a relative clause opened at `w`
/// ("that ended the war *was* …"): the relative has a verb of its own right after
/// its subject (at most four words), and an auxiliary "was", "were", "is", "are",
/// "had" or "has" follows within eight words, with no comma between.
fn restrictive_relative_end(toks: &[Token], w: usize, to: usize) -> Option<usize> {
    let lex = lexicon();
    let finite = |t: &Token| {
        t.is_word()
            && !t.is_capitalised()
            && (is_aux(&t.lower) || lex.past_lemma(&t.lower).is_some())
    };
    // The relative's own verb.
    let rv = (w + 1..to.min(w + 6)).find(|&k| finite(&toks[k]))?;
    // The main verb: an auxiliary, or a past form after a word that is no verb
    // ("Epidemics that may have included plague killed …"); the relative's own verb
    // chain ("may have included") comes first and is skipped.
    let main = (rv + 1..to.min(rv + 9)).find(|&k| {
        let t = &toks[k];
        matches!(
            t.lower.as_str(),
            "was" | "were" | "is" | "are" | "had" | "has"
        ) || t.is_word()
            && !t.is_capitalised()
            && lex.past_lemma(&t.lower).is_some()
            && !super::lexicon::is_verb_group_word(&toks[k - 1].lower)
            && !matches!(
                toks[k - 1].lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "to"
                    | "of"
                    | "and"
                    | "or"
                    | "by"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
            )
            && toks[k - 1].is_word()
    })?;
    if toks[w + 1..main]
        .iter()
        .any(|t| t.kind == TokKind::Punct || matches!(t.lower.as_str(), "and" | "or" | "but"))
    {
        return None;
    }
    // The auxiliary itself must not be the relative's verb chain ("that was built").
    if main <= rv {
        return None;
    }
    Some(main)
}

/// A subject of one noun phrase of at most five words, one article at its start, no
/// comma: "the French", "the city walls"; not "the war the king".
fn short_subject(toks: &[Token], c: &Clause) -> bool {
    let subj = &toks[c.subj.0..c.subj.1];
    subj.len() <= 5
        && subj.iter().all(|t| t.is_word())
        && subj[1..]
            .iter()
            .all(|t| !matches!(t.lower.as_str(), "the" | "a" | "an"))
        && matches!(c.verb, Verb::Past(..) | Verb::Aux(_))
}

/// Whether the comma at `k` is inside a date: "October 6, 1973".
fn in_date(toks: &[Token], k: usize) -> bool {
    let digits = |t: &Token, len: std::ops::RangeInclusive<usize>| {
        t.kind == TokKind::Number
            && len.contains(&t.text.len())
            && t.text.bytes().all(|b| b.is_ascii_digit())
    };
    k > 0 && digits(&toks[k - 1], 1..=2) && toks.get(k + 1).is_some_and(|t| digits(t, 4..=4))
}

/// The length of an opening "Three days later", "A few weeks afterwards", "Two
/// months earlier": a count of days, weeks or months from a time not shown.
fn days_later(toks: &[Token]) -> Option<usize> {
    let w = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let count = usize::from(w(0) == "a" && w(1) == "few") + 1;
    let counted = count == 2
        || matches!(w(0), "a" | "some" | "several")
        || super::lexicon::cardinal_value(w(0)).is_some()
        || w(0).parse::<u32>().is_ok();
    let unit = matches!(
        w(count),
        "day" | "days" | "week" | "weeks" | "month" | "months"
    );
    (counted && unit && super::lexicon::is_counted_from_before(w(count + 1))).then_some(count + 2)
}

/// Where a fronted time phrase with no comma after it ends: "In 1066", "By April
/// 1191", "In the early 11th century", followed by the subject (a name or an
/// article). None for any other start.
fn fronted_time_end(toks: &[Token], n: usize) -> Option<usize> {
    if !super::lexicon::TIME_PREPOSITIONS.contains(&toks.first()?.lower.as_str()) {
        return None;
    }
    let mut k = 1;
    while k < n && matches!(toks[k].lower.as_str(), "the" | "early" | "late" | "mid") {
        k += 1;
    }
    // "On Sunday 27 July 1214 the army …": a weekday before the day.
    if k < n
        && super::lexicon::is_weekday(&toks[k].text)
        && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Number)
    {
        k += 1;
    }
    let start = k;
    let mut year = false;
    while k < n && k - start < 4 {
        let t = &toks[k];
        let month = t.is_capitalised()
            && matches!(
                t.lower.as_str(),
                "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            );
        let number =
            t.kind == TokKind::Number && t.text.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if number {
            // A year, a decade or an ordinal ("11th") ends the phrase; a day does not.
            let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            year = digits.len() >= 3 || t.text.ends_with('s');
        } else if month {
            year = false;
        } else if matches!(t.lower.as_str(), "century" | "ad" | "bc") && k > start {
            year = true;
        } else {
            break;
        }
        k += 1;
    }
    let next = toks.get(k)?;
    let subject_next = next.is_capitalised()
        || opens_noun_phrase(&next.lower)
        || matches!(next.lower.as_str(), "he" | "she" | "it" | "they");
    (year && k > start && k < n && subject_next)
        .then_some(k)
        .or_else(|| dated_phrase_end(toks, n))
        .or_else(|| named_phrase_end(toks, n))
}

/// The prepositions of a fronted phrase that names an event and so dates its
/// clause ("After Trasimene", "Until Lepanto").
pub(super) const NAMED_EVENT_PREPOSITIONS: &[&str] = &["after", "before", "since", "until"];

/// Where a fronted phrase naming an event ends when no comma follows: "After
/// Trasimene the Romans appointed …" (a name, then an article and a common noun or
/// a people opening the subject; else "after" opened a clause with "Trasimene the
/// Romans" for its subject). Not "Until Charles the Bold died": an epithet is one
/// capitalised word that no people is called.
fn named_phrase_end(toks: &[Token], n: usize) -> Option<usize> {
    if !NAMED_EVENT_PREPOSITIONS.contains(&toks.first()?.lower.as_str()) {
        return None;
    }
    let lex = lexicon();
    let name_end = (1..n.min(5)).find(|&k| !toks[k].is_capitalised())?;
    let article = toks.get(name_end)?;
    let head = toks.get(name_end + 1)?;
    let subject_head = head.is_word()
        && if head.is_capitalised() {
            lex.is_demonym(&head.text)
        } else {
            lex.is_content_non_verb(&head.lower)
        };
    (name_end > 1 && article.lower == "the" && subject_head && name_end + 3 < n).then_some(name_end)
}

/// An article or a possessive, which opens a noun phrase (a subject, where a clause
/// may start): "the", "a", "his", "their".
pub(super) fn opens_noun_phrase(lower: &str) -> bool {
    matches!(lower, "the" | "a" | "an" | "his" | "her" | "its" | "their")
}

/// Where a fronted phrase naming a thing and its year ends when no comma follows:
/// "After the war of 1438–1441 the Hansa …" ("of", the year, then an article
/// opening the subject). None when a verb or punctuation comes first.
fn dated_phrase_end(toks: &[Token], n: usize) -> Option<usize> {
    let lex = lexicon();
    let mut k = 1;
    while k < n.min(10) {
        let t = &toks[k];
        if t.kind == TokKind::Number {
            let year = t.text.len() >= 3 && t.text.bytes().all(|b| b.is_ascii_digit());
            let mut after = k + 1;
            if toks.get(after).is_some_and(|d| d.text == "–")
                && toks
                    .get(after + 1)
                    .is_some_and(|y| y.kind == TokKind::Number)
            {
                after += 2;
            }
            let article = toks.get(after).is_some_and(|a| opens_noun_phrase(&a.lower));
            // "of" before the year: "the war of 1438", "the spring of 1525".
            let of_year = toks[k - 1].lower == "of";
            return (year && of_year && article && after + 2 < n).then_some(after);
        }
        let plain = t.is_word()
            && !is_aux(&t.lower)
            && lex.past_lemma(&t.lower).is_none()
            && lex.present_lemma(&t.lower).is_none()
            // "spring", "morning": ends in -ing but is no participle.
            && lex.ing_lemma(&t.lower).is_none();
        if !plain {
            return None;
        }
        k += 1;
    }
    None
}

/// Pushes a clause, splitting "X captured Y and executed Z" into two with one subject.
fn push_with_coordination(toks: &[Token], mut c: Clause, n: usize, out: &mut Vec<Clause>) {
    let lex = lexicon();
    let (a, b) = c.rest;
    for k in a..b {
        if toks[k].lower == "and" && k + 1 < b {
            let nt = &toks[k + 1];
            if nt.is_word() && !nt.is_capitalised() {
                if let Some(l) = lex.past_lemma(&nt.lower) {
                    // "were protected by Charlemagne and founded a school": the second
                    // predicate is no part of the first; "were captured and executed"
                    // shares its auxiliary and stays whole.
                    if matches!(c.verb, Verb::Aux(_)) && k > a + 1 {
                        c.rest.1 = if toks[k - 1].is_punct(",") { k - 1 } else { k };
                        break;
                    }
                    if matches!(c.verb, Verb::Past(..)) {
                        let end = clause_end(toks, k + 1, n);
                        let second = Clause {
                            subj: c.subj,
                            pre_verb: (c.subj.1, c.subj.1),
                            verb: Verb::Past(k + 1, l.to_string()),
                            rest: (k + 2, end),
                            intro: c.intro,
                            linked_time: None,
                        };
                        c.rest = (
                            a,
                            if k > a && toks[k - 1].is_punct(",") {
                                k - 1
                            } else {
                                k
                            },
                        );
                        out.push(c);
                        out.push(second);
                        return;
                    }
                }
            }
        }
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn show(s: &str) -> Vec<String> {
        let t = tokenize(s, 0);
        clauses(&t)
            .iter()
            .map(|c| {
                let w = |a: usize, b: usize| {
                    t[a..b]
                        .iter()
                        .map(|x| x.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                format!(
                    "[{}] <{}> [{}]",
                    w(c.subj.0, c.subj.1),
                    t[c.verb.index()].text,
                    w(c.rest.0, c.rest.1)
                )
            })
            .collect()
    }

    #[test]
    fn finds_subject_verb_rest() {
        let c = show("The culmination of this conflict came in 1960, when the Soviet Union withdrew its advisers and aid from China, leaving Mao alone.");
        assert_eq!(
            c,
            vec![
                "[The culmination of this conflict] <came> [in 1960]",
                "[the Soviet Union] <withdrew> [its advisers and aid from China]",
                // The participle phrase shares the subject of the clause it follows.
                "[the Soviet Union] <leaving> [Mao alone]"
            ]
        );
        let c = show("In 1949, Mao proclaimed the People's Republic of China.");
        assert_eq!(
            c,
            vec!["[Mao] <proclaimed> [the People's Republic of China]"]
        );
        let c = show("It was introduced in Norway in 1349 when a ship landed at Askøy.");
        assert_eq!(c[0], "[It] <was> [introduced in Norway in 1349]");
        assert_eq!(c[1], "[a ship] <landed> [at Askøy]");
    }

    #[test]
    fn fronted_phrases_before_the_subject_are_skipped() {
        // A weekday before the date, then two place phrases, each up to its comma.
        let c = show("On Sunday 27 July 1214, near the village of Bouvines, between Lille and Tournai, the army of Philip smashed a coalition.");
        assert_eq!(c, vec!["[the army of Philip] <smashed> [a coalition]"]);
        let c = show("On Sunday 27 July 1214 the army of Philip smashed a coalition.");
        assert_eq!(c, vec!["[the army of Philip] <smashed> [a coalition]"]);
        // "a general rising": an "-ing" noun after an adjective.
        let c = show("The leaders pushed through a decision for a general rising in May 1903.");
        assert_eq!(
            c,
            vec!["[The leaders] <pushed> [through a decision for a general rising in May 1903]"]
        );
        // "spring" ends in -ing but is no participle.
        let c = show(
            "In the spring of 1525 the imperial army destroyed the French army outside Pavia.",
        );
        assert_eq!(
            c,
            vec!["[the imperial army] <destroyed> [the French army outside Pavia]"]
        );
    }

    #[test]
    fn coordinated_verbs_split() {
        let c = show("William invaded England in 1066 and defeated Harold at Hastings.");
        assert_eq!(
            c,
            vec![
                "[William] <invaded> [England in 1066]",
                "[William] <defeated> [Harold at Hastings]"
            ]
        );
    }
}
