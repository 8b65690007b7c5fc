//! The `clio` command line, run as a process on real database files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn clio(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clio"));
    cmd.args(args)
        .env_remove("CLIO_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("clio runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "clio failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn version_works_with_a_db_option_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let out = stdout(&clio(
        &["--db", db.to_str().unwrap(), "--version"],
        &[],
        None,
    ));
    assert_eq!(out.trim(), format!("clio {}", env!("CARGO_PKG_VERSION")));
    assert!(!db.exists(), "--version does not open the database");
}

#[test]
fn add_then_list_and_info_share_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let db = db.to_str().unwrap();
    let added: Value = serde_json::from_str(&stdout(&clio(
        &[
            "--db",
            db,
            "add",
            "-",
            "--title",
            "When was NATO founded?",
            "--category",
            "History -> Cold War",
            "--json",
        ],
        &[],
        Some("NATO was founded in April 1949 in Washington.\n"),
    )))
    .unwrap();
    assert_eq!(added["created"], Value::Bool(true));

    let listed: Value = serde_json::from_str(&stdout(&clio(
        &["list", "--json"],
        &[("CLIO_DB", db)],
        None,
    )))
    .unwrap();
    assert_eq!(listed[0]["title"], "When was NATO founded?");
    assert_eq!(
        listed[0]["categoryPath"],
        serde_json::json!(["History", "Cold War"])
    );

    let info: Value =
        serde_json::from_str(&stdout(&clio(&["--db", db, "info", "--json"], &[], None))).unwrap();
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
    std::fs::write(
        &not_db,
        "An essay on the Marshall Plan, certainly not a database. ".repeat(20),
    )
    .unwrap();
    let out = clio(&["--db", not_db.to_str().unwrap(), "list"], &[], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("clio: ") && err.contains("is not a Clio library"),
        "{err}"
    );

    let db = dir.path().join("lib.sqlite3");
    let out = clio(
        &["--db", db.to_str().unwrap(), "add", "-", "--title", "Empty"],
        &[],
        Some("  \n\n "),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("“Empty” has no text"));

    let out = clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "add",
            "/no/such/file.txt",
            "--title",
            "Missing",
        ],
        &[],
        None,
    );
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

    let report: Value = serde_json::from_str(&stdout(&clio(
        &["--db", db, "import", inbox, "--json"],
        &[],
        None,
    )))
    .unwrap();
    let mut titles: Vec<&str> = report["added"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        ["What was agreed at Yalta?", "When was Sputnik launched?"]
    );

    let again: Value = serde_json::from_str(&stdout(&clio(
        &["--db", db, "import", inbox, "--json"],
        &[],
        None,
    )))
    .unwrap();
    assert_eq!(again["added"].as_array().unwrap().len(), 0);
    assert_eq!(again["unchanged"].as_array().unwrap().len(), 2);

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = clio(&["--db", db, "import", empty.to_str().unwrap()], &[], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty.txt"),
        "the message names the file: {err}"
    );
    let listed: Value =
        serde_json::from_str(&stdout(&clio(&["--db", db, "list", "--json"], &[], None))).unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        2,
        "nothing was added by the failed import"
    );
}

