//! Components and storage in headless Chromium, against the real localStorage:
//! what only a test inside the page can reach (typed storage errors, the
//! autosave queue, storage events from another tab, a faked clock). Whole
//! journeys through the app are the Playwright specs' (tests/e2e/).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/support.rs"]
mod support;

#[path = "browser/client_page.rs"]
mod client_page;
#[path = "browser/conflicts.rs"]
mod conflicts;
#[path = "browser/fields.rs"]
mod fields;
#[path = "browser/saving.rs"]
mod saving;
#[path = "browser/session_editor.rs"]
mod session_editor;
#[path = "browser/vault.rs"]
mod vault;
