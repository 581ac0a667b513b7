use crate::components::{MessageBanner, ShowIf};
use crate::platform::now_ms;
use crate::state::use_syncing;
use crate::sync::SyncStatus;
use leptos::prelude::*;

/// "Synced 2 min ago", "Syncing…", "Offline — will sync when connected" or
/// "Sync failed: wrong password"; nothing while sync is off.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let syncing = use_syncing();
    let on = move || syncing.status().with(|s| !matches!(s, SyncStatus::Off));
    view! {
        <ShowIf when=on>
            <SyncLine />
        </ShowIf>
    }
}

#[component]
fn SyncLine() -> impl IntoView {
    let syncing = use_syncing();
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
            class:failed=move || syncing.status().get().needs_attention()
        >
            {move || syncing.status().get().text(now.get())}
        </p>
    }
}

/// Below the bar: what sync did not take from the server, or moved (an
/// older version kept aside, a value that does not open, a deletion sent
/// to Recently deleted), each said once until dismissed.
#[component]
pub fn SyncNotices() -> impl IntoView {
    let syncing = use_syncing();
    view! {
        <MessageBanner
            label="Sync notices"
            messages=Signal::derive(move || syncing.notices().get())
            on_dismiss=Callback::new(move |notice: String| syncing.dismiss_notice(&notice))
        />
    }
}
