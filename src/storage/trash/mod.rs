//! Deleting and bringing back. A deleted record keeps its key and its data;
//! the index lists it as deleted and every list skips it, until it is
//! restored or deleted for good. A deleted client hides its sessions with it.

use crate::layout::{client_key, index_key, session_key, transcript_key};
use crate::model::trash::Trashed;
use crate::model::{Client, Session, order};
use crate::storage::coding::{read, write};
use crate::storage::error::StorageError;
use crate::storage::index::{Deletable, Deleted, Index};
use crate::storage::store::Store;

/// One line of Recently deleted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeletedItem {
    pub deleted: Deleted,
    pub what: Trashed,
}

impl Store {
    /// Whether a record waits in Recently deleted: a session also does when
    /// its client was deleted.
    pub fn in_recently_deleted(&self, record: &Deletable) -> bool {
        match record {
            Deletable::Client(id) => self.index.client_deleted(id),
            Deletable::Session(id) => self
                .index
                .sessions
                .iter()
                .any(|s| s.id == *id && self.index.session_hidden(s)),
        }
    }

    /// Moves a session to Recently deleted.
    pub fn delete_session(&mut self, id: &str, at: i64) -> Result<(), StorageError> {
        self.mark_deleted(Deletable::Session(id.to_string()), at)
    }

    /// Moves a client, and with it every session of theirs, to Recently deleted.
    pub fn delete_client(&mut self, id: &str, at: i64) -> Result<(), StorageError> {
        self.mark_deleted(Deletable::Client(id.to_string()), at)
    }

    pub(in crate::storage) fn mark_deleted(
        &mut self,
        record: Deletable,
        at: i64,
    ) -> Result<(), StorageError> {
        self.change_index(|index| {
            if !index.is_deleted(&record) {
                index.deleted.push(Deleted { record, at });
            }
        })
    }

    /// Brings a record back. A session whose client was deleted too brings
    /// the client back with it, since a session is shown only under its client.
    pub fn restore(&mut self, record: &Deletable) -> Result<(), StorageError> {
        let client_id = match record {
            Deletable::Client(id) => Some(id.clone()),
            Deletable::Session(id) => self
                .index
                .sessions
                .iter()
                .find(|s| s.id == *id)
                .map(|s| s.client_id.clone()),
        };
        self.change_index(|index| {
            index.deleted.retain(|d| {
                d.record != *record
                    && !matches!((&d.record, &client_id), (Deletable::Client(c), Some(id)) if c == id)
            })
        })
    }

    /// Deletes for good: the record's keys, its sessions' and their
    /// transcripts go, and the room they took is free. The keys go first, so
    /// a refused index write leaves at worst an entry with nothing behind it.
    pub fn purge(&mut self, record: &Deletable) -> Result<(), StorageError> {
        let sessions = self.index.sessions_taken_by(record);
        // A record gone for good may come back from a backup or another
        // device, in a version that does not hold this device's saves.
        let mut keys: Vec<String> = sessions.iter().map(|id| session_key(id)).collect();
        if let Deletable::Client(id) = record {
            keys.push(client_key(id));
        }
        for key in &keys {
            self.before_replacing(key, None)?;
        }
        if let Deletable::Client(id) = record {
            self.backend.remove(&client_key(id))?;
        }
        for id in &sessions {
            self.backend.remove(&transcript_key(id))?;
            self.backend.remove(&session_key(id))?;
            self.stored_transcripts.remove(id);
        }
        self.change_index(|index| {
            if let Deletable::Client(id) = record {
                index.clients.retain(|c| c != id);
            }
            index.sessions.retain(|s| !sessions.contains(&s.id));
            index.deleted.retain(|d| {
                d.record != *record
                    && !matches!(&d.record, Deletable::Session(s) if sessions.contains(s))
            });
        })
    }

    /// Recently deleted, newest first, each described as the clinician knew it.
    pub fn deleted(&self) -> Vec<DeletedItem> {
        let mut items: Vec<DeletedItem> = self
            .index
            .deleted
            .iter()
            .map(|deleted| DeletedItem {
                deleted: deleted.clone(),
                what: self.describe(&deleted.record),
            })
            .collect();
        order::sort_by_key(&mut items, |item| std::cmp::Reverse(item.deleted.at));
        items
    }

    fn describe(&self, record: &Deletable) -> Trashed {
        match record {
            Deletable::Client(id) => match self.client(id) {
                Ok(Some(client)) => {
                    Trashed::client(&client, self.index.sessions_taken_by(record).len())
                }
                _ => Trashed::Unreadable(format!("client record {id}")),
            },
            Deletable::Session(id) => {
                let session = read::<Session>(self.backend.as_ref(), &session_key(id));
                match session {
                    Ok(Some(session)) => {
                        let client = self.client(&session.client_id).ok().flatten();
                        Trashed::session(
                            &session,
                            &client.unwrap_or_else(|| Client::unreadable(&session.client_id)),
                        )
                    }
                    _ => Trashed::Unreadable(format!("session record {id}")),
                }
            }
        }
    }

    /// Changes the index as stored now (another tab may have added to it) and
    /// keeps the change only once it is written.
    fn change_index(&mut self, change: impl FnOnce(&mut Index)) -> Result<(), StorageError> {
        let mut index = self.current_index();
        change(&mut index);
        write(self.backend.as_mut(), &index_key(), &index)?;
        self.index = index;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
