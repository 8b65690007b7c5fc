//! The shape of `clio-core`, read from its `use` lines and `crate::` paths:
//! no import cycle between the store and the modules above it, none inside
//! the store, none between `backup` and `prefs`.
//!
//! The store persists the domain's rows, so it may name a domain module's
//! *types* (`Document`, `StoredCard`, `Annotation`: data, like Anki's
//! `storage/` naming `crate::card::Card`). What makes a cycle is the store
//! calling a domain module's *code* (a function, a constant, a submodule)
//! while that module uses the store: then neither can be read, changed or
//! tested without the other. Run with `cargo test -p clio-core --test architecture`
//! (`CLIO_CORE_SRC=path/to/core/src` checks another tree).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One file's references to other parts of the crate: (unit, leaf name).
struct Unit {
    refs: BTreeSet<(String, String)>,
}

/// The units of the crate: each top-level module is one (all its files),
/// except the store, each of whose files is one (`store` is its `mod.rs`).
fn units() -> BTreeMap<String, Unit> {
    // CLIO_CORE_SRC checks another tree (an older commit's `core/src`).
    let src = std::env::var_os("CLIO_CORE_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut units: BTreeMap<String, Unit> = BTreeMap::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).unwrap();
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        let name = parts.last().unwrap().as_str();
        // Test files are not the crate's shape.
        if name == "tests" || name.ends_with("_tests") || name == "test_support" {
            continue;
        }
        if parts.iter().any(|p| p == "tests") {
            continue;
        }
        let unit = match parts.as_slice() {
            [top] if top == "lib" => continue,
            [top] => top.clone(),
            [store, file] if store == "store" && file == "mod" => "store".to_string(),
            [store, file, ..] if store == "store" => format!("store/{file}"),
            [top, ..] => top.clone(),
            [] => unreachable!(),
        };
        let text = fs::read_to_string(&file).unwrap();
        let code = without_tests(&without_comments(&text));
        let refs = references(&code, &unit);
        units
            .entry(unit)
            .or_insert_with(|| Unit {
                refs: BTreeSet::new(),
            })
            .refs
            .extend(refs);
    }
    units
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The text with `//` comments (and doc comments) removed; string contents kept.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut in_string = false;
            let bytes = line.as_bytes();
            let mut cut = line.len();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' if in_string => i += 1,
                    b'"' => in_string = !in_string,
                    b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                        cut = i;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
            &line[..cut]
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text without `#[cfg(test)] mod name { … }` blocks.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" {
            if let Some(next) = lines.peek() {
                let next = next.trim_start();
                if (next.starts_with("mod ") || next.starts_with("pub(crate) mod "))
                    && next.contains('{')
                {
                    let mut depth = 0i32;
                    for inner in lines.by_ref() {
                        depth += inner.matches('{').count() as i32;
                        depth -= inner.matches('}').count() as i32;
                        if depth <= 0 {
                            break;
                        }
                    }
                    continue;
                }
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Every `crate::…` (and, inside the store, `super::…`) path in `code`, as the
/// unit it reaches and the last name of the path (the item used).
fn references(code: &str, from: &str) -> BTreeSet<(String, String)> {
    let mut refs = BTreeSet::new();
    // `use` statements, with their `{…}` groups expanded.
    let mut rest = code;
    while let Some(at) = find_word(rest, "use ") {
        let stmt_start = &rest[at + 4..];
        let end = stmt_start.find(';').unwrap_or(stmt_start.len());
        for path in expand(stmt_start[..end].trim()) {
            if let Some(r) = resolve(&path, from) {
                refs.insert(r);
            }
        }
        rest = &stmt_start[end..];
    }
    // Paths written out in code: `crate::a::b(…)`, `super::x::y`.
    for prefix in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let preceded = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            let tail = &rest[at..];
            let len = tail
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len());
            let path = tail[..len].trim_end_matches(':');
            // `crate::a::{…}` is a `use` group, read above.
            let group = tail[len..].starts_with('{');
            if !preceded && !group {
                if let Some(r) = resolve(path, from) {
                    refs.insert(r);
                }
            }
            rest = &tail[len.max(1)..];
        }
    }
    refs
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    // `Name as Other` names `Name`.
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == "as" {
            // `as Other,` keeps the separator that followed the alias.
            let alias = words.get(i + 1).copied().unwrap_or("");
            kept.push(alias.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'));
            i += 2;
        } else {
            kept.push(words[i]);
            i += 1;
        }
    }
    let tree: String = kept.concat();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.len() - 1];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{prefix}{p}")))
        .collect()
}

