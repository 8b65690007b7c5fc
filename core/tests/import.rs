//! Import end to end: real files (the fixtures beside this file, written for
//! these tests) through `clio_core::import` into a real SQLite file.

use std::fs;
use std::path::{Path, PathBuf};

use clio_core::import::{import_path, import_text, ImportReport, MAX_FILE_BYTES};
use clio_core::library::{body_of_blocks, BlockKind, SourceFormat};
use clio_core::{DocumentId, Store};
use rusqlite::Connection;
use tempfile::TempDir;

const NOW: i64 = 1_760_000_000_000;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

struct Lib {
    _dir: TempDir,
    path: PathBuf,
    store: Store,
}

fn library() -> Lib {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clio.sqlite3");
    let store = Store::open(&path).unwrap();
    Lib {
        _dir: dir,
        path,
        store,
    }
}

impl Lib {
    fn raw(&self) -> Connection {
        Connection::open(&self.path).unwrap()
    }

    /// Rows in every table an import writes to.
    fn rows(&self) -> Vec<(String, i64)> {
        let conn = self.raw();
        [
            "documents",
            "document_revisions",
            "categories",
            "tags",
            "document_tags",
            "cards",
        ]
        .iter()
        .map(|t| {
            (
                t.to_string(),
                conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                    .unwrap(),
            )
        })
        .collect()
    }

    fn import(&mut self, path: &Path) -> ImportReport {
        import_path(&mut self.store, path, NOW)
    }

    fn only_added(&mut self, path: &Path) -> clio_core::library::Document {
        let report = self.import(path);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.added.len(), 1, "{report:?}");
        self.store.document(report.added[0].id).unwrap()
    }
}

/// Text that must never reach the library from a page.
const NEVER: &[&str] = &[
    "<script",
    "onerror",
    "onclick",
    "onload",
    "javascript:",
    "alert(",
    "SCRIPT",
    "STYLE TEXT",
];

fn assert_safe_and_consistent(lib: &Lib, id: DocumentId) {
    let doc = lib.store.document(id).unwrap();
    assert_eq!(
        doc.body,
        body_of_blocks(&doc.blocks),
        "the body is the blocks joined by blank lines"
    );
    let (body, blocks_json): (String, String) = lib
        .raw()
        .query_row(
            "SELECT body, blocks_json FROM documents WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    for bad in NEVER {
        assert!(!body.contains(bad), "{bad} in the body of {}", doc.title);
        assert!(
            !blocks_json.contains(bad),
            "{bad} in the blocks of {}",
            doc.title
        );
    }
    assert!(
        !body.contains('<') && !blocks_json.contains('<'),
        "no markup is stored"
    );
}

#[test]
fn a_question_and_answer_page_gives_the_answer_only() {
    let mut lib = library();
    let doc = lib.only_added(&fixture("qa_thirty_years_war.html"));
    assert_eq!(doc.title, "Why did the Thirty Years' War begin?");
    assert_eq!(doc.author.as_deref(), Some("Marguerite Okafor"));
    assert_eq!(doc.category_path, vec!["History", "Early Modern Europe"]);
    assert_eq!(
        doc.source.as_deref(),
        Some("https://askthepast.example/q/30yw-origins")
    );
    assert_eq!(doc.format, SourceFormat::Html);
    assert!(
        doc.blocks[0].text.starts_with("The war began in 1618"),
        "{:?}",
        doc.blocks[0]
    );
    assert!(doc
        .blocks
        .last()
        .unwrap()
        .text
        .starts_with("What began as a Bohemian quarrel"));
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert!(
        kinds.contains(&BlockKind::Heading)
            && kinds.contains(&BlockKind::ListItem)
            && kinds.contains(&BlockKind::Quote)
    );
    for noise in [
        "Hi there",
        "Hope this helps",
        "Comments",
        "Share",
        "Copy link",
        "votes",
        "Christian IV",
        "Quentin",
        "Related questions",
        "Peace of Westphalia change",
        "Advertisement",
        "AskThePast",
        "©",
        "Loading",
        "Search",
        "user-avatar",
        "Reply",
        "answered 3 days ago",
        "full timeline",
        "2.4k views",
    ] {
        assert!(
            !doc.body.contains(noise),
            "“{noise}” is page noise:\n{}",
            doc.body
        );
    }
    assert_safe_and_consistent(&lib, doc.id);
}

