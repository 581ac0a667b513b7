use crate::components::FieldError;
use crate::state::use_backups;
use leptos::prelude::*;

/// "Back up": downloads every record in one file, and says what it holds.
#[component]
pub fn BackupButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let backups = use_backups();
    let told = RwSignal::new(None::<Result<String, String>>);
    let click = move |_| told.set(Some(backups.back_up()));
    view! {
        <button type="button" class:primary=primary on:click=click>
            "Back up"
        </button>
        {move || told.get().and_then(Result::ok).map(|done| view! { <p class="muted" role="status">{done}</p> })}
        <FieldError message=Signal::derive(move || told.get().and_then(Result::err)) />
    }
}