/// `clio cards --json FILE`: its output as text, and the cards in it.
fn cards_of(file: &std::path::Path) -> (String, Vec<Value>) {
    let out = stdout(&clio(
        &["cards", "--json", file.to_str().unwrap()],
        &[],
        None,
    ));
    let cards: Value = serde_json::from_str(&out).unwrap();
    let cards = cards.as_array().unwrap().clone();
    (out, cards)
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
    let out = stdout(&clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "cards",
            "--json",
            text.to_str().unwrap(),
        ],
        &[],
        None,
    ));
    let cards: Value = serde_json::from_str(&out).unwrap();
    let cards = cards.as_array().unwrap();
    assert!(
        cards.iter().any(|c| c["prompt"]
            == "In what year did the Soviet Union withdraw its advisers and aid from China?"
            && c["answer"] == "1960"),
        "{out}"
    );
    for card in cards {
        let (prompt, answer) = (
            card["prompt"].as_str().unwrap(),
            card["answer"].as_str().unwrap(),
        );
        assert!(
            !prompt.contains(answer),
            "the answer {answer:?} leaks into {prompt:?}"
        );
    }
    assert!(!db.exists(), "writing cards from a file opens no library");

    // --limit caps the cards; a web page is read through the importer, without its noise.
    let limited: Value = serde_json::from_str(&stdout(&clio(
        &["cards", "--json", "--limit", "1", text.to_str().unwrap()],
        &[],
        None,
    )))
    .unwrap();
    assert_eq!(limited.as_array().unwrap().len(), 1);
    let page = dir.path().join("split.html");
    std::fs::write(
        &page,
        "<html><body><nav><a href='/'>Home</a> | <a href='/q'>Questions</a></nav><main><h1>Why did the split happen?</h1>\
         <p>The culmination of this conflict came in 1960, when the Soviet Union withdrew its advisers and aid from China.</p>\
         </main><footer>Hey friend, thanks for reading! Subscribe for more.</footer></body></html>",
    )
    .unwrap();
    let (out, cards) = cards_of(&page);
    assert!(cards.iter().any(|c| c["answer"] == "1960"), "{out}");
    assert!(
        !out.contains("Subscribe") && !out.contains("Home"),
        "no cards from the page's noise: {out}"
    );
}

#[test]
fn an_untitled_text_file_is_named_after_the_file_so_its_opening_sentence_gives_cards() {
    // Titled by its opening words, the text would give away every card on its first
    // sentence; `clio import` names such a text after its file, and so does `cards`.
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("limassol.txt");
    std::fs::write(
        &text,
        "While in Limassol, Richard the Lion-Heart married Berengaria of Navarre, first-born \
         daughter of King Sancho VI of Navarre. The wedding was held on 12 May 1191 at the Chapel \
         of St. George.\n",
    )
    .unwrap();
    let (out, cards) = cards_of(&text);
    assert!(
        cards.iter().any(|c| c["answer"] == "Berengaria of Navarre"),
        "a card on the opening sentence: {out}"
    );
}

#[test]
fn cards_from_a_saved_page_in_plain_text_leave_its_furniture_out() {
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("core/tests/fixtures/import/saved_bronze_age.txt");
    let (out, cards) = cards_of(&page);
    assert!(
        cards
            .iter()
            .any(|c| c["answer"] == "1177 BC" || c["answer"] == "about 1177 BC"),
        "{out}"
    );
    for noise in [
        "Ilse Marchetti",
        "Ancient History",
        "Hello there",
        "good luck",
        "Leave a Comment",
        "spinner",
    ] {
        assert!(
            !out.contains(noise),
            "no card or choice from the page's {noise:?}: {out}"
        );
    }
    assert!(
        cards
            .iter()
            .all(|c| !c["sentence"].as_str().unwrap().ends_with('?')),
        "no card from the title question: {out}"
    );
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

    let hits: Value = serde_json::from_str(&stdout(&clio(
        &["--db", db, "search", "czech", "reform", "--json"],
        &[],
        None,
    )))
    .unwrap();
    assert_eq!(hits[0]["id"].as_i64().unwrap().to_string(), id);
    let text = stdout(&clio(&["--db", db, "search", "czech"], &[], None));
    assert!(
        text.contains("[Czechoslovakia]"),
        "hits are marked in text output: {text}"
    );

    let shown = stdout(&clio(&["--db", db, "show", &id], &[], None));
    assert!(
        shown.starts_with("What was the Prague Spring?\n") && shown.contains("invasion in August"),
        "{shown}"
    );

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
    let out = stdout(&clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "import",
            "--dry-run",
            "--json",
            page.to_str().unwrap(),
        ],
        &[],
        None,
    ));
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

// ---- backup, export, restore ----------------------------------------------

/// `clio --db DB args…`, checked for success, its stdout parsed as JSON.
fn clio_json(db: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&clio(&all, &[], None))).unwrap()
}

