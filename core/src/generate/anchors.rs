//! Relative times anchored to the year they count from: "signed a treaty the
//! following year" after "In 1853, …" is shown as "in 1854", so a card taken out of
//! its paragraph still says when.

use super::entities::{Entity, EntityKind, MONTHS};
use super::text::Sentence;
use super::tokens::{TokKind, Token};

/// A token range of a sentence and the words shown in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The anchors of every sentence: "the following year", "the next year", "that year",
/// "the same year", "a year later", "three years later", counted from the last year
/// named before them in the sentence or in the sentence before; and a day with no
/// year ("on 30 May") given the year of a date just before it ("On 27 May 1967 …"),
/// so its card says which year (judges: "no year", "exact day, year not asked").
pub fn find(sents: &[Sentence]) -> Vec<Vec<Anchor>> {
    let mut out = Vec::with_capacity(sents.len());
    let mut last_year: Option<i64> = None;
    // Where the year in force was named: its sentence and the month it came with.
    let mut named: Option<YearSource> = None;
    for (index, s) in sents.iter().enumerate() {
        let mut found = Vec::new();
        // The year in force at each token: the last one named before it.
        let mut year = last_year;
        // Whether a time was named before this token in the sentence.
        let mut timed = false;
        let mut k = 0;
        // Entities are in token order: one cursor walks them with `k` (a lookup per
        // token would make a long sentence quadratic).
        let mut by_start: Vec<&Entity> = s.entities.iter().collect();
        by_start.sort_by_key(|e| e.start);
        let mut next_entity = 0;
        while k < s.tokens.len() {
            while by_start.get(next_entity).is_some_and(|e| e.start < k) {
                next_entity += 1;
            }
            if let Some(e) = by_start.get(next_entity).filter(|e| e.start == k) {
                if let Some(y) = year_of(s, e.start, e.end, e.kind) {
                    // "… several fought again, some at Surigao Strait in October
                    // 1944" in a text about 1941: a leap of years late in a sentence
                    // that says it looks ahead ("again", "later") is an aside, not
                    // the story's new year (round 41 dated Hitler's declaration of
                    // war "11 December 1944").
                    let leaps_ahead = year.is_some_and(|before| y >= before + 2)
                        && e.start > 3
                        && s.tokens.iter().any(|t| {
                            matches!(
                                t.lower.as_str(),
                                "again" | "later" | "eventually" | "afterwards" | "subsequently"
                            )
                        });
                    year = Some(y);
                    // Only a date with its month ("27 May 1967", "May 1967") that
                    // opens its sentence's times sets the year of the days after
                    // it: a bare year is as often background ("Hus had burned in
                    // 1415") as the story's time, and so is a later date ("On 22
                    // September he declared slaves free from 1 January 1863").
                    // "… a familiar way of protesting: in April 1976 crowds had used
                    // …": a date told in the pluperfect is a look back, not the
                    // story's year (round 38 dated Hu's funeral "22 April 1976").
                    let looks_back = s.tokens[e.end..].iter().take(4).any(|t| t.lower == "had");
                    named = month_of(s, e.start, e.end)
                        .filter(|_| !timed && !looks_back && !leaps_ahead)
                        .map(|month| YearSource {
                            year: y,
                            sentence: index,
                            month,
                        });
                } else if let Some(text) = completed_day(s, e, named, index) {
                    found.push(Anchor {
                        start: e.start,
                        end: e.end,
                        text,
                    });
                    timed = true;
                    k = e.end;
                    continue;
                }
                timed |= e.kind.is_time();
            }
            if let (Some(y), Some((len, offset))) = (year, relative_time(&s.tokens, k)) {
                // "in that year" keeps one "in"; after another preposition ("during the
                // following year") the words stay as they are.
                let prev = k.checked_sub(1).map(|p| s.tokens[p].lower.as_str());
                let start = if prev == Some("in") { k - 1 } else { k };
                let other_preposition = matches!(
                    prev,
                    Some(
                        "during"
                            | "by"
                            | "until"
                            | "before"
                            | "after"
                            | "of"
                            | "for"
                            | "from"
                            | "since"
                    )
                );
                // "less than a year later", "about three years later": not a year to
                // name.
                let hedged = matches!(
                    prev,
                    Some(
                        "than"
                            | "about"
                            | "around"
                            | "nearly"
                            | "almost"
                            | "roughly"
                            | "some"
                            | "perhaps"
                            | "barely"
                            | "just"
                            | "only"
                            | "over"
                            | "under"
                    )
                );
                // "in February that year" → "in February 1782", not "in February in 1782";
                // "On 30 November that year", whose day was completed as "30 November
                // 1853": the words go.
                let after_month = prev.is_some_and(|p| MONTHS.contains(&p));
                let after_completed_day = found.last().is_some_and(|a| a.end == k);
                // "The following year, in July 1808, …": the date after the comma
                // says it already ("In 1808, in July 1808" was judged garbled), so
                // the words and their comma go.
                let dated_after = s.tokens.get(k + len).is_some_and(|t| t.is_punct(","))
                    && s.entities.iter().any(|e| {
                        matches!(e.kind, EntityKind::Date | EntityKind::Year)
                            && (k + len + 2..=k + len + 3).contains(&e.start)
                            && year_of(s, e.start, e.end, e.kind) == Some(y + offset)
                    });
                // "… and six years later to the surprise attack of October 1973",
                // counted from 1969: a year the sentence names just after says the
                // count is from elsewhere (round 43 wrote "in 1975").
                let contradicted = s.entities.iter().any(|e| {
                    matches!(e.kind, EntityKind::Date | EntityKind::Year)
                        && (k + len..k + len + 8).contains(&e.start)
                        && year_of(s, e.start, e.end, e.kind).is_some_and(|x| x != y + offset)
                });
                if contradicted {
                    k += len;
                    continue;
                }
                if dated_after && !other_preposition && !hedged {
                    found.push(Anchor {
                        start,
                        end: k + len + 1,
                        text: String::new(),
                    });
                } else if !other_preposition && !hedged {
                    found.push(Anchor {
                        start,
                        end: k + len,
                        text: if after_completed_day {
                            String::new()
                        } else if after_month {
                            (y + offset).to_string()
                        } else {
                            format!("in {}", y + offset)
                        },
                    });
                }
                k += len;
                continue;
            }
            k += 1;
        }
        if !s.boilerplate {
            // The next sentence counts from the last time this one names, if that is a
            // single year ("1894 to 1895" gives none). A sentence naming no time passes
            // its year on, unless it was itself counted ("the following year"): counts
            // are not chained.
            let last_time = s
                .entities
                .iter()
                .rev()
                .find(|e| matches!(e.kind, EntityKind::Year | EntityKind::Date));
            last_year = match last_time {
                // A completed day ("30 May" = 30 May 1967) keeps its year in force.
                Some(e) if found.iter().any(|a| a.start == e.start && a.end == e.end) => year,
                Some(e) => year_of(s, e.start, e.end, e.kind),
                None if found.is_empty() => year,
                None => None,
            };
            if last_year.is_none() {
                named = None;
            }
        } else if s
            .entities
            .iter()
            .any(|e| matches!(e.kind, EntityKind::Year | EntityKind::Date))
        {
            // "A final note, which I find rather neat: … was captured in 1800. The
            // Guillaume Tell was taken the same year": a sentence that gives no card
            // still moves the story's year on, so the year before it is not counted from.
            last_year = None;
            named = None;
        }
        out.push(found);
    }
    out
}

