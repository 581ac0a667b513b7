//! The autosave queue: every field is saved while typing, and an edit waits
//! here until its write succeeds. Keyed by record, so a pending or refused
//! write of one record is never dropped when another is edited.

use crate::layout::RecordRef;
use crate::model::{Client, Session};
use crate::storage::coding::write;
use crate::storage::error::StorageError;
use crate::storage::revisions::Edit;
use crate::storage::store::Store;
use std::collections::HashMap;

#[derive(Debug)]
struct Waiting {
    edit: Edit,
    /// Why the last attempt to write it failed, if it did.
    failure: Option<StorageError>,
}

/// Edits not yet written, one per record, and the revision of each record
/// this tab's next write is based on.
#[derive(Debug, Default)]
pub struct SaveQueue {
    waiting: Vec<Waiting>,
    held: HashMap<RecordRef, u64>,
}

impl SaveQueue {
    /// Notes the revision of a record this tab has just read: its next write
    /// must find that revision still stored.
    pub fn hold(&mut self, record: RecordRef, rev: u64) {
        self.held.insert(record, rev);
    }

    /// Queues an edit; it replaces only a waiting edit of the same record.
    pub fn put(&mut self, edit: Edit) {
        let record = edit.record();
        match self.waiting.iter_mut().find(|w| w.edit.record() == record) {
            Some(waiting) => waiting.edit = edit,
            None => self.waiting.push(Waiting {
                edit,
                failure: None,
            }),
        }
    }

    /// The waiting edit of a record, if any.
    pub fn queued(&self, record: &RecordRef) -> Option<&Edit> {
        self.waiting
            .iter()
            .find(|w| w.edit.record() == *record)
            .map(|w| &w.edit)
    }

    /// Every waiting edit as it is to be written: based on the revision held
    /// for its record (the screen's copy may predate this tab's own writes).
    pub fn to_write(&self) -> Vec<Edit> {
        self.waiting
            .iter()
            .map(|w| {
                let mut edit = w.edit.clone();
                if let Some(&rev) = self.held.get(&edit.record()) {
                    edit.set_rev(rev);
                }
                edit
            })
            .collect()
    }

    /// The record's edit is stored, now at revision `rev`.
    pub fn written(&mut self, record: &RecordRef, rev: u64) {
        self.discard(record);
        self.hold(record.clone(), rev);
    }

    /// The revision of a record this tab's next write is based on.
    pub fn held(&self, record: &RecordRef) -> Option<u64> {
        self.held.get(record).copied()
    }

    /// Keeps the edit, to be tried again at the next edit or flush.
    pub fn failed(&mut self, record: &RecordRef, failure: StorageError) {
        if let Some(w) = self.waiting.iter_mut().find(|w| w.edit.record() == *record) {
            w.failure = Some(failure);
        }
    }

    /// Drops the waiting edit of a record: it is kept elsewhere, or the
    /// clinician chose another version.
    pub fn discard(&mut self, record: &RecordRef) {
        self.waiting.retain(|w| w.edit.record() != *record);
    }

    /// How many records have edits not yet stored.
    pub fn unsaved(&self) -> usize {
        self.waiting.len()
    }

    /// Why the first refused edit was refused.
    pub fn first_failure(&self) -> Option<&StorageError> {
        self.waiting.iter().find_map(|w| w.failure.as_ref())
    }
}

impl Store {
    /// Writes one edit over the revision it is based on; returns the record's
    /// new revision (0 for the clinician's details, which have none).
    pub fn save(&mut self, edit: &Edit) -> Result<u64, StorageError> {
        match edit {
            Edit::Session(s) => self.save_session(s),
            Edit::Client(c) => self.save_client(c),
            Edit::Clinician(c) => self.save_clinician(c).map(|()| 0),
        }
    }

    /// Keeps later edits of a set-aside version with it, until it is resolved.
    pub fn update_conflict_copy(
        &mut self,
        copy: &RecordRef,
        edit: &Edit,
    ) -> Result<(), StorageError> {
        let key = copy.key();
        match edit {
            Edit::Session(s) => write(self.backend.as_mut(), &key, s.as_ref()),
            Edit::Client(c) => write(self.backend.as_mut(), &key, c.as_ref()),
            // Never set aside: it has no revision.
            Edit::Clinician(_) => Ok(()),
        }
    }

    /// Resolves a conflict with the version the clinician keeps (theirs
    /// merged by hand, or this tab's): written over whatever is stored now,
    /// then the set-aside copy is removed. Returns the new revision.
    pub fn keep_version(&mut self, copy: &RecordRef, keep: &Edit) -> Result<u64, StorageError> {
        let record = keep.record();
        let stored = match keep {
            Edit::Session(_) => self.stored_rev::<Session>(&record)?,
            Edit::Client(_) => self.stored_rev::<Client>(&record)?,
            Edit::Clinician(_) => 0,
        };
        let mut keep = keep.clone();
        keep.set_rev(stored);
        let rev = self.save(&keep)?;
        self.remove_conflict_copy(copy)?;
        Ok(rev)
    }
}

#[cfg(test)]
mod tests;
