//! HTML pages: sanitised with `ammonia` first, then read from the sanitised
//! tree only. The main content is found by structure and text density
//! (readability-style); navigation, comments, sharing, avatars, footers and the
//! like are dropped by element and by class/id/role; title, author, category
//! path and canonical source are read from the page's metadata and structure.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use crate::library::{Block, BlockKind, NewDocument, SourceFormat};

use super::{nesting, noise, saved_text, ParsedDocument};

/// Elements kept by sanitising (their attributes limited to the ones below);
/// every other element is dropped and its text kept.
const KEPT_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "b",
    "bdi",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
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
    "hr",
    "i",
    "ins",
    "kbd",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "menu",
    "meta",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "u",
    "ul",
    "var",
];
/// Elements dropped with everything inside them.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "video", "audio", "select", "textarea", "button", "input", "option", "dialog",
    "head",
];
const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "itemprop",
    "itemtype",
    "itemscope",
    "aria-label",
    "aria-hidden",
    "hidden",
    "name",
    "content",
    "property",
    "rel",
    "lang",
];

/// Elements that are never the text.
const NOISE_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "menu", "label", "title", "meta", "link", "hr",
];
/// Parts of class/id names ("site-footer" → "site", "footer") that mark page furniture.
const NOISE_NAMES: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "footer",
    "masthead",
    "header",
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "avatar",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "ad",
    "ads",
    "adsense",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "promo",
    "related",
    "recommended",
    "popular",
    "trending",
    "cookie",
    "cookies",
    "consent",
    "banner",
    "newsletter",
    "subscribe",
    "signup",
    "login",
    "modal",
    "popup",
    "overlay",
    "loader",
    "loading",
    "spinner",
    "preloader",
    "widget",
    "toolbar",
    "pagination",
    "pager",
    "tags",
    "meta",
    "byline",
    "author",
    "vote",
    "votes",
    "voting",
    "rating",
    "actions",
    "hidden",
    "skip",
    "print",
    "follow",
    "profile",
    "user",
    "userinfo",
    "gravatar",
    "badge",
    "badges",
    "counter",
    "count",
    "stats",
    "toc",
    "responses",
    "replies",
    "reply",
    "disqus",
    "discussion",
];
/// Names of [`NOISE_NAMES`] that some sites give their answer too ("top-reply",
/// "reply-body"): furniture unless the page's text outside them is thin.
const ANSWER_NAMES: &[&str] = &["responses", "replies", "reply", "discussion"];
/// Below this many characters of visible text the main content found outside
/// the [`ANSWER_NAMES`] is thin: the answer may be inside them.
const THIN_MAIN_CHARS: usize = 1000;
/// Distinctive words that mark furniture even inside a longer name ("commentlist").
const NOISE_STEMS: &[&str] = &[
    "comment",
    "footer",
    "sidebar",
    "breadcrumb",
    "advert",
    "sponsor",
    "newsletter",
    "cookie",
    "popup",
    "widget",
    "pagination",
    "avatar",
    "byline",
    "navbar",
    "social",
    "related",
    "share",
];
const NOISE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "toolbar",
    "alert",
    "alertdialog",
    "tablist",
    "form",
];
/// Paragraphs shorter than this do not count towards a content block's score.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// Sanitises HTML: no script, style, event handler, `javascript:` or other
/// unsafe URL, frame or form control survives.
/// Nesting deeper than [`nesting::MAX_DEPTH`] is flattened first (its text
/// kept), so parsing stays linear and every walk of the tree shallow.
pub fn sanitise(html: &str) -> String {
    static CLEANER: std::sync::LazyLock<ammonia::Builder<'static>> =
        std::sync::LazyLock::new(cleaner);
    CLEANER.clean(&nesting::cap_depth(html)).to_string()
}

