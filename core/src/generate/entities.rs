//! Spans worth asking about: dates, years, decades, centuries, numbers, and names of
//! people, places, organisations, events and groups.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::lexicon::{lexicon, CARDINALS};
use super::text::Sentence;
use super::tokens::{TokKind, Token};

/// What an entity is; it decides the wh-word and the kind of distractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// "1960", "1348 to 1350"
    Year,
    /// "June 1348", "October 6, 1973"
    Date,
    /// "the 1960s"
    Decade,
    /// "the 10th century"
    Century,
    /// "25,000", "$40", "400%", "three million"
    Number,
    Person,
    Place,
    Organization,
    Event,
    /// Peoples, nationalities and religious groups: "the Normans", "Huguenots".
    Group,
    /// Another proper name.
    Name,
    /// A short common noun phrase: "price controls", "the feudal doctrines".
    Term,
}

impl EntityKind {
    pub fn is_time(self) -> bool {
        matches!(
            self,
            EntityKind::Year | EntityKind::Date | EntityKind::Decade | EntityKind::Century
        )
    }
}

/// Whether time tokens name a span rather than one point: "1348 to 1350",
/// "1526 and 1529", "1914–18", "1914-18".
pub(super) fn is_time_span(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| matches!(t.lower.as_str(), "to" | "and" | "–" | "-"))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Token indices, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// A title or office just before a person's name ("Soviet Premier"): tokens.
    pub title: Option<(usize, usize)>,
    /// For a number: the noun it counts ("25,000 *Protestants*"), a token index.
    pub unit: Option<usize>,
}

pub struct DocInfo {
    /// Words seen capitalised away from the start of a sentence.
    pub capitalised: HashSet<String>,
    /// Words seen in lower case.
    pub lowercase: HashSet<String>,
}

/// The months' names in lower case (one list for the generator).
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(super) const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "hundreds",
    "thousands",
    "million",
    "millions",
    "billion",
    "dozen",
    "dozens",
    "half",
];

const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];

const JOINERS: &[&str] = &[
    "of", "de", "da", "di", "von", "van", "du", "la", "le", "del", "der", "al", "bin", "d'",
];

fn is_year(t: &Token) -> bool {
    t.kind == TokKind::Number
        && t.text.len() == 4
        && t.text.bytes().all(|b| b.is_ascii_digit())
        && (1000..=2099).contains(&t.text.parse::<u32>().unwrap_or(0))
}

fn is_small_year(toks: &[Token], i: usize) -> bool {
    // "in 911", "AD 800", "44 BC": a 2–3 digit year only where the context says so.
    let t = &toks[i];
    if t.kind != TokKind::Number
        || !(2..=3).contains(&t.text.len())
        || !t.text.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let prev = i.checked_sub(1).map(|j| toks[j].lower.as_str());
    let next = toks.get(i + 1).map(|t| t.lower.as_str());
    matches!(next, Some("bc" | "ad" | "bce" | "ce"))
        || matches!(prev, Some("ad"))
        || (matches!(prev, Some("in" | "by" | "until" | "since"))
            && next.is_none_or(|n| matches!(n, "," | "." | ";" | "when" | "and")))
}

/// A year of fewer than four digits right after a month: "March 717", "25 March
/// 68" (two digits only after a day, since "March 15" is a day). Not a count
/// ("March 300 soldiers"): nothing but punctuation, a function word, a verb or a
/// name may follow.
fn year_after_month(toks: &[Token], b: usize, day_before: bool) -> bool {
    let t = &toks[b];
    let digits = t.text.len();
    if t.kind != TokKind::Number
        || !t.text.bytes().all(|c| c.is_ascii_digit())
        || !(if day_before { 2..=3 } else { 3..=3 }).contains(&digits)
        || t.text.starts_with('0')
    {
        return false;
    }
    toks.get(b + 1).is_none_or(|next| {
        let lex = super::lexicon::lexicon();
        next.kind == TokKind::Punct
            || next.is_capitalised()
            || lex.is_function(&next.lower)
            || lex.past_lemma(&next.lower).is_some()
    })
}