fn add(db: &std::path::Path, title: &str, text: &str) {
    stdout(&clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "add",
            "-",
            "--title",
            title,
            "--category",
            "History -> Cold War",
        ],
        &[],
        Some(text),
    ));
}

fn titles(db: &std::path::Path) -> Vec<String> {
    let listed = clio_json(db, &["list", "--json"]);
    let mut titles: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    titles
}

/// The export of `db` without its time, to compare two libraries table by table.
fn export_tables(db: &std::path::Path, out: &std::path::Path) -> Value {
    clio_json(
        db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
            "--json",
        ],
    );
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    value.as_object_mut().unwrap().remove("exportedAt");
    value
}

#[test]
fn backup_makes_a_checked_copy_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    add(
        &db,
        "When was NATO founded?",
        "NATO was founded in April 1949 in Washington.\n",
    );
    let made = clio_json(&db, &["backup", "--json"]);
    let path = made["backup"]["path"].as_str().unwrap();
    assert!(
        path.starts_with(dir.path().join("backups").to_str().unwrap()),
        "{path}"
    );
    assert!(std::path::Path::new(path).exists());
    let listed = clio_json(&db, &["backup", "--list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["good"], true);
    assert!(listed[0]["sizeBytes"].as_u64().unwrap() > 0);
    let text = stdout(&clio(
        &["--db", db.to_str().unwrap(), "backup", "--list"],
        &[],
        None,
    ));
    assert!(
        text.contains("clio-") && text.contains(" UTC ") && text.contains(" ok"),
        "{text}"
    );
}

#[test]
fn export_then_restore_into_an_empty_library_reproduces_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a").join("lib.sqlite3");
    add(
        &db,
        "When was NATO founded?",
        "NATO was founded in April 1949 in Washington.\n",
    );
    add(
        &db,
        "When did the Berlin Wall fall?",
        "The Berlin Wall fell in November 1989.\n",
    );
    std::fs::write(
        db.parent().unwrap().join("settings.json"),
        r#"{"theme":"dark"}"#,
    )
    .unwrap();
    let file = dir.path().join("library.json");
    let original = export_tables(&db, &file);
    assert_eq!(original["format"], "clio-library");
    assert_eq!(original["preferences"]["theme"], "dark");

    let copy = dir.path().join("b").join("copy.sqlite3");
    let out = clio(
        &[
            "--db",
            copy.to_str().unwrap(),
            "restore",
            file.to_str().unwrap(),
        ],
        &[],
        None,
    );
    let text = stdout(&out);
    assert!(
        text.contains("Imported") && text.contains("2 documents"),
        "{text}"
    );
    assert!(
        copy.parent().unwrap().join("settings.json").exists(),
        "preferences come along"
    );
    assert_eq!(
        export_tables(&copy, &dir.path().join("copy.json")),
        original,
        "every table is the same"
    );
    assert_eq!(titles(&copy), titles(&db));

    // a library that is not empty is refused, and left as it was
    let out = clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "restore",
            file.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not empty") && err.contains("--merge"),
        "{err}"
    );
    assert_eq!(titles(&db).len(), 2);
}

#[test]
fn restore_merges_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a").join("lib.sqlite3");
    let b = dir.path().join("b").join("lib.sqlite3");
    add(
        &a,
        "When was NATO founded?",
        "NATO was founded in April 1949 in Washington.\n",
    );
    add(
        &b,
        "When did the Berlin Wall fall?",
        "The Berlin Wall fell in November 1989.\n",
    );
    let file = dir.path().join("a.json");
    export_tables(&a, &file);
    let merged = clio_json(
        &b,
        &["restore", file.to_str().unwrap(), "--merge", "--json"],
    );
    assert_eq!(merged["import"]["merged"], true);
    assert!(
        merged["safetyBackup"]["good"].as_bool().unwrap(),
        "the library was backed up before the merge"
    );
    assert_eq!(
        titles(&b),
        vec!["When did the Berlin Wall fall?", "When was NATO founded?"]
    );
}

