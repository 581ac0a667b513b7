//! The records themselves: the clinician's details, device settings,
//! clients and sessions, read and written one record per key. A session's
//! transcript, large and never edited, lives apart under its own key, so
//! typing in a note rewrites the session record alone; the index is written
//! only when a record is added. Sessions and clients are written over the
//! revision they were read at ([`crate::storage::revisions`]).

use crate::layout::{
    RecordRef, client_key, clinician_key, index_key, session_key, settings_key, transcript_key,
};
use crate::model::suggest::own_tags;
use crate::model::tags::Tags;
use crate::model::{Client, Clinician, DeviceSettings, Session, order};
use crate::storage::coding::{Record, encoded, read, write};
use crate::storage::error::{Problems, StorageError};
use crate::storage::index::{Index, SessionRef};
use crate::storage::lineage::Saves;
use crate::storage::revisions::{Edit, Revised};
use crate::storage::set_aside::set_aside_if_unreadable;
use crate::storage::store::Store;

impl Store {
    pub fn clinician(&self) -> Result<Clinician, StorageError> {
        Ok(read(self.backend.as_ref(), &clinician_key())?.unwrap_or_default())
    }

    pub fn save_clinician(&mut self, clinician: &Clinician) -> Result<(), StorageError> {
        set_aside_if_unreadable::<Clinician>(self.backend.as_mut(), &clinician_key())?;
        write(self.backend.as_mut(), &clinician_key(), clinician)
    }

    pub fn settings(&self) -> Result<DeviceSettings, StorageError> {
        Ok(read(self.backend.as_ref(), &settings_key())?.unwrap_or_default())
    }

    pub fn save_settings(&mut self, settings: &DeviceSettings) -> Result<(), StorageError> {
        set_aside_if_unreadable::<DeviceSettings>(self.backend.as_mut(), &settings_key())?;
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
    /// [`crate::storage::revisions`]); returns its new revision.
    pub fn save_client(&mut self, client: &Client) -> Result<u64, StorageError> {
        let client = &self.next_revision(client)?;
        let is_new = !self.index.lists(&client.record());
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
        order::sort_by_key(&mut sessions, |s| s.number);
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
        let is_new = !self.index.lists(&record.record());
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

    /// A client as the session screens need it: a damaged record stands in
    /// as "Client record damaged", so its sessions still open.
    fn client_or_stand_in(&self, id: &str) -> Result<Option<Client>, StorageError> {
        match self.client(id) {
            Err(StorageError::Damaged { .. }) => Ok(Some(Client::unreadable(id))),
            found => found,
        }
    }
}

/// The records found, with the reason each unreadable one could not be read.
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

/// Sessions and clients carry revisions alike: `$variant` names both the
/// record and the edit, and `$load` reads the stored record whole.
macro_rules! revised {
    ($type:ty, $variant:ident, $load:ident) => {
        impl Revised for $type {
            fn record(&self) -> RecordRef {
                RecordRef::$variant(self.id.clone())
            }
            fn rev(&self) -> u64 {
                self.rev
            }
            fn set_rev(&mut self, rev: u64) {
                self.rev = rev;
            }
            fn saves_mut(&mut self) -> &mut Saves {
                &mut self.saves
            }
            fn into_edit(self) -> Edit {
                Edit::$variant(Box::new(self))
            }
            fn from_edit(edit: Edit) -> Option<Self> {
                match edit {
                    Edit::$variant(record) => Some(*record),
                    _ => None,
                }
            }
            fn load(store: &Store, record: &RecordRef) -> Result<Option<Self>, StorageError> {
                match record {
                    RecordRef::$variant(id) => store.$load(id),
                    _ => Ok(None),
                }
            }
        }
    };
}

revised!(Session, Session, session);
revised!(Client, Client, client);
