//! The only code that touches persistent storage.
//!
//! Layout: every key starts with [`PREFIX`]; one record per key (`client/<id>`,
//! `session/<id>`, `clinician`), an `index` of which records exist, and a
//! `schema` record naming the layout version. A session's transcript, large
//! and never edited, lives apart under `transcript/<session id>`, so typing in
//! a note rewrites the session record alone; the index is written only when a
//! record is added. Records are stored through [`codec`], compressed. A
//! record that does not decode is reported and left exactly as it is, or
//! set aside before anything replaces it ([`problems`]). Deleting marks a
//! record in the index and keeps its data until it is deleted for good ([`trash`]).

mod backend;
pub mod backup;
mod codec;
mod coding;
mod guard;
mod local;
mod migrations;
mod problems;
mod queue;
mod replica;
mod revisions;
mod room;
mod trash;
mod vault;

pub use backend::{Backend, MemoryBackend};
pub use coding::Record;
pub use local::LocalStorageBackend;
pub use problems::DamagedRecord;
pub use queue::{Edit, SaveQueue};
pub use replica::{Replica, adopt_vault, is_sync_key};
pub use revisions::{Revised, conflict_key};
pub use room::{QUOTA_UNITS, Room};
pub use trash::{Deletable, Deleted, DeletedItem};
pub use vault::{
    Kdf, RecoveryKey, TurnedOn, Unlocked, VaultError, VaultHeader, VaultStage, keep_wrong_tries,
    locks_tabs, wrong_tries,
};

use crate::model::suggest::own_tags;
use crate::model::tags::Tags;
use crate::model::{Client, Clinician, DeviceSettings, Session};
use guard::LayoutGuard;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

pub const PREFIX: &str = "sessionpad/v1/";
pub const SCHEMA_VERSION: u32 = 3;

pub fn schema_key() -> String {
    format!("{PREFIX}schema")
}
pub fn index_key() -> String {
    format!("{PREFIX}index")
}
pub fn clinician_key() -> String {
    format!("{PREFIX}clinician")
}
pub fn settings_key() -> String {
    format!("{PREFIX}settings")
}
/// The vault's header: plain, since unlocking starts from it.
pub fn vault_key() -> String {
    format!("{PREFIX}vault")
}
pub fn client_key(id: &str) -> String {
    format!("{PREFIX}client/{id}")
}
pub fn session_key(id: &str) -> String {
    format!("{PREFIX}session/{id}")
}
pub fn transcript_key(session_id: &str) -> String {
    format!("{PREFIX}transcript/{session_id}")
}
/// Where an unreadable record is copied before anything replaces it.
pub fn quarantine_key(key: &str) -> String {
    format!("{PREFIX}quarantine/{}", key.trim_start_matches(PREFIX))
}

/// Whether `backend` holds any records: anything but a new store's schema
/// record and the lock signal between tabs.
fn holds_records(backend: &dyn Backend) -> Result<bool, StorageError> {
    Ok(backend
        .keys()?
        .iter()
        .any(|key| key.starts_with(PREFIX) && *key != schema_key() && !vault::is_lock_key(key)))
}

/// One stored record, named without its key, so code outside storage never
/// spells a key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Schema,
    Index,
    Clinician,
    Settings,
    Client(String),
    Session(String),
    /// The transcript a session was imported from, stored apart from it.
    Transcript(String),
    /// A version of a session or client that was set aside, numbered,
    /// because another tab had changed the record since this one read it.
    Conflict(Box<RecordRef>, u32),
}

impl RecordRef {
    pub fn key(&self) -> String {
        match self {
            Self::Schema => schema_key(),
            Self::Index => index_key(),
            Self::Clinician => clinician_key(),
            Self::Settings => settings_key(),
            Self::Client(id) => client_key(id),
            Self::Session(id) => session_key(id),
            Self::Transcript(id) => transcript_key(id),
            Self::Conflict(record, n) => conflict_key(record, *n),
        }
    }

