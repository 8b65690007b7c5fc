//! The last look at a finished prompt before it is scored: the words a clause merge
//! or a cut leaves behind, and the prompts a judge would reject whatever their score.
//!
//! Each rule here answers one defect the blind judges of issue 15 kept finding:
//! - a discourse word left at the start ("Meanwhile the admiral …", "Yet in _____ …")
//!   is dropped, the prompt reads the same without it;
//! - an object pronoun ("When did Truman sign it?") points at nothing on the card;
//! - a time question with a second year in it ("In what year did presses appear in
//!   Venice in 1470?") came from two clauses merged wrongly;
//! - do-support that breaks ("In what year do X defeated …", "did X unite … and was
//!   …", "had and …"), "how many" with no noun, "until what year";
//! - a "who" for a place or a "where" for a person;
//! - a cloze cut inside an appositive or a list ("…, the future _____.", "such as the
//!   _____"), or with its blank glued to a capitalised word ("the Nine _____").
//!
//! When unsure, the card is refused: precision in the first ten matters more than
//! the number of candidates.

use super::entities::EntityKind;
use super::lexicon::{is_aux, is_aux_or_past, lexicon};
use super::questions::Candidate;
use super::render::capitalise_first;
use super::text::Document;
use super::tokens::{bare_words, PromptWords};
use super::CardKind;
use super::{clauses, grammar, leans, shape};

/// The longest cloze worth suggesting, in words.
const MAX_CLOZE_WORDS: usize = 45;

/// Words that tie a sentence to the one before it and mean nothing on a card.
const OPENING_CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "yet",
    "meanwhile",
    "instead",
    "however",
    "thus",
    "moreover",
    "nevertheless",
    // "So around 117 BC …"
    "so",
    "also",
    // "Then in late 1897 Germany seized …"
    "then",
];

/// Enumerations and asides of an argued answer ("Third, Egypt had learned …",
/// "Ah, the war …"): connectives only with their comma ("First Nations …",
/// "Well into the 1800s …" are no connectives).
const CONNECTIVES_WITH_COMMA: &[&str] = &[
    "first", "second", "third", "fourth", "finally", "ah", "well", "indeed", "besides",
];

/// A short label opening a sentence ("Result: on 1 May …", "One last fun detail:
/// the best description …"): the card reads the same without it.
fn drop_opening_label(prompt: &str) -> Option<String> {
    let Some((label, rest)) = prompt.split_once(": ") else {
        return Some(prompt.to_string());
    };
    // "And here is the legal kicker: Pope Leo IX had died …": a chatty lead-in.
    let lead_in = label.to_lowercase();
    let lead_in = ["and ", "but ", "so "]
        .iter()
        .find_map(|c| lead_in.strip_prefix(c))
        .unwrap_or(&lead_in);
    if (lead_in.starts_with("here is ") || lead_in.starts_with("here's "))
        && label.split_whitespace().count() <= 6
        && rest.split_whitespace().count() >= 4
        && !label.contains("_____")
    {
        return Some(capitalise_first(rest));
    }
    // "The treaty had two parts: …" introduces what follows; a label has no verb.
    let lex = lexicon();
    let has_verb = bare_words(label)
        .iter()
        .any(|x| is_aux(x) || lex.past_lemma(x).is_some_and(|l| l != *x));
    // A timeline heading ("869, East Anglia: …") may have its comma.
    let heading = label.starts_with(|c: char| c.is_ascii_digit());
    // "Prelude, 1952: Iceland extended …", "First Cod War, 1958–61: the limit …":
    // a heading that dates what follows; without it the card has no time, with
    // it no sentence.
    let dated_heading = !has_verb
        && label.split_whitespace().count() <= 6
        && label.rsplit_once(", ").is_some_and(|(_, date)| {
            date.starts_with(|c: char| c.is_ascii_digit())
                && date
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '—'))
        });
    if dated_heading {
        return None;
    }
    let short = label.split_whitespace().count() <= 6
        && !label.contains(['.', '?'])
        && (heading || !label.contains(','))
        && !has_verb;
    if !short || rest.split_whitespace().count() < 4 {
        return Some(prompt.to_string());
    }
    // The blank in the label would be asked about a word that is gone.
    if label.contains("_____") {
        return None;
    }
    Some(capitalise_first(rest))
}

/// "itself", "himself" … after a name or a noun only stress it ("The movement
/// itself, known as …", "was Sang himself executed"); a card reads better without.
fn drop_intensifiers(prompt: &str) -> String {
    // Every intensifier ends in "self" or "selves".
    if !prompt.contains("sel") {
        return prompt.to_string();
    }
    let raw: Vec<&str> = prompt.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, w) in raw.iter().enumerate() {
        let bare = w.trim_end_matches([',', '.', '?']);
        let intensifier = matches!(bare, "itself" | "himself" | "herself" | "themselves");
        let after_noun = i > 0 && {
            let prev = raw[i - 1];
            let named = prev.chars().next().is_some_and(char::is_uppercase);
            let determined = i > 1
                && matches!(
                    raw[i - 2].to_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their"
                );
            !prev.ends_with(',') && (named || determined)
        };
        match out.last_mut() {
            // Keep the punctuation the word carried: "The battle itself, near …".
            Some(last) if intensifier && after_noun => last.push_str(&w[bare.len()..]),
            _ => out.push((*w).to_string()),
        }
    }
    out.join(" ")
}

/// The prompt without a connective at its start: "Yet in _____ the crusaders
/// stormed Constantinople." → "In _____ the crusaders stormed Constantinople."
pub(super) fn drop_opening_connective(prompt: &str) -> String {
    let Some((first, rest)) = prompt.split_once(' ') else {
        return prompt.to_string();
    };
    let bare = first.trim_end_matches(',').to_lowercase();
    let connective = OPENING_CONNECTIVES.contains(&bare.as_str())
        || (CONNECTIVES_WITH_COMMA.contains(&bare.as_str()) && first.ends_with(','));
    if !connective || rest.split_whitespace().count() < 4 {
        return prompt.to_string();
    }
    // A short rest ("But _____ won.") would lose the only word before its blank.
    capitalise_first(rest.trim_start_matches(", "))
}

/// A question whose merge left the sentence's connective after its auxiliary:
/// "When did so López invade Corrientes?" → "When did López invade Corrientes?".
fn drop_connective_after_auxiliary(prompt: &str) -> String {
    // (A word with no upper-case letter is its own lower case: no copy.)
    let lower_is_aux = |w: &str| {
        if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            is_aux(w)
        } else {
            is_aux(&w.to_lowercase())
        }
    };
    let Some(i) = prompt.split(' ').take(4).position(lower_is_aux) else {
        return prompt.to_string();
    };
    let mut raw: Vec<&str> = prompt.split(' ').collect();
    if raw
        .get(i + 1)
        .is_some_and(|n| OPENING_CONNECTIVES.contains(n))
        && raw.len() > i + 3
    {
        raw.remove(i + 1);
        raw.join(" ")
    } else {
        prompt.to_string()
    }
}

/// Nouns that only point back at something the text said before ("the
/// arrangement", "the matter"): on a card they name nothing.
const POINTING_NOUNS: &[&str] = &[
    "arrangement",
    "matter",
    "episode",
    "affair",
    "deal",
    "move",
    "scheme",
    "incident",
    "meeting",
    // Judged vague whenever seen (0 of 5, 4 and 6 kept): "When did the Ottomans
    // enter the conflict?", "Why did the ceremony take place …?".
    "conflict",
    "ceremony",
    "position",
];

/// Whether the prompt leans on the sentence before it: "this meeting", "those
/// gains", "the arrangement", or a sentence opening "That is where …" / "There
/// …" (a place said before). "There were …" says that something existed.
fn points_back(p: &PromptWords) -> bool {
    let w = &p.words;
    let demonstrative = w.windows(2).any(|p| {
        matches!(p[0].as_str(), "this" | "these" | "those")
            && p[1] != "_____"
            && p[1].chars().all(|c| c.is_lowercase())
    });
    // "for that reason", "Worse, that conflict …": "that" before a noun, after a
    // preposition or opening its clause; not "the town that held out" (a
    // relative) nor "said that the …" (a complement).
    let raw = &p.raw;
    let lex = lexicon();
    let that_noun = (0..w.len().saturating_sub(1)).any(|i| {
        let next = &w[i + 1];
        let opens = i == 0
            || raw.get(i - 1).is_some_and(|r| r.ends_with(','))
            || matches!(
                w[i - 1].as_str(),
                "for" | "after" | "of" | "from" | "with" | "during" | "against" | "despite"
            );
        w[i] == "that"
            && opens
            && next != "_____"
            && next.chars().all(|c| c.is_lowercase())
            && !lexicon_function(next)
            && !is_aux(next)
            && lex.past_lemma(next).is_none()
            && lex.present_lemma(next).is_none()
            && !next.ends_with("ly")
    });
    let pointing_noun = w
        .windows(2)
        .any(|p| p[0] == "the" && POINTING_NOUNS.contains(&p[1].as_str()));
    let opens_back = match (w.first().map(String::as_str), w.get(1).map(String::as_str)) {
        (Some("that"), Some("is" | "was")) => true,
        (Some("there"), Some(next)) => {
            !matches!(next, "was" | "were" | "is" | "are" | "had" | "has")
        }
        _ => false,
    };
    let there_said_before = [
        " there?",
        " there.",
        " there,",
        " by then",
        " until then",
        " since then",
    ]
    .iter()
    .any(|t| p.text.contains(t));
    demonstrative
        || that_noun
        || pointing_noun
        || opens_back
        || there_said_before
        || super::lexicon::opens_with_relative_time(w)
        || grammar::leans_on_earlier_sentence(p)
}

fn lexicon_function(w: &str) -> bool {
    lexicon().is_function(w)
}

