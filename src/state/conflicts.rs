//! When another tab changed a record this tab is editing: open records are
//! read again and quietly follow the other tab while nothing here waits to
//! be written; otherwise this tab's version is set aside, and the clinician
//! chooses which to keep.

use super::Records;
use super::records::Revised;
use super::saving::StorageError;
use crate::layout::RecordRef;
use crate::model::{Client, Clinician, Session};
use leptos::prelude::*;

/// Opening a record for editing: what this tab has typed and not yet
/// stored, or set aside in a conflict, wins over the stored version.
impl Records {
    /// A session and its client for the editor. An edit still queued here
    /// (because storage refused it) or a version of this tab's set aside in a
    /// conflict wins over the stored one, so the editor never starts from,
    /// and then saves, older text.
    pub fn open_session(&self, id: &str) -> Result<Option<(Session, Client)>, StorageError> {
        let Some((stored, client)) = self.peek(|s| s.session_with_client(id))? else {
            return Ok(None);
        };
        let transcript = stored.transcript.clone();
        Ok(self.open(stored).map(|mut session| {
            // The set-aside copy leaves the transcript out: it is never edited.
            session.transcript = transcript;
            (session, client)
        }))
    }

    pub fn open_client(&self, id: &str) -> Result<Option<Client>, StorageError> {
        Ok(self
            .peek(|s| s.client(id))?
            .and_then(|stored| self.open(stored)))
    }

    fn open<T: Revised>(&self, stored: T) -> Option<T> {
        let record = stored.record();
        if let Some(queued) = self.queued(&record) {
            return T::from_edit(queued);
        }
        self.queue
            .update_value(|q| q.hold(record.clone(), stored.rev()));
        Some(self.claim_conflict(&record).unwrap_or(stored))
    }

    /// This tab's set-aside version of `record`, or the first one left by
    /// another tab (its page was closed or reloaded): shown and resolved here.
    fn claim_conflict<T: Revised>(&self, record: &RecordRef) -> Option<T> {
        let copy = match self.copies.with_untracked(|c| c.get(record).cloned()) {
            Some(copy) => copy,
            None => self
                .peek(|s| s.conflict_copies_of(record))
                .ok()?
                .into_iter()
                .next()?,
        };
        match self.peek(|s| s.conflict_copy::<T>(&copy)) {
            Ok(Some(mine)) => {
                self.copies.update(|c| {
                    c.insert(record.clone(), copy);
                });
                Some(mine)
            }
            Ok(None) => None,
            Err(e) => {
                self.saving.report(&e);
                None
            }
        }
    }

    /// The write of `record` met another tab's newer version: this tab's is
    /// stored under `copy`, and no longer waits in memory.
    pub(super) fn set_aside(&self, record: RecordRef, copy: RecordRef) {
        self.queue.update_value(|q| q.discard(&record));
        self.copies.update(|c| {
            c.insert(record, copy);
        });
        self.changed();
    }

    fn copy_of(&self, record: &RecordRef) -> Option<RecordRef> {
        self.copies.with_untracked(|c| c.get(record).cloned())
    }
}

/// The conflicts the screens show and resolve.
#[derive(Clone, Copy)]
pub struct Conflicts {
    records: Records,
}

impl Conflicts {
    pub(super) fn new(records: Records) -> Self {
        Self { records }
    }

    /// Whether this tab shows a set-aside version of `record`; tracked.
    pub fn in_conflict(&self, record: &RecordRef) -> bool {
        self.records.copies.with(|c| c.contains_key(record))
    }

    /// Whether the other version came from another device, through sync:
    /// both may have been typed by the clinician. Tracked.
    pub fn from_another_device(&self, record: &RecordRef) -> bool {
        self.records.read(|s| s.changed_on_another_device(record))
    }

    /// Whether the other version came from a backup merged here: the
    /// clinician typed both, at different times or on different devices.
    /// Tracked.
    pub fn from_backup(&self, record: &RecordRef) -> bool {
        self.records.read(|s| s.copy_from_backup(record))
    }

    /// The stored version the set-aside one is in conflict with.
    pub fn theirs<T: Revised>(&self, record: &RecordRef) -> Option<T> {
        self.records.peek(|s| T::load(s, record)).ok().flatten()
    }

    /// The stored version of an open record, when another tab moved it on
    /// since this one read it; tracked, so the screen re-reads after every
    /// change made elsewhere. `None` while this tab has an edit of it waiting:
    /// that edit is written at once and, finding the newer version, set aside.
    /// A conflict another tab resolved is left for the version it kept.
    pub fn newer_stored<T: Revised>(&self, record: &RecordRef) -> Option<T> {
        let records = self.records;
        records.track();
        let held = records.queue.try_with_value(|q| q.held(record))??;
        if let Some(copy) = records.copy_of(record) {
            if !matches!(records.peek(|s| s.conflict_copy::<T>(&copy)), Ok(None)) {
                return None;
            }
            records.copies.update(|c| {
                c.remove(record);
            });
        }
        let stored = records.peek(|s| T::load(s, record)).ok()??;
        if stored.rev() == held {
            return None;
        }
        if records.queued(record).is_some() {
            records.flush();
            return None;
        }
        records
            .queue
            .update_value(|q| q.hold(record.clone(), stored.rev()));
        Some(stored)
    }

