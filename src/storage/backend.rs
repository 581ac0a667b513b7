use super::StorageError;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Where records live: localStorage in the browser, memory in native tests.
/// Values are strings, as in localStorage; every failure is a typed error.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store that behaves like Chromium's localStorage, including
/// its quota (counted in characters of keys plus values), so the error paths
/// can be exercised without a browser. Clones share the same contents, which
/// lets a test look at what the store wrote.
#[derive(Debug, Default, Clone)]
pub struct MemoryBackend {
    inner: Rc<RefCell<Memory>>,
}

#[derive(Debug, Default)]
struct Memory {
    map: BTreeMap<String, String>,
    quota: Option<usize>,
    unavailable: bool,
    writes: Vec<String>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every call fail, like localStorage with site data blocked.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.inner.borrow_mut().unavailable = unavailable;
    }

    pub fn set_quota(&self, chars: Option<usize>) {
        self.inner.borrow_mut().quota = chars;
    }

    /// The raw stored value, bypassing every check.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.inner.borrow().map.get(key).cloned()
    }

    /// Plants a raw value, e.g. a damaged record.
    pub fn plant(&self, key: &str, value: &str) {
        self.inner
            .borrow_mut()
            .map
            .insert(key.to_string(), value.to_string());
    }

    /// Keys written since the last call, in order.
    pub fn take_writes(&self) -> Vec<String> {
        std::mem::take(&mut self.inner.borrow_mut().writes)
    }

    fn check_available(&self) -> Result<(), StorageError> {
        if self.inner.borrow().unavailable {
            Err(StorageError::Unavailable("storage is disabled".into()))
        } else {
            Ok(())
        }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check_available()?;
        Ok(self.raw(key))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check_available()?;
        let mut memory = self.inner.borrow_mut();
        if let Some(quota) = memory.quota {
            let others: usize = memory
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.chars().count() + v.chars().count())
                .sum();
            if others + key.chars().count() + value.chars().count() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        memory.writes.push(key.to_string());
        memory.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check_available()?;
        self.inner.borrow_mut().map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check_available()?;
        Ok(self.inner.borrow().map.keys().cloned().collect())
    }
}
