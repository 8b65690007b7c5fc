//! Fitting the FSRS parameters to the learner's own review log.

use fsrs::{ComputeParametersInput, FSRSItem, FSRSReview, FSRS};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Rating, DAY_MS};
use crate::{Error, Result};

/// Anki suggests optimizing once a preset has about this many reviews: fewer
/// fit the noise rather than the learner.
pub const MIN_REVIEWS_FOR_OPTIMIZE: usize = 400;

/// One card's answers, oldest first: `(reviewed_at, rating)`. Only the
/// learner's own answers (`review_log.origin = 'review'`) from the card's
/// first answer on; rescheduling and imported rows are not answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardHistory {
    #[ts(type = "number")]
    pub card_id: i64,
    #[ts(as = "Vec<(f64, Rating)>")]
    pub reviews: Vec<(i64, Rating)>,
}

/// What optimizing found. `parameters` are the ones to use: the new ones only
/// if they predict this learner's recalls better (lower log loss) than the
/// current ones, else the current ones unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OptimizeReport {
    /// How many reviews the fit and the comparison used (one per answer on a
    /// later day than the card's previous answer).
    #[ts(type = "number")]
    pub reviews_used: usize,
    /// Log loss of the current parameters on the log (lower is better).
    pub log_loss_before: f32,
    /// Log loss of the newly fitted parameters.
    pub log_loss_after: f32,
    pub parameters: Vec<f32>,
    pub adopted: bool,
}

/// Fits FSRS to `history` with `fsrs::compute_parameters` and compares the
/// fit with `current_parameters` (empty = defaults) by `evaluate`'s log loss.
/// `day_start` is any instant at which the learner's day starts: FSRS counts
/// elapsed time in whole learner days.
pub fn optimize(
    history: &[CardHistory],
    current_parameters: &[f32],
    day_start: i64,
) -> Result<OptimizeReport> {
    optimize_with_progress(history, current_parameters, day_start, |_, _| {})
}

/// Answers beyond this many are not all used: the fit takes a sample of whole
/// cards with about this many answers, so memory stays bounded however long
/// the log (each answer becomes a training item holding the card's history
/// up to it). A sample this size fits the parameters as well as the whole.
pub const MAX_ANSWERS_FOR_OPTIMIZE: usize = 2_000_000;

/// `optimize`, reporting the fit's progress as `(done, total)` about twice a
/// second from another thread.
pub fn optimize_with_progress(
    history: &[CardHistory],
    current_parameters: &[f32],
    day_start: i64,
    on_progress: impl Fn(usize, usize) + Sync,
) -> Result<OptimizeReport> {
    let sampled = sample(history, MAX_ANSWERS_FOR_OPTIMIZE);
    let history = sampled.as_deref().unwrap_or(history);
    optimize_with(history, current_parameters, day_start, |items, card_ids| {
        let progress = fsrs::CombinedProgressState::new_shared();
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    if let Ok(p) = progress.lock() {
                        on_progress(p.current(), p.total());
                    }
                }
            });
            let result = fsrs::compute_parameters(ComputeParametersInput {
                train_set: items,
                card_ids: Some(card_ids),
                progress: Some(progress.clone()),
                // FSRS 6 fits same-day (short-term) reviews too.
                enable_short_term: true,
                ..Default::default()
            });
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            result
        })
    })
}

/// A sample of whole cards with about `limit` answers in all, the same every
/// time (chosen by a hash of the card id); `None` when all fit.
fn sample(history: &[CardHistory], limit: usize) -> Option<Vec<CardHistory>> {
    let total: usize = history.iter().map(|h| h.reviews.len()).sum();
    if total <= limit {
        return None;
    }
    let share = limit as f64 / total as f64;
    Some(
        history
            .iter()
            .filter(|h| f64::from(super::fuzz_factor(h.card_id, 0)) < share)
            .cloned()
            .collect(),
    )
}

/// `optimize` with the fitting step given, so tests can check the decision
/// with a fit that is known to be worse.
pub(crate) fn optimize_with(
    history: &[CardHistory],
    current_parameters: &[f32],
    day_start: i64,
    fit: impl FnOnce(Vec<FSRSItem>, Vec<i64>) -> fsrs::Result<Vec<f32>>,
) -> Result<OptimizeReport> {
    super::config::check_parameters(current_parameters)?;
    let (items, card_ids) = fsrs_items(history, day_start);
    if items.is_empty() {
        return Err(Error::Invalid(
            "there are no reviews to optimize on yet: a card needs answers on two different days"
                .into(),
        ));
    }
    let failed = |what: &str, e: fsrs::FSRSError| Error::Invalid(format!("{what} failed: {e:?}"));
    let fitted =
        fit(items.clone(), card_ids).map_err(|e| failed("fitting the FSRS parameters", e))?;
    let log_loss = |parameters: &[f32]| -> Result<f32> {
        let model = FSRS::new(parameters).map_err(|e| failed("loading the FSRS parameters", e))?;
        let evaluation = model
            .evaluate(items.clone(), |_| true)
            .map_err(|e| failed("evaluating the FSRS parameters", e))?;
        Ok(evaluation.log_loss)
    };
    let log_loss_before = log_loss(current_parameters)?;
    let log_loss_after = log_loss(&fitted)?;
    // Keep the old parameters on a tie: a change must earn its place.
    let adopted = log_loss_after < log_loss_before;
    Ok(OptimizeReport {
        reviews_used: items.len(),
        log_loss_before,
        log_loss_after,
        parameters: if adopted {
            fitted
        } else {
            current_parameters.to_vec()
        },
        adopted,
    })
}

