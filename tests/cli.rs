//! The `clio` command line, run as a process on real database files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn clio(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clio"));
    cmd.args(args).env_remove("CLIO_DB").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("clio runs");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "clio failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn version_works_with_a_db_option_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let out = stdout(&clio(&["--db", db.to_str().unwrap(), "--version"], &[], None));
    assert_eq!(out.trim(), format!("clio {}", env!("CARGO_PKG_VERSION")));
    assert!(!db.exists(), "--version does not open the database");
}

#[test]
fn add_then_list_and_info_share_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let db = db.to_str().unwrap();
    let added: Value = serde_json::from_str(&stdout(&clio(
        &["--db", db, "add", "-", "--title", "When was NATO founded?", "--category", "History -> Cold War", "--json"],
        &[],
        Some("NATO was founded in April 1949 in Washington.\n"),
    )))
    .unwrap();
    assert_eq!(added["created"], Value::Bool(true));

    let listed: Value = serde_json::from_str(&stdout(&clio(&["list", "--json"], &[("CLIO_DB", db)], None))).unwrap();
    assert_eq!(listed[0]["title"], "When was NATO founded?");
    assert_eq!(listed[0]["categoryPath"], serde_json::json!(["History", "Cold War"]));

    let info: Value = serde_json::from_str(&stdout(&clio(&["--db", db, "info", "--json"], &[], None))).unwrap();
    assert_eq!(info["documentCount"], 1);
    assert_eq!(info["dbPath"], db);
}

#[test]
fn the_db_option_wins_over_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let by_flag = dir.path().join("flag.sqlite3");
    let by_env = dir.path().join("env.sqlite3");
    let info: Value = serde_json::from_str(&stdout(&clio(
        &["--db", by_flag.to_str().unwrap(), "info", "--json"],
        &[("CLIO_DB", by_env.to_str().unwrap())],
        None,
    )))
    .unwrap();
    assert_eq!(info["dbPath"], by_flag.to_str().unwrap());
    assert!(!by_env.exists());
}

#[test]
fn the_default_database_is_in_the_platform_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let info: Value = serde_json::from_str(&stdout(&clio(
        &["info", "--json"],
        &[("XDG_DATA_HOME", data.to_str().unwrap())],
        None,
    )))
    .unwrap();
    let expected = data.join("app.cliostudy.clio").join("clio.sqlite3");
    assert_eq!(info["dbPath"], expected.to_str().unwrap());
    assert!(expected.exists());
}

#[test]
fn errors_name_the_problem_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let not_db = dir.path().join("essay.txt");
    std::fs::write(&not_db, "An essay on the Marshall Plan, certainly not a database. ".repeat(20)).unwrap();
    let out = clio(&["--db", not_db.to_str().unwrap(), "list"], &[], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("clio: ") && err.contains("is not a Clio library"), "{err}");

    let db = dir.path().join("lib.sqlite3");
    let out = clio(&["--db", db.to_str().unwrap(), "add", "-", "--title", "Empty"], &[], Some("  \n\n "));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("“Empty” has no text"));

    let out = clio(&["--db", db.to_str().unwrap(), "add", "/no/such/file.txt", "--title", "Missing"], &[], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not read /no/such/file.txt"));
}

#[test]
fn import_reads_a_folder_reports_what_it_did_and_fails_on_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join("nested")).unwrap();
    std::fs::write(
        inbox.join("yalta.md"),
        "---\ntitle: \"What was agreed at Yalta?\"\nauthor: \"R. Ortiz\"\ncategory: \"History -> Second World War\"\n---\n\
         The Yalta Conference met in February 1945.\n\nRoosevelt, Churchill and Stalin attended it.\n",
    )
    .unwrap();
    std::fs::write(
        inbox.join("nested").join("sputnik.html"),
        "<html><head><title>When was Sputnik launched?</title><script>alert(1)</script></head><body>\
         <nav><a href='/'>Home</a></nav><article><h1>When was Sputnik launched?</h1>\
         <p>The Soviet Union launched Sputnik 1 on 4 October 1957 from Baikonur.</p>\
         <p>It was the first artificial satellite to orbit the Earth.</p></article></body></html>",
    )
    .unwrap();
    let db = dir.path().join("lib.sqlite3");
    let db = db.to_str().unwrap();
    let inbox = inbox.to_str().unwrap();

    let report: Value = serde_json::from_str(&stdout(&clio(&["--db", db, "import", inbox, "--json"], &[], None))).unwrap();
    let mut titles: Vec<&str> = report["added"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap()).collect();
    titles.sort();
    assert_eq!(titles, ["What was agreed at Yalta?", "When was Sputnik launched?"]);

    let again: Value = serde_json::from_str(&stdout(&clio(&["--db", db, "import", inbox, "--json"], &[], None))).unwrap();
    assert_eq!(again["added"].as_array().unwrap().len(), 0);
    assert_eq!(again["unchanged"].as_array().unwrap().len(), 2);

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = clio(&["--db", db, "import", empty.to_str().unwrap()], &[], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt"), "the message names the file: {err}");
    let listed: Value = serde_json::from_str(&stdout(&clio(&["--db", db, "list", "--json"], &[], None))).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2, "nothing was added by the failed import");
}