#[test]
fn a_blog_page_of_another_layout_gives_its_article_only() {
    let mut lib = library();
    let doc = lib.only_added(&fixture("blog_roman_republic.html"));
    assert_eq!(doc.title, "How did the Roman Republic fall?");
    assert_eq!(doc.author.as_deref(), Some("Tomasz Wierzbicki"));
    assert_eq!(doc.category_path, vec!["History", "Ancient World", "Rome"]);
    assert_eq!(
        doc.source.as_deref(),
        Some("https://lamppost.example/2024/03/roman-republic-fall")
    );
    assert_eq!(
        doc.blocks.len(),
        4,
        "the <br><br> paragraphs: {:#?}",
        doc.blocks
    );
    assert!(doc.blocks[0]
        .text
        .starts_with("The Republic did not fall in a single day."));
    assert!(doc.blocks[3].text.ends_with("gave him the name Augustus."));
    for noise in [
        "Hey friend",
        "Thanks for reading",
        "cookies",
        "Tweet",
        "Email this",
        "Print",
        "Responses",
        "Social War",
        "Popular posts",
        "gladiators",
        "newsletter",
        "Copyright",
        "cupboard",
        "Posted on",
        "Archive",
        "INJECTED",
        "decorative-image",
        "Lamp Post",
    ] {
        assert!(
            !doc.body.contains(noise),
            "“{noise}” is page noise:\n{}",
            doc.body
        );
    }
    assert_safe_and_consistent(&lib, doc.id);
}

#[test]
fn a_saved_text_page_gives_question_category_author_and_answer() {
    let mut lib = library();
    let doc = lib.only_added(&fixture("saved_bronze_age.txt"));
    assert_eq!(
        doc.title,
        "What brought down the Late Bronze Age civilisations of the eastern Mediterranean?"
    );
    assert_eq!(doc.author.as_deref(), Some("Ilse Marchetti"));
    assert_eq!(doc.category_path, vec!["History", "Ancient History"]);
    assert_eq!(doc.format, SourceFormat::Text);
    assert_eq!(doc.blocks.len(), 4, "{:#?}", doc.blocks);
    assert!(doc.blocks[0]
        .text
        .starts_with("Around 1200 BC the palace states"));
    assert!(doc.blocks[3]
        .text
        .starts_with("The collapse was followed by the spread of iron working"));
    for noise in [
        "spinner",
        "3 Comment",
        "profile-img",
        "Hello there",
        "Hope that helps",
        "Leave a Comments",
        "->",
    ] {
        assert!(
            !doc.body.contains(noise),
            "“{noise}” is page noise:\n{}",
            doc.body
        );
    }
    assert_eq!(
        doc.body.matches("What brought down").count(),
        0,
        "the repeated title is not text"
    );
    assert_safe_and_consistent(&lib, doc.id);
}

#[test]
fn markdown_front_matter_and_structure() {
    let mut lib = library();
    let doc = lib.only_added(&fixture("congress_of_vienna.md"));
    assert_eq!(doc.title, "The Congress of Vienna");
    assert_eq!(doc.author.as_deref(), Some("Hedda Lindqvist"));
    assert_eq!(
        doc.category_path,
        vec!["History", "Modern History", "Diplomacy"]
    );
    assert_eq!(
        doc.source.as_deref(),
        Some("https://notes.example/vienna-1815")
    );
    assert_eq!(doc.format, SourceFormat::Markdown);
    let mut tags = doc.tags.clone();
    tags.sort();
    assert_eq!(tags, vec!["19th century", "Europe", "diplomacy"]);
    assert_eq!(doc.blocks[0].text, "The Congress of Vienna met from September 1814 to June 1815 to redraw the map of Europe after the defeat of Napoleon.");
    assert_eq!(doc.blocks[1].kind, BlockKind::Heading);
    assert_eq!(doc.blocks[2].kind, BlockKind::ListItem);
    assert_eq!(doc.blocks.last().unwrap().text, "A note in raw HTML.");
    assert!(!doc.body.contains("**") && !doc.body.contains("# "));
    assert_safe_and_consistent(&lib, doc.id);
}

