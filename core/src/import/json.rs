//! JSON for bulk import: an array of objects (`title`, `body`, and optionally
//! `author`, `category` as "A -> B" or a list, `source`, `tags`), a single such
//! object, or JSON Lines. Each record is read on its own, so one malformed
//! record is reported (by its 1-based number) while the others are imported.

use serde_json::{Map, Value};

use crate::library::{parse_category_path, Block, NewDocument, SourceFormat};

use super::{html, noise, saved_text, ParsedDocument, ParsedRecord};

pub fn parse(text: &str, lines: bool) -> Vec<ParsedRecord> {
    let text = text.trim_start_matches('\u{feff}').trim();
    let pieces: Vec<&str> = if lines {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else if text.starts_with('[') {
        split_array(text)
    } else if text.starts_with('{') {
        vec![text]
    } else {
        return vec![ParsedRecord {
            record: None,
            result: Err("is not a JSON list of documents. Clio expects [ {\"title\": …, \"body\": …}, … ]; \
                         check the file, or give it a .txt extension to import it as text."
                .into()),
        }];
    };
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| ParsedRecord {
            record: Some(i + 1),
            result: record(piece),
        })
        .collect()
}

/// The texts of the elements of a top-level array, found by bracket depth
/// outside strings. A string never spans a line break in valid JSON, so a
/// line break ends one: an unterminated string spoils only its own record.
fn split_array(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = 1;
    let mut i = 1;
    let record_indent = text[1..]
        .lines()
        .find(|l| !l.trim().is_empty())
        .filter(|l| l.trim_start().starts_with('{'))
        .map(|l| l.len() - l.trim_start().len());
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            // A line break ends any string (valid JSON has none inside one);
            // a line opening an object at the indentation of the first record
            // starts the next record even if this one never closed.
            in_string = false;
            escaped = false;
            if depth > 0 && opens_record_at(&text[i + 1..], record_indent) {
                push_piece(&text[start..i], &mut pieces);
                start = i + 1;
                depth = 0;
            }
        } else if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth > 0 => depth -= 1,
                b']' => {
                    push_piece(&text[start..i], &mut pieces);
                    return pieces;
                }
                b',' if depth == 0 => {
                    push_piece(&text[start..i], &mut pieces);
                    start = i + 1;
                }
                _ => {}
            }
        }
        i += 1;
    }
    push_piece(&text[start..], &mut pieces);
    pieces
}

fn opens_record_at(rest: &str, indent: Option<usize>) -> bool {
    let line = rest.lines().next().unwrap_or("");
    line.trim_start().starts_with('{') && Some(line.len() - line.trim_start().len()) == indent
}

fn push_piece<'a>(piece: &'a str, pieces: &mut Vec<&'a str>) {
    if !piece.trim().is_empty() {
        pieces.push(piece.trim());
    }
}