fn cleaner() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(KEPT_TAGS.iter().copied().collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(KEPT_ATTRIBUTES.iter().copied().collect())
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("link", ["href"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(None)
        .strip_comments(true);
    builder
}

/// Reads a whole page.
pub fn parse_page(
    text: &str,
    source: Option<&str>,
    name: Option<&str>,
) -> Result<ParsedDocument, String> {
    let page = Html::parse_fragment(&sanitise(text));
    let root = page.root_element();
    let (main, noise) = main_and_noise(root);

    let title = title_of(root, &noise)
        .or_else(|| name.map(|n| n.replace(['_', '-'], " ")))
        .unwrap_or_default();
    let author = author_of(root, main);
    let category_path = category_of(root, &title);
    let canonical = canonical_of(root);

    let mut blocks = Vec::new();
    let mut buf = Buffer::default();
    collect(
        main,
        BlockKind::Paragraph,
        &noise,
        &mut blocks,
        &mut buf,
        false,
    );
    buf.flush(BlockKind::Paragraph, &mut blocks);
    let blocks = noise::clean_blocks(blocks, &title, author.as_deref());
    if title.trim().is_empty() && blocks.is_empty() {
        return Err(
            "has no readable text (it may be a page that builds itself with script). \
                    Save the page again once it has loaded, or copy its text into a .txt file."
                .into(),
        );
    }
    let title = if title.trim().is_empty() {
        blocks[0].text.clone()
    } else {
        title
    };
    // The page read as saved text: the author's header before the answer
    // (a name line with a credential and an age, unmarked by any class), a
    // category line, and other answers beside the kept one.
    let mut notes = Vec::new();
    let (mut author, mut category_path) = (author, category_path);
    if let Some(first) = blocks.first() {
        let units = saved_text::units_of_blocks(&page_blocks(root));
        if let Some(start) = units
            .iter()
            .position(|u| u.text.contains(first.text.as_str()))
        {
            let (near_author, near_category, others) = saved_text::read_around(&units, start);
            if author.is_none() {
                author = near_author;
            }
            if category_path.is_empty() {
                category_path = near_category;
            }
            if others {
                notes.push(saved_text::OTHER_ANSWERS_NOTE.to_owned());
            }
        }
    }
    Ok(ParsedDocument {
        doc: NewDocument {
            title,
            author,
            category_path,
            source: canonical.or_else(|| source.map(str::to_owned)),
            body: String::new(),
        },
        format: SourceFormat::Html,
        blocks,
        tags: Vec::new(),
        notes,
    })
}

/// Every block of a page, furniture included (comments on an answer
/// excepted): the page as its saved text would show it.
fn page_blocks(root: ElementRef<'_>) -> Vec<Block> {
    let comments: HashSet<NodeId> = root
        .descendent_elements()
        .filter(|el| {
            let e = el.value();
            [e.attr("class"), e.attr("id")]
                .into_iter()
                .flatten()
                .any(|v| v.to_ascii_lowercase().contains("comment"))
        })
        .map(|el| el.id())
        .collect();
    let mut blocks = Vec::new();
    let mut buf = Buffer::default();
    collect(
        root,
        BlockKind::Paragraph,
        &comments,
        &mut blocks,
        &mut buf,
        false,
    );
    buf.flush(BlockKind::Paragraph, &mut blocks);
    blocks
}

/// The blocks of an HTML fragment (inside Markdown, or a bulk record's body),
/// sanitised, with furniture dropped but no main-content selection.
pub fn fragment_blocks(html: &str) -> Vec<Block> {
    let page = Html::parse_fragment(&sanitise(html));
    let root = page.root_element();
    let noise = noise_ids(root, true);
    let mut blocks = Vec::new();
    let mut buf = Buffer::default();
    collect(
        root,
        BlockKind::Paragraph,
        &noise,
        &mut blocks,
        &mut buf,
        false,
    );
    buf.flush(BlockKind::Paragraph, &mut blocks);
    blocks
}

/// The category path of an HTML fragment (a scraped page's body): its
/// breadcrumb trail or category line.
pub fn fragment_category(html: &str, title: &str) -> Vec<String> {
    let page = Html::parse_fragment(&sanitise(html));
    category_of(page.root_element(), title)
}

/// The text of an inline HTML snippet, sanitised.
pub fn fragment_text(html: &str) -> String {
    let page = Html::parse_fragment(&sanitise(html));
    page.root_element().text().collect()
}

// ---- noise ---------------------------------------------------------------

/// The page's main content and its furniture. A page whose text outside
/// "reply" and "responses" blocks is thin ("asked by …" and a two-line
/// question) keeps its answer there: the main content is then looked for
/// with those names allowed, when that finds three times the text.
fn main_and_noise(root: ElementRef<'_>) -> (ElementRef<'_>, HashSet<NodeId>) {
    let noise = noise_ids(root, true);
    let main = main_content(root, &noise).unwrap_or(root);
    let chars = text_stats(main, &noise).0;
    if chars < THIN_MAIN_CHARS {
        let lenient = noise_ids(root, false);
        if let Some(other) = main_content(root, &lenient) {
            if text_stats(other, &lenient).0 >= 3 * chars.max(1) {
                return (other, lenient);
            }
        }
    }
    (main, noise)
}

/// The elements that are page furniture; with `strict`, blocks named as
/// replies too.
fn noise_ids(root: ElementRef<'_>, strict: bool) -> HashSet<NodeId> {
    root.descendent_elements()
        .filter(|el| is_noise_element(*el, strict))
        .map(|el| el.id())
        .collect()
}

fn is_noise_element(el: ElementRef<'_>, strict: bool) -> bool {
    let e = el.value();
    let tag = e.name();
    if matches!(tag, "html" | "body" | "main" | "article") {
        return false;
    }
    if NOISE_TAGS.contains(&tag)
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    if e.attr("role").is_some_and(|r| {
        r.split_whitespace()
            .any(|r| NOISE_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    }) {
        return true;
    }
    let names = [e.attr("class"), e.attr("id"), e.attr("itemprop")];
    names
        .into_iter()
        .flatten()
        .any(|v| has_noise_name(v, strict))
}

fn has_noise_name(value: &str, strict: bool) -> bool {
    value.split_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        NOISE_STEMS.iter().any(|stem| token.contains(stem))
            || token == "sr-only"
            || token.split(['-', '_', ':']).any(|part| {
                NOISE_NAMES.contains(&part) && (strict || !ANSWER_NAMES.contains(&part))
            })
    })
}

/// Every element inside page furniture (a noise element or below one), in one
/// walk: asking each element's ancestors instead costs the page's depth per element.
fn inside_noise(root: ElementRef<'_>, noise: &HashSet<NodeId>) -> HashSet<NodeId> {
    let mut inside = HashSet::new();
    let mut open_noise = 0usize;
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                let is_noise = noise.contains(&node.id());
                open_noise += usize::from(is_noise);
                if open_noise > 0 && node.value().is_element() {
                    inside.insert(node.id());
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                open_noise -= usize::from(noise.contains(&node.id()));
            }
        }
    }
    inside
}

