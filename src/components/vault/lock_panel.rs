use super::{RecoveryKeyDialog, SuggestPassphrase};
use crate::components::{FieldError, Refusal, TextInput, WrongTriesGate};
use crate::model::lock::{check_new_passphrase, parse_lock_minutes};
use crate::model::{DeviceSettings, InputError};
use crate::platform::after_paint;
use crate::state::{Vault, VaultError, use_records, use_vault};
use leptos::prelude::*;

/// "Lock with passphrase" under "This device": turning the vault on, and,
/// once on, the idle time, a new passphrase, and turning it off.
#[component]
pub fn LockPanel() -> impl IntoView {
    let vault = use_vault();
    view! {
        <h3>"Lock with passphrase"</h3>
        {move || if vault.is_on() { view! { <LockSettings /> }.into_any() } else { view! { <TurnOnLock /> }.into_any() }}
    }
}

/// The checkbox that says the clinician understands what losing both keys means.
const UNDERSTOOD: &str = "understood";

/// A form's fields, error and busy flag, with one way to run its action
/// after "Working…" has painted (key stretching blocks for most of a second).
#[derive(Clone, Copy)]
struct Form {
    error: RwSignal<Option<String>>,
    /// The field the error is about, by its label.
    about: RwSignal<Option<&'static str>>,
    refused: Refusal,
    done: RwSignal<Option<&'static str>>,
    busy: RwSignal<bool>,
    /// For a form asking for the current passphrase: wrong ones wait as at
    /// the locked screen, or anyone at an open tablet could try one after
    /// another (the passphrase also opens backups and the server's copy).
    gate: Option<WrongTriesGate>,
}

impl Form {
    fn new() -> Self {
        let error = RwSignal::new(None);
        Self {
            error,
            about: RwSignal::new(None),
            refused: Refusal::new(error),
            done: RwSignal::new(None),
            busy: RwSignal::new(false),
            gate: None,
        }
    }

    /// A form that asks for the current passphrase.
    fn guarded() -> Self {
        Self {
            gate: Some(WrongTriesGate::start()),
            ..Self::new()
        }
    }

    /// Whether the form can be sent now: not while it works or waits.
    fn idle(self) -> bool {
        !self.busy.get() && self.gate.is_none_or(|g| g.seconds_to_wait() == 0)
    }

    /// "Too many tries…" while a guarded form waits.
    fn waiting(self) -> Signal<Option<String>> {
        match self.gate {
            Some(gate) => gate.waiting(),
            None => Signal::stored(None),
        }
    }

    /// Says why the entry in the field labelled `field` was refused.
    fn refuse(self, field: &'static str, why: impl std::fmt::Display) {
        self.about.set(Some(field));
        self.error.set(Some(why.to_string()));
    }

    /// The form's message, for the field labelled `field`.
    fn field(self, field: &'static str) -> Refusal {
        let about = self.about;
        self.refused.when(move || about.get() == Some(field))
    }

    /// Runs `action`; its failure is about the field labelled `failing`, if any.
    fn run(
        self,
        failing: Option<&'static str>,
        action: impl FnOnce() -> Result<&'static str, String> + 'static,
    ) {
        if self.gate.is_some_and(|g| !g.may_try()) {
            return;
        }
        self.busy.set(true);
        self.error.set(None);
        self.done.set(None);
        after_paint(move || {
            match action() {
                Ok(done) => {
                    self.gate.inspect(|g| g.right());
                    self.done.set(Some(done));
                }
                Err(e) => {
                    if Vault::wrong_passphrase(&e) {
                        self.gate.inspect(|g| g.wrong());
                    }
                    self.about.set(failing);
                    self.error.set(Some(e));
                }
            }
            self.busy.set(false);
        });
    }

    /// A new passphrase's refusal, said at the field it is about: the
    /// passphrase, its repeat, or the checkbox.
    fn refuse_new(self, passphrase: &'static str, repeat: &'static str, why: InputError) {
        let field = match why {
            InputError::PassphrasesDiffer => repeat,
            InputError::NotUnderstood => UNDERSTOOD,
            _ => passphrase,
        };
        self.refuse(field, why);
    }
}