#[test]
fn plain_text_and_windows_1252() {
    let mut lib = library();
    let doc = lib.only_added(&fixture("edict_of_nantes.txt"));
    assert_eq!(doc.title, "The Edict of Nantes");
    assert_eq!(doc.blocks.len(), 2);
    assert_eq!(doc.author, None);

    let file = fixture("schabowski_cp1252.txt");
    let report = lib.import(&file);
    assert_eq!(report.added.len(), 1, "{report:?}");
    assert_eq!(report.warnings.len(), 1);
    let warning = report.warnings[0].to_string();
    assert!(
        warning.contains("schabowski_cp1252.txt")
            && warning.contains("not UTF-8")
            && warning.contains("windows-1252"),
        "{warning}"
    );
    let doc = lib.store.document(report.added[0].id).unwrap();
    assert_eq!(doc.title, "Günter Schabowski’s mistake");
    assert!(
        doc.body.contains("“immediately, without delay”"),
        "{}",
        doc.body
    );
}

#[test]
fn importing_the_same_files_again_adds_nothing() {
    let mut lib = library();
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "qa_thirty_years_war.html",
        "blog_roman_republic.html",
        "saved_bronze_age.txt",
        "congress_of_vienna.md",
        "edict_of_nantes.txt",
    ] {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let first = lib.import(dir.path());
    assert_eq!(first.added.len(), 5, "{first:?}");
    assert!(first.problems.is_empty());
    // Each added text says how many card suggestions were written for it.
    for item in &first.added {
        let written: i64 = Connection::open(&lib.path)
            .unwrap()
            .query_row(
                // The shown suggestions: the ones below the quality bar are held back.
                "SELECT count(*) FROM cards WHERE document_id = ?1 AND status = 'suggested' AND held_back = 0",
                [item.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(item.suggested_cards, Some(written as usize), "{item:?}");
    }
    assert!(first.added.iter().any(|i| i.suggested_cards > Some(0)));
    let rows = lib.rows();
    let again = lib.import(dir.path());
    assert!(
        again.added.is_empty() && again.updated.is_empty(),
        "{again:?}"
    );
    assert_eq!(again.unchanged.len(), 5);
    assert!(again.unchanged.iter().all(|i| i.suggested_cards.is_none()));
    assert_eq!(lib.rows(), rows);
}

#[test]
fn an_edited_file_becomes_a_new_revision_and_flags_its_cards() {
    let mut lib = library();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nantes.txt");
    let old = fs::read_to_string(fixture("edict_of_nantes.txt")).unwrap();
    fs::write(&file, &old).unwrap();
    let id = lib.only_added(&file).id;
    let old_doc = lib.store.document(id).unwrap();
    lib.raw()
        .execute(
            "INSERT INTO cards (document_id, kind, prompt, answer, created_at, updated_at)
             VALUES (?1, 'question', 'When was the Edict of Nantes signed?', '1598', 1, 1)",
            [id],
        )
        .unwrap();

    fs::write(
        &file,
        old.replace("April 1598", "April 1598 at Nantes in Brittany"),
    )
    .unwrap();
    let report = lib.import(&file);
    assert!(report.added.is_empty(), "{report:?}");
    assert_eq!(report.updated.len(), 1);
    assert_eq!(report.updated[0].id, id);
    let doc = lib.store.document(id).unwrap();
    assert_eq!(doc.revision, 2);
    assert_eq!(doc.updated_at, NOW);
    assert!(doc.body.contains("at Nantes in Brittany"));
    let revisions = lib.store.document_revisions(id).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].revision, 1);
    assert_eq!(revisions[0].body, old_doc.body);
    assert_eq!(revisions[0].title, old_doc.title);
    let needs_check: i64 = lib
        .raw()
        .query_row(
            "SELECT needs_check FROM cards WHERE document_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(needs_check, 1);
    assert_eq!(
        lib.store.list_documents().unwrap().len(),
        1,
        "still one document"
    );

    let again = lib.import(&file);
    assert_eq!(again.unchanged.len(), 1, "{again:?}");
    assert_eq!(lib.store.document(id).unwrap().revision, 2);
}

#[test]
fn a_record_without_source_is_matched_by_title() {
    let mut lib = library();
    let report = import_text(
        &mut lib.store,
        r#"[{"title": "The Treaty of Tordesillas", "body": "Signed in 1494."}]"#,
        None,
        NOW,
    );
    let id = report.added[0].id;
    let report = import_text(
        &mut lib.store,
        r#"[{"title": "The Treaty of Tordesillas", "body": "Signed in 1494 by Castile and Portugal."}]"#,
        None,
        NOW,
    );
    assert_eq!(report.updated.len(), 1, "{report:?}");
    assert_eq!(report.updated[0].id, id);
    assert_eq!(lib.store.document(id).unwrap().revision, 2);
    assert_eq!(
        lib.store.document_revisions(id).unwrap()[0].body,
        "Signed in 1494."
    );
}

fn bulk_records(n: usize, broken: usize) -> String {
    let mut out = String::from("[\n");
    for i in 1..=n {
        let record = if i == broken {
            format!("  {{\"title\": \"Battle number {i}\", \"author\": \"Clerk\", \"body\": \"This record lost its closing quote and brace,\n")
        } else {
            format!(
                "  {{\"title\": \"Battle number {i}\", \"author\": \"Clerk {i}\", \"category\": \"History -> Battles\", \"body\": \"Battle {i} was fought in year {}.\\n\\nIt ended, as battles do.\", \"source\": \"https://battles.example/{i}\"}}{}\n",
                1000 + i,
                if i == n { "" } else { "," }
            )
        };
        out.push_str(&record);
    }
    out.push(']');
    out
}

#[test]
fn a_bulk_file_imports_the_good_records_and_names_the_bad_one() {
    let mut lib = library();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("battles.json");
    fs::write(&file, bulk_records(600, 500)).unwrap();
    let report = lib.import(&file);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    let problem = &report.problems[0];
    assert_eq!(problem.record, Some(500));
    assert_eq!(
        problem.file.as_deref(),
        Some(file.display().to_string().as_str())
    );
    let shown = problem.to_string();
    assert!(
        shown.contains("battles.json, record 500:")
            && shown.contains("not valid JSON")
            && shown.contains("Fix this record"),
        "{shown}"
    );
    assert_eq!(report.added.len(), 599);
    assert_eq!(report.added[498].record, Some(499));
    assert_eq!(report.added[499].record, Some(501));
    assert_eq!(lib.store.list_documents().unwrap().len(), 599);
    let doc = lib.store.document(report.added[0].id).unwrap();
    assert_eq!(doc.category_path, vec!["History", "Battles"]);
    assert_eq!(doc.format, SourceFormat::Json);
    assert_eq!(doc.blocks.len(), 2);
    assert!(!lib
        .store
        .list_documents()
        .unwrap()
        .iter()
        .any(|d| d.title == "Battle number 500"));
    let categories: i64 = lib
        .raw()
        .query_row("SELECT count(*) FROM categories", [], |r| r.get(0))
        .unwrap();
    assert_eq!(categories, 2, "one category path shared by all records");
}

#[test]
fn bad_files_are_refused_by_name_and_change_nothing() {
    let mut lib = library();
    lib.import(&fixture("edict_of_nantes.txt"));
    let rows = lib.rows();
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("huge.txt");
    fs::File::create(&large)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    assert!(fs::metadata(&large).unwrap().len() > MAX_FILE_BYTES);
    let all_bad = dir.path().join("all_bad.json");
    fs::write(
        &all_bad,
        r#"[{"title": "No body"}, {"body": "No title"}, 42]"#,
    )
    .unwrap();
    let only_title = dir.path().join("blank.md");
    fs::write(&only_title, "---\ntitle: Just a title\n---\n\n   \n").unwrap();

    let cases: Vec<(PathBuf, &[&str])> = vec![
        (fixture("empty.txt"), &["empty.txt", "is empty"]),
        (
            fixture("scan.txt"),
            &["scan.txt", "binary", "save or export"],
        ),
        (
            large.clone(),
            &[
                "huge.txt",
                "too large",
                "50.0 MB",
                "limit is 10 MB",
                "Split it",
            ],
        ),
        (
            dir.path().join("missing.html"),
            &["missing.html", "could not be read"],
        ),
        (only_title.clone(), &["blank.md", "has no text"]),
    ];
    for (file, expected) in cases {
        let report = lib.import(&file);
        assert!(
            report.added.is_empty() && report.updated.is_empty(),
            "{report:?}"
        );
        assert_eq!(report.problems.len(), 1, "{report:?}");
        let shown = report.problems[0].to_string();
        for part in expected {
            assert!(shown.contains(part), "“{part}” not in: {shown}");
        }
        assert_eq!(lib.rows(), rows, "{} changed the library", file.display());
    }
    let report = lib.import(&all_bad);
    let records: Vec<Option<usize>> = report.problems.iter().map(|p| p.record).collect();
    assert_eq!(records, vec![Some(1), Some(2), Some(3)]);
    assert!(
        report.problems[0].message.contains("no \"body\""),
        "{:?}",
        report.problems[0]
    );
    assert!(
        report.problems[1].message.contains("no \"title\""),
        "{:?}",
        report.problems[1]
    );
    assert_eq!(lib.rows(), rows);
}

#[test]
fn a_folder_is_imported_recursively_with_notes_on_what_was_left_out() {
    let mut lib = library();
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("europe").join("early-modern");
    fs::create_dir_all(&nested).unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::copy(fixture("qa_thirty_years_war.html"), nested.join("qa.html")).unwrap();
    fs::copy(
        fixture("congress_of_vienna.md"),
        dir.path().join("europe").join("vienna.md"),
    )
    .unwrap();
    fs::copy(
        fixture("saved_bronze_age.txt"),
        dir.path().join("bronze.txt"),
    )
    .unwrap();
    fs::copy(fixture("empty.txt"), dir.path().join("empty.txt")).unwrap();
    fs::copy(
        fixture("edict_of_nantes.txt"),
        dir.path().join(".hidden.txt"),
    )
    .unwrap();
    fs::copy(
        fixture("edict_of_nantes.txt"),
        dir.path().join(".git").join("nantes.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4 not for us").unwrap();

    let report = lib.import(dir.path());
    let mut titles: Vec<&str> = report.added.iter().map(|i| i.title.as_str()).collect();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            "The Congress of Vienna",
            "What brought down the Late Bronze Age civilisations of the eastern Mediterranean?",
            "Why did the Thirty Years' War begin?",
        ]
    );
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0]
        .file
        .as_deref()
        .unwrap()
        .ends_with("empty.txt"));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0]
        .file
        .as_deref()
        .unwrap()
        .ends_with("scan.pdf"));
    assert!(report.warnings[0].message.contains("skipped"));
    assert!(report
        .added
        .iter()
        .all(|i| i.file.is_some() && i.record.is_none()));
}

