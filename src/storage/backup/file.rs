//! The backup file: a readable header, a SHA-256 over header and payload,
//! then the payload. Everything is checked before anything is restored.
//!
//! The payload is a string: JSON, or with the vault on, that JSON deflated
//! and sealed with the vault key, the header as associated data, written in
//! hex; `payload_encoding` says which. The header then carries the vault
//! key sealed by the passphrase of the day, so the file opens anywhere with
//! that passphrase, and nothing of a client is readable without it.

use crate::model::json::from_value;
use crate::storage::codec;
use crate::storage::vault::{VaultKey, WrappedKeys, hex, unhex};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "sessionpad-backup";
pub const FORMAT_VERSION: u32 = 1;
/// Far above any store a browser allows (about 10 MB of JSON), so anything
/// larger is not ours.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    /// UTC, "2026-11-26T09:30:00Z".
    pub created_at: String,
    pub clients: usize,
    pub sessions: usize,
    /// [`PLAIN`] or [`SEALED`].
    pub payload_encoding: String,
    /// With a sealed payload: the vault key, sealed by the passphrase and
    /// the recovery key as they were when the backup was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault: Option<WrappedKeys>,
}

pub const PLAIN: &str = "json";
pub const SEALED: &str = "json+deflate+xchacha20poly1305";

/// The vault key a backup is sealed with, and how it is stored wrapped.
pub struct Sealing<'a> {
    pub keys: &'a WrappedKeys,
    pub key: &'a VaultKey,
}

/// One stored record: its key without the app's prefix, and its JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Payload {
    records: Vec<Entry>,
}

#[derive(Deserialize)]
struct File {
    header: Header,
    sha256: String,
    payload: String,
}

/// A backup that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub header: Header,
    pub records: Vec<Entry>,
}

/// Why a file is refused; each says what is wrong in the clinician's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    Empty,
    TooLarge,
    NotJson,
    NotABackup,
    CutShort,
    Newer {
        format_version: u32,
    },
    Changed,
    DuplicateRecord(String),
    BadRecord {
        key: String,
        reason: String,
    },
    /// Sealed: the passphrase it was made with is needed.
    Locked,
    WrongPassphrase,
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("This file is empty."),
            Self::TooLarge => {
                f.write_str("This file is over 50 MB, larger than any Sessionpad backup.")
            }
            Self::NotJson | Self::NotABackup => {
                f.write_str("This file is not a Sessionpad backup.")
            }
            Self::CutShort => f.write_str(
                "This backup is cut short: the file ends before the backup does. Try another copy.",
            ),
            Self::Newer { format_version } => write!(
                f,
                "This backup was made by a newer Sessionpad (backup format {format_version}). \
                 Update Sessionpad to restore it."
            ),
            Self::Changed => f.write_str(
                "This backup was changed after it was made: its checksum does not match, so the \
                 file is not whole as it was written. Try another copy.",
            ),
            Self::DuplicateRecord(key) => write!(
                f,
                "This backup holds the record {key} twice, so it cannot be restored as it is."
            ),
            Self::Locked => f.write_str(
                "This backup was made with the lock on. Enter the passphrase it was made with.",
            ),
            Self::WrongPassphrase => {
                f.write_str("That passphrase does not match the one this backup was made with.")
            }
            Self::BadRecord { key, reason } => {
                write!(
                    f,
                    "This backup holds a record that cannot be read: {key} ({reason})."
                )
            }
        }
    }
}

