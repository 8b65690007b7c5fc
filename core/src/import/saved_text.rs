//! Saved Q&A pages: the text of a page copied with select-all (or clipped to
//! Markdown, or scraped into a JSON record), read by its shape rather than by
//! one site's words.
//!
//! A page is a list of lines ([`Unit`]s). Around the answer stand: the site's
//! menu block; a breadcrumb or "A -> B" category line; the question (the
//! first question-like line, or the one the page repeats); answer counts and
//! sort controls; the author's header (a "Profile photo for …" line, the name,
//! a credential and an "Updated …" / "Answered …" age line); then the answer,
//! the longest run of prose lines, with a greeting and a sign-off at its
//! edges; and after it counters, "Related questions" lists, other answers and
//! the footer. Only the answer run is kept. When the page holds other answers,
//! the one marked best (or accepted) is kept, else the first (unless it is far
//! shorter than another, when it is the question's text or a comment), and
//! the import says that the others were left out.

use std::ops::Range;

use crate::library::{Block, BlockKind, NewDocument, SourceFormat};

use super::noise;
use super::ParsedDocument;

/// The note an import gives when a page's other answers were left out.
pub const OTHER_ANSWERS_NOTE: &str = "this page holds other answers too: Clio kept the one marked best \
     (or else the first) and left the other answers out. Import them from separate copies if you want them.";

/// How many lines before an answer its author's header may take.
const HEADER_LINES: usize = 10;
/// A line at least this long is prose even without a closing full stop.
const LONG_LINE: usize = 200;

/// One line of a page, and what kind of block it was.
#[derive(Debug, Clone)]
pub struct Unit {
    pub text: String,
    pub kind: BlockKind,
}

impl Unit {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Unit {
        Unit {
            text: text.into(),
            kind,
        }
    }
}

/// What the page reader found.
#[derive(Debug, Clone)]
pub struct Reading {
    pub title: Option<String>,
    pub author: Option<String>,
    pub category: Vec<String>,
    /// The kept answer's lines.
    pub answer: Range<usize>,
    /// Whether the page holds other answers besides the kept one.
    pub other_answers: bool,
    /// How many marks of a saved page were seen (menu block, category line,
    /// counts, age lines, picture placeholders, an author header, a question).
    pub signals: usize,
}

/// Reads `text` as a saved page, or `None` when it does not have the shape of
/// one.
pub fn parse(text: &str, source: Option<&str>) -> Option<ParsedDocument> {
    let units = units_of_text(text);
    let reading = read(&units, None)?;
    if reading.signals < 2 {
        return None;
    }
    let title = reading.title.clone()?;
    Some(document(
        &units,
        &reading,
        NewDocument {
            title,
            author: reading.author.clone(),
            category_path: reading.category.clone(),
            source: source.map(str::to_owned),
            body: String::new(),
        },
        SourceFormat::Text,
        Vec::new(),
    ))
}

/// The document of a page reading: the answer's lines as blocks, cleaned, and
/// the note on other answers.
pub fn document(
    units: &[Unit],
    reading: &Reading,
    doc: NewDocument,
    format: SourceFormat,
    tags: Vec<String>,
) -> ParsedDocument {
    let blocks: Vec<Block> = units[reading.answer.clone()]
        .iter()
        .map(|u| Block::new(u.kind, u.text.clone()))
        .collect();
    let blocks = noise::clean_blocks(blocks, &doc.title, doc.author.as_deref());
    ParsedDocument {
        doc,
        format,
        blocks,
        tags,
        notes: if reading.other_answers {
            vec![OTHER_ANSWERS_NOTE.to_owned()]
        } else {
            Vec::new()
        },
    }
}

/// The lines of a copied page: one unit per line; a line hard-wrapped inside
/// a paragraph (long, and not ending a sentence) is joined to the next.
pub fn units_of_text(text: &str) -> Vec<Unit> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut units: Vec<Unit> = Vec::new();
    let mut joining = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            joining = false;
            continue;
        }
        let stripped = trimmed
            .trim_start_matches(['•', '·', '▪', '◦', '‣'])
            .trim_start();
        let mut bullet = stripped.len() != trimmed.len();
        let stripped = if !bullet && (trimmed.starts_with("- ") || trimmed.starts_with("* ")) {
            bullet = true;
            trimmed[2..].trim_start()
        } else {
            stripped
        };
        let text = stripped.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        match units.last_mut() {
            Some(last) if joining && !bullet => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => units.push(Unit::new(
                if bullet {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                },
                text,
            )),
        }
        let last = &units[units.len() - 1].text;
        joining = last.chars().count() >= 50 && !ends_sentence(last) && !noise::is_link_row(last);
    }
    units
}

/// Splits blocks that hold several lines (a Markdown paragraph of soft
/// breaks) into one unit per line.
pub fn units_of_blocks(blocks: &[Block]) -> Vec<Unit> {
    blocks
        .iter()
        .flat_map(|b| {
            b.text
                .split('\n')
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .map(move |l| Unit::new(b.kind, l))
        })
        .collect()
}

