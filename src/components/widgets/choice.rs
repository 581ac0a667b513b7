use crate::model::Choice;
use leptos::prelude::*;

/// The `<option>`s of a select over a fixed set of choices.
pub fn choice_options<T: Choice>(
    selected: impl Fn(T) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    T::ALL
        .iter()
        .map(|&c| view! { <option value=c.key() selected=move || selected(c)>{c.label()}</option> })
        .collect_view()
}

/// The choice a select or radio names in its change event.
pub fn picked<T: Choice>(ev: &leptos::ev::Event) -> Option<T> {
    T::from_key(&event_target_value(ev))
}

/// One large radio chip per choice: a single tap on a tablet, arrow keys on a keyboard.
#[component]
pub fn ChoiceChips<T: Choice>(
    legend: &'static str,
    /// The radio group's name, unique on the page.
    name: String,
    selected: Signal<Option<T>>,
    on_pick: Callback<T>,
    /// "choices" for a review, "kinds" for the capture line.
    #[prop(default = "choices")]
    class: &'static str,
) -> impl IntoView {
    view! {
        <fieldset class=class>
            <legend>{legend}</legend>
            {T::ALL
                .iter()
                .map(|&c| {
                    view! {
                        <label class="chip-radio">
                            <input
                                type="radio"
                                name=name.clone()
                                value=c.key()
                                prop:checked=move || selected.get() == Some(c)
                                on:change=move |_| on_pick.run(c)
                            />
                            <span>{c.label()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
