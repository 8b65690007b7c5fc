//! What "he", "it", "they" and "this" stand for, and phrases of a sentence with their
//! leading pronoun resolved.

use super::clauses::Clause;
use super::entities::{Entity, EntityKind};
use super::lexicon::{is_aux_or_past, lexicon};
use super::questions::answer_text;
use super::render::{in_brackets, lower_first, possessive, render, Piece};
use super::text::{Document, Sentence};
use super::tokens::{TokKind, Token};

pub(super) use super::lexicon::PRONOUNS_AND_THAT as PRONOUNS;

/// What a capitalised word first in its sentence is (see `Ctx::first_word`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FirstWord {
    Common,
    Name,
    Unsure,
}

/// Everything a question builder needs about one sentence.
pub(super) struct Ctx<'a> {
    pub(super) doc: &'a Document,
    pub(super) si: usize,
    pub(super) clauses: &'a [Vec<Clause>],
}

impl<'a> Ctx<'a> {
    pub(super) fn s(&self) -> &'a Sentence {
        &self.doc.sentences[self.si]
    }

    /// The most recent person named before token `before` of this sentence, or in
    /// the two sentences before.
    pub(super) fn last_person(&self, before: usize) -> Option<String> {
        // "he" is one person: a group the entity step took for a name ("Anglican
        // Tories", "the Athenians") is not what it stands for.
        self.last_person_any(before)
            .filter(|name| !plural_name(name))
    }

    fn last_person_any(&self, before: usize) -> Option<String> {
        self.last_person_within(before, 3)
    }

    /// `last_person_any`, following a "he" that opens a sentence before back at most
    /// `depth` sentences.
    fn last_person_within(&self, before: usize, depth: usize) -> Option<String> {
        let s = self.s();
        if let Some(e) = s
            .entities
            .iter()
            .rev()
            .find(|e| e.end <= before && e.kind == EntityKind::Person)
        {
            // "…, as Bede tells it, he …": the source is not the actor.
            if is_source(s, e) {
                return None;
            }
            // "Liu Biao died just as Cao Cao's army approached, and his son …":
            // with two people named before it, "his" could be either.
            let name = answer_text(s, e);
            let other = s.entities.iter().any(|o| {
                o.end <= before && o.kind == EntityKind::Person && answer_text(s, o) != name
            });
            if other {
                return None;
            }
            return Some(name);
        }
        for k in (self.si.saturating_sub(2)..self.si).rev() {
            let p = &self.doc.sentences[k];
            if p.boilerplate {
                continue;
            }
            if let Some(c) = self.clauses[k].first() {
                // The sentence before is about "he" too: he is whom that "he" stands
                // for, not the other person it names ("That year he invaded Maui
                // with Young. His rival …").
                if let Some(t) = (c.subj.0..c.subj.1)
                    .find(|&t| matches!(p.tokens[t].lower.as_str(), "he" | "she"))
                {
                    if depth == 0 {
                        return None;
                    }
                    let before_ctx = Ctx {
                        doc: self.doc,
                        si: k,
                        clauses: self.clauses,
                    };
                    return before_ctx
                        .last_person_within(t, depth - 1)
                        .filter(|name| !plural_name(name));
                }
                // A name of no known kind as the subject may be the person ("Khmelnytsky
                // appealed to the king"): the other person it names is a guess.
                if p.entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Name && e.start >= c.subj.0 && e.end <= c.subj.1)
                {
                    return None;
                }
            }
            // A source ("as Bede tells it", "according to Livy") is never the actor:
            // with one in the sentence, "he" is someone it reports on, or unclear.
            if p.entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && is_source(p, e))
            {
                return None;
            }
            // "…, compared to Leonidas at Thermopylae. His great-grandson …": a
            // figure the text likens someone to is not whom "his" stands for.
            if p.entities.iter().any(|e| {
                matches!(e.kind, EntityKind::Person | EntityKind::Name) && is_likened_to(p, e)
            }) {
                return None;
            }
            // Prefer the subject of the previous sentence when it is a person, unless
            // the sentence names another man by a noun ("Suvorov escorted the
            // prisoner, who …. He was executed": round 27 executed Suvorov).
            if let Some(c) = self.clauses[k].first() {
                if let Some(e) = p.entities.iter().find(|e| {
                    e.kind == EntityKind::Person && e.start >= c.subj.0 && e.end <= c.subj.1
                }) {
                    if names_another_person(p, e.end) || another_person_acts(p, e) {
                        return None;
                    }
                    return Some(answer_text(p, e));
                }
            }
            // Then the person right after its main verb, or after "by" ("France sent
            // Talleyrand, who …", "It was led by Hong"); then the one person it names.
            // With two or more, "he" could be either.
            if let Some(c) = self.clauses[k].first() {
                // "The order reached Montgomery": the object of a verb of going
                // is a place, whatever the entity step took it for (round 40
                // wrote "Montgomery and other ministers" for King). With no person
                // as the subject of such a sentence, "he" is left unresolved.
                let verb = p.tokens[c.verb.index()].lower.as_str();
                let lex = lexicon();
                let lemma = lex
                    .past_lemma(verb)
                    .or_else(|| lex.present_lemma(verb))
                    .unwrap_or(verb);
                if matches!(
                    lemma,
                    "reach"
                        | "enter"
                        | "leave"
                        | "visit"
                        | "occupy"
                        | "capture"
                        | "besiege"
                        | "cross"
                        | "approach"
                        | "storm"
                        | "seize"
                ) {
                    return None;
                }
                let at =
                    c.rest.0 + usize::from(p.tokens.get(c.rest.0).is_some_and(|t| t.lower == "by"));
                if let Some(e) = p.entities.iter().find(|e| {
                    e.kind == EntityKind::Person && e.title.map_or(e.start, |t| t.0) == at
                }) {
                    return Some(answer_text(p, e));
                }
            }
            let mut people = p.entities.iter().filter(|e| e.kind == EntityKind::Person);
            if let Some(e) = people.next() {
                let name = answer_text(p, e);
                if people.any(|o| answer_text(p, o) != name) {
                    return None;
                }
                return Some(name);
            }
            // A name of no known kind in this nearer sentence may be the person
            // ("That spring Saladin had smashed …"): one named further back is a
            // guess (round 26 gave Saladin's victories to "al-Salih Ismail").
            if p.entities.iter().any(|e| e.kind == EntityKind::Name) {
                return None;
            }
        }
        None
    }

    /// The subject of the previous sentence's main clause, for "it"/"they".
    pub(super) fn previous_subject(&self, plural: bool) -> Option<String> {
        let k = self.si.checked_sub(1)?;
        let p = &self.doc.sentences[k];
        if p.boilerplate {
            return None;
        }
        let c = self.clauses[k].first()?;
        let (mut a, b) = c.subj;
        // "But the Germans had a card to play. On 9 February they signed …": the
        // conjunction ties the sentence to its own predecessor, not to the subject.
        if b > a + 1
            && matches!(
                p.tokens[a].lower.as_str(),
                "but" | "and" | "yet" | "so" | "or"
            )
        {
            a += 1;
        }
        if b - a > 6
            || p.tokens[a..b]
                .iter()
                .any(|t| PRONOUNS.contains(&t.lower.as_str()) || t.kind == TokKind::Punct)
        {
            return None;
        }
        if subject_is_plural(p, b) != plural {
            return None;
        }
        // "The one-sentence answer is that Richelieu besieged La Rochelle ….
        // Its fall …": a subject whose verb says what it is with a "that" clause
        // is an argument, not a thing that falls.
        let verb = p.tokens[c.verb.index()].lower.as_str();
        if matches!(verb, "is" | "was") && p.tokens.get(c.rest.0).is_some_and(|t| t.lower == "that")
        {
            return None;
        }
        // "Contrary winds made an advance impractical, so the Dutch turned toward
        // the Medway. On 10 June they …": a later clause's subject of the same
        // number could be meant as well.
        // (The clause finder does not split at ", so": a people named after the
        // subject counts too.)
        if self.clauses[k][1..]
            .iter()
            .any(|o| could_also_be_meant(p, o.subj, plural))
            || plural
                && p.entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Group && e.start >= b)
        {
            return None;
        }
        if p.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.start >= a && e.end <= b)
        {
            return None;
        }
        if object_could_be_meant(p, c, plural) {
            return None;
        }
        let mut t = p.span_text(a, b);
        if lexicon().is_function(&p.tokens[a].lower) {
            t = lower_first(&t);
        }
        Some(t)
    }

    /// What a pronoun stands for, where that is clear.
    pub(super) fn resolve(&self, tok: usize) -> Option<String> {
        let t = &self.s().tokens[tok];
        // "it" and "they" are looked for in the sentence before only when they open
        // this one: later ("…, but it was crushed", "… burned it") they usually mean
        // something in this sentence, which is not resolved.
        let opens_sentence = self.clauses[self.si].first().is_none_or(|c| tok < c.subj.1);
        if !opens_sentence && matches!(t.lower.as_str(), "it" | "its" | "they" | "them" | "their") {
            return None;
        }
        // "she" is a woman the text marks as one; "he" and "his" never are.
        let woman = |name: &String| super::gender::is_woman(&self.doc.women, name);
        match t.lower.as_str() {
            "he" | "him" | "she" if self.name_subject_before(tok) => None,
            "he" | "him" => self.last_person(tok).filter(|p| !woman(p)),
            "she" => self.last_person(tok).filter(woman),
            // "On his way home Musa ran short": a "his" before its own clause's
            // subject, a person, means that person; the card names him already.
            "his" if self.person_subject_after(tok) => Some(t.text.clone()),
            "his" => self
                .last_person(tok)
                .filter(|p| !woman(p))
                .map(|p| possessive(&p)),
            "her" => None, // object or possessive: ambiguous
            "it" if opens_cleft(&self.s().tokens, tok) => None,
            "it" => self
                .previous_subject(false)
                .filter(|s| !self.short_for_a_person(s)),
            "its" => self
                .previous_subject(false)
                .filter(|s| !self.short_for_a_person(s))
                .map(|p| possessive(&p)),
            "they" | "them" => self.previous_subject(true),
            "their" => self.previous_subject(true).map(|p| possessive(&p)),
            _ => None,
        }
    }

    /// Whether `name` is a person, which "it" never is: a short name of one of the
    /// text's people, or a bare name in a sentence that goes on to say "he" or
    /// "she" ("Hitler could not afford a vote, so he moved to prevent it. … much
    /// of it was run by telephone": round 39 wrote "Much of Hitler was run").
    fn short_for_a_person(&self, name: &str) -> bool {
        let names = &self.doc.full_names;
        let bare_name = !name.contains(' ') && name.starts_with(char::is_uppercase);
        let called_he_before = || {
            self.si.checked_sub(1).is_some_and(|k| {
                self.doc.sentences[k].tokens.iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "he" | "she" | "him" | "his" | "himself" | "herself"
                    )
                })
            })
        };
        names.full.contains_key(name)
            || names.shared.contains(name)
            || bare_name && called_he_before()
    }

    /// Whether a clause of this sentence before `tok` has a name of no known kind in
    /// its subject: "Tegetthoff was promoted …; he died young" (round 35 gave the
    /// death to Persano, named in the sentence before). That name is most likely
    /// whom "he" stands for, and a person named further back is a guess.
    fn name_subject_before(&self, tok: usize) -> bool {
        let s = self.s();
        self.clauses[self.si].iter().any(|c| {
            c.subj.1 <= tok
                && s.entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Name && e.start >= c.subj.0 && e.end <= c.subj.1)
        })
    }

    /// Whether "his" at `tok` stands in a phrase fronted before its clause's subject,
    /// a name ("On his way home Musa …"; the parser may fold the phrase into the
    /// subject).
    fn person_subject_after(&self, tok: usize) -> bool {
        let s = self.s();
        // (After an opening "But" or "And": "But on his return Villeneuve …".)
        let opening = s
            .tokens
            .iter()
            .find(|t| !matches!(t.lower.as_str(), "but" | "and" | "yet" | "so"));
        let fronted = opening.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "on" | "in" | "during" | "after" | "at" | "upon" | "despite" | "for" | "to"
            )
        });
        // "On his return he ran into …": the subject "he" is resolved to the
        // name, and "his" before it is that name's.
        // (The parser may fold the fronted phrase into the subject: the subject
        // then ends in the pronoun.)
        let pronoun_subject = |c: &Clause| {
            c.subj.1 > tok + 1
                && s.tokens
                    .get(c.subj.1 - 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "he" | "she"))
        };
        let named_subject = |c: &Clause| {
            s.entities.iter().any(|e| {
                matches!(e.kind, EntityKind::Person | EntityKind::Name)
                    && e.start > tok
                    && e.end == c.subj.1
            })
        };
        // "Whether out of anger, or because leaving a garrison on his flank was a bad
        // idea, Suleiman turned …": a "his" in a fronted subordinate clause is the
        // main clause's subject, if no other person or name comes before it.
        let subordinate = opening.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "whether"
                    | "because"
                    | "although"
                    | "though"
                    | "when"
                    | "while"
                    | "once"
                    | "if"
                    | "as"
                    | "since"
            )
        });
        (fronted
            && self.clauses[self.si]
                .iter()
                .any(|c| pronoun_subject(c) || c.subj.0 <= tok && named_subject(c)))
            || subordinate && self.main_subject_after_comma(tok)
    }

    /// Whether the main clause after the fronted clause holding `tok` opens with a
    /// person's name and its verb ("…, Suleiman turned"), with no other person
    /// named before it. Read from the tokens: such sentences often parse to no clause.
    fn main_subject_after_comma(&self, tok: usize) -> bool {
        let s = self.s();
        let lex = lexicon();
        let Some(comma) = (tok + 1..s.tokens.len())
            .filter(|&k| s.tokens[k].is_punct(","))
            .find(|&k| s.entities.iter().any(|e| e.start == k + 1))
        else {
            return false;
        };
        let person_before = s
            .entities
            .iter()
            .any(|e| matches!(e.kind, EntityKind::Person | EntityKind::Name) && e.end <= comma);
        !person_before
            && s.entities.iter().any(|e| {
                e.start == comma + 1
                    && matches!(e.kind, EntityKind::Person | EntityKind::Name)
                    && s.tokens
                        .get(e.end)
                        .is_some_and(|v| lex.past_lemma(&v.lower).is_some())
            })
    }

    /// The subject as pieces, lower-casing a leading function word and resolving a
    /// leading pronoun. None when a pronoun cannot be resolved.
    pub(super) fn subject(&self, c: &Clause) -> Option<(Vec<Piece>, bool)> {
        self.phrase(c.subj.0, c.subj.1, true, true)
    }

    /// What the capitalised word at `k`, first in its sentence, is when a phrase
    /// moves it from the start: a common word capitalised only because it comes
    /// first ("Tenants flooded …"), or a name ("Hoover proposed …", "Foreign
    /// Secretary Balfour …", "Article 3 …"). Judges called a name lower-cased in
    /// a question ungrammatical, and a common noun left capitalised reads no better.
    fn first_word(&self, k: usize) -> FirstWord {
        let s = self.s();
        let word = &s.tokens[k];
        let lex = lexicon();
        // "Adela, daughter of …": a first word before an apposition is a name;
        // so is one before another capitalised word or a number.
        let name_follows = s.tokens.get(k + 1).is_some_and(|t| {
            t.is_punct(",") || t.is_punct("'") || t.is_capitalised() || t.kind == TokKind::Number
        });
        let case = &self.doc.case;
        // "Manstein's relief attempt": a capitalised possessive is a name's, unless
        // it is a day's ("Today's", "Yesterday's").
        let possessive = super::tokens::strip_possessive(&word.lower).is_some_and(|stem| {
            stem.len() > 1
                && !lex.is_function(stem)
                && !matches!(stem, "today" | "yesterday" | "tomorrow" | "tonight")
        });
        if name_follows
            || possessive
            || lex.is_given_name(&word.text)
            || lex.is_place(&word.text)
            || lex.is_country(&word.text)
            || case.capitalised.contains(&word.text)
        {
            return FirstWord::Name;
        }
        let w = word.lower.as_str();
        // A verb's inflected form ("Clearing the bush …", "Recorded outrages …"; a
        // bare lemma may be a name: "Hoover"), a plural ("Tenants", not "Mardonius"),
        // or a noun of a common ending.
        let inflected = lex.past_lemma(w).is_some_and(|l| l != w)
            || lex.ing_lemma(w).is_some()
            || lex.present_lemma(w).is_some_and(|l| l != w);
        let plural = w.len() > 3
            && w.ends_with('s')
            && !["us", "ss", "is", "as", "os"]
                .iter()
                .any(|e| w.ends_with(e));
        let common_ending = [
            "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism",
        ]
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e));
        // A verb's lemma before a word that is no past verb modifies it ("Border
        // clashes broke out", "Yellow fever killed"); before a past verb it may be
        // a name ("Hoover proposed").
        let modifier = lex.is_verb_lemma(w)
            && s.tokens.get(k + 1).is_some_and(|t| {
                t.is_word() && lex.past_lemma(&t.lower).is_none_or(|l| l == t.lower)
            });
        if case.lowercase.contains(w) || inflected || plural || common_ending || modifier {
            FirstWord::Common
        } else {
            FirstWord::Unsure
        }
    }

    /// Tokens `a..b` as pieces; a pronoun at the start is resolved or gives None.
    pub(super) fn phrase(
        &self,
        a: usize,
        b: usize,
        lower_det: bool,
        drop_parenthetical: bool,
    ) -> Option<(Vec<Piece>, bool)> {
        let s = self.s();
        let mut out = Vec::new();
        let mut resolved = false;
        let mut k = a;
        // Drop parentheticals set off by commas ("Mao, in turn, criticized").
        let commas: Vec<usize> = (a..b).filter(|&i| s.tokens[i].is_punct(",")).collect();
        // "Britain, Austria, Prussia and Russia": commas of a list of names, whose
        // middle item is no parenthetical (round 51 lost Austria).
        let list_of_names = commas.len() == 2
            && (commas[0] + 1..commas[1]).all(|i| s.tokens[i].is_capitalised())
            && commas[1] > commas[0] + 1
            && s.tokens[commas[1] + 1..b]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "and" | "or"));
        let skip = if commas.len() == 2 && drop_parenthetical && !list_of_names {
            Some((commas[0], commas[1]))
        } else {
            None
        };
        if k < b {
            let first = &s.tokens[k];
            if PRONOUNS.contains(&first.lower.as_str()) {
                let nextword = s.tokens.get(k + 1).is_some_and(|n| {
                    n.is_word()
                        && k + 1 < b
                        && !super::lexicon::is_aux(&n.lower)
                        && lexicon().past_lemma(&n.lower).is_none()
                        && lexicon().present_lemma(&n.lower).is_none()
                });
                let demonstrative =
                    matches!(first.lower.as_str(), "this" | "these" | "those" | "that");
                // "That evening" counts from a time said before: "the evening" would
                // not say which.
                if demonstrative
                    && s.tokens
                        .get(k + 1)
                        .is_some_and(|n| super::lexicon::is_time_unit(&n.lower))
                {
                    return None;
                }
                if demonstrative && nextword {
                    // "This shift" → "the shift".
                    out.push(Piece::Text(if first.is_capitalised() && !lower_det {
                        "The".into()
                    } else {
                        "the".into()
                    }));
                    resolved = true;
                } else {
                    out.push(Piece::Text(self.resolve(k)?));
                    resolved = true;
                }
                k += 1;
            } else if lower_det
                && first.is_capitalised()
                // "Two years later" is shown as its year by the renderer.
                && !s.anchors.iter().any(|x| x.start == k)
                // "US", "UN": an acronym keeps its capitals.
                && !first.text.chars().skip(1).any(char::is_uppercase)
                && !lexicon().is_demonym(&first.text)
                && !s
                    .entities
                    .iter()
                    .any(|e| e.title.map_or(e.start, |t| t.0) <= k && k < e.end)
            {
                let lower = if lexicon().is_function(&first.lower) {
                    true
                } else if k == 0 {
                    match self.first_word(k) {
                        FirstWord::Common => true,
                        FirstWord::Name => false,
                        // Neither case would surely read right: no phrase.
                        FirstWord::Unsure => return None,
                    }
                } else {
                    false
                };
                if lower {
                    out.push(Piece::Text(first.lower.clone()));
                    k += 1;
                }
            }
        }
        let first_content = k;
        while k < b {
            if let Some((x, y)) = skip {
                if k >= x && k <= y {
                    k += 1;
                    continue;
                }
            }
            if in_brackets(s, k) {
                k += 1;
                continue;
            }
            let t = &s.tokens[k];
            // A possessive after a clause's verb belongs to that clause's subject ("the
            // samurai lost their right"), so it stays as written.
            if k > first_content
                && matches!(t.lower.as_str(), "its" | "their" | "his")
                && self.binds_to_subject(k)
            {
                out.push(Piece::Tok(k));
                k += 1;
                continue;
            }
            if PRONOUNS.contains(&t.lower.as_str())
                && !matches!(t.lower.as_str(), "this" | "that" | "these" | "those")
            {
                // A pronoun inside the phrase is fine after a name it can refer to
                // ("Mao and his party"); otherwise it must be resolved.
                let named_before = s.entities.iter().any(|e| {
                    e.start >= a
                        && e.end <= k
                        && matches!(
                            e.kind,
                            EntityKind::Person
                                | EntityKind::Name
                                | EntityKind::Group
                                | EntityKind::Place
                                | EntityKind::Organization
                        )
                });
                if !named_before
                    || matches!(t.lower.as_str(), "them" | "they" | "it") && k > first_content
                {
                    if named_before {
                        out.push(Piece::Tok(k));
                    } else {
                        let name = self.resolve(k)?;
                        // "Diponegoro dictated his chronicle", not "… Diponegoro's
                        // chronicle": a possessive whose name the prompt already has
                        // stays a pronoun.
                        let base = name.trim_end_matches("'s").trim_end_matches('\'');
                        if k > first_content
                            && matches!(t.lower.as_str(), "his" | "its" | "their")
                            && render(s, &out).contains(base)
                        {
                            out.push(Piece::Tok(k));
                        } else {
                            out.push(Piece::Text(name));
                            resolved = true;
                        }
                    }
                    k += 1;
                    continue;
                }
            }
            out.push(Piece::Tok(k));
            k += 1;
        }
        Some((out, resolved))
    }

    /// Whether the possessive at `k` stands after its clause's verb, where it refers to
    /// that clause's subject ("his" only when the subject names a person).
    fn binds_to_subject(&self, k: usize) -> bool {
        let s = self.s();
        self.clauses[self.si].iter().any(|c| {
            c.rest.0 <= k
                && k < c.rest.1
                && (s.tokens[k].lower != "his"
                    || s.entities.iter().any(|e| {
                        e.kind == EntityKind::Person && e.start >= c.subj.0 && e.end <= c.subj.1
                    })
                    || (c.subj.0..c.subj.1).any(|i| s.tokens[i].lower == "he"))
        })
    }

    pub(super) fn toks(&self, a: usize, b: usize, except: Option<(usize, usize)>) -> Vec<Piece> {
        let s = self.s();
        (a..b)
            .filter(|k| except.is_none_or(|(x, y)| *k < x || *k >= y) && !in_brackets(s, *k))
            .map(Piece::Tok)
            .collect()
    }
}

