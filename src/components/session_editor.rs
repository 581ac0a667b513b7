use crate::model::{Client, Clinician, InputError, Modality, Session, parse_date, parse_time};
use crate::platform::now_ms;
use crate::route::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// Opens one session for writing, or says why it cannot.
#[component]
pub fn SessionEditor(id: String) -> impl IntoView {
    let state = use_app_state();
    let loaded = state.read(|s| {
        let session = s.session(&id)?;
        let client = match &session {
            Some(session) => s.client(&session.client_id)?,
            None => None,
        };
        Ok((session, client, s.clinician().unwrap_or_default()))
    });
    match loaded {
        Ok((Some(session), Some(client), clinician)) => {
            view! { <SessionForm session client clinician /> }.into_any()
        }
        Ok(_) => view! {
            <section class="missing">
                <h1>"Session not found"</h1>
                <p>"This session is not on this device. "<a href="#/">"Back to all clients"</a></p>
            </section>
        }
        .into_any(),
        Err(e) => {
            state.report(&e);
            view! {
                <section class="missing">
                    <h1>"This session could not be opened"</h1>
                    <p>{e.to_string()}" "<a href="#/">"Back to all clients"</a></p>
                </section>
            }
            .into_any()
        }
    }
}

#[component]
fn SessionForm(session: Session, client: Client, clinician: Clinician) -> impl IntoView {
    let state = use_app_state();
    let planned = client.course.planned_sessions;
    let session = RwSignal::new(session);
    let error = RwSignal::new(None::<String>);

    // Every edit is saved at once; a refused value keeps the old one and says why.
    let edit = move |change: &dyn Fn(&mut Session) -> Result<(), InputError>| {
        let mut updated = session.get_untracked();
        match change(&mut updated) {
            Ok(()) => {
                error.set(None);
                updated.updated_at = now_ms();
                session.set(updated.clone());
                state.save_session(updated);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let clock =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();

    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="#/">"All clients"</a>
            " / "
            <a href=Route::Client(client.id.clone()).hash()>{client.display_name()}</a>
        </nav>
        <div class="section-head">
            <h1>{move || session.with(|s| s.title(planned))}</h1>
            {move || {
                session
                    .with(|s| s.beyond_plan(planned))
                    .then(|| view! { <span class="badge">{format!("Beyond the planned {planned}")}</span> })
            }}
        </div>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        <section class="panel session-header" aria-label="Session details">
            <div class="grid">
                <label class="field">
                    <span>"Date"</span>
                    <input
                        type="date"
                        prop:value=move || session.with(|s| s.date.to_string())
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|s| {
                                s.date = parse_date(&value)?;
                                Ok(())
                            });
                        }
                    />
                </label>
                <label class="field">
                    <span>"Start"</span>
                    <input
                        type="time"
                        prop:value=move || session.with(|s| clock(s.start))
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|s| s.set_times(parse_time(&value, "start")?, s.end));
                        }
                    />
                </label>
                <label class="field">
                    <span>"End"</span>
                    <input
                        type="time"
                        prop:value=move || session.with(|s| clock(s.end))
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|s| s.set_times(s.start, parse_time(&value, "end")?));
                        }
                    />
                </label>
                <div class="field">
                    <span id="duration-label">"Duration"</span>
                    <output aria-labelledby="duration-label">
                        {move || session.with(|s| s.duration_label().unwrap_or_else(|| "—".into()))}
                    </output>
                </div>
                <label class="field">
                    <span>"Modality"</span>
                    <select on:change=move |ev| {
                        if let Some(m) = Modality::from_key(&event_target_value(&ev)) {
                            edit(&|s| {
                                s.modality = m;
                                Ok(())
                            });
                        }
                    }>
                        {Modality::ALL
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option value=m.key() selected=move || session.with(|s| s.modality == m)>
                                        {m.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <div class="field">
                    <span>"Clinician"</span>
                    <span class="value">
                        {match clinician.signature_line() {
                            line if line.is_empty() => "Not set — add your details on the clients screen".to_string(),
                            line => line,
                        }}
                    </span>
                </div>
            </div>
        </section>
        <section class="panel" aria-label="Note">
            <label class="field wide">
                <span>"Notes"</span>
                <textarea
                    class="note-text"
                    rows="12"
                    placeholder="What happened in the session"
                    // Set once: rewriting the value while typing would move the caret.
                    prop:value=session.with_untracked(|s| s.notes.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit(&|s| {
                            s.notes = value.clone();
                            Ok(())
                        });
                    }
                ></textarea>
            </label>
        </section>
    }
}
