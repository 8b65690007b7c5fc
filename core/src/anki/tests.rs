use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde_json::json;

use super::fields::{category_tag, checksum, cloze_numbers, from_cloze, to_cloze, to_text};
use super::*;
use crate::review::{self, ReviewMode, ReviewSession};
use crate::schedule::Rating;
use crate::test_support::{cards_of_every_kind, snapshot, T0};

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

fn library() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    cards_of_every_kind(&mut store);
    store
}

/// Answers the first cards of today's queue, so the review log has rows.
fn review_some(store: &mut Store, ratings: &[Rating]) {
    let config = review::scheduler_config(store).unwrap();
    let mut now = T0 + 60_000;
    let mut session = ReviewSession::start(store, config, now).unwrap();
    for &rating in ratings {
        let Some(&card) = session.upcoming(1).first() else {
            break;
        };
        now += 7_919;
        session
            .answer(store, card, rating, now, Some(4_200), ReviewMode::Reveal)
            .unwrap();
    }
}

/// (kind, prompt, answer, choices) of every card, sorted.
fn card_texts(store: &Store) -> Vec<(String, String, String, Option<String>)> {
    let mut stmt = store
        .connection()
        .prepare("SELECT kind, prompt, answer, choices_json FROM cards")
        .unwrap();
    let mut rows: Vec<_> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows.sort();
    rows
}

fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The collection inside a package, unpacked beside it.
fn collection_of(package: &Path) -> Connection {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(package).unwrap()).unwrap();
    let mut names: Vec<&str> = zip.file_names().collect();
    names.sort();
    assert_eq!(names, ["collection.anki2", "media"]);
    let target = package.with_extension("anki2");
    std::io::copy(
        &mut zip.by_name("collection.anki2").unwrap(),
        &mut std::fs::File::create(&target).unwrap(),
    )
    .unwrap();
    let mut media = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("media").unwrap(), &mut media).unwrap();
    assert_eq!(media, "{}");
    Connection::open(target).unwrap()
}

fn export(store: &Store, dir: &Path, with_scheduling: bool) -> PathBuf {
    let path = dir.join(if with_scheduling {
        "scheduled.apkg"
    } else {
        "cards.apkg"
    });
    export_apkg(
        store,
        &ExportScope::All,
        with_scheduling,
        &path,
        T0 + 10 * 86_400_000,
        &mut quiet(),
    )
    .unwrap();
    path
}

#[test]
fn round_trip_keeps_every_card_s_prompt_answer_kind_and_choices() {
    let store = library();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&store, dir.path(), false);

    let mut copy = Store::open_in_memory().unwrap();
    let report = import_apkg(&mut copy, &path, T0 + 20 * 86_400_000, &mut quiet()).unwrap();
    assert_eq!(report.cards, 6);
    assert_eq!((report.converted_notes, report.skipped_notes), (0, 0));
    assert_eq!(card_texts(&copy), card_texts(&store));

    // Each deck is a document filed under its category path, its cards on their paragraphs.
    let mut docs: Vec<(String, Vec<String>)> = report
        .documents
        .iter()
        .map(|d| (d.title.clone(), d.category_path.clone()))
        .collect();
    docs.sort();
    assert_eq!(
        docs,
        [
            ("Loose notes".to_owned(), vec![]),
            (
                "The Berlin Airlift".to_owned(),
                vec!["History".to_owned(), "Cold War".to_owned()]
            )
        ]
    );
    let berlin = report
        .documents
        .iter()
        .find(|d| d.title == "The Berlin Airlift")
        .unwrap();
    let doc = copy.document(berlin.id).unwrap();
    assert_eq!(doc.format, crate::library::SourceFormat::Apkg);
    for card in copy.cards_of_document(berlin.id, false).unwrap() {
        let (start, end) = (card.span_start.unwrap(), card.span_end.unwrap());
        let paragraph: String = doc.body.chars().skip(start).take(end - start).collect();
        assert!(
            paragraph.starts_with(card.prompt.split('\n').next().unwrap()),
            "{paragraph}"
        );
        assert_eq!(Some(paragraph), card.source_text);
        assert_eq!(card.origin, crate::cards::CardOrigin::Imported);
        assert_eq!(card.status, crate::cards::CardStatus::Accepted);
    }
    // Every card is in the review deck, as a new card.
    assert_eq!(
        count(
            &copy,
            "SELECT count(*) FROM card_schedule WHERE state = 'new'"
        ),
        6
    );
    // Opening the document writes no suggestions from its list of cards.
    let shown = crate::cards::document_cards(&mut copy, berlin.id, T0 + 30 * 86_400_000).unwrap();
    assert_eq!(shown.len(), 4);
    assert!(shown
        .iter()
        .all(|c| c.status == crate::cards::CardStatus::Accepted));
}

