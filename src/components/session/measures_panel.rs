use crate::components::use_edited_session;
use crate::components::{ConfirmButton, FieldError, ListSelect, Refusal, selected_index};
use crate::model::measures::{
    self, AnswerError, Answered, Measure, MeasureAnswers, Respondent, answered_by,
};
use crate::model::{Choice, Clinician};
use crate::platform::now_ms;
use leptos::prelude::*;

/// The measures given in this session: what the course has due, and each
/// completion entered item by item, from the client's paper form or as the
/// clinician's rating, with its total worked out (or why there is none).
#[component]
pub fn MeasuresPanel(
    /// Ids of the measures the course's schedule has due in this session.
    due: Vec<String>,
    /// Their own measures (every version, to read answers given under an
    /// earlier one) and which they have retired.
    clinician: Clinician,
) -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    let offered = clinician.measures_to_give();
    // A retired measure is due no more, though a course may still schedule it.
    let due: Vec<String> = due
        .into_iter()
        .filter(|id| !clinician.is_retired(id))
        .collect();
    let custom = clinician.measures;
    let name_of = {
        let offered = offered.clone();
        move |id: &str| {
            offered
                .iter()
                .find(|m| m.id == id)
                .map_or_else(|| id.to_string(), |m| m.name.clone())
        }
    };
    let due_line = move || {
        let given = |id: &String| session.with(|s| s.measure_answers(id).is_some());
        let words: Vec<String> = due
            .iter()
            .map(|id| match given(id) {
                true => format!("{} (given)", name_of(id)),
                false => format!("{} (not yet given)", name_of(id)),
            })
            .collect();
        (!words.is_empty()).then(|| format!("Due this session: {}.", words.join(", ")))
    };
    let picked = RwSignal::new(0usize);
    let by = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let start = {
        let offered = offered.clone();
        move |_| {
            let Some(measure) = offered.get(picked.get_untracked()) else {
                return;
            };
            let by = ANSWERED_HERE
                .get(by.get_untracked())
                .copied()
                .unwrap_or(Respondent::Paper);
            let answers = MeasureAnswers::blank(measure, by, now_ms());
            let name = measure.name.clone();
            edited.try_change_telling(error, |s| match s.measure_answers(&answers.measure) {
                Some(_) => Err(format!(
                    "This session already holds a {name}: change its answers below."
                )),
                None => {
                    s.record_measure(answers);
                    Ok(())
                }
            });
        }
    };
    let titles: Vec<String> = offered.iter().map(|m| m.title.clone()).collect();
    // Every version, to read answers given under an earlier one.
    let all = StoredValue::new([measures::library(), custom].concat());
    view! {
        <section class="panel measures-panel" aria-labelledby="measures-title">
            <h2 id="measures-title">"Measures"</h2>
            <p class="due">{due_line}</p>
            <div class="grid">
                <ListSelect label="Measure" options=titles picked />
                <ListSelect label="Answered by" options=ANSWERED_HERE.iter().map(|r| r.label().to_string()).collect() picked=by />
            </div>
            <button type="button" on:click=start>"Enter answers"</button>
            <FieldError message=Refusal::new(error) />
            // Drawn again when a completion's version or kind changes (a
            // typed total replaced by answers from the tablet, say).
            <For
                each=move || session.with(|s| s.measures.iter().map(shape).collect::<Vec<_>>())
                key=Clone::clone
                children=move |(id, _, _)| view! { <Completion id all /> }
            />
        </section>
    }
}

/// What a completion's form is drawn from: its measure, version and whether only a total was kept.
fn shape(answers: &MeasureAnswers) -> (String, u32, bool) {
    let total_only = matches!(answers.answered, Answered::TotalOnly { .. });
    (answers.measure.clone(), answers.version, total_only)
}

/// Who can give answers in the session form; the client answers on the tablet.
const ANSWERED_HERE: [Respondent; 2] = [Respondent::Paper, Respondent::Clinician];