#[test]
fn an_unreadable_folder_is_reported_and_the_rest_imported() {
    use std::os::unix::fs::PermissionsExt;
    let mut lib = library();
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::copy(fixture("edict_of_nantes.txt"), locked.join("nantes.txt")).unwrap();
    fs::copy(
        fixture("saved_bronze_age.txt"),
        dir.path().join("bronze.txt"),
    )
    .unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::read_dir(&locked).is_ok(); // root reads everything
    let report = lib.import(dir.path());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if readable_anyway {
        eprintln!(
            "running as a user who can read any folder: the unreadable case cannot be made here"
        );
        assert_eq!(report.added.len(), 2);
        return;
    }
    assert_eq!(report.added.len(), 1, "{report:?}");
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0]
        .file
        .as_deref()
        .unwrap()
        .ends_with("locked"));
    assert!(report.problems[0].message.contains("could not be read"));
}

#[test]
fn pasted_html_is_sanitised_and_keeps_its_origin() {
    let mut lib = library();
    let pasted = r#"<div class="post"><h1>The fall of Constantinople</h1>
        <p>The Ottoman sultan Mehmed II took the city on 29 May 1453, after a siege of fifty-three days.</p>
        <p><a href="javascript:alert(1)">Click</a><img src=x onerror="alert(2)"><script>alert(3)</script></p>
        <p>Its great walls, built under Theodosius II, had held for a thousand years.</p></div>"#;
    let report = import_text(
        &mut lib.store,
        pasted,
        Some("https://pasted.example/1453"),
        NOW,
    );
    assert_eq!(report.added.len(), 1, "{report:?}");
    let doc = lib.store.document(report.added[0].id).unwrap();
    assert_eq!(doc.title, "The fall of Constantinople");
    assert_eq!(doc.source.as_deref(), Some("https://pasted.example/1453"));
    assert_eq!(doc.blocks.len(), 2, "{:#?}", doc.blocks);
    assert_safe_and_consistent(&lib, doc.id);

    let report = import_text(&mut lib.store, "   ", None, NOW);
    assert!(report.added.is_empty());
    assert_eq!(report.problems.len(), 1, "{report:?}");
}