/// A cloze whose blank is one item of a list of three or more ("Karnak, Luxor,
/// _____ and the Ramesseum", "the queens, _____ and Tiye"): the other items make
/// it a guess, and judges called them trivial. A pair ("The _____ and the Cultural
/// Revolution caused …") is a fact of its own and stays.
fn blank_in_list(p: &PromptWords) -> bool {
    let prompt = p.text;
    let Some(at) = prompt.find("_____") else {
        return false;
    };
    let before = prompt[..at].trim_end();
    // "the United States, the _____ and Britain": an item may have its article.
    let before = before.strip_suffix(" the").unwrap_or(before);
    let after = prompt[at + "_____".len()..].trim_start();
    let item_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "the" | "of" | "de")
    };
    // Another item after the blank: a short run of capitalised words ("Prussia",
    // "the Ramesseum"), then more of the list (", " or " and ") unless `last`.
    // "In _____, Napoleon crowned himself" goes on with a verb: no list.
    let item_follows = |rest: &str, last: bool| {
        if last {
            // The list's last item: its capitalised words, then the sentence goes on.
            let words: Vec<&str> = rest.split_whitespace().take_while(item_word).collect();
            return !words.is_empty()
                && words.len() <= 4
                && words
                    .iter()
                    .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        }
        let end = [rest.find(", "), rest.find(" and ")]
            .into_iter()
            .flatten()
            .min();
        let item = rest[..end.unwrap_or(rest.len())].trim_end_matches(['.', '?', ';']);
        let words: Vec<&str> = item.split_whitespace().collect();
        end.is_some()
            && !words.is_empty()
            && words.len() <= 4
            && words.iter().all(item_word)
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    // Items before the blank: the words since the last comma are capitalised
    // ("Karnak, Luxor, _____", "Cologne, Mainz, Frankfurt and _____").
    let items_before = |text: &str| {
        let since_comma = text.rsplit(", ").next().unwrap_or(text);
        let words: Vec<&str> = since_comma.split_whitespace().collect();
        text.contains(", ") && !words.is_empty() && words.len() <= 4 && words.iter().all(item_word)
    };
    let comma_after = after
        .strip_prefix(", ")
        .is_some_and(|r| item_follows(r, false));
    let comma_before = before.ends_with(',')
        && (after
            .strip_prefix("and ")
            .is_some_and(|r| item_follows(r, true))
            || items_before(before.trim_end_matches(',')));
    let last_of_list = before
        .strip_suffix(" and")
        .is_some_and(|b| items_before(b.trim_end_matches(',')));
    comma_after || comma_before || last_of_list
}

/// A cloze that is only a subordinate clause ("By the time _____ secured power."):
/// the sentence's main clause was cut away.
fn only_subordinate(p: &PromptWords) -> bool {
    let lower = p.lower();
    let opens = [
        "by the time ",
        "when ",
        "after ",
        "before ",
        "because ",
        "if ",
        "although ",
        "though ",
        "while ",
        "since ",
        "until ",
        "once ",
    ]
    .iter()
    .any(|s| lower.starts_with(s));
    opens && !p.text.contains(',')
}

/// A question ending in a bare span of time ("… ordered the first flights two
/// days?"): the "later" or "after X" that made it a time was cut away.
fn ends_in_bare_duration(p: &PromptWords) -> bool {
    let w = &p.words;
    let n = w.len();
    // "in about five weeks", "for two years": the span is said as a span.
    let said_as_span = w[..n.saturating_sub(2)].iter().rev().take(2).any(|x| {
        matches!(
            x.as_str(),
            "in" | "for"
                | "within"
                | "after"
                | "over"
                | "about"
                | "nearly"
                | "around"
                | "almost"
                | "only"
                | "some"
                | "just"
                | "than"
                | "of"
        )
    });
    n >= 3
        && !said_as_span
        && p.text.trim_end().ends_with('?')
        && matches!(
            w[n - 1].as_str(),
            "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"
        )
        && (w[n - 2].chars().all(|c| c.is_ascii_digit())
            || matches!(w[n - 2].as_str(), "a" | "few" | "several" | "many")
            || super::lexicon::CARDINALS[..10].contains(&w[n - 2].as_str()))
}

/// An answer that is only a step of an enumeration ("Third, …").
fn is_enumeration_word(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "finally"
            | "lastly"
            | "firstly"
            | "secondly"
            | "thirdly"
    )
}

