//! What each answer does to a card: Anki's learning, review and relearning
//! rules, with FSRS choosing every interval counted in days.

use fsrs::{ItemState, NextStates};

use super::fuzz::{fuzz_factor, fuzzed_days, minimum_review_interval};
use super::leech::is_leech;
use super::{format_interval, AnswerOutcome, Outcome, QueueState, Rating, Schedule, Scheduler};
use super::{DAY_MS, MINUTE_MS};

/// FSRS intervals shorter than half a day stay same-day steps when there are
/// no configured steps to use (Anki's rule for short-term FSRS).
const SHORT_TERM_DAYS: f32 = 0.5;

/// Seconds in a day, as the f32 Anki multiplies a short-term interval by.
const SECONDS_PER_DAY: f32 = 86_400.0;

impl Scheduler {
    /// The outcome of each button, Again to Easy, for the card at `now`.
    pub fn preview(&self, schedule: &Schedule, now: i64, card_id: i64) -> [Outcome; 4] {
        let fuzz = self
            .config
            .fuzz
            .then(|| fuzz_factor(card_id, schedule.reps));
        self.preview_with_fuzz_factor(schedule, now, fuzz)
    }

    /// The four outcomes with the fuzz factor given (`None`: no fuzz) rather
    /// than the card's own. For checking the rules against Anki, whose factor
    /// comes from its own random generator: every factor in `0..1` gives one
    /// of the intervals Anki could choose.
    pub fn preview_with_fuzz_factor(
        &self,
        schedule: &Schedule,
        now: i64,
        fuzz: Option<f32>,
    ) -> [Outcome; 4] {
        self.fuzz_preview(schedule, now).outcomes(fuzz)
    }

    /// The card's outcomes for any number of fuzz factors, with the memory
    /// model run once (see `preview_with_fuzz_factor`).
    pub fn fuzz_preview<'a>(&'a self, schedule: &'a Schedule, now: i64) -> FuzzPreview<'a> {
        FuzzPreview(Context::new(self, schedule, now, None))
    }

    /// Answers the card: its new schedule and the review log row.
    pub fn answer(
        &self,
        schedule: &Schedule,
        rating: Rating,
        now: i64,
        card_id: i64,
    ) -> AnswerOutcome {
        let fuzz = self
            .config
            .fuzz
            .then(|| fuzz_factor(card_id, schedule.reps));
        let outcome = Context::new(self, schedule, now, fuzz).outcome(rating);
        let after = outcome.schedule;
        let leech = schedule.state == QueueState::Review
            && rating == Rating::Again
            && is_leech(after.lapses, self.config.leech_threshold);
        AnswerOutcome {
            card_id,
            rating,
            reviewed_at: now,
            state_before: schedule.state,
            state_after: after.state,
            due_after: after.due,
            stability: after.stability,
            difficulty: after.difficulty,
            elapsed_days: schedule
                .last_review_at
                .map(|last| (now - last).max(0) as f64 / DAY_MS as f64),
            interval_ms: outcome.interval_ms,
            schedule: after,
            leech,
            suspend: leech && self.config.leech_suspend,
        }
    }
}

/// One card's outcomes at one time, for fuzz factors chosen by the caller.
pub struct FuzzPreview<'a>(Context<'a>);

impl FuzzPreview<'_> {
    /// The four outcomes with this fuzz factor (`None`: no fuzz).
    pub fn outcomes(&mut self, fuzz: Option<f32>) -> [Outcome; 4] {
        self.0.fuzz = fuzz;
        Rating::ALL.map(|rating| self.0.outcome(rating))
    }
}

/// Where an answer sends the card.
enum Next {
    /// A (re)learning step: back in `delay_ms`.
    Step {
        state: QueueState,
        step: u32,
        delay_ms: i64,
    },
    /// A review in `days` whole learner days.
    Review { days: u32 },
}

/// Everything one answer needs, computed once for all four buttons.
struct Context<'a> {
    scheduler: &'a Scheduler,
    card: &'a Schedule,
    now: i64,
    fsrs: NextStates,
    /// One factor per card and review, shared by the four buttons (as Anki).
    fuzz: Option<f32>,
}

