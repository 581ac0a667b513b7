use crate::components::{
    ChoiceSelect, ConfirmButton, FieldError, OptionalDate, Refusal, TextInput,
};
use crate::model::treatment_plan::{Goal, GoalStatus, TreatmentPlan, addressed_in};
use crate::model::{InputError, Session};
use leptos::prelude::*;

/// One change to the plan; refused ones (an empty line) say why.
type PlanEdit = Box<dyn FnOnce(&mut TreatmentPlan) -> Result<(), InputError>>;

/// Applies a [`PlanEdit`], giving why it was refused, for the field it came from to say.
type Edit = Callback<PlanEdit, Option<String>>;

/// "Treatment plan" on the client page: problems, their goals (status and
/// target date, and the sessions that worked on each) and objectives.
#[component]
pub fn TreatmentPlanPanel(
    #[prop(into)] plan: Signal<TreatmentPlan>,
    #[prop(into)] sessions: Signal<Vec<Session>>,
    /// Gets the changed plan, to save with the client.
    #[prop(into)]
    on_change: Callback<TreatmentPlan>,
) -> impl IntoView {
    let edit: Edit = Callback::new(move |change: PlanEdit| {
        let mut changed = plan.get_untracked();
        match change(&mut changed) {
            Ok(()) => {
                on_change.run(changed);
                None
            }
            Err(e) => Some(e.to_string()),
        }
    });
    let add_goal = move |problem: u32| {
        move |text: String| {
            edit.run(Box::new(move |p: &mut TreatmentPlan| {
                p.add_goal(problem, &text, None).map(drop)
            }))
        }
    };
    let add_problem = move |text: String| {
        edit.run(Box::new(move |p: &mut TreatmentPlan| {
            p.add_problem(&text).map(drop)
        }))
    };
    view! {
        <section class="panel plan" aria-labelledby="plan-title">
            <h2 id="plan-title">"Treatment plan"</h2>
            {move || {
                plan.get()
                    .problems
                    .into_iter()
                    .map(|problem| {
                        let id = problem.id;
                        let label = format!("Problem: {}", problem.text);
                        view! {
                            <section class="plan-problem" aria-label=label>
                                <div class="section-head">
                                    <h3>{problem.text}</h3>
                                    <RemoveButton what="problem" id edit />
                                </div>
                                <ul role="list" class="plain-list">
                                    {problem
                                        .goals
                                        .into_iter()
                                        .map(|goal| view! { <GoalItem goal sessions edit /> })
                                        .collect_view()}
                                </ul>
                                <AddLine label="New goal" button="Add goal" on_add=add_goal(id) />
                            </section>
                        }
                    })
                    .collect_view()
            }}
            <AddLine label="New problem" button="Add problem" on_add=add_problem />
        </section>
    }
}

#[component]
fn GoalItem(goal: Goal, sessions: Signal<Vec<Session>>, edit: Edit) -> impl IntoView {
    let id = goal.id;
    let target_error = RwSignal::new(None::<String>);
    let target_refused = Refusal::new(target_error);
    let set_status = move |status: GoalStatus| {
        edit.run(Box::new(move |p: &mut TreatmentPlan| {
            if let Some(g) = p.goal_mut(id) {
                g.status = status;
            }
            Ok(())
        }));
    };
    let set_target = move |date: Result<_, InputError>| {
        target_error.set(edit.run(Box::new(move |p: &mut TreatmentPlan| {
            if let Some(g) = p.goal_mut(id) {
                g.target = date?;
            }
            Ok(())
        })));
    };
    let add_objective = move |text: String| {
        edit.run(Box::new(move |p: &mut TreatmentPlan| {
            p.add_objective(id, &text).map(drop)
        }))
    };
    let label = format!("Goal: {}", goal.text);
    view! {
        <li class="plan-goal" aria-label=label>
            <strong>{goal.text}</strong>
            <p class="muted">{move || sessions.with(|s| addressed_in(id, s))}</p>
            <div class="grid">
                <ChoiceSelect<GoalStatus> label="Status" value=Signal::stored(goal.status) on_pick=set_status />
                <OptionalDate
                    label="Target date"
                    value=Signal::stored(goal.target)
                    on_date=set_target
                    refused=target_refused
                />
            </div>
            <FieldError message=target_refused />
            <ul>
                {goal
                    .objectives
                    .into_iter()
                    .map(|o| view! { <li>{o.text}" "<RemoveButton what="objective" id=o.id edit /></li> })
                    .collect_view()}
            </ul>
            <AddLine label="New objective" button="Add objective" on_add=add_objective />
            <RemoveButton what="goal" id edit />
        </li>
    }
}

/// Asked first: a problem goes with its goals and objectives, and there is
/// no undo.
#[component]
fn RemoveButton(what: &'static str, id: u32, edit: Edit) -> impl IntoView {
    let with = match what {
        "problem" => " with its goals and objectives",
        "goal" => " with its objectives",
        _ => "",
    };
    view! {
        <ConfirmButton
            label="Remove"
            aria_label=format!("Remove {what}")
            question=format!("Remove this {what}{with}? It cannot be brought back.")
            confirm="Remove"
            on_confirm=move |()| {
                edit.run(Box::new(move |p: &mut TreatmentPlan| {
                    p.remove(id);
                    Ok(())
                }));
            }
        />
    }
}

/// A one-line field and the button that adds what it holds.
#[component]
fn AddLine(
    label: &'static str,
    button: &'static str,
    /// Adds the line, or gives why it was refused.
    #[prop(into)]
    on_add: Callback<String, Option<String>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    view! {
        <div class="add-line">
            <TextInput label value=text refused />
            <button
                type="button"
                on:click=move |_| {
                    error.set(on_add.run(text.get_untracked()));
                    if error.with_untracked(Option::is_none) {
                        text.set(String::new());
                    }
                }
            >
                {button}
            </button>
        </div>
        <FieldError message=refused />
    }
}
