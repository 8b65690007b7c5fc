//! The word lists the generator embeds (see `data/lexicon/`), and the little
//! morphology built on them: verb forms and do-support.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hash for the word lists (the multiply-rotate of rustc's FxHash): the
/// lexicon is asked about nearly every token of every prompt, and the standard
/// SipHash, made to resist hash flooding, costs several times more. The lists
/// are fixed and embedded, so no input can crowd their buckets.
#[derive(Default, Clone, Copy)]
pub(super) struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type Words = HashSet<&'static str, BuildHasherDefault<WordHasher>>;
type Forms = HashMap<&'static str, &'static str, BuildHasherDefault<WordHasher>>;

const VERBS: &str = include_str!("../../../data/lexicon/wordnet/verbs.txt");
const IRREGULAR: &str = include_str!("../../../data/lexicon/clio/irregular_verbs.txt");
const FUNCTION_WORDS: &str = include_str!("../../../data/lexicon/clio/function_words.txt");
const TITLES: &str = include_str!("../../../data/lexicon/clio/titles.txt");
const ORG_HEADS: &str = include_str!("../../../data/lexicon/clio/org_heads.txt");
const EVENT_HEADS: &str = include_str!("../../../data/lexicon/clio/event_heads.txt");
const PLACE_HEADS: &str = include_str!("../../../data/lexicon/clio/place_heads.txt");
const PLACES: &str = include_str!("../../../data/lexicon/clio/places.txt");
const COUNTRIES: &str = include_str!("../../../data/lexicon/clio/countries.txt");
const DEMONYMS: &str = include_str!("../../../data/lexicon/clio/demonyms.txt");
const GIVEN_NAMES: &str = include_str!("../../../data/lexicon/clio/given_names.txt");
const FAMILY_NAME_FIRST: &str = include_str!("../../../data/lexicon/clio/family_name_first.txt");

pub struct Lexicon {
    verbs: Words,
    /// past tense → lemma
    past: Forms,
    /// past participle → lemma
    participle: Forms,
    function: Words,
    titles: Words,
    org_heads: Words,
    event_heads: Words,
    place_heads: Words,
    places: Words,
    countries: Words,
    demonyms: Words,
    given: Words,
    family_first: Words,
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(s: &'static str) -> Words {
    lines(s).flat_map(|l| l.split_whitespace()).collect()
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut past = Forms::default();
        let mut participle = Forms::default();
        for l in lines(IRREGULAR) {
            let mut f = l.split_whitespace();
            let (Some(lemma), Some(p), Some(pp)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            for w in p.split('|') {
                past.entry(w).or_insert(lemma);
            }
            for w in pp.split('|') {
                participle.entry(w).or_insert(lemma);
            }
        }
        Lexicon {
            verbs: words(VERBS),
            past,
            participle,
            function: words(FUNCTION_WORDS),
            titles: words(TITLES),
            org_heads: words(ORG_HEADS),
            event_heads: words(EVENT_HEADS),
            place_heads: words(PLACE_HEADS),
            places: lines(PLACES).collect(),
            countries: lines(COUNTRIES).collect(),
            demonyms: words(DEMONYMS),
            given: words(GIVEN_NAMES),
            family_first: words(FAMILY_NAME_FIRST),
        }
    })
}

/// Pronouns that stand for something named elsewhere (personal, possessive,
/// demonstrative): left in a prompt they point at what the card does not show.
pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "him",
    "them",
];

/// [`PRONOUNS`] and "that", which the question builders resolve like them ("that
/// treaty", "that year").
pub(super) const PRONOUNS_AND_THAT: &[&str] = &[
    "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "him",
    "them", "that",
];

/// The cardinal numbers one to twelve written as words, in order: a word's
/// value is its index plus one (see [`cardinal_value`]).
pub(super) const CARDINALS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// The value of a cardinal of [`CARDINALS`] ("seven" → 7).
pub(super) fn cardinal_value(word: &str) -> Option<i64> {
    CARDINALS
        .iter()
        .position(|w| *w == word)
        .map(|i| i as i64 + 1)
}