/// Reads a page's lines. `known_title` is a title the file already gave (a
/// JSON record's, a Markdown front matter's): the question line matching it
/// marks where the page's header is.
pub fn read(units: &[Unit], known_title: Option<&str>) -> Option<Reading> {
    let runs = prose_runs(units);
    if runs.is_empty() {
        return None;
    }
    let chosen = choose_run(units, &runs);
    let answer = runs[chosen].clone();

    // The question: a line the page repeats, else the first question-like
    // line, before the answer; else a line matching the given title.
    let before = 0..answer.start;
    let mut question_like: Vec<usize> = before
        .clone()
        .filter(|&i| is_question_line(&units[i].text))
        .collect();
    if question_like.is_empty() {
        question_like = before
            .clone()
            .filter(|&i| is_task_line(&units[i].text))
            .collect();
    }
    // Near the top: the first few question lines, compared pairwise (a long
    // list of questions further down is not).
    let near: Vec<usize> = question_like.iter().copied().take(40).collect();
    let repeated = near.iter().copied().find(|&i| {
        near.iter()
            .any(|&j| j > i && noise::same_text(&units[i].text, &units[j].text))
    });
    let matching_known = known_title.and_then(|t| {
        let parts = title_parts(t);
        before
            .clone()
            .find(|&i| parts.iter().any(|p| noise::same_text(p, &units[i].text)))
    });
    let title_at = matching_known
        .or(repeated)
        .or(question_like.first().copied())
        .or_else(|| statement_title(units, answer.start));
    let title = title_at.map(|i| strip_question_label(&units[i].text).to_owned());

    let header_start = header_start(units, answer.start, title_at);
    let author = author_in(units, header_start..answer.start, false);
    let category = category_before(units, title_at, header_start);

    let mut signals = 0;
    if title_at.is_some_and(|i| question_like.contains(&i)) {
        signals += 1;
    }
    if !category.is_empty() {
        signals += 1;
    }
    if author.is_some() {
        signals += 1;
    }
    if units
        .iter()
        .any(|u| is_counter(&u.text) || is_age_line(&u.text))
    {
        signals += 1;
    }
    if units
        .iter()
        .any(|u| noise::is_placeholder(&u.text) || photo_of(&u.text).is_some())
    {
        signals += 1;
    }
    let top = &units[..title_at.unwrap_or(answer.start)];
    if repeated.is_some() || has_menu_block(top) || top.iter().any(|u| noise::is_link_row(&u.text))
    {
        signals += 1;
    }
    let other_answers = has_other_answers(units, &runs, chosen, title_at);
    Some(Reading {
        title,
        author,
        category,
        answer,
        other_answers,
        signals,
    })
}

/// Same as [`read`]'s other parts, for a page whose answer was found another
/// way (an HTML page's main content, starting at line `start`): the author
/// before it, the category, and whether other answers stand beside it.
pub fn read_around(units: &[Unit], start: usize) -> (Option<String>, Vec<String>, bool) {
    let runs = prose_runs(units);
    let question_like: Vec<usize> = (0..start)
        .filter(|&i| is_question_line(&units[i].text))
        .collect();
    let title_at = question_like.first().copied();
    let header_start = header_start(units, start, title_at);
    let author = author_in(units, header_start..start, true);
    let category = category_before(units, title_at, header_start);
    let chosen = runs
        .iter()
        .position(|r| r.contains(&start) || r.start >= start);
    let other = chosen.is_some_and(|c| has_other_answers(units, &runs, c, title_at));
    (author, category, other)
}

/// Parts of a title a site built ("Why X? | Site", "Why X? – Site Q&A").
pub fn title_parts(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_owned()];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    parts.retain(|p| p.split_whitespace().count() >= 3);
    parts.insert(0, title.to_owned());
    parts
}

/// A title the file gave, without the site's name when one part of it is a
/// line of the page ("Why X? | Site" → "Why X?").
pub fn known_title(title: &str, units: &[Unit]) -> String {
    title_parts(title)
        .into_iter()
        .find(|p| units.iter().any(|u| noise::same_text(p, &u.text)))
        .unwrap_or_else(|| title.to_owned())
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' '])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A line of prose: a sentence of four or more words, or a long line.
fn is_prose(u: &Unit) -> bool {
    let t = u
        .text
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    let sentence = t.ends_with(['.', '!', '…', ';', ':']) && word_count(t) >= 4;
    let long = t.chars().count() >= LONG_LINE && word_count(t) >= 25;
    (sentence || long) && !is_furniture_line(&u.text)
}

/// A line that may stand inside a run of prose: a short sentence (a greeting,
/// a question, a sign-off), a list item, a heading.
fn is_texty(u: &Unit) -> bool {
    if is_prose(u) {
        return true;
    }
    if is_furniture_line(&u.text) {
        return false;
    }
    match u.kind {
        BlockKind::Heading => word_count(&u.text) <= 20,
        BlockKind::ListItem => word_count(&u.text) >= 3,
        _ => ends_sentence(&u.text) && word_count(&u.text) >= 3,
    }
}

/// Lines that are never the answer's: counters, category lines, rows of
/// links, pictures, age lines.
fn is_furniture_line(text: &str) -> bool {
    noise::is_count(text)
        || is_counter(text)
        || noise::is_link_row(text)
        || noise::is_placeholder(text)
        || photo_of(text).is_some()
        || noise::category_line(text).is_some() && !ends_sentence(text)
        || is_age_line(text) && word_count(text) <= 12
        || is_advert(text)
        || noise::is_call_to_action(text)
        || text.contains('©')
        || text.to_lowercase().contains("all rights reserved")
}

