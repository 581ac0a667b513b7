//! One autosave queue for every record typed into: sessions, clients and the
//! clinician's details are saved while typing, once per pause in the input.

use super::{AppState, SaveStatus};
use crate::model::{Client, Clinician, Session};
use crate::platform::{now_ms, when_idle};
use crate::storage::{Edit, RecordRef, StorageError};
use leptos::prelude::*;
use std::time::Duration;

/// How long typing pauses before its edits are written. Writing a long note
/// (JSON, deflate, sealing, localStorage) takes longer than a frame on a
/// tablet, so it waits for a moment no key is waiting to be painted.
const PAUSE: Duration = Duration::from_millis(300);
/// Typing without a pause is still written this often.
const LONGEST_WAIT_MS: i64 = 2_000;

/// A write waiting for a pause in the typing.
#[derive(Clone, Copy)]
pub(super) struct PendingWrite {
    wake: Wake,
    /// When the oldest edit still waiting was queued.
    since_ms: i64,
}

/// What will write the waiting edits.
#[derive(Clone, Copy)]
enum Wake {
    /// The pause timer, put off by every edit.
    Pause(Option<TimeoutHandle>),
    /// Typing went on too long without a pause: the next moment the browser
    /// has to spare after a paint, so the write never holds up a key's frame.
    Idle,
}

impl AppState {
    /// Queues an edit: typing produces many in a row, and the write happens
    /// once they pause (at least every couple of seconds), or on `flush`.
    /// The edit replaces only a waiting edit of the same record.
    pub fn queue(&self, edit: Edit) {
        self.queue.update_value(|q| q.put(edit));
        // Once per burst: every key would otherwise redraw the status bar.
        if self.status.with_untracked(|s| *s != SaveStatus::Saving) {
            self.status.set(SaveStatus::Saving);
        }
        let pending = self.pending_write.get_value();
        let since_ms = match pending {
            // Already on its way; it writes this edit too.
            Some(PendingWrite {
                wake: Wake::Idle, ..
            }) => return,
            Some(PendingWrite {
                wake: Wake::Pause(timer),
                since_ms,
            }) => {
                timer.inspect(|t| t.clear());
                since_ms
            }
            None => now_ms(),
        };
        let state = *self;
        let wake = if now_ms() - since_ms >= LONGEST_WAIT_MS {
            when_idle(move || state.flush());
            Wake::Idle
        } else {
            Wake::Pause(set_timeout_with_handle(move || state.flush(), PAUSE).ok())
        };
        self.pending_write
            .set_value(Some(PendingWrite { wake, since_ms }));
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

    /// Writes every waiting edit now. Called once typing pauses, on
    /// `pagehide`, when the tab is hidden, before an update reloads the page,
    /// and by anything else that must not leave an edit in memory alone
    /// (locking the screen). A failed write stays queued, so the next edit
    /// or flush tries again.
    pub fn flush(&self) {
        // A timer may fire after the app was unmounted and its values disposed.
        let Some(pending) = self.pending_write.try_update_value(Option::take) else {
            return;
        };
        if let Some(PendingWrite {
            wake: Wake::Pause(Some(timer)),
            ..
        }) = pending
        {
            timer.clear();
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

    /// Writes the edits waiting for a pause in the typing, if any: whatever
    /// reads the store or writes to it sees every edit made before it.
    pub(super) fn write_waiting(&self) {
        if self.pending_write.with_value(Option::is_some) {
            self.flush();
        }
    }

    /// The edit of `record` still waiting to be written, if any.
    pub(super) fn queued(&self, record: &RecordRef) -> Option<Edit> {
        self.queue.with_value(|q| q.queued(record).cloned())
    }
}