#[test]
fn restore_of_a_backup_replaces_the_library_after_backing_it_up() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    add(
        &db,
        "When was NATO founded?",
        "NATO was founded in April 1949 in Washington.\n",
    );
    let backup = clio_json(&db, &["backup", "--json"])["backup"]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    std::thread::sleep(std::time::Duration::from_millis(1100)); // a new second: a new backup name
    add(&db, "Added later", "Something added after the backup.\n");
    let out = clio_json(&db, &["restore", &backup, "--json"]);
    assert_eq!(out["kind"], "backup");
    let safety = out["restore"]["safetyBackup"]["path"].as_str().unwrap();
    assert_ne!(safety, backup);
    assert_eq!(titles(&db), vec!["When was NATO founded?"]);
    // the work done after the backup is in the safety backup, and can come back
    let back = clio_json(&db, &["restore", safety, "--json"]);
    assert_eq!(back["kind"], "backup");
    assert_eq!(titles(&db), vec!["Added later", "When was NATO founded?"]);
}

#[test]
fn a_damaged_library_is_moved_aside_when_a_backup_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    for i in 0..30 {
        add(
            &db,
            &format!("Question {i}?"),
            &format!("Fact number {i} happened in {}.\n", 1900 + i).repeat(40),
        );
    }
    let backup = clio_json(&db, &["backup", "--json"])["backup"]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    // any command names the damage and the backup to restore
    let out = clio(&["--db", db.to_str().unwrap(), "list"], &[], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is damaged") && err.contains(&format!("clio restore {backup}")),
        "{err}"
    );
    let out = clio_json(&db, &["restore", &backup, "--json"]);
    let aside = out["restore"]["movedAside"].as_str().unwrap();
    assert_eq!(
        std::fs::read(aside).unwrap(),
        bytes[..bytes.len() / 2],
        "the damaged file is kept as it was"
    );
    assert_eq!(titles(&db).len(), 30);
}

#[test]
fn restore_refuses_a_file_that_is_neither_an_export_nor_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let odd = dir.path().join("notes.txt");
    std::fs::write(&odd, "Notes on the Congress of Vienna.").unwrap();
    let out = clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "restore",
            odd.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Clio export"));
}

/// A disk that fills up during a write, for real: the process may not write
/// past a file-size limit (`ulimit -f`, with SIGXFSZ ignored so the write fails
/// instead of killing it). The OS answers EFBIG, which SQLite reports as an I/O
/// error (ENOSPC would be SQLITE_FULL, tested in clio-core with max_page_count):
/// the add fails with the disk message, and what was saved stays.
#[test]
fn a_write_that_fills_the_disk_fails_cleanly_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    add(
        &db,
        "When was NATO founded?",
        "NATO was founded in April 1949 in Washington.\n",
    );
    let before = titles(&db);
    let big = "The conference met again and again to settle the borders. ".repeat(60_000); // ~3.5 MB
    let script = format!(
        "trap '' XFSZ; ulimit -f 2048; exec '{}' --db '{}' add - --title 'Too big to fit'",
        env!("CARGO_BIN_EXE_clio"),
        db.display()
    );
    let mut child = Command::new("sh")
        .args(["-c", &script])
        .env_remove("CLIO_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(big.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the write must fail: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("may be full") && err.contains("everything saved before it is intact"),
        "{err}"
    );
    assert_eq!(titles(&db), before, "what was saved is all there");
    let info = clio_json(&db, &["info", "--json"]);
    assert_eq!(info["documentCount"], 1);
}

#[test]
fn stats_prints_the_dashboard_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stats.sqlite3");
    let db = db.to_str().unwrap();
    let text = stdout(&clio(&["--db", db, "stats"], &[], None));
    assert!(text.starts_with("Nothing to show yet"), "{text}");
    let json: Value =
        serde_json::from_str(&stdout(&clio(&["--db", db, "stats", "--json"], &[], None))).unwrap();
    assert_eq!(json["isEmpty"], true);
    assert_eq!(json["today"]["streakDays"], 0);
    assert_eq!(json["forecast"]["days"].as_array().unwrap().len(), 30);
    assert_eq!(json["retention"][2]["days"], 365);
}

