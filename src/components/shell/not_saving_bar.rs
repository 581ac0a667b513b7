use crate::state::use_app_state;
use leptos::prelude::*;

/// A bar that cannot be dismissed while storage cannot be used: everything
/// typed lives in this page only, and the clinician must know before writing.
#[component]
pub fn NotSavingBar() -> impl IntoView {
    let state = use_app_state();
    state.not_saving().map(|why| {
        view! {
            <section class="banner lasting" role="alert" aria-label="Not saving">
                <p>{format!("Not saving: {why}. What you type now is lost when this page closes.")}</p>
            </section>
        }
    })
}
