//! "Recently deleted" on the roster: restoring, and deleting for good.

use crate::support::{button, local_storage, mount_at, open_store, seed_session, settle, text_of};
use sessionpad::storage::session_key;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// Opens "Recently deleted": its list is built the first time it opens.
async fn open_recently_deleted(root: &web_sys::HtmlElement) {
    root.query_selector(".recently-deleted summary")
        .unwrap()
        .expect("Recently deleted is shown")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
}

#[wasm_bindgen_test]
async fn recently_deleted_lists_a_deleted_session_by_name_and_restores_it() {
    seed_session();
    let mut store = open_store();
    store.delete_session("s1", 0).unwrap();
    let (root, _app) = mount_at("#/");
    settle().await;

    assert_eq!(
        text_of(&root, ".recently-deleted summary"),
        "Recently deleted (1)"
    );
    open_recently_deleted(&root).await;
    let row = text_of(&root, ".trash-list li");
    assert!(
        row.starts_with("Session 1 of 12 with Alex (31 Jul 2025) · Deleted "),
        "{row}"
    );
    button(&root, "Restore Session 1 of 12 with Alex (31 Jul 2025)").click();
    settle().await;

    assert!(root.query_selector(".recently-deleted").unwrap().is_none());
    let store = open_store();
    assert_eq!(store.deleted(), []);
    assert_eq!(store.sessions_of("c1").0.len(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn deleting_for_good_asks_first_and_a_cancelled_question_keeps_everything() {
    seed_session();
    let mut store = open_store();
    store.delete_client("c1", 0).unwrap();
    let (root, _app) = mount_at("#/");
    settle().await;
    let purge = "Delete Alex and their 1 session for good";
    open_recently_deleted(&root).await;

    button(&root, purge).click();
    settle().await;
    assert_eq!(
        text_of(&root, "[role=alertdialog] p"),
        "Delete Alex and their 1 session for good? This cannot be undone; the room they took is freed."
    );
    button(&root, "Cancel").click();
    settle().await;
    assert!(root.query_selector("[role=alertdialog]").unwrap().is_none());
    assert!(
        local_storage()
            .get_item(&session_key("s1"))
            .unwrap()
            .is_some()
    );

    button(&root, purge).click();
    settle().await;
    button(&root, "Delete for good").click();
    settle().await;
    assert!(
        local_storage()
            .get_item(&session_key("s1"))
            .unwrap()
            .is_none()
    );
    assert!(root.query_selector(".recently-deleted").unwrap().is_none());
    root.remove();
}