fn secret(label: &'static str, value: RwSignal<String>, form: Form) -> impl IntoView {
    view! { <TextInput label kind="password" value refused=form.field(label) /> }
}

#[component]
fn TurnOnLock() -> impl IntoView {
    let vault = use_vault();
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let form = Form::new();
    let recovery = RwSignal::new(None::<String>);
    let turn_on = move |_| {
        let (p, r) = (passphrase.get_untracked(), repeat.get_untracked());
        if let Err(e) = check_new_passphrase(&p, &r, understood.get_untracked()) {
            return form.refuse_new("Passphrase", "Repeat passphrase", e);
        }
        // The passphrase was checked above: what fails now is the device.
        form.run(None, move || {
            let key = vault.turn_on(&p)?;
            recovery.set(Some(key));
            Ok("")
        });
    };
    view! {
        <p>
            "With a lock, every note on this device is encrypted. Sessionpad opens only with your "
            "passphrase, and locks itself when left alone. Choose one that is hard to guess: "
            "several words that do not go together, or a suggested one."
        </p>
        {secret("Passphrase", passphrase, form)}
        {secret("Repeat passphrase", repeat, form)}
        <SuggestPassphrase on_take=move |words: String| {
            passphrase.set(words.clone());
            repeat.set(words);
        } />
        <label class="check">
            <input
                type="checkbox"
                aria-invalid=form.field(UNDERSTOOD).invalid()
                aria-describedby=form.field(UNDERSTOOD).described_by()
                prop:checked=understood
                on:change=move |ev| understood.set(event_target_checked(&ev))
            />
            <span>
                "I understand Sessionpad cannot recover my notes without the passphrase or the recovery key"
            </span>
        </label>
        <FieldError message=form.refused />
        <button type="button" class="primary" disabled=form.busy on:click=turn_on>
            {move || if form.busy.get() { "Turning on…" } else { "Turn on lock" }}
        </button>
        <NewRecoveryKey recovery typed=vec![passphrase, repeat] />
    }
}

#[component]
fn LockSettings() -> impl IntoView {
    view! {
        <p>"Your notes are encrypted on this device. Lock with the Lock button at the top."</p>
        <LockAfter />
        <details class="subpanel">
            <summary>"Change passphrase"</summary>
            <ChangePassphrase />
        </details>
        <details class="subpanel">
            <summary>"Re-encrypt with a new key"</summary>
            <Rekey />
        </details>
        <details class="subpanel">
            <summary>"Turn off lock"</summary>
            <TurnOffLock />
        </details>
    }
}

