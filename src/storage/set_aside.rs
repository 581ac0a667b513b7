//! Damaged records set aside: an unreadable value is copied, unchanged,
//! before anything is written over it, so writing never loses a byte.
//! The Problems panel lists the copies ([`crate::storage::problems`]).

use crate::layout::{clinician_key, quarantine_key, settings_key};
use crate::model::{Clinician, DeviceSettings};
use crate::storage::backend::Backend;
use crate::storage::coding::{Record, read};
use crate::storage::error::{Problems, StorageError};

/// Copies `raw` under the first free quarantine key for `key` (or one that
/// already holds the same bytes), so an earlier copy is never overwritten.
pub(in crate::storage) fn set_aside(
    backend: &mut dyn Backend,
    key: &str,
    raw: &str,
) -> Result<(), StorageError> {
    match aside_slot(backend, key, raw)? {
        Some(slot) => backend.set(&slot, raw),
        None => Ok(()),
    }
}

/// Where [`set_aside`] would copy `raw`: the first free quarantine key for
/// `key`, or `None` when one already holds the same bytes. For a caller
/// that writes the copy among other changes, all or none.
pub(in crate::storage) fn aside_slot(
    backend: &dyn Backend,
    key: &str,
    raw: &str,
) -> Result<Option<String>, StorageError> {
    let first = quarantine_key(key);
    for n in 1.. {
        let slot = if n == 1 {
            first.clone()
        } else {
            format!("{first}~{n}")
        };
        match backend.get(&slot)? {
            Some(held) if held != raw => continue,
            Some(_) => return Ok(None),
            None => return Ok(Some(slot)),
        }
    }
    unreachable!("the slots above never run out")
}

/// Copies the value under `key` aside when it cannot be read as `T`, so that
/// writing over it loses nothing; says why it could not be read. An error
/// means it could not be copied and must not be written over.
pub(in crate::storage) fn set_aside_if_unreadable<T: Record>(
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
pub(in crate::storage) fn set_aside_profile(
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
