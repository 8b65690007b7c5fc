//! The errors Clio reports. Each message says what was wrong and what to do.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "{path} was written by a newer Clio (schema version {found}; this Clio knows up to {supported}). \
         Update Clio to open it. The file was not changed."
    )]
    NewerSchema { path: PathBuf, found: u32, supported: u32 },

    #[error(
        "{path} is not a Clio library: {reason}. Check the path given with --db or CLIO_DB, \
         or move the file aside to start a new library."
    )]
    NotADatabase { path: PathBuf, reason: String },

    #[error("could not open the library at {path}: {reason}")]
    Open { path: PathBuf, reason: String },

    #[error(
        "could not upgrade the library at {path} to schema version {target}: {reason}. \
         The file was left as it was; please report this."
    )]
    Migration { path: PathBuf, target: u32, reason: String },

    /// Input that breaks a rule; the message names the field and the fix.
    #[error("{0}")]
    Invalid(String),

    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
