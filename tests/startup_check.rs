//! The window's start-up check on a large library (over
//! `FOREGROUND_CHECK_MAX_BYTES`) that closed cleanly: it opens at once, the
//! full check runs after launch, and when it finds damage every command
//! reports the damaged library (with the newest good backup) and the file is
//! not written to. A real SQLite file, grown and damaged on purpose.

use clio_app::commands::{self, AppState};
use clio_core::backup::FOREGROUND_CHECK_MAX_BYTES;
use clio_core::Store;
use rusqlite::{Connection, OpenFlags};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

const PAGE: usize = 4096;

/// A library with a text and a backup, grown past the size the window checks
/// before opening (a table of padding), closed cleanly.
fn large_library(db: &std::path::Path) -> String {
    let mut store = Store::open(db).unwrap();
    clio_core::library::add_document(
        &mut store,
        serde_json::from_value(json!({
            "title": "The Berlin Airlift",
            "author": null,
            "categoryPath": ["History"],
            "source": null,
            "body": "The Soviet Union blocked every road into West Berlin in June 1948."
        }))
        .unwrap(),
    )
    .unwrap();
    let backup = store.backup_now(clio_core::time::now_ms()).unwrap().path;
    drop(store);
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE padding (b BLOB); INSERT INTO padding VALUES (zeroblob({}));",
        FOREGROUND_CHECK_MAX_BYTES + 1024 * 1024
    ))
    .unwrap();
    drop(conn);
    assert!(std::fs::metadata(db).unwrap().len() > FOREGROUND_CHECK_MAX_BYTES);
    assert!(!clio_core::backup::left_a_journal(db));
    backup
}

/// Scrambles the root pages of the documents table and its indexes: the
/// header checks pass, and only the full check finds it.
fn damage_documents(db: &std::path::Path) -> Vec<u8> {
    let roots: Vec<usize> = {
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT rootpage FROM sqlite_schema WHERE tbl_name = 'documents' AND rootpage > 1",
            )
            .unwrap();
        let roots = stmt.query_map([], |r| r.get(0)).unwrap();
        roots.collect::<rusqlite::Result<_>>().unwrap()
    };
    let mut bytes = std::fs::read(db).unwrap();
    for root in roots {
        for (i, b) in bytes[(root - 1) * PAGE..root * PAGE].iter_mut().enumerate() {
            *b = (i * 131 % 251) as u8;
        }
    }
    std::fs::write(db, &bytes).unwrap();
    bytes
}

fn invoke(
    window: &tauri::WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "http://localhost:5173".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_large_damaged_library_opens_at_once_then_the_background_check_closes_it_and_offers_the_backup()
{
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clio.sqlite3");
    let backup = large_library(&db);

    // Undamaged: the deferred check finds nothing and the library stays open.
    let good = AppState::open(db.clone());
    assert_eq!(good.problem(), None);
    assert_eq!(good.finish_startup_check(), None);
    assert_eq!(good.problem(), None);
    drop(good);

    let damaged = damage_documents(&db);
    let state = AppState::open(db.clone());
    assert_eq!(
        state.problem(),
        None,
        "the window did not wait for the full check"
    );
    let app = commands::register(mock_builder(), state)
        .build(tauri::generate_context!())
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    assert_eq!(
        invoke(&window, "library_problem", json!({})).unwrap(),
        Value::Null
    );

    let state = tauri::Manager::state::<AppState>(&app);
    let problem = state
        .finish_startup_check()
        .expect("the check finds the damage");
    assert!(
        problem.damaged && problem.message.contains("is damaged"),
        "{problem:?}"
    );
    assert_eq!(
        problem.newest_good_backup.as_ref().map(|b| &b.path),
        Some(&backup)
    );
    assert_eq!(state.finish_startup_check(), None, "it runs once");

    // Every command now reports the damaged library; nothing is written.
    let listed = invoke(&window, "library_problem", json!({})).unwrap();
    assert_eq!(listed["damaged"], true);
    assert_eq!(listed["newestGoodBackup"]["path"], json!(backup));
    let refused = invoke(
        &window,
        "add_document",
        json!({ "doc": { "title": "After", "author": null, "categoryPath": ["History"], "source": null, "body": "Not saved." } }),
    )
    .unwrap_err();
    assert!(
        refused["message"].as_str().unwrap().contains("is damaged"),
        "{refused}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        damaged,
        "the damaged file was not written to"
    );

    // Restoring the backup opens the library again.
    invoke(&window, "restore_backup", json!({ "path": backup })).unwrap();
    assert_eq!(
        invoke(&window, "library_problem", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(
        invoke(&window, "app_info", json!({})).unwrap()["documentCount"],
        1
    );
}
