use crate::components::{FieldError, OptionalDate, Refusal, TimeInput};
use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

/// What a recording's transcript cannot say, asked in the preview: which
/// speaker is the clinician, when the session started, and the session's
/// number and date (prefilled from the file name where it gives them).
#[component]
pub fn RecordingFields(
    speakers: Vec<String>,
    me: RwSignal<Option<String>>,
    #[prop(into)] on_me: Callback<Option<String>>,
    start: RwSignal<Option<NaiveTime>>,
    date: RwSignal<Option<NaiveDate>>,
    number: RwSignal<Option<u32>>,
    /// The number the session gets unless the clinician types another.
    #[prop(into)]
    planned_number: Signal<u32>,
) -> impl IntoView {
    let start_error = RwSignal::new(None::<String>);
    let start_refused = Refusal::new(start_error);
    let speaker_field = if speakers.is_empty() {
        view! {
            <p class="hint">"The file does not say who is speaking, so its turns are kept without speakers."</p>
        }
        .into_any()
    } else {
        view! {
            <label class="field">
                <span>"Which speaker is you?"</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_me.run((!v.is_empty()).then_some(v));
                }>
                    <option value="" disabled prop:selected=move || me.with(Option::is_none)>
                        "Choose your speaker…"
                    </option>
                    {speakers
                        .into_iter()
                        .map(|s| {
                            let (name, value) = (s.clone(), s.clone());
                            view! {
                                <option value=value prop:selected=move || me.with(|m| m.as_deref() == Some(&name))>
                                    {s}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        }
        .into_any()
    };
    view! {
        {speaker_field}
        <TimeInput
            label="Start time"
            required=true
            value=start
            refused=start_refused
            on_time={move |at: Result<_, _>| {
                start_error.set(at.as_ref().err().map(ToString::to_string));
                start.set(at.unwrap_or_default());
            }}
        />
        <FieldError message=start_refused />
        <OptionalDate
            label="Date"
            value=date
            on_date=Callback::new(move |d: Result<Option<NaiveDate>, _>| {
                if let Ok(d) = d {
                    date.set(d);
                }
            })
        />
        <label class="field">
            <span>"Session number"</span>
            <input
                type="number"
                min="1"
                inputmode="numeric"
                prop:value=move || number.get().unwrap_or_else(|| planned_number.get()).to_string()
                on:change=move |ev| number.set(event_target_value(&ev).trim().parse().ok().filter(|&n| n >= 1))
            />
        </label>
    }
}
