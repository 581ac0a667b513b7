use crate::components::keyed_list;
use crate::route::Route;
use leptos::prelude::*;

/// Roster rows for clients whose record cannot be read: they stay on the
/// roster, so their sessions stay in reach.
#[component]
pub fn DamagedClients(
    /// The ids of the clients whose record is damaged.
    #[prop(into)]
    ids: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        {keyed_list(
            move || ids.get(),
            |id| id.clone(),
            |id| {
                let href = Route::Client(id.clone()).hash();
                view! {
                    <li class="card damaged">
                        <a class="card-main" href=href>
                            <strong>"Client record damaged"</strong>
                            <span class="muted">{id}</span>
                        </a>
                    </li>
                }
            },
        )}
    }
}
