use crate::route::Route;
use crate::state::use_app_state;
use crate::storage::RecordRef;
use leptos::prelude::*;

/// Roster rows for clients whose record cannot be read: they stay on the
/// roster, so their sessions stay in reach.
#[component]
pub fn DamagedClients() -> impl IntoView {
    let state = use_app_state();
    let ids = Memo::new(move |_| {
        let (_, problems) = state.read(|s| s.clients());
        problems
            .iter()
            .filter_map(|p| match p.damaged_record() {
                Some(RecordRef::Client(id)) => Some(id),
                _ => None,
            })
            .collect::<Vec<_>>()
    });
    view! {
        <For
            each=move || ids.get()
            key=|id| id.clone()
            children=|id| {
                let href = Route::Client(id.clone()).hash();
                view! {
                    <li class="card damaged">
                        <a class="card-main" href=href>
                            <strong>"Client record damaged"</strong>
                            <span class="muted">{id}</span>
                        </a>
                    </li>
                }
            }
        />
    }
}
