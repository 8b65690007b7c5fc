//! The shape of a finished prompt, whatever rule made it: spoken asides copied from
//! an answer written as talk ("yes,", "The short answer is that …"), quotation
//! marks left open or with a space inside, an answer that is only a unit or an era,
//! a blank that splits a date, and a cloze whose main clause lost its verb.
//!
//! [`super::guard`] calls these last, after its own repairs.

use std::borrow::Cow;

use super::entities::MONTHS;
use super::lexicon::{is_aux, is_finite_form, lexicon, NAME_PARTICLES};
use super::tokens::{bare_words, PromptWords};

/// Frames an answer written as talk opens with: the card reads the same without.
const OPENING_FRAMES: &[&str] = &[
    "the short answer is that ",
    "the simple answer is that ",
    "the answer is that ",
    "the background is that ",
    "the short version is that ",
    "the point is that ",
    "the truth is that ",
    "the thing is that ",
];

/// Asides that sum up or hedge, between commas: the card reads the same without them.
const CLAUSE_ASIDES: &[&str] = &[
    ", in other words, ",
    ", that is to say, ",
    ", in short, ",
    ", most accounts say, ",
    ", some accounts say, ",
    ", it seems, ",
];

/// Spoken asides between commas ("William Pitt, yes, the son of …"): no fact.
const ASIDES: &[&str] = &[
    "yes",
    "by chance",
    "of course",
    "as it happens",
    "mind you",
    "remember",
    "frankly",
    "in fact",
    "to be fair",
    "in other words",
    "in short",
    "then",
];

/// The prompt without the asides of talk: an opening frame, an aside between
/// commas, and "also"/"even" before a verb whose other half is on another card
/// ("Said also signed …" → "Said signed …").
pub(super) fn drop_spoken_asides(prompt: &str) -> String {
    // Most prompts have no frame, no aside at their start and no ", ": nothing
    // below would change them (checked without a lower-case copy).
    let opens_with = |s: &str| {
        prompt
            .as_bytes()
            .get(..s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
    };
    let framed = OPENING_FRAMES.iter().any(|f| opens_with(f));
    let aside_first = ASIDES
        .iter()
        .any(|a| opens_with(a) && prompt.as_bytes()[a.len()..].starts_with(b", "));
    if !framed && !aside_first && !prompt.contains(", ") {
        return drop_also_before_verb(prompt);
    }
    // ASCII lower case keeps every byte where it was, so an offset found in
    // `lower` cuts `p` at the same place (full Unicode lower case can change a
    // character's length: "İ" → "i̇").
    let mut p = prompt.to_string();
    let mut lower = p.to_ascii_lowercase();
    if let Some(frame) = OPENING_FRAMES.iter().find(|f| lower.starts_with(**f)) {
        let rest = &p[frame.len()..];
        if rest.split_whitespace().count() >= 4 {
            p = super::render::capitalise_first(rest);
            lower = p.to_ascii_lowercase();
        }
    }
    // An aside opening the prompt ("Then, by chance, King _____ died.").
    while let Some(aside) = ASIDES
        .iter()
        .find(|a| lower.strip_prefix(**a).is_some_and(|r| r.starts_with(", ")))
    {
        let rest = &p[aside.len() + 2..];
        if rest.split_whitespace().count() < 4 {
            break;
        }
        p = super::render::capitalise_first(rest);
        lower = p.to_ascii_lowercase();
    }
    // "Gladstone, in other words, is …": a clause's aside between its subject
    // and its verb goes with both commas.
    for aside in CLAUSE_ASIDES {
        while let Some(at) = lower.find(aside) {
            p.replace_range(at..at + aside.len(), " ");
            lower.replace_range(at..at + aside.len(), " ");
        }
    }
    // Asides between commas ("…, yes, …"); "then" there is a time, not talk.
    if lower.contains(", ") {
        for aside in ASIDES.iter().filter(|a| **a != "then") {
            let mut from = 0;
            while let Some(k) = lower[from..].find(aside) {
                let at = from + k;
                let end = at + aside.len();
                if lower[..at].ends_with(", ") && lower[end..].starts_with(", ") {
                    // ", yes, " → ", ": both strings lose the same bytes.
                    p.replace_range(at..end + 2, "");
                    lower.replace_range(at..end + 2, "");
                    from = at;
                } else {
                    from = end;
                }
            }
        }
    }
    drop_also_before_verb(&p)
}

/// "also" or "even" just before a finite verb or after an auxiliary before its
/// participle: the word leans on a fact the card does not show ("The nation also
/// had …", "were even sold"). "also known as" introduces a name and stays.
fn drop_also_before_verb(prompt: &str) -> String {
    let leaning = |w: &str| w.eq_ignore_ascii_case("also") || w.eq_ignore_ascii_case("even");
    // After "did" the verb is a bare lemma: "When did Peel also use …", "… did
    // Charles II simply suspend …", "… did the rivals then serve …" read as lifted
    // from the text (judges: "stray 'also'"). "still" and "never" change the fact
    // and stay.
    let after_did = |w: &str| leaning(w) || matches!(w, "simply" | "then" | "just");
    let did_question = prompt.ends_with('?')
        && prompt
            .split(' ')
            .any(|w| matches!(w, "did" | "does" | "do" | "Did" | "Does" | "Do"));
    if !prompt
        .split(' ')
        .any(|w| leaning(w) || (did_question && after_did(w)))
    {
        return prompt.to_string();
    }
    let lex = lexicon();
    let raw: Vec<&str> = prompt.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(raw.len());
    let mut did_seen = false;
    for (i, w) in raw.iter().enumerate() {
        did_seen |= matches!(w.to_ascii_lowercase().as_str(), "did" | "does" | "do");
        if did_question && did_seen && after_did(w) && i > 0 {
            let prev = raw[i - 1].to_ascii_lowercase();
            let lemma_next = raw
                .get(i + 1)
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_lowercase()) && lex.is_verb_lemma(n));
            // "… did Blücher and then Gneisenau …" keeps its "then".
            if lemma_next
                && !raw[i - 1].ends_with(',')
                && !matches!(prev.as_str(), "and" | "or" | "but")
            {
                continue;
            }
        }
        // (No letter outside ASCII lower-cases into these words.)
        if (w.eq_ignore_ascii_case("also") || w.eq_ignore_ascii_case("even")) && i > 0 {
            let next = raw.get(i + 1).map(|n| {
                n.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            });
            let prev = raw[i - 1].to_lowercase();
            let past = next
                .as_deref()
                .is_some_and(|n| lex.past_lemma(n).is_some_and(|l| l != n));
            let participle_after_aux = is_aux(&prev)
                && next
                    .as_deref()
                    .is_some_and(|n| lex.participle_lemma(n).is_some_and(|l| l != n));
            // "had also" before a noun ("had also a fleet") is rare; a past form
            // after a name or a noun is the verb of the clause.
            if (past || participle_after_aux) && !raw[i - 1].ends_with(',') {
                continue;
            }
        }
        out.push(w);
    }
    out.join(" ")
}

