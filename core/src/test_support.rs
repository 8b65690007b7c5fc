//! Shared by the data-safety tests: a library with something in every table,
//! and a table-by-table snapshot to compare two libraries with.

use std::collections::BTreeMap;

use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;

use crate::import::{import_named_text, Format};
use crate::review::{self, ReviewMode, ReviewSession};
use crate::schedule::Rating;
use crate::store::Store;

pub const T0: i64 = 1_772_409_600_000;

const BERLIN: &str = "---\ntitle: \"The Berlin Airlift\"\nauthor: \"Zoë Ångström\"\ncategory: \"History -> Cold War\"\n---\n\
# The blockade\n\nThe Soviet Union blocked every road into West Berlin in June 1948. General Lucius Clay ordered the \
first supply flights two days later.\n\n## The end\n\nThe blockade ended in May 1949, when Stalin reopened the roads. \
Over 270,000 flights had reached the city by then. NATO was founded in Washington in April 1949.\n";

const WALL: &str = "East Germany built the Berlin Wall in August 1961. About 140 people were killed at the wall \
before it fell in November 1989. Germany was reunified on 3 October 1990, under Chancellor Helmut Kohl.";

/// Documents (one with structure, one edited into a second revision), tags,
/// a nested category, highlights, accepted and suggested cards, reviews,
/// a quiz with answers, a fitted scheduler preset and app_meta.
pub fn populate(store: &mut Store) {
    let berlin = import_named_text(store, "berlin.md", BERLIN, Format::Markdown, T0).added[0].id;
    let wall = import_named_text(store, "wall.txt", WALL, Format::Text, T0 + 1_000).added[0].id;
    let edited = WALL.replace("140 people", "one hundred and forty people");
    let updated = import_named_text(store, "wall.txt", &edited, Format::Text, T0 + 2_000);
    assert_eq!(updated.updated.len(), 1, "the second text is a revision");
    crate::cards::suggest_for_document(store, berlin, T0 + 3_000).unwrap();
    crate::cards::suggest_for_document(store, wall, T0 + 3_000).unwrap();
    // Every suggestion of the first text, the held-back ones too: the deck
    // needs a few cards of several kinds.
    let suggested: Vec<crate::CardId> = store
        .cards_of_document(berlin, true)
        .unwrap()
        .into_iter()
        .filter(|c| c.status == crate::cards::CardStatus::Suggested)
        .map(|c| c.id)
        .collect();
    crate::cards::accept(store, &suggested, T0 + 4_000).unwrap();
    crate::annotations::create(
        store,
        crate::annotations::NewAnnotation {
            document_id: berlin,
            start: 10,
            end: 30,
            color: crate::annotations::HighlightColor::Yellow,
            note: Some("Clay's *decision* — «vital»".into()),
        },
        T0 + 5_000,
    )
    .unwrap();
    let config = review::scheduler_config(store).unwrap();
    let mut now = T0 + 6_000;
    let mut session = ReviewSession::start(store, config, now).unwrap();
    for rating in [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard] {
        let Some(&card) = session.upcoming(1).first() else {
            break;
        };
        now += 7_919;
        session
            .answer(store, card, rating, now, Some(3_141), ReviewMode::Reveal)
            .unwrap();
    }
    store
        .connection()
        .execute_batch(&format!(
            "INSERT INTO tags (name) VALUES ('cold war'), ('Berlin');
             INSERT INTO document_tags (document_id, tag_id) VALUES ({berlin}, 1), ({berlin}, 2), ({wall}, 2);
             INSERT INTO categories (id, parent_id, name) VALUES (50, NULL, 'Later');
             INSERT INTO categories (id, parent_id, name) VALUES (7, 50, 'Child with a smaller id');
             UPDATE documents SET category_id = 7, opened_at = {t} WHERE id = {wall};
             INSERT INTO scheduler_presets (parameters_json, desired_retention, log_loss, created_at, active)
                 VALUES ('[0.212,1.2931,2.3065,8.2956]', 0.87, 0.3124159265358979, {t}, 1);
             INSERT INTO quiz_sessions (scope_kind, scope_ref, question_count, counts_as_review, started_at, finished_at, correct_count)
                 VALUES ('all', NULL, 2, 0, {t}, {t2}, 1);
             INSERT INTO quiz_answers (session_id, card_id, position, format, prompt, expected, given, correct, answered_at, duration_ms)
                 SELECT 1, id, 0, 'typed', prompt, answer, 'something', 0, {t2}, 1200 FROM cards ORDER BY id LIMIT 1;
             INSERT INTO quiz_answers (session_id, card_id, position, format, prompt, expected, given, correct, answered_at, duration_ms)
                 VALUES (1, NULL, 1, 'reveal', 'A deleted card''s prompt', 'its answer', NULL, 1, {t2}, NULL);
             INSERT INTO app_meta (key, value) VALUES ('starter_library', 'added 0 texts');",
            t = T0 + 100_000,
            t2 = T0 + 160_000,
        ))
        .unwrap();
}