fn is_decade(t: &Token) -> bool {
    t.kind == TokKind::Number
        && t.text.len() >= 4
        && t.text.ends_with('s')
        && t.text[..t.text.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit())
        && t.text[..t.text.len() - 1].ends_with('0')
}

fn is_ordinal(t: &Token) -> bool {
    (t.kind == TokKind::Number
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| t.lower.ends_with(s))
        && t.lower.len() <= 4)
        || ORDINALS.contains(&t.lower.as_str())
}

fn is_day(t: &Token) -> bool {
    t.kind == TokKind::Number
        && t.text.len() <= 2
        && t.text.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_month(t: &Token) -> bool {
    t.is_capitalised() && MONTHS.contains(&t.lower.as_str())
}

/// A number word that multiplies the number before it: "2 million", "40 thousand".
fn is_magnitude(w: &str) -> bool {
    matches!(
        w,
        "hundred" | "thousand" | "million" | "billion" | "trillion"
    )
}

fn is_numberish(t: &Token) -> bool {
    (t.kind == TokKind::Number
        && t.text.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !t.text.ends_with('s'))
        || (NUMBER_WORDS.contains(&t.lower.as_str()) && !t.is_capitalised())
        || (t.lower.contains('-')
            && !t.is_capitalised()
            && t.lower.split('-').all(|p| {
                // "twenty-one" … "ninety-nine": the units one to nine.
                NUMBER_WORDS.contains(&p) || CARDINALS[..9].contains(&p)
            }))
}

/// The entities of one sentence.
pub fn find(toks: &[Token], info: &DocInfo) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let n = toks.len();
    let mut taken = vec![false; n];
    let push = |out: &mut Vec<Entity>, taken: &mut Vec<bool>, e: Entity| {
        if (e.start..e.end).any(|i| taken[i]) {
            return;
        }
        for t in taken.iter_mut().take(e.end).skip(e.start) {
            *t = true;
        }
        out.push(e);
    };
    let ent = |start, end, kind| Entity {
        start,
        end,
        kind,
        title: None,
        unit: None,
    };

    // Dates: "12 June 1348", "June 12, 1348", "June 1348", "December 25".
    let mut i = 0;
    while i < n {
        // "May" is a month only after a day ("on 30 May,") or before a day or a year.
        let month = is_month(&toks[i])
            && (toks[i].lower != "may"
                || toks.get(i + 1).is_some_and(|t| is_day(t) || is_year(t))
                || i > 0 && is_day(&toks[i - 1]));
        if month {
            let mut a = i;
            let mut b = i + 1;
            if i > 0 && is_day(&toks[i - 1]) {
                a = i - 1;
            }
            // "2 September 31 BC": with a day before the month, the number after
            // it is the year, not a second day.
            if b < n && is_day(&toks[b]) && a == i && !is_small_year(toks, b) {
                b += 1;
                if b + 1 < n
                    && toks[b].is_punct(",")
                    && (is_year(&toks[b + 1]) || is_small_year(toks, b + 1))
                {
                    b += 2;
                    if b < n && matches!(toks[b].lower.as_str(), "bc" | "bce" | "ad" | "ce") {
                        b += 1;
                    }
                }
            }
            if b < n
                && (is_year(&toks[b])
                    || is_small_year(toks, b)
                    || year_after_month(toks, b, a < i)
                    || toks[b].kind == TokKind::Number
                        && toks[b].text.len() <= 3
                        && toks.get(b + 1).is_some_and(|t| {
                            matches!(t.lower.as_str(), "bc" | "bce" | "ad" | "ce")
                        }))
            {
                b += 1;
                if b < n && matches!(toks[b].lower.as_str(), "bc" | "bce" | "ad" | "ce") {
                    b += 1;
                }
            }
            if b - a >= 2 {
                push(&mut out, &mut taken, ent(a, b, EntityKind::Date));
                i = b;
                continue;
            }
        }
        i += 1;
    }
    // Centuries: "the 10th century", "the 10th and 11th centuries", "the early 19th century".
    for i in 0..n {
        if matches!(toks[i].lower.as_str(), "century" | "centuries") {
            let mut a = i;
            while a > 0
                && (is_ordinal(&toks[a - 1])
                    || matches!(
                        toks[a - 1].lower.as_str(),
                        "and" | "to" | "early" | "late" | "mid" | "mid-"
                    ))
            {
                a -= 1;
            }
            while a < i && !is_ordinal(&toks[a]) {
                a += 1;
            }
            if a < i {
                push(&mut out, &mut taken, ent(a, i + 1, EntityKind::Century));
            }
        }
    }
    // Decades and years, with ranges: "the 1960s", "1348 to 1350", "1973–1974".
    let mut i = 0;
    while i < n {
        let decade = is_decade(&toks[i]);
        if decade || is_year(&toks[i]) || is_small_year(toks, i) {
            let kind = if decade {
                EntityKind::Decade
            } else {
                EntityKind::Year
            };
            let mut b = i + 1;
            if b < n && matches!(toks[b].lower.as_str(), "bc" | "ad" | "bce" | "ce") {
                b += 1;
            }
            if b + 1 < n
                && (matches!(toks[b].lower.as_str(), "to" | "and" | "-" | "–" | "—"))
                && (is_year(&toks[b + 1]) || (decade && is_decade(&toks[b + 1])))
            {
                b += 2;
            }
            let a = if i > 0 && toks[i - 1].lower == "ad" {
                i - 1
            } else {
                i
            };
            push(&mut out, &mut taken, ent(a, b, kind));
            i = b;
            continue;
        }
        i += 1;
    }
    // Numbers and quantities: "$40", "25,000", "400%", "three million people", "five to ten years".
    let mut i = 0;
    while i < n {
        if taken[i] || !is_numberish(&toks[i]) {
            i += 1;
            continue;
        }
        let mut a = i;
        if a > 0 && matches!(toks[a - 1].text.as_str(), "$" | "£" | "€") {
            a -= 1;
        }
        let mut b = i + 1;
        // "three million", "2 million"; but "In 625 three armies …" is a year and a
        // count (round 57 asked "In _____ …" → "625 three").
        while b < n
            && !taken[b]
            && is_numberish(&toks[b])
            && !(toks[b - 1].kind == TokKind::Number
                && toks[b].kind == TokKind::Word
                && !is_magnitude(&toks[b].lower))
        {
            b += 1;
        }
        // "five to ten"
        if b + 1 < n && toks[b].lower == "to" && is_numberish(&toks[b + 1]) && !taken[b + 1] {
            b += 2;
            while b < n && is_numberish(&toks[b]) {
                b += 1;
            }
        }
        if b < n && (toks[b].is_punct("%") || matches!(toks[b].lower.as_str(), "percent")) {
            b += 1;
        } else if b + 1 < n && toks[b].lower == "per" && toks[b + 1].lower == "cent" {
            b += 2;
        }
        // The thing counted: the next word if it is a plain lower-case noun-ish word.
        let mut unit = None;
        if b < n
            && toks[b].is_word()
            && !lexicon().is_function(&toks[b].lower)
            && lexicon().past_lemma(&toks[b].lower).is_none()
        {
            unit = Some(b);
            // "years", "people", "ships"; keep units of measure inside the answer.
            if matches!(
                toks[b].lower.as_str(),
                "km" | "miles"
                    | "kilometres"
                    | "kilometers"
                    | "tons"
                    | "tonnes"
                    | "barrels"
                    | "dollars"
                    | "pounds"
                    | "acres"
            ) {
                b += 1;
                unit = None;
            }
        }
        // A lone small number word ("two") with nothing counted is too vague.
        let lone_word = b - a == 1 && toks[a].kind == TokKind::Word && unit.is_none();
        // "a few hundred years", "several thousand men": no exact number to ask for.
        let vague = toks[a].kind == TokKind::Word
            && a > 0
            && matches!(
                toks[a - 1].lower.as_str(),
                "few" | "several" | "many" | "some"
            );
        let lone_word = lone_word || vague;
        // "one of", "first" are not numbers; a day of the month alone neither.
        if !lone_word {
            let mut e = ent(a, b, EntityKind::Number);
            e.unit = unit;
            push(&mut out, &mut taken, e);
        }
        i = b;
    }
    // Proper names.
    let lex = lexicon();
    let mut i = 0;
    while i < n {
        if taken[i] || !starts_name(toks, i, info) {
            i += 1;
            continue;
        }
        let mut b = i + 1;
        loop {
            if b < n && !taken[b] && continues_name(&toks[b]) {
                b += 1;
                continue;
            }
            // Joiners: "Republic of China", "Battle of the Bulge", "Louis de Condé".
            let mut j = b;
            while j < n
                && (JOINERS.contains(&toks[j].lower.as_str()) || (j > b && toks[j].lower == "the"))
                && toks[j].is_word()
                && !toks[j].is_capitalised()
            {
                j += 1;
            }
            // "William the Silent", "Alfred the Great".
            if j == b
                && j + 1 < n
                && toks[j].lower == "the"
                && b - i == 1
                && continues_name(&toks[j + 1])
                && !taken[j + 1]
                && !lex.is_place(&toks[i].text)
                && !lex.is_demonym(&toks[i].text)
                && toks.get(j + 2).is_none_or(|t| !t.is_capitalised())
                && !lex.is_org_head(&toks[j + 1].lower)
                && !lex.is_place_head(&toks[j + 1].lower)
                && !lex.is_event_head(&toks[j + 1].lower)
                && !lex.is_title(&toks[j + 1].lower)
                // "After Trasimene the Romans …": a people is no epithet.
                && !lex.is_demonym(&toks[j + 1].text)
            {
                j += 1;
            }
            if j > b && j < n && !taken[j] && continues_name(&toks[j]) && !is_month(&toks[j]) {
                b = j + 1;
                continue;
            }
            break;
        }
        let mut a = i;
        // "The" opening a sentence is not part of the name.
        while a < b && lex.is_function(&toks[a].lower) {
            a += 1;
        }
        // A head or title word alone ("City", "Count", "Kingdom") is no name.
        let lone_head = b - a == 1
            && (lex.is_title(&toks[a].lower)
                || lex.is_place_head(&toks[a].lower)
                || lex.is_org_head(&toks[a].lower)
                || lex.is_event_head(&toks[a].lower))
            && !lex.is_place(&toks[a].text);
        // "Ann Putnam Jr., Elizabeth Hubbard": the suffix's full stop is the
        // name's, or a cloze reads "_____., Elizabeth …".
        let suffix_stop = b + 1 < n
            && matches!(toks[b - 1].text.as_str(), "Jr" | "Sr")
            && toks[b].is_punct(".")
            && toks[b].start == toks[b - 1].end;
        if a < b && !lone_head {
            let mut e = classify(toks, a, b);
            if suffix_stop {
                e.end += 1;
            }
            push(&mut out, &mut taken, e);
        }
        i = b + usize::from(suffix_stop);
    }
    out.sort_by_key(|e| e.start);
    out
}

