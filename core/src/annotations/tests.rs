//! Highlights and notes on a real (in-memory) store.

use super::*;

use crate::import::{import_named_text, Format};
use crate::library::{add_document, NewDocument};
use crate::AnnotationId;
use crate::DocumentId;

const TEXT: &str = "\
Détente\n\n\
Günter Guillaume was a spy for East Germany in the office of Willy Brandt. \
Zhōu Ēnlái met Richard Nixon in Beijing in 1972 👍🏽 and the two spoke of Taiwan.\n\n\
The Helsinki Final Act was signed in 1975 by thirty-five states.\n\n\
Détente ended with the Soviet invasion of Afghanistan in 1979.";

fn store_with_text(text: &str) -> (Store, DocumentId) {
    let mut store = Store::open_in_memory().unwrap();
    let report = import_named_text(&mut store, "detente.txt", text, Format::Text, 1_000);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let id = report.added[0].id;
    (store, id)
}

/// Code points `start..end` of `needle` in `body`.
fn span(body: &str, needle: &str) -> (usize, usize) {
    let start = body[..body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {body:?}"))]
        .chars()
        .count();
    (start, start + needle.chars().count())
}

fn text_at(body: &str, a: &Annotation) -> String {
    let (start, end) = (a.start.unwrap(), a.end.unwrap());
    body.chars().skip(start).take(end - start).collect()
}

fn highlight(
    store: &mut Store,
    id: DocumentId,
    needle: &str,
    color: HighlightColor,
    note: Option<&str>,
) -> Annotation {
    let body = store.document(id).unwrap().body;
    let (start, end) = span(&body, needle);
    create(
        store,
        NewAnnotation {
            document_id: id,
            start,
            end,
            color,
            note: note.map(Into::into),
        },
        2_000,
    )
    .unwrap()
}

#[test]
fn highlights_non_ascii_text_in_code_points_with_its_context() {
    let (mut store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;

    let zhou = highlight(
        &mut store,
        id,
        "Zhōu Ēnlái",
        HighlightColor::Green,
        Some("  Premier of China.\n\nMet Nixon.  "),
    );
    assert_eq!(zhou.quote, "Zhōu Ēnlái");
    assert_eq!(
        (zhou.start, zhou.end),
        (Some(span(&body, "Zhōu").0), Some(span(&body, "Ēnlái").1))
    );
    assert_eq!(text_at(&body, &zhou), "Zhōu Ēnlái");
    assert_eq!(
        zhou.note.as_deref(),
        Some("  Premier of China.\n\nMet Nixon."),
        "trailing space goes"
    );
    assert_eq!(
        (zhou.color, zhou.state),
        (HighlightColor::Green, AnchorState::Anchored)
    );
    assert_eq!((zhou.created_at, zhou.updated_at), (2_000, 2_000));

    let gunter = highlight(&mut store, id, "Günter", HighlightColor::Yellow, None);
    assert_eq!(
        (gunter.start, gunter.end),
        (Some(0), Some(6)),
        "the title is not part of the body"
    );
    let thumbs = highlight(&mut store, id, "1972 👍🏽", HighlightColor::Pink, Some(""));
    assert_eq!(
        thumbs.end.unwrap() - thumbs.start.unwrap(),
        7,
        "the emoji with its skin tone is two code points"
    );
    assert_eq!(thumbs.note, None, "a blank note is none");

    // The stored W3C selectors: 32 code points of context on each side.
    let (exact, prefix, suffix, revision): (String, String, String, i64) = store
        .connection()
        .query_row(
            "SELECT quote_exact, quote_prefix, quote_suffix, anchored_revision FROM annotations WHERE id = ?1",
            [zhou.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(exact, "Zhōu Ēnlái");
    assert_eq!(prefix.chars().count(), 32);
    assert!(prefix.ends_with("office of Willy Brandt. "), "{prefix:?}");
    assert_eq!(suffix, " met Richard Nixon in Beijing in");
    assert_eq!(revision, 1);
}

#[test]
fn a_selection_is_trimmed_and_bad_ones_say_what_is_wrong() {
    let (mut store, id) = store_with_text(TEXT);
    let body = store.document(id).unwrap().body;
    let total = body.chars().count();
    let (s, e) = span(&body, " Zhōu Ēnlái ");
    let new = |start, end, note: Option<String>| NewAnnotation {
        document_id: id,
        start,
        end,
        color: HighlightColor::Blue,
        note,
    };

    let trimmed = create(&mut store, new(s, e, None), 1).unwrap();
    assert_eq!(
        trimmed.quote, "Zhōu Ēnlái",
        "white space at the edges is left out"
    );
    assert_eq!(trimmed.start, Some(s + 1));

    let msg = |store: &mut Store, n: NewAnnotation| create(store, n, 1).unwrap_err().to_string();
    assert!(msg(&mut store, new(5, 5, None)).contains("Select the words again"));
    assert!(msg(&mut store, new(6, 2, None)).contains("Select the words again"));
    assert!(
        msg(&mut store, new(total - 1, total + 1, None)).contains(&format!("{total} characters"))
    );
    assert!(msg(&mut store, new(s, s + 1, None)).contains("only white space"));
    let long = "é".repeat(MAX_NOTE_CHARS + 1);
    assert!(msg(&mut store, new(0, 6, Some(long))).contains("up to 10000"));
    assert!(
        create(&mut store, new(0, 6, Some("é".repeat(MAX_NOTE_CHARS))), 1).is_ok(),
        "10,000 characters fit"
    );
    let missing = NewAnnotation {
        document_id: DocumentId(999),
        ..new(0, 6, None)
    };
    assert!(matches!(
        create(&mut store, missing, 1),
        Err(Error::NotFound {
            what: "document",
            id: 999
        })
    ));
}

#[test]
fn edits_and_deletes() {
    let (mut store, id) = store_with_text(TEXT);
    let a = highlight(&mut store, id, "Willy Brandt", HighlightColor::Yellow, None);

    let edited = update(
        &mut store,
        a.id,
        AnnotationEdit {
            color: HighlightColor::Pink,
            note: Some("**His** aide.".into()),
        },
        3_000,
    )
    .unwrap();
    assert_eq!(
        (edited.color, edited.note.as_deref()),
        (HighlightColor::Pink, Some("**His** aide."))
    );
    assert_eq!((edited.created_at, edited.updated_at), (2_000, 3_000));
    assert_eq!(
        (edited.start, edited.quote.as_str()),
        (a.start, "Willy Brandt"),
        "the anchor is untouched"
    );

    let cleared = update(
        &mut store,
        a.id,
        AnnotationEdit {
            color: HighlightColor::Pink,
            note: Some(" \n ".into()),
        },
        4_000,
    )
    .unwrap();
    assert_eq!(cleared.note, None);
    let too_long = AnnotationEdit {
        color: HighlightColor::Pink,
        note: Some("x".repeat(MAX_NOTE_CHARS + 1)),
    };
    assert!(update(&mut store, a.id, too_long, 5_000)
        .unwrap_err()
        .to_string()
        .contains("Shorten it"));

    delete(&mut store, a.id).unwrap();
    assert!(document_annotations(&store, id).unwrap().is_empty());
    assert!(matches!(
        delete(&mut store, a.id),
        Err(Error::NotFound {
            what: "highlight",
            ..
        })
    ));
    let edit = AnnotationEdit {
        color: HighlightColor::Blue,
        note: None,
    };
    assert!(update(&mut store, a.id, edit, 6_000)
        .unwrap_err()
        .to_string()
        .contains("no highlight"));
}

#[test]
fn a_documents_highlights_come_in_reading_order() {
    let (mut store, id) = store_with_text(TEXT);
    let last = highlight(&mut store, id, "Afghanistan", HighlightColor::Blue, None);
    let first = highlight(
        &mut store,
        id,
        "Günter Guillaume",
        HighlightColor::Yellow,
        None,
    );
    let middle = highlight(
        &mut store,
        id,
        "Helsinki Final Act",
        HighlightColor::Green,
        None,
    );
    let inner = highlight(&mut store, id, "Günter", HighlightColor::Pink, None);
    let ids: Vec<AnnotationId> = document_annotations(&store, id)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, [inner.id, first.id, middle.id, last.id]);
    assert!(matches!(
        document_annotations(&store, DocumentId(404)),
        Err(Error::NotFound {
            what: "document",
            id: 404
        })
    ));
}

#[test]
fn the_library_list_filters_by_colour_and_finds_words_in_quotes_and_notes() {
    let (mut store, id) = store_with_text(TEXT);
    let other = add_document(
        &mut store,
        NewDocument {
            title: "Ostpolitik".into(),
            author: None,
            category_path: vec!["History".into(), "Cold War".into()],
            source: None,
            body: "Willy Brandt knelt at the Warsaw Ghetto memorial in 1970.".into(),
        },
    )
    .unwrap()
    .id;
    let zhou = highlight(&mut store, id, "Zhōu Ēnlái", HighlightColor::Green, None);
    let helsinki = highlight(
        &mut store,
        id,
        "Helsinki Final Act",
        HighlightColor::Yellow,
        Some("Human rights: Basket III"),
    );
    let knelt = highlight(
        &mut store,
        other,
        "knelt",
        HighlightColor::Yellow,
        Some("Kniefall von Warschau, 100% symbolic"),
    );

    let all = library_annotations(&store, &AnnotationFilter::default()).unwrap();
    // Documents by title ("Détente" before "Ostpolitik"), then reading order.
    let ids: Vec<AnnotationId> = all.iter().map(|a| a.annotation.id).collect();
    assert_eq!(ids, [zhou.id, helsinki.id, knelt.id]);
    assert_eq!(all[2].document_title, "Ostpolitik");
    assert_eq!(all[2].category_path, ["History", "Cold War"]);
    assert_eq!(all[0].document_title, "Détente");

    let find = |color: Option<HighlightColor>, query: Option<&str>| -> Vec<AnnotationId> {
        let filter = AnnotationFilter {
            color,
            query: query.map(Into::into),
        };
        library_annotations(&store, &filter)
            .unwrap()
            .iter()
            .map(|a| a.annotation.id)
            .collect()
    };
    assert_eq!(
        find(Some(HighlightColor::Yellow), None),
        [helsinki.id, knelt.id]
    );
    assert_eq!(
        find(Some(HighlightColor::Pink), None),
        Vec::<AnnotationId>::new()
    );
    assert_eq!(
        find(None, Some("zhou enlai")),
        [zhou.id],
        "accents and case are ignored"
    );
    assert_eq!(find(None, Some("ZHŌU")), [zhou.id]);
    assert_eq!(
        find(None, Some("basket")),
        [helsinki.id],
        "the note is searched"
    );
    assert_eq!(
        find(None, Some("warschau knelt")),
        [knelt.id],
        "every word, in quote or note"
    );
    assert_eq!(
        find(None, Some("100%")),
        [knelt.id],
        "no wildcard characters"
    );
    assert_eq!(find(None, Some("%")), [knelt.id]);
    assert_eq!(find(None, Some("_")), Vec::<AnnotationId>::new());
    assert_eq!(
        find(Some(HighlightColor::Green), Some("helsinki")),
        Vec::<AnnotationId>::new()
    );
    assert_eq!(
        find(None, Some("   ")).len(),
        3,
        "a blank query finds everything"
    );
}

#[test]
fn an_edited_version_moves_highlights_with_their_text_and_orphans_the_deleted_ones() {
    let (mut store, id) = store_with_text(TEXT);
    let gunter = highlight(
        &mut store,
        id,
        "Günter Guillaume",
        HighlightColor::Yellow,
        None,
    );
    let meeting = highlight(
        &mut store,
        id,
        "Zhōu Ēnlái met Richard Nixon in Beijing",
        HighlightColor::Green,
        None,
    );
    let helsinki = highlight(
        &mut store,
        id,
        "Helsinki Final Act was signed in 1975",
        HighlightColor::Blue,
        Some("Basket III: human rights."),
    );
    let afghanistan = highlight(&mut store, id, "Afghanistan", HighlightColor::Pink, None);

    // A sentence added in front, the meeting reworded a little, the Helsinki paragraph gone.
    let edited = TEXT
        .replace(
            "Détente\n\nGünter",
            "Détente\n\nA new opening sentence about the 1970s. Günter",
        )
        .replace(
            "met Richard Nixon in Beijing",
            "met President Richard Nixon in Beijing",
        )
        .replace(
            "The Helsinki Final Act was signed in 1975 by thirty-five states.\n\n",
            "",
        );
    let report = import_named_text(&mut store, "detente.txt", &edited, Format::Text, 5_000);
    assert_eq!(report.updated.len(), 1, "{report:?}");
    let doc = store.document(id).unwrap();
    assert_eq!(doc.revision, 2);

    let list = document_annotations(&store, id).unwrap();
    let ids: Vec<AnnotationId> = list.iter().map(|a| a.id).collect();
    assert_eq!(
        ids,
        [gunter.id, meeting.id, afghanistan.id, helsinki.id],
        "orphans come last"
    );

    let moved = store.annotation(gunter.id).unwrap();
    assert_eq!(text_at(&doc.body, &moved), "Günter Guillaume");
    assert_eq!(moved.start, Some(span(&doc.body, "Günter").0));
    assert_eq!(moved.updated_at, 2_000, "a shift is not an edit");

    let fuzzy = store.annotation(meeting.id).unwrap();
    assert_eq!(fuzzy.state, AnchorState::Anchored);
    assert_eq!(
        fuzzy.quote,
        text_at(&doc.body, &fuzzy),
        "the quote is what it covers now"
    );
    assert!(fuzzy.quote.contains("President Richard Nixon"), "{fuzzy:?}");

    assert_eq!(
        text_at(&doc.body, &store.annotation(afghanistan.id).unwrap()),
        "Afghanistan"
    );

    let orphan = store.annotation(helsinki.id).unwrap();
    assert_eq!(orphan.state, AnchorState::Orphaned);
    assert_eq!((orphan.start, orphan.end), (None, None));
    assert_eq!(
        orphan.quote, "Helsinki Final Act was signed in 1975",
        "never moved elsewhere"
    );
    assert_eq!(
        orphan.note.as_deref(),
        Some("Basket III: human rights."),
        "its note is kept"
    );
    assert_eq!(orphan.updated_at, 5_000);

    let revisions: Vec<(AnnotationId, String)> = store
        .connection()
        .prepare("SELECT id, anchored_revision || anchor_state FROM annotations ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        revisions,
        [
            (gunter.id, "2anchored".to_string()),
            (meeting.id, "2anchored".into()),
            (helsinki.id, "1orphaned".into()),
            (afghanistan.id, "2anchored".into())
        ]
    );

    // The paragraph comes back in a later version: the orphan is found by its quote.
    let report = import_named_text(
        &mut store,
        "detente.txt",
        &format!(
            "{edited}\n\n{}",
            "The Helsinki Final Act was signed in 1975 by thirty-five states."
        ),
        Format::Text,
        6_000,
    );
    assert_eq!(report.updated.len(), 1, "{report:?}");
    let body = store.document(id).unwrap().body;
    let back = store.annotation(helsinki.id).unwrap();
    assert_eq!(back.state, AnchorState::Anchored);
    assert_eq!(
        text_at(&body, &back),
        "Helsinki Final Act was signed in 1975"
    );
}

#[test]
fn exports_a_documents_or_all_highlights_as_markdown() {
    let (mut store, id) = store_with_text(TEXT);
    let other = add_document(
        &mut store,
        NewDocument {
            title: "Ostpolitik".into(),
            author: None,
            category_path: vec!["History".into(), "Cold War".into()],
            source: None,
            body: "Willy Brandt knelt at the Warsaw Ghetto memorial in 1970.".into(),
        },
    )
    .unwrap()
    .id;
    highlight(
        &mut store,
        other,
        "knelt",
        HighlightColor::Yellow,
        Some("Kniefall von Warschau.\n\n# not a heading"),
    );
    highlight(&mut store, id, "Zhōu Ēnlái", HighlightColor::Green, None);

    let (md, documents, annotations) = export_markdown(&store, Some(other)).unwrap();
    assert_eq!((documents, annotations), (1, 1));
    assert_eq!(
        md,
        "# Ostpolitik\n\n*History › Cold War*\n\n> knelt\n<!-- color: yellow -->\n\nKniefall von Warschau.\n\n\\# not a heading\n"
    );

    let (all, documents, annotations) = export_markdown(&store, None).unwrap();
    assert_eq!((documents, annotations), (2, 2));
    assert!(all.starts_with("# Détente\n\n> Zhōu Ēnlái\n"), "{all}");
    assert!(all.contains("\n# Ostpolitik\n"), "{all}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("highlights.md");
    let summary = export_to_file(&store, None, &path).unwrap();
    assert_eq!((summary.documents, summary.annotations), (2, 2));
    assert_eq!(summary.path, path.display().to_string());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), all);
    // A name without an extension gets ".md"; other files are not written.
    let summary = export_to_file(&store, Some(id), &dir.path().join("zhou")).unwrap();
    assert!(summary.path.ends_with("zhou.md"), "{summary:?}");
    assert!(dir.path().join("zhou.md").exists());
    let err = export_to_file(&store, None, &dir.path().join(".bashrc.sh"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a Markdown file"), "{err}");
    let err = export_to_file(&store, None, Path::new("relative.md"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("choose a file"), "{err}");

    let empty = add_document(
        &mut store,
        NewDocument {
            title: "Empty".into(),
            author: None,
            category_path: vec![],
            source: None,
            body: "Nothing marked.".into(),
        },
    )
    .unwrap()
    .id;
    let err = export_to_file(&store, Some(empty), &dir.path().join("none.md"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no highlights"), "{err}");
    assert!(!dir.path().join("none.md").exists());
    let err = export_to_file(&store, None, &dir.path().join("missing/dir/x.md"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("Could not write"), "{err}");
}