/// The training items Anki builds: for each answer after a card's first, the
/// card's answers up to it, with `delta_t` in whole learner days since the
/// answer before (0 for answers on the same day). Only answers on a later
/// day than the previous one are items — they are what the forgetting curve
/// predicts — but same-day answers stay in the histories, where FSRS 6's
/// short-term formula uses them. Items come in time order, as fsrs expects.
pub(crate) fn fsrs_items(history: &[CardHistory], day_start: i64) -> (Vec<FSRSItem>, Vec<i64>) {
    let offset = day_start.rem_euclid(DAY_MS);
    let day = |t: i64| (t - offset).div_euclid(DAY_MS);
    let mut timed: Vec<(i64, i64, FSRSItem)> = Vec::new();
    for card in history {
        let mut reviews = card.reviews.clone();
        reviews.sort_by_key(|r| r.0);
        let mut so_far: Vec<FSRSReview> = Vec::with_capacity(reviews.len());
        let mut previous_day: Option<i64> = None;
        for &(at, rating) in &reviews {
            let delta_t = previous_day.map_or(0, |p| (day(at) - p).max(0) as u32);
            previous_day = Some(day(at));
            so_far.push(FSRSReview {
                rating: u32::from(rating.as_u8()),
                delta_t,
            });
            if so_far.len() > 1 && delta_t > 0 {
                timed.push((
                    at,
                    card.card_id,
                    FSRSItem {
                        reviews: so_far.clone(),
                    },
                ));
            }
        }
    }
    timed.sort_by_key(|t| (t.0, t.1));
    timed.into_iter().map(|(_, id, item)| (item, id)).unzip()
}

#[cfg(test)]
mod sample_tests {
    use super::*;

    #[test]
    fn a_long_log_is_sampled_by_whole_cards() {
        let history: Vec<CardHistory> = (1..=1000)
            .map(|card_id| CardHistory {
                card_id,
                reviews: (0..10).map(|i| (i * DAY_MS, Rating::Good)).collect(),
            })
            .collect();
        assert!(sample(&history, 10_000).is_none());
        let kept = sample(&history, 2_000).unwrap();
        let answers: usize = kept.iter().map(|h| h.reviews.len()).sum();
        assert!((1_500..=2_500).contains(&answers), "{answers} answers kept");
        assert!(kept.iter().all(|h| h.reviews.len() == 10), "whole cards");
        assert_eq!(
            sample(&history, 2_000).unwrap(),
            kept,
            "the same sample every time"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY0: i64 = 1_749_945_600_000;
    const H: i64 = 3_600_000;

    #[test]
    fn items_follow_anki_s_rules() {
        let history = vec![CardHistory {
            card_id: 5,
            reviews: vec![
                (DAY0 + 9 * H, Rating::Again),
                (DAY0 + 9 * H + 60_000, Rating::Good),
                (DAY0 + 9 * H + 660_000, Rating::Good),
                (DAY0 + DAY_MS + 20 * H, Rating::Good), // next day, 35 hours later
                (DAY0 + 4 * DAY_MS + 8 * H, Rating::Hard),
            ],
        }];
        let (items, ids) = fsrs_items(&history, DAY0);
        assert_eq!(ids, vec![5, 5]);
        let deltas: Vec<Vec<(u32, u32)>> = items
            .iter()
            .map(|i| i.reviews.iter().map(|r| (r.rating, r.delta_t)).collect())
            .collect();
        assert_eq!(deltas[0], vec![(1, 0), (3, 0), (3, 0), (3, 1)]);
        assert_eq!(deltas[1], vec![(1, 0), (3, 0), (3, 0), (3, 1), (2, 3)]);
        // The learner's day boundary decides: 23:00 then 05:00 is one day with
        // midnight days, none with days starting at 06:00.
        let late = vec![CardHistory {
            card_id: 1,
            reviews: vec![(DAY0 + 23 * H, Rating::Good), (DAY0 + 29 * H, Rating::Good)],
        }];
        assert_eq!(fsrs_items(&late, DAY0).0.len(), 1);
        assert_eq!(fsrs_items(&late, DAY0 + 6 * H).0.len(), 0);
    }

    #[test]
    fn nothing_to_learn_from_is_an_error_that_says_so() {
        let err = optimize(&[], &[], DAY0).unwrap_err().to_string();
        assert!(err.contains("no reviews to optimize on yet"), "{err}");
        let err = optimize(&[], &[1.0, 2.0], DAY0).unwrap_err().to_string();
        assert!(err.contains("17, 19 or 21 numbers"), "{err}");
    }
}
