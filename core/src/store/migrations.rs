//! The schema's history: one SQL script per version. Append new ones; never edit
//! a released one.

use rusqlite_migration::{Migrations, M};

pub(super) const STEPS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_card_suggestions.sql"),
    include_str!("migrations/0003_stats_indexes.sql"),
    include_str!("migrations/0004_review_history_index.sql"),
    include_str!("migrations/0005_browser_undo.sql"),
    include_str!("migrations/0006_held_back_suggestions.sql"),
    include_str!("migrations/0007_queue_index.sql"),
    include_str!("migrations/0008_review_log_slots.sql"),
];

/// The schema version this Clio writes.
pub const LATEST_VERSION: u32 = STEPS.len() as u32;

pub(super) fn build<'a>(steps: &[&'a str]) -> Migrations<'a> {
    Migrations::new(steps.iter().map(|sql| M::up(sql)).collect())
}
