use crate::model::format_date;
use crate::route::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The homework agreed in one session as a short, plain list to print or
/// show the client: no notes, no app chrome.
#[component]
pub fn HomeworkCopy(id: String) -> impl IntoView {
    let state = use_app_state();
    let loaded = state.read(|s| {
        let session = s.session(&id)?;
        let client = match &session {
            Some(session) => s.client(&session.client_id)?,
            None => None,
        };
        Ok((session, client, s.clinician().unwrap_or_default()))
    });
    let (session, client, clinician) = match loaded {
        Ok((Some(session), Some(client), clinician)) => (session, client, clinician),
        Ok(_) => return view! { <p class="missing">"Session not found."</p> }.into_any(),
        Err(e) => {
            state.report(&e);
            return view! { <p class="missing">{e.to_string()}</p> }.into_any();
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let tasks = session
        .homework
        .iter()
        .filter(|a| !a.task.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>();

    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href=Route::Session(session.id.clone()).hash()>"Back to the session"</a>
        </nav>
        <article class="client-copy">
            <h1>{format!("Your homework, {}", client.name)}</h1>
            <p class="muted">
                {format!("Agreed on {}", format_date(session.date))}
                {session.next_appointment.map(|d| format!(" · next appointment {}", format_date(d)))}
            </p>
            <ol>
                {tasks
                    .into_iter()
                    .map(|a| {
                        view! {
                            <li>
                                <strong>{a.task}</strong>
                                {(!a.when.trim().is_empty()).then(|| view! { <div>{format!("When: {}", a.when.trim())}</div> })}
                                {(!a.why.trim().is_empty()).then(|| view! { <div>{format!("Why: {}", a.why.trim())}</div> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p class="muted">{clinician.signature_line()}</p>
        </article>
        <button type="button" class="primary" on:click=print>"Print"</button>
    }
    .into_any()
}
