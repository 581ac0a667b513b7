//! The index: which records exist, so start-up reads only what the current
//! screen needs, and which of them wait in Recently deleted. A lost or
//! incomplete index is made whole again from the records themselves.

use crate::layout::{RecordRef, index_key};
use crate::model::Session;
use crate::storage::backend::Backend;
use crate::storage::coding::{read, write};
use crate::storage::error::StorageError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

/// A record that can be deleted and restored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Deletable {
    Client(String),
    Session(String),
}

/// A deleted record and when it was deleted (milliseconds since the epoch).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Deleted {
    pub record: Deletable,
    pub at: i64,
}

impl Index {
    /// Whether the index lists `record`, a session or client; it keeps no
    /// list of other records, which always count as listed.
    pub(in crate::storage) fn lists(&self, record: &RecordRef) -> bool {
        match record {
            RecordRef::Session(id) => self.sessions.iter().any(|s| s.id == *id),
            RecordRef::Client(id) => self.clients.contains(id),
            _ => true,
        }
    }

    pub fn is_deleted(&self, record: &Deletable) -> bool {
        self.deleted.iter().any(|d| d.record == *record)
    }

    pub(in crate::storage) fn client_deleted(&self, id: &str) -> bool {
        self.deleted
            .iter()
            .any(|d| matches!(&d.record, Deletable::Client(c) if c == id))
    }

    /// Clients not deleted.
    pub(in crate::storage) fn live_clients(&self) -> impl Iterator<Item = &String> {
        self.clients.iter().filter(|id| !self.client_deleted(id))
    }

    /// Whether a session is deleted, itself or with its client.
    pub(in crate::storage) fn session_hidden(&self, s: &SessionRef) -> bool {
        self.client_deleted(&s.client_id) || self.is_deleted(&Deletable::Session(s.id.clone()))
    }

    /// Sessions neither deleted themselves nor with their client.
    pub(in crate::storage) fn live_sessions(&self) -> impl Iterator<Item = &SessionRef> {
        self.sessions.iter().filter(|s| !self.session_hidden(s))
    }

    /// Everything deleting `record` for good takes: a client takes all its
    /// sessions, deleted or not.
    pub(in crate::storage) fn sessions_taken_by(&self, record: &Deletable) -> Vec<String> {
        self.sessions
            .iter()
            .filter(|s| match record {
                Deletable::Client(id) => s.client_id == *id,
                Deletable::Session(id) => s.id == *id,
            })
            .map(|s| s.id.clone())
            .collect()
    }
}

/// The index with every record that exists taken in: a missing index is
/// rebuilt, and records another tab wrote but never indexed are listed
/// again. Written back only when something was added.
pub(in crate::storage) fn complete_index(
    backend: &mut dyn Backend,
    stored: Option<Index>,
) -> Result<Index, StorageError> {
    let (index, added) = completed_index(backend, stored)?;
    if added {
        write(backend, &index_key(), &index)?;
    }
    Ok(index)
}

/// The index completed from the keys, and whether anything was added;
/// nothing is written.
pub(in crate::storage) fn completed_index(
    backend: &dyn Backend,
    stored: Option<Index>,
) -> Result<(Index, bool), StorageError> {
    let mut index = stored.unwrap_or_default();
    let mut added = false;
    // Looked up once per stored key: a scan of the index each time made
    // opening quadratic in the number of sessions.
    let indexed: HashSet<String> = index.sessions.iter().map(|s| s.id.clone()).collect();
    for key in backend.keys()? {
        match RecordRef::from_key(&key) {
            Some(RecordRef::Client(id)) if !index.clients.contains(&id) => {
                index.clients.push(id);
                added = true;
            }
            Some(RecordRef::Session(id)) if !indexed.contains(&id) => {
                // The client is needed to list it; an unreadable record is still
                // indexed (under no client) so it is never forgotten.
                let client_id = read::<Session>(backend, &key)
                    .ok()
                    .flatten()
                    .map(|s| s.client_id)
                    .unwrap_or_default();
                index.sessions.push(SessionRef { id, client_id });
                added = true;
            }
            _ => {}
        }
    }
    Ok((index, added))
}

#[cfg(test)]
mod tests;
