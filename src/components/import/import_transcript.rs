use super::recording_fields::RecordingFields;
use super::risk_review::RiskReview;
use crate::components::Crumbs;
use crate::components::TextArea;
use crate::components::TextInput;
use crate::components::TranscriptSegments;
use crate::components::{FieldError, Refusal, ShowIf, effect};
use crate::model::clock::{format_duration, format_time_range, said_at};
use crate::model::import::{
    Accepted, ImportPlan, adopt_clinician, fill_session, match_client, new_client,
};
use crate::model::suggest::{HomeworkSource, TagSuggestion, prepare, suggest_with};
use crate::model::tags::Tags;
use crate::model::transcript::{Confirmed, Reading, check_file_size, read};
use crate::model::{Client, Session, format_date};
use crate::platform::{after_paint, chosen_file, file_text, new_id, now_ms, today};
use crate::route::Route;
use crate::state::{use_navigation, use_records};
use leptos::prelude::*;

/// The client select's value for "a new client, named below".
const NEW: &str = "new";

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

fn read_transcript(text: &str, file_name: Option<&str>) -> Result<Reading, String> {
    read(text, file_name).map_err(|e| e.to_string())
}

/// A transcript, from a file or pasted, becomes a session after a preview in
/// which the clinician accepts or rejects every suggestion. All on the device.
#[component]
pub fn ImportTranscript() -> impl IntoView {
    let records = use_records();
    // What the suggestions need besides the transcript takes a moment: the
    // phrase automata to build, and every session to read for the tags the
    // clinician made up. Done once this screen has painted, while a file is
    // chosen, not after it.
    let own = StoredValue::new(None::<Tags>);
    after_paint(move || {
        // Left before it painted: nothing to read for.
        if own.is_disposed() {
            return;
        }
        prepare();
        own.set_value(Some(records.own_tags()));
    });
    let text = RwSignal::new(String::new());
    // The chosen file's name, which may give the client, number and date;
    // forgotten once the text is edited.
    let file_name = RwSignal::new(None::<String>);
    let parsed = RwSignal::new(None::<Result<Reading, String>>);
    // Why the text is not a transcript this can read, beside the text.
    let refused = Refusal::new(Signal::derive(move || {
        parsed.with(|p| p.as_ref().and_then(|r| r.as_ref().err().cloned()))
    }));
    let read = move || {
        let name = file_name.get_untracked();
        parsed.set(Some(read_transcript(
            &text.get_untracked(),
            name.as_deref(),
        )))
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        if let Err(too_long) = check_file_size(file.size()) {
            return parsed.set(Some(Err(too_long.to_string())));
        }
        leptos::task::spawn_local(async move {
            match file_text(&file).await {
                // The page may have been left while the file was read.
                Some(content) => {
                    let _ = file_name.try_set(Some(file.name()));
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
            "Choose a .txt, .md, .vtt or .srt file (transcripts from Zoom, Teams or a transcription service read too), or paste the text. It is read on this device only; nothing is sent anywhere. You review everything before a session is created."
        </p>
        <section class="panel">
            <label class="field">
                <span>"Transcript file"</span>
                <input type="file" accept=".txt,.md,.vtt,.srt,text/plain,text/markdown,text/vtt" on:change=on_file />
            </label>
            <TextArea
                label="Transcript text"
                rows=8
                placeholder="Session 14/24\nDate: July 31, 2025\n…"
                value=(
                    move || text.get(),
                    move |v: String| {
                        // Typed text names no file.
                        file_name.set(None);
                        text.set(v);
                    },
                )
                refused
            />
            <button type="button" class="primary" on:click=move |_| read()>"Read transcript"</button>
        </section>
        <FieldError message=refused />
        {move || {
            parsed.get().and_then(Result::ok).map(|reading| {
                let own = own.get_value().unwrap_or_else(|| records.own_tags());
                view! { <ImportPreview reading own /> }
            })
        }}
    }
}

#[component]
fn ImportPreview(
    reading: Reading,
    /// The tags the clinician made up on earlier sessions, looked for too.
    own: Tags,
) -> impl IntoView {
    let records = use_records();
    let navigation = use_navigation();
    let recording = reading.format.is_elapsed();
    let speakers = reading.speakers();
    let me_name = records.clinician().unwrap_or_default().name;
    let first = &reading.transcript.header;
    // What a recording cannot say, confirmed here; a plain transcript says it all.
    let me = RwSignal::new(reading.guess_me(&me_name));
    let start = RwSignal::new(first.start);
    let date = RwSignal::new(first.date);
    let number = RwSignal::new(None::<u32>);
    let reading = StoredValue::new(reading);
    let transcript = Memo::new(move |_| {
        let confirmed = Confirmed {
            me: me.get(),
            start: start.get(),
            date: date.get(),
            number: number.get(),
        };
        reading.with_value(|r| r.confirm(&confirmed))
    });
    let header = transcript.with_untracked(|t| t.header.clone());
    let (clients, _) = records.clients();
    // Sure of the client, or nobody on the roster yet: propose; otherwise ask.
    let propose =
        move |clients: &[Client], header: &crate::model::transcript::Header| match match_client(
            clients, header,
        ) {
            Some(c) => c.id.clone(),
            None if clients.iter().all(|c| c.archived) => NEW.into(),
            None => String::new(),
        };
    let proposed = propose(&clients, &header);
    let choice = RwSignal::new(proposed.clone());
    // The client this preview created, so a retry after a refused write
    // files the session under it instead of creating a second one.
    let created = StoredValue::new(None::<Client>);
    let new_name = RwSignal::new(header.client_name.clone().unwrap_or_default());
    let clients = StoredValue::new(clients);
    // Another speaker chosen as "you" makes another speaker the client.
    let on_me = Callback::new(move |picked: Option<String>| {
        me.set(picked);
        let header = transcript.with_untracked(|t| t.header.clone());
        if let Some(name) = header.client_name.clone() {
            new_name.set(name);
        }
        let id = clients.with_value(|cs| propose(cs, &header));
        if !id.is_empty() {
            choice.set(id);
        }
    });
    // Suggestions follow the roles and marks; ticks are kept while the same
    // things are suggested.
    let suggestions = Memo::new(move |_| transcript.with(|t| suggest_with(t, &own)));
    let take = |n: usize| RwSignal::new(vec![false; n]);
    let (take_interventions, take_themes, take_homework, take_reviews) = suggestions
        .with_untracked(|s| {
            (
                take(s.interventions.len()),
                take(s.themes.len()),
                take(s.homework.len()),
                take(s.reviews.len()),
            )
        });
    let shown = StoredValue::new(suggestions.with_untracked(suggestion_key));
    effect(move || {
        let key = suggestions.with(suggestion_key);
        if shown.with_value(|k| *k != key) {
            suggestions.with_untracked(|s| {
                take_interventions.set(vec![false; s.interventions.len()]);
                take_themes.set(vec![false; s.themes.len()]);
                take_homework.set(vec![false; s.homework.len()]);
                take_reviews.set(vec![false; s.reviews.len()]);
            });
            shown.set_value(key);
        }
    });
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
        Some(c) => records.sessions_of(&c.id).0,
        None => Vec::new(),
    });
    let plan = move || {
        let client = chosen_client();
        transcript.with(|t| earlier.with(|e| ImportPlan::new(&t.header, client.as_ref(), e)))
    };

    let create = move |_| {
        let header = transcript.with_untracked(|t| t.header.clone());
        if recording && me.get_untracked().is_none() && !speakers_empty(reading) {
            error.set(Some("Choose which speaker is you.".into()));
            return;
        }
        if recording && start.get_untracked().is_none() {
            error.set(Some(
                "Enter the time the session started: the recording's times count from it.".into(),
            ));
            return;
        }
        if choice.get_untracked().is_empty() {
            error.set(Some("Choose the client this session belongs to.".into()));
            return;
        }
        let client = match chosen_client().or_else(|| created.get_value()) {
            Some(c) => c,
            None => match new_client(new_id(), &new_name.get_untracked(), &header, now_ms()) {
                Ok(c) if records.commit(&c) => {
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
        let mut clinician = records.clinician().unwrap_or_default();
        if let Some(adopted) = adopt_clinician(&clinician, &header) {
            records.edit(adopted.clone());
            // Written now, so the session about to open is headed by it.
            records.flush();
            clinician = adopted;
        }
        let accepted = suggestions.with_untracked(|s| Accepted {
            interventions: pick(take_interventions, &s.interventions),
            themes: pick(take_themes, &s.themes),
            homework: pick(take_homework, &s.homework),
            reviews: pick(take_reviews, &s.reviews),
        });
        let earlier = records.sessions_of(&client.id).0;
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
            transcript.get_untracked(),
            &accepted,
            &earlier,
            new_id,
        );
        if records.commit(&session) {
            navigation.navigate(Route::Session(session.id));
        }
    };

    let tag_list =
        move |title: &'static str,
              list: RwSignal<Vec<bool>>,
              get: fn(&crate::model::suggest::Suggestions) -> Vec<Reasoned>| {
            view! {
                <fieldset class="suggestion-group">
                    <legend>{title}</legend>
                    {move || {
                        let items = suggestions.with(get);
                        let none = items.is_empty().then(|| view! { <p class="muted">"None found."</p> });
                        let boxes = items
                            .into_iter()
                            .enumerate()
                            .map(|(i, Reasoned { name, why, examples })| {
                                // The examples sit outside the label, so the checkbox keeps a short name.
                                let examples = (!examples.is_empty()).then(|| view! {
                                    <ul class="suggestion-examples" aria-label=format!("Examples for {name}")>
                                        {examples.into_iter().map(|e| view! { <li>{format!("“{e}”")}</li> }).collect_view()}
                                    </ul>
                                });
                                view! {
                                    <label class="suggestion">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || list.with(|v| v.get(i).copied().unwrap_or(false))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                list.update(|v| {
                                                    if let Some(x) = v.get_mut(i) {
                                                        *x = on;
                                                    }
                                                })
                                            }
                                        />
                                        <span>
                                            <strong>{name}</strong>
                                            <span class="muted">{format!(" — {why}")}</span>
                                        </span>
                                    </label>
                                    {examples}
                                }
                            })
                            .collect_view();
                        (none, boxes)
                    }}
                </fieldset>
            }
        };
    let length = reading.with_value(|r| r.duration_minutes());
    let time_label = move || {
        transcript.with(|t| {
            let range = format_time_range(t.header.start, t.end);
            let range = match (range, recording) {
                (Some(r), _) => r,
                (None, true) => "Enter the start time".into(),
                (None, false) => "Not given".into(),
            };
            let minutes = if recording {
                length
            } else {
                t.duration_minutes()
            };
            format!(
                "{range}{}",
                minutes
                    .map(|d| format!(" ({})", format_duration(d)))
                    .unwrap_or_default()
            )
        })
    };
    let clinician_label = move || {
        transcript.with(|t| {
            [
                t.header.clinician_name.clone(),
                t.header.clinician_credentials.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
        })
    };
    let new_client_label = move || {
        transcript.with(|t| {
            format!(
                "New client{}",
                t.header
                    .client_name
                    .as_ref()
                    .map(|n| format!(": {n}"))
                    .unwrap_or_default()
            )
        })
    };
    let recording_fields = recording.then(|| {
        view! {
            <RecordingFields
                speakers=speakers
                me
                on_me
                start
                date
                number
                planned_number=Signal::derive(move || plan().number)
            />
        }
    });

    view! {
        <section class="panel" aria-labelledby="preview-title">
            <h2 id="preview-title">"Preview"</h2>
            <div class="grid">
                <label class="field">
                    <span>"Client"</span>
                    <select on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="" disabled selected=proposed.is_empty() prop:selected=move || choice.with(String::is_empty)>
                            "Choose the client…"
                        </option>
                        <option value=NEW selected=proposed == NEW prop:selected=move || choice.get() == NEW>
                            {new_client_label}
                        </option>
                        {clients
                            .get_value()
                            .into_iter()
                            .map(|c| {
                                let selected = proposed == c.id;
                                let id = c.id.clone();
                                view! {
                                    <option value=c.id.clone() selected=selected prop:selected=move || choice.with(|x| *x == id)>
                                        {c.display_name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <ShowIf when=move || choice.get() == NEW>
                    <TextInput
                        label="New client's name or code"
                        value=new_name
                    />
                </ShowIf>
                {recording_fields}
                <div class="field">
                    <span>"Session"</span>
                    <span class="value">{move || plan().title()}</span>
                </div>
                {(!recording).then(|| view! {
                    <div class="field">
                        <span>"Date"</span>
                        <span class="value">{header.date.map(format_date).unwrap_or_else(|| "Not given: today".into())}</span>
                    </div>
                })}
                <div class="field">
                    <span>"Time"</span>
                    <span class="value">{time_label}</span>
                </div>
                <div class="field">
                    <span>"Clinician"</span>
                    <span class="value">{clinician_label}</span>
                </div>
            </div>
            <ShowIf when=move || plan().clash>
                <p class="hint">{move || format!("This client already has a session {}; this adds another.", plan().number)}</p>
            </ShowIf>
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
            {move || suggestions.with(|s| (!s.risks.is_empty()).then(|| view! { <RiskReview risks=s.risks.clone() /> }))}
            {tag_list("Interventions", take_interventions, |s| s.interventions.iter().map(Reasoned::tag).collect())}
            {tag_list("Themes", take_themes, |s| s.themes.iter().map(Reasoned::tag).collect())}
            {tag_list("Homework", take_homework, |s| {
                s.homework
                    .iter()
                    .map(|h| {
                        let who = match h.source {
                            HomeworkSource::Clinician => "assigned by the clinician",
                            HomeworkSource::Client => "the client's own commitment",
                        };
                        let at = said_at(h.mark);
                        Reasoned::new(h.task.clone(), format!("{who}{at}"))
                    })
                    .collect()
            })}
            // Reviews of last session's homework, with what the client said about them.
            {tag_list("Homework review", take_reviews, |s| {
                use crate::model::Choice;
                s.reviews
                    .iter()
                    .map(|r| {
                        let at = said_at(r.mark);
                        let mut why = vec![format!("reviewed{at}")];
                        why.extend(r.completion.map(|c| c.label().to_string()));
                        why.extend(r.days.map(|d| format!("{d} day{}", if d == 1 { "" } else { "s" })));
                        why.extend(r.obstacle.as_ref().map(|o| format!("in the way: “{o}”")));
                        Reasoned::new(r.task.clone(), why.join("; "))
                    })
                    .collect()
            })}
        </section>
        <FieldError message=error />
        <button type="button" class="primary" on:click=create>"Create session"</button>
        <section class="panel" aria-labelledby="segments-title">
            <h2 id="segments-title">"Transcript"</h2>
            {move || view! { <TranscriptSegments transcript=transcript.get() query=Signal::stored(String::new()) /> }}
        </section>
    }
}

/// A suggestion as the preview lists it: its name, why it is suggested, and
/// for an approach seen in how the clinician talked, example sentences.
struct Reasoned {
    name: String,
    why: String,
    examples: Vec<String>,
}

impl Reasoned {
    fn new(name: String, why: String) -> Self {
        Reasoned {
            name,
            why,
            examples: Vec::new(),
        }
    }

    /// A tag with the words that triggered it, or the counts of how the
    /// clinician talked ("14 reflections, 9 open questions, 3 summaries").
    fn tag(t: &TagSuggestion) -> Self {
        match &t.talk {
            Some(talk) => Reasoned {
                name: t.tag.clone(),
                why: talk.counts.clone(),
                examples: talk.examples.clone(),
            },
            None => Reasoned::new(t.tag.clone(), format!("“{}”", t.evidence)),
        }
    }
}

/// What is suggested, by name, to tell when the list itself has changed.
fn suggestion_key(s: &crate::model::suggest::Suggestions) -> Vec<String> {
    let tags = s
        .interventions
        .iter()
        .chain(&s.themes)
        .map(|t| t.tag.clone());
    let tasks = s.homework.iter().map(|h| h.task.clone());
    let reviews = s.reviews.iter().map(|r| r.task.clone());
    tags.chain(tasks).chain(reviews).collect()
}

fn speakers_empty(reading: StoredValue<Reading>) -> bool {
    reading.with_value(|r| r.speakers().is_empty())
}
