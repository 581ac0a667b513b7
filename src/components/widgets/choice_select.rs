use super::labelled::labelled;
use super::list_select::selected_index;
use crate::model::Choice;
use leptos::prelude::*;

/// A labelled drop-down over a fixed set of choices that follows `value`.
#[component]
pub fn ChoiceSelect<T: Choice>(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<T>,
    #[prop(into)] on_pick: Callback<T>,
    /// Gives `label` to assistive technology only, where the row around the
    /// select already shows what it is for.
    #[prop(optional)]
    hide_label: bool,
    #[prop(default = "field")] class: &'static str,
) -> impl IntoView {
    let select = move |name: Option<String>| {
        view! {
            <select
                aria-label=name
                on:change=move |ev| {
                    // The options are `T::ALL` in order.
                    let picked = selected_index(&ev).and_then(|i| T::ALL.get(i));
                    if let Some(&choice) = picked {
                        on_pick.run(choice);
                    }
                }
            >
                {T::ALL
                    .iter()
                    .map(|&c| {
                        // A property, not the attribute: the attribute stops
                        // counting once the clinician has picked an option.
                        view! { <option value=c.key() prop:selected=move || value.get() == c>{c.label()}</option> }
                    })
                    .collect_view()}
            </select>
        }
    };
    labelled(label, hide_label, class, select)
}
