//! Writing a checked backup back: replacing everything, or merging record by
//! record. Either is all or nothing: every key it may touch is read first,
//! and if the browser refuses a write part-way, each is put back exactly.
//!
//! A record here that cannot be read is never lost to either: the backup
//! downloaded first cannot hold it (a backup holds only records it can
//! check), so before anything is written over it or removed, its stored
//! text is copied aside unchanged, where Problems lists it to download.

use super::merge::{self, Outcome};
use super::{Backup, MergePreview};
use crate::layout::{PREFIX, RecordRef, index_key, merged_copies_key};
use crate::storage::codec;
use crate::storage::coding::read;
use crate::storage::error::StorageError;
use crate::storage::index::{Deletable, Index, complete_index};
use crate::storage::lineage::saves_of;
use crate::storage::set_aside::aside_slot;
use crate::storage::store::Store;

/// The keys a restore writes (full key, stored value) or removes (`None`).
type Changes = Vec<(String, Option<String>)>;

impl Store {
    /// Replaces every record with the backup's; a record here that cannot
    /// be read is copied aside first.
    pub fn replace_with_backup(&mut self, backup: &Backup) -> Result<(), StorageError> {
        let mut changes = Changes::new();
        for (_, key, raw) in self.unreadable_here()? {
            self.copy_aside(&mut changes, &key, raw)?;
        }
        // Ours are replaced by versions that need not hold them: this
        // device's saves start a new line (see `storage::lineage`).
        let (device, id) = Store::renewed_device_id()?;
        changes.extend(
            self.backend
                .keys()?
                .into_iter()
                .filter(|k| !matches!(RecordRef::from_key(k), None | Some(RecordRef::Schema)))
                .map(|key| (key, None)),
        );
        for entry in &backup.records {
            let value = codec::encode(&entry.value.to_string());
            changes.push((format!("{PREFIX}{}", entry.key), Some(value)));
        }
        changes.push((device, Some(id)));
        self.apply(changes)
    }

