//! The clinician's records as the screens ask for them: the roster, a
//! client's course, a session, the clinician's details, Recently deleted
//! and the records that could not be read. One way to change them, used the
//! same everywhere: `edit` queues a change through autosave (written once
//! typing pauses, see `autosave`), `commit` writes it now.
//!
//! Every query is tracked: a list that asked follows what is added,
//! deleted, set aside or written by another tab. A reading inside a
//! reactive closure that must not re-run with them goes in `untrack`, as
//! with Leptos's own signals.

use super::autosave::PendingWrite;
use super::saving::{Saving, StorageError};
use crate::layout::RecordRef;
use crate::model::tags::Tags;
use crate::model::{Client, Clinician, DeviceSettings, Session};
use crate::platform::now_ms;
use crate::storage::{SaveQueue, Store};
use leptos::prelude::*;
use std::collections::HashMap;
use std::rc::Rc;

/// What Recently deleted and the problems panel speak of, and what a
/// conflict is about: the records service's own vocabulary.
pub use crate::storage::{DamagedRecord, Deletable, DeletedItem, Revised};

/// The records of this device and the writes waiting for them. Its signals
/// are written only through its methods (here, in `autosave` and in
/// `conflicts`), so every change to what the screens show has a name.
#[derive(Clone, Copy)]
pub struct Records {
    store: StoredValue<Store, LocalStorage>,
    /// Bumped when stored records may have changed (one was added here,
    /// another tab wrote, a version was set aside), so lists and open
    /// records read again.
    revision: RwSignal<u64>,
    /// Edits not yet written, one per record; each is kept until a write of
    /// it succeeds. See `autosave`.
    pub(super) queue: StoredValue<SaveQueue, LocalStorage>,
    /// The write waiting for typing to pause. See `autosave`.
    pub(super) pending_write: StoredValue<Option<PendingWrite>>,
    /// The set-aside copy this tab shows for each record in conflict with
    /// another tab's version. See `conflicts`.
    pub(super) copies: RwSignal<HashMap<RecordRef, RecordRef>>,
    pub(super) saving: Saving,
    /// What else follows a save: asking the browser to keep the data,
    /// noting the change for the backup reminder, waking sync.
    after_save: StoredValue<Vec<Rc<dyn Fn()>>, LocalStorage>,
}

/// What a view writes now: a client, a session or this device's settings.
/// The clinician's details are typed into, so they are edited and flushed.
pub trait Commit {
    fn write(&self, store: &mut Store) -> Result<(), StorageError>;
}

impl Commit for Client {
    fn write(&self, store: &mut Store) -> Result<(), StorageError> {
        store.save_client(self).map(drop)
    }
}

impl Commit for Session {
    fn write(&self, store: &mut Store) -> Result<(), StorageError> {
        store.save_session(self).map(drop)
    }
}

impl Commit for DeviceSettings {
    fn write(&self, store: &mut Store) -> Result<(), StorageError> {
        store.save_settings(self)
    }
}

impl Records {
    pub(super) fn new(store: Store, saving: Saving) -> Self {
        Self {
            store: StoredValue::new_local(store),
            revision: RwSignal::new(0),
            queue: StoredValue::new_local(SaveQueue::default()),
            pending_write: StoredValue::new(None),
            copies: RwSignal::new(HashMap::new()),
            saving,
            after_save: StoredValue::new_local(Vec::new()),
        }
    }

