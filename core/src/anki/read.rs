//! Reading an `.apkg`: the collection inside it (`collection.anki21b`, the
//! newest format: zstd-compressed, schema 18; else `collection.anki21`, else
//! `collection.anki2`: schema 11), its notes turned into cards grouped by
//! deck, with their schedules and review history.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::Value;
use zip::ZipArchive;

use super::fields::{category_tag, cloze_numbers, from_cloze, to_text};
use super::schema::BASIC_FIELDS;
use crate::cards::CardKind;
use crate::error::{Error, Result};
use crate::interchange::{
    CardImportReport, CardSchedule, IncomingCard, IncomingGroup, Phase, Progress, ReviewEntry,
};
use crate::library::SourceFormat;
use crate::schedule::{memory_from_sm2, QueueState, Schedule, DAY_MS};

const HOW_TO_EXPORT: &str =
    "Export it again from Anki with File → Export → “Anki Deck Package (*.apkg)”";

/// "x.apkg is not an Anki package: {why}. Export it again …"
fn not_anki(path: &Path, why: &str) -> Error {
    Error::Invalid(format!(
        "{} is not an Anki package: {why}. {HOW_TO_EXPORT}. Nothing was imported.",
        path.display()
    ))
}

/// A note type, as much as the import needs of it.
struct NoteType {
    cloze: bool,
    fields: Vec<String>,
    templates: usize,
}

impl NoteType {
    fn is_clio_basic(&self) -> bool {
        self.fields.iter().map(String::as_str).eq(BASIC_FIELDS)
    }

    fn field(&self, values: &[String], name: &str) -> Option<String> {
        let at = self.fields.iter().position(|f| f == name)?;
        values.get(at).cloned()
    }
}

struct Note {
    id: i64,
    model: i64,
    tags: String,
    fields: Vec<String>,
}

struct AnkiCard {
    id: i64,
    note: i64,
    deck: i64,
    ord: i64,
    kind: i64,
    queue: i64,
    due: i64,
    ivl: i64,
    factor: i64,
    reps: i64,
    lapses: i64,
    data: String,
}

struct Revlog {
    at: i64,
    ease: i64,
    ivl: i64,
    kind: i64,
    time: i64,
}

/// The largest collection unpacked from a package: 1 GiB. A deck of tens of
/// thousands of notes with years of history is a few hundred MB; a package
/// whose collection grows past this is refused before it fills the disk (a
/// package of a few hundred bytes can expand to gigabytes).
pub(crate) const MAX_COLLECTION_BYTES: u64 = 1024 * 1024 * 1024;
/// The largest note read: its fields together at most 10 MB, the limit of any
/// imported document. A larger note is skipped with a warning.
pub(crate) const MAX_NOTE_BYTES: u64 = crate::import::MAX_FILE_BYTES;
/// The prefix of the temporary collection files (`clio-apkg-PID-STAMP.sqlite`).
const TEMP_PREFIX: &str = "clio-apkg-";

/// The collection file unpacked to a temporary file, removed when dropped,
/// with any file SQLite kept beside it.
struct Unpacked(PathBuf);

impl Drop for Unpacked {
    fn drop(&mut self) {
        remove_with_sidecars(&self.0);
    }
}

fn remove_with_sidecars(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = fs::remove_file(PathBuf::from(side));
    }
}