/// Quotation marks: a straight quote left open is dropped, a space inside a pair
/// (`The "_____ " movement`) is closed up; curly quotes that do not pair refuse
/// the card (`None`).
pub(super) fn close_quotes(prompt: &str) -> Option<String> {
    let straight = prompt.matches('"').count();
    let opening = prompt.matches('“').count();
    let closing = prompt.matches('”').count();
    if opening != closing {
        return None;
    }
    // No straight quote: nothing to drop or close up.
    if straight == 0 {
        return Some(prompt.to_string());
    }
    // One straight quote left open (`warned "the army would stay _____ years.`):
    // the words read the same without it.
    let prompt = if straight % 2 == 1 {
        let at = prompt.rfind('"').unwrap_or(0);
        let mut p = prompt.to_string();
        p.remove(at);
        p.replace("  ", " ")
    } else {
        prompt.to_string()
    };
    let prompt = prompt.as_str();
    let mut out = String::with_capacity(prompt.len());
    let mut seen = 0;
    let chars: Vec<char> = prompt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            seen += 1;
            let opens = seen % 2 == 1;
            if opens {
                out.push(c);
                // `" _____"`: no space after an opening quote.
                while chars.get(i + 1) == Some(&' ') {
                    i += 1;
                }
            } else {
                // `_____ "`: no space before a closing quote.
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push(c);
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    Some(out)
}

/// An answer that is only a unit, an era or a multiplier ("BC", "thousand"): the
/// fact is the number or the century beside it.
pub(super) fn answer_is_only_a_unit(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "bc" | "bce"
            | "ad"
            | "ce"
            | "b.c."
            | "a.d."
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "million"
            | "millions"
            | "billion"
            | "dozen"
            | "dozens"
            | "percent"
            | "per cent"
    )
}

