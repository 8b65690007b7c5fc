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
//! The rules live by what they read: `drops` (words a prompt reads the same
//! without, dropped first), `prompt` (cards of any kind), `question`, `cloze`;
//! [`screen`] here runs them in order and checks the answer.
//!
//! When unsure, the card is refused: precision in the first ten matters more than
//! the number of candidates.

use super::entities::EntityKind;
use super::lexicon::{is_plain_word, lexicon};
use super::questions::Candidate;
use super::text::Document;
use super::tokens::PromptWords;
use super::CardKind;
use super::{grammar, leans, shape};

mod cloze;
mod drops;
mod prompt;
mod question;

use cloze::*;
use drops::*;
use prompt::*;
use question::*;

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
    // ": the allies missed": a cut taken from a colon on.
    let punctuation = answer
        .trim_start()
        .starts_with([':', ';', ',', '.', ')', ']']);
    reflexive || adverb || punctuation
}

/// A day and month without a year, asked in a question with no year either ("On
/// what date did the Russians attack at the Chernaya?" → "16 August"): judges
/// called the day of a minor action trivial (46% of such questions kept, 68% of
/// such clozes, which keep the sentence around the date).
fn date_without_year(c: &Candidate) -> bool {
    let has_year = |t: &str| {
        t.split(|ch: char| !ch.is_ascii_digit())
            .any(|d| (3..=4).contains(&d.len()))
    };
    c.kind == CardKind::Question
        && c.answer_kind == EntityKind::Date
        && !has_year(&c.answer)
        && !has_year(&c.prompt)
}

/// "A _____ in Sichuan turned violent.", "Louise of Savoy sent envoys to _____.":
/// a cloze of fewer than seven words says too little to stand alone (judges kept
/// 23% of 84 such, against 54% of all labelled cards).
fn too_short_to_stand_alone(prompt: &str) -> bool {
    prompt.split_whitespace().count() < 7
}

/// "Ibn Khaldun was writing _____ centuries later.", "Less than _____ years later
/// Nineveh was a ruin": a span counted from a moment the card does not show
/// (1 of 5 such kept).
fn blank_counts_from_elsewhere(prompt: &str) -> bool {
    let mut after = prompt
        .split_once("_____")
        .map(|(_, rest)| rest.split_whitespace())
        .into_iter()
        .flatten();
    let unit = after.next().unwrap_or("");
    let next = after
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    (super::lexicon::is_time_unit(unit)
        || matches!(unit, "century" | "centuries" | "generation" | "generations"))
        && matches!(
            next,
            "later" | "earlier" | "before" | "after" | "afterwards" | "on"
        )
}

/// "Catholics responded a month later by founding the National League for the
/// _____", "Pietro Badoglio entered the capital three days later, and on _____
/// …": a cloze that counts time from a moment it does not show. Judges kept 11
/// of 69 labelled clozes with such a count and no year or blank before it, and
/// 48 of 109 where a year or the blank came first ("bombed on _____ and Nixon's
/// two days later" counts from its own blank).
fn counted_from_an_untold_moment(prompt: &str) -> bool {
    use super::lexicon::{cardinal_value, is_counted_from_before, is_time_unit};
    let words: Vec<&str> = prompt.split_whitespace().collect();
    let count = |w: &str| {
        let w = w.to_lowercase();
        cardinal_value(&w).is_some_and(|n| n >= 2)
            || matches!(
                w.as_str(),
                "a" | "an"
                    | "few"
                    | "some"
                    | "several"
                    | "many"
                    | "fifteen"
                    | "twenty"
                    | "thirty"
                    | "forty"
                    | "fifty"
            )
            || w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 2
    };
    let anchors = |w: &str| {
        w.contains("_____")
            || w.split(|c: char| !c.is_ascii_digit())
                .any(|d| (3..=4).contains(&d.len()))
    };
    // "three days later", "a month later", and a bare plural: "decades later".
    (0..words.len().saturating_sub(1)).any(|i| {
        let unit = words[i].to_lowercase();
        let after = words[i + 1]
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let counted = i > 0 && count(words[i - 1]);
        (is_time_unit(&unit) || matches!(unit.as_str(), "generation" | "generations"))
            && (counted || unit.ends_with('s'))
            && is_counted_from_before(&after)
            && !words[..i].iter().any(|w| anchors(w))
    })
}

/// "Pizarro marched inland with _____ men: 62 horsemen and 106 foot soldiers." →
/// 168: the prompt's own numbers add up to the answer (round 49, a giveaway
/// four times).
fn numbers_add_up_to_the_answer(prompt: &str, answer: &str) -> bool {
    let number = |w: &str| -> Option<u64> {
        let digits: String = w
            .trim_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .filter(|c| *c != ',')
            .collect();
        (!digits.is_empty() && digits.len() <= 12 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let Some(target) = answer.split_whitespace().next().and_then(number) else {
        return false;
    };
    // The numbers on one side of the blank (a question's: all of them) that
    // add up to it: "_____ men: 62 horsemen and 106 foot soldiers". (Any two
    // numbers of the prompt would be too many: "6,000 killed, including 4,000
    // Italians, and 2,000 captured" says nothing of a sum.)
    let (before, after) = prompt.split_once("_____").unwrap_or((prompt, ""));
    let adds_up = |side: &str| {
        let parts: Vec<u64> = side.split_whitespace().filter_map(number).collect();
        parts.len() >= 2 && parts.iter().fold(0u64, |t, n| t.saturating_add(*n)) == target
    };
    // "168 men: _____ horsemen and 106 foot soldiers" → 62: a total, a colon,
    // and its parts, the blank one of them.
    let part_of_a_total = prompt.split_once(':').is_some_and(|(total, parts)| {
        let mut parts: Vec<u64> = parts.split_whitespace().filter_map(number).collect();
        if !prompt.contains("_____") || total.contains("_____") || parts.is_empty() {
            return false;
        }
        parts.push(target);
        let sum = parts.iter().fold(0u64, |t, n| t.saturating_add(*n));
        total.split_whitespace().filter_map(number).next_back() == Some(sum)
    });
    adds_up(before) || adds_up(after) || part_of_a_total
}

/// "Subramaniam pushed through a package of support that lasted for decades:",
/// "The decisive events came in early _____:": a sentence that announces what
/// follows it, the list or the events themselves, which the card leaves out
/// (judges kept none of the labelled cards ending on a colon).
fn leads_into_a_list(prompt: &str) -> bool {
    prompt.trim_end().ends_with(':')
}

/// "By Jean-François Champollion's teens Jean-François Champollion was studying
/// …": "his" and "he" both resolved to the one name (judged ungrammatical). A
/// name of two or more words written twice.
fn repeats_a_name(prompt: &str) -> bool {
    let words: Vec<&str> = prompt
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’');
            super::tokens::strip_possessive(w).unwrap_or(w)
        })
        .collect();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let names: Vec<(&str, &str)> = words
        .windows(2)
        .filter(|p| capital(p[0]) && capital(p[1]))
        .map(|p| (p[0], p[1]))
        .collect();
    names
        .iter()
        .enumerate()
        .any(|(i, n)| names[i + 1..].contains(n))
}