    /// The record stored under `key`; `None` for keys that are not ours or
    /// name no record (such as a quarantined copy).
    pub fn from_key(key: &str) -> Option<Self> {
        let rest = key.strip_prefix(PREFIX)?;
        let record = match rest {
            "schema" => Self::Schema,
            "index" => Self::Index,
            "clinician" => Self::Clinician,
            "settings" => Self::Settings,
            _ => match rest.split_once('/')? {
                ("conflict", copy) => revisions::conflict_from_key(copy)?,
                ("client", id) if !id.is_empty() => Self::Client(id.to_string()),
                ("session", id) if !id.is_empty() => Self::Session(id.to_string()),
                ("transcript", id) if !id.is_empty() => Self::Transcript(id.to_string()),
                _ => return None,
            },
        };
        Some(record)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Storage cannot be used at all (private mode, blocked site data).
    Unavailable(String),
    /// The browser refused the write: the origin's storage is full.
    QuotaExceeded,
    /// A stored value that does not decode; it is left untouched.
    Damaged { key: String, reason: String },
    /// A clinician or settings record that did not decode, moved aside
    /// unchanged so the app could start from defaults.
    SetAside { key: String, reason: String },
    /// Data written by a newer version of the app; nothing is changed.
    NewerSchema { found: u32 },
    /// Any other failure the browser reported.
    Failed(String),
    /// Another tab changed the record since this one read it; this tab's
    /// version was kept under `copy` instead of overwriting theirs.
    Conflict { record: RecordRef, copy: RecordRef },
    /// Another tab locked the notes, or turned the vault on or off, so this
    /// tab's key no longer fits storage: it writes nothing until reloaded.
    Locked,
}

impl StorageError {
    /// Why nothing can be stored while this error stands, as a clause for
    /// "Not saving: …".
    pub fn not_saving_reason(&self) -> String {
        match self {
            Self::Unavailable(why) => {
                format!("this browser is not letting Sessionpad store anything ({why})")
            }
            Self::NewerSchema { found } => format!(
                "the notes here were saved by a newer version of Sessionpad (layout {found})"
            ),
            Self::QuotaExceeded => "storage is full".into(),
            Self::Damaged { key, reason } | Self::SetAside { key, reason } => {
                format!(
                    "the {} could not be read ({reason})",
                    Self::record_name(key)
                )
            }
            Self::Failed(why) => format!("the browser refused to save ({why})"),
            Self::Conflict { record, .. } => format!(
                "the {} was also changed in another tab or window",
                Self::record_name(&record.key())
            ),
            Self::Locked => "the lock was changed in another tab or window".into(),
        }
    }

