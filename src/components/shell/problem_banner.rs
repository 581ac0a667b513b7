use crate::components::{ShowIf, keyed_list};
use crate::state::use_saving;
use leptos::prelude::*;

/// Storage problems, in plain words, until the clinician dismisses them.
#[component]
pub fn ProblemBanner() -> impl IntoView {
    let saving = use_saving();
    view! {
        <MessageBanner
            label="Problems"
            messages=Signal::derive(move || saving.problems().get())
            on_dismiss=Callback::new(move |message: String| saving.dismiss_problem(&message))
        />
    }
}

/// A banner of messages under the bar, each with "Dismiss"; nothing while
/// there are none.
#[component]
pub fn MessageBanner(
    label: &'static str,
    messages: Signal<Vec<String>>,
    on_dismiss: Callback<String>,
) -> impl IntoView {
    view! {
        <ShowIf when=move || !messages.with(Vec::is_empty)>
            <section class="banner" role="alert" aria-label=label>
                <ul role="list">
                    {keyed_list(
                        move || messages.get(),
                        |message| message.clone(),
                        move |message| {
                            let dismissed = message.clone();
                            view! {
                                <li>
                                    <span>{message}</span>
                                    <button
                                        type="button"
                                        class="quiet"
                                        on:click=move |_| on_dismiss.run(dismissed.clone())
                                    >
                                        "Dismiss"
                                    </button>
                                </li>
                            }
                        },
                    )}
                </ul>
            </section>
        </ShowIf>
    }
}
