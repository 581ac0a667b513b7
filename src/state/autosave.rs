//! One autosave queue for every record typed into: sessions, clients and the
//! clinician's details are saved while typing, once per pause in the input.

use super::Records;
use super::saving::{SaveStatus, StorageError};
use crate::layout::RecordRef;
use crate::platform::{after, now_ms, when_idle};
use crate::storage::Edit;
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

impl Records {
    /// Queues an edit of a session, a client or the clinician's details:
    /// typing produces many in a row, and the write happens once they pause
    /// (at least every couple of seconds), or on `flush`. The edit replaces
    /// only a waiting edit of the same record.
    pub fn edit(&self, record: impl Into<Edit>) {
        self.queue.update_value(|q| q.put(record.into()));
        self.saving.show(SaveStatus::Saving);
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
        let records = *self;
        let wake = if now_ms() - since_ms >= LONGEST_WAIT_MS {
            when_idle(move || records.flush());
            Wake::Idle
        } else {
            Wake::Pause(after(PAUSE, move || records.flush()))
        };
        self.pending_write
            .set_value(Some(PendingWrite { wake, since_ms }));
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
            let copy = self.copies.with_untracked(|c| c.get(&record).cloned());
            let written = self.update(|s| match &copy {
                // Until the clinician chooses, later edits go to the set-aside copy.
                Some(copy) => s.update_conflict_copy(copy, &edit).map(|()| None),
                None => s.save(&edit).map(Some),
            });
            match written {
                Some(Ok(Some(rev))) => self.queue.update_value(|q| q.written(&record, rev)),
                Some(Ok(None)) => self.queue.update_value(|q| q.discard(&record)),
                Some(Err(StorageError::Conflict { record, copy })) => self.set_aside(record, copy),
                Some(Err(e)) => {
                    self.saving.report(&e);
                    // A record deleted for good elsewhere is never tried
                    // again; the words stay on screen.
                    if matches!(e, StorageError::GoneForGood { .. }) {
                        self.queue.update_value(|q| q.discard(&record));
                    } else {
                        self.queue.update_value(|q| q.failed(&record, e.clone()));
                    }
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
