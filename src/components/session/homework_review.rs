use crate::components::use_edited_session;
use crate::components::{ChoiceChips, TextArea, TextInput};
use crate::model::Choice;
use crate::model::Session;
use crate::model::homework::{
    AssignmentHistory, Completion, Decision, HistoryEntry, Obstacle, Review, due_for_review,
};
use leptos::prelude::*;

/// Homework agreed in earlier sessions and still open: how it went, what got
/// in the way, what was learned, and what happens next. Each review is kept
/// in this session's record, so earlier sessions are never rewritten.
#[component]
pub fn HomeworkReview(earlier: Vec<Session>) -> impl IntoView {
    let edited = use_edited_session();
    let earlier = StoredValue::new(earlier);
    let due = Memo::new(move |_| {
        edited.session.with(|current| {
            earlier.with_value(|earlier| {
                let mut records: Vec<_> = earlier
                    .iter()
                    .filter(|s| s.id != current.id)
                    .map(Session::homework_record)
                    .collect();
                records.push(current.homework_record());
                due_for_review(&records, current.number)
            })
        })
    });

    view! {
        <Show when=move || due.with(|d| !d.is_empty())>
            <section class="panel" aria-labelledby="review-title">
                <h2 id="review-title">"Homework review"</h2>
                <ol class="homework-list" aria-label="Homework to review">
                    <For
                        each=move || due.get()
                        key=|h| h.assignment.id.clone()
                        children=move |history| view! { <ReviewItem history /> }
                    />
                </ol>
            </section>
        </Show>
    }
}

#[component]
fn ReviewItem(history: AssignmentHistory) -> impl IntoView {
    let edited = use_edited_session();
    let id = StoredValue::new(history.assignment.id.clone());
    // One comparison per item when anything else in the session changes
    // (every key typed in the note), instead of every field reading again.
    let review = Memo::new(move |_| {
        edited
            .session
            .with(|s| s.review(&id.read_value()).cloned())
            .unwrap_or_default()
    });
    let review = move || review.get();
    let update = move |f: &dyn Fn(&mut Review)| {
        edited.change(|s| f(s.review_mut(&id.read_value())));
    };
    let current_number = edited.session.with_untracked(|s| s.number);
    let earlier_reviews = history
        .reviews
        .iter()
        .filter(|e| e.number < current_number)
        .map(HistoryEntry::summary)
        .collect::<Vec<_>>();
    let a = &history.assignment;
    let task = if a.task.trim().is_empty() {
        "(no task written)".to_string()
    } else {
        a.task.clone()
    };
    let group = |what: &str| format!("{what}-{}", id.read_value());

    view! {
        <li class="assignment review">
            <h3>{task.clone()}</h3>
            <p class="muted">
                {format!("Agreed in session {} · {}", history.assigned_in, a.kind.label())}
                {(!a.when.is_empty()).then(|| format!(" · {}", a.when))}
            </p>
            <ul class="history">
                {earlier_reviews.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <ChoiceChips<Completion>
                legend="Completion"
                name=group("completion")
                selected=move || review().completion
                on_pick=move |c| update(&|r| r.completion = Some(c))
            />
            <fieldset class="choices">
                <legend>"What got in the way"</legend>
                {Obstacle::ALL
                    .iter()
                    .map(|&o| {
                        view! {
                            <label class="chip-radio">
                                <input
                                    type="checkbox"
                                    prop:checked=move || review().obstacles.contains(&o)
                                    on:change=move |_| update(&|r| r.toggle_obstacle(o))
                                />
                                <span>{o.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=move || review().obstacles.contains(&Obstacle::Other)>
                <TextInput
                    label="Other obstacle"
                    value=(
                        move || review().obstacle_other,
                        move |v: String| update(&|r| r.obstacle_other = v.clone()),
                    )
                />
            </Show>
            <TextArea
                label="What was learned"
                rows=2
                value=(
                    move || review().learned,
                    move |v: String| update(&|r| r.learned = v.clone()),
                )
            />
            <ChoiceChips<Decision>
                legend="Decision"
                name=group("decision")
                selected=move || review().decision
                on_pick=move |c| update(&|r| r.decision = Some(c))
            />
            <p class="muted" aria-live="polite">
                {move || {
                    let r = review();
                    if !r.is_started() {
                        "Not reviewed yet.".to_string()
                    } else if r.closes() {
                        "Closed after this session.".to_string()
                    } else {
                        "Stays open for the next session.".to_string()
                    }
                }}
            </p>
        </li>
    }
}