/// "The proclamation did not touch the _____ border states …: Delaware,
/// Maryland, Kentucky and Missouri" → four: the list after a colon counts the
/// answer out.
pub(super) fn list_counts_answer(p: &PromptWords, answer: &str) -> bool {
    let answer = answer.trim();
    let Some(n) = super::lexicon::cardinal_value(&answer.to_lowercase())
        .or_else(|| answer.parse().ok())
        .filter(|n| (2..=12).contains(n))
    else {
        return false;
    };
    let after_blank = p.text.find("_____").map_or(p.text, |b| &p.text[b..]);
    let Some((_, list)) = after_blank.split_once(':') else {
        return false;
    };
    let items = list
        .trim_end_matches(['.', '?', ';', '!'])
        .split(',')
        .flat_map(|x| x.split(" and "))
        .filter(|x| !x.trim().is_empty())
        .count();
    items as i64 == n
}

/// Whether a word is a month's name as written in a sentence ("May", not "may").
pub(super) fn is_month(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    bare.chars().next().is_some_and(char::is_uppercase)
        && MONTHS.contains(&bare.to_lowercase().as_str())
}

/// The last two words before the blank, in text order: "In April or _____" →
/// ("April", "or"). None without a blank or with fewer words before it.
fn two_words_before_blank(prompt: &str) -> Option<(&str, &str)> {
    let at = prompt.find("_____")?;
    let mut before = prompt[..at].split_whitespace().rev();
    let last = before.next()?;
    Some((before.next()?, last))
}

/// A blank that splits a pair of dates ("In April or _____" → "May 1856"): the year
/// of the answer belongs to both months, and the card reads as if only one had it.
pub(super) fn blank_splits_date(p: &PromptWords, answer: &str) -> bool {
    let Some((second_last, last)) = two_words_before_blank(p.text) else {
        return false;
    };
    let connective = matches!(last, "or" | "and" | "to" | "-" | "–");
    let has_digit = answer.chars().any(|c| c.is_ascii_digit());
    // "By 28 and _____ the centre was surrounded" → "29 August": the month of the
    // answer belongs to the day before it too.
    let day = !second_last.is_empty()
        && second_last.len() <= 2
        && second_last.chars().all(|c| c.is_ascii_digit());
    connective && has_digit && (is_month(second_last) || day)
        || day_before_a_dated_partner(p.text, answer)
}

/// "The most dangerous moments came on _____ and 27 October." → "26": a bare day
/// whose month stands with the day after it.
fn day_before_a_dated_partner(prompt: &str, answer: &str) -> bool {
    let bare_day =
        !answer.is_empty() && answer.len() <= 2 && answer.chars().all(|c| c.is_ascii_digit());
    let Some(at) = prompt.find("_____") else {
        return false;
    };
    let mut after = prompt[at + 5..].split_whitespace();
    let joined = matches!(after.next(), Some("and" | "or" | "to" | "-" | "–"));
    let day = after
        .next()
        .is_some_and(|d| d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()));
    let month = after
        .next()
        .is_some_and(|m| is_month(m.trim_end_matches([',', '.', ';'])));
    bare_day && joined && day && month
}

/// Words that open a clause inside the sentence: the verbs after them belong to it,
/// not to the main clause ("A fight over who would profit …").
fn opens_inner_clause(w: &str) -> bool {
    matches!(
        w,
        "who" | "whom" | "whose" | "which" | "where" | "when" | "while" | "whether" | "if"
    )
}

/// Quantifiers before a participle that make it an adjective ("many based on the
/// island"), not a verb.
fn quantifier(w: &str) -> bool {
    matches!(
        w,
        "many" | "some" | "most" | "all" | "several" | "few" | "both" | "each" | "one" | "those"
    )
}

/// Words before a noun: a present-looking word after them is a plural noun.
fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "his"
            | "her"
            | "its"
            | "their"
            | "these"
            | "those"
            | "with"
            | "from"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
    ) || quantifier(w)
        // "_____'s visits": a noun follows a possessive.
        || w.ends_with("'s")
        || w.ends_with("’s")
}

