use super::SearchFilters;
use crate::components::ShowIf;
use crate::model::search::{Filters, Found, Indexed, Query, index_session, search};
use crate::route::Route;
use crate::state::{Records, use_navigation, use_records};
use leptos::prelude::*;

/// The search box's id, so "/" can focus it from any screen.
pub const SEARCH_BOX_ID: &str = "search";

/// Every session of every client on the roster, folded for searching.
fn build_index(records: Records) -> Vec<(String, Vec<Indexed>)> {
    records
        .clients()
        .0
        .into_iter()
        .map(|client| {
            let sessions = records.sessions_of(&client.id).0;
            let index = sessions.iter().map(|s| index_session(s, &client)).collect();
            (client.name, index)
        })
        .collect()
}

/// "Search": results grouped by client, then by session, each with the words
/// around the hit and the hit marked. The index is built with the first
/// word typed or filter set.
#[component]
pub fn SearchPanel() -> impl IntoView {
    let records = use_records();
    let typed = RwSignal::new(String::new());
    let filters = RwSignal::new(Filters::default());
    let asked = move || Query::parse(&typed.get()).is_some() || !filters.with(Filters::is_empty);
    view! {
        <section class="search" aria-labelledby="search-title">
            // Heard, not seen: the box's own label says "Search"; the results' client names are h3s under it.
            <h2 id="search-title" class="visually-hidden">"Search"</h2>
            <label class="field">
                <span>"Search"</span>
                <input
                    id=SEARCH_BOX_ID
                    type="search"
                    placeholder="Words or a \"quoted phrase\" — press / from anywhere"
                    bind:value=typed
                />
            </label>
            <SearchFilters filters clients=records.clients().0 />
            <div class="search-results" aria-live="polite">
                <ShowIf when=asked><SearchResults typed filters /></ShowIf>
            </div>
        </section>
    }
}

#[component]
fn SearchResults(typed: RwSignal<String>, filters: RwSignal<Filters>) -> impl IntoView {
    let records = use_records();
    // Built on the first search, and again only when records change.
    let index = Memo::new(move |_| build_index(records));
    move || {
        let query = Query::parse(&typed.get());
        let filters = filters.get();
        if query.is_none() && filters.is_empty() {
            return None;
        }
        let grouped: Vec<(String, Vec<Found>)> = index.with(|clients| {
            clients
                .iter()
                .map(|(name, sessions)| (name.clone(), search(sessions, query.as_ref(), &filters)))
                .filter(|(_, found)| !found.is_empty())
                .collect()
        });
        Some(if grouped.is_empty() {
            let none = match typed.get().trim() {
                "" => "No sessions match these filters".to_string(),
                typed => format!("No sessions match '{typed}'"),
            };
            view! { <p class="muted">{none}</p> }.into_any()
        } else {
            grouped
                .into_iter()
                .map(|(name, found)| view! { <ClientResults name found typed /> })
                .collect_view()
                .into_any()
        })
    }
}

/// One client's matching sessions.
#[component]
fn ClientResults(name: String, found: Vec<Found>, typed: RwSignal<String>) -> impl IntoView {
    let navigation = use_navigation();
    view! {
        <h3>{name}</h3>
        <ul role="list" class="card-list">
            {found
                .into_iter()
                .map(|f| {
                    view! {
                        <li>
                            <a
                                class="card-main"
                                href=Route::Session(f.session_id.clone()).hash()
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    let term = Query::parse(&typed.get_untracked())
                                        .map(|q| q.first_term().to_string())
                                        .unwrap_or_default();
                                    navigation.open_found(&f.session_id, term);
                                }
                            >
                                <strong>{f.label}</strong>
                            </a>
                            {f
                                .snippets
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <p class="snippet">
                                            <span class="muted">{format!("{}: ", s.place)}</span>
                                            {s.before}
                                            <mark>{s.hit}</mark>
                                            {s.after}
                                        </p>
                                    }
                                })
                                .collect_view()}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
