//! The passphrase vault against the real localStorage, and idle locking on a
//! faked clock.

use super::{control, document, local_storage, set_value, settle, text_of};
use leptos::prelude::*;
use sessionpad::components::AutoLock;
use sessionpad::model::Client;
use sessionpad::state::{OpenedStore, provide_app_state};
use sessionpad::storage::{Kdf, LocalStorageBackend, Store};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const PASSPHRASE: &str = "blue heron at dawn";

/// Every key and value in localStorage.
fn everything() -> Vec<(String, String)> {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .map(|k| {
            let v = storage.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// Alex with notes, then the vault turned on (with Argon2id at its cheapest:
/// the real cost is `make bench`'s).
fn locked_alex() {
    local_storage().clear().unwrap();
    let (mut store, _) = Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
    let mut client = Client::new("c1".into(), "Alex Rivera", 0).unwrap();
    client.notes = "Panic attacks on the morning train".into();
    store.save_client(&client).unwrap();
    store
        .turn_on_vault(PASSPHRASE, Kdf::with_cost(64, 1))
        .unwrap();
}

/// Waits for a paint and the unlock work after it.
async fn frames() {
    for _ in 0..5 {
        settle().await;
    }
}

#[wasm_bindgen_test]
fn with_the_vault_on_no_phrase_or_name_is_left_in_local_storage() {
    locked_alex();
    let stored = everything();
    assert!(stored.len() >= 4, "{stored:?}");
    for (key, value) in stored {
        for phrase in ["Alex", "Rivera", "Panic", "morning train"] {
            assert!(!key.contains(phrase) && !value.contains(phrase), "{key}");
        }
    }
}

/// The wrong tries this device has counted.
fn wrong_tries_here() -> u32 {
    sessionpad::storage::wrong_tries(&LocalStorageBackend::open().unwrap()).count
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_changes_no_note_only_the_count_of_tries_and_the_right_one_opens_the_roster()
 {
    locked_alex();
    let before = everything();
    let (root, _app) = super::mount_at("#/");
    settle().await;
    assert!(text_of(&root, "h1").contains("Sessionpad is locked"));
    assert!(!root.inner_html().contains("Alex"));

    let passphrase = control(&root, "Passphrase");
    set_value(&passphrase, "blue heron at dusk");
    super::fire(&passphrase, "input");
    let unlock = || {
        root.query_selector("button[type=submit]")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    unlock();
    frames().await;
    assert_eq!(
        text_of(&root, "[role=alert]"),
        "That passphrase does not match."
    );
    // Every record as it was; beside them, only the device's count of tries.
    let after = everything();
    assert!(before.iter().all(|entry| after.contains(entry)));
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(wrong_tries_here(), 1);

    let passphrase = control(&root, "Passphrase");
    set_value(&passphrase, PASSPHRASE);
    super::fire(&passphrase, "input");
    unlock();
    frames().await;
    assert!(root.inner_html().contains("Alex Rivera"));
    assert_eq!(wrong_tries_here(), 0);
    root.remove();
}

thread_local! {
    static NOW: Cell<i64> = const { Cell::new(0) };
    static LOCKED: Cell<bool> = const { Cell::new(false) };
}

fn fake_now() -> i64 {
    NOW.with(Cell::get)
}

/// One tick of the lock's one-second timer.
async fn a_second() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1100)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn idle_for_the_set_time_warns_a_minute_before_then_locks() {
    local_storage().clear().unwrap();
    NOW.with(|n| n.set(0));
    LOCKED.with(|l| l.set(false));
    let root: web_sys::HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let _app = leptos::mount::mount_to(root.clone(), || {
        let (store, problems) =
            Store::open(Box::new(LocalStorageBackend::open().unwrap())).unwrap();
        provide_app_state(
            OpenedStore {
                store,
                problems,
                not_saving: None,
            },
            sessionpad::route::Route::Roster,
        );
        view! { <AutoLock on_lock=|()| LOCKED.with(|l| l.set(true)) clock=fake_now /> }
    });
    const MIN: i64 = 60_000;
    NOW.with(|n| n.set(13 * MIN));
    a_second().await;
    assert_eq!(text_of(&root, "[role=alert]"), "");

    NOW.with(|n| n.set(14 * MIN + 30_000));
    a_second().await;
    assert!(text_of(&root, "[role=alert]").starts_with("Locking in 30 s"));
    root.query_selector("[role=alert] button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(text_of(&root, "[role=alert]"), "");
    assert!(!LOCKED.with(Cell::get));

    // Fifteen minutes after "Stay unlocked", with no timer run in between
    // (a tablet asleep), the next tick locks.
    NOW.with(|n| n.set(29 * MIN + 30_000));
    a_second().await;
    assert!(LOCKED.with(Cell::get));
    root.remove();
}
