use super::lazy_screens::{
    client_homework, client_page, homework_copy, import_transcript, lazy_screen, record_code,
    record_screen, session_editor,
};
use crate::components::{
    AutoLock, EvictionHint, LockButton, LockedScreen, NotSavingBar, ProblemBanner, RecordOf,
    RoomWarning, Roster, SEARCH_BOX_ID, SaveIndicator, SyncIndicator, UpdatePrompt,
};
use crate::offline::register_service_worker;
use crate::route::Route;
use crate::state::{
    OpenedStore, Opening, open_browser, open_unlocked, opens_without_record_code,
    provide_app_state, start_sync,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::from_hash(&hash)
}

/// Whether a key went to a field being typed in.
fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// The whole app, once it can read what is stored: a first visit opens at
/// once and fetches the record code behind it; a store with records (or a
/// vault) waits for that code, which comes from the service worker's cache.
#[component]
pub fn App() -> impl IntoView {
    let can_open =
        RwSignal::new(crate::storage::record_code_ready() || opens_without_record_code());
    if !can_open.get_untracked() {
        leptos::task::spawn_local(async move {
            record_code().await;
            can_open.set(true);
        });
    }
    move || can_open.get().then(|| view! { <Opened /> })
}

/// The locked screen while the vault is locked, the notes once it is open
/// (or when there is no vault).
#[component]
fn Opened() -> impl IntoView {
    let opened = StoredValue::new_local(None::<OpenedStore>);
    let locked = RwSignal::new(None::<crate::storage::VaultHeader>);
    match open_browser() {
        Opening::Open(store) => opened.set_value(Some(store)),
        Opening::Locked(header) => {
            crate::platform::forget_screen();
            locked.set(Some(header));
        }
    }
    let on_unlock = move |unlocked| {
        opened.set_value(Some(open_unlocked(unlocked)));
        locked.set(None);
    };
    move || match locked.get() {
        Some(header) => view! { <LockedScreen header on_unlock /> }.into_any(),
        None => {
            let store = opened.try_update_value(Option::take).flatten();
            store
                .map(|store| view! { <Workspace store /> }.into_any())
                .unwrap_or_else(|| ().into_any())
        }
    }
}

/// The notes: opens the store, follows the URL fragment, makes sure an
/// edit still queued is written when the tab is hidden or closed, and reads
/// open records again when another tab may have changed them.
#[component]
fn Workspace(store: OpenedStore) -> impl IntoView {
    let state = provide_app_state(store, current_route());

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        state.set_route(current_route())
    });
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    // Fired only in the other tabs of this origin, never in the one that wrote.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        state.changed_in_other_tab(ev.key().as_deref())
    });
    // A page back from the back/forward cache missed the other tabs' storage events.
    let on_pageshow = window_event_listener(leptos::ev::pageshow, move |_| {
        state.changed_in_other_tab(None)
    });
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.flush();
        }
    });
    // "/" goes to the search box from any screen, unless the cursor is in a field.
    let on_slash = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in(&ev) {
            return;
        }
        ev.prevent_default();
        state.navigate(Route::Roster);
        set_timeout(
            || {
                let search = document().get_element_by_id(SEARCH_BOX_ID);
                if let Some(search) = search.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = search.focus();
                }
            },
            std::time::Duration::ZERO,
        );
    });
    register_service_worker(move || state.set_update_ready());
    // Edits made while the record code was still on its way wait in the queue.
    leptos::task::spawn_local(async move {
        record_code().await;
        state.flush();
        // Sync starts once the vault is open; locking reloads the page.
        if state.peek(crate::storage::Store::syncs) {
            start_sync(state).await;
        }
    });
    state.check_persistence();

    on_cleanup(move || {
        on_hash.remove();
        on_pagehide.remove();
        on_storage.remove();
        on_pageshow.remove();
        on_hidden.remove();
        on_slash.remove();
    });

    view! {
        <header class="app-bar">
            <a class="brand" href="#/">"Sessionpad"</a>
            <SaveIndicator />
            <SyncIndicator />
            <LockButton />
        </header>
        <Show when=move || state.vault_on()>
            <AutoLock on_lock=move |()| state.lock() />
        </Show>
        <NotSavingBar />
        <ProblemBanner />
        <RoomWarning />
        <UpdatePrompt />
        <EvictionHint />
        <main class="screen">
            {move || match state.route().get() {
                Route::Roster => view! { <Roster /> }.into_any(),
                Route::Client(id) => lazy_screen(client_page(id)),
                Route::ClientHomework(id) => lazy_screen(client_homework(id)),
                Route::Session(id) => lazy_screen(session_editor(id)),
                Route::HomeworkCopy(id) => lazy_screen(homework_copy(id)),
                Route::Import => lazy_screen(import_transcript()),
                Route::SessionRecord(id) => lazy_screen(record_screen(RecordOf::Session(id))),
                Route::CourseRecord(id) => lazy_screen(record_screen(RecordOf::Course(id))),
            }}
        </main>
    }
}
