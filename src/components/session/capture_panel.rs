use crate::components::use_edited_session;
use crate::components::{
    ChoiceChips, ChoiceSelect, FieldError, Refusal, TextInput, TimeInput, UndoNotice,
};
use crate::model::clock::format_time;
use crate::model::homework::assignment_from_idea;
use crate::model::timeline::{EntryKind, Removed};
use crate::model::{Choice, InputError};
use crate::platform::{clock_now, new_id};
use chrono::NaiveTime;
use leptos::prelude::*;

/// The capture line and its timeline: quick, one-line, time-stamped entries
/// typed during the session, the raw material of the note. The line not yet
/// entered is saved with the session as it is typed, so a reload keeps it.
#[component]
pub fn CapturePanel() -> impl IntoView {
    let edited = use_edited_session();
    let time = RwSignal::new(None::<NaiveTime>);
    let time_error = RwSignal::new(None::<String>);
    let time_refused = Refusal::new(time_error);
    let kind = RwSignal::new(EntryKind::Note);
    let removed = RwSignal::new(None::<Removed>);

    let add = move || {
        // An untouched time field means "now", read when Enter is pressed;
        // a refused one keeps the line waiting until it is put right.
        let at = time.get_untracked().unwrap_or_else(clock_now);
        let entry = edited.session.with_untracked(|s| s.draft.clone());
        if entry.trim().is_empty() || time_error.with_untracked(Option::is_some) {
            return;
        }
        edited.change(|s| {
            s.timeline.add(at, &entry, kind.get_untracked());
            s.draft.clear();
        });
        time.set(None);
        kind.set(EntryKind::Note);
    };
    let undo = move |()| {
        if let Some(entry) = removed.get_untracked() {
            edited.change(|s| {
                s.timeline.restore(entry);
            });
            removed.set(None);
        }
    };
    let entries = move || edited.session.with(|s| s.timeline.entries().to_vec());

    view! {
        <section class="panel capture" aria-labelledby="capture-title">
            <h2 id="capture-title">"Timeline"</h2>
            <form
                class="capture-line"
                on:submit=move |ev| {
                    ev.prevent_default();
                    add();
                }
            >
                <TextInput in_form=true
                    label="Capture"
                    class="field capture-text"
                    enterkeyhint="done"
                    placeholder="Type and press Enter"
                    value=(
                        move || edited.session.with(|s| s.draft.clone()),
                        move |v: String| edited.type_into(|s| s.draft = v),
                    )
                />
                <TimeInput
                    label="At"
                    class="field capture-time"
                    title="Leave empty to stamp the current time"
                    value=time
                    refused=time_refused
                    on_time={move |at: Result<_, InputError>| {
                        time_error.set(at.as_ref().err().map(ToString::to_string));
                        time.set(at.unwrap_or_default());
                    }}
                />
                <ChoiceChips<EntryKind>
                    legend="Kind"
                    name="capture-kind"
                    class="kinds"
                    selected=move || Some(kind.get())
                    on_pick=move |k| kind.set(k)
                />
                <button type="submit" class="primary">"Add to timeline"</button>
            </form>
            <FieldError message=time_refused />
            <UndoNotice
                deleted=move || removed.with(|r| r.as_ref().map(|r| format!("“{}”", r.entry().text)))
                on_undo=undo
            />
            <ol role="list" class="timeline" aria-label="Timeline entries">
                <For
                    each=entries
                    key=|e| (e.id, e.time, e.kind, e.text.clone())
                    children=move |entry| {
                        let id = entry.id;
                        let error = RwSignal::new(None::<String>);
                        let refused = Refusal::new(error);
                        let idea = (entry.kind == EntryKind::HomeworkIdea).then(|| entry.text.clone());
                        view! {
                            <li class=format!("entry kind-{}", entry.kind.key())>
                                <TimeInput
                                    label=format!("Time of “{}”", entry.text)
                                    hide_label=true
                                    value=Some(entry.time)
                                    refused
                                    on_time={move |at: Result<Option<_>, _>| {
                                        // An entry keeps its time until given another.
                                        match at.and_then(|t| t.ok_or(InputError::BadTime)) {
                                            Ok(t) => {
                                                edited.change(|s| {
                                                    s.timeline.set_time(id, t);
                                                })
                                            }
                                            Err(e) => error.set(Some(e.to_string())),
                                        }
                                    }}
                                />
                                <ChoiceSelect<EntryKind>
                                    label=format!("Kind of “{}”", entry.text)
                                    hide_label=true
                                    value=entry.kind
                                    on_pick=move |k| {
                                        edited.change(|s| {
                                            s.timeline.set_kind(id, k);
                                        })
                                    }
                                />
                                <input
                                    type="text"
                                    class="entry-text"
                                    aria-label=format!("Entry at {}", format_time(entry.time))
                                    value=entry.text.clone()
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        edited.change(|s| {
                                            s.timeline.set_text(id, &value);
                                        });
                                    }
                                />
                                <button
                                    type="button"
                                    aria-label=format!("Delete “{}”", entry.text)
                                    on:click=move |_| {
                                        let mut gone = None;
                                        edited.change(|s| gone = s.timeline.remove(id));
                                        removed.set(gone);
                                    }
                                >
                                    "Delete"
                                </button>
                                {idea.map(|idea| view! { <MakeHomework idea /> })}
                                <FieldError message=refused />
                            </li>
                        }
                    }
                />
            </ol>
            <Show when=move || edited.session.with(|s| s.timeline.is_empty())>
                <p class="muted">"Nothing captured yet. Entries are stamped with the time you add them."</p>
            </Show>
        </section>
    }
}

/// Turns a homework idea from the timeline into an assignment, once.
#[component]
fn MakeHomework(idea: String) -> impl IntoView {
    let edited = use_edited_session();
    let task = assignment_from_idea(String::new(), &idea).task;
    let task_for_check = task.clone();
    let added = Memo::new(move |_| {
        edited
            .session
            .with(|s| s.homework.iter().any(|a| a.task == task_for_check))
    });
    view! {
        <button
            type="button"
            class="make-homework"
            aria-label=format!("Make homework: {task}")
            disabled=added
            on:click=move |_| {
                edited.change(|s| {
                    s.homework.add(assignment_from_idea(new_id(), &idea));
                })
            }
        >
            {move || if added.get() { "In homework ✓" } else { "Make homework" }}
        </button>
    }
}
