//! The store: what it holds, and opening it. Each of its capabilities is a
//! module of its own above this one (records, revisions, trash, problems,
//! room, backup, replica, lock), adding to [`Store`] what it needs.

use crate::layout::index_key;
use crate::storage::backend::Backend;
use crate::storage::coding::read;
use crate::storage::error::{Problems, StorageError};
use crate::storage::guard::{LayoutGuard, newer_layout};
use crate::storage::index::{Index, complete_index, completed_index};
use crate::storage::migrations::migrate;
use crate::storage::set_aside::{set_aside, set_aside_profile};
use crate::storage::vault::{Keyring, Unlocked, VaultBackend, VaultHeader, VaultKey};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

pub struct Store {
    pub(in crate::storage) backend: Box<dyn Backend>,
    pub(in crate::storage) index: Index,
    /// Sessions whose transcript is known to be stored, so saving a session
    /// while typing does not read its transcript back to find out.
    pub(in crate::storage) stored_transcripts: HashSet<String>,
    /// The stored text of each session or client this tab last wrote, with
    /// its revision: while storage still holds exactly that text, saving
    /// again knows the stored revision without decoding the record.
    pub(in crate::storage) written: HashMap<String, (String, u64)>,
    /// Set once storage is found to hold a newer layout: from then on the
    /// store only reads (see [`crate::storage::guard`]).
    pub(in crate::storage) newer_layout: Rc<Cell<Option<u32>>>,
    /// The unlocked vault's key, shared with the sealing backend (see
    /// [`crate::storage::vault`]).
    pub(in crate::storage) keyring: Keyring,
    /// Sync's changes feed as last read or written, with its stored text
    /// (see [`crate::storage::replica`]); kept opaque so a page that never
    /// syncs carries none of its code.
    pub(in crate::storage) sync_feed: Option<Box<dyn std::any::Any>>,
    /// What sync refused or moved since the app last asked, in words.
    pub(in crate::storage) sync_notices: Vec<String>,
}

impl Store {
    /// Brings the schema up to date and reads the index. Data of a newer
    /// layout opens read-only: it is shown, and nothing is written.
    pub fn open(backend: Box<dyn Backend>) -> Result<(Self, Problems), StorageError> {
        Self::open_with(backend, None)
    }

    /// Opens a store whose vault is on, with the key unlocking gave.
    pub fn open_unlocked(
        backend: Box<dyn Backend>,
        unlocked: Unlocked,
    ) -> Result<(Self, Problems), StorageError> {
        Self::open_with(backend, Some((unlocked.id, unlocked.key)))
    }

    /// Opens with the key of the vault, if it is on; records are read and
    /// written through the sealing step, migrations included.
    fn open_with(
        backend: Box<dyn Backend>,
        key: Option<(String, VaultKey)>,
    ) -> Result<(Self, Problems), StorageError> {
        let keyring = Keyring::default();
        *keyring.borrow_mut() = key;
        let mut backend: Box<dyn Backend> = Box::new(VaultBackend::new(backend, keyring.clone()));
        let mut problems = Vec::new();
        let newer_layout = Rc::new(Cell::new(None));
        match migrate(backend.as_mut()) {
            Err(StorageError::NewerSchema { found }) => newer_layout.set(Some(found)),
            result => result?,
        }
        let read_only = newer_layout.get().is_some();
        if let (Some((id, key)), false) = (keyring.borrow().as_ref(), read_only) {
            VaultHeader::authenticate_stored(backend.as_mut(), id, key)?;
        }
        let mut backend: Box<dyn Backend> =
            Box::new(LayoutGuard::new(backend, newer_layout.clone()));
        let stored = match read::<Index>(backend.as_ref(), &index_key()) {
            Ok(index) => index,
            Err(damaged) => {
                // Keep the unreadable bytes aside, then rebuild from the records;
                // read-only data is only looked at.
                if !read_only {
                    let raw = backend.get(&index_key())?.unwrap_or_default();
                    set_aside(backend.as_mut(), &index_key(), &raw)?;
                    backend.remove(&index_key())?;
                }
                problems.push(damaged);
                None
            }
        };
        let index = if read_only {
            completed_index(backend.as_ref(), stored)?.0
        } else {
            let index = complete_index(backend.as_mut(), stored)?;
            set_aside_profile(backend.as_mut(), &mut problems)?;
            index
        };
        Ok((
            Self {
                backend,
                index,
                stored_transcripts: HashSet::new(),
                written: HashMap::new(),
                newer_layout,
                keyring,
                sync_feed: None,
                sync_notices: Vec::new(),
            },
            problems,
        ))
    }

    /// The vault's header, when the vault is on.
    pub fn vault(&self) -> Option<VaultHeader> {
        VaultHeader::read(self.backend.as_ref()).ok().flatten()
    }

    /// The layout of a newer build found in storage, if any: this build then
    /// writes nothing.
    pub fn newer_layout(&self) -> Option<u32> {
        self.newer_layout.get()
    }

    /// Looks again at the schema record, after another tab wrote it.
    pub fn recheck_layout(&self) -> Option<u32> {
        if let Ok(Some(found)) = newer_layout(self.backend.as_ref()) {
            self.newer_layout.set(Some(found));
        }
        self.newer_layout()
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Picks up records another tab added since this one read the index.
    pub fn refresh_index(&mut self) {
        self.index = self.current_index();
    }

    /// The stored index joined with this tab's: another tab of the app may
    /// have added records since, and writing our copy back would orphan them.
    pub(in crate::storage) fn current_index(&self) -> Index {
        let Ok(Some(mut stored)) = read::<Index>(self.backend.as_ref(), &index_key()) else {
            return self.index.clone();
        };
        // Looked up in sets: a scan of the stored lists for each of ours made
        // adding a record quadratic in the number of sessions.
        let clients: HashSet<String> = stored.clients.iter().cloned().collect();
        let missing = self
            .index
            .clients
            .iter()
            .filter(|id| !clients.contains(*id));
        stored.clients.extend(missing.cloned());
        let sessions: HashSet<String> = stored.sessions.iter().map(|s| s.id.clone()).collect();
        let missing = self
            .index
            .sessions
            .iter()
            .filter(|s| !sessions.contains(&s.id));
        stored.sessions.extend(missing.cloned());
        stored
    }
}
