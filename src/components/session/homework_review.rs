use crate::components::use_edited_session;
use crate::components::{ChoiceChips, TextArea, TextInput};
use crate::model::Choice;
use crate::model::Session;
use crate::model::homework::{
    AssignmentHistory, Completion, Decision, HistoryEntry, Obstacle, Review, due_for_review,
    unfolded_first,
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
                unfolded_first(due_for_review(&records, current.number), current.number)
            })
        })
    });

    view! {
        <Show when=move || due.with(|d| !d.is_empty())>
            <section class="panel" aria-labelledby="review-title">
                <h2 id="review-title">"Homework review"</h2>
                <ol role="list" class="homework-list" aria-label="Homework to review">
                    <For
                        each=move || due.get()
                        key=|(h, _)| h.assignment.id.clone()
                        children=move |(history, unfolded)| view! { <ReviewItem history unfolded /> }
                    />
                </ol>
            </section>
        </Show>
    }
}

/// One assignment to review. Folded, only its task and when it was agreed
/// show; the form is built the first time it is opened, so a course with many
/// untouched assignments opens as fast as one with a few.
#[component]
fn ReviewItem(history: AssignmentHistory, unfolded: bool) -> impl IntoView {
    let a = &history.assignment;
    let task = if a.task.trim().is_empty() {
        "(no task written)".to_string()
    } else {
        a.task.clone()
    };
    let agreed = format!(
        "Agreed in session {} · {}{}",
        history.assigned_in,
        a.kind.label(),
        if a.when.is_empty() {
            String::new()
        } else {
            format!(" · {}", a.when)
        }
    );
    if unfolded {
        return view! {
            <li class="assignment review">
                <h3>{task}</h3>
                <p class="muted">{agreed}</p>
                <ReviewForm history />
            </li>
        }
        .into_any();
    }
    let current = use_edited_session().session.with_untracked(|s| s.number);
    let since = match history.last_reviewed_before(current) {
        Some(n) => format!("last reviewed in session {n}"),
        None => "not reviewed yet".to_string(),
    };
    let opened = RwSignal::new(false);
    view! {
        <li class="assignment review folded">
            <details on:toggle=move |_| opened.set(true)>
                <summary>
                    <h3>{task}</h3>
                    <span class="header-line muted">{format!("{agreed} · {since}")}</span>
                    <span class="header-toggle">"Review"</span>
                </summary>
                {move || opened.get().then(|| view! { <ReviewForm history=history.clone() /> })}
            </details>
        </li>
    }
    .into_any()
}

/// The review of one assignment in this session: its earlier reviews, then
/// completion, what got in the way, what was learned and the decision.
#[component]
fn ReviewForm(history: AssignmentHistory) -> impl IntoView {
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
    // Text typed: the other panels hear of it once the typing pauses.
    let type_in = move |f: &dyn Fn(&mut Review)| {
        edited.type_into(|s| f(s.review_mut(&id.read_value())));
    };
    let current_number = edited.session.with_untracked(|s| s.number);
    let earlier_reviews = history
        .reviews
        .iter()
        .filter(|e| e.number < current_number)
        .map(HistoryEntry::summary)
        .collect::<Vec<_>>();
    let group = |what: &str| format!("{what}-{}", id.read_value());

    view! {
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
                        move |v: String| type_in(&|r| r.obstacle_other = v.clone()),
                    )
                />
            </Show>
            <TextArea
                label="What was learned"
                rows=2
                value=(
                    move || review().learned,
                    move |v: String| type_in(&|r| r.learned = v.clone()),
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
    }
}
