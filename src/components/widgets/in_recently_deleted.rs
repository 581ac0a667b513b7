use leptos::prelude::*;

/// Stands in for a screen whose record was deleted (say, reached with Back
/// after deleting it), so nothing is typed into a record no list shows.
#[component]
pub fn InRecentlyDeleted(what: &'static str) -> impl IntoView {
    view! {
        <section class="missing">
            <h1>{format!("This {} is in Recently deleted", what.to_lowercase())}</h1>
            <p>
                "Restore it from Recently deleted, at the foot of the client list, to open it again. "
                <a href="#/">"Back to all clients"</a>
            </p>
        </section>
    }
}