impl<'a> Context<'a> {
    fn new(
        scheduler: &'a Scheduler,
        card: &'a Schedule,
        now: i64,
        fuzz: Option<f32>,
    ) -> Context<'a> {
        let config = &scheduler.config;
        let memory = card.memory();
        // Whole learner days since the last answer; 0 (same day) makes FSRS 6
        // use its short-term stability formula.
        let days = match (memory, card.last_review_at) {
            (Some(_), Some(last)) => scheduler.days_between(anki_last_review(last), now),
            _ => 0,
        };
        let retention = config.desired_retention;
        let fsrs = scheduler
            .fsrs
            .next_states(memory, retention, days)
            // Only a non-finite memory state fails; start afresh rather than stop.
            .or_else(|_| scheduler.fsrs.next_states(None, retention, 0))
            .expect("FSRS initial states are finite for validated parameters");
        Context {
            scheduler,
            card,
            now,
            fsrs,
            fuzz,
        }
    }

    /// Whether FSRS may keep a card for a same-day step when no steps are
    /// configured: only when its short-term weights (17 and 18) are positive,
    /// or with the default weights (Anki's `fsrs_allow_short_term`).
    fn short_term_allowed(&self) -> bool {
        let w = &self.scheduler.config.parameters;
        w.is_empty() || (w.len() >= 19 && w[17] > 0.0 && w[18] > 0.0)
    }

    /// The interval the card was last given, in days (Anki's
    /// `scheduled_days`): from the learner day of its last answer to the day
    /// it fell due; 0 when it has none.
    fn last_interval_days(&self) -> u32 {
        match (self.card.due, self.card.last_review_at) {
            (Some(due), Some(last)) if self.card.state == QueueState::Review => {
                let s = self.scheduler;
                (s.day_number(due) - s.day_number(last)).clamp(0, i64::from(u32::MAX)) as u32
            }
            _ => 0,
        }
    }

    fn state_for(&self, rating: Rating) -> &ItemState {
        match rating {
            Rating::Again => &self.fsrs.again,
            Rating::Hard => &self.fsrs.hard,
            Rating::Good => &self.fsrs.good,
            Rating::Easy => &self.fsrs.easy,
        }
    }

    fn outcome(&self, rating: Rating) -> Outcome {
        let config = &self.scheduler.config;
        let card = self.card;
        let mut lapses = card.lapses;
        let next = match card.state {
            QueueState::New => {
                self.in_steps(&config.learning_steps, 0, rating, QueueState::Learning)
            }
            QueueState::Learning => self.in_steps(
                &config.learning_steps,
                card.step,
                rating,
                QueueState::Learning,
            ),
            QueueState::Relearning => self.in_steps(
                &config.relearning_steps,
                card.step,
                rating,
                QueueState::Relearning,
            ),
            QueueState::Review => {
                if rating == Rating::Again {
                    lapses += 1;
                }
                self.in_review(rating)
            }
        };
        let memory = self.state_for(rating).memory;
        let (state, step, due, interval_ms) = match next {
            Next::Step {
                state,
                step,
                delay_ms,
            } => (state, step, self.now + delay_ms, delay_ms),
            Next::Review { days } => {
                let interval_ms = i64::from(days) * DAY_MS;
                // Due at the start of the learner's day, so the card is due all
                // that day and the elapsed days FSRS sees are the interval.
                let due = self.scheduler.day_start_of(self.now) + interval_ms;
                (QueueState::Review, 0, due, interval_ms)
            }
        };
        Outcome {
            rating,
            schedule: Schedule {
                state,
                due: Some(due),
                stability: Some(memory.stability),
                difficulty: Some(memory.difficulty),
                step,
                reps: card.reps.saturating_add(1),
                lapses,
                last_review_at: Some(self.now),
            },
            interval_ms,
            label: format_interval(interval_ms),
        }
    }

    /// Learning (new cards too) and relearning: Anki's step rules.
    fn in_steps(&self, steps: &[f32], step: u32, rating: Rating, state: QueueState) -> Next {
        let fsrs = &self.fsrs;
        if steps.is_empty() {
            // No steps: FSRS decides from the first answer; Easy still at
            // least a day longer than Good.
            return match rating {
                Rating::Easy => self.easy_graduation(),
                _ => self.short_term_or_review(self.state_for(rating).interval, state, 0),
            };
        }
        let index = (step as usize).min(steps.len() - 1);
        match rating {
            Rating::Again => Next::Step {
                state,
                step: 0,
                delay_ms: minutes_to_ms(steps[0]),
            },
            Rating::Hard => Next::Step {
                state,
                step: index as u32,
                delay_ms: hard_delay_ms(steps, index),
            },
            Rating::Good => match steps.get(index + 1) {
                Some(&next) => Next::Step {
                    state,
                    step: index as u32 + 1,
                    delay_ms: minutes_to_ms(next),
                },
                // The last step passed: graduate on FSRS's interval.
                None => Next::Review {
                    days: self.days(fsrs.good.interval.round().max(1.0), 1),
                },
            },
            Rating::Easy => self.easy_graduation(),
        }
    }

    /// Easy leaves the steps at once, at least a day after Good would.
    fn easy_graduation(&self) -> Next {
        let good = self.days(self.fsrs.good.interval, 1);
        Next::Review {
            days: self.days(self.fsrs.easy.interval.round().max(1.0), good + 1),
        }
    }

    /// An FSRS interval used where there are no steps: under half a day it is
    /// a same-day step (if the weights allow short-term scheduling), otherwise
    /// a review. As in Anki, the step is in whole seconds, cut off, not
    /// rounded, from the interval in f32 days.
    fn short_term_or_review(&self, interval_days: f32, state: QueueState, step: u32) -> Next {
        if interval_days < SHORT_TERM_DAYS && self.short_term_allowed() {
            let seconds = (interval_days * SECONDS_PER_DAY).max(1.0) as i64;
            Next::Step {
                state,
                step,
                delay_ms: seconds * 1000,
            }
        } else {
            Next::Review {
                days: self.days(interval_days.round().max(1.0), 1),
            }
        }
    }

    fn in_review(&self, rating: Rating) -> Next {
        let config = &self.scheduler.config;
        let fsrs = &self.fsrs;
        match rating {
            Rating::Again => match config.relearning_steps.first() {
                Some(&first) => Next::Step {
                    state: QueueState::Relearning,
                    step: 0,
                    delay_ms: minutes_to_ms(first),
                },
                // No steps: a same-day step, or a review in FSRS's interval,
                // not fuzzed (Anki fuzzes when the card leaves relearning).
                None => {
                    match self.short_term_or_review(fsrs.again.interval, QueueState::Relearning, 0)
                    {
                        Next::Review { .. } => Next::Review {
                            days: fuzzed_days(
                                fsrs.again.interval.round().max(1.0),
                                None,
                                1,
                                config.maximum_interval_days,
                            ),
                        },
                        step => step,
                    }
                }
            },
            // Each passing interval depends on the one before: Hard at least a
            // day, Good longer than Hard, Easy longer than Good; and each is
            // kept from falling back below the last interval (Anki's floor).
            _ => {
                let last = self.last_interval_days();
                let maximum = config.maximum_interval_days;
                let floor = |interval: f32| minimum_review_interval(interval, last, maximum);
                let hard = self.days(fsrs.hard.interval, floor(fsrs.hard.interval).max(1));
                let good = self.days(fsrs.good.interval, floor(fsrs.good.interval).max(hard + 1));
                let days = match rating {
                    Rating::Hard => hard,
                    Rating::Good => good,
                    _ => self.days(fsrs.easy.interval, floor(fsrs.easy.interval).max(good + 1)),
                };
                Next::Review { days }
            }
        }
    }

    /// Whole days, fuzzed, at least `minimum` and at most the maximum interval.
    fn days(&self, interval_days: f32, minimum: u32) -> u32 {
        let maximum = self.scheduler.config.maximum_interval_days;
        fuzzed_days(interval_days, self.fuzz, minimum, maximum)
    }
}

