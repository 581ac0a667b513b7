use crate::components::TextInput;
use crate::platform::new_id;
use crate::sync::{Account, AccountError};
use leptos::prelude::*;

/// What a database account is typed into: "Database address", "User name"
/// and "Password", read as one [`Account`].
#[derive(Clone, Copy)]
pub struct AccountForm {
    address: RwSignal<String>,
    user: RwSignal<String>,
    password: RwSignal<String>,
}

impl AccountForm {
    pub fn new() -> Self {
        Self {
            address: RwSignal::new(String::new()),
            user: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
        }
    }

    /// The account typed, for a new sync of this device.
    pub fn account(&self) -> Result<Account, AccountError> {
        Account::from_typed(
            &self.address.get_untracked(),
            &self.user.get_untracked(),
            &self.password.get_untracked(),
            new_id(),
        )
    }
}

#[component]
pub fn AccountFields(form: AccountForm) -> impl IntoView {
    view! {
        <TextInput
            label="Database address"
            placeholder="https://notes.example.org/db/sessionpad"
            value=form.address
            on_text=move |t| form.address.set(t)
        />
        <TextInput label="User name" value=form.user on_text=move |t| form.user.set(t) />
        <TextInput label="Password" kind="password" value=form.password on_text=move |t| form.password.set(t) />
    }
}