/// A capitalised word that goes on a name, "I" too: within a name it is a regnal
/// numeral ("James I", "World War I"), never the writer.
fn continues_name(t: &Token) -> bool {
    t.is_capitalised() && (t.text == "I" || !lexicon().is_function(&t.lower))
}

fn starts_name(toks: &[Token], i: usize, info: &DocInfo) -> bool {
    let t = &toks[i];
    let lex = lexicon();
    if !t.is_capitalised() || is_month(t) || t.text == "I" {
        return false;
    }
    if lex.is_function(&t.lower) {
        // "The Hague" is rare; "The Soviet Union" starts at "Soviet".
        return false;
    }
    let forced = i == 0
        || toks[i - 1].is_punct(":")
        || toks[i - 1].is_punct("\"")
        || toks[i - 1].is_punct("“")
        || toks[i - 1].is_punct("(");
    if !forced {
        return true;
    }
    // "Given Zubayr's past, …": a participle used as a preposition opens the
    // sentence, not a name (the card had asked for "Given Zubayr").
    if matches!(
        t.lower.as_str(),
        "given" | "granted" | "considering" | "regarding" | "concerning" | "barring" | "including"
    ) {
        return false;
    }
    // A capital forced by the sentence start: a name only if known as one. Lists are
    // looked up without a possessive: "Roger's son".
    let bare = t.text.trim_end_matches("'s").trim_end_matches("’s");
    if bare.len() < t.text.len()
        && (lex.is_given_name(bare) || lex.is_place(bare) || info.capitalised.contains(bare))
    {
        return true;
    }
    let next_cap = toks
        .get(i + 1)
        .is_some_and(|n| n.is_capitalised() && !lex.is_function(&n.lower))
        || (toks
            .get(i + 1)
            .is_some_and(|n| JOINERS.contains(&n.lower.as_str()) && n.lower != "of")
            && toks.get(i + 2).is_some_and(|n| n.is_capitalised()));
    // "Garibaldi led …": an unknown capitalised word right before a past-tense verb.
    let before_verb = toks.get(i + 1).is_some_and(|n| {
        n.is_word()
            && !n.is_capitalised()
            && lex.past_lemma(&n.lower).is_some()
            && !n.lower.ends_with("ing")
    });
    let plain_word = info.lowercase.contains(&t.lower)
        || lex.is_verb_lemma(&t.lower)
        || t.lower.ends_with('s')
        || t.lower.ends_with("ly");
    lex.is_place(&t.text)
        || (before_verb && !plain_word)
        || lex.is_given_name(&t.text)
        || lex.is_demonym(&t.text)
        || lex.is_title(&t.lower)
        || info.capitalised.contains(&t.text)
        || (next_cap && !info.lowercase.contains(&t.lower))
        || (!info.lowercase.contains(&t.lower)
            && !lex.is_verb_lemma(&t.lower)
            && !t.lower.ends_with("ly")
            && !t.lower.ends_with("ing")
            && lex.past_lemma(&t.lower).is_none()
            && !t.lower.ends_with('s')
            && t.text.chars().count() > 2
            && looks_foreign_or_name(&t.text))
}

