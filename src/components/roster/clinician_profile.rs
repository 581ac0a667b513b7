use crate::components::TextInput;
use crate::components::{choice_options, picked};
use crate::model::note::NoteFormat;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The clinician's name, licence and preferred note format, used on every note.
#[component]
pub fn ClinicianProfile() -> impl IntoView {
    let state = use_app_state();
    let profile = RwSignal::new(match state.peek(|s| s.clinician()) {
        Ok(c) => c,
        Err(e) => {
            state.report(&e);
            Default::default()
        }
    });
    let save = move || state.save_clinician(&profile.get_untracked());

    view! {
        <details class="panel">
            <summary>
                "Your details"
                <span class="muted">
                    {move || {
                        let line = profile.with(|p| p.signature_line());
                        if line.is_empty() { " — not set".to_string() } else { format!(" — {line}") }
                    }}
                </span>
            </summary>
            <div class="grid">
                <TextInput
                    label="Your name"
                    on_leave=true
                    value=Signal::derive(move || profile.with(|p| p.name.clone()))
                    on_text=Callback::new(move |v: String| {
                        profile.update(|p| p.name = v.trim().to_string());
                        save();
                    })
                />
                <TextInput
                    label="Credentials"
                    on_leave=true
                    placeholder="e.g. Licensed Clinical Psychologist"
                    value=Signal::derive(move || profile.with(|p| p.credentials.clone()))
                    on_text=Callback::new(move |v: String| {
                        profile.update(|p| p.credentials = v.trim().to_string());
                        save();
                    })
                />
                <label class="field">
                    <span>"Default note format"</span>
                    <select on:change=move |ev| {
                        if let Some(f) = picked::<NoteFormat>(&ev) {
                            profile.update(|p| p.default_format = f);
                            save();
                        }
                    }>
                        {choice_options(move |f: NoteFormat| profile.with(|p| p.default_format == f))}
                    </select>
                </label>
            </div>
        </details>
    }
}
