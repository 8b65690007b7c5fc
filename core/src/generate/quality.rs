//! The learned quality bar: what the generator knows about a candidate card, as
//! numbers (its features), and a small logistic model fitted to blind judges'
//! labels (`data/generate/quality_model.json`, retrained with
//! `cargo run -p clio-core --release --example train_quality`) that says how likely
//! a student is to keep the card unedited. The model ranks the cards and cuts:
//! below its bar a card is held back.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::entities::EntityKind;
use super::lexicon::{lexicon, PRONOUNS};
use super::questions::Candidate;
use super::rank::norm_tokens;
use super::text::Document;
use super::CardKind;

/// The question forms, in the order their indicator features come: the names in
/// the generator's registry of forms (`generate/form_registry.rs`), in its order.
/// A candidate records which of them made it.
pub const FORMS: &[&str] = &super::form_registry::NAMES;

const KINDS: &[EntityKind] = &[
    EntityKind::Year,
    EntityKind::Date,
    EntityKind::Decade,
    EntityKind::Century,
    EntityKind::Number,
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
    EntityKind::Event,
    EntityKind::Group,
    EntityKind::Name,
    EntityKind::Term,
];

const WH: &[&str] = &[
    "what", "who", "whom", "when", "where", "which", "how", "why", "in", "by",
];

/// How many features come before the forms' indicators.
const BASE_FEATURES: usize = 35;

/// The names of the features, in order (the model file names them too, so a model
/// fitted to other features is refused rather than misread).
pub fn feature_names() -> Vec<String> {
    let mut names: Vec<String> = vec![
        "cloze".into(),
        "rule_score".into(),
        "resolved".into(),
        "pronoun_in_prompt".into(),
        "bare_definite".into(),
        "demonstrative".into(),
        "prompt_words".into(),
        "long_prompt".into(),
        "short_prompt".into(),
        "sentence_tokens".into(),
        "sentence_position".into(),
        "first_sentence".into(),
        "clauses".into(),
        "commas_in_prompt".into(),
        "title_overlap".into(),
        "answer_in_title".into(),
        "answer_recurs".into(),
        "answer_words".into(),
        "answer_lowercase".into(),
        "quote_or_bracket".into(),
        "cause_words".into(),
        "time_in_prompt".into(),
        "name_in_prompt".into(),
        "prompt_share".into(),
        "what_for_people".into(),
        "capitals_share".into(),
        "answer_digits".into(),
        "cloze_whole_sentence".into(),
        "sentence_opens_with_pronoun".into(),
        "entities_in_sentence".into(),
        "first_word_of_answer_capital".into(),
        "dangling_pronoun".into(),
        "run_on".into(),
        "answer_known_place".into(),
        "prompt_centrality".into(),
    ];
    names.extend(FORMS.iter().map(|f| format!("form_{f}")));
    names.extend(KINDS.iter().map(|k| format!("answer_{}", kind_name(*k))));
    names.extend(WH.iter().map(|w| format!("starts_{w}")));
    names
}

pub fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Year => "year",
        EntityKind::Date => "date",
        EntityKind::Decade => "decade",
        EntityKind::Century => "century",
        EntityKind::Number => "number",
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "organization",
        EntityKind::Event => "event",
        EntityKind::Group => "group",
        EntityKind::Name => "name",
        EntityKind::Term => "term",
    }
}

/// What every candidate of one document shares: its title's words, how often each
/// answer recurs, how many clauses each sentence has, and what each sentence's
/// candidates read of it (computed once per sentence, not once per candidate).
pub struct DocFacts {
    title_words: HashSet<String>,
    title_norm: Vec<String>,
    /// Mentions of each entity, by its normalised words.
    mentions: HashMap<Vec<String>, usize>,
    clauses: Vec<usize>,
    /// Per sentence: whether it has a word of cause ("because", "led" …).
    cause_words: Vec<bool>,
    /// Per sentence: how many of its tokens are words.
    word_tokens: Vec<usize>,
    /// How many sentences hold each content word (by [`content_stem`]).
    sentences_with: HashMap<String, u32>,
}

