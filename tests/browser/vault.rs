//! Idle locking on a faked clock: the warning, "Stay unlocked", and the lock.

use crate::support::{document, local_storage, settle, text_of};
use leptos::prelude::*;
use sessionpad::components::AutoLock;
use sessionpad::state::{OpenedStore, provide_services};
use sessionpad::storage::{LocalStorageBackend, Store};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

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
        provide_services(
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
