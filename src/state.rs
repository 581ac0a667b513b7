//! State shared by every screen: the store, what is wrong with it, whether the
//! last edit is saved, and which screen is showing.

mod autosave;
mod backup;
mod conflicts;
mod hand_to_client;
pub use hand_to_client::HandBackBy;
mod sync;
pub use sync::{check_database, set_up_from_server, start_sync};
mod vault;

use crate::model::{Client, DeviceSettings, Session};
use crate::platform::now_ms;
use crate::route::Route;
use crate::storage::{
    Backend, DamagedRecord, Deletable, LocalStorageBackend, MemoryBackend, RecordRef, SaveQueue,
    StorageError, Store, Unlocked, VaultHeader,
};
use leptos::prelude::*;
use std::collections::HashMap;

pub use backup::BackupStanding;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    /// Why the last write failed, and how many records have edits not stored.
    NotSaved {
        why: String,
        unsaved: usize,
    },
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            Self::Idle => String::new(),
            Self::Saving => "Saving…".into(),
            Self::Saved => "Saved".into(),
            Self::NotSaved { why, unsaved: 0 } => format!("Not saved: {why}"),
            Self::NotSaved { why, unsaved: 1 } => format!("Not saved: {why} (1 unsaved change)"),
            Self::NotSaved { why, unsaved } => {
                format!("Not saved: {why} ({unsaved} unsaved changes)")
            }
        }
    }
}

/// Storage holds data of a newer layout than this build knows, so this tab
/// writes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewerData {
    /// It was there when the page opened: the notes are shown read-only.
    AtOpen,
    /// A newer build wrote it while this page was open: reload to keep working.
    SinceOpen,
}

/// Shared app state. Its signals are written only through its methods, so
/// every change to what the screens show has a name here.
#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Store, LocalStorage>,
    /// Messages for the banner; each storage problem is listed once.
    problems: RwSignal<Vec<String>>,
    status: RwSignal<SaveStatus>,
    route: RwSignal<Route>,
    /// Bumped when stored records may have changed (one was added here,
    /// another tab wrote, a version was set aside), so lists and open
    /// records read again.
    revision: RwSignal<u64>,
    /// Edits not yet written, one per record; each is kept until a write of
    /// it succeeds. See `autosave`.
    queue: StoredValue<SaveQueue, LocalStorage>,
    /// The write waiting for typing to pause. See `autosave`.
    pending_write: StoredValue<Option<autosave::PendingWrite>>,
    /// The set-aside copy this tab shows for each record in conflict with
    /// another tab's version. See `conflicts`.
    conflicts: RwSignal<HashMap<RecordRef, RecordRef>>,
    /// Whether the browser promised not to evict our data (None: unknown).
    persistent: RwSignal<Option<bool>>,
    persistence_requested: StoredValue<bool>,
    /// A newer build is installed and waits for the clinician's go-ahead.
    update_ready: RwSignal<bool>,
    /// Words a search result was opened for, to show in the session it opens.
    find_on_open: StoredValue<Option<String>>,
    /// Why nothing typed in this tab reaches localStorage, when it cannot be
    /// used: edits then live in memory only, and no write is called saved.
    not_saving: StoredValue<Option<String>>,
    newer_data: RwSignal<Option<NewerData>>,
    /// Sync between devices, as the status bar shows it. See `sync`.
    sync: RwSignal<crate::sync::SyncStatus>,
    /// What sync refused or moved since it was turned on, in words.
    sync_notices: RwSignal<Vec<String>>,
    /// Bumped when sync is turned on or off: a running sync whose number
    /// is no longer this one stops.
    sync_run: RwSignal<u64>,
    /// Tells the running sync that something was saved, so it pushes.
    sync_wake: StoredValue<Option<std::rc::Rc<dyn Fn()>>, LocalStorage>,
    /// How far re-encrypting with a new key has got, while it runs.
    rekeying: RwSignal<Option<crate::storage::Progress>>,
}

/// The store this tab works on, and what opening it found.
pub struct OpenedStore {
    pub store: Store,
    /// Problems found while opening that leave the store usable.
    pub problems: Vec<StorageError>,
    /// Set when localStorage cannot be used and the store is in memory.
    pub not_saving: Option<StorageError>,
}

/// What the page opens to: the notes, or the locked screen.
pub enum Opening {
    Open(OpenedStore),
    /// The vault is on: nothing is read until it is unlocked.
    Locked(VaultHeader),
}

/// Opens localStorage; if it cannot be used, or holds data this version must
/// not touch, the app runs on a store in memory and says so, lastingly.
pub fn open_browser() -> Opening {
    let backend = match LocalStorageBackend::open() {
        Ok(backend) => backend,
        Err(e) => return Opening::Open(in_memory(e)),
    };
    match VaultHeader::read(&backend) {
        Ok(Some(header)) => Opening::Locked(header),
        Ok(None) => Opening::Open(opened(Store::open(Box::new(backend)))),
        // Sealed notes without a readable header must not be written over.
        Err(e) => Opening::Open(in_memory(e)),
    }
}

