//! Finding a highlight again after its document's text changed.
//!
//! In order, for one highlight:
//!
//! 1. **Position**: its quote still stands at its old offsets, with the same
//!    context around it: nothing moved.
//! 2. **Quote**: the quote occurs verbatim elsewhere (or at the old offsets but
//!    with changed context). Among several copies the one whose context best
//!    matches the stored prefix and suffix wins, and among equals the one
//!    nearest the old position — so repeated sentences keep their own highlight.
//! 3. **Fuzzy**: the quote was edited. An approximate search ([`super::fuzzy`])
//!    looks near the old position first, then next to places where the stored
//!    context still occurs, then in the whole text, and each candidate is scored
//!    by quote similarity plus context similarity (see [`MIN_SCORE`]).
//!
//! A candidate below [`MIN_SCORE`] is not taken: the highlight is **orphaned**
//! (its quote is kept, the reader lists it as "could not be placed"). Moving a
//! note onto a passage that merely looks like the old one would be worse than
//! asking the learner to place it again.
//!
//! Scores are between 0 and 1:
//! `score = (1 − w) · quote_similarity + w · context_similarity`, where a
//! similarity is one minus edit distance over length, and the context weight `w`
//! is [`CONTEXT_WEIGHT`], less when the stored context is shorter than
//! [`CONTEXT_LEN`] code points (at the start or end of a document) and 0 without
//! any.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fuzzy::Needle;
use super::selectors::{Selectors, TextPositionSelector, CONTEXT_LEN};
use super::similarity::similarity;

/// The lowest score at which an edited quote is still taken to be the passage
/// that was highlighted.
///
/// With full context this accepts, for example, a quote with 5% of its
/// characters changed when its context is down to ~60% (neighbouring sentences
/// rewritten), or one with 40% changed when the context is intact (the passage
/// itself rewritten in place). It refuses a passage elsewhere that resembles the
/// quote, however closely, unless its surroundings resemble the old ones too:
/// unrelated context scores about 0.2–0.35, which caps such a look-alike below
/// 0.75 unless its text is identical (then it is a copy, found by step 2).
pub const MIN_SCORE: f64 = 0.75;

/// How much the context counts against the quote itself (with a full
/// [`CONTEXT_LEN`] code points of it). High enough that context can veto a
/// look-alike, low enough that an edited sentence beside a highlight does not
/// orphan it.
pub const CONTEXT_WEIGHT: f64 = 0.4;

/// A fuzzy candidate this good ends the search early: widening it to the whole
/// text could not find something materially better.
const CONFIDENT: f64 = 0.9;

/// Nearness to the old position only breaks near-ties between candidates.
const NEAR_WEIGHT: f64 = 0.05;

/// How far either side of the old position the first fuzzy window reaches, beyond
/// the quote's own length (code points).
const NEAR_WINDOW: usize = 256;

/// At most this many approximate occurrences are scored per search window.
const MAX_CANDIDATES: usize = 64;

/// At most this many places where the context still occurs get a window.
const MAX_CONTEXT_HITS: usize = 16;

/// How a highlight was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Method {
    /// At its old offsets.
    Position,
    /// Its exact quote, elsewhere.
    Quote,
    /// An edited version of its quote.
    Fuzzy,
}

/// Where a highlight lies in a text, or that it could not be placed.
/// Serialised with `state` as `annotations.anchor_state` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum Anchoring {
    /// Code points `start..end` of the text.
    Anchored {
        #[ts(type = "number")]
        start: usize,
        #[ts(type = "number")]
        end: usize,
        method: Method,
        /// 1 for an unchanged quote and context; see [`MIN_SCORE`].
        score: f64,
    },
    /// Nothing scored [`MIN_SCORE`]; the best candidate's score, 0 if none.
    Orphaned {
        #[serde(rename = "bestScore")]
        best_score: f64,
    },
}

impl Anchoring {
    /// The new position selector, `None` when orphaned (`pos_*` columns NULL).
    pub fn position(&self) -> Option<TextPositionSelector> {
        match *self {
            Anchoring::Anchored { start, end, .. } => Some(TextPositionSelector { start, end }),
            Anchoring::Orphaned { .. } => None,
        }
    }
}