impl DocFacts {
    pub fn new(doc: &Document, title: &str, clauses: Vec<usize>) -> DocFacts {
        let title_norm = norm_tokens(title);
        let title_words = title_norm
            .iter()
            .filter(|w| !lexicon().is_function(w))
            .cloned()
            .collect();
        // (Keyed by the words, not the words joined by spaces: no normalised word
        // holds a space, so the two are the same key.)
        let mut mentions: HashMap<Vec<String>, usize> = HashMap::new();
        for s in &doc.sentences {
            for e in &s.entities {
                *mentions
                    .entry(norm_tokens(&s.span_text(e.start, e.end)))
                    .or_default() += 1;
            }
        }
        let cause_words = doc
            .sentences
            .iter()
            .map(|s| {
                s.tokens
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "because" | "caused" | "led" | "resulted"))
            })
            .collect();
        let word_tokens = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().filter(|t| t.is_word()).count())
            .collect();
        let mut sentences_with: HashMap<String, u32> = HashMap::new();
        for s in &doc.sentences {
            let stems: HashSet<&str> = s
                .tokens
                .iter()
                .filter_map(|t| content_stem(&t.lower))
                .collect();
            for stem in stems {
                // (A key is allocated once per word, not once per sentence.)
                match sentences_with.get_mut(stem) {
                    Some(n) => *n += 1,
                    None => {
                        sentences_with.insert(stem.to_string(), 1);
                    }
                }
            }
        }
        DocFacts {
            title_words,
            title_norm,
            mentions,
            clauses,
            cause_words,
            word_tokens,
            sentences_with,
        }
    }

    /// Whether the title names the answer: every word of it stands in the title
    /// ("Why did the Sino-Soviet split happen?" gives away "the Sino-Soviet split").
    pub fn title_names(&self, answer: &str) -> bool {
        self.names_in_title(&norm_tokens(answer))
    }

    /// [`DocFacts::title_names`] for an answer already normalised.
    fn names_in_title(&self, a: &[String]) -> bool {
        if a.is_empty() || self.title_norm.is_empty() {
            return false;
        }
        // "Lech" in "Lechfeld": a one-word answer that begins a title word.
        let begins_a_word = a.len() == 1
            && a[0].chars().count() >= 4
            && self.title_norm.iter().any(|t| t.starts_with(a[0].as_str()));
        // "Taika Reform" in "Were the Taika Reforms …?": one word's plural is the same name.
        let same = |t: &String, x: &String| {
            t == x
                || t.strip_suffix('s') == Some(x.as_str())
                || x.strip_suffix('s') == Some(t.as_str())
        };
        begins_a_word
            || self
                .title_norm
                .windows(a.len())
                .any(|w| w.iter().zip(a).all(|(t, x)| same(t, x)))
    }
}

/// A word's stem for counting where the text speaks of it: its first six letters,
/// for words of four letters or more that carry content ("withdrew" and
/// "withdrawal" count as one); `None` for the others.
fn content_stem(lower: &str) -> Option<&str> {
    if lower.len() < 4 || !lower.chars().all(char::is_alphabetic) || lexicon().is_function(lower) {
        return None;
    }
    Some(
        lower
            .char_indices()
            .nth(6)
            .map_or(lower, |(i, _)| &lower[..i]),
    )
}

