use super::{OwnMeasures, SnippetList};
use crate::components::{ChoiceSelect, PinSetting, TextInput, effect};
use crate::model::Clinician;
use crate::model::note::NoteFormat;
use crate::state::{use_conflicts, use_records, use_saving};
use leptos::prelude::*;

/// The clinician's name, licence and preferred note format, used on every note.
#[component]
pub fn ClinicianProfile() -> impl IntoView {
    let records = use_records();
    let conflicts = use_conflicts();
    let profile = RwSignal::new(match records.clinician() {
        Ok(c) => c,
        Err(e) => {
            use_saving().report(&e);
            Default::default()
        }
    });
    // Follows details another tab saved while nothing typed here waits.
    effect(move || {
        if let Some(theirs) = conflicts.newer_clinician(&profile.get_untracked()) {
            profile.set(theirs);
        }
    });
    // Queued per keystroke, like every field; nothing is left to save once
    // the page is gone.
    let change = move |f: &dyn Fn(&mut Clinician)| {
        if let Some(updated) = profile.try_update(|p| {
            f(p);
            p.clone()
        }) {
            records.edit(updated);
        }
    };

    view! {
        <details class="panel">
            <summary>
                <h2>"Your details"</h2>
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
                    value=(
                        move || profile.with(|p| p.name.clone()),
                        move |v: String| change(&|p| p.name = v.clone()),
                    )
                />
                <TextInput
                    label="Credentials"
                    placeholder="e.g. Licensed Clinical Psychologist"
                    value=(
                        move || profile.with(|p| p.credentials.clone()),
                        move |v: String| change(&|p| p.credentials = v.clone()),
                    )
                />
                <ChoiceSelect<NoteFormat>
                    label="Default note format"
                    value=move || profile.with(|p| p.default_format)
                    on_pick=move |f| change(&|p| p.default_format = f)
                />
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || profile.with(|p| p.full_names_in_file_names)
                    on:change=move |ev| {
                        let full = event_target_checked(&ev);
                        change(&|p| p.full_names_in_file_names = full)
                    }
                />
                <span>"Use clients' full names in exported file names"</span>
            </label>
            <p class="hint">
                "Otherwise a file is named by the client's code or initials, since a downloads folder shows its name to anyone."
            </p>
            <SnippetList profile on_change=move |c| records.edit(c) />
            <OwnMeasures profile on_change=move |c| records.edit(c) />
            <h3>"Handing the tablet to a client"</h3>
            <PinSetting />
        </details>
    }
}
