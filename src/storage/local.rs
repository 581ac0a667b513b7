use crate::storage::backend::Backend;
use crate::storage::error::StorageError;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage. Reached through `window.localStorage` first,
/// because it throws (rather than returning null) in private modes and with
/// site data blocked, and that must become a message, not a crash.
pub struct LocalStorageBackend {
    storage: web_sys::Storage,
    /// The keys as listed in the task now running. Opening a session lists
    /// them several times in one go, and each listing carries every key
    /// across into wasm. Another tab's writes arrive in a later task, so a
    /// list dropped when this one ends is never out of date.
    listed: Rc<RefCell<Option<Vec<String>>>>,
}

impl LocalStorageBackend {
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self {
                storage: <gloo_storage::LocalStorage as gloo_storage::Storage>::raw(),
                listed: Rc::default(),
            }),
            Ok(None) => Err(StorageError::Unavailable(
                "this browser offers no localStorage".into(),
            )),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }
}

/// The DOMException name and message, e.g. "QuotaExceededError: …".
fn describe(e: &JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(ex) => format!("{}: {}", ex.name(), ex.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

fn is_quota(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|ex| {
        ex.name() == "QuotaExceededError" || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

impl LocalStorageBackend {
    /// Every key, read from localStorage once per task.
    fn listed(&self) -> Result<Vec<String>, StorageError> {
        if let Some(keys) = self.listed.borrow().as_ref() {
            return Ok(keys.clone());
        }
        let failed = |e: JsValue| StorageError::Failed(describe(&e));
        let len = self.storage.length().map_err(failed)?;
        let keys = (0..len)
            .filter_map(|i| self.storage.key(i).transpose())
            .collect::<Result<Vec<_>, _>>()
            .map_err(failed)?;
        let Some(window) = web_sys::window() else {
            return Ok(keys);
        };
        let listed = Rc::clone(&self.listed);
        let forget =
            wasm_bindgen::closure::Closure::once_into_js(move || listed.borrow_mut().take());
        window.queue_microtask(forget.unchecked_ref());
        *self.listed.borrow_mut() = Some(keys.clone());
        Ok(keys)
    }

    /// Keeps the list of this task true to a write or removal of `key`.
    fn relist(&self, key: &str, present: bool) {
        if let Some(keys) = self.listed.borrow_mut().as_mut() {
            keys.retain(|k| k != key);
            if present {
                keys.push(key.to_string());
            }
        }
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|e| StorageError::Failed(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StorageError::QuotaExceeded
            } else {
                StorageError::Failed(describe(&e))
            }
        })?;
        self.relist(key, true);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::Failed(describe(&e)))?;
        self.relist(key, false);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.listed()
    }

    /// Counted where the values are: only each value's length crosses into
    /// wasm, not the value, so measuring the room costs little however many
    /// notes are stored.
    fn sizes(&self) -> Result<Vec<(String, usize)>, StorageError> {
        let failed = |e: JsValue| StorageError::Failed(describe(&e));
        let keys = self.listed()?;
        let get_item: js_sys::Function =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("getItem"))
                .map_err(failed)?
                .dyn_into()
                .map_err(failed)?;
        let mut sizes = Vec::with_capacity(keys.len());
        for key in keys {
            let value = get_item
                .call1(&self.storage, &JsValue::from_str(&key))
                .map_err(failed)?;
            let value_units = value
                .dyn_ref::<js_sys::JsString>()
                .map_or(0, |v| v.length() as usize);
            let units = key.encode_utf16().count() + value_units;
            sizes.push((key, units));
        }
        Ok(sizes)
    }
}