    /// Adds what only the backup holds, and keeps the backup's version beside
    /// ours as a conflict copy where they differ; nothing on the device is
    /// lost. Returns what was done.
    pub fn merge_backup(&mut self, backup: &Backup) -> Result<MergePreview, StorageError> {
        let done = self.merge_preview(backup);
        let unreadable = self.unreadable_here()?;
        let mut changes = Changes::new();
        let mut new_records = Vec::new();
        let mut copies = std::collections::HashMap::new();
        let mut merged_copies = self.merged_copies();
        let mut renew = false;
        for entry in backup.records.iter().filter(|e| e.key != "index") {
            let key = format!("{PREFIX}{}", entry.key);
            let value = Some(codec::encode(&entry.value.to_string()));
            match merge::compare(
                &entry.key,
                self.record_here(&entry.key).as_ref(),
                &self.copies_here(&entry.key)?,
                &entry.value,
            ) {
                Outcome::New => {
                    // Unreadable here rather than absent: its text goes aside
                    // first, and it may have held this device's saves.
                    if let Some((_, _, raw)) = unreadable.iter().find(|(_, k, _)| *k == key) {
                        self.copy_aside(&mut changes, &key, raw.clone())?;
                        renew = true;
                    }
                    new_records.push(entry.key.clone());
                    changes.push((key, value));
                }
                Outcome::Conflict => {
                    let Some(record) = RecordRef::from_key(&key) else {
                        continue;
                    };
                    // After the highest copy, so no unresolved copy is overwritten.
                    let n = copies.entry(key.clone()).or_insert(
                        self.conflict_copies_of(&record)?
                            .iter()
                            .filter_map(|c| match c {
                                RecordRef::Conflict(_, n) => Some(*n),
                                _ => None,
                            })
                            .max()
                            .unwrap_or(0),
                    );
                    *n += 1;
                    let copy = RecordRef::Conflict(Box::new(record), *n).key();
                    // Carrying our revision, as a copy sync sets aside does,
                    // so keeping it writes over ours; and the saves of both,
                    // since the version kept is chosen knowing both.
                    let mut theirs = entry.value.clone();
                    if let Some(here) = self.record_here(&entry.key)
                        && let Some(fields) = theirs.as_object_mut()
                    {
                        let mut saves = saves_of(&here);
                        for (device, rev) in saves_of(&entry.value) {
                            let at = saves.entry(device).or_default();
                            *at = (*at).max(rev);
                        }
                        fields.insert(
                            "rev".into(),
                            here.get("rev").cloned().unwrap_or(serde_json::json!(0)),
                        );
                        fields.insert("saves".into(), serde_json::json!(saves));
                    }
                    changes.push((copy.clone(), Some(codec::encode(&theirs.to_string()))));
                    merged_copies.push(copy);
                }
                // It holds every save of ours: nothing here is lost.
                Outcome::NewerInFile => changes.push((key, value)),
                Outcome::Same | Outcome::KeptHere | Outcome::NewerHere => {}
            }
        }
        // Records deleted in the backup stay deleted when they are new here;
        // what is live on this device stays live.
        let mut index = self.index.clone();
        if let Some(theirs) = backup.records.iter().find(|e| e.key == "index") {
            let theirs: Index = serde_json::from_str(&theirs.value.to_string())
                .map_err(|e| StorageError::Failed(e.to_string()))?;
            for deleted in theirs.deleted {
                let key = match &deleted.record {
                    Deletable::Client(id) => format!("client/{id}"),
                    Deletable::Session(id) => format!("session/{id}"),
                };
                if new_records.contains(&key) {
                    index.deleted.push(deleted);
                }
            }
        }
        if renew {
            let (device, id) = Store::renewed_device_id()?;
            changes.push((device, Some(id)));
        }
        if merged_copies != self.merged_copies() {
            let json = serde_json::to_string(&merged_copies)
                .map_err(|e| StorageError::Failed(e.to_string()))?;
            changes.push((merged_copies_key(), Some(codec::encode(&json))));
        }
        let index_json =
            serde_json::to_string(&index).map_err(|e| StorageError::Failed(e.to_string()))?;
        changes.push((index_key(), Some(codec::encode(&index_json))));
        self.apply(changes)?;
        Ok(done)
    }

    /// Adds to `changes` a copy of `raw`, the stored text of `key`, set
    /// aside unchanged; none when such a copy is already kept.
    fn copy_aside(
        &self,
        changes: &mut Changes,
        key: &str,
        raw: String,
    ) -> Result<(), StorageError> {
        if let Some(slot) = aside_slot(self.backend.as_ref(), key, &raw)? {
            changes.push((slot, Some(raw)));
        }
        Ok(())
    }

    /// Makes `changes`, or none of them.
    fn apply(&mut self, changes: Changes) -> Result<(), StorageError> {
        let mut before = Vec::with_capacity(changes.len());
        for (key, _) in &changes {
            if !before.iter().any(|(k, _): &(String, _)| k == key) {
                before.push((key.clone(), self.backend.get(key)?));
            }
        }
        // Removals first, so the room they free is there for the writes.
        let (removals, writes): (Changes, Changes) =
            changes.into_iter().partition(|(_, value)| value.is_none());
        let result = removals
            .iter()
            .chain(&writes)
            .try_for_each(|(key, value)| match value {
                Some(value) => self.backend.set(key, value),
                None => self.backend.remove(key),
            });
        if let Err(e) = result {
            // Taken back in the same order, so the room freed first is there again.
            for (key, _) in &writes {
                let _ = self.backend.remove(key);
            }
            for (key, value) in &before {
                if let Some(value) = value {
                    let _ = self.backend.set(key, value);
                }
            }
            return Err(e);
        }
        self.stored_transcripts.clear();
        let stored = read(self.backend.as_ref(), &index_key()).ok().flatten();
        self.index = complete_index(self.backend.as_mut(), stored)?;
        Ok(())
    }
}