/// A single capitalised word nobody writes in lower case: names often have letters
/// or endings ordinary English words lack.
fn looks_foreign_or_name(w: &str) -> bool {
    !w.is_ascii() || w.chars().skip(1).any(|c| c.is_uppercase())
}

/// Nouns for things that take a proper name after them ("the bull Unam Sanctam").
const THING_NOUNS: &[&str] = &[
    "bull",
    "encyclical",
    "ship",
    "liner",
    "steamer",
    "frigate",
    "battleship",
    "cruiser",
    "submarine",
    "galleon",
    "vessel",
    "newspaper",
    "pamphlet",
    "poem",
    "novel",
    "opera",
    "painting",
    "horse",
];

fn classify(toks: &[Token], a: usize, b: usize) -> Entity {
    let lex = lexicon();
    // Possessives are looked up without their "'s": "the Soviet Union's dominance".
    let text: Vec<&str> = toks[a..b]
        .iter()
        .map(|t| t.text.trim_end_matches("'s").trim_end_matches("’s"))
        .collect();
    let full = text.join(" ");
    let mut e = Entity {
        start: a,
        end: b,
        kind: EntityKind::Name,
        title: None,
        unit: None,
    };
    if lex.is_place(&full) {
        e.kind = EntityKind::Place;
        return e;
    }
    // A title (possibly after a nationality): "King Charles III", "Soviet Premier Nikita Khrushchev".
    let mut title_end = None;
    for (k, t) in toks.iter().enumerate().take(b.min(a + 3)).skip(a) {
        if lex.is_title(&t.lower) {
            title_end = Some(k + 1);
        } else if !(lex.is_demonym(&t.text) && k == a) {
            break;
        }
    }
    if let Some(te) = title_end {
        if te < b && toks[te].is_capitalised() {
            e.title = Some((a, te));
            e.start = te;
            e.kind = EntityKind::Person;
            return e;
        }
    }
    // "the papal bull Exsurge Domine", "the liner Lusitania", "the ship Queen
    // Mary": a name after a noun for a thing names that thing, not a person
    // (round 38 had the bull "formally excommunicated" for Luther's "he").
    if a > 0 && THING_NOUNS.contains(&toks[a - 1].lower.as_str()) {
        return e;
    }
    let lowers: Vec<&str> = toks[a..b].iter().map(|t| t.lower.as_str()).collect();
    if lowers.iter().any(|w| lex.is_org_head(w))
        && !lowers
            .iter()
            .any(|w| lex.is_event_head(w) && matches!(*w, "war" | "revolution" | "battle"))
    {
        e.kind = EntityKind::Organization;
        return e;
    }
    if lowers.iter().any(|w| lex.is_event_head(w)) {
        e.kind = EntityKind::Event;
        return e;
    }
    if lowers.iter().any(|w| lex.is_place_head(w))
        || text.iter().any(|w| lex.is_place(w)) && b - a <= 2 && !lex.is_given_name(text[0])
    {
        e.kind = EntityKind::Place;
        return e;
    }
    if lex.is_given_name(text[0])
        && !(b - a == 1 && a + 1 < toks.len() && lex.is_place_head(&toks[a + 1].lower))
    {
        e.kind = EntityKind::Person;
        return e;
    }
    if b - a == 1
        && (lex.is_demonym(text[0])
            || (text[0].ends_with("ans") || text[0].ends_with("ese") || text[0].ends_with("ish")))
    {
        e.kind = EntityKind::Group;
        return e;
    }
    if b - a == 1 && text[0].len() >= 2 && text[0].chars().all(|c| c.is_uppercase() || c == '.') {
        e.kind = EntityKind::Organization;
        return e;
    }
    if apposition_names_a_person(toks, b) {
        e.kind = EntityKind::Person;
        return e;
    }
    let mut prev = a.checked_sub(1).map(|j| toks[j].lower.as_str());
    let after_the = prev == Some("the");
    if after_the {
        prev = a.checked_sub(2).map(|j| toks[j].lower.as_str());
    }
    // "to" and "from" also take people ("sold it to Clement Griscom"): only a
    // one-word name after them is taken for a place.
    let one_word_after_to = b - a == 1 && matches!(prev, Some("to" | "from"));
    if one_word_after_to
        || matches!(
            prev,
            Some("in" | "at" | "into" | "near" | "across" | "throughout" | "towards" | "toward")
        )
    {
        e.kind = EntityKind::Place;
        return e;
    }
    let next = toks.get(b).map(|t| t.lower.as_str());
    if matches!(
        next,
        Some(
            "said"
                | "wrote"
                | "argued"
                | "believed"
                | "married"
                | "died"
                | "led"
                | "won"
                | "ruled"
                | "reigned"
                | "commanded"
                | "proclaimed"
                | "declared"
                | "defeated"
                | "conquered"
                | "crowned"
                | "ordered"
                | "published"
                | "became"
                | "succeeded"
                | "abdicated"
                | "preached"
                | "translated"
                | "resigned"
                | "fled"
                | "emigrated"
                | "negotiated"
        )
    ) || (toks.get(b).is_some_and(|t| t.is_punct(","))
        && toks.get(b + 1).is_some_and(|t| t.lower == "who"))
    {
        e.kind = EntityKind::Person;
        return e;
    }
    // Words that open place names ("New York", "San Francisco") and ships' prefixes
    // ("SS Ancon") are not first names.
    if b - a >= 2 {
        match lowers[0] {
            "new" | "san" | "santa" | "são" | "los" | "las" | "port" | "fort" | "lake"
            | "mount" | "cape" => {
                e.kind = EntityKind::Place;
                return e;
            }
            "ss" | "hms" | "uss" | "rms" => return e,
            _ => {}
        }
    }
    if (2..=3).contains(&(b - a)) && toks[a..b].iter().all(|t| t.is_capitalised()) && !after_the {
        e.kind = EntityKind::Person;
    }
    e
}

