//! State shared by every screen: the store, what is wrong with it, whether the
//! last edit is saved, and which screen is showing.

use crate::model::{Client, Clinician, DeviceSettings, Session};
use crate::platform::now_ms;
use crate::route::Route;
use crate::storage::{
    Backend, DamagedRecord, Deletable, LocalStorageBackend, MemoryBackend, RecordRef, StorageError,
    Store,
};
use leptos::prelude::*;
use std::time::Duration;

mod backup;
pub use backup::BackupStanding;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saving,
    Saved,
    NotSaved(String),
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            Self::Idle => String::new(),
            Self::Saving => "Saving…".into(),
            Self::Saved => "Saved".into(),
            Self::NotSaved(why) => format!("Not saved: {why}"),
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
    /// Bumped when the set of clients or sessions changes, so lists re-read.
    revision: RwSignal<u64>,
    /// Session edits not yet written, one per session; each is kept until a
    /// write of it succeeds.
    pending: StoredValue<Vec<Session>, LocalStorage>,
    flush_scheduled: StoredValue<bool>,
    /// Whether the browser promised not to evict our data (None: unknown).
    persistent: RwSignal<Option<bool>>,
    persistence_requested: StoredValue<bool>,
    /// A newer build is installed and waits for the clinician's go-ahead.
    update_ready: RwSignal<bool>,
    /// The last record another tab of the app wrote (None: none yet, or all cleared).
    changed_elsewhere: RwSignal<Option<RecordRef>>,
    /// Why nothing typed in this tab reaches localStorage, when it cannot be
    /// used: edits then live in memory only, and no write is called saved.
    not_saving: StoredValue<Option<String>>,
    newer_data: RwSignal<Option<NewerData>>,
}

/// The store this tab works on, and what opening it found.
pub struct OpenedStore {
    pub store: Store,
    /// Problems found while opening that leave the store usable.
    pub problems: Vec<StorageError>,
    /// Set when localStorage cannot be used and the store is in memory.
    pub not_saving: Option<StorageError>,
}