/// A day of the week ("Sunday"), which may stand before a date: "on Sunday 27 July
/// 1214".
pub(super) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Prepositions that open a time phrase ("in 1960", "until the 1840s", "c. 1300",
/// "of the 10th century").
pub(super) const TIME_PREPOSITIONS: &[&str] = &[
    "to", "in", "on", "by", "during", "until", "till", "since", "around", "circa", "c.", "after",
    "before", "from", "between", "of",
];

/// The lower-case particles inside a name: "Dar es Salaam", "Leonardo da Vinci",
/// "Carvalho e Melo", "Ibn Battuta"'s "ibn", "Ortega y Gasset".
pub(super) const NAME_PARTICLES: &[&str] = &[
    "es", "da", "de", "del", "della", "di", "do", "dos", "du", "des", "la", "le", "van", "von",
    "der", "den", "vom", "al", "el", "bin", "ibn", "ben", "e", "y",
];

/// The particles of [`NAME_PARTICLES`] that open a person's surname: "vom Rath",
/// "van Gogh", "de Gaulle", "da Gama". A blank right after one splits a name.
pub(super) const SURNAME_PARTICLES: &[&str] = &["von", "vom", "van", "de", "der", "du", "di", "da"];

/// Relative pronouns: "the treaty that …", "the king who …", "whose".
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["that", "which", "who", "whom", "whose"];

/// Words before a time or a number that make it approximate or a bound ("around
/// 1630", "some 300 ships"): an answer keeps them, a choice cannot test them.
pub(super) const HEDGES: &[&str] = &[
    "around",
    "about",
    "circa",
    "c.",
    "roughly",
    "approximately",
    "perhaps",
    "nearly",
    "almost",
    "over",
    "some",
];

/// Words that tie a sentence to the one before and mean nothing on a card, at its
/// start ("More importantly, …") or set off in commas ("…, though, …").
pub(super) const DISCOURSE_ADVERBS: &[&str] = &[
    "however",
    "though",
    "moreover",
    "furthermore",
    "thus",
    "therefore",
    "meanwhile",
    "nevertheless",
    "also",
    "still",
    "indeed",
    "consequently",
    "subsequently",
    "finally",
    "initially",
    "instead",
    "nonetheless",
    "too",
    "separately",
    "eventually",
    "similarly",
    "likewise",
    "additionally",
    "besides",
    "crucially",
    "notably",
    "ultimately",
    "then",
    "more importantly",
    "most importantly",
    "in particular",
    "above all",
    "in addition",
    "in the end",
    "in fact",
    "even so",
    "by contrast",
    "in contrast",
    "on the other hand",
];

/// Words with which a writer marks a fact as the one that matters: "The culmination
/// of this conflict came in 1960", "the decisive battle", "the turning point".
pub(super) const IMPORTANCE_WORDS: &[&str] = &[
    "culmination",
    "climax",
    "decisive",
    "crucial",
    "pivotal",
    "watershed",
    "turning",
    "breaking",
    "landmark",
];

/// Whether a sentence marks its fact as the one that matters ([`IMPORTANCE_WORDS`]).
pub(super) fn marks_importance(tokens: &[super::tokens::Token]) -> bool {
    tokens
        .iter()
        .any(|t| IMPORTANCE_WORDS.contains(&t.lower.as_str()))
}

/// Units a time counted from something else is given in ("three days later",
/// "the next morning").
const TIME_UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "decade",
    "decades",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "winter",
];

/// A title of address that stands before a name: "Sir", "Dame", "Lord", "Mrs".
pub(super) fn is_honorific(lower: &str) -> bool {
    matches!(lower, "sir" | "dame" | "lord" | "lady" | "mr" | "mrs")
}

/// Nouns in "-ing" that read as a participle after an adjective: "a general
/// rising", "the first landing", "a secret meeting".
pub(super) fn is_ing_noun(lower: &str) -> bool {
    matches!(
        lower.strip_suffix('s').unwrap_or(lower),
        "rising"
            | "uprising"
            | "landing"
            | "meeting"
            | "bombing"
            | "shelling"
            | "founding"
            | "hearing"
            | "wedding"
    )
}

/// Whether a lower-case word is a unit of time ("day", "evening", "years").
pub(super) fn is_time_unit(lower: &str) -> bool {
    TIME_UNITS.contains(&lower)
}

