// Declares the app's own commands, so a window may call only those its
// capability grants (src-tauri/capabilities/).
fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "app_info",
            "app_ready",
            "list_documents",
            "add_document",
            "category_tree",
            "search_documents",
            "get_document",
            "delete_document",
            "import_paths",
            "import_text",
            "add_starter_library",
            "document_cards",
            "accept_cards",
            "accept_all_cards",
            "reject_cards",
            "update_card",
            "draft_card_from_selection",
            "create_card",
            "card_deck",
            "review_status",
            "review_restart",
            "review_answer",
            "review_undo",
            "review_bury",
            "review_suspend",
            "check_typed_answer",
            "due_summary",
            "spread_backlog",
            "optimize_parameters",
            "progress_dashboard",
            "document_mastery",
        ]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
