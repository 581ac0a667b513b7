use crate::platform::copy_text;
use leptos::prelude::*;

/// The recovery key, shown once. It closes only on "I have saved it": a key
/// dismissed unread would leave a forgotten passphrase with no way back.
#[component]
pub fn RecoveryKeyDialog(key_text: String, #[prop(into)] on_saved: Callback<()>) -> impl IntoView {
    let copied = RwSignal::new(false);
    let text = key_text.clone();
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog recovery-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="recovery-title"
            >
                <h2 id="recovery-title">"Your recovery key"</h2>
                <p>
                    "If you forget the passphrase, this key is the only way into your notes. "
                    "It is shown this once. Print it or copy it somewhere safe, away from this device."
                </p>
                <p class="recovery-key" aria-label="Recovery key">{key_text}</p>
                <div class="dialog-actions">
                    <button
                        type="button"
                        on:click=|_| {
                            if let Some(w) = web_sys::window() {
                                let _ = w.print();
                            }
                        }
                    >
                        "Print"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| {
                            copy_text(&text);
                            copied.set(true);
                        }
                    >
                        {move || if copied.get() { "Copied" } else { "Copy" }}
                    </button>
                    <button type="button" class="primary" on:click=move |_| on_saved.run(())>
                        "I have saved it"
                    </button>
                </div>
            </div>
        </div>
    }
}
