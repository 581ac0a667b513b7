//! Whether one version of a session or client holds another's words, in a
//! few bytes a record.
//!
//! A revision counts saves, on whichever device made them, so it cannot tell
//! which of two versions grew from the other. Each version therefore carries
//! `saves`: for each device that saved it, the revision its last save there
//! gave it. A device saves a record in a line, each save building on the
//! version stored, so its saves of a record hold one another in order; and a
//! version whose entries reach every entry of another holds each save that
//! made the other, and so its words. A handful of devices make a handful of
//! entries, however long the history.
//!
//! A device's line breaks when the version it stores is replaced by one that
//! does not hold it: a restore by "Replace everything", a record deleted for
//! good (it may come back from elsewhere), a damaged one removed, or sync
//! storing another device's version over this one. The device then takes a
//! new id, so no later save of its can claim the saves of the broken line.
//! A version without entries (stored before they were kept) holds nothing
//! that can be shown.

use crate::layout::{RecordRef, device_key};
use crate::storage::coding::{encoded, read, write};
use crate::storage::error::StorageError;
use crate::storage::store::Store;
use serde_json::Value;
use std::collections::BTreeMap;

/// Device id → revision of its last save.
pub type Saves = BTreeMap<String, u64>;

/// Whether `later` provably holds every save of `earlier`.
pub fn holds(later: &Saves, earlier: &Saves) -> bool {
    !earlier.is_empty()
        && earlier
            .iter()
            .all(|(device, rev)| later.get(device).is_some_and(|at| at >= rev))
}

/// The saves a record's JSON carries.
pub fn saves_of(value: &Value) -> Saves {
    value
        .get("saves")
        .and_then(|saves| serde_json::from_value(saves.clone()).ok())
        .unwrap_or_default()
}

/// A new id: 40 random bits, ample among one clinician's devices.
pub(in crate::storage) fn new_device_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..10].to_string()
}

impl Store {
    /// This device's id, made at its first save. Read at every save, as
    /// another tab may have renewed it.
    pub(in crate::storage) fn device_id(&mut self) -> Result<String, StorageError> {
        match read::<String>(self.backend.as_ref(), &device_key()) {
            Ok(Some(id)) => Ok(id),
            // A damaged id is no record: a new one loses nothing.
            Ok(None) | Err(StorageError::Damaged { .. }) => self.renew_device_id(),
            Err(e) => Err(e),
        }
    }

    /// A new id for this device, whose line for some record just broke.
    pub(in crate::storage) fn renew_device_id(&mut self) -> Result<String, StorageError> {
        let id = new_device_id();
        write(self.backend.as_mut(), &device_key(), &id)?;
        Ok(id)
    }

    /// The id's stored value for a write made among others, all or none.
    pub(in crate::storage) fn renewed_device_id() -> Result<(String, String), StorageError> {
        Ok((device_key(), encoded(&new_device_id())?))
    }

    /// Whether storing `incoming` (`None`: removing) over `stored` breaks
    /// this device's line: `stored` holds a save of this device under its
    /// present id, and `incoming` does not hold `stored`.
    pub(in crate::storage) fn breaks_line(
        &self,
        stored: Option<&Value>,
        incoming: Option<&Value>,
    ) -> Result<bool, StorageError> {
        let Some(stored) = stored else {
            return Ok(false);
        };
        let id = match read::<String>(self.backend.as_ref(), &device_key()) {
            Ok(Some(id)) => id,
            // No id yet: this device has saved nothing under one.
            Ok(None) => return Ok(false),
            // Unreadable: whatever it was, a new one is safe.
            Err(StorageError::Damaged { .. }) => return Ok(true),
            Err(e) => return Err(e),
        };
        let ours = saves_of(stored);
        Ok(ours.contains_key(&id) && !incoming.is_some_and(|v| holds(&saves_of(v), &ours)))
    }

    /// To call before `incoming` (`None`: nothing) takes the place of the
    /// session or client stored under `key`: renews this device's id when
    /// that breaks its line. A stored version that cannot be read may hold
    /// a save of this device, so replacing it renews the id too.
    pub(in crate::storage) fn before_replacing(
        &mut self,
        key: &str,
        incoming: Option<&Value>,
    ) -> Result<(), StorageError> {
        if !matches!(
            RecordRef::from_key(key),
            Some(RecordRef::Session(_) | RecordRef::Client(_))
        ) {
            return Ok(());
        }
        let breaks = match read::<Value>(self.backend.as_ref(), key) {
            Ok(stored) => self.breaks_line(stored.as_ref(), incoming)?,
            Err(StorageError::Damaged { .. }) => true,
            Err(e) => return Err(e),
        };
        if breaks {
            self.renew_device_id()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saves(entries: &[(&str, u64)]) -> Saves {
        entries.iter().map(|(d, r)| (d.to_string(), *r)).collect()
    }

    #[test]
    fn a_version_holds_another_when_its_entries_reach_all_of_the_others() {
        let laptop = saves(&[("L", 4)]);
        let tablet_from_it = saves(&[("L", 4), ("T", 7)]);
        assert!(holds(&tablet_from_it, &laptop));
        assert!(!holds(&laptop, &tablet_from_it));
        let laptop_later = saves(&[("L", 5)]);
        assert!(!holds(&tablet_from_it, &laptop_later));
        assert!(!holds(&laptop_later, &tablet_from_it));
    }

    #[test]
    fn a_version_without_entries_is_held_by_none() {
        assert!(!holds(&saves(&[("L", 9)]), &Saves::new()));
        assert!(holds(&saves(&[("L", 9)]), &saves(&[("L", 9)])));
    }

    #[test]
    fn a_device_id_is_ten_characters_and_new_each_time() {
        let (a, b) = (new_device_id(), new_device_id());
        assert_eq!(a.len(), 10);
        assert_ne!(a, b);
    }
}