/// How central the prompt is to the text: the mean share of the text's sentences
/// that hold each of its content words (the answer's left out). A card about the
/// text's subject reuses its recurring words; a side detail (an envoy's name, a
/// skirmish's date) is told in words the text uses once. Judges kept 54% of the
/// labelled cards in the lowest quarter of this and 68% in the highest.
fn prompt_centrality(
    doc: &Document,
    facts: &DocFacts,
    prompt: &[String],
    answer: &[String],
) -> f32 {
    let answer: HashSet<&str> = answer.iter().filter_map(|w| content_stem(w)).collect();
    let sentences = doc.sentences.len().max(1) as f32;
    let (mut sum, mut count) = (0.0f32, 0usize);
    for stem in prompt.iter().filter_map(|w| content_stem(w)) {
        if answer.contains(stem) {
            continue;
        }
        sum += facts.sentences_with.get(stem).copied().unwrap_or(0) as f32 / sentences;
        count += 1;
    }
    if count == 0 {
        0.0
    } else {
        sum / count as f32
    }
}

/// The features of one candidate, in the order of [`feature_names`].
pub fn features(doc: &Document, facts: &DocFacts, c: &Candidate) -> Vec<f32> {
    let s = &doc.sentences[c.sentence];
    let p = norm_tokens(&c.prompt);
    let words: Vec<&str> = c.prompt.split_whitespace().collect();
    let n = words.len() as f32;
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let pronoun = p.iter().any(|w| PRONOUNS.contains(&w.as_str()));
    // "the treaty", "the war": a definite common noun not followed by "of" and not
    // in the title: what it means is in the text, not on the card.
    let no_title = facts.title_words.is_empty();
    let bare_definite = words
        .windows(3)
        .filter(|w| {
            w[0].eq_ignore_ascii_case("the")
                && w[1].chars().next().is_some_and(char::is_lowercase)
                && w[1].chars().all(char::is_alphabetic)
                && !lexicon().is_function(w[1])
                && (no_title || !facts.title_words.contains(&w[1].to_lowercase()))
                && !matches!(
                    w[2].trim_end_matches([',', '?', '.']),
                    "of" | "that" | "which"
                )
                && w[2].chars().next().is_some_and(|c| !c.is_uppercase())
        })
        .count() as f32;
    let demonstrative = words.windows(2).any(|w| {
        ["this", "that", "these", "those"]
            .iter()
            .any(|d| w[0].eq_ignore_ascii_case(d))
            && w[1].chars().next().is_some_and(char::is_lowercase)
    });
    // The share of the prompt's content words that stand in the title (none
    // without a title).
    let title_overlap = if no_title {
        0.0
    } else {
        let (mut content, mut in_title) = (0usize, 0usize);
        for w in p.iter().filter(|w| !lexicon().is_function(w)) {
            content += 1;
            in_title += usize::from(facts.title_words.contains(w.as_str()));
        }
        if content == 0 {
            0.0
        } else {
            in_title as f32 / content as f32
        }
    };
    let answer_norm = norm_tokens(&c.answer);
    let recurs = facts.mentions.get(&answer_norm).copied().unwrap_or(1) as f32;
    let time_in_prompt = words.iter().any(|w| {
        let d = w.trim_matches(|c: char| !c.is_ascii_digit());
        d.len() == 4 && d.chars().all(|c| c.is_ascii_digit())
    });
    let name_in_prompt = words
        .iter()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let cause_words = facts.cause_words[c.sentence];
    let first = p.first().map_or("", String::as_str);
    let mut f = Vec::with_capacity(BASE_FEATURES + FORMS.len() + KINDS.len() + WH.len());
    f.extend_from_slice(&[
        b(c.kind == CardKind::Cloze),
        c.score,
        b(c.resolved),
        b(pronoun),
        bare_definite,
        b(demonstrative),
        n / 10.0,
        b(n > 22.0),
        b(n < 6.0),
        s.tokens.len() as f32 / 20.0,
        c.sentence as f32 / doc.sentences.len().max(1) as f32,
        b(c.sentence == 0),
        facts.clauses.get(c.sentence).copied().unwrap_or(0) as f32,
        c.prompt.matches(',').count() as f32,
        title_overlap,
        b(facts.names_in_title(&answer_norm)),
        recurs.ln(),
        c.answer.split_whitespace().count() as f32,
        b(c.answer.chars().next().is_some_and(char::is_lowercase)),
        b(c.prompt.contains(['"', '“', '(', '['])),
        b(cause_words),
        b(time_in_prompt),
        b(name_in_prompt),
        n / facts.word_tokens[c.sentence].max(1) as f32,
        b(first == "what" && matches!(c.answer_kind, EntityKind::Person | EntityKind::Group)),
        words
            .iter()
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count() as f32
            / n.max(1.0),
        b(c.answer.chars().any(|ch| ch.is_ascii_digit())),
        b(c.kind == CardKind::Cloze
            && s.tokens.first().is_some_and(|t| {
                words
                    .first()
                    .is_some_and(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()) == t.text)
            })),
        b(s.tokens
            .first()
            .is_some_and(|t| PRONOUNS.contains(&t.lower.as_str()))),
        s.entities.len() as f32,
        b(c.answer.chars().next().is_some_and(char::is_uppercase)),
        b(super::rank::dangling_pronoun(&c.prompt)),
        b(words.len() > super::rank::MAX_PROMPT_WORDS),
        // A country, continent or great city is guessed from the story more often
        // than recalled (judges kept a third of such cards, against two thirds).
        b(lexicon().is_place(c.answer.trim().trim_start_matches("the "))),
        prompt_centrality(doc, facts, &p, &answer_norm),
    ]);
    f.extend(FORMS.iter().map(|x| b(*x == c.form)));
    f.extend(KINDS.iter().map(|k| b(*k == c.answer_kind)));
    f.extend(
        WH.iter()
            .map(|w| b(c.kind == CardKind::Question && first == *w)),
    );
    f
}