#[test]
fn the_report_serialises_in_camel_case() {
    let mut lib = library();
    let report = lib.import(&fixture("schabowski_cp1252.txt"));
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["added"][0]["id"].is_number());
    assert!(json["warnings"][0]["message"].is_string());
    assert!(json.get("problems").is_some() && json.get("unchanged").is_some());
    assert_eq!(
        report.summary(),
        "1 added, 0 updated, 0 unchanged, 0 problems, 1 warning"
    );
}

#[test]
fn records_of_one_bulk_file_sharing_a_source_stay_separate_documents() {
    let mut lib = library();
    let bulk = r#"[
      {"title": "Charlemagne crowned", "body": "On Christmas Day 800 Pope Leo III crowned Charlemagne emperor.", "source": "Annals"},
      {"title": "Treaty of Verdun", "body": "In 843 the Treaty of Verdun divided the Carolingian empire in three.", "source": "Annals"}
    ]"#;
    let report = import_text(&mut lib.store, bulk, None, NOW);
    assert_eq!(report.added.len(), 2, "{report:?}");
    assert!(report.updated.is_empty());
    // Imported again with one record edited: that record (same source, same
    // title) becomes a revision, the other is unchanged.
    let edited = bulk.replace(
        "divided the Carolingian empire in three",
        "divided the Carolingian empire among three grandsons",
    );
    let report = import_text(&mut lib.store, &edited, None, NOW);
    assert_eq!(report.unchanged.len(), 1, "{report:?}");
    assert_eq!(report.updated.len(), 1);
    assert_eq!(report.updated[0].title, "Treaty of Verdun");
}

