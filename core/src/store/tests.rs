use std::fs;

use rusqlite::Connection;
use tempfile::TempDir;

use super::*;
use crate::library::{add_document, NewDocument};
use crate::CardId;
use crate::DocumentId;

fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("clio.sqlite3");
    (dir, path)
}

fn doc(title: &str, category: &[&str]) -> NewDocument {
    NewDocument {
        title: title.into(),
        author: Some("A. Historian".into()),
        category_path: category.iter().map(|s| s.to_string()).collect(),
        source: None,
        body: format!("{title} happened.\n\nIt mattered."),
    }
}

#[test]
fn a_new_file_gets_the_latest_schema_wal_and_foreign_keys() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert!(path.exists(), "the folder and file are created");
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: bool = store
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert!(fk);
    let app_id: i32 = store
        .conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, APPLICATION_ID);
    for table in [
        "documents",
        "document_revisions",
        "annotations",
        "cards",
        "card_schedule",
        "review_log",
        "quiz_sessions",
        "quiz_answers",
        "documents_fts",
        "scheduler_presets",
    ] {
        let n: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {table} exists");
    }
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        add_document(
            &mut store,
            doc("The Berlin Airlift", &["History", "Cold War"]),
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let docs = store.list_documents().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].category_path, vec!["History", "Cold War"]);
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn a_database_from_a_newer_clio_is_refused_and_left_untouched() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 7)
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a newer schema must be refused");
    let message = err.to_string();
    assert!(matches!(err, Error::NewerSchema { found, .. } if found == LATEST_VERSION + 7));
    assert!(
        message.contains("newer Clio") && message.contains("Update Clio"),
        "{message}"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the file's bytes are unchanged"
    );
    assert!(
        !path.with_extension("sqlite3-wal").exists(),
        "no WAL file was created"
    );
}

#[test]
fn a_failed_migration_leaves_the_file_as_it_was() {
    let (_dir, path) = temp_db();
    {
        let mut store = Store::open(&path).unwrap();
        add_document(&mut store, doc("The Marshall Plan", &["History"])).unwrap();
    }
    let broken: Vec<&str> = migrations::STEPS
        .iter()
        .copied()
        .chain(["CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);"])
        .collect();
    let err = Store::open_with(&path, &broken)
        .err()
        .expect("the broken migration fails");
    assert!(
        matches!(err, Error::Migration { target, .. } if target == LATEST_VERSION + 1),
        "{err}"
    );
    assert!(err.to_string().contains("left as it was"));

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let half: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0, "nothing of the failed migration stays");
    assert_eq!(
        store.list_documents().unwrap().len(),
        1,
        "data written before is kept"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_with_a_clear_message() {
    let (dir, _) = temp_db();
    let path = dir.path().join("notes.txt");
    fs::write(
        &path,
        "These are my notes about the Cuban Missile Crisis, not a database.\n".repeat(50),
    )
    .unwrap();
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a text file is not a library");
    assert!(matches!(err, Error::NotADatabase { .. }), "{err}");
    assert!(err.to_string().contains("not an SQLite database"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let (_dir, path) = temp_db();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);")
            .unwrap();
    }
    let err = Store::open(&path)
        .err()
        .expect("a foreign database is refused");
    assert!(err.to_string().contains("another program"), "{err}");
    let conn = Connection::open(&path).unwrap();
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "no Clio tables were added to it");
}

#[test]
fn adding_the_same_document_twice_adds_it_once() {
    let mut store = Store::open_in_memory().unwrap();
    let first = add_document(
        &mut store,
        doc("The Suez Crisis", &["History", "Middle East"]),
    )
    .unwrap();
    let again = add_document(
        &mut store,
        doc("The Suez Crisis", &["History", "Middle East"]),
    )
    .unwrap();
    assert!(first.created);
    assert!(!again.created);
    assert_eq!(first.id, again.id);
    assert_eq!(store.counts(0).unwrap().documents, 1);
}