/// Where the highlight described by `selectors` lies in `new_text`.
pub fn reanchor(new_text: &str, selectors: &Selectors) -> Anchoring {
    Text::new(new_text).reanchor(selectors)
}

/// [`reanchor`] for many highlights of one text, which is indexed once.
pub fn reanchor_all(new_text: &str, selectors: &[Selectors]) -> Vec<Anchoring> {
    let text = Text::new(new_text);
    selectors.iter().map(|s| text.reanchor(s)).collect()
}

/// A text with its code points and their byte offsets.
struct Text<'a> {
    s: &'a str,
    chars: Vec<char>,
    /// Byte offset of each code point, and the text's length last.
    bytes: Vec<usize>,
}

/// A candidate place and how good it is.
#[derive(Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    score: f64,
    /// `score` plus a little for nearness to the old position: what is compared.
    rank: f64,
}

/// One highlight's stored quote, prepared for matching.
struct Query {
    exact: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    old: Option<TextPositionSelector>,
}

impl<'a> Text<'a> {
    fn new(s: &'a str) -> Text<'a> {
        let mut chars = Vec::with_capacity(s.len());
        let mut bytes = Vec::with_capacity(s.len() + 1);
        for (b, c) in s.char_indices() {
            chars.push(c);
            bytes.push(b);
        }
        bytes.push(s.len());
        Text { s, chars, bytes }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn char_at_byte(&self, byte: usize) -> usize {
        // Match offsets from `str::find` are always character boundaries.
        self.bytes.partition_point(|&b| b < byte)
    }

    /// Code-point starts of every occurrence of `needle`, overlapping ones too.
    /// `str::find` is linear (two-way), so this is O(text) per quote.
    fn occurrences(&self, needle: &str) -> Vec<usize> {
        let step = needle.chars().next().map_or(1, char::len_utf8);
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = self.s[from..].find(needle) {
            out.push(self.char_at_byte(from + i));
            from += i + step;
        }
        out
    }

    fn reanchor(&self, selectors: &Selectors) -> Anchoring {
        let q = &selectors.quote;
        let query = Query {
            exact: q.exact.chars().collect(),
            prefix: q.prefix.chars().collect(),
            suffix: q.suffix.chars().collect(),
            old: selectors.position,
        };
        let m = query.exact.len();
        if m == 0 {
            return Anchoring::Orphaned { best_score: 0.0 };
        }

        // 1. Unchanged at the old position (the common case: one comparison).
        if let Some(p) = query.old {
            if p.end <= self.len()
                && p.end >= p.start
                && self.chars[p.start..p.end] == query.exact[..]
            {
                let c = self.candidate(&query, p.start, p.end, 1.0);
                if c.score >= 1.0 {
                    return anchored(c, Method::Position);
                }
            }
        }

        // 2. Verbatim copies, chosen by context and then nearness.
        let exact = best(
            self.occurrences(&q.exact)
                .into_iter()
                .map(|s| self.candidate(&query, s, s + m, 1.0)),
        );
        if let Some(c) = exact {
            if c.score >= MIN_SCORE {
                let method = if query
                    .old
                    .is_some_and(|p| p.start == c.start && p.end == c.end)
                {
                    Method::Position
                } else {
                    Method::Quote
                };
                return anchored(c, method);
            }
        }

        // 3. Edited: approximate search. A verbatim copy with weak context
        // stays a fallback, taken when no edited passage scores higher.
        let fuzzy = self.fuzzy(&query);
        match (exact, fuzzy) {
            (_, Some(f)) if f.score >= MIN_SCORE && exact.is_none_or(|e| f.score > e.score) => {
                anchored(f, Method::Fuzzy)
            }
            (Some(e), _) => anchored(e, Method::Quote),
            (None, f) => Anchoring::Orphaned {
                best_score: f.map_or(0.0, |f| f.score),
            },
        }
    }

    /// Scores code points `start..end` as the place of the query, whose quote is
    /// `quote_similarity` similar to the text there.
    fn candidate(&self, q: &Query, start: usize, end: usize, quote_similarity: f64) -> Candidate {
        let (lp, ls) = (q.prefix.len(), q.suffix.len());
        let score = if lp + ls == 0 {
            quote_similarity
        } else {
            let before = &self.chars[start.saturating_sub(lp)..start];
            let after = &self.chars[end..(end + ls).min(self.len())];
            let context = (lp as f64 * similarity(&q.prefix, before)
                + ls as f64 * similarity(&q.suffix, after))
                / (lp + ls) as f64;
            let w = CONTEXT_WEIGHT * (lp + ls).min(CONTEXT_LEN) as f64 / CONTEXT_LEN as f64;
            (1.0 - w) * quote_similarity + w * context
        };
        let near = match q.old {
            Some(p) => 1.0 - (p.start.abs_diff(start) as f64 / self.len().max(1) as f64).min(1.0),
            None => 0.0,
        };
        Candidate {
            start,
            end,
            score,
            rank: score + NEAR_WEIGHT * near,
        }
    }

    /// The best approximate occurrence of the quote, searching in widening
    /// windows: near the old position, beside surviving context, everywhere.
    fn fuzzy(&self, q: &Query) -> Option<Candidate> {
        let n = self.len();
        let m = q.exact.len();
        let needle = Needle::new(&q.exact);
        // More edits than this cannot reach MIN_SCORE even with perfect context.
        let (lp, ls) = (q.prefix.len(), q.suffix.len());
        let w = CONTEXT_WEIGHT * (lp + ls).min(CONTEXT_LEN) as f64 / CONTEXT_LEN as f64;
        let min_quote_similarity = (MIN_SCORE - w) / (1.0 - w);
        let max_distance = ((1.0 - min_quote_similarity) * m as f64 + 1e-9).floor() as usize;
        let reach = m + max_distance;
        let near = q.old.map_or(0, |p| p.end);

        let mut windows: Vec<(usize, usize)> = Vec::new();
        if let Some(p) = q.old {
            let lo = p.start.min(n).saturating_sub(reach + NEAR_WINDOW);
            let hi = p.end.saturating_add(reach + NEAR_WINDOW).min(n);
            windows.push((lo, hi));
        }
        // Where the end of the prefix or the start of the suffix still occurs, the
        // quote should follow or precede it.
        let key = CONTEXT_LEN / 2;
        if lp >= key / 2 {
            let tail: String = q.prefix[lp.saturating_sub(key)..].iter().collect();
            let hits = self.occurrences(&tail);
            for s in hits.into_iter().take(MAX_CONTEXT_HITS) {
                let e = s + lp.min(key);
                windows.push((e, (e + reach).min(n)));
            }
        }
        if ls >= key / 2 {
            let head: String = q.suffix[..ls.min(key)].iter().collect();
            for s in self.occurrences(&head).into_iter().take(MAX_CONTEXT_HITS) {
                windows.push((s.saturating_sub(reach), s));
            }
        }
        let stages = [windows, vec![(0, n)]];

        let mut found: Option<Candidate> = None;
        for stage in stages {
            for (lo, hi) in stage {
                let matches =
                    needle.search(&self.chars, lo..hi, max_distance, MAX_CANDIDATES, near);
                let scored = matches.into_iter().map(|f| {
                    let quote_similarity = 1.0 - f.distance as f64 / m as f64;
                    self.candidate(q, f.start, f.end, quote_similarity)
                });
                found = best(found.into_iter().chain(scored));
            }
            if found.is_some_and(|c| c.score >= CONFIDENT) {
                break;
            }
        }
        found
    }
}

/// The highest-ranked candidate; the first among equals.
fn best(candidates: impl Iterator<Item = Candidate>) -> Option<Candidate> {
    candidates.fold(None, |acc: Option<Candidate>, c| match acc {
        Some(a) if a.rank >= c.rank => Some(a),
        _ => Some(c),
    })
}

fn anchored(c: Candidate, method: Method) -> Anchoring {
    Anchoring::Anchored {
        start: c.start,
        end: c.end,
        method,
        score: c.score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].chars().count()
    }

    fn describe(text: &str, needle: &str) -> Selectors {
        let s = cp(text, needle);
        Selectors::describe(text, s, s + needle.chars().count()).unwrap()
    }

    fn placed(text: &str, a: Anchoring) -> (String, Method) {
        match a {
            Anchoring::Anchored {
                start, end, method, ..
            } => (text.chars().skip(start).take(end - start).collect(), method),
            Anchoring::Orphaned { best_score } => panic!("orphaned ({best_score})"),
        }
    }

    const VIENNA: &str = "The Congress of Vienna met from 1814 to 1815. \
        Metternich, the Austrian foreign minister, presided over it. \
        Its aim was a long peace in Europe after the Napoleonic Wars.";

    #[test]
    fn an_unchanged_text_keeps_the_position() {
        let sel = describe(VIENNA, "Metternich");
        let a = reanchor(VIENNA, &sel);
        assert_eq!(a.position(), sel.position);
        assert!(matches!(
            a,
            Anchoring::Anchored {
                method: Method::Position,
                score,
                ..
            } if score == 1.0
        ));
    }

    #[test]
    fn text_inserted_before_shifts_it() {
        let sel = describe(VIENNA, "Metternich, the Austrian foreign minister");
        let added = "Zhōu Ēnlái 🇨🇳 👍🏽 wrote nothing here. ";
        let new = format!("{added}{VIENNA}");
        let a = reanchor(&new, &sel);
        assert_eq!(
            placed(&new, a),
            (
                "Metternich, the Austrian foreign minister".into(),
                Method::Quote
            )
        );
        assert_eq!(
            a.position().unwrap().start,
            sel.position.unwrap().start + 37
        );
    }

    #[test]
    fn repeats_are_told_apart_by_context() {
        let text = "In Paris the treaty was signed. Later, in Vienna the treaty was signed. \
                    Finally, in Berlin the treaty was signed.";
        // The second "the treaty was signed".
        let s = cp(text, "Vienna") + 7;
        let sel = Selectors::describe(text, s, s + 21).unwrap();
        // Move the text so the *first* copy now sits at the old offsets.
        let shift = s - cp(text, "the treaty");
        let new = format!("{}{text}", "x".repeat(shift));
        let a = reanchor(&new, &sel);
        let start = a.position().unwrap().start;
        assert_eq!(start, s + shift, "{a:?}");
        let before: String = new.chars().take(start).collect();
        assert!(before.ends_with("in Vienna "));
    }

    #[test]
    fn among_equal_contexts_the_nearest_copy_wins() {
        let text = "abc abc abc abc";
        let sel = Selectors::describe(text, 8, 11).unwrap();
        assert_eq!(reanchor(text, &sel).position().unwrap().start, 8);
        // Without a position, the first copy with the best context.
        let sel = Selectors {
            position: None,
            ..sel
        };
        assert_eq!(reanchor(text, &sel).position().unwrap().start, 8);
    }

    #[test]
    fn a_small_edit_inside_the_quote_is_followed() {
        let quote = "Metternich, the Austrian foreign minister, presided over it.";
        let sel = describe(VIENNA, quote);
        let new = VIENNA.replace("Austrian foreign", "Austrian Foreign");
        let new = format!("Preface. {new}");
        let (got, method) = placed(&new, reanchor(&new, &sel));
        assert_eq!(got, quote.replace("foreign", "Foreign"));
        assert_eq!(method, Method::Fuzzy);
    }

    #[test]
    fn a_rewritten_neighbourhood_and_edited_quote_still_anchor_when_close() {
        let quote = "Metternich, the Austrian foreign minister, presided over it.";
        let sel = describe(VIENNA, quote);
        // Prefix context rewritten, one word of the quote changed.
        let new = VIENNA
            .replace("met from 1814 to 1815.", "gathered in the autumn of 1814.")
            .replace("presided", "presides");
        let (got, _) = placed(&new, reanchor(&new, &sel));
        assert_eq!(got, quote.replace("presided", "presides"));
    }

    #[test]
    fn a_look_alike_passage_is_not_taken() {
        let old =
            "The war ended in 1918. The treaty was signed in Paris in 1919 by the Allied powers. \
                   Germany lost its colonies.";
        let sel = describe(
            old,
            "The treaty was signed in Paris in 1919 by the Allied powers.",
        );
        // The sentence is gone; a similar one about another treaty is elsewhere.
        let new = "The war ended in 1918. Germany lost its colonies. \
                   Much earlier, at the end of another war, the treaty was signed in Vienna in 1815 by the Great powers. \
                   Borders moved.";
        let a = reanchor(new, &sel);
        match a {
            Anchoring::Orphaned { best_score } => assert!(best_score < MIN_SCORE),
            other => panic!("moved onto a look-alike: {other:?}"),
        }
    }

    #[test]
    fn a_close_look_alike_in_unrelated_surroundings_is_not_taken() {
        let old = "Chapter one. In 1848 revolutions swept across Europe, toppling kings. Next came reaction.";
        let sel = describe(
            old,
            "In 1848 revolutions swept across Europe, toppling kings.",
        );
        let new = "Chapter one. Next came reaction. A different book says: \
                   In 1849 revolutions swept across Europe, toppling kings! It was wrong.";
        assert!(matches!(reanchor(new, &sel), Anchoring::Orphaned { .. }));
    }

    #[test]
    fn a_deleted_passage_is_orphaned() {
        let sel = describe(
            VIENNA,
            "Metternich, the Austrian foreign minister, presided over it.",
        );
        let new = VIENNA.replace(
            "Metternich, the Austrian foreign minister, presided over it. ",
            "",
        );
        assert!(matches!(reanchor(&new, &sel), Anchoring::Orphaned { .. }));
    }

    #[test]
    fn an_orphan_is_found_again_when_its_text_comes_back() {
        let mut sel = describe(VIENNA, "Metternich");
        sel.position = None;
        let (got, method) = placed(VIENNA, reanchor(VIENNA, &sel));
        assert_eq!((got.as_str(), method), ("Metternich", Method::Quote));
    }

    #[test]
    fn an_edit_in_place_beats_a_copy_with_no_matching_context() {
        let old = "Dates to learn: the revolution of 1917 in Russia changed everything. \
                   Elsewhere: 1848.";
        let sel = describe(old, "1917");
        // The year was corrected in place; "1917" still occurs in an unrelated spot.
        let new = "Dates to learn: the revolution of 1918 in Russia changed everything. \
                   Elsewhere: 1848. Zzz qqq 1917 xxx.";
        let (got, method) = placed(new, reanchor(new, &sel));
        assert_eq!((got.as_str(), method), ("1918", Method::Fuzzy));
    }

    #[test]
    fn reanchor_all_matches_one_by_one() {
        let sels: Vec<Selectors> = ["Metternich", "Napoleonic Wars", "1814"]
            .iter()
            .map(|q| describe(VIENNA, q))
            .collect();
        let new = VIENNA.replace("Napoleonic", "Napoleon's");
        let all = reanchor_all(&new, &sels);
        let one: Vec<Anchoring> = sels.iter().map(|s| reanchor(&new, s)).collect();
        assert_eq!(all, one);
        assert_eq!(placed(&new, all[1]).0, "Napoleon's Wars");
    }

    #[test]
    fn empty_or_impossible_selectors_do_not_panic() {
        let mut sel = describe(VIENNA, "Metternich");
        sel.position = Some(TextPositionSelector {
            start: 5000,
            end: 4000,
        });
        assert_eq!(placed(VIENNA, reanchor(VIENNA, &sel)).0, "Metternich");
        sel.position = Some(TextPositionSelector {
            start: usize::MAX - 1,
            end: usize::MAX,
        });
        assert_eq!(placed(VIENNA, reanchor(VIENNA, &sel)).0, "Metternich");
        let edited = VIENNA.replace("Metternich", "Metternick");
        assert_eq!(placed(&edited, reanchor(&edited, &sel)).0, "Metternick");
        sel.quote.exact.clear();
        assert_eq!(
            reanchor(VIENNA, &sel),
            Anchoring::Orphaned { best_score: 0.0 }
        );
        assert!(matches!(
            reanchor("", &describe(VIENNA, "1814")),
            Anchoring::Orphaned { .. }
        ));
    }

    #[test]
    fn serialises_with_the_database_state_names() {
        let a = Anchoring::Anchored {
            start: 1,
            end: 2,
            method: Method::Fuzzy,
            score: 0.9,
        };
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"state":"anchored","start":1,"end":2,"method":"fuzzy","score":0.9}"#
        );
        let o = Anchoring::Orphaned { best_score: 0.5 };
        assert_eq!(
            serde_json::to_string(&o).unwrap(),
            r#"{"state":"orphaned","bestScore":0.5}"#
        );
    }
}
