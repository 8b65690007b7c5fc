use super::*;
use crate::test_support::{cards_of_every_kind, snapshot, T0};

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

/// (kind, prompt, answer, choices, tags) of every card, sorted.
fn card_texts(store: &Store) -> Vec<(String, String, String, Option<String>, String)> {
    let mut stmt = store
        .connection()
        .prepare("SELECT kind, prompt, answer, choices_json, tags FROM cards")
        .unwrap();
    let mut rows: Vec<_> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows.sort();
    rows
}

#[test]
fn quotes_commas_and_line_breaks_survive_a_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let ids = cards_of_every_kind(&mut store);
    store
        .connection()
        .execute(
            "UPDATE cards SET tags = 'berlin 1948' WHERE id = ?1",
            [ids[0]],
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cards.csv");
    let report = export_csv(&store, &ExportScope::All, &path, &mut quiet()).unwrap();
    assert_eq!(report.cards, 6);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("\u{feff}prompt,answer,kind,tags,source,document,category,choices\n"),
        "{text}"
    );
    assert!(
        text.contains("\"Who blocked the roads into \"\"West\"\" Berlin?\""),
        "{text}"
    );
    assert!(
        text.contains("\"A cloze whose blank was edited away, with a line\nbreak\""),
        "{text}"
    );
    assert!(text.contains("History -> Cold War"), "{text}");

    let mut copy = Store::open_in_memory().unwrap();
    let imported = import_csv(&mut copy, &path, T0, &mut quiet()).unwrap();
    assert_eq!(imported.cards, 6);
    assert_eq!(card_texts(&copy), card_texts(&store));
    let mut docs: Vec<(String, Vec<String>)> = imported
        .documents
        .iter()
        .map(|d| (d.title.clone(), d.category_path.clone()))
        .collect();
    docs.sort();
    assert_eq!(
        docs,
        [
            ("Loose notes".into(), vec![]),
            (
                "The Berlin Airlift".into(),
                vec!["History".into(), "Cold War".into()]
            )
        ]
    );
    let format: String = copy
        .connection()
        .query_row("SELECT DISTINCT source_format FROM documents", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(format, "csv");
}

#[test]
fn a_spreadsheet_with_only_prompt_and_answer_imports_into_one_document_named_after_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Cold War dates.csv");
    std::fs::write(
        &path,
        "Answer,Prompt\n1961,\"The Wall went up in which year?\"\n\n1989,When did it fall?\n",
    )
    .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let report = import_csv(&mut store, &path, T0, &mut quiet()).unwrap();
    assert_eq!(report.cards, 2);
    assert_eq!(report.documents[0].title, "Cold War dates");
    let texts = card_texts(&store);
    assert_eq!(texts[0].0, "question");
    assert_eq!(texts[0].1, "The Wall went up in which year?");
    assert_eq!(texts[0].2, "1961");
}

fn refused(text: &str, expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, text).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    cards_of_every_kind(&mut store);
    let before = snapshot(store.connection());
    let err = import_csv(&mut store, &path, T0, &mut quiet())
        .unwrap_err()
        .to_string();
    assert!(err.contains(expected), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(snapshot(store.connection()), before, "nothing was written");
}

#[test]
fn a_bad_row_is_an_error_naming_its_line_and_nothing_is_imported() {
    refused(
        "prompt,answer,kind\nQ1,A1,question\nQ2,A2,question,extra\n",
        "bad.csv, line 3: it has 4 fields",
    );
    refused(
        "prompt,answer,kind\nQ1,A1,question\n\"multi\nline\",A2,cloze\n ,A3,question\n",
        "line 5: the prompt is empty",
    );
    refused(
        "prompt,answer,kind\nQ1,A1,riddle\n",
        "line 2: the kind “riddle” is not question",
    );
    refused(
        "prompt,answr\nQ1,A1\n",
        "line 1: the column “answr” is not one Clio knows",
    );
    refused("front,back\n", "the column “front” is not one Clio knows");
    refused("prompt,answer\n", "holds no cards");
}

#[test]
fn a_file_that_is_not_utf8_says_how_to_save_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.csv");
    std::fs::write(&path, b"prompt,answer\nZo\xeb,\xc5ngstr\xf6m\n").unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let err = import_csv(&mut store, &path, T0, &mut quiet())
        .unwrap_err()
        .to_string();
    assert!(err.contains("CSV UTF-8"), "{err}");
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_come_back_as_they_were() {
    let mut store = Store::open_in_memory().unwrap();
    let ids = cards_of_every_kind(&mut store);
    store
        .connection()
        .execute(
            "UPDATE cards SET prompt = '=HYPERLINK(\"http://example.com\",\"Who signed?\")', answer = '-44 BC' WHERE id = ?1",
            [ids[0]],
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cards.csv");
    export_csv(&store, &ExportScope::All, &path, &mut quiet()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://example.com\"\""),
        "{text}"
    );
    assert!(text.contains(",'-44 BC,"), "{text}");
    assert!(
        !text.contains(",=") && !text.contains("\"="),
        "no cell starts a formula: {text}"
    );

    let mut copy = Store::open_in_memory().unwrap();
    import_csv(&mut copy, &path, T0, &mut quiet()).unwrap();
    assert_eq!(
        card_texts(&copy),
        card_texts(&store),
        "the apostrophes are taken off again"
    );
}
