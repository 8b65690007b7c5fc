//! A year of study by a simulated learner whose memory is exactly the FSRS
//! model: the scheduler must deliver the retention it was asked for. And the
//! optimizer, fed the log of a learner unlike the defaults, must notice.

use fsrs::{MemoryState, FSRS};

use super::optimize::optimize_with;
use super::*;

const DAY0: i64 = 1_735_689_600_000; // 2025-01-01 00:00 UTC
const SESSION_START_MS: i64 = 9 * HOUR_MS;
const SECONDS_PER_ANSWER: i64 = 12;

/// SplitMix64: a small seeded generator, so every run draws the same recalls.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How the simulated learner grades: forgotten → Again; recalled → Hard,
/// Good or Easy in fixed shares. A first sight has no memory to recall from.
fn grade(rng: &mut Rng, recall_probability: Option<f64>) -> Rating {
    let u = rng.next_f64();
    match recall_probability {
        None => match u {
            u if u < 0.25 => Rating::Again,
            u if u < 0.35 => Rating::Hard,
            u if u < 0.90 => Rating::Good,
            _ => Rating::Easy,
        },
        Some(r) if u >= r => Rating::Again,
        Some(_) => match rng.next_f64() {
            v if v < 0.15 => Rating::Hard,
            v if v < 0.92 => Rating::Good,
            _ => Rating::Easy,
        },
    }
}

struct Year {
    /// Review-state answers and how many of them were recalled.
    reviews: u32,
    recalled: u32,
    /// The sum of the recall probabilities at those answers: the expected recalls.
    expected: f64,
    answers: u32,
    /// Every answer, per card, for the optimizer.
    history: Vec<CardHistory>,
}

/// `truth`: the learner's real memory model; `None` means the scheduler's
/// own (its stored memory state is the learner's memory).
fn study_a_year(
    config: SchedulerConfig,
    cards: usize,
    days: i64,
    truth: Option<&FSRS>,
    seed: u64,
) -> Year {
    let decay_truth = 0.1542; // the default decay, kept in the "true" parameters below
    let scheduler = Scheduler::new(config).unwrap().with_day_start(DAY0);
    let mut rng = Rng(seed);
    let mut schedules: Vec<QueueCandidate> = (0..cards)
        .map(|i| QueueCandidate {
            card_id: 1000 + i as i64,
            schedule: Schedule::new_card(),
            new_position: Some(i as i64),
        })
        .collect();
    let mut true_memory: Vec<Option<MemoryState>> = vec![None; cards];
    let mut year = Year {
        reviews: 0,
        recalled: 0,
        expected: 0.0,
        answers: 0,
        history: schedules
            .iter()
            .map(|c| CardHistory {
                card_id: c.card_id,
                reviews: Vec::new(),
            })
            .collect(),
    };
    for day in 0..days {
        let day_start = DAY0 + day * DAY_MS;
        let mut now = day_start + SESSION_START_MS;
        let mut done = DoneToday::default();
        loop {
            let queue = scheduler.todays_queue(&schedules, now, day_start, done);
            if queue.is_empty() {
                // Wait for the next learning card due today, if any.
                let next = schedules
                    .iter()
                    .filter(|c| c.schedule.state.is_intraday())
                    .filter_map(|c| c.schedule.due)
                    .filter(|&due| due < day_start + DAY_MS)
                    .min();
                match next {
                    Some(due) => {
                        now = now.max(due);
                        continue;
                    }
                    None => break,
                }
            }
            for id in queue {
                let i = (id - 1000) as usize;
                let card = schedules[i].schedule;
                let p = match truth {
                    None => scheduler.retrievability(&card, now).map(f64::from),
                    Some(_) => true_memory[i].map(|m| {
                        let last = card.last_review_at.unwrap();
                        let days = (now - last) as f32 / DAY_MS as f32;
                        f64::from(fsrs::current_retrievability(m, days, decay_truth))
                    }),
                };
                let rating = grade(&mut rng, p);
                if let Some(model) = truth {
                    // The learner's real memory moves by the true model, with
                    // the same whole-day counting the scheduler uses.
                    let days = card.last_review_at.map_or(0, |last| {
                        ((now - DAY0) / DAY_MS - (last - DAY0) / DAY_MS) as u32
                    });
                    let next = model.next_states(true_memory[i], 0.9, days).unwrap();
                    true_memory[i] = Some(match rating {
                        Rating::Again => next.again.memory,
                        Rating::Hard => next.hard.memory,
                        Rating::Good => next.good.memory,
                        Rating::Easy => next.easy.memory,
                    });
                }
                let outcome = scheduler.answer(&card, rating, now, id);
                match outcome.state_before {
                    QueueState::New => done.new_cards += 1,
                    QueueState::Review => {
                        done.reviews += 1;
                        year.reviews += 1;
                        year.recalled += u32::from(rating.is_pass());
                        year.expected += p.unwrap_or(0.0);
                    }
                    _ => {}
                }
                year.answers += 1;
                year.history[i].reviews.push((now, rating));
                schedules[i].schedule = outcome.schedule;
                now += SECONDS_PER_ANSWER * 1000;
            }
        }
    }
    year
}

