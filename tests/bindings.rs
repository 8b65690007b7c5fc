//! The UI's TypeScript types are generated from the Rust types. This test fails
//! when the checked-in files in ui/src/lib/bindings/ are stale; run
//! `make bindings` (UPDATE_BINDINGS=1 cargo test --test bindings) to refresh them.

use std::collections::BTreeMap;
use std::path::Path;

use clio_app::commands::{AutomaticBackup, CommandError};
use clio_core::annotations::{
    AnchorState, Annotation, AnnotationEdit, AnnotationFilter, ExportSummary, HighlightColor,
    LibraryAnnotation, NewAnnotation,
};
use clio_core::backup::{BackupInfo, BackupRun, LibraryProblem, RestoreReport};
use clio_core::browse::{
    ActionOutcome, BrowserCard, BrowserPage, BrowserQuery, BrowserSort, CardAction, CardHistory,
    DueFilter, EditOutcome, HistoryEntry, StateFilter, UndoInfo,
};
use clio_core::card_files::CardFileFormat;
use clio_core::cards::CardKind;
use clio_core::cards::{
    CardDraft, CardEdit, CardOrigin, CardStatus, Deck, DeckCard, SelectionDrafts, StoredCard,
};
use clio_core::import::{ImportProblem, ImportReport, ImportedItem};
use clio_core::info::AppInfo;
use clio_core::interchange::{
    CardExportReport, CardImportReport, ExportScope, ImportedCardDocument, Phase, Progress,
};
use clio_core::library::{
    AddedDocument, Block, BlockKind, CategoryCount, Document, DocumentSummary, NewDocument,
    SourceFormat,
};
use clio_core::prefs::Preferences;
use clio_core::quiz::{
    MissedQuestion, QuizFeedback, QuizFormat, QuizQuestion, QuizRequest, QuizResult, QuizScope,
    QuizSession, QuizSummary,
};
use clio_core::review::{
    DueSummary, GradeButton, LeechNote, QueueCounts, ReviewCard, ReviewMode, ReviewStatus,
};
use clio_core::schedule::{
    AnswerDiff, BacklogPlan, DiffKind, DiffPart, OptimizeReport, QueueState, Rating, TypedCheck,
};
use clio_core::search::{SearchHit, SnippetPart};
use clio_core::stats::{
    CardStates, CategoryMastery, Dashboard, DocumentMastery, Forecast, ForecastDay, HardCard,
    Heatmap, HeatmapDay, Mastery, QuizScore, RetentionCell, RetentionPeriod, Today,
};
use ts_rs::{Config, TS};

