//! Converting text offsets between the three units Clio meets:
//!
//! - UTF-16 code units: what the webview's DOM `Range` and JavaScript strings use;
//! - Unicode code points: what the database stores (`pos_start`, spans);
//! - UTF-8 bytes: what Rust's `str` slicing uses.
//!
//! Policy for an offset that falls *inside* a character (between the two halves
//! of a UTF-16 surrogate pair, or inside a UTF-8 sequence): it is **rejected**
//! with [`Error::Invalid`], never snapped. A DOM selection made by a person never
//! ends there, so such an offset means a caller bug, and silently moving it would
//! hide that bug and shift the highlight. Offsets between the code points of one
//! grapheme (a flag "🇨🇳" is two code points, "👍🏽" is two, "é" may be "e" plus a
//! combining accent) are valid code-point boundaries and are accepted as is.
//!
//! Every function is linear in the text up to the offset; no tables are kept.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// The separator between blocks in `documents.body`.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// The code-point offset of UTF-16 offset `utf16` in `text`.
pub fn utf16_to_char(text: &str, utf16: usize) -> Result<usize> {
    let mut units = 0;
    for (i, c) in text.chars().enumerate() {
        if units == utf16 {
            return Ok(i);
        }
        units += c.len_utf16();
        if units > utf16 {
            return Err(inside_pair(utf16, c, i));
        }
    }
    if units == utf16 {
        Ok(text.chars().count())
    } else {
        Err(past_end(utf16, units, "UTF-16 units"))
    }
}

/// The UTF-16 offset of code-point offset `cp` in `text`.
pub fn char_to_utf16(text: &str, cp: usize) -> Result<usize> {
    let mut units = 0;
    let mut count = 0;
    for c in text.chars() {
        if count == cp {
            return Ok(units);
        }
        units += c.len_utf16();
        count += 1;
    }
    if count == cp {
        Ok(units)
    } else {
        Err(past_end(cp, count, "characters"))
    }
}

/// The UTF-8 byte offset of code-point offset `cp` in `text`.
pub fn char_to_byte(text: &str, cp: usize) -> Result<usize> {
    match text.char_indices().nth(cp) {
        Some((b, _)) => Ok(b),
        None => {
            let n = text.chars().count();
            if cp == n {
                Ok(text.len())
            } else {
                Err(past_end(cp, n, "characters"))
            }
        }
    }
}

/// The code-point offset of UTF-8 byte offset `byte` in `text`.
pub fn byte_to_char(text: &str, byte: usize) -> Result<usize> {
    if byte > text.len() {
        return Err(past_end(byte, text.len(), "bytes"));
    }
    if !text.is_char_boundary(byte) {
        return Err(Error::Invalid(format!(
            "byte offset {byte} falls inside a UTF-8 character; offsets must lie between characters"
        )));
    }
    Ok(text[..byte].chars().count())
}

/// The UTF-8 byte offset of UTF-16 offset `utf16` in `text`.
pub fn utf16_to_byte(text: &str, utf16: usize) -> Result<usize> {
    let cp = utf16_to_char(text, utf16)?;
    char_to_byte(text, cp)
}

/// The UTF-16 offset of UTF-8 byte offset `byte` in `text`.
pub fn byte_to_utf16(text: &str, byte: usize) -> Result<usize> {
    byte_to_char(text, byte)?;
    Ok(text[..byte].encode_utf16().count())
}

fn inside_pair(utf16: usize, c: char, index: usize) -> Error {
    Error::Invalid(format!(
        "UTF-16 offset {utf16} falls inside the surrogate pair of {c:?} (character {index}); \
         a selection must start and end between characters"
    ))
}

fn past_end(offset: usize, len: usize, unit: &str) -> Error {
    Error::Invalid(format!(
        "offset {offset} is past the end of the text ({len} {unit})"
    ))
}

/// Part of a highlight inside one block, in UTF-16 units of that block's text:
/// what the reader needs to paint it with a DOM `Range`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BlockSpan {
    #[ts(type = "number")]
    pub block: usize,
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
}

/// A body seen as its blocks (`body == blocks.join("\n\n")`), to convert between a
/// point in a block as the reader sees it (block index, UTF-16 offset in the
/// block's text) and a code-point offset in the body.
#[derive(Debug, Clone)]
pub struct BlockMap<'a> {
    blocks: Vec<&'a str>,
    /// Code-point offset in the body where each block starts.
    starts: Vec<usize>,
    /// Each block's length in code points.
    lens: Vec<usize>,
}

