//! Approximate substring search: where in a text does a pattern occur with the
//! fewest edits (insertions, deletions, substitutions)?
//!
//! Myers' bit-parallel algorithm (1999) in Hyyrö's multi-word form: the
//! Sellers dynamic programme (edit distance with a free start in the text),
//! computed 64 pattern characters per machine word. Time is
//! O(text length × ⌈pattern length / 64⌉) whatever the number of errors allowed,
//! memory O(pattern), so a whole 100 KB document is one cheap pass even for a
//! paragraph-long quote. It is written here rather than taken from a crate:
//! the crates that have it either pull in a large bioinformatics library or work
//! on bytes, and a quote is matched by code points.

use std::collections::HashMap;

/// A pattern prepared for search: for each character, which pattern positions
/// hold it (one bit per position, in 64-bit blocks).
pub(crate) struct Pattern {
    len: usize,
    blocks: usize,
    /// Bitmasks of the ASCII characters, `blocks` words each, all in one vector.
    ascii: Vec<u64>,
    other: HashMap<char, Vec<u64>>,
    zero: Vec<u64>,
}

impl Pattern {
    pub(crate) fn new(pattern: &[char]) -> Pattern {
        let blocks = pattern.len().div_ceil(64).max(1);
        let mut ascii = vec![0u64; 128 * blocks];
        let mut other: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, &c) in pattern.iter().enumerate() {
            let (b, bit) = (i / 64, 1u64 << (i % 64));
            if c.is_ascii() {
                ascii[c as usize * blocks + b] |= bit;
            } else {
                other.entry(c).or_insert_with(|| vec![0; blocks])[b] |= bit;
            }
        }
        Pattern {
            len: pattern.len(),
            blocks,
            ascii,
            other,
            zero: vec![0; blocks],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn peq(&self, c: char) -> &[u64] {
        if c.is_ascii() {
            let at = c as usize * self.blocks;
            &self.ascii[at..at + self.blocks]
        } else {
            self.other.get(&c).map_or(&self.zero[..], |v| &v[..])
        }
    }

    /// For each position `j` of `text`, the edit distance between the pattern and
    /// the best substring of `text` that ends just after `j`.
    ///
    /// With `anchored` the substring must instead start at `text[0]` (the first
    /// row of the programme counts up rather than staying 0): then entry `j` is
    /// the distance between the pattern and `text[..=j]` exactly, which is how a
    /// match's start is found by scanning backwards from its end.
    pub(crate) fn distances<I: IntoIterator<Item = char>>(
        &self,
        text: I,
        anchored: bool,
    ) -> Vec<u32> {
        let w = self.blocks;
        let mut pv = vec![!0u64; w];
        let mut mv = vec![0u64; w];
        // The highest bit of the last block that holds a pattern position.
        let last_bit = 1u64 << ((self.len.max(1) - 1) % 64);
        let mut score = self.len as i64;
        let mut out = Vec::new();
        let top: i32 = if anchored { 1 } else { 0 };
        for c in text {
            let peq = self.peq(c);
            let mut carry = top;
            for b in 0..w {
                let high = if b + 1 == w { last_bit } else { 1u64 << 63 };
                carry = advance(&mut pv[b], &mut mv[b], peq[b], carry, high);
            }
            score += carry as i64;
            out.push(score as u32);
        }
        out
    }
}

/// One column step of one 64-row block (Hyyrö 2003, as in Myers 1999): updates
/// the vertical deltas `pv`/`mv` and turns the horizontal delta entering the
/// block's top (`h_in`, −1, 0 or +1) into the one leaving its row `high`.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i32, high: u64) -> i32 {
    let (p, m) = (*pv, *mv);
    let mut eq = eq;
    let xv = eq | m;
    if h_in < 0 {
        eq |= 1;
    }
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let h_out = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if h_in < 0 {
        mh |= 1;
    } else if h_in > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

/// An approximate occurrence: code points `start..end` of the text, `distance`
/// edits away from the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub distance: usize,
}

/// A pattern prepared for searching forwards and for finding where a match
/// starts (the reversed pattern).
pub(crate) struct Needle {
    forward: Pattern,
    backward: Pattern,
}

impl Needle {
    pub(crate) fn new(pattern: &[char]) -> Needle {
        let reversed: Vec<char> = pattern.iter().rev().copied().collect();
        Needle {
            forward: Pattern::new(pattern),
            backward: Pattern::new(&reversed),
        }
    }