/// Whether a part of a prompt (between commas) holds a verb of its own: an
/// auxiliary or modal, a present form, or a past form that is not the part's first
/// word (after a comma a past form opens a participle phrase: ", proclaimed in
/// 1436") nor after a quantifier ("many based on …"). Verbs after a relative or
/// interrogative word belong to that inner clause and do not count.
fn part_has_verb(w: &[String], initial_past_counts: bool) -> bool {
    let lex = lexicon();
    // After "who"/"which"/"when" … the first verb is the inner clause's own; a
    // later one may be the main clause's ("A group known as the X who were
    // exiles rioted in …").
    let mut inner = false;
    for (i, x) in w.iter().enumerate() {
        if opens_inner_clause(x) {
            inner = true;
            continue;
        }
        let modal = matches!(x.as_str(), "would" | "could" | "might" | "should" | "must");
        // "lists", "counts": a present form, or a plural noun after its article or
        // before its "of" ("the counts of the march").
        // "state-owned banks": after a hyphened modifier it is a plural noun.
        let present = lex.present_lemma(x).is_some()
            && !(i > 0 && determiner(&w[i - 1]))
            && !(i > 0 && w[i - 1].contains('-') && w[i - 1].ends_with("ed"))
            && w.get(i + 1).is_none_or(|n| n != "of");
        if is_aux(x) || modal || present {
            if inner {
                inner = false;
                continue;
            }
            return true;
        }
        // "set", "split", "cut": the past of the lexicon may be its lemma.
        let past = lex.past_lemma(x).is_some();
        // "Fragments of the decree survive in Greek": a plural's present is its
        // lemma; a preposition or an article after it shows it is a verb.
        let plural_present = i > 0
            && lex.is_verb_lemma(x)
            && !determiner(&w[i - 1])
            && !matches!(
                w[i - 1].as_str(),
                "would" | "could" | "might" | "should" | "must"
            )
            && w.get(i + 1).is_some_and(|n| {
                matches!(
                    n.as_str(),
                    "from"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "into"
                        | "with"
                        | "by"
                        | "as"
                        | "the"
                        | "a"
                        | "an"
                        | "that"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                )
            });
        if plural_present {
            if inner {
                inner = false;
                continue;
            }
            return true;
        }
        // Only a quantifier opening its part: "Quite a few arrived …" has its verb.
        let after_quantifier = i == 1 && quantifier(&w[0]);
        // "For the left, …", "a set of rules": a past form after an article is a noun.
        let after_article = i > 0 && matches!(w[i - 1].as_str(), "the" | "a" | "an");
        if past && (i > 0 || initial_past_counts) && !after_quantifier && !after_article {
            if inner {
                inner = false;
                continue;
            }
            return true;
        }
    }
    false
}

/// Words of a prompt as [`bare_words`] gives them for the words joined by spaces:
/// the words themselves when they are ASCII (the common case, no copy); other
/// words are cut again, since lower case may leave a mark at a word's edge ("İ"
/// → "i̇", whose dot is a combining mark that the cut drops).
fn rejoined(words: &[String]) -> Cow<'_, [String]> {
    if words.iter().all(|w| w.is_ascii()) {
        Cow::Borrowed(words)
    } else {
        Cow::Owned(bare_words(&words.join(" ")))
    }
}

/// A cloze with no main clause: no part of the prompt between commas holds a verb
/// of its own, or the prompt ends in a relative clause whose verb was cut away.
/// "The Treaty of Ghent, signed in _____." and "In _____ the lords of the
/// north." name something and say nothing about it; "The treaty, signed in 1814,
/// ended _____." has its verb after the participle phrase.
pub(super) fn lacks_main_verb(p: &PromptWords) -> bool {
    // The parts of the prompt between commas, each as its words (the full stop
    // at the end is no word).
    let parts = p.parts(", ");
    let n = parts.len();
    // A past form opening the last of three or more parts is the main verb after
    // a parenthesis ("The treaty, signed in 1814, ended the war.").
    let has_verb = parts
        .iter()
        .enumerate()
        .any(|(k, part)| part_has_verb(part, n >= 3 && k == n - 1 && k > 0));
    if !has_verb {
        return true;
    }
    // "…, under Constantine, whose gold coin, struck from about _____.": the
    // relative clause that ends the prompt never reaches its verb.
    if let Some(r) = parts.iter().rposition(|p| {
        p.first()
            .is_some_and(|f| matches!(f.as_str(), "whose" | "who" | "which"))
    }) {
        let rel_words = parts[r];
        let rel_verb = part_has_verb(&rejoined(&rel_words[1..]), true)
            || parts[r + 1..].iter().any(|p| part_has_verb(p, false));
        if !rel_verb {
            return true;
        }
        // "Rome was at war, and Hannibal, who crossed the Alps in _____.": the
        // name before the relative clause never gets its verb.
        if r + 1 == n && r > 0 {
            let head = parts[r - 1];
            if head.first().is_some_and(|f| f == "and" || f == "but")
                && !part_has_verb(parts[r - 1], false)
            {
                return true;
            }
        }
    }
    false
}

