//! Bounded nesting for HTML, before any HTML parser sees it.
//!
//! An HTML parser checks "is there an open `<p>` in scope?" by walking the
//! stack of open elements, so a page of 100,000 nested `<div>`s costs time
//! quadratic in its depth (16,000 took 23 s), and every walk of the parsed tree
//! is as deep as the page. No real page nests more than a hundred or so
//! levels; browsers themselves stop at 512. So the markup is read once here, a
//! light scan of its tags that tracks how deep each one opens, and a start tag
//! that would open deeper than [`MAX_DEPTH`] is left out together with its end
//! tag. Its text stays, in order: only the nesting beyond the limit is lost.
//!
//! Formatting elements (`<b>`, `<i>`, `<font>`, …) that are never closed are a
//! second trap: the parser keeps a list of them and opens them all again after
//! every block, so a page of thousands of unclosed ones multiplies itself.
//! Beyond [`MAX_OPEN_FORMATTING`] unclosed ones, further ones are left out too.

use std::borrow::Cow;

/// How deep elements may nest; deeper start tags are left out.
pub const MAX_DEPTH: usize = 256;
/// How many formatting elements may be open (unclosed) at once.
pub const MAX_OPEN_FORMATTING: usize = 64;
/// How far down the stack of left-out tags an end tag looks for its own.
const END_TAG_SEARCH: usize = 64;

/// Elements that never have content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];
/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Elements a start tag of the same name closes ("<li>a<li>b": siblings).
const SIBLING_CLOSED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc",
];
/// Start tags that close an open `<p>` (block elements).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];
/// Elements the parser reopens after a block when they were left unclosed.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

fn is(list: &[&str], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// The markup with start tags deeper than [`MAX_DEPTH`] (and unclosed
/// formatting tags beyond [`MAX_OPEN_FORMATTING`]) left out, with their end
/// tags; unchanged (and not copied) when nothing is that deep. Linear time.
pub fn cap_depth(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    // Bytes of `html` before `copied` are in `out` (or were left out).
    let mut copied = 0usize;
    let mut changed = false;
    let mut drop_range = |from: usize, to: usize, out: &mut String, copied: &mut usize| {
        out.push_str(&html[*copied..from]);
        *copied = to;
        changed = true;
    };
    let mut open: Vec<&str> = Vec::new();
    let mut formatting: Vec<&str> = Vec::new();
    let mut left_out: Vec<&str> = Vec::new();
    let mut i = 0usize;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let lt = i + offset;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |at| at + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(bytes, lt + 2, b">").map_or(bytes.len(), |at| at + 1);
            continue;
        }
        let end_tag = rest.starts_with(b"</");
        let name_at = lt + if end_tag { 2 } else { 1 };
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name_end = bytes[name_at..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .map_or(bytes.len(), |n| name_at + n);
        let name = &html[name_at..name_end];
        let (tag_end, self_closing) = tag_end(bytes, name_end);
        i = tag_end;
        if end_tag {
            if let Some(at) = find_name(&left_out, name, END_TAG_SEARCH) {
                left_out.truncate(at);
                drop_range(lt, tag_end, &mut out, &mut copied);
            } else if let Some(at) = find_name(&open, name, open.len()) {
                open.truncate(at);
            }
            if let Some(at) = find_name(&formatting, name, END_TAG_SEARCH) {
                formatting.remove(at);
            }
            continue;
        }
        // Its content is text: skip to its end tag, which the loop then reads.
        // Inside <svg> or <math> a <style> or <title> holds markup, so there
        // its tags are counted like any others (counting too many is safe).
        let foreign = || {
            open.iter()
                .any(|t| t.eq_ignore_ascii_case("svg") || t.eq_ignore_ascii_case("math"))
        };
        if is(RAW_TEXT, name) && !foreign() {
            i = find_end_tag(bytes, tag_end, name).unwrap_or(bytes.len());
            continue;
        }
        if self_closing || is(VOID, name) {
            continue;
        }
        if is(SIBLING_CLOSED, name) {
            let near = open.len().min(4);
            if let Some(at) = find_name(&open, name, near) {
                open.truncate(at);
            }
        }
        if is(CLOSES_P, name) && open.last().is_some_and(|t| t.eq_ignore_ascii_case("p")) {
            open.pop();
        }
        let is_formatting = is(FORMATTING, name);
        if open.len() >= MAX_DEPTH || (is_formatting && formatting.len() >= MAX_OPEN_FORMATTING) {
            left_out.push(name);
            drop_range(lt, tag_end, &mut out, &mut copied);
            continue;
        }
        open.push(name);
        if is_formatting {
            formatting.push(name);
        }
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Where `needle` starts at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= bytes.len() {
        return None;
    }
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// Where the `</name` of a raw-text element starts, at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(lt) = find(bytes, at, b"</") {
        let candidate = bytes.get(lt + 2..lt + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(lt);
        }
        at = lt + 2;
    }
    None
}

/// The index just past a tag's closing `>` (quoted attribute values may hold
/// one), and whether it ends with `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    for (n, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                let at = from + n;
                return (at + 1, at > 0 && bytes[at - 1] == b'/');
            }
            None => {}
        }
    }
    (bytes.len(), false)
}

/// The index of the topmost `name` among the top `within` entries of `stack`.
fn find_name(stack: &[&str], name: &str, within: usize) -> Option<usize> {
    stack
        .iter()
        .enumerate()
        .rev()
        .take(within)
        .find(|(_, t)| t.eq_ignore_ascii_case(name))
        .map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_is_not_copied() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<ul><li>x<li>y</ul><br><img src=x/></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(cap_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_the_text_kept() {
        let depth = 10_000;
        let page = format!(
            "{}deep text{}<p>after</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let capped = cap_depth(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("deep text") && capped.ends_with("<p>after</p>"));
    }

    #[test]
    fn tags_in_an_svg_style_are_counted() {
        let page = format!("<svg><style>{}x", "<div>".repeat(1_000));
        assert_eq!(cap_depth(&page).matches("<div>").count(), MAX_DEPTH - 2);
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(1_000));
        assert!(matches!(cap_depth(&script), Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_formatting_tags_are_bounded() {
        let page = "<b><i>".repeat(8_000) + "text";
        let capped = cap_depth(&page);
        assert_eq!(
            capped.matches("<b>").count() + capped.matches("<i>").count(),
            MAX_OPEN_FORMATTING
        );
        assert!(capped.ends_with("text"));
    }
}
