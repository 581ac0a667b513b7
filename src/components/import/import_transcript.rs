use crate::components::Crumbs;
use crate::components::FieldError;
use crate::components::TextArea;
use crate::components::TextInput;
use crate::components::TranscriptSegments;
use crate::model::import::{
    Accepted, ImportPlan, adopt_clinician, fill_session, match_client, new_client,
};
use crate::model::suggest::{HomeworkSource, suggest};
use crate::model::timeline::{format_clock, format_time_range};
use crate::model::transcript::{Transcript, parse};
use crate::model::{Client, Session, format_date};
use crate::platform::{chosen_file, file_text, new_id, now_ms, today};
use crate::route::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The client select's value for "a new client, named below".
const NEW: &str = "new";

/// Larger files would not fit beside the rest of the notes: the browser keeps
/// about 5.2 million characters per site in all.
const MAX_CHARS: usize = 2_000_000;

/// The suggestions whose box is ticked.
fn pick<T: Clone>(ticked: RwSignal<Vec<bool>>, items: &[T]) -> Vec<T> {
    ticked.with_untracked(|ticked| {
        items
            .iter()
            .zip(ticked)
            .filter(|(_, t)| **t)
            .map(|(item, _)| item.clone())
            .collect()
    })
}

fn read_transcript(text: &str) -> Result<Transcript, String> {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(format!(
            "This transcript has {chars} characters, more than this device can keep beside your notes \
             ({MAX_CHARS} at most). Nothing was imported."
        ));
    }
    parse(text).map_err(|e| e.to_string())
}

/// A transcript, from a file or pasted, becomes a session after a preview in
/// which the clinician accepts or rejects every suggestion. All on the device.
#[component]
pub fn ImportTranscript() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let parsed = RwSignal::new(None::<Result<Transcript, String>>);
    let read = move || parsed.set(Some(read_transcript(&text.get_untracked())));
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            match file_text(&file).await {
                // The page may have been left while the file was read.
                Some(content) => {
                    if text.try_set(content).is_none() {
                        read();
                    }
                }
                None => {
                    let _ = parsed.try_set(Some(Err(format!(
                        "“{}” could not be read as text. Nothing was imported.",
                        file.name()
                    ))));
                }
            }
        });
    };

    view! {
        <Crumbs />
        <h1>"Import a transcript"</h1>
        <p class="muted">
            "Choose a .txt or .md file, or paste the text. It is read on this device only; nothing is sent anywhere. You review everything before a session is created."
        </p>
        <section class="panel">
            <label class="field">
                <span>"Transcript file"</span>
                <input type="file" accept=".txt,.md,text/plain,text/markdown" on:change=on_file />
            </label>
            <TextArea
                label="Transcript text"
                rows=8
                placeholder="Session 14/24\nDate: July 31, 2025\n…"
                value=text
                on_text=Callback::new(move |v: String| text.set(v))
            />
            <button type="button" class="primary" on:click=move |_| read()>"Read transcript"</button>
        </section>
        {move || match parsed.get() {
            None => ().into_any(),
            Some(Err(message)) => view! { <p class="field-error" role="alert">{message}</p> }.into_any(),
            Some(Ok(transcript)) => view! { <ImportPreview transcript /> }.into_any(),
        }}
    }
}

