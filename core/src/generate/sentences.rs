//! Sentence splitting, and the sentences that should give no card.

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "st", "mt", "gen", "col", "lt", "capt", "sgt", "rev", "fr", "jr",
    "sr", "prof", "gov", "pres", "sen", "rep", "c", "ca", "cf", "vs", "v", "no", "vol", "pp",
    "fig", "approx", "est", "b", "d", "r", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "inc", "ltd",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Line breaks always end a sentence (paragraphs, list items, headings).
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[from..to];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut start = 0usize; // byte offset in s
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Take closing quotes and brackets and repeated marks with the sentence.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')')
            {
                j += 1;
            }
            let at_end = j >= chars.len() || chars[j..].iter().all(|&(_, c)| c.is_whitespace());
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            if at_end || (followed_by_space && ends_here(s, &chars, b, c, j)) {
                let end = if j < chars.len() { chars[j].0 } else { s.len() };
                push(from, s, start, end, out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(from, s, start, s.len(), out);
}

fn push(base: usize, s: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((base + a + lead, base + b - trail));
    }
}

/// Whether the mark `c` at byte `b` of `s` (the next non-closing char index being `j`)
/// ends a sentence.
fn ends_here(s: &str, chars: &[(usize, char)], b: usize, c: char, j: usize) -> bool {
    // What comes next: the first non-space character.
    let next = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    let next_word: String = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let Some(next) = next else { return true };
    if next.is_lowercase() {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word before the dot.
    let before: String = s[..b]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>();
    let before: String = before.chars().rev().collect::<String>().to_lowercase();
    let before = before.trim_start_matches('.');
    if before.is_empty() {
        return true;
    }
    // An initial ("J. F. Kennedy") or an abbreviation with inner dots ("U.S.") before a name.
    // "Israel's." is a possessive, not an initial.
    let possessive = s[..b]
        .chars()
        .rev()
        .nth(1)
        .is_some_and(|c| c == '\'' || c == '’');
    let single_letter =
        before.chars().count() == 1 && before.chars().all(|c| c.is_alphabetic()) && !possessive;
    let dotted = before.contains('.');
    if single_letter || dotted {
        // "the U.S. The next…" ends a sentence; "U.S. President" or "J. Smith" do not.
        return dotted && is_sentence_opener(&next_word);
    }
    if ABBREVIATIONS.contains(&before) {
        return false;
    }
    // "landed at Killala, Co. Mayo": an Irish county; "… and Co. The firm …" ends.
    if before == "co" {
        return is_sentence_opener(&next_word);
    }
    true
}

fn is_sentence_opener(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "It"
            | "He"
            | "She"
            | "They"
            | "This"
            | "These"
            | "After"
            | "By"
            | "During"
            | "However"
            | "When"
            | "As"
            | "But"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
    )
}

/// The length in bytes of a lead-in that only announces the sentence after its
/// colon: "The skeleton that nobody disputes is this: on 23 February 1836 …", "What
/// happened next was this: …". The sentence is what follows; with the lead-in the
/// clause's subject is "the skeleton" and no question can be asked.
pub fn announcing_lead_in(sentence: &str) -> Option<usize> {
    // "The one-sentence answer is that Richelieu besieged …", "The short version
    // is that …": the answer is the clause after "that".
    let lower = sentence.to_lowercase();
    for marker in ["answer is that ", "version is that "] {
        if let Some(at) = lower.find(marker) {
            let lead = &sentence[..at + marker.len()];
            let opens = lower.starts_with("the ") || lower.starts_with("my ");
            let short = lead.split_whitespace().count() <= 6;
            let rest = sentence[lead.len()..].split_whitespace().count();
            if opens && short && rest >= 5 {
                return Some(lead.len());
            }
        }
    }
    let (lead, rest) = sentence.split_once(": ")?;
    let lower = lead.to_lowercase();
    let announces = ["is this", "was this", "is simply this", "was simply this"]
        .iter()
        .any(|end| lower.ends_with(end));
    // ("If you want one sentence to take away, it is this: …" has its comma.)
    let short = lead.split_whitespace().count() <= 12 && !lead.contains([';', '"', '“']);
    (announces && short && rest.split_whitespace().count() >= 5).then_some(lead.len() + 2)
}

/// Greetings, sign-offs, first- and second-person chat, and summaries of opinion:
/// sentences that carry no fact worth a card.
pub fn is_boilerplate(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 4 {
        return true;
    }
    const OPENERS: &[&str] = &[
        "hey",
        "hi",
        "hello",
        "dear",
        "thanks",
        "thank",
        "cheers",
        "regards",
        "greetings",
        "ok",
        "okay",
        "yes",
        "no",
        "well",
        "sure",
        "hope",
        "good",
        "great",
        "lol",
    ];
    if OPENERS.contains(&words[0]) {
        return true;
    }
    const SUMMARY: &[&str] = &[
        "in short",
        "in summary",
        "in conclusion",
        "to sum up",
        "to summarize",
        "to summarise",
        "all in all",
        "overall",
        "in a nutshell",
        "in the end",
        "to conclude",
        "long story short",
        "tl;dr",
        "tldr",
    ];
    if SUMMARY.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    const CHAT: &[&str] = &[
        "hope this helps",
        "hope that helps",
        "let me know",
        "feel free",
        "good luck",
        "great question",
        "good question",
        "thanks for",
        "thank you",
        "leave a comment",
        "click here",
        "subscribe",
        "in my opinion",
        "i think",
        "i believe",
        "sign up",
        "log in",
        "read more",
        "all rights reserved",
        "cookie",
    ];
    if CHAT.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // First and second person: the writer talking, not history.
    if words.iter().any(|w| {
        matches!(
            *w,
            "i'm" | "i've" | "me" | "my" | "you" | "your" | "you're" | "we're"
        )
    }) || says_i(sentence)
    {
        return true;
    }
    false
}