/// How many sentences back a dated month still gives a day its year: a story told
/// day by day names its year once ("In January 1692 … on 29 February … on 1 March").
const MAX_SENTENCES_BACK: usize = 6;

/// A year named in the text: which sentence named it, and the month it came with.
#[derive(Clone, Copy)]
struct YearSource {
    year: i64,
    sentence: usize,
    month: usize,
}

/// The month (0 = January) a date's words name.
fn month_of(s: &Sentence, a: usize, b: usize) -> Option<usize> {
    s.tokens[a..b]
        .iter()
        .find_map(|t| MONTHS.iter().position(|m| *m == t.lower))
}

/// "30 May" or "May 30" shown with the year of a date named in this sentence or the
/// [`MAX_SENTENCES_BACK`] before it ("30 May 1967"), with no other year between.
/// Not when that date's month comes later in the year ("in December 1969 … on 5
/// January": which year?), nor for a day-less month.
fn completed_day(
    s: &Sentence,
    e: &Entity,
    named: Option<YearSource>,
    index: usize,
) -> Option<String> {
    let source = named?;
    if e.kind != EntityKind::Date || index - source.sentence > MAX_SENTENCES_BACK {
        return None;
    }
    let toks = &s.tokens[e.start..e.end];
    let month = month_of(s, e.start, e.end)?;
    let days = toks.iter().filter(|t| t.kind == TokKind::Number).count();
    if toks.len() != 2 || days != 1 || source.month > month {
        return None;
    }
    // "The next spring, on 3 April …", "a year later, on 3 April": the year moved on.
    if s.tokens[..e.start].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "next"
                | "following"
                | "year"
                | "years"
                | "months"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
                | "season"
        )
    }) || s.tokens.iter().any(|t| {
        // "23 April is celebrated today": a day of every year.
        matches!(
            t.lower.as_str(),
            "today"
                | "now"
                | "anniversary"
                | "celebrated"
                | "commemorated"
                | "annually"
                | "every"
                | "holiday"
        )
    }) {
        return None;
    }
    // "The Third Republic made 14 July the national holiday": a day as the object
    // of a verb names the day, not a day of the story (round 39 wrote "made 14 July
    // 1790 the national holiday").
    let lex = super::lexicon::lexicon();
    if e.start > 0 {
        let prev = &s.tokens[e.start - 1].lower;
        if lex.past_lemma(prev).is_some() || lex.present_lemma(prev).is_some() {
            return None;
        }
    }
    let text = s.span_text(e.start, e.end);
    // "May 30" is written "May 30, 1967"; "30 May" as "30 May 1967".
    let comma = if toks[1].kind == TokKind::Number {
        ","
    } else {
        ""
    };
    Some(format!("{text}{comma} {}", source.year))
}

