use crate::model::clock::said_at;
use crate::model::suggest::RiskSuggestion;
use chrono::NaiveTime;
use leptos::prelude::*;

/// What the client said that the clinician must look at before the session
/// is created: one entry per kind of risk, every sentence of it with its
/// time. For review only: it never sets a risk level.
#[component]
pub fn RiskReview(risks: Vec<RiskSuggestion>) -> impl IntoView {
    let said = |(quote, mark): (&str, Option<NaiveTime>)| format!("“{quote}”{}", said_at(mark));
    view! {
        <div class="suggestion-group risk-review" role="group" aria-labelledby="risk-title">
            <h3 id="risk-title">"Possible risk: review"</h3>
            <ul>
                {risks
                    .iter()
                    .map(|r| {
                        let mut sentences = r.sentences();
                        let first = sentences.next().map(said);
                        let more: Vec<String> = sentences.map(said).collect();
                        view! {
                            <li>
                                <strong>{format!("{}: ", r.heading())}</strong>
                                {first}
                                {(!more.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul class="risk-more">
                                                {more.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