/// Whether a subject ending before token `end` of `p` is plural: a plural common
/// noun ("the shoals") or a group's name ending in "s" ("the Dutch" is not).
fn subject_is_plural(p: &Sentence, end: usize) -> bool {
    let last = &p.tokens[end - 1];
    last.looks_plural()
        || p.entities
            .iter()
            .any(|e| e.kind == EntityKind::Group && e.end == end && last.lower.ends_with('s'))
}

/// Whether the subject `a..b` of another clause of `p` could be what "they" (when
/// `plural`) or "it" means: a thing or group of that number, not a pronoun or a
/// person.
fn could_also_be_meant(p: &Sentence, (a, b): (usize, usize), plural: bool) -> bool {
    if b <= a
        || p.tokens[a..b]
            .iter()
            .any(|t| PRONOUNS.contains(&t.lower.as_str()))
        || p.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.start >= a && e.end <= b)
    {
        return false;
    }
    let group = p
        .entities
        .iter()
        .any(|e| e.kind == EntityKind::Group && e.end == b);
    if plural {
        group || subject_is_plural(p, b)
    } else {
        !group && !subject_is_plural(p, b)
    }
}

/// Whether the object right after the verb of clause `c` could be what a following
/// "it" (or "they", when `plural`) means: "Japan adopted a constitution. It created a
/// parliament." names two things "it" could be, so neither is chosen.
fn object_could_be_meant(p: &Sentence, c: &Clause, plural: bool) -> bool {
    // After "was", "became" the noun is the subject again ("The congress was a
    // conference. It …").
    let verb = &p.tokens[c.verb.index()].lower;
    if matches!(
        verb.as_str(),
        "is" | "was" | "are" | "were" | "became" | "becomes" | "remained" | "remains"
    ) {
        return false;
    }
    let (a, b) = c.rest;
    let mut k = a;
    while k < b && p.tokens[k].is_word() && p.tokens[k].lower.ends_with("ly") {
        k += 1;
    }
    if k >= b {
        return false;
    }
    if let Some(e) = p.entities.iter().find(|e| e.start == k) {
        return match e.kind {
            EntityKind::Person => false,
            EntityKind::Group => plural,
            EntityKind::Place | EntityKind::Organization | EntityKind::Event | EntityKind::Name => {
                !plural
            }
            EntityKind::Term => {
                let last = &p.tokens[e.end - 1].lower;
                plural == (last.ends_with('s') && !last.ends_with("ss"))
            }
            _ => false,
        };
    }
    if !matches!(
        p.tokens[k].lower.as_str(),
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "these" | "those"
    ) {
        return false;
    }
    // The head noun: the last word before a preposition, a comma or the clause's end.
    let mut head = None;
    for t in &p.tokens[k + 1..b] {
        if !t.is_word() || lexicon().is_function(&t.lower) {
            break;
        }
        head = Some(t.lower.as_str());
    }
    head.is_some_and(|h| plural == (h.ends_with('s') && !h.ends_with("ss")))
}