/// Every data table's rows, in rowid (or key) order.
pub fn snapshot(conn: &Connection) -> BTreeMap<String, Vec<Vec<SqlValue>>> {
    let tables: Vec<String> = {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                   AND name NOT LIKE 'documents_fts%'
               AND name NOT LIKE 'cards_fts%' AND name <> 'undo_entries' ORDER BY name",
            )
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let mut out = BTreeMap::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, SqlValue>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        out.insert(table, rows);
    }
    out
}

/// The full-text index answers the same: document ids for a few queries.
pub fn search_ids(store: &Store) -> Vec<Vec<i64>> {
    ["blockade", "wall", "angstrom", "hundred"]
        .iter()
        .map(|q| {
            let mut stmt = store
                .connection()
                .prepare(
                    "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rowid",
                )
                .unwrap();
            stmt.query_map([q], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        })
        .collect()
}

/// The two libraries hold the same rows, table by table (a failure names the table and row).
pub fn assert_same_tables(a: &Connection, b: &Connection) {
    let (a, b) = (snapshot(a), snapshot(b));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (table, rows) in &a {
        assert_eq!(rows.len(), b[table].len(), "{table}: row count");
        for (i, (x, y)) in rows.iter().zip(&b[table]).enumerate() {
            assert_eq!(x, y, "{table}: row {i} differs");
        }
    }
}

/// A library for the interchange tests: one card of every kind (with
/// characters that need escaping in HTML and CSV) in a categorised document,
/// and one in a document without a category. Returns the cards' ids.
pub fn cards_of_every_kind(store: &mut Store) -> Vec<crate::CardId> {
    use crate::cards::CardKind;
    use crate::cards::{CardDraft, CardOrigin, CardStatus};
    use crate::library::NewDocument;

    let berlin = NewDocument {
        title: "The Berlin Airlift".into(),
        author: None,
        category_path: vec!["History".into(), "Cold War".into()],
        source: None,
        body: "The Soviet Union blocked every road into West Berlin in June 1948.\n\nOver 270,000 flights reached the city."
            .into(),
    }
    .validate()
    .unwrap();
    let berlin = store.add_document(&berlin, T0).unwrap().id;
    let loose = NewDocument {
        title: "Loose notes".into(),
        author: None,
        category_path: vec![],
        source: None,
        body: "NATO was founded in April 1949.".into(),
    }
    .validate()
    .unwrap();
    let loose = store.add_document(&loose, T0).unwrap().id;
    let draft = |kind, prompt: &str, answer: &str, choices: &[&str]| CardDraft {
        kind,
        prompt: prompt.into(),
        answer: answer.into(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
        source_text: "The Soviet Union blocked every road into West Berlin in June 1948.".into(),
        span_start: 0,
        span_end: 66,
    };
    let cards = [
        (
            berlin,
            draft(
                CardKind::Question,
                "Who blocked the roads into \"West\" Berlin?",
                "The Soviet Union",
                &[],
            ),
        ),
        (
            berlin,
            draft(
                CardKind::Cloze,
                "The blockade began in _____, after the currency reform.",
                "June 1948",
                &[],
            ),
        ),
        (
            berlin,
            draft(
                CardKind::MultipleChoice,
                "How many flights reached the city?",
                "Over 270,000",
                &["Over 270,000", "About 1,000", "12 < 13 & more"],
            ),
        ),
        (
            berlin,
            draft(
                CardKind::TrueFalse,
                "The airlift ended in 1949.",
                "True",
                &[],
            ),
        ),
        (
            loose,
            draft(
                CardKind::Cloze,
                "A cloze whose blank was edited away, with a line\nbreak",
                "gone",
                &[],
            ),
        ),
        (
            loose,
            draft(
                CardKind::Question,
                "When was NATO founded, and where?",
                "April 1949, in Washington",
                &[],
            ),
        ),
    ];
    cards
        .into_iter()
        .enumerate()
        .map(|(i, (doc, d))| {
            store
                .insert_card(
                    doc,
                    &d,
                    CardOrigin::Manual,
                    CardStatus::Accepted,
                    T0 + i as i64,
                )
                .unwrap()
        })
        .collect()
}
