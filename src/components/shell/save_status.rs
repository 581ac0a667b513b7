use crate::state::{SaveStatus, use_app_state};
use leptos::prelude::*;

/// "Saving…", "Saved" or "Not saved: reason (2 unsaved changes)", announced politely to screen readers.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let state = use_app_state();
    view! {
        <p
            class="save-status"
            role="status"
            aria-label="Save status"
            aria-live="polite"
            class:failed=move || matches!(state.status().get(), SaveStatus::NotSaved { .. })
        >
            {move || state.status().get().text()}
        </p>
    }
}