/// The answer time as Anki counts days from it: in whole seconds, and one
/// second earlier. Anki counts the days since the last answer as whole days
/// from it to the end of today, so an answer in the very first second of a
/// learner day counts as one of the day before.
fn anki_last_review(last_ms: i64) -> i64 {
    last_ms.div_euclid(1000) * 1000 - 1000
}

fn minutes_to_ms(minutes: f32) -> i64 {
    (f64::from(minutes) * MINUTE_MS as f64).round() as i64
}

/// Hard repeats the current step, except on the first step, where repeating
/// it would equal Again: there it is halfway to the second step, or 50% more
/// than the only step (but at most a day more). Longer than a day rounds to
/// whole days, so the answer gives the same wait whenever in the day it is made.
fn hard_delay_ms(steps: &[f32], index: usize) -> i64 {
    if index > 0 {
        return minutes_to_ms(steps[index]);
    }
    let first = minutes_to_ms(steps[0]);
    let delay = match steps.get(1) {
        Some(&second) => (first + minutes_to_ms(second)) / 2,
        None => (first * 3 / 2).min(first + DAY_MS),
    };
    if delay > DAY_MS {
        ((delay as f64 / DAY_MS as f64).round() as i64) * DAY_MS
    } else {
        delay
    }
}

#[cfg(test)]
mod tests {
    use super::super::SchedulerConfig;
    use super::*;

