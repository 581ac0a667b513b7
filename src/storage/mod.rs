//! The only code that touches persistent storage.
//!
//! Records are kept under the keys of [`crate::layout`], one record per key,
//! compressed by [`codec`] and, with the lock on, sealed by [`vault`]. A
//! record that does not decode is reported and left exactly as it is, or set
//! aside before anything replaces it ([`set_aside`]). Deleting marks a record
//! in the index and keeps its data until it is deleted for good ([`trash`]).
//!
//! The modules are layers, each using only those declared above it, and
//! `scripts/check-structure.sh` fails on any cycle between them. [`Store`]
//! is defined in [`store`]; each capability above it adds its own methods.
//! This file only declares the modules and names what the rest of the app uses.

// What goes wrong, and where values are kept.
mod error;

mod backend;
mod local;

// A value as stored: a record's JSON, compressed, sealed when the lock is on.
mod codec;
mod coding;
mod vault;

// What opening relies on: the layout brought up to date and guarded, the
// index made whole, damaged records set aside.
mod guard;
mod index;
mod migrations;
mod set_aside;

// The store, opened.
mod store;

// Its capabilities, each above those it calls.
mod lineage;
mod revisions;

mod records;

mod handover;
mod problems;
mod queue;
mod room;
mod trash;

pub mod backup;
mod replica;

// Last, since sync must stop before the lock comes off.
mod lock;

pub use crate::layout::{
    PREFIX, RecordRef, SCHEMA_VERSION, client_key, clinician_key, conflict_key, index_key,
    is_sync_key, quarantine_key, schema_key, session_key, settings_key, transcript_key, vault_key,
};
pub use backend::{Backend, MemoryBackend};
pub use coding::Record;
pub use error::{Problems, StorageError};
pub use index::{Deletable, Deleted, Index, SessionRef};
pub use local::LocalStorageBackend;
pub use lock::{Progress, TurnedOn};
pub use problems::DamagedRecord;
pub use queue::SaveQueue;
pub use replica::{Replica, adopt_vault};
pub use revisions::{Edit, Revised};
pub use room::{QUOTA_UNITS, Room};
pub use store::Store;
pub use trash::DeletedItem;
pub use vault::{
    Kdf, RecoveryKey, Unlocked, VaultError, VaultHeader, VaultStage, keep_wrong_tries, locks_tabs,
    wrong_tries,
};

#[cfg(test)]
mod tests;
