//! The store against the real localStorage and its quota: a full store is a
//! typed error, and a refused write waits in the queue until there is room.

use crate::support::{
    fill_storage, free_storage, go_to, hide_page, incompressible, local_storage, mount_at, notes,
    open_store, seed_session, settle, stored, text_of, type_into,
};
use sessionpad::model::Session;
use sessionpad::model::note::{NoteFormat, Section};
use sessionpad::storage::{Backend, LocalStorageBackend, StorageError};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn a_full_local_storage_is_a_typed_quota_error() {
    local_storage().clear().unwrap();
    let mut backend = LocalStorageBackend::open().unwrap();
    let chunk = "x".repeat(1 << 20);
    let result = (0..8).try_for_each(|i| backend.set(&format!("filler/{i}"), &chunk));
    local_storage().clear().unwrap();
    assert_eq!(result, Err(StorageError::QuotaExceeded));
}

#[wasm_bindgen_test]
async fn keys_listed_in_a_task_follow_its_own_writes_at_once_and_anothers_from_the_next_task() {
    local_storage().clear().unwrap();
    let mut backend = LocalStorageBackend::open().unwrap();
    let listed = |backend: &LocalStorageBackend| {
        let mut keys = backend.keys().unwrap();
        keys.sort();
        keys
    };
    backend.set("a", "1").unwrap();
    assert_eq!(listed(&backend), ["a"]);
    backend.set("b", "2").unwrap();
    backend.remove("a").unwrap();
    assert_eq!(listed(&backend), ["b"]);
    // Another tab's write lands between tasks, never inside one.
    local_storage().set_item("c", "3").unwrap();
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    assert_eq!(listed(&backend), ["b", "c"]);
    assert_eq!(backend.sizes().unwrap().len(), 2);
    local_storage().clear().unwrap();
}

/// Session `s2`, the one after `s1`, a week later.
fn add_second_session() {
    let mut store = open_store();
    let first = store.session("s1").unwrap().unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 8, 7).unwrap();
    let second = Session::next("s2".into(), "c1", &[first], date, NoteFormat::Free, 0);
    store.save_session(&second).unwrap();
}

#[wasm_bindgen_test]
async fn a_refused_write_stays_queued_and_is_written_once_there_is_room() {
    seed_session();
    add_second_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    fill_storage();

    let first = incompressible("Typed while the device was full.");
    type_into(&notes(&root), &first);
    settle().await;
    assert!(text_of(&root, ".save-status").starts_with("Not saved"));
    assert_eq!(stored("s1").note.text(Section::Free), "");

    // An edit of another session must not push the first one out of the queue.
    go_to("#/session/s2").await;
    let second = incompressible("Second session, also refused.");
    type_into(&notes(&root), &second);
    settle().await;
    let status = text_of(&root, ".save-status");
    assert!(status.starts_with("Not saved"), "{status}");
    assert!(status.ends_with("(2 unsaved changes)"), "{status}");

    free_storage();
    hide_page();
    settle().await;
    assert_eq!(text_of(&root, ".save-status"), "Saved");
    assert_eq!(stored("s1").note.text(Section::Free), first);
    assert_eq!(stored("s2").note.text(Section::Free), second);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_session_opened_again_starts_from_its_queued_edit_not_the_older_stored_one() {
    seed_session();
    let (root, _app) = mount_at("#/session/s1");
    settle().await;
    type_into(&notes(&root), "Saved.");
    settle().await;
    fill_storage();
    let refused = incompressible("Saved. Then refused.");
    type_into(&notes(&root), &refused);
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), "Saved.");

    go_to("#/client/c1").await;
    go_to("#/session/s1").await;
    assert_eq!(notes(&root).value(), refused);
    let more = format!("{refused} Then more.");
    type_into(&notes(&root), &more);
    settle().await;

    free_storage();
    hide_page();
    settle().await;
    // A later flush has nothing older to write over it.
    hide_page();
    settle().await;
    assert_eq!(stored("s1").note.text(Section::Free), more);
    root.remove();
}