    /// The clinician's details as another tab stored them, when they differ
    /// from `shown` and nothing typed here waits to be written; tracked.
    /// They carry no revision: the last write wins.
    pub fn newer_clinician(&self, shown: &Clinician) -> Option<Clinician> {
        self.records.track();
        if self.records.queued(&RecordRef::Clinician).is_some() {
            return None;
        }
        let stored = self.records.peek(|s| s.clinician()).ok()?;
        (stored != *shown).then_some(stored)
    }

    /// Resolves a conflict with `keep` (this tab's version, or the two merged
    /// by hand): it replaces the stored one, and the set-aside copy goes.
    pub fn keep_version<T: Revised>(&self, keep: T) -> bool {
        let records = self.records;
        let record = keep.record();
        let Some(copy) = records.copy_of(&record) else {
            return false;
        };
        records.queue.update_value(|q| q.discard(&record));
        let edit = keep.into_edit();
        match records.update(|s| s.keep_version(&copy, &edit)) {
            Some(Ok(rev)) => {
                records.queue.update_value(|q| q.hold(record.clone(), rev));
                self.resolved(&record);
                records.settle(None);
                true
            }
            Some(Err(e)) => {
                records.saving.report(&e);
                records.settle(Some(&e));
                false
            }
            None => false,
        }
    }

    /// Resolves a conflict with the stored version: this tab's set-aside copy
    /// is removed, and the stored version is returned to be shown.
    pub fn keep_theirs<T: Revised>(&self, record: &RecordRef) -> Option<T> {
        let records = self.records;
        let copy = records.copy_of(record)?;
        let theirs = match records.update(|s| {
            s.remove_conflict_copy(&copy)?;
            T::load(s, record)
        })? {
            Ok(theirs) => theirs?,
            Err(e) => {
                records.saving.report(&e);
                return None;
            }
        };
        records.queue.update_value(|q| {
            q.discard(record);
            q.hold(record.clone(), theirs.rev());
        });
        self.resolved(record);
        Some(theirs)
    }

    fn resolved(&self, record: &RecordRef) {
        self.records.copies.update(|c| {
            c.remove(record);
        });
        self.records.changed();
    }

    /// Every session of a client with a version set aside, for its page; tracked.
    pub fn sessions_with_conflicts(&self, client_id: &str) -> Vec<String> {
        match self.records.read(|s| s.sessions_with_conflicts(client_id)) {
            Ok(ids) => ids,
            Err(e) => {
                self.records.saving.report(&e);
                Vec::new()
            }
        }
    }
}

pub fn use_conflicts() -> Conflicts {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{another_tab, client, tab_on};
    use super::super::{use_conflicts, use_records};
    use crate::layout::RecordRef;
    use crate::model::Client;
    use crate::storage::MemoryBackend;

    /// A client open here whose name another tab changed meanwhile; this
    /// tab then renames it too.
    fn both_renamed(device: &MemoryBackend) -> Client {
        let records = use_records();
        records.commit(&client("c1", "Alex"));
        let mut mine = records.open_client("c1").unwrap().unwrap();
        let mut theirs = another_tab(device).client("c1").unwrap().unwrap();
        theirs.rename("Alex B.").unwrap();
        another_tab(device).save_client(&theirs).unwrap();
        mine.rename("Alexandra").unwrap();
        records.edit(mine.clone());
        records.flush();
        mine
    }

    #[test]
    fn an_edit_meeting_another_tabs_change_is_set_aside_not_lost() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            both_renamed(&device);
            let conflicts = use_conflicts();
            let record = RecordRef::Client("c1".into());
            assert!(conflicts.in_conflict(&record));
            assert!(!conflicts.from_another_device(&record));
            let theirs = conflicts.theirs::<Client>(&record).unwrap();
            assert_eq!(theirs.name, "Alex B.");
            // Reopened, the page shows this tab's version.
            assert_eq!(
                use_records().open_client("c1").unwrap().unwrap().name,
                "Alexandra"
            );
        });
    }

    #[test]
    fn keeping_mine_stores_it_over_theirs_and_ends_the_conflict() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let mine = both_renamed(&device);
            let conflicts = use_conflicts();
            assert!(conflicts.keep_version(mine));
            assert!(!conflicts.in_conflict(&RecordRef::Client("c1".into())));
            let stored = another_tab(&device).client("c1").unwrap().unwrap();
            assert_eq!(stored.name, "Alexandra");
        });
    }

    #[test]
    fn keeping_theirs_shows_the_stored_version_and_ends_the_conflict() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            both_renamed(&device);
            let conflicts = use_conflicts();
            let record = RecordRef::Client("c1".into());
            let kept: Client = conflicts.keep_theirs(&record).unwrap();
            assert_eq!(kept.name, "Alex B.");
            assert!(!conflicts.in_conflict(&record));
        });
    }

    #[test]
    fn an_open_record_follows_another_tab_while_nothing_here_waits() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.open_client("c1").unwrap();
            let record = RecordRef::Client("c1".into());
            let conflicts = use_conflicts();
            assert_eq!(conflicts.newer_stored::<Client>(&record), None);

            let mut theirs = another_tab(&device).client("c1").unwrap().unwrap();
            theirs.rename("Alex B.").unwrap();
            another_tab(&device).save_client(&theirs).unwrap();
            let newer = conflicts.newer_stored::<Client>(&record).unwrap();
            assert_eq!(newer.name, "Alex B.");
        });
    }
}
