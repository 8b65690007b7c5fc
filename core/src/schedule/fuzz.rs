//! Interval fuzz, as Anki does it: a review interval is moved a little, by an
//! amount that grows with the interval, so that cards learnt on the same day
//! do not come back together forever. The "random" factor is a hash of the
//! card id and its review count: the same card at the same point always gets
//! the same interval (answers can be previewed and replayed), while cards
//! added together (consecutive ids) spread out.

/// How much fuzz, each way, for an interval of `days`: none below 2.5 days,
/// then one day plus 15% of the part from 2.5 to 7 days, 10% of the part from
/// 7 to 20, and 5% of the part beyond 20 (Anki's ranges).
pub fn fuzz_delta(days: f32) -> f32 {
    if days < 2.5 {
        return 0.0;
    }
    const RANGES: [(f32, f32, f32); 3] =
        [(2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, f32::MAX, 0.05)];
    RANGES.iter().fold(1.0, |delta, &(start, end, factor)| {
        delta + factor * (days.min(end) - start).max(0.0)
    })
}

/// The whole-day range an interval may be fuzzed into, kept within
/// `minimum..=maximum`. If the range collapses to one day above 2 days, it is
/// widened by a day so fuzz still has an effect (unless `maximum` forbids).
pub fn fuzz_bounds(days: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let days = days.clamp(minimum as f32, maximum as f32);
    let delta = fuzz_delta(days);
    let lower = ((days - delta).round() as u32).clamp(minimum, maximum);
    let mut upper = ((days + delta).round() as u32).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// The least a passing review's interval may be, given the last one
/// (`last_days`), so that fuzz does not undo growth (Anki's
/// `minimum_review_fuzz_interval`): a day more than the last interval when
/// FSRS's interval grew past it; the last interval when FSRS's interval did
/// not grow but the last one is still within its fuzz range; otherwise
/// (the interval shrank, e.g. after a change of retention) no floor.
pub fn minimum_review_interval(days: f32, last_days: u32, maximum: u32) -> u32 {
    let rounded = days.round() as u32;
    let (_, upper) = fuzz_bounds(days, 1, maximum);
    if rounded > last_days {
        last_days.saturating_add(1)
    } else if last_days <= upper {
        last_days
    } else {
        0
    }
}

/// The interval in whole days: fuzzed if `factor` (in `0..1`) is given, else
/// rounded; always within `minimum..=maximum` (and at least 1).
pub fn fuzzed_days(days: f32, factor: Option<f32>, minimum: u32, maximum: u32) -> u32 {
    let maximum = maximum.max(1);
    let minimum = minimum.clamp(1, maximum);
    match factor {
        Some(factor) => {
            let (lower, upper) = fuzz_bounds(days, minimum, maximum);
            let span = (upper - lower + 1) as f32;
            (lower + (factor * span).floor() as u32).min(upper)
        }
        None => {
            let days = if days.is_finite() {
                days.round()
            } else {
                maximum as f32
            };
            (days.max(0.0) as u32).clamp(minimum, maximum)
        }
    }
}

/// A factor in `0..1` from the card id and its review count (SplitMix64, a
/// small well-mixed hash: neighbouring ids give unrelated factors).
pub fn fuzz_factor(card_id: i64, reps: u32) -> f32 {
    let mut z = (card_id as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(u64::from(reps).wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    // 24 bits: exactly representable in an f32, so the result is below 1.
    (z >> 40) as f32 / (1u64 << 24) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_follows_anki_s_ranges() {
        assert_eq!(fuzz_delta(2.4), 0.0);
        assert_eq!(fuzz_delta(2.5), 1.0);
        assert!((fuzz_delta(7.0) - 1.675).abs() < 1e-5);
        assert!((fuzz_delta(20.0) - 2.975).abs() < 1e-5);
        assert!((fuzz_delta(100.0) - 6.975).abs() < 1e-4);
    }

    #[test]
    fn bounds_lower_middle_upper() {
        let pick = |days, min, max| [0.0, 0.5, 0.99].map(|f| fuzzed_days(days, Some(f), min, max));
        assert_eq!(pick(1.0, 1, 1000), [1, 1, 1]);
        assert_eq!(pick(2.49, 1, 1000), [2, 2, 2]);
        assert_eq!(pick(2.5, 1, 1000), [2, 3, 4]);
        assert_eq!(pick(7.0, 1, 1000), [5, 7, 9]);
        assert_eq!(pick(17.0, 1, 1000), [14, 17, 20]);
        assert_eq!(pick(37.0, 1, 1000), [33, 37, 41]);
        // a range of at least two days when allowed
        assert_eq!(pick(2.0, 3, 1000), [3, 4, 4]);
        assert_eq!(pick(2.0, 3, 3), [3, 3, 3]);
        // limits respected
        assert_eq!(pick(100.0, 101, 1000), [101, 105, 108]);
        assert_eq!(pick(100.0, 1, 99), [92, 96, 99]);
    }

    #[test]
    fn the_floor_keeps_fuzz_from_undoing_growth() {
        // Anki's own cases.
        assert_eq!(minimum_review_interval(2.7269483, 4, 36500), 4);
        assert_eq!(minimum_review_interval(2.7269483, 5, 36500), 0);
        assert_eq!(minimum_review_interval(4.591988, 4, 36500), 5);
        // Hard 4.05 d after 3: grew, so at least 4; 6.55 d after 8: within
        // the fuzz range of 6.55 (5..=8), so at least 8.
        assert_eq!(minimum_review_interval(4.05, 3, 36500), 4);
        assert_eq!(minimum_review_interval(6.55, 8, 36500), 8);
    }

    #[test]
    fn without_fuzz_the_interval_is_rounded_and_clamped() {
        assert_eq!(fuzzed_days(1.5, None, 1, 100), 2);
        assert_eq!(fuzzed_days(0.1, None, 1, 100), 1);
        assert_eq!(fuzzed_days(101.0, None, 1, 100), 100);
        assert_eq!(fuzzed_days(f32::INFINITY, None, 1, 100), 100);
    }

    #[test]
    fn factor_is_deterministic_and_spread() {
        assert_eq!(fuzz_factor(42, 3), fuzz_factor(42, 3));
        assert_ne!(fuzz_factor(42, 3), fuzz_factor(42, 4));
        // Consecutive ids (cards added together) cover the whole range evenly.
        let mut buckets = [0u32; 10];
        for id in 1..=10_000 {
            let f = fuzz_factor(id, 1);
            assert!((0.0..1.0).contains(&f));
            buckets[(f * 10.0) as usize] += 1;
        }
        for b in buckets {
            assert!((900..1100).contains(&b), "{buckets:?}");
        }
    }
}
