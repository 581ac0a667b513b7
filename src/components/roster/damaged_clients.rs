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
