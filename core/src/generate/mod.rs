//! Card generation: from history prose, quiz cards.
//!
//! A rule-based, offline, deterministic pipeline (its stages are listed below; `docs/eval/` holds how its cards were judged):
//!
//! 1. [`sentences`] splits the text into sentences (abbreviations, initials and
//!    "c. 1900" do not end one) and drops boilerplate (greetings, sign-offs,
//!    opinion summaries);
//! 2. [`tokens`] cuts a sentence into words, numbers and punctuation;
//! 3. [`lexicon`] knows function words, verbs and their irregular forms, titles,
//!    places and other small embedded word lists;
//! 4. [`entities`] finds the spans worth asking about: dates, years, decades,
//!    centuries, numbers and quantities, people, places, organisations, events;
//! 5. [`clauses`] finds subject, verb and the rest of each clause;
//! 6. [`questions`] turns a clause and a span into a wh-question (do-support,
//!    inversion), [`forms`] adds relative-clause, event-noun, apposition and
//!    noun-phrase questions, [`amounts`] "how many/how much" and attribute
//!    questions, [`people`] knows the words that make an answer a "who", [`cloze`]
//!    blanks the answer in its clause; [`pronouns`] resolves
//!    "he"/"it"/"they" or gives up, [`render`] joins the words of a prompt;
//!    [`form_registry`] lists every one of these question forms with an example,
//!    and [`candidates`] loops over that list, collects and scores the cards;
//! 7. [`distractors`] picks multiple-choice options and true/false swaps;
//! 8. [`quality`] gives every candidate its features and the learned model's chance
//!    that a student keeps it; [`rank`] drops defects and near-duplicates and orders
//!    the cards best first; [`suggest`] keeps those above the model's bar, about one
//!    per 45 words, and holds the rest back.
//!
//! Everything is pure: no I/O, no randomness, the same input gives the same cards.
//!
//! To add a question form: write its function (beside its kind, in [`questions`],
//! [`forms`], [`amounts`] or [`causes`]), add one entry at the end of
//! [`form_registry::REGISTRY`] with a sentence written for it and the card it should
//! make; `cargo test -p clio-core --lib generate::form_registry` checks that the
//! generator makes that card, and a card records the name of the form that made it.
//! A new form is a new feature of the quality model: retrain it (see [`quality`]).

use std::collections::HashMap;

use rayon::prelude::*;

mod amounts;
mod anchors;
mod candidates;
mod causes;
mod clauses;
mod cloze;
mod distractors;
mod entities;
mod event_date;
mod form_registry;
mod forms;
mod full_names;
mod gender;
mod grammar;
mod guard;
mod leans;
mod lexicon;
mod participle_date;
mod people;
mod pronouns;
pub mod quality;
mod questions;
mod rank;
mod render;
mod sentences;
mod shape;
mod text;
mod tokens;

use serde::Serialize;
use ts_rs::TS;

pub use entities::EntityKind;

pub use crate::cards::CardKind;

/// A quiz card and the place in the text it came from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    /// Multiple choice only: four options, the answer among them, in a fixed order.
    pub choices: Vec<String>,
    /// The sentence the card was made from, as it stands in the text
    /// (`sentence` in JSON, as `clio cards --json` promises).
    #[serde(rename = "sentence")]
    pub source_sentence: String,
    /// Start of the source sentence in the text, in Unicode code points.
    #[ts(type = "number")]
    pub span_start: usize,
    /// End (exclusive) of the source sentence in the text, in Unicode code points.
    #[ts(type = "number")]
    pub span_end: usize,
    /// How good the generator thinks the card is, from 0 to 1; cards come best first.
    pub score: f32,
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GenerateOptions {
    /// At most this many cards (0: no limit).
    #[ts(type = "number")]
    pub max_cards: usize,
    /// Add a multiple-choice card for facts with three good distractors.
    pub multiple_choice: bool,
    /// Add true/false cards made by swapping a fact for a plausible wrong one.
    pub true_false: bool,
    /// Add cloze cards for facts no question could be made for.
    pub cloze: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            max_cards: 0,
            multiple_choice: true,
            true_false: true,
            cloze: true,
        }
    }
}

/// A named thing found in a text: what the library remembers of other documents so
/// multiple-choice distractors can come from them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryEntity {
    pub text: String,
    pub kind: EntityKind,
}

/// Entities of the other documents of the library, used for distractors after the
/// document's own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryContext {
    pub entities: Vec<LibraryEntity>,
}

impl LibraryContext {
    /// The entities of some texts (typically the other documents of the library).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut entities = Vec::new();
        for t in texts {
            entities.extend(entities_of(t));
        }
        entities.sort();
        entities.dedup();
        LibraryContext { entities }
    }
}