fn record(piece: &str) -> Result<ParsedDocument, String> {
    let value: Value = serde_json::from_str(piece).map_err(|e| {
        format!("is not valid JSON ({e}). Fix this record and import the file again; the other records were imported.")
    })?;
    let Value::Object(obj) = value else {
        return Err("is not an object with \"title\" and \"body\". Fix this record and import the file again.".into());
    };
    if !obj.contains_key("title") || !obj.contains_key("body") {
        if let Some(page) = structured_page(&obj) {
            return Ok(page);
        }
    }
    let title = string(&obj, "title")
        .ok_or("has no \"title\" (text). Add one and import the file again.")?;
    let blocks = match obj.get("body") {
        Some(Value::String(body)) => body_blocks(body),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .flat_map(body_blocks)
            .collect(),
        _ => {
            return Err(format!(
                "(“{title}”) has no \"body\" (text). Add the text and import the file again."
            ))
        }
    };
    let category_path = match obj.get("category") {
        Some(Value::String(s)) => parse_category_path(s),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let tags = match obj.get("tags") {
        Some(Value::String(s)) => s.split(',').map(|t| t.trim().to_owned()).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let author = string(&obj, "author");
    let source = string(&obj, "source").or_else(|| string(&obj, "url"));
    if let Some(Value::String(body)) = obj.get("body") {
        if let Some(page) = saved_page(body, &title, &author, &category_path, &source, &tags) {
            return Ok(page);
        }
    }
    Ok(ParsedDocument {
        doc: NewDocument {
            title,
            author,
            category_path,
            source,
            body: String::new(),
        },
        format: SourceFormat::Json,
        blocks,
        tags,
        notes: Vec::new(),
    })
}

/// A record whose body is a whole saved page (a scraper's text or HTML of a
/// Q&A page, with its menu, author header and footer): read as a saved page
/// when it shows three or more marks of one; the record's fields come first.
fn saved_page(
    body: &str,
    title: &str,
    author: &Option<String>,
    category: &[String],
    source: &Option<String>,
    tags: &[String],
) -> Option<ParsedDocument> {
    let units = if is_html(body) {
        saved_text::units_of_blocks(&html::fragment_blocks(body))
    } else {
        saved_text::units_of_text(body)
    };
    let reading = saved_text::read(&units, Some(title))?;
    if reading.signals < 3 {
        return None;
    }
    let doc = NewDocument {
        title: saved_text::known_title(title, &units),
        author: author.clone().or_else(|| reading.author.clone()),
        category_path: if !category.is_empty() {
            category.to_vec()
        } else if reading.category.is_empty() && is_html(body) {
            // A breadcrumb of links is not in the fragment's blocks (a short
            // run of links is dropped as a menu), so read it from the tree.
            html::fragment_category(body, title)
        } else {
            reading.category.clone()
        },
        source: source.clone(),
        body: String::new(),
    };
    Some(saved_text::document(
        &units,
        &reading,
        doc,
        SourceFormat::Json,
        tags.to_vec(),
    ))
}

/// A site's export of one Q&A page as nested JSON (`question.title`,
/// `answers[].author.name`, `data.posts[].body_html`…), read by the shape of
/// its values: the question is the first question-like string under a key
/// naming a title; the answers are the objects of a list that hold a long
/// text; the kept one is the one flagged accepted or best, else the first;
/// its author is the name under an author or user key; the category is a
/// list or path under a breadcrumb, category or topic key.
fn structured_page(obj: &Map<String, Value>) -> Option<ParsedDocument> {
    let root = Value::Object(obj.clone());
    let mut titles = Vec::new();
    let mut categories = Vec::new();
    let mut answers = Vec::new();
    walk(&root, "", &mut titles, &mut categories, &mut answers);
    let title = titles
        .iter()
        .find(|t| t.trim_end().ends_with('?'))
        .or(titles.first())?
        .clone();
    let kept = answers
        .iter()
        .position(|a| is_flagged_best(a))
        .or((!answers.is_empty()).then_some(0))?;
    let answer = answers[kept];
    let text = long_text(answer)?;
    let blocks = if is_html(&text) {
        html::fragment_blocks(&text)
    } else {
        body_blocks(&text)
    };
    let author = person_of(answer);
    let blocks = noise::clean_blocks(blocks, &title, author.as_deref());
    let category_path = categories.into_iter().next().unwrap_or_default();
    let source = ["url", "source", "link", "permalink"]
        .iter()
        .find_map(|k| find_string(&root, k))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    Some(ParsedDocument {
        doc: NewDocument {
            title,
            author,
            category_path,
            source,
            body: String::new(),
        },
        format: SourceFormat::Json,
        blocks,
        tags: Vec::new(),
        notes: if answers.len() > 1 {
            vec![saved_text::OTHER_ANSWERS_NOTE.to_owned()]
        } else {
            Vec::new()
        },
    })
}

/// A text this long is an answer's (or a question's) body, not a label.
const LONG_TEXT: usize = 200;

/// Gathers, in document order, titles (strings under keys naming a title or
/// question), category paths (under breadcrumb, category or topic keys) and
/// answers (objects of a list holding a long text).
fn walk<'a>(
    value: &'a Value,
    key: &str,
    titles: &mut Vec<String>,
    categories: &mut Vec<Vec<String>>,
    answers: &mut Vec<&'a Map<String, Value>>,
) {
    let key = key.to_ascii_lowercase();
    let titled = ["title", "headline", "question", "subject"]
        .iter()
        .any(|k| key.contains(k));
    let categorised = [
        "breadcrumb",
        "category",
        "categories",
        "topic",
        "section",
        "crumbs",
    ]
    .iter()
    .any(|k| key.contains(k));
    match value {
        Value::String(s) if titled && s.chars().count() <= 300 && !s.contains('\n') => {
            titles.push(s.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        Value::String(s) if categorised && s.chars().count() <= 200 => {
            let path = parse_category_path(s);
            if !path.is_empty() {
                categories.push(path);
            }
        }
        Value::Array(items) if categorised && items.iter().all(Value::is_string) => {
            let path: Vec<String> = items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
                .collect();
            if !path.is_empty() {
                categories.push(path);
            }
        }
        Value::Array(items) => {
            for item in items {
                if let Value::Object(o) = item {
                    if long_text(o).is_some() && !is_question_object(&key, o) {
                        answers.push(o);
                        continue;
                    }
                }
                walk(item, &key, titles, categories, answers);
            }
        }
        Value::Object(o) => {
            for (k, v) in o {
                walk(v, k, titles, categories, answers);
            }
        }
        _ => {}
    }
}

/// The question itself listed among posts (`kind: "question"`).
fn is_question_object(key: &str, o: &Map<String, Value>) -> bool {
    key.contains("question")
        || ["kind", "type", "post_type"].iter().any(|k| {
            o.get(*k)
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case("question"))
        })
}

/// The longest string of an object (not inside a nested list) if it is long.
fn long_text(o: &Map<String, Value>) -> Option<String> {
    fn longest(v: &Value, best: &mut Option<String>) {
        match v {
            Value::String(s) if best.as_ref().is_none_or(|b| s.len() > b.len()) => {
                *best = Some(s.clone());
            }
            Value::Object(o) => o.values().for_each(|v| longest(v, best)),
            _ => {}
        }
    }
    let mut best = None;
    o.values().for_each(|v| longest(v, &mut best));
    best.filter(|s| s.chars().count() >= LONG_TEXT)
}

/// An answer flagged accepted or best: a true flag under such a key, or a
/// label saying so.
fn is_flagged_best(o: &Map<String, Value>) -> bool {
    o.iter().any(|(k, v)| {
        let k = k.to_ascii_lowercase();
        let flag_key = ["accepted", "best", "chosen", "solution"]
            .iter()
            .any(|w| k.contains(w));
        match v {
            Value::Bool(true) => flag_key,
            Value::String(s) if s.chars().count() <= 40 => {
                let w = noise::words(s);
                w.iter().any(|x| x == "accepted" || x == "chosen")
                    || w.iter().any(|x| x == "best") && w.iter().any(|x| x == "answer")
            }
            _ => false,
        }
    })
}

/// The answer's author: a name under an author/user/by key (or its `name`,
/// `display`, `username` field).
fn person_of(o: &Map<String, Value>) -> Option<String> {
    const PERSON: &[&str] = &[
        "author", "user", "by", "owner", "poster", "writer", "answerer",
    ];
    const NAME: &[&str] = &[
        "name",
        "display",
        "display_name",
        "displayname",
        "username",
        "handle",
        "full_name",
    ];
    for (k, v) in o {
        let k = k.to_ascii_lowercase();
        if !PERSON
            .iter()
            .any(|p| k == *p || k.starts_with(&format!("{p}_")))
        {
            continue;
        }
        match v {
            Value::String(s) if s.chars().count() <= 60 => return Some(s.trim().to_owned()),
            Value::Object(inner) => {
                if let Some(name) = NAME
                    .iter()
                    .find_map(|n| inner.get(*n).and_then(Value::as_str))
                {
                    return Some(name.trim().to_owned());
                }
            }
            _ => {}
        }
    }
    None
}

/// The first string anywhere under `key`.
fn find_string(v: &Value, key: &str) -> Option<String> {
    match v {
        Value::Object(o) => o.iter().find_map(|(k, v)| {
            if k.eq_ignore_ascii_case(key) {
                v.as_str().map(str::to_owned)
            } else {
                find_string(v, key)
            }
        }),
        Value::Array(items) => items.iter().find_map(|v| find_string(v, key)),
        _ => None,
    }
}

fn is_html(body: &str) -> bool {
    let trimmed = body.trim_start();
    trimmed.starts_with('<')
        && trimmed.contains('>')
        && (body.contains("</") || body.contains("<br"))
}

fn string(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A record's body: HTML is sanitised and read as blocks; text is split into
/// paragraphs at blank lines.
fn body_blocks(body: &str) -> Vec<Block> {
    if is_html(body) {
        return html::fragment_blocks(body);
    }
    body.replace("\r\n", "\n")
        .split("\n\n")
        .map(Block::paragraph)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(records: &[ParsedRecord]) -> Vec<Result<String, usize>> {
        records
            .iter()
            .map(|r| {
                r.result
                    .as_ref()
                    .map(|d| d.doc.title.clone())
                    .map_err(|_| r.record.unwrap())
            })
            .collect()
    }

    #[test]
    fn a_broken_record_spoils_only_itself() {
        let text = "[\n {\"title\": \"A\", \"body\": \"x, [y]\"},\n {\"title\": \"B\", \"body\": \"unterminated},\n {\"title\": \"C\", \"body\": \"z\"},\n {\"title\": \"D\", \"body\": \n {\"title\": \"E\", \"body\": \"w\"}\n]";
        let records = parse(text, false);
        assert_eq!(
            outcome(&records),
            vec![
                Ok("A".into()),
                Err(2),
                Ok("C".into()),
                Err(4),
                Ok("E".into())
            ]
        );
    }

    #[test]
    fn a_nested_export_of_a_q_and_a_page() {
        let long = |s: &str| {
            format!(
                "{s} {}",
                "The walls had held for a thousand years, but they had never faced such guns. "
                    .repeat(4)
            )
        };
        let text = serde_json::json!({
            "meta": {"exported": "2025-01-01"},
            "thread": {
                "title": "Why did Constantinople fall in 1453?",
                "crumbs": ["History", "Byzantium"],
                "answers": [
                    {"user": {"name": "Owen Price"}, "text": long("The cannons.")},
                    {"user": {"name": "Dimitra Alex"}, "is_accepted": true, "text": long("Good question!\n\nBy 1453 the city was small.")}
                ]
            },
            "footer": "© 2025 Example"
        })
        .to_string();
        let records = parse(&text, false);
        let doc = records[0].result.as_ref().unwrap();
        assert_eq!(doc.doc.title, "Why did Constantinople fall in 1453?");
        assert_eq!(doc.doc.author.as_deref(), Some("Dimitra Alex"));
        assert_eq!(doc.doc.category_path, vec!["History", "Byzantium"]);
        assert!(doc.blocks[0]
            .text
            .starts_with("By 1453 the city was small."));
        assert_eq!(doc.notes.len(), 1);
        assert!(!doc.blocks.iter().any(|b| b.text.contains("The cannons")));
    }

    #[test]
    fn fields_and_lines() {
        let records = parse("{\"title\":\"T\",\"body\":[\"p1\",\"p2\\n\\np3\"],\"category\":[\"History\",\"Rome\"],\"tags\":\"a, b\",\"author\":null}\n\n{\"title\":1}", true);
        let doc = records[0].result.as_ref().unwrap();
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.doc.category_path, vec!["History", "Rome"]);
        assert_eq!(doc.tags, vec!["a", "b"]);
        assert_eq!(doc.doc.author, None);
        assert!(records[1]
            .result
            .as_ref()
            .unwrap_err()
            .contains("no \"body\""));
        assert!(parse("\"just a string\"", false)[0].result.is_err());
    }
}