impl<'a> BlockMap<'a> {
    /// The blocks as the reader renders them, in order.
    pub fn new(blocks: Vec<&'a str>) -> Self {
        let sep = BLOCK_SEPARATOR.chars().count();
        let mut starts = Vec::with_capacity(blocks.len());
        let mut lens = Vec::with_capacity(blocks.len());
        let mut at = 0;
        for b in &blocks {
            let n = b.chars().count();
            starts.push(at);
            lens.push(n);
            at += n + sep;
        }
        BlockMap {
            blocks,
            starts,
            lens,
        }
    }

    /// The blocks of a stored body: it split at every "\n\n". (A run of four
    /// newlines makes an empty block between two others, as it does for the reader.)
    pub fn from_body(body: &'a str) -> Self {
        BlockMap::new(body.split(BLOCK_SEPARATOR).collect())
    }

    /// The length of the joined body in code points.
    pub fn body_len(&self) -> usize {
        match (self.starts.last(), self.lens.last()) {
            (Some(s), Some(l)) => s + l,
            _ => 0,
        }
    }

    /// The code-point offset in the body of UTF-16 offset `utf16` in block `block`.
    pub fn to_body(&self, block: usize, utf16: usize) -> Result<usize> {
        let text = self.blocks.get(block).ok_or_else(|| {
            Error::Invalid(format!(
                "block {block} does not exist: the text has {} blocks",
                self.blocks.len()
            ))
        })?;
        let cp = utf16_to_char(text, utf16)
            .map_err(|e| Error::Invalid(format!("in block {block}: {e}")))?;
        Ok(self.starts[block] + cp)
    }

    /// The block and UTF-16 offset in it of body offset `cp`. A point in a
    /// separator belongs to the end of the block before it.
    pub fn to_block(&self, cp: usize) -> Result<(usize, usize)> {
        if cp > self.body_len() {
            return Err(past_end(cp, self.body_len(), "characters"));
        }
        if self.blocks.is_empty() {
            // Found by fuzzing: a map of no blocks indexed its first.
            return Err(Error::Invalid("the text has no blocks".into()));
        }
        // The last block starting at or before `cp`.
        let b = self.starts.partition_point(|&s| s <= cp).saturating_sub(1);
        let within = (cp - self.starts[b]).min(self.lens[b]);
        Ok((b, char_to_utf16(self.blocks[b], within)?))
    }

