use crate::model::Choice;
use leptos::prelude::*;

/// One large radio chip per choice: a single tap on a tablet, arrow keys on a keyboard.
#[component]
pub fn ChoiceChips<T: Choice>(
    legend: &'static str,
    /// The radio group's name, unique on the page.
    #[prop(into)]
    name: String,
    #[prop(into)] selected: Signal<Option<T>>,
    #[prop(into)] on_pick: Callback<T>,
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
