//! Two connections writing one file: every transaction takes the write lock
//! at BEGIN (IMMEDIATE), so a writer that meets another one waits (up to the
//! busy timeout) instead of failing at once with "database is locked" when
//! its read turns into a write.

use std::time::Duration;

use rusqlite::Connection;

use super::Store;
use crate::library::{add_document, NewDocument};

fn doc(title: &str) -> NewDocument {
    NewDocument {
        title: title.into(),
        author: None,
        category_path: vec!["History".into()],
        source: None,
        body: format!("{title} was written down in 1848 by a clerk of the council."),
    }
}

#[test]
fn a_writer_waits_for_another_writer_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clio.sqlite3");
    let mut store = Store::open(&path).unwrap();
    add_document(&mut store, doc("First")).unwrap();

    // Another process holds the write lock for a moment, then commits.
    let (locked, is_locked) = std::sync::mpsc::channel();
    let other = std::thread::spawn({
        let path = path.clone();
        move || {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE; UPDATE documents SET title = 'First, edited';")
                .unwrap();
            locked.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(400));
            conn.execute_batch("COMMIT").unwrap();
        }
    });
    is_locked.recv().unwrap();
    // A deferred transaction would read, then fail to upgrade with SQLITE_BUSY.
    let added = add_document(&mut store, doc("Second")).unwrap();
    other.join().unwrap();
    assert!(added.created);
    let titles: Vec<String> = store
        .list_documents()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&"First, edited".to_owned()), "{titles:?}");
}