fn generated() -> BTreeMap<String, String> {
    let cfg = Config::new();
    let mut files = BTreeMap::new();
    let mut add = |name: String, text: Result<String, ts_rs::ExportError>| {
        files.insert(format!("{name}.ts"), text.expect("type exports"));
    };
    add(AppInfo::ident(&cfg), AppInfo::export_to_string(&cfg));
    add(
        DocumentSummary::ident(&cfg),
        DocumentSummary::export_to_string(&cfg),
    );
    add(
        NewDocument::ident(&cfg),
        NewDocument::export_to_string(&cfg),
    );
    add(
        AddedDocument::ident(&cfg),
        AddedDocument::export_to_string(&cfg),
    );
    add(
        CommandError::ident(&cfg),
        CommandError::export_to_string(&cfg),
    );
    add(
        AutomaticBackup::ident(&cfg),
        AutomaticBackup::export_to_string(&cfg),
    );
    add(
        CategoryCount::ident(&cfg),
        CategoryCount::export_to_string(&cfg),
    );
    add(SearchHit::ident(&cfg), SearchHit::export_to_string(&cfg));
    add(
        SnippetPart::ident(&cfg),
        SnippetPart::export_to_string(&cfg),
    );
    add(Document::ident(&cfg), Document::export_to_string(&cfg));
    add(Block::ident(&cfg), Block::export_to_string(&cfg));
    add(BlockKind::ident(&cfg), BlockKind::export_to_string(&cfg));
    add(
        SourceFormat::ident(&cfg),
        SourceFormat::export_to_string(&cfg),
    );
    add(
        ImportReport::ident(&cfg),
        ImportReport::export_to_string(&cfg),
    );
    add(
        ImportedItem::ident(&cfg),
        ImportedItem::export_to_string(&cfg),
    );
    add(
        ImportProblem::ident(&cfg),
        ImportProblem::export_to_string(&cfg),
    );
    add(StoredCard::ident(&cfg), StoredCard::export_to_string(&cfg));
    add(CardKind::ident(&cfg), CardKind::export_to_string(&cfg));
    add(CardStatus::ident(&cfg), CardStatus::export_to_string(&cfg));
    add(CardOrigin::ident(&cfg), CardOrigin::export_to_string(&cfg));
    add(CardDraft::ident(&cfg), CardDraft::export_to_string(&cfg));
    add(CardEdit::ident(&cfg), CardEdit::export_to_string(&cfg));
    add(
        SelectionDrafts::ident(&cfg),
        SelectionDrafts::export_to_string(&cfg),
    );
    add(Deck::ident(&cfg), Deck::export_to_string(&cfg));
    add(DeckCard::ident(&cfg), DeckCard::export_to_string(&cfg));
    add(DueSummary::ident(&cfg), DueSummary::export_to_string(&cfg));
    add(
        GradeButton::ident(&cfg),
        GradeButton::export_to_string(&cfg),
    );
    add(
        QueueCounts::ident(&cfg),
        QueueCounts::export_to_string(&cfg),
    );
    add(ReviewCard::ident(&cfg), ReviewCard::export_to_string(&cfg));
    add(ReviewMode::ident(&cfg), ReviewMode::export_to_string(&cfg));
    add(
        ReviewStatus::ident(&cfg),
        ReviewStatus::export_to_string(&cfg),
    );
    add(LeechNote::ident(&cfg), LeechNote::export_to_string(&cfg));
    add(
        BacklogPlan::ident(&cfg),
        BacklogPlan::export_to_string(&cfg),
    );
    add(DiffKind::ident(&cfg), DiffKind::export_to_string(&cfg));
    add(DiffPart::ident(&cfg), DiffPart::export_to_string(&cfg));
    add(AnswerDiff::ident(&cfg), AnswerDiff::export_to_string(&cfg));
    add(
        OptimizeReport::ident(&cfg),
        OptimizeReport::export_to_string(&cfg),
    );
    add(QueueState::ident(&cfg), QueueState::export_to_string(&cfg));
    add(Rating::ident(&cfg), Rating::export_to_string(&cfg));
    add(TypedCheck::ident(&cfg), TypedCheck::export_to_string(&cfg));
    add(
        BrowserQuery::ident(&cfg),
        BrowserQuery::export_to_string(&cfg),
    );
    add(
        BrowserCard::ident(&cfg),
        BrowserCard::export_to_string(&cfg),
    );
    add(
        BrowserPage::ident(&cfg),
        BrowserPage::export_to_string(&cfg),
    );
    add(
        BrowserSort::ident(&cfg),
        BrowserSort::export_to_string(&cfg),
    );
    add(CardAction::ident(&cfg), CardAction::export_to_string(&cfg));
    add(
        CardHistory::ident(&cfg),
        CardHistory::export_to_string(&cfg),
    );
    add(DueFilter::ident(&cfg), DueFilter::export_to_string(&cfg));
    add(
        EditOutcome::ident(&cfg),
        EditOutcome::export_to_string(&cfg),
    );
    add(
        HistoryEntry::ident(&cfg),
        HistoryEntry::export_to_string(&cfg),
    );
    add(
        StateFilter::ident(&cfg),
        StateFilter::export_to_string(&cfg),
    );
    add(UndoInfo::ident(&cfg), UndoInfo::export_to_string(&cfg));
    add(
        ActionOutcome::ident(&cfg),
        ActionOutcome::export_to_string(&cfg),
    );
    add(QuizScope::ident(&cfg), QuizScope::export_to_string(&cfg));
    add(QuizFormat::ident(&cfg), QuizFormat::export_to_string(&cfg));
    add(
        QuizRequest::ident(&cfg),
        QuizRequest::export_to_string(&cfg),
    );
    add(
        QuizQuestion::ident(&cfg),
        QuizQuestion::export_to_string(&cfg),
    );
    add(
        QuizSession::ident(&cfg),
        QuizSession::export_to_string(&cfg),
    );
    add(
        QuizFeedback::ident(&cfg),
        QuizFeedback::export_to_string(&cfg),
    );
    add(
        MissedQuestion::ident(&cfg),
        MissedQuestion::export_to_string(&cfg),
    );
    add(QuizResult::ident(&cfg), QuizResult::export_to_string(&cfg));
    add(
        QuizSummary::ident(&cfg),
        QuizSummary::export_to_string(&cfg),
    );
    add(
        HighlightColor::ident(&cfg),
        HighlightColor::export_to_string(&cfg),
    );
    add(
        AnchorState::ident(&cfg),
        AnchorState::export_to_string(&cfg),
    );
    add(
        NewAnnotation::ident(&cfg),
        NewAnnotation::export_to_string(&cfg),
    );
    add(
        AnnotationEdit::ident(&cfg),
        AnnotationEdit::export_to_string(&cfg),
    );
    add(Annotation::ident(&cfg), Annotation::export_to_string(&cfg));
    add(
        LibraryAnnotation::ident(&cfg),
        LibraryAnnotation::export_to_string(&cfg),
    );
    add(
        AnnotationFilter::ident(&cfg),
        AnnotationFilter::export_to_string(&cfg),
    );
    add(
        ExportSummary::ident(&cfg),
        ExportSummary::export_to_string(&cfg),
    );
    add(Dashboard::ident(&cfg), Dashboard::export_to_string(&cfg));
    add(Today::ident(&cfg), Today::export_to_string(&cfg));
    add(Heatmap::ident(&cfg), Heatmap::export_to_string(&cfg));
    add(HeatmapDay::ident(&cfg), HeatmapDay::export_to_string(&cfg));
    add(Forecast::ident(&cfg), Forecast::export_to_string(&cfg));
    add(
        ForecastDay::ident(&cfg),
        ForecastDay::export_to_string(&cfg),
    );
    add(
        RetentionPeriod::ident(&cfg),
        RetentionPeriod::export_to_string(&cfg),
    );
    add(
        RetentionCell::ident(&cfg),
        RetentionCell::export_to_string(&cfg),
    );
    add(CardStates::ident(&cfg), CardStates::export_to_string(&cfg));
    add(QuizScore::ident(&cfg), QuizScore::export_to_string(&cfg));
    add(
        DocumentMastery::ident(&cfg),
        DocumentMastery::export_to_string(&cfg),
    );
    add(
        CategoryMastery::ident(&cfg),
        CategoryMastery::export_to_string(&cfg),
    );
    add(Mastery::ident(&cfg), Mastery::export_to_string(&cfg));
    add(HardCard::ident(&cfg), HardCard::export_to_string(&cfg));
    add(
        Preferences::ident(&cfg),
        Preferences::export_to_string(&cfg),
    );
    add(BackupInfo::ident(&cfg), BackupInfo::export_to_string(&cfg));
    add(BackupRun::ident(&cfg), BackupRun::export_to_string(&cfg));
    add(
        LibraryProblem::ident(&cfg),
        LibraryProblem::export_to_string(&cfg),
    );
    add(
        RestoreReport::ident(&cfg),
        RestoreReport::export_to_string(&cfg),
    );
    add(
        ExportScope::ident(&cfg),
        ExportScope::export_to_string(&cfg),
    );
    add(
        CardFileFormat::ident(&cfg),
        CardFileFormat::export_to_string(&cfg),
    );
    add(Phase::ident(&cfg), Phase::export_to_string(&cfg));
    add(Progress::ident(&cfg), Progress::export_to_string(&cfg));
    add(
        CardExportReport::ident(&cfg),
        CardExportReport::export_to_string(&cfg),
    );
    add(
        CardImportReport::ident(&cfg),
        CardImportReport::export_to_string(&cfg),
    );
    add(
        ImportedCardDocument::ident(&cfg),
        ImportedCardDocument::export_to_string(&cfg),
    );
    files
}

#[test]
fn checked_in_bindings_match_the_rust_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    let files = generated();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut problems = Vec::new();
    for (name, text) in &files {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if &on_disk == text => {}
            Ok(_) => problems.push(format!("{name} is stale")),
            Err(_) => problems.push(format!("{name} is missing")),
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".ts") && !files.contains_key(&name) {
            problems.push(format!("{name} is not generated from any Rust type"));
        }
    }
    assert!(
        problems.is_empty(),
        "{}; run `make bindings`",
        problems.join(", ")
    );
}
