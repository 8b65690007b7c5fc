//! Words a prompt reads the same without, dropped before the rules look at it:
//! an opening label or connective, an intensifier, a focus "only", a trailing
//! "as well", an "already".

use crate::generate::lexicon::{is_aux, lexicon};
use crate::generate::render::capitalise_first;
use crate::generate::tokens::bare_words;

/// Words that tie a sentence to the one before it and mean nothing on a card.
pub(super) const OPENING_CONNECTIVES: &[&str] = &[
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
pub(super) const CONNECTIVES_WITH_COMMA: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "finally",
    "ah",
    "well",
    "indeed",
    "besides",
    // The writer's comment on the fact ("Worse, a third of the army was …"): judges
    // called it stray (0 of 5 kept).
    "worse",
    "ironically",
    "fortunately",
    "unfortunately",
    "luckily",
    "still",
];

/// A short label opening a sentence ("Result: on 1 May …", "One last fun detail:
/// the best description …"): the card reads the same without it.
pub(super) fn drop_opening_label(prompt: &str) -> Option<String> {
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
    // ("The reformed army: …": a participle after an article is an adjective.)
    let label_words = bare_words(label);
    let has_verb = label_words.iter().enumerate().any(|(i, x)| {
        is_aux(x)
            || lex.past_lemma(x).is_some_and(|l| l != *x)
                && !(i > 0 && matches!(label_words[i - 1].as_str(), "the" | "a" | "an"))
    });
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
    // "_____, Gross-Jägersdorf: a Russian army beat …": the blank asks a list
    // item's heading, with no sentence around it (no labelled card of this shape
    // was kept, 23 judged).
    let blank_heading =
        !has_verb && label.starts_with("_____") && label.split_whitespace().count() <= 6;
    if dated_heading || blank_heading {
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
pub(super) fn drop_intensifiers(prompt: &str) -> String {
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

/// Openings of several words that tie a sentence to the one before it and add
/// nothing a card needs: "At almost the same time Dahomey, under King _____,
/// stopped paying tribute …" asks the same without them (judges kept 1 of 19
/// labelled cards opening so, most of them "vague": same as what?). Time
/// openings with content ("By then", "After that") stay: without them the fact
/// changes its date.
const OPENING_PHRASES: &[&str] = &[
    "at the same time",
    "at about the same time",
    "at almost the same time",
    "at roughly the same time",
    "at much the same time",
    "around the same time",
    "about the same time",
    "even so",
    "either way",
    "in any case",
    "in any event",
    "in other words",
    "that said",
    "to be fair",
    "put simply",
    "in short",
];

/// The prompt without a connective at its start: "Yet in _____ the crusaders
/// stormed Constantinople." → "In _____ the crusaders stormed Constantinople."
pub(super) fn drop_opening_connective(prompt: &str) -> String {
    let phrase = OPENING_PHRASES.iter().find_map(|p| {
        let head = prompt.get(..p.len())?;
        let rest = prompt[p.len()..].strip_prefix([' ', ','])?;
        head.eq_ignore_ascii_case(p).then_some(rest.trim_start())
    });
    if let Some(rest) = phrase {
        // "At the same time as the siege, …" says what it was the same as.
        return if rest.split_whitespace().count() < 4 || rest.starts_with("as ") {
            prompt.to_string()
        } else {
            capitalise_first(rest)
        };
    }
    let Some((first, rest)) = prompt.split_once(' ') else {
        return prompt.to_string();
    };
    let bare = first.trim_end_matches(',').to_lowercase();
    let connective = OPENING_CONNECTIVES.contains(&bare.as_str())
        || (CONNECTIVES_WITH_COMMA.contains(&bare.as_str()) && first.ends_with(','));
    // "Instead of marching into Syria, …": a preposition, not the connective.
    let preposition = bare == "instead" && rest.starts_with("of ");
    if !connective || preposition || rest.split_whitespace().count() < 4 {
        return prompt.to_string();
    }
    // A short rest ("But _____ won.") would lose the only word before its blank.
    capitalise_first(rest.trim_start_matches(", "))
}

/// A question whose merge left the sentence's connective after its auxiliary:
/// "When did so López invade Corrientes?" → "When did López invade Corrientes?".
pub(super) fn drop_connective_after_auxiliary(prompt: &str) -> String {
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
