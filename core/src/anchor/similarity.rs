//! Edit-distance similarity for the short strings around a quote (its context).

/// Levenshtein distance between two short code-point slices (context is at most
/// 32 code points, so the plain two-row dynamic programme is cheap).
pub(crate) fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// 1 for equal strings, 0 for nothing in common: one minus the edit distance over
/// the longer length. Two empty strings are equal.
pub(crate) fn similarity(a: &[char], b: &[char]) -> f64 {
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distances() {
        assert_eq!(levenshtein(&c("kitten"), &c("sitting")), 3);
        assert_eq!(levenshtein(&c(""), &c("abc")), 3);
        assert_eq!(levenshtein(&c("Günter"), &c("Gunter")), 1);
        assert_eq!(similarity(&c(""), &c("")), 1.0);
        assert_eq!(similarity(&c("abcd"), &c("abcx")), 0.75);
    }
}
