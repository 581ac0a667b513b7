//! Records that cannot be read: set aside rather than overwritten, listed
//! with their raw value to download, and removed only when the clinician
//! says so. Also makes the index whole again from the records themselves.

use super::{
    Backend, Deletable, Index, PREFIX, Problems, Record, RecordRef, SessionRef, StorageError,
    Store, client_key, clinician_key, codec, coding, index_key, quarantine_key, read, session_key,
    settings_key, transcript_key, write,
};
use crate::model::transcript::Transcript;
use crate::model::{Client, Clinician, DeviceSettings, Session};
use std::collections::HashSet;

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

impl StorageError {
    /// The record this error says cannot be read, if it names one.
    pub fn damaged_record(&self) -> Option<RecordRef> {
        match self {
            Self::Damaged { key, .. } => RecordRef::from_key(key),
            _ => None,
        }
    }
}

/// Copies `raw` under the first free quarantine key for `key` (or one that
/// already holds the same bytes), so an earlier copy is never overwritten.
pub(super) fn set_aside(
    backend: &mut dyn Backend,
    key: &str,
    raw: &str,
) -> Result<(), StorageError> {
    let first = quarantine_key(key);
    for n in 1.. {
        let slot = if n == 1 {
            first.clone()
        } else {
            format!("{first}~{n}")
        };
        match backend.get(&slot)? {
            Some(held) if held != raw => continue,
            Some(_) => return Ok(()),
            None => return backend.set(&slot, raw),
        }
    }
    unreachable!("the slots above never run out")
}

/// Copies the value under `key` aside when it cannot be read as `T`, so that
/// writing over it loses nothing; says why it could not be read. An error
/// means it could not be copied and must not be written over.
pub(super) fn set_aside_if_unreadable<T: Record>(
    backend: &mut dyn Backend,
    key: &str,
) -> Result<Option<String>, StorageError> {
    let Err(StorageError::Damaged { reason, .. }) = read::<T>(backend, key) else {
        return Ok(None);
    };
    let raw = backend.get(key)?.unwrap_or_default();
    set_aside(backend, key, &raw)?;
    Ok(Some(reason))
}

/// At opening: an unreadable clinician or settings record is moved aside, so
/// the app starts from defaults without ever writing them over it. One that
/// cannot be moved (storage full) stays where it is and is reported.
pub(super) fn set_aside_profile(
    backend: &mut dyn Backend,
    problems: &mut Problems,
) -> Result<(), StorageError> {
    set_aside_at_open::<Clinician>(backend, &clinician_key(), problems)?;
    set_aside_at_open::<DeviceSettings>(backend, &settings_key(), problems)
}

fn set_aside_at_open<T: Record>(
    backend: &mut dyn Backend,
    key: &str,
    problems: &mut Problems,
) -> Result<(), StorageError> {
    match set_aside_if_unreadable::<T>(backend, key) {
        Ok(None) => {}
        Ok(Some(reason)) => {
            backend.remove(key)?;
            problems.push(StorageError::SetAside {
                key: key.to_string(),
                reason,
            });
        }
        Err(refused) => problems.push(read::<T>(backend, key).err().unwrap_or(refused)),
    }
    Ok(())
}

/// The index with every record that exists taken in: a missing index is
/// rebuilt, and records another tab wrote but never indexed are listed
/// again. Written back only when something was added.
pub(super) fn complete_index(
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
pub(super) fn completed_index(
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
pub(super) fn check_structure(record: &RecordRef, json: &str) -> Result<(), String> {
    fn is<T: Record>(json: &str) -> Result<(), String> {
        coding::from_json::<T>(json).map(drop)
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

    /// A client as the session screens need it: a damaged record stands in
    /// as "Client record damaged", so its sessions still open.
    pub(super) fn client_or_stand_in(&self, id: &str) -> Result<Option<Client>, StorageError> {
        match self.client(id) {
            Err(StorageError::Damaged { .. }) => Ok(Some(Client::unreadable(id))),
            found => found,
        }
    }
}

#[cfg(test)]
mod tests;
