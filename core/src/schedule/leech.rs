//! Leeches: cards the learner keeps forgetting. Anki's rule: a card is a leech
//! when a lapse brings its lapses to the threshold, and again every half
//! threshold after that (so a learner who kept it is reminded), rounding the
//! half up. The store tags such a card `leech` and, if the learner wants,
//! suspends it.

/// Whether `lapses` (after a lapse) meets the leech rule; never with a
/// threshold of 0.
pub fn is_leech(lapses: u32, threshold: u32) -> bool {
    if threshold == 0 {
        return false;
    }
    let half = threshold.div_ceil(2).max(1);
    lapses >= threshold && (lapses - threshold) % half == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_s_leech_rule() {
        let leeches = |threshold| {
            (0..=13)
                .filter(|&l| is_leech(l, threshold))
                .collect::<Vec<_>>()
        };
        assert_eq!(leeches(8), [8, 12]);
        assert_eq!(leeches(3), [3, 5, 7, 9, 11, 13]);
        assert_eq!(leeches(1), (1..=13).collect::<Vec<_>>());
        assert!(leeches(0).is_empty());
    }
}