/// Whether sentence `p` names a person by a noun after token `from` ("the
/// prisoner", "his son", "the king"), not as the title of a name ("the king,
/// Edward", "King Edward"): someone a later "he" may mean.
fn names_another_person(p: &Sentence, from: usize) -> bool {
    (from..p.tokens.len().saturating_sub(1)).any(|k| {
        let t = &p.tokens[k];
        let noun = &p.tokens[k + 1];
        // "Brown was not a man for gestures": after "was" the noun is the subject.
        let predicate = k > 0
            && matches!(
                p.tokens[k - 1].lower.as_str(),
                "was" | "is" | "were" | "became" | "remained" | "as" | "not"
            );
        matches!(
            t.lower.as_str(),
            "the" | "a" | "an" | "his" | "their" | "this"
        ) && !predicate
            && !noun.is_capitalised()
            && super::people::names_a_person(noun)
            && !lexicon().is_demonym(&noun.text)
            && !p
                .entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && (e.start == k + 2 || e.start == k + 3))
    })
}

/// Whether another person than `e` is, later in `p`, the subject of a verb of its
/// own: "Stalin had insisted on Soviet soil, which meant Roosevelt, a sick man, had
/// to travel. He would be dead two months later" (round 43 gave Roosevelt's death
/// to Stalin): "he" could be either.
fn another_person_acts(p: &Sentence, e: &Entity) -> bool {
    let name = answer_text(p, e);
    let t = &p.tokens;
    p.entities.iter().any(|o| {
        if o.kind != EntityKind::Person || o.start < e.end || answer_text(p, o) == name {
            return false;
        }
        // Past an aside in commas: "Roosevelt, already a sick man, had …".
        let mut k = o.end;
        if t.get(k).is_some_and(|x| x.is_punct(",")) {
            k = match (k + 1..t.len()).find(|&j| t[j].is_punct(",")) {
                Some(j) => j + 1,
                None => return false,
            };
        }
        t.get(k).is_some_and(|v| is_aux_or_past(&v.lower))
    })
}