/// The unit a path reaches and its last name; `None` outside the crate.
fn resolve(path: &str, from: &str) -> Option<(String, String)> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let leaf = segments.last()?.to_string();
    let leaf = if leaf == "self" || leaf == "*" {
        segments.get(segments.len().checked_sub(2)?)?.to_string()
    } else {
        leaf
    };
    match segments.as_slice() {
        ["crate", "store", sub, _, ..] if is_module_name(sub) => {
            Some((format!("store/{sub}"), leaf))
        }
        ["crate", top, ..] => Some((top.to_string(), leaf)),
        // `super::` inside a store file is the store; deeper than that, its sibling.
        ["super", sub, _, ..] if from.starts_with("store/") && is_module_name(sub) => {
            Some((format!("store/{sub}"), leaf))
        }
        ["super", ..] if from.starts_with("store/") => Some(("store".to_string(), leaf)),
        _ => None,
    }
}

/// A lower-case path segment names a module (types are CamelCase).
fn is_module_name(segment: &str) -> bool {
    segment
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase())
        && segment != "self"
        && segment != "super"
        && segment != "crate"
}

/// A CamelCase name is a type (or a trait): data, not code.
fn is_type_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().any(|c| c.is_ascii_lowercase())
}

fn is_store(unit: &str) -> bool {
    unit == "store" || unit.starts_with("store/")
}

/// The top-level module a unit belongs to (`store/cards` is in `store`).
fn top(unit: &str) -> &str {
    unit.split('/').next().unwrap()
}

/// The units reachable from `start`, following every reference.
fn reachable(units: &BTreeMap<String, Unit>, start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start.to_string()];
    while let Some(unit) = todo.pop() {
        let Some(u) = units.get(&unit) else { continue };
        for (to, _) in &u.refs {
            if seen.insert(to.clone()) {
                todo.push(to.clone());
            }
        }
    }
    seen
}

