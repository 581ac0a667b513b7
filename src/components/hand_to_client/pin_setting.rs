use crate::components::{FieldError, Refusal, TextInput};
use crate::model::hand_to_client::check_new_pin;
use crate::state::{HandBackBy, use_hand_to_client};
use leptos::prelude::*;

/// The PIN that takes the tablet back from a client when the lock is off:
/// under "Your details", and asked for before the first handover.
#[component]
pub fn PinSetting(
    /// Run once a PIN is set.
    #[prop(into, optional)]
    on_set: Option<Callback<()>>,
) -> impl IntoView {
    let hand_to_client = use_hand_to_client();
    let pin = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    let set = move || {
        let (typed, again) = (pin.get_untracked(), repeat.get_untracked());
        if let Err(e) = check_new_pin(&typed, &again) {
            error.set(Some(e.to_string()));
            return;
        }
        error.set(None);
        if hand_to_client.set_hand_back_pin(&typed) {
            pin.set(String::new());
            repeat.set(String::new());
            done.set(Some("PIN set.".into()));
            if let Some(on_set) = on_set {
                on_set.run(());
            }
        }
    };
    move || {
        match hand_to_client.hand_back_by() {
        HandBackBy::Passphrase => view! {
            <p class="hint">"With the lock on, your passphrase takes the tablet back from a client."</p>
        }
        .into_any(),
        by => view! {
            <form
                class="pin-setting"
                aria-label="PIN to take the tablet back"
                on:submit=move |ev| {
                    ev.prevent_default();
                    set();
                }
            >
                <p class="hint">
                    {if by == HandBackBy::Pin {
                        "A PIN is set. It takes the tablet back from a client: 4 to 8 digits. Type a new one to change it."
                    } else {
                        "Set a PIN to take the tablet back from a client: 4 to 8 digits."
                    }}
                </p>
                <div class="grid">
                    <TextInput in_form=true label="New PIN" kind="password" inputmode="numeric" value=pin refused />
                    <TextInput in_form=true label="PIN again" kind="password" inputmode="numeric" value=repeat refused />
                </div>
                <FieldError message=refused />
                <p class="muted" role="status">{move || done.get()}</p>
                <button type="submit">"Set PIN"</button>
            </form>
        }
        .into_any(),
    }
    }
}
