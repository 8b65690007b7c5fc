//! The reader's limits: unpacked size, note size, the zip checksum, and the
//! temporary files it leaves (none).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use rusqlite::Connection;

use super::{read_package, TEMP_PREFIX, TEST_COLLECTION_LIMIT};
use crate::interchange::{CardImportReport, ExportScope};
use crate::store::Store;
use crate::test_support::{cards_of_every_kind, T0};

/// The unpacked-size budget in these tests (Clio's own test collections are
/// far smaller; a larger one fails only if it is a bomb).
const LIMIT: u64 = 16 * 1024 * 1024;

fn limited() {
    TEST_COLLECTION_LIMIT.store(LIMIT, Ordering::Relaxed);
}

/// The schema-11 collection of a package Clio exports, as bytes.
fn exported_collection(dir: &Path) -> Vec<u8> {
    let mut store = Store::open_in_memory().unwrap();
    cards_of_every_kind(&mut store);
    let package = dir.join("export.apkg");
    crate::anki::export_apkg(&store, &ExportScope::All, true, &package, T0, &mut |_| {}).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&package).unwrap()).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("collection.anki2").unwrap(), &mut bytes).unwrap();
    bytes
}

fn package(path: &Path, files: &[(&str, &[u8])], method: zip::CompressionMethod) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in files {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The collection as Anki 2.1.50+ packs it: WAL mode, zstd, as `collection.anki21b`.
fn modern_package(dir: &Path, collection: &[u8], method: zip::CompressionMethod) -> PathBuf {
    let db = dir.join("modern.anki2");
    std::fs::write(&db, collection).unwrap();
    {
        let conn = Connection::open(&db).unwrap();
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
    let wal = std::fs::read(&db).unwrap();
    assert_eq!(wal[18], 2, "the collection is in WAL mode");
    let path = dir.join("modern.apkg");
    package(
        &path,
        &[
            ("collection.anki2", b"stub"),
            (
                "collection.anki21b",
                &zstd::encode_all(&wal[..], 3).unwrap(),
            ),
        ],
        method,
    );
    path
}

fn read(path: &Path) -> crate::error::Result<(usize, CardImportReport)> {
    let mut report = CardImportReport::default();
    let groups = read_package(path, &mut report, &mut |_| {})?;
    Ok((groups.iter().map(|g| g.cards.len()).sum(), report))
}

/// Our temporary files (this process's), with SQLite's files beside them.
fn our_temp_files() -> Vec<String> {
    let ours = format!("{TEMP_PREFIX}{}-", std::process::id());
    std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&ours) && (n.ends_with("-wal") || n.ends_with("-shm")))
        .collect()
}

#[test]
fn a_modern_wal_mode_collection_reads_and_leaves_no_wal_or_shm() {
    limited();
    let dir = tempfile::tempdir().unwrap();
    let path = modern_package(
        dir.path(),
        &exported_collection(dir.path()),
        zip::CompressionMethod::Deflated,
    );
    let (cards, _) = read(&path).unwrap();
    assert!(cards > 3, "{cards}");
    assert!(our_temp_files().is_empty(), "{:?}", our_temp_files());
}

#[test]
fn a_checksum_that_does_not_match_is_found() {
    limited();
    let dir = tempfile::tempdir().unwrap();
    let path = modern_package(
        dir.path(),
        &exported_collection(dir.path()),
        zip::CompressionMethod::Stored,
    );
    // Change the CRC-32 of collection.anki21b in its local and central headers.
    let mut bytes = std::fs::read(&path).unwrap();
    let name = b"collection.anki21b";
    let mut changed = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (crc_at, name_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => (at + 14, at + 30),
            b"PK\x01\x02" => (at + 16, at + 46),
            _ => continue,
        };
        if bytes[name_at..].starts_with(name) {
            bytes[crc_at] ^= 0xff;
            changed += 1;
        }
    }
    assert_eq!(changed, 2);
    std::fs::write(&path, &bytes).unwrap();
    let err = read(&path).unwrap_err().to_string();
    assert!(err.contains("checksum"), "{err}");
}

#[test]
fn a_zstd_bomb_stops_at_the_budget_and_leaves_nothing() {
    limited();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.apkg");
    // RLE blocks of 128 KiB: 64 MiB of zeros from a few kilobytes.
    let mut frame = vec![0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38];
    let blocks = 512;
    for n in 0..blocks {
        let header: u32 = (131_072 << 3) | 2 | u32::from(n + 1 == blocks);
        frame.extend_from_slice(&header.to_le_bytes()[..3]);
        frame.push(0);
    }
    package(
        &path,
        &[
            ("collection.anki2", b"stub"),
            ("collection.anki21b", &frame),
        ],
        zip::CompressionMethod::Deflated,
    );
    let err = read(&path).unwrap_err().to_string();
    assert!(err.contains("unpacks to more than 16 MB"), "{err}");
}

#[test]
fn a_deflate_bomb_stops_at_the_budget() {
    limited();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.apkg");
    let zeros = vec![0u8; 32 * 1024 * 1024];
    package(
        &path,
        &[("collection.anki2", &zeros)],
        zip::CompressionMethod::Deflated,
    );
    assert!(std::fs::metadata(&path).unwrap().len() < 100_000);
    let err = read(&path).unwrap_err().to_string();
    assert!(err.contains("unpacks to more than"), "{err}");
}

#[test]
fn a_note_over_10_mb_is_skipped_with_a_warning() {
    limited();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.anki2");
    std::fs::write(&db, exported_collection(dir.path())).unwrap();
    let (notes, before) = {
        let conn = Connection::open(&db).unwrap();
        let notes: i64 = conn
            .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
            .unwrap();
        // 11 MB of text in the first note's fields.
        conn.execute(
            "UPDATE notes SET flds = flds || hex(zeroblob(5767168)) WHERE id = (SELECT min(id) FROM notes)",
            [],
        )
        .unwrap();
        (notes, read_cards_before(&dir.path().join("export.apkg")))
    };
    let path = dir.path().join("big.apkg");
    package(
        &path,
        &[("collection.anki2", &std::fs::read(&db).unwrap())],
        zip::CompressionMethod::Deflated,
    );
    let (cards, report) = read(&path).unwrap();
    assert!(notes > 1);
    assert!(cards < before, "{cards} of {before}");
    assert!(report.skipped_notes >= 1);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("more than 10 MB")),
        "{:?}",
        report.warnings
    );
}

fn read_cards_before(package: &Path) -> usize {
    read(package).unwrap().0
}

#[test]
fn a_killed_import_s_collection_is_removed_next_time() {
    limited();
    let dir = tempfile::tempdir().unwrap();
    // No process has this id (Linux allows at most 4,194,304).
    let stale = std::env::temp_dir().join(format!("{TEMP_PREFIX}999999999-1.sqlite"));
    std::fs::write(&stale, b"a collection a killed import left").unwrap();
    let path = modern_package(
        dir.path(),
        &exported_collection(dir.path()),
        zip::CompressionMethod::Deflated,
    );
    read(&path).unwrap();
    assert!(!stale.exists());
}