/// Opens the store with the key the passphrase or recovery key unlocked.
pub fn open_unlocked(unlocked: Unlocked) -> OpenedStore {
    opened(
        LocalStorageBackend::open()
            .and_then(|backend| Store::open_unlocked(Box::new(backend), unlocked)),
    )
}

fn opened(store: Result<(Store, Vec<StorageError>), StorageError>) -> OpenedStore {
    match store {
        Ok((store, problems)) => OpenedStore {
            store,
            problems,
            not_saving: None,
        },
        Err(e) => in_memory(e),
    }
}

fn in_memory(why: StorageError) -> OpenedStore {
    let (store, _) = Store::open(Box::new(MemoryBackend::new()) as Box<dyn Backend>)
        .expect("an empty memory store always opens");
    OpenedStore {
        store,
        problems: Vec::new(),
        not_saving: Some(why),
    }
}

pub fn provide_app_state(opened: OpenedStore, route: Route) -> AppState {
    let OpenedStore {
        store,
        problems,
        not_saving,
    } = opened;
    let newer_data = store.newer_layout().map(|_| NewerData::AtOpen);
    let state = AppState {
        store: StoredValue::new_local(store),
        problems: RwSignal::new(Vec::new()),
        status: RwSignal::new(SaveStatus::Idle),
        route: RwSignal::new(route),
        revision: RwSignal::new(0),
        queue: StoredValue::new_local(SaveQueue::default()),
        pending_write: StoredValue::new(None),
        conflicts: RwSignal::new(HashMap::new()),
        persistent: RwSignal::new(None),
        persistence_requested: StoredValue::new(false),
        update_ready: RwSignal::new(false),
        find_on_open: StoredValue::new(None),
        not_saving: StoredValue::new(not_saving.map(|e| e.not_saving_reason())),
        newer_data: RwSignal::new(newer_data),
        sync: RwSignal::new(crate::sync::SyncStatus::Off),
        sync_notices: RwSignal::new(Vec::new()),
        sync_run: RwSignal::new(0),
        sync_wake: StoredValue::new_local(None),
        rekeying: RwSignal::new(None),
    };
    problems.iter().for_each(|p| state.report(p));
    state.finish_vault_work();
    provide_context(state);
    state
}

pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Reads from the store; tracked by `revision`, so lists follow changes.
    pub fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.revision.track();
        self.write_waiting();
        self.store.with_value(f)
    }

    /// Reads from the store without subscribing: for event handlers.
    pub fn peek<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.write_waiting();
        self.store.with_value(f)
    }

    pub fn problems(&self) -> ReadSignal<Vec<String>> {
        self.problems.read_only()
    }

    pub fn status(&self) -> ReadSignal<SaveStatus> {
        self.status.read_only()
    }

    pub fn route(&self) -> ReadSignal<Route> {
        self.route.read_only()
    }

    pub fn persistent(&self) -> ReadSignal<Option<bool>> {
        self.persistent.read_only()
    }

    /// Why edits in this tab are not being stored, if they are not.
    pub fn not_saving(&self) -> Option<String> {
        self.not_saving.get_value()
    }

    /// Whether a newer layout keeps this tab from writing.
    pub fn newer_data(&self) -> ReadSignal<Option<NewerData>> {
        self.newer_data.read_only()
    }

    /// A newer build has written here since this page opened.
    fn newer_build_wrote(&self) {
        if self.newer_data.get_untracked().is_none() {
            self.newer_data.set(Some(NewerData::SinceOpen));
        }
    }

    /// Opens a session from a search result, to show it at `term`.
    pub fn open_found(&self, session_id: &str, term: String) {
        self.find_on_open.set_value(Some(term));
        self.navigate(Route::Session(session_id.to_string()));
    }

    /// The words the session now opening was searched for, once.
    pub fn take_find_on_open(&self) -> Option<String> {
        self.find_on_open.try_update_value(Option::take).flatten()
    }

    pub fn update_ready(&self) -> ReadSignal<bool> {
        self.update_ready.read_only()
    }

    pub fn report(&self, problem: &StorageError) {
        // A newer layout has a lasting bar of its own.
        if matches!(problem, StorageError::NewerSchema { .. }) {
            return self.newer_build_wrote();
        }
        let message = problem.to_string();
        self.problems.update(|list| {
            if !list.contains(&message) {
                list.push(message);
            }
        });
    }

    pub fn report_all(&self, problems: &[StorageError]) {
        problems.iter().for_each(|p| self.report(p));
    }

    pub fn dismiss_problem(&self, message: &str) {
        self.problems.update(|list| list.retain(|m| m != message));
    }

    pub fn set_update_ready(&self) {
        self.update_ready.set(true);
    }

    /// Runs a write at once; on failure the banner and status say why.
    fn write<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, StorageError>) -> bool {
        self.write_waiting();
        self.status.set(SaveStatus::Saving);
        let Some(result) = self.store.try_update_value(f) else {
            return false;
        };
        let failure = result.err();
        if let Some(e) = &failure {
            self.report(e);
        }
        self.settle(failure.as_ref());
        failure.is_none()
    }

    /// Shows what is still unsaved: the failure just met or the first edit
    /// still refused names the status, and "Saved" only when nothing waits.
    fn settle(&self, failure: Option<&StorageError>) {
        let (unsaved, waiting) = self
            .queue
            .with_value(|q| (q.unsaved(), q.first_failure().map(ToString::to_string)));
        let why = failure.map(ToString::to_string).or(waiting);
        // In memory only, the app goes on working but is never shown as saved.
        let status = match (self.not_saving().or(why), unsaved) {
            (Some(why), unsaved) => SaveStatus::NotSaved { why, unsaved },
            (None, 0) => {
                self.request_persistence_once();
                self.remember_change_for_backup();
                self.push_soon();
                SaveStatus::Saved
            }
            (None, _) => SaveStatus::Saving,
        };
        self.status.set(status);
    }

    /// At the first save: data now exists that must not be evicted.
    fn request_persistence_once(&self) {
        if self.persistence_requested.get_value() {
            return;
        }
        self.persistence_requested.set_value(true);
        self.request_persistence();
    }

    /// Asks the browser to keep our data for good, and shows its answer.
    pub fn request_persistence(&self) {
        let persistent = self.persistent;
        leptos::task::spawn_local(async move {
            persistent.set(crate::offline::request_persistence().await);
        });
    }

    /// Learns whether the browser already keeps our data, without asking.
    pub fn check_persistence(&self) {
        let persistent = self.persistent;
        leptos::task::spawn_local(async move {
            persistent.set(crate::offline::is_persistent().await);
        });
    }

    /// Saves a client at once and refreshes every list that shows clients.
    pub fn save_client(&self, client: &Client) -> bool {
        let saved = self.write(|s| s.save_client(client));
        self.revision.update(|r| *r += 1);
        saved
    }

    /// Saves a brand-new session at once (it must exist before the editor opens).
    pub fn add_session(&self, session: &Session) -> bool {
        let saved = self.write(|s| s.save_session(session));
        self.revision.update(|r| *r += 1);
        saved
    }

    pub fn save_settings(&self, settings: &DeviceSettings) -> bool {
        self.write(|s| s.save_settings(settings))
    }

    /// Another tab wrote under `key` (None: it cleared storage, or this page
    /// came back from the back/forward cache and missed what others wrote):
    /// learn of new records, and let every open record be read again.
    /// Keys that are not our records are ignored.
    pub fn changed_in_other_tab(&self, key: Option<&str>) {
        if vault::locks_this_tab(key) {
            self.lock_as_another_tab_did();
            return;
        }
        let record = key.map(RecordRef::from_key);
        if matches!(record, Some(None)) && !key.is_some_and(hand_to_client::is_handover) {
            return;
        }
        if record == Some(Some(RecordRef::Schema)) && self.peek(Store::recheck_layout).is_some() {
            self.newer_build_wrote();
        }
        self.store.update_value(Store::refresh_index);
        self.revision.update(|r| *r += 1);
    }

    /// Shows the screen the URL names, after the URL changed.
    /// The same screen is not built again: `navigate` already showed it
    /// before the browser reported the new URL.
    pub fn set_route(&self, route: Route) {
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }

    /// Goes to a screen and puts it in the URL, so a reload returns there.
    /// The URL gets a new history entry rather than a new `location.hash`:
    /// in WebKit (Safari) a fragment navigation cancels a download the page
    /// has just started, such as the backup "Replace everything" makes first.
    /// Back and Forward still fire `hashchange`.
    ///
    /// Another screen opens at its top, wherever the last one was scrolled to
    /// (the button that led there may have been far down a long page).
    pub fn navigate(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let hash = route.hash();
            if window.location().hash().ok().as_deref() != Some(hash.as_str())
                && let Ok(history) = window.history()
            {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        self.route.set(route);
    }
}

/// Deleting and bringing back, and removing damaged records: each changes
/// which records the lists show.
impl AppState {
    fn change_records(&self, f: impl FnOnce(&mut Store) -> Result<(), StorageError>) -> bool {
        let done = self.write(f);
        self.revision.update(|r| *r += 1);
        done
    }

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

#[cfg(test)]
mod tests {
    use super::SaveStatus;

    #[test]
    fn the_status_counts_the_records_whose_edits_are_not_stored() {
        let not_saved = |unsaved| SaveStatus::NotSaved {
            why: "Storage is full.".into(),
            unsaved,
        };
        assert_eq!(not_saved(0).text(), "Not saved: Storage is full.");
        assert_eq!(
            not_saved(1).text(),
            "Not saved: Storage is full. (1 unsaved change)"
        );
        assert_eq!(
            not_saved(2).text(),
            "Not saved: Storage is full. (2 unsaved changes)"
        );
    }
}