#[test]
fn categories_are_shared_between_documents_and_listed_newest_first() {
    let mut store = Store::open_in_memory().unwrap();
    let a = add_document(&mut store, doc("Yalta", &["History", "Cold War"])).unwrap();
    let b = add_document(&mut store, doc("Potsdam", &["History", "Cold War"])).unwrap();
    let c = add_document(&mut store, doc("Uncategorised", &[])).unwrap();
    let categories: i64 = store
        .conn
        .query_row("SELECT count(*) FROM categories", [], |r| r.get(0))
        .unwrap();
    assert_eq!(categories, 2, "History and Cold War, once each");
    let ids: Vec<DocumentId> = store
        .list_documents()
        .unwrap()
        .iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, vec![c.id, b.id, a.id]);
    let listed = store.list_documents().unwrap();
    assert!(listed[0].category_path.is_empty());
    assert_eq!(listed[0].word_count, 4);
}

#[test]
fn full_text_search_index_follows_inserted_documents() {
    let mut store = Store::open_in_memory().unwrap();
    add_document(&mut store, doc("Détente and the Helsinki Accords", &[])).unwrap();
    let hits: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'detente'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 1, "diacritics are folded");
}

#[test]
fn due_count_ignores_new_suspended_and_future_cards() {
    let mut store = Store::open_in_memory().unwrap();
    let d = add_document(&mut store, doc("Sputnik", &[])).unwrap();
    let now = 1_000_000;
    for (state, due, suspended) in [
        ("review", now - 1, 0),
        ("learning", now, 0),
        ("review", now + 1, 0),
        ("new", 0, 0),
        ("review", 0, 1),
    ] {
        store
            .conn
            .execute(
                "INSERT INTO cards (document_id, kind, prompt, answer, created_at, updated_at)
                 VALUES (?1, 'question', 'In what year was Sputnik launched?', '1957', 0, 0)",
                [d.id],
            )
            .unwrap();
        let card = store.conn.last_insert_rowid();
        store.conn
            .execute(
                "INSERT INTO card_schedule (card_id, state, due, suspended) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![card, state, due, suspended],
            )
            .unwrap();
    }
    let counts = store.counts(now).unwrap();
    assert_eq!(counts.cards, 5);
    assert_eq!(counts.due, 2);
}