#[test]
fn the_store_calls_no_code_of_a_module_that_uses_the_store() {
    let units = units();
    let mut cycles = Vec::new();
    for (name, unit) in units.iter().filter(|(n, _)| is_store(n)) {
        for (to, leaf) in &unit.refs {
            if is_store(to) || is_type_name(leaf) {
                continue;
            }
            if reachable(&units, to).iter().any(|u| is_store(u)) {
                cycles.push(format!(
                    "{name} uses `{leaf}` of `{to}`, and `{to}` uses the store"
                ));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "import cycles between the store and the modules above it:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_store_files_do_not_import_each_other_in_a_circle() {
    let units = units();
    // `store/mod.rs` is the facade every file names `Store` through; the
    // cycles that matter are between the files that hold the queries.
    let files: Vec<&String> = units.keys().filter(|n| n.starts_with("store/")).collect();
    let mut cycles = Vec::new();
    for a in &files {
        for b in &files {
            if a >= b {
                continue;
            }
            let refs = |x: &str, y: &str| units[x].refs.iter().any(|(to, _)| to == y);
            if refs(a, b) && refs(b, a) {
                cycles.push(format!("{a} and {b} import each other"));
            }
        }
    }
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}

#[test]
fn backup_and_prefs_do_not_import_each_other() {
    let units = units();
    let uses = |from: &str, to: &str| {
        units
            .iter()
            .filter(|(n, _)| top(n) == from)
            .any(|(_, u)| u.refs.iter().any(|(t, _)| top(t) == to))
    };
    assert!(
        !(uses("backup", "prefs") && uses("prefs", "backup")),
        "backup and prefs import each other: backup should take the keep policy as an argument, \
         and prefs should hold its own defaults"
    );
    // Nor through the store: the store's backup files do not reach up into `backup`.
    let store_to_backup: Vec<&String> = units
        .iter()
        .filter(|(n, u)| is_store(n) && u.refs.iter().any(|(t, _)| t == "backup"))
        .map(|(n, _)| n)
        .collect();
    assert!(
        store_to_backup.is_empty(),
        "the store imports `backup` (from {store_to_backup:?}); the backup workflow belongs in `backup/`"
    );
}

/// The checker itself: it must see the paths the rules are about.
#[test]
fn the_checker_reads_use_lines_and_paths() {
    let refs = references(
        "use crate::backup::{self, KeepPolicy as Policy, naming::{stamp, PREFIX}};\n\
         use super::documents::category_path;\n\
         fn f() { crate::prefs::load(x); let y = crate::time::now_ms(); }",
        "store/backup",
    );
    let expect = [
        ("backup", "backup"),
        ("backup", "KeepPolicy"),
        ("backup", "stamp"),
        ("backup", "PREFIX"),
        ("store/documents", "category_path"),
        ("prefs", "load"),
        ("time", "now_ms"),
    ];
    for (unit, leaf) in expect {
        assert!(
            refs.contains(&(unit.to_string(), leaf.to_string())),
            "missing {unit}::{leaf} in {refs:?}"
        );
    }
    assert!(is_type_name("KeepPolicy") && !is_type_name("PREFIX") && !is_type_name("load"));
    let code = without_tests(&without_comments(
        "// crate::prefs::load\nfn a() {}\n#[cfg(test)]\nmod tests {\n    use crate::prefs::load;\n}\n",
    ));
    assert!(references(&code, "backup").is_empty(), "{code}");
}

/// Parameters of the store's public functions named like an id that has a
/// type of its own (`clio_core::ids`) but typed as a bare integer:
/// "file:line: name: type" for each.
fn bare_ids_in(code: &str, file: &str) -> Vec<String> {
    const TYPED: [&str; 3] = ["document_id", "card_id", "annotation_id"];
    let mut found = Vec::new();
    let lines: Vec<&str> = code.lines().collect();
    for (at, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if !(t.starts_with("pub fn ") || t.starts_with("pub(crate) fn ")) {
            continue;
        }
        // The signature, up to the body's brace (it may span lines).
        let mut signature = String::new();
        for next in &lines[at..] {
            signature.push_str(next);
            signature.push(' ');
            if next.contains('{') || next.trim_end().ends_with(';') {
                break;
            }
        }
        for name in TYPED {
            for ty in ["i64", "Option<i64>", "&[i64]", "Vec<i64>"] {
                if signature.contains(&format!("{name}: {ty}")) {
                    found.push(format!("{file}:{}: {name}: {ty}", at + 1));
                }
            }
        }
    }
    found
}

/// The store's functions take the id types, not raw integers, for the ids
/// that cross modules: a card id cannot be passed where a document id is meant.
#[test]
fn the_store_takes_typed_ids_not_bare_integers() {
    let src = std::env::var_os("CLIO_CORE_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut found = Vec::new();
    for file in rust_files(&src.join("store")) {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let code = without_tests(&without_comments(&fs::read_to_string(&file).unwrap()));
        found.extend(bare_ids_in(&code, &name));
    }
    assert!(
        found.is_empty(),
        "use DocumentId / CardId / AnnotationId (core/src/ids.rs) for these parameters:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_typed_id_check_sees_bare_ids() {
    let code = "impl Store {\n    pub fn card(&self, card_id: i64) -> Result<()> {\n    }\n    \
                pub(crate) fn list(\n        &self,\n        document_id: Option<i64>,\n    ) -> Result<()> {\n    }\n    \
                pub fn fine(&self, card_id: CardId, session_id: i64) {}\n}\n";
    assert_eq!(
        bare_ids_in(code, "x.rs"),
        ["x.rs:2: card_id: i64", "x.rs:4: document_id: Option<i64>"]
    );
}