/// A logistic model: `p = 1 / (1 + exp(-(bias + Σ w·(x − mean)/scale)))`, the
/// chance a judge keeps the card, a linear estimate of its worth (0–3), and a
/// second logistic model, the chance the card asks one of the facts judges list
/// as the text's key facts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QualityModel {
    /// How it was made (the command and the labelled set).
    pub trained_on: String,
    pub features: Vec<String>,
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub weights: Vec<f32>,
    pub bias: f32,
    /// Worth regression over the same standardised features.
    pub worth_weights: Vec<f32>,
    pub worth_bias: f32,
    /// Key-fact regression over the same standardised features (empty: none).
    #[serde(default)]
    pub key_weights: Vec<f32>,
    #[serde(default)]
    pub key_bias: f32,
    /// Below this chance of being kept a card is held back.
    pub bar: f32,
}

impl QualityModel {
    fn standardised<'a>(&'a self, x: &'a [f32]) -> impl Iterator<Item = f32> + 'a {
        x.iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .map(|((v, m), s)| (v - m) / s)
    }

    /// The chance a student keeps the card, held down for a pronoun that points
    /// at nothing on the card or a run-on prompt (the judges' "vague" and
    /// "ungrammatical"): such a card is held back, whatever else it has.
    pub fn keep(&self, x: &[f32]) -> f32 {
        let p = self.chance(x);
        // Where the features of [`feature_names`] have the flag (every model that
        // fits does), else looked up by name.
        let flag = |name: &str, at: usize| {
            let i = if self.features.get(at).is_some_and(|f| f == name) {
                Some(at)
            } else {
                self.features.iter().position(|f| f == name)
            };
            i.is_some_and(|i| x.get(i).is_some_and(|v| *v > 0.5))
        };
        let (dangling, run_on) = held_down_at();
        if flag("dangling_pronoun", dangling) || flag("run_on", run_on) {
            p * 0.3
        } else {
            p
        }
    }

    /// The model's chance a student keeps the card, before the held-down cases.
    pub fn chance(&self, x: &[f32]) -> f32 {
        sigmoid(self.linear(x, &self.weights, self.bias))
    }

