use crate::model::lock::rekeying_progress;
use crate::state::use_vault;
use leptos::prelude::*;

/// "Re-encrypting: 340 of 1,000 records" while the notes are sealed again
/// under a new key, on every screen, since it goes on after a reload.
#[component]
pub fn RekeyingBar() -> impl IntoView {
    let vault = use_vault();
    move || {
        vault.rekeying().get().map(|progress| {
            view! {
                <section class="notice" aria-label="Re-encrypting">
                    <p role="status">{rekeying_progress(progress.done, progress.total)}</p>
                </section>
            }
        })
    }
}
