use crate::components::use_edited_session;
use crate::components::{ConfirmButton, FieldError, OptionalDate, Refusal, TextArea};
use leptos::prelude::*;

/// Today's agenda (carried from last session's plan) and the plan for next time.
#[component]
pub fn PlanPanel() -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    let date_error = RwSignal::new(None::<String>);
    let date_refused = Refusal::new(date_error);
    view! {
        <section class="panel" aria-labelledby="plan-title">
            <h2 id="plan-title">"Agenda and plan"</h2>
            <TextArea
                label="Agenda"
                placeholder="What to cover today"
                value=(
                    move || session.with(|s| s.agenda.clone()),
                    move |v: String| edited.type_into(|s| s.agenda = v),
                )
            />
            <Show when=move || session.with(|s| !s.agenda.is_empty())>
                // Asked first: the agenda may be the clinician's own words, and
                // there is no undo.
                <ConfirmButton
                    label="Discard agenda"
                    question="Discard today's agenda? It cannot be brought back."
                    confirm="Discard"
                    on_confirm=move |()| edited.change(|s| s.agenda.clear())
                />
            </Show>
            <div class="grid">
                <TextArea
                    label="Plan for next session"
                    placeholder="What to work on next time; it becomes the next session's agenda"
                    value=(
                        move || session.with(|s| s.plan_for_next.clone()),
                        move |v: String| edited.type_into(|s| s.plan_for_next = v),
                    )
                />
                <OptionalDate
                    label="Next appointment"
                    value=move || session.with(|s| s.next_appointment)
                    refused=date_refused
                    on_date={move |date: Result<_, _>| {
                        edited.try_change_telling(date_error, |s| date.map(|d| s.next_appointment = d));
                    }}
                />
            </div>
            <FieldError message=date_refused />
        </section>
    }
}
