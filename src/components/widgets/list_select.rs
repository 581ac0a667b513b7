use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled drop-down over `options` in order; `picked` is the index of
/// the one chosen.
#[component]
pub fn ListSelect(
    #[prop(into)] label: String,
    options: Vec<String>,
    picked: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select on:change=move |ev| picked.set(selected_index(&ev).unwrap_or(0))>
                {options.into_iter().enumerate().map(|(i, text)| {
                    view! { <option prop:selected=move || picked.get() == i>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The position of the option chosen in the `<select>` an event came from.
pub fn selected_index(ev: &web_sys::Event) -> Option<usize> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|select| usize::try_from(select.selected_index()).ok())
}
