use super::GoalsAddressed;
use crate::components::ChoiceSelect;
use crate::components::TextArea;
use crate::components::use_edited_session;
use crate::model::Choice;
use crate::model::note::{Note, NoteFormat, Section};
use crate::model::snippets::copy_forward;
use crate::model::treatment_plan::TreatmentPlan;
use leptos::prelude::*;

/// The clinical note in the chosen format. Switching format never loses a
/// character: text of sections the new format lacks waits in "From the
/// previous format" until it is moved or cleared.
#[component]
pub fn NoteEditor(
    /// The course's treatment goals, shown beside a GIRP note's Goal when
    /// the client has no treatment plan yet.
    goals: Vec<String>,
    /// The client's treatment plan, whose goals the session can mark as addressed:
    /// beside a GIRP note's Goal, under the note in other formats.
    plan: TreatmentPlan,
    /// The last session's note, for "Copy from last session".
    last: Option<Note>,
) -> impl IntoView {
    let last = StoredValue::new(last);
    let plan = StoredValue::new(plan);
    let goals_hint = (!goals.is_empty()).then(|| format!("Course goals: {}", goals.join(" · ")));
    let edited = use_edited_session();
    let session = edited.session;
    let format = Memo::new(move |_| session.with(|s| s.note.format));
    let drafted = RwSignal::new(None::<usize>);

    let write_up = move |_| {
        let mut added = 0;
        edited.change(|s| {
            let entries = s.timeline.entries().to_vec();
            added = s.note.draft_from_timeline(&entries);
        });
        drafted.set(Some(added));
    };

    view! {
        <section class="panel note" aria-labelledby="note-title">
            <div class="section-head">
                <h2 id="note-title">"Note"</h2>
                <ChoiceSelect<NoteFormat>
                    label="Format"
                    class="field inline"
                    value=format
                    on_pick=move |f| edited.change(|s| s.note.set_format(f))
                />
            </div>
            <div class="write-up">
                <button type="button" on:click=write_up>
                    {move || {
                        let new = session
                            .with(|s| s.timeline.entries().iter().filter(|e| !s.note.is_drafted(e.id)).count());
                        match new {
                            0 => "Write up from timeline".to_string(),
                            n => format!("Write up from timeline ({n} new)"),
                        }
                    }}
                </button>
                {move || {
                    drafted
                        .get()
                        .map(|n| {
                            let text = match n {
                                0 => "Nothing new in the timeline to write up.".to_string(),
                                1 => "Added 1 timeline entry to the note.".to_string(),
                                n => format!("Added {n} timeline entries to the note."),
                            };
                            view! { <span class="muted" role="status">{text}</span> }
                        })
                }}
            </div>
            {move || {
                format
                    .get()
                    .sections()
                    .iter()
                    .map(|&section| {
                        let beside = (section == Section::Goal)
                            .then(|| match plan.with_value(TreatmentPlan::is_empty) {
                                true => goals_hint.clone().map(|hint| view! { <p class="hint">{hint}</p> }).into_any(),
                                false => view! { <GoalsAddressed plan=plan.get_value() /> }.into_any(),
                            });
                        view! {
                            <SectionField section last />
                            {beside}
                        }
                    })
                    .collect_view()
            }}
            {move || (format.get() != NoteFormat::Girp).then(|| view! { <GoalsAddressed plan=plan.get_value() /> })}
            <Leftovers />
        </section>
    }
}

#[component]
fn SectionField(section: Section, last: StoredValue<Option<Note>>) -> impl IntoView {
    let edited = use_edited_session();
    let told = RwSignal::new(None::<String>);
    let copy = move |_| {
        let from = last.get_value();
        let has_text = from
            .as_ref()
            .is_some_and(|n| !n.text(section).trim().is_empty());
        if let (Some(from), true) = (from, has_text) {
            edited.change(|s| {
                copy_forward(&mut s.note, &from, section);
            });
        }
        told.set(match (last.with_value(Option::is_some), has_text) {
            (_, true) => None,
            (true, false) => Some(format!(
                "The last session has nothing under {}.",
                section.label()
            )),
            (false, _) => Some("This is the first session of the course.".into()),
        });
    };
    view! {
        <TextArea
            label=section.label()
            class="note-text"
            rows=6
            placeholder=section.placeholder()
            value=(
                move || edited.session.with(|s| s.note.text(section).to_string()),
                move |v: String| edited.type_into(|s| s.note.set_text(section, v)),
            )
        />
        <div class="copy-forward">
            <button type="button" class="quiet" on:click=copy>"Copy from last session"</button>
            {move || told.get().map(|t| view! { <span class="muted" role="status">{t}</span> })}
        </div>
    }
}

/// Text from sections the current format lacks, kept until moved or cleared.
#[component]
fn Leftovers() -> impl IntoView {
    let edited = use_edited_session();
    let leftovers = move || {
        edited.session.with(|s| {
            s.note
                .leftovers()
                .into_iter()
                .map(|(section, text)| (section, text.to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !leftovers().is_empty()>
            <section class="leftovers" aria-labelledby="leftovers-title">
                <h3 id="leftovers-title">"From the previous format"</h3>
                <p class="muted">
                    "Kept word for word. Move each into a section of this format, or clear it; switching back restores it."
                </p>
                <For
                    each=leftovers
                    key=|(section, text)| (*section, text.clone())
                    children=move |(from, text)| {
                        let format = edited.session.with_untracked(|s| s.note.format);
                        view! {
                            <div class="leftover">
                                <h4>{from.label()}</h4>
                                <p class="leftover-text">{text}</p>
                                <div class="card-actions">
                                    {format
                                        .sections()
                                        .iter()
                                        .map(|&to| {
                                            view! {
                                                <button
                                                    type="button"
                                                    on:click=move |_| {
                                                        edited.change(|s| {
                                                            s.note.move_leftover(from, to);
                                                        })
                                                    }
                                                >
                                                    {format!("Move {} to {}", from.label(), to.label())}
                                                </button>
                                            }
                                        })
                                        .collect_view()}
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            edited.change(|s| {
                                                s.note.clear_leftover(from);
                                            })
                                        }
                                    >
                                        {format!("Clear {}", from.label())}
                                    </button>
                                </div>
                            </div>
                        }
                    }
                />
            </section>
        </Show>
    }
}
