use crate::components::effect;
use crate::model::hand_to_client::Handover;
use crate::model::measures::{Counts, Measure};
use leptos::prelude::*;

/// The measure's heading and instructions, as the published form has them.
#[component]
pub fn FormHeading(measure: Measure, #[prop(default = true)] instructions: bool) -> impl IntoView {
    view! {
        <h1>{measure.heading()}</h1>
        {instructions.then(|| view! { <p class="lead">{measure.instructions.clone()}</p> })}
    }
}

/// "Question 3 of 18", for the eye and for a screen reader.
#[component]
pub fn Progress(current: RwSignal<Handover>, noun: &'static str) -> impl IntoView {
    let (at, of) = current.with_untracked(|h| h.progress().unwrap_or((1, 1)));
    let text = format!("{noun} {at} of {of}");
    view! {
        <p class="progress-line">
            <progress max=of value=at aria-label=text.clone()></progress>
            <span>{text.clone()}</span>
        </p>
    }
}

/// The source line under every instrument.
#[component]
pub fn SourceLine(measure: Measure) -> impl IntoView {
    view! { <p class="source-line">{measure.source}</p> }
}

/// One item on its own: its answers as large buttons; choosing one goes on
/// to the next item. "Next" leaves an item unanswered.
#[component]
pub fn ItemPage(
    current: RwSignal<Handover>,
    measure: usize,
    item: usize,
    answer: Callback<(usize, usize, u8)>,
    next: Callback<()>,
    back: Callback<()>,
) -> impl IntoView {
    let form = current.with_untracked(|h| h.measures[measure].clone());
    let question = form.items[item].clone();
    let options = form.options_for(&question).to_vec();
    let chosen = move || current.with(|h| h.answer_to(measure, item));
    // The closing question on difficulty is not under the stem.
    let under_stem = question.counts != Counts::NotScored;
    // The button just pressed is gone with the last page: the new question
    // takes the focus, so a screen reader reads it and Tab starts there.
    let heading = NodeRef::<leptos::html::Legend>::new();
    effect(move || {
        if let Some(legend) = heading.get() {
            let _ = legend.focus();
        }
    });
    view! {
        <section class="panel client-page">
            <FormHeading measure=form.clone() instructions=under_stem />
            <Progress current noun="Question" />
            <fieldset class="plain answers">
                <legend class="item-text" tabindex="-1" node_ref=heading>
                    {question.text.clone()}
                </legend>
                {options
                    .into_iter()
                    .map(|option| {
                        let value = option.value;
                        view! {
                            <button
                                type="button"
                                class="answer"
                                aria-pressed=move || if chosen() == Some(value) { "true" } else { "false" }
                                on:click=move |_| {
                                    answer.run((measure, item, value));
                                    next.run(());
                                }
                            >
                                {option.label}
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="client-nav">
                <button type="button" on:click=move |_| back.run(())>"Back"</button>
                <button type="button" on:click=move |_| next.run(())>"Next"</button>
            </div>
            <SourceLine measure=form />
        </section>
    }
}

/// Every item of one measure on a page, each answer a large radio button.
#[component]
pub fn WholeForm(
    current: RwSignal<Handover>,
    measure: usize,
    answer: Callback<(usize, usize, u8)>,
    next: Callback<()>,
    back: Callback<()>,
) -> impl IntoView {
    let form = current.with_untracked(|h| h.measures[measure].clone());
    let last = current.with_untracked(|h| measure + 1 == h.measures.len());
    let items = form.items.iter().enumerate().map(|(item, question)| {
        let options = form.options_for(question).to_vec();
        let group = format!("m{measure}-i{item}");
        view! {
            <fieldset class="plain answers">
                <legend class="item-text">{format!("{}. {}", item + 1, question.text)}</legend>
                {options
                    .into_iter()
                    .map(|option| {
                        let value = option.value;
                        view! {
                            <label class="answer">
                                <input
                                    type="radio"
                                    name=group.clone()
                                    prop:checked=move || current.with(|h| h.answer_to(measure, item) == Some(value))
                                    on:change=move |_| answer.run((measure, item, value))
                                />
                                <span>{option.label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
    });
    view! {
        <section class="panel client-page">
            <FormHeading measure=form.clone() />
            <Progress current noun="Part" />
            {items.collect_view()}
            <div class="client-nav">
                <button type="button" on:click=move |_| back.run(())>"Back"</button>
                <button type="button" class="primary" on:click=move |_| next.run(())>
                    {if last { "Finish" } else { "Next" }}
                </button>
            </div>
            <SourceLine measure=form />
        </section>
    }
}
