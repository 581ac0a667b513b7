//! Records as JSON: each type is read and written by its own serde code,
//! and stored through the codec.

use crate::storage::backend::Backend;
use crate::storage::codec;
use crate::storage::error::StorageError;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A type stored as a record.
pub trait Record: Serialize + DeserializeOwned + 'static {}
impl<T: Serialize + DeserializeOwned + 'static> Record for T {}

/// Reads `json` as a `T`; the reason it does not read, if it does not.
pub(in crate::storage) fn from_json<T: Record>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

pub(in crate::storage) fn to_json<T: Record>(record: &T) -> Result<String, StorageError> {
    serde_json::to_string(record).map_err(|e| StorageError::Failed(e.to_string()))
}

/// The record under `key`, if there is one; damaged when it does not read.
pub(in crate::storage) fn read<T: Record>(
    backend: &dyn Backend,
    key: &str,
) -> Result<Option<T>, StorageError> {
    backend.get(key)?.map(|raw| decoded(key, &raw)).transpose()
}

/// The record stored under `key` as `raw`; damaged when it does not read.
pub(in crate::storage) fn decoded<T: Record>(key: &str, raw: &str) -> Result<T, StorageError> {
    let damaged = |reason: String| StorageError::Damaged {
        key: key.to_string(),
        reason,
    };
    let json = codec::decode(raw).map_err(|e| damaged(e.to_string()))?;
    from_json(&json).map_err(damaged)
}

pub(in crate::storage) fn write<T: Record>(
    backend: &mut dyn Backend,
    key: &str,
    value: &T,
) -> Result<(), StorageError> {
    backend.set(key, &encoded(value)?)
}

/// `value` as the codec stores it (before the vault seals it).
pub(in crate::storage) fn encoded<T: Record>(value: &T) -> Result<String, StorageError> {
    Ok(codec::encode(&to_json(value)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::client_key;
    use crate::model::Client;
    use crate::storage::backend::MemoryBackend;

    #[test]
    fn a_record_reads_back_as_written_and_is_stored_compressed() {
        let mut backend = MemoryBackend::new();
        let alex = Client::new("c1".into(), "Alex", 0).unwrap();
        write(&mut backend, &client_key("c1"), &alex).unwrap();
        let raw = backend.raw(&client_key("c1")).unwrap();
        assert!(codec::is_current(&raw), "{raw}");
        assert_eq!(read(&backend, &client_key("c1")), Ok(Some(alex)));
        assert_eq!(read::<Client>(&backend, &client_key("c2")), Ok(None));
    }

    #[test]
    fn a_value_that_does_not_read_is_damaged_under_its_key_and_stays_as_it_is() {
        let backend = MemoryBackend::new();
        backend.plant(&client_key("c1"), "{\"id\": 7}");
        let Err(StorageError::Damaged { key, reason }) =
            read::<Client>(&backend, &client_key("c1"))
        else {
            panic!("a client without a name must not read");
        };
        assert_eq!(key, client_key("c1"));
        assert!(!reason.is_empty());
        assert_eq!(
            backend.raw(&client_key("c1")).as_deref(),
            Some("{\"id\": 7}")
        );
    }
}
