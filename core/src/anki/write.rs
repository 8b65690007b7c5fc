//! Writing an `.apkg`: a legacy `collection.anki2` (schema 11) with one note
//! per card, and an empty `media` list, zipped.

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use rusqlite::{params, Connection};
use serde_json::{json, Value};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::fields::{category_tag, checksum, deck_name, html_text, to_cloze, to_html};
use super::schema;
use crate::cards::CardKind;
use crate::error::{Error, Result};
use crate::interchange::{OutgoingCard, Phase, Progress, ReviewEntry};
use crate::schedule::{QueueState, DAY_MS};

/// The deck of cards that belong to no document.
const LOOSE_DECK: &str = "Clio";

/// Ids unique within one table, at or just after the time they stand for
/// (Anki's ids are times in ms; a review's id is when it was given).
#[derive(Default)]
struct Ids(HashSet<i64>);

impl Ids {
    fn near(&mut self, wanted: i64) -> i64 {
        let mut id = wanted.max(1);
        while !self.0.insert(id) {
            id += 1;
        }
        id
    }
}

/// Increasing ids from a creation time on: note and card ids, where many
/// cards made in the same millisecond would make [`Ids::near`] quadratic.
struct Sequence(i64);

impl Sequence {
    fn next(&mut self, wanted: i64) -> i64 {
        self.0 = wanted.max(self.0 + 1);
        self.0
    }
}

/// Writes `cards` as an Anki package at `path` (through a temporary file
/// beside it, so `path` is never half-written). Returns the number of review
/// log rows written.
pub(super) fn write_package(
    cards: &[OutgoingCard],
    path: &Path,
    with_scheduling: bool,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<u64> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cards.apkg".into());
    let collection = path.with_file_name(format!(".{name}.collection.partial"));
    let package = path.with_file_name(format!(".{name}.partial"));
    if let Some(dir) = path.parent() {
        crate::export::remove_stale_partials(dir, &[".apkg"]);
    }
    let result = (|| {
        let _ = fs::remove_file(&collection);
        let reviews = write_collection(cards, &collection, with_scheduling, now, progress)?;
        zip_package(&collection, &package)
            .map_err(|e| crate::store::file_error("could not write the package", path, e))?;
        fs::rename(&package, path)
            .map_err(|e| crate::store::file_error("could not write the package", path, e))?;
        Ok(reviews)
    })();
    let _ = fs::remove_file(&collection);
    if result.is_err() {
        let _ = fs::remove_file(&package);
    }
    result
}

fn zip_package(collection: &Path, package: &Path) -> io::Result<()> {
    let mut zip = ZipWriter::new(File::create(package)?);
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("collection.anki2", options)?;
    io::copy(&mut File::open(collection)?, &mut zip)?;
    // No media: the list of media files is an empty JSON object.
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    zip.finish()?.sync_all()
}

/// The deck path of a card: its category path and its document's title.
fn deck_levels(card: &OutgoingCard) -> Vec<String> {
    match &card.document_title {
        Some(title) => card
            .category_path
            .iter()
            .cloned()
            .chain([title.clone()])
            .collect(),
        None => vec![LOOSE_DECK.to_owned()],
    }
}

