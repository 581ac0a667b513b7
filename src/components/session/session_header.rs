use crate::components::ChoiceSelect;
use crate::components::use_edited_session;
use crate::model::clock::{date_field_value, format_time};
use crate::model::{Delivery, Session, parse_date, parse_time};
use chrono::NaiveTime;
use leptos::prelude::*;

/// A time input's value: "hh:mm", or empty when not set.
fn clock(t: Option<NaiveTime>) -> String {
    t.map(format_time).unwrap_or_default()
}

/// Date, start and end, delivery and clinician, folded to one line (with the
/// duration worked out) that opens to their fields. A session whose times are
/// still to fill in opens unfolded; after that the clinician decides, so the
/// fields never fold away while being filled in.
#[component]
pub fn SessionHeader(clinician: String) -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    let unfolded = session.with_untracked(Session::header_to_fill);
    view! {
        <details class="panel session-header" aria-label="Session details" open=unfolded>
            <summary>
                <span class="header-line">{move || session.with(Session::header_line)}</span>
                <span class="header-toggle">"Details"</span>
            </summary>
            <div class="grid">
                <label class="field">
                    <span>"Date"</span>
                    <input
                        type="date"
                        prop:value=move || session.with(|s| date_field_value(s.date))
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
                <ChoiceSelect<Delivery>
                    label="Delivery"
                    value=move || session.with(|s| s.delivery)
                    on_pick=move |m| edited.change(|s| s.delivery = m)
                />
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
        </details>
    }
}
