//! One autosave queue for every record typed into: sessions, clients and the
//! clinician's details are saved while typing, once per burst of input.

use super::{AppState, SaveStatus};
use crate::model::{Client, Clinician, Session};
use crate::storage::{Edit, RecordRef, StorageError};
use leptos::prelude::*;
use std::time::Duration;

impl AppState {
    /// Queues an edit: typing produces many in a row, and the write happens
    /// once per burst, right after it, or on `flush`. The edit replaces only
    /// a waiting edit of the same record.
    pub fn queue(&self, edit: Edit) {
        self.queue.update_value(|q| q.put(edit));
        self.status.set(SaveStatus::Saving);
        if !self.flush_scheduled.get_value() {
            self.flush_scheduled.set_value(true);
            let state = *self;
            set_timeout(move || state.flush(), Duration::ZERO);
        }
    }

    pub fn save_session(&self, session: Session) {
        self.queue(Edit::Session(Box::new(session)));
    }

    /// Queues a client edited on its page; lists read it again when they show.
    pub fn edit_client(&self, client: Client) {
        self.queue(Edit::Client(Box::new(client)));
    }

    pub fn save_clinician(&self, clinician: Clinician) {
        self.queue(Edit::Clinician(clinician));
    }

    /// Writes every waiting edit now. Called after each burst of typing, on
    /// `pagehide`, when the tab is hidden, before an update reloads the page,
    /// and by anything else that must not leave an edit in memory alone
    /// (locking the screen). A failed write stays queued, so the next edit
    /// or flush tries again.
    pub fn flush(&self) {
        // A timer may fire after the app was unmounted and its values disposed.
        if self.flush_scheduled.try_set_value(false).is_some() {
            return;
        }
        let Some(edits) = self.queue.try_with_value(|q| q.to_write()) else {
            return;
        };
        if edits.is_empty() {
            return;
        }
        let mut failure = None;
        for edit in edits {
            let record = edit.record();
            let copy = self.conflicts.with_untracked(|c| c.get(&record).cloned());
            let written = self.store.try_update_value(|s| match &copy {
                // Until the clinician chooses, later edits go to the set-aside copy.
                Some(copy) => s.update_conflict_copy(copy, &edit).map(|()| None),
                None => s.save(&edit).map(Some),
            });
            match written {
                Some(Ok(Some(rev))) => self.queue.update_value(|q| q.written(&record, rev)),
                Some(Ok(None)) => self.queue.update_value(|q| q.discard(&record)),
                Some(Err(StorageError::Conflict { record, copy })) => self.set_aside(record, copy),
                Some(Err(e)) => {
                    self.report(&e);
                    self.queue.update_value(|q| q.failed(&record, e.clone()));
                    failure.get_or_insert(e);
                }
                None => return,
            }
        }
        self.settle(failure.as_ref());
    }

    /// The edit of `record` still waiting to be written, if any.
    pub(super) fn queued(&self, record: &RecordRef) -> Option<Edit> {
        self.queue.with_value(|q| q.queued(record).cloned())
    }
}
