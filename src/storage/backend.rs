use crate::storage::error::StorageError;
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
    /// Every key with what it costs against the quota: UTF-16 code units of
    /// the key and of the value as stored (sealed, if it is). Wrappers hand
    /// this to what they wrap, so nothing is unsealed or decoded to count it.
    fn sizes(&self) -> Result<Vec<(String, usize)>, StorageError> {
        self.keys()?
            .into_iter()
            .map(|key| {
                let value = self.get(&key)?.unwrap_or_default();
                let size = units(&key, &value);
                Ok((key, size))
            })
            .collect()
    }

    /// Whether the value under `key` is sealed by the vault (see `vault`).
    fn is_sealed(&self, _key: &str) -> Result<bool, StorageError> {
        Ok(false)
    }

    /// The value under `key` as storage holds it, sealed if it is: what
    /// sync sends, since the server may only ever see ciphertext.
    fn get_as_stored(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.get(key)
    }

    /// Stores `value` as it is, already sealed (or not meant to be).
    fn set_as_stored(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.set(key, value)
    }
}

/// An in-memory store that behaves like Chromium's localStorage, including
/// its quota (counted, as Chromium does, in UTF-16 code units of keys plus
/// values: an emoji counts 2), so the error paths can be exercised without a
/// browser. Clones share the same contents, which
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
    /// Writes still to succeed before one is refused, as a full store would.
    writes_before_failure: Option<usize>,
}

/// What a key and value cost against the quota.
fn units(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every call fail, like localStorage with site data blocked.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.inner.borrow_mut().unavailable = unavailable;
    }

    /// Limits the store to `units` UTF-16 code units of keys plus values.
    pub fn set_quota(&self, units: Option<usize>) {
        self.inner.borrow_mut().quota = units;
    }

    /// Lets `n` more writes succeed, then refuses the next one with a quota
    /// error (once), so a test can fail any single write of a sequence.
    pub fn fail_write_after(&self, n: usize) {
        self.inner.borrow_mut().writes_before_failure = Some(n);
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
        match memory.writes_before_failure {
            Some(0) => {
                memory.writes_before_failure = None;
                return Err(StorageError::QuotaExceeded);
            }
            Some(n) => memory.writes_before_failure = Some(n - 1),
            None => {}
        }
        if let Some(quota) = memory.quota {
            let others: usize = memory
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| units(k, v))
                .sum();
            if others + units(key, value) > quota {
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
