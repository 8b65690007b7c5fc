//! General rules for page noise, shared by the HTML and saved-text readers.
//!
//! None of these is a string copied from one site: they look at the shape of a
//! line (how short, how many words, whether it ends a sentence, whether it is
//! a number and a counted noun, a file-name-like token) and at small
//! vocabularies of words any site uses (greetings, sign-offs, "comment",
//! "share", "menu"…).

use crate::library::{Block, BlockKind};

/// Lower-case words of a line, letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' '])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Words that, with a number, count something a page shows about itself.
const COUNTED: &[&str] = &[
    "comment",
    "comments",
    "answer",
    "answers",
    "reply",
    "replies",
    "response",
    "responses",
    "view",
    "views",
    "like",
    "likes",
    "vote",
    "votes",
    "upvote",
    "upvotes",
    "upvoted",
    "shared",
    "viewed",
    "times",
    "share",
    "shares",
    "follower",
    "followers",
    "point",
    "points",
    "reaction",
    "reactions",
    "review",
    "reviews",
    "min",
    "mins",
    "minute",
    "minutes",
    "read",
    "reads",
    "people",
    "found",
    "helpful",
    "this",
    "ago",
    "hour",
    "hours",
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "week",
    "weeks",
    "second",
    "seconds",
];

/// "12 Comments", "3 answers", "Comments (4)", "1.2k views", "5 min read",
/// "2 years ago": a number and counted words, nothing else.
pub fn is_count(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > 40 {
        return false;
    }
    let tokens: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '·' | '•' | '|' | ',')
        })
        .filter(|t| !t.is_empty())
        .collect();
    let is_number = |t: &str| {
        let t = t.trim_end_matches(['k', 'K', 'm', 'M', '+']);
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let numbers = tokens.iter().filter(|t| is_number(t)).count();
    let others: Vec<String> = tokens
        .iter()
        .filter(|t| !is_number(t))
        .map(|t| t.to_lowercase())
        .collect();
    numbers >= 1
        && !others.is_empty()
        && others.len() <= 4
        && others
            .iter()
            .all(|w| COUNTED.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Words that name pictures in file-name-like tokens ("author-img", "user_avatar").
const PICTURE: &[&str] = &[
    "img",
    "image",
    "avatar",
    "photo",
    "pic",
    "picture",
    "icon",
    "logo",
    "thumb",
    "thumbnail",
    "gravatar",
    "profile",
];

/// An image's alt text or file name left in place of the picture:
/// one token, joined by "-" or "_", naming a picture ("author-img").
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.contains(char::is_whitespace) || text.chars().count() > 40 {
        return false;
    }
    let lower = text.to_lowercase();
    let parts: Vec<&str> = lower
        .split(['-', '_', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let picture = parts
        .iter()
        .any(|p| PICTURE.contains(p) || p.ends_with("img") || p.ends_with("avatar"));
    let file = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e));
    picture || file
}

/// A lone word that is not a sentence ("loader", "Menu", "Share"): a label of
/// the page, not text.
pub fn is_label(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.contains(char::is_whitespace)
        && !ends_sentence(text)
        && text.chars().count() <= 30
}

/// Opening words of a greeting.
const GREETING: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "hiya",
    "howdy",
    "greetings",
    "dear",
    "yo",
    "salut",
    "hallo",
    "ciao",
];
const GREETING_PHRASES: &[&str] = &[
    "good morning",
    "good afternoon",
    "good evening",
    "good day",
    "great question",
    "good question",
    "interesting question",
];

/// "Hi there!", "Hey friend,", "Hello everyone.": a short line that opens with
/// a greeting word.
pub fn is_greeting(text: &str) -> bool {
    let w = words(text);
    if w.is_empty() || w.len() > 12 || text.chars().count() > 90 {
        return false;
    }
    let lower = w.join(" ");
    // "Good question, and one with more than one answer." is longer than
    // "Hi there!" but as empty.
    let phrase = GREETING_PHRASES.iter().any(|p| lower.starts_with(p));
    phrase || w.len() <= 8 && text.chars().count() <= 70 && GREETING.contains(&w[0].as_str())
}