fn write_collection(
    cards: &[OutgoingCard],
    file: &Path,
    with_scheduling: bool,
    now: i64,
    progress: &mut dyn FnMut(Progress),
) -> Result<u64> {
    let mut conn = Connection::open(file)?;
    conn.execute_batch(schema::DDL)?;
    let tx = conn.transaction()?;
    let now_secs = now / 1000;
    // Review due dates count days from the collection's creation: start it on
    // a day no due date or review precedes.
    let earliest = cards
        .iter()
        .filter_map(|c| c.schedule.as_ref())
        .filter_map(|s| {
            s.schedule
                .due
                .into_iter()
                .chain(s.schedule.last_review_at)
                .min()
        })
        .chain(
            cards
                .iter()
                .flat_map(|c| c.reviews.iter().map(|r| r.reviewed_at)),
        )
        .fold(now, i64::min);
    // Clio's review cards fall due at the start of the learner's day: let the
    // collection's days start at that hour too, so due dates come back exact.
    let day_start = cards
        .iter()
        .filter_map(|c| c.schedule.as_ref())
        .find(|s| s.schedule.state == QueueState::Review)
        .and_then(|s| s.schedule.due)
        .map_or(0, |due| due.rem_euclid(DAY_MS));
    let crt = ((earliest - day_start).div_euclid(DAY_MS) * DAY_MS + day_start) / 1000;

    // Decks, parents included, with ids in name order.
    let mut decks: BTreeMap<String, i64> = BTreeMap::new();
    for card in cards {
        let levels = deck_levels(card);
        for depth in 1..=levels.len() {
            decks.entry(deck_name(&levels[..depth])).or_insert(0);
        }
    }
    let mut decks_json = serde_json::Map::new();
    decks_json.insert("1".into(), schema::deck(1, "Default", now_secs));
    for (i, (name, id)) in decks.iter_mut().enumerate() {
        *id = now + 1 + i as i64;
        decks_json.insert(id.to_string(), schema::deck(*id, name, now_secs));
    }
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, ?3, 0, 0, 0, ?4, ?5, ?6, ?7, '{}')",
        params![
            crt,
            now,
            schema::VERSION,
            schema::collection_config(schema::BASIC_MODEL_ID).to_string(),
            schema::models(now_secs).to_string(),
            Value::Object(decks_json).to_string(),
            schema::deck_configs().to_string()
        ],
    )?;

    let (mut note_ids, mut card_ids, mut revlog_ids) = (Sequence(0), Sequence(0), Ids::default());
    let mut reviews = 0u64;
    let total = cards.len() as u64;
    for (i, card) in cards.iter().enumerate() {
        let note_id = note_ids.next(card.created_at);
        let (model, fields) = note_fields(card);
        // The sort field's text, tags stripped (only `<br>` can be in it).
        let sort_text = html_text(&fields[0].replace("<br>", " "));
        let mut tags: Vec<String> = category_tag(&card.category_path).into_iter().collect();
        tags.extend(card.tags.split_whitespace().map(str::to_owned));
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" {} ", tags.join(" "))
        };
        tx.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
            params![
                note_id,
                card.uid,
                model,
                now_secs,
                tags,
                fields.join("\x1f"),
                sort_text,
                checksum(&sort_text)
            ],
        )?;
        let card_id = card_ids.next(card.created_at);
        let deck = decks[&deck_name(&deck_levels(card))];
        let row = if with_scheduling {
            scheduled_row(card, crt, i as i64 + 1)
        } else {
            CardRow::new(i as i64 + 1)
        };
        tx.execute(
            "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, 0, 0, ?13)",
            params![
                card_id, note_id, deck, now_secs, row.kind, row.queue, row.due, row.ivl, row.factor, row.reps,
                row.lapses, row.left, row.data
            ],
        )?;
        if with_scheduling {
            let mut last_ivl = 0;
            for entry in &card.reviews {
                let ivl = revlog_interval(entry);
                tx.execute(
                    "INSERT INTO revlog VALUES (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        revlog_ids.near(entry.reviewed_at),
                        card_id,
                        if entry.rescheduled { 0 } else { entry.rating },
                        ivl,
                        last_ivl,
                        if entry.state_after == QueueState::Review {
                            2500
                        } else {
                            0
                        },
                        entry.duration_ms.unwrap_or(0).clamp(0, 60_000),
                        revlog_kind(entry)
                    ],
                )?;
                last_ivl = ivl;
                reviews += 1;
            }
        }
        let done = i as u64 + 1;
        if done % 200 == 0 || done == total {
            progress(Progress {
                phase: Phase::Writing,
                done,
                total,
            });
        }
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(reviews)
}