/// The named things of a text (people, places, dates, …), each once, in text order.
pub fn entities_of(text: &str) -> Vec<LibraryEntity> {
    let doc = text::Document::analyse(text);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for s in &doc.sentences {
        for e in &s.entities {
            let t = s.span_text(e.start, e.end);
            if seen.insert((t.clone(), e.kind)) {
                out.push(LibraryEntity {
                    text: t,
                    kind: e.kind,
                });
            }
        }
    }
    out
}

/// Three wrong choices for `answer` (a name, date or number of `text`), of its kind:
/// from `text` first, then from `library`; years near the answer; none in `prompt`.
/// Empty when the answer is not an entity of the text or too few are found.
pub fn distractors_for(
    text: &str,
    library: &LibraryContext,
    answer: &str,
    prompt: &str,
) -> Vec<String> {
    let doc = text::Document::analyse(text);
    let kind = doc
        .sentences
        .iter()
        .flat_map(|s| {
            s.entities
                .iter()
                .map(move |e| (questions::answer_text(s, e), e.kind))
        })
        .find(|(t, _)| t == answer)
        .map(|(_, k)| k);
    match kind {
        Some(k) => {
            let pool = distractors::Pool::new(&doc);
            let d = distractors::distractors(&pool, library, answer, k, prompt, 3);
            if d.len() == 3 {
                d
            } else {
                Vec::new()
            }
        }
        None => Vec::new(),
    }
}

/// The cards of a text, best first: every card the generator can make, above the
/// quality bar or not (see [`suggest`] for the ones worth suggesting).
pub fn generate(text: &str, options: &GenerateOptions) -> Vec<Card> {
    generate_with_library(text, options, &LibraryContext::default())
}

/// The cards of a text, best first, with multiple-choice distractors taken from the
/// text first and then from `library`.
pub fn generate_with_library(
    text: &str,
    options: &GenerateOptions,
    library: &LibraryContext,
) -> Vec<Card> {
    let doc = text::Document::analyse(text);
    let mut ranked: Vec<(Card, EntityKind)> = ranked(&doc, "", options)
        .into_iter()
        .map(|r| (r.card, r.answer_kind))
        .collect();
    if options.max_cards > 0 {
        ranked.truncate(options.max_cards);
    }
    distractors::add_exercises(&doc, library, options, &mut ranked);
    ranked.into_iter().map(|(card, _)| card).collect()
}

/// The cards worth suggesting for a text, best first, and the ones held back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestions {
    /// Above the quality bar, about one per 45 words at most.
    pub shown: Vec<Card>,
    /// Below the bar, or past the number a text of its length gets.
    pub held_back: Vec<Card>,
}

/// At most one suggestion per this many words of text.
pub const WORDS_PER_SUGGESTION: usize = 45;

/// How many cards a text of `words` words is suggested at most.
pub fn suggestion_cap(words: usize) -> usize {
    words.div_ceil(WORDS_PER_SUGGESTION).max(3)
}

/// The cards worth suggesting for a text with its title (the student sees the
/// title above the card, so an answer it names is a giveaway): those the quality
/// model expects a student to keep, best first, at most one per
/// [`WORDS_PER_SUGGESTION`] words and `options.max_cards` (when not 0); the others
/// are held back, best first.
pub fn suggest(
    title: &str,
    text: &str,
    options: &GenerateOptions,
    library: &LibraryContext,
) -> Suggestions {
    let doc = text::Document::analyse(text);
    let bar = quality::model().bar;
    let mut cap = suggestion_cap(text.split_whitespace().count());
    if options.max_cards > 0 {
        cap = cap.min(options.max_cards);
    }
    let mut shown = Vec::new();
    let mut held_back = Vec::new();
    // One suggestion per sentence: a second card of the same sentence tests it
    // again, and judges rejected the second; it waits among the held back.
    // Among the held back, too, a sentence's first card comes before any second one.
    let mut sentences_shown = std::collections::HashSet::new();
    let mut repeats = Vec::new();
    for r in ranked(&doc, title, options) {
        let fresh = !sentences_shown.contains(&r.card.span_start);
        if r.keep >= bar && shown.len() < cap && fresh {
            sentences_shown.insert(r.card.span_start);
            shown.push((r.card, r.answer_kind));
        } else if fresh {
            sentences_shown.insert(r.card.span_start);
            held_back.push((r.card, r.answer_kind));
        } else {
            repeats.push((r.card, r.answer_kind));
        }
    }
    held_back.extend(repeats);
    distractors::add_exercises(&doc, library, options, &mut shown);
    distractors::add_exercises(&doc, library, options, &mut held_back);
    Suggestions {
        shown: shown.into_iter().map(|(c, _)| c).collect(),
        held_back: held_back.into_iter().map(|(c, _)| c).collect(),
    }
}