/// A prompt cut inside its last phrase: it ends on a conjunction, a preposition or
/// an article ("… fought each other and."), or its last clause opens with a
/// subordinator and never reaches a verb ("… could not be ruled from one centre
/// unless orders.", "When did the council admit that the plan?").
pub(super) fn cut_at_end(p: &PromptWords) -> bool {
    let prompt = p.text;
    let w = &p.words;
    let Some(last) = w.last() else {
        return false;
    };
    // A question may strand its preposition ("Who did the king side with?").
    let question = prompt.trim_end().ends_with('?');
    let dangling = matches!(
        last.as_str(),
        "and" | "or" | "but" | "the" | "a" | "an" | "unless" | "that"
    ) || !question && matches!(last.as_str(), "of" | "to" | "with");
    // "… to see off Ibrahim's?": a possessive whose noun the question lost. (A
    // sentence may end on one: "along lines not far from Curzon's.")
    let possessive_last = question
        && p.raw.last().is_some_and(|r| {
            let r = r.trim_end_matches(['.', '?', '!']);
            r.ends_with("'s") || r.ends_with("’s")
        });
    // "… did Yildiz march on Lahore, and Aibak?": the next clause's subject came
    // along without its verb. (Not the end of a list: "Egypt, Syria, and Palestine".)
    let n = p.raw.len();
    let and_name_last = question
        && n > 3
        && p.raw[n - 3].ends_with(',')
        && !p.raw[n - 4].ends_with(',')
        && p.bare(n - 2) == "and"
        && p.raw[n - 1].starts_with(char::is_uppercase);
    // "… less by superior seamanship than by the fact?": a noun whose "that"
    // clause was cut off.
    let complement_cut = w.len() > 2
        && w[w.len() - 2] == "the"
        && matches!(
            last.as_str(),
            "fact" | "idea" | "belief" | "claim" | "notion"
        );
    if dangling || possessive_last || and_name_last || complement_cut {
        return true;
    }
    // The last subordinator and the words after it.
    let Some(k) = w.iter().rposition(|x| {
        matches!(
            x.as_str(),
            "unless" | "because" | "although" | "though" | "whether" | "that"
        )
    }) else {
        return false;
    };
    // "in that year", "that same day": a demonstrative, not a clause.
    if w[k] == "that"
        && k > 0
        && (determiner(&w[k - 1]) || matches!(w[k - 1].as_str(), "after" | "before" | "at"))
    {
        return false;
    }
    let tail = &w[k + 1..];
    // "because of his learning": a preposition, not a clause.
    if w[k] == "because" && tail.first().is_some_and(|t| t == "of") {
        return false;
    }
    // "… regained control that afternoon", "died that August": a time.
    if w[k] == "that"
        && tail.first().is_some_and(|t| {
            MONTHS.contains(&t.as_str())
                || matches!(
                    t.as_str(),
                    "day"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "week"
                        | "month"
                        | "year"
                        | "summer"
                        | "winter"
                        | "spring"
                        | "autumn"
                        | "time"
                )
        })
    {
        return false;
    }
    // "… that had been deployed": a relative clause, its verb straight after.
    !tail.is_empty() && tail.len() <= 4 && !part_has_verb(&rejoined(tail), true)
}

/// A blank for the day of a date whose month stays on the card ("On _____ May the
/// fleet sailed" → "21"): only the day is asked, a detail no one learns.
pub(super) fn blank_is_day_of_month(p: &PromptWords, answer: &str) -> bool {
    let prompt = p.text;
    let Some(at) = prompt.find("_____") else {
        return false;
    };
    let day = answer
        .trim()
        .parse::<u32>()
        .is_ok_and(|d| (1..=31).contains(&d));
    day && prompt[at + 5..]
        .split_whitespace()
        .next()
        .is_some_and(is_month)
}

