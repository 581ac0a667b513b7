use crate::components::ShowIf;
use crate::offline::may_evict_unless_installed;
use crate::state::use_records;
use leptos::prelude::*;

/// Shown once where the browser may delete the data of a site not added to
/// the Home Screen (Safari on iPad after 7 days without a visit).
#[component]
pub fn EvictionHint() -> impl IntoView {
    let records = use_records();
    let settings = records.settings();
    let show = RwSignal::new(!settings.eviction_hint_dismissed && may_evict_unless_installed());
    let dismiss = move |_| {
        let mut settings = settings.clone();
        settings.eviction_hint_dismissed = true;
        // The hint goes only once the choice is written: a write refused is
        // reported, and it stays.
        if records.commit(&settings) {
            show.set(false);
        }
    };
    view! {
        <ShowIf when=move || show.get()>
            <section class="notice" aria-label="Keep your notes on this device">
                <p>
                    "This browser deletes a website's data after 7 days without a visit unless the app is on the Home Screen. "
                    "To keep your notes: tap Share, then “Add to Home Screen”, and open Sessionpad from there. "
                    "The Home Screen app starts empty, so first press “Back up” here, then choose “Restore from backup” in the app."
                </p>
                <button type="button" on:click=dismiss.clone()>"Got it"</button>
            </section>
        </ShowIf>
    }
}
