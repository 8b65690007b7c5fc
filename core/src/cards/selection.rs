//! Cards from the text the learner selected: a cloze of the selection, and a
//! question with the selection as its answer when the generator can write one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::CardDraft;
use super::CardKind;
use crate::error::{Error, Result};
use crate::generate::{generate, sentence_ranges, GenerateOptions};

/// The longest selection that makes sense as an answer.
const MAX_SELECTION_CHARS: usize = 200;

/// The blank a cloze shows where its answer was.
pub const CLOZE_BLANK: &str = "_____";

/// Two ways to make a card from a selection; the learner picks and edits one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SelectionDrafts {
    pub cloze: CardDraft,
    /// A question whose answer is the selection. Its prompt is empty when the
    /// generator found none, for the learner to write.
    pub question: CardDraft,
    pub question_from_generator: bool,
}

/// Drafts for the code points `start..end` of `body`.
pub fn drafts_for_selection(body: &str, start: usize, end: usize) -> Result<SelectionDrafts> {
    let total = body.chars().count();
    if start >= end || end > total {
        return Err(Error::Invalid(format!(
            "The selection (characters {start}–{end}) is not in this text of {total} characters. Select the words again."
        )));
    }
    let (from, to) = trim_selection(body, byte_of(body, start), byte_of(body, end));
    if from >= to {
        return Err(Error::Invalid(
            "The selection holds no words. Select a name, date or phrase.".into(),
        ));
    }
    let answer = &body[from..to];
    let answer_chars = answer.chars().count();
    if answer_chars > MAX_SELECTION_CHARS {
        return Err(Error::Invalid(format!(
            "The selection is {answer_chars} characters long; an answer should be a name, date or short phrase \
             (under {MAX_SELECTION_CHARS}). Select less."
        )));
    }
    let (s_from, s_to) = sentence_around(body, from, to);
    let sentence = &body[s_from..s_to];
    let span_start = body[..s_from].chars().count();
    let span_end = span_start + sentence.chars().count();
    let draft = |kind, prompt: String| CardDraft {
        kind,
        prompt,
        answer: answer.to_owned(),
        choices: Vec::new(),
        source_text: sentence.to_owned(),
        span_start,
        span_end,
    };
    let cloze = collapse_spaces(&format!(
        "{}{CLOZE_BLANK}{}",
        &body[s_from..from],
        &body[to..s_to]
    ));
    let question = generated_question(body, span_start, span_end, answer);
    Ok(SelectionDrafts {
        cloze: draft(CardKind::Cloze, cloze),
        question_from_generator: question.is_some(),
        question: draft(CardKind::Question, question.unwrap_or_default()),
    })
}

/// The byte offset of code point `cp` (the end of the text for `cp == len`).
fn byte_of(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Drops white space around a selection, and the punctuation a drag picks up
/// at its end ("1960," → "1960").
fn trim_selection(body: &str, from: usize, to: usize) -> (usize, usize) {
    let s = &body[from..to];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s
        .trim_start()
        .trim_end()
        .trim_end_matches([',', ';', ':', '.', '!', '?'])
        .trim_end();
    (from + lead, from + lead + trimmed.len())
}

/// The byte range of the sentences the selection touches.
fn sentence_around(body: &str, from: usize, to: usize) -> (usize, usize) {
    let touching: Vec<(usize, usize)> = sentence_ranges(body)
        .into_iter()
        .filter(|&(a, b)| a < to && from < b)
        .collect();
    match (touching.first(), touching.last()) {
        (Some(&(a, _)), Some(&(_, b))) => (a.min(from), b.max(to)),
        _ => (from, to),
    }
}

/// A question the generator wrote for this sentence whose answer is the selection.
fn generated_question(
    body: &str,
    span_start: usize,
    span_end: usize,
    answer: &str,
) -> Option<String> {
    let wanted = normalise(answer);
    generate(
        body,
        &GenerateOptions {
            multiple_choice: false,
            true_false: false,
            cloze: false,
            max_cards: 0,
        },
    )
    .into_iter()
    .filter(|c| c.kind == CardKind::Question && c.span_start < span_end && span_start < c.span_end)
    .find(|c| normalise(&c.answer) == wanted)
    .map(|c| c.prompt)
}

/// Lower case, letters and digits only, for comparing answers.
fn normalise(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
        .collect();
    words.join(" ")
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
