//! Records that cannot be read, as the Problems panel shows them: each
//! damaged record and each copy set aside ([`crate::storage::set_aside`]),
//! listed with its raw value to download, and removed only when the
//! clinician says so.

use crate::layout::{
    PREFIX, RecordRef, client_key, index_key, quarantine_key, session_key, transcript_key,
};
use crate::model::transcript::Transcript;
use crate::model::{Client, Clinician, DeviceSettings, Session};
use crate::storage::backend::Backend;
use crate::storage::codec;
use crate::storage::coding::{Record, from_json, write};
use crate::storage::error::StorageError;
use crate::storage::index::{Deletable, Index};
use crate::storage::store::Store;

/// A stored value the app cannot use: a damaged record, or a copy set aside.
/// Its key stays inside storage; screens name it by `what`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DamagedRecord {
    key: String,
    /// "Client record c1", "Copy of the clinician record, set aside".
    pub what: String,
    /// Why it cannot be read; empty for a copy set aside.
    pub reason: String,
    /// For a damaged client: how many sessions still belong to it.
    pub sessions: usize,
}

impl DamagedRecord {
    /// Its key in storage, for storage's own use.
    pub(in crate::storage) fn key(&self) -> &str {
        &self.key
    }

    /// A file name for its raw value: "sessionpad-client-c1.txt".
    pub fn file_name(&self) -> String {
        let name: String = self
            .key
            .trim_start_matches(PREFIX)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("sessionpad-{name}.txt")
    }

    /// Asked before removing it.
    pub fn remove_question(&self) -> String {
        let sessions = match self.sessions {
            0 => String::new(),
            1 => " Its 1 session stays, under a blank client you can rename.".into(),
            n => format!(" Its {n} sessions stay, under a blank client you can rename."),
        };
        format!(
            "Remove the {} for good? Download it first if you may need it.{sessions}",
            first_letter(&self.what, char::to_lowercase)
        )
    }
}

/// `s` with its first letter changed by `case`: "Client record" ↔ "client record".
fn first_letter<I: Iterator<Item = char>>(s: &str, case: fn(char) -> I) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| case(c).chain(chars).collect())
        .unwrap_or_default()
}

/// Why the value under `key` cannot be used, if it cannot.
fn damage(backend: &dyn Backend, record: &RecordRef, key: &str) -> Option<String> {
    if *record == RecordRef::Schema {
        return None;
    }
    let raw = backend.get(key).ok()??;
    match codec::decode(&raw) {
        Ok(json) => check_structure(record, &json).err(),
        Err(e) => Some(e.to_string()),
    }
}

/// Whether `json` has the structure of `record`'s kind, and why not if not;
/// read from text, as the store reads it, so each kind has one reader.
pub(in crate::storage) fn check_structure(record: &RecordRef, json: &str) -> Result<(), String> {
    fn is<T: Record>(json: &str) -> Result<(), String> {
        from_json::<T>(json).map(drop)
    }
    match record {
        RecordRef::Schema => Ok(()),
        RecordRef::Index => is::<Index>(json),
        RecordRef::Clinician => is::<Clinician>(json),
        RecordRef::Settings => is::<DeviceSettings>(json),
        RecordRef::Client(_) => is::<Client>(json),
        RecordRef::Session(_) => is::<Session>(json),
        RecordRef::Transcript(_) => is::<Transcript>(json),
        // A set-aside copy has the shape of the record it copies.
        RecordRef::Conflict(of, _) => check_structure(of, json),
    }
}

impl Store {
    /// Every stored value the app cannot use, and every copy set aside.
    /// Reads and decodes every record: for the Problems panel, not for start-up.
    pub fn damaged_records(&self) -> Result<Vec<DamagedRecord>, StorageError> {
        let aside = quarantine_key("");
        let mut found = Vec::new();
        for key in self.backend.keys()? {
            if let Some(original) = key.strip_prefix(&aside) {
                let original = original.split('~').next().unwrap_or_default();
                found.push(DamagedRecord {
                    what: format!(
                        "Copy of the {}, set aside",
                        StorageError::record_name(&format!("{PREFIX}{original}"))
                    ),
                    reason: String::new(),
                    sessions: 0,
                    key,
                });
                continue;
            }
            let Some(record) = RecordRef::from_key(&key) else {
                continue;
            };
            if let Some(reason) = damage(self.backend.as_ref(), &record, &key) {
                let sessions = match &record {
                    RecordRef::Client(id) => self.sessions_of_any(id),
                    _ => 0,
                };
                found.push(DamagedRecord {
                    what: first_letter(&StorageError::record_name(&key), char::to_uppercase),
                    reason,
                    sessions,
                    key,
                });
            }
        }
        Ok(found)
    }

    /// How many sessions name this client, deleted ones included.
    fn sessions_of_any(&self, client_id: &str) -> usize {
        self.index
            .sessions
            .iter()
            .filter(|s| s.client_id == client_id)
            .count()
    }

    /// The stored string exactly as it is, to download.
    pub fn raw_value(&self, record: &DamagedRecord) -> Result<Option<String>, StorageError> {
        self.backend.get(&record.key)
    }

    /// Removes a damaged record or a copy set aside, and drops it from the
    /// index. A damaged client's sessions are kept: a blank client record
    /// takes its place, so they stay listed and can be renamed under.
    pub fn remove_damaged(&mut self, record: &DamagedRecord, now: i64) -> Result<(), StorageError> {
        self.before_replacing(&record.key, None)?;
        match RecordRef::from_key(&record.key) {
            Some(RecordRef::Client(id)) if self.sessions_of_any(&id) > 0 => {
                let blank =
                    Client::new(id.clone(), "Unnamed client", now).expect("a fixed name is valid");
                return write(self.backend.as_mut(), &client_key(&id), &blank);
            }
            Some(RecordRef::Session(id)) => {
                self.backend.remove(&transcript_key(&id))?;
                self.stored_transcripts.remove(&id);
                self.backend.remove(&session_key(&id))?;
            }
            Some(RecordRef::Transcript(id)) => {
                self.stored_transcripts.remove(&id);
                self.backend.remove(&record.key)?;
            }
            _ => self.backend.remove(&record.key)?,
        }
        let removed = RecordRef::from_key(&record.key);
        let mut index = self.current_index();
        match removed {
            Some(RecordRef::Client(id)) => {
                index.clients.retain(|c| *c != id);
                index
                    .deleted
                    .retain(|d| d.record != Deletable::Client(id.clone()));
            }
            Some(RecordRef::Session(id)) => {
                index.sessions.retain(|s| s.id != id);
                index
                    .deleted
                    .retain(|d| d.record != Deletable::Session(id.clone()));
            }
            _ => return Ok(()),
        }
        write(self.backend.as_mut(), &index_key(), &index)?;
        self.index = index;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