/// Four more layouts, none of which the rules were written from: a forum with
/// several answers, an encyclopedia article, a page whose class names say
/// nothing (utility classes), and an essay platform.
#[test]
fn pages_of_other_layouts_give_their_text_only() {
    struct Case {
        file: &'static str,
        title: &'static str,
        author: Option<&'static str>,
        first: &'static str,
        last: &'static str,
        absent: &'static [&'static str],
    }
    let cases = [
        Case {
            file: "forum_edict_of_worms.html",
            title: "Why was the Edict of Worms issued?",
            author: Some("Helga Brandauer"),
            first: "The Edict of Worms was issued by Emperor Charles V",
            last: "translated the New Testament into German.",
            absent: &[
                "Improve this answer",
                "Share",
                "Follow",
                "45.2k",
                "pedant42",
                "Protestant territories",
                "Hot Network",
                "cats",
                "Log in",
                "I read that Luther",
                "3 Answers",
            ],
        },
        Case {
            file: "encyclopedia_diet_of_worms.html",
            title: "Diet of Worms",
            author: None,
            first: "The Diet of Worms was an imperial diet",
            last: "p. 185.",
            absent: &[
                "[1]",
                "[edit]",
                "edit",
                "Contents",
                "Location",
                "From Openpedia",
                "Categories",
                "Zwingli",
                "last edited",
                "Log in",
                "Create account",
            ],
        },
        Case {
            file: "utility_classes_diet_of_worms.html",
            title: "What was the significance of the Diet of Worms?",
            author: Some("Rosa Ventimiglia"),
            first: "The Diet of Worms in 1521 turned a theological argument",
            last: "religious wars of the following decades.",
            absent: &[
                "Hello",
                "Hope this helps",
                "1.2K views",
                "Upvote",
                "Share",
                "Related questions",
                "Careers",
                "Notifications",
                "Sort",
                "4y",
            ],
        },
        Case {
            file: "essay_peasants_war.html",
            title: "The Peasants' War of 1525",
            author: Some("Jan Novak"),
            first: "Why the largest popular uprising",
            last: "Thomas Müntzer was captured and executed.",
            absent: &[
                "Follow",
                "min read",
                "Listen",
                "Share",
                "312",
                "Thanks for reading",
                "claps",
                "More from",
                "Sign in",
                "Hussite",
            ],
        },
    ];
    for case in cases {
        let mut lib = library();
        let doc = lib.only_added(&fixture(case.file));
        assert_eq!(doc.title, case.title, "{}", case.file);
        assert_eq!(doc.author.as_deref(), case.author, "{}", case.file);
        assert!(
            doc.body.starts_with(case.first),
            "{}:\n{}",
            case.file,
            doc.body
        );
        assert!(
            doc.body.ends_with(case.last),
            "{}:\n{}",
            case.file,
            doc.body
        );
        for noise in case.absent {
            assert!(
                !doc.body.contains(noise),
                "{}: “{noise}” is page noise:\n{}",
                case.file,
                doc.body
            );
        }
        assert_safe_and_consistent(&lib, doc.id);
    }
}

