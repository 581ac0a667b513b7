use crate::components::ChoiceSelect;
use crate::components::TextArea;
use crate::components::use_edited_session;
use crate::components::{FieldError, Refusal, left_field};
use crate::model::Session;
use crate::model::ratings::{RiskLevel, Scale};
use crate::platform::now_ms;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Scores and risk. A score out of range is refused, naming the range, and
/// the previous value stays.
#[component]
pub fn RatingsPanel() -> impl IntoView {
    let edited = use_edited_session();
    let session = edited.session;
    view! {
        <section class="panel ratings-panel" aria-labelledby="ratings-title">
            <h2 id="ratings-title">"Ratings and risk"</h2>
            <div class="grid">
                {Scale::ALL.into_iter().map(|scale| view! { <ScoreField scale /> }).collect_view()}
            </div>
            <div class="grid">
                <ChoiceSelect<RiskLevel>
                    label="Risk"
                    value=move || session.with(|s| s.risk.level)
                    on_pick=move |level| edited.change(|s| s.risk.level = level)
                />
                <TextArea
                    label="Risk notes"
                    rows=2
                    placeholder="Ideation, plan, intent, protective factors, actions taken"
                    value=(
                        move || session.with(|s| s.risk.note.clone()),
                        move |v: String| edited.type_into(|s| s.risk.note = v),
                    )
                />
            </div>
        </section>
    }
}

#[component]
fn ScoreField(scale: Scale) -> impl IntoView {
    let edited = use_edited_session();
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let shown = left_field(move || edited.session.with(|s| shown_score(s, scale)));
    view! {
        <div class="field">
            <label class="field">
                <span>{scale.label()}</span>
                <input
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-invalid=refused.invalid()
                    aria-describedby=refused.described_by()
                    prop:value=shown
                    on:change=move |ev| {
                        // Also fired as the page is left with this field focused.
                        let typed = event_target_value(&ev);
                        let set = |s: &mut Session| s.set_score_input(scale, &typed, now_ms());
                        if edited.try_change_telling(error, set) {
                            return;
                        }
                        // Put the kept value back in the field beside the message.
                        let kept = edited.session.try_with_untracked(|s| shown_score(s, scale));
                        let input = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        if let (Some(kept), Some(input)) = (kept, input) {
                            input.set_value(&kept);
                        }
                    }
                />
            </label>
            <FieldError message=refused />
        </div>
    }
}

fn shown_score(session: &Session, scale: Scale) -> String {
    session
        .score(scale)
        .map(|v| v.to_string())
        .unwrap_or_default()
}