    const T0: i64 = 1_750_000_000_000; // some afternoon, 2025-06-15 UTC

    fn scheduler(config: SchedulerConfig) -> Scheduler {
        Scheduler::new(config).unwrap()
    }

    fn no_fuzz() -> Scheduler {
        scheduler(SchedulerConfig {
            fuzz: false,
            ..Default::default()
        })
    }

    fn labels(outcomes: &[Outcome; 4]) -> Vec<String> {
        outcomes.iter().map(|o| o.label.clone()).collect()
    }

    #[test]
    fn new_card_buttons_follow_the_learning_steps() {
        let s = no_fuzz();
        let outcomes = s.preview(&Schedule::new_card(), T0, 1);
        // Easy graduates on FSRS's first Easy stability (8.3 days by default).
        assert_eq!(labels(&outcomes), ["1m", "6m", "10m", "8d"]);
        let [again, hard, good, easy] = &outcomes;
        assert_eq!(again.schedule.state, QueueState::Learning);
        assert_eq!(
            (again.schedule.step, again.schedule.due),
            (0, Some(T0 + MINUTE_MS))
        );
        assert_eq!((hard.schedule.step, hard.interval_ms), (0, 330_000));
        assert_eq!((good.schedule.step, good.interval_ms), (1, 10 * MINUTE_MS));
        assert_eq!(easy.schedule.state, QueueState::Review);
        for o in &outcomes {
            assert_eq!(o.schedule.reps, 1);
            assert_eq!(o.schedule.last_review_at, Some(T0));
            assert!(o.schedule.stability.unwrap() > 0.0);
        }
        // The initial stabilities are FSRS's own.
        assert_eq!(good.schedule.stability, Some(fsrs::DEFAULT_PARAMETERS[2]));
    }

    #[test]
    fn good_on_the_last_step_graduates_on_the_fsrs_interval() {
        let s = no_fuzz();
        let a = s.answer(&Schedule::new_card(), Rating::Good, T0, 1);
        assert_eq!(a.state_before, QueueState::New);
        assert_eq!(a.state_after, QueueState::Learning);
        assert_eq!(a.elapsed_days, None);
        let t1 = T0 + 10 * MINUTE_MS;
        let b = s.answer(&a.schedule, Rating::Good, t1, 1);
        assert_eq!(b.state_after, QueueState::Review);
        assert_eq!(b.schedule.step, 0);
        // A same-day Good: FSRS's short-term formula never lowers stability.
        assert!(b.stability.unwrap() >= a.stability.unwrap());
        let days = b.interval_ms / DAY_MS;
        assert_eq!(days as f32, b.stability.unwrap().round().max(1.0)); // at 90%, interval = stability
        assert_eq!(b.due_after, Some(s.day_start_of(t1) + days * DAY_MS));
        assert!((b.elapsed_days.unwrap() - 10.0 / 1440.0).abs() < 1e-9);
    }

    #[test]
    fn hard_and_again_inside_the_steps() {
        let s = no_fuzz();
        let on_second = s
            .answer(&Schedule::new_card(), Rating::Good, T0, 1)
            .schedule;
        let hard = s.answer(&on_second, Rating::Hard, T0 + 10 * MINUTE_MS, 1);
        // Hard on a later step repeats that step.
        assert_eq!((hard.schedule.step, hard.interval_ms), (1, 10 * MINUTE_MS));
        let again = s.answer(&on_second, Rating::Again, T0 + 10 * MINUTE_MS, 1);
        assert_eq!((again.schedule.step, again.interval_ms), (0, MINUTE_MS));
        assert_eq!(again.state_after, QueueState::Learning);
        assert_eq!(again.schedule.lapses, 0); // lapses count forgotten reviews only
    }

