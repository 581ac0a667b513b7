use crate::components::MessageBanner;
use crate::platform::now_ms;
use crate::state::use_app_state;
use crate::sync::SyncStatus;
use leptos::prelude::*;

/// "Synced 2 min ago", "Syncing…", "Offline — will sync when connected" or
/// "Sync failed: wrong password"; nothing while sync is off.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let state = use_app_state();
    let on = move || state.sync_status().with(|s| !matches!(s, SyncStatus::Off));
    view! {
        <Show when=on>
            <SyncLine />
        </Show>
    }
}

#[component]
fn SyncLine() -> impl IntoView {
    let state = use_app_state();
    // "2 min ago" moves on by itself.
    let now = RwSignal::new(now_ms());
    let ticking = set_interval_with_handle(
        move || now.set(now_ms()),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    view! {
        <p
            class="sync-status"
            role="status"
            aria-label="Sync status"
            aria-live="polite"
            class:failed=move || state.sync_status().get().needs_attention()
        >
            {move || state.sync_status().get().text(now.get())}
        </p>
    }
}

/// Below the bar: what sync did not take from the server, or moved (an
/// older version kept aside, a value that does not open, a deletion sent
/// to Recently deleted), each said once until dismissed.
#[component]
pub fn SyncNotices() -> impl IntoView {
    let state = use_app_state();
    view! {
        <MessageBanner
            label="Sync notices"
            messages=Signal::derive(move || state.sync_notices().get())
            on_dismiss=Callback::new(move |notice: String| state.dismiss_sync_notice(&notice))
        />
    }
}