/// Whether a name reads as a plural: "Anglican Tories", "the Athenians" ("Brasidas"
/// and "Pericles" do not).
fn plural_name(name: &str) -> bool {
    name.split_whitespace().last().is_some_and(|w| {
        let w = w.to_lowercase();
        w.len() > 4 && (w.ends_with("ies") || w.ends_with("ians") || w.ends_with("ans"))
    })
}

/// Verbs that report what a source says.
const REPORTING_VERBS: &[&str] = &[
    "says",
    "said",
    "tells",
    "told",
    "writes",
    "wrote",
    "records",
    "recorded",
    "reports",
    "reported",
    "notes",
    "noted",
    "claims",
    "claimed",
    "relates",
    "related",
    "describes",
    "described",
];

/// Whether a person of a sentence is only its source, named in an aside: "as Livy
/// tells it", "according to Herodotus". ("The historian Gibbon wrote …" makes him
/// the actor, and "he" after it may well be him.)
fn is_source(s: &Sentence, e: &super::entities::Entity) -> bool {
    let after = s.tokens.get(e.end).map(|t| t.lower.as_str());
    let reports = after.is_some_and(|a| REPORTING_VERBS.contains(&a));
    let start = e.title.map_or(e.start, |t| t.0);
    let as_aside = start >= 1 && s.tokens[start - 1].lower == "as" && reports;
    let according =
        start >= 2 && s.tokens[start - 2].lower == "according" && s.tokens[start - 1].lower == "to";
    as_aside || according
}