    #[test]
    fn hard_delay_rules() {
        assert_eq!(hard_delay_ms(&[1.0, 10.0], 0), 330_000);
        assert_eq!(hard_delay_ms(&[1.0, 10.0], 1), 600_000);
        assert_eq!(hard_delay_ms(&[10.0], 0), 900_000);
        assert_eq!(hard_delay_ms(&[1000.0], 0), DAY_MS); // 1500 min rounds to a day
    }

    fn review_card(s: &Scheduler, now: i64) -> Schedule {
        let a = s
            .answer(&Schedule::new_card(), Rating::Good, now, 7)
            .schedule;
        s.answer(&a, Rating::Good, now + 10 * MINUTE_MS, 7).schedule
    }

    #[test]
    fn a_lapse_relearns_then_graduates_shorter() {
        let s = no_fuzz();
        let card = review_card(&s, T0);
        let due = card.due.unwrap();
        let lapse = s.answer(&card, Rating::Again, due + HOUR, 7);
        assert_eq!(lapse.state_before, QueueState::Review);
        assert_eq!(lapse.state_after, QueueState::Relearning);
        assert_eq!((lapse.schedule.lapses, lapse.schedule.step), (1, 0));
        assert_eq!(lapse.interval_ms, 10 * MINUTE_MS);
        assert!(lapse.stability.unwrap() < card.stability.unwrap());
        let back = s.answer(
            &lapse.schedule,
            Rating::Good,
            due + HOUR + 10 * MINUTE_MS,
            7,
        );
        assert_eq!(back.state_after, QueueState::Review);
        assert_eq!(back.schedule.lapses, 1);
        assert!(back.interval_ms >= DAY_MS);
        assert!(back.interval_ms < card.due.unwrap() - card.last_review_at.unwrap());
        // Again while relearning starts the steps over without another lapse.
        let again = s.answer(&lapse.schedule, Rating::Again, due + 2 * HOUR, 7);
        assert_eq!(
            (again.state_after, again.schedule.lapses),
            (QueueState::Relearning, 1)
        );
    }

    const HOUR: i64 = super::super::HOUR_MS;

    #[test]
    fn review_intervals_are_ordered_and_capped() {
        let s = no_fuzz();
        let mut card = review_card(&s, T0);
        let mut now = T0;
        for _ in 0..6 {
            now = card.due.unwrap() + HOUR;
            let o = s.preview(&card, now, 7);
            let days: Vec<i64> = o.iter().map(|o| o.interval_ms / DAY_MS).collect();
            assert!(
                days[1] >= 1 && days[1] < days[2] && days[2] < days[3],
                "{days:?}"
            );
            card = o[Rating::Good.index()].schedule;
        }
        for fuzz in [false, true] {
            let capped = scheduler(SchedulerConfig {
                maximum_interval_days: 30,
                fuzz,
                ..Default::default()
            });
            for id in 1..20 {
                for outcome in &capped.preview(&card, now + 100 * DAY_MS, id)[1..] {
                    // Fuzz stays under the cap (it spreads below it, as in Anki).
                    assert!(outcome.interval_ms <= 30 * DAY_MS);
                    if !fuzz {
                        assert_eq!(outcome.interval_ms, 30 * DAY_MS);
                    }
                }
            }
        }
    }

    #[test]
    fn fuzz_is_deterministic_and_spreads_cards_added_together() {
        let s = scheduler(SchedulerConfig::default());
        let plain = no_fuzz();
        let card = Schedule {
            state: QueueState::Review,
            due: Some(T0),
            stability: Some(40.0),
            difficulty: Some(5.0),
            step: 0,
            reps: 5,
            lapses: 0,
            last_review_at: Some(T0 - 40 * DAY_MS),
        };
        let unfuzzed = plain.answer(&card, Rating::Good, T0, 1).interval_ms / DAY_MS;
        let mut seen = std::collections::BTreeSet::new();
        for id in 1..=50 {
            let a = s.answer(&card, Rating::Good, T0, id);
            assert_eq!(
                a,
                s.answer(&card, Rating::Good, T0, id),
                "same input, same output"
            );
            let days = a.interval_ms / DAY_MS;
            let delta = super::super::fuzz::fuzz_delta(unfuzzed as f32).round() as i64;
            assert!((days - unfuzzed).abs() <= delta + 1, "{days} vs {unfuzzed}");
            seen.insert(days);
        }
        assert!(seen.len() >= 5, "cards added together spread out: {seen:?}");
    }

