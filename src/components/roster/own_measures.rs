use crate::components::{FieldError, Refusal, TextArea, TextInput};
use crate::model::Clinician;
use crate::model::measures::{OwnMeasureText, keep_own};
use crate::platform::new_id;
use leptos::prelude::*;

/// The clinician's own measures under "Your details": items, one response
/// scale, reverse items and bands, typed a line each. Saved like the rest
/// of these details; a changed measure is kept as a new version, so answers
/// already given are still read by the wording they were given under. A
/// measure no longer used is retired, never deleted.
#[component]
pub fn OwnMeasures(
    profile: RwSignal<Clinician>,
    #[prop(into)] on_change: Callback<Clinician>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let instructions = RwSignal::new(String::new());
    let items = RwSignal::new(String::new());
    let reversed = RwSignal::new(Vec::<usize>::new());
    let scale = RwSignal::new(String::new());
    let bands = RwSignal::new(String::new());
    // The measure being changed, or `None` for a new one.
    let editing = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let typed = move || OwnMeasureText {
        name: name.get_untracked(),
        instructions: instructions.get_untracked(),
        items: items.get_untracked(),
        reversed: reversed.get_untracked(),
        scale: scale.get_untracked(),
        bands: bands.get_untracked(),
    };
    let fill = move |text: OwnMeasureText| {
        name.set(text.name);
        instructions.set(text.instructions);
        items.set(text.items);
        reversed.set(text.reversed);
        scale.set(text.scale);
        bands.set(text.bands);
    };
    let save = move |_| {
        let text = typed();
        let id = editing
            .get_untracked()
            .unwrap_or_else(|| format!("own-{}", new_id()));
        let mut kept = profile.with_untracked(|p| p.measures.clone());
        match keep_own(&mut kept, &text, id) {
            Ok(()) => {
                error.set(None);
                editing.set(None);
                fill(OwnMeasureText::default());
                if let Some(updated) = profile.try_update(|p| {
                    p.measures = kept;
                    p.clone()
                }) {
                    on_change.run(updated);
                }
            }
            Err(why) => error.set(Some(why.to_string())),
        }
    };
    // Retired, a measure is offered nowhere new; its answers stay in every
    // session and chart, so nothing is removed.
    let retire = move |id: String, retired: bool| {
        if editing.with_untracked(|e| e.as_ref() == Some(&id)) {
            editing.set(None);
            fill(OwnMeasureText::default());
        }
        if let Some(updated) = profile.try_update(|p| {
            p.retire_measure(&id, retired);
            p.clone()
        }) {
            on_change.run(updated);
        }
    };
    let item_list = move || {
        items.with(|text| {
            OwnMeasureText {
                items: text.clone(),
                ..OwnMeasureText::default()
            }
            .item_lines()
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="own-measures" aria-labelledby="own-measures-title">
            <h3 id="own-measures-title">"Your measures"</h3>
            <ul>
                {move || profile.with(|p| {
                    p.own_measures().into_iter().map(|(m, retired)| {
                        let id = StoredValue::new(m.id.clone());
                        let text = OwnMeasureText::from_measure(m);
                        let name = m.name.clone();
                        let line = match retired {
                            true => format!("{} ({} items) · retired", m.name, m.items.len()),
                            false => format!("{} ({} items)", m.name, m.items.len()),
                        };
                        view! {
                            <li>
                                <span>{line}</span>
                                {(!retired).then(|| view! {
                                    <button type="button" on:click=move |_| {
                                        editing.set(Some(id.get_value()));
                                        fill(text.clone());
                                    }>{format!("Change {name}")}</button>
                                })}
                                <button type="button" on:click=move |_| retire(id.get_value(), !retired)>
                                    {match retired {
                                        true => format!("Give {} again", m.name),
                                        false => format!("Retire {}", m.name),
                                    }}
                                </button>
                            </li>
                        }
                    }).collect_view()
                })}
            </ul>
            <div class="grid">
                <TextInput label="Measure name" value=name />
                <TextArea label="Instructions" rows=2 value=instructions />
                <TextArea label="Items, one per line" rows=4 value=items />
                <TextArea label="Answers, one per line: value then label" placeholder="0 Never" rows=4 value=scale />
                <TextArea label="Bands, one per line: totals then name (optional)" placeholder="0–4 Low" rows=3 value=bands />
            </div>
            <fieldset class="plain reverse-items">
                <legend>"Scored in reverse"</legend>
                {move || item_list().into_iter().zip(1..).map(|(text, number)| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || reversed.with(|r| r.contains(&number))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                reversed.update(|r| {
                                    r.retain(|n| *n != number);
                                    if on {
                                        r.push(number);
                                    }
                                });
                            }
                        />
                        <span>{format!("{number}. {text}")}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <button type="button" on:click=save aria-describedby=refused.described_by()>
                {move || if editing.with(Option::is_some) { "Save changes to measure" } else { "Add measure" }}
            </button>
            <FieldError message=refused />
        </section>
    }
}