fn in_noise(el: ElementRef<'_>, noise: &HashSet<NodeId>) -> bool {
    noise.contains(&el.id()) || el.ancestors().any(|a| noise.contains(&a.id()))
}

// ---- main content ---------------------------------------------------------

/// Visible text of an element (noise skipped) and how much of it is link text.
fn text_stats(el: ElementRef<'_>, noise: &HashSet<NodeId>) -> (usize, usize, usize) {
    // An explicit stack, not recursion: the tree may be deep.
    let mut acc = (0, 0, 0);
    let mut stack: Vec<(ego_tree::NodeRef<'_, Node>, bool)> = vec![(*el, false)];
    while let Some((node, in_link)) = stack.pop() {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    let n = t
                        .split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>();
                    acc.0 += n;
                    if in_link {
                        acc.1 += n;
                    }
                    acc.2 += t.matches(',').count();
                }
                Node::Element(e) if !noise.contains(&child.id()) => {
                    stack.push((child, in_link || e.name() == "a"))
                }
                _ => {}
            }
        }
    }
    acc
}

/// The element holding the page's main text: paragraphs score their parent
/// (fully), grandparent (half) and great-grandparent (a third) by length and
/// commas; link-heavy blocks are discounted.
fn main_content<'a>(root: ElementRef<'a>, noise: &HashSet<NodeId>) -> Option<ElementRef<'a>> {
    let inside_noise = inside_noise(root, noise);
    let in_noise = |el: ElementRef<'_>, _: &HashSet<NodeId>| inside_noise.contains(&el.id());
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut credit = |first: Option<ElementRef<'a>>, score: f64| {
        let mut node = first;
        for divisor in [1.0, 2.0, 3.0] {
            let Some(el) = node else { break };
            *scores.entry(el.id()).or_default() += score / divisor;
            node = el.parent().and_then(ElementRef::wrap);
        }
    };
    let score_of =
        |chars: usize, commas: usize| 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
    for el in root.descendent_elements() {
        if in_noise(el, noise) {
            continue;
        }
        let tag = el.value().name();
        if matches!(tag, "p" | "pre" | "blockquote" | "td" | "dd" | "li") {
            // A paragraph scores its parent, grandparent and great-grandparent.
            let (chars, links, commas) = text_stats(el, noise);
            if chars >= MIN_PARAGRAPH_CHARS && links * 2 <= chars {
                credit(
                    el.parent().and_then(ElementRef::wrap),
                    score_of(chars, commas),
                );
            }
        }
        if !matches!(
            tag,
            "p" | "pre" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) {
            // Text written straight into a container (paragraphs split by
            // <br>) scores the container itself, its parent and grandparent.
            let (chars, commas) = direct_text_stats(el);
            if chars >= MIN_PARAGRAPH_CHARS {
                credit(Some(el), score_of(chars, commas));
            }
        }
    }
    scores
        .into_iter()
        .filter_map(|(id, score)| {
            let el = ElementRef::wrap(root.tree().get(id)?)?;
            let (chars, links, _) = text_stats(el, noise);
            let density = if chars == 0 {
                1.0
            } else {
                links as f64 / chars as f64
            };
            Some((el, score * (1.0 - density)))
        })
        .filter(|(el, _)| !in_noise(*el, noise))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(el, _)| el)
}

/// Length and commas of the text directly inside an element (and inside its
/// inline children), not inside its block children.
fn direct_text_stats(el: ElementRef<'_>) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    for child in el.children() {
        let text: String = match child.value() {
            Node::Text(t) => t.to_string(),
            Node::Element(e)
                if block_kind(e.name(), BlockKind::Paragraph).is_none() && e.name() != "a" =>
            {
                ElementRef::wrap(child)
                    .map(|c| c.text().collect())
                    .unwrap_or_default()
            }
            _ => continue,
        };
        chars += text
            .split_whitespace()
            .map(|w| w.chars().count() + 1)
            .sum::<usize>();
        commas += text.matches(',').count();
    }
    (chars, commas)
}

