//! Components and storage in headless Chromium, against the real localStorage:
//! a file per screen or concern under browser/, their helpers in support.rs.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/support.rs"]
mod support;

#[path = "browser/backup.rs"]
mod backup;
#[path = "browser/conflicts.rs"]
mod conflicts;
#[path = "browser/saving.rs"]
mod saving;
#[path = "browser/session_editor.rs"]
mod session_editor;
#[path = "browser/trash.rs"]
mod trash;
#[path = "browser/vault.rs"]
mod vault;
