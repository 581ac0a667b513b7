//! Opening this device's notes: localStorage, or the locked screen when
//! the vault is on, or a store in memory when storage cannot be used.

use super::saving::StorageError;
use super::vault::{Unlocked, VaultHeader};
use crate::storage::{Backend, LocalStorageBackend, MemoryBackend, Store};

/// The store this tab works on, and what opening it found.
pub struct OpenedStore {
    pub store: Store,
    /// Problems found while opening that leave the store usable.
    pub problems: Vec<StorageError>,
    /// Set when localStorage cannot be used and the store is in memory.
    pub not_saving: Option<StorageError>,
}

/// What the page opens to: the notes, or the locked screen.
pub enum Opening {
    Open(OpenedStore),
    /// The vault is on: nothing is read until it is unlocked.
    Locked(VaultHeader),
}

/// Opens localStorage; if it cannot be used, or holds data this version must
/// not touch, the app runs on a store in memory and says so, lastingly.
pub fn open_browser() -> Opening {
    let backend = match LocalStorageBackend::open() {
        Ok(backend) => backend,
        Err(e) => return Opening::Open(in_memory(e)),
    };
    match VaultHeader::read(&backend) {
        Ok(Some(header)) => Opening::Locked(header),
        Ok(None) => Opening::Open(opened(Store::open(Box::new(backend)))),
        // Sealed notes without a readable header must not be written over.
        Err(e) => Opening::Open(in_memory(e)),
    }
}

/// Opens the store with the key the passphrase or recovery key unlocked.
pub fn open_unlocked(unlocked: Unlocked) -> OpenedStore {
    opened(
        LocalStorageBackend::open()
            .and_then(|backend| Store::open_unlocked(Box::new(backend), unlocked)),
    )
}

fn opened(store: Result<(Store, Vec<StorageError>), StorageError>) -> OpenedStore {
    match store {
        Ok((store, problems)) => OpenedStore {
            store,
            problems,
            not_saving: None,
        },
        Err(e) => in_memory(e),
    }
}

fn in_memory(why: StorageError) -> OpenedStore {
    let (store, _) = Store::open(Box::new(MemoryBackend::new()) as Box<dyn Backend>)
        .expect("an empty memory store always opens");
    OpenedStore {
        store,
        problems: Vec::new(),
        not_saving: Some(why),
    }
}