/// A person named as a comparison or an example: "compared, rather loosely, to
/// Leonidas", "like Caesar", "other names, such as Alexander" (round 40 gave
/// Champollion's work of 1822 to "Alexander"). (Not "a new …": "the new king
/// Henry" is the king.)
fn is_likened_to(s: &Sentence, e: &super::entities::Entity) -> bool {
    let start = e.title.map_or(e.start, |t| t.0);
    let before = &s.tokens[start.saturating_sub(8)..start];
    let last = before.last().map(|t| t.lower.as_str());
    let such_as = before.len() >= 2
        && before[before.len() - 2].lower == "such"
        && before[before.len() - 1].lower == "as";
    last == Some("like")
        || such_as
        || matches!(last, Some("to" | "with"))
            && before
                .iter()
                .any(|t| matches!(t.lower.as_str(), "compared" | "likened" | "comparison"))
}

/// "It was the children of the refugees who formed the RPF", "It is likely that
/// …": an "it" that stands for nothing but the clause to come. (Not "It was built
/// by …": a passive's "it" is a thing.)
fn opens_cleft(toks: &[Token], it: usize) -> bool {
    if !toks
        .get(it + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "is" | "was"))
    {
        return false;
    }
    let after = &toks[it + 2..toks.len().min(it + 14)];
    after
        .first()
        .is_some_and(|t| lexicon().past_lemma(&t.lower).is_none())
        && after
            .iter()
            .take_while(|t| !t.is_punct(",") && !t.is_punct(";"))
            .any(|t| matches!(t.lower.as_str(), "who" | "that"))
}