/// A blank after the lower-case particle of a name ("the port of Dar es _____",
/// "Leonardo da _____"): the answer is the rest of a name the card half shows.
pub(super) fn blank_after_name_particle(p: &PromptWords) -> bool {
    let Some((second_last, last)) = two_words_before_blank(p.text) else {
        return false;
    };
    NAME_PARTICLES.contains(&last) && second_last.chars().next().is_some_and(char::is_uppercase)
}

/// Generic nouns that, as "the X" before a verb, stand for something named in an
/// earlier sentence ("The decision drew …", "In 1902 the area became …"): on a
/// card they name nothing. "The area of the camp …" says which.
const GENERIC_SUBJECTS: &[&str] = &[
    "decision",
    "area",
    "region",
    "result",
    "text",
    "nation",
    "kingdom",
    "country",
    "court",
    "plan",
    "policy",
    "change",
    "reform",
    "agreement",
    "ruling",
    "document",
    "campaign",
];

/// Whether the prompt's subject is a generic "the X" that only points back, or a
/// superlative with its noun left in the sentence before ("The most recent, the
/// _____, …").
pub(super) fn vague_subject(p: &PromptWords) -> bool {
    let lex = lexicon();
    let w = &p.words;
    let raw = &p.raw;
    for i in 0..w.len().saturating_sub(2) {
        if w[i] != "the" || !GENERIC_SUBJECTS.contains(&w[i + 1].as_str()) {
            continue;
        }
        // "the Court" as a name, or "the court, …" in an apposition: not this.
        if raw
            .get(i + 1)
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase) || r.ends_with(','))
        {
            continue;
        }
        // The subject of a verb: next comes the verb, perhaps after an adverb.
        let mut k = i + 2;
        if w.get(k)
            .is_some_and(|x| matches!(x.as_str(), "also" | "then" | "later" | "soon" | "still"))
        {
            k += 1;
        }
        let Some(v) = w.get(k) else { continue };
        let verb = matches!(v.as_str(), "was" | "were" | "had" | "would" | "could")
            || lex.past_lemma(v).is_some_and(|l| l != v)
            || lex.present_lemma(v).is_some();
        // The noun is the subject: no verb before it ("In 1911 the area became …");
        // after a verb it is an object, and a past form after it a participle
        // ("… conquered the area ruled by …").
        let opens = !w[..i].iter().any(|x| is_finite_form(x));
        if verb && opens {
            return true;
        }
    }
    // "The most recent, …", "The last, …": a superlative or an order with no noun.
    let opens_with_bare_superlative = match w.as_slice() {
        [the, most, _, ..] if the == "the" && most == "most" => {
            raw.get(2).is_some_and(|r| r.ends_with(','))
        }
        [the, x, ..] if the == "the" => {
            matches!(
                x.as_str(),
                "first" | "second" | "third" | "last" | "latter" | "former" | "latest"
            ) && raw.get(1).is_some_and(|r| r.ends_with(','))
        }
        _ => false,
    };
    opens_with_bare_superlative
}

#[cfg(test)]
mod tests {
    use super::*;

    // The rules read a prompt cut into its words; the tests give them prompts.
    fn blank_splits_date(prompt: &str, answer: &str) -> bool {
        super::blank_splits_date(&PromptWords::new(prompt), answer)
    }
    fn lacks_main_verb(prompt: &str) -> bool {
        super::lacks_main_verb(&PromptWords::new(prompt))
    }
    fn cut_at_end(prompt: &str) -> bool {
        super::cut_at_end(&PromptWords::new(prompt))
    }
    fn blank_is_day_of_month(prompt: &str, answer: &str) -> bool {
        super::blank_is_day_of_month(&PromptWords::new(prompt), answer)
    }
    fn blank_after_name_particle(prompt: &str) -> bool {
        super::blank_after_name_particle(&PromptWords::new(prompt))
    }
    fn vague_subject(prompt: &str) -> bool {
        super::vague_subject(&PromptWords::new(prompt))
    }

    #[test]
    fn a_list_that_counts_the_answer_out_gives_it_away() {
        let counted = |prompt: &str, answer: &str| {
            super::list_counts_answer(&PromptWords::new(prompt), answer)
        };
        let states = "The proclamation did not touch the _____ border states that stayed loyal: \
                      Delaware, Maryland, Kentucky and Missouri.";
        assert!(counted(states, "four"));
        assert!(counted(states, "4"));
        // A list of another length, or a list before the blank, tells nothing.
        assert!(!counted(states, "five"));
        assert!(!counted(
            "Three kings, Edward, Harold and William, claimed the throne in _____.",
            "3"
        ));
        assert!(!counted("The _____ ships sailed: most sank.", "two"));
    }