const CARDS_CSV: &str = "prompt,answer,kind,tags,category,document,choices\n\
\"Who ordered the first supply flights, and when?\",\"Lucius Clay, in June 1948\",question,berlin,History -> Cold War,The Airlift,\n\
The blockade ended in _____.,May 1949,cloze,,History -> Cold War,The Airlift,\n\
How many flights reached Berlin?,\"Over 270,000\",multiple_choice,,History -> Cold War,The Airlift,\"Over 270,000\nAbout 2,700\"\n\
The airlift ended in 1949.,True,true_false,,,Loose cards,\n";

#[test]
fn cards_go_to_an_anki_package_and_back_and_to_csv() {
    let dir = tempfile::tempdir().unwrap();
    let (db, copy) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
    let (db, copy) = (db.to_str().unwrap(), copy.to_str().unwrap());
    let csv = dir.path().join("cards.csv");
    std::fs::write(&csv, CARDS_CSV).unwrap();
    let imported: Value = serde_json::from_str(&stdout(&clio(
        &["--db", db, "import", csv.to_str().unwrap(), "--json"],
        &[],
        None,
    )))
    .unwrap();
    assert_eq!(imported[0]["cards"], 4);
    assert_eq!(imported[0]["documents"].as_array().unwrap().len(), 2);

    let apkg = dir.path().join("cards.apkg");
    let apkg = apkg.to_str().unwrap();
    let out = stdout(&clio(
        &[
            "--db",
            db,
            "export",
            "--format",
            "apkg",
            "--out",
            apkg,
            "--with-scheduling",
        ],
        &[],
        None,
    ));
    assert!(
        out.contains("Exported 4 card(s), with their schedules"),
        "{out}"
    );
    let scoped: Value = serde_json::from_str(&stdout(&clio(
        &[
            "--db",
            db,
            "export",
            "--format",
            "apkg",
            "--out",
            apkg,
            "--category",
            "History -> Cold War",
            "--json",
        ],
        &[],
        None,
    )))
    .unwrap();
    assert_eq!(scoped["cards"], 3);

    let back: Value = serde_json::from_str(&stdout(&clio(
        &["--db", copy, "import", apkg, "--json"],
        &[],
        None,
    )))
    .unwrap();
    assert_eq!(back[0]["cards"], 3);
    assert_eq!(back[0]["documents"][0]["title"], "The Airlift");
    assert_eq!(
        back[0]["documents"][0]["categoryPath"],
        serde_json::json!(["History", "Cold War"])
    );

    let out_csv = dir.path().join("out.csv");
    stdout(&clio(
        &[
            "--db",
            copy,
            "export",
            "--format",
            "csv",
            "--out",
            out_csv.to_str().unwrap(),
        ],
        &[],
        None,
    ));
    let text = std::fs::read_to_string(&out_csv).unwrap();
    assert!(text.contains("\"Over 270,000\nAbout 2,700\""), "{text}");
    assert!(
        text.contains("The blockade ended in _____.,May 1949,cloze"),
        "{text}"
    );
    assert!(text.contains("\"Who ordered the first supply flights, and when?\",\"Lucius Clay, in June 1948\",question"), "{text}");
}

#[test]
fn a_file_that_is_not_an_anki_package_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let db = db.to_str().unwrap();
    let csv = dir.path().join("cards.csv");
    std::fs::write(&csv, CARDS_CSV).unwrap();
    stdout(&clio(
        &["--db", db, "import", csv.to_str().unwrap()],
        &[],
        None,
    ));
    let before = stdout(&clio(&["--db", db, "info", "--json"], &[], None));

    let fake = dir.path().join("deck.apkg");
    std::fs::write(&fake, "not a zip at all").unwrap();
    let out = clio(&["--db", db, "import", fake.to_str().unwrap()], &[], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not an Anki package: it is not a zip file"),
        "{err}"
    );
    assert!(err.contains("File → Export"), "{err}");

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "prompt,answer\nQ,A\n,B\n").unwrap();
    let out = clio(&["--db", db, "import", bad.to_str().unwrap()], &[], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3: the prompt is empty"));
    assert_eq!(
        stdout(&clio(&["--db", db, "info", "--json"], &[], None)),
        before
    );
}

