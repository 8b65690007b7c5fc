//! Where a user's collection lives.

use std::path::PathBuf;

/// The app's reverse-DNS identifier. Tauri derives its data folder from it, so
/// the window and the CLI agree on the default database.
pub const IDENTIFIER: &str = "app.cliostudy.clio";

/// The database file name inside the data folder.
pub const DB_FILE_NAME: &str = "clio.sqlite3";

/// The environment variable that overrides the database path.
pub const DB_ENV: &str = "CLIO_DB";

/// `clio.sqlite3` in the platform data folder, e.g.
/// `~/.local/share/app.cliostudy.clio/clio.sqlite3` on Linux.
pub fn default_db_path() -> PathBuf {
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join(IDENTIFIER).join(DB_FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_is_in_the_identifier_folder() {
        let path = default_db_path();
        assert_eq!(path.file_name().unwrap(), DB_FILE_NAME);
        assert_eq!(path.parent().unwrap().file_name().unwrap(), IDENTIFIER);
    }
}