/// Removes collections left in the temporary folder by an import that was
/// killed (its process is gone, or the file is a day old where processes
/// cannot be looked up).
fn remove_stale_unpacked(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(TEMP_PREFIX) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let proc_root = Path::new("/proc/self");
        let gone = if proc_root.exists() {
            !Path::new(&format!("/proc/{pid}")).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if gone {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Copies at most `limit` bytes; `Ok(false)` when there was more.
fn copy_limited(from: &mut impl io::Read, to: &mut impl io::Write, limit: u64) -> io::Result<bool> {
    let copied = io::copy(&mut io::Read::take(&mut *from, limit + 1), to)?;
    Ok(copied <= limit)
}

/// Unpacks the package's collection into a temporary file.
fn unpack(path: &Path) -> Result<Unpacked> {
    let file = File::open(path).map_err(|e| crate::store::file_error("could not read", path, e))?;
    let mut zip = ZipArchive::new(file).map_err(|_| {
        not_anki(
            path,
            "it is not a zip file (it may be damaged or cut short)",
        )
    })?;
    let names: HashSet<String> = zip.file_names().map(str::to_owned).collect();
    // The newest format (Anki 2.1.50+) sits beside a stub of the older one
    // for old Ankis; else the older formats, newest first.
    let (name, compressed) = if names.contains("collection.anki21b") {
        ("collection.anki21b", true)
    } else if names.contains("collection.anki21") {
        ("collection.anki21", false)
    } else if names.contains("collection.anki2") {
        ("collection.anki2", false)
    } else {
        return Err(not_anki(
            path,
            "it has no collection.anki2, collection.anki21 or collection.anki21b inside",
        ));
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let temp = std::env::temp_dir();
    remove_stale_unpacked(&temp);
    let target = temp.join(format!(
        "{TEMP_PREFIX}{}-{stamp}.sqlite",
        std::process::id()
    ));
    let unpacked = Unpacked(target);
    let copied = (|| -> io::Result<bool> {
        let mut entry = zip.by_name(name).map_err(io::Error::other)?;
        let mut out = io::BufWriter::new(File::create(&unpacked.0)?);
        let within = if compressed {
            let mut decoder = zstd::stream::read::Decoder::new(&mut entry)?;
            copy_limited(&mut decoder, &mut out, collection_limit())?
        } else {
            copy_limited(&mut entry, &mut out, collection_limit())?
        };
        if within {
            // Read the entry to its end: the zip reader checks the CRC there
            // (the zstd decoder stops at its frame's end without reaching it).
            io::copy(&mut entry, &mut io::sink())?;
        }
        out.into_inner().map_err(|e| e.into_error())?;
        Ok(within)
    })();
    match copied {
        Ok(true) => {}
        Ok(false) => {
            return Err(Error::Invalid(format!(
                "{} cannot be imported: its collection unpacks to more than {} MB, more than any deck needs \
                 (the package may be damaged or made to fill the disk). Nothing was imported.",
                path.display(),
                collection_limit() / 1_048_576
            )))
        }
        Err(e) if e.to_string().contains("checksum") => {
            return Err(not_anki(
                path,
                &format!("its {name} is damaged (its checksum does not match)"),
            ))
        }
        Err(e) => return Err(not_anki(path, &format!("its {name} cannot be unpacked ({e})"))),
    }
    // Schema-18 collections are in WAL mode: reading one would leave -wal
    // and -shm files beside it. Marked as a rollback-journal file (header
    // bytes 18 and 19), it is read as one self-contained file.
    set_rollback_journal(&unpacked.0)
        .map_err(|e| not_anki(path, &format!("its {name} cannot be unpacked ({e})")))?;
    Ok(unpacked)
}

/// The unpacked-size budget: [`MAX_COLLECTION_BYTES`], or a smaller one a
/// unit test sets (so a bomb test need not write a gigabyte).
fn collection_limit() -> u64 {
    #[cfg(test)]
    {
        let limit = TEST_COLLECTION_LIMIT.load(std::sync::atomic::Ordering::Relaxed);
        if limit > 0 {
            return limit;
        }
    }
    MAX_COLLECTION_BYTES
}

#[cfg(test)]
pub(crate) static TEST_COLLECTION_LIMIT: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(0);

fn set_rollback_journal(path: &Path) -> io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = fs::OpenOptions::new().read(true).write(true).open(path)?;
    let mut header = [0u8; 20];
    if io::Read::read_exact(&mut file, &mut header).is_err() {
        return Ok(()); // too short to be a database: opening it says so
    }
    if header.starts_with(b"SQLite format 3\0") && (header[18] == 2 || header[19] == 2) {
        file.seek(SeekFrom::Start(18))?;
        file.write_all(&[1, 1])?;
    }
    Ok(())
}

/// Reads a package into groups of cards, one per deck that holds cards.
/// Counts converted and skipped notes into `report`.
pub(super) fn read_package(
    path: &Path,
    report: &mut CardImportReport,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<IncomingGroup>> {
    let unpacked = unpack(path)?;
    let conn = Connection::open_with_flags(&unpacked.0, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| not_anki(path, "its collection cannot be opened"))?;
    let damaged = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            not_anki(
                path,
                "its collection is not an SQLite database (the package is damaged)",
            )
        }
        _ => not_anki(path, &format!("its collection cannot be read ({e})")),
    };
    for table in ["col", "notes", "cards"] {
        let found: Option<i64> = conn
            .query_row(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .optional()
            .map_err(damaged)?;
        if found.is_none() {
            return Err(not_anki(
                path,
                &format!("its collection has no “{table}” table"),
            ));
        }
    }
    let (crt, models, decks): (i64, String, String) = conn
        .query_row("SELECT crt, models, decks FROM col LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()
        .map_err(damaged)?
        .ok_or_else(|| not_anki(path, "its collection has no settings row"))?;
    let schema18: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'notetypes'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(damaged)?;
    // Schema 11 keeps note types and decks as JSON in `col`; schema 18 (the
    // newest format) in tables of their own.
    let (note_types, deck_names) = if schema18.is_some() {
        (
            read_note_types_18(&conn).map_err(damaged)?,
            read_decks_18(&conn).map_err(damaged)?,
        )
    } else {
        let types = parse_note_types(&models)
            .ok_or_else(|| not_anki(path, "its note types cannot be read"))?;
        (types, parse_decks(&decks))
    };
    let (notes, oversized) = read_notes(&conn).map_err(damaged)?;
    if oversized > 0 {
        report.skipped_notes += oversized;
        report.warnings.push(format!(
            "{oversized} note(s) were skipped: their fields hold more than {} MB of text, more than any card (the limit of an imported text).",
            MAX_NOTE_BYTES / 1_048_576
        ));
    }
    let cards = read_cards(&conn).map_err(damaged)?;
    let revlog = read_revlog(&conn).map_err(damaged)?;
    drop(conn);
    drop(unpacked);

    let total = notes.len() as u64;
    let mut groups: BTreeMap<i64, IncomingGroup> = BTreeMap::new();
    let mut by_note: HashMap<i64, Vec<&AnkiCard>> = HashMap::new();
    for card in &cards {
        by_note.entry(card.note).or_default().push(card);
    }
    for (done, note) in notes.iter().enumerate() {
        let done = done as u64 + 1;
        if done % 500 == 0 || done == total {
            progress(Progress {
                phase: Phase::Unpacking,
                done,
                total,
            });
        }
        let Some(note_type) = note_types.get(&note.model) else {
            report.skipped_notes += 1;
            continue;
        };
        let mut note_cards = by_note.remove(&note.id).unwrap_or_default();
        note_cards.sort_by_key(|c| c.ord);
        let made = if note_type.cloze {
            cloze_cards(note, &note_cards, crt, &revlog)
        } else {
            let card = basic_card(note, note_type, note_cards.first().copied(), crt, &revlog);
            if card.is_some()
                && !note_type.is_clio_basic()
                && (note_type.templates != 1 || note_type.fields.len() != 2)
            {
                report.converted_notes += 1;
            }
            card.into_iter().collect()
        };
        if made.is_empty() {
            report.skipped_notes += 1;
        }
        for (deck, card) in made {
            let group = groups
                .entry(deck)
                .or_insert_with(|| new_group(path, deck_names.get(&deck).map(String::as_str)));
            group.cards.push(card);
        }
    }
    // Drop the tag each card got from its deck's path on a Clio export.
    for group in groups.values_mut() {
        let mut levels = group.category_path.clone();
        levels.push(group.title.clone());
        let own = [category_tag(&group.category_path), category_tag(&levels)];
        for card in &mut group.cards {
            card.tags = card
                .tags
                .split_whitespace()
                .filter(|t| !own.iter().flatten().any(|o| o == t))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    Ok(groups.into_values().collect())
}

/// The group of a deck: "History::Cold War" is the document “Cold War” in the category History.
fn new_group(path: &Path, deck: Option<&str>) -> IncomingGroup {
    let fallback = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Anki".into());
    let mut levels: Vec<String> = deck
        .unwrap_or(&fallback)
        .split("::")
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let title = levels.pop().unwrap_or(fallback);
    IncomingGroup {
        title,
        category_path: levels,
        source: Some(path.display().to_string()),
        format: SourceFormat::Apkg,
        cards: Vec::new(),
    }
}

fn parse_note_types(json: &str) -> Option<HashMap<i64, NoteType>> {
    let value: Value = serde_json::from_str(json).ok()?;
    let mut out = HashMap::new();
    for (id, model) in value.as_object()? {
        let id: i64 = id.parse().ok()?;
        let fields = model["flds"]
            .as_array()?
            .iter()
            .filter_map(|f| f["name"].as_str().map(str::to_owned))
            .collect();
        out.insert(
            id,
            NoteType {
                cloze: model["type"].as_i64() == Some(1),
                fields,
                templates: model["tmpls"].as_array().map_or(1, Vec::len),
            },
        );
    }
    Some(out)
}

fn parse_decks(json: &str) -> HashMap<i64, String> {
    let value: Value = serde_json::from_str(json).unwrap_or(Value::Null);
    let mut out = HashMap::new();
    if let Some(decks) = value.as_object() {
        for (id, deck) in decks {
            if let (Ok(id), Some(name)) = (id.parse::<i64>(), deck["name"].as_str()) {
                out.insert(id, name.to_owned());
            }
        }
    }
    out
}

/// Note types of a schema-18 collection: the kind is field 1 of the
/// protobuf `NotetypeConfig` in `notetypes.config` (1 = cloze).
fn read_note_types_18(conn: &Connection) -> rusqlite::Result<HashMap<i64, NoteType>> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare("SELECT id, config FROM notetypes")?;
    let rows: Vec<(i64, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, config) in rows {
        let mut fields =
            conn.prepare_cached("SELECT name FROM fields WHERE ntid = ?1 ORDER BY ord")?;
        let fields: Vec<String> = fields
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let templates: i64 = conn.query_row(
            "SELECT count(*) FROM templates WHERE ntid = ?1",
            [id],
            |r| r.get(0),
        )?;
        let cloze = protobuf_varint(&config, 1) == Some(1);
        out.insert(
            id,
            NoteType {
                cloze,
                fields,
                templates: templates as usize,
            },
        );
    }
    Ok(out)
}

/// Deck names of a schema-18 collection, whose levels are separated by U+001F.
fn read_decks_18(conn: &Connection) -> rusqlite::Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare("SELECT id, name FROM decks")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?.replace('\x1f', "::"),
        ))
    })?;
    rows.collect()
}