/// Verbs of a state that lasts: "headed the ministry from 1763", "was ruled from
/// 1532". With one of these a time after "from" is where the state began and is
/// asked "From what year …?"; an act ("launched an offensive from 1 February") is
/// asked at its time (judges kept "When did the Red Army launch …?", asked of
/// "From 1 February …", but called "In what year did Grenville head the
/// ministry?", asked of "headed the ministry from 1763", wrong).
const STATIVE_VERBS: &[&str] = &[
    "head",
    "rule",
    "govern",
    "hold",
    "command",
    "serve",
    "reign",
    "occupy",
    "control",
    "dominate",
    "live",
    "stay",
    "remain",
    "administer",
    "forbid",
    "ban",
    "lead",
];

/// Whether a verb's lemma names a lasting state (see [`STATIVE_VERBS`]).
pub(super) fn is_stative(lemma: &str) -> bool {
    STATIVE_VERBS.contains(&lemma)
}

/// Whether the first participle among `after` (the words after an auxiliary:
/// "was *ruled*", "had been *governed*") names a lasting state.
pub(super) fn stative_participle<'a>(
    after: impl IntoIterator<Item = &'a super::tokens::Token>,
) -> bool {
    after
        .into_iter()
        .find_map(|t| lexicon().participle_lemma(&t.lower))
        .is_some_and(is_stative)
}

/// Units of length and area, as a text writes them after a number.
const LENGTH_UNITS: &[&str] = &[
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "km",
    "miles",
    "mile",
    "metres",
    "meters",
    "feet",
    "yards",
    "leagues",
    "stadia",
    "acres",
    "hectares",
    "square",
];

/// Whether a lower-case word is a unit of length or area ("kilometres", "miles").
pub(super) fn is_length_unit(lower: &str) -> bool {
    LENGTH_UNITS.contains(&lower)
}

/// Whether a lower-case word ends like an adjective ("electoral", "strategic",
/// "numerous", "decisive", "fateful", "military"): before another word it is
/// most likely that word's modifier, not a noun.
pub(super) fn has_adjective_suffix(lower: &str) -> bool {
    ["al", "ic", "ous", "ive", "ful", "ary"]
        .iter()
        .any(|x| lower.ends_with(x))
}

/// Whether a lower-case word ends a count of time from an event told elsewhere:
/// "three days later", "a year afterwards", "two months earlier".
pub(super) fn is_counted_from_before(lower: &str) -> bool {
    matches!(lower, "later" | "afterwards" | "earlier")
}

/// Whether lower-case words open with a time counted from something said before:
/// "Six days later, …", "The next morning …", "That year …", "By then …", "Within
/// days …", "Soon afterwards …", "Then in …". On a card the student cannot tell
/// from what: of 34 such cards judges called 18 vague and 8 ungrammatical.
pub(super) fn opens_with_relative_time<S: AsRef<str>>(words: &[S]) -> bool {
    let at = |i: usize, xs: &[&str]| words.get(i).is_some_and(|w| xs.contains(&w.as_ref()));
    let unit = |i: usize| at(i, TIME_UNITS);
    unit(1)
        && words
            .get(2)
            .is_some_and(|w| is_counted_from_before(w.as_ref()))
        || at(0, &["the"]) && at(1, &["next", "following", "same"]) && unit(2)
        || at(0, &["that"]) && (unit(1) || at(1, &["same"]) && unit(2))
        || at(0, &["later", "earlier"]) && at(1, &["that"]) && unit(2)
        || at(0, &["by", "until", "since"]) && at(1, &["then"])
        || at(0, &["soon", "shortly"]) && at(1, &["afterwards", "thereafter"])
        || at(0, &["then", "afterwards", "thereafter"])
        || at(0, &["within"])
            && (unit(1)
                || at(1, &["a", "two", "three"]) && unit(2)
                || at(1, &["a"]) && at(2, &["few"]) && unit(3))
}

/// Whether a token is a plain lower-case word: no function word, past form or
/// "-ly" adverb. After a number or a people's adjective it is most likely the
/// noun they go with ("25,000 *people*", "Han Chinese *officers*").
pub(super) fn is_plain_word(t: &super::tokens::Token) -> bool {
    let lex = lexicon();
    t.is_word()
        && !t.is_capitalised()
        && !lex.is_function(&t.lower)
        && lex.past_lemma(&t.lower).is_none()
        && !t.lower.ends_with("ly")
}

/// Whether a lower-case word can only be a past form: "collapsed", "returned", not
/// "set" (its own lemma) nor "fleet" (a verb too).
pub(super) fn is_plain_past(lower: &str) -> bool {
    let lex = lexicon();
    lex.past_lemma(lower).is_some_and(|l| l != lower) && !lex.is_verb_lemma(lower)
}