fn checksum(header: &Header, payload: &str) -> String {
    let header = serde_json::to_string(header).expect("a header always serializes");
    let mut hash = Sha256::new();
    hash.update(header.as_bytes());
    hash.update(b"\n");
    hash.update(payload.as_bytes());
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// How many clients and sessions `records` hold, as the header counts them.
fn counts(records: &[Entry]) -> (usize, usize) {
    let count = |kind: &str| records.iter().filter(|r| r.key.starts_with(kind)).count();
    (count("client/"), count("session/"))
}

/// The file's header, and its text for `records` sealed with its checksum;
/// with `sealing`, the payload is sealed too.
pub fn write(
    app_version: &str,
    created_at: &str,
    records: Vec<Entry>,
    sealing: Option<Sealing>,
) -> (Header, String) {
    let (clients, sessions) = counts(&records);
    let header = Header {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: app_version.into(),
        created_at: created_at.into(),
        clients,
        sessions,
        payload_encoding: if sealing.is_some() { SEALED } else { PLAIN }.into(),
        vault: sealing.as_ref().map(|s| s.keys.clone()),
    };
    let header_json = serde_json::to_string(&header).expect("a header serializes");
    let mut payload = serde_json::to_string(&Payload { records }).expect("JSON values serialize");
    if let Some(sealing) = sealing {
        let deflated = codec::deflate(payload.as_bytes());
        payload = hex(&sealing.key.seal(&deflated, header_json.as_bytes()));
    }
    let sha256 = checksum(&header, &payload);
    let text = |s: &str| serde_json::to_string(s).expect("a string serializes");
    // One field a line, the header first, so the file opens readably.
    let file = format!(
        "{{\n\"header\": {header_json},\n\"sha256\": {},\n\"payload\": {}\n}}\n",
        text(&sha256),
        text(&payload)
    );
    (header, file)
}

/// The payload's JSON: as it is, or opened with the key `passphrase` unwraps.
fn payload_json(file: &File, passphrase: Option<&str>) -> Result<String, BackupError> {
    match (file.header.payload_encoding.as_str(), &file.header.vault) {
        (PLAIN, None) => Ok(file.payload.clone()),
        (SEALED, Some(keys)) => {
            let passphrase = passphrase.ok_or(BackupError::Locked)?;
            let key = keys
                .unlock(passphrase)
                .ok_or(BackupError::WrongPassphrase)?;
            let header = serde_json::to_string(&file.header).map_err(|_| BackupError::Changed)?;
            let deflated = unhex(&file.payload)
                .and_then(|sealed| key.open(&sealed, header.as_bytes()))
                .ok_or(BackupError::Changed)?;
            let json = codec::inflate(&deflated).map_err(|_| BackupError::Changed)?;
            String::from_utf8(json).map_err(|_| BackupError::Changed)
        }
        _ => Err(BackupError::Changed),
    }
}

/// Reads and checks a whole file: format, version, checksum, counts and
/// duplicates. `check` then vets each record's structure.
pub fn read(
    text: &str,
    passphrase: Option<&str>,
    check: impl Fn(&Entry) -> Result<(), String>,
) -> Result<Backup, BackupError> {
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge);
    }
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let json: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof if text.trim_start().starts_with('{') => {
            BackupError::CutShort
        }
        _ => BackupError::NotJson,
    })?;
    let header = json.get("header");
    if header.and_then(|h| h.get("format")).and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = header
        .and_then(|h| h.get("format_version"))
        .and_then(Value::as_u64);
    match version {
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(BackupError::Newer {
                format_version: u32::try_from(v).unwrap_or(u32::MAX),
            });
        }
        Some(_) => {}
        None => return Err(BackupError::Changed),
    }
    let file: File = from_value(&json).map_err(|_| BackupError::Changed)?;
    if checksum(&file.header, &file.payload) != file.sha256 {
        return Err(BackupError::Changed);
    }
    let payload: Payload = serde_json::from_str(&payload_json(&file, passphrase)?)
        .map_err(|_| BackupError::Changed)?;
    let mut seen = std::collections::HashSet::new();
    for record in &payload.records {
        if !seen.insert(record.key.as_str()) {
            return Err(BackupError::DuplicateRecord(record.key.clone()));
        }
        check(record).map_err(|reason| BackupError::BadRecord {
            key: record.key.clone(),
            reason,
        })?;
    }
    if counts(&payload.records) != (file.header.clients, file.header.sessions) {
        return Err(BackupError::Changed);
    }
    Ok(Backup {
        header: file.header,
        records: payload.records,
    })
}
