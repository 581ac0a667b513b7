use super::field_error::{Refusal, aria_described_by, aria_invalid};
use super::left_field::left_field;
use crate::model::InputError;
use crate::model::clock::{date_field_value, parse_date};
use chrono::NaiveDate;
use leptos::prelude::*;

/// A labelled date field where empty means "not set".
#[component]
pub fn OptionalDate(
    label: &'static str,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    /// Gets the date, `None` once the field is cleared, or why the entry is
    /// not a date.
    #[prop(into)]
    on_date: Callback<Result<Option<NaiveDate>, InputError>>,
    /// Why what was entered here was refused, while it was.
    #[prop(into, default = None)]
    refused: Option<Refusal>,
) -> impl IntoView {
    let shown = left_field(move || value.get().map(date_field_value).unwrap_or_default());
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="date"
                aria-invalid=aria_invalid(refused)
                aria-describedby=aria_described_by(refused)
                prop:value=shown
                on:change=move |ev| {
                    let entry = event_target_value(&ev);
                    let date = if entry.trim().is_empty() { Ok(None) } else { parse_date(&entry).map(Some) };
                    // A changed field also sends this as its page is taken
                    // down, when the callback is gone: nothing to do then.
                    on_date.try_run(date);
                }
            />
        </label>
    }
}