/// "Sutri, a small town about _____ north of Rome, …" → "fifty kilometres": how
/// far one place lies from another is the text's scenery, not its story (judges
/// kept 6 of 46 labelled cards whose answer is a length).
fn answer_is_a_distance(answer: &str) -> bool {
    // The unit as written, lower-case: "General Nelson Miles" and "Tiananmen
    // Square" are names.
    let words: Vec<&str> = answer.split_whitespace().collect();
    words.len() > 1
        && words
            .last()
            .is_some_and(|unit| *unit != "square" && super::lexicon::is_length_unit(unit))
}

/// "Who officers such as Zhang Yong …?" → "Han Chinese", "reconstituted as the
/// _____ people" → "National Home of the Jewish": an answer of several words
/// ending on a people's adjective, with a noun after it in the sentence, is a
/// modifier cut from its noun, not a name. (A one-word adjective before a noun
/// is the cloze guard's.)
fn modifier_taken_for_name(doc: &Document, c: &Candidate) -> bool {
    let lex = lexicon();
    let toks = &doc.sentences[c.sentence].tokens;
    let (a, b) = c.answer_span;
    b >= a + 2
        && toks.get(b - 1).is_some_and(|t| lex.is_demonym(&t.text))
        && toks.get(b).is_some_and(is_plain_word)
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
    // "In 1896, what did Picquart intercept?" → "a telegram card": an answer with
    // an indefinite article names no particular thing (2 of 12 such kept).
    let indefinite = c.kind == CardKind::Question
        && !matches!(c.form, "cause" | "effect")
        && (c.answer.starts_with("a ") || c.answer.starts_with("an "));
    // "That's perhaps _____ soldiers, …": a cloze opening on a contraction points
    // back at the sentence before.
    let opens_contracted =
        c.kind == CardKind::Cloze && c.prompt.split_whitespace().next().is_some_and(&contraction);
    // "Who became Henry II of France?" → "the younger son": a "who" answered
    // by a description names nobody.
    let who_without_a_name = c.kind == CardKind::Question
        && c.prompt
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "Who" | "Whom"))
        && c.answer.starts_with("the ")
        && !c.answer.chars().any(char::is_uppercase);
    // "on _____ signed the final text" → "New Year's Day Lincoln": the next
    // sentence's subject taken into the date.
    // (Whatever kind the answer was taken for: that one was read as a place.)
    let date_runs_on = {
        let words: Vec<&str> = c.answer.split_whitespace().collect();
        match words[..] {
            [.., date_end, last] => {
                (matches!(date_end, "Day" | "Eve")
                    || shape::is_month(date_end)
                    || date_end.ends_with(|ch: char| ch.is_ascii_digit()))
                    && last.starts_with(char::is_uppercase)
                    && !shape::is_month(last)
                    && !matches!(last, "AD" | "BC" | "BCE" | "CE")
                    && !lexicon().is_event_head(&last.to_lowercase())
            }
            _ => false,
        }
    };
    // "for another _____ century" → "half": a fraction of a unit the card keeps.
    let bare_fraction = matches!(
        c.answer.trim().to_lowercase().as_str(),
        "half" | "a half" | "third" | "a third" | "quarter" | "a quarter"
    );
    possessive_inside
        || indefinite
        || opens_contracted
        || who_without_a_name
        || date_runs_on
        || bare_fraction
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
        if c.answer_kind.is_time()
            && (answer_in_by_the_time(doc, &c) || dated_by_another_clause(doc, &c))
            || lost_causative_participle(doc, &c)
            || counted_from_elsewhere(doc, &c)
        {
            return None;
        }
        c.prompt = drop_connective_after_auxiliary(&c.prompt);
        c.prompt = leans::who_in_simple_past(&c.prompt);
        c.prompt = grammar::did_and_base_form(&c.prompt);
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
        || modifier_taken_for_name(doc, &c)
        || date_without_year(&c)
        || answer_is_a_distance(&c.answer)
        || c.kind == CardKind::Cloze && super::cloze::is_fragment(&c.prompt)
        || c.kind == CardKind::Cloze && too_short_to_stand_alone(&c.prompt)
        || blank_counts_from_elsewhere(&c.prompt)
        || c.kind == CardKind::Cloze && counted_from_an_untold_moment(&c.prompt)
        || numbers_add_up_to_the_answer(&c.prompt, &c.answer)
        || leads_into_a_list(&c.prompt)
        || repeats_a_name(&c.prompt)
    {
        return None;
    }
    // The prompt is cut into its words once; every rule reads that.
    let p = PromptWords::new(&c.prompt);
    let bad = bad_either(&p)
        || repeated_time(&p)
        || c.kind == CardKind::Question && time_of_other_conjunct(&p)
        || c.kind == CardKind::Question && object_pronoun_left(&p)
        || points_back(&p)
        || ends_in_bare_duration(&p)
        || quote_cut_off(&p)
        || opens_oddly(&p)
        || is_enumeration_word(&c.answer)
        || shape::answer_is_only_a_unit(&c.answer)
        || shape::blank_splits_date(&p, &c.answer)
        || shape::list_counts_answer(&p, &c.answer)
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
    fn a_cloze_with_no_main_verb_is_a_fragment() {
        let no_verb = |p: &str| super::cloze::no_main_verb(&PromptWords::new(p));
        for p in [
            "Campaigns in Fars, Kerman, Yazd and Mazandaran, plus the conquest of Baghdad in _____.",
            "The \"_____\" of 1531–33, when the crown took church bells to pay off Lübeck.",
            "_____, a Waterloo Quaker and abolitionist, whose family was closely involved.",
        ] {
            assert!(no_verb(p), "{p}");
        }
        for p in [
            "In 1066 William set sail for _____.",
            "The Saxons fight on the _____ every spring.",
            "The _____, led by the Bashorun, chose the king.",
            "When the crown took the bells, _____ rose in revolt.",
            "Charlemagne's army, which had wintered at Eresburg, reached the _____ in 776.",
            "Colonists who threw 342 chests into the harbour on _____ were not protesting.",
            "A Kadet deputy who used that phrase in the _____ was challenged to a duel.",
        ] {
            assert!(!no_verb(p), "{p}");
        }
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
        assert_eq!(
            drop_opening_connective("Worse, a third of the army was back at _____."),
            "A third of the army was back at _____."
        );
        // Not a connective, or too short to stand without it.
        assert_eq!(
            drop_opening_connective("Instead of marching into Syria, Heraclius went into _____."),
            "Instead of marching into Syria, Heraclius went into _____."
        );
        assert_eq!(
            drop_opening_connective("Still the army was back at _____."),
            "Still the army was back at _____."
        );
        assert_eq!(
            drop_opening_connective("Stillwater was founded in _____."),
            "Stillwater was founded in _____."
        );
        assert_eq!(drop_opening_connective("But _____ won."), "But _____ won.");
        assert_eq!(
            drop_opening_connective(
                "At almost the same time Dahomey, under King _____, stopped paying tribute."
            ),
            "Dahomey, under King _____, stopped paying tribute."
        );
        assert_eq!(
            drop_opening_connective("Even so, the revolt spread to Caria and to _____."),
            "The revolt spread to Caria and to _____."
        );
        // A time that dates the fact stays, and so does a phrase of the sentence's own.
        assert_eq!(
            drop_opening_connective("By then the English held only _____."),
            "By then the English held only _____."
        );
        assert_eq!(
            drop_opening_connective("At the same time as the siege, _____ fell."),
            "At the same time as the siege, _____ fell."
        );
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
        assert_eq!(
            drop_opening_label(
                "The reformed army: Charles had spent years since _____ reworking its corps."
            )
            .as_deref(),
            Some("Charles had spent years since _____ reworking its corps.")
        );
        assert_eq!(
            drop_opening_label("_____, Gross-Jägersdorf: a Russian army beat the Prussians."),
            None,
            "the blank is a list item's heading"
        );
        let verb = "_____ took longer: the early kinds of seed needed more rain.";
        assert_eq!(drop_opening_label(verb).as_deref(), Some(verb));
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
    fn garbled_time_questions_are_refused() {
        // Round 53: a year cut from "from 1799 onward", a question without its
        // subject, a span asked as a moment.
        for prompt in [
            "In what year did the campaign improve noticeably onward?",
            "In what year did being exile to the Oki islands?",
            "When did Zhu Yuanzhang spend sixteen years?",
            "When did the king spend 12 months in exile?",
        ] {
            assert!(bad_question(prompt, "1799", EntityKind::Year), "{prompt}");
        }
        for prompt in [
            "In what year did Go-Daigo escape from the Oki islands?",
            "When did Zhu Yuanzhang spend heavily on the walls of Nanjing?",
            "When did the army begin being paid in silver?",
            "Which movement from 1799 onward fought the Qing?",
        ] {
            assert!(!bad_question(prompt, "1799", EntityKind::Year), "{prompt}");
        }
    }

    #[test]
    fn who_for_a_place_is_refused() {
        // Round 54: places the entities took for people.
        for prompt in [
            "To whom did the sisters retreat?",
            "In 1777, who did the Tây Sơn overrun?",
            "To whom did the Ming officially invade?",
            "Who did the Golden Horde under Khan Jani Beg besiege?",
        ] {
            assert!(
                bad_question(prompt, "Cấm Khê", EntityKind::Person),
                "{prompt}"
            );
        }
        for prompt in [
            "To whom did the emperor send his daughter in marriage?",
            "Who did the Tây Sơn defeat at Rạch Gầm?",
            "Who besieged Vienna in 1529?",
            "To whom did the king turn for money?",
            "To whom did Tan Sitong go?",
        ] {
            assert!(
                !bad_question(prompt, "Nguyễn Huệ", EntityKind::Person),
                "{prompt}"
            );
        }
    }

    #[test]
    fn a_second_past_verb_after_did_is_refused() {
        for prompt in [
            "When did the battle fight destroyed the field army?",
            "On what date did a hastily assemble military tribunal in Târgoviște tried the couple on charges?",
            "On what date did moderate Utraquists ally with Catholic lords destroyed the radical Taborite armies?",
        ] {
            assert!(bad_question(prompt, "1565", EntityKind::Year), "{prompt}");
        }
        for prompt in [
            "On what date did a federal panel rule that bus segregation violated the Fourteenth Amendment?",
            "In what year did Pizarro found a city called the City of Kings on the coast?",
            "When did Caesar defeat the combined armies of Gaul?",
            "When did the army that had crossed the Alps reach Turin?",
        ] {
            assert!(!bad_question(prompt, "1565", EntityKind::Year), "{prompt}");
        }
    }

    #[test]
    fn both_without_names_points_back() {
        // Round 52/53 and the labels: 3 of 13 kept.
        assert!(points_back("Both countries joined _____ in February 1952."));
        assert!(points_back(
            "On what date did both republics declare independence?"
        ));
        assert!(points_back(
            "With both brothers dead, Pizarro installed a puppet ruler, _____."
        ));
        // Named, or a fixed phrase of two sides.
        assert!(!points_back("Both Lactantius and _____ tell the story."));
        assert!(!points_back(
            "The _____ of April 1645 required members of both Houses to resign."
        ));
        assert!(!points_back(
            "Rumours of _____ rattled investors on both sides of the Atlantic."
        ));
    }

    #[test]
    fn the_same_or_the_original_points_back() {
        assert!(points_back(
            "At the same time the English waged the _____ with real brutality on both sides."
        ));
        assert!(points_back(
            "When did the same base turn on the Soviet government?"
        ));
        assert!(points_back(
            "The original idea was to kill both Medici at a banquet for Cardinal _____."
        ));
        // A comparison says with what.
        assert!(!points_back(
            "Montcalm attacked with roughly the same number of men as Wolfe, perhaps _____."
        ));
        assert!(!points_back("Same-day delivery reached _____ in 1890."));
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
    fn a_comparison_an_addition_an_instead_or_reasons_to_follow_point_away() {
        // Cards of rounds 30–35, judged vague or ungrammatical.
        assert!(points_back(
            "Compare that with the Reichswehr, which the _____ had capped at 100,000 soldiers."
        ));
        assert!(points_back(
            "On top of that, the Hungarians were to receive a payment of _____ florins."
        ));
        assert!(points_back("Who did the English crown instead?"));
        assert!(points_back(
            "Mafeking held out from mid-October 1899 until _____ for three main reasons."
        ));
        assert!(!points_back(
            "Instead of waiting, the Scots advanced on _____."
        ));
        assert!(!points_back(
            "The king fell ill on the road for reasons nobody recorded in _____."
        ));
        assert!(!points_back("On the morning of _____ the fleet sailed."));
        // Round 37: a count from an event the card does not show.
        assert!(points_back(
            "_____ was removed days later and replaced by Stanisław Kania."
        ));
        assert!(points_back(
            "Just nine days later, on 2 February 1848, the _____ was signed."
        ));
        assert!(!points_back(
            "The canal opened some forty years later than the _____ had planned."
        ));
        // Round 40: "the one" thing is named in the text, not on the card.
        assert!(points_back(
            "The expedition failed at the one _____ cared about most."
        ));
        assert!(points_back("_____ went for the one weak spot."));
        assert!(!points_back(
            "In _____ the one-party state stopped pretending otherwise."
        ));
        assert!(!points_back("The one hundred days ended at _____."));
        // Round 44: "a similar line", "the idea", "the answer" stood before.
        assert!(points_back(
            "_____ at the US Treasury pushed a similar line."
        ));
        assert!(!points_back(
            "_____ pushed a line similar to that of the Soviet delegation."
        ));
        assert!(points_back(
            "Seth Neddermeyer had pushed the idea, _____ helped."
        ));
        assert!(!points_back(
            "_____ revived the idea of an international court."
        ));
        assert!(points_back("For centuries the answer was _____ AD 79."));
        // A name after the noun's comma says nothing of which.
        assert!(points_back(
            "_____ had pushed the idea, John von Neumann helped with the mathematics."
        ));
        assert!(points_back("Who were the others for the United States?"));
        // Round 45: "One report", a "there" with its own verb.
        assert!(points_back(
            "One report refers to the locals, a little dismissively, as _____."
        ));
        assert!(!points_back("One hundred ships sailed from _____ in May."));
        assert!(points_back(
            "Admiral William Leahy pointed out that American losses there had run at _____."
        ));
        assert!(!points_back(
            "By 1929 there had been _____ cristeros in the field."
        ));
        // Round 41's "the work", and "the town" (10 of 46 labelled cards kept).
        assert!(points_back(
            "In what year was the work carried out with speed?"
        ));
        assert!(points_back("When did Siraj capture the town?"));
        assert!(!points_back("When did Siraj capture the town of Calcutta?"));
        assert!(points_back(
            "When did the movement begin among the Sanhaja Berbers?"
        ));
        assert!(!points_back("When did the attack on Pearl Harbor begin?"));
        assert!(points_back("Why was the attack called off?"));
        assert!(!points_back(
            "Clarendon was blamed for the decision to lay up the _____."
        ));
    }

    #[test]
    fn a_verb_that_lost_what_it_was_about_is_refused() {
        // Round 37 cards, each judged vague, fragment or ungrammatical.
        for (prompt, answer) in [
            ("What did Mahmud II have?", "Sancak-ı Şerif"),
            ("What did Saddam regard?", "Algiers Agreement"),
            (
                "When did Governor Peter Burnett tell the legislature?",
                "January 1851",
            ),
            (
                "Which same day left the country, first for Indonesia?",
                "Lon Nol",
            ),
            // Round 39.
            ("To whom did Li Zicheng try?", "Wu Sangui"),
            (
                "To whom did Charles Leclerc manage by a trick in June 1802?",
                "Toussaint",
            ),
        ] {
            assert!(bad_question(prompt, answer, EntityKind::Name), "{prompt}");
        }
        assert!(!bad_question(
            "To whom did the king promise the county?",
            "Richard Neville",
            EntityKind::Person
        ));
        // Round 40 and the labels: a document named only by its kind.
        for prompt in [
            "When did Britain sign a treaty?",
            "When did the House of Commons pass a resolution?",
            "On what date did Tukhachevsky and his chief of staff sign an order?",
            "On 3 March 1848, who gave a speech?",
            "When did Charles sign a secret treaty?",
        ] {
            assert!(
                bad_question(prompt, "May 1903", EntityKind::Date),
                "{prompt}"
            );
        }
        // Round 41: an intransitive "follow", a thing asked only by its verb and
        // time, a count question built wrong, a subject ending in a possessive.
        for prompt in [
            "When did Ecuador follow under General Juan José Flores?",
            "What was signed in September 1991?",
            "How many Messerschmitt did Luftflotten 2 and 3 include Bf 109 fighters?",
            "How many aircraft did Fighter Command lose and the Luftwaffe roughly 1,900?",
            "How many worshippers did gunmen from the PAC's kill?",
        ] {
            assert!(bad_question(prompt, "11", EntityKind::Number), "{prompt}");
        }
        // Round 42: a second clause, a list left hanging, a phrase after "did", a
        // second count joined on.
        for prompt in [
            "How many American soldiers died in Mogadishu, and Washington's appetite for peacekeeping collapsed?",
            "Who escaped from Hazaribagh jail in November 1942, Ram Manohar Lohia and Achyut Patwardhan?",
            "When did under international pressure Juvénal Habyarimana sign the Arusha Accords?",
            "When did if you'd ask most Western military attachés?",
            "In what year did whatever happen in the sky?",
            "In what year did Charles conquer the Lombard kingdom and taken the title king of the Lombards?",
            "How many fleet carriers did Japan lose and one heavy cruiser?",
        ] {
            assert!(bad_question(prompt, "18", EntityKind::Number), "{prompt}");
        }
        for prompt in [
            "Who captured Rome in 1527, and sacked Milan?",
            "Who escaped from Hazaribagh jail with Ram Manohar Lohia?",
            "How many Jewish men were sent to Dachau, Buchenwald and Sachsenhausen?",
            "When did James II become king of England, Scotland and Ireland?",
            "How many ships did Spain lose between 1588 and 1590?",
            "When did Ecuador follow Venezuela out of the union?",
            "What was signed at Kempton Park in September 1991?",
            "How many Jewish men were arrested and sent to Dachau?",
            "How many men did the Romans lose in 1916?",
            "How many ships did Drake's fleet sink?",
            "When did Edward II stop at St Albans on St Lawrence's day?",
        ] {
            assert!(!bad_question(prompt, "11", EntityKind::Number), "{prompt}");
        }
        // Round 43: a verb of saying without what was said.
        for prompt in [
            "On what date did Joseph Kasavubu announce on the radio?",
            "In 1986, for whom did a National Geographic study argue?",
            "Which historian argued in Protest at Selma?",
            "How many Communist deputies were simply prevented?",
            "When is the modern railway age usually dated to the opening of the line?",
            "On what date was the British general election held and the votes?",
            "In what year did the union of the churches proclaim at Florence?",
        ] {
            assert!(bad_question(prompt, "1960", EntityKind::Year), "{prompt}");
        }
        // Round 48: a subject asked only by where it stood; one asked by its
        // office or its place in a story stays.
        for prompt in ["What were outside the League?", "Who was among the dead?"] {
            assert!(
                bad_question(prompt, "Key powers", EntityKind::Term),
                "{prompt}"
            );
        }
        for prompt in [
            "Who was in command of the fleet at Lepanto?",
            "Who was on the throne in 1500?",
        ] {
            assert!(
                !bad_question(prompt, "Don John", EntityKind::Person),
                "{prompt}"
            );
        }
        // Round 49: a "then" of a story the card does not tell; one that joins
        // two acts of the card stays.
        for prompt in [
            "Who did Zapata then fight?",
            "To whom did Pizarro then turn?",
            "In what year did Go-Sanjō's son Shirakawa then abdicate?",
        ] {
            assert!(
                bad_question(prompt, "Victoriano Huerta", EntityKind::Person),
                "{prompt}"
            );
        }
        assert!(bad_question(
            "In what century have the monastic university at Nalanda seems to been founded?",
            "fifth century",
            EntityKind::Century
        ));
        for prompt in [
            "In what year was the capital sacked during the fighting and then abandoned?",
            "Who was the then prime minister of Britain in 1915?",
        ] {
            assert!(!bad_question(prompt, "1568", EntityKind::Year), "{prompt}");
        }
        // Round 50: an act added to one the card does not tell, and a date that
        // was the later event's of an "until".
        for prompt in [
            "When did the Dutch attack again?",
            "Who attacked again on 19 December 1948?",
            "What also sent a questionnaire to every parish?",
            "On what date was Henri Rivière too killed by the Black Flags?",
            "In what year did Shang Zhixin eventually join in too?",
            "In what year did Chin Peng hold out in southern Thailand until a final peace agreement?",
            "When did Russia issue an ultimatum?",
            "When did Richard Cobden move a motion?",
        ] {
            assert!(bad_question(prompt, "1989", EntityKind::Year), "{prompt}");
        }
        for prompt in [
            "In what year did Páez's supporters again demand separation?",
            "In what year was Blanck caught locking a door in his factory again?",
            "In what year did Nader crush Ashraf at Mihmandust and again at Murchakhar?",
            "In what year was Belisarius recalled with far too few men?",
            "Until what year did Chin Peng hold out in southern Thailand?",
            "When did Frere send Cetshwayo an ultimatum?",
        ] {
            assert!(!bad_question(prompt, "1829", EntityKind::Year), "{prompt}");
        }
        // Round 51: a hedged last aside, a question that lost its subject to
        // "along with", and a bare "follow".
        for prompt in [
            "When did Sadat expel most of the Soviet advisers in Egypt, partly in frustration?",
            "On what date did Hong die, perhaps of illness, perhaps of food?",
            "On what date did along with a larger but less document number of Egyptians?",
            "On what date did Capistrano follow?",
            "Who defeated the Portuguese at Maungwe in 1684 and, around 1693?",
            "Who arrived in Khartoum on 18 February 1884 and then, in effect?",
            "In what year did Britain annex their republic without their consent and then?",
            "Since what date did Ceaușescu lead the Romanian Communist Party?",
            "When did clashes with the Lebanese army lead?",
            "When did the new president elect?",
            "When did the Guard come?",
            "In what year did the Burmese simply stay?",
            "In what year did the Venetian traveller Cesare Federici pass?",
        ] {
            assert!(
                bad_question(prompt, "July 1972", EntityKind::Date),
                "{prompt}"
            );
        }
        for prompt in [
            "When did Sadat expel most of the Soviet advisers in Egypt?",
            "When did the truce with Bolivia that followed the war end?",
            "Since what year had Sultan Ibrahim Lodi ruled?",
            "When did the army lead the revolt?",
            "In 1064, what did William of Montreuil lead?",
            "Which army followed the Danube to Belgrade in 1456?",
            "When did the Guard come to Rome?",
            "When did the Burmese stay through the monsoon?",
            "On what date did the two sides fight at Shanhai Pass?",
            "In what year was the capital sacked during the fighting and then abandoned?",
        ] {
            assert!(
                !bad_question(prompt, "July 1972", EntityKind::Date),
                "{prompt}"
            );
        }
        assert!(points_back("When was one more freed?"));
        assert!(!points_back("When was the last prisoner freed?"));
        assert!(points_back("The _____ followed on 3 May 1660."));
        assert!(!points_back(
            "In the famine that followed, perhaps _____ people starved."
        ));
        // Prompts of one or two words are read without overflow: the property
        // test found "n - 2" taken before the length was checked. (A panic fails
        // this test in a debug build.)
        for prompt in ["Who?", "When did?", "?"] {
            bad_question(prompt, "1960", EntityKind::Year);
        }
        // Every verb of saying, in the past of a subject question.
        for said in [
            "announced",
            "declared",
            "proclaimed",
            "said",
            "claimed",
            "insisted",
            "revealed",
            "admitted",
            "argued",
        ] {
            let prompt = format!("Which historian {said} in Protest at Selma?");
            assert!(bad_question(&prompt, "1960", EntityKind::Year), "{prompt}");
        }
        for prompt in [
            "When was the slave trade banned?",
            "When did Kasavubu announce the dismissal of Lumumba?",
            "In what year did the Dutch declare independence from Spain?",
            "In what year did Hong proclaim the Heavenly Kingdom?",
            "When did Kasavubu announce on the radio that Lumumba was dismissed?",
        ] {
            assert!(!bad_question(prompt, "1960", EntityKind::Year), "{prompt}");
        }
        for prompt in [
            "When did Frere send Cetshwayo a letter?",
            "When did a group of generals stage a coup?",
            "When did Britain sign a treaty with Portugal?",
            "In what year did the pope proclaim a crusade?",
        ] {
            assert!(!bad_question(prompt, "1420", EntityKind::Year), "{prompt}");
        }
        assert!(!bad_question(
            "What did the Dutch have in Java?",
            "factories",
            EntityKind::Name
        ));
        assert!(!bad_question(
            "When did Luther tell the emperor that he would not recant?",
            "April 1521",
            EntityKind::Date
        ));
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
            "After that, _____ accepted Theodore Roosevelt's offer to mediate.",
            "By then the English had been driven out of everything except _____.",
            "On what date did Deodoro lead the coup?",
            "By morning the news was running down the line to Baltimore and _____.",
            "When was the phrase coined by William Gaud?",
            "Apollo _____ did so in July 1969.",
        ] {
            assert!(points_back(vague), "{vague}");
        }
        for clear in [
            "There were about _____ towns in the league at its height.",
            "In what year was the Treaty of Lyon signed?",
            "By 1648 the Dutch had won their independence from _____.",
            "The guilds believed that the bishop had broken the charter of _____.",
            "The news of Lincoln's death reached London on _____.",
            "In doing so _____ took agency away from the peasants.",
            "Why did the Pope do so little for the city?",
            "John asked the pope to annul the charter, and _____ did so in August 1215.",
            "When did James renew the alliance with Louis?",
            "The phrase Cud nad Wisłą was popularised by _____.",
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
        assert!(ends_in_bare_duration(
            "On what date was a follow-up convention held in Rochester just two weeks?"
        ));
        assert!(!ends_in_bare_duration("Which siege lasted only two weeks?"));
        assert!(!ends_in_bare_duration(
            "How long did the siege of Bari last almost three years?"
        ));
        // Round 38 and 40: an adverb after a noun or a comma lost its "later".
        assert!(ends_in_bare_duration(
            "When did the US declare war almost two years?"
        ));
        assert!(ends_in_bare_duration(
            "On what date did the Victoria limp into Sanlúcar with 18 survivors, almost three years?"
        ));
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
        // Round 20: a second verb that is not inverted, a movement without its "in".
        assert!(refused(
            "In what year did the English storm Caen and then marched north?",
            "1346",
            Year
        ));
        assert!(refused(
            "In what year was the obelisk finished and is still called the Monument?",
            "1842",
            Year
        ));
        assert!(refused(
            "When were Cassius and Brutus defeated and took their own lives?",
            "42 BC",
            Date
        ));
        assert!(refused(
            "When did thousands of militiamen pour?",
            "April 1775",
            Date
        ));
        assert!(!refused(
            "When were Cassius and Brutus defeated and killed?",
            "42 BC",
            Date
        ));
        assert!(!refused(
            "In what year did the English storm Caen?",
            "1346",
            Year
        ));
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
        // Round 40: the date of the battle, not of the wounding two days later.
        assert!(refused(
            "On what date was two days later Stewart mortally wounded?",
            "17 January 1885",
            Date
        ));
        assert!(!refused(
            "On what date was Stewart mortally wounded?",
            "19 January 1885",
            Date
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
            "How many did total grain output pass around 1970?",
            "100 million tonnes",
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
        // Round 35's garbled inversions: each was in a top ten.
        for garbled in [
            "On what date did called Ingogo and again wound?",
            "In what year did the son of the consul who die at Cannae?",
            "In what year did Britain annex their republic without their consent and then?",
            "How long did Marshal Auguste Marmont spend?",
            "When did Gladstone take office he decided to keep the Transvaal?",
            "In what year did John Hunyadi with great success at Belgrade?",
            // Round 36's.
            "How many according were Hannibal's losses to Polybius?",
            "In what year was Valentinian III assassinated the following March?",
        ] {
            assert!(refused(garbled, "1877", Year), "{garbled}");
        }
        for fine in [
            "On what date did Cromwell ride into Fairfax's camp?",
            "In what year did the consul who had died at Cannae take office?",
            "How long did Marmont spend trying to outmanoeuvre Wellington?",
            "In what year did the Romans elect Paullus consul again?",
            "When did the forces which held the pass retreat?",
            "How many men did Hannibal lose, according to Polybius?",
            "In what year did the Romans take Carthage after a siege of three years?",
            "In what year was the same treaty renewed at Utrecht?",
        ] {
            assert!(!refused(fine, "1877", Year), "{fine}");
        }
        for two_times in [
            "When did Albuquerque take Goa and later Hormuz?",
            "When did Dost Mohammad flee and eventually surrender?",
        ] {
            assert!(refused(two_times, "1510", Year), "{two_times}");
        }
        for fine in [
            "When did Shaka order an extreme period of mourning?",
            "When did Warsaw Pact troops crush the Prague Spring?",
            "When did the German rebels elect Rudolf of Rheinfelden as anti-king?",
            "When did the Taiping capture Nanjing?",
            "When did the leaders push through a decision for a general rising?",
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
        assert!(object_pronoun_left(&PromptWords::new(
            "In what year did Fust sue him for repayment?"
        )));
        assert!(!object_pronoun_left(&PromptWords::new(
            "In what year did Fust sue Gutenberg for repayment?"
        )));
        assert!(time_of_other_conjunct(&PromptWords::new(
            "In what year did Timur sack Aleppo and Damascus in 1400–01 and Baghdad?"
        )));
        assert!(time_of_other_conjunct(&PromptWords::new(
            "In what year did Roger take Trapani in 1077 and Taormina?"
        )));
        // Round 36: a year with its era.
        assert!(time_of_other_conjunct(&PromptWords::new(
            "In what year did the war drag on at Thapsus in 46 BC and Munda?"
        )));
        assert!(!time_of_other_conjunct(&PromptWords::new(
            "In what year did Caesar win at Thapsus in 46 BC?"
        )));
        assert!(!time_of_other_conjunct(&PromptWords::new(
            "Who took Trapani in 1077 and Taormina?"
        )));
        assert!(!time_of_other_conjunct(&PromptWords::new(
            "When did the Peace of Augsburg, signed in 1555, end the war?"
        )));
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
            "How many did the plague of 1630 kill in Milan?",
            "2 million",
            Number
        ));
        assert!(!refused(
            "How much did the crown pay for the fleet?",
            "30,000 ducats",
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

    /// A candidate of the form "clause" with only what the answer checks read.
    fn card(kind: CardKind, prompt: &str, answer: &str, answer_kind: EntityKind) -> Candidate {
        Candidate {
            sentence: 0,
            answer_span: (0, 1),
            kind,
            prompt: prompt.into(),
            answer: answer.into(),
            answer_kind,
            score: 0.5,
            form: "clause",
            resolved: false,
            keep: 0.0,
            rule_score: 0.0,
        }
    }

    #[test]
    fn cut_quotes_odd_openings_and_split_dates_are_refused() {
        let refused = |prompt: &str, answer: &str| {
            let p = PromptWords::new(prompt);
            quote_cut_off(&p)
                || opens_oddly(&p)
                || super::only_subordinate(&p)
                || shape::blank_splits_date(&p, answer)
                || leans::blank_splits_name(&p, answer)
        };
        // Round 20's rejected shapes.
        assert!(refused(
            "The Rajput commander _____ is supposed to have said.",
            "Man Singh"
        ));
        assert!(refused(
            "The October, the Scots were beaten and their king _____ captured.",
            "David II"
        ));
        assert!(refused(
            "Came Caesar's will, which named _____ as his heir.",
            "Gaius Octavius"
        ));
        assert!(refused(
            "Because Tannenberg was where the _____ had been defeated in 1410, and the victory was sold as revenge.",
            "Teutonic Knights"
        ));
        assert!(refused(
            "Including the Temple of Jupiter Stator, and the shrine of _____ with the household gods.",
            "Vesta"
        ));
        assert!(refused(
            "By 28 and _____ the centre was surrounded.",
            "29 August"
        ));
        assert!(refused(
            "The worst moments came on _____ and 27 October.",
            "26"
        ));
        assert!(refused(
            "Mehmed II failed against _____ d'Aubusson.",
            "Grand Master Pierre"
        ));
        // Their sound neighbours.
        assert!(!refused(
            "The Rajput commander _____ said that the emperor was wise.",
            "Man Singh"
        ));
        assert!(!refused(
            "That October the Scots were beaten and their king _____ captured.",
            "David II"
        ));
        assert!(!refused(
            "On 28 August _____ surrounded the centre.",
            "Ludendorff"
        ));
        assert!(!refused(
            "The worst moments came on 26 and 27 _____.",
            "October"
        ));
        assert!(!refused(
            "When _____ took office, he inherited a trained force.",
            "Kennedy"
        ));
    }

    #[test]
    fn round_22_shapes_are_refused() {
        use EntityKind::{Organization, Person, Year};
        let bad = |prompt: &str, kind: EntityKind| bad_question(prompt, "x", kind);
        assert!(bad(
            "In what year did Béla admit thousands of Cumans, nomads?",
            Year
        ));
        assert!(bad("Who hated Diocletian, says?", Person));
        assert!(!bad(
            "In what year did Béla admit thousands of Cumans?",
            Year
        ));
        assert!(bad(
            "Who did build the Khedivial Opera House in Cairo?",
            Person
        ));
        assert!(!bad("Who did the young count marry in 1120?", Person));
        assert!(!bad("Who did Mark Antony marry in 40 BC?", Person));
        assert!(bad(
            "When is the traditional answer news of the Khan's death?",
            Year
        ));
        assert!(bad(
            "In what year was a crown prince displaced and his nephew was put in line?",
            Year
        ));
        assert!(!bad(
            "In what year was the crown prince displaced by his nephew?",
            Year
        ));
        assert!(bad(
            "In the winter of 1831–32, which General openly debated ending slavery?",
            Organization
        ));
        assert!(!bad(
            "Which King appointed Thomas Becket archbishop?",
            Person
        ));
        assert!(blank_counts_from_elsewhere(
            "Ibn Khaldun was writing _____ centuries later."
        ));
        assert!(blank_counts_from_elsewhere(
            "Less than _____ years later Nineveh was a burned ruin."
        ));
        assert!(!blank_counts_from_elsewhere(
            "The siege lasted _____ years in all."
        ));
        // Round 49: the parts of a count in its own prompt.
        assert!(numbers_add_up_to_the_answer(
            "In September 1532 Pizarro marched inland with _____ men: 62 horsemen and 106 foot soldiers.",
            "168"
        ));
        assert!(numbers_add_up_to_the_answer(
            "The army had _____ men, 1,200 of them horse and 3,800 foot.",
            "5,000"
        ));
        assert!(!numbers_add_up_to_the_answer(
            "In September 1532 Pizarro marched inland with _____ men.",
            "168"
        ));
        assert!(!numbers_add_up_to_the_answer(
            "Of the _____ men, 62 were horsemen.",
            "168"
        ));
        assert!(!numbers_add_up_to_the_answer(
            "Roughly _____ of Baratieri's men were killed, including perhaps 4,000 Italians, and somewhere between 2,000 and 3,000 were captured.",
            "6,000"
        ));
        assert!(numbers_add_up_to_the_answer(
            "How many men did Pizarro lead inland, 62 horsemen and 106 foot soldiers?",
            "168"
        ));
        assert!(numbers_add_up_to_the_answer(
            "In September 1532 Pizarro marched inland with 168 men: _____ horsemen and 106 foot soldiers.",
            "62"
        ));
        assert!(!numbers_add_up_to_the_answer(
            "In 1532 Pizarro marched inland with 168 men: _____ horsemen and some foot soldiers.",
            "62"
        ));
        // Round 48, and the labelled clozes that count from an untold moment.
        for prompt in [
            "Pietro Badoglio entered the capital three days later, and on _____ Mussolini announced it.",
            "Catholics responded a month later by founding the National League for the _____.",
            "The Nahua testimonies gathered decades later by _____ describe sufferers lying in their houses.",
            "A few days later Kitchener steamed south with roughly _____ men.",
        ] {
            assert!(counted_from_an_untold_moment(prompt), "{prompt}");
        }
        for prompt in [
            "King's house was bombed on _____ and Nixon's two days later.",
            "Parliament met in 1641 and the king fled a few months later to _____.",
            "The siege lasted _____ years in all.",
            "A month of fighting followed at _____.",
        ] {
            assert!(!counted_from_an_untold_moment(prompt), "{prompt}");
        }
    }

    #[test]
    fn round_21_shapes_are_refused() {
        use CardKind::{Cloze, Question};
        use EntityKind::{Date, Person, Place, Term};
        // Answers: a "who" with no name, a date that ran into a name, a fraction.
        assert!(answer_is_odd(&card(
            Question,
            "Who became Henry II of France?",
            "the younger son",
            Term
        )));
        assert!(!answer_is_odd(&card(
            Question,
            "Who became Henry II of France?",
            "the younger son, Henri",
            Person
        )));
        assert!(answer_is_odd(&card(
            Cloze,
            "The Confederacy ignored the warning, and on _____ signed the final text.",
            "New Year's Day Lincoln",
            Place
        )));
        for kept in [
            "New Year's Day",
            "1 January 1863",
            "St Bartholomew's Day Massacre",
        ] {
            assert!(
                !answer_is_odd(&card(Cloze, "It began on _____.", kept, Date)),
                "{kept}"
            );
        }
        assert!(answer_is_odd(&card(
            Cloze,
            "The empire survived for another _____ century.",
            "half",
            Term
        )));
        // Prompts: a place named before ("there"), "Only then".
        assert!(points_back(
            "On what date did people there become legally free?"
        ));
        assert!(points_back(
            "On what date was Charles crowned there with Joan?"
        ));
        assert!(points_back(
            "Only then did slavery end in Kentucky and _____."
        ));
        assert!(!points_back(
            "_____ was imprisoned in the Castel Sant'Angelo and died there in 1775."
        ));
        assert!(!points_back(
            "_____ replied that without revenue there would be no defence at all."
        ));
        // Questions: a "whom" with no verb, a time as subject, "did … but kept".
        let bad = |prompt: &str| bad_question(prompt, "x", Term);
        assert!(bad("To whom were the forty-eight counties?"));
        assert!(!bad(
            "With whom were resentful subject towns ready to side?"
        ));
        assert!(bad(
            "On what date did the very night the Lords pass repeal?"
        ));
        assert!(bad(
            "By whom was the night of 24–25 April run from Pontinha?"
        ));
        assert!(bad(
            "In what year did Peel lower the scale but kept the principle?"
        ));
        // A moment placed only by the story around it.
        assert!(bad("In what year did the decisive blow come?"));
        assert!(bad("When did a truce with Bolivia follow?"));
        assert!(!bad("In what year did the Bolsheviks follow Lenin?"));
        assert!(!bad("In what year did Hernán Cortés arrive?"));
    }

    #[test]
    fn a_name_written_twice_is_no_card() {
        assert!(repeats_a_name(
            "By Jean-François Champollion's teens Jean-François Champollion was studying _____."
        ));
        assert!(!repeats_a_name(
            "Jean-François Champollion was studying _____ by his teens."
        ));
        // One word of a name twice is no repetition of the name.
        assert!(!repeats_a_name(
            "Henry VII met Henry Percy at _____ in 1489."
        ));
    }

    #[test]
    fn a_sentence_leading_into_a_list_is_no_card() {
        assert!(leads_into_a_list(
            "The minister, serving under _____, pushed through a package of support:"
        ));
        assert!(leads_into_a_list(
            "The decisive events came in early _____: "
        ));
        assert!(!leads_into_a_list(
            "The minister pushed through _____: price supports and seed."
        ));
    }

    #[test]
    fn a_distance_is_no_answer() {
        assert!(answer_is_a_distance("fifty kilometres"));
        assert!(answer_is_a_distance("25 to 30 km"));
        assert!(answer_is_a_distance("300 miles"));
        assert!(!answer_is_a_distance("300 ships"));
        assert!(!answer_is_a_distance("General Nelson Miles"));
        assert!(!answer_is_a_distance("Tiananmen Square"));
    }

    #[test]
    fn answers_without_a_thing_or_a_year_are_refused() {
        use CardKind::{Cloze, Question};
        use EntityKind::{Date, Name, Term};
        assert!(date_without_year(&card(
            Question,
            "On what date did the Russians attack at the Chernaya?",
            "16 August",
            Date
        )));
        assert!(!date_without_year(&card(
            Question,
            "On what date in 1855 did the Russians attack?",
            "16 August",
            Date
        )));
        assert!(!date_without_year(&card(
            Question,
            "On what date did the Russians attack?",
            "16 August 1855",
            Date
        )));
        assert!(!date_without_year(&card(
            Cloze,
            "The Russians attacked on _____.",
            "16 August",
            Date
        )));
        assert!(answer_is_odd(&card(
            Question,
            "In 1896, what did Picquart intercept?",
            "a telegram card",
            Term
        )));
        assert!(answer_is_odd(&card(
            Cloze,
            "That's perhaps _____ soldiers.",
            "15,000",
            Name
        )));
        assert!(!answer_is_odd(&card(
            Cloze,
            "Varus had perhaps _____ soldiers.",
            "15,000",
            Name
        )));
        assert!(answer_opens_oddly(": the allies missed"));
        assert!(!answer_opens_oddly("the allies missed"));
    }

    #[test]
    fn odd_answers_and_contractions_are_refused() {
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
        // Round 41: a name cut from its number, "about 800 _____ 109 fighters".
        let text = "The fleets included about 800 Messerschmitt Bf 109 fighters.";
        let (doc, c) = cloze_card(
            text,
            "The fleets included about 800 _____ 109 fighters.",
            "Messerschmitt Bf",
        );
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
    fn a_date_of_another_clause_is_no_date_of_the_question() {
        let asked = |text: &str, prompt: &str, answer: &str| {
            let (doc, mut c) = cloze_card(text, "", answer);
            c.kind = CardKind::Question;
            c.prompt = prompt.into();
            dated_by_another_clause(&doc, &c)
        };
        // Round 41, judged wrong twice each.
        let text = "After France fell in June 1940, Hitler hoped Britain would make peace.";
        assert!(asked(
            text,
            "When did Hitler hope Britain would make peace?",
            "June 1940"
        ));
        let text = "After his landslide re-election in November 1936, Roosevelt overreached.";
        assert!(asked(
            text,
            "When did Franklin Roosevelt overreach?",
            "November 1936"
        ));
        // Round 43, wrong four times: the year of what the scramble followed.
        let text = "In the scramble that followed China's defeat by Japan in 1895, Britain negotiated a convention.";
        assert!(asked(
            text,
            "In what year did Britain negotiate a convention?",
            "1895"
        ));
        // A question about the clause's own event, one that keeps its "since", and
        // "not until … that" (the main clause's date) stay.
        let text = "After Wu died in 87 BC, the argument came into the open.";
        assert!(!asked(text, "In what year did Wu die?", "87 BC"));
        let text = "The war had been simmering since early 1919, as both states grew.";
        assert!(!asked(
            text,
            "Since what year had the war been simmering?",
            "1919"
        ));
        let text = "It was not until Lepanto in 1571 that a Christian coalition beat an Ottoman fleet, and even then little changed.";
        assert!(!asked(
            text,
            "In what year did a Christian coalition beat an Ottoman fleet?",
            "1571"
        ));
    }

    #[test]
    fn a_peoples_adjective_cut_from_its_noun_is_no_name() {
        // Round 40's cut name, and a question built on the same cut.
        let text = "The draft asked that Palestine be reconstituted as the National Home of the Jewish people.";
        let (doc, c) = cloze_card(
            text,
            "The draft asked that Palestine be reconstituted as the _____ people.",
            "National Home of the Jewish",
        );
        assert!(modifier_taken_for_name(&doc, &c));
        let text = "Kangxi turned to Han Chinese officers such as Zhang Yong.";
        let (doc, c) = cloze_card(
            text,
            "Kangxi turned to _____ officers such as Zhang Yong.",
            "Han Chinese",
        );
        assert!(modifier_taken_for_name(&doc, &c));
        // A people as the subject, or a one-word adjective (the cloze guard's).
        let text = "Captured Maya were sold as labourers to Cuba.";
        let (doc, c) = cloze_card(
            text,
            "_____ were sold as labourers to Cuba.",
            "Captured Maya",
        );
        assert!(!modifier_taken_for_name(&doc, &c));
        let text = "The Swiss Confederates had the most feared infantry in Europe.";
        let (doc, c) = cloze_card(
            text,
            "The _____ had the most feared infantry in Europe.",
            "Swiss Confederates",
        );
        assert!(!modifier_taken_for_name(&doc, &c));
    }

    #[test]
    fn a_word_of_a_designation_is_no_answer() {
        let text =
            "The test was scheduled ahead of a planned shutdown of Reactor No. 4 for maintenance.";
        let (doc, c) = cloze_card(
            text,
            "The test was scheduled ahead of a planned shutdown of _____ No. 4 for maintenance.",
            "Reactor",
        );
        assert!(bad_cloze(&doc, &c));
    }

    #[test]
    fn cut_and_glued_clozes_are_refused() {
        // Round 50: a unit's ordinal cut from its name, and the other of two
        // alternatives; a day of the month and a list's last item stay.
        for (prompt, answer, bad) in [
            (
                "The troops were from Charlie Company, part of the 11th _____.",
                "Infantry Brigade",
                true,
            ),
            ("The 4th _____ broke through.", "Armored Division", true),
            ("They could return in two or _____ days.", "three", true),
            (
                "Sequoyah, known as George Gist or _____, made a syllabary.",
                "Guess",
                true,
            ),
            ("On the 26th _____ sent a letter.", "Khrushchev", false),
            (
                "Kennedy assembled the Executive Committee, or _____.",
                "ExComm",
                false,
            ),
            (
                "The alliance never conquered Tlaxcala, Huexotzinco or _____.",
                "Cholula",
                false,
            ),
        ] {
            let text = prompt.replace("_____", answer);
            let (doc, c) = cloze_card(&text, prompt, answer);
            assert_eq!(bad_cloze(&doc, &c), bad, "{prompt}");
        }
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
        let text = "Vom Rath died of his wounds on 9 November.";
        let (doc, c) = cloze_card(text, "Vom _____ died of his wounds on 9 November.", "Rath");
        assert!(bad_cloze(&doc, &c));
        let text = "The fleet of Vasco da Gama reached Calicut in 1498.";
        let (doc, c) = cloze_card(
            text,
            "The fleet of Vasco da _____ reached Calicut in 1498.",
            "Gama",
        );
        assert!(bad_cloze(&doc, &c));
    }
}