/// Imports `count` short texts, each about its own treaty and year (from
/// `first_year` on), from a folder at once.
fn import_treaties(lib: &mut Lib, count: usize, first_year: usize) -> ImportReport {
    let folder = tempfile::tempdir().unwrap();
    for i in 0..count {
        let year = first_year + i;
        fs::write(
            folder.path().join(format!("treaty-{i:03}.md")),
            format!(
                "# Which treaty was signed in {year}?\n\nThe Treaty of Place{i} was signed in {year} by three kingdoms. \
                 It ended a war that had lasted for seven years and moved the border to the river.\n"
            ),
        )
        .unwrap();
    }
    import_path(&mut lib.store, folder.path(), NOW)
}

/// A large import stores every text at once and leaves most suggestions for
/// later; `write_pending_suggestions` then writes them in small steps.
#[test]
fn a_large_import_writes_the_first_suggestions_at_once_and_the_rest_in_steps() {
    use clio_core::cards::write_pending_suggestions;
    use clio_core::import::INLINE_SUGGESTIONS;
    let mut lib = library();
    let total = INLINE_SUGGESTIONS + 5;
    let report = import_treaties(&mut lib, total, 1800);
    assert_eq!(report.added.len(), total, "{:?}", report.problems);
    assert_eq!(report.suggestions_pending, 5);
    let with_suggestions = |lib: &Lib| -> i64 {
        lib.raw()
            .query_row(
                "SELECT count(DISTINCT document_id) FROM cards WHERE status = 'suggested'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(with_suggestions(&lib), INLINE_SUGGESTIONS as i64);

    assert_eq!(
        write_pending_suggestions(&mut lib.store, NOW, 3).unwrap(),
        3
    );
    assert_eq!(
        write_pending_suggestions(&mut lib.store, NOW, 10).unwrap(),
        2
    );
    assert_eq!(
        write_pending_suggestions(&mut lib.store, NOW, 10).unwrap(),
        0,
        "nothing left"
    );
    assert_eq!(with_suggestions(&lib), total as i64);
    // The texts of a step are worked on side by side: each card must still be
    // written to the text it was made from.
    let misplaced: i64 = lib
        .raw()
        .query_row(
            "SELECT count(*) FROM cards c JOIN documents d ON d.id = c.document_id
             WHERE c.status = 'suggested' AND instr(d.body, c.source_text) = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(misplaced, 0, "suggestions written to another text");
}

/// The pending suggestions of many texts are written batch after batch, the next
/// batch's cards made while one is written: every text gets its own cards, and
/// none is written twice or to another text.
#[test]
fn pending_suggestions_of_several_batches_each_reach_their_own_text() {
    use clio_core::cards::write_pending_suggestions;
    use clio_core::import::INLINE_SUGGESTIONS;
    let mut lib = library();
    // More than two batches of 32 left for later.
    let pending = 70;
    let total = INLINE_SUGGESTIONS + pending;
    let report = import_treaties(&mut lib, total, 1500);
    assert_eq!(report.added.len(), total, "{:?}", report.problems);
    assert_eq!(report.suggestions_pending, pending);
    assert_eq!(
        write_pending_suggestions(&mut lib.store, NOW, usize::MAX).unwrap(),
        pending
    );
    let count = |sql: &str| -> i64 { lib.raw().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(DISTINCT document_id) FROM cards WHERE status = 'suggested'"),
        total as i64
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM cards c JOIN documents d ON d.id = c.document_id
             WHERE c.status = 'suggested' AND instr(d.body, c.source_text) = 0"
        ),
        0,
        "suggestions written to another text"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM (SELECT document_id, prompt FROM cards
             WHERE status = 'suggested' GROUP BY document_id, prompt HAVING count(*) > 1)"
        ),
        0,
        "a suggestion written twice"
    );
    assert_eq!(
        write_pending_suggestions(&mut lib.store, NOW, usize::MAX).unwrap(),
        0
    );
}
