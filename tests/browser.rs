//! Components and storage in headless Chromium, against the real localStorage.
#![cfg(target_arch = "wasm32")]

use sessionpad::components::App;
use sessionpad::model::{Client, Session};
use sessionpad::storage::{Backend, LocalStorageBackend, StorageError, Store, session_key};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets timers and effects run: the autosave writes right after a burst of input.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

fn seed_session() -> Session {
    local_storage().clear().unwrap();
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    let client = Client::new("c1".into(), "Alex", 0).unwrap();
    store.save_client(&client).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
    let session = Session::next("s1".into(), "c1", [], date, 0);
    store.save_session(&session).unwrap();
    session
}

fn mount_at(hash: &str) -> (web_sys::HtmlElement, impl Drop) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), App);
    (root, handle)
}

fn type_into(el: &web_sys::HtmlTextAreaElement, text: &str) {
    el.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_notes_saves_the_session_record_to_local_storage() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    assert_eq!(text_of(&root, "h1"), "Session 1 of 12");

    let notes: web_sys::HtmlTextAreaElement = root
        .query_selector("textarea.note-text")
        .unwrap()
        .expect("the notes field")
        .unchecked_into();
    type_into(&notes, "Discussed sleep hygiene — “better this week”.");
    settle().await;

    assert_eq!(text_of(&root, ".save-status"), "Saved");
    let raw = local_storage()
        .get_item(&session_key("s1"))
        .unwrap()
        .unwrap();
    let saved: Session = serde_json::from_str(&raw).unwrap();
    assert_eq!(saved.notes, "Discussed sleep hygiene — “better this week”.");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_shown_in_the_banner_and_left_as_it_was() {
    seed_session();
    local_storage()
        .set_item(&session_key("s1"), "{broken")
        .unwrap();
    let (root, _app) = mount_at("#/client/c1");
    settle().await;

    let banner = text_of(&root, ".banner");
    assert!(
        banner.contains("The session record s1 could not be read"),
        "{banner}"
    );
    assert_eq!(
        local_storage()
            .get_item(&session_key("s1"))
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    // The rest of the page still works.
    assert_eq!(text_of(&root, "h1"), "Alex");
    root.remove();
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_a_typed_quota_error() {
    local_storage().clear().unwrap();
    let mut backend = LocalStorageBackend::open().unwrap();
    let chunk = "x".repeat(1 << 20);
    let result = (0..8).try_for_each(|i| backend.set(&format!("filler/{i}"), &chunk));
    local_storage().clear().unwrap();
    assert_eq!(result, Err(StorageError::QuotaExceeded));
}