/// "Advertisement: Learn German in 30 days…", "Sponsored by …", "Promoted · …".
fn is_advert(text: &str) -> bool {
    let w = noise::words(text);
    w.first().is_some_and(|x| {
        matches!(
            x.as_str(),
            "advertisement" | "advertising" | "sponsored" | "promoted" | "ad" | "ads" | "anzeige"
        )
    }) && {
        let after_word = text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_start_matches(char::is_alphanumeric)
            .trim_start();
        w.len() == 1
            || after_word.starts_with([':', '·', '•', '|', '-', '–'])
            || w.get(1).is_some_and(|x| x == "by")
    }
}

/// Runs of prose: consecutive text lines holding at least one prose line,
/// without leading lines that are not prose and without trailing questions,
/// headings and lines that are not prose.
fn prose_runs(units: &[Unit]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !is_texty(&units[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < units.len() && is_texty(&units[end]) {
            end += 1;
        }
        let mut start = i;
        while start < end && !is_prose(&units[start]) && units[start].kind != BlockKind::ListItem {
            start += 1;
        }
        let mut stop = end;
        while stop > start && {
            let u = &units[stop - 1];
            !is_prose(u) && (u.kind != BlockKind::ListItem || u.text.ends_with('?'))
        } {
            stop -= 1;
        }
        if (start..stop).any(|k| is_prose(&units[k])) {
            runs.push(start..stop);
        }
        i = end;
    }
    runs
}

/// The weight of a run: its prose characters.
fn weight(units: &[Unit], run: &Range<usize>) -> usize {
    units[run.clone()]
        .iter()
        .filter(|u| is_prose(u) && !noise::is_sign_off(&u.text) && !noise::is_greeting(&u.text))
        .map(|u| u.text.chars().count())
        .sum()
}

/// The answer to keep: a run whose header marks it best or accepted, else the
/// first run of at least a third of the heaviest run's weight.
fn choose_run(units: &[Unit], runs: &[Range<usize>]) -> usize {
    let marked = runs.iter().enumerate().position(|(k, r)| {
        let from = r.start.saturating_sub(HEADER_LINES);
        // Runs are in page order: the one before ends last before this one.
        let previous_end = if k > 0 { runs[k - 1].end } else { 0 };
        (from.max(previous_end)..r.start).any(|i| is_best_mark(&units[i].text))
            && weight(units, r) > 0
    });
    let first_question = units.iter().position(|u| is_question_line(&u.text));
    marked.unwrap_or_else(|| {
        // The first answer, unless it is much lighter than the heaviest run
        // (then it is the question's own text, or a comment, not an answer).
        let heaviest = runs.iter().map(|r| weight(units, r)).max().unwrap_or(0);
        runs.iter()
            .position(|r| {
                weight(units, r) * 3 >= heaviest && !is_question_text(units, r, first_question)
            })
            .unwrap_or(0)
    })
}

/// A run that is the question's own text: it follows the first question line
/// (at `first_question`) with no name line between them.
fn is_question_text(units: &[Unit], run: &Range<usize>, first_question: Option<usize>) -> bool {
    let Some(q) = first_question.filter(|&q| q < run.start) else {
        return false;
    };
    run.start - q <= 3
        && !(q + 1..run.start).any(|i| {
            is_name_line(&units[i].text)
                || by_line(&units[i].text).is_some()
                || is_age_line(&units[i].text)
        })
}

/// "Best Answer", "★ Best answer", "Accepted", "Chosen by Asker", "✓ Top answer".
pub fn is_best_mark(text: &str) -> bool {
    if text.contains(['·', '|', '•']) {
        return text.split(['·', '|', '•']).any(is_best_mark);
    }
    let w = noise::words(text);
    if w.is_empty() || w.len() > 8 || ends_sentence(text) && !text.ends_with(['!', ')']) {
        return false;
    }
    let has = |x: &str| w.iter().any(|v| v == x);
    has("accepted")
        || has("chosen")
        || (has("best") || has("top") || has("verified"))
            && (has("answer") || has("reply") || has("response"))
}

/// A question as a page shows its title: one sentence ending in "?", of three
/// to thirty words, opening with a capital or a digit.
fn is_question_line(text: &str) -> bool {
    let t = strip_question_label(text);
    let words = word_count(t);
    t.ends_with('?')
        && (3..=30).contains(&words)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t[..t.len() - 1].contains(". ")
        && !t.trim_end_matches('?').ends_with('?')
        && noise::category_line(t).is_none()
}

/// A homework task as a title: "Explain the causes of the First World War."
fn is_task_line(text: &str) -> bool {
    let t = strip_question_label(text);
    let w = noise::words(t);
    (4..=30).contains(&w.len())
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.trim_end_matches('.').contains(". ")
        && matches!(
            w[0].as_str(),
            "explain"
                | "describe"
                | "discuss"
                | "compare"
                | "analyse"
                | "analyze"
                | "evaluate"
                | "assess"
                | "outline"
                | "summarise"
                | "summarize"
                | "why"
                | "how"
                | "what"
        )
}

/// "Q: Why …?", "Question: Why …?" → "Why …?".
fn strip_question_label(text: &str) -> &str {
    let t = text.trim();
    for label in ["Q:", "Q.", "Question:", "QUESTION:", "Q -", "Question -"] {
        if let Some(rest) = t.strip_prefix(label) {
            return rest.trim();
        }
    }
    t
}

/// A title that is no question: the last heading-like line (a short line
/// without a full stop, neither furniture nor a name) before the answer's header.
fn statement_title(units: &[Unit], answer_start: usize) -> Option<usize> {
    let header = header_start(units, answer_start, None);
    (0..header).rev().find(|&i| {
        let t = &units[i].text;
        let words = word_count(t);
        (3..=20).contains(&words)
            && !ends_sentence(t)
            && !is_furniture_line(t)
            && !noise::is_furniture(t)
            && !noise::is_link_row(t)
            && !noise::looks_like_name(t)
            && !is_best_mark(t)
    })
}

/// Where the answer's header begins: walking back from the answer over
/// header lines (names, credentials, ages, counts, pictures, greetings,
/// labels) up to the title, a prose line, or [`HEADER_LINES`] lines.
fn header_start(units: &[Unit], answer_start: usize, title_at: Option<usize>) -> usize {
    let floor = title_at.map_or(0, |t| t + 1);
    let mut i = answer_start;
    while i > floor && answer_start - i < HEADER_LINES {
        let u = &units[i - 1];
        let opening = noise::is_greeting(&u.text)
            || noise::is_opening_aside(&u.text)
            || noise::is_sign_off(&u.text);
        if is_prose(u) && !opening || is_question_line(&u.text) {
            break;
        }
        i -= 1;
    }
    i
}

/// The author in an answer's header, by how sure each sign is: a "Post by …"
/// or "Answered by …" line; else the name line nearest the answer; else a
/// name before a "·" or "|" on its line; else a user name followed by its age
/// line; else the name in "Profile photo for …". With `strict` (a page
/// whose markup named no author), a name line counts only when an age line
/// follows it, and a split line always needs one.
fn author_in(units: &[Unit], header: Range<usize>, strict: bool) -> Option<String> {
    let aged = |i: usize| (i..(i + 4).min(units.len())).any(|j| is_age_line(&units[j].text));
    let lines: Vec<usize> = header
        .rev()
        .filter(|&i| {
            let t = units[i].text.as_str();
            !noise::is_greeting(t)
        })
        .collect();
    let text = |i: usize| units[i].text.as_str();
    lines
        .iter()
        .find_map(|&i| by_line(text(i)))
        .or_else(|| {
            lines
                .iter()
                .find(|&&i| is_bare_name(text(i)) && (!strict || aged(i)))
                .map(|&i| strip_user_prefix(text(i)).to_owned())
        })
        .or_else(|| {
            lines
                .iter()
                .filter(|&&i| aged(i))
                .find_map(|&i| name_of_line(text(i)))
        })
        .or_else(|| {
            lines.iter().find_map(|&i| {
                let t = text(i);
                let camel_or_lower =
                    t.chars().skip(1).any(char::is_uppercase) || !t.chars().any(char::is_uppercase);
                (i + 1 < units.len()
                    && noise::is_label(t)
                    && t.chars().all(char::is_alphanumeric)
                    && t.chars().any(char::is_alphabetic)
                    && camel_or_lower
                    && !is_menu_word_line(t)
                    && is_age_line(&units[i + 1].text))
                .then(|| t.to_owned())
            })
        })
        .or_else(|| lines.iter().find_map(|&i| photo_of(text(i))))
}

/// A person's name or a user name alone on its line.
fn is_name_line(text: &str) -> bool {
    name_of_line(text).is_some()
}

/// The name a header line gives: the whole line, or its first part before a
/// "·", "|", "•" or "(" when the rest is a credential, an age or a control
/// ("Rowena Ashdown · Follow", "Jo Bell (teacher)").
fn name_of_line(text: &str) -> Option<String> {
    if is_bare_name(text) {
        return Some(strip_user_prefix(text).to_owned());
    }
    // Exactly one part a name: "✅ Best answer · Pieter Vandersloot · 97 points".
    let parts: Vec<&str> = text
        .split(['·', '|', '•', '(', ')', '—'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let names: Vec<&str> = parts.iter().copied().filter(|p| is_bare_name(p)).collect();
    (parts.len() > 1 && names.len() == 1).then(|| strip_user_prefix(names[0]).to_owned())
}

fn is_bare_name(text: &str) -> bool {
    let raw = text.trim();
    let t = strip_user_prefix(text);
    if t.len() != raw.len() && !t.is_empty() && !t.contains(char::is_whitespace) && t.len() <= 30 {
        // "u/quillpen", "@quillpen": a user name by its prefix.
        return t
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    }
    if noise::is_furniture(t) || noise::is_label(t) && !is_user_name(t) {
        return false;
    }
    // "From Openpedia", "The Editors", "Our Team": a phrase, not a name.
    let first = noise::words(t).into_iter().next().unwrap_or_default();
    if matches!(
        first.as_str(),
        "from"
            | "by"
            | "the"
            | "for"
            | "with"
            | "and"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "a"
            | "an"
            | "about"
            | "our"
            | "your"
            | "my"
            | "this"
            | "that"
            | "more"
            | "see"
            | "view"
    ) {
        return false;
    }
    (noise::looks_like_name(t) && !is_menu_word_line(t)) || is_user_name(t)
}

fn strip_user_prefix(text: &str) -> &str {
    let t = text.trim();
    t.strip_prefix("u/")
        .or_else(|| t.strip_prefix('@'))
        .unwrap_or(t)
}

/// "sable_and_quill", "wendelin.k", "jade_t0ms", "Ōsaka_1868": one token of letters, digits,
/// "_" and "." that has a "_", a "." or a digit inside, and is no file name.
fn is_user_name(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (3..=30).contains(&n)
        && !t.contains(char::is_whitespace)
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && t.chars().next().is_some_and(char::is_alphabetic)
        && !t.ends_with('.')
        && t.chars()
            .skip(1)
            .any(|c| c == '_' || c == '.' || c.is_ascii_digit())
        && !noise::is_placeholder(t)
        && !t.contains("..")
}

/// Words a menu uses that are capitalised like a name ("Best Answer", "Sign
/// In", "Trending News"): a name line must not be one.
fn is_menu_word_line(text: &str) -> bool {
    const MENU: &[&str] = &[
        "answer",
        "answers",
        "best",
        "top",
        "news",
        "trending",
        "sign",
        "log",
        "in",
        "up",
        "more",
        "all",
        "new",
        "hot",
        "explore",
        "help",
        "questions",
        "question",
        "home",
        "feed",
        "spaces",
        "following",
        "notifications",
        "messages",
        "topics",
        "experts",
        "pricing",
        "about",
        "contact",
        "careers",
        "terms",
        "privacy",
        "company",
        "app",
        "download",
        "get",
        "ask",
        "browse",
        "related",
        "comments",
        "reply",
        "share",
        "search",
        "menu",
        "site",
        "admin",
        "moderator",
        "team",
        "users",
        "tags",
        "rules",
        "posts",
        "board",
        "index",
        "forum",
        "community",
        "faq",
        "register",
        "login",
        "profile",
        "settings",
        "safety",
        "center",
        "centre",
        "policy",
        "cookie",
        "cookies",
        "quick",
        "links",
        "jump",
        "to",
    ];
    noise::words(text)
        .iter()
        .any(|w| MENU.contains(&w.as_str()))
}

/// "Post by Margit Oberholzer » Sat Feb 10, 2024", "Answered by Jo Bell · 3y":
/// the name after "by", up to a separator.
fn by_line(text: &str) -> Option<String> {
    // ASCII lower case keeps byte offsets, so `lower`'s indices fit `text`.
    let lower = text.to_ascii_lowercase();
    let at = lower.find("by ")?;
    let before = &lower[..at];
    if !(before.is_empty() || before.ends_with(' ')) || word_count(before) > 2 {
        return None;
    }
    // "Answered by …", "Post by …", "Written by …": not "Upvoted by" or "Asked by".
    let verb = before.trim().trim_end_matches(':');
    if !matches!(
        verb,
        "" | "post"
            | "posted"
            | "answered"
            | "answer"
            | "written"
            | "reply"
            | "replied"
            | "submitted"
            | "response"
            | "article"
            | "story"
            | "text"
            | "words"
    ) {
        return None;
    }
    let rest = text[at + 3..].trim();
    let mut name = rest
        .split(['»', '·', '|', '•', '—', '–', ',', '('])
        .next()?
        .trim();
    for cut in [" on ", " at ", " in "] {
        if let Some(at) = name.find(cut) {
            name = name[..at].trim();
        }
    }
    let name = strip_user_prefix(name);
    if (noise::looks_like_name(name) && !is_menu_word_line(name)) || is_user_name(name) {
        return Some(name.to_owned());
    }
    // "By Ilse Vantongeren Senior editor": the name, then what the page ran
    // into it; the longest leading words that are a name.
    let words: Vec<&str> = name.split_whitespace().collect();
    const ROLE: &[&str] = &[
        "senior",
        "junior",
        "chief",
        "editor",
        "staff",
        "writer",
        "professor",
        "teacher",
        "historian",
        "lecturer",
        "author",
        "contributor",
        "member",
        "moderator",
        "admin",
        "student",
        "phd",
        "curator",
        "tutor",
        "expert",
        "verified",
        "retired",
        "former",
        "guest",
        "columnist",
        "correspondent",
        "reporter",
    ];
    (2..=words.len().min(4)).rev().find_map(|n| {
        let head = words[..n].join(" ");
        let role = noise::words(&head)
            .iter()
            .any(|w| ROLE.contains(&w.as_str()));
        (!role && noise::looks_like_name(&head) && !is_menu_word_line(&head)).then_some(head)
    })
}

/// "Profile photo for Rowena Ashdown", "Profile picture of Collins Mbeki",
/// "Wen Liqing's avatar": the name a picture's alt text gives.
fn photo_of(text: &str) -> Option<String> {
    const PICTURE: &[&str] = &["photo", "picture", "avatar", "image", "pic", "portrait"];
    let t = text.trim();
    if word_count(t) > 8 {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    for join in [" for ", " of "] {
        if let Some(at) = lower.find(join) {
            let head = &lower[..at];
            if PICTURE.iter().any(|p| head.ends_with(p)) {
                let name = t[at + join.len()..].trim();
                if noise::looks_like_name(name) || is_user_name(name) {
                    return Some(name.to_owned());
                }
            }
        }
    }
    for p in PICTURE {
        for possessive in ["'s ", "’s "] {
            let tail = format!("{possessive}{p}");
            if lower.ends_with(&tail) {
                let name = t[..t.len() - tail.len()].trim();
                if noise::looks_like_name(name) || is_user_name(name) {
                    return Some(name.to_owned());
                }
            }
        }
    }
    None
}

/// The category: a breadcrumb line with arrows, "›", "»", " > " or " / "
/// anywhere before the answer's header; else a line with "·", "•", "|" or ","
/// right before the title, or one labelled ("Topics: A · B").
fn category_before(units: &[Unit], title_at: Option<usize>, header_start: usize) -> Vec<String> {
    let end = header_start.min(units.len());
    for u in &units[..end] {
        if let Some(path) = strong_category_line(&u.text) {
            return path;
        }
    }
    let near_title = title_at.map(|t| t.saturating_sub(3)..t);
    for (i, u) in units[..end].iter().enumerate() {
        let (labelled, rest) = strip_label(&u.text);
        if labelled || near_title.as_ref().is_some_and(|r| r.contains(&i)) {
            if let Some(path) = weak_category_line(rest, labelled) {
                return path;
            }
        }
    }
    Vec::new()
}

fn strong_category_line(text: &str) -> Option<Vec<String>> {
    let t = strip_label(text).1;
    let strong = ["->", "→", "»", "›", "‹", "«", " > ", " / "]
        .iter()
        .any(|s| t.contains(s));
    if !strong {
        return None;
    }
    let mut t = t.replace(['‹', '«'], "›");
    if t.ends_with('?') {
        // "Home › History › Why did Rome fall?": the trail ends in the page itself.
        let cut = ["->", "→", "»", "›", " > ", " / "]
            .iter()
            .filter_map(|sep| t.rfind(sep))
            .max()?;
        t.truncate(cut);
    } else if is_question_line(&t) {
        return None;
    }
    noise::category_line(&t).map(strip_root)
}

/// "Topics: History · Qing" → (true, "History · Qing"); "Filed under
/// Diplomatic History" → (true, "Diplomatic History").
fn strip_label(text: &str) -> (bool, &str) {
    let t = text.trim();
    let lower = t.to_lowercase();
    for label in [
        "filed under ",
        "posted in ",
        "published in ",
        "categorised as ",
        "categorized as ",
        "you are here",
    ] {
        if lower.starts_with(label) && t.is_char_boundary(label.len()) {
            return (true, t[label.len()..].trim_start_matches(':').trim());
        }
    }
    if let Some((label, rest)) = t.split_once(':') {
        let lw = noise::words(label);
        const LABELS: &[&str] = &[
            "topics",
            "topic",
            "category",
            "categories",
            "subject",
            "subjects",
            "filed",
            "section",
            "tags",
            "tagged",
            "in",
        ];
        if (1..=2).contains(&lw.len()) && lw.iter().any(|w| LABELS.contains(&w.as_str())) {
            return (true, rest.trim());
        }
    }
    (false, t)
}

fn weak_category_line(text: &str, labelled: bool) -> Option<Vec<String>> {
    if ends_sentence(text) {
        return None;
    }
    let parts: Vec<String> = text
        .split(['·', '•', '|', ','])
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let fits = parts.iter().all(|p| {
        word_count(p) <= 4
            && p.chars().next().is_some_and(char::is_uppercase)
            && !p.chars().any(|c| c.is_ascii_digit())
            && !is_menu_word_line(p)
    });
    ((parts.len() >= 2 || labelled && parts.len() == 1) && parts.len() <= 5 && fits)
        .then(|| strip_root(parts))
}

/// Drops a breadcrumb's root ("Home", "Board index", "All Categories", "Start").
fn strip_root(parts: Vec<String>) -> Vec<String> {
    let mut parts = noise::strip_home(parts);
    if parts.len() > 1
        && parts.first().is_some_and(|p| {
            let w = noise::words(p);
            w.iter()
                .any(|x| matches!(x.as_str(), "index" | "home" | "start"))
                || w.len() == 1
                    && matches!(
                        w[0].as_str(),
                        "forum"
                            | "forums"
                            | "board"
                            | "boards"
                            | "categories"
                            | "topics"
                            | "questions"
                            | "community"
                            | "discussions"
                            | "browse"
                    )
                || w.first().is_some_and(|x| x == "all") && w.len() <= 3
        })
    {
        parts.remove(0);
    }
    parts
}

/// "4.1K views", "View 38 upvotes", "Thanks 52", "▲ 1.9K", "Lv 7", "+5 pts",
/// "Posts: 4391", "3 answers · Asked by x · 1,874 views": a short line of
/// numbers and a few short words, no sentence.
pub fn is_counter(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 80 || t.ends_with(['.', '?']) {
        return false;
    }
    let tokens: Vec<&str> = t
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '·' | '•' | '|' | ',')
        })
        .filter(|x| !x.is_empty())
        .collect();
    let is_number = |x: &str| {
        let x = x
            .trim_start_matches(['+', '-', '#'])
            .trim_end_matches(['k', 'K', 'm', 'M', '+', '%']);
        !x.is_empty()
            && x.chars().any(|c| c.is_ascii_digit())
            && x.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == '/')
    };
    let numbers: Vec<&str> = tokens.iter().copied().filter(|x| is_number(x)).collect();
    let words = tokens.len() - numbers.len();
    // "The Treaty of 1648" is a heading, not a count: a year alone counts
    // nothing unless a counted word stands beside it.
    let only_years = numbers
        .iter()
        .all(|x| x.len() == 4 && x.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y)));
    if only_years && !tokens.iter().any(|x| noise::is_count(&format!("1 {x}"))) && !t.contains(':')
    {
        return false;
    }
    !numbers.is_empty() && words <= 6 && tokens.len() <= 10
}