#[test]
fn notes_carry_fields_tags_decks_and_anki_s_checksum() {
    let store = library();
    let dir = tempfile::tempdir().unwrap();
    let conn = collection_of(&export(&store, dir.path(), false));
    let ver: i64 = conn
        .query_row("SELECT ver FROM col", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ver, 11);

    let mut stmt = conn
        .prepare("SELECT mid, tags, flds, sfld, csum FROM notes")
        .unwrap();
    let notes: Vec<(i64, String, String, String, i64)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(notes.len(), 6);
    let cloze = notes.iter().find(|n| n.2.contains("{{c1::")).unwrap();
    assert_eq!(cloze.0, schema::CLOZE_MODEL_ID);
    assert_eq!(
        cloze.2,
        "The blockade began in {{c1::June 1948}}, after the currency reform.\x1fThe Soviet Union blocked every road into \
         West Berlin in June 1948.<br><i>— The Berlin Airlift</i>"
    );
    assert_eq!(cloze.1, " History::Cold_War ");
    assert_eq!(cloze.4, checksum(&cloze.3));
    let choice = notes.iter().find(|n| n.2.starts_with("How many")).unwrap();
    let fields: Vec<&str> = choice.2.split('\x1f').collect();
    assert_eq!(fields.len(), schema::BASIC_FIELDS.len());
    assert_eq!(
        fields[..3],
        [
            "How many flights reached the city?",
            "Over 270,000",
            "Over 270,000<br>About 1,000<br>12 &lt; 13 &amp; more"
        ]
    );
    assert_eq!(fields[4], "multiple_choice");
    let quoted = notes.iter().find(|n| n.2.starts_with("Who")).unwrap();
    assert!(quoted
        .2
        .starts_with("Who blocked the roads into &quot;West&quot; Berlin?\x1fThe Soviet Union"));
    // A cloze without a blank goes as Basic, keeping its kind in the hidden field.
    let edited = notes
        .iter()
        .find(|n| n.2.starts_with("A cloze whose"))
        .unwrap();
    assert_eq!(edited.0, schema::BASIC_MODEL_ID);
    assert!(edited.2.ends_with("\x1fcloze"));
    assert_eq!(edited.1, "", "a card without a category has no tag");

    let decks: String = conn
        .query_row("SELECT decks FROM col", [], |r| r.get(0))
        .unwrap();
    let decks: serde_json::Value = serde_json::from_str(&decks).unwrap();
    let mut names: Vec<&str> = decks
        .as_object()
        .unwrap()
        .values()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Default",
            "History",
            "History::Cold War",
            "History::Cold War::The Berlin Airlift",
            "Loose notes"
        ]
    );
    let unscheduled: i64 = conn
        .query_row(
            "SELECT count(*) FROM cards WHERE type = 0 AND queue = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unscheduled, 6);
    let revlog: i64 = conn
        .query_row("SELECT count(*) FROM revlog", [], |r| r.get(0))
        .unwrap();
    assert_eq!(revlog, 0, "no history without --with-scheduling");
}