/// "Hi! Here are the reasons…" → "Here are the reasons…": a paragraph that
/// opens with a greeting of its own sentence, without it.
pub fn without_opening_greeting(text: &str) -> Option<&str> {
    let cut = text
        .match_indices(['!', '.'])
        .map(|(i, _)| i + 1)
        .find(|&i| text[i..].starts_with(' '))?;
    let (head, rest) = (&text[..cut], text[cut..].trim_start());
    let starts_upper = rest.chars().next().is_some_and(char::is_uppercase);
    (words(head).len() <= 4 && is_greeting(head) && starts_upper && words(rest).len() >= 4)
        .then_some(rest)
}

/// "Create a free account to suggest edits.", "Want to add your own answer?
/// Sign in or create a free account…": a prompt to join the site.
pub fn is_call_to_action(text: &str) -> bool {
    let w = words(text);
    if w.is_empty() || w.len() > 25 {
        return false;
    }
    let lower = w.join(" ");
    [
        "sign up",
        "sign in",
        "log in",
        "login to",
        "create an account",
        "create a free account",
        "create your account",
        "join the conversation",
        "join the discussion",
        "join for free",
        "join free",
        "download the app",
        "get the app",
        "free trial",
        "subscribe to",
        "subscribe now",
        "unlock",
        "upgrade to",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// An answer's opening aside: a short line of no facts that speaks to the
/// reader ("Oh, I love this one!", "Happy to take this one.").
pub fn is_opening_aside(text: &str) -> bool {
    let w = words(text);
    const PERSONAL: &[&str] = &[
        "i", "i'm", "i’m", "i'd", "i’d", "i'll", "i’ll", "me", "my", "you", "your", "you're",
        "you’re", "we", "us", "our",
    ];
    !w.is_empty()
        && w.len() <= 8
        && ends_sentence(text)
        && !text.chars().any(|c| c.is_ascii_digit())
        && (w.iter().any(|x| PERSONAL.contains(&x.as_str()))
            || w.windows(2).any(|p| p[0] == "this" && p[1] == "one")
            || w.iter().any(|x| x == "question" || x == "asking"))
}

/// An answer's closing line: a sign-off, a thank-you for reading anywhere in
/// a short sentence, or a signature ("Until next week, – Ilse", "Saludos,
/// Álvaro", "Thanks for asking! — Rosalind").
pub fn is_closing(text: &str) -> bool {
    if is_sign_off(text) || is_labelled_sign_off(text) {
        return true;
    }
    let w = words(text);
    if w.is_empty() || w.len() > 25 {
        return false;
    }
    let lower = w.join(" ");
    const ANYWHERE: &[&str] = &[
        "for reading",
        "thanks for",
        "thank you for",
        "hope this helps",
        "hope that helps",
        "hope this helped",
        "happy reading",
        "happy studying",
        "until next",
        "see you next",
    ];
    if ANYWHERE.iter().any(|p| lower.contains(p)) && w.len() <= 20 {
        return true;
    }
    // A signature: a short line ending in a dash and a name, or "Word, Name".
    let t = text.trim();
    let signed = t
        .rsplit_once(['–', '—'])
        .or_else(|| t.rsplit_once(" - "))
        .is_some_and(|(_, name)| {
            let name = name.trim();
            !name.is_empty()
                && name.split_whitespace().count() <= 3
                && name.chars().next().is_some_and(char::is_uppercase)
                && !name.chars().any(|c| c.is_ascii_digit())
        });
    let comma_name = w.len() <= 4
        && t.split_once(',').is_some_and(|(word, name)| {
            // "Saludos, Álvaro", not "In 1525, Müntzer".
            let word = word.trim();
            !word.chars().any(|c| c.is_ascii_digit())
                && word.split_whitespace().count() <= 2
                && !word.chars().next().is_some_and(char::is_lowercase)
                && {
                    let name = name.trim().trim_end_matches(['.', '!']);
                    name.split_whitespace().count() == 1
                        && name.chars().next().is_some_and(char::is_uppercase)
                }
        });
    (signed && w.len() <= 10) || comma_name
}

/// "Edit: thanks for the gold!", "P.S. Hope this helps": a sign-off behind a label.
pub fn is_labelled_sign_off(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    ["edit:", "edit 2:", "update:", "p.s.", "ps:", "ps.", "ps "]
        .iter()
        .find_map(|label| lower.strip_prefix(label))
        .is_some_and(|rest| {
            let rest = rest.trim();
            is_sign_off(rest) || rest.starts_with("thank")
        })
}

const SIGN_OFF_PHRASES: &[&str] = &[
    "hope this helps",
    "hope that helps",
    "hope it helps",
    "hope this answers",
    "hope that answers",
    "i hope this",
    "i hope that",
    "hope this was",
    "thanks for",
    "thank you",
    "many thanks",
    "cheers",
    "regards",
    "best regards",
    "kind regards",
    "warm regards",
    "best wishes",
    "all the best",
    "good luck",
    "happy studying",
    "happy learning",
    "happy reading",
    "take care",
    "let me know",
    "feel free",
    "leave a comment",
    "leave a reply",
    "leave your comment",
    "post a comment",
    "add a comment",
    "write a comment",
    "share this",
    "follow me",
    "follow us",
    "please upvote",
    "subscribe to",
    "sign in to",
    "log in to",
    "sign up",
    "read more",
    "see more",
    "show more",
    "load more",
    "related questions",
    "related posts",
    "was this helpful",
    "did this help",
    "was this answer helpful",
];

/// "Hope this helps!", "Thanks for reading.", "Leave a Comments": a short line
/// that closes an answer or invites interaction.
pub fn is_sign_off(text: &str) -> bool {
    let w = words(text);
    if w.is_empty() || w.len() > 12 || text.chars().count() > 90 {
        return false;
    }
    let lower = w.join(" ");
    if w[0] == "thanks" {
        // "Thanks!" or "Thanks for reading", not "Thanks to the Marshall Plan, …".
        return w.len() == 1
            || matches!(
                w[1].as_str(),
                "for" | "again" | "a" | "so" | "everyone" | "all"
            );
    }
    // A prefix, not whole words: "Leave a Comments" is a sign-off too.
    SIGN_OFF_PHRASES.iter().any(|p| lower.starts_with(p))
}

/// Words of page furniture that make a short, sentence-less line a control of
/// the page rather than text.
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "reply",
    "replies",
    "share",
    "tweet",
    "like",
    "follow",
    "subscribe",
    "report",
    "login",
    "menu",
    "home",
    "search",
    "print",
    "email",
    "copy",
    "link",
    "save",
    "bookmark",
    "flag",
    "edit",
    "delete",
    "advertisement",
    "sponsored",
    "cookies",
    "privacy",
    "terms",
    "copyright",
    "newsletter",
    "loading",
    "loader",
    "previous",
    "next",
    "back",
    "top",
    "skip",
    "related",
    "popular",
    "tags",
    "categories",
    "answer",
    "answers",
    "votes",
];

/// A short line without a sentence, made of page-furniture words ("Share on
/// Facebook", "Back to top", "Previous question").
pub fn is_furniture(text: &str) -> bool {
    let w = words(text);
    !w.is_empty()
        && w.len() <= 5
        && !ends_sentence(text)
        && (text.contains('©') || w.iter().any(|x| FURNITURE.contains(&x.as_str())))
}

/// A category path written out: "History -> Modern History", "History / Cold
/// War", "Home › History": two or more short parts, no sentence.
pub fn category_line(text: &str) -> Option<Vec<String>> {
    let text = text
        .trim()
        .trim_start_matches(['•', '·', '*', '-', '–'])
        .trim();
    if text.chars().count() > 160 || ends_sentence(text) && !text.ends_with('?') {
        return None;
    }
    let has_separator = ["->", "→", "»", "›", " > ", " / ", " | "]
        .iter()
        .any(|s| text.contains(s));
    if !has_separator {
        return None;
    }
    let parts: Vec<String> = text
        .split("->")
        .flat_map(|p| p.split(['→', '»', '›', '>', '/', '|']))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let short = parts
        .iter()
        .all(|p| p.split_whitespace().count() <= 6 && !p.ends_with(['.', '?', '!']));
    (parts.len() >= 2 && short).then(|| strip_home(parts))
}

/// Drops a breadcrumb's "Home" root.
pub fn strip_home(mut parts: Vec<String>) -> Vec<String> {
    if parts.first().is_some_and(|p| {
        matches!(
            p.to_lowercase().as_str(),
            "home" | "start" | "main page" | "index"
        )
    }) {
        parts.remove(0);
    }
    parts
}

/// A person's name as a page shows it: two to four capitalised words, no
/// digits, no sentence.
pub fn looks_like_name(text: &str) -> bool {
    let text = text.trim();
    let parts: Vec<&str> = text.split_whitespace().collect();
    (1..=4).contains(&parts.len())
        && text.chars().count() <= 40
        && !ends_sentence(text)
        && !text.chars().any(|c| c.is_ascii_digit())
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    *p,
                    "de" | "van" | "von" | "da" | "di" | "del" | "der" | "le" | "la" | "bin" | "al"
                )
        })
        && (parts.len() >= 2 || text.contains(['_', '.']) || text.chars().any(|c| c.is_uppercase()))
}

