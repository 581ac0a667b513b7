use crate::state::{StorageError, use_saving};
use leptos::prelude::*;

/// Stands in for a screen whose record is not on this device or cannot be read.
#[component]
pub fn Missing(what: &'static str, #[prop(optional)] problem: Option<String>) -> impl IntoView {
    let (title, detail) = match problem {
        None => (
            format!("{what} not found"),
            format!("This {} is not on this device. ", what.to_lowercase()),
        ),
        Some(problem) => (
            format!("This {} could not be read", what.to_lowercase()),
            format!("{problem} "),
        ),
    };
    view! {
        <section class="missing">
            <h1>{title}</h1>
            <p>{detail}<a href="#/">"Back to all clients"</a></p>
        </section>
    }
}

/// Renders a loaded record, or says plainly why there is nothing to show.
pub fn or_missing<T>(
    what: &'static str,
    loaded: Result<Option<T>, StorageError>,
    show: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match loaded {
        Ok(Some(record)) => show(record),
        Ok(None) => view! { <Missing what /> }.into_any(),
        Err(e) => {
            use_saving().report(&e);
            view! { <Missing what problem=e.to_string() /> }.into_any()
        }
    }
}
