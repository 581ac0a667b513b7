use super::field_error::{Refusal, aria_described_by, aria_invalid};
use super::labelled::labelled;
use super::left_field::left_field;
use crate::model::InputError;
use crate::model::clock::{format_time, parse_time};
use chrono::NaiveTime;
use leptos::prelude::*;

/// A time of day: the browser's time picker, read as `hh:mm` on the 24-hour
/// clock wherever a browser shows a plain text field instead. Empty means
/// "not set". What was entered is given when the field is left or a picker
/// finishes, not per keystroke.
#[component]
pub fn TimeInput(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<NaiveTime>>,
    /// Gets the time, `None` once the field is cleared, or why the entry is
    /// not a time.
    #[prop(into)]
    on_time: Callback<Result<Option<NaiveTime>, InputError>>,
    /// Gives `label` to assistive technology only, where the row around the
    /// field already shows what it is for.
    #[prop(optional)]
    hide_label: bool,
    #[prop(default = "field")] class: &'static str,
    /// A hint shown on hover, such as what an empty field means.
    #[prop(optional)]
    title: &'static str,
    #[prop(optional)] required: bool,
    /// Why what was entered here was refused, while it was.
    #[prop(into, default = None)]
    refused: Option<Refusal>,
) -> impl IntoView {
    let shown = left_field(move || value.get().map(format_time).unwrap_or_default());
    let field = move |name: Option<String>| {
        view! {
            <input
                type="time"
                aria-label=name
                title=(!title.is_empty()).then_some(title)
                required=required
                aria-invalid=aria_invalid(refused)
                aria-describedby=aria_described_by(refused)
                prop:value=shown
                on:change=move |ev| {
                    // A changed field also sends this as its page is taken
                    // down, when the callback is gone: nothing to do then.
                    on_time.try_run(parse_time(&event_target_value(&ev)));
                }
            />
        }
    };
    labelled(label, hide_label, class, field)
}
