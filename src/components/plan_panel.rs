use super::session_editor::use_edited_session;
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
            <label class="field wide">
                <span>"Agenda"</span>
                <textarea
                    rows="3"
                    placeholder="What to cover today"
                    prop:value=move || session.with(|s| s.agenda.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edited.change(|s| s.agenda = value);
                    }
                ></textarea>
            </label>
            <Show when=move || session.with(|s| !s.agenda.is_empty())>
                <button type="button" on:click=move |_| edited.change(|s| s.agenda.clear())>
                    "Discard agenda"
                </button>
            </Show>
            <div class="grid">
                <label class="field wide">
                    <span>"Plan for next session"</span>
                    <textarea
                        rows="3"
                        placeholder="What to work on next time; it becomes the next session's agenda"
                        prop:value=move || session.with(|s| s.plan_for_next.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edited.change(|s| s.plan_for_next = value);
                        }
                    ></textarea>
                </label>
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
