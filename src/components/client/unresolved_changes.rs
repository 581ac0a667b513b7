use crate::components::{ShowIf, keyed_list};
use crate::route::Route;
use crate::state::{use_conflicts, use_records};
use leptos::prelude::*;

/// The client's sessions with a version set aside because two tabs or
/// windows changed them at once, each a link to where it is resolved.
#[component]
pub fn UnresolvedChanges(client_id: String) -> impl IntoView {
    let conflicts = use_conflicts();
    let records = use_records();
    let sessions = Memo::new(move |_| conflicts.sessions_with_conflicts(&client_id));
    view! {
        <ShowIf when=move || sessions.with(|s| !s.is_empty())>
            <section class="panel" aria-labelledby="unresolved-title">
                <h2 id="unresolved-title">"Unresolved changes from another tab"</h2>
                <p class="muted">"Open each session to choose which version to keep."</p>
                <ul>
                    {keyed_list(
                        move || sessions.get(),
                        |id| id.clone(),
                        move |id| {
                            let title = untrack(|| records.session(&id))
                                .ok()
                                .flatten()
                                .map_or_else(|| "A session".to_string(), |s| format!("Session {}", s.number));
                            view! { <li><a href=Route::Session(id).hash()>{title}</a></li> }
                        },
                    )}
                </ul>
            </section>
        </ShowIf>
    }
}
