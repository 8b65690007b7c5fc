//! Two writers never lose work, and a damaged library is never written into:
//! the real `clio` binary as processes on one library file.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use clio_core::Store;

mod common;
use common::{clio, deck};

/// A folder of `n` short texts, each its own document.
fn folder(dir: &Path, name: &str, n: usize) -> std::path::PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir(&folder).unwrap();
    for i in 0..n {
        std::fs::write(
            folder.join(format!("{name}-{i:03}.txt")),
            format!(
                "{name} note {i}\n\nThe council of {name} met for the {i}th time in {} and agreed on a treaty with its neighbours.\n",
                1800 + i
            ),
        )
        .unwrap();
    }
    folder
}

#[test]
fn two_importers_and_a_review_session_lose_nothing() {
    const FILES: usize = 60;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.sqlite3");
    let deck = deck(&db);
    assert!(deck >= 5, "{deck}");
    let a = folder(dir.path(), "alpha", FILES);
    let b = folder(dir.path(), "beta", FILES);

    let started = Instant::now();
    let mut review = clio(&db)
        .arg("review")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let importer = |folder: std::path::PathBuf| {
        let db = db.clone();
        std::thread::spawn(move || clio(&db).arg("import").arg(&folder).output().unwrap())
    };
    let (import_a, import_b) = (importer(a), importer(b));
    // Answer cards one by one while the importers write.
    let mut input = review.stdin.take().unwrap();
    let mut output = BufReader::new(review.stdout.take().unwrap());
    let mut answered = 0;
    for n in 1..=deck.min(20) {
        input.write_all(b"\n3\n").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        loop {
            line.clear();
            if output.read_line(&mut line).unwrap() == 0 {
                break;
            }
            if line.contains(&format!("answered {n}")) {
                answered = n;
                break;
            }
        }
        if answered != n {
            break;
        }
    }
    input.write_all(b"q\n").unwrap();
    drop(input);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut output, &mut rest).unwrap();
    assert!(review.wait().unwrap().success(), "{rest}");
    let import_a = import_a.join().unwrap();
    let import_b = import_b.join().unwrap();
    let took = started.elapsed();
    for (name, out) in [("alpha", &import_a), ("beta", &import_b)] {
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(answered >= 5, "the review answered {answered}: {rest}");

    let store = Store::open(&db).unwrap();
    assert_eq!(store.list_documents().unwrap().len(), 1 + 2 * FILES);
    assert_eq!(store.review_count().unwrap() as usize, answered);
    eprintln!(
        "two importers of {FILES} files and {answered} answers on one library: {:.1} s",
        took.as_secs_f64()
    );
}

#[test]
fn clio_add_refuses_a_damaged_library_and_says_how_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("clio.sqlite3");
    let text = dir.path().join("note.txt");
    std::fs::write(&text, "The wall fell in November 1989.").unwrap();
    let add = |title: &str| {
        clio(&db)
            .args(["add", text.to_str().unwrap(), "--title", title])
            .output()
            .unwrap()
    };
    assert!(add("First").status.success());
    let backup = clio(&db).arg("backup").output().unwrap();
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );

    // Zero one page inside the file (the CLI checkpointed the WAL on exit).
    let mut bytes = std::fs::read(&db).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    assert!(bytes.len() >= page * 6, "{} bytes", bytes.len());
    let victim = bytes.len() / page / 2;
    bytes[victim * page..(victim + 1) * page].fill(0);
    std::fs::write(&db, &bytes).unwrap();

    let out = add("Second");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "clio add wrote into a damaged library"
    );
    assert!(err.contains("damaged"), "{err}");
    assert!(err.contains("clio restore"), "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the damaged file was changed"
    );

    // A backup of it, or a merge into it, is refused the same way: a damaged
    // copy must not push a good backup out of the keeping policy.
    let backups = || {
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count()
    };
    let before = backups();
    let out = clio(&db).arg("backup").output().unwrap();
    assert!(
        !out.status.success(),
        "clio backup copied a damaged library"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
    assert_eq!(backups(), before);
    let export = dir.path().join("export.json");
    std::fs::write(
        &export,
        r#"{"format": "clio-library", "version": 1, "tables": {}}"#,
    )
    .unwrap();
    let out = clio(&db)
        .args(["restore", export.to_str().unwrap(), "--merge"])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "clio restore --merge wrote into a damaged library"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the damaged file was changed"
    );
}