#[test]
fn deleting_a_document_removes_its_cards_and_annotations() {
    let mut store = Store::open_in_memory().unwrap();
    let d = add_document(&mut store, doc("The Prague Spring", &[])).unwrap();
    store.conn
        .execute_batch(&format!(
            "INSERT INTO cards (document_id, kind, prompt, answer, created_at, updated_at)
               VALUES ({id}, 'cloze', 'The Prague Spring began in [...].', '1968', 0, 0);
             INSERT INTO annotations (document_id, quote_exact, pos_start, pos_end, created_at, updated_at)
               VALUES ({id}, 'Prague', 4, 10, 0, 0);
             DELETE FROM documents WHERE id = {id};",
            id = d.id
        ))
        .unwrap();
    let left: i64 = store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM cards) + (SELECT count(*) FROM annotations)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn upgrading_a_version_1_library_keeps_its_cards_in_the_deck() {
    let (_dir, path) = temp_db();
    {
        let store = Store::open_with(&path, &migrations::STEPS[..1]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 1);
        store.conn.execute_batch(
            "INSERT INTO documents (title, body, content_hash, word_count, created_at, updated_at)
                 VALUES ('The Berlin Airlift', 'It began in 1948.', 'h', 4, 0, 0);
             INSERT INTO cards (document_id, kind, prompt, answer, created_at, updated_at)
                 VALUES (1, 'question', 'When did the airlift begin?', '1948', 0, 0);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let card = store.card(CardId(1)).unwrap();
    assert_eq!(card.status, crate::cards::CardStatus::Accepted);
    assert!(
        store.suggestions_outdated(DocumentId(1)).unwrap(),
        "suggestions get written on first open"
    );
}

#[test]
fn queue_candidates_leave_out_cards_not_in_the_deck_and_read_only_indexes() {
    let mut store = Store::open_in_memory().unwrap();
    let d = add_document(&mut store, doc("The Congress of Vienna", &[])).unwrap();
    let now = 1_000_000;
    let day_end = now + 10_000;
    // (status, state, due, suspended, buried_until, new_position)
    let rows = [
        ("accepted", "review", Some(now - 1), 0, None, None), // in
        ("suggested", "review", Some(now - 1), 0, None, None),
        ("rejected", "learning", Some(now - 1), 0, None, None),
        ("accepted", "learning", Some(day_end - 1), 0, None, None), // in
        ("accepted", "review", Some(day_end), 0, None, None),       // tomorrow
        ("accepted", "review", Some(now - 1), 1, None, None),       // suspended
        (
            "accepted",
            "relearning",
            Some(now - 1),
            0,
            Some(now + 1),
            None,
        ), // buried
        ("accepted", "relearning", Some(now - 1), 0, Some(now), None), // burial over: in
        ("accepted", "new", None, 0, None, Some(3)),                // in, second
        ("rejected", "new", None, 0, None, Some(1)),
        ("accepted", "new", None, 0, None, Some(2)), // in, first
        ("accepted", "new", None, 0, None, Some(4)), // past the limit
    ];
    let mut ids = Vec::new();
    for (status, state, due, suspended, buried_until, position) in rows {
        store
            .conn
            .execute(
                "INSERT INTO cards (document_id, kind, prompt, answer, status, created_at, updated_at)
                 VALUES (?1, 'question', 'When did the Congress of Vienna open?', '1814', ?2, 0, 0)",
                rusqlite::params![d.id, status],
            )
            .unwrap();
        let card = store.conn.last_insert_rowid();
        store
            .conn
            .execute(
                "INSERT INTO card_schedule (card_id, state, due, suspended, buried_until, new_position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![card, state, due, suspended, buried_until, position],
            )
            .unwrap();
        ids.push(card);
    }
    let got: Vec<i64> = store
        .review_candidates(now, day_end, 2)
        .unwrap()
        .iter()
        .map(|c| c.card_id)
        .collect();
    let mut due: Vec<i64> = got[..got.len() - 2].to_vec();
    due.sort_unstable();
    assert_eq!(due, vec![ids[0], ids[3], ids[7]], "{got:?}");
    assert_eq!(got[got.len() - 2..], [ids[10], ids[8]], "{got:?}");

    // Neither read visits the large cards table per due card, nor sorts the new cards.
    let plan = |sql: &str| -> String {
        let mut stmt = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(3)).unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    };
    let due_plan = plan(
        "SELECT s.card_id, s.stability FROM card_schedule s INDEXED BY card_schedule_queue
         WHERE s.state IN ('learning', 'review', 'relearning') AND s.due < 5 AND s.suspended = 0
           AND s.card_id NOT IN (SELECT id FROM cards INDEXED BY cards_unaccepted WHERE status <> 'accepted')",
    );
    assert!(
        due_plan.contains("COVERING INDEX card_schedule_queue"),
        "{due_plan}"
    );
    let new_plan = plan(
        "SELECT s.card_id FROM card_schedule s INDEXED BY card_schedule_new JOIN cards c ON c.id = s.card_id
         WHERE s.state = 'new' AND c.status = 'accepted' ORDER BY s.new_position, s.card_id LIMIT 2",
    );
    assert!(!new_plan.contains("TEMP B-TREE"), "{new_plan}");
}

#[test]
fn transact_keeps_everything_the_work_wrote_or_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let valid = doc("The Treaty of Westphalia", &["Europe"])
        .validate()
        .unwrap();
    let failed: Result<()> = store.transact(|tx| {
        tx.upsert_document_row(&valid, 1, &[])?;
        Err(Error::Invalid("the work failed after writing".into()))
    });
    assert!(failed.is_err());
    assert!(
        store.list_documents().unwrap().is_empty(),
        "a failed transaction leaves no row behind"
    );
    let outcome = store
        .transact(|tx| tx.upsert_document_row(&valid, 2, &[]))
        .unwrap();
    let listed = store.list_documents().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, outcome.id());
    assert_eq!(listed[0].category_path, vec!["Europe".to_string()]);
}

#[test]
fn a_missing_row_is_named_with_its_kind_and_id() {
    use crate::error::OrNotFound;
    let store = Store::open_in_memory().unwrap();
    let err = store.card(CardId(41)).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotFound {
                what: "card",
                id: 41
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "no card with id 41");
    assert_eq!(Some(3).or_not_found("document", 1).unwrap(), 3);
    assert_eq!(
        None::<i64>
            .or_not_found("document", 7)
            .unwrap_err()
            .to_string(),
        "no document with id 7"
    );
}