#[cfg(test)]
mod tests {
    use super::plural_name;

    #[test]
    fn a_source_named_in_an_aside_is_not_the_actor() {
        use super::super::text::Document;
        use super::is_source;
        let doc = Document::analyse(
            "The treaty, as Procopius tells it, pleased Justinian. The historian Edward Gibbon wrote in 1776.",
        );
        let person = |si: usize, name: &str| {
            let s = &doc.sentences[si];
            let e = s
                .entities
                .iter()
                .find(|e| s.span_text(e.start, e.end).contains(name))
                .unwrap_or_else(|| panic!("{name} in {:?}", s.entities));
            is_source(s, e)
        };
        assert!(person(0, "Procopius"));
        assert!(!person(0, "Justinian"));
        assert!(!person(1, "Gibbon"));
    }

    #[test]
    fn his_after_two_people_of_one_sentence_is_unresolved() {
        use super::super::clauses::clauses;
        use super::super::text::Document;
        use super::Ctx;
        let doc = Document::analyse(
            "Liu Biao died just as Cao Cao's army approached, and his son Liu Cong surrendered. \
             Liu Bei fled south, and his men followed.",
        );
        let parsed: Vec<_> = doc.sentences.iter().map(|s| clauses(&s.tokens)).collect();
        let his = |si: usize| {
            let ctx = Ctx {
                doc: &doc,
                si,
                clauses: &parsed,
            };
            let k = doc.sentences[si]
                .tokens
                .iter()
                .position(|t| t.lower == "his")
                .expect("a his");
            ctx.resolve(k)
        };
        assert_eq!(his(0), None);
        assert_eq!(his(1).as_deref(), Some("Liu Bei's"));
    }

