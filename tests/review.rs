//! `clio due` and `clio review` as processes on a real database, and the crash
//! test: an answer is saved before the next card is shown, so killing the
//! process loses nothing.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use clio_core::Store;
use serde_json::Value;

mod common;
use common::{clio, deck};

#[test]
fn due_lists_todays_counts_and_the_next_cards() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("due.sqlite3");
    let n = deck(&db);
    let out = clio(&db)
        .args(["due", "--json", "--next", "3"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let due: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(due["today"]["new"], Value::from(n.min(20)));
    assert_eq!(due["overdue"], 0);
    assert_eq!(due["next"].as_array().unwrap().len(), 3);
    assert!(due["next"][0]["prompt"].as_str().unwrap().len() > 5);
    let text = String::from_utf8(clio(&db).arg("due").output().unwrap().stdout).unwrap();
    assert!(text.contains(&format!("{} new", n.min(20))), "{text}");
}

#[test]
fn review_in_the_terminal_reveals_grades_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.sqlite3");
    deck(&db);
    // Card 1: reveal, Good. Card 2: reveal, Again, then undo. Card 2 again: reveal, Easy. Quit.
    let mut child = clio(&db)
        .arg("review")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\n3\n\n1\nu\n\n4\nq\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(
        text.contains("answered 1") && text.contains("answered 2") && text.contains("undone"),
        "{text}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.review_count().unwrap(),
        2,
        "the undone answer is gone: {text}"
    );
}

#[test]
fn killing_the_review_process_after_an_answer_loses_nothing() {
    const N: usize = 5;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    assert!(deck(&db) > N);
    let mut child = clio(&db)
        .arg("review")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    for answered in 1..=N {
        input.write_all(b"\n3\n").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        while !line.contains(&format!("answered {answered}")) {
            line.clear();
            assert!(
                output.read_line(&mut line).unwrap() > 0,
                "clio stopped before answer {answered}"
            );
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.review_count().unwrap(), N as u64);
}

#[test]
fn a_quiz_in_the_terminal_prints_its_result_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quiz.sqlite3");
    deck(&db);
    let mut child = clio(&db)
        .args([
            "quiz", "--scope", "all", "--count", "3", "--format", "typed", "--json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"no idea\nno idea\nno idea\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (result["correct"].as_i64(), result["total"].as_i64()),
        (Some(0), Some(3))
    );
    assert_eq!(result["missed"].as_array().unwrap().len(), 3);
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 questions"));
    // A quiz does not touch the schedule unless asked.
    assert_eq!(Store::open(&db).unwrap().review_count().unwrap(), 0);

    let bad = clio(&db)
        .args(["quiz", "--scope", "decade:1950"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("use all, document:ID, category:PATH or due:DAYS"));
}