    /// The approximate occurrences of the pattern in `text[window]` with at most
    /// `max_distance` edits: the best ends of each cluster of nearby ends, at
    /// most `limit` of them, fewest edits first and then nearest to `near`.
    pub(crate) fn search(
        &self,
        text: &[char],
        window: std::ops::Range<usize>,
        max_distance: usize,
        limit: usize,
        near: usize,
    ) -> Vec<Match> {
        let (forward, backward) = (&self.forward, &self.backward);
        let (lo, hi) = (window.start, window.end.min(text.len()));
        let m = forward.len();
        if m == 0 || lo >= hi {
            return Vec::new();
        }
        let d = forward.distances(text[lo..hi].iter().copied(), false);
        // Ends within a pattern length of each other describe the same occurrence:
        // of each such run keep the ends with its fewest edits (a few of them, as
        // equally good ends can differ by a character at the edge, which the context
        // then settles).
        let mut ends: Vec<(usize, usize)> = Vec::new(); // (distance, end)
        let mut run: Vec<(usize, usize)> = Vec::new();
        let mut last_ok = 0usize;
        for (j, &dist) in d.iter().enumerate() {
            let dist = dist as usize;
            if dist > max_distance {
                continue;
            }
            let end = lo + j + 1;
            if !run.is_empty() && end - last_ok > m {
                ends.append(&mut run);
            }
            match run.first() {
                Some(&(best, _)) if dist > best => {}
                Some(&(best, _)) if dist < best => run = vec![(dist, end)],
                _ if run.len() < 8 => run.push((dist, end)),
                _ => {}
            }
            last_ok = end;
        }
        ends.append(&mut run);
        ends.sort_by_key(|&(dist, end)| (dist, end.abs_diff(near)));
        ends.truncate(limit);
        ends.into_iter()
            .map(|(dist, end)| Match {
                start: match_start(backward, text, lo, end, dist),
                end,
                distance: dist,
            })
            .collect()
    }
}

/// Where the match of `distance` edits ending at `end` starts: scan backwards
/// with the reversed pattern, anchored at `end`, and take the start whose
/// distance is `distance` and whose length is closest to the pattern's.
fn match_start(backward: &Pattern, text: &[char], lo: usize, end: usize, distance: usize) -> usize {
    let m = backward.len();
    let from = end.saturating_sub(m + distance).max(lo);
    let d = backward.distances(text[from..end].iter().rev().copied(), true);
    let mut best: Option<(usize, usize)> = None; // (|length − m|, start)
    for (t, &dist) in d.iter().enumerate() {
        if dist as usize == distance {
            let len = t + 1;
            let key = (len.abs_diff(m), end - len);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
    }
    // The forward pass proved such a start exists; fall back to the plain length.
    best.map_or(end.saturating_sub(m).max(lo), |(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn find(pattern: &str, text: &str, k: usize) -> Vec<(String, usize)> {
        let t = c(text);
        Needle::new(&c(pattern))
            .search(&t, 0..t.len(), k, 10, 0)
            .into_iter()
            .map(|m| (t[m.start..m.end].iter().collect(), m.distance))
            .collect()
    }

    #[test]
    fn finds_exact_and_approximate_occurrences() {
        assert_eq!(
            find("Günter", "ein Günter hier", 0),
            vec![("Günter".into(), 0)]
        );
        assert_eq!(
            find("Günter", "ein Gunter hier", 1),
            vec![("Gunter".into(), 1)]
        );
        assert_eq!(find("Günter", "ein Gunter hier", 0), vec![]);
        // Equally good ends of one occurrence are all offered; context decides.
        let found = find("treaty", "the treatty of", 1);
        assert!(found.contains(&("treatty".into(), 1)), "{found:?}");
        assert!(found.iter().all(|(s, d)| s.starts_with("treat") && *d == 1));
    }

    #[test]
    fn distances_agree_with_the_dynamic_programme_across_blocks() {
        // A 150-character pattern spans three words.
        let p: String = (0..150)
            .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
            .collect();
        let mut t = String::from("xxxxxxxxxx");
        let mut edited = p.clone();
        edited.replace_range(70..71, "Z");
        edited.insert(130, 'Q');
        t.push_str(&edited);
        t.push_str("yyyyy");
        let found = find(&p, &t, 5);
        assert_eq!(found[0], (edited, 2));
    }

    #[test]
    fn anchored_distances_are_plain_edit_distances() {
        let p = Pattern::new(&c("abc"));
        // a, ab, abx, abxc
        assert_eq!(p.distances(c("abxc"), true), vec![2, 1, 1, 1]);
    }
}