    /// Which saved thing is damaged, in words rather than a key.
    fn record_name(key: &str) -> String {
        match RecordRef::from_key(key) {
            Some(RecordRef::Client(id)) => format!("client record {id}"),
            Some(RecordRef::Session(id)) => format!("session record {id}"),
            Some(RecordRef::Transcript(id)) => format!("transcript of session record {id}"),
            _ => format!("{} record", key.trim_start_matches(PREFIX)),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(why) => write!(
                f,
                "This browser is not letting Sessionpad store anything ({why}). \
                 Edits stay on screen but are not saved."
            ),
            Self::QuotaExceeded => f.write_str(
                "Storage is full, so the browser refused to save. Your latest edit \
                 is kept on screen. To make room, back up, then delete clients or \
                 sessions you no longer need and empty them from Recently deleted.",
            ),
            Self::Damaged { key, reason } => write!(
                f,
                "The {} could not be read ({reason}). It has been left untouched; \
                 everything else works.",
                Self::record_name(key)
            ),
            Self::SetAside { key, reason } => write!(
                f,
                "The {} could not be read ({reason}). It was set aside unchanged \
                 (see This device, Problems), and defaults are used until you enter it again.",
                Self::record_name(key)
            ),
            Self::NewerSchema { found } => write!(
                f,
                "This data was saved by a newer version of Sessionpad (layout {found}). \
                 Nothing was changed; open it with the newer version."
            ),
            Self::Failed(why) => write!(f, "Saving failed: {why}."),
            Self::Conflict { record, .. } => write!(
                f,
                "The {} was also changed in another tab or window. Your version is \
                 kept aside until you choose which to keep.",
                Self::record_name(&record.key())
            ),
            Self::Locked => f.write_str(
                "Sessionpad was locked, or its passphrase lock turned on or off, in another \
                 tab or window. Reload this page to keep working.",
            ),
        }
    }
}

impl std::error::Error for StorageError {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRef {
    pub id: String,
    pub client_id: String,
}

/// Which records exist, so start-up reads only what the current screen needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Index {
    pub clients: Vec<String>,
    pub sessions: Vec<SessionRef>,
    /// Records in Recently deleted; still stored, skipped by every list.
    pub deleted: Vec<Deleted>,
}

pub struct Store {
    backend: Box<dyn Backend>,
    index: Index,
    /// Sessions whose transcript is known to be stored, so saving a session
    /// while typing does not read its transcript back to find out.
    stored_transcripts: HashSet<String>,
    /// The stored text of each session or client this tab last wrote, with
    /// its revision: while storage still holds exactly that text, saving
    /// again knows the stored revision without decoding the record.
    written: HashMap<String, (String, u64)>,
    /// Set once storage is found to hold a newer layout: from then on the
    /// store only reads (see [`guard`]).
    newer_layout: Rc<Cell<Option<u32>>>,
    /// The unlocked vault's key, shared with the sealing backend (see [`vault`]).
    keyring: vault::Keyring,
    /// Sync's changes feed as last read or written, with its stored text
    /// (see [`replica`]); kept opaque so a page that never syncs carries
    /// none of its code.
    sync_feed: Option<Box<dyn std::any::Any>>,
}

/// What opening found wrong without failing: shown to the clinician.
pub type Problems = Vec<StorageError>;

impl Store {
    /// Brings the schema up to date and reads the index. Data of a newer
    /// layout opens read-only: it is shown, and nothing is written.
    pub fn open(backend: Box<dyn Backend>) -> Result<(Self, Problems), StorageError> {
        Self::open_with(backend, None)
    }