    #[test]
    fn no_steps_uses_fsrs_from_the_first_answer() {
        let s = scheduler(SchedulerConfig {
            learning_steps: vec![],
            relearning_steps: vec![],
            fuzz: false,
            ..Default::default()
        });
        let o = s.preview(&Schedule::new_card(), T0, 1);
        // Again's first stability (0.212 days) is under half a day: a same-day
        // step, in whole seconds cut off as Anki does (18,316.8 s → 18,316 s).
        assert_eq!(o[0].schedule.state, QueueState::Learning);
        assert_eq!(o[0].interval_ms, 18_316_000);
        assert_eq!(o[2].schedule.state, QueueState::Review);
        assert_eq!(o[2].interval_ms, 2 * DAY_MS);
    }

    #[test]
    fn without_short_term_weights_no_same_day_steps() {
        // FSRS 6 defaults with weights 17 and 18 at 0: Anki's
        // `fsrs_allow_short_term` is false, so Again is a one-day review.
        let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
        parameters[17] = 0.0;
        parameters[18] = 0.0;
        let s = scheduler(SchedulerConfig {
            learning_steps: vec![],
            relearning_steps: vec![],
            fuzz: false,
            parameters,
            ..Default::default()
        });
        let o = s.preview(&Schedule::new_card(), T0, 1);
        assert_eq!(o[0].schedule.state, QueueState::Review);
        assert_eq!(o[0].interval_ms, DAY_MS);
        // A lapse, too, goes straight back to review, in FSRS's interval.
        let card = o[2].schedule;
        let lapse = s.answer(&card, Rating::Again, card.due.unwrap() + HOUR, 1);
        assert_eq!(lapse.state_after, QueueState::Review);
        assert_eq!(lapse.schedule.lapses, 1);
    }

    /// A review card last given `last_days`, answered on time, with a
    /// stability giving about `stability` days at 90% retention.
    fn due_review(s: &Scheduler, last_days: i64, stability: f32) -> (Schedule, i64) {
        let last = s.day_start_of(T0) + HOUR;
        let card = Schedule {
            state: QueueState::Review,
            due: Some(s.day_start_of(last) + last_days * DAY_MS),
            stability: Some(stability),
            difficulty: Some(9.0),
            step: 0,
            reps: 5,
            lapses: 0,
            last_review_at: Some(last),
        };
        (card, s.day_start_of(last) + last_days * DAY_MS + HOUR)
    }

    #[test]
    fn a_passing_interval_does_not_fall_back_below_the_last_one() {
        for fuzz in [false, true] {
            let s = scheduler(SchedulerConfig {
                fuzz,
                ..Default::default()
            });
            // Last interval 8 days, stability much lower: FSRS's Hard, Good and
            // Easy all lie near or under 8 days.
            let (card, now) = due_review(&s, 8, 3.0);
            for id in 1..200 {
                let days: Vec<i64> = s.preview(&card, now, id)[1..]
                    .iter()
                    .map(|o| o.interval_ms / DAY_MS)
                    .collect();
                // Within the fuzz range of FSRS's interval the last interval is kept.
                assert!(days[0] >= 8, "fuzz {fuzz} card {id}: {days:?}");
                assert!(days[0] < days[1] && days[1] < days[2], "{days:?}");
            }
            // An interval that grew is at least a day longer than the last one.
            let (card, now) = due_review(&s, 3, 8.0);
            for id in 1..200 {
                let good = s.preview(&card, now, id)[2].interval_ms / DAY_MS;
                assert!(good >= 4, "fuzz {fuzz} card {id}: Good {good} after 3");
            }
            // Far below the last interval (retention raised): no floor.
            let (card, now) = due_review(&s, 100, 2.0);
            let hard = s.preview(&card, now, 1)[1].interval_ms / DAY_MS;
            assert!(hard < 50, "Hard {hard}");
        }
    }