    /// Reads the store; tracked, so lists follow changes. Whatever waits
    /// for a pause in the typing is written first.
    pub(super) fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.revision.track();
        self.peek(f)
    }

    /// Reads the store without following it: for what must not re-run.
    pub(super) fn peek<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.write_waiting();
        self.store.with_value(f)
    }

    /// Changes the store directly; `None` once the page is closing.
    pub(super) fn update<R>(&self, f: impl FnOnce(&mut Store) -> R) -> Option<R> {
        self.store.try_update_value(f)
    }

    /// Takes over another store: the one a new device was set up in.
    pub(super) fn replace_store(&self, store: Store) {
        self.store.set_value(store);
        self.changed();
    }

    /// Follows every change of the stored records, for what reads them
    /// without `read`.
    pub(super) fn track(&self) {
        self.revision.track();
    }

    /// Lets every list and open record read again.
    pub(super) fn changed(&self) {
        self.revision.update(|r| *r += 1);
    }

    /// Runs `f` after every save that leaves nothing waiting.
    pub(super) fn after_save(&self, f: impl Fn() + 'static) {
        self.after_save.update_value(|hooks| hooks.push(Rc::new(f)));
    }

    /// Runs a write at once; on failure the banner and status say why.
    pub(super) fn write<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, StorageError>) -> bool {
        self.write_waiting();
        self.saving.show(super::SaveStatus::Saving);
        let Some(result) = self.store.try_update_value(f) else {
            return false;
        };
        let failure = result.err();
        if let Some(e) = &failure {
            self.saving.report(e);
        }
        self.settle(failure.as_ref());
        failure.is_none()
    }

    /// Shows what is still unsaved: the failure just met or the first edit
    /// still refused names the status, and "Saved" only when nothing waits.
    pub(super) fn settle(&self, failure: Option<&StorageError>) {
        let (unsaved, waiting) = self
            .queue
            .with_value(|q| (q.unsaved(), q.first_failure().map(ToString::to_string)));
        let why = failure.map(ToString::to_string).or(waiting);
        // In memory only, the app goes on working but is never shown as saved.
        let status = match (self.saving.not_saving().or(why), unsaved) {
            (Some(why), unsaved) => super::SaveStatus::NotSaved { why, unsaved },
            (None, 0) => {
                let hooks = self.after_save.get_value();
                hooks.iter().for_each(|hook| hook());
                super::SaveStatus::Saved
            }
            (None, _) => super::SaveStatus::Saving,
        };
        self.saving.show(status);
    }

    /// Writes `record` now and refreshes every list that shows it.
    pub fn commit(&self, record: &impl Commit) -> bool {
        let saved = self.write(|s| record.write(s));
        self.changed();
        saved
    }

    /// Every client on the roster, archived ones too, and why each that
    /// could not be read could not (reported to the banner as well).
    pub fn clients(&self) -> (Vec<Client>, Vec<StorageError>) {
        self.reported(self.read(Store::clients))
    }

    pub fn client(&self, id: &str) -> Result<Option<Client>, StorageError> {
        self.read(|s| s.client(id))
    }

    /// A client's sessions in order, and why each that could not be read
    /// could not (reported as well).
    pub fn sessions_of(&self, client_id: &str) -> (Vec<Session>, Vec<StorageError>) {
        self.reported(self.read(|s| s.sessions_of(client_id)))
    }

    pub fn session(&self, id: &str) -> Result<Option<Session>, StorageError> {
        self.read(|s| s.session(id))
    }

    /// A session with its client, as stored (an open editor may be ahead:
    /// see `open_session`).
    pub fn session_with_client(&self, id: &str) -> Result<Option<(Session, Client)>, StorageError> {
        self.read(|s| s.session_with_client(id))
    }

    pub fn clinician(&self) -> Result<Clinician, StorageError> {
        self.read(Store::clinician)
    }

    /// This device's settings: the lock's idle time, backup dates, hints
    /// dismissed. Unreadable ones read as the defaults.
    pub fn settings(&self) -> DeviceSettings {
        self.read(Store::settings).unwrap_or_default()
    }

    /// The clinician's own tags on every session, each once.
    pub fn own_tags(&self) -> Tags {
        self.reported(self.read(Store::own_tags)).0
    }

    fn reported<T>(&self, (found, problems): (T, Vec<StorageError>)) -> (T, Vec<StorageError>) {
        self.saving.report_all(&problems);
        (found, problems)
    }

    /// Recently deleted, newest first.
    pub fn deleted(&self) -> Vec<DeletedItem> {
        self.read(Store::deleted)
    }

    pub fn in_recently_deleted(&self, record: &Deletable) -> bool {
        self.read(|s| s.in_recently_deleted(record))
    }

    /// Records that could not be read, kept as they were.
    pub fn damaged(&self) -> Result<Vec<DamagedRecord>, StorageError> {
        self.read(Store::damaged_records)
    }

    /// A damaged record's stored text, to save as a file.
    pub fn raw_value(&self, record: &DamagedRecord) -> Result<Option<String>, StorageError> {
        self.read(|s| s.raw_value(record))
    }
}

/// Deleting and bringing back, and removing damaged records: each changes
/// which records the lists show.
impl Records {
    /// Moves a session to Recently deleted, with its last edit written first,
    /// so it comes back as it was last typed.
    pub fn delete_session(&self, id: &str) -> bool {
        self.flush();
        self.change_records(|s| s.delete_session(id, now_ms()))
    }

    /// Moves a client and their sessions to Recently deleted.
    pub fn delete_client(&self, id: &str) -> bool {
        self.flush();
        self.change_records(|s| s.delete_client(id, now_ms()))
    }

    pub fn restore(&self, record: &Deletable) -> bool {
        self.change_records(|s| s.restore(record))
    }

    pub fn purge(&self, record: &Deletable) -> bool {
        let done = self.change_records(|s| s.purge(record));
        self.forget_edits_of_removed_sessions();
        done
    }

    pub fn remove_damaged(&self, record: &DamagedRecord) -> bool {
        let done = self.change_records(|s| s.remove_damaged(record, now_ms()));
        self.forget_edits_of_removed_sessions();
        done
    }

