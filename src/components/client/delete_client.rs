use crate::components::ConfirmButton;
use crate::model::Client;
use crate::model::trash::Trashed;
use crate::route::Route;
use crate::state::{use_navigation, use_records};
use leptos::prelude::*;

/// "Delete client": after a confirmation naming them and counting their
/// sessions, the client and every session of theirs move to Recently deleted.
#[component]
pub fn DeleteClient(
    #[prop(into)] client: Signal<Client>,
    /// How many sessions go with them.
    #[prop(into)]
    sessions: Signal<usize>,
) -> impl IntoView {
    let records = use_records();
    let navigation = use_navigation();
    let question = Signal::derive(move || {
        client.with(|c| Trashed::client(c, sessions.get()).delete_question())
    });
    let delete = move |()| {
        if records.delete_client(&client.with_untracked(|c| c.id.clone())) {
            navigation.navigate(Route::Roster);
        }
    };
    view! { <ConfirmButton label="Delete client" question confirm="Delete" on_confirm=delete /> }
}