/// One completion: its items to answer, total and subscales, source line.
#[component]
fn Completion(id: String, all: StoredValue<Vec<Measure>>) -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    let answers = {
        let id = id.clone();
        move || session.with(|s| s.measure_answers(&id).cloned())
    };
    let Some(given) = answers() else {
        return ().into_any();
    };
    let Some(measure) = all.with_value(|all| measures::find(all, &given)) else {
        let text = format!(
            "{} (version {}): this measure is not on this device, so its answers cannot be shown.",
            given.measure, given.version
        );
        return view! { <p class="muted">{text}</p> }.into_any();
    };
    let measure = StoredValue::new(measure);
    let title_id = format!("measure-{id}");
    let labelled_by = title_id.clone();
    if let Answered::TotalOnly { .. } = given.answered {
        // Follows the total typed under "Ratings and risk".
        let line = move || answers().map(|a| measure.with_value(|m| m.summary(&a)));
        return view! { <p class="measure-summary">{line}</p> }.into_any();
    }
    let error = RwSignal::new(None::<String>);
    let answer = move |number: usize, value: Option<u8>| {
        edited.try_change_telling(error, |s| {
            let Some(mut changed) = s
                .measure_answers(&measure.with_value(|m| m.id.clone()))
                .cloned()
            else {
                return Ok::<(), AnswerError>(());
            };
            measure.with_value(|m| changed.answer(m, number, value))?;
            s.record_measure(changed);
            Ok(())
        });
    };
    let total = {
        let answers = answers.clone();
        Memo::new(move |_| {
            let given = answers()?;
            measure.with_value(|m| {
                let scored = m.score(&given).ok()?;
                let subscales = m.subscale_lines(&scored);
                Some((m.total_line(&scored), subscales))
            })
        })
    };
    let value_of = {
        let answers = answers.clone();
        move |number: usize| {
            answers().and_then(|a| match a.answered {
                Answered::Items { values, .. } => values.get(number - 1).copied().flatten(),
                Answered::TotalOnly { .. } => None,
            })
        }
    };
    let remove = {
        let id = id.clone();
        move |()| edited.change(|s| drop(s.remove_measure(&id)))
    };
    let name = measure.with_value(|m| m.name.clone());
    let items = measure.with_value(|m| {
        m.items
            .iter()
            .zip(1..)
            .map(|(item, number)| {
                let options = m.options_for(item).to_vec();
                let value_of = value_of.clone();
                let shown = move || value_of(number);
                let values: Vec<u8> = options.iter().map(|o| o.value).collect();
                view! {
                    <label class="field measure-item">
                        <span>{format!("{number}. {}", item.text)}</span>
                        <select on:change=move |ev| {
                            // Option 0 is "Not answered"; then the item's answers in order.
                            let picked = selected_index(&ev).and_then(|i| i.checked_sub(1)).and_then(|i| values.get(i).copied());
                            answer(number, picked);
                        }>
                            <option prop:selected={let shown = shown.clone(); move || shown().is_none()}>"Not answered"</option>
                            {options.into_iter().map(|o| {
                                let shown = shown.clone();
                                view! { <option prop:selected=move || shown() == Some(o.value)>{format!("{} — {}", o.value, o.label)}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                }
            })
            .collect_view()
    });
    view! {
        <fieldset class="measure" aria-labelledby=labelled_by>
            <h3 id=title_id>{measure.with_value(|m| m.title.clone())}</h3>
            <p class="muted">{
                let answers = answers.clone();
                move || answers().map(|a| format!("Answered by {}.", answered_by(&a)))
            }</p>
            <p class="instructions">{measure.with_value(|m| m.instructions.clone())}</p>
            {items}
            <p class="measure-total" aria-live="polite">
                {move || total.get().map(|(line, _)| line)}
            </p>
            <ul class="subscales">
                {move || total.get().map(|(_, subscales)| subscales.into_iter().map(|s| view! { <li>{s}</li> }).collect_view())}
            </ul>
            <FieldError message=Refusal::new(error) />
            <p class="source">{measure.with_value(|m| m.source.clone())}</p>
            // Asked first: every answer goes, and there is no undo.
            <ConfirmButton
                label=format!("Remove {name}")
                question=format!("Remove the {name} and every answer to it from this session? It cannot be brought back.")
                confirm="Remove"
                on_confirm=remove
            />
        </fieldset>
    }
    .into_any()
}