/// Whether a lower-case word is a finite verb form: an auxiliary, a past that is not
/// its own lemma ("took", not "set"), or a third-person present ("rules").
pub(super) fn is_finite_form(lower: &str) -> bool {
    let lex = lexicon();
    is_aux(lower)
        || lex.past_lemma(lower).is_some_and(|l| l != lower)
        || lex.present_lemma(lower).is_some()
}

/// Whether a lower-case word is an auxiliary or a past that is not its own lemma
/// ("took", not "set"): a finite verb, leaving out the present ("rules"), which is
/// as often a plural noun.
pub(super) fn is_aux_or_past(lower: &str) -> bool {
    is_aux(lower) || lexicon().past_lemma(lower).is_some_and(|l| l != lower)
}

/// Whether a lower-case word can stand in a verb group: an auxiliary, a past or a
/// participle ("had", "been", "sold", "taking").
pub(super) fn is_verb_group_word(lower: &str) -> bool {
    let lex = lexicon();
    is_aux(lower) || lex.past_lemma(lower).is_some() || lex.participle_lemma(lower).is_some()
}

/// Auxiliaries that invert with the subject in a question.
pub fn is_aux(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "shall"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

impl Lexicon {
    pub fn is_function(&self, lower: &str) -> bool {
        self.function.contains(lower)
    }
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower.trim_end_matches('.'))
    }
    pub fn is_org_head(&self, lower: &str) -> bool {
        self.org_heads.contains(lower)
    }
    pub fn is_event_head(&self, lower: &str) -> bool {
        self.event_heads.contains(lower)
    }
    pub fn is_place_head(&self, lower: &str) -> bool {
        self.place_heads.contains(lower)
    }
    /// A sovereign state ("France", "the Soviet Union" as "Soviet Union").
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains(word)
    }
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }
    /// A family name written before the given name ("Li" of "Li Zicheng").
    pub fn is_family_name_first(&self, word: &str) -> bool {
        self.family_first.contains(word)
    }
    pub fn is_verb_lemma(&self, lower: &str) -> bool {
        self.verbs.contains(lower)
    }
    /// A content word that is no past or present verb form: after a modifier
    /// ("the Communist world", "the 1954 coup") it is the noun modified.
    pub fn is_content_non_verb(&self, lower: &str) -> bool {
        !self.is_function(lower)
            && self.past_lemma(lower).is_none()
            && self.present_lemma(lower).is_none()
    }

    /// The lemma of a past-tense form: "withdrew" → "withdraw", "established" →
    /// "establish", "carried" → "carry", "planned" → "plan". None when `lower` is not
    /// a past tense the lexicon knows.
    pub fn past_lemma(&self, lower: &str) -> Option<&str> {
        if let Some(l) = self.past.get(lower) {
            return Some(l);
        }
        self.regular_ed_lemma(lower)
    }

    /// Whether `lower` is an irregular simple past that is no participle ("came",
    /// "took", "fell"; not "founded", not "put").
    pub fn is_past_only(&self, lower: &str) -> bool {
        self.past.contains_key(lower) && !self.participle.contains_key(lower)
    }

    /// The lemma of a past participle ("taken" → "take", "founded" → "found").
    pub fn participle_lemma(&self, lower: &str) -> Option<&str> {
        if let Some(l) = self.participle.get(lower) {
            return Some(l);
        }
        self.regular_ed_lemma(lower)
    }

    fn regular_ed_lemma(&self, lower: &str) -> Option<&'static str> {
        let stem = lower.strip_suffix("ed")?;
        if stem.len() < 2 {
            return None;
        }
        let get = |w: &str| self.verbs.get(w).copied();
        // carried → carry
        if let Some(s) = stem.strip_suffix('i') {
            if let Some(v) = get(&format!("{s}y")) {
                return Some(v);
            }
        }
        // planned → plan (doubled consonant)
        let b = stem.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiou".contains(&b[b.len() - 1]) {
            if let Some(v) = get(&stem[..stem.len() - 1]) {
                return Some(v);
            }
        }
        // founded → found; hated → hate (a consonant-vowel-consonant verb would have
        // doubled its last letter: hop → hopped).
        if let Some(v) = get(stem) {
            if let Some(e) = get(&format!("{stem}e")) {
                let n = b.len();
                let cvc = n >= 2
                    && !b"aeiouwxy".contains(&b[n - 1])
                    && b"aeiou".contains(&b[n - 2])
                    && (n < 3 || !b"aeiou".contains(&b[n - 3]));
                return Some(if cvc { e } else { v });
            }
            return Some(v);
        }
        get(&format!("{stem}e"))
    }

    /// The lemma of an -ing form: "taking" → "take", "spreading" → "spread",
    /// "running" → "run".
    pub fn ing_lemma(&self, lower: &str) -> Option<&'static str> {
        let stem = lower.strip_suffix("ing")?;
        if stem.len() < 2 {
            return None;
        }
        let get = |w: &str| self.verbs.get(w).copied();
        let b = stem.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1])
        {
            if let Some(v) = get(&stem[..stem.len() - 1]) {
                return Some(v);
            }
        }
        let n = b.len();
        let cvc = n >= 2
            && !b"aeiouwxy".contains(&b[n - 1])
            && b"aeiou".contains(&b[n - 2])
            && (n < 3 || !b"aeiou".contains(&b[n - 3]));
        match (get(stem), get(&format!("{stem}e"))) {
            (Some(v), Some(e)) => Some(if cvc { e } else { v }),
            (Some(v), None) => Some(v),
            (None, Some(e)) => Some(e),
            (None, None) => None,
        }
    }

    /// The lemma of a present third-person form: "rules" → "rule", "carries" → "carry".
    pub fn present_lemma(&self, lower: &str) -> Option<&'static str> {
        if matches!(lower, "is" | "has" | "does" | "was") {
            return None;
        }
        let get = |w: &str| self.verbs.get(w).copied();
        if let Some(s) = lower.strip_suffix("ies") {
            if let Some(v) = get(&format!("{s}y")) {
                return Some(v);
            }
        }
        if let Some(s) = lower.strip_suffix("es") {
            if s.ends_with("sh")
                || s.ends_with("ch")
                || s.ends_with('s')
                || s.ends_with('x')
                || s.ends_with('z')
            {
                if let Some(v) = get(s) {
                    return Some(v);
                }
            }
        }
        let s = lower.strip_suffix('s')?;
        if s.ends_with('s') || s.ends_with('u') || s.len() < 2 {
            return None;
        }
        get(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals_have_their_values() {
        assert_eq!(cardinal_value("one"), Some(1));
        assert_eq!(cardinal_value("seven"), Some(7));
        assert_eq!(cardinal_value("twelve"), Some(12));
        assert_eq!(cardinal_value("thirteen"), None);
        assert_eq!(cardinal_value("Seven"), None);
    }

    #[test]
    fn irregular_and_regular_past_tenses() {
        let l = lexicon();
        for (past, lemma) in [
            ("withdrew", "withdraw"),
            ("began", "begin"),
            ("fought", "fight"),
            ("took", "take"),
            ("retook", "retake"),
            ("led", "lead"),
            ("won", "win"),
            ("established", "establish"),
            ("carried", "carry"),
            ("planned", "plan"),
            ("founded", "found"),
            ("used", "use"),
            ("based", "base"),
            ("hated", "hate"),
            ("ruled", "rule"),
            ("criticized", "criticize"),
            ("declared", "declare"),
            ("invaded", "invade"),
        ] {
            assert_eq!(l.past_lemma(past), Some(lemma), "{past}");
        }
        assert_eq!(l.past_lemma("hundred"), None);
        assert_eq!(l.past_lemma("china"), None);
    }

    #[test]
    fn ing_lemmas() {
        let l = lexicon();
        assert_eq!(l.ing_lemma("taking"), Some("take"));
        assert_eq!(l.ing_lemma("spreading"), Some("spread"));
        assert_eq!(l.ing_lemma("running"), Some("run"));
        assert_eq!(l.ing_lemma("leaving"), Some("leave"));
        assert_eq!(l.ing_lemma("killing"), Some("kill"));
    }

    #[test]
    fn present_tense_lemmas() {
        let l = lexicon();
        assert_eq!(l.present_lemma("rules"), Some("rule"));
        assert_eq!(l.present_lemma("carries"), Some("carry"));
        assert_eq!(l.present_lemma("reaches"), Some("reach"));
        assert_eq!(l.present_lemma("is"), None);
    }
}
