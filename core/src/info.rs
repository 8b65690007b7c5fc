//! A summary of the open collection, for the Settings screen and `clio info`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::store::Store;
use crate::time::now_ms;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
    #[ts(type = "number")]
    pub document_count: u64,
    #[ts(type = "number")]
    pub card_count: u64,
    /// Cards due for review now (new cards not counted).
    #[ts(type = "number")]
    pub due_count: u64,
}

pub fn app_info(store: &Store) -> Result<AppInfo> {
    let counts = store.counts(now_ms())?;
    Ok(AppInfo {
        version: crate::VERSION.to_owned(),
        db_path: store.path().display().to_string(),
        schema_version: store.schema_version()?,
        document_count: counts.documents,
        card_count: counts.cards,
        due_count: counts.due,
    })
}
