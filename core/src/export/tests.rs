use serde_json::json;

use super::*;
use crate::test_support::{assert_same_tables, populate, search_ids, snapshot, T0};

fn populated() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    populate(&mut store);
    store
}

#[test]
fn every_data_table_is_exported() {
    let store = Store::open_in_memory().unwrap();
    let mut exported: Vec<String> = crate::store::export_table_names()
        .map(String::from)
        .collect();
    exported.sort();
    assert_eq!(
        exported,
        crate::store::export::data_tables(&store),
        "a new table must be added to the export"
    );
}

#[test]
fn the_populated_library_has_rows_in_every_table() {
    let store = populated();
    for (table, rows) in snapshot(store.connection()) {
        assert!(
            !rows.is_empty(),
            "{table} is empty: the round trip would not test it"
        );
    }
}

#[test]
fn export_then_import_into_an_empty_library_gives_the_same_tables_row_by_row() {
    let store = populated();
    let prefs = json!({ "theme": "dark", "dailyNewCards": 15, "font": { "size": 1.125 } });
    let value = export_json(&store, prefs.clone(), T0 + 1_000_000).unwrap();
    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["formatVersion"], FORMAT_VERSION);
    assert_eq!(value["schemaVersion"], LATEST_VERSION);
    assert!(value["tables"]["documents"][0]["blocks_json"]
        .as_str()
        .unwrap()
        .contains("heading"));

    // through text, as a file would carry it
    let text = serde_json::to_string_pretty(&value).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    let mut copy = Store::open_in_memory().unwrap();
    // a key app_meta may hold in an otherwise empty library: the export's value wins
    copy.set_meta(
        "starter_library",
        "skipped: the learner chose an empty library",
    )
    .unwrap();
    let summary = import_json(&mut copy, &parsed, false).unwrap();
    assert_eq!(summary.preferences, prefs);
    assert!(!summary.merged);

    assert_same_tables(store.connection(), copy.connection());
    assert_eq!(
        search_ids(&store),
        search_ids(&copy),
        "the search index was rebuilt"
    );
    assert!(search_ids(&copy).iter().all(|ids| !ids.is_empty()));
    assert_eq!(copy.integrity_check().unwrap(), "ok");
    // and exporting the copy gives the same file, but for its time
    let again = export_json(&copy, prefs, T0 + 1_000_000).unwrap();
    assert_eq!(again, value);
}

