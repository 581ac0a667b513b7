use crate::components::{FieldError, Refusal, TextInput, WrongTriesGate};
use crate::model::hand_to_client::Handover;
use crate::platform::after_paint;
use crate::state::{HandBackBy, use_hand_to_client};
use leptos::prelude::*;

/// Taking the tablet back: the passphrase (or the recovery key) with the
/// lock on, else the PIN.
/// Wrong entries wait like wrong passphrases at the locked screen, counted
/// with them. Nothing here says what the client answered.
#[component]
pub fn HandBack(
    /// What the client answered, as this page holds it; `None` when what
    /// was kept could not be read.
    handover: Option<Handover>,
    /// Back to the questionnaire; none when there is nothing to go back to.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let hand_to_client = use_hand_to_client();
    let by = hand_to_client.hand_back_by();
    let (noun, label) = match by {
        HandBackBy::Passphrase => ("passphrase", "Passphrase"),
        HandBackBy::Pin | HandBackBy::NothingYet => ("PIN", "PIN"),
    };
    let secret = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let gate = WrongTriesGate::start();
    let refused = Refusal::new(error);
    let waiting = gate.waiting();
    let handover = StoredValue::new(handover);
    let try_it = move || {
        if busy.get_untracked() || !gate.may_try() {
            return;
        }
        busy.set(true);
        error.set(None);
        // The passphrase is stretched as at unlocking: paint "Checking…" first.
        after_paint(move || {
            if !hand_to_client.hands_back(&secret.get_untracked()) {
                gate.wrong();
                secret.set(String::new());
                error.set(Some(format!("That is not the {noun}.")));
                busy.set(false);
                return;
            }
            gate.right();
            secret.set(String::new());
            if let Err(e) = handover.with_value(|h| hand_to_client.take_back(h.as_ref())) {
                error.set(Some(e));
                busy.set(false);
            }
        });
    };

    view! {
        <form
            class="panel client-page hand-back"
            on:submit=move |ev| {
                ev.prevent_default();
                try_it();
            }
        >
            <h1>"Hand back"</h1>
            <p>
                {if by == HandBackBy::Passphrase {
                    "For your clinician: your passphrase, or your recovery key, takes the tablet back."
                } else {
                    "For your clinician: your PIN takes the tablet back."
                }}
            </p>
            {match by {
                HandBackBy::Passphrase => view! { <TextInput in_form=true label kind="password" value=secret refused /> }.into_any(),
                HandBackBy::Pin | HandBackBy::NothingYet => {
                    view! { <TextInput in_form=true label kind="password" inputmode="numeric" value=secret refused /> }.into_any()
                }
            }}
            <FieldError message=refused />
            <FieldError message=waiting />
            <div class="dialog-actions">
                <button
                    type="submit"
                    class="primary"
                    disabled=move || { busy.get() || gate.seconds_to_wait() > 0 }
                >
                    {move || if busy.get() { "Checking…" } else { "Hand back" }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>"Back to the questions"</button>
                })}
            </div>
        </form>
    }
}
