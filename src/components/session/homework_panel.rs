use crate::components::use_edited_session;
use crate::components::{ChoiceSelect, FieldError, Refusal, TextInput, UndoNotice, left_field};
use crate::model::Session;
use crate::model::homework::{Assignment, HomeworkKind, RemovedAssignment, parse_likelihood};
use crate::platform::new_id;
use crate::route::Route;
use leptos::prelude::*;

/// The homework agreed in this session: what, why, when, how likely, and
/// what might get in the way. Reviewed in the next session.
#[component]
pub fn HomeworkPanel() -> impl IntoView {
    let edited = use_edited_session();
    let removed = RwSignal::new(None::<RemovedAssignment>);
    let ids = move || {
        edited
            .session
            .with(|s| s.homework.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
    };
    let add = move |_| {
        edited.change(|s| {
            s.homework.add(Assignment::new(new_id(), ""));
        });
    };
    let undo = move |()| {
        if let Some(r) = removed.get_untracked() {
            edited.change(|s| {
                s.homework.restore(r);
            });
            removed.set(None);
        }
    };
    let copy_link = move || {
        edited
            .session
            .with(|s| Route::HomeworkCopy(s.id.clone()).hash())
    };

    view! {
        <section class="panel" aria-labelledby="homework-title">
            <div class="section-head">
                <h2 id="homework-title">"Homework"</h2>
                <Show when=move || edited.session.with(|s| !s.homework.is_empty())>
                    <a class="button-link" href=copy_link>"Client copy"</a>
                </Show>
            </div>
            <UndoNotice
                deleted=move || {
                    removed
                        .with(|r| {
                            r.as_ref()
                                .map(|r| {
                                    if r.assignment.task.is_empty() {
                                        "an empty assignment".to_string()
                                    } else {
                                        format!("“{}”", r.assignment.task)
                                    }
                                })
                        })
                }
                on_undo=undo
            />
            <ol role="list" class="homework-list" aria-label="Homework agreed">
                <For
                    each=ids
                    key=|id| id.clone()
                    children=move |id| view! { <AssignmentEditor id removed /> }
                />
            </ol>
            <button type="button" class="primary" on:click=add>"Add homework"</button>
        </section>
    }
}

/// Changes the assignment `id` of a session, if it still has it.
fn in_assignment(s: &mut Session, id: &str, f: &dyn Fn(&mut Assignment)) {
    if let Some(a) = s.homework.get_mut(id) {
        f(a);
    }
}

#[component]
fn AssignmentEditor(id: String, removed: RwSignal<Option<RemovedAssignment>>) -> impl IntoView {
    let edited = use_edited_session();
    let id = StoredValue::new(id);
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let read = move |f: fn(&Assignment) -> String| {
        edited
            .session
            .with(|s| s.homework.get(&id.read_value()).map(f).unwrap_or_default())
    };
    let update =
        move |f: &dyn Fn(&mut Assignment)| edited.change(|s| in_assignment(s, &id.read_value(), f));
    // Text typed: the other panels hear of it once the typing pauses.
    let type_in = move |f: &dyn Fn(&mut Assignment)| {
        edited.type_into(|s| in_assignment(s, &id.read_value(), f));
    };
    let position = move || {
        edited.session.with(|s| {
            let at = s.homework.iter().position(|a| a.id == *id.read_value());
            (at.unwrap_or(0), s.homework.len())
        })
    };
    let likelihood = left_field(move || {
        edited.session.with(|s| {
            let a = s.homework.get(&id.read_value());
            a.and_then(|a| a.likelihood)
                .map(|l| l.to_string())
                .unwrap_or_default()
        })
    });
    let text_field = move |label: &'static str,
                           placeholder: &'static str,
                           get: fn(&Assignment) -> String,
                           set: fn(&mut Assignment, String)| {
        view! {
            <TextInput
                label=label
                placeholder=placeholder
                value=(
                    move || read(get),
                    move |v: String| type_in(&|a| set(a, v.clone())),
                )
            />
        }
    };

    view! {
        <li class="assignment">
            <div class="grid">
                <TextInput
                    label="Task"
                    class="field wide"
                    placeholder="What the client will do, in their words"
                    value=(
                        move || read(|a| a.task.clone()),
                        move |v: String| type_in(&|a| a.task = v.clone()),
                    )
                />
                <ChoiceSelect<HomeworkKind>
                    label="Type"
                    value=move || {
                        edited
                            .session
                            .with(|s| s.homework.get(&id.read_value()).map(|a| a.kind).unwrap_or_default())
                    }
                    on_pick=move |kind| update(&|a| a.kind = kind)
                />
                {text_field("Why", "What it is for", |a| a.why.clone(), |a, v| a.why = v)}
                {text_field("When / how often", "e.g. every evening before bed", |a| a.when.clone(), |a, v| a.when = v)}
                <div class="field">
                    <label class="field">
                        <span>"Likelihood (0–100)"</span>
                        <input
                            type="text"
                            inputmode="numeric"
                            aria-invalid=refused.invalid()
                            aria-describedby=refused.described_by()
                            prop:value=likelihood
                            on:change=move |ev| {
                                match parse_likelihood(&event_target_value(&ev)) {
                                    Ok(value) => {
                                        error.set(None);
                                        update(&|a| a.likelihood = value);
                                    }
                                    Err(e) => error.set(Some(e.to_string())),
                                }
                            }
                        />
                    </label>
                    <FieldError message=refused />
                    {move || {
                        edited
                            .session
                            .with(|s| s.homework.get(&id.read_value()).and_then(Assignment::likelihood_hint))
                            .map(|hint| view! { <span class="hint">{hint}</span> })
                    }}
                </div>
                {text_field(
                    "Expected obstacles",
                    "What might get in the way",
                    |a| a.obstacles.clone(),
                    |a, v| a.obstacles = v,
                )}
            </div>
            <div class="card-actions">
                <button
                    type="button"
                    aria-label=move || format!("Move up: {}", read(|a| a.task.clone()))
                    disabled=move || position().0 == 0
                    on:click=move |_| {
                        edited.change(|s| {
                            s.homework.move_up(&id.read_value());
                        })
                    }
                >
                    "↑ Up"
                </button>
                <button
                    type="button"
                    aria-label=move || format!("Move down: {}", read(|a| a.task.clone()))
                    disabled=move || {
                        let (at, len) = position();
                        at + 1 >= len
                    }
                    on:click=move |_| {
                        edited.change(|s| {
                            s.homework.move_down(&id.read_value());
                        })
                    }
                >
                    "↓ Down"
                </button>
                <button
                    type="button"
                    aria-label=move || format!("Delete homework: {}", read(|a| a.task.clone()))
                    on:click=move |_| {
                        let mut gone = None;
                        edited.change(|s| gone = s.homework.remove(&id.read_value()));
                        removed.set(gone);
                    }
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}
