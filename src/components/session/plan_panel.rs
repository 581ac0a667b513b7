use crate::components::TextArea;
use crate::components::use_edited_session;
use crate::model::parse_date;
use leptos::prelude::*;

/// Today's agenda (carried from last session's plan) and the plan for next time.
#[component]
pub fn PlanPanel() -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    view! {
        <section class="panel" aria-labelledby="plan-title">
            <h2 id="plan-title">"Agenda and plan"</h2>
            <TextArea
                label="Agenda"
                placeholder="What to cover today"
                value=Signal::derive(move || session.with(|s| s.agenda.clone()))
                on_text=Callback::new(move |v: String| edited.change(|s| s.agenda = v))
            />
            <Show when=move || session.with(|s| !s.agenda.is_empty())>
                <button type="button" on:click=move |_| edited.change(|s| s.agenda.clear())>
                    "Discard agenda"
                </button>
            </Show>
            <div class="grid">
                <TextArea
                    label="Plan for next session"
                    placeholder="What to work on next time; it becomes the next session's agenda"
                    value=Signal::derive(move || session.with(|s| s.plan_for_next.clone()))
                    on_text=Callback::new(move |v: String| edited.change(|s| s.plan_for_next = v))
                />
                <label class="field">
                    <span>"Next appointment"</span>
                    <input
                        type="date"
                        prop:value=move || {
                            session.with(|s| s.next_appointment.map(|d| d.to_string()).unwrap_or_default())
                        }
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edited.try_change(|s| {
                                s.next_appointment = if value.is_empty() {
                                    None
                                } else {
                                    Some(parse_date(&value)?)
                                };
                                Ok::<_, crate::model::InputError>(())
                            });
                        }
                    />
                </label>
            </div>
        </section>
    }
}
