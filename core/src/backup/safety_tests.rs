//! Backups, restore, the start-up check, and the storage faults: a truncated
//! file, a corrupted page, a read-only library, a full disk. Each fault gets
//! its documented message, and what was saved before it is still there. The
//! workflows are this module's; the store is only their file underneath.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tempfile::TempDir;

use super::{
    back_up_if_changed, backup_file_name, check_at_start, library_problem, list_backups,
    newest_good_backup, open_checked, restore_backup, thin_backups,
};
use crate::error::Error;
use crate::library::{add_document, NewDocument};
use crate::store::{Store, LATEST_VERSION};
use crate::test_support::{assert_same_tables, populate, snapshot, T0};

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

/// A populated library in a file, closed (its WAL folded in).
fn library() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clio.sqlite3");
    let mut store = Store::open(&path).unwrap();
    populate(&mut store);
    drop(store);
    (dir, path)
}

fn doc(title: &str, words: usize) -> NewDocument {
    NewDocument {
        title: title.into(),
        author: None,
        category_path: vec!["History".into()],
        source: None,
        body: format!("{title}: ")
            + &"the treaty was signed in the spring of that year. ".repeat(words / 10 + 1),
    }
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

fn open_snapshot(
    path: &Path,
) -> std::collections::BTreeMap<String, Vec<Vec<rusqlite::types::Value>>> {
    let store = Store::open(path).unwrap();
    snapshot(store.connection())
}

// ---- backups -------------------------------------------------------------

#[test]
fn a_backup_is_a_checked_self_contained_copy_named_by_its_time() {
    let (dir, path) = library();
    let store = Store::open(&path).unwrap();
    let at = T0 + 13 * HOUR;
    let info = store.backup_now(at).unwrap();
    assert_eq!(info.file_name, "clio-20260302-130000.sqlite3");
    assert!(info.good, "{:?}", info.problem);
    assert_eq!(info.created_at, at);
    assert_eq!(info.schema_version, Some(LATEST_VERSION));
    let file = dir.path().join("backups").join(&info.file_name);
    assert_eq!(info.size_bytes, fs::metadata(&file).unwrap().len());
    assert!(!sidecar(&file, "-wal").exists(), "one file, no WAL");
    let copy =
        Connection::open_with_flags(&file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    assert_same_tables(store.connection(), &copy);

    // a second one in the same second does not overwrite the first
    let again = store.backup_now(at).unwrap();
    assert_eq!(again.file_name, "clio-20260302-130000-2.sqlite3");
    let names: Vec<String> = list_backups(&path)
        .unwrap()
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    assert_eq!(
        names,
        vec![
            "clio-20260302-130000.sqlite3",
            "clio-20260302-130000-2.sqlite3"
        ]
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
    );
}

#[test]
fn a_backup_is_made_while_the_window_writes_and_holds_what_was_committed() {
    let (_dir, path) = library();
    let mut store = Store::open(&path).unwrap();
    store
        .defer_checkpoints(std::time::Duration::from_secs(3600))
        .unwrap();
    add_document(&mut store, doc("The Treaty of Rome", 30)).unwrap();
    assert!(
        sidecar(&path, "-wal").exists(),
        "the new document is in the WAL only"
    );
    let info = store.backup_now(T0).unwrap();
    let copy = Connection::open(&info.path).unwrap();
    let titles: i64 = copy
        .query_row(
            "SELECT count(*) FROM documents WHERE title = 'The Treaty of Rome'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(titles, 1);
}

#[test]
fn the_list_shows_each_backup_with_its_health_newest_first() {
    let (dir, path) = library();
    let store = Store::open(&path).unwrap();
    store.backup_now(T0).unwrap();
    store.backup_now(T0 + DAY).unwrap();
    let backups = dir.path().join("backups");
    fs::write(
        backups.join(backup_file_name(T0 + 2 * DAY, 1)),
        b"SQLite format 3\0 and then nothing useful",
    )
    .unwrap();
    fs::write(backups.join("notes.txt"), b"not a backup").unwrap();
    fs::write(
        backups.join(".clio-20260310-000000.sqlite3.partial"),
        b"an unfinished copy",
    )
    .unwrap();
    let list = list_backups(&path).unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(
        list.iter().map(|b| b.created_at).collect::<Vec<_>>(),
        vec![T0 + 2 * DAY, T0 + DAY, T0]
    );
    assert!(!list[0].good && list[0].problem.is_some());
    assert!(list[1].good && list[2].good);
    assert_eq!(newest_good_backup(&path).unwrap().created_at, T0 + DAY);
}

#[test]
fn thinning_with_a_controlled_clock_keeps_recent_daily_and_weekly_backups() {
    let (dir, path) = library();
    let store = Store::open(&path).unwrap();
    let now = T0 + 60 * DAY;
    // four a day for the last 60 days
    for day in 0..60 {
        for hour in [9, 12, 15, 18] {
            store.backup_now(T0 + day * DAY + hour * HOUR).unwrap();
        }
    }
    let deleted = thin_backups(&path, now, &crate::prefs::DEFAULT_KEEP_POLICY).unwrap();
    let left: Vec<i64> = list_backups(&path)
        .unwrap()
        .iter()
        .map(|b| b.created_at)
        .collect();
    assert_eq!(deleted.len() + left.len(), 240);
    let age = |t: &i64| now - t;
    assert_eq!(
        left.iter().filter(|t| age(t) < 2 * DAY).count(),
        8,
        "the last two days: all four a day"
    );
    let daily: Vec<i64> = left
        .iter()
        .copied()
        .filter(|t| (2 * DAY..30 * DAY).contains(&age(t)))
        .collect();
    assert_eq!(daily.len(), 28, "one a day, the evening one");
    assert!(daily.iter().all(|t| t.rem_euclid(DAY) == 18 * HOUR));
    let weekly = left.iter().filter(|t| age(t) >= 30 * DAY).count();
    assert!((4..=6).contains(&weekly), "one a week: {weekly}");
    assert!(deleted.iter().all(|p| !p.exists()));
    assert!(
        thin_backups(&path, now, &crate::prefs::DEFAULT_KEEP_POLICY)
            .unwrap()
            .is_empty(),
        "a second pass deletes nothing"
    );
    assert!(dir.path().join("clio.sqlite3").exists());
}

#[test]
fn thinning_never_deletes_the_newest_good_backup() {
    let (_dir, path) = library();
    let store = Store::open(&path).unwrap();
    let good = store.backup_now(T0 + 10 * HOUR).unwrap();
    let bad = store.backup_now(T0 + 20 * HOUR).unwrap();
    fs::write(&bad.path, b"damaged").unwrap();
    // five days later the day holds two backups; the policy would keep the later (damaged) one
    let deleted = thin_backups(&path, T0 + 5 * DAY, &crate::prefs::DEFAULT_KEEP_POLICY).unwrap();
    assert!(deleted.is_empty(), "{deleted:?}");
    assert!(Path::new(&good.path).exists());
}

#[test]
fn the_timer_backs_up_only_when_the_library_changed() {
    let (_dir, path) = library();
    let first = back_up_if_changed(&path, T0, &crate::prefs::DEFAULT_KEEP_POLICY)
        .unwrap()
        .expect("no backup yet: one is made");
    assert!(first.good);
    assert!(
        back_up_if_changed(&path, T0 + HOUR, &crate::prefs::DEFAULT_KEEP_POLICY)
            .unwrap()
            .is_none(),
        "nothing changed since"
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    {
        let mut store = Store::open(&path).unwrap();
        add_document(&mut store, doc("The Treaty of Rome", 30)).unwrap();
    }
    let second = back_up_if_changed(&path, T0 + 2 * HOUR, &crate::prefs::DEFAULT_KEEP_POLICY)
        .unwrap()
        .expect("a change is backed up");
    assert_eq!(second.created_at, T0 + 2 * HOUR);
    assert!(
        back_up_if_changed(&path, T0 + 3 * HOUR, &crate::prefs::DEFAULT_KEEP_POLICY)
            .unwrap()
            .is_none()
    );
}

// ---- restore -------------------------------------------------------------

#[test]
fn restore_backs_up_the_current_library_then_puts_the_backup_in_place() {
    let (_dir, path) = library();
    let saved = open_snapshot(&path);
    let backup = Store::open(&path).unwrap().backup_now(T0).unwrap();
    {
        let mut store = Store::open(&path).unwrap();
        add_document(&mut store, doc("Added after the backup", 20)).unwrap();
    }
    let changed = open_snapshot(&path);
    let report = restore_backup(&path, Path::new(&backup.path), T0 + HOUR).unwrap();
    assert!(report.moved_aside.is_none());
    let safety = report
        .safety_backup
        .expect("the current library was backed up first");
    assert!(safety.good);
    assert!(!sidecar(&path, "-wal").exists());
    assert_eq!(open_snapshot(&path), saved, "the library is the backup's");
    let copy = Store::open(&safety.path).unwrap();
    assert_eq!(
        snapshot(copy.connection()),
        changed,
        "and the library as it was is kept"
    );
    assert!(!path
        .parent()
        .unwrap()
        .join(".clio.sqlite3.restore.partial")
        .exists());
}

#[test]
fn a_window_that_closes_its_store_can_restore_at_once_checkpoint_thread_and_all() {
    let (_dir, path) = library();
    let saved = open_snapshot(&path);
    let mut window = Store::open(&path).unwrap();
    window
        .defer_checkpoints(std::time::Duration::from_secs(3600))
        .unwrap();
    let backup = window.backup_now(T0).unwrap();
    add_document(&mut window, doc("Written after the backup", 20)).unwrap();
    assert!(sidecar(&path, "-wal").exists(), "the change is in the WAL");
    // Dropping the store stops its checkpoint thread and closes both connections,
    // so nothing holds the file when the restore swaps it.
    drop(window);
    let report = restore_backup(&path, Path::new(&backup.path), T0 + HOUR).unwrap();
    assert_eq!(open_snapshot(&path), saved, "the library is the backup's");
    let safety = Store::open(report.safety_backup.unwrap().path).unwrap();
    let titles: Vec<String> = safety
        .list_documents()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert!(
        titles.contains(&"Written after the backup".to_string()),
        "the change is in the safety backup: {titles:?}"
    );
}

#[test]
fn a_backup_restores_where_there_is_no_library_yet() {
    let (_dir, path) = library();
    let saved = open_snapshot(&path);
    let backup = Store::open(&path).unwrap().backup_now(T0).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("new").join("clio.sqlite3");
    let report = restore_backup(&target, Path::new(&backup.path), T0).unwrap();
    assert!(report.safety_backup.is_none() && report.moved_aside.is_none());
    assert_eq!(open_snapshot(&target), saved);
}

#[test]
fn restore_refuses_a_damaged_backup_and_changes_nothing() {
    let (dir, path) = library();
    let bad = dir.path().join("backups").join(backup_file_name(T0, 1));
    fs::create_dir_all(bad.parent().unwrap()).unwrap();
    fs::write(&bad, vec![7u8; 8192]).unwrap();
    let before = fs::read(&path).unwrap();
    let err = restore_backup(&path, &bad, T0).unwrap_err().to_string();
    assert!(
        err.contains("cannot be restored") && err.contains("Nothing was changed"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        list_backups(&path).unwrap().len(),
        1,
        "no safety backup was needed"
    );
}

#[test]
fn restore_refuses_while_the_library_is_open_elsewhere() {
    let (_dir, path) = library();
    let backup = Store::open(&path).unwrap().backup_now(T0).unwrap();
    let mut window = Store::open(&path).unwrap();
    add_document(&mut window, doc("Written by the window", 20)).unwrap();
    let err = restore_backup(&path, Path::new(&backup.path), T0 + HOUR)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("open in another Clio") || err.contains("still in use"),
        "{err}"
    );
    assert_eq!(
        window.list_documents().unwrap().len(),
        3,
        "the window's library is untouched"
    );
    drop(window);
    assert_eq!(
        Store::open(&path).unwrap().list_documents().unwrap().len(),
        3
    );
}

// ---- the start-up check and the faults ------------------------------------

#[test]
fn the_start_check_passes_a_good_library_a_new_one_and_one_open_in_the_window() {
    let (dir, path) = library();
    let check = check_at_start(&path).unwrap();
    assert!(!check.is_new);
    assert!(
        check_at_start(&dir.path().join("new.sqlite3"))
            .unwrap()
            .is_new
    );
    let mut window = Store::open(&path).unwrap();
    window
        .defer_checkpoints(std::time::Duration::from_secs(3600))
        .unwrap();
    add_document(&mut window, doc("In the WAL", 20)).unwrap();
    assert!(!check_at_start(&path).unwrap().is_new);
    let (store, _) = open_checked(&path).unwrap();
    assert_eq!(store.list_documents().unwrap().len(), 3);
}

/// The check reads without writing: the file's bytes are the same after it,
/// and no WAL frame was written.
fn assert_untouched(path: &Path, before: &[u8]) {
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "the damaged file was not written to"
    );
    // A read-only connection may create SQLite's empty -wal and -shm files; it never writes a frame.
    let wal = fs::metadata(sidecar(path, "-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    assert_eq!(wal, 0, "nothing was written to a WAL");
}

#[test]
fn a_truncated_library_is_reported_with_the_newest_good_backup_and_restored_from_it() {
    let (dir, path) = library();
    let saved = open_snapshot(&path);
    let backup = Store::open(&path).unwrap().backup_now(T0).unwrap();
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let before = fs::read(&path).unwrap();

    let err = check_at_start(&path).unwrap_err();
    match &err {
        Error::Damaged {
            newest_good_backup, ..
        } => assert_eq!(newest_good_backup.as_deref(), Some(Path::new(&backup.path))),
        other => panic!("expected Damaged, got {other}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("is damaged")
            && message.contains("did not change it")
            && message.contains("clio restore"),
        "{message}"
    );
    // the window's start screen: its own words, and the backup to offer
    let problem = library_problem(&err);
    assert!(
        problem.damaged
            && problem.message.contains("is damaged")
            && !problem.message.contains("clio restore")
    );
    let offered = problem.newest_good_backup.expect("a backup is offered");
    assert!(offered.good && offered.path == backup.path);
    let other = library_problem(&Error::ReadOnly { path: None });
    assert!(!other.damaged && other.newest_good_backup.is_none());
    assert_untouched(&path, &before);
    assert!(open_checked(&path).is_err(), "open_checked refuses too");
    assert_untouched(&path, &before);

    let report = restore_backup(&path, Path::new(&backup.path), T0 + HOUR).unwrap();
    let aside = PathBuf::from(report.moved_aside.expect("the damaged file is moved aside"));
    assert!(
        aside.starts_with(dir.path())
            && aside
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("clio.sqlite3.damaged-")
    );
    assert_eq!(fs::read(&aside).unwrap(), before, "and kept as it was");
    assert!(report.safety_backup.is_none());
    assert_eq!(
        open_snapshot(&path),
        saved,
        "everything saved before the backup is back"
    );
    assert!(!check_at_start(&path).unwrap().is_new);
}

#[test]
fn a_corrupted_page_is_found_by_the_start_check_and_the_file_is_left_alone() {
    let (_dir, path) = library();
    let backup = Store::open(&path).unwrap().backup_now(T0).unwrap();
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 6 * page);
    for (i, b) in bytes[page + 8..5 * page].iter_mut().enumerate() {
        *b = (i * 131 % 251) as u8;
    }
    fs::write(&path, &bytes).unwrap();
    let err = check_at_start(&path).unwrap_err();
    assert!(
        matches!(&err, Error::Damaged { newest_good_backup: Some(b), .. } if b == Path::new(&backup.path)),
        "{err}"
    );
    assert_untouched(&path, &bytes);
    // the backup is intact and restores
    restore_backup(&path, Path::new(&backup.path), T0 + HOUR).unwrap();
    assert_eq!(Store::open(&path).unwrap().integrity_check().unwrap(), "ok");
}

#[test]
fn an_empty_library_file_with_backups_beside_it_is_damaged_not_new() {
    let (dir, path) = library();
    let backup = Store::open(&path).unwrap().backup_now(T0).unwrap();
    fs::write(&path, b"").unwrap();
    let err = check_at_start(&path).unwrap_err();
    assert!(
        matches!(&err, Error::Damaged { reason, newest_good_backup: Some(b), .. } if reason.contains("empty") && b == Path::new(&backup.path)),
        "{err}"
    );
    // without backups, an empty file is simply a new library
    let other = dir.path().join("elsewhere").join("fresh.sqlite3");
    fs::create_dir_all(other.parent().unwrap()).unwrap();
    fs::write(&other, b"").unwrap();
    assert!(check_at_start(&other).unwrap().is_new);
}

#[test]
fn a_damaged_library_without_backups_says_so() {
    let (_dir, path) = library();
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    let message = check_at_start(&path).unwrap_err().to_string();
    assert!(
        message.contains("No good backup was found") && message.contains("keep the file"),
        "{message}"
    );
}

#[test]
fn a_read_only_library_refuses_the_write_with_a_clear_message_and_keeps_its_data() {
    // SQLite-level simulation (works as root, where chmod does not stop writes):
    // the connection is made read-only after the library was populated.
    let (_dir, path) = library();
    let saved = open_snapshot(&path);
    let mut store = Store::open(&path).unwrap();
    store
        .connection()
        .pragma_update(None, "query_only", true)
        .unwrap();
    let err = add_document(&mut store, doc("Cannot be saved", 20)).unwrap_err();
    assert!(matches!(err, Error::ReadOnly { .. }), "{err:?}");
    let message = err.at(&path).to_string();
    assert!(
        message.contains("cannot be written")
            && message.contains("everything saved before it is intact"),
        "{message}"
    );
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    let err = crate::export::import_json(
        &mut store,
        &serde_json::json!({"format": "clio-library", "formatVersion": 1, "tables": {}}),
        true,
    );
    assert!(matches!(err, Err(Error::ReadOnly { .. })), "{err:?}");
    drop(store);
    assert_eq!(open_snapshot(&path), saved);
}

#[test]
fn a_read_only_folder_gives_the_read_only_message() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = library();
    let saved = open_snapshot(&path);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.path().join("probe");
    if fs::write(&probe, b"x").is_ok() {
        // Running as root: permissions do not stop writes; the SQLite-level test above covers this.
        let _ = fs::remove_file(&probe);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: chmod has no effect for this user (root); see the query_only test");
        return;
    }
    let err = Store::open(&path)
        .err()
        .expect("the library cannot be opened for writing");
    let backup_err = restore_backup(&path, &path, T0).err();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(err, Error::ReadOnly { .. }), "{err}");
    assert!(backup_err.is_some());
    assert_eq!(open_snapshot(&path), saved);
}

#[test]
fn a_full_disk_stops_the_write_with_a_clear_message_and_keeps_everything_saved_before() {
    let (_dir, path) = library();
    let mut store = Store::open(&path).unwrap();
    let pages: i64 = store
        .connection()
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    // SQLite's own full-disk path: the database may not grow past a few more pages.
    store
        .connection()
        .pragma_update(None, "max_page_count", pages + 6)
        .unwrap();
    let mut saved = snapshot(store.connection());
    let mut added = 0;
    let err = loop {
        match add_document(&mut store, doc(&format!("Treaty number {added}"), 600)) {
            Ok(_) => {
                added += 1;
                saved = snapshot(store.connection());
            }
            Err(e) => break e,
        }
        assert!(added < 100, "the limit was never reached");
    };
    assert!(added >= 1, "some documents fit before the disk filled");
    assert!(matches!(err, Error::DiskFull { .. }), "{err:?}");
    let message = err.at(&path).to_string();
    assert!(
        message.contains("is full")
            && message.contains("everything saved before it is intact")
            && message.contains("Free some disk space"),
        "{message}"
    );

    // A whole import is one transaction: it fails whole.
    let export = crate::export::export_json(&store, serde_json::Value::Null, T0).unwrap();
    let mut big = export.clone();
    big["tables"]["documents"][0]["body"] = serde_json::json!("x".repeat(200_000));
    big["tables"]["documents"][0]["uid"] = serde_json::json!("another");
    big["tables"]["documents"][0]["content_hash"] = serde_json::json!("another");
    big["tables"]["documents"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    for table in [
        "document_revisions",
        "document_tags",
        "annotations",
        "cards",
        "card_schedule",
        "review_log",
        "quiz_answers",
        "quiz_sessions",
        "scheduler_presets",
        "app_meta",
    ] {
        big["tables"][table] = serde_json::json!([]);
    }
    big["tables"]["documents"][0]["category_id"] = serde_json::Value::Null;
    let err = crate::export::import_json(&mut store, &big, true).unwrap_err();
    assert!(matches!(err, Error::DiskFull { .. }), "{err:?}");
    assert_eq!(
        snapshot(store.connection()),
        saved,
        "nothing of the failed import stays"
    );
    drop(store);

    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        snapshot(reopened.connection()),
        saved,
        "after reopening, every saved row is there"
    );
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
}