    /// What the first "his" of the second sentence of `text` is resolved to.
    fn second_sentence_his(text: &str) -> Option<String> {
        second_sentence_pronoun(text, "his")
    }

    /// What the first `word` of the second sentence of `text` is resolved to.
    fn second_sentence_pronoun(text: &str, word: &str) -> Option<String> {
        sentence_pronoun(text, 1, word)
    }

    /// What the first `word` of sentence `si` of `text` is resolved to.
    fn sentence_pronoun(text: &str, si: usize, word: &str) -> Option<String> {
        use super::super::clauses::clauses;
        use super::super::text::Document;
        use super::Ctx;
        let doc = Document::analyse(text);
        let parsed: Vec<_> = doc.sentences.iter().map(|s| clauses(&s.tokens)).collect();
        let ctx = Ctx {
            doc: &doc,
            si,
            clauses: &parsed,
        };
        let k = doc.sentences[si]
            .tokens
            .iter()
            .position(|t| t.lower == word)
            .expect("the pronoun");
        ctx.resolve(k)
    }

    #[test]
    fn he_after_a_name_of_unknown_kind_in_its_own_sentence_is_unresolved() {
        // Round 35: "Persano was tried …. Tegetthoff was promoted to vice admiral
        // and became a national hero; he died young" gave Persano's death.
        let he = second_sentence_pronoun(
            "Admiral Carlo Pellion di Persano was tried before the Senate in 1867. \
             Tegetthoff was promoted to vice admiral and became a national hero; he died young, in 1871.",
            "he",
        );
        assert_eq!(he, None);
        let he = second_sentence_pronoun(
            "Admiral Carlo Pellion di Persano was tried before the Senate in 1867. \
             After the trial he was dismissed from the service.",
            "he",
        );
        assert_eq!(he.as_deref(), Some("Carlo Pellion di Persano"));
    }