/// A question without the "only" of its sentence before a participle: "In what
/// year was the script only deciphered?" reads as a slip; "… was the script
/// deciphered?" asks the same.
pub(super) fn drop_focus_only(prompt: &str) -> String {
    if !prompt.contains("only") {
        return prompt.to_string();
    }
    let words: Vec<&str> = prompt.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let before_participle = words.get(i + 1).is_some_and(|n| {
            let n = n.trim_end_matches(['?', ',']);
            n.len() > 4 && n.ends_with("ed") && n.chars().all(|c| c.is_ascii_lowercase())
        });
        if *w == "only" && i > 0 && before_participle {
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

/// A question without the "as well" that tied its sentence to the one before:
/// "In what year was a revised Index issued as well?" → "… issued?".
pub(super) fn drop_trailing_as_well(prompt: &str) -> String {
    match prompt.strip_suffix(" as well?") {
        Some(rest) if rest.split(' ').count() > 3 => format!("{rest}?"),
        _ => prompt.to_string(),
    }
}

/// A question without the "already" that compared its event with another one
/// of the text: "On what date was Pestel already arrested …?" → "… was Pestel
/// arrested …?" (judged a stray word).
pub(super) fn drop_already(prompt: &str) -> String {
    prompt.replacen(" already ", " ", 1)
}

/// Whether the answer sits in a fronted "By the time …," clause: its time is
/// another event's ("By the time Clement XIV signed the brief on 21 July 1773,
/// the Society had already been thrown out of Portugal").
fn answer_in_by_the_time(doc: &Document, c: &Candidate) -> bool {
    let toks = &doc.sentences[c.sentence].tokens;
    let opens = toks.len() > 3
        && toks[0].lower == "by"
        && toks[1].lower == "the"
        && toks[2].lower == "time";
    opens
        && toks
            .iter()
            .position(|t| t.is_punct(","))
            .is_some_and(|comma| c.answer_span.0 < comma)
}

/// "When did Dingane have Retief?" from "Dingane had Retief and his party
/// killed": a causative "had" whose participle the question lost.
fn lost_causative_participle(doc: &Document, c: &Candidate) -> bool {
    if !(c.prompt.contains(" have ") || c.prompt.contains(" had ")) {
        return false;
    }
    let toks = &doc.sentences[c.sentence].tokens;
    let lex = lexicon();
    toks.iter().enumerate().any(|(h, t)| {
        // "had Piet Retief … killed", not "had crossed the Alps".
        let object_next = toks.get(h + 1).is_some_and(|o| {
            o.is_capitalised()
                || matches!(o.lower.as_str(), "the" | "his" | "her" | "their" | "its")
        });
        t.lower == "had"
            && object_next
            && toks
                .iter()
                .skip(h + 2)
                .take(6)
                .take_while(|x| !x.is_punct(",") && !x.is_punct(";"))
                .find(|x| {
                    x.is_word()
                        && x.lower.ends_with("ed")
                        && lex.participle_lemma(&x.lower).is_some()
                        && !lex.is_function(&x.lower)
                })
                .is_some_and(|x| !c.prompt.contains(x.text.as_str()))
    })
}

/// "in 1538" twice: a time put for "the same year" next to the one it repeats.
fn repeated_time(p: &PromptWords) -> bool {
    let w = &p.words;
    (1..w.len()).any(|i| {
        is_year(&w[i])
            && matches!(w[i - 1].as_str(), "in" | "by")
            && w[i + 1..]
                .windows(2)
                .any(|x| x[0] == w[i - 1] && x[1] == w[i])
    })
}

/// Whether the prompt asks for a time.
fn asks_time(prompt: &PromptWords) -> bool {
    let p = prompt.lower();
    p.starts_with("when ")
        || p.contains(", when ")
        || [
            "what year",
            "what date",
            "what century",
            "what decade",
            "what month",
        ]
        .iter()
        .any(|w| p.contains(w))
}

/// A year in the words of a prompt: "1470", "1520s", "430".
fn is_year(w: &str) -> bool {
    let digits = w.trim_end_matches('s');
    (3..=4).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// Defects a question and a cloze share: a heading merged into the sentence
/// ("much of Economically the Porfiriato"), a cut after a possessive ("fear of
/// Athens'."), "this"/"these" as a subject with nothing to point at ("…, this was a
/// response"), a subject lost before its verb ("Tawantinsuyu, stretched some …").
fn bad_either(p: &PromptWords) -> bool {
    let lex = lexicon();
    let prompt = p.text;
    let raw = &p.raw;
    let w = &p.words;
    for i in 1..raw.len() {
        let prev = raw[i - 1];
        let bare = raw[i].trim_matches(|c: char| !c.is_alphanumeric());
        if bare.len() > 4
            && bare.ends_with("ly")
            && bare.chars().next().is_some_and(char::is_uppercase)
            && !prev.ends_with(['.', ':', '"', '“'])
        {
            return true;
        }
    }
    if prompt.ends_with("'.") || prompt.ends_with("’.") || prompt.ends_with("'?") {
        return true;
    }
    // "The third ended with the Peace of Saint-Germain": an ordinal whose noun
    // ("war") was in an earlier sentence. "Partly, too, because …": the reason
    // given to the title's question, no sentence of its own.
    // (A verb's lemma only after "did": "the third war" has its noun.)
    let lone_ordinal = (0..w.len().saturating_sub(2)).any(|i| {
        let verb = &w[i + 2];
        w[i] == "the"
            && matches!(
                w[i + 1].as_str(),
                "first" | "second" | "third" | "fourth" | "fifth" | "sixth" | "last"
            )
            && (is_aux(verb)
                // ("the first elected congress": a past form before its noun.)
                || lex.past_lemma(verb).is_some_and(|l| l != verb)
                    && w.get(i + 3).is_none_or(|n| lex.is_function(n))
                // ("did the third end with …", not "did the first issue of …").
                || i > 0
                    && w[i - 1] == "did"
                    && lex.is_verb_lemma(verb)
                    && w.get(i + 3).is_some_and(|n| n != "of" && lex.is_function(n)))
    });
    if lone_ordinal || w.first().is_some_and(|x| x == "partly") {
        return true;
    }
    for i in 1..w.len() {
        if matches!(w[i - 1].as_str(), "this" | "these")
            && (is_aux(&w[i]) || lex.past_lemma(&w[i]).is_some_and(|l| l != w[i]))
        {
            return true;
        }
    }
    // The first comma closes the subject only when a comma opened an apposition
    // before it: "Tawantinsuyu, stretched …" and "Ruled by X, was …" lost theirs.
    if let Some(k) = raw.iter().position(|x| x.ends_with(',')) {
        if let Some(n) = (k + 1 < raw.len()).then(|| p.bare(k + 1)) {
            // "Malcolm submitted, paid homage …" is a list of verbs: a verb before
            // the comma means the subject is there.
            // (Not the first word: "Ruled by X, was …" opens with a participle.)
            // "Some crudely disguised as Mohawks, went down to …": after a
            // quantifier standing for people the "-ed" word is a participle; the
            // noun it stood for ("groups of men, some …") was cut off.
            let quantifier = matches!(p.bare(0), "some" | "many" | "most" | "several" | "others");
            let verb_before = !quantifier && (1..=k).any(|i| is_aux_or_past(p.bare(i)));
            if is_aux_or_past(n) && !matches!(n, "who" | "which") && !verb_before {
                return true;
            }
            // "Led by Midhat Pasha, they secured …": the pronoun after the opening
            // phrase points outside the card.
            if matches!(n, "he" | "she" | "they") && !verb_before {
                return true;
            }
        }
    }
    false
}

/// An object pronoun with nothing on the card to stand for: "it" always (its
/// referent is seldom the name before it: "When did Truman sign it?"), "him" and
/// "them" unless two names come before them in the prompt.
fn dangling_object(p: &PromptWords) -> bool {
    let raw = &p.raw;
    (0..raw.len()).any(|i| {
        match p.bare(i) {
            // "…, where it then travelled along the _____": "it" as the subject of a
            // clause after a name is that name.
            "it" => {
                let after_subordinator = i > 0
                    && matches!(
                        p.bare(i - 1),
                        "where" | "when" | "before" | "after" | "until" | "because" | "while"
                    );
                let name_before = raw[1..i.max(1)]
                    .iter()
                    .any(|p| p.chars().next().is_some_and(char::is_uppercase));
                !(after_subordinator && name_before)
            }
            // The subject is never "him" ("When did Fust sue him?" means someone
            // else). In a question the subject stands next to the auxiliary, so "him"
            // stands for a name after the verb ("did Otto set up Ralph as earl and
            // charge him …"), or else someone named before the card's sentence. Judges
            // rejected every question of the second kind ("… did Philip V of Macedon
            // make an alliance with him?"). "among them" and "many of them" point at
            // the card's own noun.
            "him" | "them" if p.text.ends_with('?') => {
                let partitive = i > 0 && matches!(p.bare(i - 1), "among" | "of");
                !partitive && (p.bare(i) == "them" || !named_after_verb(p, i))
            }
            // In a cloze a second name before it is what it can stand for.
            "him" | "them" => {
                // Names, not capitalised words: "the German explorer Karl Mauch" is one.
                let lex = lexicon();
                let caps: Vec<bool> = raw[1..i.max(1)]
                    .iter()
                    .map(|p| {
                        let bare = p.trim_matches(|c: char| !c.is_alphanumeric());
                        p.chars().next().is_some_and(char::is_uppercase) && !lex.is_demonym(bare)
                    })
                    .collect();
                let names = caps
                    .iter()
                    .enumerate()
                    .filter(|(k, c)| **c && (*k == 0 || !caps[k - 1]))
                    .count();
                names < 2
            }
            _ => false,
        }
    })
}

/// Whether a question names someone after its verb and before word `end`: the
/// subject runs from the auxiliary to the first verb.
fn named_after_verb(p: &PromptWords, end: usize) -> bool {
    let lex = lexicon();
    let Some(aux) = (0..end).find(|&k| matches!(p.bare(k), "did" | "was" | "were" | "had")) else {
        return false;
    };
    // After "did" the verb is a lemma ("did a chastened Clement crown …": not the
    // participle before the name); after "was" or "had" a participle.
    let did = p.bare(aux) == "did";
    // The subject's first word is no verb ("did war between France … force him").
    let verb = (aux + 2..end).find(|&k| {
        let w = p.bare(k);
        !p.raw[k].starts_with(char::is_uppercase)
            && !clauses::opens_noun_phrase(p.bare(k - 1))
            && if did {
                lex.is_verb_lemma(w)
            } else {
                lex.participle_lemma(w).is_some()
            }
    });
    verb.is_some_and(|v| {
        p.raw[v + 1..end]
            .iter()
            .any(|r| r.starts_with(char::is_uppercase))
    })
}

/// Whether a question prompt is broken in a way its rules did not see.
fn bad_question(p: &PromptWords, answer: &str, answer_kind: EntityKind) -> bool {
    let w = &p.words;
    let lex = lexicon();
    // An object pronoun with nothing to stand for.
    if dangling_object(p) {
        return true;
    }
    // "Who did a month later Lee offer …?", "… meet within days?": a time
    // counted from something the card does not show ("within a decade" is
    // a span, not a moment).
    let within_days = |i: usize| {
        let unit = |k: usize| {
            w.get(k).is_some_and(|u| {
                matches!(
                    u.as_str(),
                    "hours" | "days" | "weeks" | "months" | "day" | "week" | "month"
                )
            })
        };
        unit(i + 1) || w.get(i + 1).is_some_and(|a| a == "a") && (unit(i + 2) || unit(i + 3))
    };
    if w.iter().enumerate().any(|(i, x)| {
        x == "did" && super::lexicon::opens_with_relative_time(&w[i + 1..])
            || x == "within" && within_days(i)
    }) {
        return true;
    }
    // "… did Humayun then lose almost?": an adverb of degree that lost its
    // object ("What was the quarrel about?" ends well); "By what year did the
    // beginning of what become …?": two asks.
    if w.last()
        .is_some_and(|x| matches!(x.as_str(), "almost" | "nearly" | "roughly" | "some"))
        || w.iter().filter(|x| *x == "what").count() > 1
    {
        return true;
    }
    // "In Segovia, what did a crowd seize?" → "Rodrigo de Tordesillas": a person
    // asked with "what".
    if w.iter().any(|x| x == "what")
        && answer
            .split_whitespace()
            .next()
            .is_some_and(|f| lex.is_given_name(f))
    {
        return true;
    }
    // "In 1673, which elderly asked …?": an adjective where the noun should be.
    if w.windows(2).any(|x| {
        x[0] == "which"
            && x[1].len() > 4
            && x[1].ends_with("ly")
            && !matches!(
                x[1].as_str(),
                "family" | "assembly" | "monopoly" | "anomaly"
            )
    }) {
        return true;
    }
    if asks_time(p) {
        // A second time in a time question: two clauses merged.
        if w.iter().any(|x| is_year(x)) {
            return true;
        }
        // History is told in the past: "In what year do X defeated …" is a misparse.
        if w.iter().any(|x| matches!(x.as_str(), "do" | "does")) {
            return true;
        }
        // "On what date was the decisive event the birth of a son?": a copula with a
        // time makes a riddle; "When was the republic proclaimed?" has its verb.
        if let Some(k) = w.iter().position(|x| x == "was" || x == "were") {
            let verb_after = w[k + 1..].iter().any(|x| {
                lex.participle_lemma(x).is_some()
                    || lex.past_lemma(x).is_some()
                    || x.len() > 4 && (x.ends_with("ed") || x.ends_with("en"))
            });
            if !verb_after {
                return true;
            }
        }
    }
    // "In what year did the Medici dominate Florence since Cosimo's return?": the
    // year is when "since" began, which "did" cannot ask.
    if asks_time(p) && w[0] != "since" && w.iter().any(|x| x == "since") {
        return true;
    }
    // "Which Admiral wiped out …?" → "Togo Heihachiro's Combined Fleet": the answer
    // is not the person the title asks for.
    if w.windows(2).any(|x| x[0] == "which" && lex.is_title(&x[1]))
        && (answer.contains("'s ") || answer.contains("’s "))
    {
        return true;
    }
    // "In what year did Qalawun have a ten-year truce with Acre dating?": the
    // time's preposition ("dating from 1283") went with the answer.
    // ("… period of mourning?", "… the Prague Spring?" and "Nanjing?" end well.)
    let n = w.len();
    let trailing_participle = n > 2 && {
        let (last, prev) = (&w[n - 1], &w[n - 2]);
        p.raw
            .last()
            .is_some_and(|r| r.starts_with(char::is_lowercase))
            && !last.contains('-')
            && lex.ing_lemma(last).is_some()
            && !lexicon_function(prev)
    };
    if asks_time(p) && trailing_participle {
        return true;
    }
    for (i, x) in w.iter().enumerate() {
        let next = w.get(i + 1).map(String::as_str);
        // "By what year had and German printers produced …".
        if is_aux(x) && matches!(next, Some("and" | "but" | "yet" | "meanwhile")) {
            return true;
        }
        // "In what year did by the time Henry include …": a clause's opening
        // phrase where the subject belongs.
        if x == "did"
            && matches!(
                next,
                Some(
                    "by" | "in"
                        | "on"
                        | "at"
                        | "after"
                        | "before"
                        | "during"
                        | "within"
                        | "until"
                        | "since"
                        | "from"
                        | "through"
                        | "throughout"
                        | "over"
                )
            )
        {
            return true;
        }
        // "When were Eleven hanged in Beirut?": a count with no noun for subject.
        if is_aux(x)
            && next.is_some_and(|n| super::entities::NUMBER_WORDS.contains(&n))
            && w.get(i + 2)
                .is_some_and(|v| lex.participle_lemma(v).is_some())
        {
            return true;
        }
        // "Where did soon afterwards groups of men go down?": a time counted from
        // an earlier sentence's event, stuck inside the subject.
        if is_aux(x) && matches!(next, Some("soon" | "shortly" | "afterwards")) {
            return true;
        }
        // "Under whom did the more cautious found …?": a subject with no noun,
        // whose noun went into a phrase the question lost.
        if matches!(x.as_str(), "did" | "was" | "were")
            && next == Some("the")
            && matches!(w.get(i + 2).map(String::as_str), Some("more" | "most"))
            && w.get(i + 4)
                .is_some_and(|v| lex.is_verb_lemma(v) || lex.participle_lemma(v).is_some())
        {
            return true;
        }
        // "How many did the empire stretch?" → "4,000 kilometres": a measure asked
        // with no noun; "How many did the plague kill?" → "60,000" is fine.
        if (x == "many" || x == "much")
            && i > 0
            && w[i - 1] == "how"
            && next.is_some_and(|n| is_aux(n) || matches!(n, "do" | "does" | "did"))
            && answer.split_whitespace().any(|a| {
                matches!(
                    a.to_lowercase().as_str(),
                    "kilometres"
                        | "kilometers"
                        | "km"
                        | "miles"
                        | "metres"
                        | "meters"
                        | "feet"
                        | "acres"
                        | "hectares"
                        | "square"
                        | "leagues"
                )
            })
        {
            return true;
        }
    }
    // "did X unite the tribes and was then at war": the second verb is not inverted.
    if let Some(d) = w.iter().position(|x| x == "did") {
        for pair in w[d + 1..].windows(2) {
            if pair[0] == "and" {
                let v = pair[1].as_str();
                let past = matches!(v, "was" | "were" | "had")
                    || lex.past_lemma(v).is_some_and(|l| l != v) && !v.ends_with("ing");
                if past {
                    return true;
                }
            }
        }
    }
    // "In 405, what caught the fleet?" → "Lysander": a name as the subject is a who
    // or a which, never a what.
    if answer_kind == EntityKind::Name || answer_kind == EntityKind::Person {
        if let Some(k) = w.iter().position(|x| x == "what") {
            if w.get(k + 1).is_some_and(|v| {
                !is_aux(v) && lex.past_lemma(v).is_some() && !matches!(v.as_str(), "did")
            }) {
                return true;
            }
        }
    }
    // "Who fled, Isaac II was restored and …?": after the question's own part a
    // comma opens another clause; the merge asks two things at once.
    let segments = p.parts(", ");
    if let Some(q) = segments.iter().position(|seg| {
        seg.iter().any(|x| {
            matches!(
                x.as_str(),
                "who" | "what" | "when" | "where" | "which" | "how" | "whom" | "why"
            )
        })
    }) {
        if segments[q + 1..].iter().any(|seg| {
            seg.iter().any(|x| {
                matches!(x.as_str(), "was" | "were" | "had")
                    || lex.past_lemma(x).is_some_and(|l| l != x) && !x.ends_with("ed")
            })
        }) {
            return true;
        }
    }
    if garbled_question(p, answer) {
        return true;
    }
    // "Until what year did the Spanish capture its last ruler?": "until" belonged to
    // another clause when the possessive has nothing to point at.
    if w.first().is_some_and(|x| x == "until") && w.iter().any(|x| x == "its" || x == "their") {
        return true;
    }
    // "What did whose Article 123 guarantee?": a relative pronoun inside a question.
    if w.iter().skip(1).any(|x| x == "whose") {
        return true;
    }
    // "How many stupas did tradition says Ashoka build?": a reporting verb left
    // inside the inverted clause.
    if let Some(d) = w
        .iter()
        .position(|x| matches!(x.as_str(), "did" | "do" | "does"))
    {
        if w[d + 1..].iter().any(|x| {
            matches!(
                x.as_str(),
                "says" | "claims" | "records" | "tells" | "states" | "suggests" | "holds"
            )
        }) {
            return true;
        }
    }
    // "Who was the finance minister?", "What was besieged and eventually taken?": a
    // short question about its own subject that names nothing has many answers.
    let raw = &p.raw;
    // An adverb may stand between: "Who also found many allies?".
    let verb_at = if w
        .get(1)
        .is_some_and(|x| matches!(x.as_str(), "also" | "then" | "later" | "soon" | "first"))
    {
        2
    } else {
        1
    };
    let subject_wh = w.first().is_some_and(|x| x == "who" || x == "what")
        && w.get(verb_at).is_some_and(|v| {
            matches!(v.as_str(), "was" | "were")
                || v != "did" && lex.past_lemma(v).is_some_and(|l| l != v)
        });
    if subject_wh
        && raw.len() < 8
        && !raw[1..].iter().any(|x| {
            x.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    {
        return true;
    }
    // "Who had revoked the Edict?" → "France of Louis XIV": a country is no who.
    let who_first = w.first().is_some_and(|x| x == "who") || w.iter().any(|x| x == "whom");
    let answer_country = answer
        .split_whitespace()
        .next()
        .is_some_and(|a| lex.is_country(a) || lex.is_place(a));
    if who_first && answer_country {
        return true;
    }
    // The wh-word must fit the answer.
    let who = w.iter().any(|x| x == "who" || x == "whom");
    let where_ = w.iter().any(|x| x == "where");
    (who && answer_kind == EntityKind::Place) || (where_ && answer_kind == EntityKind::Person)
}

/// Intransitive verbs: "What did X come?" has no object for its "what".
const INTRANSITIVE: &[&str] = &[
    "come", "go", "happen", "arrive", "die", "fall", "rise", "emerge", "occur", "appear", "remain",
    "exist",
];

/// Reporting verbs: a source's, not the actor's ("Who hated the emperor, says?").
const REPORTING: &[&str] = &[
    "says", "said", "writes", "wrote", "claims", "claimed", "records", "recorded", "reports",
    "reported", "notes", "noted", "argues", "argued", "tells", "told",
];

/// Question transforms that garble their clause, each a class the blind judges
/// kept finding: a negation ("In what year did the crown no longer …", "What did
/// not annex …" have many answers), a month in a time question whose answer is a
/// date (the month belonged to another clause), a reporting verb left at the end,
/// a "to whom" whose verb keeps its own "to" phrase, a "what" object of an
/// intransitive verb, a demonym as the subject ("did Omani finally take …"), and
/// "Where was X a Y?".
fn garbled_question(p: &PromptWords, answer: &str) -> bool {
    let lex = lexicon();
    let w = &p.words;
    let raw = &p.raw;
    let n = w.len();
    if n < 3 {
        return false;
    }
    // Only the question's own clause: "Who promised that the king would not
    // return?" asks a fine thing.
    let main_end = w
        .iter()
        .skip(1)
        .position(|x| {
            matches!(
                x.as_str(),
                "that" | "who" | "which" | "whether" | "because" | "if" | "when" | "after"
            )
        })
        .map_or(n, |k| k + 1);
    let main = &w[..main_end];
    // "Who tried to found a colony there, and Julius Caesar and Augustus refounded
    // Carthage?": a second clause with a subject of its own rode along.
    if matches!(w[0].as_str(), "who" | "which" | "what") {
        // (Indices of raw words, which `bare` reads.)
        let second_clause = (1..raw.len()).any(|k| {
            raw[k - 1].ends_with(',')
                && matches!(p.bare(k), "and" | "but")
                && raw
                    .get(k + 1)
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
                && (k + 2..raw.len()).any(|i| {
                    let x = p.bare(i);
                    // ("refounded": a past the lexicon does not list.)
                    !raw[i].starts_with(char::is_uppercase)
                        && (lex.past_lemma(x).is_some_and(|l| l != x)
                            || x.len() > 6 && x.ends_with("ed"))
                })
        });
        if second_clause {
            return true;
        }
    }
    // "Which revised was issued in 1564?": the word after "which" is the
    // participle that modified the answer, not a noun.
    if w[0] == "which"
        && lex
            .participle_lemma(&w[1])
            .or(lex.past_lemma(&w[1]))
            .is_some()
        && (is_aux(&w[2]) || lex.past_lemma(&w[2]).is_some())
    {
        return true;
    }
    let negated = main
        .iter()
        .any(|x| matches!(x.as_str(), "not" | "never" | "n't"))
        || main.windows(2).any(|p| p[0] == "no" && p[1] == "longer");
    if negated {
        return true;
    }
    if asks_time(p)
        && answer.split_whitespace().any(shape::is_month)
        && raw[1..].iter().any(|x| shape::is_month(x))
    {
        return true;
    }
    if REPORTING.contains(&w[n - 1].as_str()) && raw[n - 2].ends_with(',') {
        return true;
    }
    // An existential "there" moved away from its verb: "How many shops were in
    // 1500 there in Venice?" ("… were there in Venice?" and "Where were there …"
    // read fine).
    if w.iter()
        .enumerate()
        .skip(2)
        .any(|(k, x)| x == "there" && w[k - 1].bytes().all(|b| b.is_ascii_digit() || b == b','))
    {
        return true;
    }
    // "To whom did the hetman appeal to the king?"
    if n > 3 && w[1] == "whom" {
        let prep = &w[0];
        if w[3..].iter().any(|x| x == prep) {
            return true;
        }
    }
    if w[0] == "what"
        && matches!(w[1].as_str(), "did" | "does" | "do")
        && INTRANSITIVE.contains(&w[n - 1].as_str())
    {
        return true;
    }
    // A demonym alone as the subject after the auxiliary, before an adverb or a
    // verb: "In what year did Omani finally take Mombasa?".
    if let Some(a) = w
        .iter()
        .position(|x| matches!(x.as_str(), "did" | "does" | "do" | "had" | "was" | "were"))
    {
        let subject = raw
            .get(a + 1)
            .map(|r| r.trim_matches(|c: char| !c.is_alphanumeric()));
        if subject.is_some_and(|s| lex.is_demonym(s)) {
            // "did Soviet Premier Khrushchev …": a demonym before a name is its part.
            let next_lower = raw
                .get(a + 2)
                .is_some_and(|r| r.chars().next().is_some_and(char::is_lowercase));
            let next = w.get(a + 2).map(String::as_str).unwrap_or("");
            if next_lower && (next.ends_with("ly") || lex.is_verb_lemma(next)) {
                return true;
            }
        }
    }
    // "On what date did the day occupy the port?": a time as the actor.
    if let Some(d) = w.iter().position(|x| x == "did") {
        if w.get(d + 1).is_some_and(|x| x == "the")
            && w.get(d + 2).is_some_and(|x| {
                matches!(
                    x.as_str(),
                    "day" | "year" | "month" | "week" | "time" | "period" | "decade" | "century"
                )
            })
        {
            return true;
        }
    }
    // "What is that the canal was …?": a clause merged after the copula.
    if matches!(w[0].as_str(), "what" | "who")
        && matches!(w[1].as_str(), "is" | "was" | "were")
        && w[2] == "that"
    {
        return true;
    }
    // "Who was Pericles?" → "Cimon": a question of identity answered by another
    // name is the wrong fact.
    if w[0] == "who"
        && matches!(w[1].as_str(), "was" | "were")
        && n <= 4
        && raw[2..]
            .iter()
            .all(|r| r.chars().next().is_some_and(char::is_uppercase))
    {
        return true;
    }
    // "Where was Canudos a religious community?": a place asked of a copula whose
    // predicate is a noun.
    if w[0] == "where" && matches!(w[1].as_str(), "was" | "were" | "is" | "are") {
        let participle = w[2..]
            .iter()
            .any(|x| lex.participle_lemma(x).is_some() || x.len() > 4 && x.ends_with("ed"));
        if !participle && w[3..].iter().any(|x| x == "a" || x == "an") {
            return true;
        }
    }
    false
}

/// Whether a cloze prompt is cut or garbled around its blank.
fn bad_cloze(doc: &Document, c: &Candidate, view: &PromptWords) -> bool {
    let p = view.text;
    let w = &view.words;
    let lex = lexicon();
    if dangling_object(view)
        || blank_in_list(view)
        || only_subordinate(view)
        || grammar::colon_list_cut(p, &doc.sentences[c.sentence].raw)
        || grammar::blank_in_verbless_tail(view)
    {
        return true;
    }
    // "losing thousands of men attacking _____ trenches" → "Paraguayan": a
    // demonym before its noun is a word, not a fact.
    let demonym_before_noun = lex.is_demonym(c.answer.trim())
        && p.split_once("_____")
            .and_then(|(_, after)| after.split_whitespace().next())
            .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
    if demonym_before_noun {
        return true;
    }
    let Some(at) = p.find("_____") else {
        return true;
    };
    // "Genghis Khan, who had united the tribes in _____ and was then at war …": a
    // name and its relative clause, no main verb after it.
    if let Some((head, rel)) = p.split_once(", ") {
        let head_has_verb = view
            .words_in(0, head.len())
            .iter()
            .any(|x| is_aux(x) || lex.past_lemma(x).is_some() || lex.present_lemma(x).is_some());
        if (rel.starts_with("who ") || rel.starts_with("which "))
            && !rel.contains(',')
            && !head_has_verb
        {
            return true;
        }
    }
    // "From _____ later spread to Burma": the subject was swallowed by the answer.
    let opens_with_prep = w
        .first()
        .is_some_and(|x| matches!(x.as_str(), "from" | "in" | "to" | "at" | "by" | "with"))
        && w.get(1).is_some_and(|x| x == "_____");
    if opens_with_prep {
        if let Some(next) = w.get(2) {
            if matches!(next.as_str(), "later" | "then" | "also" | "soon")
                || lex.past_lemma(next).is_some_and(|l| l != next)
            {
                return true;
            }
        }
    }
    let before = &p[..at];
    // One item of a list of examples: trivial, and the list is usually cut.
    if before.contains("such as") {
        return true;
    }
    // A run-on prompt asks several things and reads badly on a card.
    if w.len() > MAX_CLOZE_WORDS {
        return true;
    }
    // A capitalised word glued to the blank ("the Nine _____ against France"): the
    // answer is part of a name, not the name. A title ("General _____") is fine.
    if let Some(prev) = before.split_whitespace().last() {
        let bare = prev.trim_matches(|c: char| !c.is_alphanumeric());
        let first_word = before.trim().len() == prev.len();
        if !first_word
            && bare.chars().next().is_some_and(char::is_uppercase)
            && !prev.ends_with([',', ';', ':'])
            && !lex.is_title(&bare.to_lowercase())
        {
            return true;
        }
    }
    // Cut after the blank where the sentence goes on: the blank's phrase must hold a
    // verb of its own, or it is the start of an appositive or a list ("…, the
    // future _____.", "…; according to the historian _____.").
    // "The state of Mutapa, traditionally founded by _____, became the main.": the
    // prompt stops inside a phrase the sentence goes on with.
    let s = &doc.sentences[c.sentence];
    if let Some(last) = p
        .trim_end_matches(['.', '?', '!'])
        .split_whitespace()
        .last()
        .filter(|l| !l.contains("_____"))
    {
        let from = c.answer_span.1.min(s.tokens.len());
        if let Some(k) = s.tokens[from..].iter().position(|t| t.text == last) {
            // A cut before a preposition or a conjunction ("… Strasbourg until the
            // railways arrived") ends a phrase; one before a noun does not.
            if s.tokens
                .get(from + k + 1)
                .is_some_and(|t| t.is_word() && !lex.is_function(&t.lower))
            {
                return true;
            }
        }
    }
    if cut_before_subjects_verb(view, s, c) {
        return true;
    }
    let after = p[at + 5..].trim_start_matches(['\'', '’', 's']);
    let ends_at_blank = after.trim().trim_end_matches(['.', '?', '!']).is_empty();
    if ends_at_blank {
        let goes_on = s.tokens[c.answer_span.1..]
            .iter()
            .any(|t| t.is_word() || t.kind == super::tokens::TokKind::Number);
        // "… and Fon tradition names _____." where the sentence goes on "(who
        // reigned …) as the king who built the first palace": the verb's second
        // part was behind the brackets.
        let rest = &s.tokens[c.answer_span.1..];
        let after_brackets = rest
            .first()
            .is_some_and(|t| t.is_punct("("))
            .then(|| rest.iter().position(|t| t.is_punct(")")))
            .flatten()
            .and_then(|close| rest.get(close + 1));
        if after_brackets.is_some_and(|t| t.is_word() && !t.is_capitalised()) {
            return true;
        }
        // "… pitted Athens, a sea power … grown out of the _____." and the
        // sentence goes on ", against Sparta": the blank ends an apposition the
        // prompt opened, and the clause it belongs to lost its end.
        let comma_next = s
            .tokens
            .get(c.answer_span.1)
            .is_some_and(|t| t.is_punct(","));
        let tail_start = before
            .rfind(", ")
            .map(|k| before[k + 2..].trim_start().to_lowercase());
        if goes_on
            && comma_next
            && tail_start.is_some_and(|t| t.starts_with("a ") || t.starts_with("an "))
        {
            return true;
        }
        if goes_on {
            if let Some(cut) = before.rfind([',', ';', ':']) {
                let tail = bare_words(&before[cut + 1..]);
                let finite = tail.iter().any(|x| {
                    is_aux(x) || lex.past_lemma(x).is_some() || lex.present_lemma(x).is_some()
                });
                // "… ennobled the Hauteville leader, _____." names the whole
                // apposition: not a cut.
                // Only a short tail is a cut ("roughly _____", "the future _____",
                // "according to the historian _____"); "probably through the
                // port's trade with _____" is a phrase of its own.
                let short = tail.len() <= 3 || tail.first().is_some_and(|x| x == "according");
                if !finite && !tail.is_empty() && short {
                    return true;
                }
                // "… so that the wind, which Livy calls the _____." where the sentence
                // goes on ", blew dust …": the blank closes a relative clause inside
                // a subject whose verb was cut off.
                let relative = tail
                    .first()
                    .is_some_and(|x| matches!(x.as_str(), "which" | "who" | "whom" | "whose"));
                if relative && comma_then_verb(s, c.answer_span.1) {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether the sentence has a comma at token `at` and a finite verb after it
/// (", pressed Garibaldi to go", ", blew dust …"): the verb of a subject the
/// prompt stopped inside.
fn comma_then_verb(s: &super::text::Sentence, at: usize) -> bool {
    s.tokens.get(at).is_some_and(|t| t.is_punct(","))
        && s.tokens
            .get(at + 1)
            .is_some_and(|t| t.is_word() && is_aux_or_past(&t.lower))
}

/// "Sicilian exiles, above all _____ and Rosolino Pilo." where the sentence goes
/// on ", pressed Garibaldi to go": the prompt is a subject cut from its verb.
fn cut_before_subjects_verb(view: &PromptWords, s: &super::text::Sentence, c: &Candidate) -> bool {
    let from = c.answer_span.1.min(s.tokens.len());
    // The sentence token after the prompt's last word.
    let last = view
        .text
        .trim_end_matches(['.', '?', '!'])
        .split_whitespace()
        .last();
    let next = match last {
        Some(l) if !l.contains("_____") => {
            match s.tokens[from..].iter().position(|t| t.text == l) {
                Some(k) => from + k + 1,
                None => return false,
            }
        }
        _ => from,
    };
    let verb_follows = comma_then_verb(s, next);
    // The prompt's only verbs open a phrase after a comma ("…, founded in 1886
    // under Samuel Gompers"): none is the subject's own.
    let own_verb = (0..view.raw.len()).any(|i| {
        let x = view.bare(i);
        let after_comma = i > 0 && view.raw[i - 1].ends_with(',');
        is_aux(x) || !after_comma && is_aux_or_past(x)
    });
    verb_follows && !own_verb
}

/// An answer that opens with a word no fact opens with: a reflexive ("What did
/// the ruling dynasty trace to the royal house of Allada?" → "itself back") or
/// the sentence's opening adverb taken into a name ("Suddenly Dahomey").
fn answer_opens_oddly(answer: &str) -> bool {
    let lex = lexicon();
    let first = answer.split_whitespace().next().unwrap_or("");
    let reflexive = matches!(first, "itself" | "himself" | "herself" | "themselves");
    let adverb = answer.contains(' ')
        && first.len() > 6
        && first.ends_with("ly")
        && first.starts_with(char::is_uppercase)
        && !lex.is_given_name(first)
        && !lex.is_place(first);
    reflexive || adverb
}

/// A person's answer with a possessive inside ("Union's John Reynolds": the
/// side's name taken into the man's), or a question or answer with a spoken
/// contraction ("Why did it's name after …?" → "that's when the trouble started").
fn answer_is_odd(c: &Candidate) -> bool {
    let contraction = |t: &str| {
        t.split_whitespace().any(|w| {
            let w = w
                .trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
                .to_lowercase()
                .replace('’', "'");
            matches!(
                w.as_str(),
                "it's" | "that's" | "there's" | "what's" | "here's"
            ) || w.ends_with("n't")
        })
    };
    let possessive_inside = c.answer_kind == EntityKind::Person
        && (c.answer.contains("'s ") || c.answer.contains("’s "));
    possessive_inside
        || contraction(&c.answer)
        || c.kind == CardKind::Question && contraction(&c.prompt)
}

/// The candidate as it should be shown, or `None` when a judge would reject it.
pub(super) fn screen(doc: &Document, mut c: Candidate) -> Option<Candidate> {
    c.prompt = drop_opening_label(&c.prompt)?;
    c.prompt = grammar::drop_enclosing_brackets(&c.prompt);
    c.prompt = drop_opening_connective(&c.prompt);
    c.prompt = drop_intensifiers(&c.prompt);
    c.prompt = leans::drop_loose_adverbs(&c.prompt);
    c.prompt = shape::drop_spoken_asides(&c.prompt);
    c.prompt = shape::close_quotes(&c.prompt)?;
    if c.kind == CardKind::Question {
        c.prompt = drop_focus_only(&c.prompt);
        c.prompt = drop_trailing_as_well(&c.prompt);
        c.prompt = drop_already(&c.prompt);
        if c.answer_kind.is_time() && answer_in_by_the_time(doc, &c)
            || lost_causative_participle(doc, &c)
        {
            return None;
        }
        c.prompt = drop_connective_after_auxiliary(&c.prompt);
        c.prompt = leans::who_in_simple_past(&c.prompt);
    }
    // "Two ports, Shimoda and _____ in Hokkaido, opened …;": a list item's
    // semicolon ends the card as a full stop.
    if c.kind == CardKind::Cloze {
        if let Some(body) = c.prompt.strip_suffix(';') {
            c.prompt = format!("{}.", body.trim_end());
        }
    }
    // "So was François Hanriot, …" without its "So" is "Was _____, …": what
    // the drops leave must still be a sentence.
    if answer_opens_oddly(&c.answer)
        || answer_is_odd(&c)
        || c.kind == CardKind::Cloze && super::cloze::is_fragment(&c.prompt)
    {
        return None;
    }
    // The prompt is cut into its words once; every rule reads that.
    let p = PromptWords::new(&c.prompt);
    let bad = bad_either(&p)
        || repeated_time(&p)
        || points_back(&p)
        || ends_in_bare_duration(&p)
        || is_enumeration_word(&c.answer)
        || shape::answer_is_only_a_unit(&c.answer)
        || shape::blank_splits_date(&p, &c.answer)
        || shape::vague_subject(&p)
        || shape::cut_at_end(&p)
        || shape::blank_is_day_of_month(&p, &c.answer)
        || shape::blank_after_name_particle(&p)
        || leans::leans_on_text(&p)
        || leans::blank_splits_name(&p, &c.answer)
        || leans::clause_cut_off(&p)
        || leans::weak_answer(&p, &c.answer, c.form)
        || leans::garbled_did(&p)
        || leans::prompt_shows_answer(&p, &c.answer, c.form)
        || grammar::second_finite_verb(&p)
        || grammar::did_without_its_verb(&p)
        || grammar::dangling_last_adverb(&p)
        || grammar::which_honorific(&p)
        || leans::cut_answer_or_comparison(&p, &c.answer)
        || match c.kind {
            CardKind::Question => bad_question(&p, &c.answer, c.answer_kind),
            CardKind::Cloze => bad_cloze(doc, &c, &p) || shape::lacks_main_verb(&p),
            _ => false,
        };
    (!bad).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The rules read a prompt cut into its words; the tests give them prompts.
    fn points_back(prompt: &str) -> bool {
        super::points_back(&PromptWords::new(prompt))
    }
    fn ends_in_bare_duration(prompt: &str) -> bool {
        super::ends_in_bare_duration(&PromptWords::new(prompt))
    }
    fn blank_in_list(prompt: &str) -> bool {
        super::blank_in_list(&PromptWords::new(prompt))
    }
    fn only_subordinate(prompt: &str) -> bool {
        super::only_subordinate(&PromptWords::new(prompt))
    }
    fn bad_either(prompt: &str) -> bool {
        super::bad_either(&PromptWords::new(prompt))
    }
    fn dangling_object(prompt: &str) -> bool {
        super::dangling_object(&PromptWords::new(prompt))
    }
    fn bad_question(prompt: &str, answer: &str, kind: EntityKind) -> bool {
        super::bad_question(&PromptWords::new(prompt), answer, kind)
    }
    fn garbled_question(prompt: &str, answer: &str) -> bool {
        super::garbled_question(&PromptWords::new(prompt), answer)
    }
    fn bad_cloze(doc: &Document, c: &Candidate) -> bool {
        super::bad_cloze(doc, c, &PromptWords::new(&c.prompt))
    }

    #[test]
    fn an_opening_connective_is_dropped() {
        assert_eq!(
            drop_opening_connective("Yet in _____ the crusaders stormed the city."),
            "In _____ the crusaders stormed the city."
        );
        assert_eq!(
            drop_opening_connective("Meanwhile, the admiral built a fleet of _____ ships."),
            "The admiral built a fleet of _____ ships."
        );
        assert_eq!(
            drop_opening_connective("Instead the victors crowned _____ as king."),
            "The victors crowned _____ as king."
        );
        // Not a connective, or too short to stand without it.
        assert_eq!(
            drop_opening_connective("Stillwater was founded in _____."),
            "Stillwater was founded in _____."
        );
        assert_eq!(drop_opening_connective("But _____ won."), "But _____ won.");
    }

    #[test]
    fn labels_enumerations_and_intensifiers_are_dropped() {
        assert_eq!(
            drop_opening_label("Outcome: on _____ the three states signed the pact at Lyon.")
                .as_deref(),
            Some("On _____ the three states signed the pact at Lyon.")
        );
        assert_eq!(
            drop_opening_label("A _____ detail: the walls were painted red."),
            None
        );
        assert_eq!(
            drop_opening_label(
                "Prelude, 1952: Iceland extended its limit to _____ nautical miles."
            ),
            None
        );
        assert_eq!(
            drop_opening_label("And here is the legal kicker: Pope Leo IX had died on _____.")
                .as_deref(),
            Some("Pope Leo IX had died on _____.")
        );
        let list = "The treaty had two parts: a border on the _____ and a marriage.";
        assert_eq!(drop_opening_label(list).as_deref(), Some(list));
        // A colon inside a long sentence is not a label.
        let long =
            "The duke had one aim in the long war against the towns: to keep the river tolls.";
        assert_eq!(drop_opening_label(long).as_deref(), Some(long));
        assert_eq!(
            drop_opening_connective("Second, the guilds had lost their charters in _____."),
            "The guilds had lost their charters in _____."
        );
        assert_eq!(
            drop_opening_connective("So around _____ the council banned the export of wool."),
            "Around _____ the council banned the export of wool."
        );
        assert_eq!(
            drop_intensifiers("In what year was Marcel himself arrested?"),
            "In what year was Marcel arrested?"
        );
        assert_eq!(
            drop_intensifiers("The league itself, founded in _____, had no army."),
            "The league, founded in _____, had no army."
        );
        // A reflexive object stays: it is what the verb did.
        assert_eq!(
            drop_intensifiers("In _____ the regent proclaimed himself king."),
            "In _____ the regent proclaimed himself king."
        );
        assert_eq!(
            drop_opening_connective("First Nations delegates met the governor in _____."),
            "First Nations delegates met the governor in _____."
        );
        assert_eq!(
            drop_opening_connective("Well into the _____ the guild kept its charter."),
            "Well into the _____ the guild kept its charter."
        );
        assert_eq!(
            drop_connective_after_auxiliary("When did first settlers reach the island of Ruo?"),
            "When did first settlers reach the island of Ruo?"
        );
        assert_eq!(
            drop_connective_after_auxiliary("When did so Marcel seize the bridge at Meaux?"),
            "When did Marcel seize the bridge at Meaux?"
        );
    }

    #[test]
    fn a_time_counted_from_before_points_back() {
        assert!(points_back(
            "Six days later, on _____, Arriaga was hanged in the square of Tungasuca."
        ));
        assert!(points_back("The next morning the _____ sailed for Calais."));
        assert!(points_back(
            "By then rebel strength had swelled to perhaps _____."
        ));
        assert!(points_back(
            "Then in _____ Columbus was driven by storms into Lisbon."
        ));
        assert!(points_back("Within days the market at _____ stopped."));
        assert!(!points_back(
            "Three days after the coronation, _____ was crowned in Reims."
        ));
        assert!(!points_back("The next king of _____ was Henry."));
    }

    #[test]
    fn that_before_a_noun_points_back() {
        assert!(points_back(
            "In what year did the khan move his court to Sarai for that reason?"
        ));
        assert!(points_back("Worse, that war ruined the trade in _____."));
        assert!(!points_back("The town that held out longest was _____."));
        assert!(!points_back(
            "The envoy said that the khan had died in _____."
        ));
        assert!(!points_back("The general knew that _____ would fall."));
    }

    #[test]
    fn prompts_that_point_back_at_the_text_are_refused() {
        for vague in [
            "The record of this meeting survives as the _____.",
            "The treaty of _____ confirmed those gains.",
            "The arrangement only ended in _____.",
            "That is exactly where the court moved in the _____.",
            "There the bishop crowned _____ in 1130.",
            "In what year did the king settle the matter by force?",
            "When did the Ottomans enter the conflict?",
            "Why did the ceremony take place on 18 August 1572 outside Notre-Dame?",
        ] {
            assert!(points_back(vague), "{vague}");
        }
        for clear in [
            "There were about _____ towns in the league at its height.",
            "In what year was the Treaty of Lyon signed?",
            "The guilds believed that the bishop had broken the charter of _____.",
        ] {
            assert!(!points_back(clear), "{clear}");
        }
        assert!(points_back(
            "In what year did the duke expel the Flemish weavers there?"
        ));
        assert!(points_back("How many ships had reached the port by then?"));
        assert!(ends_in_bare_duration(
            "Which general ordered the first flights two days?"
        ));
        assert!(!ends_in_bare_duration(
            "For how many years did the siege last?"
        ));
        assert!(!ends_in_bare_duration(
            "Who drew the new borders in about five weeks?"
        ));
        assert!(!ends_in_bare_duration("Who held the city for two years?"));
        assert!(!ends_in_bare_duration(
            "Who ordered the first flights two days later?"
        ));
        assert!(is_enumeration_word("Third"));
        assert!(!is_enumeration_word("Third Estate"));
    }

    #[test]
    fn a_blank_in_a_list_or_a_lone_subordinate_clause_is_refused() {
        for listed in [
            "The fleet called at Acre, Tyre, _____ and Sidon on the way home.",
            "The letters passed between the queens, _____ and Tiye.",
            "The trade passed through Cologne, Mainz, Frankfurt and _____.",
            "France, the _____ and Britain signed the treaty in 1713.",
            "The duke went on to take _____, Artois and Hainaut.",
        ] {
            assert!(blank_in_list(listed), "{listed}");
        }
        for single in [
            "In _____, Napoleon crowned himself emperor at Notre-Dame.",
            "After the battle, _____ and his men fled north.",
            "After the war ended, the king and _____ signed a truce.",
            "The fleet called at _____ on the way home.",
            "The _____ and the Great Famine caused the revolt.",
            "In _____ the duke took Artois.",
            "The duke and _____ signed the truce.",
        ] {
            assert!(!blank_in_list(single), "{single}");
        }
        assert!(only_subordinate("By the time _____ secured power."));
        assert!(!only_subordinate(
            "When the duke died in _____, his sons divided the land."
        ));
        assert_eq!(
            drop_intensifiers("Venice itself had learned at Zara that the pope was weak."),
            "Venice had learned at Zara that the pope was weak."
        );
    }

    /// Whether a question with this prompt, answer and answer sort is refused.
    fn refused(prompt: &str, answer: &str, kind: EntityKind) -> bool {
        bad_question(prompt, answer, kind)
    }

    #[test]
    fn merged_headings_cut_possessives_and_lost_subjects_are_refused() {
        assert!(bad_either(
            "Foreign investment, much of Economically the Porfiriato American, built railways."
        ));
        assert!(bad_either(
            "The historian _____ believed the real cause was fear of Athens'."
        ));
        assert!(bad_either(
            "Two years after the end of the _____, this was a response to an emergency."
        ));
        assert!(bad_either(
            "Tawantinsuyu, stretched some _____ along the Andes."
        ));
        assert!(!bad_either(
            "Alexios Angelos, son of the emperor Isaac II, promised the crusaders _____ marks."
        ));
        assert!(!bad_either("Economically the _____ brought real growth."));
        assert!(bad_either(
            "Ruled by Shah Muhammad II, was the leading power east of the _____."
        ));
        assert!(bad_either(
            "When did the third end with the Peace of Saint-Germain?"
        ));
        assert!(bad_either(
            "Partly, too, because British gold was flowing; Britain subsidised the _____."
        ));
        assert!(!bad_either("The third war ended with the Peace of _____."));
        assert!(!bad_either(
            "On what date did the first elected congress declare independence?"
        ));
        assert!(!bad_either(
            "On what date did the first issue of the Cherokee Phoenix appear?"
        ));
        assert!(!bad_either(
            "In what year did the first general diet meet in Lübeck?"
        ));
        assert!(bad_either(
            "Led by Midhat Pasha, they secured the first constitution on _____."
        ));
        assert!(dangling_object(
            "When the German explorer Karl Mauch reached them in _____ he wrote."
        ));
        assert!(!bad_either(
            "Malcolm submitted, paid homage to William and gave up his son _____."
        ));
    }

    #[test]
    fn a_focus_only_before_a_participle_is_dropped() {
        assert_eq!(
            drop_focus_only("In what year was the Kharosthi script only deciphered by Masson?"),
            "In what year was the Kharosthi script deciphered by Masson?"
        );
        assert_eq!(
            drop_focus_only("How many ships did only three captains command?"),
            "How many ships did only three captains command?"
        );
    }

    #[test]
    fn broken_questions_are_refused() {
        use EntityKind::{Date, Group, Name, Number, Person, Place, Term, Year};
        assert!(refused(
            "On what date did the governor sign it?",
            "1 May",
            Year
        ));
        assert!(refused("In what year did Fust sue him?", "1455", Year));
        assert!(refused(
            "In 1673, which elderly asked to retire to Manchuria?",
            "Shang Kexi",
            Person
        ));
        assert!(refused(
            "On what date did within a day or two the army proclaim its governor?",
            "2 January",
            Date
        ));
        assert!(!refused(
            "Which family ruled Florence after 1434?",
            "the Medici",
            Group
        ));
        assert!(refused(
            "Who did a month later Lee offer his resignation?",
            "Jefferson Davis",
            Person
        ));
        assert!(refused(
            "On what date did a synod in Constantinople meet within days?",
            "24 July",
            Date
        ));
        assert!(refused(
            "In Grenoble, what did a crowd seize?",
            "Antoine Barnave",
            Name
        ));
        assert!(refused(
            "To whom did Humayun then lose almost?",
            "Sher Shah",
            Person
        ));
        assert!(refused(
            "By what year did the beginning of what become the Sultanate of Rum?",
            "1081",
            Year
        ));
        assert!(refused(
            "In what year did mills open in Leeds and York in 1790?",
            "1789",
            Year
        ));
        assert!(refused(
            "In what year do the rebels and their allies defeated the king?",
            "1532",
            Year
        ));
        assert!(refused(
            "In what year did the khan unite the clans and was then at war with Jin?",
            "1206",
            Year
        ));
        assert!(refused(
            "By what year had and Dutch printers produced many books?",
            "1500",
            Year
        ));
        assert!(refused(
            "How many did the kingdom stretch along the coast?",
            "4,000 kilometres",
            Number
        ));
        assert!(refused(
            "In May 1911, who did the rebels capture on the border?",
            "Ciudad Obregón",
            Place
        ));
        assert!(refused(
            "Where did the council send the envoy?",
            "Thomas More",
            Person
        ));
        assert!(refused(
            "On what date was the decisive event the birth of a son?",
            "10 June",
            Year
        ));
        assert!(refused(
            "In 405, what caught the Athenian fleet on the beach?",
            "Lysander",
            Name
        ));
        assert!(refused(
            "How many ships did tradition says the king build?",
            "300",
            Number
        ));
        assert!(refused(
            "What did whose Article 12 guarantee?",
            "workers' rights",
            Term
        ));
        assert!(refused("Who also found many allies?", "the Spanish", Group));
        assert!(refused(
            "Who was the finance minister?",
            "Jan Kowal",
            Person
        ));
        assert!(refused(
            "Who had revoked the charter in 1685?",
            "France of Louis XIV",
            Person
        ));
        assert!(!refused(
            "In what year did Otto set up Ralph as earl and charge him with the defence?",
            "1050",
            Year
        ));
        // "him" and "them" with nobody on the card to stand for (round 15).
        assert!(refused(
            "In what year did Philip V of Macedon make an alliance with him?",
            "215",
            Year
        ));
        assert!(refused(
            "In what year did the government of Mali found the Ahmed Baba Institute to preserve them?",
            "1970",
            Year
        ));
        assert!(refused(
            "In what year did war between France and the Emperor Charles V force him to leave Paris?",
            "1536",
            Year
        ));
        assert!(refused(
            "In what year did a chastened Clement crown him emperor at Bologna?",
            "1530",
            Year
        ));
        assert!(!refused(
            "Who returned with scholars and craftsmen, among them the poet al-Sahili?",
            "Musa",
            Person
        ));
        // A tie to the sentence before.
        assert_eq!(
            drop_trailing_as_well("In what year was a revised Index issued as well?"),
            "In what year was a revised Index issued?"
        );
        assert!(refused(
            "Who tried to found a colony there in 122 BC, and Julius Caesar and Augustus refounded Carthage as a Roman city?",
            "Gaius Gracchus",
            Person
        ));
        assert!(!refused(
            "Who ruled Egypt, Syria, and Palestine after 1171?",
            "Saladin",
            Person
        ));
        assert!(refused(
            "In what year did by the time Henry include the capture of Boulogne?",
            "1544",
            Year
        ));
        for fine in [
            "When did Shaka order an extreme period of mourning?",
            "When did Warsaw Pact troops crush the Prague Spring?",
            "When did the German rebels elect Rudolf of Rheinfelden as anti-king?",
            "When did the Taiping capture Nanjing?",
        ] {
            assert!(!refused(fine, "1853", Year), "{fine}");
        }
        for (prompt, answer) in [
            (
                "Why did during the 1842 debate Macaulay declare that suffrage was a danger?",
                "a propertyless majority",
            ),
            ("When were Eleven hanged in Beirut?", "August 1915"),
            (
                "In what year did the Medici dominate Florence since Cosimo's return from exile?",
                "1434",
            ),
            (
                "Over 27 and 28 May 1905, which Admiral wiped out the Russian squadrons?",
                "Togo Heihachiro's Combined Fleet",
            ),
        ] {
            assert!(refused(prompt, answer, Year), "{prompt}");
        }
        assert!(!refused(
            "Since what year had the Mamluk sultanate ruled Egypt and Syria?",
            "1250",
            Year
        ));
        assert!(!refused(
            "Which Admiral wiped out the Russian squadrons?",
            "Togo Heihachiro",
            Person
        ));
        assert!(refused(
            "Where did soon afterwards groups of men go down?",
            "Griffin's Wharf",
            Place
        ));
        assert!(refused(
            "Under whom did the more cautious found in December 1886?",
            "Samuel Gompers",
            Person
        ));
        assert!(refused(
            "In what year did Qalawun have a ten-year truce with Acre dating?",
            "1283",
            Year
        ));
        assert_eq!(
            drop_already("On what date was Pestel already arrested?"),
            "On what date was Pestel arrested?"
        );
        assert!(repeated_time(&PromptWords::new(
            "The friaries went in 1538, in 1538 _____'s shrine was broken up."
        )));
        assert!(!repeated_time(&PromptWords::new(
            "The friaries went in 1538 and the abbeys in 1539."
        )));
        // The participle that modified the answer is no noun for "which".
        assert!(refused("Which revised was issued in 1564?", "Index", Term));
        assert!(refused("When did Truman sign it?", "1948", Year));
        assert!(!dangling_object(
            "The Black Death began in Central Asia, where it then travelled along the _____."
        ));
        assert!(dangling_object(
            "Pope John Paul II expressed regret for it in _____."
        ));
        // Sound questions pass.
        assert!(!refused(
            "On what date was the Roman Republic proclaimed?",
            "1 April 1979",
            Year
        ));
        assert!(!refused("In what year was Merv taken?", "1221", Year));
        assert!(!refused(
            "When was the guild first called the Hanse?",
            "1604",
            Year
        ));
        assert!(!refused(
            "What caught fire in the harbour of Genoa?",
            "the arsenal",
            Term
        ));
        assert!(!refused(
            "In what year did the Soviet Union withdraw its advisers and aid from China?",
            "1960",
            Year
        ));
        assert!(!refused(
            "In what year did the campaign begin with perhaps 100,000 Mongol troops?",
            "1219",
            Year
        ));
        assert!(!refused(
            "Who did the rebels capture on the border?",
            "Pedro Ruiz",
            Person
        ));
        assert!(!refused(
            "In what year did the duke raise an army and march on the capital?",
            "1450",
            Year
        ));
        assert!(!refused(
            "How many did the plague of 1630 kill in Milan?",
            "60,000",
            Number
        ));
        assert!(!refused(
            "Until what year did the revolt continue?",
            "1604",
            Year
        ));
    }

    #[test]
    fn garbled_question_transforms_are_refused() {
        for (p, a) in [
            ("In what year did the duchy no longer pay tribute?", "1702"),
            ("What did not join the league?", "Bremen"),
            ("When did the riots spread in October?", "August 1921"),
            ("Who betrayed the consul, writes?", "Sallust"),
            ("To whom did the abbot appeal to the bishops?", "Gregory"),
            ("What did two years later come?", "the famine"),
            ("In what year did Genoese finally seize Chios?", "1346"),
            ("Where was Sparta a military state?", "Laconia"),
            ("What is that the siege was not the cause?", "the famine"),
            ("Who was Pericles?", "Cimon"),
            ("On what date did the day end the siege?", "3 May 1491"),
            ("How many mills were in 1300 there in Kent?", "600"),
            ("Where were in 1300 there about 600 mills?", "Kent"),
        ] {
            assert!(garbled_question(p, a), "{p}");
        }
        for (p, a) in [
            ("In what year did the duchy stop paying tribute?", "1702"),
            ("When did the riots spread?", "October 1921"),
            ("In what month did the fleet sail in 1588?", "July"),
            ("To whom did the abbot appeal?", "Gregory"),
            (
                "Who swore that the army would not cross the river?",
                "Pompey",
            ),
            ("What did the treaty end?", "the war"),
            ("In what year did Genoese merchants seize Chios?", "1346"),
            (
                "In what year did Soviet Premier Bulganin visit India?",
                "1955",
            ),
            ("Where was the peace signed?", "Utrecht"),
            ("Who was the first consul?", "Brutus"),
            ("What did the famine follow?", "the floods"),
            ("In 1300, how many mills were there in Kent?", "600"),
            ("Who lived there after the siege?", "the monks"),
            ("Who was living there in 1500?", "the monks"),
        ] {
            assert!(!garbled_question(p, a), "{p}");
        }
    }

    fn cloze_card(text: &str, prompt: &str, answer: &str) -> (Document, Candidate) {
        let doc = Document::analyse(text);
        let s = &doc.sentences[0];
        let first = answer.split_whitespace().next().unwrap();
        let start = s
            .tokens
            .iter()
            .position(|t| first.starts_with(t.text.as_str()))
            .unwrap_or_else(|| panic!("{first} in {:?}", s.tokens));
        let last = answer.split_whitespace().last().unwrap();
        let end = start
            + s.tokens[start..]
                .iter()
                .position(|t| last.ends_with(t.text.as_str()))
                .unwrap()
            + 1;
        let c = Candidate {
            sentence: 0,
            answer_span: (start, end),
            kind: CardKind::Cloze,
            prompt: prompt.into(),
            answer: answer.into(),
            answer_kind: EntityKind::Person,
            score: 0.5,
            form: "cloze",
            resolved: false,
            keep: 0.0,
            rule_score: 0.0,
        };
        (doc, c)
    }

    #[test]
    fn odd_answers_and_contractions_are_refused() {
        let card =
            |kind: CardKind, prompt: &str, answer: &str, answer_kind: EntityKind| Candidate {
                sentence: 0,
                answer_span: (0, 1),
                kind,
                prompt: prompt.into(),
                answer: answer.into(),
                answer_kind,
                score: 0.5,
                form: "cloze",
                resolved: false,
                keep: 0.0,
                rule_score: 0.0,
            };
        use EntityKind::{Person, Year};
        assert!(answer_is_odd(&card(
            CardKind::Cloze,
            "The _____ was killed early.",
            "Union's John Reynolds",
            Person
        )));
        assert!(answer_is_odd(&card(
            CardKind::Question,
            "Why did it's name after the evening service?",
            "that's when the trouble started",
            Year
        )));
        assert!(!answer_is_odd(&card(
            CardKind::Cloze,
            "_____ was killed early on the first day.",
            "John Reynolds",
            Person
        )));
        // A possessive in a work's title is no person's.
        assert!(!answer_is_odd(&card(
            CardKind::Cloze,
            "The _____ was signed in Moscow.",
            "People's Republic",
            EntityKind::Name
        )));
    }

    #[test]
    fn a_name_with_only_its_relative_clause_or_a_swallowed_subject_is_refused() {
        let text =
            "Kublai Khan, who had united the clans in 1260 and was then at war with the Song.";
        let (doc, c) = cloze_card(
            text,
            "Kublai Khan, who had united the clans in _____ and was then at war with the Song.",
            "1260",
        );
        assert!(bad_cloze(&doc, &c));
        let text = "From Ceylon Buddhism later spread to Burma.";
        let (doc, c) = cloze_card(text, "From _____ later spread to Burma.", "Ceylon Buddhism");
        assert!(bad_cloze(&doc, &c));
        let text = "By 1951 industrial production was well above pre-war levels.";
        let (doc, c) = cloze_card(
            text,
            "By _____ industrial production was well above pre-war levels.",
            "1951",
        );
        assert!(!bad_cloze(&doc, &c));
    }

    #[test]
    fn cut_and_glued_clozes_are_refused() {
        let text = "The king lost his throne: nobles such as Henry Percy, the future Earl of Kent, went over to the rebels.";
        let (doc, c) = cloze_card(
            text,
            "The king lost his throne: nobles such as Henry Percy, the future _____.",
            "Earl",
        );
        assert!(bad_cloze(&doc, &c));
        // A subject cut from its verb (", pressed Garibaldi to go" follows), and a
        // verb whose second part stood behind brackets ("names X (…) as the king").
        let text = "Sicilian exiles, above all Francesco Crispi and Rosolino Pilo, pressed Garibaldi to go.";
        for prompt in [
            "Sicilian exiles, above all _____ and Rosolino Pilo.",
            "Sicilian exiles, above all Francesco Crispi and _____.",
        ] {
            let answer = if prompt.contains("Crispi") {
                "Rosolino Pilo"
            } else {
                "Francesco Crispi"
            };
            let (doc, c) = cloze_card(text, prompt, answer);
            assert!(bad_cloze(&doc, &c), "{prompt}");
        }
        let text = "The dynasty traced itself back to Allada, and Fon tradition names Houegbadja (who reigned from 1645 to 1685) as the king who built the first palace.";
        let (doc, c) = cloze_card(
            text,
            "The dynasty traced itself back to Allada, and Fon tradition names _____.",
            "Houegbadja",
        );
        assert!(bad_cloze(&doc, &c));
        // A relative clause closing at the blank inside a subject whose verb follows.
        let text = "Writers say he placed his army so that the wind, which Livy calls the Volturnus, blew dust into Roman faces.";
        let (doc, c) = cloze_card(
            text,
            "Writers say he placed his army so that the wind, which Livy calls the _____.",
            "Volturnus",
        );
        assert!(bad_cloze(&doc, &c));
        let text = "Caesar beat Pompey, who fled to Egypt, where he was murdered.";
        let (doc, c) = cloze_card(text, "Caesar beat Pompey, who fled to _____.", "Egypt");
        assert!(!bad_cloze(&doc, &c));
        let text = "The rebels took the port of Brest, and then the navy joined them.";
        let (doc, c) = cloze_card(text, "The rebels took the port of _____.", "Brest");
        assert!(!bad_cloze(&doc, &c));
        let text = "Britain received the largest share, roughly Bolton, and France the next.";
        let (doc, c) = cloze_card(
            text,
            "Britain received the largest share, roughly _____.",
            "Bolton",
        );
        assert!(bad_cloze(&doc, &c));
        let text = "The war pitted Venice, a sea power that had grown out of the Rialto League, against Milan.";
        let (doc, c) = cloze_card(
            text,
            "The war pitted Venice, a sea power that had grown out of the _____.",
            "Rialto League",
        );
        assert!(bad_cloze(&doc, &c));
        let text = "The state of Mutapa, founded by Nyatsimba Mutota, became the main trading partner of the Swahili.";
        let (doc, c) = cloze_card(
            text,
            "The state of Mutapa, founded by _____, became the main.",
            "Nyatsimba Mutota",
        );
        assert!(bad_cloze(&doc, &c));
        let text = "Emperor Henry III ennobled the Hauteville leader, Drogo, in 1047.";
        let (doc, c) = cloze_card(
            text,
            "Emperor Henry III ennobled the Hauteville leader, _____.",
            "Drogo",
        );
        assert!(!bad_cloze(&doc, &c));
        let text = "The plague reached Alexandria, probably through the port's trade with Venice, in 1347.";
        let (doc, c) = cloze_card(
            text,
            "The plague reached Alexandria, probably through the port's trade with _____.",
            "Venice",
        );
        assert!(!bad_cloze(&doc, &c));
        let text = "England was drawn into the Nine Years' War against France.";
        let (doc, c) = cloze_card(
            text,
            "England was drawn into the Nine _____ against France.",
            "Years' War",
        );
        assert!(bad_cloze(&doc, &c));
        let text = "In February the general Victor Hugues overthrew the mayor.";
        let (doc, c) = cloze_card(
            text,
            "In February General _____ overthrew the mayor.",
            "Victor Hugues",
        );
        assert!(!bad_cloze(&doc, &c));
    }
}