/// Whether the sentence has "I", the writer, and not a regnal numeral ("Charles I",
/// "Francis I", "World War I": a capitalised name before it). Before, every
/// sentence naming Charles I was dropped as chat.
fn says_i(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let lex = super::lexicon::lexicon();
    words.iter().enumerate().any(|(k, w)| {
        if *w != "I" {
            return false;
        }
        let Some(prev) = k.checked_sub(1).map(|j| words[j]) else {
            return true;
        };
        // "Here I", "If I", "Personally I": the first word of the sentence is a
        // capital too, but no name.
        let lower = prev.to_lowercase();
        let opener = lex.is_function(&lower)
            || lower.ends_with("ly")
            || matches!(
                lower.as_str(),
                "here" | "now" | "then" | "so" | "there" | "today" | "still" | "yet" | "again"
            );
        let name_before = prev.starts_with(char::is_uppercase) && (k > 1 || !opener);
        !name_before
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let t = "Dr. Sun Yat-sen founded it c. 1905 in Tokyo. The U.S. Senate met. J. F. Kennedy spoke in 1961! Was it so? Yes.";
        assert_eq!(
            sents(t),
            vec![
                "Dr. Sun Yat-sen founded it c. 1905 in Tokyo.",
                "The U.S. Senate met.",
                "J. F. Kennedy spoke in 1961!",
                "Was it so?",
                "Yes."
            ]
        );
    }

    #[test]
    fn a_dotted_abbreviation_can_end_a_sentence() {
        assert_eq!(
            sents("Aid came from the U.S. The war went on."),
            vec!["Aid came from the U.S.", "The war went on."]
        );
    }

    #[test]
    fn an_irish_county_does_not_end_a_sentence() {
        assert_eq!(
            sents("Humbert landed at Killala, Co. Mayo, in August. He was paid by Smith and Co. The firm failed."),
            vec![
                "Humbert landed at Killala, Co. Mayo, in August.",
                "He was paid by Smith and Co.",
                "The firm failed."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sents("A heading\n\nThe text goes on.\n"),
            vec!["A heading", "The text goes on."]
        );
    }

    #[test]
    fn a_lead_in_that_announces_the_sentence_is_left_out() {
        let s =
            "The skeleton that nobody disputes is this: on 23 February 1836 the army marched in.";
        let at = announcing_lead_in(s).unwrap();
        assert_eq!(&s[at..], "on 23 February 1836 the army marched in.");
        // A colon after a clause that says something keeps its sentence whole.
        assert_eq!(
            announcing_lead_in("The treaty had two parts: a truce and a border along the river."),
            None
        );
        assert_eq!(announcing_lead_in("The reason is this: money."), None);
        let s = "If you want one sentence to take away, it is this: at Cannae, Hannibal had the better cavalry.";
        assert_eq!(
            &s[announcing_lead_in(s).unwrap()..],
            "at Cannae, Hannibal had the better cavalry."
        );
        let s = "The one-sentence answer is that Richelieu besieged La Rochelle because it had allied itself with England.";
        assert_eq!(
            &s[announcing_lead_in(s).unwrap()..],
            "Richelieu besieged La Rochelle because it had allied itself with England."
        );
        // An answer that is a fact of the story stays.
        assert_eq!(
            announcing_lead_in(
                "The sultan's answer was that the city would never surrender to anyone."
            ),
            None
        );
    }

    #[test]
    fn boilerplate_is_recognised() {
        assert!(is_boilerplate("Hey friend,"));
        assert!(is_boilerplate(
            "Hope this helps, and good luck with the exam!"
        ));
        assert!(is_boilerplate(
            "In short, the relationship was complex and shaped the war."
        ));
        assert!(is_boilerplate("I think the split was inevitable."));
        for chat in [
            "Here I have to disagree with the other answer.",
            "If I had to boil it down, money mattered most.",
            "Personally I doubt the figure of 300,000.",
            "In 1990 I walked the battlefield with a guide.",
        ] {
            assert!(is_boilerplate(chat), "{chat}");
        }
        // A regnal numeral is no writer: the sentence is history.
        for history in [
            "Naseby, fought in 1645, is often called the battle that lost Charles I his throne.",
            "Charles I was executed outside the Banqueting House in January 1649.",
            "The war ended with the Treaty of Versailles after World War I had cost millions.",
            "Selim I conquered the Mamluk sultanate in 1517.",
        ] {
            assert!(!is_boilerplate(history), "{history}");
        }
        assert!(!is_boilerplate(
            "The Soviet Union withdrew its advisers from China in 1960."
        ));
    }
}