#[test]
fn scheduling_and_history_are_exported_when_asked_and_come_back() {
    let mut store = library();
    review_some(
        &mut store,
        &[
            Rating::Good,
            Rating::Again,
            Rating::Easy,
            Rating::Good,
            Rating::Hard,
        ],
    );
    let answered = count(&store, "SELECT count(*) FROM review_log");
    assert!(answered >= 4, "{answered}");
    let dir = tempfile::tempdir().unwrap();
    let path = export(&store, dir.path(), true);
    let report = {
        let conn = collection_of(&path);
        let revlog: i64 = conn
            .query_row("SELECT count(*) FROM revlog", [], |r| r.get(0))
            .unwrap();
        assert_eq!(revlog, answered);
        let eases: i64 = conn
            .query_row(
                "SELECT count(*) FROM revlog WHERE ease BETWEEN 1 AND 4",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(eases, answered);
        let scheduled: i64 = conn
            .query_row("SELECT count(*) FROM cards WHERE type <> 0", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(scheduled > 0);
        let with_memory: i64 = conn
            .query_row(
                "SELECT count(*) FROM cards WHERE data LIKE '{\"d\":%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            with_memory, scheduled,
            "every answered card carries its FSRS memory state"
        );
        let mut copy = Store::open_in_memory().unwrap();
        let report = import_apkg(&mut copy, &path, T0 + 20 * 86_400_000, &mut quiet()).unwrap();
        assert_eq!(
            count(
                &copy,
                "SELECT count(*) FROM review_log WHERE origin = 'imported'"
            ),
            answered
        );
        let states = |s: &Store| {
            let mut stmt = s
                .connection()
                .prepare(
                    "SELECT c.prompt, s.state, s.reps, s.lapses, round(s.stability, 3), round(s.difficulty, 3), s.due / 1000
                     FROM cards c JOIN card_schedule s ON s.card_id = c.id ORDER BY c.prompt",
                )
                .unwrap();
            stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<f64>>(4)?,
                    r.get::<_, Option<f64>>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
        };
        assert_eq!(states(&copy), states(&store));
        report
    };
    assert_eq!(report.reviews as i64, answered);
}

#[test]
fn scopes_choose_the_cards() {
    let store = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.apkg");
    let berlin: i64 = count(
        &store,
        "SELECT id FROM documents WHERE title = 'The Berlin Airlift'",
    );
    let by_doc = export_apkg(
        &store,
        &ExportScope::Document(berlin),
        false,
        &path,
        T0,
        &mut quiet(),
    )
    .unwrap();
    assert_eq!(by_doc.cards, 4);
    let scope = ExportScope::Category(vec!["History".into()]);
    assert_eq!(
        export_apkg(&store, &scope, false, &path, T0, &mut quiet())
            .unwrap()
            .cards,
        4
    );
    let err = export_apkg(
        &store,
        &ExportScope::Category(vec!["Geography".into()]),
        false,
        &path,
        T0,
        &mut quiet(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("no category “Geography”"), "{err}");
    let err = export_apkg(
        &store,
        &ExportScope::Document(999),
        false,
        &path,
        T0,
        &mut quiet(),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("no document with id 999"), "{err}");
    let empty = Store::open_in_memory().unwrap();
    let err = export_apkg(&empty, &ExportScope::All, false, &path, T0, &mut quiet())
        .unwrap_err()
        .to_string();
    assert!(err.contains("no accepted cards"), "{err}");
}

#[test]
fn progress_reaches_the_total() {
    let store = library();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.apkg");
    let mut seen = Vec::new();
    export_apkg(&store, &ExportScope::All, false, &path, T0, &mut |p| {
        seen.push(p)
    })
    .unwrap();
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((6, 6)));
    let mut copy = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    import_apkg(&mut copy, &path, T0, &mut |p| seen.push(p)).unwrap();
    assert_eq!(
        seen.last().map(|p| (p.phase, p.done, p.total)),
        Some((crate::interchange::Phase::Storing, 6, 6))
    );
}

#[test]
fn importing_the_same_package_twice_adds_nothing_the_second_time() {
    let store = library();
    let dir = tempfile::tempdir().unwrap();
    let path = export(&store, dir.path(), false);
    let mut copy = Store::open_in_memory().unwrap();
    import_apkg(&mut copy, &path, T0, &mut quiet()).unwrap();
    let before = snapshot(copy.connection());
    let again = import_apkg(&mut copy, &path, T0 + 1, &mut quiet()).unwrap();
    assert_eq!(again.cards, 0);
    assert_eq!(again.already_there.len(), 2);
    assert_eq!(snapshot(copy.connection()), before);
}

fn zip_with(path: &Path, files: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// Imports `path` into a library with cards, expecting an error holding
/// `expected`, and checks that nothing changed.
fn refused(path: &Path, expected: &str) {
    let mut store = library();
    let before = snapshot(store.connection());
    let err = import_apkg(&mut store, path, T0, &mut quiet())
        .unwrap_err()
        .to_string();
    assert!(err.contains(expected), "{err}");
    assert!(err.contains("Nothing was imported"), "{err}");
    assert_eq!(snapshot(store.connection()), before, "nothing was written");
}

#[test]
fn files_that_are_not_anki_packages_are_refused_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    std::fs::write(d.join("notes.apkg"), "just some text").unwrap();
    refused(
        &d.join("notes.apkg"),
        "is not an Anki package: it is not a zip file",
    );

    zip_with(&d.join("photos.apkg"), &[("holiday.jpg", b"\xff\xd8\xff")]);
    refused(
        &d.join("photos.apkg"),
        "it has no collection.anki2, collection.anki21 or collection.anki21b inside",
    );

    zip_with(
        &d.join("garbage.apkg"),
        &[
            (
                "collection.anki2",
                b"this is not SQLite, just bytes of text",
            ),
            ("media", b"{}"),
        ],
    );
    refused(
        &d.join("garbage.apkg"),
        "its collection is not an SQLite database",
    );

    let other = d.join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE things (x); INSERT INTO things VALUES (1);")
        .unwrap();
    zip_with(
        &d.join("other.apkg"),
        &[("collection.anki21", &std::fs::read(&other).unwrap())],
    );
    refused(&d.join("other.apkg"), "its collection has no “col” table");

    zip_with(
        &d.join("new.apkg"),
        &[
            ("collection.anki2", b"dummy"),
            ("collection.anki21b", b"\x28\xb5\x2f\xfd"),
        ],
    );
    refused(
        &d.join("new.apkg"),
        "its collection.anki21b cannot be unpacked",
    );

    // A real package cut short.
    let good = export(&library(), d, false);
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(d.join("cut.apkg"), &bytes[..bytes.len() / 2]).unwrap();
    refused(&d.join("cut.apkg"), "is not an Anki package");
}

/// A collection as Anki itself writes one: stock Basic, Basic (and reversed
/// card) and Cloze note types, HTML in the fields, FSRS memory in one card's
/// data, an SM-2 review card, a suspended card and a review history.
fn anki_made_package(path: &Path) {
    let file = path.with_extension("anki21");
    let conn = Connection::open(&file).unwrap();
    conn.execute_batch(schema::DDL).unwrap();
    let tmpl =
        |name: &str| json!({ "name": name, "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}" });
    let fld = |name: &str, ord: usize| json!({ "name": name, "ord": ord });
    let models = json!({
        "10": { "id": 10, "name": "Basic", "type": 0, "flds": [fld("Front", 0), fld("Back", 1)], "tmpls": [tmpl("Card 1")] },
        "11": { "id": 11, "name": "Basic (and reversed card)", "type": 0, "flds": [fld("Front", 0), fld("Back", 1)],
                "tmpls": [tmpl("Card 1"), tmpl("Card 2")] },
        "12": { "id": 12, "name": "Cloze", "type": 1, "flds": [fld("Text", 0), fld("Back Extra", 1)], "tmpls": [tmpl("Cloze")] },
        "13": { "id": 13, "name": "Image occlusion", "type": 0, "flds": [fld("Image", 0)], "tmpls": [tmpl("Card 1")] }
    });
    let decks = json!({
        "1": { "id": 1, "name": "Default" },
        "20": { "id": 20, "name": "World History::Revolutions" },
        "21": { "id": 21, "name": "Spanish" }
    });
    let crt = 1_700_000_000i64;
    conn.execute(
        "INSERT INTO col VALUES (1, ?1, 0, 0, 11, 0, 0, 0, '{}', ?2, ?3, '{}', '{}')",
        rusqlite::params![crt, models.to_string(), decks.to_string()],
    )
    .unwrap();
    let notes = [
        (
            100,
            10,
            " French_Revolution ",
            "When did the <b>Bastille</b> fall?<script>alert(1)</script>\x1f14&nbsp;July&nbsp;1789",
        ),
        (101, 11, "", "el gato\x1fthe cat"),
        (
            102,
            12,
            " rev ",
            "The {{c1::Estates-General}} met in {{c2::1789::year}}.\x1fFrom the reading",
        ),
        (103, 13, "", "<img src=\"x.png\">"),
    ];
    for (id, mid, tags, flds) in notes {
        conn.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, 0, 0, ?4, ?5, '', 0, 0, '')",
            rusqlite::params![id, format!("g{id}"), mid, tags, flds],
        )
        .unwrap();
    }
    // id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, data
    let cards = [
        (
            1000,
            100,
            20,
            0,
            2,
            2,
            400,
            30,
            2500,
            5,
            1,
            r#"{"s":31.5,"d":6.25,"dr":0.9}"#,
        ),
        (1001, 101, 21, 0, 0, 0, 1, 0, 0, 0, 0, ""),
        (1002, 101, 21, 1, 0, 0, 2, 0, 0, 0, 0, ""),
        (1003, 102, 20, 0, 2, -1, 410, 12, 2300, 3, 0, ""),
        (1004, 102, 20, 1, 1, 1, crt + 600, 0, 0, 1, 0, ""),
        (1005, 103, 21, 0, 0, 0, 3, 0, 0, 0, 0, ""),
    ];
    for c in cards {
        conn.execute(
            "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, 0, 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, 0, 0, 0, ?12)",
            rusqlite::params![c.0, c.1, c.2, c.3, c.4, c.5, c.6, c.7, c.8, c.9, c.10, c.11],
        )
        .unwrap();
    }
    let day = 86_400_000i64;
    let t = crt * 1000 + 370 * day;
    // id, cid, ease, ivl, lastIvl, factor, time, type
    let revlog = [
        (t, 1000, 3, -600, 0, 0, 8_000, 0),
        (t + 700_000, 1000, 3, 1, -600, 2500, 5_000, 0),
        (t + 2 * day, 1000, 1, -600, 1, 2500, 9_000, 1),
        (t + 3 * day, 1000, 0, 30, 0, 2500, 0, 4),
        (t + 5 * day, 1004, 2, -600, 0, 0, 3_000, 0),
    ];
    for r in revlog {
        conn.execute(
            "INSERT INTO revlog VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7],
        )
        .unwrap();
    }
    drop(conn);
    zip_with(
        path,
        &[
            ("collection.anki21", &std::fs::read(&file).unwrap()),
            ("media", b"{}"),
        ],
    );
}