#[test]
fn export_options_that_do_not_fit_the_format_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let db = db.to_str().unwrap();
    let out_file = dir.path().join("x.json");
    let out = clio(
        &[
            "--db",
            db,
            "export",
            "--out",
            out_file.to_str().unwrap(),
            "--document",
            "1",
        ],
        &[],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("are for --format apkg or csv"));
    let csv = dir.path().join("x.csv");
    let out = clio(
        &[
            "--db",
            db,
            "export",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            "--with-scheduling",
        ],
        &[],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--with-scheduling is for --format apkg"));
    let out = clio(
        &[
            "--db",
            db,
            "export",
            "--format",
            "apkg",
            "--out",
            csv.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no accepted cards"));
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Some text.").unwrap();
    let out = clio(
        &[
            "--db",
            db,
            "import",
            text.to_str().unwrap(),
            csv.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("on their own"));
}

#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let long = "The Edict of Nantes was signed in 1598. ".repeat(20_000);
    add(&db, "Nantes", &long);
    let mut child = Command::new(env!("CARGO_BIN_EXE_clio"))
        .args(["--db", db.to_str().unwrap(), "show", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone: the rest of the 800 kB cannot be written.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !out.status.success(),
        "a cut-off print must not report success"
    );
}

// ---- the stored cards: clio cards list|accept|reject|suspend|delete ----------

const SPLIT_TEXT: &str = "The Sino-Soviet split grew through the late 1950s. The culmination of this conflict came in \
1960, when the Soviet Union withdrew its advisers and aid from China. Mao Zedong launched the Great Leap Forward in \
1958. Richard Nixon met Mao Zedong in Beijing in 1972.\n";

fn imported_document(dir: &std::path::Path, db: &std::path::Path) -> i64 {
    let file = dir.join("split.txt");
    std::fs::write(&file, SPLIT_TEXT).unwrap();
    stdout(&clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
        &[],
        None,
    ));
    clio_json(db, &["list", "--json"])[0]["id"]
        .as_i64()
        .unwrap()
}

fn listed(db: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["cards", "list", "--json"];
    all.extend_from_slice(args);
    clio_json(db, &all).as_array().unwrap().clone()
}

#[test]
fn cards_verbs_build_a_deck_from_an_import_that_exports_to_anki() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let doc = imported_document(dir.path(), &db);
    let doc_arg = doc.to_string();

    // Before: nothing accepted, so an Anki export has nothing to write.
    let apkg = dir.path().join("deck.apkg");
    let refused = clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "export",
            "--format",
            "apkg",
            "--out",
            apkg.to_str().unwrap(),
        ],
        &[],
        None,
    );
    assert!(!refused.status.success());

    let suggested = listed(&db, &["--document", &doc_arg]);
    assert!(suggested.len() >= 3, "{suggested:#?}");
    assert!(suggested
        .iter()
        .all(|c| c["status"] == "suggested" && c["documentId"] == doc));
    assert!(
        suggested.iter().any(|c| c["answer"] == "1960"),
        "{suggested:#?}"
    );

    let accepted = clio_json(
        &db,
        &["cards", "accept", "--document", &doc_arg, "--all", "--json"],
    );
    assert_eq!(accepted["changed"], suggested.len());
    let deck = listed(&db, &["--status", "accepted"]);
    assert_eq!(deck.len(), suggested.len());
    assert!(deck
        .iter()
        .all(|c| c["state"] == "new" && c["suspended"] == false));

    let out = stdout(&clio(
        &[
            "--db",
            db.to_str().unwrap(),
            "export",
            "--format",
            "apkg",
            "--out",
            apkg.to_str().unwrap(),
        ],
        &[],
        None,
    ));
    assert!(
        out.contains(&format!("Exported {} card(s)", deck.len())),
        "{out}"
    );
    assert!(std::fs::metadata(&apkg).unwrap().len() > 0);

    // Suspend one card by id, then unsuspend it.
    let first = deck[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        clio_json(&db, &["cards", "suspend", &first, "--json"])["changed"],
        1
    );
    let card = |id: &str| {
        listed(&db, &[])
            .into_iter()
            .find(|c| c["id"] == id.parse::<i64>().unwrap())
            .unwrap()
    };
    assert_eq!(card(&first)["suspended"], true);
    let text = stdout(&clio(
        &["--db", db.to_str().unwrap(), "cards", "list"],
        &[],
        None,
    ));
    assert!(text.contains("[suspended]"), "{text}");
    assert_eq!(
        clio_json(&db, &["cards", "suspend", "--off", &first, "--json"])["changed"],
        1
    );
    assert_eq!(card(&first)["suspended"], false);

    // Reject one, delete another: the list follows.
    let second = deck[1]["id"].as_i64().unwrap().to_string();
    assert_eq!(
        clio_json(&db, &["cards", "reject", &first, "--json"])["changed"],
        1
    );
    assert_eq!(card(&first)["status"], "rejected");
    let out = stdout(&clio(
        &["--db", db.to_str().unwrap(), "cards", "delete", &second],
        &[],
        None,
    ));
    assert!(out.contains("Deleted 1 card(s)"), "{out}");
    assert!(listed(&db, &[])
        .iter()
        .all(|c| c["id"] != second.parse::<i64>().unwrap()));
    assert_eq!(listed(&db, &["--status", "accepted"]).len(), deck.len() - 2);
    assert_eq!(
        listed(&db, &["--status", "accepted", "--limit", "1"]).len(),
        1
    );
}