    #[test]
    fn an_answer_in_the_first_second_of_a_day_counts_as_the_day_before() {
        // Anki counts the days since the last answer as whole days from it to
        // the end of today: an answer at 04:00:00 (the day's start) is a day
        // further back than one at 04:00:01.
        let s = no_fuzz().with_day_start(T0);
        let start = s.day_start_of(T0) + 3 * DAY_MS;
        let card = |last| Schedule {
            state: QueueState::Review,
            due: Some(start + 2 * DAY_MS),
            stability: Some(2.0),
            difficulty: Some(5.0),
            step: 0,
            reps: 3,
            lapses: 0,
            last_review_at: Some(last),
        };
        let now = start + 2 * DAY_MS + 5 * HOUR;
        let at_start = s.answer(&card(start), Rating::Good, now, 1);
        let a_second_later = s.answer(&card(start + 1000), Rating::Good, now, 1);
        let a_day_earlier = s.answer(&card(start - DAY_MS + 1000), Rating::Good, now, 1);
        assert_eq!(at_start.stability, a_day_earlier.stability);
        assert!(at_start.stability > a_second_later.stability);
    }

    #[test]
    fn reviews_fall_due_at_the_start_of_the_learner_s_day() {
        // The learner's day starts at 04:00 UTC.
        let day_start = 1_749_945_600_000 + 4 * HOUR; // 2025-06-15 04:00 UTC
        let s = no_fuzz().with_day_start(day_start);
        let card = review_card(&s, day_start + 2 * HOUR);
        assert_eq!((card.due.unwrap() - day_start) % DAY_MS, 0);
        // Answered at 02:00 the next calendar day: still the same learner day.
        assert_eq!(s.day_start_of(day_start + 22 * HOUR), day_start);
        assert_eq!(s.day_start_of(day_start + 24 * HOUR), day_start + DAY_MS);
    }

    proptest::proptest! {
        /// Whatever the card and the answer: the card is due after now,
        /// review intervals are whole days within 1..=maximum, passing review
        /// intervals are ordered, and the memory state stays finite.
        #[test]
        fn answers_keep_their_invariants(
            stability in 0.01f32..20_000.0,
            difficulty in 1.0f32..10.0,
            elapsed_days in 0i64..2_000,
            state in 0usize..4,
            step in 0u32..3,
            reps in 0u32..100,
            card_id in 1i64..1_000_000,
            maximum in 1u32..=36_500,
            fuzz in proptest::bool::ANY,
        ) {
            let s = scheduler(SchedulerConfig { maximum_interval_days: maximum, fuzz, ..Default::default() });
            let state = [QueueState::New, QueueState::Learning, QueueState::Review, QueueState::Relearning][state];
            let now = T0 + elapsed_days * DAY_MS;
            let card = if state == QueueState::New {
                Schedule::new_card()
            } else {
                Schedule {
                    state,
                    due: Some(now),
                    stability: Some(stability),
                    difficulty: Some(difficulty),
                    step,
                    reps,
                    lapses: 0,
                    last_review_at: Some(T0),
                }
            };
            let outcomes = s.preview(&card, now, card_id);
            for o in &outcomes {
                let after = o.schedule;
                proptest::prop_assert!(after.due.unwrap() > now);
                proptest::prop_assert!(after.stability.unwrap().is_finite() && after.stability.unwrap() > 0.0);
                proptest::prop_assert!((1.0..=10.0).contains(&after.difficulty.unwrap()));
                proptest::prop_assert_eq!(after.reps, card.reps + 1);
                if after.state == QueueState::Review {
                    proptest::prop_assert_eq!(o.interval_ms % DAY_MS, 0);
                    let days = o.interval_ms / DAY_MS;
                    proptest::prop_assert!((1..=i64::from(maximum)).contains(&days));
                } else {
                    proptest::prop_assert!(o.interval_ms > 0 && o.interval_ms < DAY_MS);
                }
            }
            if state == QueueState::Review {
                let days: Vec<i64> = outcomes[1..].iter().map(|o| o.interval_ms / DAY_MS).collect();
                let capped = |d: i64| d >= i64::from(maximum) - 5;
                proptest::prop_assert!(days[0] < days[1] || capped(days[1]), "{:?}", days);
                proptest::prop_assert!(days[1] < days[2] || capped(days[2]), "{:?}", days);
            }
            proptest::prop_assert_eq!(s.preview(&card, now, card_id), outcomes);
        }
    }
}
