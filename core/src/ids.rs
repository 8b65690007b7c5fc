//! The ids that cross module boundaries. Each is its row's SQLite rowid in a
//! type of its own, so a card id cannot be passed where a document id is
//! meant. They cross the IPC boundary as plain JSON numbers (serde
//! transparent, `number` in the generated TypeScript) and bind to SQL
//! directly (rusqlite `ToSql`/`FromSql`).

use std::fmt;

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        /// As typed on the command line.
        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        /// A plain `number` in TypeScript, as the raw id was: the UI keeps
        /// its types, and no binding file is written for the id itself.
        impl TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                "number".to_owned()
            }
            fn inline(cfg: &ts_rs::Config) -> String {
                <Self as TS>::name(cfg)
            }
        }
    };
}

id_type!(
    /// A row of `documents`.
    DocumentId
);

id_type!(
    /// A row of `cards` (and of its `card_schedule`).
    CardId
);

id_type!(
    /// A row of `annotations`: a highlight, with or without a note.
    AnnotationId
);

/// The raw row ids, for code that handles rows of any table alike (undo).
pub(crate) fn raw<T: Copy + Into<i64>>(ids: &[T]) -> Vec<i64> {
    ids.iter().map(|&id| id.into()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_numbers_in_json_sql_and_typescript() {
        let id = DocumentId(42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<DocumentId>("42").unwrap(), id);
        assert_eq!(
            serde_json::to_string(&Some(id)).unwrap(),
            serde_json::to_string(&Some(42)).unwrap()
        );
        let cfg = ts_rs::Config::new();
        assert_eq!(DocumentId::inline(&cfg), "number");
        assert_eq!(<Option<DocumentId>>::inline(&cfg), "number | null");

        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let back: DocumentId = conn.query_row("SELECT ?1", [id], |r| r.get(0)).unwrap();
        assert_eq!(back, id);
        assert!(conn
            .query_row("SELECT 'x'", [], |r| r.get::<_, DocumentId>(0))
            .is_err());
    }
}
