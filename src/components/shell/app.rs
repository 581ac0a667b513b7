use crate::components::{
    AutoLock, ClientHomework, ClientPage, EvictionHint, HomeworkCopy, ImportTranscript, LockButton,
    LockedScreen, NotSavingBar, ProblemBanner, Questionnaire, RecordOf, RecordScreen, RekeyingBar,
    RiskReviewNotice, RoomWarning, Roster, SEARCH_BOX_ID, SaveIndicator, SessionEditor, ShowIf,
    SyncIndicator, SyncNotices, UpdatePrompt,
};
use crate::offline::register_service_worker;
use crate::platform::take_entry_being_typed;
use crate::route::Route;
use crate::state::{
    OpenedStore, Opening, VaultHeader, open_browser, open_unlocked, provide_services, use_device,
    use_hand_to_client, use_navigation, use_records, use_syncing, use_vault,
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

/// The whole app: the locked screen while the vault is locked, the notes
/// once it is open (or when there is no vault).
#[component]
pub fn App() -> impl IntoView {
    let opened = StoredValue::new_local(None::<OpenedStore>);
    let locked = RwSignal::new(None::<VaultHeader>);
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
/// open records again when another tab may have changed them. While the
/// tablet is handed to a client (in this tab or another), only the
/// questionnaire shows; when it comes back with a risk to review, that
/// shows first.
#[component]
fn Workspace(store: OpenedStore) -> impl IntoView {
    provide_services(store, current_route());
    let records = use_records();
    let navigation = use_navigation();
    let vault = use_vault();
    let hand_to_client = use_hand_to_client();
    let handed_over = Memo::new(move |_| hand_to_client.handover().is_some());
    // Memos, so a change elsewhere in storage does not draw the screen anew.
    let review = Memo::new(move |_| hand_to_client.risk_review());

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        take_entry_being_typed();
        navigation.set_route(current_route())
    });
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| {
        take_entry_being_typed();
        records.flush()
    });
    // Fired only in the other tabs of this origin, never in the one that wrote.
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        records.changed_in_other_tab(ev.key().as_deref())
    });
    // A page back from the back/forward cache missed the other tabs' storage events.
    let on_pageshow = window_event_listener(leptos::ev::pageshow, move |_| {
        records.changed_in_other_tab(None)
    });
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            take_entry_being_typed();
            records.flush();
        }
    });
    // "/" goes to the search box from any screen, unless the cursor is in a field.
    let on_slash = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/"
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || typing_in(&ev)
            || handed_over.get_untracked()
        {
            return;
        }
        ev.prevent_default();
        navigation.navigate(Route::Roster);
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
    let device = use_device();
    register_service_worker(move || device.set_update_ready());
    // Sync starts once the vault is open; locking reloads the page.
    use_syncing().start();
    device.check_persistence();

    on_cleanup(move || {
        on_hash.remove();
        on_pagehide.remove();
        on_storage.remove();
        on_pageshow.remove();
        on_hidden.remove();
        on_slash.remove();
    });

    view! {
        <ShowIf when=move || vault.is_on()>
            <AutoLock on_lock=move |()| vault.lock() />
        </ShowIf>
        // The questionnaire first: a risk the last client raised is for the
        // clinician, never for the client holding the tablet now.
        {move || {
            if handed_over.get() {
                view! { <Questionnaire /> }.into_any()
            } else if let Some(shown) = review.get() {
                view! { <RiskReviewNotice review=shown on_done=move |()| hand_to_client.risk_reviewed() /> }
                    .into_any()
            } else {
                view! { <Notes /> }.into_any()
            }
        }}
    }
}

/// The app bar, the bars that report on storage and sync, and the screen
/// the URL names.
#[component]
fn Notes() -> impl IntoView {
    let navigation = use_navigation();
    view! {
        <header class="app-bar">
            <a class="brand" href="#/">"Sessionpad"</a>
            <SaveIndicator />
            <SyncIndicator />
            <LockButton />
        </header>
        <NotSavingBar />
        <RekeyingBar />
        <ProblemBanner />
        <SyncNotices />
        <RoomWarning />
        <UpdatePrompt />
        <EvictionHint />
        <main class="screen">
            {move || match navigation.route().get() {
                Route::Roster => view! { <Roster /> }.into_any(),
                Route::Client(id) => view! { <ClientPage id /> }.into_any(),
                Route::ClientHomework(id) => view! { <ClientHomework id /> }.into_any(),
                Route::Session(id) => view! { <SessionEditor id /> }.into_any(),
                Route::HomeworkCopy(id) => view! { <HomeworkCopy id /> }.into_any(),
                Route::Import => view! { <ImportTranscript /> }.into_any(),
                Route::SessionRecord(id) => {
                    view! { <RecordScreen of=RecordOf::Session(id) /> }.into_any()
                }
                Route::CourseRecord(id) => {
                    view! { <RecordScreen of=RecordOf::Course(id) /> }.into_any()
                }
            }}
        </main>
    }
}
