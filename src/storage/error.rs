//! What can go wrong with storage, in the clinician's words.

use crate::layout::{PREFIX, RecordRef};
use std::fmt;

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
    /// The record was deleted for good (or left out of a backup restored) in
    /// another tab or window while this one had it open; it is not written
    /// back.
    GoneForGood { record: RecordRef },
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
            Self::GoneForGood { record } => format!(
                "the {} was deleted for good in another tab or window",
                Self::record_name(&record.key())
            ),
        }
    }

    /// The record this error says cannot be read, if it names one.
    pub fn damaged_record(&self) -> Option<RecordRef> {
        match self {
            Self::Damaged { key, .. } => RecordRef::from_key(key),
            _ => None,
        }
    }

    /// Which saved thing is damaged, in words rather than a key.
    pub(in crate::storage) fn record_name(key: &str) -> String {
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
            Self::GoneForGood { record } => write!(
                f,
                "The {} was deleted for good, or left out of a backup restored, in another \
                 tab or window, so what was typed here since is not saved. Copy anything you \
                 still need before leaving this screen.",
                Self::record_name(&record.key())
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// What opening found wrong without failing: shown to the clinician.
pub type Problems = Vec<StorageError>;