#[component]
fn ImportPreview(transcript: Transcript) -> impl IntoView {
    let state = use_app_state();
    let header = transcript.header.clone();
    let (clients, problems) = state.peek(|s| s.clients());
    state.report_all(&problems);
    let matched = match_client(&clients, &header).map(|c| c.id.clone());
    // Sure of the client, or nobody on the roster yet: propose; otherwise ask.
    let proposed = match &matched {
        Some(id) => id.clone(),
        None if clients.iter().all(|c| c.archived) => NEW.into(),
        None => String::new(),
    };
    let choice = RwSignal::new(proposed.clone());
    // The client this preview created, so a retry after a refused write
    // files the session under it instead of creating a second one.
    let created = StoredValue::new(None::<Client>);
    let new_name = RwSignal::new(header.client_name.clone().unwrap_or_default());
    let clients = StoredValue::new(clients);
    let suggestions = suggest(&transcript);
    let take = |n: usize| RwSignal::new(vec![false; n]);
    let (take_interventions, take_themes, take_homework, take_reviews) = (
        take(suggestions.interventions.len()),
        take(suggestions.themes.len()),
        take(suggestions.homework.len()),
        take(suggestions.reviews.len()),
    );
    let set_all = move |value: bool| {
        for list in [take_interventions, take_themes, take_homework, take_reviews] {
            list.update(|v| v.iter_mut().for_each(|x| *x = value));
        }
    };
    let error = RwSignal::new(None::<String>);
    let chosen_client =
        move || clients.with_value(|cs| cs.iter().find(|c| c.id == choice.get()).cloned());
    // Read once per chosen client: the number and the clash check both need it.
    let earlier = Memo::new(move |_| match chosen_client() {
        Some(c) => state.read(|s| s.sessions_of(&c.id).0),
        None => Vec::new(),
    });
    let stored_header = StoredValue::new(header.clone());
    let plan = move || {
        let client = chosen_client();
        stored_header.with_value(|h| earlier.with(|e| ImportPlan::new(h, client.as_ref(), e)))
    };

    let suggestions = StoredValue::new(suggestions);
    let transcript = StoredValue::new(transcript);
    let create = move |_| {
        let header = transcript.with_value(|t| t.header.clone());
        if choice.get_untracked().is_empty() {
            error.set(Some("Choose the client this session belongs to.".into()));
            return;
        }
        let client = match chosen_client().or_else(|| created.get_value()) {
            Some(c) => c,
            None => match new_client(new_id(), &new_name.get_untracked(), &header, now_ms()) {
                Ok(c) if state.save_client(&c) => {
                    created.set_value(Some(c.clone()));
                    c
                }
                Ok(_) => return,
                Err(e) => {
                    error.set(Some(e.to_string()));
                    return;
                }
            },
        };
        error.set(None);
        let mut clinician = state.peek(|s| s.clinician()).unwrap_or_default();
        if let Some(adopted) = adopt_clinician(&clinician, &header) {
            state.save_clinician(adopted.clone());
            // Written now, so the session about to open is headed by it.
            state.flush();
            clinician = adopted;
        }
        let accepted = suggestions.with_value(|s| Accepted {
            interventions: pick(take_interventions, &s.interventions),
            themes: pick(take_themes, &s.themes),
            homework: pick(take_homework, &s.homework),
            reviews: pick(take_reviews, &s.reviews),
        });
        let earlier = state.peek(|s| s.sessions_of(&client.id).0);
        let mut session = Session::next(
            new_id(),
            &client.id,
            &earlier,
            today(),
            clinician.default_format,
            now_ms(),
        );
        fill_session(
            &mut session,
            transcript.get_value(),
            &accepted,
            &earlier,
            new_id,
        );
        if state.add_session(&session) {
            state.navigate(Route::Session(session.id));
        }
    };

    let tag_list =
        move |title: &'static str,
              list: RwSignal<Vec<bool>>,
              get: fn(&crate::model::suggest::Suggestions) -> Vec<(String, String)>| {
            let items = suggestions.with_value(get);
            view! {
                <fieldset class="suggestion-group">
                    <legend>{title}</legend>
                    {items.is_empty().then(|| view! { <p class="muted">"None found."</p> })}
                    {items
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, why))| {
                            view! {
                                <label class="suggestion">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || list.with(|v| v[i])
                                        on:change=move |ev| list.update(|v| v[i] = event_target_checked(&ev))
                                    />
                                    <span>
                                        <strong>{name}</strong>
                                        <span class="muted">{format!(" — {why}")}</span>
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
        };
    let start = header.start;
    let end = transcript.with_value(|t| t.end);
    let duration = transcript.with_value(|t| t.duration_minutes());

    view! {
        <section class="panel" aria-labelledby="preview-title">
            <h2 id="preview-title">"Preview"</h2>
            <div class="grid">
                <label class="field">
                    <span>"Client"</span>
                    <select on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="" disabled selected=proposed.is_empty()>
                            "Choose the client…"
                        </option>
                        <option value=NEW selected=proposed == NEW>
                            {format!(
                                "New client{}",
                                header.client_name.as_ref().map(|n| format!(": {n}")).unwrap_or_default(),
                            )}
                        </option>
                        {clients
                            .get_value()
                            .into_iter()
                            .map(|c| {
                                let selected = proposed == c.id;
                                view! { <option value=c.id.clone() selected=selected>{c.display_name()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <Show when=move || choice.get() == NEW>
                    <TextInput
                        label="New client's name or code"
                        value=new_name
                        on_text=Callback::new(move |v| new_name.set(v))
                    />
                </Show>
                <div class="field">
                    <span>"Session"</span>
                    <span class="value">{move || plan().title()}</span>
                </div>
                <div class="field">
                    <span>"Date"</span>
                    <span class="value">{header.date.map(format_date).unwrap_or_else(|| "Not given: today".into())}</span>
                </div>
                <div class="field">
                    <span>"Time"</span>
                    <span class="value">
                        {format_time_range(start, end).unwrap_or_else(|| "Not given".into())}
                        {duration.map(|d| format!(" ({d} min)"))}
                    </span>
                </div>
                <div class="field">
                    <span>"Clinician"</span>
                    <span class="value">
                        {[header.clinician_name.clone(), header.clinician_credentials.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(", ")}
                    </span>
                </div>
            </div>
            <Show when=move || plan().clash>
                <p class="hint">{move || format!("This client already has a session {}; this adds another.", plan().number)}</p>
            </Show>
        </section>
        <section class="panel" aria-labelledby="suggestions-title">
            <div class="section-head">
                <h2 id="suggestions-title">"Suggestions"</h2>
                <div class="card-actions">
                    <button type="button" on:click=move |_| set_all(true)>"Accept all"</button>
                    <button type="button" on:click=move |_| set_all(false)>"Reject all"</button>
                </div>
            </div>
            // Listed first, for review only: it never sets a risk level.
            {suggestions.with_value(|s| {
                (!s.risks.is_empty()).then(|| view! {
                    <div class="suggestion-group risk-review" role="group" aria-labelledby="risk-title">
                        <h3 id="risk-title">"Possible risk: review"</h3>
                        <ul>
                            {s.risks.iter().map(|r| {
                                let at = r.mark.map(|m| format!(" at {}", format_clock(m))).unwrap_or_default();
                                view! { <li>{format!("“{}”{at}", r.quote)}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            })}
            {tag_list("Interventions", take_interventions, |s| {
                s.interventions.iter().map(|t| (t.tag.clone(), format!("“{}”", t.evidence))).collect()
            })}
            {tag_list("Themes", take_themes, |s| {
                s.themes.iter().map(|t| (t.tag.clone(), format!("“{}”", t.evidence))).collect()
            })}
            {tag_list("Homework", take_homework, |s| {
                s.homework
                    .iter()
                    .map(|h| {
                        let who = match h.source {
                            HomeworkSource::Clinician => "assigned by the clinician",
                            HomeworkSource::Client => "the client's own commitment",
                        };
                        let at = h.mark.map(|m| format!(" at {}", format_clock(m))).unwrap_or_default();
                        (h.task.clone(), format!("{who}{at}"))
                    })
                    .collect()
            })}
            // Reviews of last session's homework, with what the client said about them.
            {tag_list("Homework review", take_reviews, |s| {
                use crate::model::Choice;
                s.reviews
                    .iter()
                    .map(|r| {
                        let at = r.mark.map(|m| format!(" at {}", format_clock(m))).unwrap_or_default();
                        let mut why = vec![format!("reviewed{at}")];
                        why.extend(r.completion.map(|c| c.label().to_string()));
                        why.extend(r.days.map(|d| format!("{d} day{}", if d == 1 { "" } else { "s" })));
                        why.extend(r.obstacle.as_ref().map(|o| format!("in the way: “{o}”")));
                        (r.task.clone(), why.join("; "))
                    })
                    .collect()
            })}
        </section>
        <FieldError message=error />
        <button type="button" class="primary" on:click=create>"Create session"</button>
        <section class="panel" aria-labelledby="segments-title">
            <h2 id="segments-title">"Transcript"</h2>
            <TranscriptSegments transcript=transcript.get_value() query=Signal::stored(String::new()) />
        </section>
    }
}
