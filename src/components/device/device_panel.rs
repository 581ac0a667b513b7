use crate::state::use_app_state;
use leptos::prelude::*;

/// Chromium's per-site quota for localStorage, in characters.
const QUOTA_CHARS: usize = 5_241_856;

/// Whether this device will keep the notes, and how much room they take.
#[component]
pub fn DevicePanel() -> impl IntoView {
    let state = use_app_state();
    let usage = move || state.read(|s| s.usage()).ok();
    view! {
        <details class="panel">
            <summary>"This device"</summary>
            <p aria-label="Storage persistence">
                {move || match state.persistent().get() {
                    Some(true) => {
                        "Storage is persistent: the browser will not clear your notes to free space."
                    }
                    Some(false) => {
                        "Storage is not persistent yet: the browser may clear site data when the device runs low on space. Installing the app or using it regularly usually changes this."
                    }
                    None => "This browser does not say whether it keeps site data.",
                }}
            </p>
            <Show when=move || state.persistent().get() != Some(true)>
                <button type="button" on:click=move |_| state.request_persistence()>"Ask to keep data"</button>
            </Show>
            <p>
                {move || {
                    usage()
                        .map(|chars| {
                            format!(
                                "Notes use {:.1}% of the space this browser gives the app ({} of about {} characters).",
                                chars as f64 * 100.0 / QUOTA_CHARS as f64,
                                chars,
                                QUOTA_CHARS,
                            )
                        })
                }}
            </p>
            <p class="muted">"Everything stays on this device. Sessionpad makes no network requests."</p>
        </details>
    }
}