    /// How worth learning the fact is, 0–3.
    pub fn worth(&self, x: &[f32]) -> f32 {
        self.linear(x, &self.worth_weights, self.worth_bias)
            .clamp(0.0, 3.0)
    }

    /// `bias + Σ weight · standardised x`.
    fn linear(&self, x: &[f32], weights: &[f32], bias: f32) -> f32 {
        bias + self
            .standardised(x)
            .zip(weights)
            .map(|(v, w)| v * w)
            .sum::<f32>()
    }

    /// The chance the card asks one of the text's key facts; 1 for a model
    /// without that part, which then ranks by keeping and worth alone.
    pub fn key(&self, x: &[f32]) -> f32 {
        if self.key_weights.len() != self.features.len() {
            return 1.0;
        }
        sigmoid(self.linear(x, &self.key_weights, self.key_bias))
    }

    /// The order of suggestions: the chance a student keeps the card, weighed by
    /// how worth learning it is and by the chance it asks a key fact.
    pub fn rank_score(&self, x: &[f32]) -> f32 {
        self.keep(x) * (0.5 + self.worth(x) / 6.0) * self.key(x).sqrt()
    }

    fn fits(&self) -> bool {
        let names = feature_names();
        self.features == names
            && self.mean.len() == names.len()
            && self.scale.len() == names.len()
            && self.weights.len() == names.len()
            && self.worth_weights.len() == names.len()
            && (self.key_weights.is_empty() || self.key_weights.len() == names.len())
            && self.scale.iter().all(|s| *s > 0.0)
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Where "dangling_pronoun" and "run_on" stand in [`feature_names`].
fn held_down_at() -> (usize, usize) {
    static AT: OnceLock<(usize, usize)> = OnceLock::new();
    *AT.get_or_init(|| {
        let names = feature_names();
        let at = |name: &str| names.iter().position(|f| f == name).unwrap_or(0);
        (at("dangling_pronoun"), at("run_on"))
    })
}

const MODEL_JSON: &str = include_str!("../../../data/generate/quality_model.json");

/// The shipped model. A model file that does not fit the features (a feature added
/// since it was trained) falls back to the rule score alone, so the cards stay
/// sensible until it is retrained (a test checks that the shipped one fits).
pub fn model() -> &'static QualityModel {
    static MODEL: OnceLock<QualityModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        serde_json::from_str::<QualityModel>(MODEL_JSON)
            .ok()
            .filter(QualityModel::fits)
            .unwrap_or_else(rule_model)
    })
}

/// Whether the shipped model fits the features the generator computes.
pub fn shipped_model_fits() -> bool {
    serde_json::from_str::<QualityModel>(MODEL_JSON).is_ok_and(|m| m.fits())
}