/// "Hemu, a Hindu minister who …": the name at `..b` is followed by an apposition whose
/// noun is a person's.
fn apposition_names_a_person(toks: &[Token], b: usize) -> bool {
    let lex = lexicon();
    if !toks.get(b).is_some_and(|t| t.is_punct(","))
        || !toks
            .get(b + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
    {
        return false;
    }
    let mut head = None;
    for t in toks.iter().skip(b + 2).take(4) {
        if !t.is_word() || lex.is_function(&t.lower) {
            break;
        }
        head = Some(t);
    }
    head.is_some_and(|h| {
        !h.is_capitalised() && super::people::names_a_person(h) && !lex.is_demonym(&h.text)
    })
}

/// Makes kinds agree across the document: "Mao" is a person when "Mao Zedong" is.
pub fn harmonise(sents: &mut [Sentence]) {
    let mut kind_of_word: HashMap<String, EntityKind> = HashMap::new();
    for s in sents.iter() {
        for e in &s.entities {
            if matches!(e.kind, EntityKind::Person | EntityKind::Place) && e.end - e.start >= 2 {
                kind_of_word
                    .entry(s.tokens[e.start].text.clone())
                    .or_insert(e.kind);
                kind_of_word
                    .entry(s.tokens[e.end - 1].text.clone())
                    .or_insert(e.kind);
            }
            if e.end - e.start == 1 && e.kind != EntityKind::Name {
                kind_of_word
                    .entry(s.tokens[e.start].text.clone())
                    .or_insert(e.kind);
            }
        }
    }
    // "Hannibal crossed the Alps … He defeated the Romans": the name before "He" is a person.
    for i in 1..sents.len() {
        let first = sents[i]
            .tokens
            .first()
            .map(|t| t.lower.clone())
            .unwrap_or_default();
        if first == "he" || first == "she" {
            if let Some(e) = sents[i - 1]
                .entities
                .first()
                .filter(|e| e.start == 0 && e.kind == EntityKind::Name)
            {
                let p = &sents[i - 1];
                kind_of_word.insert(p.tokens[e.start].text.clone(), EntityKind::Person);
                if e.end - e.start == 1 {
                    // fall through to the loop below
                }
            }
        }
    }
    for s in sents.iter_mut() {
        for e in &mut s.entities {
            if e.kind == EntityKind::Name && e.end - e.start == 1 {
                if let Some(k) = kind_of_word.get(&s.tokens[e.start].text) {
                    e.kind = *k;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::Document;
    use super::*;

    fn ents(t: &str) -> Vec<(String, EntityKind)> {
        let d = Document::analyse(t);
        d.sentences
            .iter()
            .flat_map(|s| {
                s.entities
                    .iter()
                    .map(move |e| (s.span_text(e.start, e.end), e.kind))
            })
            .collect()
    }

    #[test]
    fn may_is_a_month_beside_a_day_or_a_year_and_a_verb_elsewhere() {
        let e = ents("Three days later, on 30 May, Ojukwu spoke. In May 1968 the city fell.");
        assert!(e.contains(&("30 May".into(), EntityKind::Date)), "{e:?}");
        assert!(e.contains(&("May 1968".into(), EntityKind::Date)), "{e:?}");
        let e = ents("Rulers May Fall, a pamphlet of 1650, was burned.");
        assert!(
            !e.iter()
                .any(|(t, k)| t.contains("May") && *k == EntityKind::Date),
            "{e:?}"
        );
    }

    #[test]
    fn a_name_after_a_noun_for_a_thing_is_no_person() {
        let e = ents("Meanwhile the papal bull Exsurge Domine condemned his propositions. The ship Susan Constant sailed in 1606.");
        for name in ["Exsurge Domine", "Susan Constant"] {
            assert!(
                e.iter().any(|(t, k)| t == name && *k != EntityKind::Person),
                "{name}: {e:?}"
            );
        }
        let e = ents("The monk Martin Luther posted his theses in 1517.");
        assert!(
            e.iter()
                .any(|(t, k)| t == "Martin Luther" && *k == EntityKind::Person),
            "{e:?}"
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_is_no_name() {
        let found = ents("Given Zubayr's past, the cabinet refused.");
        assert!(!found.iter().any(|(t, _)| t.contains("Given")), "{found:?}");
    }

    #[test]
    fn a_regnal_i_belongs_to_its_name() {
        let e = ents("England and the Dutch Republic were allies, and James I did not want a rupture. Both had fought in World War I.");
        assert!(e.iter().any(|(t, _)| t == "James I"), "{e:?}");
        assert!(e.iter().any(|(t, _)| t == "World War I"), "{e:?}");
    }

    #[test]
    fn a_name_keeps_the_full_stop_of_its_suffix() {
        let e = ents("The girls included Ann Putnam Jr., Elizabeth Hubbard and Mercy Lewis.");
        assert!(e.iter().any(|(t, _)| t == "Ann Putnam Jr."), "{e:?}");
        // At the end of the sentence the stop is the sentence's.
        let e = ents("The first to speak was Ann Putnam Jr.");
        assert!(e.iter().any(|(t, _)| t == "Ann Putnam Jr"), "{e:?}");
    }

    #[test]
    fn dates_years_decades_centuries() {
        let e = ents("On October 6, 1973, Egypt attacked. By June 1348 it had spread, and from 1348 to 1350 it went east. In the 1960s and in the 10th and 11th centuries, things changed.");
        assert!(
            e.contains(&("October 6, 1973".into(), EntityKind::Date)),
            "{e:?}"
        );
        assert!(e.contains(&("June 1348".into(), EntityKind::Date)), "{e:?}");
        assert!(
            e.contains(&("1348 to 1350".into(), EntityKind::Year)),
            "{e:?}"
        );
        assert!(e.contains(&("1960s".into(), EntityKind::Decade)), "{e:?}");
        assert!(
            e.contains(&("10th and 11th centuries".into(), EntityKind::Century)),
            "{e:?}"
        );
        assert!(e.contains(&("Egypt".into(), EntityKind::Place)), "{e:?}");
        // A day before the month: the number after it is the year.
        let e = ents("By the morning of 2 September 31 BC the fight was over. It began on September 2, 31 BC.");
        assert!(
            e.contains(&("2 September 31 BC".into(), EntityKind::Date)),
            "{e:?}"
        );
        assert!(
            e.contains(&("September 2, 31 BC".into(), EntityKind::Date)),
            "{e:?}"
        );
    }

    #[test]
    fn names_and_their_kinds() {
        let e = ents("The culmination came when Soviet Premier Nikita Khrushchev met King Charles III of West Francia and the Communist Party of China. The Great Leap Forward followed, and the Huguenots fled to Prussia.");
        assert!(
            e.contains(&("Nikita Khrushchev".into(), EntityKind::Person)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Charles III of West Francia".into(), EntityKind::Person)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Communist Party of China".into(), EntityKind::Organization)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Great Leap Forward".into(), EntityKind::Event)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Huguenots".into(), EntityKind::Group)),
            "{e:?}"
        );
        assert!(e.contains(&("Prussia".into(), EntityKind::Place)), "{e:?}");
        let wharf =
            ents("The raiders went down to Griffin's Wharf. After Trasimene the Romans gave way.");
        assert!(
            wharf.contains(&("Griffin's Wharf".into(), EntityKind::Place)),
            "{wharf:?}"
        );
        assert!(
            !wharf.iter().any(|(t, _)| t == "Trasimene the Romans"),
            "{wharf:?}"
        );
        assert!(
            !e.iter().any(|(t, _)| t == "The" || t == "The culmination"),
            "{e:?}"
        );
    }

    #[test]
    fn numbers_with_units() {
        let e = ents(
            "Almost 25,000 Protestants were killed, and prices rose by 400% to $12 per barrel.",
        );
        assert!(e.contains(&("25,000".into(), EntityKind::Number)), "{e:?}");
        let counts =
            ents("In 625 three Persian armies tried to trap him. About 2 million men served.");
        assert!(
            !counts.iter().any(|(t, _)| t == "625 three"),
            "a number and a count after it are two: {counts:?}"
        );
        assert!(counts.iter().any(|(t, _)| t == "2 million"), "{counts:?}");
        assert!(e.contains(&("400%".into(), EntityKind::Number)), "{e:?}");
        assert!(e.contains(&("$12".into(), EntityKind::Number)), "{e:?}");
    }
}