/// The value of varint field `number` at the top level of a protobuf message.
pub(super) fn protobuf_varint(bytes: &[u8], number: u64) -> Option<u64> {
    fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let mut at = 0;
    while at < bytes.len() {
        let key = varint(bytes, &mut at)?;
        match key & 7 {
            0 => {
                let value = varint(bytes, &mut at)?;
                if key >> 3 == number {
                    return Some(value);
                }
            }
            1 => at += 8,
            2 => at += varint(bytes, &mut at)? as usize,
            5 => at += 4,
            _ => return None,
        }
    }
    None
}

/// The notes, and how many were left out for fields over [`MAX_NOTE_BYTES`]
/// (never read into memory).
fn read_notes(conn: &Connection) -> rusqlite::Result<(Vec<Note>, u64)> {
    let mut stmt = conn.prepare(
        "SELECT id, mid, tags, CASE WHEN length(CAST(flds AS BLOB)) > ?1 THEN NULL ELSE flds END
         FROM notes ORDER BY id",
    )?;
    let mut oversized = 0;
    let mut notes = Vec::new();
    let mut rows = stmt.query([MAX_NOTE_BYTES as i64])?;
    while let Some(r) = rows.next()? {
        let Some(fields) = r.get::<_, Option<String>>(3)? else {
            oversized += 1;
            continue;
        };
        notes.push(Note {
            id: r.get(0)?,
            model: r.get(1)?,
            tags: r.get(2)?,
            fields: fields.split('\x1f').map(str::to_owned).collect(),
        });
    }
    Ok((notes, oversized))
}

