use crate::storage::backend::Backend;
use crate::storage::error::StorageError;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage. Reached through `window.localStorage` first,
/// because it throws (rather than returning null) in private modes and with
/// site data blocked, and that must become a message, not a crash.
pub struct LocalStorageBackend {
    storage: web_sys::Storage,
}

impl LocalStorageBackend {
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Self {
                storage: <gloo_storage::LocalStorage as gloo_storage::Storage>::raw(),
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
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::Failed(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let len = self
            .storage
            .length()
            .map_err(|e| StorageError::Failed(describe(&e)))?;
        (0..len)
            .filter_map(|i| self.storage.key(i).transpose())
            .collect::<Result<_, _>>()
            .map_err(|e| StorageError::Failed(describe(&e)))
    }

    /// Counted where the values are: only each value's length crosses into
    /// wasm, not the value, so measuring the room costs little however many
    /// notes are stored.
    fn sizes(&self) -> Result<Vec<(String, usize)>, StorageError> {
        let failed = |e: JsValue| StorageError::Failed(describe(&e));
        let len = self.storage.length().map_err(failed)?;
        let get_item: js_sys::Function =
            js_sys::Reflect::get(&self.storage, &JsValue::from_str("getItem"))
                .map_err(failed)?
                .dyn_into()
                .map_err(failed)?;
        let mut sizes = Vec::with_capacity(len as usize);
        for i in 0..len {
            let Some(key) = self.storage.key(i).map_err(failed)? else {
                continue;
            };
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
