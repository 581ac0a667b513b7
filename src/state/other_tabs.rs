//! What another tab of this device wrote: the records it changed are read
//! again, a lock or handover it made reaches this tab, and a newer build's
//! layout stops this tab from writing.

use super::Records;
use crate::layout::{RecordRef, handover_key, risk_review_key};
use crate::platform::{reload_locked, take_entry_being_typed};
use crate::storage::{Store, locks_tabs};

impl Records {
    /// Another tab wrote under `key` (None: it cleared storage, or this page
    /// came back from the back/forward cache and missed what others wrote):
    /// learn of new records, and let every open record be read again.
    /// Keys that are not our records are ignored.
    pub fn changed_in_other_tab(&self, key: Option<&str>) {
        // Another tab locked, or turned the vault on or off: this tab's key
        // no longer fits, so it writes what it can and starts again.
        if key.is_some_and(locks_tabs) {
            take_entry_being_typed();
            self.flush();
            reload_locked();
            return;
        }
        let record = key.map(RecordRef::from_key);
        // The tablet was handed to a client, or back, in another tab, or a
        // risk the client raised was kept or seen there.
        let handover = key.is_some_and(|k| k == handover_key() || k == risk_review_key());
        if matches!(record, Some(None)) && !handover {
            return;
        }
        if record == Some(Some(RecordRef::Schema)) && self.peek(Store::recheck_layout).is_some() {
            self.saving.newer_build_wrote();
        }
        self.update(Store::refresh_index);
        self.changed();
    }
}
