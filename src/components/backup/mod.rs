//! Backing up every record to one file, and restoring from one.

mod backup_button;
mod backup_reminder;
mod merge_outline;
mod restore_backup;

pub use backup_button::BackupButton;
pub use backup_reminder::BackupReminder;
pub use merge_outline::MergeOutline;
pub use restore_backup::RestoreBackup;