#[test]
fn cards_verbs_refuse_unclear_or_unknown_selections_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let doc = imported_document(dir.path(), &db).to_string();
    let before = listed(&db, &[]);
    let fails = |args: &[&str], says: &str| {
        let mut all = vec!["--db", db.to_str().unwrap(), "cards"];
        all.extend_from_slice(args);
        let out = clio(&all, &[], None);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    };
    fails(&["accept", "--document", &doc], "--all");
    fails(&["accept"], "give the cards' ids");
    fails(&["accept", "999999"], "no card with id 999999");
    let some = before[0]["id"].to_string();
    fails(&["suspend", &some], "no card in the deck");
    fails(&["delete", &some, "999999"], "no card with id 999999");
    fails(
        &["list", "--status", "maybe"],
        "suggested, accepted, rejected or all",
    );
    fails(
        &["list", "--document", "424242"],
        "no document with id 424242",
    );
    assert_eq!(listed(&db, &[]), before, "nothing changed");
}

#[test]
fn cards_from_a_file_still_work_even_when_the_file_is_named_like_a_verb() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.sqlite3");
    let text = dir.path().join("split.txt");
    std::fs::write(&text, SPLIT_TEXT).unwrap();
    let env = [("CLIO_DB", db.to_str().unwrap())];
    let out: Value = serde_json::from_str(&stdout(&clio(
        &["cards", "--json", "--limit", "2", text.to_str().unwrap()],
        &env,
        None,
    )))
    .unwrap();
    assert_eq!(out.as_array().unwrap().len(), 2);
    assert!(out[0]["prompt"].is_string() && out[0]["answer"].is_string());
    let plain = stdout(&clio(&["cards", text.to_str().unwrap()], &env, None));
    assert!(plain.contains("→ 1960"), "{plain}");

    // A file called `list` in the working folder is still a file.
    std::fs::write(dir.path().join("list"), SPLIT_TEXT).unwrap();
    let run_in_dir = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_clio"))
            .args(args)
            .current_dir(dir.path())
            .env("CLIO_DB", &db)
            .output()
            .unwrap()
    };
    let from_file: Value =
        serde_json::from_str(&stdout(&run_in_dir(&["cards", "--json", "list"]))).unwrap();
    assert!(from_file
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["answer"] == "1960"));
    assert!(stdout(&run_in_dir(&["cards", "list"])).contains("→ 1960"));
    assert!(!db.exists(), "writing cards from a file opens no library");
}