    #[test]
    fn his_before_its_own_subject_means_that_subject() {
        let his = second_sentence_his(
            "In Cairo he met the sultan al-Nasir Muhammad. \
             On his way home Musa ran short of gold.",
        );
        assert_eq!(his.as_deref(), Some("his"));
    }

    #[test]
    fn his_before_a_subject_after_but_or_a_pronoun_means_that_subject() {
        for second in [
            "But on his return Villeneuve ran into Calder's squadron.",
            "On his return he ran into Calder's squadron.",
        ] {
            let his = second_sentence_his(&format!(
                "Nelson chased Villeneuve across the ocean. {second}"
            ));
            assert_eq!(his.as_deref(), Some("his"), "{second}");
        }
    }

    #[test]
    fn a_figure_of_comparison_is_not_his() {
        let his = second_sentence_his(
            "The sortie gets compared, rather loosely, to Leonidas at Thermopylae. \
             His great-grandson wrote an epic about it.",
        );
        assert_eq!(his, None);
    }

    #[test]
    fn his_in_a_fronted_subordinate_clause_means_the_main_subject() {
        let his = second_sentence_his(
            "Zrínyi raided the Ottoman camp at Siklós. \
             Whether out of anger, or because leaving a garrison on his flank was a bad idea, \
             Suleiman turned towards Szigetvár.",
        );
        assert_eq!(his.as_deref(), Some("his"));
        // Another person named before the subject: "his" is left to the usual rules.
        let his = second_sentence_his(
            "Zrínyi raided the camp. \
             Because Mehmed had left a garrison on his flank, Suleiman turned back.",
        );
        assert_ne!(his.as_deref(), Some("his"));
    }

    #[test]
    fn he_after_a_man_and_another_named_by_a_noun_is_unresolved() {
        assert_eq!(
            second_sentence_pronoun(
                "Alexander Suvorov escorted the prisoner to Moscow. \
                 He was executed there on 10 January 1775.",
                "he"
            ),
            None
        );
        assert_eq!(
            second_sentence_pronoun(
                "Alexander Suvorov was not a man for half measures. He took Kazan in 1774.",
                "he"
            )
            .as_deref(),
            Some("Alexander Suvorov")
        );
    }

    #[test]
    fn he_after_another_man_as_a_later_clause_subject_is_unresolved() {
        let text = "Franklin Roosevelt and Joseph Stalin were there. Stalin had insisted \
                    on meeting on Soviet soil, which meant Roosevelt, already a visibly \
                    sick man, had to travel some 6,000 miles. He would be dead two \
                    months later, on 12 April.";
        assert_eq!(sentence_pronoun(text, 2, "he"), None);
        let text = "Franklin Roosevelt and Joseph Stalin were there. Stalin had insisted \
                    on meeting on Soviet soil, which meant a long journey for Roosevelt. \
                    He got his way on most points.";
        assert_eq!(sentence_pronoun(text, 2, "he").as_deref(), Some("Stalin"));
    }

    #[test]
    fn a_person_named_as_an_example_is_not_he() {
        let text = "The two names share four sounds. From this he drew up a \
                    list of values and tested it on other names, such as Alexander and \
                    several emperors. In September 1822 he looked at cartouches from Abu Simbel.";
        assert_eq!(sentence_pronoun(text, 2, "he"), None);
    }

    #[test]
    fn the_place_a_verb_of_going_reaches_is_not_he() {
        let text = "Black Montgomery had been preparing for years. \
                    The written order reached Montgomery on 20 December. \
                    In January 1957 he and other ministers founded a conference.";
        assert_eq!(sentence_pronoun(text, 2, "he"), None);
    }

    #[test]
    fn it_is_never_a_person_named_before() {
        let text = "The vote was called for 13 March. \
                    Hitler could not afford a vote for independence, so he moved to prevent it. \
                    What followed on 11 March is one of the stranger days in diplomatic \
                    history, because much of it was run by telephone from Berlin.";
        assert_eq!(sentence_pronoun(text, 2, "it"), None);
        let text = "Adolf Hitler spoke in Linz. Hitler wanted a vote. \
                    What followed is strange, because much of it was run by telephone.";
        assert_eq!(sentence_pronoun(text, 2, "it"), None);
        // A thing named as the subject before is still what "it" means.
        assert_eq!(
            second_sentence_pronoun(
                "The canal was finished in 1825. It cut freight costs by nine tenths.",
                "it"
            )
            .as_deref(),
            Some("the canal")
        );
    }

    #[test]
    fn a_plural_group_is_no_person_for_he() {
        assert!(plural_name("Anglican Tories"));
        assert!(plural_name("Athenians"));
        assert!(!plural_name("Brasidas"));
        assert!(!plural_name("Pericles"));
        assert!(!plural_name("James II"));
    }
}
