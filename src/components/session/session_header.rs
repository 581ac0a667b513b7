use crate::components::use_edited_session;
use crate::components::{ChoiceSelect, FieldError, OptionalDate, Refusal, TimeInput};
use crate::model::{Delivery, InputError, Session};
use leptos::prelude::*;

/// Date, start and end, delivery and clinician, folded to one line (with the
/// duration worked out) that opens to their fields. A session whose times are
/// still to fill in opens unfolded; after that the clinician decides, so the
/// fields never fold away while being filled in. A refused date or time
/// keeps the one stored and says why under the fields.
#[component]
pub fn SessionHeader(clinician: String) -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    let unfolded = session.with_untracked(Session::header_to_fill);
    let (date_error, start_error, end_error) = (
        RwSignal::new(None::<String>),
        RwSignal::new(None::<String>),
        RwSignal::new(None::<String>),
    );
    let (date_refused, start_refused, end_refused) = (
        Refusal::new(date_error),
        Refusal::new(start_error),
        Refusal::new(end_error),
    );
    view! {
        <details class="panel session-header" aria-label="Session details" open=unfolded>
            <summary>
                <span class="header-line">{move || session.with(Session::header_line)}</span>
                <span class="header-toggle">"Details"</span>
            </summary>
            <div class="grid">
                <OptionalDate
                    label="Date"
                    value=move || session.with(|s| Some(s.date))
                    refused=date_refused
                    on_date={move |date: Result<Option<_>, _>| {
                        // A session always has a date: a cleared field is refused.
                        let date = date.and_then(|d| d.ok_or(InputError::BadDate));
                        edited.try_change_telling(date_error, |s| date.map(|d| s.date = d));
                    }}
                />
                <TimeInput
                    label="Start"
                    value=move || session.with(|s| s.start)
                    refused=start_refused
                    on_time={move |start: Result<_, _>| {
                        edited.try_change_telling(start_error, |s| s.set_times(start?, s.end));
                    }}
                />
                <TimeInput
                    label="End"
                    value=move || session.with(|s| s.end)
                    refused=end_refused
                    on_time={move |end: Result<_, _>| {
                        edited.try_change_telling(end_error, |s| s.set_times(s.start, end?));
                    }}
                />
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
            <FieldError message=date_refused />
            <FieldError message=start_refused />
            <FieldError message=end_refused />
        </details>
    }
}
