//! The errors Clio reports. Each message says what was wrong and what to do.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "{path} was written by a newer Clio (schema version {found}; this Clio knows up to {supported}). \
         Update Clio to open it. The file was not changed."
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

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
    Migration {
        path: PathBuf,
        target: u32,
        reason: String,
    },

    /// Input that breaks a rule; the message names the field and the fix.
    #[error("{0}")]
    Invalid(String),

    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: i64 },

    /// The library file is damaged or unreadable. Found before anything was
    /// written to it; the caller offers `newest_good_backup`.
    #[error(
        "the library at {path} is damaged ({reason}). Clio did not change it. {}",
        match newest_good_backup {
            Some(b) => format!("Restore the newest good backup, {}, with `clio restore {}` (the damaged file is kept beside it).", b.display(), b.display()),
            None => "No good backup was found; keep the file and ask for help before deleting anything.".to_owned(),
        }
    )]
    Damaged {
        path: PathBuf,
        reason: String,
        newest_good_backup: Option<PathBuf>,
    },

    /// SQLite found damage while reading or writing (SQLITE_CORRUPT, SQLITE_NOTADB).
    #[error(
        "the library file is damaged: {0}. The change was not saved. Quit Clio and restore a backup \
         (Settings → Backups, or `clio backup --list` and `clio restore FILE`)."
    )]
    Corrupt(String),

    /// The disk (or the database's size limit) is full (SQLITE_FULL).
    #[error(
        "the disk holding {} is full: the last change was not saved, and everything saved before it is intact. \
         Free some disk space and try again.",
        where_(path)
    )]
    DiskFull { path: Option<PathBuf> },

    /// The file or its folder cannot be written (SQLITE_READONLY, or a folder
    /// where SQLite cannot create its journal).
    #[error(
        "{} cannot be written (the file or its folder is read-only): the last change was not saved, and everything \
         saved before it is intact. Make the folder writable, or use another library with --db.",
        where_(path)
    )]
    ReadOnly { path: Option<PathBuf> },

    /// The operating system refused a read or write (SQLITE_IOERR): a disk
    /// that filled up in a way SQLite does not tell apart (a file-size limit,
    /// a quota), a disconnected drive, a failing disk.
    #[error(
        "the disk could not be written or read ({0}; it may be full or disconnected): the last change was not saved, \
         and everything saved before it is intact. Free some disk space or reconnect the disk, then try again."
    )]
    Io(String),

    /// A file outside the database (a backup, an export) could not be read or written.
    #[error("{action} {path}: {reason}")]
    File {
        action: &'static str,
        path: PathBuf,
        reason: String,
    },

    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

fn where_(path: &Option<PathBuf>) -> String {
    match path {
        Some(p) => p.display().to_string(),
        None => "the library".to_owned(),
    }
}

impl From<rusqlite::Error> for Error {
    /// Every query's error: a full disk, a read-only file and a damaged file get
    /// their own messages; everything else is reported as SQLite gave it.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::DiskFull { path: None },
            Some(ErrorCode::ReadOnly) => Error::ReadOnly { path: None },
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Error::Corrupt(e.to_string())
            }
            Some(ErrorCode::SystemIoFailure) => Error::Io(e.to_string()),
            _ => Error::Sqlite(e),
        }
    }
}

impl Error {
    /// "no {what} with id {id}".
    pub fn not_found(what: &'static str, id: impl Into<i64>) -> Self {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }

    /// Names the library file in a full-disk or read-only message that did not know it.
    pub fn at(self, path: &std::path::Path) -> Self {
        match self {
            Error::DiskFull { path: None } => Error::DiskFull {
                path: Some(path.to_owned()),
            },
            Error::ReadOnly { path: None } => Error::ReadOnly {
                path: Some(path.to_owned()),
            },
            other => other,
        }
    }

    /// A disk-full, read-only or damaged-file error: the learner must act before saving again.
    pub fn is_storage_fault(&self) -> bool {
        matches!(
            self,
            Error::DiskFull { .. }
                | Error::ReadOnly { .. }
                | Error::Io(_)
                | Error::Corrupt(_)
                | Error::Damaged { .. }
        )
    }
}

/// An error opening or reading a library file, named for the learner: a
/// read-only folder, a malformed file, a full disk.
pub(crate) fn unreadable(path: &std::path::Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    let code = e.sqlite_error_code();
    if matches!(
        code,
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
    ) && !folder_is_writable(path)
    {
        // SQLite needs to create its -wal and -shm files beside the library.
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        return Error::ReadOnly {
            path: Some(folder.to_owned()),
        };
    }
    match code {
        Some(ErrorCode::DatabaseCorrupt) => Error::Damaged {
            path: path.to_owned(),
            reason: "SQLite reports the file as malformed".into(),
            // the store knows nothing of backups: `backup` offers the newest good one
            newest_good_backup: None,
        },
        Some(ErrorCode::ReadOnly) => Error::ReadOnly {
            path: Some(path.to_owned()),
        },
        Some(ErrorCode::DiskFull) => Error::DiskFull {
            path: Some(path.to_owned()),
        },
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => Error::Open {
            path: path.to_owned(),
            reason: format!(
                "{e}. Check that the file and its folder exist and that you may read and write them"
            ),
        },
        _ => Error::Open {
            path: path.to_owned(),
            reason: e.to_string(),
        },
    }
}

/// Whether a file can be created in the library's folder (tried, then removed).
fn folder_is_writable(path: &std::path::Path) -> bool {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let probe = folder.join(format!(".clio-write-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
    }
}

/// `None` as [`Error::NotFound`]: `store.query(…).optional()?.or_not_found("card", id)`.
pub trait OrNotFound<T> {
    fn or_not_found(self, what: &'static str, id: impl Into<i64>) -> Result<T>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found(self, what: &'static str, id: impl Into<i64>) -> Result<T> {
        self.ok_or(Error::not_found(what, id))
    }
}
