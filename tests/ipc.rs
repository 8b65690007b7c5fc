//! IPC command tests: the real command handlers, state and capability file,
//! driven through Tauri's mock runtime against a real SQLite file.

use clio_app::commands::{self, AppState};
use clio_core::Store;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

struct Harness {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

fn harness_with(
    label: &str,
    store: impl FnOnce(&std::path::Path) -> clio_core::Result<Store>,
) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clio.sqlite3");
    let state = AppState::new(db.clone(), store(&db));
    let app = commands::register(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("the app builds with its real configuration and capabilities");
    let window = WebviewWindowBuilder::new(&app, label, Default::default())
        .build()
        .unwrap();
    Harness {
        _app: app,
        window,
        _dir: dir,
        db,
    }
}

fn harness() -> Harness {
    harness_with("main", |db| Store::open(db))
}

fn invoke(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    // The app's own origin in a build without embedded assets: the dev server.
    invoke_from(h, "http://localhost:5173", cmd, args)
}

fn invoke_from(h: &Harness, origin: &str, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: origin.parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

fn new_doc(title: &str) -> Value {
    json!({
        "doc": {
            "title": title,
            "author": "Ana Ruiz",
            "categoryPath": ["History", "Cold War"],
            "source": null,
            "body": "The Berlin Wall was built in 1961.\n\nIt fell in 1989."
        }
    })
}

/// Adds a two-paragraph text on the Sino-Soviet split (its cards are
/// suggested on the way in) and returns its id.
fn add_split(h: &Harness) -> Value {
    let mut doc = new_doc("The Sino-Soviet split");
    doc["doc"]["body"] = json!(
        "The culmination of this conflict came in 1960, when the Soviet Union withdrew its advisers and aid \
         from China.\n\nMao Zedong launched the Great Leap Forward in 1958."
    );
    invoke(h, "add_document", doc).unwrap()["id"].clone()
}

#[test]
fn app_info_reports_the_database_in_use() {
    let h = harness();
    let info = invoke(&h, "app_info", json!({})).unwrap();
    assert_eq!(info["dbPath"], json!(h.db.display().to_string()));
    assert_eq!(
        info["schemaVersion"],
        json!(clio_core::store::LATEST_VERSION)
    );
    assert_eq!(info["documentCount"], json!(0));
    assert_eq!(info["version"], json!(env!("CARGO_PKG_VERSION")));
}

#[test]
fn add_document_round_trips_through_sqlite() {
    let h = harness();
    let added = invoke(
        &h,
        "add_document",
        new_doc("Why was the Berlin Wall built?"),
    )
    .unwrap();
    assert_eq!(added["created"], json!(true));

    let listed = invoke(&h, "list_documents", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], added["id"]);
    assert_eq!(listed[0]["title"], json!("Why was the Berlin Wall built?"));
    assert_eq!(listed[0]["categoryPath"], json!(["History", "Cold War"]));
    assert_eq!(listed[0]["wordCount"], json!(11));

    // The same file opened independently (as the CLI would) sees the document.
    let store = Store::open(&h.db).unwrap();
    assert_eq!(clio_core::library::list_documents(&store).unwrap().len(), 1);

    let again = invoke(
        &h,
        "add_document",
        new_doc("Why was the Berlin Wall built?"),
    )
    .unwrap();
    assert_eq!(again, json!({ "id": added["id"], "created": false }));
}

#[test]
fn invalid_input_is_rejected_with_a_message() {
    let h = harness();
    let err = invoke(&h, "add_document", new_doc("   ")).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("title is empty"),
        "{err}"
    );

    // A payload of the wrong shape is refused by the command's parser.
    let err = invoke(&h, "add_document", json!({ "doc": { "title": 5 } })).unwrap_err();
    assert!(err.to_string().contains("doc"), "{err}");
    assert_eq!(invoke(&h, "list_documents", json!({})).unwrap(), json!([]));
}

#[test]
fn a_library_that_cannot_be_opened_is_explained_by_every_command() {
    let h = harness_with("main", |db| {
        std::fs::write(
            db,
            b"not a database at all, just some text that is long enough",
        )
        .unwrap();
        Store::open(db)
    });
    let err = invoke(&h, "app_info", json!({})).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("not a Clio library"),
        "{err}"
    );
    let err = invoke(&h, "list_documents", json!({})).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("not a Clio library"),
        "{err}"
    );
}

