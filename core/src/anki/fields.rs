//! Between Clio's plain text and Anki's fields: HTML both ways, cloze
//! deletions both ways, tags from category paths, deck names, and the note
//! checksum Anki uses to find duplicates.

use sha1::{Digest, Sha1};

use crate::cards::CLOZE_BLANK;
use crate::import::snippet_text;

/// Plain text as an Anki field (HTML): special characters escaped, line breaks as `<br>`.
pub fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`to_html`]'s escapes (a field Clio wrote holds no other markup than `<br>`).
pub fn html_text(field: &str) -> String {
    field
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// An Anki field (HTML, maybe with script, images or styles) as plain text.
pub fn to_text(field: &str) -> String {
    if field.contains(['<', '&']) {
        return snippet_text(field);
    }
    // No tag and no entity: the text is as it reads (most fields; quick).
    field
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cloze prompt ("… in _____.") with its answer as Anki cloze text
/// ("… in {{c1::1958}}."). `None` when the prompt has not exactly one blank,
/// or the answer would break the cloze syntax: such a card goes as Basic.
pub fn to_cloze(prompt: &str, answer: &str) -> Option<String> {
    let (before, after) = prompt.split_once(CLOZE_BLANK)?;
    if after.contains(CLOZE_BLANK)
        || answer.trim().is_empty()
        || answer.contains("}}")
        || answer.contains("::")
    {
        return None;
    }
    Some(format!(
        "{}{{{{c1::{}}}}}{}",
        to_html(before),
        to_html(answer),
        to_html(after)
    ))
}

/// One cloze deletion found in a text.
struct Deletion {
    start: usize,
    end: usize,
    number: u32,
    answer: String,
}

/// The deletions `{{cN::answer}}` or `{{cN::answer::hint}}` of plain text.
fn deletions(text: &str) -> Vec<Deletion> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{c").map(|i| i + from) {
        let digits: String = text[open + 3..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let body_at = open + 3 + digits.len();
        let (Ok(number), true) = (digits.parse::<u32>(), text[body_at..].starts_with("::")) else {
            from = open + 3;
            continue;
        };
        let Some(close) = text[body_at + 2..].find("}}").map(|i| i + body_at + 2) else {
            break;
        };
        let inner = &text[body_at + 2..close];
        let answer = inner.split("::").next().unwrap_or_default().to_owned();
        out.push(Deletion {
            start: open,
            end: close + 2,
            number,
            answer,
        });
        from = close + 2;
    }
    out
}

/// The cloze numbers a text uses, in order, each once.
pub fn cloze_numbers(text: &str) -> Vec<u32> {
    let mut numbers: Vec<u32> = deletions(text).into_iter().map(|d| d.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Cloze card `number` of a plain text: the prompt with that deletion blanked
/// (the others shown as their answers) and the answer. `None` if the text
/// has no such deletion.
pub fn from_cloze(text: &str, number: u32) -> Option<(String, String)> {
    let found = deletions(text);
    if !found.iter().any(|d| d.number == number) {
        return None;
    }
    let mut prompt = String::with_capacity(text.len());
    let mut answers = Vec::new();
    let mut at = 0;
    for d in &found {
        prompt.push_str(&text[at..d.start]);
        if d.number == number {
            prompt.push_str(CLOZE_BLANK);
            answers.push(d.answer.trim().to_owned());
        } else {
            prompt.push_str(&d.answer);
        }
        at = d.end;
    }
    prompt.push_str(&text[at..]);
    Some((prompt, answers.join("; ")))
}

/// A category path as one hierarchical Anki tag: "History -> Cold War" is
/// `History::Cold_War` (Anki tags cannot hold spaces).
pub fn category_tag(path: &[String]) -> Option<String> {
    let parts: Vec<String> = path
        .iter()
        .map(|p| {
            p.split_whitespace()
                .collect::<Vec<_>>()
                .join("_")
                .replace("::", ":")
        })
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("::"))
}

/// A deck name from its levels (a level's own `::` would make a new level).
pub fn deck_name(levels: &[String]) -> String {
    levels
        .iter()
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("::", ":")
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("::")
}

/// Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort
/// field's text, as an integer.
pub fn checksum(sort_field: &str) -> i64 {
    let digest = Sha1::digest(sort_field.as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}
