use crate::components::{Crumbs, or_missing};
use crate::model::{Client, Clinician, Session, format_date};
use crate::route::Route;
use crate::state::use_records;
use leptos::prelude::*;

/// The homework agreed in one session as a short, plain list to print or
/// show the client: no notes, no app chrome.
#[component]
pub fn HomeworkCopy(id: String) -> impl IntoView {
    let records = use_records();
    or_missing(
        "Session",
        records.session_with_client(&id),
        |(session, client)| {
            let clinician = records.clinician().unwrap_or_default();
            view! { <ClientCopy session client clinician /> }.into_any()
        },
    )
}

/// The printable list itself.
#[component]
fn ClientCopy(session: Session, client: Client, clinician: Clinician) -> impl IntoView {
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
        <Crumbs
            from_roster=false
            trail=vec![(Route::Session(session.id.clone()), "Back to the session".to_string())]
        />
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
}
