use crate::components::{ConfirmButton, FieldError};
use crate::state::use_app_state;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Saves `text` as a file named `name`, made on this device (no network).
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the URL by now; the object is freed soon after.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Every record that cannot be read, and every copy set aside, each to
/// download exactly as stored or to remove. Reads every record, so it is
/// built only while "This device" is open.
#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let state = use_app_state();
    let records = Memo::new(move |_| match state.read(|s| s.damaged_records()) {
        Ok(records) => records,
        Err(e) => {
            state.report(&e);
            Vec::new()
        }
    });
    let error = RwSignal::new(None::<String>);
    view! {
        <section class="problems" aria-labelledby="problems-title">
            <h3 id="problems-title">"Problems"</h3>
            <FieldError message=error />
            <Show when=move || records.with(Vec::is_empty)>
                <p class="muted">"Every record on this device can be read."</p>
            </Show>
            <ul class="problem-list">
                <For
                    each=move || records.get()
                    key=|record| record.clone()
                    children=move |record| {
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
                            match state.peek(|s| s.raw_value(&record)) {
                                Ok(raw) => {
                                    let started = download(&record.file_name(), &raw.unwrap_or_default());
                                    error.set(started.err().map(|e| format!("The download could not start ({e:?}).")));
                                }
                                Err(e) => state.report(&e),
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
                                            state.remove_damaged(&record.get_value());
                                        }
                                    />
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}