    fn change_records(&self, f: impl FnOnce(&mut Store) -> Result<(), StorageError>) -> bool {
        let done = self.write(f);
        self.changed();
        done
    }

    /// A queued edit of a session that is gone for good would write it back.
    fn forget_edits_of_removed_sessions(&self) {
        let stored: Vec<String> =
            self.peek(|s| s.index().sessions.iter().map(|r| r.id.clone()).collect());
        self.queue.update_value(|q| {
            for edit in q.to_write() {
                let record = edit.record();
                if matches!(&record, RecordRef::Session(id) if !stored.contains(id)) {
                    q.discard(&record);
                }
            }
        });
    }
}

pub fn use_records() -> Records {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{another_tab, client, session, tab_on};
    use super::super::{SaveStatus, use_saving};
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn an_edit_waits_in_the_queue_and_is_stored_when_flushed() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.edit(client("c1", "Alex"));
            assert_eq!(use_saving().status().get_untracked(), SaveStatus::Saving);
            assert_eq!(another_tab(&device).client("c1"), Ok(None));

            records.flush();
            assert_eq!(use_saving().status().get_untracked(), SaveStatus::Saved);
            let stored = another_tab(&device).client("c1").unwrap().unwrap();
            assert_eq!(stored.name, "Alex");
        });
    }

    #[test]
    fn a_commit_is_stored_at_once_and_the_roster_lists_it() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            assert!(records.commit(&client("c1", "Alex")));
            assert!(records.commit(&session("s1", "c1")));
            assert_eq!(another_tab(&device).clients().0.len(), 1);
            let (clients, unreadable) = records.clients();
            assert_eq!(
                clients.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
                ["Alex"]
            );
            assert!(unreadable.is_empty());
            assert_eq!(records.sessions_of("c1").0.len(), 1);
        });
    }

    #[test]
    fn a_list_read_in_a_memo_follows_what_is_committed() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            let roster = Memo::new(move |_| records.clients().0.len());
            assert_eq!(roster.get_untracked(), 0);
            records.commit(&client("c1", "Alex"));
            assert_eq!(roster.get_untracked(), 1);
        });
    }

    #[test]
    fn a_deleted_session_waits_in_recently_deleted_and_restoring_brings_it_back() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.commit(&session("s1", "c1"));
            let deleted = Deletable::Session("s1".into());

            assert!(records.delete_session("s1"));
            assert!(records.sessions_of("c1").0.is_empty());
            assert!(records.in_recently_deleted(&deleted));
            assert_eq!(records.deleted().len(), 1);

            assert!(records.restore(&deleted));
            assert_eq!(records.sessions_of("c1").0.len(), 1);
            assert!(records.deleted().is_empty());
        });
    }

    #[test]
    fn an_edit_typed_before_deleting_comes_back_with_the_session() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            records.commit(&session("s1", "c1"));
            let (mut typed, _) = records.open_session("s1").unwrap().unwrap();
            typed.plan_for_next = "Sleep diary".into();
            records.edit(typed);

            records.delete_session("s1");
            records.restore(&Deletable::Session("s1".into()));
            let restored = records.session("s1").unwrap().unwrap();
            assert_eq!(restored.plan_for_next, "Sleep diary");
        });
    }

    #[test]
    fn a_refused_write_is_kept_and_the_status_says_why_and_how_many_wait() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            device.set_quota(Some(0));
            records.edit(client("c2", "Sam"));
            records.flush();
            let status = use_saving().status().get_untracked();
            assert!(
                matches!(&status, SaveStatus::NotSaved { unsaved: 1, .. }),
                "{status:?}"
            );
            assert!(!use_saving().problems().get_untracked().is_empty());

            device.set_quota(None);
            records.flush();
            assert_eq!(use_saving().status().get_untracked(), SaveStatus::Saved);
            assert!(another_tab(&device).client("c2").unwrap().is_some());
        });
    }

    #[test]
    fn settings_committed_are_read_back() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            assert!(records.commit(&DeviceSettings {
                lock_after_minutes: Some(5),
                ..records.settings()
            }));
            assert_eq!(records.settings().lock_minutes(), 5);
        });
    }

    #[test]
    fn a_client_another_tab_adds_is_listed_once_its_write_is_heard() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let records = use_records();
            let roster = Memo::new(move |_| records.clients().0.len());
            assert_eq!(roster.get_untracked(), 0);
            another_tab(&device)
                .save_client(&client("c1", "Alex"))
                .unwrap();
            let key = crate::layout::client_key("c1");
            records.changed_in_other_tab(Some(&key));
            assert_eq!(roster.get_untracked(), 1);
        });
    }
}