#[component]
fn LockAfter() -> impl IntoView {
    let records = use_records();
    let settings = move || records.settings();
    let minutes = RwSignal::new(settings().lock_minutes().to_string());
    let error = RwSignal::new(None::<String>);
    let refused = Refusal::new(error);
    // What was typed stays in the field, kept or refused.
    let save = move |text: String| {
        minutes.set(text.clone());
        match parse_lock_minutes(&text) {
            Ok(m) => {
                error.set(None);
                records.commit(&DeviceSettings {
                    lock_after_minutes: Some(m),
                    ..settings()
                });
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <TextInput label="Lock after (minutes)" value=(move || minutes.get(), save) refused=refused />
        <FieldError message=refused />
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let vault = use_vault();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let form = Form::guarded();
    let change = move |_| {
        let (c, n, r) = (
            current.get_untracked(),
            new.get_untracked(),
            repeat.get_untracked(),
        );
        if let Err(e) = check_new_passphrase(&n, &r, true) {
            return form.refuse_new("New passphrase", "Repeat new passphrase", e);
        }
        form.run(Some("Current passphrase"), move || {
            vault.change_passphrase(&c, &n)?;
            current.set(String::new());
            new.set(String::new());
            repeat.set(String::new());
            Ok("Passphrase changed. The recovery key still works.")
        });
    };
    view! {
        {secret("Current passphrase", current, form)}
        {secret("New passphrase", new, form)}
        {secret("Repeat new passphrase", repeat, form)}
        <SuggestPassphrase on_take=move |words: String| {
            new.set(words.clone());
            repeat.set(words);
        } />
        <FieldError message=form.refused />
        <FieldError message=form.waiting() />
        <p role="status">{form.done}</p>
        <button type="button" disabled=move || !form.idle() on:click=change>
            "Change passphrase"
        </button>
    }
}

/// A new vault key for every note, under a new passphrase and a new
/// recovery key, for when the old ones may be known to someone else.
#[component]
fn Rekey() -> impl IntoView {
    let vault = use_vault();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let form = Form::guarded();
    let recovery = RwSignal::new(None::<String>);
    let rekey = move |_| {
        let (c, n, r) = (
            current.get_untracked(),
            new.get_untracked(),
            repeat.get_untracked(),
        );
        if let Err(e) = check_new_passphrase(&n, &r, true) {
            return form.refuse_new("New passphrase", "Repeat new passphrase", e);
        }
        if n == c {
            return form.refuse("New passphrase", VaultError::SamePassphrase);
        }
        form.run(Some("Current passphrase"), move || {
            recovery.set(Some(vault.start_rekeying(&c, &n)?));
            Ok("")
        });
    };
    view! {
        <p>
            "Use this if your passphrase or recovery key may have been seen by someone else, or a "
            "device holding your notes was lost. Every note is encrypted again with a new key, "
            "under a new passphrase and a new recovery key; the old passphrase and recovery key "
            "then open nothing on this device or the server. Your other devices ask for the new "
            "passphrase when they next sync. Backups made before still open with the old "
            "passphrase, and hold only the notes they held then: delete those you no longer need."
        </p>
        {secret("Current passphrase", current, form)}
        {secret("New passphrase", new, form)}
        {secret("Repeat new passphrase", repeat, form)}
        <SuggestPassphrase on_take=move |words: String| {
            new.set(words.clone());
            repeat.set(words);
        } />
        <FieldError message=form.refused />
        <FieldError message=form.waiting() />
        <button type="button" disabled=move || !form.idle() || vault.rekeying().get().is_some() on:click=rekey>
            {move || if form.busy.get() { "Re-encrypting…" } else { "Re-encrypt with a new key" }}
        </button>
        <NewRecoveryKey recovery typed=vec![current, new, repeat] />
    }
}

#[component]
fn TurnOffLock() -> impl IntoView {
    let vault = use_vault();
    let passphrase = RwSignal::new(String::new());
    let form = Form::guarded();
    let turn_off = move |_| {
        let p = passphrase.get_untracked();
        form.run(Some("Passphrase"), move || {
            vault.turn_off(&p)?;
            Ok("")
        });
    };
    view! {
        <p>"Your notes are decrypted and stored as they were before the lock."</p>
        {secret("Passphrase", passphrase, form)}
        <FieldError message=form.refused />
        <FieldError message=form.waiting() />
        <button type="button" disabled=move || !form.idle() on:click=turn_off>
            "Turn off lock"
        </button>
    }
}

/// A new recovery key, shown once. "I have saved it" clears the passphrases
/// typed to make it and tells the app the vault changed.
#[component]
fn NewRecoveryKey(
    recovery: RwSignal<Option<String>>,
    typed: Vec<RwSignal<String>>,
) -> impl IntoView {
    let vault = use_vault();
    let typed = StoredValue::new(typed);
    move || {
        recovery.get().map(|key_text| {
            view! {
                <RecoveryKeyDialog
                    key_text
                    on_saved=move |()| {
                        recovery.set(None);
                        typed.with_value(|typed| typed.iter().for_each(|t| t.set(String::new())));
                        vault.changed();
                    }
                />
            }
        })
    }
}
