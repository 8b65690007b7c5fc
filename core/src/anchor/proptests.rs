//! Property tests of re-anchoring on generated documents.
//!
//! Documents are built from segments so the expected place of every highlight is
//! known after edits. Two disjoint alphabets, both with non-ASCII characters,
//! make some properties hold by construction:
//!
//! - `FILLER` (lower case, space, "é", "ō") for ordinary text and all edits;
//! - `MARKER` (upper case, digits, "Ē", "👍", "🇨") for passages that must not
//!   occur anywhere else. A text without marker characters is as far from a
//!   marker quote as a text can be: every quote character must be edited away,
//!   so no look-alike of it can exist there.

use proptest::prelude::*;

use super::reanchor::{reanchor, reanchor_all, Anchoring, Method};
use super::selectors::Selectors;

const FILLER: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u', ' ',
    ' ', 'é', 'ō',
];
const MARKER: &[char] = &[
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'L', 'M', 'P', 'R', 'S', 'T', '1', '9', 'Ē', '👍',
    '🇨',
];

fn chars_of(alphabet: &'static [char], len: std::ops::Range<usize>) -> BoxedStrategy<Vec<char>> {
    prop::collection::vec(prop::sample::select(alphabet), len).boxed()
}

/// An edit of one segment: at a position (taken modulo its length), delete up
/// to 5 characters and insert up to 5 filler characters.
#[derive(Debug, Clone)]
struct Edit {
    segment: usize,
    at: usize,
    delete: usize,
    insert: Vec<char>,
}

fn edits(max: usize) -> BoxedStrategy<Vec<Edit>> {
    let edit = (
        any::<usize>(),
        any::<usize>(),
        0usize..=5,
        chars_of(FILLER, 0..6),
    )
        .prop_map(|(segment, at, delete, insert)| Edit {
            segment,
            at,
            delete,
            insert,
        });
    prop::collection::vec(edit, 0..=max).boxed()
}

/// Applies each edit to one of `editable` segments (indices into `segments`).
fn apply(segments: &mut [Vec<char>], editable: &[usize], edits: &[Edit]) {
    for e in edits {
        let s = &mut segments[editable[e.segment % editable.len()]];
        let at = e.at % (s.len() + 1);
        let delete = e.delete.min(s.len() - at);
        s.splice(at..at + delete, e.insert.iter().copied());
    }
}

fn join(segments: &[Vec<char>]) -> String {
    segments.iter().flatten().collect()
}

fn len_before(segments: &[Vec<char>], i: usize) -> usize {
    segments[..i].iter().map(Vec::len).sum()
}