    #[test]
    fn spoken_asides_are_dropped() {
        assert_eq!(
            drop_spoken_asides("The short answer is that Venice was richer than Genoa in _____."),
            "Venice was richer than Genoa in _____."
        );
        assert_eq!(
            drop_spoken_asides("Horatio Nelson, yes, the admiral of the fleet, died at _____."),
            "Horatio Nelson, the admiral of the fleet, died at _____."
        );
        assert_eq!(
            drop_spoken_asides("Gladstone, in other words, is the link between Peel and _____."),
            "Gladstone is the link between Peel and _____."
        );
        assert_eq!(
            drop_spoken_asides("Francis surrendered, most accounts say, to _____."),
            "Francis surrendered to _____."
        );
        assert_eq!(
            drop_spoken_asides("In other words, the revolt opened the _____ of 499 BC."),
            "The revolt opened the _____ of 499 BC."
        );
        assert_eq!(
            drop_spoken_asides("Then, by chance, the old sultan died in _____."),
            "The old sultan died in _____."
        );
        assert_eq!(
            drop_spoken_asides("The duke also signed a treaty with Savoy in _____."),
            "The duke signed a treaty with Savoy in _____."
        );
        assert_eq!(
            drop_spoken_asides("Who were even deported to the colonies?"),
            "Who were deported to the colonies?"
        );
        assert_eq!(
            drop_spoken_asides("When did Robert Peel also use the crisis to repeal the Corn Laws?"),
            "When did Robert Peel use the crisis to repeal the Corn Laws?"
        );
        assert_eq!(
            drop_spoken_asides("When did Charles II simply suspend repayments on his debts?"),
            "When did Charles II suspend repayments on his debts?"
        );
        assert_eq!(
            drop_spoken_asides("In what year did Crassus and Pompey then serve as consuls?"),
            "In what year did Crassus and Pompey serve as consuls?"
        );
        // A cloze keeps its "simply" and "then"; "still" changes the fact.
        let kept = "In January 1672 Charles II simply suspended repayments to the _____.";
        assert_eq!(drop_spoken_asides(kept), kept);
        let kept = "In what year did the British army still hold the fortress?";
        assert_eq!(drop_spoken_asides(kept), kept);
        // "also known as" gives a name; "even" before a noun is no aside.
        let kept = "Tenochtitlan, also known as _____, was the Aztec capital.";
        assert_eq!(drop_spoken_asides(kept), kept);
        let kept = "Even the _____ paid the tax.";
        assert_eq!(drop_spoken_asides(kept), kept);
        // "then" between commas is a time of the sentence and stays.
        let kept = "The army crossed the Rhine, then, in _____, the Danube.";
        assert_eq!(drop_spoken_asides(kept), kept);
        // Letters whose lower case is longer ("İ" → "i̇", "Ⱥ" → "ⱥ") before an
        // aside: offsets found in the lower case used to cut the prompt
        // elsewhere (a panic or a loop without end).
        assert_eq!(
            drop_spoken_asides("İİİ Ⱥlp Khan, yes, the sultan's vizier, fled to _____."),
            "İİİ Ⱥlp Khan, the sultan's vizier, fled to _____."
        );
        assert_eq!(
            drop_spoken_asides("Then, İstanbul, yes, of course, fell in _____."),
            "İstanbul, fell in _____."
        );
    }

    #[test]
    fn quotes_must_pair_and_hold_no_inner_space() {
        assert_eq!(
            close_quotes("The \"_____ \" campaign began in the north."),
            Some("The \"_____\" campaign began in the north.".to_string())
        );
        assert_eq!(
            close_quotes("The reformer, known as \"the _____."),
            Some("The reformer, known as the _____.".to_string())
        );
        assert_eq!(close_quotes("She was called “the _____."), None);
        let fine = "The slogan \"Land and Bread\" spread in _____.";
        assert_eq!(close_quotes(fine).as_deref(), Some(fine));
    }