// ---- blocks ----------------------------------------------------------------

/// Stands for a `<br>` while text is gathered (text nodes never hold it).
const BREAK: char = '\u{2028}';

#[derive(Default)]
struct Buffer {
    text: String,
    link_chars: usize,
}

impl Buffer {
    fn push(&mut self, text: &str, in_link: bool) {
        let text = text.replace(BREAK, " ");
        if in_link {
            self.link_chars += text
                .split_whitespace()
                .map(|w| w.chars().count() + 1)
                .sum::<usize>();
        }
        self.text.push_str(&text);
    }

    /// Ends the current block. Two or more `<br>` in a row split it into
    /// paragraphs; a short run of mostly link text is a menu, not text.
    fn flush(&mut self, kind: BlockKind, out: &mut Vec<Block>) {
        let chars: usize = self
            .text
            .split_whitespace()
            .map(|w| w.chars().count() + 1)
            .sum();
        let words = self.text.split_whitespace().count();
        let linky = chars > 0 && self.link_chars * 2 > chars && words < 15;
        if !linky {
            let mut piece = String::new();
            for line in self.text.split(BREAK) {
                if line.trim().is_empty() {
                    push_block(kind, &piece, out);
                    piece.clear();
                } else {
                    piece.push(' ');
                    piece.push_str(line);
                }
            }
            push_block(kind, &piece, out);
        }
        self.text.clear();
        self.link_chars = 0;
    }
}

fn push_block(kind: BlockKind, text: &str, out: &mut Vec<Block>) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        out.push(Block::new(kind, text));
    }
}

fn block_kind(tag: &str, context: BlockKind) -> Option<BlockKind> {
    Some(match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "p" | "pre" | "address" | "figcaption" | "caption" | "summary" | "td" | "th" | "div"
        | "section" | "article" | "main" | "ul" | "ol" | "dl" | "table" | "thead" | "tbody"
        | "tfoot" | "tr" | "figure" | "details" | "body" | "html" => match context {
            BlockKind::Heading => BlockKind::Paragraph,
            other => other,
        },
        _ => return None,
    })
}

fn collect(
    el: ElementRef<'_>,
    kind: BlockKind,
    noise: &HashSet<NodeId>,
    out: &mut Vec<Block>,
    buf: &mut Buffer,
    in_link: bool,
) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => buf.push(t, in_link),
            Node::Element(e) => {
                if noise.contains(&child.id()) {
                    continue;
                }
                let child_el = ElementRef::wrap(child).expect("an element");
                let tag = e.name();
                if is_bracket_marker(child_el) {
                    continue;
                }
                if tag == "br" {
                    buf.text.push(BREAK);
                } else if let Some(child_kind) = block_kind(tag, kind) {
                    buf.flush(kind, out);
                    let mut inner = Buffer::default();
                    collect(child_el, child_kind, noise, out, &mut inner, in_link);
                    inner.flush(child_kind, out);
                } else {
                    collect(child_el, kind, noise, out, buf, in_link || tag == "a");
                }
            }
            _ => {}
        }
    }
}

/// A reference mark or edit link: an inline element whose whole text is a
/// short bracketed note ("[1]", "[edit]", "[citation needed]").
fn is_bracket_marker(el: ElementRef<'_>) -> bool {
    if block_kind(el.value().name(), BlockKind::Paragraph).is_some() {
        return false;
    }
    // Read only as much text as can rule it out: a marker's first visible
    // character is "[" and it has at most 25. Reading all of every element's
    // text would cost as much as the page below it, for every element.
    let mut text = String::new();
    let mut visible = 0;
    for piece in el.text() {
        visible += piece.chars().filter(|c| !c.is_whitespace()).count();
        text.push_str(piece);
        let started = text.trim_start();
        if visible > 25 || (!started.is_empty() && !started.starts_with('[')) {
            return false;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.starts_with('[') && text.ends_with(']') && text.chars().count() <= 25
}

// ---- metadata ----------------------------------------------------------------

fn text_of(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn meta_content<'a>(root: ElementRef<'a>, keys: &[&str]) -> Option<String> {
    root.descendent_elements()
        .filter(|el| el.value().name() == "meta")
        .find(|el| {
            let e = el.value();
            [e.attr("name"), e.attr("property"), e.attr("itemprop")]
                .into_iter()
                .flatten()
                .any(|k| keys.contains(&k.to_ascii_lowercase().as_str()))
        })
        .and_then(|el| el.value().attr("content"))
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
}

/// "(3) Why did Rome fall?" → "Why did Rome fall?": an unread-count prefix.
fn strip_counter(title: &str) -> String {
    if let Some(rest) = title.strip_prefix('(') {
        if let Some((count, after)) = rest.split_once(") ") {
            if !count.is_empty() && count.chars().all(|c| c.is_ascii_digit() || c == '+') {
                return after.to_owned();
            }
        }
    }
    title.to_owned()
}

/// "Why did Rome fall? | Some Site" → "Why did Rome fall?": the longest part.
fn strip_site_name(title: &str) -> String {
    let mut parts = vec![title.to_owned()];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned))
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .max_by_key(|p| p.chars().count())
        .unwrap_or_default()
}

