use crate::components::{ConfirmButton, FieldError, ShowIf, keyed_list};
use crate::platform::download;
use crate::state::{use_records, use_saving};
use leptos::prelude::*;

/// Every record that cannot be read, and every copy set aside, each to
/// download exactly as stored or to remove. Reads every record, so it is
/// built only while "This device" is open.
#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let stored = use_records();
    let saving = use_saving();
    let records = Memo::new(move |_| match stored.damaged() {
        Ok(records) => records,
        Err(e) => {
            saving.report(&e);
            Vec::new()
        }
    });
    let error = RwSignal::new(None::<String>);
    view! {
        <section class="problems" aria-labelledby="problems-title">
            <h3 id="problems-title">"Problems"</h3>
            <FieldError message=error />
            <ShowIf when=move || records.with(Vec::is_empty)>
                <p class="muted">"Every record on this device can be read."</p>
            </ShowIf>
            <ul role="list" class="problem-list">
                {keyed_list(
                    move || records.get(),
                    |record| record.clone(),
                    move |record| {
                        let what = record.what.clone();
                        let question = record.remove_question();
                        let reason = if record.reason.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", record.reason)
                        };
                        let record = StoredValue::new(record);
                        let save_raw = move |_| {
                            let record = record.get_value();
                            match stored.raw_value(&record) {
                                Ok(raw) => {
                                    let started = download(&record.file_name(), "text/plain;charset=utf-8", &raw.unwrap_or_default());
                                    error.set(started.err().map(|e| format!("The download could not start ({e}).")));
                                }
                                Err(e) => saving.report(&e),
                            }
                        };
                        view! {
                            <li>
                                <span>
                                    <strong>{what.clone()}</strong>
                                    <span class="muted">{reason}</span>
                                </span>
                                <span class="card-actions">
                                    <button
                                        type="button"
                                        aria-label=format!("Download raw: {what}")
                                        on:click=save_raw
                                    >
                                        "Download raw"
                                    </button>
                                    <ConfirmButton
                                        label="Remove"
                                        aria_label=format!("Remove {what}")
                                        question
                                        confirm="Remove"
                                        on_confirm=move |()| {
                                            stored.remove_damaged(&record.get_value());
                                        }
                                    />
                                </span>
                            </li>
                        }
                    },
                )}
            </ul>
        </section>
    }
}