#[test]
fn app_ready_is_allowed_and_returns_nothing() {
    let h = harness();
    assert_eq!(invoke(&h, "app_ready", json!({})).unwrap(), Value::Null);
}

#[test]
fn a_window_without_the_capability_cannot_call_commands() {
    let h = harness_with("intruder", |db| Store::open(db));
    let err = invoke(&h, "list_documents", json!({})).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn a_remote_page_cannot_call_commands() {
    let h = harness();
    let err = invoke_from(&h, "https://example.com", "list_documents", json!({})).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn categories_search_reader_and_delete_work_through_ipc() {
    let h = harness();
    let added = invoke(
        &h,
        "add_document",
        new_doc("Why was the Berlin Wall built?"),
    )
    .unwrap();
    let id = added["id"].clone();

    let tree = invoke(&h, "category_tree", json!({})).unwrap();
    assert_eq!(
        tree,
        json!([
            { "path": ["History"], "documents": 0, "total": 1 },
            { "path": ["History", "Cold War"], "documents": 1, "total": 1 }
        ])
    );

    let hits = invoke(&h, "search_documents", json!({ "query": "berl" })).unwrap();
    assert_eq!(hits[0]["id"], id);
    let parts = hits[0]["snippet"].as_array().unwrap();
    assert!(
        parts
            .iter()
            .any(|p| p["hit"] == json!(true) && p["text"] == json!("Berlin")),
        "{hits}"
    );

    let doc = invoke(&h, "get_document", json!({ "id": id })).unwrap();
    assert_eq!(doc["title"], json!("Why was the Berlin Wall built?"));
    assert_eq!(
        doc["blocks"][1],
        json!({ "kind": "paragraph", "text": "It fell in 1989." })
    );

    assert_eq!(
        invoke(&h, "delete_document", json!({ "id": id })).unwrap(),
        Value::Null
    );
    assert_eq!(invoke(&h, "list_documents", json!({})).unwrap(), json!([]));
    assert_eq!(
        invoke(&h, "category_tree", json!({})).unwrap(),
        json!([]),
        "empty categories are not listed"
    );
    let err = invoke(&h, "get_document", json!({ "id": id })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("no document"),
        "{err}"
    );
}

#[test]
fn pasted_pages_and_files_import_through_ipc() {
    let h = harness();
    let page = "<html><head><title>Who launched Sputnik?</title></head><body><nav>Home | Questions</nav>\
                <article><h1>Who launched Sputnik?</h1><p>The Soviet Union launched Sputnik 1 on 4 October 1957.</p>\
                <p>It orbited the Earth for three months.</p><script>steal()</script></article></body></html>";
    let report = invoke(&h, "import_text", json!({ "text": page })).unwrap();
    assert_eq!(
        report["added"][0]["title"],
        json!("Who launched Sputnik?"),
        "{report}"
    );
    let id = report["added"][0]["id"].clone();
    let doc = invoke(&h, "get_document", json!({ "id": id })).unwrap();
    assert!(
        !doc["body"].as_str().unwrap().contains("steal"),
        "script text never reaches the document"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.md");
    std::fs::write(
        &file,
        "---\ntitle: \"What was détente?\"\n---\nDétente was the easing of tension in the 1970s.\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.md");
    let report = invoke(&h, "import_paths", json!({ "paths": [file, missing] })).unwrap();
    assert_eq!(report["added"][0]["title"], json!("What was détente?"));
    assert!(
        report["problems"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("missing.md"),
        "{report}"
    );
}

#[test]
fn the_starter_library_is_added_once_to_a_new_library() {
    let h = harness();
    let added = invoke(&h, "add_starter_library", json!({}))
        .unwrap()
        .as_u64()
        .unwrap();
    assert!(added >= 15, "{added}");
    assert_eq!(
        invoke(&h, "list_documents", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len() as u64,
        added
    );
    assert_eq!(
        invoke(&h, "add_starter_library", json!({})).unwrap(),
        json!(0)
    );
}

#[test]
fn suggested_cards_are_accepted_edited_and_found_in_the_deck() {
    let h = harness();
    let id = add_split(&h);

    let cards = invoke(&h, "document_cards", json!({ "documentId": id })).unwrap();
    let cards = cards.as_array().unwrap();
    assert!(cards.len() >= 2, "{cards:?}");
    assert!(cards.iter().all(|c| c["status"] == "suggested"));
    let (first, second) = (cards[0]["id"].clone(), cards[1]["id"].clone());

    assert_eq!(
        invoke(&h, "accept_cards", json!({ "ids": [first, second] })).unwrap(),
        json!(2)
    );
    let edit = json!({ "prompt": "When did Soviet aid to China stop?", "answer": "1960" });
    let edited = invoke(
        &h,
        "update_card",
        json!({ "id": first, "edit": edit, "accept": false }),
    )
    .unwrap();
    assert_eq!(edited["prompt"], "When did Soviet aid to China stop?");

    let deck = invoke(&h, "card_deck", json!({})).unwrap();
    assert_eq!(deck["total"], json!(2));
    assert!(deck["cards"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["prompt"] == "When did Soviet aid to China stop?"));
    assert_eq!(deck["cards"][0]["documentTitle"], "The Sino-Soviet split");

    let err = invoke(
        &h,
        "update_card",
        json!({ "id": first, "edit": { "prompt": "", "answer": "1960" }, "accept": false }),
    )
    .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("prompt is empty"),
        "{err}"
    );
    let err = invoke(&h, "reject_cards", json!({ "ids": [424242] })).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("no card with id 424242"),
        "{err}"
    );
}

#[test]
fn a_card_is_made_from_a_selection() {
    let h = harness();
    let mut doc = new_doc("Détente");
    doc["doc"]["body"] = json!("Zhōu Ēnlái met Richard Nixon in Beijing in 1972.");
    let id = invoke(&h, "add_document", doc).unwrap()["id"].clone();

    // "Beijing": code points 32..39 (the two accented letters are one code point each).
    let drafts = invoke(
        &h,
        "draft_card_from_selection",
        json!({ "documentId": id, "start": 32, "end": 39 }),
    )
    .unwrap();
    assert_eq!(
        drafts["cloze"]["prompt"],
        "Zhōu Ēnlái met Richard Nixon in _____ in 1972."
    );
    assert_eq!(drafts["cloze"]["answer"], "Beijing");
    let card = invoke(
        &h,
        "create_card",
        json!({ "documentId": id, "draft": drafts["cloze"] }),
    )
    .unwrap();
    assert_eq!(
        (card["origin"].as_str(), card["status"].as_str()),
        (Some("selection"), Some("accepted"))
    );
    assert_eq!(
        invoke(&h, "card_deck", json!({})).unwrap()["total"],
        json!(1)
    );

    let err = invoke(
        &h,
        "draft_card_from_selection",
        json!({ "documentId": id, "start": 40, "end": 400 }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Select the words again"),
        "{err}"
    );
}

#[test]
fn a_review_session_answers_undoes_and_checks_typed_answers() {
    let h = harness();
    let id = add_split(&h);
    invoke(&h, "accept_all_cards", json!({ "documentId": id })).unwrap();

    let status = invoke(&h, "review_status", json!({ "mode": "reveal" })).unwrap();
    let card = status["card"]["card"]["id"].clone();
    assert!(card.is_i64(), "{status}");
    assert_eq!(status["card"]["buttons"].as_array().unwrap().len(), 4);
    assert_eq!(status["card"]["buttons"][2]["rating"], "good");
    let new = status["counts"]["new"].as_i64().unwrap();

    let after = invoke(
        &h,
        "review_answer",
        json!({ "cardId": card, "rating": "good", "durationMs": 2500, "mode": "reveal" }),
    )
    .unwrap();
    assert_eq!(after["answered"], 1);
    assert_eq!(after["counts"]["new"].as_i64().unwrap(), new - 1);
    assert_eq!(after["canUndo"], true);
    // The answer is in the file before the next card is shown.
    assert_eq!(Store::open(&h.db).unwrap().review_count().unwrap(), 1);

    let err = invoke(
        &h,
        "review_answer",
        json!({ "cardId": card, "rating": "good", "durationMs": 1, "mode": "reveal" }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("not the one being reviewed"),
        "{err}"
    );

    let undone = invoke(&h, "review_undo", json!({ "mode": "reveal" })).unwrap();
    assert_eq!(undone["card"]["card"]["id"], card);
    assert_eq!(Store::open(&h.db).unwrap().review_count().unwrap(), 0);

    let check = invoke(
        &h,
        "check_typed_answer",
        json!({ "expected": "Zhōu Ēnlái", "given": "zhou enlai" }),
    )
    .unwrap();
    assert_eq!(check["correct"], true);
    let check = invoke(
        &h,
        "check_typed_answer",
        json!({ "expected": "1960", "given": "1961" }),
    )
    .unwrap();
    assert_eq!(
        (check["correct"].as_bool(), check["suggested"].as_str()),
        (Some(false), Some("again"))
    );

    let due = invoke(&h, "due_summary", json!({})).unwrap();
    assert_eq!(due["today"]["new"].as_i64().unwrap(), new);
    assert_eq!(due["canOptimize"], false);
}

#[test]
fn a_quiz_is_started_answered_and_scored() {
    let h = harness();
    let id = add_split(&h);
    let err = invoke(&h, "start_quiz", json!({ "request": { "scope": { "kind": "all" }, "questionCount": 5, "formats": [], "countsAsReview": false } }))
        .unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("Accept"),
        "an empty deck says what to do: {err}"
    );
    invoke(&h, "accept_all_cards", json!({ "documentId": id })).unwrap();

    let request = json!({ "scope": { "kind": "document", "documentId": id }, "questionCount": 2, "formats": ["typed"], "countsAsReview": false });
    let session = invoke(&h, "start_quiz", json!({ "request": request })).unwrap();
    let questions = session["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 2);
    assert!(
        questions
            .iter()
            .all(|q| q.get("expected").is_none() && q.get("answer").is_none()),
        "{session}"
    );
    let sid = session["id"].clone();
    let feedback = invoke(
        &h,
        "answer_quiz_question",
        json!({ "sessionId": sid, "position": 1, "given": "no idea", "durationMs": 900 }),
    )
    .unwrap();
    assert_eq!(feedback["correct"], false);
    let result = invoke(&h, "finish_quiz", json!({ "sessionId": sid })).unwrap();
    // One answered, one left: the score is over the answered one.
    assert_eq!(
        (
            result["correct"].as_i64(),
            result["total"].as_i64(),
            result["unanswered"].as_i64()
        ),
        (Some(0), Some(1), Some(1))
    );
    assert_eq!(result["missed"].as_array().unwrap().len(), 2);
    let history = invoke(&h, "quiz_history", json!({})).unwrap();
    assert_eq!(history[0]["id"], sid);
}

#[test]
fn highlights_are_made_edited_listed_searched_exported_and_deleted() {
    let h = harness();
    let mut doc = new_doc("Détente");
    doc["doc"]["body"] = json!("Zhōu Ēnlái met Richard Nixon in Beijing in 1972.\n\nGünter Guillaume spied on Willy Brandt.");
    let id = invoke(&h, "add_document", doc).unwrap()["id"].clone();

    // "Beijing": code points 32..39; "Günter Guillaume" starts the second paragraph at 50.
    let new = |start: u64, end: u64, color: &str, note: Value| json!({ "annotation": { "documentId": id, "start": start, "end": end, "color": color, "note": note } });
    let beijing = invoke(
        &h,
        "create_annotation",
        new(32, 39, "yellow", json!("Capital of the PRC.")),
    )
    .unwrap();
    assert_eq!(beijing["quote"], "Beijing");
    assert_eq!(
        (beijing["start"].clone(), beijing["end"].clone()),
        (json!(32), json!(39))
    );
    assert_eq!(
        (beijing["state"].as_str(), beijing["color"].as_str()),
        (Some("anchored"), Some("yellow"))
    );
    let gunter = invoke(&h, "create_annotation", new(50, 66, "pink", Value::Null)).unwrap();
    assert_eq!(gunter["quote"], "Günter Guillaume");
    assert_eq!(gunter["note"], Value::Null);

    let listed = invoke(&h, "document_annotations", json!({ "documentId": id })).unwrap();
    assert_eq!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["quote"].clone())
            .collect::<Vec<_>>(),
        [json!("Beijing"), json!("Günter Guillaume")]
    );

    let edit = json!({ "id": gunter["id"], "edit": { "color": "blue", "note": "Brandt's aide — an East German spy." } });
    let edited = invoke(&h, "update_annotation", edit).unwrap();
    assert_eq!(
        (edited["color"].as_str(), edited["note"].as_str()),
        (Some("blue"), Some("Brandt's aide — an East German spy."))
    );

    let all = invoke(&h, "library_annotations", json!({})).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["documentTitle"], "Détente");
    assert_eq!(all[0]["categoryPath"], json!(["History", "Cold War"]));
    let blue = invoke(&h, "library_annotations", json!({ "color": "blue" })).unwrap();
    assert_eq!(blue.as_array().unwrap().len(), 1);
    let spy = invoke(
        &h,
        "library_annotations",
        json!({ "color": null, "query": "SPY" }),
    )
    .unwrap();
    assert_eq!(spy[0]["id"], gunter["id"]);
    let err = invoke(&h, "library_annotations", json!({ "color": "purple" })).unwrap_err();
    assert!(err.to_string().contains("color"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("détente");
    let summary = invoke(
        &h,
        "export_annotations",
        json!({ "documentId": id, "path": path }),
    )
    .unwrap();
    assert_eq!(
        (summary["documents"].clone(), summary["annotations"].clone()),
        (json!(1), json!(2))
    );
    let written = std::fs::read_to_string(dir.path().join("détente.md")).unwrap();
    assert!(
        written.starts_with("# Détente\n\n*History › Cold War*\n\n> Beijing\n"),
        "{written}"
    );
    assert!(written.contains("\nCapital of the PRC.\n"), "{written}");
    let all_path = dir.path().join("all.md");
    invoke(&h, "export_annotations", json!({ "path": all_path })).unwrap();
    assert!(std::fs::read_to_string(&all_path)
        .unwrap()
        .contains("Günter Guillaume"));
    let err = invoke(
        &h,
        "export_annotations",
        json!({ "path": dir.path().join("evil.sh") }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("not a Markdown file"),
        "{err}"
    );

    let err = invoke(&h, "create_annotation", new(40, 400, "green", Value::Null)).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Select the words again"),
        "{err}"
    );
    assert_eq!(
        invoke(&h, "delete_annotation", json!({ "id": beijing["id"] })).unwrap(),
        Value::Null
    );
    let err = invoke(&h, "delete_annotation", json!({ "id": beijing["id"] })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("no highlight"),
        "{err}"
    );
    assert_eq!(
        invoke(&h, "document_annotations", json!({ "documentId": id }))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_progress_dashboard_and_library_mastery_come_through_ipc() {
    let h = harness();
    let empty = invoke(&h, "progress_dashboard", json!({})).unwrap();
    assert_eq!(empty["isEmpty"], true);
    assert_eq!(empty["today"]["streakDays"], 0);
    assert_eq!(
        invoke(&h, "document_mastery", json!({})).unwrap(),
        json!([])
    );

    let id = add_split(&h);
    let accepted = invoke(&h, "accept_all_cards", json!({ "documentId": id })).unwrap();
    let status = invoke(&h, "review_status", json!({ "mode": "reveal" })).unwrap();
    let card = status["card"]["card"]["id"].clone();
    invoke(
        &h,
        "review_answer",
        json!({ "cardId": card, "rating": "good", "durationMs": 2500, "mode": "reveal" }),
    )
    .unwrap();

    let d = invoke(&h, "progress_dashboard", json!({})).unwrap();
    assert_eq!(d["isEmpty"], false);
    assert_eq!(d["today"]["reviewed"], 1);
    assert_eq!(d["today"]["newLearned"], 1);
    assert_eq!(d["today"]["timeSpentMs"], 2500);
    assert_eq!(
        (
            d["today"]["streakDays"].as_i64(),
            d["today"]["reviewedToday"].as_bool()
        ),
        (Some(1), Some(true))
    );
    let days = d["heatmap"]["days"].as_array().unwrap();
    assert_eq!(days.last().unwrap()["count"], 1);
    assert_eq!(d["heatmap"]["endDate"], d["todayDate"]);
    assert_eq!(d["forecast"]["days"].as_array().unwrap().len(), 30);
    assert_eq!(d["retention"].as_array().unwrap().len(), 3);
    assert_eq!(d["states"]["total"], accepted);
    assert_eq!(d["documents"][0]["documentId"], id);
    assert_eq!(d["documents"][0]["mastery"]["cards"], accepted);

    // The same figures a moment later: recall is computed for "now", so a
    // float may move in its last bits between the two calls.
    let bars = invoke(&h, "document_mastery", json!({})).unwrap();
    assert_json_close(&bars, &d["documents"]);
}

/// Equal JSON, numbers within 1e-6.
fn assert_json_close(a: &Value, b: &Value) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() < 1e-6, "{x} != {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{a} != {b}");
            x.iter().zip(y).for_each(|(x, y)| assert_json_close(x, y));
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
            x.iter().for_each(|(k, v)| assert_json_close(v, &y[k]));
        }
        _ => assert_eq!(a, b),
    }
}

#[test]
fn preferences_are_checked_stored_and_used_by_the_review_session() {
    let h = harness();
    let prefs = invoke(&h, "get_preferences", json!({})).unwrap();
    assert_eq!(
        prefs["desiredRetention"]
            .as_f64()
            .map(|v| (v * 100.0).round()),
        Some(90.0)
    );
    assert_eq!(prefs["newPerDay"], 20);

    let mut bad = prefs.clone();
    bad["desiredRetention"] = json!(1.5);
    let err = invoke(&h, "set_preferences", json!({ "preferences": bad })).unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("between 0.70 and 0.99"),
        "{err}"
    );

    let mut one_a_day = prefs.clone();
    one_a_day["newPerDay"] = json!(1);
    let saved = invoke(&h, "set_preferences", json!({ "preferences": one_a_day })).unwrap();
    assert_eq!(saved["newPerDay"], 1);
    let id = add_split(&h);
    invoke(&h, "accept_all_cards", json!({ "documentId": id })).unwrap();
    let status = invoke(&h, "review_restart", json!({ "mode": "reveal" })).unwrap();
    assert_eq!(
        status["counts"]["new"], 1,
        "the daily limit comes from the preferences"
    );
}

#[test]
fn settings_backs_up_lists_and_restores_a_backup_keeping_the_library_as_it_was() {
    let h = harness();
    assert_eq!(invoke(&h, "list_backups", json!({})).unwrap(), json!([]));
    assert_eq!(
        invoke(&h, "library_problem", json!({})).unwrap(),
        Value::Null
    );
    add_split(&h);
    let run = invoke(&h, "back_up_now", json!({})).unwrap();
    let backup = run["backup"]["path"].as_str().unwrap().to_owned();
    assert_eq!(run["backup"]["good"], true);
    invoke(&h, "add_document", new_doc("Written after the backup")).unwrap();
    assert_eq!(
        invoke(&h, "list_documents", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Only the library's own backups can be restored.
    let err = invoke(
        &h,
        "restore_backup",
        json!({ "path": h.db.display().to_string() }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("not one of this library's backups"),
        "{err}"
    );

    let report = invoke(&h, "restore_backup", json!({ "path": backup })).unwrap();
    assert_eq!(report["restoredFrom"], json!(backup));
    let safety = report["safetyBackup"]["path"].as_str().unwrap().to_owned();
    let titles: Vec<Value> = invoke(&h, "list_documents", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].clone())
        .collect();
    assert_eq!(
        titles,
        vec![json!("The Sino-Soviet split")],
        "the library is the backup's, and open again"
    );
    // the library as it was is kept as a backup of its own
    let listed = invoke(&h, "list_backups", json!({})).unwrap();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["path"] == json!(safety)),
        "{listed}"
    );
    let kept = Store::open(&safety).unwrap();
    assert_eq!(clio_core::library::list_documents(&kept).unwrap().len(), 2);
}

#[test]
fn a_damaged_library_offers_its_newest_good_backup_and_restoring_it_opens_the_library() {
    let h = harness_with("main", |db| {
        let mut store = Store::open(db)?;
        clio_core::library::add_document(
            &mut store,
            serde_json::from_value(new_doc("The Berlin Airlift")["doc"].clone()).unwrap(),
        )?;
        store.backup_now(clio_core::time::now_ms())?;
        drop(store);
        let bytes = std::fs::read(db).unwrap();
        std::fs::write(db, &bytes[..bytes.len() / 2]).unwrap();
        clio_core::backup::open_checked(db).map(|(store, _)| store)
    });
    let err = invoke(&h, "app_info", json!({})).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("is damaged"),
        "{err}"
    );
    let problem = invoke(&h, "library_problem", json!({})).unwrap();
    assert_eq!(problem["damaged"], true);
    let backup = problem["newestGoodBackup"]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let report = invoke(&h, "restore_backup", json!({ "path": backup })).unwrap();
    assert!(
        report["movedAside"]
            .as_str()
            .unwrap()
            .contains("clio.sqlite3.damaged-"),
        "{report}"
    );
    assert_eq!(
        invoke(&h, "library_problem", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(
        invoke(&h, "app_info", json!({})).unwrap()["documentCount"],
        1
    );
}

#[test]
fn a_failed_automatic_backup_is_reported_to_settings() {
    use tauri::Manager;
    let h = harness();
    assert_eq!(
        invoke(&h, "last_automatic_backup", json!({})).unwrap(),
        Value::Null
    );
    add_split(&h);
    let state = h._app.state::<AppState>();
    let made = state
        .back_up_if_changed()
        .unwrap()
        .expect("the library changed: a backup");
    let last = invoke(&h, "last_automatic_backup", json!({})).unwrap();
    assert_eq!(last["backup"]["path"], json!(made.path));
    assert_eq!(last["error"], Value::Null);

    // A file where the backup folder should be: the next backup cannot be written.
    let folder = h.db.parent().unwrap().join("backups");
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, b"in the way").unwrap();
    invoke(
        &h,
        "add_document",
        new_doc("Written before the failed backup"),
    )
    .unwrap();
    assert!(state.back_up_if_changed().is_err());
    let last = invoke(&h, "last_automatic_backup", json!({})).unwrap();
    assert!(last["error"].as_str().unwrap().contains("backup"), "{last}");
    assert_eq!(
        invoke(&h, "list_documents", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2,
        "nothing saved is lost"
    );
}

#[test]
fn cards_go_out_to_anki_and_csv_and_come_back_with_progress_on_a_channel() {
    let h = harness();
    let id = add_split(&h);
    let accepted = invoke(&h, "accept_all_cards", json!({ "documentId": id }))
        .unwrap()
        .as_u64()
        .unwrap();
    assert!(accepted >= 2);
    let dir = tempfile::tempdir().unwrap();
    let apkg = dir.path().join("split.apkg");
    let report = invoke(
        &h,
        "export_cards",
        json!({ "format": "apkg", "scope": { "kind": "document", "value": id }, "withScheduling": true,
                "path": apkg, "onProgress": "__CHANNEL__:1" }),
    )
    .unwrap();
    assert_eq!(report["cards"].as_u64(), Some(accepted));
    assert!(apkg.exists());
    let err = invoke(
        &h,
        "export_cards",
        json!({ "format": "csv", "scope": { "kind": "all" }, "withScheduling": true,
                "path": dir.path().join("x.csv"), "onProgress": "__CHANNEL__:2" }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("CSV file holds cards only"),
        "{err}"
    );

    // Into a second library: the same cards, under a document named after the deck.
    let other = harness();
    let imported = invoke(
        &other,
        "import_cards",
        json!({ "path": apkg, "onProgress": "__CHANNEL__:3" }),
    )
    .unwrap();
    assert_eq!(imported["cards"].as_u64(), Some(accepted));
    let deck = invoke(&other, "card_deck", json!({})).unwrap();
    assert_eq!(
        deck["cards"].as_array().unwrap().len() as u64,
        accepted,
        "{deck}"
    );

    let err = invoke(
        &other,
        "import_cards",
        json!({ "path": dir.path().join("notes.txt"), "onProgress": "__CHANNEL__:4" }),
    )
    .unwrap_err();
    assert!(err["message"].as_str().unwrap().contains(".apkg"), "{err}");
}

#[test]
fn a_large_import_leaves_suggestions_for_the_background_writer() {
    use tauri::Manager;
    let h = harness();
    let folder = tempfile::tempdir().unwrap();
    let total = clio_core::import::INLINE_SUGGESTIONS + 3;
    for i in 0..total {
        std::fs::write(
            folder.path().join(format!("text-{i:02}.md")),
            format!("# What happened in {y}?\n\nThe council of Town{i} met in {y} and chose a new mayor.\n", y = 1700 + i),
        )
        .unwrap();
    }
    let report = invoke(&h, "import_paths", json!({ "paths": [folder.path()] })).unwrap();
    assert_eq!(report["added"].as_array().unwrap().len(), total);
    assert_eq!(report["suggestionsPending"], 3);
    let state = h._app.state::<AppState>();
    assert_eq!(state.write_pending_suggestions(2), 2);
    assert_eq!(state.write_pending_suggestions(2), 1);
    assert_eq!(state.write_pending_suggestions(2), 0);
}