/// The title: the first level-1 heading outside page furniture, or a heading
/// the page's title (or og:title) contains, or that title without the site
/// name ("Why did Rome fall? | Some Site" → "Why did Rome fall?").
fn title_of(root: ElementRef<'_>, noise: &HashSet<NodeId>) -> Option<String> {
    let page_title = root
        .descendent_elements()
        .find(|el| el.value().name() == "title")
        .map(|el| strip_counter(&text_of(el)))
        .or_else(|| meta_content(root, &["og:title", "twitter:title"]))
        .filter(|t| !t.is_empty());
    let headings: Vec<(String, String)> = root
        .descendent_elements()
        .filter(|el| matches!(el.value().name(), "h1" | "h2" | "h3"))
        .filter(|el| !in_noise(*el, noise))
        .map(|el| (el.value().name().to_owned(), text_of(el)))
        .filter(|(_, t)| !t.is_empty() && t.chars().count() <= 300)
        .collect();
    if let Some(page_title) = &page_title {
        if let Some((_, h)) = headings
            .iter()
            .find(|(_, h)| page_title.contains(h.as_str()) && h.chars().count() >= 8)
        {
            return Some(h.clone());
        }
    }
    headings
        .into_iter()
        .find(|(tag, _)| tag == "h1")
        .map(|(_, h)| h)
        .or_else(|| page_title.map(|t| strip_site_name(&t)))
}

/// Removes "By", "Answered by" and the like before a name.
fn strip_by(text: &str) -> String {
    let lower = text.to_lowercase();
    for prefix in ["answered by", "written by", "posted by", "asked by", "by"] {
        if lower.starts_with(prefix) && lower[prefix.len()..].starts_with([' ', ':']) {
            return text[prefix.len()..]
                .trim_start_matches([' ', ':'])
                .trim()
                .to_owned();
        }
    }
    text.trim().to_owned()
}

/// The author nearest to the main text: from elements marked as author
/// (itemprop, rel, class or id), the one sharing the deepest ancestor with the
/// main content; else the page's author meta tag.
fn author_of(root: ElementRef<'_>, main: ElementRef<'_>) -> Option<String> {
    let main_line: Vec<NodeId> = std::iter::once(main.id())
        .chain(main.ancestors().map(|a| a.id()))
        .collect();
    let mut best: Option<(usize, String)> = None;
    for el in root.descendent_elements() {
        let e = el.value();
        let marked = e
            .attr("itemprop")
            .is_some_and(|v| v.split_whitespace().any(|t| t == "author"))
            || e.attr("rel")
                .is_some_and(|v| v.split_whitespace().any(|t| t == "author"))
            || [e.attr("class"), e.attr("id")]
                .into_iter()
                .flatten()
                .any(|v| {
                    v.split_whitespace().any(|t| {
                        let t = t.to_ascii_lowercase();
                        let parts: Vec<&str> = t.split(['-', '_']).collect();
                        let person = parts.iter().any(|p| {
                            matches!(
                                *p,
                                "author"
                                    | "username"
                                    | "byline"
                                    | "user"
                                    | "poster"
                                    | "owner"
                                    | "writer"
                                    | "signature"
                            )
                        });
                        person
                            && !parts.iter().any(|p| {
                                matches!(*p, "img" | "avatar" | "image" | "photo" | "pic" | "icon")
                            })
                    })
                });
        if !marked || e.name() == "meta" {
            continue;
        }
        // A nested `itemprop="name"` holds the name itself; else a link to
        // the person; else the element's text.
        let named = el
            .descendent_elements()
            .find(|d| d.value().attr("itemprop") == Some("name"))
            .map(text_of)
            .or_else(|| {
                el.descendent_elements()
                    .filter(|d| d.value().name() == "a")
                    .map(text_of)
                    .find(|t| noise::looks_like_name(&strip_by(t)))
            })
            .or_else(|| {
                // A byline of parts ("<b>Name</b> · credential · date"): the
                // part that is a name.
                let whole = text_of(el);
                (!noise::looks_like_name(&strip_by(&whole)))
                    .then(|| {
                        el.descendent_elements()
                            .map(text_of)
                            .find(|t| noise::looks_like_name(&strip_by(t)))
                    })
                    .flatten()
            })
            .unwrap_or_else(|| text_of(el));
        let name = strip_by(&named);
        if !noise::looks_like_name(&name) {
            continue;
        }
        // How deep the nearest ancestor shared with the main content is.
        let depth = el
            .ancestors()
            .find_map(|a| main_line.iter().position(|id| *id == a.id()))
            .map_or(0, |at| main_line.len() - at);
        if best.as_ref().is_none_or(|(d, _)| depth > *d) {
            best = Some((depth, name));
        }
    }
    best.map(|(_, name)| name)
        .or_else(|| meta_content(root, &["author", "article:author"]))
}

