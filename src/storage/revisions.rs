//! Per-record revisions. A session or client is written only over the
//! revision this tab read; otherwise this tab's version is set aside as a
//! numbered conflict copy, and the stored one is left as it is, so two tabs
//! never drop each other's words.

use crate::layout::{RecordRef, index_key};
use crate::model::{Client, Clinician, Session, order};
use crate::storage::coding::{Record, decoded, read, write};
use crate::storage::error::StorageError;
use crate::storage::index::Index;
use crate::storage::lineage::Saves;
use crate::storage::store::Store;

pub(in crate::storage) fn copy_number(copy: &RecordRef) -> u32 {
    match copy {
        RecordRef::Conflict(_, n) => *n,
        _ => 0,
    }
}

/// Where the next copy of `record` set aside goes: after the highest
/// number, so an unresolved copy is never overwritten.
pub(in crate::storage) fn next_copy(
    store: &Store,
    record: &RecordRef,
) -> Result<RecordRef, StorageError> {
    let n = store
        .conflict_copies_of(record)?
        .iter()
        .map(copy_number)
        .max()
        .unwrap_or(0)
        + 1;
    Ok(RecordRef::Conflict(Box::new(record.clone()), n))
}

/// An edit of one record, as the screen holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Boxed, as sessions and clients are many times the clinician's size.
    Session(Box<Session>),
    Client(Box<Client>),
    Clinician(Clinician),
}

impl Edit {
    pub fn record(&self) -> RecordRef {
        match self {
            Self::Session(s) => s.record(),
            Self::Client(c) => c.record(),
            Self::Clinician(_) => RecordRef::Clinician,
        }
    }

    pub(in crate::storage) fn set_rev(&mut self, rev: u64) {
        match self {
            Self::Session(s) => s.set_rev(rev),
            Self::Client(c) => c.set_rev(rev),
            // The clinician's details have no revision: the last write wins.
            Self::Clinician(_) => {}
        }
    }
}

/// What a screen edits becomes an edit of its record.
impl From<Session> for Edit {
    fn from(session: Session) -> Self {
        Self::Session(Box::new(session))
    }
}

impl From<Client> for Edit {
    fn from(client: Client) -> Self {
        Self::Client(Box::new(client))
    }
}

impl From<Clinician> for Edit {
    fn from(clinician: Clinician) -> Self {
        Self::Clinician(clinician)
    }
}

/// A record that carries a revision. Sessions and clients are the two
/// ([`crate::storage::records`]).
pub trait Revised: Record + Clone {
    fn record(&self) -> RecordRef;
    fn rev(&self) -> u64;
    fn set_rev(&mut self, rev: u64);
    /// The saves this version holds ([`crate::storage::lineage`]).
    fn saves_mut(&mut self) -> &mut Saves;
    fn into_edit(self) -> Edit;
    fn from_edit(edit: Edit) -> Option<Self>;
    /// The stored record, whole, as a screen shows it.
    fn load(store: &Store, record: &RecordRef) -> Result<Option<Self>, StorageError>;
}

impl Store {
    /// `value` as it is to be written, one revision on; or, when the stored
    /// record has moved past the revision `value` was based on, this version
    /// kept as a conflict copy and a [`StorageError::Conflict`] naming it.
    pub(in crate::storage) fn next_revision<T: Revised>(
        &mut self,
        value: &T,
    ) -> Result<T, StorageError> {
        let record = value.record();
        let key = record.key();
        let stored_rev = match (self.backend.get(&key)?, self.written.get(&key)) {
            (None, _) => {
                self.refuse_if_gone(&record, value.rev())?;
                None
            }
            // Still what this tab wrote: no need to decode it.
            (Some(raw), Some((text, rev))) if raw == *text => Some((*rev, false)),
            (Some(raw), written) => {
                let stored = decoded::<T>(&key, &raw)?.rev();
                // Another version under the number this tab wrote came from
                // another device (sync), which numbers its saves alike.
                Some((stored, written.is_some_and(|(_, rev)| *rev == stored)))
            }
        };
        let moved_on = |(rev, replaced): &(u64, bool)| *replaced || *rev != value.rev();
        if let Some((stored_rev, _)) = stored_rev.filter(moved_on) {
            let copy = next_copy(self, &record)?;
            let mut aside = value.clone();
            aside.set_rev(stored_rev);
            write(self.backend.as_mut(), &copy.key(), &aside)?;
            return Err(StorageError::Conflict { record, copy });
        }
        let mut next = value.clone();
        next.set_rev(value.rev() + 1);
        let device = self.device_id()?;
        next.saves_mut().insert(device, value.rev() + 1);
        Ok(next)
    }

    /// Refuses to save a record this tab had saved before (`rev` above 0)
    /// that is gone from storage while the stored index goes on without it:
    /// it was deleted for good, or left out of a backup restored, in another
    /// tab or window, and writing it would bring it back. When storage was
    /// wiped whole (the index gone too), writing it back is what keeps it.
    fn refuse_if_gone(&self, record: &RecordRef, rev: u64) -> Result<(), StorageError> {
        if rev == 0 {
            return Ok(());
        }
        match read::<Index>(self.backend.as_ref(), &index_key()) {
            Ok(Some(index)) if !index.lists(record) => Err(StorageError::GoneForGood {
                record: record.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Every conflict copy not yet resolved, in key order.
    pub fn conflict_copies(&self) -> Result<Vec<RecordRef>, StorageError> {
        let mut copies: Vec<_> = self
            .backend
            .keys()?
            .iter()
            .filter_map(|key| RecordRef::from_key(key))
            .filter(|r| matches!(r, RecordRef::Conflict(..)))
            .collect();
        order::sort_by_key(&mut copies, RecordRef::key);
        Ok(copies)
    }

    /// The unresolved copies of one record, oldest first.
    pub fn conflict_copies_of(&self, record: &RecordRef) -> Result<Vec<RecordRef>, StorageError> {
        let mut copies: Vec<_> = self
            .conflict_copies()?
            .into_iter()
            .filter(|c| matches!(c, RecordRef::Conflict(of, _) if **of == *record))
            .collect();
        order::sort_by_key(&mut copies, copy_number);
        Ok(copies)
    }

    /// The sessions of a client with a version set aside, for the client page.
    pub fn sessions_with_conflicts(&self, client_id: &str) -> Result<Vec<String>, StorageError> {
        let mut ids = Vec::new();
        for copy in self.conflict_copies()? {
            if let RecordRef::Conflict(of, _) = copy
                && let RecordRef::Session(id) = *of
                && self.session_client(&id) == Some(client_id)
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    fn session_client(&self, session_id: &str) -> Option<&str> {
        let Index { sessions, .. } = &self.index;
        sessions
            .iter()
            .find(|s| s.id == session_id)
            .map(|s| s.client_id.as_str())
    }

    pub fn conflict_copy<T: Revised>(&self, copy: &RecordRef) -> Result<Option<T>, StorageError> {
        read(self.backend.as_ref(), &copy.key())
    }

    /// Resolves a conflict: the copy is no longer needed once the version to
    /// keep is stored.
    pub fn remove_conflict_copy(&mut self, copy: &RecordRef) -> Result<(), StorageError> {
        self.backend.remove(&copy.key())?;
        self.forget_merged_copy(copy)
    }

    /// The revision stored for `record` now (0 when it is not stored).
    pub fn stored_rev<T: Revised>(&self, record: &RecordRef) -> Result<u64, StorageError> {
        Ok(read::<T>(self.backend.as_ref(), &record.key())?.map_or(0, |r| r.rev()))
    }
}

#[cfg(test)]
pub(super) mod tests;