#[test]
fn cards_writes_questions_from_a_text_file_without_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("split.txt");
    std::fs::write(
        &text,
        "The alliance between Moscow and Beijing weakened through the late 1950s. The culmination of this \
         conflict came in 1960, when the Soviet Union withdrew its advisers and aid from China.\n",
    )
    .unwrap();
    let db = dir.path().join("never.sqlite3");
    let out = stdout(&clio(&["--db", db.to_str().unwrap(), "cards", "--json", text.to_str().unwrap()], &[], None));
    let cards: Value = serde_json::from_str(&out).unwrap();
    let cards = cards.as_array().unwrap();
    assert!(
        cards.iter().any(|c| c["prompt"] == "In what year did the Soviet Union withdraw its advisers and aid from China?"
            && c["answer"] == "1960"),
        "{out}"
    );
    for card in cards {
        let (prompt, answer) = (card["prompt"].as_str().unwrap(), card["answer"].as_str().unwrap());
        assert!(!prompt.contains(answer), "the answer {answer:?} leaks into {prompt:?}");
    }
    assert!(!db.exists(), "writing cards from a file opens no library");
}

#[test]
fn search_show_and_delete_work_on_the_same_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let db = db.to_str().unwrap();
    let added: Value = serde_json::from_str(&stdout(&clio(
        &["--db", db, "add", "-", "--title", "What was the Prague Spring?", "--json"],
        &[],
        Some("The Prague Spring was a period of reform in Czechoslovakia in 1968.\n\nIt ended with an invasion in August."),
    )))
    .unwrap();
    let id = added["id"].as_i64().unwrap().to_string();

    let hits: Value = serde_json::from_str(&stdout(&clio(&["--db", db, "search", "czech", "reform", "--json"], &[], None))).unwrap();
    assert_eq!(hits[0]["id"].as_i64().unwrap().to_string(), id);
    let text = stdout(&clio(&["--db", db, "search", "czech"], &[], None));
    assert!(text.contains("[Czechoslovakia]"), "hits are marked in text output: {text}");

    let shown = stdout(&clio(&["--db", db, "show", &id], &[], None));
    assert!(shown.starts_with("What was the Prague Spring?\n") && shown.contains("invasion in August"), "{shown}");

    stdout(&clio(&["--db", db, "delete", &id], &[], None));
    let out = clio(&["--db", db, "show", &id], &[], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("no document with id {id}")));
}

#[test]
fn import_dry_run_prints_the_parsed_documents_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>What was Ostpolitik? | AskHistory</title></head><body>\
         <ol class='breadcrumb'><li><a href='/'>Home</a></li><li><a href='/h'>History</a></li><li><a href='/h/c'>Cold War</a></li></ol>\
         <main><h1>What was Ostpolitik?</h1><span class='author-name'>Lena Vogt</span>\
         <p>Ostpolitik was the policy of West German Chancellor Willy Brandt towards the East from 1969.</p>\
         <p>It led to the Moscow Treaty and the Warsaw Treaty of 1970.</p>\
         <div class='comments'>3 Comments</div></main><footer>© AskHistory</footer></body></html>",
    )
    .unwrap();
    let db = dir.path().join("untouched.sqlite3");
    let out = stdout(&clio(&["--db", db.to_str().unwrap(), "import", "--dry-run", "--json", page.to_str().unwrap()], &[], None));
    let docs: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1, "{out}");
    let doc = &docs[0];
    assert_eq!(doc["title"], "What was Ostpolitik?");
    assert_eq!(doc["author"], "Lena Vogt");
    assert_eq!(doc["category"], serde_json::json!(["History", "Cold War"]));
    assert_eq!(
        doc["body"],
        "Ostpolitik was the policy of West German Chancellor Willy Brandt towards the East from 1969.\n\n\
         It led to the Moscow Treaty and the Warsaw Treaty of 1970."
    );
    assert!(doc["source"].as_str().unwrap().ends_with("page.html"));
    assert!(!db.exists(), "a dry run opens no library");
}

#[test]
fn stats_prints_the_dashboard_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stats.sqlite3");
    let db = db.to_str().unwrap();
    let text = stdout(&clio(&["--db", db, "stats"], &[], None));
    assert!(text.starts_with("Nothing to show yet"), "{text}");
    let json: Value = serde_json::from_str(&stdout(&clio(&["--db", db, "stats", "--json"], &[], None))).unwrap();
    assert_eq!(json["isEmpty"], true);
    assert_eq!(json["today"]["streakDays"], 0);
    assert_eq!(json["forecast"]["days"].as_array().unwrap().len(), 30);
    assert_eq!(json["retention"][2]["days"], 365);
}