/// The rule score as a model: the fallback before any labels.
pub fn rule_model() -> QualityModel {
    let names = feature_names();
    let k = names.len();
    let mut weights = vec![0.0; k];
    weights[1] = 8.0; // rule_score, around 0.5
    let mut mean = vec![0.0; k];
    mean[1] = 0.5;
    QualityModel {
        trained_on: "none: the rule score".into(),
        features: names,
        mean,
        scale: vec![1.0; k],
        weights,
        bias: 0.0,
        worth_weights: vec![0.0; k],
        worth_bias: 1.5,
        key_weights: Vec::new(),
        key_bias: 0.0,
        bar: 0.3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_fits_the_features() {
        assert!(shipped_model_fits(), "retrain: the features changed");
        let m = model();
        assert!(m.bar > 0.0 && m.bar < 1.0);
        assert_eq!(
            feature_names().len(),
            BASE_FEATURES + FORMS.len() + KINDS.len() + WH.len()
        );
    }

    #[test]
    fn the_key_fact_chance_weighs_the_rank_and_a_model_without_it_ranks_as_before() {
        let k = feature_names().len();
        let x = vec![0.0; k];
        let mut m = rule_model();
        assert_eq!(m.key(&x), 1.0);
        let before = m.rank_score(&x);
        assert_eq!(before, m.keep(&x) * (0.5 + m.worth(&x) / 6.0));
        // A key-fact part that gives this card an even chance scales its rank by
        // the square root of one half.
        m.key_weights = vec![0.0; k];
        m.key_bias = 0.0;
        assert!((m.key(&x) - 0.5).abs() < 1e-6);
        assert!((m.rank_score(&x) - before * 0.5f32.sqrt()).abs() < 1e-6);
        // A part of the wrong length is no part: the model does not fit.
        m.key_weights = vec![0.0; k - 1];
        assert_eq!(m.key(&x), 1.0);
        assert!(!m.fits());
    }

    #[test]
    fn a_prompt_in_the_texts_recurring_words_is_more_central_than_a_side_detail() {
        let doc = Document::analyse(
            "The Soviet Union withdrew its advisers from China in 1960. \
             The advisers had built factories across China since 1950. \
             Khrushchev blamed China for the quarrel with the Soviet Union. \
             A Bulgarian delegate, Todor Zhivkov, spoke at a congress in Bucharest.",
        );
        let facts = DocFacts::new(&doc, "", vec![1; 4]);
        let centrality = |prompt: &str, answer: &str| {
            prompt_centrality(&doc, &facts, &norm_tokens(prompt), &norm_tokens(answer))
        };
        let central = centrality(
            "In what year did the Soviet Union withdraw its advisers from China?",
            "1960",
        );
        let side = centrality(
            "A Bulgarian delegate, _____, spoke at a congress in Bucharest.",
            "Todor Zhivkov",
        );
        assert!(central > 0.4, "{central}");
        assert!(side < 0.3, "{side}");
        // The answer's own words do not count: asking "China" of a sentence
        // about China is not central for saying "China".
        assert_eq!(centrality("China", "China"), 0.0);
    }

    #[test]
    fn the_title_names_an_answer_only_with_all_its_words() {
        let doc = Document::analyse("The Soviet Union withdrew its advisers in 1960.");
        let facts = DocFacts::new(&doc, "Why did the Sino-Soviet split happen?", vec![1]);
        assert!(facts.title_names("the Sino-Soviet split"));
        assert!(!facts.title_names("the Soviet Union"));
        assert!(!facts.title_names("1960"));
        // A plural in the title names the singular answer, and back.
        let facts = DocFacts::new(&doc, "Were the Taika Reforms a revolution?", vec![1]);
        assert!(facts.title_names("Taika Reform"));
        let facts = DocFacts::new(&doc, "Was the Taika Reform a revolution?", vec![1]);
        assert!(facts.title_names("the Taika Reforms"));
        assert!(!facts.title_names("Taika Rebellion"));
    }

    #[test]
    fn a_country_or_great_city_as_the_answer_is_marked_and_counts_against_the_card() {
        let text = "In 1799 the French army lifted the siege of Acre and began the long \
                    retreat to Egypt. In 1805 the French army took the Pratzen Heights \
                    near Austerlitz before noon.";
        let at = feature_names()
            .iter()
            .position(|f| f == "answer_known_place")
            .expect("the feature is named");
        let cards = crate::generate::candidate_features("", text);
        let flag = |answer: &str| {
            cards
                .iter()
                .find(|c| c.answer == answer)
                .unwrap_or_else(|| panic!("no card answers {answer}"))
                .features[at]
        };
        assert_eq!(flag("Egypt"), 1.0);
        assert_eq!(flag("Pratzen Heights"), 0.0);
        // The shipped model learned that such answers are kept less often.
        let egypt = cards.iter().find(|c| c.answer == "Egypt").unwrap();
        let mut elsewhere = egypt.features.clone();
        elsewhere[at] = 0.0;
        assert!(model().chance(&egypt.features) < model().chance(&elsewhere));
    }
}