    #[test]
    fn units_eras_and_split_dates_are_no_answers() {
        assert!(answer_is_only_a_unit("BC"));
        assert!(answer_is_only_a_unit("thousand"));
        assert!(!answer_is_only_a_unit("3,000"));
        assert!(!answer_is_only_a_unit("the 5th century BC"));
        assert!(blank_splits_date(
            "In March or _____ the envoys reached the coast.",
            "April 1702"
        ));
        assert!(!blank_splits_date(
            "In March or _____ the envoys reached the coast.",
            "April"
        ));
        assert!(!blank_splits_date(
            "Between 1702 and _____ the envoys travelled.",
            "1705"
        ));
    }

    #[test]
    fn a_cloze_without_its_main_verb_is_a_fragment() {
        for p in [
            "The Edict of Toleration, issued in _____.",
            "In _____ the counts of the southern march.",
            "The traders, with ships sailing from _____ to Goa.",
            "Armenian bankers, many settled in the port of _____.",
            "A quarrel over who would control the silver mines of _____.",
            "The new currency came later, under Aurelian, whose silver coin, minted from about _____.",
            "Carthage was rebuilding its fleet, and Hannibal, who crossed the Alps in _____.",
            "The grain ledgers, hundreds of tablets from around _____ to 480 BC.",
            // A list item of round 38: a plural noun is no verb.
            "Credit through cooperatives and, after bank nationalisation in _____, state-owned banks.",
        ] {
            assert!(lacks_main_verb(p), "{p}");
        }
        for p in [
            "The treaty, signed in 1814, ended the war with _____.",
            "In _____ the counts of the southern march rebelled.",
            "Vasco da Gama, whose fleet sailed in 1497, reached _____.",
            "Drought in _____ ruined the harvest.",
            "The emperor could not hold _____ without the legions.",
            "The council decides who rules _____.",
            "By _____ the canal reached the sea.",
            "The envoy, who met the shah, stayed in Qazvin until _____.",
            "The Peace of Lodi in 1454 set the border at the _____.",
            "Copies of the charter survive in _____ and Latin.",
            "A sect known as the _____ who were Cathars rebelled in the south.",
        ] {
            assert!(!lacks_main_verb(p), "{p}");
        }
    }

    #[test]
    fn prompts_cut_at_their_end_are_refused() {
        for p in [
            "Rival clans in Kyoto and _____ fought each other and.",
            "A realm so large could not be ruled from _____ unless couriers.",
            "When did the council admit that the plan?",
            "The monks appealed to the example of St _____ of.",
            "When did a French corps land in the Peloponnese to see off Ibrahim's?",
            "In what year did Yildiz march on Lahore, and Aibak?",
            "Who argues that Salamis was decided less by seamanship than by the fact?",
        ] {
            assert!(cut_at_end(p), "{p}");
        }
        for p in [
            "The missiles that had been deployed in _____ were removed.",
            "In that year the _____ fell.",
            "The envoy reported that the khan had died in _____.",
            "The city fell because the walls were weak in _____.",
            "The rebels held _____ and Lyon.",
            "The guards regained control of _____ that afternoon.",
            "The legate spoke first because of his better _____.",
            "Which city did the king side with?",
            "Bengal was partitioned again in _____, along lines not far from Curzon's.",
            "Who ruled Egypt, Syria, and Palestine?",
        ] {
            assert!(!cut_at_end(p), "{p}");
        }
        assert!(blank_is_day_of_month(
            "At Lepanto on _____ October the fleets met.",
            "7"
        ));
        assert!(!blank_is_day_of_month(
            "At Lepanto on _____ the fleets met.",
            "7 October 1571"
        ));
        assert!(blank_after_name_particle(
            "Goods reached the port of Dar es _____."
        ));
        assert!(blank_after_name_particle(
            "The painter Leonardo da _____ left Milan."
        ));
        assert!(!blank_after_name_particle(
            "The army of _____ marched north."
        ));
    }

    #[test]
    fn a_generic_subject_that_points_back_is_vague() {
        for p in [
            "The decision pulled _____ into the war.",
            "In 1911 the area became the province of _____.",
            "The kingdom lasted until _____.",
            "The text then lists the duties of the _____.",
            "The most famous, the _____, fell in 1453.",
        ] {
            assert!(vague_subject(p), "{p}");
        }
        for p in [
            "The decision of the synod angered _____.",
            "The Court of Chancery met in _____.",
            "The area around _____ was flooded.",
            "Louis XIV moved the court to _____ in 1682.",
            "The kingdom of Aragon annexed _____ in 1442.",
        ] {
            assert!(!vague_subject(p), "{p}");
        }
    }
}
