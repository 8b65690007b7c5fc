//! The window's start-up rule on real SQLite files damaged on purpose: a small
//! file, or one whose last session left a WAL, is checked in full before it is
//! opened; a large one that closed cleanly is opened at once and checked in the
//! background, which finds the damage and offers the newest good backup.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::*;
use crate::library::{add_document, NewDocument};
use crate::test_support::{populate, T0};

const PAGE: usize = 4096;

/// A populated library in a file, closed cleanly (no WAL), with a backup.
fn library_with_backup() -> (TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clio.sqlite3");
    let mut store = Store::open(&path).unwrap();
    populate(&mut store);
    let backup = PathBuf::from(store.backup_now(T0).unwrap().path);
    drop(store);
    assert!(!left_a_journal(&path), "a clean close leaves no WAL");
    (dir, path, backup)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

fn doc(title: &str) -> NewDocument {
    NewDocument {
        title: title.into(),
        author: None,
        category_path: vec!["History".into()],
        source: None,
        body: format!("{title}: ") + &"the treaty was signed in the spring. ".repeat(40),
    }
}

/// Scrambles the root pages of `table`'s b-tree and of its indexes in the
/// file, leaving page 1 and the schema alone: the header checks pass, and
/// only reading the whole file finds the damage. Returns the damaged bytes.
fn damage_table(path: &Path, table: &str) -> Vec<u8> {
    let roots: Vec<usize> = {
        // Read-only: a closing read-write connection would fold a WAL in.
        let conn =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let mut stmt = conn
            .prepare("SELECT rootpage FROM sqlite_schema WHERE tbl_name = ?1 AND rootpage > 1")
            .unwrap();
        let roots = stmt.query_map([table], |r| r.get(0)).unwrap();
        roots.collect::<rusqlite::Result<_>>().unwrap()
    };
    assert!(!roots.is_empty());
    let mut bytes = fs::read(path).unwrap();
    for root in roots {
        let page = &mut bytes[(root - 1) * PAGE..root * PAGE];
        for (i, b) in page.iter_mut().enumerate() {
            *b = (i * 131 % 251) as u8;
        }
    }
    fs::write(path, &bytes).unwrap();
    bytes
}

fn assert_damaged_with_backup(result: Result<impl std::fmt::Debug>, backup: &Path) {
    match result {
        Err(Error::Damaged {
            newest_good_backup, ..
        }) => assert_eq!(newest_good_backup.as_deref(), Some(backup)),
        other => panic!("expected Damaged with the backup, got {other:?}"),
    }
}

fn assert_damaged(error: &Error, backup: &Path) {
    match error {
        Error::Damaged {
            newest_good_backup, ..
        } => assert_eq!(newest_good_backup.as_deref(), Some(backup)),
        other => panic!("expected Damaged with the backup, got {other}"),
    }
}

#[test]
fn a_small_library_is_checked_in_full_before_the_window_opens_it() {
    let (_dir, path, backup) = library_with_backup();
    assert!(fs::metadata(&path).unwrap().len() <= FOREGROUND_CHECK_MAX_BYTES);
    let clean = check_at_launch(&path).unwrap();
    assert!(!clean.is_new && !clean.full_check_deferred);

    let before = damage_table(&path, "documents");
    assert_damaged_with_backup(check_at_launch(&path), &backup);
    assert_damaged_with_backup(open_for_window(&path).map(|(_, check)| check), &backup);
    assert_eq!(fs::read(&path).unwrap(), before, "nothing was written");
}

#[test]
fn a_large_library_left_with_a_wal_is_checked_in_full_before_it_opens() {
    let (dir, path, _backup) = library_with_backup();
    // A session that did not end: its WAL holds a write not yet in the file.
    let mut window = Store::open(&path).unwrap();
    window
        .defer_checkpoints(std::time::Duration::from_secs(3600))
        .unwrap();
    add_document(&mut window, doc("In the WAL")).unwrap();
    let crashed = dir.path().join("crashed.sqlite3");
    fs::copy(&path, &crashed).unwrap();
    fs::copy(sidecar(&path, "-wal"), sidecar(&crashed, "-wal")).unwrap();
    drop(window);
    assert!(left_a_journal(&crashed));

    // Undamaged, the full check passes.
    let ok = check(&crashed, Some(PAGE as u64)).unwrap();
    assert!(!ok.full_check_deferred, "a leftover WAL means checking now");

    // The write in the WAL touched documents, not the review log.
    damage_table(&crashed, "review_log");
    let err = check(&crashed, Some(PAGE as u64)).unwrap_err();
    assert!(matches!(err, Error::Damaged { .. }), "{err}");
    // Without the WAL the same file would have been opened at once.
    fs::remove_file(sidecar(&crashed, "-wal")).unwrap();
    let _ = fs::remove_file(sidecar(&crashed, "-shm"));
    assert!(
        check(&crashed, Some(PAGE as u64))
            .unwrap()
            .full_check_deferred
    );
}

#[test]
fn a_large_clean_library_opens_at_once_and_the_background_check_finds_damage() {
    let (_dir, path, backup) = library_with_backup();
    let small_limit = Some(PAGE as u64);
    assert_eq!(
        check_in_background(&path).ok(),
        Some(()),
        "a good file passes"
    );

    let before = damage_table(&path, "documents");
    let launch = check(&path, small_limit).unwrap();
    assert!(
        launch.full_check_deferred && !launch.is_new,
        "the cheap checks pass and the full one is left for later"
    );
    assert_eq!(fs::read(&path).unwrap(), before);

    let err = check_in_background(&path).unwrap_err();
    assert_damaged(&err, &backup);
    let problem = library_problem(&err);
    assert!(problem.damaged && problem.message.contains("is damaged"));
    assert_eq!(
        problem.newest_good_backup.map(|b| PathBuf::from(b.path)),
        Some(backup.clone())
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the check wrote nothing");
    // The CLI's check still refuses the file before opening it.
    assert_damaged_with_backup(check_at_start(&path), &backup);
}

#[test]
fn a_store_closed_as_damaged_leaves_the_file_as_it_was_and_keeps_its_wal() {
    let (_dir, path, _backup) = library_with_backup();
    let before = fs::read(&path).unwrap();
    let mut store = Store::open(&path).unwrap();
    store
        .defer_checkpoints(std::time::Duration::from_secs(3600))
        .unwrap();
    add_document(&mut store, doc("Written before the check finished")).unwrap();
    store.close_damaged();
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the WAL was not copied in"
    );
    assert!(
        left_a_journal(&path),
        "the WAL stays, so the next start checks first"
    );

    // A clean close, by contrast, folds the WAL into the file.
    let mut store = Store::open(&path).unwrap();
    add_document(&mut store, doc("Another")).unwrap();
    drop(store);
    assert!(!left_a_journal(&path));
    assert_ne!(fs::read(&path).unwrap(), before);
}