/// Same text, ignoring case, spaces and punctuation (a repeated title).
pub fn same_text(a: &str, b: &str) -> bool {
    let key = |s: &str| words(s).join(" ");
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

/// The items of a line between separators: "·", "|", "•", or a slash with a
/// space on each side ("Why …? / What …?"; "1941/42" and "and/or" are one item).
fn separated(text: &str) -> Vec<&str> {
    text.split(['·', '|', '•'])
        .flat_map(|part| part.split(" / "))
        .map(str::trim)
        .collect()
}

/// A run of short items between separators ("About · Careers · Privacy",
/// "Luther | Zwingli | Calvin"): a list of links, not a sentence.
pub fn is_link_row(text: &str) -> bool {
    let parts: Vec<&str> = separated(text)
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= 4 && !ends_sentence(p))
}

/// Labels of a line of links to other pages ("Related: Who were the Moriscos? ·
/// Was Columbus at Granada?").
const RELATED_LABELS: &[&str] = &[
    "related",
    "related questions",
    "related answers",
    "related posts",
    "see also",
    "more questions",
    "more answers",
    "read next",
    "read more",
    "tags",
    "topics",
];

/// A labelled line of links to other pages: a label such as "Related:" and short
/// items (a question each, or a few words) between separators.
pub fn is_related_line(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let items = separated(rest);
    let short = |item: &&str| !item.is_empty() && item.split_whitespace().count() <= 15;
    let known = RELATED_LABELS.contains(&label.trim().to_lowercase().as_str());
    // "You might also like: Why …? · What …?": two or more questions after a short
    // label are links, whatever the label says.
    let questions = label.split_whitespace().count() <= 5
        && items.len() >= 2
        && items.iter().all(|i| short(i) && i.ends_with('?'));
    items.iter().all(short) && known || questions
}

