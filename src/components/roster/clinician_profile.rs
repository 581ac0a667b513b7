use crate::components::{ChoiceSelect, TextInput};
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
    // Also called as the page is taken down, when its values are gone.
    let save = move || {
        if let Some(p) = profile.try_get_untracked() {
            state.save_clinician(p);
        }
    };

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
                    value=move || profile.with(|p| p.name.clone())
                    on_text=move |v: String| {
                        profile.update(|p| p.name = v.trim().to_string());
                        save();
                    }
                />
                <TextInput
                    label="Credentials"
                    on_leave=true
                    placeholder="e.g. Licensed Clinical Psychologist"
                    value=move || profile.with(|p| p.credentials.clone())
                    on_text=move |v: String| {
                        profile.update(|p| p.credentials = v.trim().to_string());
                        save();
                    }
                />
                <ChoiceSelect<NoteFormat>
                    label="Default note format"
                    value=move || profile.with(|p| p.default_format)
                    on_pick=move |f| {
                        profile.update(|p| p.default_format = f);
                        save();
                    }
                />
            </div>
        </details>
    }
}