/// An age or date line: "Updated 3y", "2y ago", "10 years ago", "Answered
/// Nov 3, 2021", "Sat Feb 10, 2024 9:15 pm", "Edited on 2023-06-14",
/// "03/14/2023", "1 decade ago", alone or with a credential before a "·".
pub fn is_age_line(text: &str) -> bool {
    let t = text.trim();
    if word_count(t) > 16 || t.ends_with(['.', '?', '!']) && !t.ends_with(" ago.") {
        return false;
    }
    let w: Vec<String> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|' | ',' | '»' | '(' | ')'))
        .filter(|x| !x.is_empty())
        .map(str::to_lowercase)
        .collect();
    const UNITS: &[&str] = &[
        "y", "yr", "yrs", "yr.", "yrs.", "year", "years", "mo", "mos", "month", "months", "w",
        "wk", "wks", "week", "weeks", "d", "day", "days", "h", "hr", "hrs", "hour", "hours", "m",
        "min", "mins", "minute", "minutes", "s", "sec", "secs", "seconds", "decade", "decades",
    ];
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let ago = w
        .iter()
        .any(|x| matches!(x.as_str(), "ago" | "yesterday" | "today" | "just"));
    let compact_age = w.iter().any(|x| {
        // "3y", "5h", "2mo"
        let digits: String = x.chars().take_while(|c| c.is_ascii_digit()).collect();
        !digits.is_empty() && UNITS.contains(&&x[digits.len()..]) && x.len() > digits.len()
    });
    let number_unit = w
        .windows(2)
        .any(|p| p[0].chars().all(|c| c.is_ascii_digit()) && UNITS.contains(&p[1].as_str()) && ago);
    let month_date = w.windows(2).any(|p| {
        MONTHS.contains(&p[0].trim_end_matches('.'))
            && p[1].chars().next().is_some_and(|c| c.is_ascii_digit())
            || p[0].chars().all(|c| c.is_ascii_digit())
                && MONTHS.contains(&p[1].trim_end_matches('.'))
    });
    let numeric_date = w.iter().any(|x| {
        let parts: Vec<&str> = x.split(['-', '/', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            && parts.iter().any(|p| p.len() == 4 || p.len() == 2)
    });
    ago && (number_unit || w.iter().any(|x| x == "decade" || x == "yesterday"))
        || compact_age
        || month_date
        || numeric_date
}

/// Three or more short label lines in a row before the question: a site's menu.
fn has_menu_block(units: &[Unit]) -> bool {
    let mut run = 0;
    for u in units {
        if word_count(&u.text) <= 4 && !ends_sentence(&u.text) {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Whether the page holds an answer besides the kept one: another run of
/// prose with a full sentence of twelve or more words (not the question's own
/// text, which comes after the title before any author header), or another
/// author header (a name, then an age line) followed by a line of six or more
/// words that is neither thanks nor a question.
fn has_other_answers(
    units: &[Unit],
    runs: &[Range<usize>],
    chosen: usize,
    title_at: Option<usize>,
) -> bool {
    let kept = &runs[chosen];
    let after_title = title_at.map_or(0, |t| t + 1);
    let headers: Vec<usize> = (after_title..units.len())
        .filter(|&i| {
            let t = &units[i].text;
            (is_name_line(t) || by_line(t).is_some() || photo_of(t).is_some())
                && ((i..(i + 4).min(units.len())).any(|j| is_age_line(&units[j].text))
                    || (i + 1..(i + 3).min(units.len())).any(|j| is_counter(&units[j].text)))
        })
        .collect();
    let first_header = headers.first().copied();
    let question_text =
        |r: &Range<usize>| r.end <= kept.start && first_header.is_none_or(|h| h >= r.start);
    let answers_something = |u: &Unit| {
        let t = &u.text;
        !noise::is_sign_off(t)
            && !noise::is_greeting(t)
            && !is_thanks(t)
            && !t.ends_with('?')
            && !is_age_line(t)
            && !is_counter(t)
    };
    let another_run = runs.iter().enumerate().any(|(k, r)| {
        k != chosen
            && r.start >= after_title
            && !question_text(r)
            && units[r.clone()]
                .iter()
                .any(|u| is_prose(u) && word_count(&u.text) >= 12 && answers_something(u))
    });
    if another_run {
        return true;
    }
    let kept_header = header_start(units, kept.start, title_at);
    headers
        .iter()
        .filter(|&&h| h < kept_header || h >= kept.end)
        .any(|&h| {
            (h + 1..(h + 6).min(units.len())).any(|j| {
                let u = &units[j];
                word_count(&u.text) >= 6 && answers_something(u) && !is_furniture_line(&u.text)
            })
        })
}

/// "Thank you, that is really clear!", "Great answer, but you should also
/// mention …": a comment on the answer, not another answer.
fn is_thanks(text: &str) -> bool {
    let w = noise::words(text);
    let praise = w.len() >= 2
        && matches!(
            w[0].as_str(),
            "great" | "good" | "excellent" | "nice" | "brilliant" | "fantastic" | "interesting"
        )
        && matches!(
            w[1].as_str(),
            "answer" | "post" | "reply" | "point" | "write"
        );
    praise
        || w.len() <= 20
            && (w.first().is_some_and(|x| x == "thanks" || x == "thx")
                || w.windows(2).any(|p| p[0] == "thank" && p[1] == "you"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_name_may_start_with_a_letter_of_several_bytes() {
        // Found by the fuzz tests: the check sliced the name at byte 1.
        assert!(is_user_name("Ōsaka_1868"));
        assert!(!is_user_name("Ōsaka"));
    }

    #[test]
    fn another_site_s_saved_page() {
        let text = "Skip to content\n\nHome / History / Medieval\n\nHow did the Black Death reach Europe?\n\n5 answers\n\navatar\n\nJonah Price\n\nGood evening everyone!\n\nThe plague reached Sicily in October 1347 on Genoese galleys from Caffa, on the Black Sea, which the Mongols had besieged.\n\nFrom the ports it spread along trade routes, and by 1350 it had reached Scandinavia.\n\nWas this answer helpful?\n\nShare\n\nReport";
        let doc = parse(text, None).unwrap();
        assert_eq!(doc.doc.title, "How did the Black Death reach Europe?");
        assert_eq!(doc.doc.author.as_deref(), Some("Jonah Price"));
        assert_eq!(doc.doc.category_path, vec!["History", "Medieval"]);
        assert_eq!(doc.blocks.len(), 2, "{:?}", doc.blocks);
        assert!(doc.blocks[1].text.ends_with("reached Scandinavia."));
        assert!(doc.notes.is_empty());
    }

    #[test]
    fn a_breadcrumb_labelled_you_are_here() {
        let text = "Skip to content\n\nYou are here: History > Americas > Erie Canal\n\nWhy was the Erie Canal built?\n\n3 answers\n\nRuth Amsel\n\nNew York dug the canal between 1817 and 1825 to link the Great Lakes with the Hudson and the sea.\n\nIt cut the cost of freight from Buffalo to New York City by about nine tenths.\n\nReport";
        let doc = parse(text, None).unwrap();
        assert_eq!(
            doc.doc.category_path,
            vec!["History", "Americas", "Erie Canal"]
        );
    }

    #[test]
    fn plain_prose_is_not_a_saved_page() {
        assert!(parse("A title\n\nSome text about Rome.\n\nMore text.", None).is_none());
        assert!(parse(
            "Why did Rome fall?\n\nRome fell slowly, over centuries, as its armies and its taxes failed.\n\nBy 476 the west had no emperor left.",
            None
        )
        .is_none());
    }

    #[test]
    fn a_saved_page_without_blank_lines() {
        let text = "spinner\nHow did Byzantium survive?\nHistory / Medieval\n7 Replies\nHow did Byzantium survive?\nUser_Photo\nMara Lind\nHello all!\nIts walls held for centuries.\nIts navy held the straits.\nThanks for reading!\nReply";
        let doc = parse(text, None).unwrap();
        assert_eq!(doc.doc.title, "How did Byzantium survive?");
        assert_eq!(doc.doc.author.as_deref(), Some("Mara Lind"));
        assert_eq!(doc.doc.category_path, vec!["History", "Medieval"]);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Its walls held for centuries.",
                "Its navy held the straits."
            ]
        );
    }

    #[test]
    fn the_best_answer_is_kept_and_the_others_noted() {
        let text = "Why did Carthage lose the Second Punic War?\n\n2 answers\n\nAda Brook\n3y ago\n\nRome had more men, and it kept fighting after Cannae when other states would have sued for peace.\n\n✓ Accepted answer\n\nOtto Lind\n2y ago\n\nHannibal never received enough reinforcements from Carthage, whose council feared him and spent its money in Spain.\n\nScipio then carried the war to Africa, and Hannibal was beaten at Zama in 202 BC.\n\n10 upvotes";
        let doc = parse(text, None).unwrap();
        assert_eq!(doc.doc.author.as_deref(), Some("Otto Lind"));
        assert!(doc.blocks[0].text.starts_with("Hannibal never received"));
        assert_eq!(doc.notes, vec![OTHER_ANSWERS_NOTE.to_owned()]);
    }

    #[test]
    fn counters_and_ages() {
        for yes in [
            "4.1K views",
            "View 38 upvotes",
            "Thanks 52",
            "▲ 1.9K",
            "Lv 7",
            "+5 pts",
            "Posts: 4391",
            "3 answers · Asked by x · 1,874 views",
        ] {
            assert!(is_counter(yes), "{yes}");
        }
        for no in [
            "In 1648 the war ended.",
            "The Thirty Years War",
            "Why did 1848 fail?",
        ] {
            assert!(!is_counter(no), "{no}");
        }
        for yes in [
            "Updated 3y",
            "2y ago",
            "10 years ago",
            "Answered Nov 3, 2021",
            "Post by x » Sat Feb 10, 2024 9:15 pm",
            "Edited on 2023-06-14",
            "03/14/2023",
            "Former lecturer · Updated 3y",
            "1 decade ago",
            "2 yr. ago",
        ] {
            assert!(is_age_line(yes), "{yes}");
        }
        for no in [
            "The war began in 1618 and ended in 1648.",
            "Modern Japan | 19th century",
            "Lv 7",
        ] {
            assert!(!is_age_line(no), "{no}");
        }
    }

    #[test]
    fn names_in_headers() {
        assert_eq!(
            photo_of("Profile photo for Rowena Ashdown").as_deref(),
            Some("Rowena Ashdown")
        );
        assert_eq!(
            photo_of("Wen Liqing's avatar").as_deref(),
            Some("Wen Liqing")
        );
        assert_eq!(
            by_line("Post by Margit Oberholzer » Sat Feb 10, 2024 9:15 pm").as_deref(),
            Some("Margit Oberholzer")
        );
        assert_eq!(by_line("Asked by Quincy Pell"), None);
        assert!(is_user_name("sable_and_quill"));
        assert!(is_user_name("wendelin.k"));
        assert!(!is_user_name("profile-img"));
        assert!(!is_name_line("Best Answer"));
        assert!(is_best_mark("★ Best answer"));
        assert!(is_best_mark("Chosen by Asker"));
    }
}