/// The category path: a breadcrumb trail (its items, without "Home" and
/// without the page's own title), else a section meta tag, else a line
/// written like "History -> Cold War".
fn category_of(root: ElementRef<'_>, title: &str) -> Vec<String> {
    let clean = |items: Vec<String>| -> Vec<String> {
        let mut items: Vec<String> = items
            .into_iter()
            .map(|i| {
                i.trim_matches(|c: char| c.is_whitespace() || "›»>/→|-".contains(c))
                    .to_owned()
            })
            .filter(|i| !i.is_empty())
            .collect();
        items = noise::strip_home(items);
        if items.last().is_some_and(|l| noise::same_text(l, title)) {
            items.pop();
        }
        items
    };
    let trail = root.descendent_elements().find(|el| {
        let e = el.value();
        [
            e.attr("class"),
            e.attr("id"),
            e.attr("aria-label"),
            e.attr("itemtype"),
        ]
        .into_iter()
        .flatten()
        .any(|v| v.to_ascii_lowercase().contains("breadcrumb"))
    });
    if let Some(trail) = trail {
        let items: Vec<String> = {
            let lis: Vec<String> = trail
                .descendent_elements()
                .filter(|e| e.value().name() == "li")
                .map(text_of)
                .collect();
            if !lis.is_empty() {
                lis
            } else {
                let links: Vec<String> = trail
                    .descendent_elements()
                    .filter(|e| e.value().name() == "a")
                    .map(text_of)
                    .collect();
                if !links.is_empty() {
                    links
                } else {
                    noise::category_line(&text_of(trail)).unwrap_or_default()
                }
            }
        };
        let items = clean(items);
        if !items.is_empty() {
            return items;
        }
    }
    if let Some(items) = labelled_category(root) {
        return items;
    }
    if let Some(items) = root
        .descendent_elements()
        .find_map(link_trail)
        .map(clean)
        .filter(|i| !i.is_empty())
    {
        return items;
    }
    if let Some(section) = meta_content(root, &["article:section", "category"]) {
        return crate::library::parse_category_path(&section);
    }
    root.descendent_elements()
        .filter(|el| {
            !el.child_elements()
                .any(|c| block_kind(c.value().name(), BlockKind::Paragraph).is_some())
        })
        .map(text_of)
        .filter(|t| t.contains("->") || t.contains('»') || t.contains('›') || t.contains('→'))
        .find_map(|t| noise::category_line(&t))
        .unwrap_or_default()
}

/// Labels that introduce a page's category in its meta line ("Category: Cold War
/// Europe · Answered by …").
const CATEGORY_LABELS: &[&str] = &[
    "category",
    "categories",
    "topic",
    "topics",
    "filed under",
    "posted in",
];

/// The category a meta line names after its label, up to the next separator:
/// "Category: African History / Colonialism · Answered by …" → ["African
/// History", "Colonialism"].
fn labelled_category(root: ElementRef<'_>) -> Option<Vec<String>> {
    root.descendent_elements()
        .filter(|el| {
            !el.child_elements()
                .any(|c| block_kind(c.value().name(), BlockKind::Paragraph).is_some())
        })
        .find_map(|el| {
            let labelled = |text: &str| {
                text.split_once(':').is_some_and(|(l, _)| {
                    CATEGORY_LABELS.contains(&l.trim().to_lowercase().as_str())
                })
            };
            let text = text_of(el);
            // The innermost element with the label: a meta line's own "Category:"
            // span, not the line with the author after it.
            if !labelled(&text) || el.child_elements().any(|c| labelled(&text_of(c))) {
                return None;
            }
            let (_, rest) = text.split_once(':')?;
            let value = rest.split(['·', '|', '•', '—']).next()?.trim();
            if value.is_empty() || value.chars().count() > 80 {
                return None;
            }
            Some(noise::category_line(value).unwrap_or_else(|| vec![value.to_owned()]))
        })
}

