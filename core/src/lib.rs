//! `clio-core`: everything Clio does that is not windowing.
//!
//! One module per concern: `store` owns the SQLite file and all SQL, `library`
//! the rules for documents, `cards` the learner's cards, `generate` writing
//! them, `schedule` spaced repetition, `anchor` keeping highlights on their
//! text, `annotations` the learner's highlights and notes, `paths` where the
//! collection lives, `interchange` (with `anki` and `cards_csv`) cards to and
//! from other programs. The desktop shell and the command line both call into
//! this crate and nothing else.

// Card generation runs on every core and frees on one thread what another made:
// with glibc's allocator that is slower than one thread, with mimalloc it is
// about 1.5 times faster on two cores (`examples/generate_bench.rs`). Set here so
// the app, the command line and the benchmarks all run on the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod anchor;
pub mod anki;
pub mod annotations;
pub mod backup;
pub mod browse;
pub mod card_files;
pub mod cards;
pub mod cards_csv;
pub mod error;
pub mod export;
pub mod generate;
pub mod ids;
pub mod import;
pub mod info;
pub mod interchange;
pub mod library;
pub mod paths;
pub mod prefs;
pub mod quiz;
pub mod review;
pub mod schedule;
pub mod search;
pub mod starter;
pub mod stats;
pub mod store;
pub mod time;

#[cfg(test)]
pub(crate) mod test_support;

pub use error::{Error, Result};
pub use ids::{AnnotationId, CardId, DocumentId};
pub use store::Store;

/// The version of Clio, shared by the library, the CLI and the window.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
