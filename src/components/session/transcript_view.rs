use crate::components::ScrollRegion;
use crate::model::clock::format_time;
use crate::model::transcript::{Item, Role, Transcript};
use leptos::prelude::*;

fn role_class(role: &Role) -> &'static str {
    match role {
        Role::Clinician => "turn clinician",
        Role::Client => "turn client",
        Role::Unknown => "turn",
    }
}

/// A transcript as time-marked segments of speaker turns. With `query`,
/// only what [`Transcript::find`] finds is shown, so a long transcript can be searched.
#[component]
pub fn TranscriptSegments(
    transcript: Transcript,
    #[prop(into)] query: Signal<String>,
) -> impl IntoView {
    let transcript = StoredValue::new(transcript);
    let shown = move || {
        let query = query.get();
        transcript.with_value(|t| t.find(&query))
    };
    view! {
        <div class="transcript">
            {move || {
                shown()
                    .into_iter()
                    .map(|segment| {
                        view! {
                            <section class="segment">
                                <h3>{segment.mark.map(format_time).unwrap_or_else(|| "No time mark".into())}</h3>
                                {segment
                                    .items
                                    .into_iter()
                                    .map(|item| match item {
                                        Item::Turn { speaker, role, text } => {
                                            view! {
                                                <p class=role_class(&role)>
                                                    <strong>{speaker}": "</strong>
                                                    <span class="turn-text">{text}</span>
                                                </p>
                                            }
                                                .into_any()
                                        }
                                        Item::Direction(text) => {
                                            view! { <p class="direction">{format!("({text})")}</p> }.into_any()
                                        }
                                    })
                                    .collect_view()}
                            </section>
                        }
                    })
                    .collect_view()
            }}
            {transcript.with_value(|t| t.ended).then(|| view! { <p class="direction">"(End of session)"</p> })}
        </div>
    }
}

/// The transcript a session was imported from, folded away until wanted. Its
/// turns are built only once it is opened: a long transcript costs nothing
/// while the clinician writes.
#[component]
pub fn TranscriptPanel(transcript: Transcript) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let turns = transcript.turns().count();
    let transcript = StoredValue::new(transcript);
    view! {
        <details
            class="panel transcript-panel"
            on:toggle=move |ev| {
                let details = event_target::<web_sys::HtmlDetailsElement>(&ev);
                open.set(details.open());
            }
        >
            <summary><h2>{format!("Transcript ({turns} turns)")}</h2></summary>
            <Show when=move || open.get()>
                <label class="field">
                    <span>"Find in transcript"</span>
                    <input
                        type="search"
                        bind:value=query
                    />
                </label>
                <ScrollRegion label="Transcript turns" class="transcript-scroll">
                    <TranscriptSegments transcript=transcript.get_value() query />
                </ScrollRegion>
            </Show>
        </details>
    }
}
