//! Taking the record off the device and bringing it back, as the screens ask.

use super::Records;
use crate::model::{
    DeviceSettings, backup_overdue, clients_and_sessions, last_backup_label, utc_timestamp,
};
use crate::platform::{download, now_ms, today};
use crate::storage::{SaveQueue, Store};
use leptos::prelude::*;

/// A backup file read and its preview: the vocabulary of restoring, which
/// the restore screen speaks.
pub use crate::storage::backup::{Backup, BackupError, MAX_BYTES, MergePreview, read_backup};

/// How the roster speaks of backups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupStanding {
    /// "Last backup: 3 days ago" or "Never backed up".
    pub label: String,
    /// Changes have waited a week or more outside any backup.
    pub overdue: bool,
}

#[derive(Clone, Copy)]
pub struct Backups {
    records: Records,
}

impl Backups {
    /// Backups of these records; each save is noted for the reminder.
    pub(super) fn new(records: Records) -> Self {
        let backups = Self { records };
        records.after_save(move || backups.remember_change());
        backups
    }

    /// Tracked: follows every save and backup.
    pub fn standing(&self) -> BackupStanding {
        let settings = self.records.settings();
        let now = now_ms();
        BackupStanding {
            label: last_backup_label(settings.last_backup_at, now),
            overdue: backup_overdue(settings.first_change_since_backup, now),
        }
    }

    /// Notes when the first edit after the last backup was saved, once.
    fn remember_change(&self) {
        let Ok(settings) = self.records.peek(Store::settings) else {
            return;
        };
        if settings.first_change_since_backup.is_none() {
            self.store_dates(DeviceSettings {
                first_change_since_backup: Some(now_ms()),
                ..settings
            });
        }
    }

    /// Notes a backup just made: nothing has changed since.
    fn backed_up(&self) {
        let settings = self.records.peek(Store::settings).unwrap_or_default();
        self.store_dates(DeviceSettings {
            last_backup_at: Some(now_ms()),
            first_change_since_backup: None,
            ..settings
        });
    }

    /// Written straight to the store: a save of the settings must not count
    /// as a change of the notes.
    fn store_dates(&self, settings: DeviceSettings) {
        let _ = self.records.update(|s| s.save_settings(&settings));
        self.records.changed();
    }

    /// Downloads one file holding every record, named for today; returns
    /// what the clinician is told.
    pub fn back_up(&self) -> Result<String, String> {
        let made = self.download("")?;
        self.backed_up();
        Ok(made)
    }

    fn download(&self, suffix: &str) -> Result<String, String> {
        self.records.flush();
        let created_at = utc_timestamp(now_ms());
        let made = self
            .records
            .peek(|s| s.make_backup(env!("CARGO_PKG_VERSION"), &created_at))
            .map_err(|e| e.to_string())?;
        let name = format!("sessionpad-backup-{}{suffix}.json", today());
        download(&name, "application/json", &made.text)
            .map_err(|why| format!("The backup file could not be made ({why})."))?;
        let mut told = format!(
            "Backup saved as {name}: {}.",
            clients_and_sessions(made.clients, made.sessions)
        );
        if !made.left_out.is_empty() {
            told.push_str(&format!(
                " {} damaged record(s) could not be read and are not in it.",
                made.left_out.len()
            ));
        }
        Ok(told)
    }

    /// What merging the backup would do here; nothing is written.
    pub fn merge_preview(&self, backup: &Backup) -> MergePreview {
        self.records.flush();
        self.records.peek(|s| s.merge_preview(backup))
    }

    /// Merges the backup into what is here, after downloading a backup of
    /// what is here now, as replacing does: a merge changes what the device
    /// holds too. Nothing on the device is lost, and a refused write leaves
    /// everything as it was.
    pub fn restore_merging(&self, backup: &Backup) -> Result<(), String> {
        self.download("-before-merge")
            .map_err(|why| format!("{why} Nothing was merged, so nothing here is lost."))?;
        self.merge(backup)
    }

    /// The merge itself, once the backup of what is here is downloaded.
    fn merge(&self, backup: &Backup) -> Result<(), String> {
        self.records.flush();
        match self.records.update(|s| s.merge_backup(backup)) {
            Some(Ok(_)) => {
                self.records.changed();
                Ok(())
            }
            Some(Err(e)) => Err(format!(
                "Merging stopped: {e} Everything on this device was put back as it was."
            )),
            None => Err("Sessionpad was closing; nothing was merged.".into()),
        }
    }

    /// Replaces everything on the device with the backup's records, after
    /// downloading a backup of what is here now. Nothing is lost on failure.
    pub fn restore_replacing(&self, backup: &Backup) -> Result<(), String> {
        self.download("-before-restore")
            .map_err(|why| format!("{why} Nothing was restored, so nothing here is lost."))?;
        match self.records.update(|s| s.replace_with_backup(backup)) {
            Some(Ok(())) => {
                // Edits waiting for records that the backup's replaced.
                self.records.queue.set_value(SaveQueue::default());
                self.backed_up();
                Ok(())
            }
            Some(Err(e)) => Err(format!(
                "Restoring stopped: {e} Everything on this device was put back as it was."
            )),
            None => Err("Sessionpad was closing; nothing was restored.".into()),
        }
    }
}

pub fn use_backups() -> Backups {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{another_tab, client, tab_on};
    use super::super::use_records;
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn a_device_never_backed_up_says_so_and_notes_its_first_change() {
        let device = MemoryBackend::new();
        tab_on(&device).with(|| {
            let backups = use_backups();
            let standing = backups.standing();
            assert_eq!(standing.label, "Never backed up");
            assert!(!standing.overdue);
            use_records().commit(&client("c1", "Alex"));
            let noted = another_tab(&device).settings().unwrap();
            assert!(noted.first_change_since_backup.is_some());
        });
    }

    #[test]
    fn merging_a_backup_adds_the_clients_this_device_lacks_and_keeps_its_own() {
        let laptop = MemoryBackend::new();
        let mut other = another_tab(&laptop);
        other.save_client(&client("c2", "Sam")).unwrap();
        let made = other.make_backup("test", "2025-07-31T10:00:00Z").unwrap();
        let backup = read_backup(&made.text, None).unwrap();

        tab_on(&MemoryBackend::new()).with(|| {
            let records = use_records();
            records.commit(&client("c1", "Alex"));
            let backups = use_backups();
            let preview = backups.merge_preview(&backup);
            assert_eq!(preview.new, 1);
            // Natively there is no browser to download the backup made first.
            backups.merge(&backup).unwrap();
            let mut names: Vec<String> = records.clients().0.into_iter().map(|c| c.name).collect();
            names.sort();
            assert_eq!(names, ["Alex", "Sam"]);
        });
    }
}
