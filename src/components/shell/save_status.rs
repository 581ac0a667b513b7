use crate::state::{SaveStatus, use_saving};
use leptos::prelude::*;

/// "Saving…", "Saved" or "Not saved: reason (2 unsaved changes)", announced politely to screen readers.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let saving = use_saving();
    view! {
        <p
            class="save-status"
            role="status"
            aria-label="Save status"
            aria-live="polite"
            class:failed=move || matches!(saving.status().get(), SaveStatus::NotSaved { .. })
        >
            {move || saving.status().get().text()}
        </p>
    }
}
