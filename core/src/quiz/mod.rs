//! On-demand quizzes: a handful of accepted cards from a document, a category,
//! the whole deck or the cards due soon, asked one at a time as typed,
//! multiple-choice or true/false questions, scored, and kept in a history.
//!
//! A quiz never writes reviews itself: whether its answers count as reviews is
//! stored on the session ([`counts_as_review`]) for the review module to act on.
//!
//! The rules live here; the SQL lives in `store::quiz`.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cards::CardKind;
use crate::cards::StoredCard;
use crate::error::{Error, Result};
use crate::ids::{CardId, DocumentId};
use crate::schedule::{check_typed, AnswerDiff};
use crate::store::Store;

mod choices;
pub use choices::{ChoiceSource, NO_CHOICES_NOTE};

/// At most this many questions in one quiz.
pub const MAX_QUESTIONS: u32 = 100;

/// Which cards a quiz draws from (accepted cards only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum QuizScope {
    /// The cards of one document.
    #[serde(rename_all = "camelCase")]
    Document { document_id: DocumentId },
    /// The cards of the documents in a category or any of its subcategories.
    Category { path: Vec<String> },
    /// The whole deck.
    All,
    /// Cards already due or due within the next `days` days.
    DueSoon { days: u32 },
}

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum QuizFormat {
    /// The answer is typed; checked leniently (case, accents, one typo).
    Typed,
    /// Pick the answer among four.
    Choice,
    /// Judge a statement.
    TrueFalse,
}

impl QuizFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            QuizFormat::Typed => "typed",
            QuizFormat::Choice => "choice",
            QuizFormat::TrueFalse => "true_false",
        }
    }

    /// The format stored as `value`; unknown values read as typed.
    pub fn from_db(value: &str) -> QuizFormat {
        match value {
            "choice" => QuizFormat::Choice,
            "true_false" => QuizFormat::TrueFalse,
            _ => QuizFormat::Typed,
        }
    }
}

/// What the learner asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizRequest {
    pub scope: QuizScope,
    /// From 1 to 100; fewer questions when the scope has fewer cards.
    pub question_count: u32,
    /// The formats to use; empty for a mix of all that suit each card.
    pub formats: Vec<QuizFormat>,
    /// Whether the answers should also count as reviews of the cards.
    pub counts_as_review: bool,
}

/// One question as the learner sees it: never the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizQuestion {
    /// 1 for the first question.
    pub position: u32,
    pub card_id: CardId,
    pub format: QuizFormat,
    pub prompt: String,
    /// Choice and true/false: the options, in the order to show. Empty for typed.
    pub choices: Vec<String>,
    /// Why the question is asked another way than the learner chose, if it is
    /// (e.g. no multiple-choice options exist for its answer).
    pub note: Option<String>,
}

/// A quiz just started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizSession {
    #[ts(type = "number")]
    pub id: i64,
    /// What the quiz is on, e.g. the document's title or "Everything".
    pub scope_label: String,
    pub questions: Vec<QuizQuestion>,
}

/// The verdict on one answer, with where the fact stands in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizFeedback {
    pub correct: bool,
    pub expected: String,
    /// Typed answers: what was typed against the answer, word by word.
    pub diff: Option<AnswerDiff>,
    pub document_id: Option<DocumentId>,
    #[ts(type = "number | null")]
    pub span_start: Option<usize>,
    #[ts(type = "number | null")]
    pub span_end: Option<usize>,
    /// The sentence the card came from.
    pub source_text: Option<String>,
}

/// A question answered wrongly or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissedQuestion {
    pub position: u32,
    pub prompt: String,
    pub expected: String,
    /// None when the question was not answered.
    pub given: Option<String>,
    /// None when the card was deleted since.
    pub card_id: Option<CardId>,
    pub document_id: Option<DocumentId>,
    pub document_title: Option<String>,
    #[ts(type = "number | null")]
    pub span_start: Option<usize>,
    #[ts(type = "number | null")]
    pub span_end: Option<usize>,
}

/// A finished quiz's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizResult {
    pub correct: u32,
    /// The questions answered: the score is `correct` of these.
    pub total: u32,
    /// Questions left unanswered when the quiz ended; not scored.
    pub unanswered: u32,
    /// False when nothing was answered: such a quiz is not kept in the history.
    pub saved: bool,
    /// Answered wrongly or not at all, in question order.
    pub missed: Vec<MissedQuestion>,
}

/// One past quiz, for the history list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuizSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub scope_label: String,
    #[ts(type = "number")]
    pub started_at: i64,
    /// None while unfinished.
    #[ts(type = "number | null")]
    pub finished_at: Option<i64>,
    pub question_count: u32,
    pub correct_count: u32,
    /// The score is `correct_count` of these; unanswered questions are not scored.
    pub answered_count: u32,
}

/// A question ready for the store: what is asked and what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedQuestion {
    pub question: QuizQuestion,
    pub expected: String,
}

