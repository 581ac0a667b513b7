use crate::components::{Crumbs, FieldError, ShowIf, keyed_list};
use crate::model::format_date;
use crate::route::Route;
use crate::state::use_records;
use leptos::prelude::*;

/// The page of a client whose record cannot be read: its sessions are still
/// listed and open, and the record itself waits untouched in This device, Problems.
#[component]
pub fn DamagedClient(id: String, #[prop(into)] problem: String) -> impl IntoView {
    let records = use_records();
    let client_id = id.clone();
    let sessions = Memo::new(move |_| records.sessions_of(&client_id).0);
    view! {
        <Crumbs />
        <h1>"Client record damaged"</h1>
        <p class="muted">{format!("Record {id}")}</p>
        <FieldError message=problem />
        <p>
            "Its sessions are listed below and open as usual. Under This device, Problems, you can download the damaged record or put a blank one in its place."
        </p>
        <section class="panel" aria-labelledby="sessions-title">
            <h2 id="sessions-title">"Sessions"</h2>
            <ol role="list" class="session-list" reversed>
                {keyed_list(
                    move || sessions.get().into_iter().rev(),
                    |s| s.id.clone(),
                    |s| {
                        view! {
                            <li>
                                <a class="card-main" href=Route::Session(s.id.clone()).hash()>
                                    <strong>{format!("Session {}", s.number)}</strong>
                                    <span class="muted">{format_date(s.date)}</span>
                                </a>
                            </li>
                        }
                    },
                )}
            </ol>
            <ShowIf when=move || sessions.with(Vec::is_empty)>
                <p class="muted">"No sessions."</p>
            </ShowIf>
        </section>
    }
}
