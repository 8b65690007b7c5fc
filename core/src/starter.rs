//! The starter library: history Q&As written for Clio (`data/starter/`), built
//! into the binary and added once to a new, empty library.

use include_dir::{include_dir, Dir};

use crate::error::Result;
use crate::import::{self, Format, ImportReport};
use crate::store::Store;

static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../data/starter");

/// Set in `app_meta` once the starter library was considered for this library.
pub const META_KEY: &str = "starter_library";

/// The starter texts as (file name, Markdown), in file-name order. The folder's
/// README is documentation, not a text.
pub fn texts() -> Vec<(&'static str, &'static str)> {
    let mut texts: Vec<_> = STARTER
        .files()
        .filter_map(|file| {
            let name = file.path().file_name()?.to_str()?;
            let numbered = name.starts_with(|c: char| c.is_ascii_digit());
            (numbered && name.ends_with(".md")).then_some((name, file.contents_utf8()?))
        })
        .collect();
    texts.sort();
    texts
}

/// Adds the starter library if this library never had it and holds no
/// documents; a library that already has texts is left alone. Runs once per
/// library: deleting the starter texts later does not bring them back.
pub fn add_if_new(store: &mut Store, now: i64) -> Result<ImportReport> {
    if store.meta(META_KEY)?.is_some() {
        return Ok(ImportReport::default());
    }
    if store.counts(now)?.documents > 0 {
        store.set_meta(META_KEY, "skipped: the library already had texts")?;
        return Ok(ImportReport::default());
    }
    let mut report = ImportReport::default();
    for (name, text) in texts() {
        report.merge(import::import_named_text(
            store,
            name,
            text,
            Format::Markdown,
            now,
        ));
    }
    store.set_meta(META_KEY, &format!("added {} texts", report.added.len()))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{category_tree, list_documents};

    #[test]
    fn every_starter_text_imports_cleanly_with_title_category_and_source() {
        let mut store = Store::open_in_memory().unwrap();
        let report = add_if_new(&mut store, 1_000).unwrap();
        assert!(
            report.problems.is_empty() && report.warnings.is_empty(),
            "{report:?}"
        );
        assert_eq!(report.added.len(), texts().len());
        assert!(texts().len() >= 15, "the issue asks for at least 15 texts");

        let docs = list_documents(&store).unwrap();
        assert_eq!(
            docs.len(),
            texts().len(),
            "no text became a revision of another"
        );
        for doc in &docs {
            assert!(
                doc.title.ends_with('?'),
                "a starter title is a question: {}",
                doc.title
            );
            assert_eq!(
                doc.category_path[..2],
                ["History", "Modern and Contemporary History"]
            );
            let full = store.document(doc.id).unwrap();
            assert!(full
                .source
                .as_deref()
                .unwrap()
                .starts_with("Clio starter library ("));
            assert!(
                !full.body.contains("---") && !full.body.contains("title:"),
                "front matter stays out of the body"
            );
        }
        let tree = category_tree(&store).unwrap();
        let root = tree.iter().find(|c| c.path == ["History"]).unwrap();
        assert_eq!(root.total as usize, docs.len());
    }

    #[test]
    fn it_is_added_once_and_never_to_a_library_that_has_texts() {
        let mut store = Store::open_in_memory().unwrap();
        let first = add_if_new(&mut store, 1_000).unwrap();
        assert!(!first.added.is_empty());
        let victim = first.added[0].id;
        store.delete_document(victim, 0).unwrap();
        assert!(
            add_if_new(&mut store, 2_000).unwrap().added.is_empty(),
            "a deleted starter text stays deleted"
        );
        assert_eq!(list_documents(&store).unwrap().len(), first.added.len() - 1);

        let mut used = Store::open_in_memory().unwrap();
        crate::library::add_document(
            &mut used,
            crate::library::NewDocument {
                title: "My notes on Yalta".into(),
                author: None,
                category_path: vec![],
                source: None,
                body: "Yalta met in February 1945.".into(),
            },
        )
        .unwrap();
        assert!(add_if_new(&mut used, 1_000).unwrap().added.is_empty());
        assert_eq!(list_documents(&used).unwrap().len(), 1);
        assert!(used.meta(META_KEY).unwrap().unwrap().starts_with("skipped"));
    }
}