/// A quiz ready for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuiz {
    /// `quiz_sessions.scope_kind`.
    pub scope_kind: &'static str,
    /// `quiz_sessions.scope_ref`: the document's uid, the category path as
    /// JSON, or the number of days.
    pub scope_ref: Option<String>,
    /// `quiz_sessions.formats`: "mixed" or the formats joined by commas.
    pub formats: String,
    pub counts_as_review: bool,
    pub questions: Vec<PlannedQuestion>,
}

/// A stored question with what the answer needs to be checked and shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredQuestion {
    pub format: QuizFormat,
    pub expected: String,
    pub answered: bool,
    pub finished: bool,
    pub document_id: Option<DocumentId>,
    pub span_start: Option<usize>,
    pub span_end: Option<usize>,
    pub source_text: Option<String>,
    /// The card asked about; `None` once the card was deleted.
    pub card_id: Option<CardId>,
}

/// Picks up to `question_count` accepted cards in scope at random (the same
/// quiz for the same `seed`), chooses how each is asked, and stores the quiz.
pub fn start_quiz(
    store: &mut Store,
    request: &QuizRequest,
    now: i64,
    seed: u64,
) -> Result<QuizSession> {
    if !(1..=MAX_QUESTIONS).contains(&request.question_count) {
        return Err(Error::Invalid(format!(
            "A quiz has from 1 to {MAX_QUESTIONS} questions; {} were asked for. Choose a number in that range.",
            request.question_count
        )));
    }
    let (scope_kind, scope_ref, label) = describe_scope(store, &request.scope)?;
    let mut cards = store.quiz_candidates(&request.scope, now)?;
    if cards.is_empty() {
        return Err(Error::Invalid(empty_scope_message(&request.scope)));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    cards.shuffle(&mut rng);
    cards.truncate(request.question_count as usize);

    let allowed: Vec<QuizFormat> = if request.formats.is_empty() {
        vec![QuizFormat::Typed, QuizFormat::Choice, QuizFormat::TrueFalse]
    } else {
        request.formats.clone()
    };
    let mut source = ChoiceSource::new();
    let mut questions = Vec::with_capacity(cards.len());
    for (i, card) in cards.iter().enumerate() {
        let (format, choices, note) = ask(store, card, &allowed, &mut source, &mut rng)?;
        questions.push(PlannedQuestion {
            question: QuizQuestion {
                position: i as u32 + 1,
                card_id: card.id,
                format,
                prompt: card.prompt.clone(),
                choices,
                note,
            },
            expected: card.answer.clone(),
        });
    }
    let formats = if request.formats.is_empty() {
        "mixed".to_owned()
    } else {
        request
            .formats
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let quiz = NewQuiz {
        scope_kind,
        scope_ref,
        formats,
        counts_as_review: request.counts_as_review,
        questions,
    };
    let id = store.insert_quiz(&quiz, now)?;
    Ok(QuizSession {
        id,
        scope_label: label,
        questions: quiz.questions.into_iter().map(|q| q.question).collect(),
    })
}

/// Checks and records the answer to one question: typed answers leniently
/// (as in reviews), choices exactly. A question is answered once.
pub fn answer_question(
    store: &mut Store,
    session_id: i64,
    position: u32,
    given: &str,
    now: i64,
    duration_ms: i64,
) -> Result<QuizFeedback> {
    let q = store.quiz_question(session_id, position)?;
    if q.finished {
        return Err(Error::Invalid(
            "This quiz is finished, so its answers can no longer change. Start a new quiz to try again.".into(),
        ));
    }
    if q.answered {
        return Err(Error::Invalid(format!(
            "Question {position} of this quiz was already answered; each question takes one answer. Go on to the next one."
        )));
    }
    let (correct, diff) = match q.format {
        QuizFormat::Typed => {
            let check = check_typed(&q.expected, given);
            (check.correct, Some(check.diff))
        }
        QuizFormat::Choice | QuizFormat::TrueFalse => (given.trim() == q.expected.trim(), None),
    };
    store.record_quiz_answer(
        session_id,
        position,
        given,
        correct,
        now,
        duration_ms.max(0),
    )?;
    // The learner chose to let this quiz count: right is Good, wrong is Again.
    if let Some(card_id) = q
        .card_id
        .filter(|_| store.quiz_counts_as_review(session_id).unwrap_or(false))
    {
        let config = crate::review::scheduler_config(store)?;
        crate::review::record_quiz_answer(store, &config, card_id.0, correct, now, duration_ms)?;
    }
    Ok(QuizFeedback {
        correct,
        expected: q.expected,
        diff,
        document_id: q.document_id,
        span_start: q.span_start,
        span_end: q.span_end,
        source_text: q.source_text,
    })
}

/// Ends a quiz and gives its score over the questions answered (those left
/// unanswered are listed but not scored); a quiz with no answer is dropped.
pub fn finish_quiz(store: &mut Store, session_id: i64, now: i64) -> Result<QuizResult> {
    store.finish_quiz(session_id, now)
}

/// Past quizzes with at least one answer, newest first, at most `limit` of them.
pub fn quiz_history(store: &Store, limit: usize) -> Result<Vec<QuizSummary>> {
    Ok(store
        .quiz_history(limit)?
        .into_iter()
        .map(|row| QuizSummary {
            scope_label: scope_label(
                &row.scope_kind,
                row.scope_ref.as_deref(),
                row.document_title.as_deref(),
            ),
            ..row.summary
        })
        .collect())
}

/// Whether the learner asked for this quiz's answers to count as reviews.
pub fn counts_as_review(store: &Store, session_id: i64) -> Result<bool> {
    store.quiz_counts_as_review(session_id)
}

/// The label of a stored scope, as the history shows it.
pub fn scope_label(kind: &str, scope_ref: Option<&str>, document_title: Option<&str>) -> String {
    match kind {
        "document" => document_title.map_or_else(|| "A deleted document".to_owned(), str::to_owned),
        "category" => {
            let path: Vec<String> = scope_ref
                .and_then(|r| serde_json::from_str(r).ok())
                .unwrap_or_default();
            path.join(" / ")
        }
        "due_soon" => {
            let days: u32 = scope_ref.and_then(|r| r.parse().ok()).unwrap_or(0);
            due_soon_label(days)
        }
        _ => "Everything".to_owned(),
    }
}

fn due_soon_label(days: u32) -> String {
    match days {
        0 => "Due now".to_owned(),
        1 => "Due in the next day".to_owned(),
        n => format!("Due in the next {n} days"),
    }
}

/// The stored form of a scope and its label; refuses scopes that name nothing.
fn describe_scope(
    store: &Store,
    scope: &QuizScope,
) -> Result<(&'static str, Option<String>, String)> {
    Ok(match scope {
        QuizScope::Document { document_id } => {
            let (uid, title) = store.document_uid_and_title(*document_id)?;
            ("document", Some(uid), title)
        }
        QuizScope::Category { path } => {
            if path.iter().all(|name| name.trim().is_empty()) {
                return Err(Error::Invalid("Choose a category for the quiz.".into()));
            }
            if store.category_id(path)?.is_none() {
                return Err(Error::Invalid(format!(
                    "There is no category “{}” in your library. Choose one from the list.",
                    path.join(" / ")
                )));
            }
            let json = serde_json::to_string(path).unwrap_or_default();
            ("category", Some(json), path.join(" / "))
        }
        QuizScope::All => ("all", None, "Everything".to_owned()),
        QuizScope::DueSoon { days } => ("due_soon", Some(days.to_string()), due_soon_label(*days)),
    })
}

fn empty_scope_message(scope: &QuizScope) -> String {
    match scope {
        QuizScope::Document { .. } => {
            "This document has no cards in your deck yet. Accept some suggested cards first.".into()
        }
        QuizScope::Category { .. } => {
            "This category has no cards in your deck yet. Accept some suggested cards first.".into()
        }
        QuizScope::All => {
            "Your deck has no cards yet. Accept some suggested cards in the reader first.".into()
        }
        QuizScope::DueSoon { days } => format!(
            "No cards in your deck are due {}. Choose another scope for the quiz.",
            match days {
                0 => "now".to_owned(),
                1 => "in the next day".to_owned(),
                n => format!("in the next {n} days"),
            }
        ),
    }
}

/// How a card is asked, and its choices: a format among those allowed that
/// suits the card (typed when none does). A true/false card is asked as
/// true/false whenever that is allowed, since typing "True" is no question.
/// The note says why a card asked for as multiple choice is typed instead.
fn ask(
    store: &Store,
    card: &StoredCard,
    allowed: &[QuizFormat],
    source: &mut ChoiceSource,
    rng: &mut StdRng,
) -> Result<(QuizFormat, Vec<String>, Option<String>)> {
    let is_true_false = card.kind == CardKind::TrueFalse;
    if is_true_false && allowed.contains(&QuizFormat::TrueFalse) {
        return Ok((
            QuizFormat::TrueFalse,
            vec!["True".to_owned(), "False".to_owned()],
            None,
        ));
    }
    // Trying the allowed formats in a random order picks uniformly among
    // those that suit the card, and looks for distractors only when needed.
    let mut order: Vec<QuizFormat> = Vec::with_capacity(allowed.len());
    for &format in allowed {
        if format != QuizFormat::TrueFalse && !order.contains(&format) {
            order.push(format);
        }
    }
    order.shuffle(rng);
    for format in order {
        if format == QuizFormat::Typed {
            break;
        }
        if !is_true_false {
            if let Some(mut options) = source.options(store, card)? {
                options.shuffle(rng);
                return Ok((QuizFormat::Choice, options, None));
            }
        }
    }
    // Asked for choices only (not a mix with typing), the learner is told why
    // this one is typed.
    let note = (allowed.contains(&QuizFormat::Choice) && !allowed.contains(&QuizFormat::Typed))
        .then(|| format!("{NO_CHOICES_NOTE} Type the answer instead."));
    Ok((QuizFormat::Typed, Vec::new(), note))
}

#[cfg(test)]
mod tests;
