//! Wrong passphrases typed at the locked screen, counted on the device so
//! a reload does not reset the wait between tries (the wait itself is
//! `model::lock::WrongTries`). Plain, like the vault's header: it is read
//! before anything is unlocked, and says nothing of any client. It is no
//! record: not synced, backed up, listed or counted as notes.

use crate::layout::wrong_tries_key;
use crate::model::lock::WrongTries;
use crate::storage::backend::Backend;
use crate::storage::coding;
use crate::storage::error::StorageError;

/// The wrong tries so far; none when nothing (or nothing readable) is kept.
pub fn wrong_tries(backend: &dyn Backend) -> WrongTries {
    backend
        .get(&wrong_tries_key())
        .ok()
        .flatten()
        .and_then(|raw| coding::from_json(&raw).ok())
        .unwrap_or_default()
}

/// Keeps `tries`; no tries (after an unlock) removes the record.
pub fn keep_wrong_tries(backend: &mut dyn Backend, tries: WrongTries) -> Result<(), StorageError> {
    if tries == WrongTries::default() {
        backend.remove(&wrong_tries_key())
    } else {
        backend.set(&wrong_tries_key(), &coding::to_json(&tries)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryBackend, RecordRef, Store};

    #[test]
    fn wrong_tries_are_kept_across_a_reload_and_forgotten_after_an_unlock() {
        let mut backend = MemoryBackend::new();
        assert_eq!(wrong_tries(&backend), WrongTries::default());
        let tries = WrongTries::default()
            .after_another(1_000)
            .after_another(2_000);
        keep_wrong_tries(&mut backend, tries).unwrap();
        // A reload reads the same storage afresh.
        assert_eq!(wrong_tries(&backend.clone()), tries);
        keep_wrong_tries(&mut backend, WrongTries::default()).unwrap();
        assert_eq!(backend.keys().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn an_unreadable_count_reads_as_none_and_is_never_taken_for_a_record() {
        let mut backend = MemoryBackend::new();
        backend.set(&wrong_tries_key(), "not json").unwrap();
        assert_eq!(wrong_tries(&backend), WrongTries::default());
        assert_eq!(RecordRef::from_key(&wrong_tries_key()), None);
        let (store, problems) = Store::open(Box::new(backend)).unwrap();
        assert!(problems.is_empty());
        assert!(store.damaged_records().unwrap().is_empty());
    }
}
