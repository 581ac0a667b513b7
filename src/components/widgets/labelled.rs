use leptos::prelude::*;

/// A control under its label, or, with `hide_label`, the control alone with
/// the label given to assistive technology only, where the row around it
/// already shows what it is for. `control` gets the name to give itself
/// (`aria-label`) when the label is not shown.
pub(super) fn labelled<V: IntoView + 'static>(
    label: String,
    hide_label: bool,
    class: &'static str,
    control: impl Fn(Option<String>) -> V,
) -> AnyView {
    if hide_label {
        control(Some(label)).into_any()
    } else {
        view! {
            <label class=class>
                <span>{label}</span>
                {control(None)}
            </label>
        }
        .into_any()
    }
}
