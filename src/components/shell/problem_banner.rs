use crate::state::use_app_state;
use leptos::prelude::*;

/// Storage problems, in plain words, until the clinician dismisses them.
#[component]
pub fn ProblemBanner() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || !state.problems().with(Vec::is_empty)>
            <section class="banner" role="alert" aria-label="Problems">
                <ul>
                    <For
                        each=move || state.problems().get()
                        key=|message| message.clone()
                        children=move |message| {
                            let dismissed = message.clone();
                            view! {
                                <li>
                                    <span>{message}</span>
                                    <button
                                        type="button"
                                        class="quiet"
                                        on:click=move |_| state.dismiss_problem(&dismissed)
                                    >
                                        "Dismiss"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
    }
}