/// A line of a page's figures: two or more short parts between separators, one
/// with a number ("▲ 1,482 upvotes · 63 replies · Last edited 3 weeks ago",
/// "Viewed 9,214 times · 312 found this helpful"), none a sentence.
pub fn is_stats_line(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['·', '|', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A number with a counted word ("63 replies", "Page views: 5,830"), not a
    // timeline's "1453 · Ottomans take Constantinople".
    let counted = |p: &&str| {
        p.chars().any(|c| c.is_ascii_digit())
            && words(p).iter().any(|w| COUNTED.contains(&w.as_str()))
    };
    parts.len() >= 2
        && text.split_whitespace().count() <= 20
        && parts.iter().any(counted)
        && parts.iter().all(|p| !p.ends_with('.'))
}

/// A note of the page's editing: "Last edited by a moderator, 2 March".
pub fn is_edit_note(text: &str) -> bool {
    let w = words(text);
    w.len() <= 10
        && (w.first().is_some_and(|x| x == "edited")
            || w.len() >= 2 && w[0] == "last" && matches!(w[1].as_str(), "edited" | "updated"))
}

/// A line a page shows about itself or its neighbours, not text: a count
/// ("Upvotes: 487 · 31 comments"), a line of figures, an edit note, a row of links,
/// a "Related:" line.
pub fn is_page_line(text: &str) -> bool {
    is_count(text)
        || is_stats_line(text)
        || is_edit_note(text)
        || is_link_row(text)
        || is_related_line(text)
}

/// Nothing but numbers and punctuation ("312", "· 4y" is not; "12 / 40" is).
pub fn is_only_numbers(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && text.chars().all(|c| !c.is_alphabetic())
}

/// A short line that is no sentence: up to six words, none ending a sentence
/// ("Posted on March 3, 2024", "Location", "Jan Novak · 6 min read").
pub fn is_fragment(text: &str) -> bool {
    text.split_whitespace().count() <= 6 && !ends_sentence(text)
}

/// Noise wherever it stands: counts, bare numbers, picture placeholders, rows
/// of links, and the title or author repeated as a paragraph.
pub fn is_noise_anywhere(block: &Block, title: &str, author: Option<&str>) -> bool {
    let text = block.text.as_str();
    is_count(text)
        || is_link_row(text)
        || is_related_line(text)
        || is_only_numbers(text)
        || is_placeholder(text)
        || same_text(text, title)
        || author.is_some_and(|a| same_text(text, a))
}

/// Removes noise from an answer's blocks: anywhere, counts, placeholders and a
/// repeated title or author; at the start, labels, page furniture and a
/// greeting; at the end, labels, furniture and sign-offs.
pub fn clean_blocks(blocks: Vec<Block>, title: &str, author: Option<&str>) -> Vec<Block> {
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| !is_noise_anywhere(b, title, author))
        .collect();
    let edge_noise = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && (is_label(&b.text)
                || is_furniture(&b.text)
                || is_fragment(&b.text)
                || super::saved_text::is_best_mark(&b.text)
                || category_line(&b.text).is_some())
    };
    // The leading run, up to the first paragraph of text: headings stay,
    // noise and one greeting go. Then the same from the end, for sign-offs.
    let mut keep = vec![true; blocks.len()];
    let mut greeted = false;
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            continue;
        }
        if edge_noise(b) {
            keep[i] = false;
        } else if !greeted
            && (is_greeting(&b.text)
                || is_opening_aside(&b.text)
                || is_sign_off(&b.text) && words(&b.text)[0].starts_with("thank"))
        {
            greeted = true;
            keep[i] = false;
        } else {
            break;
        }
    }
    for (i, b) in blocks.iter().enumerate().rev() {
        if !keep[i] {
            break;
        }
        if edge_noise(b) || is_closing(&b.text) || is_greeting(&b.text) && b.text.len() < 30 {
            keep[i] = false;
        } else {
            break;
        }
    }
    let mut kept = keep.into_iter();
    blocks.retain(|_| kept.next().unwrap_or(true));
    if let Some(first) = blocks.iter_mut().find(|b| b.kind != BlockKind::Heading) {
        if !greeted {
            if let Some(rest) = without_opening_greeting(&first.text) {
                first.text = rest.to_owned();
            }
        }
    }
    // A heading left with nothing after it headed noise.
    while blocks.last().is_some_and(|b| b.kind == BlockKind::Heading) {
        blocks.pop();
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        for yes in [
            "12 Comments",
            "0 Comment",
            "3 answers",
            "Comments (4)",
            "1.2k views",
            "5 min read",
            "2 years ago",
            "1 Reply",
        ] {
            assert!(is_count(yes), "{yes}");
        }
        for no in [
            "1960",
            "In 1960 the advisers left.",
            "12 Apostles",
            "3 answers were given by the committee",
        ] {
            assert!(!is_count(no), "{no}");
        }
    }

    #[test]
    fn related_lines_and_page_lines() {
        assert!(is_related_line(
            "Related: Who were the Moriscos? · Was Columbus at Granada?"
        ));
        // Slashes between the links, under a label no list has.
        assert!(is_related_line(
            "More in Ancient Rome: Did Hannibal ever really threaten Rome itself? / Why was Corinth sacked in 146 BC?"
        ));
        assert!(is_link_row("About / Careers / Privacy"));
        assert!(!is_link_row("The winter of 1941/42 was the worst."));
        assert!(is_related_line(
            "See also: Treaty of Westphalia | Thirty Years War"
        ));
        assert!(!is_related_line("Note: the dates are Julian."));
        assert!(!is_related_line(
            "Related: the war ended in 1648 when the emperor and the princes finally signed two treaties at Münster and at Osnabrück in Westphalia."
        ));
        assert!(is_page_line("Upvotes: 487 · 31 comments"));
        assert!(!is_page_line("The council met in 325."));
        // Other sites' wording of the same lines.
        for line in [
            "▲ 1,482 upvotes · 63 replies · Last edited 3 weeks ago",
            "Viewed 9,214 times · 312 found this helpful",
            "Upvoted 967 times · Shared 58 times",
            "Page views: 5,830 · Helpful? Yes (204) / No (3)",
            "3.1k upvotes | 214 comments | Share · Report",
            "Last edited by a moderator, 2 March",
            "You might also like: Why did Britain exile Prempeh I? · What was the War of the Golden Stool?",
        ] {
            assert!(is_page_line(line), "{line}");
        }
        // A sentence with a separator or an edit in it is text.
        assert!(!is_page_line(
            "The fleet sailed in 1147 · and the city fell in October after a siege of four months."
        ));
        assert!(!is_page_line(
            "Edited by Gregory, the chronicle was copied across Europe for three centuries and more."
        ));
        assert!(!is_page_line("Causes: drought, famine and war."));
        assert!(!is_page_line("1453 · Ottomans take Constantinople"));
        assert!(!is_page_line(
            "1291 · Acre falls after a siege of six weeks"
        ));
    }

    #[test]
    fn placeholders_and_labels() {
        for yes in [
            "author-img",
            "user_avatar",
            "profile-pic",
            "IMG_2041.jpg",
            "avatar",
        ] {
            assert!(is_placeholder(yes), "{yes}");
        }
        for no in ["Imagine", "Stalin", "Sino-Soviet", "image of the era"] {
            assert!(!is_placeholder(no), "{no}");
        }
        assert!(is_label("loader"));
        assert!(is_label("Menu"));
        assert!(!is_label("Yes."));
        assert!(!is_label("Two words"));
    }

    #[test]
    fn greetings_and_sign_offs() {
        for yes in [
            "Hi there!",
            "Hey friend,",
            "Hello everyone.",
            "Dear reader,",
            "Good morning, students!",
            "Great question!",
        ] {
            assert!(is_greeting(yes), "{yes}");
        }
        for no in ["Hey, the treaty of 1648 ended the war and reshaped the map of Europe for a century and more.", "History is long."] {
            assert!(!is_greeting(no), "{no}");
        }
        for yes in [
            "Hope this helps!",
            "Thanks for reading.",
            "Thanks!",
            "Leave a Comments",
            "Cheers, Anna",
            "Good luck with your exam!",
        ] {
            assert!(is_sign_off(yes), "{yes}");
        }
        for no in [
            "Thanks to the Marshall Plan, Europe recovered.",
            "The war ended in 1945.",
        ] {
            assert!(!is_sign_off(no), "{no}");
        }
    }

    #[test]
    fn asides_closings_and_prompts() {
        for yes in [
            "Oh, I love this one!",
            "Happy to take this one.",
            "Great to see you asking.",
        ] {
            assert!(is_opening_aside(yes), "{yes}");
        }
        for no in [
            "Rome fell slowly.",
            "In 1453 the walls were breached by cannon fire.",
        ] {
            assert!(!is_opening_aside(no), "{no}");
        }
        for yes in [
            "Until next week, – Ilse",
            "Saludos, Álvaro",
            "Thanks for asking! — Rosalind",
            "Go raibh maith agat for reading, and do look up the museum at Strokestown if you can.",
            "Edit: thanks for the gold, kind stranger!",
        ] {
            assert!(is_closing(yes), "{yes}");
        }
        for no in [
            "The treaty was signed at Nanjing in 1842 – under the guns of the fleet.",
            "In 1525, Müntzer",
            "Thanks to the Marshall Plan, Europe recovered.",
        ] {
            assert!(!is_closing(no), "{no}");
        }
        assert!(is_call_to_action(
            "Want to add your own answer? Sign in or create a free account to join the discussion."
        ));
        assert!(!is_call_to_action(
            "The king was forced to sign the treaty."
        ));
        assert_eq!(
            without_opening_greeting("Hi! Here are the three reasons most historians give."),
            Some("Here are the three reasons most historians give.")
        );
        assert_eq!(
            without_opening_greeting("Hey, the treaty of 1648 ended the war."),
            None
        );
    }

    #[test]
    fn category_lines_and_names() {
        assert_eq!(
            category_line("• History -> Modern and Contemporary History"),
            Some(vec![
                "History".to_string(),
                "Modern and Contemporary History".to_string()
            ])
        );
        assert_eq!(
            category_line("Home › History › Rome"),
            Some(vec!["History".to_string(), "Rome".to_string()])
        );
        assert_eq!(category_line("It was 3 > 2 in the end."), None);
        assert!(looks_like_name("Etha Sparks"));
        assert!(looks_like_name("Ludwig van Beethoven"));
        assert!(!looks_like_name("the end of it"));
        assert!(!looks_like_name("It ended."));
    }

    #[test]
    fn clean_blocks_trims_edges_but_keeps_text() {
        let p = Block::paragraph;
        let blocks = vec![
            p("loader"),
            p("Why did Rome fall?"),
            p("4 Comments"),
            p("Hi there!"),
            p("Rome fell for many reasons."),
            p("Thanks to its roads, trade had flourished."),
            p("Hope this helps!"),
            p("Leave a Comments"),
        ];
        let cleaned = clean_blocks(blocks, "Why did Rome fall?", None);
        assert_eq!(
            cleaned,
            vec![
                p("Rome fell for many reasons."),
                p("Thanks to its roads, trade had flourished.")
            ]
        );
        let blocks = vec![
            Block::new(BlockKind::Heading, "A subtitle"),
            p("Ada Lund · 6 min read"),
            p("312"),
            Block::new(BlockKind::Heading, "Background"),
            p("Rome fell slowly, over centuries."),
            p("About · Careers · Privacy · Terms"),
        ];
        let cleaned = clean_blocks(blocks, "T", None);
        assert_eq!(
            cleaned,
            vec![
                Block::new(BlockKind::Heading, "A subtitle"),
                Block::new(BlockKind::Heading, "Background"),
                p("Rome fell slowly, over centuries.")
            ]
        );
    }
}
