//! A review session: today's queue in memory, so each answer costs one
//! transaction and a few indexed reads, however large the collection.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::day::learner_day_start;
use crate::cards::{CardStatus, DeckCard};
use crate::error::{Error, Result};
use crate::ids::CardId;
use crate::quiz::ChoiceSource;
use crate::schedule::{
    QueueState, Rating, Schedule, Scheduler, SchedulerConfig, DAY_MS, LEARN_AHEAD_MS,
};
use crate::store::{AnswerMode, AnswerOrigin, Store};

/// How the learner answers in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewMode {
    /// See the prompt, reveal the answer, grade yourself.
    Reveal,
    /// Type the answer; Clio checks it leniently and suggests a grade.
    Typed,
    /// Pick from four choices.
    Choice,
}

impl From<ReviewMode> for AnswerMode {
    fn from(mode: ReviewMode) -> AnswerMode {
        match mode {
            ReviewMode::Reveal => AnswerMode::Reveal,
            ReviewMode::Typed => AnswerMode::Typed,
            ReviewMode::Choice => AnswerMode::Choice,
        }
    }
}

/// What is left in today's queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueueCounts {
    pub new: u32,
    pub learning: u32,
    pub review: u32,
}

/// One answer button: its grade and where it leads ("Good · 10m").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GradeButton {
    pub rating: Rating,
    pub interval: String,
}

/// The card on screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewCard {
    pub card: DeckCard,
    pub state: QueueState,
    pub buttons: Vec<GradeButton>,
    /// In choice mode: four options, the answer among them; empty when no
    /// options of the answer's sort exist (the card says so and is revealed).
    pub choices: Vec<String>,
}

/// Where the session stands after each step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewStatus {
    /// The next card, or none when today's work is done (for now).
    pub card: Option<ReviewCard>,
    pub counts: QueueCounts,
    /// When a learning card comes back, if the queue is empty until then.
    #[ts(type = "number | null")]
    pub next_due_at: Option<i64>,
    pub answered: u32,
    pub can_undo: bool,
    /// The last answer made its card a leech: for a note on the review screen.
    pub leech: Option<LeechNote>,
}

/// A card that just became a leech (tagged `leech`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LeechNote {
    #[ts(type = "number")]
    pub card_id: i64,
    pub prompt: String,
    /// How many times it has been forgotten.
    pub lapses: u32,
    /// Whether it was suspended too (the learner's preference).
    pub suspended: bool,
}

pub struct ReviewSession {
    scheduler: Scheduler,
    day_start: i64,
    /// Today's cards in order, with their state for the counts.
    queue: VecDeque<(i64, QueueState)>,
    /// The cards in `queue` and how many of each kind: a lifetime's queue
    /// holds some 86,000 cards, and counting or searching it on every answer
    /// cost ~0.1 ms.
    queued: HashSet<i64>,
    queue_counts: QueueCounts,
    /// Learning cards coming back later today: (due, card id), soonest first,
    /// and each one's due time (tens of thousands at a lifetime's scale).
    intraday: BTreeSet<(i64, i64)>,
    intraday_due: HashMap<i64, i64>,
    /// This session's answers, newest last, for undo.
    answered_ids: Vec<i64>,
    /// The card the last status showed: the one an answer may grade, even if a
    /// learning card fell due while the learner was thinking.
    shown: Option<i64>,
    /// The last answer made its card a leech.
    leech: Option<LeechNote>,
    /// Where choice mode's options come from, the library's names read once.
    choices: ChoiceSource,
}