/// The note type and fields (HTML) of a card's note: a cloze with one blank
/// is a Cloze note; everything else a Basic note whose hidden `Clio kind`
/// field keeps its kind.
fn note_fields(card: &OutgoingCard) -> (i64, Vec<String>) {
    let mut source = card.source_text.as_deref().map(to_html).unwrap_or_default();
    if let Some(title) = &card.document_title {
        if !source.is_empty() {
            source.push_str("<br>");
        }
        source.push_str(&format!("<i>— {}</i>", to_html(title)));
    }
    if card.kind == CardKind::Cloze {
        if let Some(text) = to_cloze(&card.prompt, &card.answer) {
            return (schema::CLOZE_MODEL_ID, vec![text, source]);
        }
    }
    let choices = card
        .choices
        .iter()
        .map(|c| to_html(c))
        .collect::<Vec<_>>()
        .join("<br>");
    (
        schema::BASIC_MODEL_ID,
        vec![
            to_html(&card.prompt),
            to_html(&card.answer),
            choices,
            source,
            card.kind.as_str().to_owned(),
        ],
    )
}

/// The scheduling columns of an Anki card.
struct CardRow {
    kind: i64,
    queue: i64,
    due: i64,
    ivl: i64,
    factor: i64,
    reps: i64,
    lapses: i64,
    left: i64,
    data: String,
}

impl CardRow {
    /// A new card, `position` in the order new cards are shown.
    fn new(position: i64) -> CardRow {
        CardRow {
            kind: 0,
            queue: 0,
            due: position,
            ivl: 0,
            factor: 0,
            reps: 0,
            lapses: 0,
            left: 0,
            data: "{}".into(),
        }
    }
}

/// A card's schedule in Anki's terms: due dates of review cards in days since
/// `crt` (seconds), of (re)learning cards in seconds; the FSRS memory state in
/// `data` as Anki 23.10 and later keep it.
fn scheduled_row(card: &OutgoingCard, crt: i64, position: i64) -> CardRow {
    let Some(scheduled) = &card.schedule else {
        return CardRow::new(position);
    };
    let s = &scheduled.schedule;
    let mut row = CardRow::new(scheduled.new_position.unwrap_or(position));
    row.reps = i64::from(s.reps);
    row.lapses = i64::from(s.lapses);
    let due_secs = s.due.map(|d| d.div_euclid(1000));
    match s.state {
        QueueState::New => {}
        QueueState::Learning | QueueState::Relearning => {
            row.kind = if s.state == QueueState::Learning {
                1
            } else {
                3
            };
            row.queue = 1;
            row.due = due_secs.unwrap_or(crt);
            row.ivl = if s.state == QueueState::Relearning {
                1
            } else {
                0
            };
            row.factor = if s.state == QueueState::Relearning {
                2500
            } else {
                0
            };
            row.left = 1001;
        }
        QueueState::Review => {
            row.kind = 2;
            row.queue = 2;
            row.due = due_secs.map_or(0, |d| (d - crt).div_euclid(86_400));
            row.ivl = match (s.due, s.last_review_at) {
                (Some(due), Some(last)) => {
                    ((due - last) as f64 / DAY_MS as f64).round().max(1.0) as i64
                }
                _ => 1,
            };
            row.factor = 2500;
        }
    }
    if scheduled.suspended {
        row.queue = -1;
    }
    if let Some(memory) = s.memory() {
        let mut data = json!({ "s": memory.stability, "d": memory.difficulty });
        if let Some(last) = s.last_review_at {
            data["lrt"] = json!(last.div_euclid(1000));
        }
        row.data = data.to_string();
    }
    row
}

/// A revlog interval: whole days for an answer that left the card in review,
/// negative seconds for one that left it in (re)learning.
fn revlog_interval(entry: &ReviewEntry) -> i64 {
    let Some(due) = entry.due_after else { return 0 };
    let gap = (due - entry.reviewed_at).max(0);
    if entry.state_after == QueueState::Review {
        ((gap as f64 / DAY_MS as f64).round() as i64).max(1)
    } else {
        -(gap / 1000)
    }
}

/// The revlog type: 0 learning, 1 review, 2 relearning, 4 manual (a due date moved).
fn revlog_kind(entry: &ReviewEntry) -> i64 {
    if entry.rescheduled {
        return 4;
    }
    match entry.state_before {
        QueueState::New | QueueState::Learning => 0,
        QueueState::Review => 1,
        QueueState::Relearning => 2,
    }
}