fn read_cards(conn: &Connection) -> rusqlite::Result<Vec<AnkiCard>> {
    let mut stmt = conn.prepare(
        // A card in a filtered deck belongs to its original deck (odid).
        "SELECT id, nid, CASE WHEN odid <> 0 THEN odid ELSE did END, ord, type, queue,
                CASE WHEN odid <> 0 AND odue <> 0 THEN odue ELSE due END, ivl, factor, reps, lapses, data
         FROM cards ORDER BY nid, ord",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(AnkiCard {
            id: r.get(0)?,
            note: r.get(1)?,
            deck: r.get(2)?,
            ord: r.get(3)?,
            kind: r.get(4)?,
            queue: r.get(5)?,
            due: r.get(6)?,
            ivl: r.get(7)?,
            factor: r.get(8)?,
            reps: r.get(9)?,
            lapses: r.get(10)?,
            data: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
        })
    })?;
    rows.collect()
}

/// Each card's answers in time order (a package without a revlog table has none).
fn read_revlog(conn: &Connection) -> rusqlite::Result<HashMap<i64, Vec<Revlog>>> {
    let exists: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'revlog'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let mut out: HashMap<i64, Vec<Revlog>> = HashMap::new();
    if exists.is_none() {
        return Ok(out);
    }
    let mut stmt =
        conn.prepare("SELECT id, cid, ease, ivl, type, time FROM revlog ORDER BY cid, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(1)?).or_default().push(Revlog {
            at: r.get(0)?,
            ease: r.get(2)?,
            ivl: r.get(3)?,
            kind: r.get(4)?,
            time: r.get(5)?,
        });
    }
    Ok(out)
}