impl ReviewSession {
    /// Builds today's queue from the store.
    pub fn start(store: &Store, config: SchedulerConfig, now: i64) -> Result<ReviewSession> {
        let day_start = learner_day_start(now);
        let day_end = day_start + DAY_MS;
        let new_limit = config.new_per_day;
        let scheduler = Scheduler::new(config)?.with_day_start(day_start);
        let candidates = store.review_candidates(now, day_end, new_limit)?;
        let done = store.done_today(day_start)?;
        let order = scheduler.todays_queue(&candidates, now, day_start, done);
        let states: HashMap<i64, &Schedule> = candidates
            .iter()
            .map(|c| (c.card_id, &c.schedule))
            .collect();
        let queue: VecDeque<(i64, QueueState)> =
            order.iter().map(|id| (*id, states[id].state)).collect();
        let mut queue_counts = QueueCounts::default();
        for &(_, state) in &queue {
            count(&mut queue_counts, state, 1);
        }
        // Learning cards due later today than the learn-ahead come back in this session too.
        // (A set: a lifetime's collection has tens of thousands of learning cards.)
        let queued: HashSet<i64> = order.iter().copied().collect();
        let intraday_due: HashMap<i64, i64> = candidates
            .iter()
            .filter(|c| c.schedule.state.is_intraday() && !queued.contains(&c.card_id))
            .map(|c| (c.card_id, c.schedule.due.unwrap_or(now)))
            .collect();
        let intraday = intraday_due.iter().map(|(&id, &due)| (due, id)).collect();
        Ok(ReviewSession {
            scheduler,
            day_start,
            queue,
            queued,
            queue_counts,
            intraday,
            intraday_due,
            answered_ids: Vec::new(),
            leech: None,
            shown: None,
            choices: ChoiceSource::new(),
        })
    }

    /// The ids of the next `n` cards in today's queue (learning cards due later excluded).
    pub fn upcoming(&self, n: usize) -> Vec<i64> {
        self.queue.iter().take(n).map(|&(id, _)| id).collect()
    }

    pub fn counts(&self) -> QueueCounts {
        QueueCounts {
            learning: self.queue_counts.learning + self.intraday.len() as u32,
            ..self.queue_counts
        }
    }

    /// The card to show at `now`: a learning card that is due, else the next
    /// in the queue, else a learning card due within the learn-ahead.
    fn next_id(&self, now: i64) -> Option<i64> {
        let soonest = self.intraday.first().copied();
        match (soonest, self.queue.front()) {
            (Some((due, id)), _) if due <= now => Some(id),
            (_, Some(&(id, _))) => Some(id),
            (Some((due, id)), None) if due <= now + LEARN_AHEAD_MS => Some(id),
            _ => None,
        }
    }

    /// The session as the screen shows it; the card in it is the one to answer.
    pub fn status(&mut self, store: &Store, now: i64, mode: ReviewMode) -> Result<ReviewStatus> {
        self.shown = self.next_id(now);
        let card = match self.shown {
            Some(id) => Some(self.review_card(store, id, now, mode)?),
            None => None,
        };
        let next_due_at = if card.is_none() {
            self.intraday.first().map(|&(due, _)| due)
        } else {
            None
        };
        Ok(ReviewStatus {
            card,
            counts: self.counts(),
            next_due_at,
            answered: self.answered_ids.len() as u32,
            can_undo: !self.answered_ids.is_empty(),
            leech: self.leech.clone(),
        })
    }

    fn review_card(
        &mut self,
        store: &Store,
        id: i64,
        now: i64,
        mode: ReviewMode,
    ) -> Result<ReviewCard> {
        let card = store.deck_card(CardId(id))?;
        let schedule = store.schedule_of(CardId(id))?;
        let buttons = self
            .scheduler
            .preview(&schedule, now, id)
            .into_iter()
            .map(|o| GradeButton {
                rating: o.rating,
                interval: o.label,
            })
            .collect();
        let choices = match mode {
            ReviewMode::Choice => choices_for(store, &mut self.choices, &card)?,
            _ => Vec::new(),
        };
        Ok(ReviewCard {
            card,
            state: schedule.state,
            buttons,
            choices,
        })
    }