/// Opens localStorage; if it cannot be used, or holds data this version must
/// not touch, the app runs on a store in memory and says so, lastingly.
pub fn open_browser_store() -> OpenedStore {
    let opened = LocalStorageBackend::open()
        .and_then(|backend| Store::open(Box::new(backend) as Box<dyn Backend>));
    match opened {
        Ok((store, problems)) => OpenedStore {
            store,
            problems,
            not_saving: None,
        },
        Err(e) => {
            let (store, _) = Store::open(Box::new(MemoryBackend::new()))
                .expect("an empty memory store always opens");
            OpenedStore {
                store,
                problems: Vec::new(),
                not_saving: Some(e),
            }
        }
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
        pending: StoredValue::new_local(Vec::new()),
        flush_scheduled: StoredValue::new(false),
        persistent: RwSignal::new(None),
        persistence_requested: StoredValue::new(false),
        update_ready: RwSignal::new(false),
        changed_elsewhere: RwSignal::new(None),
        not_saving: StoredValue::new(not_saving.map(|e| e.not_saving_reason())),
        newer_data: RwSignal::new(newer_data),
    };
    problems.iter().for_each(|p| state.report(p));
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
        self.store.with_value(f)
    }

    /// Reads from the store without subscribing: for event handlers.
    pub fn peek<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        self.store.with_value(f)
    }

    /// A session with its client as last edited here: an edit still queued
    /// (because storage refused it) wins over the stored version, so an editor
    /// opened again never starts from, and then saves, older text.
    pub fn session_with_client(&self, id: &str) -> Result<Option<(Session, Client)>, StorageError> {
        let queued = self
            .pending
            .with_value(|p| p.iter().find(|s| s.id == id).cloned());
        let found = self.peek(|s| s.session_with_client(id))?;
        Ok(found.map(|(stored, client)| (queued.unwrap_or(stored), client)))
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

    pub fn update_ready(&self) -> ReadSignal<bool> {
        self.update_ready.read_only()
    }

    /// Whether `record` is the last one another tab wrote; tracked.
    pub fn changed_elsewhere(&self, record: &RecordRef) -> bool {
        self.changed_elsewhere
            .with(|changed| changed.as_ref() == Some(record))
    }

    pub fn report(&self, problem: &StorageError) {
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

    /// Runs a write; on failure the banner and status say why.
    fn write(&self, f: impl FnOnce(&mut Store) -> Result<(), StorageError>) -> bool {
        self.status.set(SaveStatus::Saving);
        let Some(result) = self.store.try_update_value(f) else {
            return false;
        };
        self.settle(result.err().into_iter().collect())
    }

    /// Shows how the writes just made went; the first failure names the status.
    fn settle(&self, failures: Vec<StorageError>) -> bool {
        // A newer layout has its own lasting bar; every other failure is listed.
        let (newer, others): (Vec<_>, Vec<_>) = failures
            .iter()
            .cloned()
            .partition(|e| matches!(e, StorageError::NewerSchema { .. }));
        if !newer.is_empty() {
            self.newer_build_wrote();
        }
        self.report_all(&others);
        if let Some(why) = self.not_saving() {
            // Kept in this page's memory, so the app goes on working, but
            // never shown as saved.
            self.status.set(SaveStatus::NotSaved(why));
            return failures.is_empty();
        }
        match failures.first() {
            None => {
                self.status.set(SaveStatus::Saved);
                self.request_persistence_once();
                self.remember_change_for_backup();
                true
            }
            Some(e) => {
                self.status.set(SaveStatus::NotSaved(e.to_string()));
                false
            }
        }
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

    pub fn save_clinician(&self, clinician: &Clinician) -> bool {
        self.write(|s| s.save_clinician(clinician))
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

    /// Queues an edited session: typing produces many edits in a row, and the
    /// write happens once per burst, right after it, or on `flush`. The edit
    /// replaces only an older one of the same session.
    pub fn save_session(&self, session: Session) {
        self.pending
            .update_value(|p| match p.iter_mut().find(|q| q.id == session.id) {
                Some(queued) => *queued = session,
                None => p.push(session),
            });
        self.status.set(SaveStatus::Saving);
        if !self.flush_scheduled.get_value() {
            self.flush_scheduled.set_value(true);
            let state = *self;
            set_timeout(move || state.flush(), Duration::ZERO);
        }
    }

    /// Writes the queued edits now (also on `pagehide` and when the tab is
    /// hidden). A failed write stays queued, so the next edit or flush tries again.
    pub fn flush(&self) {
        self.flush_scheduled.set_value(false);
        let queued = self.pending.get_value();
        if queued.is_empty() {
            return;
        }
        self.status.set(SaveStatus::Saving);
        let mut failures = Vec::new();
        for session in queued {
            match self.store.try_update_value(|s| s.save_session(&session)) {
                Some(Ok(())) => {
                    // Our version is now the stored one; another tab's is superseded.
                    let record = RecordRef::Session(session.id.clone());
                    if self
                        .changed_elsewhere
                        .with_untracked(|r| r.as_ref() == Some(&record))
                    {
                        self.changed_elsewhere.set(None);
                    }
                    self.pending.update_value(|p| p.retain(|q| *q != session));
                }
                Some(Err(e)) => failures.push(e),
                None => return,
            }
        }
        self.settle(failures);
    }

    /// Takes the stored version of a session another tab saved, instead of
    /// this tab's: this tab's queued edit of it is dropped, so it can never be
    /// written over the version the clinician chose.
    pub fn adopt_stored_session(&self, id: &str) -> Option<Session> {
        self.changed_elsewhere.set(None);
        match self.peek(|s| s.session(id)) {
            Ok(Some(theirs)) => {
                self.pending.update_value(|p| p.retain(|q| q.id != id));
                Some(theirs)
            }
            Ok(None) => None,
            Err(e) => {
                self.report(&e);
                None
            }
        }
    }

    pub fn save_settings(&self, settings: &DeviceSettings) -> bool {
        self.write(|s| s.save_settings(settings))
    }

    /// Another tab wrote under `key` (None: it cleared storage): learn of its
    /// new records and let the screen showing that record know, so nothing is
    /// silently overwritten. Keys that are not our records are ignored.
    pub fn changed_in_other_tab(&self, key: Option<&str>) {
        let record = match key {
            None => None,
            Some(key) => {
                let Some(record) = RecordRef::from_key(key) else {
                    return;
                };
                if record == RecordRef::Schema && self.peek(Store::recheck_layout).is_some() {
                    self.newer_build_wrote();
                }
                Some(record)
            }
        };
        self.store.update_value(Store::refresh_index);
        self.revision.update(|r| *r += 1);
        self.changed_elsewhere.set(record);
    }

    /// Shows the screen the URL names, after the URL changed.
    pub fn set_route(&self, route: Route) {
        self.route.set(route);
    }

    /// Goes to a screen and puts it in the URL, so a reload returns there.
    pub fn navigate(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&route.hash());
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
        self.pending
            .update_value(|p| p.retain(|q| stored.contains(&q.id)));
    }
}