/// Every candidate of a text scored by the quality model (rule score, no card
/// naming the title's answer), ranked best first.
fn ranked(doc: &text::Document, title: &str, options: &GenerateOptions) -> Vec<rank::Ranked> {
    let names = full_names::fit_title(&doc.full_names.full, title);
    let cands = scored(doc, title)
        .into_iter()
        .map(|(c, _)| with_full_names(doc, &names, c))
        .collect();
    rank::select(doc, cands, options)
}

/// The candidate with each short name of a person lengthened to the full name the
/// text gives it ("Henry" → "Henry III"). It comes after scoring: the model was
/// fitted to cards judged before names were lengthened.
fn with_full_names(
    doc: &text::Document,
    names: &HashMap<String, String>,
    mut c: questions::Candidate,
) -> questions::Candidate {
    (c.answer, c.prompt) = full_names::lengthen(
        names,
        &doc.sentences[c.sentence],
        c.answer_kind,
        &c.answer,
        &c.prompt,
    );
    c
}

/// The candidates worth scoring, each with its features, `keep` and `score` set
/// by the model.
fn scored(doc: &text::Document, title: &str) -> Vec<(questions::Candidate, Vec<f32>)> {
    let (cands, clauses) = candidates::candidates(doc);
    let facts = quality::DocFacts::new(doc, title, clauses);
    let model = quality::model();
    let marked: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| lexicon::marks_importance(&s.tokens))
        .collect();
    // Each candidate is screened and scored on its own: in parallel, in order.
    cands
        .into_par_iter()
        .filter(|c| c.score >= rank::MIN_SCORE && !facts.title_names(&c.answer))
        // "Henry" where the text names Henry VII and Henry VIII: which one?
        .filter(|c| {
            c.answer_kind != entities::EntityKind::Person
                || !doc.full_names.shared.contains(c.answer.trim())
        })
        .filter_map(|c| guard::screen(doc, c))
        .map(|mut c| {
            c.rule_score = c.score;
            let x = quality::features(doc, &facts, &c);
            c.keep = model.keep(&x);
            c.score = model.rank_score(&x);
            // A fact the writer marks as the one that matters ("the culmination of
            // this conflict came in 1960") is what a student should learn first; the
            // model, which sees one card at a time, cannot know it.
            if marked.get(c.sentence).copied().unwrap_or(false) {
                c.score *= 1.15;
            }
            // Causes and effects get no lift of their own any more: judges kept 5
            // of the 42 "Why …?" cards they saw, so the model decides for them too.
            (c, x)
        })
        .collect()
}

/// A candidate card and what the generator knows about it: for training and
/// checking the quality model (`clio cards --json --all --features`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CandidateFeatures {
    pub kind: CardKind,
    pub prompt: String,
    pub answer: String,
    /// The prompt and answer before short names were lengthened (as judges saw
    /// cards up to round 26), for joining older labels.
    pub plain_prompt: String,
    pub plain_answer: String,
    pub sentence: String,
    /// The question form that made it.
    pub form: String,
    pub answer_kind: EntityKind,
    /// The model's chance that a student keeps it, and its estimated worth (0–3).
    pub keep: f32,
    pub worth: f32,
    /// Feature values in the order of `quality::feature_names()`.
    pub features: Vec<f32>,
}

/// Every candidate of a text with its features, in text order (before ranking,
/// de-duplication and the bar).
pub fn candidate_features(title: &str, text: &str) -> Vec<CandidateFeatures> {
    let doc = text::Document::analyse(text);
    let model = quality::model();
    let names = full_names::fit_title(&doc.full_names.full, title);
    scored(&doc, title)
        .into_iter()
        .filter(|(c, _)| !rank::is_defective(&c.prompt, &c.answer, c.kind))
        .map(|(c, x)| {
            (
                c.prompt.clone(),
                c.answer.clone(),
                with_full_names(&doc, &names, c),
                x,
            )
        })
        .map(|(plain_prompt, plain_answer, c, x)| CandidateFeatures {
            kind: c.kind,
            prompt: c.prompt,
            answer: c.answer,
            plain_prompt,
            plain_answer,
            sentence: doc.sentences[c.sentence].raw.clone(),
            form: c.form.to_string(),
            answer_kind: c.answer_kind,
            keep: c.keep,
            worth: model.worth(&x),
            features: x,
        })
        .collect()
}

/// Byte ranges of the sentences of `text`, split as the generator splits them
/// (for tools that work on the sentence the learner points at).
pub fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    sentences::split(text)
}
