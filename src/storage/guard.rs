//! Keeps a build from writing over data a newer build laid out.
//!
//! An update can change the layout of the records while an older build still
//! runs in another tab. Every write first looks at the schema record, which a
//! newer build rewrites before anything else, and once it names a newer
//! layout this build writes nothing more until it is reloaded.

use crate::layout::{SCHEMA_VERSION, schema_key};
use crate::storage::backend::Backend;
use crate::storage::error::StorageError;
use std::cell::Cell;
use std::rc::Rc;

pub struct LayoutGuard {
    inner: Box<dyn Backend>,
    /// The newer layout found, shared with the store so it can say so.
    newer: Rc<Cell<Option<u32>>>,
}

impl LayoutGuard {
    pub fn new(inner: Box<dyn Backend>, newer: Rc<Cell<Option<u32>>>) -> Self {
        Self { inner, newer }
    }

    /// Refuses once a newer layout has been seen, now or earlier.
    fn check(&self) -> Result<(), StorageError> {
        if self.newer.get().is_none() {
            self.newer.set(newer_layout(self.inner.as_ref())?);
        }
        match self.newer.get() {
            Some(found) => Err(StorageError::NewerSchema { found }),
            None => Ok(()),
        }
    }
}

/// The layout named by the schema record, when it is newer than this build's.
/// An unreadable schema record is left for opening to report.
pub fn newer_layout(backend: &dyn Backend) -> Result<Option<u32>, StorageError> {
    let found = backend
        .get(&schema_key())?
        .and_then(|raw| raw.trim().parse::<u32>().ok());
    Ok(found.filter(|found| *found > SCHEMA_VERSION))
}

impl Backend for LayoutGuard {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        self.inner.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }

    fn sizes(&self) -> Result<Vec<(String, usize)>, StorageError> {
        self.inner.sizes()
    }

    fn is_sealed(&self, key: &str) -> Result<bool, StorageError> {
        self.inner.is_sealed(key)
    }

    fn get_as_stored(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get_as_stored(key)
    }

    fn set_as_stored(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        self.inner.set_as_stored(key, value)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::model::Client;

    fn alex() -> Client {
        Client::new("c1".into(), "Alex", 0).unwrap()
    }

    /// A store holding Alex, written by this build.
    fn stored_alex() -> MemoryBackend {
        let backend = MemoryBackend::new();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        store.save_client(&alex()).unwrap();
        backend
    }

    fn everything(backend: &MemoryBackend) -> Vec<(String, Option<String>)> {
        let keys = backend.keys().unwrap();
        keys.into_iter()
            .map(|k| (k.clone(), backend.raw(&k)))
            .collect()
    }

    #[test]
    fn data_from_a_newer_version_opens_read_only_and_is_left_byte_for_byte() {
        let backend = stored_alex();
        backend.plant(&schema_key(), "7");
        let before = everything(&backend);
        backend.take_writes();

        let (mut store, problems) = Store::open(Box::new(backend.clone())).unwrap();
        assert_eq!(problems, []);
        assert_eq!(store.newer_layout(), Some(7));
        let names: Vec<String> = store.clients().0.into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["Alex"]);

        let refused = store.save_client(&Client::new("c2".into(), "Sam", 0).unwrap());
        assert_eq!(refused, Err(StorageError::NewerSchema { found: 7 }));
        assert!(refused.unwrap_err().to_string().contains("newer version"));
        assert_eq!(backend.take_writes(), Vec::<String>::new());
        assert_eq!(everything(&backend), before);
    }

    #[test]
    fn a_damaged_index_of_a_newer_version_is_rebuilt_in_memory_only() {
        let backend = stored_alex();
        backend.plant(&schema_key(), "7");
        backend.plant(&index_key(), "Z??");
        backend.take_writes();
        let (store, problems) = Store::open(Box::new(backend.clone())).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(store.index().clients, vec!["c1".to_string()]);
        assert_eq!(backend.take_writes(), Vec::<String>::new());
    }

    #[test]
    fn an_older_build_stops_writing_once_a_newer_one_has_written() {
        let backend = stored_alex();
        let (mut store, _) = Store::open(Box::new(backend.clone())).unwrap();
        assert_eq!(store.newer_layout(), None);

        // A newer build, opened in another tab, migrates the same storage.
        backend.plant(&schema_key(), &(SCHEMA_VERSION + 1).to_string());
        let found = SCHEMA_VERSION + 1;
        let edited = Client {
            notes: "typed in the old tab".into(),
            ..alex()
        };
        assert_eq!(
            store.save_client(&edited),
            Err(StorageError::NewerSchema { found })
        );
        assert_eq!(store.newer_layout(), Some(found));
        let notes = store.client("c1").unwrap().map(|c| c.notes);
        assert_eq!(notes.as_deref(), Some(""));
    }

    #[test]
    fn rechecking_the_layout_notices_a_newer_build_before_any_write() {
        let backend = stored_alex();
        let (store, _) = Store::open(Box::new(backend.clone())).unwrap();
        assert_eq!(store.recheck_layout(), None);
        backend.plant(&schema_key(), &(SCHEMA_VERSION + 2).to_string());
        assert_eq!(store.recheck_layout(), Some(SCHEMA_VERSION + 2));
    }
}
