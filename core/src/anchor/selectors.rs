//! The W3C Web Annotation selectors Clio keeps for a highlight: the quoted text
//! with a little context on either side, and its code-point position.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// How many code points of context are kept on each side of a quote: enough to
/// tell repeated sentences apart, short enough that edits nearby rarely touch it.
pub const CONTEXT_LEN: usize = 32;

/// What a highlight covered: the exact text, and up to [`CONTEXT_LEN`] code points
/// before (`prefix`) and after (`suffix`) it. Maps to `annotations.quote_*`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextQuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where a highlight was: code points `start..end` of the document body.
/// Maps to `annotations.pos_start` / `pos_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextPositionSelector {
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
}

/// Both selectors of one highlight. `position` is `None` for a highlight that is
/// orphaned (its `pos_*` columns are NULL): it can still be found again by quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Selectors {
    pub quote: TextQuoteSelector,
    pub position: Option<TextPositionSelector>,
}

impl Selectors {
    /// The selectors of code points `start..end` of `text`. Fails, saying why, when
    /// the range is empty, reversed or runs past the end of the text.
    pub fn describe(text: &str, start: usize, end: usize) -> Result<Selectors> {
        if start > end {
            return Err(Error::Invalid(format!(
                "highlight range is reversed: start {start} is after end {end}"
            )));
        }
        if start == end {
            return Err(Error::Invalid(format!(
                "highlight range {start}..{end} is empty: select at least one character"
            )));
        }
        // One pass for the byte offsets of the four points we need.
        let want = [
            start.saturating_sub(CONTEXT_LEN),
            start,
            end,
            end + CONTEXT_LEN,
        ];
        let mut bytes = [text.len(); 4];
        let mut len = 0;
        for (i, (b, _)) in text.char_indices().enumerate() {
            for (w, slot) in want.iter().zip(bytes.iter_mut()) {
                if *w == i {
                    *slot = b;
                }
            }
            len = i + 1;
        }
        if end > len {
            return Err(Error::Invalid(format!(
                "highlight range {start}..{end} runs past the end of the text ({len} characters)"
            )));
        }
        let [p, s, e, x] = bytes;
        Ok(Selectors {
            quote: TextQuoteSelector {
                exact: text[s..e].to_string(),
                prefix: text[p..s].to_string(),
                suffix: text[e..x].to_string(),
            },
            position: Some(TextPositionSelector { start, end }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_quote_and_context_in_code_points() {
        let text = "Zhōu Ēnlái met 👍🏽 Günter in 1954.";
        // "Günter": code points 18..24 (👍🏽 is two code points).
        let s = Selectors::describe(text, 18, 24).unwrap();
        assert_eq!(s.quote.exact, "Günter");
        assert_eq!(s.quote.prefix, "Zhōu Ēnlái met 👍🏽 ");
        assert_eq!(s.quote.suffix, " in 1954.");
        assert_eq!(
            s.position,
            Some(TextPositionSelector { start: 18, end: 24 })
        );
    }

    #[test]
    fn context_is_at_most_32_code_points() {
        let text = format!("{}QUOTE{}", "é".repeat(40), "ü".repeat(40));
        let s = Selectors::describe(&text, 40, 45).unwrap();
        assert_eq!(s.quote.exact, "QUOTE");
        assert_eq!(s.quote.prefix, "é".repeat(32));
        assert_eq!(s.quote.suffix, "ü".repeat(32));
    }

    #[test]
    fn quote_reaching_the_end_has_empty_suffix() {
        let s = Selectors::describe("abc", 1, 3).unwrap();
        assert_eq!(
            (s.quote.prefix.as_str(), s.quote.exact.as_str()),
            ("a", "bc")
        );
        assert_eq!(s.quote.suffix, "");
    }

    #[test]
    fn bad_ranges_say_what_is_wrong() {
        let msg = |r: Result<Selectors>| r.unwrap_err().to_string();
        assert!(msg(Selectors::describe("abc", 2, 1)).contains("reversed"));
        assert!(msg(Selectors::describe("abc", 1, 1)).contains("empty"));
        assert!(msg(Selectors::describe("Günter", 2, 7)).contains("6 characters"));
    }

    #[test]
    fn serialises_in_camel_case_with_null_position_when_orphaned() {
        let mut s = Selectors::describe("abc", 0, 1).unwrap();
        s.position = None;
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"quote":{"exact":"a","prefix":"","suffix":"bc"},"position":null}"#
        );
    }
}
