//! Backup and restore of every record, through one checked file.
//!
//! A restore never leaves storage half-written: every record of the file is
//! checked first, and if the browser refuses a write part-way through, what
//! was there before is put back exactly.

mod file;
mod merge;
mod restore;

use file::Sealing;
pub use file::{Backup, BackupError, Entry, Header, MAX_BYTES};
pub use merge::{MergePreview, Outcome};

use crate::layout::{PREFIX, RecordRef, merged_copies_key};
use crate::storage::coding::{read, write};
use crate::storage::error::StorageError;
use crate::storage::problems::check_structure;
use crate::storage::store::Store;
use crate::storage::vault::{VaultKey, WrappedKeys};

/// A backup file ready to download.
pub struct Made {
    pub text: String,
    pub clients: usize,
    pub sessions: usize,
    /// Records that could not be read, and so are not in the file.
    pub left_out: Vec<StorageError>,
}

/// Whether a record of the file has the structure of its kind.
fn check(entry: &Entry) -> Result<(), String> {
    match RecordRef::from_key(&format!("{PREFIX}{}", entry.key)) {
        Some(RecordRef::Schema) | None => Err("not a kind of record Sessionpad keeps".into()),
        Some(record) => check_structure(&record, &entry.value.to_string()),
    }
}

/// Checks a file's text through and through; nothing is written. A backup
/// made with the lock on opens with the `passphrase` it was made with.
pub fn read_backup(text: &str, passphrase: Option<&str>) -> Result<Backup, BackupError> {
    file::read(text, passphrase, check)
}

impl Store {
    /// Every record as it reads now, in one file made at `created_at`.
    pub fn make_backup(&self, app_version: &str, created_at: &str) -> Result<Made, StorageError> {
        let mut records = Vec::new();
        let mut left_out = Vec::new();
        for key in self.backend.keys()? {
            match RecordRef::from_key(&key) {
                None | Some(RecordRef::Schema) => continue,
                Some(_) => {}
            }
            match read::<serde_json::Value>(self.backend.as_ref(), &key) {
                Ok(Some(value)) => records.push(Entry {
                    key: key.trim_start_matches(PREFIX).to_string(),
                    value,
                }),
                Ok(None) => {}
                Err(e) => left_out.push(e),
            }
        }
        let vault = self.backup_sealing();
        let sealing = vault.as_ref().map(|(keys, key)| Sealing { keys, key });
        let (header, text) = file::write(app_version, created_at, records, sealing);
        Ok(Made {
            text,
            clients: header.clients,
            sessions: header.sessions,
            left_out,
        })
    }

    /// With the vault on, what a backup is sealed with: the vault key, and
    /// how the header stores it wrapped.
    fn backup_sealing(&self) -> Option<(WrappedKeys, VaultKey)> {
        let header = self.vault()?;
        let ring = self.keyring.borrow();
        let (id, key) = ring.as_ref()?;
        (header.id == *id).then(|| (header.keys, key.clone()))
    }

    /// This device's version of the record under `key` (without the
    /// prefix), as JSON; an unreadable one counts as absent.
    pub(super) fn record_here(&self, key: &str) -> Option<serde_json::Value> {
        read(self.backend.as_ref(), &format!("{PREFIX}{key}"))
            .ok()
            .flatten()
    }

    /// The conflict copies kept beside the record under `key` (without the
    /// prefix), as JSON.
    pub(super) fn copies_here(&self, key: &str) -> Result<Vec<serde_json::Value>, StorageError> {
        let Some(record) = RecordRef::from_key(&format!("{PREFIX}{key}")) else {
            return Ok(Vec::new());
        };
        Ok(self
            .conflict_copies_of(&record)?
            .iter()
            .filter_map(|copy| read(self.backend.as_ref(), &copy.key()).ok().flatten())
            .collect())
    }

    /// The keys of the conflict copies merged backups left and the
    /// clinician has not yet resolved.
    pub(super) fn merged_copies(&self) -> Vec<String> {
        read(self.backend.as_ref(), &merged_copies_key())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Whether the version of `record` set aside came from a merged backup,
    /// rather than from another tab.
    pub fn copy_from_backup(&self, record: &RecordRef) -> bool {
        let merged = self.merged_copies();
        !merged.is_empty()
            && self
                .conflict_copies_of(record)
                .is_ok_and(|copies| copies.iter().any(|c| merged.contains(&c.key())))
    }

    /// A copy resolved is no longer one a backup left: a later copy under
    /// its number may come from another tab.
    pub(in crate::storage) fn forget_merged_copy(
        &mut self,
        copy: &RecordRef,
    ) -> Result<(), StorageError> {
        let mut merged = self.merged_copies();
        let before = merged.len();
        merged.retain(|key| *key != copy.key());
        match merged.len() {
            n if n == before => Ok(()),
            0 => self.backend.remove(&merged_copies_key()),
            _ => write(self.backend.as_mut(), &merged_copies_key(), &merged),
        }
    }

    /// Records here that cannot be read (not the copies already set aside):
    /// what the Problems list calls each, its full key and its stored text.
    pub(super) fn unreadable_here(&self) -> Result<Vec<(String, String, String)>, StorageError> {
        let mut found = Vec::new();
        for damaged in self.damaged_records()? {
            if RecordRef::from_key(damaged.key()).is_none() {
                continue;
            }
            let key = damaged.key().to_string();
            if let Some(raw) = self.backend.get(&key)? {
                found.push((damaged.what, key, raw));
            }
        }
        Ok(found)
    }

    /// What merging the backup would do; nothing is written. It also tells
    /// what replacing would keep: the records here that cannot be read.
    pub fn merge_preview(&self, backup: &Backup) -> MergePreview {
        let mut preview = MergePreview::default();
        for entry in &backup.records {
            let outcome = merge::compare(
                &entry.key,
                self.record_here(&entry.key).as_ref(),
                &self.copies_here(&entry.key).unwrap_or_default(),
                &entry.value,
            );
            match outcome {
                Outcome::New => preview.new += 1,
                Outcome::Same => preview.same += 1,
                Outcome::KeptHere => {}
                Outcome::NewerHere => preview
                    .newer_here
                    .extend(merge::describe(entry, &backup.records)),
                Outcome::NewerInFile => preview
                    .newer_in_file
                    .extend(merge::describe(entry, &backup.records)),
                Outcome::Conflict => preview
                    .conflicts
                    .extend(merge::describe(entry, &backup.records)),
            }
        }
        preview.damaged = self
            .unreadable_here()
            .unwrap_or_default()
            .into_iter()
            .map(|(what, _, _)| what)
            .collect();
        preview
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