fn year_of(s: &Sentence, a: usize, b: usize, kind: EntityKind) -> Option<i64> {
    if !matches!(kind, EntityKind::Year | EntityKind::Date) {
        return None;
    }
    let text = s.span_text(a, b);
    // A range or an era ("1894 and 1895", "44 BC") gives no single year to count from.
    let years: Vec<i64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .collect();
    (years.len() == 1 && !text.contains("BC")).then(|| years[0])
}

/// A relative time starting at token `k`: its length in tokens and the years it adds.
pub fn relative_time(toks: &[Token], k: usize) -> Option<(usize, i64)> {
    let w = |i: usize| toks.get(k + i).map_or("", |t| t.lower.as_str());
    match (w(0), w(1), w(2)) {
        ("the", "following" | "next", "year") => Some((3, 1)),
        ("the", "same", "year") | ("that", "year", _) => {
            Some((if w(0) == "that" { 2 } else { 3 }, 0))
        }
        ("a" | "one", "year", "later") => Some((3, 1)),
        (n, "years", "later") => count(n).map(|n| (3, n)),
        _ => None,
    }
}

fn count(word: &str) -> Option<i64> {
    super::lexicon::cardinal_value(word)
        .filter(|n| *n >= 2)
        .or_else(|| word.parse().ok().filter(|n| (2..=100).contains(n)))
}

#[cfg(test)]
mod tests {
    use super::super::text::Document;

    fn anchors(text: &str) -> Vec<String> {
        let doc = Document::analyse(text);
        doc.sentences
            .iter()
            .flat_map(|s| {
                s.anchors
                    .iter()
                    .map(|a| format!("{} = {}", s.span_text(a.start, a.end), a.text))
            })
            .collect()
    }

    #[test]
    fn a_relative_year_before_its_own_date_goes() {
        // "In 1808, in July 1808, …" was judged garbled.
        assert_eq!(
            anchors("Selim was deposed in 1807. The following year, in July 1808, Alemdar marched on Istanbul."),
            vec!["The following year, = "]
        );
        // A date of another year after it: the count is from something else, and
        // its words stay as written.
        assert!(anchors(
            "Selim was deposed in 1807. The following year, in July 1810, Alemdar marched."
        )
        .is_empty());
    }

