use crate::offline::apply_update;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Offered when a newer build has been installed in the background. The
/// clinician chooses the moment, so nothing being typed is reloaded away.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.update_ready().get()>
            <section class="notice" role="status" aria-label="Update">
                <span>"A new version is ready."</span>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        state.flush();
                        apply_update();
                    }
                >
                    "Reload"
                </button>
            </section>
        </Show>
    }
}
