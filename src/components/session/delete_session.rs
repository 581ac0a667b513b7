use crate::components::{ConfirmButton, use_edited_session};
use crate::model::Client;
use crate::model::trash::Trashed;
use crate::route::Route;
use crate::state::use_app_state;
use leptos::prelude::*;

/// "Delete session": after a confirmation naming it, the session moves to
/// Recently deleted and its client's page shows.
#[component]
pub fn DeleteSession(client: Client) -> impl IntoView {
    let state = use_app_state();
    let session = use_edited_session().session;
    let client = StoredValue::new(client);
    let question = Signal::derive(move || {
        session.with(|s| client.with_value(|c| Trashed::session(s, c).delete_question()))
    });
    let delete = move |()| {
        let id = session.with_untracked(|s| s.id.clone());
        if state.delete_session(&id) {
            state.navigate(Route::Client(client.with_value(|c| c.id.clone())));
        }
    };
    view! {
        <ConfirmButton label="Delete session" question confirm="Delete" on_confirm=delete />
    }
}
