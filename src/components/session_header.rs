use super::session_editor::use_edited_session;
use super::{choice_options, picked};
use crate::model::timeline::format_clock;
use crate::model::{Modality, parse_date, parse_time};
use chrono::NaiveTime;
use leptos::prelude::*;

fn clock(t: Option<NaiveTime>) -> String {
    t.map(format_clock).unwrap_or_default()
}

/// Date, start and end (duration worked out), modality and clinician.
#[component]
pub fn SessionHeader(clinician: String) -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    view! {
        <section class="panel session-header" aria-label="Session details">
            <div class="grid">
                <label class="field">
                    <span>"Date"</span>
                    <input
                        type="date"
                        prop:value=move || session.with(|s| s.date.to_string())
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edited.try_change(|s| parse_date(&value).map(|d| s.date = d));
                        }
                    />
                </label>
                <label class="field">
                    <span>"Start"</span>
                    <input
                        type="time"
                        prop:value=move || session.with(|s| clock(s.start))
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edited.try_change(|s| s.set_times(parse_time(&value, "start")?, s.end));
                        }
                    />
                </label>
                <label class="field">
                    <span>"End"</span>
                    <input
                        type="time"
                        prop:value=move || session.with(|s| clock(s.end))
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edited.try_change(|s| s.set_times(s.start, parse_time(&value, "end")?));
                        }
                    />
                </label>
                <div class="field">
                    <span id="duration-label">"Duration"</span>
                    <output aria-labelledby="duration-label">
                        {move || session.with(|s| s.duration_label().unwrap_or_else(|| "—".into()))}
                    </output>
                </div>
                <label class="field">
                    <span>"Modality"</span>
                    <select on:change=move |ev| {
                        if let Some(m) = picked::<Modality>(&ev) {
                            edited.change(|s| s.modality = m);
                        }
                    }>
                        {choice_options(move |m: Modality| session.with(|s| s.modality == m))}
                    </select>
                </label>
                <div class="field">
                    <span>"Clinician"</span>
                    <span class="value">
                        {if clinician.is_empty() {
                            "Not set — add your details on the clients screen".to_string()
                        } else {
                            clinician
                        }}
                    </span>
                </div>
            </div>
        </section>
    }
}