#[test]
fn a_package_made_by_anki_imports_with_its_decks_notes_schedules_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("anki.apkg");
    anki_made_package(&path);
    let mut store = Store::open_in_memory().unwrap();
    let report = import_apkg(&mut store, &path, T0, &mut quiet()).unwrap();
    // Basic: 1 card; reversed: 1 card (converted); cloze: 2 cards; image only: skipped.
    assert_eq!(report.cards, 4, "{report:?}");
    assert_eq!(report.converted_notes, 1);
    assert_eq!(report.skipped_notes, 1);
    assert_eq!(report.reviews, 4, "graded answers only");
    let mut docs: Vec<(String, Vec<String>, u64)> = report
        .documents
        .iter()
        .map(|d| (d.title.clone(), d.category_path.clone(), d.cards))
        .collect();
    docs.sort();
    assert_eq!(
        docs,
        [
            ("Revolutions".into(), vec!["World History".to_owned()], 3),
            ("Spanish".into(), vec![], 1)
        ]
    );

    let texts = card_texts(&store);
    let kinds_prompts: Vec<(&str, &str, &str)> = texts
        .iter()
        .map(|(k, p, a, _)| (k.as_str(), p.as_str(), a.as_str()))
        .collect();
    assert!(
        kinds_prompts.contains(&("question", "When did the Bastille fall?", "14 July 1789")),
        "{texts:?}"
    );
    assert!(kinds_prompts.contains(&("question", "el gato", "the cat")));
    assert!(kinds_prompts.contains(&("cloze", "The _____ met in 1789.", "Estates-General")));
    assert!(kinds_prompts.contains(&("cloze", "The Estates-General met in _____.", "1789")));
    assert!(
        !texts.iter().any(|t| t.1.contains("alert")),
        "script is dropped"
    );

    let schedule = |prompt: &str| -> (
        String,
        Option<f64>,
        Option<f64>,
        i64,
        i64,
        bool,
        Option<i64>,
    ) {
        store
            .connection()
            .query_row(
                "SELECT s.state, s.stability, s.difficulty, s.reps, s.lapses, s.suspended, s.due
                 FROM cards c JOIN card_schedule s ON s.card_id = c.id WHERE c.prompt = ?1",
                [prompt],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .unwrap()
    };
    let bastille = schedule("When did the Bastille fall?");
    assert_eq!(
        (
            bastille.0.as_str(),
            bastille.1,
            bastille.2,
            bastille.3,
            bastille.4
        ),
        ("review", Some(31.5), Some(6.25), 5, 1)
    );
    assert_eq!(bastille.6, Some((1_700_000_000 + 400 * 86_400) * 1000));
    let estates = schedule("The _____ met in 1789.");
    assert_eq!(estates.0, "review");
    assert!(estates.5, "suspended in Anki, suspended in Clio");
    assert!(
        estates.1.is_some_and(|s| s > 1.0),
        "memory estimated from SM-2: {estates:?}"
    );
    let year = schedule("The Estates-General met in _____.");
    assert_eq!(
        (year.0.as_str(), year.6),
        ("learning", Some((1_700_000_000 + 600) * 1000))
    );
    assert_eq!(schedule("el gato").0, "new");

    let history: Vec<(i64, String, String)> = {
        let mut stmt = store
            .connection()
            .prepare(
                "SELECT l.rating, l.state_before, l.state_after FROM review_log l JOIN cards c ON c.id = l.card_id
                 WHERE c.prompt = 'When did the Bastille fall?' ORDER BY l.reviewed_at",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(
        history,
        [
            (3, "new".into(), "learning".into()),
            (3, "learning".into(), "review".into()),
            (1, "review".into(), "relearning".into())
        ]
    );
}

#[test]
fn cloze_deletions_convert_both_ways() {
    assert_eq!(
        to_cloze("Mao launched it in _____.", "1958"),
        Some("Mao launched it in {{c1::1958}}.".into())
    );
    assert_eq!(to_cloze("No blank here.", "1958"), None);
    assert_eq!(to_cloze("Two _____ and _____.", "x"), None);
    assert_eq!(to_cloze("A _____ blank.", "a}}b"), None);
    assert_eq!(
        to_cloze("A < _____ & b.", "c"),
        Some("A &lt; {{c1::c}} &amp; b.".into())
    );
    let text = "{{c1::Zhou Enlai}} met {{c2::Nixon::a president}} in {{c1::Beijing}}.";
    assert_eq!(cloze_numbers(text), [1, 2]);
    assert_eq!(
        from_cloze(text, 1),
        Some((
            "_____ met Nixon in _____.".into(),
            "Zhou Enlai; Beijing".into()
        ))
    );
    assert_eq!(
        from_cloze(text, 2),
        Some(("Zhou Enlai met _____ in Beijing.".into(), "Nixon".into()))
    );
    assert_eq!(from_cloze(text, 3), None);
    assert_eq!(from_cloze("{{c1:: broken", 1), None);
}

#[test]
fn tags_fields_and_checksums_follow_anki_s_rules() {
    let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        category_tag(&path(&["History", "Modern and Contemporary History"])).as_deref(),
        Some("History::Modern_and_Contemporary_History")
    );
    assert_eq!(category_tag(&path(&["A::B"])).as_deref(), Some("A:B"));
    assert_eq!(category_tag(&[]), None);
    // sha1("") = da39a3ee…
    assert_eq!(checksum(""), 0xda39a3ee);
    assert_eq!(to_text("a<br>b<div>c</div>&amp; <i>d</i>"), "a\nb\nc\n& d");
}

#[test]
fn a_note_type_s_kind_is_read_from_its_protobuf_config() {
    use super::read::protobuf_varint;
    // kind = 1 (cloze), sort_field_idx = 0 omitted, css = "x"
    assert_eq!(protobuf_varint(&[0x08, 0x01, 0x1a, 0x01, b'x'], 1), Some(1));
    // a normal note type: kind omitted, then css and a large varint field
    assert_eq!(
        protobuf_varint(&[0x1a, 0x01, b'x', 0x20, 0x96, 0x01], 1),
        None
    );
    assert_eq!(
        protobuf_varint(&[0x1a, 0x01, b'x', 0x20, 0x96, 0x01], 4),
        Some(150)
    );
    assert_eq!(protobuf_varint(&[0x08], 1), None, "cut short");
}