/// A note of a standard note type as one question card (its first card's
/// deck and schedule): front and back from the first two fields, or for
/// Clio's own note type its kind and choices too.
fn basic_card(
    note: &Note,
    note_type: &NoteType,
    card: Option<&AnkiCard>,
    crt: i64,
    revlog: &HashMap<i64, Vec<Revlog>>,
) -> Option<(i64, IncomingCard)> {
    let card = card?;
    let prompt = to_text(note.fields.first()?);
    if prompt.is_empty() {
        return None;
    }
    let answer = note.fields.get(1).map(|f| to_text(f)).unwrap_or_default();
    let mut kind = CardKind::Question;
    let mut choices = Vec::new();
    if note_type.is_clio_basic() {
        if let Some(k) = note_type.field(&note.fields, "Clio kind") {
            kind = CardKind::from_db(to_text(&k).trim());
        }
        if let Some(c) = note_type.field(&note.fields, "Choices") {
            choices = to_text(&c).lines().map(str::to_owned).collect();
        }
    }
    Some((
        card.deck,
        incoming(card, kind, prompt, answer, choices, note, crt, revlog),
    ))
}

/// A cloze note as one card per deletion number.
fn cloze_cards(
    note: &Note,
    cards: &[&AnkiCard],
    crt: i64,
    revlog: &HashMap<i64, Vec<Revlog>>,
) -> Vec<(i64, IncomingCard)> {
    let text = note.fields.first().map(|f| to_text(f)).unwrap_or_default();
    let numbers = cloze_numbers(&text);
    let mut out = Vec::new();
    for card in cards {
        let number = card.ord + 1;
        if !numbers.contains(&(number as u32)) {
            continue;
        }
        if let Some((prompt, answer)) = from_cloze(&text, number as u32) {
            if !prompt.trim().is_empty() && !answer.trim().is_empty() {
                out.push((
                    card.deck,
                    incoming(
                        card,
                        CardKind::Cloze,
                        prompt,
                        answer,
                        Vec::new(),
                        note,
                        crt,
                        revlog,
                    ),
                ));
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn incoming(
    card: &AnkiCard,
    kind: CardKind,
    prompt: String,
    answer: String,
    choices: Vec<String>,
    note: &Note,
    crt: i64,
    revlog: &HashMap<i64, Vec<Revlog>>,
) -> IncomingCard {
    let reviews = reviews_of(revlog.get(&card.id).map(Vec::as_slice).unwrap_or_default());
    IncomingCard {
        kind,
        prompt,
        answer,
        choices,
        tags: note.tags.split_whitespace().collect::<Vec<_>>().join(" "),
        schedule: schedule_of(card, crt, &reviews),
        reviews,
    }
}

/// The review log of a card: answers only (not Anki's manual reschedules, which have no grade).
fn reviews_of(entries: &[Revlog]) -> Vec<ReviewEntry> {
    let mut out: Vec<ReviewEntry> = Vec::new();
    for e in entries.iter().filter(|e| (1..=4).contains(&e.ease)) {
        let before = match e.kind {
            0 if out.is_empty() => QueueState::New,
            0 => QueueState::Learning,
            2 => QueueState::Relearning,
            _ => QueueState::Review,
        };
        let after = if e.ivl > 0 {
            QueueState::Review
        } else if e.ease == 1 && matches!(before, QueueState::Review | QueueState::Relearning) {
            QueueState::Relearning
        } else {
            QueueState::Learning
        };
        let due_after = match e.ivl {
            i if i > 0 => Some(e.at + i * DAY_MS),
            i if i < 0 => Some(e.at - i * 1000),
            _ => None,
        };
        let elapsed_days = out
            .last()
            .map(|p| (e.at - p.reviewed_at) as f64 / DAY_MS as f64);
        out.push(ReviewEntry {
            reviewed_at: e.at,
            rating: e.ease as u8,
            state_before: before,
            state_after: after,
            due_after,
            duration_ms: (e.time > 0).then_some(e.time),
            elapsed_days,
            rescheduled: false,
        });
    }
    out
}

/// A card's schedule in Clio's terms; `None` for a new card (it joins the
/// new cards in order). The FSRS memory state is Anki's when it kept one
/// (`data.s`, `data.d`), else estimated from the SM-2 ease and interval of a
/// review card, else left empty (FSRS then starts from the next answer).
fn schedule_of(card: &AnkiCard, crt: i64, reviews: &[ReviewEntry]) -> Option<CardSchedule> {
    let state = match card.kind {
        1 => QueueState::Learning,
        2 => QueueState::Review,
        3 => QueueState::Relearning,
        _ => QueueState::New,
    };
    let suspended = card.queue == -1;
    if state == QueueState::New {
        return suspended.then(|| CardSchedule {
            schedule: Schedule::new_card(),
            suspended,
            new_position: None,
        });
    }
    let data: Value = serde_json::from_str(&card.data).unwrap_or(Value::Null);
    // Learning cards in the learning queue are due at a time (seconds); the
    // others on a day counted from the collection's creation.
    let due = if card.queue == 1 || (state.is_intraday() && card.due > 1_000_000_000) {
        card.due * 1000
    } else {
        (crt + card.due * 86_400) * 1000
    };
    let last_review_at = data["lrt"]
        .as_i64()
        .map(|s| s * 1000)
        .or_else(|| reviews.last().map(|r| r.reviewed_at))
        .or_else(|| (state == QueueState::Review && card.ivl > 0).then(|| due - card.ivl * DAY_MS));
    let (mut stability, mut difficulty) = (
        data["s"].as_f64().map(|v| v as f32),
        data["d"].as_f64().map(|v| v as f32),
    );
    if stability.is_none() && card.ivl > 0 && card.factor > 0 && state != QueueState::Learning {
        if let Some((s, d)) = memory_from_sm2(card.factor as f32 / 1000.0, card.ivl as f32) {
            (stability, difficulty) = (Some(s), Some(d));
        }
    }
    Some(CardSchedule {
        schedule: Schedule {
            state,
            due: Some(due),
            stability,
            difficulty,
            step: 0,
            reps: card.reps.max(0) as u32,
            lapses: card.lapses.max(0) as u32,
            last_review_at,
        },
        suspended,
        new_position: None,
    })
}

#[cfg(test)]
mod limit_tests;