/// A breadcrumb trail without a telling name: an element holding two or more
/// links and, between them, nothing but separators ("Home > History > Cold
/// War"). A menu of links has no separators, so it is not taken for one. A
/// short label before the trail ("You are here:") is dropped, and the current
/// page written after the last separator as plain text is its last item.
fn link_trail(el: ElementRef<'_>) -> Option<Vec<String>> {
    let mut links: Vec<String> = el
        .child_elements()
        .filter(|c| c.value().name() == "a")
        .map(text_of)
        .collect();
    if links.len() < 2 {
        // Items of a list or spans with separators between them.
        links = el
            .child_elements()
            .filter(|c| matches!(c.value().name(), "li" | "span"))
            .map(text_of)
            .collect();
    }
    if links.len() < 2 {
        return None;
    }
    let text = text_of(el);
    if text.chars().count() > 160 {
        return None;
    }
    // Not "|": menus and footers put it between their links ("About | Privacy").
    let is_separator = |c: char| "›»>/→".contains(c);
    let only_separators = |gap: &str| gap.chars().all(|c| c.is_whitespace() || is_separator(c));
    let mut rest = text.as_str();
    let mut has_separator = false;
    for (i, link) in links.iter().enumerate() {
        let at = rest.find(link.as_str())?;
        let gap = rest[..at].trim();
        let label = i == 0 && gap.ends_with(':') && gap.split_whitespace().count() <= 4;
        if !(only_separators(gap) || label) {
            return None;
        }
        has_separator |= i > 0 && gap.chars().any(is_separator);
        rest = &rest[at + link.len()..];
    }
    let tail = rest.trim();
    if !tail.is_empty() {
        let page = tail.trim_start_matches(|c: char| c.is_whitespace() || is_separator(c));
        let fits = page.len() < tail.len()
            && !page.is_empty()
            && page.split_whitespace().count() <= 6
            && !page.ends_with(['.', '!'])
            && !page.contains(is_separator);
        if !fits {
            return None;
        }
        links.push(page.to_owned());
    }
    has_separator.then_some(links)
}

