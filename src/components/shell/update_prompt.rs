use crate::components::ShowIf;
use crate::offline::apply_update;
use crate::state::{use_device, use_records};
use leptos::prelude::*;

/// Offered when a newer build has been installed in the background. The
/// clinician chooses the moment, so nothing being typed is reloaded away.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let device = use_device();
    let records = use_records();
    view! {
        <ShowIf when=move || device.update_ready().get()>
            <section class="notice" role="status" aria-label="Update">
                <span>"A new version is ready."</span>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        records.flush();
                        apply_update();
                    }
                >
                    "Reload"
                </button>
            </section>
        </ShowIf>
    }
}
