//! Records as JSON: each type is read and written by its own serde code.

use super::StorageError;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A type stored as a record.
pub trait Record: Serialize + DeserializeOwned + 'static {}
impl<T: Serialize + DeserializeOwned + 'static> Record for T {}

/// Reads `json` as a `T`; the reason it does not read, if it does not.
pub(super) fn from_json<T: Record>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

pub(super) fn to_json<T: Record>(record: &T) -> Result<String, StorageError> {
    serde_json::to_string(record).map_err(|e| StorageError::Failed(e.to_string()))
}