    #[test]
    fn a_day_as_the_object_of_a_verb_gets_no_year() {
        assert_eq!(
            anchors(
                "The Fête de la Fédération was held in July 1790. \
                 Later the assembly chose 14 July for its festival."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            anchors("The crowd gathered in July 1789. On 14 July they stormed the fortress."),
            vec!["14 July = 14 July 1789"]
        );
    }

    #[test]
    fn relative_years_count_from_the_last_year_named() {
        assert_eq!(
            anchors("In 1853 the fleet arrived at Edo. The shogunate signed a treaty the following year."),
            vec!["the following year = in 1854"]
        );
        assert_eq!(
            anchors(
                "An army was created in 1873, and the samurai lost their swords three years later."
            ),
            vec!["three years later = in 1876"]
        );
        assert_eq!(
            anchors("The city fell in 1453. In that year the emperor died."),
            vec!["In that year = in 1453"]
        );
        assert_eq!(
            anchors("By 1782 Crillon, fresh from taking Minorca in February that year, came."),
            vec!["that year = 1782"]
        );
    }

    #[test]
    fn a_hedged_relative_year_is_not_named() {
        assert!(anchors(
            "Hus was burned in 1415. His colleague Jerome was burned less than a year later, on 30 May."
        )
        .iter()
        .all(|a| !a.contains("a year later")));
        assert!(
            anchors("The war began in 1701. About three years later the armies met.").is_empty()
        );
    }

    #[test]
    fn a_day_without_a_year_takes_the_year_of_the_date_before_it() {
        assert_eq!(
            anchors(
                "On 27 May 1967 Gowon divided the country. Three days later, on 30 May, \
                 Ojukwu proclaimed Biafra."
            ),
            vec!["30 May = 30 May 1967"]
        );
        assert_eq!(
            anchors("The diet met in January 1521. Luther arrived on April 16 and spoke."),
            vec!["April 16 = April 16, 1521"]
        );
        // A sentence that gives no card but names a year: the year before it is stale.
        assert!(anchors(
            "The garrison surrendered in September 1801. A final note, which I find rather \
             neat: the Généreux was herself captured in 1800. The Guillaume Tell was taken \
             the same year."
        )
        .iter()
        .all(|a| !a.ends_with("1801")));
        // "that year" after the completed day says its year twice: the words go.
        assert_eq!(
            anchors(
                "Russian troops crossed the river in July 1853. On 30 November that year a \
                 squadron destroyed a flotilla at Sinope."
            ),
            vec!["30 November = 30 November 1853", "that year = "]
        );
        // A later month before it, a year that moved on, or a year named three
        // sentences back: which year is not certain.
        for text in [
            "Biafra was split in December 1969. On 5 January the army advanced.",
            "The fleet came in 1853. The next spring, on 3 April, a treaty was signed.",
            "He was born in May 1483. He studied law. He became a monk. He prayed. He fasted. \
             He wrote. He read. On 17 June he spoke.",
            "He was born in May 1483. He studied law in 1501. On 17 June he spoke.",
            "On 22 September he freed the slaves from 1 January 1863. On 7 October he spoke.",
            "Hus had burned at Constance in 1415. He reached Worms on 16 April.",
            "In May 1521 the diet closed. 23 June is still celebrated in Worms.",
        ] {
            assert!(anchors(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_count_the_sentence_contradicts_is_not_named() {
        let text = "The Israelis won in 1967. The fighting went on until 1969. Egypt's defeat led to the War of Attrition, and six years later to the surprise attack of October 1973.";
        assert!(anchors(text).is_empty(), "{:?}", anchors(text));
        let text = "The war began in 1967. Six years later, in 1973, Egypt attacked.";
        assert!(!anchors(text).iter().any(|a| a.contains("1975")));
    }

    #[test]
    fn a_leap_ahead_late_in_a_sentence_gives_no_day_its_year() {
        let text = "Japan attacked on 7 December 1941. Several of the ships fought again, some at Surigao Strait in October 1944. On 11 December Hitler declared war on the United States.";
        assert!(
            !anchors(text).iter().any(|a| a.contains("1944")),
            "{:?}",
            anchors(text)
        );
        // Opening its sentence, the new year is the story's.
        let text = "Japan attacked in 1941. In October 1944 the fleet sailed for Leyte. On 25 October it met the Japanese.";
        assert_eq!(anchors(text), vec!["25 October = 25 October 1944"]);
    }

    #[test]
    fn a_month_told_in_the_pluperfect_gives_no_day_its_year() {
        let a = anchors(
            "Mourning was a familiar way of protesting: in April 1976 crowds had used it. \
             On 22 April, the day of the funeral, students gathered.",
        );
        assert!(a.iter().all(|x| !x.contains("1976")), "{a:?}");
        let a =
            anchors("In April 1976 crowds gathered in the square. On 5 April the police moved in.");
        assert!(
            a.iter().any(|x| x.contains("5 April = 5 April 1976")),
            "{a:?}"
        );
    }

    #[test]
    fn no_year_to_count_from_leaves_the_words() {
        assert!(anchors("The shogunate signed a treaty the following year.").is_empty());
        // A range gives no single year to count from, not even an earlier one.
        assert!(anchors(
            "The town was founded in 1850, and the war lasted from 1894 to 1895. The \
             following year the army was reformed."
        )
        .is_empty());
        // Counts are not chained.
        assert_eq!(
            anchors("The fort fell in 1453. The next year a treaty was signed. Two years later the war resumed."),
            vec!["The next year = in 1454"]
        );
        // A range gives no single year to count from.
        assert!(anchors(
            "The war lasted from 1894 to 1895. The following year the army was reformed."
        )
        .is_empty());
        assert!(
            anchors("The army grew in 1873. During the following year it marched north.")
                .is_empty()
        );
    }
}
