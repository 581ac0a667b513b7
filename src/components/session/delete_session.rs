use crate::components::{ConfirmButton, use_edited_session};
use crate::model::Client;
use crate::model::trash::Trashed;
use crate::route::Route;
use crate::state::{use_navigation, use_records};
use leptos::prelude::*;

/// "Delete session": after a confirmation naming it, the session moves to
/// Recently deleted and its client's page shows.
#[component]
pub fn DeleteSession(client: Client) -> impl IntoView {
    let records = use_records();
    let navigation = use_navigation();
    let session = use_edited_session().session;
    let client = StoredValue::new(client);
    let question = Signal::derive(move || {
        session.with(|s| client.with_value(|c| Trashed::session(s, c).delete_question()))
    });
    let delete = move |()| {
        let id = session.with_untracked(|s| s.id.clone());
        if records.delete_session(&id) {
            navigation.navigate(Route::Client(client.with_value(|c| c.id.clone())));
        }
    };
    view! {
        <ConfirmButton label="Delete session" question confirm="Delete" on_confirm=delete />
    }
}
