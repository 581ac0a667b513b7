use crate::components::use_edited_session;
use crate::model::treatment_plan::TreatmentPlan;
use leptos::prelude::*;

/// "Goals addressed": the treatment-plan goals this session worked on,
/// which the plan then lists under each goal.
#[component]
pub fn GoalsAddressed(plan: TreatmentPlan) -> impl IntoView {
    let edited = use_edited_session();
    let goals: Vec<(u32, String)> = plan.goals().map(|g| (g.id, g.text.clone())).collect();
    (!goals.is_empty()).then(|| {
        view! {
            <fieldset class="goals-addressed">
                <legend>"Goals addressed"</legend>
                {goals
                    .into_iter()
                    .map(|(id, text)| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || edited.session.with(|s| s.goals_addressed.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edited.change(|s| s.set_goal_addressed(id, on));
                                    }
                                />
                                <span>{text}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
    })
}