#[test]
fn a_library_that_is_not_empty_is_refused_and_left_unchanged() {
    let value = export_json(&populated(), Value::Null, T0).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    crate::library::add_document(
        &mut target,
        crate::library::NewDocument {
            title: "Mine".into(),
            author: None,
            category_path: vec![],
            source: None,
            body: "My own text.".into(),
        },
    )
    .unwrap();
    let before = snapshot(target.connection());
    let err = import_json(&mut target, &value, false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("not empty")
            && err.contains("--merge")
            && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(snapshot(target.connection()), before);
}

#[test]
fn a_merge_renumbers_rows_and_keeps_what_was_there() {
    let source = populated();
    let value = export_json(&source, Value::Null, T0).unwrap();
    let mut target = Store::open_in_memory().unwrap();
    crate::library::add_document(
        &mut target,
        crate::library::NewDocument {
            title: "Mine".into(),
            author: None,
            category_path: vec!["History".into()],
            source: None,
            body: "My own text about the Marshall Plan.".into(),
        },
    )
    .unwrap();
    target.set_meta("starter_library", "skipped").unwrap();
    let summary = import_json(&mut target, &value, true).unwrap();
    assert!(summary.merged);

    let conn = target.connection();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM documents"), 3);
    assert_eq!(
        count("SELECT count(*) FROM categories WHERE name = 'History'"),
        1,
        "joined by path"
    );
    let src = |sql: &str| -> i64 {
        source
            .connection()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    for table in [
        "cards",
        "review_log",
        "annotations",
        "card_schedule",
        "quiz_answers",
        "document_revisions",
        "document_tags",
    ] {
        assert_eq!(
            count(&format!("SELECT count(*) FROM {table}")),
            src(&format!("SELECT count(*) FROM {table}")),
            "{table}"
        );
    }
    // every card's review log and schedule followed it to its new id
    assert_eq!(
        count("SELECT count(*) FROM review_log r JOIN cards c ON c.id = r.card_id JOIN documents d ON d.id = c.document_id
               WHERE d.title = 'The Berlin Airlift'"),
        src("SELECT count(*) FROM review_log")
    );
    assert_eq!(
        target.meta("starter_library").unwrap().as_deref(),
        Some("skipped"),
        "the library's own meta wins"
    );
    assert_eq!(target.integrity_check().unwrap(), "ok");
    let fk: i64 = count("SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(fk, 0);

    // merging the same export again would duplicate its documents: refused, nothing written
    let before = snapshot(target.connection());
    let err = import_json(&mut target, &value, true)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("already") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(snapshot(target.connection()), before);
}

#[test]
fn exports_of_a_newer_clio_or_of_something_else_are_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let mut value = export_json(&populated(), Value::Null, T0).unwrap();
    value["schemaVersion"] = json!(LATEST_VERSION + 1);
    assert!(import_json(&mut store, &value, false)
        .unwrap_err()
        .to_string()
        .contains("newer Clio"));
    value["schemaVersion"] = json!(LATEST_VERSION);
    value["formatVersion"] = json!(FORMAT_VERSION + 1);
    assert!(import_json(&mut store, &value, false)
        .unwrap_err()
        .to_string()
        .contains("newer Clio"));
    assert!(import_json(&mut store, &json!({"documents": []}), false)
        .unwrap_err()
        .to_string()
        .contains("not a Clio"));
    let mut odd = export_json(&populated(), Value::Null, T0).unwrap();
    odd["tables"]["cards"][0]["colour_of_sky"] = json!("blue");
    let err = import_json(&mut store, &odd, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("cards.colour_of_sky"), "{err}");
    assert_eq!(store.counts(0).unwrap().documents, 0, "nothing was written");
}

#[test]
fn a_broken_reference_rolls_the_whole_import_back() {
    let mut value = export_json(&populated(), Value::Null, T0).unwrap();
    value["tables"]["review_log"][0]["card_id"] = json!(999_999);
    let mut store = Store::open_in_memory().unwrap();
    let err = import_json(&mut store, &value, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("nothing was imported"), "{err}");
    for (table, rows) in snapshot(store.connection()) {
        assert!(rows.is_empty(), "{table} kept rows of a failed import");
    }
}

#[test]
fn the_export_file_is_written_whole_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = populated();
    let path = dir.path().join("library.json");
    let report = export_to_file(&store, json!({"theme": "light"}), &path, T0).unwrap();
    assert!(report.size_bytes > 1000);
    assert_eq!(report.rows["documents"], 2);
    assert!(!dir.path().join(".library.json.partial").exists());
    let value = read_export_file(&path).unwrap();
    let mut copy = Store::open_in_memory().unwrap();
    import_json(&mut copy, &value, false).unwrap();
    assert_same_tables(copy.connection(), store.connection());

    std::fs::write(dir.path().join("notes.json"), "[1, 2").unwrap();
    let err = read_export_file(&dir.path().join("notes.json"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a Clio export"), "{err}");
}

#[test]
fn stale_partial_files_of_killed_exports_and_backups_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * STALE_PARTIAL_SECS);
    let write = |name: &str, stale: bool| {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).unwrap();
        if stale {
            file.set_modified(old).unwrap();
        }
        path
    };
    let killed = write(".other.json.partial", true);
    let killed_apkg = write(".cards.apkg.collection.partial", true);
    let running = write(".running.json.partial", false);
    let not_ours = write(".notes.txt.partial", true);
    let store = populated();
    export_to_file(&store, json!(null), &dir.path().join("library.json"), T0).unwrap();
    assert!(!killed.exists());
    assert!(
        killed_apkg.exists(),
        "an export to JSON cleans only its own kind"
    );
    assert!(
        running.exists(),
        "a partial file being written now is left alone"
    );
    assert!(not_ours.exists());
    remove_stale_partials(dir.path(), &[".apkg"]);
    assert!(!killed_apkg.exists());

    // A backup cleans its folder the same way.
    let db = dir.path().join("clio.sqlite3");
    let mut library = Store::open(&db).unwrap();
    populate(&mut library);
    let backups = db.parent().unwrap().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let killed_backup = backups.join(".clio-20260101-000000.sqlite3.partial");
    std::fs::File::create(&killed_backup)
        .unwrap()
        .set_modified(old)
        .unwrap();
    library.backup_now(T0).unwrap();
    assert!(!killed_backup.exists());
}
