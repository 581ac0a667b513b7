//! Bringing stored data written by earlier layouts up to the current one.

use crate::layout::{PREFIX, RecordRef, SCHEMA_VERSION, schema_key, transcript_key};
use crate::model::Session;
use crate::storage::backend::Backend;
use crate::storage::codec;
use crate::storage::coding::encoded;
use crate::storage::error::StorageError;
use crate::storage::vault::is_lock_key;

/// Whether `backend` holds any records: anything but a new store's schema
/// record and the lock signal between tabs.
pub(in crate::storage) fn holds_records(backend: &dyn Backend) -> Result<bool, StorageError> {
    Ok(backend
        .keys()?
        .iter()
        .any(|key| key.starts_with(PREFIX) && *key != schema_key() && !is_lock_key(key)))
}

/// One step per schema version: `MIGRATIONS[n]` turns layout `n` into `n + 1`.
type Migration = fn(&mut dyn Backend) -> Result<(), StorageError>;
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] = [
    // Layout 0 (records written before the schema record existed) already
    // has the shape of layout 1: nothing to rewrite.
    |_| Ok(()),
    notes_into_note,
    compress_records,
    // Layout 4 seals each value with its version, authenticates the vault's
    // header and seals sync's bookkeeping. Nothing is rewritten here: a
    // value sealed before reads as version 0, the header gets its MAC at
    // the next unlock (the key is needed), and bookkeeping is sealed when
    // next written. Older builds open this layout read-only.
    |_| Ok(()),
    scores_into_measures,
    // Layout 6: sessions and clients carry the saves they hold (see
    // `storage::lineage`), and a device keeps an id under `device`. Nothing
    // is rewritten: a record without saves reads as holding none, so a merge
    // never takes another version over it. The step exists so that an older
    // build still open in another tab stops writing: it would store a
    // record without its saves, or restore a backup without renewing the
    // device's id, and a later merge could then take a version that does
    // not hold this one's words.
    |_| Ok(()),
];

/// Layout 2: a session's free-text `notes` become the free-text section of
/// its formatted note, so nothing typed before note formats existed is lost.
/// Safe to run again after an interruption: migrated records are skipped.
fn notes_into_note(backend: &mut dyn Backend) -> Result<(), StorageError> {
    let sessions = format!("{PREFIX}session/");
    for key in backend.keys()? {
        if !key.starts_with(&sessions) {
            continue;
        }
        let Some(raw) = backend.get(&key)? else {
            continue;
        };
        // A record that does not decode is left exactly as it is, for the reader to report.
        let Ok(serde_json::Value::Object(mut record)) = serde_json::from_str(&raw) else {
            continue;
        };
        if record.contains_key("note") {
            continue;
        }
        let notes = match record.remove("notes") {
            Some(serde_json::Value::String(notes)) => notes,
            _ => String::new(),
        };
        record.insert(
            "note".into(),
            serde_json::json!({ "format": "free", "sections": { "free": notes } }),
        );
        backend.set(&key, &serde_json::Value::Object(record).to_string())?;
    }
    Ok(())
}

/// Layout 3: every record is rewritten through the codec, compressed, and a
/// session's transcript moves to its own key. Safe to interrupt and to run
/// again: records already in the codec's form are skipped, and a transcript
/// is written before the session record that drops it.
fn compress_records(backend: &mut dyn Backend) -> Result<(), StorageError> {
    for key in backend.keys()? {
        // The schema record is plain text, and quarantined copies stay as they were.
        let record = match RecordRef::from_key(&key) {
            None | Some(RecordRef::Schema) => continue,
            Some(record) => record,
        };
        let Some(raw) = backend.get(&key)? else {
            continue;
        };
        if codec::is_current(&raw) {
            continue;
        }
        // A record that does not decode is left exactly as it is, for the reader to report.
        let Ok(mut json) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        let transcript = match &record {
            RecordRef::Session(id) => json
                .get_mut("transcript")
                .map(serde_json::Value::take)
                .filter(|t| !t.is_null())
                .map(|t| (id, t)),
            _ => None,
        };
        match transcript {
            Some((id, transcript)) => {
                backend.set(&transcript_key(id), &codec::encode(&transcript.to_string()))?;
                backend.set(&key, &codec::encode(&json.to_string()))?;
            }
            // Otherwise the JSON is kept as it was written, byte for byte.
            None => backend.set(&key, &codec::encode(&raw))?,
        }
    }
    Ok(())
}

/// Layout 5: a session's GAD-7 and PHQ-9 totals move from its ratings into
/// its measures, as answers "total only, entered by the clinician". Reading
/// a session makes the same move (see [`Session`]'s `Deserialize`), since a
/// backup or another device may still send the old shape; this step stores
/// the result, so the record is in the new shape before anything reads it.
/// Safe to run again: a moved record no longer holds the old totals.
fn scores_into_measures(backend: &mut dyn Backend) -> Result<(), StorageError> {
    for key in backend.keys()? {
        if !matches!(RecordRef::from_key(&key), Some(RecordRef::Session(_))) {
            continue;
        }
        let Some(raw) = backend.get(&key)? else {
            continue;
        };
        // A record that does not decode is left exactly as it is, for the reader to report.
        let Ok(json) = codec::decode(&raw) else {
            continue;
        };
        let Ok(record) = serde_json::from_str::<serde_json::Value>(&json) else {
            continue;
        };
        let holds_totals = ["/ratings/gad7", "/ratings/phq9"]
            .iter()
            .any(|at| record.pointer(at).is_some_and(|v| !v.is_null()));
        if !holds_totals {
            continue;
        }
        let Ok(session) = serde_json::from_str::<Session>(&json) else {
            continue;
        };
        backend.set(&key, &encoded(&session)?)?;
    }
    Ok(())
}

pub(in crate::storage) fn migrate(backend: &mut dyn Backend) -> Result<(), StorageError> {
    let found = match backend.get(&schema_key())? {
        None => 0,
        Some(raw) => raw
            .trim()
            .parse::<u32>()
            .map_err(|_| StorageError::Damaged {
                key: schema_key(),
                reason: format!("“{raw}” is not a layout version"),
            })?,
    };
    if found > SCHEMA_VERSION {
        return Err(StorageError::NewerSchema { found });
    }
    // A new store has nothing to bring up to date.
    if found != SCHEMA_VERSION && holds_records(backend)? {
        run_steps(backend, found)?;
    }
    if found != SCHEMA_VERSION {
        backend.set(&schema_key(), &SCHEMA_VERSION.to_string())?;
    }
    Ok(())
}

/// The steps from layout `found` to the current one, in order.
fn run_steps(backend: &mut dyn Backend, found: u32) -> Result<(), StorageError> {
    MIGRATIONS[found as usize..]
        .iter()
        .try_for_each(|step| step(backend))
}

#[cfg(test)]
mod tests;