fn study_config(desired_retention: f32) -> SchedulerConfig {
    SchedulerConfig {
        desired_retention,
        new_per_day: 20,
        // No review limit: a backlog would change the retention measured.
        reviews_per_day: MAX_REVIEWS_PER_DAY,
        ..Default::default()
    }
}

/// 3000 cards, 20 new a day, 365 days: the share of review-state answers
/// recalled (Anki's "true retention") is the desired retention ± 2 points.
/// Also, as a check on the simulation itself, the recalls drawn agree with
/// the probabilities they were drawn from (within 3 standard errors).
#[test]
fn schedule_simulated_year_meets_desired_retention() {
    let mut report = Vec::new();
    for (target, seed) in [(0.80f32, 1u64), (0.90, 2), (0.95, 3)] {
        let year = study_a_year(study_config(target), 3000, 365, None, seed);
        let n = f64::from(year.reviews);
        let achieved = f64::from(year.recalled) / n;
        let expected = year.expected / n;
        let standard_error = (expected * (1.0 - expected) / n).sqrt();
        report.push(format!(
            "target {target:.2}: achieved {achieved:.4} (model expected {expected:.4}, s.e. {standard_error:.4}) \
             over {} review-state answers ({} answers in all)",
            year.reviews, year.answers
        ));
        assert!(
            year.reviews > 10_000,
            "too few reviews to judge: {report:?}"
        );
        assert!((achieved - f64::from(target)).abs() <= 0.02, "{report:?}");
        assert!(
            (achieved - expected).abs() <= 3.0 * standard_error,
            "{report:?}"
        );
    }
    println!("{}", report.join("\n"));
}

/// Parameters of a learner quite unlike the average: forgets new cards much
/// faster and gains stability more slowly.
fn unusual_learner() -> Vec<f32> {
    let mut w = fsrs::DEFAULT_PARAMETERS.to_vec();
    w[0] = 0.05;
    w[1] = 0.3;
    w[2] = 0.6;
    w[3] = 2.5;
    w[8] = 1.2;
    w
}

fn unusual_log() -> Vec<CardHistory> {
    let truth = FSRS::new(&unusual_learner()).unwrap();
    study_a_year(study_config(0.9), 300, 150, Some(&truth), 7).history
}

#[test]
fn schedule_optimizer_adopts_parameters_that_fit_better() {
    let history = unusual_log();
    let report = optimize(&history, &[], DAY0).unwrap();
    println!("{report:?}");
    assert!(
        report.reviews_used >= MIN_REVIEWS_FOR_OPTIMIZE,
        "{}",
        report.reviews_used
    );
    assert!(report.adopted, "{report:?}");
    assert!(report.log_loss_after < report.log_loss_before);
    assert_ne!(report.parameters, fsrs::DEFAULT_PARAMETERS.to_vec());
    // The fit found the learner's fast forgetting of new cards.
    assert!(
        report.parameters[2] < fsrs::DEFAULT_PARAMETERS[2],
        "{:?}",
        report.parameters
    );
}

#[test]
fn schedule_optimizer_keeps_parameters_when_the_new_are_not_better() {
    let history = unusual_log();
    // The current parameters are the learner's true ones; a fit that lands
    // on the defaults is worse and must not replace them.
    let truth = unusual_learner();
    let report = optimize_with(&history, &truth, DAY0, |_, _| {
        Ok(fsrs::DEFAULT_PARAMETERS.to_vec())
    })
    .unwrap();
    assert!(!report.adopted, "{report:?}");
    assert!(report.log_loss_after > report.log_loss_before);
    assert_eq!(report.parameters, truth);
    // A fit exactly as good as the current parameters does not replace them either.
    let report = optimize_with(&history, &truth, DAY0, |_, _| Ok(unusual_learner())).unwrap();
    assert!(!report.adopted);
}