fn span(a: Anchoring) -> Option<(usize, usize, Method)> {
    match a {
        Anchoring::Anchored {
            start, end, method, ..
        } => Some((start, end, method)),
        Anchoring::Orphaned { .. } => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (1) Edits before and after a highlight, never inside it, leave it on the
    /// same text, shifted by what was inserted or deleted before it.
    #[test]
    fn edits_outside_never_move_a_highlight(
        before in chars_of(FILLER, 0..200),
        quote in chars_of(FILLER, 12..60),
        after in chars_of(FILLER, 0..200),
        edits in edits(8),
    ) {
        let mut segs = vec![before, quote.clone(), after];
        let old = join(&segs);
        let start = segs[0].len();
        let sel = Selectors::describe(&old, start, start + quote.len()).unwrap();
        apply(&mut segs, &[0, 2], &edits);
        let new = join(&segs);
        let want = segs[0].len();
        let got = span(reanchor(&new, &sel));
        prop_assert_eq!(got.map(|g| (g.0, g.1)), Some((want, want + quote.len())), "in {:?}", new);
    }

    /// (2) One or two characters changed, inserted or deleted inside a quote of
    /// 40 or more characters: the highlight follows the edited passage.
    #[test]
    fn small_edits_inside_keep_a_highlight_on_its_passage(
        before in chars_of(FILLER, 0..200),
        quote in chars_of(FILLER, 40..100),
        after in chars_of(FILLER, 0..200),
        inner in prop::collection::vec((0u8..3, any::<usize>(), prop::sample::select(FILLER)), 1..=2),
    ) {
        let old = join(&[before.clone(), quote.clone(), after.clone()]);
        let start = before.len();
        let sel = Selectors::describe(&old, start, start + quote.len()).unwrap();
        // Edits strictly inside: never the first or last character, so the
        // passage's edges are where they were.
        let mut edited = quote.clone();
        // Each edit near an edge can make that edge ambiguous by a character in
        // a run of one letter ("alm" + "aaaa…" with an "l" and a "b" put in at
        // 2 and 3 is as close to the text at 0 as at 3), so the slack grows with them.
        let slack = 2 + inner.len();
        for (kind, at, c) in inner {
            let at = 1 + at % (edited.len() - 2);
            match kind {
                0 => edited[at] = c,
                1 => edited.insert(at, c),
                _ => { edited.remove(at); }
            }
        }
        let new = join(&[before, edited.clone(), after]);
        let got = span(reanchor(&new, &sel));
        let (s, e, _) = got.ok_or_else(|| TestCaseError::fail(format!("orphaned in {new:?}")))?;
        prop_assert!(s.abs_diff(start) <= slack, "start {} instead of {}", s, start);
        prop_assert!(e.abs_diff(start + edited.len()) <= slack, "end {} instead of {}", e, start + edited.len());
    }

    /// (3) Deleting a highlighted passage orphans it. The passage is written in
    /// marker characters and everything else, edits included, in filler ones, so
    /// after the deletion no copy or look-alike of it remains anywhere.
    #[test]
    fn deleting_the_text_orphans_a_highlight(
        before in chars_of(FILLER, 0..300),
        quote in chars_of(MARKER, 1..80),
        after in chars_of(FILLER, 0..300),
        edits in edits(6),
    ) {
        let mut segs = vec![before, quote.clone(), after];
        let old = join(&segs);
        let start = segs[0].len();
        let sel = Selectors::describe(&old, start, start + quote.len()).unwrap();
        segs[1].clear();
        apply(&mut segs, &[0, 2], &edits);
        let new = join(&segs);
        let got = reanchor(&new, &sel);
        prop_assert!(matches!(got, Anchoring::Orphaned { .. }), "{:?} in {:?}", got, new);
    }

    /// (4) A sentence repeated several times, each copy highlighted: every
    /// highlight stays on its own copy, also after edits to the text between the
    /// copies shift them, further than the copies are apart. The sentence is in marker characters, the text between
    /// in filler ones (at least 40, so each copy's 32 characters of context are
    /// its own), and edits only touch the text between.
    #[test]
    fn repeated_sentences_keep_their_own_highlight(
        sentence in chars_of(MARKER, 8..50),
        fillers in prop::collection::vec(chars_of(FILLER, 40..120), 3..=6),
        edits in edits(6),
        shift in (any::<usize>(), any::<usize>(), chars_of(FILLER, 0..400)),
    ) {
        // filler, sentence, filler, sentence, …, filler
        let mut segs = Vec::new();
        for (i, f) in fillers.iter().enumerate() {
            if i > 0 {
                segs.push(sentence.clone());
            }
            segs.push(f.clone());
        }
        let copies: Vec<usize> = (1..segs.len()).step_by(2).collect();
        let between: Vec<usize> = (0..segs.len()).step_by(2).collect();
        let old = join(&segs);
        let sels: Vec<Selectors> = copies
            .iter()
            .map(|&i| {
                let s = len_before(&segs, i);
                Selectors::describe(&old, s, s + sentence.len()).unwrap()
            })
            .collect();
        apply(&mut segs, &between, &edits);
        // One long insertion, so copies can move further than the distance
        // between them: nearness to the old offsets alone would pick wrongly.
        let (segment, at, insert) = shift;
        let long = Edit { segment, at, delete: 0, insert };
        apply(&mut segs, &between, &[long]);
        let new = join(&segs);
        let got = reanchor_all(&new, &sels);
        for (k, &i) in copies.iter().enumerate() {
            let want = len_before(&segs, i);
            prop_assert_eq!(
                span(got[k]).map(|g| (g.0, g.1)),
                Some((want, want + sentence.len())),
                "copy {} in {:?}", k, new
            );
        }
    }
}