    /// Opens with the key of the vault, if it is on; records are read and
    /// written through the sealing step, migrations included.
    fn open_with(
        backend: Box<dyn Backend>,
        key: Option<(String, vault::VaultKey)>,
    ) -> Result<(Self, Problems), StorageError> {
        let keyring = vault::Keyring::default();
        *keyring.borrow_mut() = key;
        let mut backend: Box<dyn Backend> =
            Box::new(vault::VaultBackend::new(backend, keyring.clone()));
        let mut problems = Vec::new();
        let newer_layout = Rc::new(Cell::new(None));
        match migrations::migrate(backend.as_mut()) {
            Err(StorageError::NewerSchema { found }) => newer_layout.set(Some(found)),
            result => result?,
        }
        let read_only = newer_layout.get().is_some();
        let mut backend: Box<dyn Backend> =
            Box::new(LayoutGuard::new(backend, newer_layout.clone()));
        let stored = match read::<Index>(backend.as_ref(), &index_key()) {
            Ok(index) => index,
            Err(damaged) => {
                // Keep the unreadable bytes aside, then rebuild from the records;
                // read-only data is only looked at.
                if !read_only {
                    let raw = backend.get(&index_key())?.unwrap_or_default();
                    problems::set_aside(backend.as_mut(), &index_key(), &raw)?;
                    backend.remove(&index_key())?;
                }
                problems.push(damaged);
                None
            }
        };
        let index = if read_only {
            problems::completed_index(backend.as_ref(), stored)?.0
        } else {
            let index = problems::complete_index(backend.as_mut(), stored)?;
            problems::set_aside_profile(backend.as_mut(), &mut problems)?;
            index
        };
        Ok((
            Self {
                backend,
                index,
                stored_transcripts: HashSet::new(),
                written: HashMap::new(),
                newer_layout,
                keyring,
                sync_feed: None,
            },
            problems,
        ))
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Picks up records another tab added since this one read the index.
    pub fn refresh_index(&mut self) {
        self.index = self.current_index();
    }

    /// The stored index joined with this tab's: another tab of the app may
    /// have added records since, and writing our copy back would orphan them.
    fn current_index(&self) -> Index {
        let Ok(Some(mut stored)) = read::<Index>(self.backend.as_ref(), &index_key()) else {
            return self.index.clone();
        };
        // Looked up in sets: a scan of the stored lists for each of ours made
        // adding a record quadratic in the number of sessions.
        let clients: HashSet<String> = stored.clients.iter().cloned().collect();
        let missing = self
            .index
            .clients
            .iter()
            .filter(|id| !clients.contains(*id));
        stored.clients.extend(missing.cloned());
        let sessions: HashSet<String> = stored.sessions.iter().map(|s| s.id.clone()).collect();
        let missing = self
            .index
            .sessions
            .iter()
            .filter(|s| !sessions.contains(&s.id));
        stored.sessions.extend(missing.cloned());
        stored
    }

    pub fn clinician(&self) -> Result<Clinician, StorageError> {
        Ok(read(self.backend.as_ref(), &clinician_key())?.unwrap_or_default())
    }

    pub fn save_clinician(&mut self, clinician: &Clinician) -> Result<(), StorageError> {
        problems::set_aside_if_unreadable::<Clinician>(self.backend.as_mut(), &clinician_key())?;
        write(self.backend.as_mut(), &clinician_key(), clinician)
    }

    pub fn settings(&self) -> Result<DeviceSettings, StorageError> {
        Ok(read(self.backend.as_ref(), &settings_key())?.unwrap_or_default())
    }

    pub fn save_settings(&mut self, settings: &DeviceSettings) -> Result<(), StorageError> {
        problems::set_aside_if_unreadable::<DeviceSettings>(
            self.backend.as_mut(),
            &settings_key(),
        )?;
        write(self.backend.as_mut(), &settings_key(), settings)
    }

    pub fn client(&self, id: &str) -> Result<Option<Client>, StorageError> {
        read(self.backend.as_ref(), &client_key(id))
    }

    /// Every client on the roster; unreadable ones are reported beside them.
    pub fn clients(&self) -> (Vec<Client>, Problems) {
        collect(self.index.live_clients().map(|id| self.client(id)))
    }

    /// Writes a client over the revision it was read at (see
    /// [`revisions`]); returns its new revision.
    pub fn save_client(&mut self, client: &Client) -> Result<u64, StorageError> {
        let client = &self.next_revision(client)?;
        let is_new = !self.index.clients.contains(&client.id);
        let key = client_key(&client.id);
        let text = self.save_record(&key, client, is_new, |index| {
            index.clients.push(client.id.clone())
        })?;
        self.written.insert(key, (text, client.rev));
        Ok(client.rev)
    }

    /// A session with its transcript, which is stored apart.
    pub fn session(&self, id: &str) -> Result<Option<Session>, StorageError> {
        let Some(mut session) = read::<Session>(self.backend.as_ref(), &session_key(id))? else {
            return Ok(None);
        };
        if session.transcript.is_none() {
            session.transcript = read(self.backend.as_ref(), &transcript_key(id))?;
        }
        Ok(Some(session))
    }

    /// A session with the client it belongs to, as every session screen needs both.
    pub fn session_with_client(&self, id: &str) -> Result<Option<(Session, Client)>, StorageError> {
        let Some(session) = self.session(id)? else {
            return Ok(None);
        };
        Ok(self
            .client_or_stand_in(&session.client_id)?
            .map(|client| (session, client)))
    }

    /// A client's sessions in course order; unreadable ones are reported beside them.
    pub fn sessions_of(&self, client_id: &str) -> (Vec<Session>, Problems) {
        let (mut sessions, problems) = collect(
            self.index
                .live_sessions()
                .filter(|s| s.client_id == client_id)
                .map(|s| self.session(&s.id)),
        );
        sessions.sort_by_key(|s| s.number);
        (sessions, problems)
    }

    /// The clinician's own tags (those not in the vocabulary) on every
    /// session on the roster, each once; unreadable sessions are reported
    /// beside them. Sessions are read without their transcripts.
    pub fn own_tags(&self) -> (Tags, Problems) {
        let (tagged, problems) = collect(
            self.index
                .live_sessions()
                .map(|s| read::<Session>(self.backend.as_ref(), &session_key(&s.id))),
        );
        (own_tags(tagged.iter().map(|s| &s.tags)), problems)
    }

    /// Writes the session record; its transcript is written once, the
    /// first time, under its own key, since a transcript is never edited.
    /// Like a client, it is written over the revision it was read at only;
    /// returns its new revision.
    pub fn save_session(&mut self, session: &Session) -> Result<u64, StorageError> {
        let record = self.next_revision(&Session {
            transcript: None,
            ..session.clone()
        })?;
        let is_new = !self.index.sessions.iter().any(|s| s.id == session.id);
        let transcript_key = transcript_key(&session.id);
        let new_transcript = match &session.transcript {
            Some(_) if self.stored_transcripts.contains(&session.id) => None,
            Some(t) if self.backend.get(&transcript_key)?.is_none() => Some(t),
            Some(_) => {
                self.stored_transcripts.insert(session.id.clone());
                None
            }
            None => None,
        };
        if let Some(transcript) = new_transcript {
            write(self.backend.as_mut(), &transcript_key, transcript)?;
        }
        let key = session_key(&session.id);
        let saved = self.save_record(&key, &record, is_new, |index| {
            index.sessions.push(SessionRef {
                id: session.id.clone(),
                client_id: session.client_id.clone(),
            })
        });
        match (saved, new_transcript) {
            // Nothing of a refused save stays behind.
            (Err(e), Some(_)) => {
                let _ = self.backend.remove(&transcript_key);
                Err(e)
            }
            (Err(e), None) => Err(e),
            (Ok(text), new_transcript) => {
                if new_transcript.is_some() {
                    self.stored_transcripts.insert(session.id.clone());
                }
                self.written.insert(key, (text, record.rev));
                Ok(record.rev)
            }
        }
    }

    /// Writes one record; a new one is also added to the index. If the index
    /// cannot be written the record is taken back out, so storage never holds
    /// a record the index does not know (the caller keeps the edit in memory).
    /// Returns the text written.
    fn save_record<T: Record>(
        &mut self,
        key: &str,
        value: &T,
        is_new: bool,
        add_to_index: impl FnOnce(&mut Index),
    ) -> Result<String, StorageError> {
        let text = encoded(value)?;
        self.backend.set(key, &text)?;
        if is_new {
            let mut index = self.current_index();
            add_to_index(&mut index);
            if let Err(e) = write(self.backend.as_mut(), &index_key(), &index) {
                let _ = self.backend.remove(key);
                return Err(e);
            }
            self.index = index;
        }
        Ok(text)
    }
}

fn read<T: Record>(backend: &dyn Backend, key: &str) -> Result<Option<T>, StorageError> {
    backend.get(key)?.map(|raw| decoded(key, &raw)).transpose()
}

/// The record stored under `key` as `raw`; damaged when it does not read.
fn decoded<T: Record>(key: &str, raw: &str) -> Result<T, StorageError> {
    let damaged = |reason: String| StorageError::Damaged {
        key: key.to_string(),
        reason,
    };
    let json = codec::decode(raw).map_err(|e| damaged(e.to_string()))?;
    coding::from_json(&json).map_err(damaged)
}

fn write<T: Record>(backend: &mut dyn Backend, key: &str, value: &T) -> Result<(), StorageError> {
    backend.set(key, &encoded(value)?)
}

/// `value` as the codec stores it (before the vault seals it).
fn encoded<T: Record>(value: &T) -> Result<String, StorageError> {
    Ok(codec::encode(&coding::to_json(value)?))
}

fn collect<T>(
    records: impl Iterator<Item = Result<Option<T>, StorageError>>,
) -> (Vec<T>, Problems) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        match record {
            Ok(Some(r)) => found.push(r),
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    (found, problems)
}

#[cfg(test)]
mod tests;
