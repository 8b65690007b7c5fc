//! What makes a card the learner wrote or changed acceptable.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CardDraft, StoredCard};
use crate::cards::CardKind;
use crate::error::{Error, Result};

const MAX_PROMPT_CHARS: usize = 1000;
const MAX_ANSWER_CHARS: usize = 200;

/// The learner's change to a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardEdit {
    pub prompt: String,
    pub answer: String,
}

/// A card's new prompt, answer and choices, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditedCard {
    pub prompt: String,
    pub answer: String,
    pub choices: Vec<String>,
}

impl CardEdit {
    /// The edit applied to `card`, or a message saying what to fix. A multiple
    /// choice card's options follow its answer.
    pub fn apply(self, card: &StoredCard) -> Result<EditedCard> {
        let (prompt, answer) = check(card.kind, &self.prompt, &self.answer)?;
        let choices = match card.kind {
            CardKind::MultipleChoice => replace_choice(&card.choices, &card.answer, &answer)?,
            _ => Vec::new(),
        };
        Ok(EditedCard {
            prompt,
            answer,
            choices,
        })
    }
}

/// A draft checked against its document's body: the rules of [`CardEdit`], and
/// a source span that lies in the body and holds the source text.
pub fn validate_draft(draft: CardDraft, body: &str) -> Result<CardDraft> {
    let (prompt, answer) = check(draft.kind, &draft.prompt, &draft.answer)?;
    let choices = match draft.kind {
        CardKind::MultipleChoice => draft.choices,
        _ => Vec::new(),
    };
    if draft.kind == CardKind::MultipleChoice && !choices.contains(&answer) {
        return Err(Error::Invalid(
            "The answer must be one of the choices.".into(),
        ));
    }
    let source: String = body
        .chars()
        .skip(draft.span_start)
        .take(draft.span_end.saturating_sub(draft.span_start))
        .collect();
    if draft.span_start >= draft.span_end || source != draft.source_text {
        return Err(Error::Invalid(
            "The card's source is not in the document any more (it may have changed). Select the text again.".into(),
        ));
    }
    Ok(CardDraft {
        prompt,
        answer,
        choices,
        ..draft
    })
}

/// Trimmed prompt and answer, or what is wrong with them.
fn check(kind: CardKind, prompt: &str, answer: &str) -> Result<(String, String)> {
    let prompt = prompt.trim();
    let answer = answer.trim();
    if prompt.is_empty() {
        return Err(Error::Invalid(
            "The prompt is empty. Write the question (or the sentence with a blank).".into(),
        ));
    }
    if answer.is_empty() {
        return Err(Error::Invalid(
            "The answer is empty. Write what the learner should recall.".into(),
        ));
    }
    let prompt_len = prompt.chars().count();
    if prompt_len > MAX_PROMPT_CHARS {
        return Err(Error::Invalid(format!(
            "The prompt is {prompt_len} characters long; keep it under {MAX_PROMPT_CHARS} (one fact per card)."
        )));
    }
    let answer_len = answer.chars().count();
    if answer_len > MAX_ANSWER_CHARS {
        return Err(Error::Invalid(format!(
            "The answer is {answer_len} characters long; keep it under {MAX_ANSWER_CHARS}: a name, date or short phrase."
        )));
    }
    match kind {
        CardKind::Cloze if !prompt.contains("___") => Err(Error::Invalid(
            "A cloze needs a blank: write ___ where the answer goes.".into(),
        )),
        CardKind::TrueFalse if !matches!(answer, "True" | "False") => Err(Error::Invalid(
            "A true/false card's answer is True or False.".into(),
        )),
        _ => Ok((prompt.to_owned(), answer.to_owned())),
    }
}

/// The options with the old answer replaced by the new one.
fn replace_choice(choices: &[String], old: &str, new: &str) -> Result<Vec<String>> {
    if old != new && choices.iter().any(|c| c == new) {
        return Err(Error::Invalid(format!(
            "“{new}” is already one of the wrong choices; choose another answer or edit the choices."
        )));
    }
    Ok(choices
        .iter()
        .map(|c| if c == old { new.to_owned() } else { c.clone() })
        .collect())
}
