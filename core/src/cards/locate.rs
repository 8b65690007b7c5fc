//! Finding a card's source sentence in a changed text.

/// The code-point span of `sentence` in `body`, choosing the occurrence nearest
/// to `near` (the old start) when it occurs more than once; `None` if it is gone.
pub fn locate_sentence(body: &str, sentence: &str, near: Option<usize>) -> Option<(usize, usize)> {
    if sentence.is_empty() {
        return None;
    }
    let len = sentence.chars().count();
    // Byte offsets become code points incrementally, in one pass over the body.
    let (mut last_byte, mut last_cp) = (0, 0);
    let mut best: Option<usize> = None;
    for (byte, _) in body.match_indices(sentence) {
        let cp = last_cp + body[last_byte..byte].chars().count();
        (last_byte, last_cp) = (byte, cp);
        let distance = |start: usize| near.map_or(0, |n| start.abs_diff(n));
        if best.is_none_or(|b| distance(cp) < distance(b)) {
            best = Some(cp);
        }
    }
    best.map(|start| (start, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_occurrence_nearest_the_old_place_in_code_points() {
        let body = "Zhōu Ēnlái spoke. Peace came. Then war. Peace came.";
        assert_eq!(
            locate_sentence(body, "Peace came.", Some(40)),
            Some((40, 51))
        );
        assert_eq!(
            locate_sentence(body, "Peace came.", Some(0)),
            Some((18, 29))
        );
        assert_eq!(
            &body.chars().skip(18).take(11).collect::<String>(),
            "Peace came."
        );
    }

    #[test]
    fn a_sentence_that_is_gone_is_none() {
        assert_eq!(
            locate_sentence("The wall fell in 1989.", "The wall fell in 1961.", Some(0)),
            None
        );
        assert_eq!(locate_sentence("anything", "", None), None);
    }
}