    /// Records an answer (one transaction) and moves on. Only the card on
    /// screen (the last status's, or the next one when no status was asked
    /// for) may be answered, so a double key press cannot grade twice.
    pub fn answer(
        &mut self,
        store: &mut Store,
        card_id: i64,
        rating: Rating,
        now: i64,
        duration_ms: Option<i64>,
        mode: ReviewMode,
    ) -> Result<()> {
        if self.shown.or_else(|| self.next_id(now)) != Some(card_id) {
            return Err(Error::Invalid(format!(
                "card {card_id} is not the one being reviewed now; it may have been answered already. Carry on with the card shown."
            )));
        }
        let before = store.schedule_of(CardId(card_id))?;
        let outcome = self.scheduler.answer(&before, rating, now, card_id);
        store.record_answer(
            &outcome,
            &before,
            duration_ms,
            mode.into(),
            AnswerOrigin::Review,
        )?;
        self.remove(card_id);
        self.leech = if outcome.leech {
            Some(LeechNote {
                card_id,
                prompt: store.deck_card(CardId(card_id))?.card.prompt,
                lapses: outcome.schedule.lapses,
                suspended: outcome.suspend,
            })
        } else {
            None
        };
        if outcome.schedule.state.is_intraday() && !outcome.suspend {
            let due = outcome.schedule.due.unwrap_or(now);
            if due < self.day_start + DAY_MS {
                self.intraday.insert((due, card_id));
                self.intraday_due.insert(card_id, due);
            }
        }
        self.answered_ids.push(card_id);
        self.shown = None;
        Ok(())
    }

    /// Takes back this session's last answer; the card is shown again next.
    pub fn undo(&mut self, store: &mut Store) -> Result<bool> {
        let Some(expected) = self.answered_ids.pop() else {
            return Ok(false);
        };
        let Some(card_id) = store.undo_last_answer()? else {
            return Ok(false);
        };
        self.leech = None;
        if card_id != expected {
            // Someone else (the CLI) answered since; their answer was the last one.
            self.answered_ids.push(expected);
        }
        self.remove(card_id);
        let state = store.schedule_of(CardId(card_id))?.state;
        self.queue.push_front((card_id, state));
        self.queued.insert(card_id);
        count(&mut self.queue_counts, state, 1);
        self.shown = None;
        Ok(true)
    }

    /// Takes a card out of today's session (suspended or buried).
    pub fn skip(&mut self, card_id: i64) {
        self.remove(card_id);
        self.shown = None;
    }

    fn remove(&mut self, card_id: i64) {
        if self.queued.remove(&card_id) {
            // Almost always the front: the card just shown.
            let at = match self.queue.front() {
                Some(&(id, _)) if id == card_id => Some(0),
                _ => self.queue.iter().position(|&(id, _)| id == card_id),
            };
            if let Some((_, state)) = at.and_then(|at| self.queue.remove(at)) {
                count(&mut self.queue_counts, state, -1);
            }
        }
        if let Some(due) = self.intraday_due.remove(&card_id) {
            self.intraday.remove(&(due, card_id));
        }
    }
}

/// Adds `by` (1 or -1) to the count of `state`'s kind.
fn count(counts: &mut QueueCounts, state: QueueState, by: i32) {
    let slot = match state {
        QueueState::New => &mut counts.new,
        QueueState::Learning | QueueState::Relearning => &mut counts.learning,
        QueueState::Review => &mut counts.review,
    };
    *slot = slot.saturating_add_signed(by);
}

/// The options for a card in choice mode: its own for a multiple-choice card,
/// otherwise the answer and three of its sort (see [`ChoiceSource`]); none
/// when there are none to be found, and the card then says so.
fn choices_for(store: &Store, source: &mut ChoiceSource, card: &DeckCard) -> Result<Vec<String>> {
    let c = &card.card;
    if c.status != CardStatus::Accepted {
        return Ok(Vec::new());
    }
    let Some(mut choices) = source.options(store, c)? else {
        return Ok(Vec::new());
    };
    if c.choices.len() >= 2 {
        return Ok(choices);
    }
    // The answer's place depends on the card, not always first.
    choices.retain(|o| o != &c.answer);
    let at = (c.id.0.unsigned_abs() as usize * 7 + 3) % (choices.len() + 1);
    choices.insert(at, c.answer.clone());
    Ok(choices)
}
