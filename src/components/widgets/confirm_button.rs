use super::{ShowIf, effect};
use leptos::prelude::*;

/// A button whose action is asked about first, in an alert dialog that names
/// what happens; the dialog opens on "Cancel", so Enter never confirms by accident.
#[component]
pub fn ConfirmButton(
    /// The button's text: "Delete session".
    #[prop(into)]
    label: String,
    /// Its accessible name where the text alone is ambiguous in a list:
    /// "Restore Alex".
    #[prop(into, optional)]
    aria_label: Option<String>,
    /// The question, read when the button is pressed.
    #[prop(into)]
    question: Signal<String>,
    /// The confirming button's text: "Delete".
    #[prop(into)]
    confirm: String,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let opener = NodeRef::<leptos::html::Button>::new();
    let cancel = NodeRef::<leptos::html::Button>::new();
    effect(move || {
        if let Some(button) = cancel.get() {
            let _ = button.focus();
        }
    });
    let close = move || {
        asking.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    let title = aria_label.clone().unwrap_or_else(|| label.clone());
    view! {
        <button type="button" node_ref=opener aria-label=aria_label on:click=move |_| asking.set(true)>
            {label}
        </button>
        <ShowIf when=move || asking.get()>
            <div class="dialog-backdrop">
                <div
                    class="dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-label=title.clone()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <p>{move || question.get()}</p>
                    <div class="dialog-actions">
                        <button
                            type="button"
                            class="danger"
                            on:click=move |_| {
                                asking.set(false);
                                on_confirm.run(());
                            }
                        >
                            {confirm.clone()}
                        </button>
                        <button type="button" node_ref=cancel on:click=move |_| close()>
                            "Cancel"
                        </button>
                    </div>
                </div>
            </div>
        </ShowIf>
    }
}