fn canonical_of(root: ElementRef<'_>) -> Option<String> {
    root.descendent_elements()
        .find(|el| {
            el.value().name() == "link"
                && el
                    .value()
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|el| el.value().attr("href"))
        .map(str::to_owned)
        .or_else(|| meta_content(root, &["og:url"]))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_links_with_separators_is_a_breadcrumb_but_a_menu_is_not() {
        let page = r#"<html><head><title>What was the Truman Doctrine?</title></head><body>
            <nav><a href="/latest">Latest</a> <a href="/top">Top</a></nav>
            <div class="crumbs"><a href="/">Home</a> &gt; <a href="/h">History</a> &gt; <a href="/h/cw">Cold War</a></div>
            <main><h1>What was the Truman Doctrine?</h1>
            <p>The Truman Doctrine was announced on 12 March 1947 in a speech to Congress.</p>
            <p>It promised support to Greece and Turkey and began the policy of containment.</p></main></body></html>"#;
        let doc = parse_page(page, None, None).unwrap();
        assert_eq!(doc.doc.category_path, vec!["History", "Cold War"]);

        let menu_only = page.replace(r#"<div class="crumbs"><a href="/">Home</a> &gt; <a href="/h">History</a> &gt; <a href="/h/cw">Cold War</a></div>"#, "");
        assert!(parse_page(&menu_only, None, None)
            .unwrap()
            .doc
            .category_path
            .is_empty());
    }

    #[test]
    fn an_answer_in_a_block_named_reply_is_kept_when_little_else_is_text() {
        // Round 31: only the asker's two lines were imported.
        let para = "Charles XII landed near Pernau in October 1700, marched on Narva with about 10,000 men, and attacked the Russian lines in a snowstorm on 30 November, breaking them within hours while the Russian army, three times larger, fled across the river.";
        let answer: String = (0..6).map(|_| format!("<p>{para}</p>")).collect();
        let page = format!(
            r#"<html><head><title>How did Charles XII win at Narva?</title></head><body>
            <main><h1>How did Charles XII win at Narva?</h1>
            <div class="thread-question"><p>I keep reading that a small Swedish army routed a Russian force three or four times its size. How was that possible?</p><p class="asked-by">asked by <a href="/m/d">dvina_rower</a></p></div>
            <div class="reply top-reply"><div class="reply-meta"><span>Answer from <a href="/m/i">Ingrid Sollenberg</a></span></div>
            <div class="reply-body">{answer}</div></div>
            <div class="replies"><div class="reply"><p>Great answer, thank you so much for writing it all out.</p></div></div>
            </main></body></html>"#
        );
        let doc = parse_page(&page, None, None).unwrap();
        let text: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(text.len(), 6, "{text:?}");
        assert!(text.iter().all(|t| t.starts_with("Charles XII landed")));
        // A page whose article is text of its own keeps its replies out.
        let page = format!(
            r#"<html><body><article>{answer}</article>
            <section class="replies"><div class="reply"><p>I always wondered how the snowstorm helped the Swedes, and this explains it well enough for me.</p></div></section></body></html>"#
        );
        let doc = parse_page(&page, None, None).unwrap();
        assert!(doc
            .blocks
            .iter()
            .all(|b| b.text.starts_with("Charles XII landed")));
    }

    #[test]
    fn a_meta_line_names_the_category_and_a_menu_of_bars_does_not() {
        let page = r#"<html><head><title>Why did the revolution fail? - Ask Beyond</title></head><body>
            <header><nav><a href="/">Home</a> | <a href="/browse">Browse</a> | <a href="/t/cw">Cold War</a> | <a href="/help">Help</a></nav></header>
            <main><h1>Why did the revolution fail?</h1>
            <p class="meta">Category: Cold War Europe · Answered by <a href="/u/z">Zsófia Kemény</a> · 4 years ago</p>
            <div class="answer-body"><p>Soviet tanks returned to Budapest on 4 November 1956 and crushed the rising within days.</p>
            <p>Imre Nagy took refuge in the Yugoslav embassy and was executed in June 1958.</p></div></main>
            <footer><a href="/about">About</a> | <a href="/rules">House rules</a> | <a href="/privacy">Privacy</a></footer></body></html>"#;
        let doc = parse_page(page, None, None).unwrap();
        assert_eq!(doc.doc.category_path, ["Cold War Europe"]);
        // A separator inside the label's value ends it; a path in it is split.
        let page = page.replace(
            "Category: Cold War Europe ·",
            "Category: History / Cold War —",
        );
        let doc = parse_page(&page, None, None).unwrap();
        assert_eq!(doc.doc.category_path, ["History", "Cold War"]);
        // The label in a span of its own, the author in the next one.
        let page = page.replace(
            "<p class=\"meta\">Category: History / Cold War —",
            "<p class=\"meta\"><span>Category: Cold War Europe</span> <span>",
        );
        let doc = parse_page(&page, None, None).unwrap();
        assert_eq!(doc.doc.category_path, ["Cold War Europe"]);
    }

    #[test]
    fn a_labelled_trail_ending_in_the_current_page_is_a_breadcrumb() {
        let page = |trail: &str| {
            format!(
                r#"<html><head><title>Why was the canal built?</title></head><body>
            <p class="path">{trail}</p>
            <main><h1>Why was the canal built?</h1>
            <p>The canal was dug between 1817 and 1825 to join the lakes to the sea.</p>
            <p>It cut the cost of freight between Buffalo and New York by nine tenths.</p></main></body></html>"#
            )
        };
        let category = |trail: &str| {
            parse_page(&page(trail), None, None)
                .unwrap()
                .doc
                .category_path
        };
        assert_eq!(
            category(
                r#"You are here: <a href="/h">History</a> &gt; <a href="/h/am">Americas</a> &gt; Erie Canal"#
            ),
            ["History", "Americas", "Erie Canal"]
        );
        assert_eq!(
            category(r#"<a href="/h">History</a> / <a href="/h/am">Americas</a> / Erie Canal"#),
            ["History", "Americas", "Erie Canal"]
        );
        // A sentence after the links is not a trail's last item.
        assert!(category(
            r#"<a href="/h">History</a> / <a href="/h/am">Americas</a> / see the rules before you post."#
        )
        .is_empty());
        // Links in running text are not a trail.
        assert!(
            category(r#"Read <a href="/a">this</a> and <a href="/b">that</a> first"#).is_empty()
        );
    }

    #[test]
    fn sanitising_removes_everything_that_runs() {
        let dirty = r#"<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><img src=x onerror="alert(2)">
            <script>alert(3)</script><style>p{}</style><iframe src="https://e.x"></iframe>
            <a href="https://ok.example/">ok</a><svg><script>alert(4)</script></svg></p>"#;
        let clean = sanitise(dirty);
        for bad in [
            "onclick",
            "javascript:",
            "onerror",
            "<script",
            "alert",
            "<style",
            "<iframe",
            "<img",
            "<svg",
        ] {
            assert!(!clean.to_lowercase().contains(bad), "{bad} in {clean}");
        }
        assert!(clean.contains("https://ok.example/"));
    }

    #[test]
    fn head_metadata_survives_sanitising() {
        let clean = sanitise(
            r#"<html><head><title>Why did Rome fall? | Site</title><meta name="author" content="Jo Bell"><link rel="canonical" href="https://x.example/q/1"></head><body><p>x</p></body></html>"#,
        );
        let page = Html::parse_fragment(&clean);
        let root = page.root_element();
        assert_eq!(meta_content(root, &["author"]).as_deref(), Some("Jo Bell"));
        assert_eq!(canonical_of(root).as_deref(), Some("https://x.example/q/1"));
        assert_eq!(
            title_of(root, &HashSet::new()).as_deref(),
            Some("Why did Rome fall?")
        );
    }

    #[test]
    fn breaks_split_paragraphs() {
        let blocks = fragment_blocks("<div>One line<br>continues.<br><br>Second paragraph.</div>");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["One line continues.", "Second paragraph."]);
    }
}