    /// The pieces of body range `start..end` (code points) in each block it
    /// touches, in UTF-16 units of the block; separators are skipped and empty
    /// pieces left out.
    pub fn spans(&self, start: usize, end: usize) -> Result<Vec<BlockSpan>> {
        if start > end || end > self.body_len() {
            return Err(Error::Invalid(format!(
                "range {start}..{end} is not within the text (0..{})",
                self.body_len()
            )));
        }
        let mut out = Vec::new();
        for (b, text) in self.blocks.iter().enumerate() {
            let (bs, be) = (self.starts[b], self.starts[b] + self.lens[b]);
            let (s, e) = (start.max(bs), end.min(be));
            if s < e {
                out.push(BlockSpan {
                    block: b,
                    start: char_to_utf16(text, s - bs)?,
                    end: char_to_utf16(text, e - bs)?,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // "G ü n t e r": ü is one code point, one UTF-16 unit, two UTF-8 bytes.
    #[test]
    fn gunter() {
        let t = "Günter";
        assert_eq!(utf16_to_char(t, 2).unwrap(), 2);
        assert_eq!(char_to_byte(t, 2).unwrap(), 3);
        assert_eq!(byte_to_char(t, 3).unwrap(), 2);
        assert_eq!(char_to_utf16(t, 6).unwrap(), 6);
        assert!(byte_to_char(t, 2)
            .unwrap_err()
            .to_string()
            .contains("inside"));
    }

    // Precomposed "ō" and "Ē": one unit, one code point, two bytes each.
    #[test]
    fn zhou_enlai() {
        let t = "Zhōu Ēnlái";
        assert_eq!(utf16_to_char(t, 5).unwrap(), 5); // before Ē
        assert_eq!(char_to_byte(t, 5).unwrap(), 6);
        assert_eq!(utf16_to_byte(t, 10).unwrap(), t.len());
        assert_eq!(byte_to_utf16(t, t.len()).unwrap(), 10);
    }

    // 🇨🇳 is two regional indicators, each a surrogate pair: 2 code points,
    // 4 UTF-16 units, 8 bytes.
    #[test]
    fn flag_emoji() {
        let t = "a🇨🇳b";
        assert_eq!(utf16_to_char(t, 1).unwrap(), 1);
        assert_eq!(utf16_to_char(t, 3).unwrap(), 2); // between the two indicators
        assert_eq!(utf16_to_char(t, 5).unwrap(), 3); // before "b"
        assert_eq!(char_to_utf16(t, 3).unwrap(), 5);
        assert_eq!(char_to_byte(t, 3).unwrap(), 9);
        assert_eq!(byte_to_utf16(t, 9).unwrap(), 5);
        for bad in [2, 4] {
            let e = utf16_to_char(t, bad).unwrap_err().to_string();
            assert!(e.contains("surrogate pair"), "{e}");
        }
    }

    // 👍🏽 is a thumb and a skin-tone modifier, both outside the BMP.
    #[test]
    fn emoji_with_modifier() {
        let t = "👍🏽!";
        assert_eq!(utf16_to_char(t, 4).unwrap(), 2);
        assert_eq!(char_to_utf16(t, 1).unwrap(), 2);
        assert_eq!(utf16_to_byte(t, 4).unwrap(), 8);
        assert!(utf16_to_char(t, 1).is_err());
        assert!(utf16_to_char(t, 3).is_err());
        assert!(utf16_to_char(t, 6)
            .unwrap_err()
            .to_string()
            .contains("past the end"));
    }

    // "e" + U+0301 combining acute: two code points, both in the BMP.
    #[test]
    fn combining_marks_are_code_points_of_their_own() {
        let t = "Ae\u{301}b";
        assert_eq!(utf16_to_char(t, 2).unwrap(), 2); // between e and its accent: allowed
        assert_eq!(char_to_byte(t, 3).unwrap(), 4);
        assert_eq!(char_to_utf16(t, 4).unwrap(), 4);
    }

    #[test]
    fn round_trips_every_boundary() {
        let t = "Zhōu 🇨🇳 Ēnlái 👍🏽 e\u{301} Günter";
        for cp in 0..=t.chars().count() {
            let u = char_to_utf16(t, cp).unwrap();
            assert_eq!(utf16_to_char(t, u).unwrap(), cp);
            let b = char_to_byte(t, cp).unwrap();
            assert_eq!(byte_to_char(t, b).unwrap(), cp);
            assert_eq!(byte_to_utf16(t, b).unwrap(), u);
        }
    }

    #[test]
    fn blocks_map_points_to_the_joined_body() {
        let body = "Zhōu Ēnlái\n\n🇨🇳 Günter\n\nEnd";
        let m = BlockMap::from_body(body);
        assert_eq!(m.body_len(), body.chars().count());
        // Block 1 starts at code point 10 + 2.
        assert_eq!(m.to_body(1, 0).unwrap(), 12);
        // After the flag: 4 UTF-16 units, 2 code points.
        assert_eq!(m.to_body(1, 4).unwrap(), 14);
        let g: String = body.chars().skip(15).take(6).collect();
        assert_eq!(g, "Günter");
        assert_eq!(m.to_body(2, 3).unwrap(), body.chars().count());
        assert!(m.to_body(1, 1).unwrap_err().to_string().contains("block 1"));
        assert!(m.to_body(3, 0).is_err());
        assert_eq!(m.to_block(14).unwrap(), (1, 4));
        assert_eq!(m.to_block(11).unwrap(), (0, 10)); // in the separator
    }

    #[test]
    fn a_range_across_blocks_becomes_one_span_per_block() {
        let body = "Zhōu Ēnlái\n\n🇨🇳 Günter\n\nEnd";
        let m = BlockMap::from_body(body);
        // From "Ēnlái" to the flag inclusive.
        let spans = m.spans(5, 14).unwrap();
        assert_eq!(
            spans,
            vec![
                BlockSpan {
                    block: 0,
                    start: 5,
                    end: 10
                },
                BlockSpan {
                    block: 1,
                    start: 0,
                    end: 4
                },
            ]
        );
        // A range that covers only a separator paints nothing.
        assert!(m.spans(10, 12).unwrap().is_empty());
        assert!(m.spans(0, 99).is_err());
    }
}
